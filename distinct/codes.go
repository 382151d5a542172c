package distinct

import (
	"context"
	"math"
	"unsafe"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/keyidx"
)

// block is how many words are coded at a time; a context is checked
// every checkEvery blocks (64K rows).
const (
	block      = 1024
	checkEvery = 64
)

type (
	ints interface {
		~int8 | ~int16 | ~int32 | ~int64
	}
	floats interface{ ~float32 | ~float64 }
)

// Vector numbers the elements of v by value (equal key bytes).
func Vector(v *value.Vector) (codes []int32, first []int) {
	codes, first, _ = VectorContext(context.Background(), v)
	return codes, first
}

// VectorContext is Vector, stopping with ctx's error once ctx is done.
func VectorContext(ctx context.Context, v *value.Vector) (codes []int32, first []int, err error) {
	if v.T.IsArray() {
		return keys(ctx, v)
	}
	switch v.T.Storage() {
	case value.StInt8:
		return intsContext(ctx, v.I8)
	case value.StInt16:
		return intsContext(ctx, v.I16)
	case value.StInt32:
		return intsContext(ctx, v.I32)
	case value.StInt64:
		return intsContext(ctx, v.I64)
	case value.StFloat32, value.StFloat64:
		fill, _ := filler(v)
		return words(ctx, v.Len(), fill)
	case value.StString:
		if codes, base, ok := v.CompactSymbolCodes(); ok {
			codes, first := Symbols(codes, len(base))
			return codes, first, nil
		}
		return stringCodes(ctx, v.Strings())
	case value.StBytes16:
		return comparableContext(ctx, v.B16)
	}
	return keys(ctx, v)
}

// filler writes the key words of a fixed-width vector's elements from
// row lo on (keyidx.Column.FillWords).
func filler(v *value.Vector) (func(dst []uint64, lo int), bool) {
	c := v.KeyColumn()
	return c.FillWords, c.IsWords()
}

// Ints numbers distinct integers.
func Ints[T ints](xs []T) (codes []int32, first []int) {
	codes, first, _ = intsContext(context.Background(), xs)
	return codes, first
}

func intsContext[T ints](ctx context.Context, xs []T) ([]int32, []int, error) {
	if codes, first, ok := narrowInts(xs); ok {
		return codes, first, nil
	}
	return words(ctx, len(xs), intWords(xs))
}

func intWords[T ints](xs []T) func(dst []uint64, lo int) {
	return func(dst []uint64, lo int) {
		for i := range dst {
			dst[i] = uint64(int64(xs[lo+i]))
		}
	}
}

// FloatValues numbers floating values as group by compares them: every
// NaN is the NULL null, and -0 is 0.
func FloatValues[F floats](xs []F, null F) (codes []int32, first []int) {
	codes, first, _ = words(context.Background(), len(xs), func(dst []uint64, lo int) {
		for i := range dst {
			x := xs[lo+i]
			if x != x {
				x = null
			} else if x == 0 {
				x = 0 // -0
			}
			dst[i] = math.Float64bits(float64(x))
		}
	})
	return codes, first
}

// words codes n elements whose key words fill writes, a block at a time.
func words(ctx context.Context, n int, fill func(dst []uint64, lo int)) ([]int32, []int, error) {
	codes := make([]int32, n)
	var first []int
	t := keyidx.NewWords(n)
	buf := make([]uint64, min(n, block))
	for lo, b := 0, 0; lo < n; lo, b = lo+block, b+1 {
		if b%checkEvery == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		ws := buf[:min(block, n-lo)]
		fill(ws, lo)
		first = t.Add(ws, codes[lo:lo+len(ws)], lo, first)
	}
	return codes, first, nil
}

// narrowInts numbers integers whose values span a small range by a table
// indexed by value; ok is false for a wider range.
func narrowInts[T ints](xs []T) (codes []int32, first []int, ok bool) {
	if len(xs) == 0 {
		return []int32{}, nil, true
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	span := uint64(int64(hi) - int64(lo))
	if int64(hi)-int64(lo) < 0 || span > 1<<22 || span > 4*uint64(len(xs)) {
		return nil, nil, false
	}
	codes, first = indexed(xs, lo, int(span)+1)
	return codes, first, true
}

// Symbols numbers the codes of a coded SYMBOL column whose base has n
// symbols: a table indexed by code replaces the hash.
func Symbols(xs []int32, n int) (codes []int32, first []int) {
	return indexed(xs, 0, n)
}

// indexed numbers integers of n values from lo on by a table indexed by
// value.
func indexed[T ints](xs []T, lo T, n int) (codes []int32, first []int) {
	codes = make([]int32, len(xs))
	seen := make([]int32, n) // code + 1, 0 while unseen
	for i, x := range xs {
		k := int64(x) - int64(lo)
		c := seen[k]
		if c == 0 {
			first = append(first, i)
			c = int32(len(first))
			seen[k] = c
		}
		codes[i] = c - 1
	}
	return codes, first
}

// stringCodes numbers distinct strings. Columns built by take, rand or a
// symbol vector share string data between rows, so a direct-mapped cache
// keyed by the data pointer answers most rows without hashing the bytes;
// a miss falls back to the map of strings.
func stringCodes(ctx context.Context, xs []string) ([]int32, []int, error) {
	codes := make([]int32, len(xs))
	seen := make(map[string]int32)
	type slot struct {
		p    *byte
		n    int
		code int32
	}
	var cache [1024]slot
	var first []int
	for i, x := range xs {
		if i&0xffff == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		p := unsafe.StringData(x)
		// Fibonacci hashing of the whole pointer: symbols decoded from
		// one buffer lie a byte or two apart, which the low bits alone
		// would send to the same slot.
		h := (uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15) >> 54
		if c := &cache[h]; c.p == p && c.n == len(x) && p != nil {
			codes[i] = c.code
			continue
		}
		c, ok := seen[x]
		if !ok {
			c = int32(len(first))
			seen[x] = c
			first = append(first, i)
		}
		cache[h] = slot{p, len(x), c}
		codes[i] = c
	}
	return codes, first, nil
}

// Comparable numbers the distinct values of any comparable element type
// (16-byte values, strings compared without the pointer cache) by a Go map.
func Comparable[T comparable](xs []T) (codes []int32, first []int) {
	codes, first, _ = comparableContext(context.Background(), xs)
	return codes, first
}

func comparableContext[T comparable](ctx context.Context, xs []T) ([]int32, []int, error) {
	codes := make([]int32, len(xs))
	seen := make(map[T]int32)
	var first []int
	for i, x := range xs {
		if i&0xffff == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		c, ok := seen[x]
		if !ok {
			c = int32(len(first))
			seen[x] = c
			first = append(first, i)
		}
		codes[i] = c
	}
	return codes, first, nil
}

// Keys numbers the elements of any vector (tuples, array vectors' rows,
// 16-byte values ...) by their key bytes (value.Vector.AppendKey).
func Keys(v *value.Vector) (codes []int32, first []int) {
	codes, first, _ = keys(context.Background(), v)
	return codes, first
}

func keys(ctx context.Context, v *value.Vector) ([]int32, []int, error) {
	codes := make([]int32, v.Len())
	seen := map[string]int32{}
	var key []byte
	var first []int
	for i := range codes {
		if i&0xffff == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		key = v.AppendKey(key[:0], i)
		c, ok := seen[string(key)]
		if !ok {
			c = int32(len(first))
			seen[string(key)] = c
			first = append(first, i)
		}
		codes[i] = c
	}
	return codes, first, nil
}

// Rows numbers the rows of equal-length columns by their values, column
// by column: rows are equal when every column's elements are.
func Rows(ctx context.Context, cols []*value.Vector) (codes []int32, first []int, err error) {
	if len(cols) == 0 {
		return nil, nil, nil
	}
	if codes, first, err = VectorContext(ctx, cols[0]); err != nil {
		return nil, nil, err
	}
	for _, c := range cols[1:] {
		cc, cf, err := VectorContext(ctx, c)
		if err != nil {
			return nil, nil, err
		}
		codes, first = Combine(codes, cc, len(cf))
	}
	return codes, first, nil
}

// Combine numbers the pairs (a[i], b[i]) of two code columns, b's codes
// below nb.
func Combine(a, b []int32, nb int) (codes []int32, first []int) {
	pairs := make([]int64, len(a))
	for i := range a {
		pairs[i] = int64(a[i])*int64(nb) + int64(b[i])
	}
	return Ints(pairs)
}
