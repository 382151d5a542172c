package hypotest

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"gonum.org/v1/gonum/stat/distuv"
)

// symmetric is a distribution symmetric about 0 (Student's t, the
// standard normal): its CDF and quantile.
type symmetric struct {
	cdf      func(float64) float64
	quantile func(float64) float64
}

// locationStat is the stat table of a test of est against h with
// standard error se under dist: p-values of the statistic (est-h)/se and
// confidence bounds for est at level cl.
func locationStat(subject string, est, h, se, cl float64, d symmetric) (*value.Table, float64) {
	z := (est - h) / se
	lower, upper := d.cdf(z), d.cdf(-z)
	p := [3]float64{min(1, 2*min(lower, upper)), lower, upper}
	two := d.quantile(1-(1-cl)/2) * se
	one := d.quantile(cl) * se
	b := [3][2]float64{
		{est - two, est + two},
		{math.Inf(-1), est + one},
		{est - one, math.Inf(1)},
	}
	return alternatives(subject, h, p, &b), z
}

// studentT is Student's t with df degrees of freedom.
func studentT(df float64) symmetric {
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}
	return symmetric{t.CDF, t.Quantile}
}

// tTest is tTest(X, [Y], [mu=0.0], [confLevel=0.95], [equalVar=false])
// (funcs/t/tTest.md): the one-sample t-test of X's mean against mu, or
// the two-sample test of the difference of X's and Y's means against mu,
// Welch's unless equalVar.
func tTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "tTest"
	r := funcs.ReadArgs(fn, args)
	x := sample(r, "X", r.Arg(0), 2)
	mu := optFloat(r, "mu", r.Arg(2), 0)
	cl := confLevel(r, r.Arg(3))
	equalVar := r.Bool("equalVar", r.Given(4), false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	mx, vx := meanVar(x)
	nx := float64(len(x))
	var subject, method string
	var est, se, df float64
	if y := funcs.Arg(args, 1); funcs.NullOrAbsent(y) {
		subject, method = "true mean", "One sample t-test"
		est, se, df = mx, math.Sqrt(vx/nx), nx-1
	} else {
		ys := sample(r, "Y", y, 2)
		if err := r.Err(); err != nil {
			return nil, err
		}
		my, vy := meanVar(ys)
		ny := float64(len(ys))
		est = mx - my
		if equalVar {
			subject, method = "difference of mean", "Two sample t-test"
			df = nx + ny - 2
			pooled := ((nx-1)*vx + (ny-1)*vy) / df
			se = math.Sqrt(pooled * (1/nx + 1/ny))
		} else {
			subject, method = "true difference of mean", "Welch two sample t-test"
			ax, ay := vx/nx, vy/ny
			se = math.Sqrt(ax + ay)
			df = (ax + ay) * (ax + ay) / (ax*ax/(nx-1) + ay*ay/(ny-1))
		}
	}
	stat, t := locationStat(subject, est, mu, se, cl, studentT(df))
	return result(
		entry{"stat", stat},
		entry{"df", dbl(df)},
		entry{"confLevel", dbl(cl)},
		entry{"method", value.NewString(method)},
		entry{"tValue", dbl(t)},
	), nil
}

// zTest is zTest(X, [Y], [mu=0.0], [sigmaX=1.0], [sigmaY=1.0],
// [confLevel=0.95]) (funcs/z/zTest.md): the z-test of X's mean, or of the
// difference of X's and Y's means, against mu with known standard
// deviations.
func zTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "zTest"
	r := funcs.ReadArgs(fn, args)
	x := sample(r, "X", r.Arg(0), 1)
	mu := optFloat(r, "mu", r.Arg(2), 0)
	sx := optFloat(r, "sigmaX", r.Arg(3), 1)
	sy := optFloat(r, "sigmaY", r.Arg(4), 1)
	cl := confLevel(r, r.Arg(5))
	if err := r.Err(); err != nil {
		return nil, err
	}
	mx, _ := meanOf(x)
	nx := float64(len(x))
	var subject, method string
	var est, se float64
	if y := funcs.Arg(args, 1); funcs.NullOrAbsent(y) {
		subject, method = "true mean", "One sample z-test"
		est, se = mx, sx/math.Sqrt(nx)
	} else {
		ys := sample(r, "Y", y, 1)
		if err := r.Err(); err != nil {
			return nil, err
		}
		my, _ := meanOf(ys)
		subject, method = "difference of mean", "Two sample z-test"
		est, se = mx-my, math.Sqrt(sx*sx/nx+sy*sy/float64(len(ys)))
	}
	if !(se > 0) {
		se = math.NaN()
	}
	n := distuv.UnitNormal
	stat, z := locationStat(subject, est, mu, se, cl, symmetric{n.CDF, n.Quantile})
	return result(
		entry{"stat", stat},
		entry{"confLevel", dbl(cl)},
		entry{"method", value.NewString(method)},
		entry{"zValue", dbl(z)},
	), nil
}

// meanOf is a sample's mean and size.
func meanOf(xs []float64) (float64, float64) {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs)), float64(len(xs))
}

// fTest is fTest(X, Y, [ratio=1.0], [confLevel=0.95]) (funcs/f/fTest.md):
// the F test of the ratio of X's and Y's variances against ratio.
func fTest(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "fTest"
	r := funcs.ReadArgs(fn, args)
	x, y := samples(r, 2)
	ratio := optFloat(r, "ratio", r.Arg(2), 1)
	if r.Err() == nil && !(ratio > 0) {
		r.Fail(ddberr.Errorf("The argument [ratio] of fTest must be a positive number."))
	}
	cl := confLevel(r, r.Arg(3))
	if err := r.Err(); err != nil {
		return nil, err
	}
	_, vx := meanVar(x)
	_, vy := meanVar(y)
	d1, d2 := float64(len(x)-1), float64(len(y)-1)
	est := vx / vy
	f := est / ratio
	dist := distuv.F{D1: d1, D2: d2}
	var lower, upper float64
	if f >= 0 && !math.IsInf(f, 0) {
		upper = fSurvival(d1, d2, f)
		lower = 1 - upper
		if upper > 0.5 {
			lower = dist.CDF(f)
		}
	} else {
		lower, upper = math.NaN(), math.NaN()
	}
	q := func(p float64) float64 {
		if !(f >= 0) || math.IsInf(f, 0) {
			return math.NaN()
		}
		return dist.Quantile(p)
	}
	a := 1 - cl
	b := [3][2]float64{
		{est / q(1-a/2), est / q(a/2)},
		{0, est / q(a)},
		{est / q(1-a), math.Inf(1)},
	}
	stat := alternatives("ratio of variances", ratio, [3]float64{min(1, 2*min(lower, upper)), lower, upper}, &b)
	return result(
		entry{"numeratorDf", value.NewInt(int32(d1))},
		entry{"stat", stat},
		entry{"denominatorDf", value.NewInt(int32(d2))},
		entry{"confLevel", dbl(cl)},
		entry{"fValue", dbl(f)},
		entry{"method", value.NewString("F test to compare two variances")},
	), nil
}
