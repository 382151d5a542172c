// Package text16 writes the text forms DolphinDB prints for 16-byte values
// (UUID, IPADDR, INT128, DECIMAL128), kept little endian as value stores
// them.
//
// It imports nothing of ours, so package value can use it.
package text16
