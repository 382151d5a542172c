// Package convert registers DolphinDB's type-conversion functions (the
// manual's "types-conversion" category, temporal parsing aside): casts and
// numeric parsing, decimals, forms (vector, matrix, dict, set, tensor), and JSON.
// It imports the funcs core and temporal.
package convert
