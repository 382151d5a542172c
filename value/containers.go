package value

import (
	"sync"

	"github.com/porpoisedb/porpoise/value/keyidx"
)

// Pair is a two-element vector printed as a:b.
type Pair struct{ V *Vector }

// Form implements Value.
func (p *Pair) Form() Form { return FormPair }

// Type implements Value.
func (p *Pair) Type() Type { return p.V.T }

// NewPair builds a pair from two scalars of the same type.
func NewPair(a, b *Scalar) *Pair {
	v := NewVector(a.T, 0, 2)
	v.Scale = a.Scale
	v.AppendScalar(a)
	v.AppendScalar(b)
	return &Pair{V: v}
}

// Matrix is a column-major matrix with optional labels.
type Matrix struct {
	V                    *Vector
	Rows, Cols           int
	RowLabels, ColLabels *Vector
	// Indexed marks an indexed series or indexed matrix, whose binary
	// operations align operands by label (funcs/i/indexedSeries.md).
	Indexed Indexing
}

// Indexing is whether a matrix's labels index it, and which of them.
type Indexing uint8

const (
	// NotIndexed is a plain matrix: labels are only names.
	NotIndexed Indexing = iota
	// IndexedSeries is a one-column matrix indexed by its row labels
	// (indexedSeries, setIndexedSeries!).
	IndexedSeries
	// IndexedMatrix is indexed by its row and column labels
	// (setIndexedMatrix!).
	IndexedMatrix
)

// WithData is a matrix of m's shape, labels and indexing holding data
// (Rows*Cols elements): an element-wise function applied to m.
func (m *Matrix) WithData(data *Vector) *Matrix {
	return &Matrix{V: data, Rows: m.Rows, Cols: m.Cols, RowLabels: m.RowLabels, ColLabels: m.ColLabels, Indexed: m.Indexed}
}

// Form implements Value.
func (m *Matrix) Form() Form { return FormMatrix }

// Type implements Value.
func (m *Matrix) Type() Type { return m.V.T }

// Sub is the matrix of m's rows and columns at the given positions (each
// in range), in the order given, with their labels.
func (m *Matrix) Sub(rows, cols []int) *Matrix {
	idx := make([]int, 0, len(rows)*len(cols))
	for _, c := range cols {
		for _, r := range rows {
			idx = append(idx, c*m.Rows+r)
		}
	}
	out := &Matrix{V: m.V.Gather(idx), Rows: len(rows), Cols: len(cols)}
	if m.RowLabels != nil {
		out.RowLabels = m.RowLabels.Gather(rows)
	}
	if m.ColLabels != nil {
		out.ColLabels = m.ColLabels.Gather(cols)
	}
	return out
}

// Transpose is m with its rows and columns, and their labels, swapped.
func (m *Matrix) Transpose() *Matrix {
	idx := make([]int, 0, m.Rows*m.Cols)
	for r := 0; r < m.Rows; r++ {
		for c := 0; c < m.Cols; c++ {
			idx = append(idx, c*m.Rows+r)
		}
	}
	return &Matrix{V: m.V.Gather(idx), Rows: m.Cols, Cols: m.Rows, RowLabels: m.ColLabels, ColLabels: m.RowLabels}
}

// Set is an unordered collection of distinct scalars of one type.
type Set struct {
	V     *Vector
	mu    sync.RWMutex // guards index: see Dict
	index *keyidx.Index
}

// NewSet builds a set from the distinct elements of v, in first-seen order.
func NewSet(v *Vector) *Set {
	s := &Set{V: NewVector(v.T, 0, 0), index: keyidx.NewIndex(v.Len())}
	s.V.Scale = v.Scale
	s.AddVector(v)
	return s
}

// Form implements Value.
func (s *Set) Form() Form { return FormSet }

// Type implements Value.
func (s *Set) Type() Type { return s.V.T }

// AddVector inserts the elements of v (same type) not yet present.
func (s *Set) AddVector(v *Vector) {
	c := v.KeyColumn()
	s.mu.Lock()
	defer s.mu.Unlock()
	if first := s.index.Add(&c, 0, v.Len(), nil, nil); len(first) > 0 {
		s.V.AppendVector(v.Gather(first))
	}
}

// Reset makes s hold o's elements in place (clear!, erase!).
func (s *Set) Reset(o *Set) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.V, s.index = o.V, o.index
}

// Contains reports whether element i of v (same type) is in the set.
func (s *Set) Contains(v *Vector, i int) bool {
	c := v.KeyColumn()
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.index.FindOne(&c, i) >= 0
}

// LookupAll is, for each element of v (same type), the position in V of
// the element equal to it, or -1.
func (s *Set) LookupAll(v *Vector) []int32 {
	c := v.KeyColumn()
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.index.FindAll(&c)
}

// keyKinds is the keyidx column kind of each storage; the others' keys
// are their key bytes.
var keyKinds = [...]keyidx.Kind{StInt8: keyidx.Int8s, StInt16: keyidx.Int16s, StInt32: keyidx.Int32s, StInt64: keyidx.Int64s,
	StFloat32: keyidx.Float32s, StFloat64: keyidx.Float64s, StPair2F64: keyidx.Pairs, StBytes16: keyidx.Wide, StString: keyidx.Strings,
	StAny: keyidx.Bytes, StNone: keyidx.Bytes}

// KeyColumn is v's elements as a column of keys for package keyidx, in
// the slice v holds them in (tuples' elements and array vectors' rows as
// their key bytes, AppendKey).
func (v *Vector) KeyColumn() keyidx.Column {
	c := keyidx.Column{Kind: keyKinds[v.T.Storage()], I8: v.I8, I16: v.I16, I32: v.I32, I64: v.I64, F32: v.F32, F64: v.F64, B16: v.B16, Str: v.Str}
	switch {
	case v.T.IsArray() || c.Kind == keyidx.Bytes:
		c.Kind, c.N, c.KeyBytes = keyidx.Bytes, v.Len(), func(i int) string { return string(v.AppendKey(nil, i)) }
	case v.Syms != nil:
		c.Kind, c.Codes, c.Base, c.Syms = keyidx.Coded, v.I32, v.Syms.Strs(), v.Syms
	}
	return c
}

// Dict is a DolphinDB dictionary: keys of one scalar type, values either of
// one type or ANY. Entries keep insertion order; printing sorts nothing.
type Dict struct {
	Keys, Vals *Vector
	// mu guards index: jobs writing one dictionary (syncDict.md) must not
	// stop the server with Go's fatal "concurrent map writes".
	mu    sync.RWMutex
	index *keyidx.Index
	// Ordered marks a dictionary made ordered (dict(keys, values, true)),
	// which isOrderedDict reports.
	Ordered bool
}

// NewDict returns an empty dictionary from keyType to valType.
func NewDict(keyType, valType Type) *Dict {
	return &Dict{Keys: NewVector(keyType, 0, 4), Vals: NewVector(valType, 0, 4), index: keyidx.NewIndex(0)}
}

// Form implements Value.
func (d *Dict) Form() Form { return FormDictionary }

// Type implements Value: the value type.
func (d *Dict) Type() Type { return d.Vals.T }

// Len is the number of entries.
func (d *Dict) Len() int { return d.Keys.Len() }

// Lookup returns the index of the entry whose key equals element i of k
// (same type as the keys), or -1.
func (d *Dict) Lookup(k *Vector, i int) int {
	c := k.KeyColumn()
	d.mu.RLock()
	defer d.mu.RUnlock()
	return int(d.index.FindOne(&c, i))
}

// LookupAll is Lookup of each element of k.
func (d *Dict) LookupAll(k *Vector) []int32 {
	c := k.KeyColumn()
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.index.FindAll(&c)
}

// Put sets key (element i of k) to val (element j of v), both already of
// the dictionary's types; for ANY values v.Any[j] is stored.
func (d *Dict) Put(k *Vector, i int, v *Vector, j int) {
	c := k.KeyColumn()
	d.mu.Lock()
	defer d.mu.Unlock()
	if at, added := d.index.AddOne(&c, i); !added {
		d.Vals.SetFrom(int(at), v, j)
		return
	}
	d.Keys.AppendFrom(k, i)
	d.Vals.AppendFrom(v, j)
}

// PutAll sets each key of k to the value of v at its position (k and v
// of one length and the dictionary's types), in order: new keys are
// appended in order of first appearance, a repeated key keeps its last
// value.
func (d *Dict) PutAll(k, v *Vector) {
	c, codes := k.KeyColumn(), make([]int32, k.Len())
	d.mu.Lock()
	defer d.mu.Unlock()
	first := d.index.Add(&c, 0, len(codes), codes, nil)
	d.Keys.AppendVector(k.Gather(first))
	d.Vals.AppendVector(v.Gather(first))
	if len(first) == len(codes) {
		return
	}
	if d.Vals.Syms != nil || v.Syms != nil || d.Vals.T.Storage() == StPair2F64 {
		for i, at := range codes {
			d.Vals.SetFrom(int(at), v, i)
		}
		return
	}
	d.Vals.col().scatter(d.Vals, v, codes)
}

// Reset makes d hold o's entries in place (clear!, erase!).
func (d *Dict) Reset(o *Dict) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.Keys, d.Vals, d.index, d.Ordered = o.Keys, o.Vals, o.index, o.Ordered
}

// WithValues is a dictionary of d's keys, in d's order, to the elements
// of vals (one per key): an operator or function applied to d's values.
func (d *Dict) WithValues(vals *Vector) *Dict {
	out := NewDict(d.Keys.T, vals.T)
	out.Ordered = d.Ordered
	out.PutAll(d.Keys, vals)
	return out
}

// Get returns the value stored under key element i of k, or nil.
func (d *Dict) Get(k *Vector, i int) Value {
	if j := d.Lookup(k, i); j >= 0 {
		return d.Vals.Elem(j)
	}
	return nil
}
