package mathfn

import (
	"context"
	"math"
)

// realSchur is the real Schur decomposition of a square matrix, A =
// Z*T*Z', reached as LAPACK's dgees/dgeev do: Householder reduction to
// Hessenberg form, then Francis double-shift QR sweeps (the EISPACK
// orthes/hqr2 sequence) with LAPACK's standardised 2x2 blocks.
type realSchur struct {
	n    int
	t, z [][]float64
}

// rowsOf copies a column-major dense matrix into rows.
func rowsOf(d *dense) [][]float64 {
	out := make([][]float64, d.rows)
	for r := range out {
		out[r] = make([]float64, d.cols)
		for c := range out[r] {
			out[r][c] = d.at(r, c)
		}
	}
	return out
}

// denseFromRows is rowsOf's inverse.
func denseFromRows(a [][]float64, rows, cols int) *dense {
	d := &dense{rows: rows, cols: cols, a: make([]float64, rows*cols)}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			d.set(r, c, a[r][c])
		}
	}
	return d
}

// schurOf decomposes a (rows, copied). Sweeps stop after 100 per row
// (non-finite input), leaving T as far as it got. Both stages are cubic
// (seconds for 500x500), so they stop with ctx's error once ctx is
// cancelled, looking at it once per column or sweep.
func schurOf(ctx context.Context, a [][]float64) (*realSchur, error) {
	n := len(a)
	s := &realSchur{n: n, t: make([][]float64, n), z: make([][]float64, n)}
	for i := range a {
		s.t[i] = append([]float64(nil), a[i]...)
		s.z[i] = make([]float64, n)
	}
	if err := s.hessenberg(ctx); err != nil {
		return nil, err
	}
	if err := s.hqr(ctx); err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i-1; j++ {
			s.t[i][j] = 0
		}
	}
	s.standardize()
	return s, nil
}

// hessenberg reduces t to upper Hessenberg form by Householder
// similarity transforms and accumulates them in z.
func (s *realSchur) hessenberg(ctx context.Context) error {
	n, h, v := s.n, s.t, s.z
	ort := make([]float64, n)
	high := n - 1
	for m := 1; m <= high-1; m++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		scale := 0.0
		for i := m; i <= high; i++ {
			scale += math.Abs(h[i][m-1])
		}
		if scale == 0 {
			continue
		}
		hh := 0.0
		for i := high; i >= m; i-- {
			ort[i] = h[i][m-1] / scale
			hh += ort[i] * ort[i]
		}
		g := math.Sqrt(hh)
		if ort[m] > 0 {
			g = -g
		}
		hh -= ort[m] * g
		ort[m] -= g
		// reflect subtracts (u'x/hh) u from x, both over positions m..high.
		reflect := func(x func(k int) *float64) {
			f := 0.0
			for k := high; k >= m; k-- {
				f += ort[k] * *x(k)
			}
			f /= hh
			for k := m; k <= high; k++ {
				*x(k) -= f * ort[k]
			}
		}
		for j := m; j < n; j++ {
			reflect(func(k int) *float64 { return &h[k][j] })
		}
		for i := 0; i <= high; i++ {
			reflect(func(k int) *float64 { return &h[i][k] })
		}
		ort[m] *= scale
		h[m][m-1] = scale * g
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v[i][j] = 0
		}
		v[i][i] = 1
	}
	for m := high - 1; m >= 1; m-- {
		if h[m][m-1] == 0 {
			continue
		}
		for i := m + 1; i <= high; i++ {
			ort[i] = h[i][m-1]
		}
		for j := m; j <= high; j++ {
			g := 0.0
			for i := m; i <= high; i++ {
				g += ort[i] * v[i][j]
			}
			g = (g / ort[m]) / h[m][m-1]
			for i := m; i <= high; i++ {
				v[i][j] += g * ort[i]
			}
		}
	}
	return nil
}

// hqr runs the double-shift QR sweeps on the whole matrix (so t ends in
// real Schur form) accumulating them in z.
func (s *realSchur) hqr(ctx context.Context) error {
	nn, h, v := s.n, s.t, s.z
	n := nn - 1
	const eps = 0x1p-52
	exshift := 0.0
	var p, q, r, z, w, x, y float64
	norm := 0.0
	for i := 0; i < nn; i++ {
		for j := max(i-1, 0); j < nn; j++ {
			norm += math.Abs(h[i][j])
		}
	}
	iter, total := 0, 0
	for n >= 0 {
		l := n
		for l > 0 {
			sc := math.Abs(h[l-1][l-1]) + math.Abs(h[l][l])
			if sc == 0 {
				sc = norm
			}
			if math.Abs(h[l][l-1]) < eps*sc {
				break
			}
			l--
		}
		if l > 0 {
			h[l][l-1] = 0
		}
		switch {
		case l == n:
			h[n][n] += exshift
			n--
			iter = 0
		case l == n-1:
			// A 2x2 block: standardize splits it (real pair) or puts it in
			// standard form (complex pair), as dlanv2 does in dlahqr.
			h[n][n] += exshift
			h[n-1][n-1] += exshift
			n -= 2
			iter = 0
		default:
			x = h[n][n]
			y, w = 0, 0
			if l < n {
				y = h[n-1][n-1]
				w = h[n][n-1] * h[n-1][n]
			}
			if iter == 10 {
				exshift += x
				for i := 0; i <= n; i++ {
					h[i][i] -= x
				}
				sc := math.Abs(h[n][n-1]) + math.Abs(h[n-1][n-2])
				x, y = 0.75*sc, 0.75*sc
				w = -0.4375 * sc * sc
			}
			if iter == 30 {
				sc := (y - x) / 2
				sc = sc*sc + w
				if sc > 0 {
					sc = math.Sqrt(sc)
					if y < x {
						sc = -sc
					}
					sc = x - w/((y-x)/2+sc)
					for i := 0; i <= n; i++ {
						h[i][i] -= sc
					}
					exshift += sc
					x, y, w = 0.964, 0.964, 0.964
				}
			}
			iter++
			total++
			if total > 100*nn {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			m := n - 2
			for m >= l {
				z = h[m][m]
				r = x - z
				sc := y - z
				p = (r*sc-w)/h[m+1][m] + h[m][m+1]
				q = h[m+1][m+1] - z - r - sc
				r = h[m+2][m+1]
				sc = math.Abs(p) + math.Abs(q) + math.Abs(r)
				p, q, r = p/sc, q/sc, r/sc
				if m == l {
					break
				}
				if math.Abs(h[m][m-1])*(math.Abs(q)+math.Abs(r)) <
					eps*(math.Abs(p)*(math.Abs(h[m-1][m-1])+math.Abs(z)+math.Abs(h[m+1][m+1]))) {
					break
				}
				m--
			}
			for i := m + 2; i <= n; i++ {
				h[i][i-2] = 0
				if i > m+2 {
					h[i][i-3] = 0
				}
			}
			for k := m; k <= n-1; k++ {
				notlast := k != n-1
				if k != m {
					p = h[k][k-1]
					q = h[k+1][k-1]
					r = 0
					if notlast {
						r = h[k+2][k-1]
					}
					x = math.Abs(p) + math.Abs(q) + math.Abs(r)
					if x == 0 {
						continue
					}
					p, q, r = p/x, q/x, r/x
				}
				sc := math.Sqrt(p*p + q*q + r*r)
				if p < 0 {
					sc = -sc
				}
				if sc == 0 {
					continue
				}
				if k != m {
					h[k][k-1] = -sc * x
				} else if l != m {
					h[k][k-1] = -h[k][k-1]
				}
				p += sc
				x, y, z = p/sc, q/sc, r/sc
				q, r = q/p, r/p
				for j := k; j < nn; j++ {
					p = h[k][j] + q*h[k+1][j]
					if notlast {
						p += r * h[k+2][j]
						h[k+2][j] -= p * z
					}
					h[k][j] -= p * x
					h[k+1][j] -= p * y
				}
				// Columns k..k+2 of the rows of h above the bulge and of v.
				cols := func(rows [][]float64) {
					for _, row := range rows {
						p = x*row[k] + y*row[k+1]
						if notlast {
							p += z * row[k+2]
							row[k+2] -= p * r
						}
						row[k] -= p
						row[k+1] -= p * q
					}
				}
				cols(h[:min(n, k+3)+1])
				cols(v)
			}
		}
	}
	return nil
}

// standardize splits each 2x2 block of a real pair and puts each of a
// complex pair in LAPACK's standard form (equal diagonal entries,
// off-diagonal entries of opposite signs), as dlahqr leaves them.
func (s *realSchur) standardize() {
	n, t := s.n, s.t
	for k := 0; k+1 < n; k++ {
		if t[k+1][k] != 0 {
			s.standardizeAt(k)
			k++
		}
	}
}

// lanv2 is LAPACK's dlanv2: the Schur factorisation of a real 2x2
// nonsymmetric matrix [a b; c d] in standardised form, returning the
// rotation (cs, sn).
func lanv2(a, b, c, d *float64) (cs, sn float64) {
	const eps = 0x1p-53
	const multpl = 4.0
	switch {
	case *c == 0:
		return 1, 0
	case *b == 0:
		*a, *d = *d, *a
		*b, *c = -*c, 0
		return 0, 1
	case *a-*d == 0 && math.Signbit(*b) != math.Signbit(*c):
		return 1, 0
	}
	temp := *a - *d
	p := 0.5 * temp
	bcmax := math.Max(math.Abs(*b), math.Abs(*c))
	bcmis := math.Min(math.Abs(*b), math.Abs(*c)) * math.Copysign(1, *b) * math.Copysign(1, *c)
	scale := math.Max(math.Abs(p), bcmax)
	z := (p/scale)*p + (bcmax/scale)*bcmis
	if z >= multpl*eps {
		// Real eigenvalues.
		z = p + math.Copysign(math.Sqrt(scale)*math.Sqrt(z), p)
		*a = *d + z
		*d -= (bcmax / z) * bcmis
		tau := math.Hypot(*c, z)
		cs, sn = z/tau, *c/tau
		*b -= *c
		*c = 0
		return cs, sn
	}
	// Complex eigenvalues, or real (almost) equal ones: make the
	// diagonal equal.
	sigma := *b + *c
	tau := math.Hypot(sigma, temp)
	cs = math.Sqrt(0.5 * (1 + math.Abs(sigma)/tau))
	sn = -(p / (tau * cs)) * math.Copysign(1, sigma)
	aa := *a*cs + *b*sn
	bb := -*a*sn + *b*cs
	cc := *c*cs + *d*sn
	dd := -*c*sn + *d*cs
	*a = aa*cs + cc*sn
	*b = bb*cs + dd*sn
	*c = -aa*sn + cc*cs
	*d = -bb*sn + dd*cs
	temp = 0.5 * (*a + *d)
	*a, *d = temp, temp
	if *c != 0 {
		if *b != 0 {
			if math.Signbit(*b) == math.Signbit(*c) {
				// Real eigenvalues after all.
				sab := math.Sqrt(math.Abs(*b))
				sac := math.Sqrt(math.Abs(*c))
				p = math.Copysign(sab*sac, *c)
				tau = 1 / math.Sqrt(math.Abs(*b+*c))
				*a = temp + p
				*d = temp - p
				*b -= *c
				*c = 0
				cs1 := sab * tau
				sn1 := sac * tau
				cs, sn = cs*cs1-sn*sn1, cs*sn1+sn*cs1
			}
		} else {
			*b, *c = -*c, 0
			cs, sn = -sn, cs
		}
	}
	return cs, sn
}
