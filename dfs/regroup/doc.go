// Package regroup lays an append's routed rows out partition by partition
// for storage, SYMBOL columns dictionary-encoded on the way.
package regroup
