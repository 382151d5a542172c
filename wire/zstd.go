package wire

import (
	"errors"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// zstd comes from klauspost/compress, a pure-Go codec the module already
// requires (through pebble), so compress(X, "zstd") adds no cgo. Its
// default level leaves columns of small integers uncompressed; the page
// sells zstd for a ratio above LZ4's, which the better level gives.
var (
	zstdEncoder = sync.OnceValue(func() *zstd.Encoder {
		e, _ := zstd.NewWriter(nil, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedBetterCompression))
		return e
	})
	zstdDecoder = sync.OnceValue(func() *zstd.Decoder {
		d, _ := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxRawBlock))
		return d
	})
)

// zstdCodec reads zstd blocks; a frame may decode to up to a block from
// very few bytes (a run of one byte), so its ratio is a block's size.
var zstdCodec = blockCodec{"ZSTD", zstdBlockDecode, maxRawBlock}

// zstdBlock is one zstd frame of raw, in dst when it fits.
func zstdBlock(raw, dst []byte) ([]byte, error) {
	return zstdEncoder().EncodeAll(raw, dst[:0]), nil
}

// zstdBlockDecode decodes one zstd frame into dst, which it must fit.
func zstdBlockDecode(src, dst []byte) (int, error) {
	out, err := zstdDecoder().DecodeAll(src, dst[:0:len(dst)])
	if err != nil {
		return 0, err
	}
	if len(out) > len(dst) {
		return 0, errors.New("more data than the element count")
	}
	if len(out) > 0 && &out[0] != &dst[0] {
		copy(dst, out)
	}
	return len(out), nil
}
