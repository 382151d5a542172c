package textio

import (
	"bytes"
	"fmt"
	"math"
	"unsafe"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// column builds one result column from its fields, parsing each straight
// into the typed slice the vector keeps.
type column interface {
	// add parses one field; nil or empty is NULL.
	add(b []byte)
	// finish returns the column as a vector.
	finish(env funcs.Env) (*value.Vector, error)
}

// newColumn picks the builder for a column of type t (scale for DECIMAL)
// with an optional temporal format and array delimiter.
func newColumn(t value.Type, scale int32, format, arrayDelim string, capacity int) (column, error) {
	if t.IsArray() {
		elem, err := newColumn(t.Elem(), scale, format, "", capacity)
		if err != nil {
			return nil, err
		}
		return &arrayCol{t: t, elem: elem, delim: []byte(arrayDelim), offsets: make([]int64, 0, capacity)}, nil
	}
	if format != "" && t.IsTemporal() {
		return &textCol{t: t, format: format, strs: &strCol{t: value.String, data: make([]string, 0, capacity)}}, nil
	}
	switch t {
	case value.Bool:
		return &intCol[int8]{t: t, null: value.NullInt8, data: make([]int8, 0, capacity), parse: parseBool}, nil
	case value.Char:
		return &intCol[int8]{t: t, null: value.NullInt8, data: make([]int8, 0, capacity), parse: parseChar}, nil
	case value.Short:
		return &intCol[int16]{t: t, null: value.NullInt16, data: make([]int16, 0, capacity), parse: rangedInt(math.MinInt16+1, math.MaxInt16)}, nil
	case value.Int:
		return &intCol[int32]{t: t, null: value.NullInt32, data: make([]int32, 0, capacity), parse: rangedInt(math.MinInt32+1, math.MaxInt32)}, nil
	case value.Long:
		return &intCol[int64]{t: t, null: value.NullInt64, data: make([]int64, 0, capacity), parse: parseInt}, nil
	case value.Float:
		return &floatCol[float32]{t: t, null: value.NullFloat32, data: make([]float32, 0, capacity)}, nil
	case value.Double:
		return &floatCol[float64]{t: t, null: value.NullFloat64, data: make([]float64, 0, capacity)}, nil
	case value.Symbol, value.String, value.Blob:
		return &strCol{t: t, data: make([]string, 0, capacity)}, nil
	case value.UUID, value.IPAddr, value.Int128, value.Decimal32, value.Decimal64, value.Decimal128:
		return &textCol{t: t, scale: scale, strs: &strCol{t: value.String, data: make([]string, 0, capacity)}}, nil
	}
	if t.IsTemporal() {
		parse := temporalParser(t)
		if t.Storage() == value.StInt64 {
			return &intCol[int64]{t: t, null: value.NullInt64, data: make([]int64, 0, capacity), parse: parse}, nil
		}
		return &intCol[int32]{t: t, null: value.NullInt32, data: make([]int32, 0, capacity), parse: parse}, nil
	}
	return nil, ddberr.Errorf("The data type %s is not supported by text import.", t)
}

// parseChar reads a CHAR field: a number is the character's code, and a
// single other character is itself (a CSV's N/Y flags, which inference
// types as CHAR).
func parseChar(b []byte) (int64, bool) {
	if v, ok := parseInt(b); ok {
		return v, v > math.MinInt8 && v <= math.MaxInt8
	}
	if b = trimSpace(b); len(b) == 1 && b[0] < 0x80 {
		return int64(b[0]), true
	}
	return 0, false
}

func rangedInt(lo, hi int64) func([]byte) (int64, bool) {
	return func(b []byte) (int64, bool) {
		v, ok := parseInt(b)
		return v, ok && v >= lo && v <= hi
	}
}

// temporalParser reads a field as type t: any date/time form is
// converted to t (a DATETIME field in a DATE column keeps its day), and a
// DATE column also takes yyyyMMdd and yyMMdd.
func temporalParser(t value.Type) func([]byte) (int64, bool) {
	return func(b []byte) (int64, bool) {
		b = trimSpace(b)
		v, ft, ok := parseTemporal(b)
		if !ok {
			if t != value.Date {
				return 0, false
			}
			days, _, ok := digitDate(b)
			return days, ok
		}
		if ft == t {
			return v, true
		}
		return convertTemporal(v, ft, t)
	}
}

// convertTemporal converts one value whose text had another precision
// than its column; rare, so it goes through the scalar conversion.
func convertTemporal(v int64, from, to value.Type) (int64, bool) {
	r, err := cast.To(value.NewTyped(from, v), to, 0)
	if err != nil {
		return 0, false
	}
	s, ok := r.(*value.Scalar)
	if !ok || s.Null {
		return 0, false
	}
	return s.I, true
}

type intCol[T int8 | int16 | int32 | int64] struct {
	t     value.Type
	null  T
	data  []T
	parse func([]byte) (int64, bool)
}

func (c *intCol[T]) add(b []byte) {
	if len(b) == 0 {
		c.data = append(c.data, c.null)
		return
	}
	v, ok := c.parse(b)
	if !ok {
		c.data = append(c.data, c.null)
		return
	}
	c.data = append(c.data, T(v))
}

func (c *intCol[T]) finish(funcs.Env) (*value.Vector, error) { return typedVector(c.t, c.data), nil }

// typedVector is a column of type t holding data, a slice of t's storage.
func typedVector[T int8 | int16 | int32 | int64 | float32 | float64](t value.Type, data []T) *value.Vector {
	v := &value.Vector{T: t}
	switch d := any(data).(type) {
	case []int8:
		v.I8 = d
	case []int16:
		v.I16 = d
	case []int32:
		v.I32 = d
	case []int64:
		v.I64 = d
	case []float32:
		v.F32 = d
	case []float64:
		v.F64 = d
	}
	return v
}

type floatCol[T float32 | float64] struct {
	t       value.Type
	null    T
	data    []T
	scratch []byte
}

func (c *floatCol[T]) add(b []byte) {
	f, ok := parseFloat(b, &c.scratch)
	if !ok {
		c.data = append(c.data, c.null)
		return
	}
	c.data = append(c.data, T(f))
}

func (c *floatCol[T]) finish(funcs.Env) (*value.Vector, error) { return typedVector(c.t, c.data), nil }

// strCol keeps text. The bytes of its strings are copied into shared
// blocks (one allocation per block, not per cell); a SYMBOL column also
// reuses the string of a value it has seen.
type strCol struct {
	t     value.Type
	data  []string
	arena []byte
	syms  map[string]string
}

const arenaBlock = 256 << 10

func (c *strCol) add(b []byte) {
	if len(b) == 0 {
		c.data = append(c.data, "")
		return
	}
	if c.t == value.Symbol {
		if c.syms == nil {
			c.syms = map[string]string{}
		}
		if s, ok := c.syms[string(b)]; ok {
			c.data = append(c.data, s)
			return
		}
		s := c.copy(b)
		if len(c.syms) < 1<<20 {
			c.syms[s] = s
		}
		c.data = append(c.data, s)
		return
	}
	c.data = append(c.data, c.copy(b))
}

// copy returns b's text backed by the arena. The arena's bytes are never
// written again once appended, so the strings stay immutable.
func (c *strCol) copy(b []byte) string {
	if len(c.arena)+len(b) > cap(c.arena) {
		c.arena = make([]byte, 0, max(arenaBlock, len(b)))
	}
	start := len(c.arena)
	c.arena = append(c.arena, b...)
	return unsafe.String(&c.arena[start], len(b))
}

func (c *strCol) finish(funcs.Env) (*value.Vector, error) {
	c.syms = nil
	return &value.Vector{T: c.t, Str: c.data}, nil
}

// textCol collects a column's text and converts the whole vector at the
// end: types with a format go through temporalParse, the 16-byte and
// DECIMAL types through the vector conversion.
type textCol struct {
	t      value.Type
	scale  int32
	format string
	strs   *strCol
}

func (c *textCol) add(b []byte) { c.strs.add(trimSpace(b)) }

func (c *textCol) finish(env funcs.Env) (*value.Vector, error) {
	sv, _ := c.strs.finish(env)
	if c.format != "" {
		fn, ok := env.Function("temporalParse")
		if !ok {
			return nil, fmt.Errorf("temporalParse is not available")
		}
		r, err := env.Call(fn, sv, value.NewString(c.format))
		if err != nil {
			return nil, err
		}
		rv, ok := r.(*value.Vector)
		if !ok {
			return nil, fmt.Errorf("temporalParse returned %s", r.Type())
		}
		return cast.Vector(rv, c.t, 0)
	}
	scale := c.scale
	if c.t.IsDecimal() && scale < 0 {
		scale = 0
	}
	return cast.Vector(sv, c.t, scale)
}

// arrayCol builds an array vector: each field holds the row's elements
// separated by the array delimiter.
type arrayCol struct {
	t       value.Type
	elem    column
	delim   []byte
	offsets []int64
	n       int64
}

func (c *arrayCol) add(b []byte) {
	b = trimSpace(b)
	if len(b) > 0 {
		for {
			i := bytes.Index(b, c.delim)
			if i < 0 || len(c.delim) == 0 {
				c.elem.add(b)
				c.n++
				break
			}
			c.elem.add(b[:i])
			c.n++
			b = b[i+len(c.delim):]
		}
	}
	c.offsets = append(c.offsets, c.n)
}

func (c *arrayCol) finish(env funcs.Env) (*value.Vector, error) {
	flat, err := c.elem.finish(env)
	if err != nil {
		return nil, err
	}
	out := *flat
	out.T = c.t
	out.Offsets = c.offsets
	return &out, nil
}
