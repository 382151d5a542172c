package value

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// keyModel is the index dictionaries and sets kept before package keyidx:
// a Go map from each key's bytes (AppendKey) to its entry, entries in
// order of first appearance, a repeated key keeping its last value.
type keyModel struct {
	pos  map[string]int
	keys []string
	last []int // row of the value each entry holds
}

func newKeyModel() *keyModel { return &keyModel{pos: map[string]int{}} }

func (m *keyModel) put(k *Vector, base int) {
	for i := 0; i < k.Len(); i++ {
		key := string(k.AppendKey(nil, i))
		at, ok := m.pos[key]
		if !ok {
			at = len(m.keys)
			m.pos[key] = at
			m.keys, m.last = append(m.keys, key), append(m.last, 0)
		}
		m.last[at] = base + i
	}
}

func (m *keyModel) lookup(k *Vector) []int32 {
	out := make([]int32, k.Len())
	for i := range out {
		out[i] = -1
		if at, ok := m.pos[string(k.AppendKey(nil, i))]; ok {
			out[i] = int32(at)
		}
	}
	return out
}

// keyBytes is the key bytes of each element of v.
func keyBytes(v *Vector) []string {
	out := make([]string, v.Len())
	for i := range out {
		out[i] = string(v.AppendKey(nil, i))
	}
	return out
}

// randomKeys is n elements of type t drawn from a pool of few values, so
// keys repeat, with the values equality is delicate for: NULLs, NaNs of
// two payloads, -0 and 0, symbols and strings.
func randomKeys(r *rand.Rand, t Type, n int) *Vector {
	pick := func(pool int) int { return r.IntN(pool) }
	v := NewVector(t, 0, n)
	for i := 0; i < n; i++ {
		switch t.Storage() {
		case StInt8:
			v.I8 = append(v.I8, []int8{NullInt8, 0, 1, -1, 127}[pick(5)])
		case StInt16:
			v.I16 = append(v.I16, []int16{NullInt16, 0, 1, -1, 300, -300}[pick(6)])
		case StInt32:
			v.I32 = append(v.I32, []int32{NullInt32, 0, 1, -1, 1 << 20, math.MaxInt32, int32(pick(40))}[pick(7)])
		case StInt64:
			v.I64 = append(v.I64, []int64{NullInt64, 0, 1, -1, 1 << 40, math.MaxInt64, int64(pick(40)) << 33}[pick(7)])
		case StFloat32:
			v.F32 = append(v.F32, []float32{NullFloat32, 0, float32(math.Copysign(0, -1)), float32(math.NaN()),
				math.Float32frombits(0x7fc00001), float32(math.Inf(1)), float32(pick(30))}[pick(7)])
		case StFloat64:
			v.F64 = append(v.F64, []float64{NullFloat64, 0, math.Copysign(0, -1), math.NaN(),
				math.Float64frombits(0x7ff8000000000001), math.Inf(-1), float64(pick(30)) / 4}[pick(7)])
		case StString:
			v.Str = append(v.Str, []string{"", "a", "b", "ab", "a\x00", "IBM", string(rune('A' + pick(26)))}[pick(7)])
		case StBytes16:
			var b [16]byte
			if pick(4) > 0 {
				b[pick(16)], b[pick(16)] = byte(pick(3)), byte(pick(3))
			}
			v.B16 = append(v.B16, b)
		case StPair2F64:
			v.F64 = append(v.F64, []float64{NullFloat64, 0, math.Copysign(0, -1), 1}[pick(4)], float64(pick(3)))
		}
	}
	return v
}

// TestKeyIndexMatchesKeyBytes builds dictionaries and sets of random keys
// of every key type in bulk (PutAll, NewSet, AddVector) and key by key
// (Put), and checks their entries, order, values and lookups against the
// Go map of key bytes they used to keep.
func TestKeyIndexMatchesKeyBytes(t *testing.T) {
	types := []Type{Bool, Char, Short, Int, Date, Second, Long, Timestamp, NanoTimestamp, Float, Double,
		String, Symbol, UUID, Int128, IPAddr, Complex, Point, Decimal32, Decimal64}
	r := rand.New(rand.NewPCG(7, 11))
	for _, typ := range types {
		for _, coded := range []bool{false, true} {
			if coded && typ.Storage() != StString {
				continue
			}
			t.Run(typ.String(), func(t *testing.T) {
				for trial := 0; trial < 20; trial++ {
					n := 1 + r.IntN(3000)
					a, b, probe := randomKeys(r, typ, n), randomKeys(r, typ, r.IntN(50)), randomKeys(r, typ, 500)
					if coded {
						a, probe = a.Coded(), probe.Coded()
					}
					vals := NewVector(Long, 0, n+b.Len())
					for i := 0; i < n+b.Len(); i++ {
						vals.I64 = append(vals.I64, int64(i))
					}
					m := newKeyModel()
					m.put(a, 0)
					m.put(b, n)

					bulk, one := NewDict(typ, Long), NewDict(typ, Long)
					bulk.PutAll(a, vals.Slice(0, n))
					bulk.PutAll(b, vals.Slice(n, n+b.Len()))
					all := a.Clone()
					all.AppendVector(b)
					for i := 0; i < all.Len(); i++ {
						one.Put(all, i, vals, i)
					}
					for _, d := range []*Dict{bulk, one} {
						require.Equal(t, m.keys, keyBytes(d.Keys))
						for at, row := range m.last {
							require.Equal(t, int64(row), d.Vals.I64[at])
						}
						want := m.lookup(probe)
						require.Equal(t, want, d.LookupAll(probe))
						for i := range want {
							require.Equal(t, int(want[i]), d.Lookup(probe, i))
						}
						require.Equal(t, want, DeepCopy(d).(*Dict).LookupAll(probe))
					}

					s := NewSet(a)
					s.AddVector(b)
					require.Equal(t, m.keys, keyBytes(s.V))
					want := m.lookup(probe)
					require.Equal(t, want, s.LookupAll(probe))
					for i := range want {
						require.Equal(t, want[i] >= 0, s.Contains(probe, i))
					}
				}
			})
		}
	}
}

// TestKeyIndexOtherValues puts repeated keys with values of each kind the
// bulk put writes differently: plain (scattered), coded strings and
// pairs (element by element), tuples.
func TestKeyIndexOtherValues(t *testing.T) {
	keys := NewInts([]int32{3, 1, 3, NullInt32, 1, 3})
	for _, vals := range []*Vector{
		NewDoubles([]float64{1, 2, 3, 4, 5, 6}),
		NewSymbols([]string{"a", "b", "c", "d", "e", "f"}),
		NewStrings(String, []string{"a", "b", "c", "d", "e", "f"}),
		{T: Complex, F64: []float64{1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}},
		NewTuple([]Value{NewInt(1), NewInt(2), NewInt(3), NewInt(4), NewInt(5), NewInt(6)}),
	} {
		t.Run(vals.T.String(), func(t *testing.T) {
			d := NewDict(Int, vals.T)
			d.PutAll(keys, vals)
			require.Equal(t, []int32{3, 1, NullInt32}, d.Keys.I32)
			require.Equal(t, vals.Gather([]int{5, 4, 3}).String(), d.Vals.String())
		})
	}
}

// TestKeyIndexArrayKeys: array vectors and tuples are keyed by their key
// bytes (AppendKey's, whatever they are).
func TestKeyIndexArrayKeys(t *testing.T) {
	rows := &Vector{T: Int + ArrayOffset, I32: []int32{1, 2, 1, 2, 3}, Offsets: []int64{2, 4, 5}}
	m := newKeyModel()
	m.put(rows, 0)
	require.Equal(t, m.lookup(rows), NewSet(rows).LookupAll(rows))
	tup := NewTuple([]Value{NewInt(1), NewString("a"), NewInt(1)})
	require.Equal(t, []int32{0, 1, 0}, NewSet(tup).LookupAll(tup))
}

// TestKeyIndexOtherTypeFindsNothing: a probe whose keys have another
// width than the index's finds nothing, as keys of different byte
// lengths never compared equal.
func TestKeyIndexOtherTypeFindsNothing(t *testing.T) {
	s := NewSet(NewInts([]int32{1, 2}))
	require.Equal(t, []int32{-1, -1}, s.LookupAll(NewLongs([]int64{1, 2})))
	require.Equal(t, []int32{-1}, s.LookupAll(NewStrings(String, []string{"1"})))
	require.Equal(t, []int32{-1}, NewSet(NewInts(nil)).LookupAll(NewInts([]int32{1})))
}
