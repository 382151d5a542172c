package keyidx_test

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/keyidx"
	"github.com/stretchr/testify/require"
)

// codedIn is texts as a column coded in b.
func codedIn(b *value.SymbolBase, texts []string) keyidx.Column {
	codes := b.InternAll(nil, texts)
	return keyidx.Column{Kind: keyidx.Coded, Codes: codes, Base: b.Strs(), Syms: b}
}

// TestRowsForeignBasesMatchText feeds an index whose SYMBOL key column
// is homed in a value.SymbolBase, which keeps its translations of other
// bases, and one that hashes texts the same random keys, NULL among them:
// coded in the home or in one of more other bases than the home keeps
// translations of (some stored bases), which, like the home, gain texts
// as it goes. Every row, first appearance and lookup must be the text
// index's; then readers look keys up concurrently from every base.
func TestRowsForeignBasesMatchText(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = "k" + strconv.Itoa(i)
	}
	vocab[0] = "" // NULL
	home := value.NewSymbolBase()
	home.InternAll(nil, vocab[2500:])
	var bases []*value.SymbolBase
	for i := 0; i < 7; i++ {
		if i%3 == 2 { // a stored base, its index built on first need
			bases = append(bases, value.NewSymbolBaseOf(append([]string{""}, vocab[1+r.IntN(2000):]...)))
		} else {
			bases = append(bases, value.NewSymbolBase())
		}
	}
	bases = append(bases, home)
	for _, kinds := range [][]keyidx.Kind{{keyidx.Coded}, {keyidx.Int64s, keyidx.Coded}} {
		x := keyidx.NewRows(kinds, 0)
		ref := keyidx.NewRows(append(kinds[:len(kinds)-1:len(kinds)-1], keyidx.Strings), 0)
		x.Home(len(kinds)-1, home)
		batch := func(n int, b *value.SymbolBase) (cols, refCols []keyidx.Column) {
			texts := make([]string, n)
			longs := make([]int64, n)
			pool := 1 + r.IntN(len(vocab))
			for i := range texts {
				texts[i], longs[i] = vocab[r.IntN(pool)], int64(r.IntN(2))
			}
			sym, str := codedIn(b, texts), keyidx.Column{Kind: keyidx.Strings, Str: texts}
			if len(kinds) == 1 {
				return []keyidx.Column{sym}, []keyidx.Column{str}
			}
			l := keyidx.Column{Kind: keyidx.Int64s, I64: longs}
			return []keyidx.Column{l, sym}, []keyidx.Column{l, str}
		}
		find := func(x *keyidx.Rows, cols []keyidx.Column) []int32 {
			rows := make([]int32, cols[0].Len())
			x.Find(cols, 0, len(rows), rows)
			return rows
		}
		base := 0
		for step := 0; step < 400; step++ {
			b := bases[r.IntN(len(bases))]
			n := []int{1, 7, 100, 1500}[r.IntN(4)]
			cols, refCols := batch(n, b)
			switch r.IntN(4) {
			case 0:
				rows, refRows := make([]int32, n), make([]int32, n)
				first := x.Add(cols, 0, n, rows, base, nil)
				require.Equal(t, ref.Add(refCols, 0, n, refRows, base, nil), first)
				require.Equal(t, refRows, rows)
				base += len(first)
			case 1:
				x.Put(cols, 0, n)
				ref.Put(refCols, 0, n)
			case 2:
				x.Drop(cols, 0, n/2)
				ref.Drop(refCols, 0, n/2)
			default: // the home gains texts no key holds yet
				home.InternAll(nil, vocab[r.IntN(len(vocab)):][:5])
			}
			require.Equal(t, ref.Len(), x.Len())
			probe, refProbe := batch(300, bases[r.IntN(len(bases))])
			require.Equal(t, find(ref, refProbe), find(x, probe))
		}
		var wg sync.WaitGroup
		for _, b := range bases {
			probe, refProbe := batch(2000, b)
			want := find(ref, refProbe)
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 5; i++ {
					rows := make([]int32, len(want))
					x.Find(probe, 0, len(rows), rows)
					if !slices.Equal(want, rows) {
						t.Error("a concurrent lookup found other rows than the text index")
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}
