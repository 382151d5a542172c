// Package callargs lays out a call's arguments: a partial application's
// bound ones with the call's own in its empty slots, named arguments at
// their parameters' positions, and the names arguments give the columns
// of a result.
package callargs
