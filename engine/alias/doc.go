// Package alias says, from the shape of a script expression, which
// variables its value may share storage with, so that an assignment need
// not look at every variable of the frame to keep DolphinDB's value
// semantics.
package alias
