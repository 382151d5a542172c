package partition

// Conversion of a partition column to the scheme type. cast.Vector
// (value/convert.go) was not available when this package was written, and
// Map must not allocate a converted copy anyway, so the few conversions a
// partition column needs are done here row by row.

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

type convKind uint8

const (
	convInt    convKind = iota // int-backed scheme (integral or temporal)
	convString                 // STRING/SYMBOL scheme
	convBytes                  // UUID/IPADDR/INT128 scheme
)

// converter turns raw column values into raw scheme values.
type converter struct {
	kind   convKind
	fn     func(int64) int64 // nil: identity
	lo, hi int64             // valid scheme values (inclusive); others are outside every partition
}

// absUnit is the nanoseconds in one unit of an absolute (epoch-based)
// temporal type; ok is false for the other types, MONTH among them.
func absUnit(t value.Type) (n int64, ok bool) {
	n = value.TickNanos(t)
	return n, n > 0 && cast.TimeOfDayUnits(t) == 0
}

// todUnit is the nanoseconds in one unit of a time-of-day type (MINUTE,
// SECOND, TIME, NANOTIME); ok is false for the other types.
func todUnit(t value.Type) (n int64, ok bool) {
	return value.TickNanos(t), cast.TimeOfDayUnits(t) > 0
}

func isIntegral(t value.Type) bool {
	switch t {
	case value.Char, value.Short, value.Int, value.Long:
		return true
	}
	return false
}

func isLiteral(t value.Type) bool { return t == value.String || t == value.Symbol }

func isBytes16(t value.Type) bool {
	return t == value.UUID || t == value.IPAddr || t == value.Int128
}

// converterFor returns how a column of type from maps onto scheme type to,
// or ErrCategory / ErrTemporalCast.
func converterFor(from, to value.Type) (converter, error) {
	switch {
	case isLiteral(to):
		if isLiteral(from) {
			return converter{kind: convString}, nil
		}
		return converter{}, ErrCategory
	case isBytes16(to):
		if from == to {
			return converter{kind: convBytes}, nil
		}
		return converter{}, ErrCategory
	case isIntegral(to):
		if isIntegral(from) {
			lo, hi := cast.IntRange(to)
			return converter{kind: convInt, lo: lo, hi: hi}, nil
		}
		return converter{}, ErrCategory
	case to.IsTemporal():
		if !from.IsTemporal() {
			return converter{}, ErrCategory
		}
		lo, hi := cast.IntRange(to)
		c := converter{kind: convInt, lo: lo, hi: hi}
		if from == to {
			return c, nil
		}
		fn := temporalFn(from, to)
		if fn == nil {
			return converter{}, ErrTemporalCast
		}
		c.fn = fn
		return c, nil
	}
	return converter{}, ErrCategory
}

// temporalFn converts raw from-values to raw to-values, or is nil when
// DolphinDB would not map such a column onto such a scheme (a coarser
// column, or a date column onto a time-of-day scheme) [I].
func temporalFn(from, to value.Type) func(int64) int64 {
	fu, fromAbs := absUnit(from)
	if to == value.Month {
		if !fromAbs {
			return nil
		}
		perDay := value.NsPerDay / fu
		return func(v int64) int64 {
			y, m, _ := value.CivilFromDays(value.FloorDiv(v, perDay))
			return int64(y)*12 + int64(m) - 1
		}
	}
	if tu, ok := absUnit(to); ok {
		if !fromAbs || fu > tu {
			return nil
		}
		r := tu / fu
		return func(v int64) int64 { return value.FloorDiv(v, r) }
	}
	tu, ok := todUnit(to)
	if !ok {
		return nil
	}
	if fromAbs {
		if fu > tu {
			return nil
		}
		perDay, r := value.NsPerDay/fu, tu/fu
		return func(v int64) int64 { return value.FloorMod(v, perDay) / r }
	}
	fu, ok = todUnit(from)
	if !ok || fu > tu {
		return nil
	}
	r := tu / fu
	return func(v int64) int64 { return v / r }
}

// mapIntCol maps every row of an int-backed column through c and lookup
// (which receives scheme-typed values). NULL rows give nullErr when it is
// set and -1 otherwise; values outside the scheme type give -1.
func mapIntCol(col *value.Vector, c converter, out []int32, nullErr error, lookup func(int64) int32) error {
	switch col.T.Storage() {
	case value.StInt8:
		return mapInts(col.I8, value.NullInt8, c, out, nullErr, lookup)
	case value.StInt16:
		return mapInts(col.I16, value.NullInt16, c, out, nullErr, lookup)
	case value.StInt32:
		return mapInts(col.I32, value.NullInt32, c, out, nullErr, lookup)
	case value.StInt64:
		return mapInts(col.I64, value.NullInt64, c, out, nullErr, lookup)
	}
	return ErrCategory
}

func mapInts[T int8 | int16 | int32 | int64](src []T, null T, c converter, out []int32, nullErr error, lookup func(int64) int32) error {
	fn, lo, hi := c.fn, c.lo, c.hi
	// Two loops on purpose: testing fn per row costs about 4% CPU in
	// BenchmarkValueDate (measured merging them).
	if fn == nil {
		for i, x := range src {
			if x == null {
				if nullErr != nil {
					return nullErr
				}
				out[i] = -1
				continue
			}
			v := int64(x)
			if v < lo || v > hi {
				out[i] = -1
				continue
			}
			out[i] = lookup(v)
		}
		return nil
	}
	for i, x := range src {
		if x == null {
			if nullErr != nil {
				return nullErr
			}
			out[i] = -1
			continue
		}
		v := fn(int64(x))
		if v < lo || v > hi {
			out[i] = -1
			continue
		}
		out[i] = lookup(v)
	}
	return nil
}

// schemeInts converts a scheme vector (or values to add) of an int-backed
// type to raw scheme values; ok is false for NULL or unconvertible elements.
func schemeInts(v *value.Vector, to value.Type) ([]int64, []bool, error) {
	c, err := converterFor(v.T, to)
	if err != nil {
		return nil, nil, err
	}
	if c.kind != convInt {
		return nil, nil, ErrCategory
	}
	n := v.Len()
	vals, ok := make([]int64, n), make([]bool, n)
	for i := 0; i < n; i++ {
		if v.IsNull(i) {
			continue
		}
		var x int64
		switch v.T.Storage() {
		case value.StInt8:
			x = int64(v.I8[i])
		case value.StInt16:
			x = int64(v.I16[i])
		case value.StInt32:
			x = int64(v.I32[i])
		case value.StInt64:
			x = v.I64[i]
		}
		if c.fn != nil {
			x = c.fn(x)
		}
		if x < c.lo || x > c.hi {
			continue
		}
		vals[i], ok[i] = x, true
	}
	return vals, ok, nil
}
