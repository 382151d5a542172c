package filesys_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A model file is the whole model: an engine opened afterwards on the same
// home directory, which never saw the model, loads it and predicts what
// the first engine predicted, to the bit.
func TestModelPredictsInANewEngine(t *testing.T) {
	const data = `
hw = table(158 158 158 160 160 163 163 160 163 165 165 165 168 168 168 170 170 170 as height, 58 59 63 59 60 60 61 64 64 61 62 65 62 63 66 63 64 68 as weight)
labels = take(1,7) join take(2,11)
lr = table(0 0 1 0 1 1 1 as y, 1 2 3 4 5 6 7 as x)
rg = table([225.7,-76.2,63.1,139.4,-65.5,2.0,22.4,-0.7,37.9,37.3] as y, [2.24,-0.85,0.40,1.45,-0.98,-0.21,0.12,-0.15,0.33,0.41] as x0, [0.98,0.31,1.76,0.14,1.87,1.49,0.76,0.95,0.44,-0.10] as x1)
X = 0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9
Y = [0.417, 0.800, 0.126, 0.584, 0.776, 0.412, 0.723, 0.326, 0.218, 0.418]`
	cases := []struct {
		name, model, x, predict string
	}{
		{"logisticRegression", "logisticRegression(lr, `y, `x)", "lr", "logisticRegressionPredict"},
		{"glm", "glm(lr, `y, `x, `binomial)", "lr", "glmPredict"},
		{"kmeans", "kmeans(hw, 2, init=matrix([158.0, 170.0], [58.0, 68.0]))", "hw", "kmeansPredict"},
		{"knn", "knn(labels, hw, \"classifier\", 5)", "hw", "knnPredict"},
		{"gaussianNB", "gaussianNB(labels, hw)", "hw", "gaussianNBPredict"},
		{"multinomialNB", "multinomialNB(labels, hw)", "hw", "multinomialNBPredict"},
		{"lassoCV", "lassoCV(rg, `y, `x0`x1)", "rg", "coordinateDescentPredict"},
		{"piecewiseLinFit", "piecewiseLinFit(X, Y, 3)", "X", "pwlfPredict"},
		{"polyFit", "polyFit(X, Y, 3, 1)", "X", "polyPredict"},
		{"linearInterpolateFit", "linearInterpolateFit(X, Y)", "X", "linearInterpolatePredict"},
		{"cubicHermiteSplineFit", "cubicHermiteSplineFit(X, Y, X)", "X", "cubicHermiteSplinePredict"},
		{"gaussianKde", "gaussianKde(X)", "X", "gaussianKdePredict"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			first := testkit.OnDisk(t, dir)
			testkit.RunAll(t, first, data,
				`mkdir("models")`,
				"m = "+c.model,
				`saveModel(m, "models/m.bin")`,
				`saveModel(dict(["yhat"], [predict(m, `+c.x+`)]), "models/yhat.bin")`)
			require.NoError(t, first.Close())

			// the file holds data and the predict function's name, nothing
			// of the process that wrote it
			b, err := os.ReadFile(filepath.Join(dir, "models", "m.bin"))
			require.NoError(t, err)
			v, n, err := wire.DecodeBytes(b)
			require.NoError(t, err)
			require.Equal(t, len(b), n)
			fn := v.(*value.Dict).Get(value.NewStrings(value.String, []string{"predict"}), 0)
			require.Equal(t, &value.Scalar{T: value.FunctionDef, S: c.predict}, fn)

			second := testkit.OnDisk(t, dir)
			defer func() { require.NoError(t, second.Close()) }()
			got := testkit.RunAll(t, second, data,
				`m = loadModel("models/m.bin")`,
				`yhat = loadModel("models/yhat.bin").yhat
[eqObj(predict(m, `+c.x+`), yhat), eqObj(m.predict(`+c.x+`), yhat)]`)
			require.Equal(t, "[true,true]", got)
		})
	}
}
