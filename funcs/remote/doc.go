// Package remote registers xdb and the remoteRun family: a connection
// from this server to another server that speaks DolphinDB's binary
// protocol (another Porpoise, or DolphinDB), and scripts and functions
// run in that connection's session on the other server. It imports the
// funcs core and the Go client only.
package remote
