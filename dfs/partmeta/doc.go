// Package partmeta converts a partition level (partition.Domain) to and
// from the JSON record the dfs catalog persists it as, scheme values kept
// as DolphinDB literals of their type.
package partmeta
