package text16

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

// le is the little-endian storage of the 16 bytes given most significant
// first.
func le(be ...byte) [16]byte {
	var b [16]byte
	for i, x := range be {
		b[15-i] = x
	}
	return b
}

func TestForms(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"uuid", UUID(le(0x5d, 0x21, 0x2a, 0x78, 0xcc, 0x48, 0xe3, 0xb1, 0x42, 0x35, 0xb4, 0xd9, 0x14, 0x73, 0xee, 0x87)), "5d212a78-cc48-e3b1-4235-b4d91473ee87"},
		{"ipv4", IPAddr(le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 192, 168, 1, 7)), "192.168.1.7"},
		{"ipv4 zero", IPAddr([16]byte{}), "0.0.0.0"},
		{"ipv6 run", IPAddr(le(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), "2001:db8::1"},
		{"ipv6 full", IPAddr(le(0xfe, 0x80, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7)), "fe80:1:2:3:4:5:6:7"},
		{"int128", Hex(le(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)), "0102030405060708090a0b0c0d0e0f10"},
		{"decimal", Decimal(le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x30, 0x39), 2), "123.45"},
		{"decimal small", Decimal(le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5), 3), "0.005"},
		{"decimal negative", Decimal(le(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xcf, 0xc7), 2), "-123.45"},
		{"decimal scale 0", Decimal(le(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 42), 0), "42"},
	} {
		t.Run(c.name, func(t *testing.T) { require.Equal(t, c.want, c.got) })
	}
	require.Equal(t, big.NewInt(-2), Big(le(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe)))
}
