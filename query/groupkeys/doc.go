// Package groupkeys rewrites a group by query whose select list repeats a
// grouping expression so that the item reads the key's column.
package groupkeys
