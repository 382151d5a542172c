// Package typed takes a script's result apart for a Go caller without a
// type assertion that panics when the script returns something else: each
// getter returns an error naming what the value is instead.
package typed
