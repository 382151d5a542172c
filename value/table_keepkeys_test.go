package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// keyedOn is a keyed table of an INT key column k and a DOUBLE column v.
func keyedOn(keys []int32) *Table {
	v := make([]float64, len(keys))
	t := NewTable([]string{"k", "v"}, []*Vector{NewInts(keys), NewDoubles(v)})
	t.Kind, t.KeyCols = KeyedTable, []int{0}
	t.RebuildKeys()
	return t
}

func TestKeepKeys(t *testing.T) {
	tests := []struct {
		name string
		// made builds the rewritten table from old
		made func(old *Table) *Table
		kept bool
	}{
		{"other column replaced", func(old *Table) *Table {
			return NewTable(old.Names, []*Vector{old.Cols[0], NewDoubles([]float64{7, 8, 9})})
		}, true},
		{"the table itself", func(old *Table) *Table { return old }, true},
		{"key column copied", func(old *Table) *Table {
			return NewTable(old.Names, []*Vector{old.Cols[0].Clone(), old.Cols[1]})
		}, false},
		{"rows dropped", func(old *Table) *Table { return old.Gather([]int{0, 2}) }, false},
		{"other key columns", func(old *Table) *Table {
			m := NewTable(old.Names, []*Vector{old.Cols[0], old.Cols[1]})
			m.KeyCols = []int{0, 1}
			return m
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old := keyedOn([]int32{5, 6, 7})
			m := tc.made(old)
			m.Kind = KeyedTable
			if m.KeyCols == nil {
				m.KeyCols = []int{0}
			}
			require.Equal(t, tc.kept, m.KeepKeys(old))
			if !tc.kept {
				return
			}
			// the moved index finds every key in its row and nothing else
			rows := make([]int32, 4)
			m.FindKeys([]*Vector{NewInts([]int32{7, 5, 6, 8})}, rows)
			require.Equal(t, []int32{2, 0, 1, -1}, rows)
			if m != old {
				require.Nil(t, old.index, "old must not share the index it gave away")
			}
		})
	}
}
