package mathfn

import (
	"context"
	"math"
)

// bdsqr is LAPACK's dbdsqr on the upper bidiagonal (d, e): implicit
// zero-shift and shifted QR sweeps chasing the bulge from the larger end,
// 2x2 blocks by dlasv2, then positive singular values sorted down. The
// rotations update the rows of vt and the columns of u, so the singular
// vectors keep LAPACK's signs. Each sweep is O(n) rotations of rows of
// length n, so it looks at ctx once a sweep and stops with its error.
func bdsqr(ctx context.Context, d, e []float64, vt, u [][]float64) error {
	n := len(d)
	const eps = 0x1p-53
	const unfl = 0x1p-1022
	const maxitr = 6
	tol := math.Max(10, math.Min(100, math.Pow(eps, -0.125))) * eps
	smax := 0.0
	for i := 0; i < n; i++ {
		smax = math.Max(smax, math.Abs(d[i]))
	}
	for i := 0; i < n-1; i++ {
		smax = math.Max(smax, math.Abs(e[i]))
	}
	sminoa := 0.0
	if n > 0 {
		sminoa = math.Abs(d[0])
		mu := sminoa
		for i := 1; i < n && sminoa != 0; i++ {
			mu = math.Abs(d[i]) * (mu / (mu + math.Abs(e[i-1])))
			sminoa = math.Min(sminoa, mu)
		}
		sminoa /= math.Sqrt(float64(n))
	}
	thresh := math.Max(tol*sminoa, maxitr*float64(n)*float64(n)*unfl)
	// Rotation sequences applied by rotRows/rotColsSeq.
	cr, sr := make([]float64, n), make([]float64, n)
	cl, sl := make([]float64, n), make([]float64, n)
	iter, maxit := 0, maxitr*n*n
	oldll, oldm := -1, -1
	idir := 0
	m := n - 1 // last index of the unconverged part
	for m > 0 && iter <= maxit {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Find the diagonal block to work on: e[ll..m-1] nonzero.
		ll := -1
		smax = math.Abs(d[m])
		for l := m - 1; l >= 0; l-- {
			if math.Abs(e[l]) <= thresh {
				e[l] = 0
				ll = l
				break
			}
			smax = math.Max(smax, math.Max(math.Abs(d[l]), math.Abs(e[l])))
		}
		if ll == m-1 {
			m--
			continue
		}
		ll++
		if ll == m-1 {
			sigmn, sigmx, sinr, cosr, sinl, cosl := lasv2(d[m-1], e[m-1], d[m])
			d[m-1], e[m-1], d[m] = sigmx, 0, sigmn
			rotRowPair(vt, m-1, m, cosr, sinr)
			rotCols(u, m-1, m, cosl, sinl)
			m -= 2
			continue
		}
		if ll > oldm || m < oldll {
			if math.Abs(d[ll]) >= math.Abs(d[m]) {
				idir = 1
			} else {
				idir = 2
			}
		}
		var sminl float64
		converged := false
		if idir == 1 {
			if math.Abs(e[m-1]) <= tol*math.Abs(d[m]) {
				e[m-1] = 0
				continue
			}
			mu := math.Abs(d[ll])
			sminl = mu
			for l := ll; l < m; l++ {
				if math.Abs(e[l]) <= tol*mu {
					e[l] = 0
					converged = true
					break
				}
				mu = math.Abs(d[l+1]) * (mu / (mu + math.Abs(e[l])))
				sminl = math.Min(sminl, mu)
			}
		} else {
			if math.Abs(e[ll]) <= tol*math.Abs(d[ll]) {
				e[ll] = 0
				continue
			}
			mu := math.Abs(d[m])
			sminl = mu
			for l := m - 1; l >= ll; l-- {
				if math.Abs(e[l]) <= tol*mu {
					e[l] = 0
					converged = true
					break
				}
				mu = math.Abs(d[l]) * (mu / (mu + math.Abs(e[l])))
				sminl = math.Min(sminl, mu)
			}
		}
		if converged {
			continue
		}
		oldll, oldm = ll, m
		shift := 0.0
		if float64(n)*tol*(sminl/smax) > math.Max(eps, 0.01*tol) {
			var sll float64
			if idir == 1 {
				sll = math.Abs(d[ll])
				shift = las2(d[m-1], e[m-1], d[m])
			} else {
				sll = math.Abs(d[m])
				shift = las2(d[ll], e[ll], d[ll+1])
			}
			if sll > 0 && (shift/sll)*(shift/sll) < eps {
				shift = 0
			}
		}
		iter += m - ll
		k := m - ll // rotations in the sweep
		switch {
		case shift == 0 && idir == 1:
			cs, oldcs := 1.0, 1.0
			var sn, oldsn, r float64
			for i := ll; i < m; i++ {
				cs, sn, r = lartgr(d[i]*cs, e[i])
				if i > ll {
					e[i-1] = oldsn * r
				}
				oldcs, oldsn, d[i] = lartgr(oldcs*r, d[i+1]*sn)
				cr[i-ll], sr[i-ll], cl[i-ll], sl[i-ll] = cs, sn, oldcs, oldsn
			}
			h := d[m] * cs
			d[m], e[m-1] = h*oldcs, h*oldsn
			lasrRows(vt, ll, k, cr, sr, true)
			lasrCols(u, ll, k, cl, sl, true)
			if math.Abs(e[m-1]) <= thresh {
				e[m-1] = 0
			}
		case shift == 0:
			cs, oldcs := 1.0, 1.0
			var sn, oldsn, r float64
			for i := m; i > ll; i-- {
				cs, sn, r = lartgr(d[i]*cs, e[i-1])
				if i < m {
					e[i] = oldsn * r
				}
				oldcs, oldsn, d[i] = lartgr(oldcs*r, d[i-1]*sn)
				cr[i-ll-1], sr[i-ll-1], cl[i-ll-1], sl[i-ll-1] = cs, -sn, oldcs, -oldsn
			}
			h := d[ll] * cs
			d[ll], e[ll] = h*oldcs, h*oldsn
			lasrRows(vt, ll, k, cl, sl, false)
			lasrCols(u, ll, k, cr, sr, false)
			if math.Abs(e[ll]) <= thresh {
				e[ll] = 0
			}
		case idir == 1:
			f := (math.Abs(d[ll]) - shift) * (math.Copysign(1, d[ll]) + shift/d[ll])
			g := e[ll]
			for i := ll; i < m; i++ {
				cosr, sinr, r := lartgr(f, g)
				if i > ll {
					e[i-1] = r
				}
				f = cosr*d[i] + sinr*e[i]
				e[i] = cosr*e[i] - sinr*d[i]
				g = sinr * d[i+1]
				d[i+1] = cosr * d[i+1]
				cosl, sinl, r := lartgr(f, g)
				d[i] = r
				f = cosl*e[i] + sinl*d[i+1]
				d[i+1] = cosl*d[i+1] - sinl*e[i]
				if i < m-1 {
					g = sinl * e[i+1]
					e[i+1] = cosl * e[i+1]
				}
				cr[i-ll], sr[i-ll], cl[i-ll], sl[i-ll] = cosr, sinr, cosl, sinl
			}
			e[m-1] = f
			lasrRows(vt, ll, k, cr, sr, true)
			lasrCols(u, ll, k, cl, sl, true)
			if math.Abs(e[m-1]) <= thresh {
				e[m-1] = 0
			}
		default:
			f := (math.Abs(d[m]) - shift) * (math.Copysign(1, d[m]) + shift/d[m])
			g := e[m-1]
			for i := m; i > ll; i-- {
				cosr, sinr, r := lartgr(f, g)
				if i < m {
					e[i] = r
				}
				f = cosr*d[i] + sinr*e[i-1]
				e[i-1] = cosr*e[i-1] - sinr*d[i]
				g = sinr * d[i-1]
				d[i-1] = cosr * d[i-1]
				cosl, sinl, r := lartgr(f, g)
				d[i] = r
				f = cosl*e[i-1] + sinl*d[i-1]
				d[i-1] = cosl*d[i-1] - sinl*e[i-1]
				if i > ll+1 {
					g = sinl * e[i-2]
					e[i-2] = cosl * e[i-2]
				}
				cr[i-ll-1], sr[i-ll-1], cl[i-ll-1], sl[i-ll-1] = cosr, -sinr, cosl, -sinl
			}
			e[ll] = f
			if math.Abs(e[ll]) <= thresh {
				e[ll] = 0
			}
			lasrRows(vt, ll, k, cl, sl, false)
			lasrCols(u, ll, k, cr, sr, false)
		}
	}
	for i := 0; i < n; i++ {
		if d[i] < 0 {
			d[i] = -d[i]
			for j := range vt[i] {
				vt[i][j] = -vt[i][j]
			}
		}
	}
	for i := 0; i < n-1; i++ {
		isub, smin := 0, d[0]
		last := n - 1 - i
		for j := 1; j <= last; j++ {
			if d[j] <= smin {
				isub, smin = j, d[j]
			}
		}
		if isub != last {
			d[isub], d[last] = d[last], smin
			vt[isub], vt[last] = vt[last], vt[isub]
			for _, row := range u {
				row[isub], row[last] = row[last], row[isub]
			}
		}
	}
	return nil
}

// rotRowPair applies the rotation (c, s) to rows i and j of a, as drot on
// rows.
func rotRowPair(a [][]float64, i, j int, c, s float64) {
	for k := range a[i] {
		a[i][k], a[j][k] = c*a[i][k]+s*a[j][k], c*a[j][k]-s*a[i][k]
	}
}

// lasrRows is dlasr('L', 'V', forward or backward) on rows off..off+k of
// a: the k plane rotations (c[j], s[j]) between rows off+j and off+j+1.
func lasrRows(a [][]float64, off, k int, c, s []float64, forward bool) {
	for t := 0; t < k; t++ {
		j := t
		if !forward {
			j = k - 1 - t
		}
		r0, r1 := a[off+j], a[off+j+1]
		for i := range r0 {
			tmp := r1[i]
			r1[i] = c[j]*tmp - s[j]*r0[i]
			r0[i] = s[j]*tmp + c[j]*r0[i]
		}
	}
}

// lasrCols is dlasr('R', 'V', ...) on columns off..off+k of the rows a.
func lasrCols(a [][]float64, off, k int, c, s []float64, forward bool) {
	for t := 0; t < k; t++ {
		j := t
		if !forward {
			j = k - 1 - t
		}
		for _, row := range a {
			tmp := row[off+j+1]
			row[off+j+1] = c[j]*tmp - s[j]*row[off+j]
			row[off+j] = s[j]*tmp + c[j]*row[off+j]
		}
	}
}

// lartgr is LAPACK's classic dlartg (before 3.10): the rotation (cs,
// sn) and r with [cs sn; -sn cs]*[f; g] = [r; 0], r taking f's sign when
// |f| > |g| and positive otherwise.
func lartgr(f, g float64) (cs, sn, r float64) {
	switch {
	case g == 0:
		return 1, 0, f
	case f == 0:
		return 0, 1, g
	}
	r = math.Hypot(f, g)
	cs, sn = f/r, g/r
	if math.Abs(f) > math.Abs(g) && cs < 0 {
		cs, sn, r = -cs, -sn, -r
	}
	return cs, sn, r
}

// las2 is LAPACK's dlas2: the smaller singular value of [f g; 0 h].
func las2(f, g, h float64) float64 {
	fa, ga, ha := math.Abs(f), math.Abs(g), math.Abs(h)
	fhmn, fhmx := math.Min(fa, ha), math.Max(fa, ha)
	switch {
	case fhmn == 0:
		return 0
	case ga < fhmx:
		as := 1 + fhmn/fhmx
		at := (fhmx - fhmn) / fhmx
		au := (ga / fhmx) * (ga / fhmx)
		return fhmn * (2 / (math.Sqrt(as*as+au) + math.Sqrt(at*at+au)))
	}
	au := fhmx / ga
	if au == 0 {
		return (fhmn * fhmx) / ga
	}
	as := 1 + fhmn/fhmx
	at := (fhmx - fhmn) / fhmx
	c := 1 / (math.Sqrt(1+(as*au)*(as*au)) + math.Sqrt(1+(at*au)*(at*au)))
	return 2 * (fhmn * c) * au
}

// lasv2 is LAPACK's dlasv2: the singular value decomposition of the 2x2
// upper triangular [f g; 0 h] with the signs LAPACK gives it.
func lasv2(f, g, h float64) (ssmin, ssmax, snr, csr, snl, csl float64) {
	const eps = 0x1p-53
	ft, fa, ht, ha := f, math.Abs(f), h, math.Abs(h)
	pmax := 1
	swap := ha > fa
	if swap {
		pmax = 3
		ft, ht = ht, ft
		fa, ha = ha, fa
	}
	gt, ga := g, math.Abs(g)
	var clt, crt, slt, srt float64
	if ga == 0 {
		ssmin, ssmax = ha, fa
		clt, crt, slt, srt = 1, 1, 0, 0
	} else {
		gasmal := true
		if ga > fa {
			pmax = 2
			if fa/ga < eps {
				gasmal = false
				ssmax = ga
				if ha > 1 {
					ssmin = fa / (ga / ha)
				} else {
					ssmin = (fa / ga) * ha
				}
				clt, slt, srt, crt = 1, ht/gt, 1, ft/gt
			}
		}
		if gasmal {
			dd := fa - ha
			l := dd / fa
			if dd == fa {
				l = 1
			}
			m := gt / ft
			t := 2 - l
			mm, tt := m*m, t*t
			s := math.Sqrt(tt + mm)
			r := math.Abs(m)
			if l != 0 {
				r = math.Sqrt(l*l + mm)
			}
			a := 0.5 * (s + r)
			ssmin, ssmax = ha/a, fa*a
			switch {
			case mm == 0 && l == 0:
				t = math.Copysign(2, ft) * math.Copysign(1, gt)
			case mm == 0:
				t = gt/math.Copysign(dd, ft) + m/t
			default:
				t = (m/(s+t) + m/(r+l)) * (1 + a)
			}
			l = math.Sqrt(t*t + 4)
			crt, srt = 2/l, t/l
			clt = (crt + srt*m) / a
			slt = (ht / ft) * srt / a
		}
	}
	if swap {
		csl, snl, csr, snr = srt, crt, slt, clt
	} else {
		csl, snl, csr, snr = clt, slt, crt, srt
	}
	var tsign float64
	switch pmax {
	case 1:
		tsign = math.Copysign(1, csr) * math.Copysign(1, csl) * math.Copysign(1, f)
	case 2:
		tsign = math.Copysign(1, snr) * math.Copysign(1, csl) * math.Copysign(1, g)
	default:
		tsign = math.Copysign(1, snr) * math.Copysign(1, snl) * math.Copysign(1, h)
	}
	ssmax = math.Copysign(ssmax, tsign)
	ssmin = math.Copysign(ssmin, tsign*math.Copysign(1, f)*math.Copysign(1, h))
	return ssmin, ssmax, snr, csr, snl, csl
}
