package funcs

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

var predictRuns atomic.Int32

func TestModelDictionaries(t *testing.T) {
	// a name of its own per run: PredictSpec registers it, once
	pred := PredictSpec(fmt.Sprintf("fooPredict%d", predictRuns.Add(1)), "statistics", nil)
	require.Equal(t, []string{"model", "X"}, pred.Params)
	require.Equal(t, 2, pred.Min)
	require.Equal(t, 2, pred.Max)
	require.Equal(t, Pure, pred.Props)

	m := StringDict([]string{"modelName", "predict"}, []value.Value{value.NewString("foo"), pred})
	require.Equal(t, value.String, m.Keys.T)
	require.Equal(t, value.Any, m.Vals.T)
	require.Equal(t, "foo", ModelField(m, "modelName").(*value.Scalar).S)
	require.True(t, IsFunction(ModelField(m, "predict")))
	require.Nil(t, ModelField(m, "coeffs"))
	require.Nil(t, ModelField(value.NewInt(1), "predict"))
	symbolKeyed := DictOf(value.NewStrings(value.Symbol, []string{"predict"}), value.NewTuple([]value.Value{pred}))
	require.Nil(t, ModelField(symbolKeyed, "predict"))
}
