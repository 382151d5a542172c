package encoding

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

var methods = map[string]wire.Compression{"lz4": wire.CompressLZ4, "delta": wire.CompressDelta, "zstd": wire.CompressZstd}

// compress is compress(X, [method='lz4']): a COMPRESSED vector holding
// X's compressed bytes (its size is theirs, not X's), in the wire
// protocol's compressed-vector form so decompress and the clients read
// it back. Tables are not compressed: their columns would no longer be
// of one length.
func compress(_ funcs.Env, args []value.Value) (value.Value, error) {
	name, err := funcs.OptStrScalarArg("compress", "method", funcs.Arg(args, 1), "lz4")
	if err != nil {
		return nil, err
	}
	m, ok := methods[name]
	if !ok {
		return nil, ddberr.Errorf("The compression method must be 'lz4', 'delta' or 'zstd'.")
	}
	x, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of compress must be a vector.")
	}
	return compressVector(x, m)
}

func compressVector(v *value.Vector, m wire.Compression) (*value.Vector, error) {
	if v.T == value.Compress {
		return v, nil
	}
	switch {
	case v.T == value.Any || v.T.IsArray():
		return nil, ddberr.Errorf("compress doesn't support a vector of type %s.", v.T)
	case v.T == value.Symbol:
		// compressed as STRING: the wire protocol has no compressed
		// SYMBOL vector
		v = value.NewStrings(value.String, v.Strings())
	}
	// The script function refuses DECIMAL, which the wire's DELTA
	// encodes: compress's page lists SHORT, INT, LONG and temporal types.
	if m == wire.CompressDelta && (v.T.IsDecimal() || !wire.DeltaEncodes(v.T)) {
		return nil, ddberr.Errorf("Delta compression supports only SHORT, INT, LONG and temporal types.")
	}
	b, err := wire.CompressVector(v, m)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.Compress, len(b), len(b))
	copy(value.AsBytes(out.I8), b)
	return out, nil
}

// decompress is decompress(X): the vector a COMPRESSED vector holds.
func decompress(_ funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := args[0].(*value.Vector)
	if !ok || v.T != value.Compress {
		return nil, ddberr.Errorf("The argument [X] of decompress must be a compressed vector.")
	}
	b := make([]byte, len(v.I8))
	for i, c := range v.I8 {
		b[i] = byte(c)
	}
	return wire.DecompressVector(b)
}
