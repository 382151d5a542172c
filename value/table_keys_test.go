package value

import (
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// tableKeyModel is the index keyed and indexed tables kept before the
// typed one: a Go map from each row's key bytes (every key column's
// AppendKey, one after another) to its row.
type tableKeyModel struct{ rows map[string]int }

// rowKey is the bytes the model keys a row of cols by.
func rowKey(cols []*Vector, i int) string {
	var b []byte
	for _, c := range cols {
		b = c.AppendKey(b, i)
	}
	return string(b)
}

// add is the old append of a batch: a held key keeps its row, a new
// key takes the next row.
func (m *tableKeyModel) add(cols []*Vector, base int) (rows []int32, first []int) {
	for i := 0; i < cols[0].Len(); i++ {
		k := rowKey(cols, i)
		r, ok := m.rows[k]
		if !ok {
			r = base + len(first)
			m.rows[k] = r
			first = append(first, i)
		}
		rows = append(rows, int32(r))
	}
	return rows, first
}

func (m *tableKeyModel) find(cols []*Vector) []int32 {
	out := make([]int32, cols[0].Len())
	for i := range out {
		out[i] = -1
		if r, ok := m.rows[rowKey(cols, i)]; ok {
			out[i] = int32(r)
		}
	}
	return out
}

func (m *tableKeyModel) clone() *tableKeyModel {
	c := &tableKeyModel{rows: map[string]int{}}
	for k, r := range m.rows {
		c.rows[k] = r
	}
	return c
}

// keyedBatch is n rows of random keys of types (a few values each, so
// keys repeat) and a LONG column, laid out as keyedOf's tables. With
// coded, a string column is plain, coded in a base of its own or, when
// shared is set, coded in shared, one of the three at random.
func keyedBatch(r *rand.Rand, types []Type, n int, coded bool, shared ...*SymbolBase) *Table {
	cols := make([]*Vector, 0, len(types)+1)
	names := make([]string, 0, len(types)+1)
	for i, typ := range types {
		c := randomKeys(r, typ, n)
		if coded && typ.Storage() == StString {
			switch r.IntN(len(shared) + 2) {
			case 0:
				c = c.Coded() // a base of the batch's own
			case 1:
			default:
				c = inBase(c, shared[0])
			}
		}
		cols, names = append(cols, c), append(names, "k"+string(rune('a'+i)))
	}
	v := NewVector(Long, 0, n)
	for i := 0; i < n; i++ {
		v.I64 = append(v.I64, r.Int64())
	}
	t := NewTable(append(names, "v"), append(cols, v))
	for i := range types {
		t.KeyCols = append(t.KeyCols, i)
	}
	return t
}

// inBase is the plain string vector v coded in b.
func inBase(v *Vector, b *SymbolBase) *Vector {
	return &Vector{T: v.T, I32: b.InternAll(nil, v.Str), Syms: b}
}

func keyCols(t *Table) []*Vector {
	out := make([]*Vector, len(t.KeyCols))
	for i, k := range t.KeyCols {
		out[i] = t.Cols[k]
	}
	return out
}

// appendBatch is the insert package's append of a batch to a keyed table:
// keys first, then the new rows in order of first appearance.
func appendBatch(t, src *Table) (rows []int32, first []int) {
	from := t.Rows()
	rows = make([]int32, src.Rows())
	first = t.AddKeys(src, rows, nil)
	for c, col := range t.Cols {
		col.AppendVector(src.Cols[c].Gather(first))
	}
	t.KeysAppended(from)
	return rows, first
}

// TestTableKeysMatchKeyBytes appends random batches to keyed and indexed
// tables of every key type and of several key columns, rolls some back
// (DropKeys), copies some, and checks the rows each batch's keys get, the
// rows found for probes (FindKeys, KeyRow) and rebuilds against the map
// of key bytes the tables kept before.
func TestTableKeysMatchKeyBytes(t *testing.T) {
	layouts := [][]Type{{Bool}, {Char}, {Short}, {Int}, {Date}, {Second}, {Long}, {Timestamp}, {Float}, {Double},
		{String}, {Symbol}, {UUID}, {Int128}, {IPAddr}, {Complex}, {Point}, {Decimal32}, {Decimal64},
		{Symbol, Date}, {String, Int, Double}, {Long, UUID}, {Symbol, String}, {Float, Char, Point}}
	r := rand.New(rand.NewPCG(3, 9))
	for _, types := range layouts {
		name := ""
		for _, typ := range types {
			name += typ.String() + ","
		}
		t.Run(name, func(t *testing.T) {
			for _, kind := range []TableKind{KeyedTable, IndexedTable} {
				tb := keyedBatch(r, types, 0, false)
				tb.Kind = kind
				// batches coded in one base as well as in bases of their
				// own; a stored base, which a column does not adopt
				shared := NewSymbolBaseOf([]string{"", "IBM", "zz"})
				if kind == IndexedTable {
					// string key columns coded, in a base of their own
					// (which the first coded batch's replaces) or shared
					for _, c := range keyCols(tb) {
						if c.T.Storage() == StString {
							c.Str, c.Syms = nil, []*SymbolBase{NewSymbolBase(), shared}[r.IntN(2)]
						}
					}
				}
				m := &tableKeyModel{rows: map[string]int{}}
				for batch := 0; batch < 25; batch++ {
					src := keyedBatch(r, types, r.IntN(400), true, shared)
					from := tb.Rows()
					wantRows, wantFirst := m.add(keyCols(src), from)
					rows, first := appendBatch(tb, src)
					require.Equal(t, len(wantFirst), len(first))
					if len(wantFirst) > 0 {
						require.Equal(t, wantFirst, first)
					}
					if src.Rows() > 0 {
						require.Equal(t, wantRows, rows)
					}
					if kind == IndexedTable && batch%5 == 1 {
						checkOrdered(t, tb)
					}
					switch r.IntN(4) {
					case 0: // a failed append rolled back
						tb.DropKeys(from)
						for _, c := range tb.Cols {
							c.Truncate(from)
						}
						for _, i := range first {
							delete(m.rows, rowKey(keyCols(src), i))
						}
					case 1: // a copy takes rows of its own
						cp := DeepCopy(tb).(*Table)
						cm := m.clone()
						more := keyedBatch(r, types, 200, true, shared)
						want, _ := cm.add(keyCols(more), cp.Rows())
						got, _ := appendBatch(cp, more)
						require.Equal(t, want, got)
						require.Equal(t, m.find(keyCols(more)), findKeys(tb, keyCols(more)), "the original holds none of the copy's keys")
					}
					probe := keyCols(keyedBatch(r, types, 300, true, shared))
					want := m.find(probe)
					require.Equal(t, want, findKeys(tb, probe))
					for i, w := range want {
						row, ok := tb.KeyRow([]byte(rowKey(probe, i)))
						require.Equal(t, w >= 0, ok)
						if ok {
							require.Equal(t, int(w), row)
						}
					}
				}
				require.True(t, tb.RebuildKeys())
				require.Equal(t, m.find(keyCols(tb)), findKeys(tb, keyCols(tb)))
				if tb.Rows() > 0 {
					for _, c := range tb.Cols {
						c.AppendFrom(c, 0)
					}
					require.False(t, tb.RebuildKeys(), "two rows of one key")
				}
			}
		})
	}
}

func findKeys(t *Table, cols []*Vector) []int32 {
	out := make([]int32, cols[0].Len())
	t.FindKeys(cols, out)
	return out
}

// checkOrdered checks an indexed table's ordered index holds every row in
// key order.
func checkOrdered(t *testing.T, tb *Table) {
	var rows []int
	tb.Ordered().Scan(nil, func(row int) bool { rows = append(rows, row); return true })
	require.Len(t, rows, tb.Rows())
	for i := 1; i < len(rows); i++ {
		require.LessOrEqual(t, tb.compareItems(orderItem{row: rows[i-1]}, orderItem{row: rows[i]}, false), 0)
	}
}

// TestTablePutKeysMovesKeys: a latest keyed stream table's appended rows
// take their keys from earlier rows (PutKeys), as the byte map's PutKey
// of each row did.
func TestTablePutKeysMovesKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	types := []Type{Symbol, Int}
	tb := keyedBatch(r, types, 0, false)
	tb.Kind = KeyedTable
	m := map[string]int{}
	for batch := 0; batch < 20; batch++ {
		src := keyedBatch(r, types, r.IntN(100), true)
		from := tb.Rows()
		for c, col := range tb.Cols {
			col.AppendVector(src.Cols[c])
		}
		tb.PutKeys(from)
		for i := from; i < tb.Rows(); i++ {
			m[rowKey(keyCols(tb), i)] = i
		}
		probe := keyCols(keyedBatch(r, types, 100, true))
		for i, got := range findKeys(tb, probe) {
			want, ok := m[rowKey(probe, i)]
			if !ok {
				want = -1
			}
			require.Equal(t, int32(want), got)
		}
	}
}

// TestSharedKeyedTableConcurrent looks keys up from several goroutines
// while one appends, each under the table's lock as sessions sharing a
// table do (run with -race).
func TestSharedKeyedTableConcurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 1))
	types := []Type{Symbol, Long}
	tb := keyedBatch(r, types, 0, false)
	tb.Kind = IndexedTable
	batches := make([]*Table, 50)
	for i := range batches {
		batches[i] = keyedBatch(r, types, 200, true)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, b := range batches {
				tb.Mu.RLock()
				rows := findKeys(tb, keyCols(b))
				tb.Ordered()
				tb.Mu.RUnlock()
				require.Len(t, rows, b.Rows())
			}
		}()
	}
	for _, b := range batches {
		tb.Mu.Lock()
		appendBatch(tb, b)
		tb.Mu.Unlock()
	}
	wg.Wait()
	for _, b := range batches {
		for _, row := range findKeys(tb, keyCols(b)) {
			require.GreaterOrEqual(t, row, int32(0))
		}
	}
}
