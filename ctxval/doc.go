// Package ctxval carries at most one value of each Go type in a
// context.Context, keyed by the type, so that the packages that bind what
// a request's operations need (the audit log, the resource tracker, the
// stream sink of its connection) to its context share one mechanism.
package ctxval
