// Package temporal registers DolphinDB's temporal functions (the manual's
// "temporal" category and the temporal entries of "types-conversion"):
// calendar arithmetic, business days and market calendars, durations,
// frequencies and periods, temporal formatting and parsing, and today and
// now, which read the interpreter's Clock when it has one. It owns the
// shared reading of temporal arguments (TemporalInput, TypedVector) that
// string, conversion and grouping functions reuse. It imports only the
// funcs core.
package temporal
