package digits

import (
	"math"
	"strconv"
)

// AppendFloat appends f the way DolphinDB prints a DOUBLE, with at most
// prec fractional digits: magnitudes in (1e-6, 1e6) use the pattern
// "0.###…" (prec optional digits, trailing zeros dropped: 1\3 prints
// 0.333333, 11\3 prints 3.666667), others the scientific pattern
// "0.0##…E0" (1234567.0 prints 1.234567E6, 1e-7 prints 1.0E-7).
// Rounding adds half a unit of the last digit plus 1e-12 and truncates.
// This ports Double::toString and NumberFormat::format of DolphinDB's
// official C++ API (src/ScalarImp.cpp, src/Format.cpp); the 6-decimal
// scalar form is confirmed by the "ratio" reference page. prec 4 is the
// table-cell form.
func AppendFloat(b []byte, f float64, prec int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "inf"...)
	case math.IsInf(f, -1):
		return append(b, "-inf"...)
	}
	if prec < 1 {
		prec = 1
	}
	a := math.Abs(f)
	if (a > 0 && a <= 0.000001) || a >= 1000000.0 {
		return appendNumber(b, f, 1, prec-1, true)
	}
	return appendNumber(b, f, 0, prec, false)
}

var pow10f = [10]float64{1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// appendNumber is NumberFormat::format for the patterns "0.{fracMin
// zeros}{fracOpt #}" and, with sci, the same followed by "E0".
func appendNumber(b []byte, x float64, fracMin, fracOpt int, sci bool) []byte {
	rounding := 0.5
	for d := fracMin + fracOpt; d > 0; {
		k := min(d, 10)
		d -= k
		rounding /= pow10f[k-1]
	}
	if 1e-12 < rounding/10 {
		rounding += 1e-12
	}
	if x < 0 {
		b = append(b, '-')
		x = -x
	}
	sci = sci || x >= 1e15
	power := 0
	if sci {
		for x < 1 {
			power -= 10
			x *= pow10f[9]
		}
		if x >= 10 {
			for x >= pow10f[9] {
				power += 10
				x /= pow10f[9]
			}
			i := 0
			for i < 10 && x >= pow10f[i] {
				i++
			}
			if i >= 1 {
				power += i
				x /= pow10f[i-1]
			}
		}
	}
	x += rounding
	integral := int64(x)
	fraction := x - float64(integral)
	start := len(b)
	b = strconv.AppendInt(b, integral, 10)
	if sci && len(b)-start == 2 {
		power++
		fraction /= 10
		b = b[:start+1]
	}
	if fracMin+fracOpt > 0 {
		b = append(b, '.')
		if fracMin > 0 {
			b = appendFraction(b, fracMin, false, &fraction)
		}
		if fracOpt > 0 {
			b = appendFraction(b, fracOpt, true, &fraction)
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if sci {
		b = append(b, 'E')
		b = strconv.AppendInt(b, int64(power), 10)
	}
	return b
}

// appendFraction is NumberFormat::printFraction.
func appendFraction(b []byte, digits int, optional bool, fraction *float64) []byte {
	start := len(b)
	for digits != 0 {
		k := min(digits, 10)
		digits -= k
		val := *fraction * pow10f[k-1]
		x := int64(val)
		*fraction = val - float64(x)
		var tmp [20]byte
		s := tmp[:0]
		if x != 0 {
			s = strconv.AppendInt(s, x, 10)
		}
		if len(s) < k && (!optional || digits != 0 || x != 0) {
			for n := len(s); n < k; n++ {
				b = append(b, '0')
			}
		}
		b = append(b, s...)
	}
	if optional {
		for len(b) > start && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}
