package linprog

import (
	"context"
	"math"
)

// The dense two-phase simplex of linprog: minimise c'y subject to M y =
// d, y >= 0. Phase 1 minimises the sum of one artificial variable per
// row; phase 2 the objective. Entering columns follow Dantzig's rule
// (the most negative reduced cost) and switch to Bland's rule (the
// first) after a run of degenerate pivots, so the method cannot cycle.

type lpStatus int

const (
	lpOptimal lpStatus = iota
	lpInfeasible
	lpUnbounded
	lpIterLimit
	lpCancelled
)

const lpTol = 1e-9

// tableau is the simplex tableau: rows m constraint rows then the cost
// row, each of width cols+1 (the last entry the right-hand side).
type tableau struct {
	ctx   context.Context
	t     [][]float64
	basis []int
	cols  int
}

func (tb *tableau) pivot(r, c int) {
	pr := tb.t[r]
	p := pr[c]
	for j := range pr {
		pr[j] /= p
	}
	for i, row := range tb.t {
		if i == r || row[c] == 0 {
			continue
		}
		f := row[c]
		for j := range row {
			row[j] -= f * pr[j]
		}
		row[c] = 0
	}
	tb.basis[r] = c
}

// run pivots until no usable column (one < limit) has a negative reduced
// cost in the last row.
func (tb *tableau) run(limit int) lpStatus {
	m := len(tb.t) - 1
	cost := tb.t[m]
	degenerate := 0
	maxIter := 50*(m+tb.cols) + 1000
	for it := range maxIter {
		if it%64 == 63 && tb.ctx != nil && tb.ctx.Err() != nil {
			return lpCancelled
		}
		enter := -1
		best := -lpTol
		for j := range limit {
			if cost[j] < best {
				enter = j
				if degenerate > 50 {
					break
				}
				best = cost[j]
			}
		}
		if enter < 0 {
			return lpOptimal
		}
		leave := -1
		ratio := math.Inf(1)
		for i := range m {
			a := tb.t[i][enter]
			if a > lpTol {
				r := tb.t[i][tb.cols] / a
				if r < ratio-lpTol || r <= ratio+lpTol && leave >= 0 && tb.basis[i] < tb.basis[leave] {
					ratio, leave = r, i
				}
			}
		}
		if leave < 0 {
			return lpUnbounded
		}
		if ratio <= lpTol {
			degenerate++
		} else {
			degenerate = 0
		}
		tb.pivot(leave, enter)
	}
	return lpIterLimit
}

// simplexStd solves min c'y, M y = d, y >= 0 (M row-major, m rows of
// len(c) columns).
func simplexStd(ctx context.Context, c []float64, M [][]float64, d []float64) ([]float64, lpStatus) {
	m, n := len(M), len(c)
	cols := n + m
	tb := &tableau{ctx: ctx, t: make([][]float64, m+1), basis: make([]int, m), cols: cols}
	for i := range m {
		row := make([]float64, cols+1)
		sign := 1.0
		if d[i] < 0 {
			sign = -1
		}
		for j := range n {
			row[j] = sign * M[i][j]
		}
		row[n+i] = 1
		row[cols] = sign * d[i]
		tb.t[i] = row
		tb.basis[i] = n + i
	}
	// phase 1: the cost row is -(sum of the rows) on the original columns
	cost := make([]float64, cols+1)
	for i := range m {
		for j := range n {
			cost[j] -= tb.t[i][j]
		}
		cost[cols] -= tb.t[i][cols]
	}
	tb.t[m] = cost
	if st := tb.run(n); st == lpIterLimit || st == lpCancelled {
		return nil, st
	}
	scale := 1.0
	for _, v := range d {
		scale = max(scale, math.Abs(v))
	}
	if -tb.t[m][cols] > 1e-7*scale {
		return nil, lpInfeasible
	}
	// drive the artificial variables out of the basis; a row that keeps
	// one is redundant and is dropped
	for i := 0; i < len(tb.basis); i++ {
		if tb.basis[i] < n {
			continue
		}
		col := -1
		for j := range n {
			if math.Abs(tb.t[i][j]) > lpTol {
				col = j
				break
			}
		}
		if col >= 0 {
			tb.pivot(i, col)
			continue
		}
		tb.t = append(tb.t[:i], tb.t[i+1:]...)
		tb.basis = append(tb.basis[:i], tb.basis[i+1:]...)
		i--
	}
	// phase 2
	rows := len(tb.basis)
	cost = make([]float64, cols+1)
	copy(cost, c)
	for i, b := range tb.basis {
		if f := cost[b]; f != 0 {
			for j := range cost {
				cost[j] -= f * tb.t[i][j]
			}
		}
	}
	tb.t[rows] = cost
	if st := tb.run(n); st != lpOptimal {
		return nil, st
	}
	y := make([]float64, n)
	for i, b := range tb.basis {
		if b < n {
			y[b] = tb.t[i][cols]
		}
	}
	return y, lpOptimal
}

// linearProgram solves min f'x, A x <= b, Aeq x = beq, lb <= x <= ub
// (infinite bounds for none); A and Aeq are row-major.
func linearProgram(ctx context.Context, f []float64, A [][]float64, b []float64, Aeq [][]float64, beq []float64, lb, ub []float64) ([]float64, float64, lpStatus) {
	n := len(f)
	// each x[i] is off[i] + sum over its columns of coef*y
	type term struct {
		col  int
		coef float64
	}
	var terms [][]term
	off := make([]float64, n)
	cols := 0
	var boundRows []struct {
		col int
		rhs float64
	}
	for i := range n {
		switch {
		case !math.IsInf(lb[i], -1):
			off[i] = lb[i]
			terms = append(terms, []term{{cols, 1}})
			if !math.IsInf(ub[i], 1) {
				boundRows = append(boundRows, struct {
					col int
					rhs float64
				}{cols, ub[i] - lb[i]})
			}
			cols++
		case !math.IsInf(ub[i], 1):
			off[i] = ub[i]
			terms = append(terms, []term{{cols, -1}})
			cols++
		default:
			terms = append(terms, []term{{cols, 1}, {cols + 1, -1}})
			cols += 2
		}
	}
	nIneq := len(A) + len(boundRows)
	total := cols + nIneq
	c := make([]float64, total)
	for i := range n {
		for _, t := range terms[i] {
			c[t.col] += f[i] * t.coef
		}
	}
	var M [][]float64
	var d []float64
	addRow := func(a []float64, rhs float64, slack int) {
		row := make([]float64, total)
		for i := range n {
			rhs -= a[i] * off[i]
			for _, t := range terms[i] {
				row[t.col] += a[i] * t.coef
			}
		}
		if slack >= 0 {
			row[slack] = 1
		}
		M, d = append(M, row), append(d, rhs)
	}
	for k := range A {
		addRow(A[k], b[k], cols+k)
	}
	for k, br := range boundRows {
		row := make([]float64, total)
		row[br.col] = 1
		row[cols+len(A)+k] = 1
		M, d = append(M, row), append(d, br.rhs)
	}
	for k := range Aeq {
		addRow(Aeq[k], beq[k], -1)
	}
	y, st := simplexStd(ctx, c, M, d)
	if st != lpOptimal {
		return nil, 0, st
	}
	x := make([]float64, n)
	for i := range n {
		x[i] = off[i]
		for _, t := range terms[i] {
			x[i] += t.coef * y[t.col]
		}
	}
	fx := 0.0
	for i := range n {
		fx += f[i] * x[i]
	}
	return x, fx, lpOptimal
}
