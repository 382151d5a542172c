// Package delta is the delta-of-delta codec of DolphinDB's DELTA compressed vectors (protocol §4.4): one block of 16, 32 or 64-bit integers to bit-packed words and back, byte-exact with the C++ API's DeltaCompressor and DeltaDecompressor.
//
// It owns the bit format of a block only; the compressed-vector container
// (headers, block lengths, element types) is package wire's.
package delta
