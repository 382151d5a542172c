package learn

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// gaussianNBPredict and multinomialNBPredict are the predict functions the
// naive Bayes models hold.
var (
	gaussianNBPredict    = funcs.PredictSpec("gaussianNBPredict", "machine-learning", naiveBayesPredict(false))
	multinomialNBPredict = funcs.PredictSpec("multinomialNBPredict", "machine-learning", naiveBayesPredict(true))
)

// gaussianNB is the Gaussian naive Bayes classifier of the rows of X by
// the labels Y (funcs/g/gaussianNB.md): per class its share of the rows
// and each feature's mean and variance, the variances increased by
// varSmoothing times the largest feature variance (as scikit-learn's
// GaussianNB does).
func gaussianNB(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols, names, err := features("gaussianNB", "X", args[1])
	if err != nil {
		return nil, err
	}
	n, m := len(cols[0]), len(cols)
	l, err := readLabels("gaussianNB", args[0], n)
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("gaussianNB", args)
	vs := r.Number("varSmoothing", r.Given(2), 1e-9, func(f float64) bool { return f > 0 }, "a positive number")
	if err := r.Err(); err != nil {
		return nil, err
	}
	k := len(l.classes)
	counts := make([]float64, k)
	means, vars := make([][]float64, k), make([][]float64, k)
	for c := range means {
		means[c], vars[c] = make([]float64, m), make([]float64, m)
	}
	for i, c := range l.codes {
		counts[c]++
		for j, col := range cols {
			means[c][j] += col[i]
		}
	}
	for c := range means {
		for j := range means[c] {
			means[c][j] /= counts[c]
		}
	}
	for i, c := range l.codes {
		for j, col := range cols {
			d := col[i] - means[c][j]
			vars[c][j] += d * d
		}
	}
	eps := 0.0
	for _, col := range cols {
		mean := 0.0
		for _, x := range col {
			mean += x
		}
		mean /= float64(n)
		v := 0.0
		for _, x := range col {
			v += (x - mean) * (x - mean)
		}
		eps = math.Max(eps, v/float64(n))
	}
	eps *= vs
	priors := make([]float64, k)
	for c := range vars {
		priors[c] = counts[c] / float64(n)
		for j := range vars[c] {
			vars[c][j] = vars[c][j]/counts[c] + eps
		}
	}
	inner := funcs.StringDict([]string{"classes", "priors", "means", "variances", "xColNames"},
		[]value.Value{l.classVector(), value.NewDoubles(priors), matrixOf(means, m), matrixOf(vars, m), value.NewStrings(value.String, names)})
	return funcs.StringDict([]string{"modelName", "model", "varSmoothing", "predict"},
		[]value.Value{value.NewString("GaussianNB"), inner, value.NewDouble(vs), gaussianNBPredict}), nil
}

// multinomialNB is the multinomial naive Bayes classifier of the rows of
// X (non-negative counts) by the labels Y (funcs/m/multinomialNB.md): per
// class its share of the rows and the log probability of each feature,
// (its count + varSmoothing) / (the class's total + varSmoothing × the
// number of features).
func multinomialNB(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols, names, err := features("multinomialNB", "X", args[1])
	if err != nil {
		return nil, err
	}
	n, m := len(cols[0]), len(cols)
	for _, col := range cols {
		for _, x := range col {
			if x < 0 {
				return nil, funcs.BadArg("multinomialNB", "X", "a table of non-negative numeric columns")
			}
		}
	}
	l, err := readLabels("multinomialNB", args[0], n)
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("multinomialNB", args)
	alpha := r.Number("varSmoothing", r.Given(2), 1, func(f float64) bool { return f >= 0 && f <= 1 }, "a number between 0 and 1")
	if err := r.Err(); err != nil {
		return nil, err
	}
	k := len(l.classes)
	counts := make([]float64, k)
	logp := make([][]float64, k)
	for c := range logp {
		logp[c] = make([]float64, m)
	}
	for i, c := range l.codes {
		counts[c]++
		for j, col := range cols {
			logp[c][j] += col[i]
		}
	}
	priors := make([]float64, k)
	for c := range logp {
		priors[c] = counts[c] / float64(n)
		total := 0.0
		for _, f := range logp[c] {
			total += f + alpha
		}
		for j, f := range logp[c] {
			logp[c][j] = math.Log((f + alpha) / total)
		}
	}
	inner := funcs.StringDict([]string{"classes", "priors", "featureLogProb", "xColNames"},
		[]value.Value{l.classVector(), value.NewDoubles(priors), matrixOf(logp, m), value.NewStrings(value.String, names)})
	return funcs.StringDict([]string{"modelName", "model", "varSmoothing", "predict"},
		[]value.Value{value.NewString("MultinomialNB"), inner, value.NewDouble(alpha), multinomialNBPredict}), nil
}

// naiveBayesPredict gives each row of X the class of highest posterior.
func naiveBayesPredict(multinomial bool) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		bad := funcs.BadArg("predict", "model", "a naive Bayes model")
		inner := funcs.ModelField(args[0], "model")
		classes, ok1 := funcs.ModelField(inner, "classes").(*value.Vector)
		priors, ok2 := floats(funcs.ModelField(inner, "priors"))
		names, ok3 := funcs.NamesArg(funcs.ModelField(inner, "xColNames"))
		if !ok1 || !ok2 || !ok3 || classes.Len() != len(priors) || len(priors) == 0 {
			return nil, bad
		}
		var a, b [][]float64
		var m int
		var ok bool
		if multinomial {
			a, m, ok = matrixRows(funcs.ModelField(inner, "featureLogProb"))
		} else {
			a, m, ok = matrixRows(funcs.ModelField(inner, "means"))
			if ok {
				var m2 int
				b, m2, ok = matrixRows(funcs.ModelField(inner, "variances"))
				ok = ok && m2 == m && len(b) == len(a)
			}
		}
		if !ok || len(a) != len(priors) || m != len(names) {
			return nil, bad
		}
		cols, err := columnsByName("predict", args[1], names)
		if err != nil {
			return nil, err
		}
		n := 0
		if len(cols) > 0 {
			n = len(cols[0])
		}
		pick := make([]int, n)
		score := make([]float64, len(priors))
		for i := 0; i < n; i++ {
			for c := range score {
				s := math.Log(priors[c])
				for j, col := range cols {
					x := col[i]
					if funcs.IsNullF(x) {
						continue
					}
					if multinomial {
						s += x * a[c][j]
					} else {
						d := x - a[c][j]
						s -= 0.5*math.Log(2*math.Pi*b[c][j]) + d*d/(2*b[c][j])
					}
				}
				score[c] = s
			}
			pick[i] = argmax(score)
		}
		return classes.Gather(pick), nil
	}
}
