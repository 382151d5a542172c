// Package rowsort compares table rows by SQL ordering items (order by,
// csort, the ORDER BY of an analytic window): direction and the place of
// NULLs as DolphinDB orders them.
//
// It works on key columns already evaluated; it imports only sqlparse (for
// the items) and value.
package rowsort
