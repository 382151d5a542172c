package keyidx

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// testBase is a symbol base as value.SymbolBase keeps one: code 0 is "",
// each text has one code, codes only grow.
type testBase struct {
	strs []string
	idx  map[string]int32
}

func newTestBase(texts ...string) *testBase {
	b := &testBase{strs: []string{""}, idx: map[string]int32{"": 0}}
	b.InternAll(nil, texts)
	return b
}

func (b *testBase) Strs() []string { return b.strs }

func (b *testBase) Codes(dst []int32, strs []string) []int32 {
	for _, s := range strs {
		c, ok := b.idx[s]
		if !ok {
			c = -1
		}
		dst = append(dst, c)
	}
	return dst
}

func (b *testBase) InternAll(dst []int32, strs []string) []int32 {
	for _, s := range strs {
		c, ok := b.idx[s]
		if !ok {
			c = int32(len(b.strs))
			b.strs = append(b.strs, s)
			b.idx[s] = c
		}
		dst = append(dst, c)
	}
	return dst
}

func (b *testBase) CodesOf(dst, codes []int32, from Symbols, add bool) []int32 {
	strs := from.Strs()
	texts := make([]string, len(codes))
	for i, c := range codes {
		texts[i] = strs[c]
	}
	return lookUp(b, dst, texts, add)
}

// coded is texts as a column coded in b.
func coded(b *testBase, texts []string) Column {
	return Column{Kind: Coded, Codes: b.InternAll(nil, texts), Base: b.Strs(), Syms: b}
}

// TestRowsHomedMatchText feeds an index whose symbol key columns are
// homed in a base (Home) and one that hashes their texts the same random
// keys, NULL ("") among them, as columns coded in the home base, in other
// bases (large and small next to the rows, with and without a Syms) or as
// strings, and moves the home between bases, and to none, as keys are
// held: every row, first appearance and lookup must be the text index's.
func TestRowsHomedMatchText(t *testing.T) {
	layouts := []struct {
		name  string
		kinds []Kind // Coded: a symbol column, Int64s: a LONG one
	}{
		{"symbol", []Kind{Coded}},
		{"long,symbol", []Kind{Int64s, Coded}},
		{"symbol,symbol", []Kind{Coded, Coded}},
	}
	vocab := make([]string, 300)
	for i := range vocab {
		vocab[i] = "s" + strconv.Itoa(i)
	}
	vocab[0] = "" // NULL
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(len(l.name)), 42))
			refKinds := make([]Kind, len(l.kinds))
			for p, k := range l.kinds {
				refKinds[p] = map[Kind]Kind{Coded: Strings, Int64s: Int64s}[k]
			}
			x, ref := NewRows(l.kinds, 0), NewRows(refKinds, 0)
			homes := make([]*testBase, len(l.kinds))
			for p, k := range l.kinds {
				if k == Coded {
					homes[p] = newTestBase(vocab[200:]...) // some texts before the keys come
					x.Home(p, homes[p])
				}
			}
			// keys of n rows: each symbol column once as the homed index
			// gets it, once as strings
			batch := func(n, pool int) (cols, refCols []Column) {
				cols, refCols = make([]Column, len(l.kinds)), make([]Column, len(l.kinds))
				for p, k := range l.kinds {
					if k == Int64s {
						ls := make([]int64, n)
						for i := range ls {
							ls[i] = int64(r.IntN(3))
						}
						cols[p], refCols[p] = Column{Kind: Int64s, I64: ls}, Column{Kind: Int64s, I64: ls}
						continue
					}
					texts := make([]string, n)
					for i := range texts {
						texts[i] = vocab[r.IntN(pool)]
					}
					refCols[p] = Column{Kind: Strings, Str: texts}
					switch r.IntN(5) {
					case 0, 1:
						if homes[p] != nil {
							cols[p] = coded(homes[p], texts)
							break
						}
						fallthrough
					case 2: // a base of many texts the rows use few of
						cols[p] = coded(newTestBase(vocab[r.IntN(len(vocab)):]...), texts)
					case 3: // a small base, no identity
						cols[p] = coded(newTestBase(), texts)
						cols[p].Syms = nil
					default:
						cols[p] = Column{Kind: Strings, Str: texts}
					}
				}
				return cols, refCols
			}
			find := func(x *Rows, cols []Column) []int32 {
				rows := make([]int32, cols[0].Len())
				x.Find(cols, 0, len(rows), rows)
				return rows
			}
			base := 0
			for step := 0; step < 300; step++ {
				n := []int{0, 1, 5, 40, 300, 2000}[r.IntN(6)]
				cols, refCols := batch(n, 1+r.IntN(len(vocab)))
				switch r.IntN(5) {
				case 0, 1:
					rows, refRows := make([]int32, n), make([]int32, n)
					first := x.Add(cols, 0, n, rows, base, nil)
					require.Equal(t, ref.Add(refCols, 0, n, refRows, base, nil), first)
					require.Equal(t, refRows, rows)
					base += len(first)
				case 2:
					x.Put(cols, 0, n)
					ref.Put(refCols, 0, n)
				case 3:
					x.Drop(cols, 0, n/3)
					ref.Drop(refCols, 0, n/3)
				default: // a new home: another base, or none
					p := r.IntN(len(l.kinds))
					if l.kinds[p] == Coded {
						homes[p] = []*testBase{nil, newTestBase(vocab[r.IntN(len(vocab)):]...)}[r.IntN(2)]
						if homes[p] == nil {
							x.Home(p, nil)
						} else {
							x.Home(p, homes[p])
						}
					}
				}
				require.Equal(t, ref.Len(), x.Len())
				probe, refProbe := batch(200, len(vocab))
				require.Equal(t, find(ref, refProbe), find(x, probe))
				c := x.Clone()
				require.Equal(t, find(ref, refProbe), find(c, probe), "a clone finds what its original does")
				for i := 0; i < 20; i++ {
					var key []byte
					for p := range refProbe {
						if s := refProbe[p].Str; s != nil {
							key = binary.LittleEndian.AppendUint32(key, uint32(len(s[i])))
							key = append(key, s[i]...)
						} else {
							key = binary.LittleEndian.AppendUint64(key, uint64(refProbe[p].I64[i]))
						}
					}
					require.Equal(t, ref.FindBytes(key), x.FindBytes(key))
				}
			}
		})
	}
}
