package wire

import (
	"testing"
)

func symbolBytes() [][]byte {
	t := benchTable()
	out := make([][]byte, len(t.Cols[1].Str))
	for i, s := range t.Cols[1].Str {
		out[i] = []byte(s)
	}
	return out
}

func BenchmarkInternMap(b *testing.B) {
	bs := symbolBytes()
	for i := 0; i < b.N; i++ {
		m := map[string]string{}
		for _, x := range bs {
			s, ok := m[string(x)]
			if !ok {
				s = string(x)
				m[s] = s
			}
			_ = s
		}
	}
}

func BenchmarkInternTable(b *testing.B) {
	bs := symbolBytes()
	for i := 0; i < b.N; i++ {
		var t internTable
		for _, x := range bs {
			_ = t.intern(x)
		}
	}
}
