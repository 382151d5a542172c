// Package cast converts DolphinDB values between types: the explicit
// conversions (int(), date(), string(), cast/$), the text a literal or a
// string converts from (ParseNumber, ParseTemporal, ParseAs) and the
// common type of a vector literal (FromScalars).
//
// It owns the conversion rules and their NULL and overflow behaviour; it
// builds on package value's model and may not change it, and value never
// imports it.
package cast
