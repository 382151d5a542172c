// Package wallclock reads a Go time.Time as DolphinDB stores the times it
// reports (now(), session and job times, audit and access records): the
// wall clock of the time's own zone, counted from 1970-01-01 00:00 of that
// clock, in nanoseconds (NANOTIMESTAMP) or milliseconds (TIMESTAMP).
package wallclock
