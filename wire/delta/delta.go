package delta

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"unsafe"
)

// A block is a sequence of 64-bit words (little endian unless the
// container says big endian) read from the most significant bit down.

// ErrRange reports data Encode cannot represent: a first delta wider than
// the element or an int64 overflow (the C++ encoder would corrupt or
// reject it).
var ErrRange = errors.New("wire: delta out of range for DELTA compression")

func zigzag(n int64) uint64 { return uint64(n<<1) ^ uint64(n>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

type bitReader struct {
	b     []byte
	big   bool // words stored big endian
	pos   int  // bits consumed
	nbits int
}

func (br *bitReader) word(i int) uint64 {
	if i >= br.nbits>>6 {
		return 0
	}
	if br.big {
		return binary.BigEndian.Uint64(br.b[8*i:])
	}
	return binary.LittleEndian.Uint64(br.b[8*i:])
}

// peek returns the next k (1..64) bits without consuming them; bits past
// the end read as 0.
func (br *bitReader) peek(k int) uint64 {
	wi, off := br.pos>>6, uint(br.pos&63)
	x := br.word(wi) << off
	if off != 0 {
		x |= br.word(wi+1) >> (64 - off)
	}
	return x >> (64 - uint(k))
}

func (br *bitReader) read(k int) (uint64, bool) {
	if br.pos+k > br.nbits {
		return 0, false
	}
	v := br.peek(k)
	br.pos += k
	return v, true
}

func (br *bitReader) avail() int { return br.nbits - br.pos }

// atEnd reports the end-of-block marker "11110" + 64 one bits at the
// current position (not consumed).
func (br *bitReader) atEnd() bool {
	if br.avail() < 69 {
		return false
	}
	if br.peek(5) != 30 {
		return false
	}
	br.pos += 5
	all := br.peek(64) == ^uint64(0)
	br.pos -= 5
	return all
}

// deltaWidths are the bit widths of a delta of deltas after a prefix of
// 1 to 5 one bits and a zero bit: Encode writes the narrowest that holds
// the value, Decode reads the one the prefix names.
var deltaWidths = [5]int{7, 9, 16, 32, 64}

// dodFields is, by a value's bit length, how Encode writes it: the n-bit
// prefix (one bits naming the narrowest of deltaWidths that holds it,
// then a zero bit), then the value in w bits.
var dodFields = func() (f [65]struct {
	prefix uint64
	n, w   int
}) {
	ones := 1
	for l := range f {
		if l > deltaWidths[ones-1] {
			ones++
		}
		f[l].prefix, f[l].n, f[l].w = 1<<uint(ones+1)-2, ones+1, deltaWidths[ones-1]
	}
	return f
}()

// Decode decodes one block into dst (at most len(dst) values) and
// returns the number of values produced.
func Decode[T int16 | int32 | int64](blk []byte, big bool, dst []T) int {
	var zero T
	W := int(unsafe.Sizeof(zero)) * 8
	null := T(-1) << (W - 1)
	br := bitReader{b: blk, big: big, nbits: (len(blk) / 8) * 64}
	max := len(dst)
	count := 0
	nulls := func() bool {
		bit, ok := br.read(1)
		for ok && bit == 0 {
			if count >= max {
				return false
			}
			dst[count] = null
			count++
			bit, ok = br.read(1)
		}
		return ok
	}
	if !nulls() || br.atEnd() {
		return count
	}
	u, ok := br.read(W)
	if !ok || count >= max {
		return count
	}
	prev := unzigzag(u)
	dst[count] = T(prev)
	count++
	if !nulls() || br.atEnd() {
		return count
	}
	u, ok = br.read(W)
	if !ok || count >= max {
		return count
	}
	d := unzigzag(u)
	prev += d
	dst[count] = T(prev)
	count++
	for count < max {
		k := min(6, br.avail())
		if k == 0 {
			break
		}
		x := br.peek(k) << (64 - uint(k))
		ones := min(bits.LeadingZeros64(^x), k)
		switch {
		case ones == 6:
			br.pos += 6
			dst[count] = null
			count++
			continue
		case ones == k:
			return count // bits ran out inside the prefix
		}
		br.pos += ones + 1
		if ones == 0 {
			prev += d
		} else {
			u, ok := br.read(deltaWidths[ones-1])
			if !ok || u == ^uint64(0) {
				return count
			}
			d += unzigzag(u + 1)
			prev += d
		}
		dst[count] = T(prev)
		count++
	}
	return count
}

// BitWriter collects the bits of the block being encoded; reuse one
// across blocks (Reset) to keep its words.
type BitWriter struct {
	words []uint64
	cur   uint64
	n     int // bits used in cur
}

// Reset empties bw for the next block.
func (bw *BitWriter) Reset() { bw.words, bw.cur, bw.n = bw.words[:0], 0, 0 }

// write appends the low k (1..64) bits of v.
func (bw *BitWriter) write(v uint64, k int) {
	if k < 64 {
		v &= 1<<uint(k) - 1
	}
	free := 64 - bw.n
	if k <= free {
		bw.cur |= v << uint(free-k)
		bw.n += k
		if bw.n == 64 {
			bw.words = append(bw.words, bw.cur)
			bw.cur, bw.n = 0, 0
		}
		return
	}
	rest := k - free
	bw.cur |= v >> uint(rest)
	bw.words = append(bw.words, bw.cur)
	bw.cur, bw.n = v<<uint(64-rest), rest
}

// Finish returns the block's words: every word touched plus, like the C++
// writer, the fresh word after an exactly filled one.
func (bw *BitWriter) Finish() []uint64 {
	return append(bw.words, bw.cur)
}

func subOverflows(a, b, d int64) bool {
	return (a < 0 && b > 0 && d >= 0) || (a >= 0 && b < 0 && d < 0)
}

// Encode encodes one block (non-empty) as the C++ DeltaCompressor
// does into bw; it fails with ErrRange.
func Encode[T int16 | int32 | int64](data []T, bw *BitWriter) error {
	var zero T
	W := int(unsafe.Sizeof(zero)) * 8
	null := T(-1) << (W - 1)
	i := 0
	// ended writes a 0 bit for each NULL from i on and closes the block
	// when they run to its end.
	ended := func() bool {
		for i < len(data) && data[i] == null {
			bw.write(0, 1)
			i++
		}
		if i < len(data) {
			return false
		}
		bw.closeBlock()
		return true
	}
	if ended() {
		return nil
	}
	first := int64(data[i])
	bw.write(1, 1)
	bw.write(zigzag(first), W)
	i++
	if ended() {
		return nil
	}
	x := int64(data[i])
	d := x - first
	if subOverflows(x, first, d) {
		return ErrRange
	}
	zz := zigzag(d)
	if W < 64 && zz>>uint(W) != 0 {
		return ErrRange
	}
	bw.write(1, 1)
	bw.write(zz, W)
	prev := x
	for i++; i < len(data); i++ {
		if data[i] == null {
			bw.write(63, 6)
			continue
		}
		x := int64(data[i])
		delta := x - prev
		if subOverflows(x, prev, delta) {
			return ErrRange
		}
		dod := delta - d
		if subOverflows(delta, d, dod) {
			return ErrRange
		}
		if dod == 0 {
			bw.write(0, 1)
		} else {
			// the prefix (ones one bits, a zero bit) and c in one write
			// when they fit a word
			c := zigzag(dod) - 1
			if f := &dodFields[bits.Len64(c)]; f.w < 64 {
				bw.write(f.prefix<<uint(f.w)|c, f.n+f.w)
			} else {
				bw.write(f.prefix, f.n)
				bw.write(c, f.w)
			}
		}
		prev, d = x, delta
	}
	bw.closeBlock()
	return nil
}

// closeBlock writes the end-of-block marker.
func (bw *BitWriter) closeBlock() {
	bw.write(62, 6)
	bw.write(^uint64(0), 64)
	bw.write(0, 1)
}
