package strfn

import (
	"crypto/md5"
	"fmt"
	"hash"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// MD5 digests of values: gmd5 over all of X, rowGmd5 per row.

// gmd5 is the MD5 digest of all of X's elements' bytes (numbers as their
// little-endian storage, strings as their text), flattening tuples,
// array vectors, pairs and matrices, as one INT128.
func gmd5(_ funcs.Env, args []value.Value) (value.Value, error) {
	d := digester{h: md5.New()}
	var walk func(x value.Value) error
	walk = func(x value.Value) error {
		switch v := x.(type) {
		case *value.Scalar:
			return walk(v.Vector())
		case *value.Pair:
			return walk(v.V)
		case *value.Matrix:
			return walk(v.V)
		case *value.Vector:
			if v.T == value.Any {
				for _, e := range v.Any {
					if err := walk(e); err != nil {
						return err
					}
				}
				return nil
			}
			flat := *v
			flat.T, flat.Offsets = v.T.Elem(), nil
			return d.write("gmd5", &flat, 0, flat.Len())
		}
		return fmt.Errorf("gmd5 doesn't support data form %s.", x.Form())
	}
	if err := walk(args[0]); err != nil {
		return nil, err
	}
	return &value.Scalar{T: value.Int128, B: d.sum()}, nil
}

// rowGmd5 is gmd5 of each row: the bytes of row i of every argument in
// turn (an array vector's row, a columnar tuple's element, a vector's
// element), so rowGmd5(xs) equals gmd5 of each row of xs
// (funcs/r/rowgmd5.md).
func rowGmd5(_ funcs.Env, args []value.Value) (value.Value, error) {
	rows := -1
	for _, a := range args {
		v, ok := a.(*value.Vector)
		if !ok {
			return nil, ddberr.Errorf("The arguments of a row function must be vectors or matrices.")
		}
		if v.T == value.Any && !v.Columnar {
			return nil, fmt.Errorf("rowGmd5 doesn't support data form %s.", "TUPLE")
		}
		if rows >= 0 && v.Len() != rows {
			return nil, ddberr.Errorf("The arguments of %s must have the same number of rows.", "rowGmd5")
		}
		rows = v.Len()
	}
	out := make([][16]byte, rows)
	d := digester{h: md5.New()}
	flats := make([]value.Vector, len(args))
	for j, a := range args {
		flats[j] = *a.(*value.Vector)
		flats[j].T, flats[j].Offsets = flats[j].T.Elem(), nil
	}
	for i := range out {
		d.h.Reset()
		for j, a := range args {
			v := a.(*value.Vector)
			var err error
			switch {
			case v.T == value.Any:
				err = d.writeValue("rowGmd5", v.Any[i])
			case v.Offsets != nil:
				lo := int64(0)
				if i > 0 {
					lo = v.Offsets[i-1]
				}
				err = d.write("rowGmd5", &flats[j], int(lo), int(v.Offsets[i]))
			default:
				err = d.write("rowGmd5", v, i, i+1)
			}
			if err != nil {
				return nil, err
			}
		}
		out[i] = d.sum()
	}
	return &value.Vector{T: value.Int128, B16: out}, nil
}

// digester feeds elements' bytes to an MD5 hash through one reused buffer.
type digester struct {
	h   hash.Hash
	buf []byte
}

// writeValue hashes a columnar tuple's element: a vector or a scalar.
func (d *digester) writeValue(fn string, x value.Value) error {
	switch v := x.(type) {
	case *value.Scalar:
		return d.writeValue(fn, v.Vector())
	case *value.Vector:
		if v.T != value.Any && v.Offsets == nil {
			return d.write(fn, v, 0, v.Len())
		}
	}
	return fmt.Errorf("%s doesn't support data form %s.", fn, x.Form())
}

// write hashes elements lo..hi of the plain vector v.
func (d *digester) write(fn string, v *value.Vector, lo, hi int) error {
	buf, ok := funcs.AppendElemBytes(d.buf[:0], v, lo, hi, false)
	if !ok {
		return fmt.Errorf("%s doesn't support data type %s.", fn, v.T)
	}
	d.h.Write(buf)
	d.buf = buf
	return nil
}

// sum is the digest so far as INT128 bytes.
func (d *digester) sum() [16]byte {
	var md [16]byte
	copy(md[:], d.h.Sum(nil))
	return int128Digest(md)
}
