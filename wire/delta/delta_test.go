package delta

import (
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// seriesOf is a series whose deltas of deltas are dods, from 1000.
func seriesOf(dods []int64) []int64 {
	out := []int64{1000, 1001}
	d := int64(1)
	for _, dod := range dods {
		d += dod
		out = append(out, out[len(out)-1]+d)
	}
	return out
}

func roundTrip(t *testing.T, data []int64) {
	t.Helper()
	var bw BitWriter
	require.NoError(t, Encode(data, &bw))
	words := bw.Finish()
	blk := make([]byte, 8*len(words))
	for i, w := range words {
		for j := 0; j < 8; j++ {
			blk[8*i+j] = byte(w >> (8 * j))
		}
	}
	got := make([]int64, len(data))
	require.Equal(t, len(data), Decode(blk, false, got))
	require.Equal(t, data, got)
}

func TestRoundTripEachWidth(t *testing.T) {
	// each side of every width's bound: zigzag(dod)-1 is 127/128,
	// 511/512, 65535/65536, 2^32-1/2^32, and one far past it
	var dods []int64
	for _, b := range []int64{64, 256, 32768, 1 << 31, 1 << 40} {
		for _, x := range []int64{b - 1, b, b + 1} {
			dods = append(dods, x, -x, 0)
		}
	}
	null := int64(math.MinInt64)
	tests := []struct {
		name string
		data []int64
	}{
		{"every width", seriesOf(dods)},
		{"constant steps", seriesOf(make([]int64, 20))},
		{"nulls between", []int64{null, 5, null, 9, 10, null, 1 << 50, null}},
		{"one value", []int64{7}},
		{"all null", []int64{null, null}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { roundTrip(t, tc.data) })
	}
}

func BenchmarkEncode(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	series := map[string][]int64{}
	ts := make([]int64, 1<<16)
	wide := make([]int64, 1<<16)
	for i := range ts {
		ts[i] = 1_700_000_000_000 + int64(i)*1000 + r.Int63n(5)
		wide[i] = r.Int63n(1 << 40)
	}
	series["timestamps"], series["wide"] = ts, wide
	for _, name := range []string{"timestamps", "wide"} {
		data := series[name]
		b.Run(name, func(b *testing.B) {
			var bw BitWriter
			for b.Loop() {
				bw.Reset()
				if err := Encode(data, &bw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
