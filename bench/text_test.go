package bench

import (
	"math"
	"runtime"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// textSetup builds the columns the text conversions read: d DATE over a
// year, x DOUBLE in [0, 1), tm TIME in a trading day, ts TIMESTAMP over a
// year, q INT, and their strings.
const textSetup = `n = 1000000
d = 2024.01.01 + rand(365, n)
x = rand(1.0, n)
tm = 09:30:00.000 + rand(23400000, n)
ts = 2024.01.01T00:00:00.000 + rand(31536000000, n)
q = rand(2000000, n) - 1000000
sd = string(d)
sx = string(x)
sts = string(ts)
sq = string(q)
`

// textCase is a script and the plain Go loop doing the same work over
// the same data: the baseline its CPU time is divided by.
type textCase struct {
	name, script string
	goLoop       func(c *textCols)
}

// textCols are the setup's columns, read back from the session.
type textCols struct {
	d, tm, q       []int32
	ts             []int64
	x              []float64
	sd, sx, st, sq []string
}

var textCases = []textCase{
	{"string-date", "string(d)", func(c *textCols) {
		goStrings(len(c.d), 10, func(b []byte, i int) []byte {
			y, m, dd := goCivil(int64(c.d[i]))
			return goAppendDate(b, y, m, dd)
		})
	}},
	{"string-timestamp", "string(ts)", func(c *textCols) {
		goStrings(len(c.ts), 23, func(b []byte, i int) []byte {
			days, ms := c.ts[i]/86400000, c.ts[i]%86400000
			y, m, dd := goCivil(days)
			b = goAppendDate(b, y, m, dd)
			b = append(b, 'T')
			b = goAppendClock(b, ms/1000)
			b = append(b, '.')
			return go2(b, ms%1000/10, ms%10)
		})
	}},
	{"string-double", "string(x)", func(c *textCols) {
		goStrings(len(c.x), 8, func(b []byte, i int) []byte { return strconv.AppendFloat(b, c.x[i], 'f', 6, 64) })
	}},
	{"string-int", "string(q)", func(c *textCols) {
		goStrings(len(c.q), 7, func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(c.q[i]), 10) })
	}},
	{"format-double", `format(x, "0.00")`, func(c *textCols) {
		goStrings(len(c.x), 4, func(b []byte, i int) []byte { return strconv.AppendFloat(b, c.x[i], 'f', 2, 64) })
	}},
	{"temporalFormat-time", `temporalFormat(tm, "HH:mm:ss")`, func(c *textCols) {
		goStrings(len(c.tm), 8, func(b []byte, i int) []byte { return goAppendClock(b, int64(c.tm[i])/1000) })
	}},
	{"double-string", "double(sx)", func(c *textCols) {
		out := make([]float64, len(c.sx))
		for i, s := range c.sx {
			out[i], _ = strconv.ParseFloat(s, 64)
		}
	}},
	{"int-string", "int(sq)", func(c *textCols) {
		out := make([]int32, len(c.sq))
		for i, s := range c.sq {
			v, _ := strconv.Atoi(s)
			out[i] = int32(v)
		}
	}},
	{"date-string", "date(sd)", func(c *textCols) { goParseDates(c.sd) }},
	{"temporalParse-date", `temporalParse(sd, "yyyy.MM.dd")`, func(c *textCols) { goParseDates(c.sd) }},
	{"timestamp-string", "timestamp(sts)", func(c *textCols) {
		out := make([]int64, len(c.st))
		for i, s := range c.st {
			days := goParseDate(s)
			h, mi, sec := goNum(s[11:13]), goNum(s[14:16]), goNum(s[17:19])
			out[i] = days*86400000 + ((h*60+mi)*60+sec)*1000 + goNum(s[20:23])
		}
	}},
	{"month", "month(d)", func(c *textCols) {
		out := make([]int32, len(c.d))
		for i, x := range c.d {
			y, m, _ := goCivil(int64(x))
			out[i] = int32(y*12 + m - 1)
		}
	}},
	{"year", "year(d)", func(c *textCols) {
		out := make([]int32, len(c.d))
		for i, x := range c.d {
			y, _, _ := goCivil(int64(x))
			out[i] = int32(y)
		}
	}},
	{"dayOfWeek", "dayOfWeek(d)", func(c *textCols) {
		out := make([]int32, len(c.d))
		for i, x := range c.d {
			out[i] = int32((int64(x)%7 + 10) % 7)
		}
	}},
	{"hour", "hour(tm)", func(c *textCols) {
		out := make([]int32, len(c.tm))
		for i, x := range c.tm {
			out[i] = x / 3600000
		}
	}},
	{"cumsum", "cumsum(x)", func(c *textCols) {
		out := make([]float64, len(c.x))
		s := 0.0
		for i, x := range c.x {
			s += x
			out[i] = s
		}
	}},
}

// goStrings formats n strings (about width bytes each) into one buffer
// and slices them out of it.
func goStrings(n, width int, f func(b []byte, i int) []byte) []string {
	buf := make([]byte, 0, n*width)
	ends := make([]int, n)
	for i := range ends {
		buf = f(buf, i)
		ends[i] = len(buf)
	}
	out := make([]string, n)
	base := unsafe.String(unsafe.SliceData(buf), len(buf))
	start := 0
	for i, e := range ends {
		out[i] = base[start:e]
		start = e
	}
	return out
}

// goCivil is the civil date of a day count (days from 1970.01.01, not
// before it).
func goCivil(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func go2(b []byte, hi, lo int64) []byte { return append(b, byte('0'+hi), byte('0'+lo)) }

func goAppendDate(b []byte, y, m, d int64) []byte {
	b = go2(b, y/1000, y/100%10)
	b = go2(b, y/10%10, y%10)
	b = append(b, '.')
	b = go2(b, m/10, m%10)
	b = append(b, '.')
	return go2(b, d/10, d%10)
}

func goAppendClock(b []byte, sec int64) []byte {
	h, m, s := sec/3600, sec/60%60, sec%60
	b = go2(b, h/10, h%10)
	b = append(b, ':')
	b = go2(b, m/10, m%10)
	b = append(b, ':')
	return go2(b, s/10, s%10)
}

func goNum(s string) int64 {
	v := int64(0)
	for i := 0; i < len(s); i++ {
		v = v*10 + int64(s[i]-'0')
	}
	return v
}

// goParseDate reads "yyyy.MM.dd" as a day count.
func goParseDate(s string) int64 {
	y, m, d := goNum(s[:4]), goNum(s[5:7]), goNum(s[8:10])
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
}

func goParseDates(ss []string) []int32 {
	out := make([]int32, len(ss))
	for i, s := range ss {
		out[i] = int32(goParseDate(s))
	}
	return out
}

// BenchmarkTextConversions measures conversions between text and
// numbers or temporal values over 1M-row columns, each beside a plain Go
// loop doing the same work on the same data in the same run: it reports
// both CPU times (cpu-ms/op, go-cpu-ms/op) and their ratio (x-go).
func BenchmarkTextConversions(b *testing.B) {
	s := testkit.InMemory(b).NewSession()
	_, err := s.Run(textSetup)
	require.NoError(b, err)
	col := func(name string) *value.Vector {
		v, err := s.Run(name)
		require.NoError(b, err)
		return v.(*value.Vector)
	}
	c := &textCols{d: col("d").I32, tm: col("tm").I32, q: col("q").I32, ts: col("ts").I64, x: col("x").F64,
		sd: col("sd").Strings(), sx: col("sx").Strings(), st: col("sts").Strings(), sq: col("sq").Strings()}
	for _, tc := range textCases {
		b.Run(tc.name, func(b *testing.B) {
			_, err := s.Run(tc.script)
			require.NoError(b, err, tc.script)
			var cpu, goCPU time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				cpu += runCPU(b, s, tc.script)
				b.StopTimer()
				runtime.GC()
				cpu0 := cpuTime()
				tc.goLoop(c)
				goCPU += cpuTime() - cpu0
				b.StartTimer()
			}
			b.ReportMetric(msPerOp(cpu, b.N), "cpu-ms/op")
			b.ReportMetric(msPerOp(goCPU, b.N), "go-cpu-ms/op")
			b.ReportMetric(float64(cpu)/math.Max(float64(goCPU), 1), "x-go")
		})
	}
}
