// Package strfn registers DolphinDB's string functions (the manual's
// "string" and "encoding" categories): searching and slicing strings,
// formatting, regular expressions, and encodings and digests. It imports
// the funcs core and temporal.
package strfn
