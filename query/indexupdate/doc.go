// Package indexupdate runs indexed assignments to tables whose rows or
// values are metacode, t[col, <cond>] = <expr>, as SQL updates.
package indexupdate
