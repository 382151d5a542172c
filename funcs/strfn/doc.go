// Package strfn registers DolphinDB's string functions (the manual's
// "string" and "encoding" categories): searching and slicing strings,
// formatting, regular expressions, encodings and digests, and the RDP
// compression of POINT polylines (rdp). It imports the funcs core and
// temporal.
package strfn
