// Package digits appends DolphinDB's text forms of numbers, dates and
// clock times to byte slices without allocating, and cuts a column's
// strings out of a few shared buffers instead of one allocation a row.
package digits
