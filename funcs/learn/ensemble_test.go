package learn

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// trainingTable is n rows of two features and a class that the first
// feature decides.
func trainingTable(n int) *value.Table {
	a, b, cls := make([]float64, n), make([]float64, n), make([]int32, n)
	for i := range a {
		a[i], b[i], cls[i] = float64(i), float64(i%7), int32(i*3/n)
	}
	return value.NewTable([]string{"a", "b", "cls"}, []*value.Vector{value.NewDoubles(a), value.NewDoubles(b), value.NewInts(cls)})
}

func ensembleArgs(t *value.Table, kind ensembleKind) []value.Value {
	args := []value.Value{t, value.NewString("cls"), value.NewStrings(value.String, []string{"a", "b"})}
	if kind.classifies() {
		args = append(args, value.NewInt(3))
	}
	return args
}

// Growing trees over many rows takes a while: a cancelled request stops
// the fit between trees, and predict between blocks of rows.
func TestEnsemblesStopWhenCancelled(t *testing.T) {
	stopped, live := fakeenv.Cancelled(), fakeenv.Live()
	tbl := trainingTable(300)
	for _, kind := range []ensembleKind{rfClassify, rfRegress, adaClassify, adaRegress} {
		t.Run(kindNames[kind], func(t *testing.T) {
			_, err := fitEnsemble(stopped, kind, ensembleArgs(tbl, kind))
			require.ErrorIs(t, err, context.Canceled)

			model, err := fitEnsemble(live, kind, ensembleArgs(tbl, kind))
			require.NoError(t, err)
			predict := ensemblePredict(kind)
			fakeenv.RequireStops(t, predict, []value.Value{model, tbl})
			got := fakeenv.RequireRuns(t, predict, []value.Value{model, tbl})
			require.Equal(t, 300, got.(*value.Vector).Len())
		})
	}
}

// A model is a dictionary a script can change or a file can damage: a
// tree whose child links point back up, or past its nodes, fails predict
// instead of looping or reading out of range.
func TestPredictRefusesBrokenTrees(t *testing.T) {
	live := &fakeenv.Func{Ctx: context.Background()}
	tbl := trainingTable(60)
	model, err := fitEnsemble(live, rfClassify, ensembleArgs(tbl, rfClassify))
	require.NoError(t, err)
	first := funcs.ModelField(model, "model").(*value.Vector).Any[0]
	left := funcs.ModelField(first, "left").(*value.Vector)
	require.Greater(t, left.Len(), 1, "the tree splits")
	for _, bad := range []int32{0, int32(left.Len())} {
		left.I32[0] = bad
		_, err = ensemblePredict(rfClassify)(live, []value.Value{model, tbl})
		require.EqualError(t, err, "The argument [model] of predict must be a randomForestClassifier model.")
	}
}

// binFeatures keeps every distinct value apart when there are fewer
// than numBins of them and cuts at quantiles otherwise; a row's bin is
// left of an edge exactly when its value is.
func TestBinFeatures(t *testing.T) {
	tests := []struct {
		col   []float64
		bins  int
		edges []float64
	}{
		{[]float64{3, 1, 2, 1}, 32, []float64{1.5, 2.5}},
		{[]float64{5, 5, 5}, 32, nil},
		{[]float64{0, 1, 2, 3, 4, 5, 6, 7}, 4, []float64{2, 4, 6}},
	}
	for _, tc := range tests {
		b := binFeatures([][]float64{tc.col}, tc.bins)
		require.Equal(t, tc.edges, b.edges[0])
		for i, x := range tc.col {
			for s, e := range b.edges[0] {
				require.Equal(t, x <= e, int(b.bins[0][i]) <= s)
			}
		}
	}
}
