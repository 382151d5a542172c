package strtab

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// Table makes the strings of decoded STRING, SYMBOL and BLOB vectors.
//
// Texts are copied into append-only chunks that the strings view (one
// allocation per chunk instead of one per text, and no copy of a whole
// column that a single retained element would keep alive). A chunk is never
// written where a string views it, so the strings stay immutable.
//
// Repeated texts (SYMBOL columns, low-cardinality STRING columns) share one
// string found through a small 2-way set-associative cache, so a column of
// a hundred distinct symbols costs about a hundred copies however long it
// is. The cache is keyed by the text's first 8 bytes: a text of at most 7
// bytes read as a little-endian word with the bytes after its NUL masked
// off is the text itself (texts hold no NUL), so a short text is looked up
// and compared with one integer comparison. A column whose texts rarely
// repeat turns the cache off after a few thousand misses.
type Table struct {
	cache *[strCacheSets]strSet // nil until a vector long enough to profit comes
	dirty bool                  // cache holds entries of the current object
	skip  bool                  // the current vector rarely repeats: no cache
	seen  int                   // texts of the current vector looked up
	miss  int                   // ... and not found
	chunk []byte                // filled part is viewed by strings
	next  int                   // size of the next chunk
}

// strEntry is a cached text: key is its first 8 bytes (little endian, the
// bytes after a short text's end zero) and s the shared string.
type strEntry struct {
	key uint64
	s   string
}

// strSet holds the texts of one hash value, the most recently added first.
type strSet [2]strEntry

const (
	strCacheBits = 9
	strCacheSets = 1 << strCacheBits
	// cacheMinLen is the shortest vector worth the cache.
	cacheMinLen = 32
	// cacheProbe is how many misses a vector gets before a hit rate
	// under one half, where copying is cheaper, turns the cache off.
	cacheProbe = 4096
	minChunk   = 4 << 10
	maxChunk   = 1 << 20
	keptChunk  = 64 << 10

	lowBytes  = 0x0101010101010101
	highBits  = 0x8080808080808080
	hashMul   = 0x9e3779b97f4a7c15
	hashShift = 64 - strCacheBits
)

// BeginObject drops the cache entries of the previous top-level object,
// and a big chunk, so that a long-lived Reader (a server connection) does
// not keep their memory alive; a small chunk's free space is kept for the
// next objects.
func (st *Table) BeginObject() {
	if st.dirty {
		clear(st.cache[:])
		st.dirty = false
	}
	if cap(st.chunk) > keptChunk {
		st.chunk = nil
	}
	st.next = minChunk
}

// BeginVector prepares the decoding of a vector of n texts; dedupe asks
// for the cache.
func (st *Table) BeginVector(n int, dedupe bool) {
	st.seen, st.miss = 0, 0
	st.skip = !dedupe || n < cacheMinLen
	if !st.skip && st.cache == nil {
		st.cache = new([strCacheSets]strSet)
	}
}

// Copy returns b as a string viewing a chunk.
func (st *Table) Copy(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(st.chunk)-len(st.chunk) < len(b) {
		size := max(st.next, minChunk)
		if len(b) > size/4 {
			// A long text gets its own allocation rather than wasting the
			// rest of a chunk.
			return string(b)
		}
		st.next = min(2*size, maxChunk)
		st.chunk = make([]byte, 0, size)
	}
	off := len(st.chunk)
	st.chunk = append(st.chunk, b...)
	return unsafe.String(&st.chunk[off], len(b))
}

// Text returns the string of b, shared with an earlier equal text when the
// cache has it.
func (st *Table) Text(b []byte) string {
	if st.skip || len(b) == 0 {
		return st.Copy(b)
	}
	st.seen++
	var key uint64
	var set *strSet
	if len(b) >= 8 {
		key = binary.LittleEndian.Uint64(b)
		tail := binary.LittleEndian.Uint64(b[len(b)-8:])
		set = &st.cache[((key^bits.RotateLeft64(tail, 31)^uint64(len(b)))*hashMul)>>hashShift]
		for i := range set {
			if set[i].key == key && set[i].s == string(b) {
				return set[i].s
			}
		}
	} else {
		for i := len(b) - 1; i >= 0; i-- {
			key = key<<8 | uint64(b[i])
		}
		set = &st.cache[(key*hashMul)>>hashShift]
		if set[0].key == key {
			return set[0].s
		}
		if set[1].key == key {
			return set[1].s
		}
	}
	return st.add(set, key, b)
}

// add stores a text the cache missed.
func (st *Table) add(set *strSet, key uint64, b []byte) string {
	s := st.Copy(b)
	set[1] = set[0]
	set[0] = strEntry{key, s}
	st.dirty = true
	st.miss++
	if st.miss == cacheProbe && st.seen < 2*cacheProbe {
		st.skip = true
	}
	return s
}

// Cut fills out with the NUL-terminated texts at the start of src,
// stopping before the first incomplete one, and returns how many it filled
// and the bytes they took (NULs included). out must hold empty strings:
// empty texts are not written.
func (st *Table) Cut(out []string, src []byte) (int, int) {
	pos := 0
	for i := range out {
		if len(src)-pos >= 8 {
			// Find the NUL within the next 8 bytes without a call: the
			// lowest byte flagged by the classic zero-byte test is the
			// first zero byte.
			w := binary.LittleEndian.Uint64(src[pos:])
			if z := (w - lowBytes) &^ w & highBits; z != 0 {
				l := bits.TrailingZeros64(z) >> 3
				if l > 0 {
					b := src[pos : pos+l : pos+l]
					if st.skip {
						out[i] = st.Copy(b)
					} else {
						st.seen++
						key := w & (1<<(8*l) - 1)
						set := &st.cache[(key*hashMul)>>hashShift]
						switch key {
						case set[0].key:
							out[i] = set[0].s
						case set[1].key:
							out[i] = set[1].s
						default:
							out[i] = st.add(set, key, b)
						}
					}
				}
				pos += l + 1
				continue
			}
		}
		j := bytes.IndexByte(src[pos:], 0)
		if j < 0 {
			return i, pos
		}
		if j > 0 {
			out[i] = st.Text(src[pos : pos+j : pos+j])
		}
		pos += j + 1
	}
	return len(out), pos
}

// Skipping reports whether the current vector's texts bypass the repeat
// cache (it asked for none, is short, or rarely repeats).
func (st *Table) Skipping() bool { return st.skip }
