package pickle

import (
	"encoding/binary"
	"math"
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/porpoisedb/porpoise/value"
)

// The pickle reply protocol (request flag 8): the Python API reads a reply
// object whose form byte has bit 32 set as a Python pickle stream
// (protocol 4) and hands the unpickled object to the caller as is. Every
// other reply goes through its ordinary decoder, so the server pickles
// only what it can render exactly as the API's own conversion would (a
// table of numeric, temporal and text columns) and sends the rest in the
// binary form.
//
// A table becomes pandas.DataFrame({name: column, ...}), or with flag
// 32768 a list of the columns. A column is a numpy array built by the
// unpickler's REDUCE calls:
//
//	numpy.array(numpy.frombuffer(<little-endian bytes>, numpy.dtype(<code>)))
//
// (the outer call copies the read-only buffer view into a writable
// array), or numpy.array([<items>], numpy.dtype("O")) for text and for
// BOOL columns holding NULLs. The conversions follow the API's binary
// path: integral columns with NULLs become float64 with NaN, NULL floats
// NaN, every temporal type datetime64[ns] with NaT for NULL but MONTH,
// which DolphinDB sends as datetime64[M] (pandas 2 keeps it as
// datetime64[s]).

// FormFlag is the bit the reply's form byte carries when the object
// that follows is a pickle stream.
const FormFlag = 32

// pickle opcodes (Python's pickletools names).
const (
	pkMark           = '('
	pkStop           = '.'
	pkBinUnicode     = 'X'
	pkShortBinUnicod = 0x8c
	pkBinBytes       = 'B'
	pkBinBytes8      = 0x8e
	pkGlobal         = 'c'
	pkReduce         = 'R'
	pkEmptyDict      = '}'
	pkSetItems       = 'u'
	pkEmptyList      = ']'
	pkAppends        = 'e'
	pkNone           = 'N'
	pkTrue           = 0x88
	pkFalse          = 0x89
	pkProto          = 0x80
	pkTuple1         = 0x85
	pkTuple2         = 0x86
	pkBinPut         = 'q'
	pkLongBinPut     = 'r'
	pkBinGet         = 'h'
	pkLongBinGet     = 'j'
)

// Renders reports whether t can be sent as a pickle: every column has
// a type the pickle encoder renders (see AppendTable).
func Renders(t *value.Table) bool {
	for _, c := range t.Cols {
		if !pickleType(c) {
			return false
		}
	}
	return true
}

// HasBlob reports whether t has a BLOB column, which DolphinDB's
// pickle replies refuse.
func HasBlob(t *value.Table) bool {
	for _, c := range t.Cols {
		if c.T == value.Blob {
			return true
		}
	}
	return false
}

func pickleType(c *value.Vector) bool {
	switch c.T {
	case value.Bool, value.Char, value.Short, value.Int, value.Long, value.Float, value.Double,
		value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime,
		value.Timestamp, value.NanoTime, value.NanoTimestamp, value.DateHour:
		return true
	case value.String, value.Symbol:
		// the unpickler rejects text that is not UTF-8
		for _, s := range c.Strings() {
			if !utf8.ValidString(s) {
				return false
			}
		}
		return true
	}
	return false
}

// AppendTable appends the reply object for t under the pickle
// protocol: the 2-byte form/type header with FormFlag, then the
// pickle stream of a DataFrame (asList false) or of a list of the columns
// (asList true, request flag 32768). The caller checks Renders first.
func AppendTable(dst []byte, t *value.Table, asList bool) []byte {
	p := pickler{b: dst}
	p.b = append(p.b, byte(value.Void), byte(value.FormTable)|FormFlag)
	p.b = append(p.b, pkProto, 4)
	if asList {
		p.b = append(p.b, pkEmptyList, pkMark)
		for _, c := range t.Cols {
			p.column(c)
		}
		p.b = append(p.b, pkAppends, pkStop)
		return p.b
	}
	p.global("pandas", "DataFrame")
	p.b = append(p.b, pkEmptyDict, pkMark)
	for i, c := range t.Cols {
		p.unicode(t.Names[i])
		p.column(c)
	}
	p.b = append(p.b, pkSetItems, pkTuple1, pkReduce, pkStop)
	return p.b
}

// pickler appends pickle opcodes to b; memo counts the memo slots used
// (symbol texts are stored once and fetched again).
type pickler struct {
	b    []byte
	memo uint32
}

func (p *pickler) global(module, name string) {
	p.b = append(p.b, pkGlobal)
	p.b = append(p.b, module...)
	p.b = append(p.b, '\n')
	p.b = append(p.b, name...)
	p.b = append(p.b, '\n')
}

func (p *pickler) unicode(s string) {
	if len(s) < 256 {
		p.b = append(p.b, pkShortBinUnicod, byte(len(s)))
	} else {
		p.b = append(p.b, pkBinUnicode)
		p.b = binary.LittleEndian.AppendUint32(p.b, uint32(len(s)))
	}
	p.b = append(p.b, s...)
}

// put stores the top of the stack in the next memo slot.
func (p *pickler) put() uint32 {
	id := p.memo
	p.memo++
	if id < 256 {
		p.b = append(p.b, pkBinPut, byte(id))
	} else {
		p.b = append(p.b, pkLongBinPut)
		p.b = binary.LittleEndian.AppendUint32(p.b, id)
	}
	return id
}

func (p *pickler) get(id uint32) {
	if id < 256 {
		p.b = append(p.b, pkBinGet, byte(id))
	} else {
		p.b = append(p.b, pkLongBinGet)
		p.b = binary.LittleEndian.AppendUint32(p.b, id)
	}
}

// dtype pushes numpy.dtype(code).
func (p *pickler) dtype(code string) {
	p.global("numpy", "dtype")
	p.unicode(code)
	p.b = append(p.b, pkTuple1, pkReduce)
}

// bytesHeader opens a bytes object of n bytes; the caller appends them.
func (p *pickler) bytesHeader(n int) {
	if uint64(n) <= math.MaxUint32 {
		p.b = append(p.b, pkBinBytes)
		p.b = binary.LittleEndian.AppendUint32(p.b, uint32(n))
		return
	}
	p.b = append(p.b, pkBinBytes8)
	p.b = binary.LittleEndian.AppendUint64(p.b, uint64(n))
}

// numeric pushes numpy.array(numpy.frombuffer(bytes, dtype(code))); fill
// appends the n*width bytes.
func (p *pickler) numeric(code string, n, width int, fill func(b []byte) []byte) {
	p.global("numpy", "array")
	p.global("numpy", "frombuffer")
	p.bytesHeader(n * width)
	p.b = fill(p.b)
	p.dtype(code)
	p.b = append(p.b, pkTuple2, pkReduce, pkTuple1, pkReduce)
}

// objects pushes numpy.array([...], dtype("O")); items appends the
// elements between the list's MARK and APPENDS.
func (p *pickler) objects(items func()) {
	p.global("numpy", "array")
	p.b = append(p.b, pkEmptyList, pkMark)
	items()
	p.b = append(p.b, pkAppends)
	p.dtype("O")
	p.b = append(p.b, pkTuple2, pkReduce)
}

// column pushes one column as a numpy array.
func (p *pickler) column(c *value.Vector) {
	n := c.Len()
	switch c.T {
	case value.Bool:
		if !c.HasNull() {
			p.numeric("?", n, 1, func(b []byte) []byte {
				for _, x := range c.I8 {
					b = append(b, byte(x))
				}
				return b
			})
			return
		}
		p.objects(func() {
			for _, x := range c.I8 {
				switch {
				case x == value.NullInt8:
					p.b = append(p.b, pkNone)
				case x != 0:
					p.b = append(p.b, pkTrue)
				default:
					p.b = append(p.b, pkFalse)
				}
			}
		})
	case value.Char:
		pickleInts(p, "<i1", c.I8, value.NullInt8)
	case value.Short:
		pickleInts(p, "<i2", c.I16, value.NullInt16)
	case value.Int:
		pickleInts(p, "<i4", c.I32, value.NullInt32)
	case value.Long:
		pickleInts(p, "<i8", c.I64, value.NullInt64)
	case value.Float:
		pickleFloats(p, "<f4", c.F32, value.NullFloat32)
	case value.Double:
		pickleFloats(p, "<f8", c.F64, value.NullFloat64)
	case value.String:
		p.objects(func() {
			for i, n := 0, c.Len(); i < n; i++ {
				p.unicode(c.StrAt(i)) // a coded STRING column too
			}
		})
	case value.Symbol:
		// a symbol column repeats few texts: each is stored once in the
		// memo and fetched from there
		seen := make(map[string]uint32)
		p.objects(func() {
			for _, s := range c.Strings() {
				if id, ok := seen[s]; ok {
					p.get(id)
					continue
				}
				p.unicode(s)
				seen[s] = p.put()
			}
		})
	case value.Month:
		p.numeric("<M8[M]", n, 8, func(b []byte) []byte {
			for _, x := range c.I32 {
				m := int64(natValue)
				if x != value.NullInt32 {
					m = int64(x) - 1970*12
				}
				b = binary.LittleEndian.AppendUint64(b, uint64(m))
			}
			return b
		})
	default:
		p.temporal(c)
	}
}

// pickleInts pushes an integral column as the numpy dtype code, or as
// float64 with NaN for NULL when it holds any (numpy integers have none).
func pickleInts[T int8 | int16 | int32 | int64](p *pickler, code string, xs []T, null T) {
	n := len(xs)
	if slices.Contains(xs, null) {
		p.floatsFromInts(n, func(i int) (int64, bool) { return int64(xs[i]), xs[i] == null })
		return
	}
	w := int(unsafe.Sizeof(null))
	p.numeric(code, n, w, func(b []byte) []byte {
		for _, x := range xs {
			// little endian: the low w bytes of the 8 come first
			b = binary.LittleEndian.AppendUint64(b, uint64(x))[:len(b)+w]
		}
		return b
	})
}

// pickleFloats pushes a floating column as the numpy dtype code, NULL as
// NaN.
func pickleFloats[T float32 | float64](p *pickler, code string, xs []T, null T) {
	w := int(unsafe.Sizeof(null))
	p.numeric(code, len(xs), w, func(b []byte) []byte {
		nan := T(math.NaN())
		for _, x := range xs {
			if x == null {
				x = nan
			}
			bits := math.Float64bits(float64(x))
			if w == 4 {
				bits = uint64(math.Float32bits(float32(x)))
			}
			b = binary.LittleEndian.AppendUint64(b, bits)[:len(b)+w]
		}
		return b
	})
}

// floatsFromInts pushes a float64 array with NaN where null reports NULL.
func (p *pickler) floatsFromInts(n int, at func(i int) (int64, bool)) {
	p.numeric("<f8", n, 8, func(b []byte) []byte {
		nan := math.Float64bits(math.NaN())
		for i := 0; i < n; i++ {
			x, null := at(i)
			bits := math.Float64bits(float64(x))
			if null {
				bits = nan
			}
			b = binary.LittleEndian.AppendUint64(b, bits)
		}
		return b
	})
}

// natValue is numpy's NaT as an int64.
const natValue = math.MinInt64

// temporal pushes a datetime64[ns] array: the unit's count times its
// nanoseconds, NULL as NaT.
func (p *pickler) temporal(c *value.Vector) {
	n := c.Len()
	const (
		second = int64(1e9)
		minute = 60 * second
		hour   = 60 * minute
		day    = 24 * hour
	)
	p.numeric("<M8[ns]", n, 8, func(b []byte) []byte {
		if c.I64 != nil {
			unit := int64(1)
			if c.T == value.Timestamp {
				unit = int64(1e6)
			}
			for _, x := range c.I64 {
				ns := int64(natValue)
				if x != value.NullInt64 {
					ns = x * unit
				}
				b = binary.LittleEndian.AppendUint64(b, uint64(ns))
			}
			return b
		}
		var unit int64
		switch c.T {
		case value.Date:
			unit = day
		case value.Time:
			unit = int64(1e6)
		case value.Minute:
			unit = minute
		case value.Second, value.DateTime:
			unit = second
		case value.DateHour:
			unit = hour
		}
		for _, x := range c.I32 {
			ns := int64(natValue)
			if x != value.NullInt32 {
				ns = int64(x) * unit
			}
			b = binary.LittleEndian.AppendUint64(b, uint64(ns))
		}
		return b
	})
}
