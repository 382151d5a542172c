// Package owner reports which variables reach a value's storage, so that
// an assignment copies only what another variable still sees and a
// statement may change a table in place when one variable alone holds it.
package owner
