// Package tensor is DolphinDB's tensor value (data form 10,
// progr/tensor.md): an n-dimensional (n <= 10), row-major, contiguous
// array of BOOL, CHAR, SHORT, INT, LONG, FLOAT or DOUBLE, made by the
// tensor function and printed, typed and sent over the wire but not
// computed on or indexed. It imports value only.
package tensor
