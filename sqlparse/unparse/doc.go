// Package unparse prints a syntax tree of package sqlparse back as script
// text: fully parenthesised for tests and diagnostics (Format,
// FormatScript), or the way DolphinDB prints metacode (Metacode). It only
// reads trees; it never parses or evaluates.
package unparse
