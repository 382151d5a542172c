// Package groupkeys places a group by query's keys: a select item that
// repeats a grouping expression reads the key's column, and the result
// puts the keys the select list does not name before the items.
package groupkeys
