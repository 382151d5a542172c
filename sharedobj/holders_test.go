package sharedobj

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// binder binds its values as a partial application does.
type binder struct {
	value.Value
	bound []value.Value
}

func (b binder) BoundArgs() []value.Value { return b.bound }

// partitioned is a partitioned table made of user tables.
type partitioned struct {
	value.Value
	parts []*value.Table
}

func (p partitioned) ExternalPartitions() []*value.Table { return p.parts }

// AppendHeld finds the handles and shared tables a value is or holds,
// however it holds them, and stops at a tuple holding itself.
func TestAppendHeld(t *testing.T) {
	newTable := func() *value.Table {
		return value.NewTable([]string{"a"}, []*value.Vector{value.NewInts([]int32{1})})
	}
	handle, shared, plain := newTable(), newTable(), newTable()
	handle.Handle, shared.Shared = true, "st"
	dict := value.NewDict(value.String, value.Any)
	dict.Keys.Str = []string{"a", "b"}
	dict.Vals.Any = []value.Value{value.NewTuple([]value.Value{handle, value.NewInt(1)}), plain}
	loop := value.NewTuple([]value.Value{shared})
	loop.Any = append(loop.Any, loop)
	tests := []struct {
		name string
		v    value.Value
		want []value.Value
	}{
		{name: "a handle", v: handle, want: []value.Value{handle}},
		{name: "a shared table", v: shared, want: []value.Value{shared}},
		{name: "a private table", v: plain},
		{name: "a tuple", v: value.NewTuple([]value.Value{value.NewInt(1), shared, plain}), want: []value.Value{shared}},
		{name: "a tuple in a dictionary", v: dict, want: []value.Value{handle}},
		{name: "a partial application", v: binder{bound: []value.Value{nil, handle}}, want: []value.Value{handle}},
		{name: "a partitioned table over tables", v: partitioned{parts: []*value.Table{plain, shared}}, want: []value.Value{shared}},
		{name: "a partitioned table over none", v: partitioned{}},
		{name: "a tuple holding itself", v: loop, want: slices.Repeat([]value.Value{shared}, maxHoldDepth)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, AppendHeld(nil, tt.v))
		})
	}
}
