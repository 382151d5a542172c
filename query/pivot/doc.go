// Package pivot runs select ... pivot by (progr/sql/pivotBy.md): it
// lays the rows a query kept out as one row per row key and one column
// per column key value and select item, keeps duplicate pairs' last row
// or, under asis, all of them, applies the row and null-filling calls a
// pivoted item may wrap, and refuses the calls DolphinDB refuses under
// pivot by (S02028-S02031).
//
// It owns the pivot layout only: evaluating expressions and a select
// item's value per (row, column) cell it asks of the query through a
// Host, and ordering and limiting the result is the caller's. It never
// imports package query.
package pivot
