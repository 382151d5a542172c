package learn

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The tree ensembles (funcs/r/randomForestClassifier.md,
// randomForestRegressor.md, funcs/a/adaBoostClassifier.md,
// adaBoostRegressor.md). Each returns a model dictionary whose model entry
// is a tuple of trees, each tree a dictionary of flat arrays (see
// tree.Value), so saveModel writes it and predict walks it.

var (
	rfClassifierPredict  = funcs.PredictSpec("randomForestClassifierPredict", "machine-learning", ensemblePredict(rfClassify))
	rfRegressorPredict   = funcs.PredictSpec("randomForestRegressorPredict", "machine-learning", ensemblePredict(rfRegress))
	adaClassifierPredict = funcs.PredictSpec("adaBoostClassifierPredict", "machine-learning", ensemblePredict(adaClassify))
	adaRegressorPredict  = funcs.PredictSpec("adaBoostRegressorPredict", "machine-learning", ensemblePredict(adaRegress))
)

// ensembleKind is which of the four models a call fits or predicts with.
type ensembleKind int

const (
	rfClassify ensembleKind = iota
	rfRegress
	adaClassify
	adaRegress
)

var kindNames = [...]string{"randomForestClassifier", "randomForestRegressor", "adaBoostClassifier", "adaBoostRegressor"}
var modelNames = [...]string{"Random Forest Classifier", "Random Forest Regressor", "AdaBoost Classifier", "AdaBoost Regressor"}

func (k ensembleKind) classifies() bool { return k == rfClassify || k == adaClassify }
func (k ensembleKind) boosts() bool     { return k == adaClassify || k == adaRegress }

// ensembleFit returns the fitting function of kind.
func ensembleFit(kind ensembleKind) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		return fitEnsemble(env, kind, args)
	}
}

// fitEnsemble reads the arguments (numClasses only for the classifiers,
// so the optional ones start one later), bins the features and grows the
// trees.
func fitEnsemble(env funcs.Env, kind ensembleKind, args []value.Value) (value.Value, error) {
	fn := kindNames[kind]
	y, cols, names, err := sourceColumns(env, fn, args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs(fn, args)
	o := 3
	classes := 0
	if kind.classifies() {
		classes = int(min(r.PositiveInt("numClasses", args[3], 0), 1<<16))
		o = 4
	}
	maxFeatures := r.Arg(o)
	if funcs.NullOrAbsent(maxFeatures) {
		maxFeatures = value.NewInt(0)
	}
	features := featureCount(r, maxFeatures, len(cols), kind.boosts())
	numTrees := int(min(r.PositiveInt("numTrees", r.Given(o+1), 10), 1<<20))
	numBins := int(min(r.PositiveInt("numBins", r.Given(o+2), 32), 1<<20))
	maxDepth := int(min(r.PositiveInt("maxDepth", r.Given(o+3), map[bool]int64{true: 10, false: 32}[kind.boosts()]), 1<<10))
	minGain := r.Number("minImpurityDecrease", r.Given(o+4), 0, func(f float64) bool { return f >= 0 }, "a non-negative number")
	jobs, rate, how := 0, 0.0, ""
	seedAt := o + 6
	if kind.boosts() {
		rate = r.Number("learningRate", r.Given(o+5), 0.1, func(f float64) bool { return f > 0 }, "a positive number")
		how = map[bool]string{true: "SAMME.R", false: "linear"}[kind == adaClassify]
		if v := r.Given(o + 6); v != nil {
			s, ok := funcs.StringArg(v)
			allowed := map[bool][]string{true: {"SAMME.R", "SAMME"}, false: {"linear", "square", "exponential"}}[kind == adaClassify]
			if !ok || !contains(allowed, s) {
				param := map[bool]string{true: "algorithm", false: "loss"}[kind == adaClassify]
				r.Bad(param, map[bool]string{true: `"SAMME.R" or "SAMME"`, false: `"linear", "square" or "exponential"`}[kind == adaClassify])
			}
			how = s
		}
		seedAt = o + 7
	} else {
		jobs = int(r.Int("numJobs", r.Given(o+5), -1))
	}
	seed := uint64(time.Now().UnixNano())
	if v := r.Given(seedAt); v != nil {
		seed = uint64(r.Int("randomSeed", v, 0))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	if classes > 0 {
		for _, v := range y {
			if v != math.Trunc(v) || v < 0 || v >= float64(classes) {
				return nil, funcs.BadArg(fn, "yColName", "a column of integers in [0, numClasses)")
			}
		}
	}
	if err := env.Reserve(2 * len(y) * (len(cols) + 1)); err != nil {
		return nil, err
	}
	b := binFeatures(cols, numBins)
	p := treeParams{classes: classes, features: features, maxDepth: maxDepth, minGain: minGain}
	rng := rand.New(rand.NewPCG(seed, 0x666f72657374))
	var trees []*tree
	if kind.boosts() {
		trees, err = boost(env.Context(), kind, how, rate, numTrees, b, y, p, rng)
	} else {
		trees, err = forest(env.Context(), jobs, numTrees, b, y, p, rng)
	}
	if err != nil {
		return nil, err
	}
	model := make([]value.Value, len(trees))
	for i, t := range trees {
		model[i] = t.Value()
	}
	keys := []string{"minImpurityDecrease", "maxDepth", "numBins", "numTrees", "maxFeatures", "model", "modelName", "xColNames"}
	vals := []value.Value{value.NewDouble(minGain), value.NewInt(int32(maxDepth)), value.NewInt(int32(numBins)), value.NewInt(int32(numTrees)),
		maxFeatures, value.NewTuple(model), value.NewString(modelNames[kind]), value.NewStrings(value.String, names)}
	if classes > 0 {
		keys, vals = append([]string{"numClasses"}, keys...), append([]value.Value{value.NewInt(int32(classes))}, vals...)
	}
	if kind == adaClassify {
		keys, vals = append(keys, "learningRate", "algorithm"), append(vals, value.NewDouble(rate), value.NewString(how))
	}
	if kind == adaRegress {
		keys, vals = append(keys, "learningRate", "loss"), append(vals, value.NewDouble(rate), value.NewString(how))
	}
	predict := [...]*funcs.Spec{rfClassifierPredict, rfRegressorPredict, adaClassifierPredict, adaRegressorPredict}[kind]
	return funcs.StringDict(append(keys, "predict"), append(vals, predict)), nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// featureCount is how many features a split considers: maxFeatures of
// them when it is a positive integer, that fraction of p (at least one)
// when it lies between 0 and 1, and with 0 all of them for boosting and
// the square root of p for a forest.
func featureCount(r *funcs.Args, maxFeatures value.Value, p int, boosting bool) int {
	f := r.Number("maxFeatures", maxFeatures, 0, func(f float64) bool { return f >= 0 }, "a non-negative integer or a number between 0 and 1")
	s, _ := maxFeatures.(*value.Scalar)
	switch {
	case r.Err() != nil:
		return 0
	case f == 0 && boosting:
		return p
	case f == 0:
		return max(1, int(math.Sqrt(float64(p))))
	case (s.T == value.Double || s.T == value.Float) && f < 1:
		return max(1, int(float64(p)*f))
	case f == math.Trunc(f):
		return int(min(f, float64(p)))
	}
	r.Bad("maxFeatures", "a non-negative integer or a number between 0 and 1")
	return 0
}

// forest grows numTrees trees, each on a bootstrap sample of the rows,
// numJobs at a time (all the processors for -1, that many fewer than
// them plus one for a smaller number). Each tree's random source is
// drawn from rng before any starts, so a seed gives the same forest
// whatever the parallelism.
func forest(ctx context.Context, jobs, numTrees int, b binnedFeatures, y []float64, p treeParams, rng *rand.Rand) ([]*tree, error) {
	cpus := runtime.GOMAXPROCS(0)
	switch {
	case jobs == -1 || jobs == 0:
		jobs = cpus
	case jobs < -1:
		jobs = max(1, cpus+2+jobs)
	}
	jobs = min(jobs, numTrees, cpus+1)
	seeds := make([]uint64, numTrees)
	for i := range seeds {
		seeds[i] = rng.Uint64()
	}
	trees := make([]*tree, numTrees)
	next := make(chan int)
	var wg sync.WaitGroup
	for j := 0; j < jobs; j++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := rand.New(rand.NewPCG(seeds[i], uint64(i)))
				w := make([]float64, len(y))
				for range y {
					w[r.IntN(len(y))]++
				}
				rows := make([]int32, 0, len(y))
				for k, wk := range w {
					if wk > 0 {
						rows = append(rows, int32(k))
					}
				}
				trees[i] = growTree(b, y, w, rows, p, r)
			}
		}()
	}
	var err error
	for i := 0; i < numTrees && err == nil; i++ {
		if err = ctx.Err(); err == nil {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return trees, err
}

// boost grows up to numTrees trees one after another, each on the rows
// reweighted by how badly the trees before it did: SAMME.R and SAMME
// (multi-class AdaBoost) for a classifier, AdaBoost.R2 for a regressor.
// It stops early once a tree fits the weighted rows exactly, or (SAMME,
// R2) does no better than chance, keeping that tree only when it is the
// first.
func boost(ctx context.Context, kind ensembleKind, how string, rate float64, numTrees int, b binnedFeatures, y []float64, p treeParams, rng *rand.Rand) ([]*tree, error) {
	n := len(y)
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	rows := make([]int32, n)
	cols := make([][]float64, len(b.bins))
	for j, bins := range b.bins {
		// the rows' bins stand in for their values: a row lies left of
		// a split exactly when its bin does
		cols[j] = make([]float64, n)
		for i, bin := range bins {
			cols[j][i] = float64(bin)
		}
	}
	k := float64(p.classes)
	miss := make([]float64, n) // per row: misclassified (0/1), or the R2 loss
	var trees []*tree
	for m := 0; m < numTrees; m++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := range rows {
			rows[i] = int32(i)
		}
		t := growTree(b, y, w, rows, p, rng)
		// the walk below compares bins, so thresholds become bin numbers
		// only for it
		binTree := *t
		binTree.threshold = make([]float64, len(t.threshold))
		for i, f := range t.feature {
			if f >= 0 {
				binTree.threshold[i] = float64(sort.SearchFloat64s(b.edges[f], t.threshold[i]))
			}
		}
		errSum, wSum, errMax := 0.0, 0.0, 0.0
		for i := range y {
			v := binTree.leaf(cols, i)
			if kind == adaClassify {
				miss[i] = 0
				if argmax(v) != int(y[i]) {
					miss[i] = 1
				}
			} else {
				miss[i] = math.Abs(v[0] - y[i])
				errMax = math.Max(errMax, miss[i])
			}
			wSum += w[i]
		}
		if kind == adaRegress && errMax > 0 {
			for i := range miss {
				e := miss[i] / errMax
				switch how {
				case "square":
					e *= e
				case "exponential":
					e = 1 - math.Exp(-e)
				}
				miss[i] = e
			}
		}
		for i := range y {
			errSum += w[i] * miss[i]
		}
		est := errSum / wSum
		t.weight = 1
		if est <= 0 {
			trees = append(trees, t)
			break
		}
		worse := kind == adaRegress && est >= 0.5 || kind == adaClassify && how == "SAMME" && est >= 1-1/k
		if worse {
			if len(trees) == 0 {
				trees = append(trees, t)
			}
			break
		}
		switch {
		case kind == adaRegress:
			beta := est / (1 - est)
			t.weight = rate * math.Log(1/beta)
			for i := range w {
				w[i] *= math.Pow(beta, (1-miss[i])*rate)
			}
		case how == "SAMME":
			t.weight = rate * (math.Log((1-est)/est) + math.Log(k-1))
			for i := range w {
				w[i] *= math.Exp(t.weight * miss[i])
			}
		default: // SAMME.R: the trees' class probabilities weigh the rows
			for i := range w {
				v := binTree.leaf(cols, i)
				s := 0.0
				for c, pc := range v {
					lp := math.Log(math.Max(pc, 1e-10))
					if c == int(y[i]) {
						s += lp
					} else if k > 1 {
						s -= lp / (k - 1)
					}
				}
				w[i] *= math.Exp(-rate * (k - 1) / k * s)
			}
		}
		trees = append(trees, t)
		total := 0.0
		for _, x := range w {
			total += x
		}
		if !(total > 0) || math.IsInf(total, 0) {
			break
		}
		for i := range w {
			w[i] /= total
		}
	}
	return trees, nil
}

// ensemblePredict returns the predict function of kind: the most
// probable class (a forest's mean probabilities, SAMME.R's summed
// log-probability margins, SAMME's weighted votes) as INT, or a forest's
// mean and R2's weighted median as DOUBLE.
func ensemblePredict(kind ensembleKind) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		bad := funcs.BadArg("predict", "model", "a "+kindNames[kind]+" model")
		names, ok := funcs.NamesArg(funcs.ModelField(args[0], "xColNames"))
		tup, ok2 := funcs.ModelField(args[0], "model").(*value.Vector)
		if !ok || !ok2 || tup.T != value.Any || len(tup.Any) == 0 {
			return nil, bad
		}
		trees := make([]*tree, len(tup.Any))
		for i, v := range tup.Any {
			t, ok := treeOf(v)
			if !ok || i > 0 && t.width != trees[0].width || !kind.classifies() && t.width != 1 {
				return nil, bad
			}
			for _, f := range t.feature {
				if int(f) >= len(names) {
					return nil, bad
				}
			}
			trees[i] = t
		}
		how, _ := funcs.StringArg(funcs.ModelField(args[0], "algorithm"))
		cols, err := columnsByName("predict", args[1], names)
		if err != nil {
			return nil, err
		}
		n := 0
		if len(cols) > 0 {
			n = len(cols[0])
		}
		width := trees[0].width
		// tree by tree over all rows, so one tree's nodes stay in cache
		sums := make([]float64, n*width)
		var preds []float64 // R2's median needs every tree's prediction
		if kind == adaRegress {
			if err := env.Reserve(n * len(trees)); err != nil {
				return nil, err
			}
			preds = make([]float64, n*len(trees))
		}
		logs := make([]float64, width)
		for m, t := range trees {
			if err := env.Context().Err(); err != nil {
				return nil, err
			}
			nodes := t.nodes()
			for i := 0; i < n; i++ {
				leaf := t.walk(nodes, cols, i)
				v := t.value[leaf*width : (leaf+1)*width]
				row := sums[i*width : (i+1)*width]
				switch {
				case kind == adaRegress:
					preds[i*len(trees)+m] = v[0]
				case kind == adaClassify && how == "SAMME":
					row[argmax(v)] += t.weight
				case kind == adaClassify:
					mean := 0.0
					for c, pc := range v {
						logs[c] = math.Log(math.Max(pc, 1e-10))
						mean += logs[c]
					}
					mean /= float64(width)
					for c := range v {
						row[c] += float64(width-1) * (logs[c] - mean)
					}
				default:
					for c, pc := range v {
						row[c] += pc
					}
				}
			}
		}
		classes := make([]int32, n)
		out := make([]float64, n)
		for i := 0; i < n; i++ {
			switch kind {
			case rfClassify, adaClassify:
				classes[i] = int32(argmax(sums[i*width : (i+1)*width]))
			case rfRegress:
				out[i] = sums[i] / float64(len(trees))
			case adaRegress:
				out[i] = weightedMedian(preds[i*len(trees):(i+1)*len(trees)], trees)
			}
		}
		if kind.classifies() {
			return value.NewInts(classes), nil
		}
		return value.NewDoubles(out), nil
	}
}

// weightedMedian is the prediction at which the trees' weights, in
// order of prediction, first reach half their total (AdaBoost.R2).
func weightedMedian(preds []float64, trees []*tree) float64 {
	order := make([]int, len(preds))
	total := 0.0
	for i := range order {
		order[i] = i
		total += trees[i].weight
	}
	sort.Slice(order, func(a, b int) bool { return preds[order[a]] < preds[order[b]] })
	acc := 0.0
	for _, i := range order {
		acc += trees[i].weight
		if acc >= total/2 {
			return preds[i]
		}
	}
	return preds[order[len(order)-1]]
}
