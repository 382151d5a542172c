// Package wheremask turns the values of a query's where conditions into
// one flag per row of the table, and flags into the rows they keep.
package wheremask
