// Package orderkey turns SQL ordering items (order by, csort, the ORDER
// BY of an analytic window) and their evaluated key columns into
// package rowsort's keys.
package orderkey
