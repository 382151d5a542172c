package npy

import (
	"encoding/binary"
	"math"
	"os"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// descrs is the numpy dtype saveAsNpy writes for each numeric type, in
// the host's byte order (the raw memory it copies).
var descrs = map[value.Type]string{
	value.Bool: "|b1", value.Char: "|i1", value.Short: "i2", value.Int: "i4",
	value.Long: "i8", value.Float: "f4", value.Double: "f8",
}

// encode lays v out as an .npy file: a vector as a one-dimensional
// array, a matrix (column-major, as DolphinDB stores it) as a
// two-dimensional array in Fortran order. NULL floating values become
// -inf (saveAsNpy.md), NULL BOOLs false; NULL integers keep DolphinDB's
// own NULL, the type's minimum.
func encode(v *value.Vector, shape []int, fortran bool) []byte {
	d := descrs[v.T]
	if d[0] != '|' {
		d = map[bool]string{false: "<", true: ">"}[value.HostBigEndian()] + d
	}
	raw, _ := v.FixedBytes()
	b := appendHeader(make([]byte, 0, 128+len(raw)), header{descr: d, fortran: fortran, shape: shape})
	at := len(b)
	b = append(b, raw...)
	replaceNulls(v, b[at:])
	return b
}

// replaceNulls rewrites, in data (v's elements in host order), a NULL
// BOOL as false and a NULL FLOAT or DOUBLE as -inf.
func replaceNulls(v *value.Vector, data []byte) {
	switch v.T {
	case value.Bool:
		for i, x := range v.I8 {
			if x == value.NullInt8 {
				data[i] = 0
			}
		}
	case value.Float:
		inf := math.Float32bits(float32(math.Inf(-1)))
		for i, f := range v.F32 {
			if f == value.NullFloat32 {
				binary.NativeEndian.PutUint32(data[4*i:], inf)
			}
		}
	case value.Double:
		inf := math.Float64bits(math.Inf(-1))
		for i, f := range v.F64 {
			if f == value.NullFloat64 {
				binary.NativeEndian.PutUint64(data[8*i:], inf)
			}
		}
	}
}

// saveAsNpy is saveAsNpy(obj, fileName): a numeric vector or matrix
// written as an .npy file; DolphinDB requires a logged-in user.
func saveAsNpy(env funcs.Env, args []value.Value) (value.Value, error) {
	var (
		v       *value.Vector
		shape   []int
		fortran bool
	)
	switch x := args[0].(type) {
	case *value.Vector:
		v, shape = x, []int{x.Len()}
	case *value.Matrix:
		v, shape, fortran = x.V, []int{x.Rows, x.Cols}, true
	}
	if v == nil || descrs[v.T] == "" {
		return nil, ddberr.Errorf("The argument [obj] of saveAsNpy must be a numeric vector or matrix.")
	}
	name, err := funcs.StrScalarArg("saveAsNpy", "fileName", args[1])
	if err != nil {
		return nil, err
	}
	if env.SessionInfo().User == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	path, err := filesys.Resolve(env, name)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, encode(v, shape, fortran), 0o644); err != nil {
		return nil, filesys.OpenError(name, err)
	}
	return nil, nil
}
