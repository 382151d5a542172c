package regress

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Parameter lists of the penalised models, DolphinDB's names in its order.
var (
	ridgeParams        = []string{"ds", "yColName", "xColNames", "alpha", "intercept", "normalize", "maxIter", "tolerance", "solver", "swColName"}
	ridgeBasicParams   = []string{"Y", "X", "mode", "alpha", "intercept", "normalize", "maxIter", "tolerance", "solver", "swColName"}
	lassoParams        = []string{"ds", "yColName", "xColNames", "alpha", "intercept", "normalize", "maxIter", "tolerance", "positive", "swColName", "checkInput"}
	lassoBasicParams   = []string{"Y", "X", "mode", "alpha", "intercept", "normalize", "maxIter", "tolerance", "positive", "swColName", "checkInput"}
	enetParams         = []string{"ds", "yColName", "xColNames", "alpha", "l1Ratio", "intercept", "normalize", "maxIter", "tolerance", "positive", "swColName", "checkInput"}
	enetBasicParams    = []string{"Y", "X", "mode", "alpha", "l1Ratio", "intercept", "normalize", "maxIter", "tolerance", "positive", "swColName", "checkInput"}
	lassoCVParams      = lassoParams
	elasticNetCVParams = []string{"ds", "yColName", "xColNames", "alpha", "l1Ratio", "intercept", "normalize", "maxIter", "tolerance", "positive"}
	ridgeCVParams      = []string{"ds", "yColName", "xColNames", "alphas", "intercept", "normalize", "maxIter", "tolerance", "solver", "swColName"}
)

// named maps a call's arguments to their parameter names, leaving out
// those absent or passed as NULL.
type named struct {
	fn   string
	args map[string]value.Value
}

func nameArgs(fn string, params []string, args []value.Value) named {
	m := map[string]value.Value{}
	for i, p := range params {
		if v := funcs.GivenArg(args, i); v != nil {
			m[p] = v
		}
	}
	return named{fn: fn, args: m}
}

func (a named) boolean(name string, def bool) (bool, error) {
	return funcs.BoolArg(a.fn, name, a.args[name], def)
}

// penalty reads the settings every penalised model shares.
func (a named) penalty(ridge bool, l1Ratio float64) (penalty, error) {
	p := penalty{ridge: ridge, l1Ratio: l1Ratio}
	r := funcs.ReadArgs(a.fn, nil)
	nonNeg := func(f float64) bool { return f >= 0 }
	p.alpha = r.Number("alpha", a.args["alpha"], 1, nonNeg, "a non-negative number")
	if x, has := a.args["l1Ratio"]; has {
		p.l1Ratio = r.Number("l1Ratio", x, 0.5, func(f float64) bool { return f >= 0 && f <= 1 }, "a number between 0 and 1")
	}
	p.intercept = r.Bool("intercept", a.args["intercept"], true)
	p.normalize = r.Bool("normalize", a.args["normalize"], false)
	p.positive = r.Bool("positive", a.args["positive"], false)
	p.maxIter = int(min(r.PositiveInt("maxIter", a.args["maxIter"], 1000), 1<<30))
	p.tol = r.Number("tolerance", a.args["tolerance"], 0.0001, nonNeg, "a non-negative number")
	if s, has := a.args["solver"]; has {
		if v, _ := funcs.StringArg(s); v != "svd" && v != "cholesky" {
			r.Bad("solver", "'svd' or 'cholesky'")
		}
	}
	return p, r.Err()
}

// checked applies checkInput: with it (the default) NULLs in the data are
// an error; without it they are taken as 0.
func (a named) checked(d *design, sw []float64, dataParam string, hasCheck bool) error {
	check := hasCheck
	if hasCheck {
		var err error
		if check, err = a.boolean("checkInput", true); err != nil {
			return err
		}
	}
	all := append([][]float64{d.y, sw}, d.cols...)
	for _, c := range all {
		for i, x := range c {
			if funcs.IsNullF(x) {
				if check {
					return funcs.BadArg(a.fn, dataParam, "numeric data without NULL values")
				}
				c[i] = 0
			}
		}
	}
	for _, x := range sw {
		if x < 0 {
			return funcs.BadArg(a.fn, "swColName", "the name of a column of non-negative weights")
		}
	}
	if len(d.y) == 0 {
		return funcs.BadArg(a.fn, dataParam, "non-empty numeric data")
	}
	return nil
}

// swName is swColName, "" when absent.
func (a named) swName() (string, error) {
	v, has := a.args["swColName"]
	if !has {
		return "", nil
	}
	s, ok := funcs.StringArg(v)
	if !ok || s == "" {
		return "", funcs.BadArg(a.fn, "swColName", "a string scalar")
	}
	return s, nil
}

// sourceData reads a model's data from ds: yColName, xColNames and the
// weights column swColName.
func (a named) sourceData(env funcs.Env, args []value.Value) (*design, []float64, error) {
	yName, xNames, err := columnNames(a.fn, "yColName", "xColNames", args[1], args[2])
	if err != nil {
		return nil, nil, err
	}
	sw, err := a.swName()
	if err != nil {
		return nil, nil, err
	}
	names := xNames
	if sw != "" {
		names = append(append([]string(nil), xNames...), sw)
	}
	d, err := sourceDesign(env, a.fn, args[0], yName, names)
	if err != nil {
		return nil, nil, err
	}
	var w []float64
	if sw != "" {
		w = d.cols[len(d.cols)-1]
		d.cols, d.names = d.cols[:len(xNames)], xNames
	}
	return d, w, nil
}

// basicData reads a Basic model's Y and X; swColName names a column of X
// (a table) holding the weights, which is then no factor.
func (a named) basicData(args []value.Value) (*design, []float64, error) {
	sw, err := a.swName()
	if err != nil {
		return nil, nil, err
	}
	x := args[1]
	var w []float64
	if sw != "" {
		t, ok := x.(*value.Table)
		if !ok || t.Column(sw) == nil {
			return nil, nil, funcs.BadArg(a.fn, "swColName", "the name of a column of X")
		}
		if w, err = numericVector(a.fn, "swColName", t.Column(sw)); err != nil {
			return nil, nil, err
		}
		var names []string
		var cols []*value.Vector
		for i, name := range t.Names {
			if name != sw {
				names, cols = append(names, name), append(cols, t.Cols[i])
			}
		}
		x = value.NewTable(names, cols)
	}
	d, err := readDesign(a.fn, args[0], x)
	if err != nil {
		return nil, nil, err
	}
	return d, w, nil
}

// basicOutput is a Basic model's result in mode, as ols gives it: the
// coefficients with the intercept first, the Coefficient table or the
// dictionary of the report, over the penalised coefficients.
func basicOutput(d *design, sw []float64, f penFit, p penalty, mode int64, keys []string) value.Value {
	cols, names := d.matrixCols(p.intercept)
	beta := f.coef
	if p.intercept {
		beta = append([]float64{f.intercept}, f.coef...)
	}
	if mode == 0 {
		return value.NewDoubles(nullNaN(beta...))
	}
	r, _ := leastSquares(context.Background(), cols, d.y, sw, "default", true)
	return output(mode, cols, names, d.y, sw, beta, r.inv, p.intercept, keys)
}

// basicKeys is the order funcs/l/lassoBasic.md prints mode 2's
// dictionary in.
var basicKeys = []string{"Coefficient", "RegressionStat", "ANOVA", "Residual"}

// basic fits a Basic model: ridgeBasic, lassoBasic or elasticNetBasic.
func basic(fn string, params []string, ridge bool, l1Ratio float64, hasCheck bool) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		a := nameArgs(fn, params, args)
		r := funcs.ReadArgs(fn, nil)
		mode := modeArg(r, a.args["mode"])
		if err := r.Err(); err != nil {
			return nil, err
		}
		p, err := a.penalty(ridge, l1Ratio)
		if err != nil {
			return nil, err
		}
		d, sw, err := a.basicData(args)
		if err != nil {
			return nil, err
		}
		if err := a.checked(d, sw, "X", hasCheck); err != nil {
			return nil, err
		}
		f := fitPenalized(d.cols, d.y, sw, p)
		return basicOutput(d, sw, f, p, mode, basicKeys), nil
	}
}

// predictSpec is the predict function the penalised models hold.
var predictSpec = funcs.PredictSpec("coordinateDescentPredict", "machine-learning", coordinateDescentPredict)

// model is a penalised model's dictionary (funcs/l/lassoCV.md lists its
// keys); ridge models have no dual_gap, tolerance or iterations, and only
// the cross-validated ones an alpha.
func model(name string, xNames []string, f penFit, p penalty, cvAlpha float64) value.Value {
	keys := []string{"modelName", "coefficients", "intercept"}
	vals := []value.Value{value.NewString(name), value.NewDoubles(nullNaN(append([]float64(nil), f.coef...)...)), value.NewDouble(nullNaN(f.intercept)[0])}
	if !p.ridge {
		keys = append(keys, "dual_gap", "tolerance", "iterations")
		vals = append(vals, value.NewDouble(nullNaN(f.gap)[0]), value.NewDouble(p.tol), value.NewInt(int32(f.iters)))
	}
	keys = append(keys, "xColNames", "predict")
	vals = append(vals, value.NewStrings(value.String, append([]string(nil), xNames...)), predictSpec)
	if !math.IsNaN(cvAlpha) {
		keys = append(keys, "alpha")
		vals = append(vals, value.NewDouble(cvAlpha))
	}
	return funcs.StringDict(keys, vals)
}

// fromSource fits ridge, lasso or elasticNet over a table or data source
// and gives the model dictionary.
func fromSource(fn string, params []string, ridge bool, l1Ratio float64, hasCheck bool) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		a := nameArgs(fn, params, args)
		p, d, sw, err := a.sourceFit(env, args, ridge, l1Ratio, hasCheck)
		if err != nil {
			return nil, err
		}
		return model(fn, d.names, fitPenalized(d.cols, d.y, sw, p), p, math.NaN()), nil
	}
}

// sourceFit reads the settings and the checked rows of a fit over a
// table or data source.
func (a named) sourceFit(env funcs.Env, args []value.Value, ridge bool, l1Ratio float64, hasCheck bool) (penalty, *design, []float64, error) {
	p, err := a.penalty(ridge, l1Ratio)
	if err != nil {
		return penalty{}, nil, nil, err
	}
	d, sw, err := a.sourceData(env, args)
	if err == nil {
		err = a.checked(d, sw, "ds", hasCheck)
	}
	return p, d, sw, err
}

// crossValidated fits lassoCV, elasticNetCV or ridgeCV: each alpha's
// model is scored by the mean squared error of 5-fold cross-validation
// (consecutive folds, the first n mod 5 one row longer), and the model of
// the best alpha (the first of equals) is fitted on all the rows.
func crossValidated(fn string, params []string, ridge bool, l1Ratio float64, hasCheck bool, alphaParam string) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		a := nameArgs(fn, params, args)
		alphas := []float64{0.01, 0.1, 1.0}
		if v, has := a.args[alphaParam]; has {
			vec, _ := funcs.ScalarOrVector(v)
			ok := vec != nil && vec.T != value.Any && funcs.IsNumericVec(vec) && vec.T != value.Bool && vec.Len() > 0
			if ok {
				xs, _ := funcs.DoublesOf(fn, vec)
				alphas = append([]float64(nil), xs...)
				for _, x := range alphas {
					ok = ok && !funcs.IsNullF(x) && x >= 0
				}
			}
			if !ok {
				return nil, funcs.BadArg(fn, alphaParam, "a non-negative number or a vector of them")
			}
			delete(a.args, alphaParam)
		}
		p, d, sw, err := a.sourceFit(env, args, ridge, l1Ratio, hasCheck)
		if err != nil {
			return nil, err
		}
		n := len(d.y)
		if n < 5 {
			return nil, funcs.BadArg(fn, "ds", "data of at least 5 rows for 5-fold cross-validation")
		}
		best, bestErr := alphas[0], math.Inf(1)
		for _, alpha := range alphas {
			p.alpha = alpha
			e := cvError(d, sw, p)
			if e < bestErr {
				best, bestErr = alpha, e
			}
		}
		p.alpha = best
		return model(fn, d.names, fitPenalized(d.cols, d.y, sw, p), p, best), nil
	}
}

// cvError is the mean over 5 consecutive folds of the mean squared error
// of the model fitted on the other rows.
func cvError(d *design, sw []float64, p penalty) float64 {
	n := len(d.y)
	total, start := 0.0, 0
	for fold := 0; fold < 5; fold++ {
		size := n / 5
		if fold < n%5 {
			size++
		}
		end := start + size
		pick := func(xs []float64) (train, test []float64) {
			if xs == nil {
				return nil, nil
			}
			train = append(append(make([]float64, 0, n-size), xs[:start]...), xs[end:]...)
			return train, xs[start:end]
		}
		yTrain, yTest := pick(d.y)
		wTrain, _ := pick(sw)
		trainCols, testCols := make([][]float64, len(d.cols)), make([][]float64, len(d.cols))
		for j, c := range d.cols {
			trainCols[j], testCols[j] = pick(c)
		}
		f := fitPenalized(trainCols, yTrain, wTrain, p)
		se := 0.0
		for i, y := range yTest {
			fit := f.intercept
			for j, c := range testCols {
				fit += f.coef[j] * c[i]
			}
			se += (y - fit) * (y - fit)
		}
		total += se / float64(size)
		start = end
	}
	return total / 5
}

// coordinateDescentPredict is intercept + X·coefficients for the model's
// xColNames: X a table holding those columns, a matrix with a column per
// coefficient, or a vector for a one-factor model.
func coordinateDescentPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	m, ok := args[0].(*value.Dict)
	bad := funcs.BadArg("predict", "model", "a model of ridge, lasso or elasticNet")
	if !ok || m.Keys.T != value.String {
		return nil, bad
	}
	get := func(k string) value.Value { return m.Get(value.NewStrings(value.String, []string{k}), 0) }
	coef, err := numericVector("predict", "model", get("coefficients"))
	if err != nil || len(coef) == 0 {
		return nil, bad
	}
	icpt, _ := get("intercept").(*value.Scalar)
	b := 0.0
	if icpt != nil && !icpt.Null {
		if f, err := funcs.DoublesOf("predict", funcs.ScalarVector(icpt)); err == nil && len(f) == 1 {
			b = f[0]
		}
	}
	names, _ := funcs.NamesArg(get("xColNames"))
	var cols [][]float64
	badX := funcs.BadArg("predict", "X", "a table with the model's xColNames, a matrix or a vector with a value per coefficient")
	switch x := args[1].(type) {
	case *value.Table:
		if len(names) != len(coef) {
			return nil, bad
		}
		for _, name := range names {
			c := x.Column(name)
			if c == nil {
				return nil, funcs.BadArg("predict", "X", "a table with the model's xColNames")
			}
			xs, err := numericVector("predict", "X", c)
			if err != nil {
				return nil, err
			}
			cols = append(cols, xs)
		}
	case *value.Matrix:
		if x.Cols != len(coef) || !funcs.IsNumericVec(x.V) {
			return nil, badX
		}
		for c := 0; c < x.Cols; c++ {
			xs, err := numericVector("predict", "X", funcs.MatrixColumn(x, c))
			if err != nil {
				return nil, err
			}
			cols = append(cols, xs)
		}
	case *value.Vector:
		if len(coef) != 1 {
			return nil, badX
		}
		xs, err := numericVector("predict", "X", x)
		if err != nil {
			return nil, err
		}
		cols = append(cols, xs)
	default:
		return nil, badX
	}
	out := make([]float64, len(cols[0]))
	for i := range out {
		out[i] = b
		for j, c := range cols {
			if funcs.IsNullF(c[i]) {
				out[i] = math.NaN()
			}
			out[i] += coef[j] * c[i]
		}
	}
	return value.NewDoubles(nullNaN(out...)), nil
}
