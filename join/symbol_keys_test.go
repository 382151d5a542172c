package join

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// symTables builds left and right tables keyed by (sym SYMBOL, t INT),
// SYMBOL columns coded (each table its own base) or plain.
func symTables(coded bool, lsyms, rsyms []string, lt, rt []int32) (l, r *value.Table) {
	col := func(strs []string) *value.Vector {
		if coded {
			return value.NewSymbols(strs)
		}
		return value.NewStrings(value.Symbol, strs)
	}
	lv := make([]int32, len(lt))
	for i := range lv {
		lv[i] = int32(i)
	}
	rv := make([]int32, len(rt))
	for i := range rv {
		rv[i] = int32(100 + i)
	}
	l = value.NewTable([]string{"sym", "t", "lv"}, []*value.Vector{col(lsyms), value.NewInts(lt), value.NewInts(lv)})
	r = value.NewTable([]string{"sym", "t", "rv"}, []*value.Vector{col(rsyms), value.NewInts(rt), value.NewInts(rv)})
	return l, r
}

// Joins on a coded SYMBOL key among several, and aj's and wj's grouping
// columns, give what the same tables with plain SYMBOL columns give:
// NULL symbols, symbols only one side has, and repeated keys included.
func TestCodedSymbolKeysMatchTexts(t *testing.T) {
	lsyms := []string{"A", "B", "", "C", "A", "Z", "B"}
	lt := []int32{1, 2, 3, 4, 5, 6, 2}
	rsyms := []string{"B", "A", "", "A", "Q", "B", "C"}
	rt := []int32{2, 1, 3, 5, 6, 2, 1}
	filters := []Filter{{}, {Left: []bool{true, true, true, true, false, true, true}, Right: []bool{false, true, true, true, true, true, true}}}
	for _, kind := range []Kind{Equi, Left, LeftSemi, Full, Asof, Right, SortedEqui} {
		for _, nullSafe := range []bool{false, true} {
			for f, keep := range filters {
				if f > 0 && kind == Asof {
					continue
				}
				t.Run(fmt.Sprintf("%s/nullSafe=%v/filter=%d", kind.Name(), nullSafe, f), func(t *testing.T) {
					var got [2]string
					for i, coded := range []bool{true, false} {
						l, r := symTables(coded, lsyms, rsyms, lt, rt)
						res, err := Tables(context.Background(), kind, l, r, []string{"sym", "t"}, []string{"sym", "t"}, "r", nullSafe && kind != Asof, keep)
						require.NoError(t, err)
						got[i] = res.T.String()
					}
					require.Equal(t, got[1], got[0])
				})
			}
		}
	}
}

func TestCodeKeys(t *testing.T) {
	l := value.NewSymbols([]string{"A", "", "B"})
	r := value.NewSymbols([]string{"B", "C", ""})
	ints := value.NewInts([]int32{1, 2, 3})
	ml, mr := CodeKeys([]*value.Vector{l, ints}, []*value.Vector{r, ints})
	require.Equal(t, []int32{1, value.NullInt32, 2}, ml[0].I32)
	require.Equal(t, []int32{2, -1, value.NullInt32}, mr[0].I32, "C is not in the left base")
	require.Same(t, ints, ml[1])
	plain := value.NewStrings(value.Symbol, []string{"A"})
	ml, _ = CodeKeys([]*value.Vector{plain}, []*value.Vector{r})
	require.Same(t, plain, ml[0], "only coded pairs change")
}

// BenchmarkMultiKeyJoin joins 1M left rows with 100k right rows on (sym,
// t) with the SYMBOL columns coded and plain in the same run and reports
// the CPU time of both (user+system: steadier than the wall time on a
// shared machine) and their ratio (coded/strings).
func BenchmarkMultiKeyJoin(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := make([]string, 500)
	for i := range names {
		names[i] = fmt.Sprintf("SYM%04d", i)
	}
	gen := func(n int) ([]string, []int32) {
		s, t := make([]string, n), make([]int32, n)
		for i := range s {
			s[i], t[i] = names[rng.IntN(len(names))], int32(rng.IntN(200))
		}
		return s, t
	}
	ls, lt := gen(1_000_000)
	rs, rt := gen(100_000)
	for _, kind := range []Kind{Equi, Left, Asof} {
		b.Run(kind.Name(), func(b *testing.B) {
			per := func(coded bool) time.Duration {
				l, r := symTables(coded, ls, rs, lt, rt)
				start := cpuTime()
				for range b.N {
					_, err := Tables(context.Background(), kind, l, r, []string{"sym", "t"}, []string{"sym", "t"}, "r", false, Filter{})
					require.NoError(b, err)
				}
				return (cpuTime() - start) / time.Duration(b.N)
			}
			coded, plain := per(true), per(false)
			b.ReportMetric(float64(coded.Nanoseconds()), "coded-cpu-ns/op")
			b.ReportMetric(float64(plain.Nanoseconds()), "strings-cpu-ns/op")
			b.ReportMetric(float64(coded)/float64(plain), "coded/strings")
		})
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
