package textio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// recordField is one fixed-length field of loadRecord's rows.
type recordField struct {
	name string
	t    value.Type
	size int
}

// loadRecord loads a row-oriented binary file whose fields all have a
// fixed length (little-endian numbers, text padded with zero bytes).
func loadRecord(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "loadRecord"
	fields, err := recordSchema(args[1])
	if err != nil {
		return nil, err
	}
	skip, err := funcs.IntArg(fn, "skipBytes", nilIfAbsent(funcs.Arg(args, 2)), 0)
	if err != nil || skip < 0 {
		return nil, fmt.Errorf("%s: skipBytes must be a non-negative integer.", fn)
	}
	count, err := funcs.IntArg(fn, "count", nilIfAbsent(funcs.Arg(args, 3)), -1)
	if err != nil || (count <= 0 && count != -1) {
		return nil, fmt.Errorf("%s: count must be a positive integer.", fn)
	}
	data, err := readFile(env, fn, args[0])
	if err != nil {
		return nil, err
	}
	if int64(len(data)) < skip {
		skip = int64(len(data))
	}
	data = data[skip:]
	size := 0
	for _, f := range fields {
		size += f.size
	}
	n := len(data) / size
	if count >= 0 && int(count) < n {
		n = int(count)
	}
	if err := env.Reserve(n * len(fields)); err != nil {
		return nil, err
	}
	names := make([]string, len(fields))
	cols := make([]*value.Vector, len(fields))
	off := 0
	for i, f := range fields {
		names[i] = f.name
		cols[i] = recordColumn(data, f, off, size, n)
		off += f.size
	}
	return value.NewTable(names, cols), nil
}

func nilIfAbsent(x value.Value) value.Value {
	if funcs.EmptyArg(x) {
		return nil
	}
	return x
}

// recordSchema reads the schema tuple: (name, type[, length]) per field.
func recordSchema(x value.Value) ([]recordField, error) {
	bad := fmt.Errorf("loadRecord: The schema must be a tuple of (name, type[, length]) tuples.")
	tup, ok := x.(*value.Vector)
	if !ok || tup.T != value.Any || len(tup.Any) == 0 {
		return nil, bad
	}
	out := make([]recordField, len(tup.Any))
	for i, e := range tup.Any {
		parts, ok := e.(*value.Vector)
		if !ok || parts.Len() < 2 {
			return nil, bad
		}
		elem := func(k int) value.Value {
			if parts.T == value.Any {
				return parts.Any[k]
			}
			return parts.Elem(k)
		}
		name, ok := funcs.StringArg(elem(0))
		if !ok {
			return nil, bad
		}
		ts, ok := funcs.ScalarArg(elem(1))
		if !ok || ts.T.Category() != value.CatIntegral || ts.Null {
			return nil, bad
		}
		t := value.Type(ts.I)
		f := recordField{name: name, t: t, size: fixedSize(t)}
		if t == value.String || t == value.Symbol {
			if parts.Len() < 3 {
				return nil, fmt.Errorf("loadRecord: The length of the string field %s must be given.", name)
			}
			l, ok := funcs.ScalarArg(elem(2))
			if !ok || l.T.Category() != value.CatIntegral || l.Null || l.I <= 0 {
				return nil, bad
			}
			f.size = int(l.I)
		}
		if f.size == 0 {
			return nil, fmt.Errorf("loadRecord: The data type %s is not supported.", t)
		}
		out[i] = f
	}
	return out, nil
}

func fixedSize(t value.Type) int {
	switch t {
	case value.Bool, value.Char:
		return 1
	case value.Short:
		return 2
	case value.Int, value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime, value.DateHour, value.Float:
		return 4
	case value.Long, value.Timestamp, value.NanoTime, value.NanoTimestamp, value.Double:
		return 8
	}
	return 0
}

// recordColumn reads field f of each of n rows of the given stride.
func recordColumn(data []byte, f recordField, off, stride, n int) *value.Vector {
	v := value.NewVector(f.t, n, n)
	le := binary.LittleEndian
	for r := 0; r < n; r++ {
		b := data[r*stride+off : r*stride+off+f.size]
		switch f.t {
		case value.Bool, value.Char:
			v.I8[r] = int8(b[0])
		case value.Short:
			v.I16[r] = int16(le.Uint16(b))
		case value.Float:
			v.F32[r] = math.Float32frombits(le.Uint32(b))
		case value.Double:
			v.F64[r] = math.Float64frombits(le.Uint64(b))
		case value.String, value.Symbol:
			if z := bytes.IndexByte(b, 0); z >= 0 {
				b = b[:z]
			}
			v.Str[r] = string(b)
		default:
			if f.size == 4 {
				v.I32[r] = int32(le.Uint32(b))
			} else {
				v.I64[r] = int64(le.Uint64(b))
			}
		}
	}
	return v
}
