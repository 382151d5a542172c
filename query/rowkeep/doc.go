// Package rowkeep keeps the rows a delete leaves: the list of kept rows,
// and a vector cut to them in its own storage.
package rowkeep
