package text16

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// reversed is b's bytes most significant first.
func reversed(b [16]byte) [16]byte {
	var c [16]byte
	for i := range c {
		c[i] = b[15-i]
	}
	return c
}

// Hex is b as 32 lowercase hex digits, most significant first (INT128).
func Hex(b [16]byte) string {
	c := reversed(b)
	return hex.EncodeToString(c[:])
}

// UUID is b in the 8-4-4-4-12 form.
func UUID(b [16]byte) string {
	h := Hex(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// IPAddr is b as a dotted IPv4 address when its upper 12 bytes are zero,
// else as an IPv6 address.
func IPAddr(b [16]byte) string {
	for _, x := range b[4:] {
		if x != 0 {
			return ipv6(b)
		}
	}
	return fmt.Sprintf("%d.%d.%d.%d", b[3], b[2], b[1], b[0])
}

// ipv6 ports IPAddr::toString of DolphinDB's C++ API
// (src/ScalarImp.cpp): groups in lowercase hex without leading zeros, and
// one run of zeros written as "::". The zero-run test is kept exactly as
// the C++ code has it for little-endian data: at group g (0 < g < 6) it
// looks at the 4 bytes b[11-2g..14-2g] (the low byte of g, group g+1 and
// the high byte of g+2), so "2001:db8::1" prints as written.
func ipv6(b [16]byte) string {
	zero4 := func(i int) bool { return b[11-i] == 0 && b[12-i] == 0 && b[13-i] == 0 && b[14-i] == 0 }
	var out []byte
	compressed := false
	for i := 0; i < 16; i += 2 {
		if i > 0 && i < 12 && !compressed && zero4(i) {
			compressed = true
			i += 2
			for i < 12 && zero4(i) {
				i += 2
			}
		} else {
			out = strconv.AppendUint(out, uint64(b[15-i])<<8|uint64(b[14-i]), 16)
		}
		out = append(out, ':')
	}
	return string(out[:len(out)-1])
}

// Big returns the unscaled DECIMAL128 value held in b (128-bit two's
// complement, little endian).
func Big(b [16]byte) *big.Int {
	be := reversed(b)
	x := new(big.Int).SetBytes(be[:])
	if b[15]&0x80 != 0 {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	return x
}

// Decimal is the DECIMAL128 in b with scale digits after the point.
func Decimal(b [16]byte, scale int32) string {
	x := Big(b)
	neg := x.Sign() < 0
	s := new(big.Int).Abs(x).String()
	if scale > 0 {
		if len(s) <= int(scale) {
			s = strings.Repeat("0", int(scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(scale)] + "." + s[len(s)-int(scale):]
	}
	if neg {
		s = "-" + s
	}
	return s
}
