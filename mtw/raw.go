package mtw

import (
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

// Rows wait for conversion in the form Insert got them, but not as the
// interfaces it was passed: if Insert kept an interface, the compiler
// would put every value a caller passes to it on the heap (an allocation
// per value, then garbage collection), while copying the values out of
// their interfaces lets them stay on the caller's stack. So Insert and
// the functions it calls must never store an interface, a pointer held
// by one, or a reflect.Value of one; they copy what it holds instead
// (detach). TestInsertDoesNotAllocate guards this.

// kind is the Go type of a queued value.
type kind uint8

const (
	kNil kind = iota
	kBool
	kInt
	kInt8
	kInt16
	kInt32
	kInt64
	kUint
	kUint8
	kUint16
	kUint32
	kUint64
	kFloat32
	kFloat64
	kDuration
	kString
	kTime
	// kOther is any other type, held as a copy made by detach.
	kOther
)

// rawCol holds one column of queued rows: each value's kind, and its
// payload in the slice for that kind, in row order.
type rawCol struct {
	kinds []kind
	nums  []uint64 // bool, integers, floats (bits), durations
	strs  []string
	times []time.Time
	other []any
}

func (rc *rawCol) num(k kind, n uint64) {
	rc.kinds = append(rc.kinds, k)
	rc.nums = append(rc.nums, n)
}

// put queues x.
func (rc *rawCol) put(x any) {
	if k, n, ok := numKind(x); ok {
		rc.num(k, n)
		return
	}
	switch v := x.(type) {
	case nil:
		rc.kinds = append(rc.kinds, kNil)
	case string:
		rc.kinds = append(rc.kinds, kString)
		rc.strs = append(rc.strs, v)
	case time.Time:
		rc.kinds = append(rc.kinds, kTime)
		rc.times = append(rc.times, v)
	default:
		rc.kinds = append(rc.kinds, kOther)
		rc.other = append(rc.other, detach(x))
	}
}

// numKind is the kind of x and its payload in nums, when x is a bool, an
// integer, a float or a time.Duration (not a named type of theirs).
func numKind(x any) (kind, uint64, bool) {
	switch v := x.(type) {
	case int32:
		return kInt32, uint64(v), true
	case int:
		return kInt, uint64(v), true
	case int64:
		return kInt64, uint64(v), true
	case float64:
		return kFloat64, math.Float64bits(v), true
	case bool:
		if v {
			return kBool, 1, true
		}
		return kBool, 0, true
	case int8:
		return kInt8, uint64(v), true
	case int16:
		return kInt16, uint64(v), true
	case uint:
		return kUint, uint64(v), true
	case uint8:
		return kUint8, uint64(v), true
	case uint16:
		return kUint16, uint64(v), true
	case uint32:
		return kUint32, uint64(v), true
	case uint64:
		return kUint64, v, true
	case float32:
		return kFloat32, uint64(math.Float32bits(v)), true
	case time.Duration:
		return kDuration, uint64(v), true
	}
	return kNil, 0, false
}

func (rc *rawCol) reset() {
	clear(rc.strs)
	clear(rc.times)
	clear(rc.other)
	rc.kinds, rc.nums, rc.strs, rc.times, rc.other = rc.kinds[:0], rc.nums[:0], rc.strs[:0], rc.times[:0], rc.other[:0]
}

// detach copies x, a value of a type put does not store by kind, without
// retaining x itself: known types by value (pointers as pointers to a
// copy of what they point to, slices as copies, since callers may reuse
// their buffers after Insert returns), others through reflect (copyValue).
func detach(x any) any {
	switch v := x.(type) {
	// One type per case: v then has that type and is boxed anew; in a
	// multi-type case v would be x itself, and x would escape.
	case Decimal:
		return v
	case complex128:
		return v
	case [2]float64:
		return v
	case *Decimal:
		return ptrCopy(v)
	case *time.Time:
		return ptrCopy(v)
	case *value.Scalar:
		return ptrCopy(v)
	case *value.Vector:
		return ptrCopy(v)
	case []byte:
		return slices.Clone(v)
	case []any:
		return slices.Clone(v)
	case []int:
		return slices.Clone(v)
	case []int32:
		return slices.Clone(v)
	case []int64:
		return slices.Clone(v)
	case []float64:
		return slices.Clone(v)
	case []string:
		return slices.Clone(v)
	}
	return copyValue(reflect.ValueOf(x)).Interface()
}

// ptrCopy is a pointer to a copy of *p, keeping nil (typed) nil.
func ptrCopy[T any](p *T) any {
	if p == nil {
		return (*T)(nil)
	}
	c := *p
	return &c
}

// copyValue returns a copy of the value rv holds: scalars exactly, slices,
// arrays and what pointers point to shallowly. Values of the kinds no
// column accepts (structs other than time.Time and Decimal, which detach
// or a slice or array copy handles, maps, channels, functions) become the
// zero value of their type, which fails conversion with the same message.
func copyValue(rv reflect.Value) reflect.Value {
	t := rv.Type()
	c := reflect.New(t).Elem()
	switch rv.Kind() {
	case reflect.Bool:
		c.SetBool(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.SetInt(rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.SetUint(rv.Uint())
	case reflect.Float32, reflect.Float64:
		c.SetFloat(rv.Float())
	case reflect.Complex64, reflect.Complex128:
		c.SetComplex(rv.Complex())
	case reflect.String:
		c.SetString(rv.String())
	case reflect.Slice:
		if !rv.IsNil() {
			c = reflect.MakeSlice(t, rv.Len(), rv.Len())
			reflect.Copy(c, rv)
		}
	case reflect.Array:
		if !directIface(t) {
			reflect.Copy(c, rv)
			break
		}
		// reflect.Copy would read a one-pointer array held directly in
		// an interface as the memory the pointer points to.
		for i := 0; i < rv.Len(); i++ {
			c.Index(i).Set(copyValue(rv.Index(i)))
		}
	case reflect.Pointer:
		if !rv.IsNil() {
			c = reflect.New(t.Elem())
			one := reflect.ArrayOf(1, t.Elem())
			reflect.Copy(reflect.NewAt(one, c.UnsafePointer()).Elem(), reflect.NewAt(one, rv.UnsafePointer()).Elem())
		}
	}
	return c
}

// directIface reports whether an interface holds a value of type t in
// its data word rather than pointing to it (Go's "direct interface"
// types: pointer-shaped ones).
func directIface(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return true
	case reflect.Array:
		return t.Len() == 1 && directIface(t.Elem())
	case reflect.Struct:
		return t.NumField() == 1 && directIface(t.Field(0).Type)
	}
	return false
}

// rawVal is one queued value.
type rawVal struct {
	k kind
	n uint64
	s string
	t *time.Time
	o any
}

// rawReader reads a rawCol in row order.
type rawReader struct {
	rc             *rawCol
	ni, si, ti, oi int
}

func (rd *rawReader) next(r int) rawVal {
	v := rawVal{k: rd.rc.kinds[r]}
	switch v.k {
	case kNil:
	case kString:
		v.s = rd.rc.strs[rd.si]
		rd.si++
	case kTime:
		v.t = &rd.rc.times[rd.ti]
		rd.ti++
	case kOther:
		v.o = rd.rc.other[rd.oi]
		rd.oi++
	default:
		v.n = rd.rc.nums[rd.ni]
		rd.ni++
	}
	return v
}

// value is the Go value as inserted (or its copy, see detach).
func (v rawVal) value() any {
	switch v.k {
	case kNil:
		return nil
	case kBool:
		return v.n != 0
	case kInt:
		return int(v.n)
	case kInt8:
		return int8(v.n)
	case kInt16:
		return int16(v.n)
	case kInt32:
		return int32(v.n)
	case kInt64:
		return int64(v.n)
	case kUint:
		return uint(v.n)
	case kUint8:
		return uint8(v.n)
	case kUint16:
		return uint16(v.n)
	case kUint32:
		return uint32(v.n)
	case kUint64:
		return v.n
	case kFloat32:
		return math.Float32frombits(uint32(v.n))
	case kFloat64:
		return math.Float64frombits(v.n)
	case kDuration:
		return time.Duration(v.n)
	case kString:
		return v.s
	case kTime:
		return *v.t
	}
	return v.o
}

// toCell converts v to the column type; convert converts the Go values
// numKind reads through it.
func (v rawVal) toCell(t value.Type, scale int32) (cell, error) {
	if t.IsArray() {
		return convert(v.value(), t, scale)
	}
	switch v.k {
	case kNil:
		return cell{null: true}, nil
	case kBool:
		if t != value.Bool {
			return cell{}, cannotConvert("bool", t, scale)
		}
		return cell{i: int64(v.n)}, nil
	case kInt, kInt64:
		return fromInt(int64(v.n), "long", t, scale)
	case kInt32:
		return fromInt(int64(int32(v.n)), "int", t, scale)
	case kInt16:
		return fromInt(int64(int16(v.n)), "short", t, scale)
	case kInt8:
		return fromInt(int64(int8(v.n)), "char", t, scale)
	case kUint8:
		return fromInt(int64(uint8(v.n)), "short", t, scale)
	case kUint16:
		return fromInt(int64(uint16(v.n)), "int", t, scale)
	case kUint32:
		return fromInt(int64(uint32(v.n)), "long", t, scale)
	case kUint, kUint64:
		return fromUint(v.n, t, scale)
	case kFloat64:
		return fromFloat(math.Float64frombits(v.n), "double", t, scale)
	case kFloat32:
		return fromFloat(float64(math.Float32frombits(uint32(v.n))), "float", t, scale)
	case kDuration:
		return fromDuration(time.Duration(v.n), t, scale)
	case kString:
		return fromString(v.s, "string", t, scale)
	case kTime:
		return fromTime(*v.t, t, scale)
	}
	return convert(v.o, t, scale)
}
