package hypotest

import (
	"math"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// groupIDs numbers the groups of a vector, in ascending order of their
// values (numeric or literal): id per element, the first element of each
// group, ok false for other types or NULLs.
func groupIDs(g *value.Vector) (id []int, first []int, ok bool) {
	n := g.Len()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	var same func(i, j int) bool
	switch {
	case funcs.IsNumericVec(g) && g.T != value.Void:
		xs, err := funcs.DoublesOf("manova", g)
		if err != nil {
			return nil, nil, false
		}
		for _, x := range xs {
			if funcs.IsNullF(x) {
				return nil, nil, false
			}
		}
		sort.SliceStable(order, func(a, b int) bool { return xs[order[a]] < xs[order[b]] })
		same = func(i, j int) bool { return xs[i] == xs[j] }
	case g.T.Category() == value.CatLiteral:
		ss := g.Strings()
		for _, s := range ss {
			if s == "" {
				return nil, nil, false
			}
		}
		sort.SliceStable(order, func(a, b int) bool { return ss[order[a]] < ss[order[b]] })
		same = func(i, j int) bool { return ss[i] == ss[j] }
	default:
		return nil, nil, false
	}
	id = make([]int, n)
	for p, i := range order {
		if p == 0 || !same(order[p-1], i) {
			first = append(first, i)
		}
		id[i] = len(first) - 1
	}
	return id, first, true
}

// maxGroups bounds manova's groups: its gmdist result is groups by groups.
const maxGroups = 4096

// manova is manova(X, group) (funcs/m/manova.md): one-way multivariate
// analysis of variance of X's columns across the groups, with the fields
// of MATLAB's manova1 statistics: the sums-of-squares matrices T, W, B
// and their degrees of freedom, the eigenvalues and W-normalised
// eigenvectors of inv(W)*B (descending) with the canonical variables,
// Wilks' lambda and Bartlett's chi-square test for each dimension below
// min(columns, groups-1), and Mahalanobis distances (within covariance
// W/dfW) of each row to its group mean and between group means.
func manova(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "manova"
	cols, ok := columns(fn, args[0])
	if !ok || len(cols) == 0 {
		return nil, funcs.BadArg(fn, "X", "a matrix or a table with numeric columns")
	}
	n, p := len(cols[0]), len(cols)
	gv, isVec := funcs.VectorArg(args[1])
	var gid, first []int
	if isVec && gv.Len() == n {
		gid, first, ok = groupIDs(gv)
	}
	if !isVec || gv.Len() != n || !ok {
		return nil, funcs.BadArg(fn, "group", "a vector without NULL values as long as each column of X")
	}
	for _, c := range cols {
		for _, v := range c {
			if funcs.IsNullF(v) {
				return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric matrix without NULL values.", "X", fn)
			}
		}
	}
	k := len(first)
	if k < 2 || n <= k {
		return nil, funcs.BadArg(fn, "group", "a grouping into at least 2 groups with more rows than groups")
	}
	if k > maxGroups {
		// gmdist is k by k.
		return nil, funcs.BadArg(fn, "group", "a grouping into at most 4096 groups")
	}
	// Centre the columns; group means of the centred data.
	x := mat.NewDense(n, p, nil)
	for j, c := range cols {
		m := 0.0
		for _, v := range c {
			m += v
		}
		m /= float64(n)
		for i, v := range c {
			x.Set(i, j, v-m)
		}
	}
	gm := mat.NewDense(k, p, nil)
	cnt := make([]float64, k)
	for i := 0; i < n; i++ {
		cnt[gid[i]]++
		for j := 0; j < p; j++ {
			gm.Set(gid[i], j, gm.At(gid[i], j)+x.At(i, j))
		}
	}
	for g := 0; g < k; g++ {
		for j := 0; j < p; j++ {
			gm.Set(g, j, gm.At(g, j)/cnt[g])
		}
	}
	dev := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			dev.Set(i, j, x.At(i, j)-gm.At(gid[i], j))
		}
	}
	var t, w, b mat.Dense
	t.Mul(x.T(), x)
	w.Mul(dev.T(), dev)
	b.Sub(&t, &w)
	dfT, dfB, dfW := n-1, k-1, n-k

	// inv(W)*B through the Cholesky factor of W: the symmetric problem
	// L^-1 B L^-T y = e y, v = L^-T y.
	sym := func(m *mat.Dense) *mat.SymDense {
		s := mat.NewSymDense(p, nil)
		for i := 0; i < p; i++ {
			for j := i; j < p; j++ {
				s.SetSym(i, j, (m.At(i, j)+m.At(j, i))/2)
			}
		}
		return s
	}
	var chol mat.Cholesky
	if !chol.Factorize(sym(&w)) {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	var l mat.TriDense
	chol.LTo(&l)
	var linvB, c mat.Dense
	if err := linvB.Solve(&l, &b); err != nil {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	var cT mat.Dense
	if err := cT.Solve(&l, linvB.T()); err != nil {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	c.CloneFrom(cT.T())
	var es mat.EigenSym
	if !es.Factorize(sym(&c), true) {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	ev := es.Values(nil)
	var y, v mat.Dense
	es.VectorsTo(&y)
	if err := v.Solve(l.T(), &y); err != nil {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	idx := make([]int, p)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case ev[a] > ev[b]:
			return -1
		case ev[a] < ev[b]:
			return 1
		}
		return 0
	})
	vals := make([]float64, p)
	vec := mat.NewDense(p, p, nil)
	for r, q := range idx {
		vals[r] = ev[q]
		// Scale so that the canonical variable's within-group variance
		// is 1, the largest component positive.
		var wv mat.VecDense
		col := mat.VecDenseCopyOf(v.ColView(q))
		wv.MulVec(&w, col)
		s := math.Sqrt(mat.Dot(col, &wv) / float64(dfW))
		big := 0.0
		for i := 0; i < p; i++ {
			if math.Abs(col.AtVec(i)) > math.Abs(big) {
				big = col.AtVec(i)
			}
		}
		if big < 0 {
			s = -s
		}
		for i := 0; i < p; i++ {
			vec.Set(i, r, col.AtVec(i)/s)
		}
	}
	var canon mat.Dense
	canon.Mul(x, vec)

	dims := min(p, k-1)
	lambda := make([]float64, dims)
	chisq := make([]float64, dims)
	chidf := make([]float64, dims)
	pv := make([]float64, dims)
	for j := 0; j < dims; j++ {
		lam := 1.0
		for _, e := range vals[j:] {
			lam /= 1 + e
		}
		lambda[j] = lam
		chisq[j] = -(float64(n) - 1 - float64(p+k)/2) * math.Log(lam)
		chidf[j] = float64((p - j) * (k - 1 - j))
		pv[j] = distuv.ChiSquared{K: chidf[j]}.Survival(chisq[j])
	}

	// Mahalanobis distances with S = W/dfW.
	var sInv mat.Dense
	if err := sInv.Inverse(&w); err != nil {
		return nil, funcs.BadArg(fn, "X", "a matrix whose within-group sums of squares are positive definite")
	}
	sInv.Scale(float64(dfW), &sInv)
	maha := func(d []float64) float64 {
		var s float64
		for a := 0; a < p; a++ {
			for b := 0; b < p; b++ {
				s += d[a] * sInv.At(a, b) * d[b]
			}
		}
		return s
	}
	mdist := make([]float64, n)
	d := make([]float64, p)
	for i := 0; i < n; i++ {
		mat.Row(d, i, dev)
		mdist[i] = maha(d)
	}
	gmd := mat.NewDense(k, k, nil)
	for a := 0; a < k; a++ {
		for b2 := a + 1; b2 < k; b2++ {
			for j := 0; j < p; j++ {
				d[j] = gm.At(a, j) - gm.At(b2, j)
			}
			m := maha(d)
			gmd.Set(a, b2, m)
			gmd.Set(b2, a, m)
		}
	}
	return result(
		entry{"W", matrixOf(&w)},
		entry{"B", matrixOf(&b)},
		entry{"T", matrixOf(&t)},
		entry{"dfW", value.NewInt(int32(dfW))},
		entry{"dfB", value.NewInt(int32(dfB))},
		entry{"dfT", value.NewInt(int32(dfT))},
		entry{"lambda", value.NewDoubles(lambda)},
		entry{"chisq", value.NewDoubles(chisq)},
		entry{"chisqdf", value.NewDoubles(chidf)},
		entry{"P", value.NewDoubles(funcs.NullNaN(pv))},
		entry{"eigenval", value.NewDoubles(vals)},
		entry{"eigenvec", matrixOf(vec)},
		entry{"canon", matrixOf(&canon)},
		entry{"mdist", value.NewDoubles(mdist)},
		entry{"gmdist", matrixOf(gmd)},
		entry{"gnames", gv.Gather(first)},
	), nil
}

// matrixOf is a DOUBLE matrix of m, column-major.
func matrixOf(m mat.Matrix) *value.Matrix {
	r, c := m.Dims()
	data := make([]float64, 0, r*c)
	for j := 0; j < c; j++ {
		for i := 0; i < r; i++ {
			data = append(data, m.At(i, j))
		}
	}
	return &value.Matrix{V: value.NewDoubles(data), Rows: r, Cols: c}
}
