// Package forloop says what a for loop over a value runs through: a
// vector's or a set's elements, an integral pair's range up or down, a
// matrix's columns, a table's rows as dictionaries, a scalar once.
package forloop
