package digits

import (
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// refFloat is AppendFloat's documented rule worked out in exact rational
// arithmetic: |f| is written as m * 10^e (e = 0 in the plain form, m in
// [1, 10) in the scientific one, used for magnitudes up to 1e-6 and from
// 1e6), prec fractional digits are kept by adding half a unit of the last
// digit, plus 1e-12 while that is under a tenth of the half unit, and
// truncating; a mantissa that rounds up to 10 moves to the next power.
// Trailing zeros are dropped, but the scientific form keeps one digit.
//
// AppendFloat does the same in float64, so past 15 or so significant
// digits, or where the exact digits fall within its rounding of a
// truncation boundary, its digits may differ: exact is false there.
func refFloat(f float64, prec int) (text string, exact bool) {
	switch {
	case math.IsNaN(f):
		return "NaN", true
	case math.IsInf(f, 0):
		return map[bool]string{true: "inf", false: "-inf"}[f > 0], true
	}
	prec = max(prec, 1)
	a := math.Abs(f)
	sci := (a > 0 && a <= 1e-6) || a >= 1e6
	ten := big.NewRat(10, 1)
	pow := func(k int) *big.Rat {
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(k, -k))), nil)
		if k < 0 {
			return new(big.Rat).SetFrac(big.NewInt(1), p)
		}
		return new(big.Rat).SetInt(p)
	}
	m := new(big.Rat).SetFloat64(a)
	e := 0
	if sci {
		// the shortest form's power is the exact value's or one off
		short := strconv.FormatFloat(a, 'e', -1, 64)
		e, _ = strconv.Atoi(short[strings.IndexByte(short, 'e')+1:])
		m.Mul(m, pow(-e))
		if m.Cmp(ten) >= 0 {
			m.Quo(m, ten)
			e++
		} else if m.Cmp(big.NewRat(1, 1)) < 0 {
			m.Mul(m, ten)
			e--
		}
	}
	half := new(big.Rat).Quo(big.NewRat(1, 2), pow(prec))
	nudge := new(big.Rat).SetFrac64(1, 1_000_000_000_000)
	s := new(big.Rat).Add(m, half)
	if new(big.Rat).Quo(half, ten).Cmp(nudge) > 0 {
		s.Add(s, nudge)
	}
	s.Mul(s, pow(prec))
	n := new(big.Int).Quo(s.Num(), s.Denom())
	// how far the exact scaled value lies from a truncation boundary,
	// against what float64 arithmetic on m*10^prec may be off by
	rest := new(big.Rat).Sub(s, new(big.Rat).SetInt(n))
	restF, _ := rest.Float64()
	scaled, _ := s.Float64()
	margin := (scaled + 1) * 1e-14
	exact = restF > margin && 1-restF > margin
	digits := n.String()
	if sci && len(digits) > prec+1 {
		e++
		digits = digits[:prec+1]
	}
	if len(digits) <= prec {
		digits = strings.Repeat("0", prec+1-len(digits)) + digits
	}
	intPart, frac := digits[:len(digits)-prec], strings.TrimRight(digits[len(digits)-prec:], "0")
	if sci && frac == "" {
		frac = "0"
	}
	if f < 0 {
		intPart = "-" + intPart
	}
	if frac != "" {
		intPart += "." + frac
	}
	if sci {
		intPart += "E" + strconv.Itoa(e)
	}
	return intPart, exact
}

var (
	plainForm = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)
	sciForm   = regexp.MustCompile(`^-?[1-9]\.([0-9]*[1-9]|0)E(-?[1-9][0-9]*|0)$`)
)

// requireNear holds a text where float64 and exact digits may part to the
// form of ref's, to at most prec fractional digits, and to a value off
// from f by at most the rounding and float64's error.
func requireNear(t *testing.T, f float64, prec int, ref, got string) {
	t.Helper()
	msg := []any{"%v prec %d: %q, exactly %q", f, prec, got, ref}
	mant, exp, isSci := strings.Cut(got, "E")
	if strings.Contains(ref, "E") {
		require.True(t, isSci && sciForm.MatchString(got), msg...)
	} else {
		require.True(t, !isSci && plainForm.MatchString(got), msg...)
	}
	if _, frac, ok := strings.Cut(mant, "."); ok {
		require.LessOrEqual(t, len(frac), max(prec, 1), msg...)
	}
	v, err := strconv.ParseFloat(mant, 64)
	require.NoError(t, err, msg...)
	// f's mantissa at the printed power, worked out without over- or
	// underflow
	target := new(big.Float).SetPrec(200).SetFloat64(f)
	if isSci {
		e, err := strconv.Atoi(exp)
		require.NoError(t, err, msg...)
		p := new(big.Float).SetPrec(200).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(e, -e))), nil))
		if e > 0 {
			target.Quo(target, p)
		} else {
			target.Mul(target, p)
		}
	}
	m, _ := target.Float64()
	tol := 0.5*math.Pow(10, -float64(max(prec, 1))) + 1e-12 + 1e-14*math.Abs(m)
	require.InDelta(t, m, v, tol, msg...)
}

// AppendFloat gives the exact rule's digits wherever float64 can tell
// them, and elsewhere its form with a value within the rounding of f,
// for random doubles of every magnitude, the bounds of the float range,
// both sides of the switch to the scientific form, rounding ties and
// fractions that start with ten zeros (printed ten digits a chunk); it
// appends to what b holds.
func TestAppendFloatMatchesExactRounding(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	fs := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, 1e-6, -1e-6, 1.0000001e-6, 1e6, 999999.9999995, 999999.99999949, 0.0000005, 1e15,
		1e15 - 1, 9.2e18, 1e23, 1e300, -1e-300, float64(math.MaxFloat32), float64(math.SmallestNonzeroFloat32),
		0.5, 0.05, 0.15, 2.675, 1.0 / 3, 11.0 / 3, 9.9999995, 0.0000015, 1234567.0, 1e-7, 99999.99995,
		// fractions whose first ten digits are zeros
		math.Nextafter(1, 2), math.Nextafter(1234, 2000), math.Nextafter(1e7, 2e7), 100.00000000001, -3.000000000002}
	for i := 0; i < 20000; i++ {
		var f float64
		switch i % 4 {
		case 0:
			f = rng.Float64()
		case 1:
			f = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
		case 2:
			f = math.Float64frombits(rng.Uint64())
		default:
			f = float64(rng.IntN(2000000)-1000000) / 1000
		}
		fs = append(fs, f, float64(float32(f)))
	}
	checked, exact := 0, 0
	for _, f := range fs {
		for _, prec := range []int{0, 1, 4, 6, 9, 12, 15, 17, 25} {
			got := string(AppendFloat([]byte("<"), f, prec))
			require.True(t, strings.HasPrefix(got, "<"))
			got = got[1:]
			ref, ok := refFloat(f, prec)
			checked++
			if ok {
				exact++
				require.Equal(t, ref, got, "%v prec %d", f, prec)
				continue
			}
			requireNear(t, f, prec, ref, got)
		}
	}
	// Below 15 digits nearly every case is told exactly; the check must
	// not quietly fall back to tolerances.
	require.Greater(t, exact, checked*6/10)
}
