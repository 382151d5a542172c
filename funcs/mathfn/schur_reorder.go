package mathfn

import "math"

// reorder moves the eigenvalues that pass sel to the top of t, keeping
// their order, and returns how many there are: LAPACK's dtrsen ordering,
// moving each block up by swaps of adjacent blocks as dtrexc and dlaexc
// do, so T and Z come out as dgees (scipy.linalg.schur) gives them.
func (s *realSchur) reorder(sel func(re, im float64) bool) int {
	n, t := s.n, s.t
	ks, count := 0, 0
	for k := 0; k < n; {
		size := 1
		if k+1 < n && t[k+1][k] != 0 {
			size = 2
		}
		re, im := t[k][k], 0.0
		if size == 2 {
			im = math.Sqrt(math.Abs(t[k][k+1])) * math.Sqrt(math.Abs(t[k+1][k]))
		}
		if sel(re, im) {
			for here := k; here > ks; {
				next := 1
				if here >= 2 && t[here-1][here-2] != 0 {
					next = 2
				}
				s.swap(here-next, next, size)
				here -= next
			}
			ks += size
			count += size
		}
		k += size
	}
	return count
}

// swap exchanges the adjacent diagonal blocks of sizes n1 (at j1) and n2
// (after it), as dlaexc does, and restandardizes the 2x2 blocks.
func (s *realSchur) swap(j1, n1, n2 int) {
	t, z, n := s.t, s.z, s.n
	if n1 == 1 && n2 == 1 {
		j2 := j1 + 1
		t11, t22 := t[j1][j1], t[j2][j2]
		cs, sn, _ := lartgr(t[j1][j2], t22-t11)
		for c := j2 + 1; c < n; c++ {
			t[j1][c], t[j2][c] = cs*t[j1][c]+sn*t[j2][c], cs*t[j2][c]-sn*t[j1][c]
		}
		rotCols(t[:j1], j1, j2, cs, sn)
		t[j1][j1], t[j2][j2] = t22, t11
		rotCols(z, j1, j2, cs, sn)
		return
	}
	nd := n1 + n2
	x := sylvester(t, j1, n1, n2)
	switch {
	case n1 == 1: // n2 == 2
		v, tau := householder([]float64{1, x[0][0], x[0][1]}, 2)
		t11 := t[j1][j1]
		reflectCols(t[:j1+3], j1, v, tau)
		reflectRows(t, j1, j1, v, tau)
		t[j1+2][j1], t[j1+2][j1+1], t[j1+2][j1+2] = 0, 0, t11
		reflectCols(z, j1, v, tau)
	case n2 == 1: // n1 == 2
		v, tau := householder([]float64{-x[0][0], -x[1][0], 1}, 0)
		t33 := t[j1+2][j1+2]
		reflectRows(t, j1, j1, v, tau)
		reflectCols(t[:j1+3], j1, v, tau)
		t[j1+1][j1], t[j1+2][j1], t[j1][j1] = 0, 0, t33
		reflectCols(z, j1, v, tau)
	default:
		v1, tau1 := householder([]float64{-x[0][0], -x[1][0], 1}, 0)
		temp := -tau1 * (x[0][1] + v1[1]*x[1][1])
		v2, tau2 := householder([]float64{-temp*v1[1] - x[1][1], -temp * v1[2], 1}, 0)
		reflectRows(t, j1, j1, v1, tau1)
		reflectCols(t[:j1+4], j1, v1, tau1)
		reflectRows(t, j1+1, j1, v2, tau2)
		reflectCols(t[:j1+4], j1+1, v2, tau2)
		t[j1+2][j1], t[j1+2][j1+1], t[j1+3][j1], t[j1+3][j1+1] = 0, 0, 0, 0
		reflectCols(z, j1, v1, tau1)
		reflectCols(z, j1+1, v2, tau2)
	}
	if n2 == 2 {
		s.standardizeAt(j1)
	}
	if n1 == 2 && j1+nd-1 < n {
		s.standardizeAt(j1 + n2)
	}
}

// standardizeAt puts the 2x2 block at k in dlanv2's standard form.
func (s *realSchur) standardizeAt(k int) {
	t, n := s.t, s.n
	a, b, c, d := t[k][k], t[k][k+1], t[k+1][k], t[k+1][k+1]
	cs, sn := lanv2(&a, &b, &c, &d)
	t[k][k], t[k][k+1], t[k+1][k], t[k+1][k+1] = a, b, c, d
	for j := k + 2; j < n; j++ {
		t[k][j], t[k+1][j] = cs*t[k][j]+sn*t[k+1][j], cs*t[k+1][j]-sn*t[k][j]
	}
	rotCols(t[:k], k, k+1, cs, sn)
	rotCols(s.z, k, k+1, cs, sn)
}

// rotCols applies the plane rotation (cs, sn) to columns i and j of the
// rows a, as BLAS drot does.
func rotCols(a [][]float64, i, j int, cs, sn float64) {
	for _, row := range a {
		row[i], row[j] = cs*row[i]+sn*row[j], cs*row[j]-sn*row[i]
	}
}

// householder is LAPACK's dlarfg on the 3-vector u with its pivot at
// position p: the reflector I - tau*v*v' (v[p] = 1) that maps u to a
// multiple of the p-th unit vector.
func householder(u []float64, p int) ([]float64, float64) {
	alpha := u[p]
	xnorm := 0.0
	for i, x := range u {
		if i != p {
			xnorm = math.Hypot(xnorm, x)
		}
	}
	v := append([]float64(nil), u...)
	if xnorm == 0 {
		v[p] = 1
		return v, 0
	}
	beta := -math.Copysign(math.Hypot(alpha, xnorm), alpha)
	tau := (beta - alpha) / beta
	for i := range v {
		if i != p {
			v[i] /= alpha - beta
		}
	}
	v[p] = 1
	return v, tau
}

// reflectRows applies H = I - tau*v*v' from the left to rows r0..r0+2 of
// a, columns c0 onwards.
func reflectRows(a [][]float64, r0, c0 int, v []float64, tau float64) {
	for c := c0; c < len(a[0]); c++ {
		sum := v[0]*a[r0][c] + v[1]*a[r0+1][c] + v[2]*a[r0+2][c]
		for k := 0; k < 3; k++ {
			a[r0+k][c] -= tau * sum * v[k]
		}
	}
}

// reflectCols applies H from the right to columns c0..c0+2 of the rows a.
func reflectCols(a [][]float64, c0 int, v []float64, tau float64) {
	for _, row := range a {
		sum := row[c0]*v[0] + row[c0+1]*v[1] + row[c0+2]*v[2]
		for k := 0; k < 3; k++ {
			row[c0+k] -= tau * sum * v[k]
		}
	}
}

// sylvester solves T11*X - X*T22 = T12 for the n1 x n2 X, where T11 and
// T22 are the adjacent diagonal blocks at j1 (dlasy2 with scale 1), by
// Gaussian elimination with partial pivoting on the vectorised system.
func sylvester(t [][]float64, j1, n1, n2 int) [][]float64 {
	m := n1 * n2
	a := make([][]float64, m)
	b := make([]float64, m)
	idx := func(i, j int) int { return i*n2 + j }
	for i := 0; i < n1; i++ {
		for j := 0; j < n2; j++ {
			row := make([]float64, m)
			for k := 0; k < n1; k++ {
				row[idx(k, j)] += t[j1+i][j1+k]
			}
			for k := 0; k < n2; k++ {
				row[idx(i, k)] -= t[j1+n1+k][j1+n1+j]
			}
			a[idx(i, j)] = row
			b[idx(i, j)] = t[j1+i][j1+n1+j]
		}
	}
	for c := 0; c < m; c++ {
		p := c
		for r := c + 1; r < m; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		if a[c][c] == 0 {
			a[c][c] = 0x1p-52
		}
		for r := c + 1; r < m; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < m; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	sol := make([]float64, m)
	for r := m - 1; r >= 0; r-- {
		sum := b[r]
		for k := r + 1; k < m; k++ {
			sum -= a[r][k] * sol[k]
		}
		sol[r] = sum / a[r][r]
	}
	x := make([][]float64, n1)
	for i := range x {
		x[i] = sol[i*n2 : (i+1)*n2]
	}
	return x
}
