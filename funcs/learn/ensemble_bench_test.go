package learn

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

func benchTable(n int) *value.Table {
	r := rand.New(rand.NewPCG(1, 2))
	names := []string{"a", "b", "c", "d", "y"}
	cols := make([]*value.Vector, len(names))
	xs := make([][]float64, len(names))
	for j := range xs {
		xs[j] = make([]float64, n)
		for i := range xs[j] {
			xs[j][i] = r.Float64()
		}
	}
	for i := 0; i < n; i++ {
		xs[4][i] = xs[0][i] + 2*xs[1][i] - xs[2][i] + 0.1*xs[4][i]
	}
	for j := range cols {
		cols[j] = value.NewDoubles(xs[j])
	}
	return value.NewTable(names, cols)
}

func BenchmarkForestFitPredict(b *testing.B) {
	env := &fakeenv.Func{Ctx: context.Background()}
	t := benchTable(100000)
	args := []value.Value{t, value.NewString("y"), value.NewStrings(value.String, []string{"a", "b", "c", "d"})}
	for i := 0; i < b.N; i++ {
		m, err := fitEnsemble(env, rfRegress, args)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ensemblePredict(rfRegress)(env, []value.Value{m, t}); err != nil {
			b.Fatal(err)
		}
	}
}
