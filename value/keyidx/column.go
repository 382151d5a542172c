package keyidx

import "math"

// Kind is which field of a Column holds its keys.
type Kind uint8

// Column kinds, one per way a vector stores its elements.
const (
	Int8s Kind = iota + 1
	Int16s
	Int32s
	Int64s
	Float32s
	Float64s
	Pairs // two float64 a key (COMPLEX, POINT)
	Wide  // 16-byte keys (UUID, IPADDR, INT128, DECIMAL128)
	Strings
	Coded // Codes into Base (a coded SYMBOL or STRING vector)
	Bytes // keys as their bytes, from KeyBytes
)

// Column is a column of keys in the slice its vector keeps them in: the
// field Kind names is set (Codes with Base), the others are ignored.
type Column struct {
	Kind  Kind
	I8    []int8
	I16   []int16
	I32   []int32
	I64   []int64
	F32   []float32
	F64   []float64
	B16   [][16]byte
	Str   []string
	Codes []int32
	Base  []string
	// Syms is the base Codes index into, nil when it has none: Rows
	// compares it with a key column's home base by identity.
	Syms Symbols
	// KeyBytes is key i's bytes for Kind Bytes, N the number of keys.
	KeyBytes func(i int) string
	N        int
}

// Symbols is a base of symbol codes (value.SymbolBase): it only grows, a
// code names the same text for good and no text has two codes, so within
// one base codes are equal exactly when their texts are.
type Symbols interface {
	// Strs is the text of each code handed out so far.
	Strs() []string
	// Codes appends the code of each of strs to dst, -1 for a text the
	// base lacks.
	Codes(dst []int32, strs []string) []int32
	// InternAll appends the codes of strs to dst, adding texts it lacks.
	InternAll(dst []int32, strs []string) []int32
	// CodesOf appends the code of each of codes, codes of from (a base
	// of the same implementation), as InternAll (add) or Codes would:
	// the base may keep the translation, to look each code up once.
	CodesOf(dst, codes []int32, from Symbols, add bool) []int32
}

// class is which table holds a column's keys: word classes by width, as
// keys of different byte lengths never compare equal.
type class uint8

const (
	noClass class = iota
	words1
	words2
	words4
	words8
	wide
	text
	keyBytes
)

func (c *Column) class() class {
	switch c.Kind {
	case Int8s:
		return words1
	case Int16s:
		return words2
	case Int32s, Float32s:
		return words4
	case Int64s, Float64s:
		return words8
	case Pairs, Wide:
		return wide
	case Strings, Coded:
		return text
	}
	return keyBytes
}

// Len is the number of keys.
func (c *Column) Len() int {
	switch c.Kind {
	case Int8s:
		return len(c.I8)
	case Int16s:
		return len(c.I16)
	case Int32s:
		return len(c.I32)
	case Int64s:
		return len(c.I64)
	case Float32s:
		return len(c.F32)
	case Float64s:
		return len(c.F64)
	case Pairs:
		return len(c.F64) / 2
	case Wide:
		return len(c.B16)
	case Strings:
		return len(c.Str)
	case Coded:
		return len(c.Codes)
	}
	return c.N
}

// IsWords reports whether the keys are fixed-width words (integers,
// temporal values, floating bits), which FillWords writes.
func (c *Column) IsWords() bool {
	k := c.class()
	return k >= words1 && k <= words8
}

// FillWords writes the words of keys lo, lo+1, ... into dst: an
// element's bytes zero-extended, so equal words are equal key bytes.
func (c *Column) FillWords(dst []uint64, lo int) {
	switch c.Kind {
	case Int8s:
		for i, x := range c.I8[lo : lo+len(dst)] {
			dst[i] = uint64(uint8(x))
		}
	case Int16s:
		for i, x := range c.I16[lo : lo+len(dst)] {
			dst[i] = uint64(uint16(x))
		}
	case Int32s:
		for i, x := range c.I32[lo : lo+len(dst)] {
			dst[i] = uint64(uint32(x))
		}
	case Int64s:
		for i, x := range c.I64[lo : lo+len(dst)] {
			dst[i] = uint64(x)
		}
	case Float32s:
		for i, x := range c.F32[lo : lo+len(dst)] {
			dst[i] = uint64(math.Float32bits(x))
		}
	case Float64s:
		for i, x := range c.F64[lo : lo+len(dst)] {
			dst[i] = math.Float64bits(x)
		}
	}
}

// fillWide writes 16-byte keys lo, lo+1, ... into dst; a pair of
// float64 is its two words' little-endian bytes, as its key bytes are.
func (c *Column) fillWide(dst [][16]byte, lo int) {
	if c.Kind == Wide {
		copy(dst, c.B16[lo:])
		return
	}
	for i := range dst {
		a, b := math.Float64bits(c.F64[2*(lo+i)]), math.Float64bits(c.F64[2*(lo+i)+1])
		for j := 0; j < 8; j++ {
			dst[i][j], dst[i][8+j] = byte(a>>(8*j)), byte(b>>(8*j))
		}
	}
}

// fillText writes keys lo, lo+1, ... as strings into dst: a string
// column's own strings (no copy of their bytes), a coded column's texts,
// other keys' bytes.
func (c *Column) fillText(dst []string, lo int) {
	switch c.Kind {
	case Strings:
		copy(dst, c.Str[lo:])
	case Coded:
		for i, code := range c.Codes[lo : lo+len(dst)] {
			dst[i] = c.Base[code]
		}
	default:
		for i := range dst {
			dst[i] = c.KeyBytes(lo + i)
		}
	}
}
