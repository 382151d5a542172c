package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Coded STRING vectors: the representation changes, the type and the
// elements do not.
func TestCodedStrings(t *testing.T) {
	strs := []string{"A", "B", "", "A", "C", "B"}
	for _, tc := range []struct {
		name string
		got  func(v *Vector) *Vector
		want []string
	}{
		{"Coded", func(v *Vector) *Vector { return v }, strs},
		{"Slice", func(v *Vector) *Vector { return v.Slice(1, 4) }, []string{"B", "", "A"}},
		{"Gather", func(v *Vector) *Vector { return v.Gather([]int{5, 0, 2}) }, []string{"B", "A", ""}},
		{"Cycle", func(v *Vector) *Vector { return v.Cycle(8) }, []string{"A", "B", "", "A", "C", "B", "A", "B"}},
		{"Clone", func(v *Vector) *Vector { return v.Clone() }, strs},
		{"DeepCopy", func(v *Vector) *Vector { return DeepCopy(v).(*Vector) }, strs},
		{"Filter", func(v *Vector) *Vector { return v.Filter([]bool{true, false, false, true, true, false}) }, []string{"A", "A", "C"}},
		{"Scatter", func(v *Vector) *Vector { return v.Scatter([]int32{5, 4, 3, 2, 1, 0}, 6) }, []string{"B", "C", "A", "", "B", "A"}},
		{"Like", func(v *Vector) *Vector { return v.Like(2) }, []string{"", ""}},
		{"CodedAs recodes", func(v *Vector) *Vector { return v.Slice(2, 5).CodedAs(String) }, []string{"", "A", "C"}},
		{"Coded again", func(v *Vector) *Vector { return v.Coded() }, strs},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := NewStrings(String, append([]string(nil), strs...)).Coded()
			d := tc.got(v)
			require.Equal(t, String, d.T)
			require.NotNil(t, d.Syms, "stays coded")
			require.Nil(t, d.Str)
			require.Equal(t, tc.want, texts(d))
			require.Equal(t, tc.want, d.Strings())
			require.Equal(t, len(tc.want), d.Len())
			require.Equal(t, NewStrings(String, tc.want).String(), d.String(), "prints as plain")
			if Invariants {
				CheckCoded(d)
			}
		})
	}
	v := NewStrings(String, strs).Coded()
	require.Equal(t, 4, v.Syms.Len(), `"", A, B, C`)
	require.True(t, v.IsNull(2))
	require.Equal(t, &Scalar{T: String, S: "C"}, v.At(4))
	require.Equal(t, NewStrings(String, strs).AppendKey(nil, 4), v.AppendKey(nil, 4))
	sub := v.Slice(2, 5).CodedAs(String)
	require.Equal(t, []string{"", "A", "C"}, sub.Syms.Strs(), "a recoded base holds only the strings used")
	ints := NewInts([]int32{1})
	require.Same(t, ints, ints.Coded(), "only literal vectors are coded")
	require.Same(t, v, v.Coded())
}

// Mutating a coded STRING vector interns into its base, which only grows,
// so a vector sharing the base (a copy taken before) keeps its elements.
func TestCodedStringsMutate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(v *Vector)
		want   []string
	}{
		{"AppendScalar new", func(v *Vector) { v.AppendScalar(&Scalar{T: String, S: "Z"}) }, []string{"A", "B", "A", "Z"}},
		{"AppendNull", func(v *Vector) { v.AppendNull() }, []string{"A", "B", "A", ""}},
		{"AppendNulls", func(v *Vector) { v.AppendNulls(2) }, []string{"A", "B", "A", "", ""}},
		{"Set new", func(v *Vector) { v.Set(0, &Scalar{T: String, S: "Z"}) }, []string{"Z", "B", "A"}},
		{"Set NULL", func(v *Vector) { v.Set(1, &Scalar{T: String, Null: true}) }, []string{"A", "", "A"}},
		{"SetNull", func(v *Vector) { v.SetNull(2) }, []string{"A", "B", ""}},
		{"SetFrom plain", func(v *Vector) { v.SetFrom(0, NewStrings(String, []string{"P"}), 0) }, []string{"P", "B", "A"}},
		{"AppendFrom coded", func(v *Vector) { v.AppendFrom(NewStrings(String, []string{"Q"}).Coded(), 0) }, []string{"A", "B", "A", "Q"}},
		{"AppendVector plain", func(v *Vector) { v.AppendVector(NewStrings(String, []string{"X", ""})) }, []string{"A", "B", "A", "X", ""}},
		{"AppendVector coded", func(v *Vector) { v.AppendVector(NewStrings(String, []string{"B", "Y"}).Coded()) }, []string{"A", "B", "A", "B", "Y"}},
		{"AppendVector itself", func(v *Vector) { v.AppendVector(v) }, []string{"A", "B", "A", "A", "B", "A"}},
		{"Truncate", func(v *Vector) { v.Truncate(1) }, []string{"A"}},
		{"GatherAt", func(v *Vector) { v.GatherAt(1, NewStrings(String, []string{"G", "H"}), []int{1, 0}) }, []string{"A", "H", "G"}},
		{"Decode then write", func(v *Vector) { v.Decode(); v.Str[1] = "D" }, []string{"A", "D", "A"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig := NewStrings(String, []string{"A", "B", "A"}).Coded()
			v := DeepCopy(orig).(*Vector)
			require.Same(t, orig.Syms, v.Syms)
			tc.mutate(v)
			require.Equal(t, String, v.T)
			require.Equal(t, tc.want, texts(v))
			require.Equal(t, []string{"A", "B", "A"}, texts(orig), "the copy's mutation is not seen")
			if Invariants {
				CheckCoded(v)
				CheckCoded(orig)
			}
		})
	}
	v := NewStrings(String, []string{"A", "", "B"}).Coded()
	v.Decode()
	require.Nil(t, v.Syms)
	require.Nil(t, v.I32)
	require.Equal(t, []string{"A", "", "B"}, v.Str)
	v.Decode()
	require.Equal(t, []string{"A", "", "B"}, v.Str, "decoding a plain vector changes nothing")
}

// A plain vector receiving a coded STRING vector's elements stays plain.
func TestCodedStringsIntoPlain(t *testing.T) {
	coded := NewStrings(String, []string{"A", "B"}).Coded()
	plain := NewStrings(String, []string{"X"})
	plain.AppendVector(coded)
	plain.AppendFrom(coded, 1)
	require.Nil(t, plain.Syms)
	require.Equal(t, []string{"X", "A", "B", "B"}, plain.Str)
}

// Casting between literal types of coded vectors translates codes: a
// STRING column becomes SYMBOL with one intern per distinct string.
func TestCodedAsSymbol(t *testing.T) {
	s := NewStrings(String, []string{"B", "A", "", "B"}).Coded()
	sym := s.CodedAs(Symbol)
	require.Equal(t, Symbol, sym.T)
	require.NotSame(t, s.Syms, sym.Syms)
	require.Equal(t, []string{"B", "A", "", "B"}, texts(sym))
	require.Equal(t, []int32{1, 2, 0, 1}, sym.I32)
	require.Equal(t, String, s.T, "the source is unchanged")
}
