// Package filesys holds DolphinDB's server-side file system functions
// (file, readLine, writeLine, read!, write, readRecord!, writeObject,
// files, mkdir, rm ...) and the one rule every function that touches the
// server's disk follows: a path is resolved against the server's home
// directory and must stay inside it.
package filesys
