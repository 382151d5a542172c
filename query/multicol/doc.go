// Package multicol splits the value of a select item named by several
// columns (`f(x) as `a`b`, progr/sql/groupby.md) into one value a
// column; an empty name drops its value.
//
// It evaluates nothing: package query computes the item's value (under
// context by, for each group ContextColumns asks for) and asks this
// package for the columns' names and parts.
package multicol
