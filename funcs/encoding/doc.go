// Package encoding holds DolphinDB's functions that turn values into
// bytes and back or digest them: compress and decompress (a vector as an
// LZ4 or delta-of-delta compressed vector, the wire protocol's form),
// pack and unpack (Python struct-style format strings), hmac and
// objectChecksum.
package encoding
