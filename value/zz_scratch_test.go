package value

import (
	"fmt"
	"math"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, f := range []float64{1.0 / 3, 11.0 / 3, math.Pi, 2.0 / 3, 1234567, 1e6, 999999.9999999, 0.000001, 1e-7, 123.456, -2.5, 0, 1e20, 5.297834e11, 0.1 + 0.2, 100, 1e15, 1e300, 4.9e-324} {
		fmt.Printf("%v -> %s | %s\n", f, FormatFloat(f, 6), FormatFloat(f, 4))
	}
	fmt.Println(FormatFloat(float64(float32(2.1)), 6))
	for _, s := range []string{"2001:db8::1", "::1", "1::", "fe80::1:2", "1:2:3:4:5:6:7:8", "192.168.1.13"} {
		b, ok := parseIPAddr(s)
		fmt.Println(s, ok, formatBytes16(IPAddr, b, 0))
	}
}
