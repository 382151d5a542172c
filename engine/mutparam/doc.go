// Package mutparam writes a function's new value of a mutable parameter
// into the object the caller passed, so the caller sees the change.
package mutparam
