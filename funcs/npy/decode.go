package npy

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

var errTruncated = errors.New("the array's data is shorter than its shape")

// load decodes one .npy file's bytes.
func load(fn, name string, b []byte) (value.Value, error) {
	h, at, err := parseHeader(b)
	if err == nil {
		var v value.Value
		if v, err = decode(fn, h, b[at:]); err == nil || !errors.Is(err, errTruncated) {
			return v, err
		}
	}
	return nil, ddberr.Errorf("The file [%s] is not a valid NumPy .npy file: %w", name, err)
}

// notNpz is the error for a file that is not an .npz archive of .npy
// files.
func notNpz(name string, err error) error {
	return ddberr.Errorf("The file [%s] is not a valid NumPy .npz file: %w", name, err)
}

// dtype is a numpy element type as DolphinDB loads it (loadNpz.md lists
// BOOL, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE and one-dimensional
// STRING).
type dtype struct {
	t     value.Type
	width int  // bytes per element
	big   bool // big-endian elements
	kind  byte // 'U' (UCS-4 text) or 'S' (bytes) for strings
}

// fixedKinds maps numpy's kind and size ("f8") to DolphinDB's types.
var fixedKinds = map[string]value.Type{
	"b1": value.Bool, "i1": value.Char, "i2": value.Short, "i4": value.Int,
	"i8": value.Long, "f4": value.Float, "f8": value.Double,
}

// parseDescr reads a dtype descr such as "<i8", "|b1" or "<U4"; ok is
// false for any type loadNpy does not convert.
func parseDescr(d string) (dtype, bool) {
	if len(d) < 3 || !strings.ContainsRune("<>|=", rune(d[0])) {
		return dtype{}, false
	}
	dt := dtype{big: d[0] == '>' || d[0] == '=' && value.HostBigEndian()}
	if t, ok := fixedKinds[d[1:]]; ok {
		dt.t, dt.width = t, t.Storage().Width()
		return dt, true
	}
	n, err := strconv.Atoi(d[2:])
	if err != nil || n < 0 || (d[1] != 'U' && d[1] != 'S') {
		return dtype{}, false
	}
	dt.t, dt.kind, dt.width = value.String, d[1], n
	if d[1] == 'U' {
		dt.width = 4 * n
	}
	return dt, true
}

// decode turns an .npy array into DolphinDB's form of it: a scalar for
// zero dimensions, a vector for one, a matrix for two and a tuple of
// matrices (one per index of the first dimension) for three. fn names
// the function in errors.
func decode(fn string, h header, data []byte) (value.Value, error) {
	dt, ok := parseDescr(h.descr)
	if !ok {
		return nil, ddberr.Errorf("%s doesn't support the NumPy data type %s.", fn, h.descr)
	}
	if len(h.shape) > 3 {
		return nil, ddberr.Errorf("%s supports NumPy arrays of at most 3 dimensions.", fn)
	}
	if dt.t == value.String && len(h.shape) > 1 {
		return nil, ddberr.Errorf("%s supports strings only in one-dimensional NumPy arrays.", fn)
	}
	n := 1
	for _, d := range h.shape {
		n *= d
	}
	if n*dt.width > len(data) || n < 0 {
		return nil, errTruncated
	}
	flat := decodeFlat(dt, data, n)
	s := h.shape
	switch len(s) {
	case 0:
		return flat.At(0), nil
	case 1:
		return flat, nil
	case 2:
		v := flat
		if !h.fortran {
			v = flat.Gather(planes(1, s[0], s[1], false))
		}
		return &value.Matrix{V: v, Rows: s[0], Cols: s[1]}, nil
	}
	perm := planes(s[0], s[1], s[2], h.fortran)
	out := make([]value.Value, s[0])
	m := s[1] * s[2]
	for i := range out {
		out[i] = &value.Matrix{V: flat.Gather(perm[i*m : (i+1)*m]), Rows: s[1], Cols: s[2]}
	}
	return value.NewTuple(out), nil
}

// planes maps each element of k column-major rows×cols matrices, one
// after the other, to its position in a numpy array of shape (k, rows,
// cols) stored in C or Fortran order.
func planes(k, rows, cols int, fortran bool) []int {
	perm := make([]int, 0, k*rows*cols)
	for i := range k {
		for c := range cols {
			for r := range rows {
				if fortran {
					perm = append(perm, i+k*r+k*rows*c)
				} else {
					perm = append(perm, i*rows*cols+r*cols+c)
				}
			}
		}
	}
	return perm
}

// decodeFlat reads n elements of dt from data in storage order; NaN
// becomes NULL and a numpy bool any byte but 0 true.
func decodeFlat(dt dtype, data []byte, n int) *value.Vector {
	if dt.t == value.String {
		out := make([]string, n)
		for i := range out {
			out[i] = decodeString(dt, data[i*dt.width:(i+1)*dt.width])
		}
		return value.NewStrings(value.String, out)
	}
	v := value.NewVector(dt.t, 0, n)
	raw, w := v.ExtendFixed(n)
	copy(raw, data[:n*w])
	if dt.big != value.HostBigEndian() && w > 1 {
		for i := 0; i < len(raw); i += w {
			slices.Reverse(raw[i : i+w])
		}
	}
	switch dt.t {
	case value.Bool:
		for i, b := range v.I8 {
			if b != 0 {
				v.I8[i] = 1
			}
		}
	case value.Float:
		for i, f := range v.F32 {
			if f != f {
				v.F32[i] = value.NullFloat32
			}
		}
	case value.Double:
		for i, f := range v.F64 {
			if math.IsNaN(f) {
				v.F64[i] = value.NullFloat64
			}
		}
	}
	return v
}

// decodeString reads one fixed-width numpy string, whose unused tail is
// zero: UCS-4 code points for 'U', bytes for 'S'.
func decodeString(dt dtype, b []byte) string {
	if dt.kind == 'S' {
		return strings.TrimRight(string(b), "\x00")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if dt.big {
		bo = binary.BigEndian
	}
	out := make([]byte, 0, len(b)/4)
	for i := 0; i+4 <= len(b); i += 4 {
		r := rune(bo.Uint32(b[i:]))
		if r == 0 {
			break
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out)
}
