package value

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// texts reads any literal vector as strings, through the accessors.
func texts(v *Vector) []string {
	out := make([]string, v.Len())
	for i := range out {
		out[i] = v.StrAt(i)
	}
	return out
}

func TestCodedSymbolsDerivedShareBase(t *testing.T) {
	strs := []string{"A", "B", "", "A", "C", "B"}
	v := NewSymbols(strs)
	require.Equal(t, strs, texts(v))
	require.Equal(t, strs, v.Strings())
	require.Nil(t, v.Str, "a coded vector keeps no strings")
	require.Equal(t, 4, v.Syms.Len(), `"", A, B, C`)
	require.True(t, v.IsNull(2))
	require.True(t, v.HasNull())

	derived := map[string]*Vector{
		"Slice":   v.Slice(1, 4),
		"Gather":  v.Gather([]int{5, 0, 2}),
		"Clone":   v.Clone(),
		"Filter":  v.Filter([]bool{true, false, false, true, true, false}),
		"Cycle":   v.Cycle(8),
		"Scatter": v.Scatter([]int32{5, 4, 3, 2, 1, 0}, 6),
		"Reorder": v.Reorder(&Vector{}, []int32{1, 0}, nil),
		"Like":    v.Like(2),
		"Copy":    DeepCopy(v).(*Vector),
	}
	want := map[string][]string{
		"Slice":   {"B", "", "A"},
		"Gather":  {"B", "A", ""},
		"Clone":   strs,
		"Filter":  {"A", "A", "C"},
		"Cycle":   {"A", "B", "", "A", "C", "B", "A", "B"},
		"Scatter": {"B", "C", "A", "", "B", "A"},
		"Reorder": {"B", "A"},
		"Like":    {"", ""},
		"Copy":    strs,
	}
	for name, d := range derived {
		require.Same(t, v.Syms, d.Syms, name)
		require.Equal(t, want[name], texts(d), name)
	}
}

func TestCodedSymbolsMutate(t *testing.T) {
	v := NewSymbols([]string{"A", "B"})
	v.AppendScalar(&Scalar{T: Symbol, S: "C"})
	v.AppendNull()
	v.AppendNulls(2)
	v.Set(0, &Scalar{T: Symbol, S: "Z"})
	v.SetNull(1)
	require.Equal(t, []string{"Z", "", "C", "", "", ""}, texts(v))
	require.Equal(t, 6, v.Len())
	v.Truncate(3)
	require.Equal(t, []string{"Z", "", "C"}, texts(v))
	require.Equal(t, "C", v.At(2).S)
	require.Equal(t, v.AppendKey(nil, 0), NewStrings(Symbol, []string{"Z"}).AppendKey(nil, 0))
}

// Moving elements between vectors with different bases or none re-codes
// or materialises them and never mixes codes of two bases.
func TestCodedSymbolsAcrossBases(t *testing.T) {
	a := NewSymbols([]string{"A", "B"})
	b := NewSymbols([]string{"B", "C", ""})
	plain := NewStrings(Symbol, []string{"D", "A"})

	x := a.Clone()
	x.AppendVector(b)
	x.AppendVector(plain)
	require.Same(t, a.Syms, x.Syms)
	require.Equal(t, []string{"A", "B", "B", "C", "", "D", "A"}, texts(x))

	p := NewStrings(Symbol, []string{"P"})
	p.AppendVector(b)
	require.Nil(t, p.Syms)
	require.Equal(t, []string{"P", "B", "C", ""}, p.Str)

	x.SetFrom(0, b, 1)
	x.AppendFrom(plain, 0)
	p.SetFrom(0, a, 1)
	p.AppendFrom(b, 0)
	require.Equal(t, []string{"C", "B", "B", "C", "", "D", "A", "D"}, texts(x))
	require.Equal(t, []string{"B", "B", "C", "", "B"}, p.Str)

	g := NewStrings(Symbol, make([]string, 3))
	g.GatherAt(1, b, []int{1, 0})
	require.Equal(t, []string{"", "C", "B"}, g.Str)
	h := a.Like(3)
	h.GatherAt(0, b, []int{1, 2, 0})
	h.GatherAt(2, plain, []int{0})
	require.Equal(t, []string{"C", "", "D"}, texts(h))
	require.Equal(t, []string{"", "A", "B", "C", "D"}, a.Syms.Strs(), "the shared base only grew")
}

func TestSymbolCodes(t *testing.T) {
	v := NewSymbols([]string{"B", "A", "B"})
	codes, base, ok := v.SymbolCodes()
	require.True(t, ok)
	require.Equal(t, []int32{1, 2, 1}, codes)
	require.Equal(t, []string{"", "B", "A"}, base)
	_, _, ok = NewStrings(Symbol, []string{"B"}).SymbolCodes()
	require.False(t, ok)
	c, ok := v.Syms.Code("A")
	require.True(t, ok)
	require.Equal(t, int32(2), c)
	_, ok = v.Syms.Code("Q")
	require.False(t, ok)
}

// InternAll's pointer cache tells apart texts sharing their first byte
// (substrings of one buffer) and repeats of one text.
func TestInternAllSharedData(t *testing.T) {
	buf := "ABCABC"
	strs := []string{buf[:1], buf[:2], buf[:1], buf[3:4], buf[:0], buf[1:3], buf[:2]}
	b := NewSymbolBase()
	codes := b.InternAll(nil, strs)
	for i, c := range codes {
		require.Equal(t, strs[i], b.Strs()[c], "row %d", i)
	}
	require.Equal(t, []string{"", "A", "AB", "BC"}, b.Strs())
}

// A base made from a stored one keeps its codes, looks texts up only when
// asked, and grows by AppendAt only while nobody interned other texts.
func TestSymbolBaseOf(t *testing.T) {
	b := NewSymbolBaseOf([]string{"", "B", "A"})
	v := &Vector{T: Symbol, I32: []int32{2, 0, 1}, Syms: b}
	require.Equal(t, []string{"A", "", "B"}, v.Strings())
	require.Nil(t, b.index, "no lookup yet")
	require.True(t, b.AppendAt(3, []string{"C"}))
	require.False(t, b.AppendAt(3, []string{"D"}), "the base has 4 codes now")
	c, ok := b.Code("C")
	require.True(t, ok)
	require.Equal(t, int32(3), c)
	require.True(t, b.AppendAt(4, []string{"D"}))
	c, ok = b.Code("D")
	require.True(t, ok, "AppendAt keeps a built index current")
	require.Equal(t, int32(4), c)
	require.Equal(t, int32(5), b.Intern("E"))
	require.False(t, b.AppendAt(5, []string{"F"}), "E was interned meanwhile")
	require.Equal(t, []int32{-1, 2, 1}, NewSymbols([]string{"A", "B"}).Syms.Translate(NewSymbolBaseOf([]string{"", "Q", "B", "A"}))[1:])
	require.Panics(t, func() { NewSymbolBaseOf([]string{"A"}) })
}

// TestSymbolBaseCodes: Codes gives each text's code, "" (NULL) code 0 and
// -1 for a text the base lacks, in a base built by interning and in a
// stored one (whose index it builds), and adds nothing.
func TestSymbolBaseCodes(t *testing.T) {
	for _, c := range []struct {
		name string
		b    *SymbolBase
	}{
		{"interned", NewSymbols([]string{"B", "A"}).Syms},
		{"stored", NewSymbolBaseOf([]string{"", "B", "A"})},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := c.b.Codes([]int32{7}, []string{"A", "", "Q", "B", "A"})
			require.Equal(t, []int32{7, 2, 0, -1, 1, 2}, got)
			require.Equal(t, 3, c.b.Len(), "nothing added")
		})
	}
}

// TestCodedSymbolsFewRowsOfLargeBase appends a few rows of a vector whose
// base holds many more symbols (the map path of recode) and many rows (the
// table path): the texts, NULLs included, arrive the same either way.
func TestCodedSymbolsFewRowsOfLargeBase(t *testing.T) {
	strs := make([]string, 2000)
	for i := range strs {
		strs[i] = fmt.Sprintf("s%d", i%1500)
	}
	strs[7], strs[900] = "", ""
	big := NewSymbols(strs)
	for _, rows := range [][2]int{{5, 12}, {890, 910}, {0, 2000}} {
		part := big.Slice(rows[0], rows[1])
		dst := NewSymbols([]string{"s3", "zz"})
		dst.AppendVector(part)
		require.Equal(t, append([]string{"s3", "zz"}, strs[rows[0]:rows[1]]...), texts(dst), "rows %v", rows)
	}
}
