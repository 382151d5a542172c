package higherorder

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// TestCallArgs checks that each's arguments read from blocks are the
// items funcs.SeqOf gives, each call's apart from every other's, past
// the end of a chunk.
func TestCallArgs(t *testing.T) {
	n := argChunk*2 + 3
	ints := make([]int32, n)
	strs := make([]string, n)
	for i := range ints {
		ints[i] = int32(i)
		strs[i] = string(rune('a' + i%26))
	}
	ints[5] = value.NullInt32
	dict := value.NewDict(value.Int, value.String)
	dict.PutAll(value.NewInts(ints), value.NewStrings(value.String, strs))
	pick := func(xs ...value.Value) []value.Value { return xs }
	for _, tc := range []struct {
		name  string
		args  []value.Value
		block int // how many of a call's arguments are read into the block
	}{
		{"ints", pick(value.NewInts(ints)), 1},
		{"strings and a scalar", pick(value.NewStrings(value.String, strs), value.NewInt(7)), 1},
		{"ints and strings", pick(value.NewInts(ints), value.NewStrings(value.String, strs)), 2},
		{"set", pick(value.NewSet(value.NewInts(ints))), 1},
		{"dictionary", pick(dict), 1},
		{"tuple", pick(value.NewTuple(func() []value.Value {
			out := make([]value.Value, n)
			for i := range out {
				out[i] = value.NewInt(int32(i))
			}
			return out
		}())), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seqs := make([]funcs.Seq, len(tc.args))
			for k, a := range tc.args {
				seqs[k] = funcs.SeqOf(a)
			}
			m := seqs[0].N
			c := newCallArgs(tc.args, seqs)
			require.Equal(t, tc.block, c.nvecs)
			var calls [][]value.Value
			for i := 0; i < m; i++ {
				call := c.at(i, m)
				require.Len(t, call, len(seqs))
				require.Equal(t, len(seqs), cap(call), "a call appending to its list writes no other's")
				for k, s := range seqs {
					require.Equal(t, s.At(i), call[k])
				}
				calls = append(calls, call)
			}
			for i, call := range calls {
				if tc.block > 0 {
					call[0].(*value.Scalar).I = -1 // a mutable parameter's change
				}
				for j := i + 1; j < len(calls) && j < i+2; j++ {
					require.Equal(t, seqs[0].At(j), calls[j][0], "call %d's change reached call %d's", i, j)
				}
			}
		})
	}
}
