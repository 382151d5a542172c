// Package partfn compiles the partitioning function calls of DFS tables
// (createPartitionedTable's "myPartitionFunc(id)") into functions over
// the column's values, each evaluated in a session of its own.
package partfn
