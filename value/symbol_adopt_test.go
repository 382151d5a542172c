package value

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// An empty coded column appended a coded vector takes its base; either
// holder then interning new texts, or the source changing its rows, leaves
// the other's texts as they were. The texts are the same whether the base
// was taken or the rows re-interned.
func TestEmptyColumnAdoptsBase(t *testing.T) {
	srcRows := []string{"A", "B", "", "A"}
	stored := func() *Vector {
		return &Vector{T: Symbol, I32: []int32{2, 1, 0, 2}, Syms: NewSymbolBaseOf([]string{"", "B", "A"})}
	}
	truncated := func() *Vector {
		v := NewSymbols([]string{"Q", "A"})
		v.Truncate(0)
		return v
	}
	for _, c := range []struct {
		name    string
		dst     func() *Vector
		src     func() *Vector
		dstRows []string
		adopts  bool
	}{
		{"new table column", func() *Vector { return NewTableColumn(Symbol, 0, 8) }, func() *Vector { return NewSymbols(srcRows) }, nil, true},
		{"truncated column", truncated, func() *Vector { return NewSymbols(srcRows) }, nil, true},
		{"slice of a larger vector", func() *Vector { return NewTableColumn(Symbol, 0, 0) }, func() *Vector { return NewSymbols(append([]string{"X"}, srcRows...)).Slice(1, 5) }, nil, true},
		{"column with rows keeps its base", func() *Vector { return NewSymbols([]string{"Z"}) }, func() *Vector { return NewSymbols(srcRows) }, []string{"Z"}, false},
		{"stored base stays with its store", func() *Vector { return NewTableColumn(Symbol, 0, 8) }, stored, nil, false},
		{"plain source", func() *Vector { return NewTableColumn(Symbol, 0, 8) }, func() *Vector { return NewStrings(Symbol, srcRows) }, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dst, src := c.dst(), c.src()
			srcBase := src.Syms
			dst.AppendVector(src)
			require.Equal(t, c.adopts, srcBase != nil && dst.Syms == srcBase)
			require.Equal(t, append(c.dstRows, srcRows...), texts(dst))

			// the script changes the source, interning new texts
			src.Set(0, &Scalar{T: Symbol, S: "D"})
			src.AppendScalar(&Scalar{T: Symbol, S: "C"})
			// the table gains texts plain, of another base, and one by one
			dst.AppendVector(NewStrings(Symbol, []string{"E", "C"}))
			dst.AppendVector(NewSymbols([]string{"G", "A", "D"}))
			dst.AppendScalar(&Scalar{T: Symbol, S: "F"})
			src.AppendVector(NewStrings(Symbol, []string{"F", "H"}))

			require.Equal(t, []string{"D", "B", "", "A", "C", "F", "H"}, texts(src))
			require.Equal(t, append(c.dstRows, "A", "B", "", "A", "E", "C", "G", "A", "D", "F"), texts(dst))
			for _, v := range []*Vector{src, dst} {
				if v.Syms != nil {
					CheckCodes(v.I32, v.Syms.Len()-1)
				}
			}
			if c.adopts {
				// one base: a text has one code, whichever holder interned it
				require.Equal(t, src.I32[4], dst.I32[len(c.dstRows)+5], "C")
				require.Equal(t, src.I32[5], dst.I32[len(c.dstRows)+9], "F")
			}
			if srcBase != nil && srcBase.stored {
				require.True(t, srcBase.AppendAt(srcBase.Len(), []string{"S"}), "only the source interned into the stored base")
			}
		})
	}
}

// Holders of one base intern concurrently while others read rows coded
// in it (run with -race): each vector has one writer, the base is all
// they share.
func TestSharedBaseConcurrentAppends(t *testing.T) {
	src := NewSymbols([]string{"A", "B", "C"})
	dst := NewTableColumn(Symbol, 0, 0)
	dst.AppendVector(src)
	require.Same(t, src.Syms, dst.Syms)
	frozen := src.Slice(0, 3)
	const n = 2000
	var wg sync.WaitGroup
	appendTexts := func(v *Vector, prefix string) {
		defer wg.Done()
		for i := range n {
			// half the texts are new, half the other writer's
			v.AppendScalar(&Scalar{T: Symbol, S: fmt.Sprintf("%s%d", prefix, i)})
			v.AppendVector(NewStrings(Symbol, []string{fmt.Sprintf("x%d", i%100)}))
		}
	}
	wg.Add(3)
	go appendTexts(src, "s")
	go appendTexts(dst, "d")
	var misread []string // FailNow may not run off the test's goroutine
	go func() {
		defer wg.Done()
		for range n {
			if got := frozen.Strings(); !slices.Equal(got, []string{"A", "B", "C"}) {
				misread = got
			}
			_ = frozen.Syms.Ranks()
		}
	}()
	wg.Wait()
	require.Nil(t, misread)
	for _, h := range []struct {
		v      *Vector
		prefix string
	}{{src, "s"}, {dst, "d"}} {
		got := texts(h.v)
		require.Len(t, got, 3+2*n)
		require.Equal(t, []string{"A", "B", "C"}, got[:3])
		for i := range n {
			require.Equal(t, fmt.Sprintf("%s%d", h.prefix, i), got[3+2*i])
			require.Equal(t, fmt.Sprintf("x%d", i%100), got[4+2*i])
		}
		CheckCodes(h.v.I32, h.v.Syms.Len()-1)
	}
	require.Same(t, src.Syms, dst.Syms)
	require.Equal(t, 4+2*n+100, src.Syms.Len(), `"", A, B, C, each writer's n and x0..x99 once`)
}
