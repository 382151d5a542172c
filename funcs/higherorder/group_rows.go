package higherorder

import "github.com/porpoisedb/porpoise/value"

// GroupRows groups n rows by key columns (a vector, or a tuple of them)
// as groupby and contextby do: each group's row indices, groups in the
// order of their sorted keys.
func GroupRows(name string, keys value.Value, n int) ([][]int, error) {
	groups, _, err := groupKeys(name, keys, n)
	return groups, err
}
