package wire

import (
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowMutations(t *testing.T) {
	dir := os.Getenv("CORPUS")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var corpus [][]byte
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		lines := strings.Split(string(raw), "\n")
		s, _ := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		corpus = append(corpus, []byte(s))
	}
	rng := rand.New(rand.NewSource(1))
	var worst time.Duration
	total := time.Now()
	for i := 0; i < 300000; i++ {
		b := append([]byte(nil), corpus[rng.Intn(len(corpus))]...)
		for k := 0; k < 1+rng.Intn(4); k++ {
			if len(b) == 0 {
				break
			}
			switch rng.Intn(3) {
			case 0:
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			case 1:
				p := rng.Intn(len(b))
				b[p] = []byte{0, 0xff, 0x7f, 0x80, 1}[rng.Intn(5)]
			case 2:
				p := rng.Intn(len(b))
				b = append(b[:p], append([]byte{byte(rng.Intn(256))}, b[p:]...)...)
			}
		}
		start := time.Now()
		checkDecode(t, b)
		if d := time.Since(start); d > worst {
			worst = d
			t.Logf("%v %q", d, b[:min(len(b), 120)])
		}
	}
	t.Logf("total %v", time.Since(total))
}
