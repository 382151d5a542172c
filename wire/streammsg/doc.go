// Package streammsg frames the messages a stream-table publisher pushes to
// a subscriber over its connection (docs/streaming-protocol.md): a header
// (a byte 1 for little endian, the sending time in epoch milliseconds,
// the offset of the message's last row, the topics joined by "," and a
// NUL) and one object, an empty table with the stream table's schema
// first, then tuples of columns with the new rows.
package streammsg
