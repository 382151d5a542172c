// Package recframe frames the records of Porpoise's append-only files
// (the MVCC table logs and the IMOLTP redo and checkpoint files): each
// payload is preceded by its length, its CRC-32 and a kind byte, so that
// a reader sees where a torn last write (never acknowledged) begins. It
// knows nothing of what the payloads hold.
package recframe
