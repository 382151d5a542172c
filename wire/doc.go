// Package wire encodes and decodes DolphinDB's binary protocol: objects, compressed vectors and request/response frames.
//
// The object codec (Reader.ReadObject, Writer.WriteObject, Decode, Encode)
// maps every data form of DolphinDB's protocol to Porpoise's value model:
// scalars to *value.Scalar, vectors (plain, symbol-extended type 145,
// array vectors, tuples, compressed type 26) to *value.Vector, pairs,
// matrices, sets and dictionaries to their value types, tables to
// *value.Table and tensors (form 10, in the JavaScript API's layout) to
// *tensor.Tensor. SYMBOL vectors always decode to Vector{T: Symbol}; the
// writer sends them as plain type 17 (Go API style) or as type 145 with
// symbol bases (C++/Python style) according to EncodeOptions.Symbols.
//
// Compressed vectors (§4) are decoded wherever a vector may appear; the
// writer produces them only inside tables (Writer.WriteTable), byte-exact
// with the C++ API (LZ4_compress_default via lz4.CompressorCCompat, and the
// C++ delta-of-delta encoder).
//
// Framing (§1) is written once, here, for the server, the client and
// tests: Reader.ReadRequest reads a request as the server does (its
// refusals, *RequestError, carry the text the server answers with) and
// Request.AppendHeader / Writer.WriteRequest write one as the clients do;
// AppendResponseHeader, AppendError and AppendMessage build replies (the
// server sends each as one TCP write or WebSocket message), and
// Reader.ReadResponse reads them.
//
// Robustness: the decoders never panic on malformed input. Every count is
// checked against the bytes that remain in the frame (the byte slice being
// decoded, or Reader.MaxFrame for streams) before anything is allocated,
// huge stream columns are read progressively, and nesting is limited by
// Reader.MaxDepth.
//
// Multi-byte numbers are little endian unless the frame announces big
// endian; fixed-width columns are copied in bulk into the value package's
// typed slices (reinterpreted with unsafe.Slice and byte-swapped in place
// when the data's byte order differs from the host's). Decoded texts never
// alias the input: they are copied into shared append-only chunks, and
// the repeated texts of a STRING or SYMBOL vector share one string (a
// small per-Reader cache), so a symbol column costs its string headers
// and its distinct texts. Compressed STRING vectors are decompressed one
// LZ4 block at a time and cut while the block is in the cache.
package wire
