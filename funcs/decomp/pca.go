package decomp

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// pca is the principal component analysis of the columns colNames of the
// rows the data sources give (funcs/p/pca.md): the columns centred (and
// scaled by their standard deviation with normalize), the eigenvectors of
// their scatter matrix by decreasing eigenvalue. components holds one
// component per row, singularValues the square roots of the eigenvalues
// and explainedVarianceRatio each eigenvalue's share of their sum. Every
// solver is answered exactly (randomized approximates these), so maxIter
// and randomState are only checked.
func pca(env funcs.Env, args []value.Value) (value.Value, error) {
	cols, err := dsColumns(env, args[0], funcs.GivenArg(args, 1))
	if err != nil {
		return nil, err
	}
	p := len(cols)
	k := int64(p)
	if x := funcs.GivenArg(args, 2); x != nil {
		if k, err = funcs.IntArg("pca", "k", x, 0); err != nil || k <= 0 || k > int64(p) {
			return nil, ddberr.Errorf("k of pca must be a positive integer no greater than the number of columns.")
		}
	}
	normalize, err := funcs.BoolArg("pca", "normalize", funcs.GivenArg(args, 3), false)
	if err != nil {
		return nil, err
	}
	if x := funcs.GivenArg(args, 4); x != nil {
		if n, err := funcs.IntArg("pca", "maxIter", x, 0); err != nil || n <= 0 {
			return nil, ddberr.Errorf("maxIter of pca must be a positive integer.")
		}
	}
	if x := funcs.GivenArg(args, 5); x != nil {
		if s, ok := funcs.StringArg(x); !ok || s != "full" && s != "randomized" && s != "auto" {
			return nil, ddberr.Errorf("svdSolver of pca must be 'full', 'randomized' or 'auto'.")
		}
	}
	if x := funcs.GivenArg(args, 6); x != nil {
		if _, err := funcs.IntArg("pca", "randomState", x, 0); err != nil {
			return nil, err
		}
	}
	n := len(cols[0])
	if n < 2 {
		return nil, ddberr.Errorf("The data of pca must have at least 2 rows.")
	}
	for _, c := range cols {
		system.CentreScale(c, true, normalize)
	}
	scatter := make([]float64, p*p)
	for a := 0; a < p; a++ {
		for b := 0; b <= a; b++ {
			s := 0.0
			for i, x := range cols[a] {
				s += x * cols[b][i]
			}
			scatter[a*p+b], scatter[b*p+a] = s, s
		}
	}
	vals, vecs := symmetricEigen(scatter, p)
	total := 0.0
	for _, v := range vals {
		total += max(v, 0)
	}
	kk := int(k)
	comps := make([]float64, kk*p) // column-major k×p: component i is row i
	sv, ratio := make([]float64, kk), make([]float64, kk)
	for i := 0; i < kk; i++ {
		v := vecs[i]
		orient(v)
		for j, x := range v {
			comps[j*kk+i] = x
		}
		sv[i] = math.Sqrt(max(vals[i], 0))
		ratio[i] = max(vals[i], 0) / total
	}
	keys := []string{"components", "explainedVarianceRatio", "singularValues"}
	return funcs.StringDict(keys, []value.Value{
		&value.Matrix{V: value.NewDoubles(comps), Rows: kk, Cols: p}, value.NewDoubles(funcs.Finite(ratio)), value.NewDoubles(sv)}), nil
}

// orient gives a component the sign the manual's example shows: its
// largest entry (in magnitude) negative. An eigenvector's sign is
// arbitrary; this makes ours reproducible.
func orient(v []float64) {
	big := 0
	for j, x := range v {
		if math.Abs(x) > math.Abs(v[big]) {
			big = j
		}
	}
	if v[big] > 0 {
		for j := range v {
			v[j] = -v[j]
		}
	}
}

// symmetricEigen is the eigen decomposition of a symmetric p×p matrix
// (row-major) by cyclic Jacobi rotations: the eigenvalues in decreasing
// order and their unit eigenvectors.
func symmetricEigen(a []float64, p int) ([]float64, [][]float64) {
	a = append([]float64(nil), a...)
	v := make([]float64, p*p)
	for i := 0; i < p; i++ {
		v[i*p+i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for i := 0; i < p; i++ {
			for j := i + 1; j < p; j++ {
				off += a[i*p+j] * a[i*p+j]
			}
		}
		if off < 1e-30 {
			break
		}
		for i := 0; i < p; i++ {
			for j := i + 1; j < p; j++ {
				if a[i*p+j] == 0 {
					continue
				}
				theta := (a[j*p+j] - a[i*p+i]) / (2 * a[i*p+j])
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for r := 0; r < p; r++ { // columns i and j
					ai, aj := a[r*p+i], a[r*p+j]
					a[r*p+i], a[r*p+j] = c*ai-s*aj, s*ai+c*aj
				}
				for r := 0; r < p; r++ { // rows i and j
					ai, aj := a[i*p+r], a[j*p+r]
					a[i*p+r], a[j*p+r] = c*ai-s*aj, s*ai+c*aj
				}
				for r := 0; r < p; r++ {
					vi, vj := v[r*p+i], v[r*p+j]
					v[r*p+i], v[r*p+j] = c*vi-s*vj, s*vi+c*vj
				}
			}
		}
	}
	order := make([]int, p)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return a[order[x]*p+order[x]] > a[order[y]*p+order[y]] })
	vals := make([]float64, p)
	vecs := make([][]float64, p)
	for k, i := range order {
		vals[k] = a[i*p+i]
		vecs[k] = make([]float64, p)
		for r := 0; r < p; r++ {
			vecs[k][r] = v[r*p+i]
		}
	}
	return vals, vecs
}

// dsColumns reads the columns colNames (all when absent) of the rows
// of a data source or a tuple of them.
func dsColumns(env funcs.Env, ds, colNames value.Value) ([][]float64, error) {
	var names []string
	if colNames != nil {
		var ok bool
		if names, ok = funcs.NamesArg(colNames); !ok || len(names) == 0 {
			return nil, ddberr.Errorf("colNames of pca must be a STRING scalar or vector.")
		}
	}
	cols, err := system.SourceColumns(env, "pca", ds, names, ddberr.Errorf("ds of pca must be a data source or a tuple of data sources."))
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		for _, x := range c {
			if funcs.IsNullF(x) {
				return nil, ddberr.Errorf("The data of pca must not contain NULL values.")
			}
		}
	}
	return cols, nil
}
