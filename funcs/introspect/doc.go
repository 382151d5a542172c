// Package introspect holds DolphinDB's functions that describe a value
// rather than compute with it: snippet (the text print shows) and
// constantDesc (a dictionary of the value's form, type and shape).
package introspect
