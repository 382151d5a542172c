package streamengine

import (
	"errors"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// The pieces engines build their snapshot state from (Snapshotter): a
// state is a tuple in wire's object encoding, of LONG vectors for the
// scalars and tuples of columns for the tables. These read a decoded
// state back, checking its shape.

// EncodeState is a state's bytes: version, which DecodeState checks,
// then parts, as a tuple in wire's object encoding.
func EncodeState(version string, parts ...value.Value) ([]byte, error) {
	return wire.Marshal(value.NewTuple(append([]value.Value{value.NewString(version)}, parts...)), nil)
}

// DecodeState is the n parts of a state EncodeState gave, whose version
// must be version.
func DecodeState(b []byte, version string, n int) ([]value.Value, error) {
	v, _, err := wire.DecodeBytes(b)
	if err != nil {
		return nil, err
	}
	top, ok := StateTuple(v, n+1)
	if !ok {
		return nil, ErrState
	}
	if ver, ok := top[0].(*value.Scalar); !ok || ver.T != value.String || ver.S != version {
		return nil, ErrState
	}
	return top[1:], nil
}

// DecodeStateHead is DecodeState of a state whose first part is a LONG
// vector of heads numbers (an engine's counters), returned read as head.
func DecodeStateHead(b []byte, version string, n, heads int) (top []value.Value, head []int64, err error) {
	top, err = DecodeState(b, version, n)
	if err != nil {
		return nil, nil, err
	}
	head, ok := StateLongs(top[0], heads)
	if !ok {
		return nil, nil, ErrState
	}
	return top, head, nil
}

// ErrState is LoadState's error for bytes that are not the state of an
// engine of its kind and arguments.
var ErrState = errors.New("the snapshot does not hold the state of this engine")

// StateTuple is v's elements when it is a tuple of n of them (any
// number for n < 0).
func StateTuple(v value.Value, n int) ([]value.Value, bool) {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Any || n >= 0 && len(t.Any) != n {
		return nil, false
	}
	return t.Any, true
}

// StateHead is StateTuple of a part whose first element is a LONG vector
// of heads numbers (a group's counters), returned read as head.
func StateHead(v value.Value, n, heads int) (parts []value.Value, head []int64, ok bool) {
	if parts, ok = StateTuple(v, n); !ok {
		return nil, nil, false
	}
	if head, ok = StateLongs(parts[0], heads); !ok {
		return nil, nil, false
	}
	return parts, head, true
}

// StateLongs is v's values when it is a LONG vector of n of them (any
// number for n < 0).
func StateLongs(v value.Value, n int) ([]int64, bool) {
	t, ok := v.(*value.Vector)
	if !ok || t.T != value.Long || n >= 0 && t.Len() != n {
		return nil, false
	}
	return append([]int64{}, t.I64...), true
}

// StateColumns is t's columns as a tuple, which LoadColumns reads back.
func StateColumns(t *value.Table) *value.Vector {
	out := make([]value.Value, len(t.Cols))
	for i, c := range t.Cols {
		out[i] = c
	}
	return value.NewTuple(out)
}

// LoadColumns appends the columns StateColumns saved to t's, columns of
// the engine's own making: the saved columns must be as many, of the
// same types, and of one length.
func LoadColumns(t *value.Table, v value.Value) error {
	cols, ok := StateTuple(v, len(t.Cols))
	if !ok {
		return ErrState
	}
	n := -1
	for i, x := range cols {
		src, ok := x.(*value.Vector)
		if !ok || src.T != t.Cols[i].T || n >= 0 && src.Len() != n {
			return ErrState
		}
		n = src.Len()
	}
	for i, x := range cols {
		if err := AppendState(t.Cols[i], x); err != nil {
			return err
		}
	}
	return nil
}

// LoadTimedRows appends to buf a group's buffered rows, saved as a LONG
// vector of their times and StateColumns of them, and returns the times.
func LoadTimedRows(buf *value.Table, times, cols value.Value) ([]int64, error) {
	ts, ok := StateLongs(times, -1)
	if !ok {
		return nil, ErrState
	}
	if err := LoadColumns(buf, cols); err != nil {
		return nil, err
	}
	if buf.Rows() != len(ts) {
		return nil, ErrState
	}
	return ts, nil
}

// TimedGroup is a group's state as LoadTimedGroup reads it back.
type TimedGroup struct {
	// Head is the group's counters.
	Head []int64
	// Times are the times of its buffered rows, Buf the rows.
	Times []int64
	Buf   *value.Table
	// Rest are the parts after the rows, the engine's own.
	Rest []value.Value
}

// LoadTimedGroup reads the state of a group that buffers rows with
// their times, a tuple of n parts: a LONG vector of heads counters, the
// rows' times and their columns (LoadTimedRows; columns like dummy's),
// then the engine's own.
func LoadTimedGroup(v value.Value, n, heads int, dummy *value.Table) (TimedGroup, error) {
	parts, head, ok := StateHead(v, n, heads)
	if !ok {
		return TimedGroup{}, ErrState
	}
	buf := dummy.EmptyLike(0)
	times, err := LoadTimedRows(buf, parts[1], parts[2])
	if err != nil {
		return TimedGroup{}, err
	}
	return TimedGroup{Head: head, Times: times, Buf: buf, Rest: parts[3:]}, nil
}

// AppendState appends a decoded column v to dst, a column of the
// engine's own making, which keeps its representation (a SYMBOL
// column's coding among them); ErrState when v is no vector of dst's
// type.
func AppendState(dst *value.Vector, v value.Value) error {
	src, ok := v.(*value.Vector)
	if !ok || src.T != dst.T {
		return ErrState
	}
	dst.AppendVector(src)
	return nil
}
