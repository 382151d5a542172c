package learn

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// knnPredict and kmeansPredict are the predict functions the models hold.
var (
	knnPredictSpec    = funcs.PredictSpec("knnPredict", "machine-learning", knnPredict)
	kmeansPredictSpec = funcs.PredictSpec("kmeansPredict", "machine-learning", kmeansPredict)
)

// knn keeps the training rows X with their labels Y for the k-nearest
// neighbours by brute force (funcs/k/knn.md): a classifier predicts the
// most frequent label of a row's nNeighbor nearest rows (the smallest
// label among equals), a regressor their mean, distances Minkowski's of
// the given power. Equally distant rows rank by position.
func knn(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols, names, err := features("knn", "X", args[1])
	if err != nil {
		return nil, err
	}
	n := len(cols[0])
	kind, ok := funcs.StringArg(args[2])
	if !ok || kind != "regressor" && kind != "classifier" {
		return nil, funcs.BadArg("knn", "type", "'regressor' or 'classifier'")
	}
	if _, err := readLabels("knn", args[0], n); err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("knn", args)
	k := r.PositiveInt("nNeighbor", args[3], 0)
	power := r.PositiveInt("power", r.Given(4), 2)
	if err := r.Err(); err != nil {
		return nil, err
	}
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, len(cols))
		for j, c := range cols {
			rows[i][j] = c[i]
		}
	}
	inner := funcs.StringDict([]string{"X", "Y", "xColNames"}, []value.Value{matrixOf(rows, len(cols)), args[0], value.NewStrings(value.String, names)})
	return funcs.StringDict([]string{"nNeighbor", "modelName", "model", "power", "type", "predict"},
		[]value.Value{value.NewInt(int32(min(k, math.MaxInt32))), value.NewString("KNN"), inner, value.NewInt(int32(min(power, math.MaxInt32))), value.NewString(kind), knnPredictSpec}), nil
}

// minkowski is the distance of power p between a and b.
func minkowski(a, b []float64, p float64) float64 {
	s := 0.0
	for j, x := range a {
		d := math.Abs(x - b[j])
		switch p {
		case 1:
			s += d
		case 2:
			s += d * d
		default:
			s += math.Pow(d, p)
		}
	}
	switch p {
	case 1:
		return s
	case 2:
		return math.Sqrt(s)
	}
	return math.Pow(s, 1/p)
}

func knnPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	bad := funcs.BadArg("predict", "model", "a knn model")
	inner := funcs.ModelField(args[0], "model")
	train, m, ok := matrixRows(funcs.ModelField(inner, "X"))
	names, ok2 := funcs.NamesArg(funcs.ModelField(inner, "xColNames"))
	kind, _ := funcs.StringArg(funcs.ModelField(args[0], "type"))
	kv, _ := funcs.ModelField(args[0], "nNeighbor").(*value.Scalar)
	pv, _ := funcs.ModelField(args[0], "power").(*value.Scalar)
	if !ok || !ok2 || m != len(names) || kv == nil || pv == nil || len(train) == 0 {
		return nil, bad
	}
	l, err := readLabels("predict", funcs.ModelField(inner, "Y"), len(train))
	if err != nil {
		return nil, bad
	}
	ys, _ := floats(funcs.ModelField(inner, "Y"))
	k := int(min(max(kv.I, 1), int64(len(train))))
	power := float64(max(pv.I, 1))
	cols, err := columnsByName("predict", args[1], names)
	if err != nil {
		return nil, err
	}
	n := len(cols[0])
	row := make([]float64, m)
	order := make([]int, len(train))
	dist := make([]float64, len(train))
	out := make([]float64, n)
	pick := make([]int, n)
	votes := make([]float64, len(l.classes))
	for i := 0; i < n; i++ {
		for j, c := range cols {
			row[j] = c[i]
		}
		for t, r := range train {
			order[t], dist[t] = t, minkowski(row, r, power)
		}
		sort.SliceStable(order, func(a, b int) bool { return dist[order[a]] < dist[order[b]] })
		if kind == "regressor" {
			s := 0.0
			for _, t := range order[:k] {
				s += ys[t]
			}
			out[i] = s / float64(k)
			continue
		}
		for c := range votes {
			votes[c] = 0
		}
		for _, t := range order[:k] {
			votes[l.codes[t]]++
		}
		pick[i] = l.first[argmax(votes)]
	}
	if kind == "regressor" {
		return value.NewDoubles(funcs.Finite(out)), nil
	}
	return l.y.Gather(pick), nil
}

// kmeans clusters the rows of X into k clusters by Lloyd's algorithm
// (funcs/k/kmeans.md): from k centres (k distinct random rows, k-means++
// seeding, or init's k×m matrix) each row joins its nearest centre and
// each centre moves to its rows' mean, until no row changes cluster or
// maxIter passes. labels number the clusters from 1, as the page's
// output shows.
func kmeans(_ funcs.Env, args []value.Value) (value.Value, error) {
	cols, names, err := features("kmeans", "X", args[0])
	if err != nil {
		return nil, err
	}
	n, m := len(cols[0]), len(cols)
	r := funcs.ReadArgs("kmeans", args)
	k64 := r.PositiveInt("k", args[1], 0)
	if r.Err() == nil && k64 > int64(n) {
		r.Bad("k", "a positive integer no greater than the number of rows of X")
	}
	k := int(k64)
	maxIter := r.PositiveInt("maxIter", r.Given(2), 300)
	seed := uint64(time.Now().UnixNano())
	if s := r.Given(3); s != nil {
		seed = uint64(r.Int("randomSeed", s, 0))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b6d65616e73))
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, m)
		for j, c := range cols {
			rows[i][j] = c[i]
		}
	}
	var centres [][]float64
	switch init := funcs.GivenArg(args, 4).(type) {
	case nil:
		centres = randomCentres(rows, k, rng)
	case *value.Matrix:
		c, mm, ok := matrixRows(init)
		if !ok || len(c) != k || mm != m {
			return nil, funcs.BadArg("kmeans", "init", "'random', 'k-means++' or a matrix of k rows and a column per column of X")
		}
		centres = c
	default:
		s, _ := funcs.StringArg(init)
		switch s {
		case "random":
			centres = randomCentres(rows, k, rng)
		case "k-means++", "kmeans++":
			centres = plusPlusCentres(rows, k, rng)
		default:
			return nil, funcs.BadArg("kmeans", "init", "'random', 'k-means++' or a matrix of k rows and a column per column of X")
		}
	}
	labels := make([]int, n)
	for i := range labels {
		labels[i] = -1
	}
	for it := int64(0); it < maxIter; it++ {
		changed := false
		for i, r := range rows {
			c := nearest(centres, r)
			if c != labels[i] {
				labels[i], changed = c, true
			}
		}
		if !changed {
			break
		}
		sums, counts := make([][]float64, k), make([]float64, k)
		for c := range sums {
			sums[c] = make([]float64, m)
		}
		for i, r := range rows {
			counts[labels[i]]++
			for j, x := range r {
				sums[labels[i]][j] += x
			}
		}
		for c := range sums {
			if counts[c] == 0 {
				continue // an empty cluster keeps its centre
			}
			for j := range sums[c] {
				centres[c][j] = sums[c][j] / counts[c]
			}
		}
	}
	out := make([]int32, n)
	for i, c := range labels {
		out[i] = int32(c + 1)
	}
	centreMatrix := matrixOf(centres, m)
	inner := funcs.StringDict([]string{"centers", "xColNames"}, []value.Value{centreMatrix, value.NewStrings(value.String, names)})
	return funcs.StringDict([]string{"centers", "predict", "modelName", "model", "labels"},
		[]value.Value{centreMatrix, kmeansPredictSpec, value.NewString("KMeans"), inner, value.NewInts(out)}), nil
}

// nearest is the index of the centre nearest r (squared Euclidean).
func nearest(centres [][]float64, r []float64) int {
	best, bestD := 0, math.Inf(1)
	for c, ctr := range centres {
		d := 0.0
		for j, x := range r {
			d += (x - ctr[j]) * (x - ctr[j])
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// randomCentres is k distinct rows picked at random.
func randomCentres(rows [][]float64, k int, rng *rand.Rand) [][]float64 {
	perm := rng.Perm(len(rows))
	out := make([][]float64, k)
	for c := range out {
		out[c] = append([]float64(nil), rows[perm[c]]...)
	}
	return out
}

// plusPlusCentres is k-means++ seeding: the first centre a random row,
// each next one a row drawn with probability proportional to its squared
// distance from the nearest centre so far.
func plusPlusCentres(rows [][]float64, k int, rng *rand.Rand) [][]float64 {
	out := [][]float64{append([]float64(nil), rows[rng.IntN(len(rows))]...)}
	d2 := make([]float64, len(rows))
	for len(out) < k {
		total := 0.0
		for i, r := range rows {
			c := out[nearest(out, r)]
			d := 0.0
			for j, x := range r {
				d += (x - c[j]) * (x - c[j])
			}
			d2[i] = d
			total += d
		}
		pick := rng.IntN(len(rows))
		if total > 0 {
			u := rng.Float64() * total
			for i, d := range d2 {
				if u -= d; u <= 0 && d > 0 {
					pick = i
					break
				}
			}
		}
		out = append(out, append([]float64(nil), rows[pick]...))
	}
	return out
}

func kmeansPredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	inner := funcs.ModelField(args[0], "model")
	centres, m, ok := matrixRows(funcs.ModelField(inner, "centers"))
	names, ok2 := funcs.NamesArg(funcs.ModelField(inner, "xColNames"))
	if !ok || !ok2 || m != len(names) || len(centres) == 0 {
		return nil, funcs.BadArg("predict", "model", "a kmeans model")
	}
	cols, err := columnsByName("predict", args[1], names)
	if err != nil {
		return nil, err
	}
	n := len(cols[0])
	out := make([]int32, n)
	r := make([]float64, m)
	for i := range out {
		for j, c := range cols {
			r[j] = c[i]
		}
		out[i] = int32(nearest(centres, r) + 1)
	}
	return value.NewInts(out), nil
}
