package textio

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestScannerFields(t *testing.T) {
	cases := []struct {
		name, data, delim string
		marker            [2]byte
		want              [][]string
	}{
		{"plain", "a,b,c\n1,2,3\n", ",", [2]byte{}, [][]string{{"a", "b", "c"}, {"1", "2", "3"}}},
		{"crlf and no final newline", "a,b\r\n1,2", ",", [2]byte{}, [][]string{{"a", "b"}, {"1", "2"}}},
		{"blank lines skipped", "a\n\n\nb\n", ",", [2]byte{}, [][]string{{"a"}, {"b"}}},
		{"empty fields", "a,,c,\n", ",", [2]byte{}, [][]string{{"a", "", "c", ""}}},
		{"quoted delimiter and newline", "\"x,y\",\"l1\nl2\"\n", ",", [2]byte{}, [][]string{{"x,y", "l1\nl2"}}},
		{"doubled quote", "\"say \"\"hi\"\"\",2\n", ",", [2]byte{}, [][]string{{`say "hi"`, "2"}}},
		{"multi-char delimiter", "a||b||c\n", "||", [2]byte{}, [][]string{{"a", "b", "c"}}},
		{"array marker", "s,[1,2,3],[4]\n", ",", [2]byte{'[', ']'}, [][]string{{"s", "1,2,3", "4"}}},
		{"bom", "\xef\xbb\xbfa,b\n", ",", [2]byte{}, [][]string{{"a", "b"}}},
		{"unterminated quote", "\"abc", ",", [2]byte{}, [][]string{{"abc"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := newScanner([]byte(c.data), c.delim, c.marker)
			var got [][]string
			for sc.next() {
				var rec []string
				for _, f := range sc.fields {
					rec = append(rec, string(f))
				}
				got = append(got, rec)
			}
			require.Equal(t, c.want, got)
		})
	}
}

func TestClassify(t *testing.T) {
	cases := []struct {
		in       string
		t        value.Type
		dateLike bool
	}{
		{"", value.Void, false},
		{"true", value.Bool, false},
		{"10001", value.Int, false},
		{"-12", value.Int, false},
		{"3000000000", value.Long, false},
		{"111011", value.Int, true},   // yyMMdd
		{"20190902", value.Int, true}, // yyyyMMdd
		{"93100000", value.Int, false},
		{"1,234,567", value.Int, false},
		{"1,23", value.String, false},
		{"2.658E7", value.Double, false},
		{"2018.01", value.Double, false},
		{"2019.06.06", value.Date, false},
		{"2019-06-06", value.Date, false},
		{"23.04.10", value.Date, false},
		{"12:34:56", value.Second, false},
		{"12:34", value.Minute, false},
		{"13:30:10.008", value.Time, false},
		{"13:30:10.008123", value.NanoTime, false},
		{"2019.06.23T14:54:57", value.DateTime, false},
		{"2019.06.23 14:54:57.123", value.Timestamp, false},
		{"2019.06.23 14:54:57", value.DateTime, false},
		{"20190623 14:54:57", value.Second, false}, // typed by the time part
		{"20190623 14:54:57.123", value.Time, false},
		{"20191323 14:54:57", value.String, false},
		{"20190623 x", value.String, false},
		{"5d3f8e2a-1c4b-4f1a-9e2b-7a6c5d4e3f21", value.UUID, false},
		{"192.168.1.1", value.IPAddr, false},
		{"$2,131", value.String, false},
		{"N/A", value.String, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			typ, dl := classify([]byte(c.in))
			require.Equal(t, c.t, typ)
			require.Equal(t, c.dateLike, dl)
		})
	}
}

func TestLenientNumbers(t *testing.T) {
	ints := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2131", 2131, true}, {"$2,131", 2131, true}, {"2023Q1", 2023, true},
		{"-5", -5, true}, {"N/A", 0, false}, {"", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, c := range ints {
		v, ok := parseInt([]byte(c.in))
		require.Equal(t, c.ok, ok, c.in)
		if ok {
			require.Equal(t, c.want, v, c.in)
		}
	}
	floats := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"213.1", 213.1, true}, {"$213.1", 213.1, true}, {"-2.658e7", -2.658e7, true},
		{"2.658e-7", 2.658e-7, true}, {"1,234.5", 1234.5, true}, {".5", 0.5, true}, {"N/A", 0, false},
	}
	var scratch []byte
	for _, c := range floats {
		v, ok := parseFloat([]byte(c.in), &scratch)
		require.Equal(t, c.ok, ok, c.in)
		if ok {
			require.InDelta(t, c.want, v, 1e-12*max(1, c.want), c.in)
		}
	}
}

func TestColumnName(t *testing.T) {
	for in, want := range map[string]string{
		"1_test": "c1_test", "test-a!": "test_a_", "[test]": "c_test_", "sym": "sym", "": "col3", "价格": "价格",
	} {
		require.Equal(t, want, columnName(in, 3), in)
	}
}

func TestGuessSymbolOrString(t *testing.T) {
	var rep, uniq columnGuess
	for i := 0; i < 500; i++ {
		rep.add([]byte([]string{"IBM", "MS", "C"}[i%3]))
		uniq.add([]byte("note-" + string(rune('a'+i%26)) + string(rune('a'+i/26))))
	}
	require.Equal(t, value.Symbol, rep.result())
	require.Equal(t, value.String, uniq.result())
	var mixed columnGuess
	mixed.add([]byte("1"))
	mixed.add([]byte("2.5"))
	require.Equal(t, value.Double, mixed.result())
	var times columnGuess
	times.add([]byte("09:30:00"))
	times.add([]byte("09:30:00.001"))
	require.Equal(t, value.Time, times.result())
}

// TestPrepareNeverPanics feeds random bytes, delimiters and options to the
// splitter, the inference and the column parsers.
func TestPrepareNeverPanics(t *testing.T) {
	alphabet := []byte("0123456789,;|\"\n\r .-:/TeE$[]ab\t")
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		n := r.IntN(80)
		data := make([]byte, n)
		for j := range data {
			data[j] = alphabet[r.IntN(len(alphabet))]
		}
		delim := []string{",", ";", "||", "\t"}[r.IntN(4)]
		o := options{delim: delim, arrayDelim: ",", header: r.IntN(3) - 1, skipRows: r.IntN(3)}
		if r.IntN(2) == 0 {
			o.marker = [2]byte{'[', ']'}
		}
		p, err := prepare("loadText", data, o)
		if err != nil {
			continue
		}
		for _, pl := range p.plans {
			for _, typ := range []value.Type{pl.t, value.Int, value.Double, value.Date, value.Timestamp, value.Bool, value.Int + value.ArrayOffset} {
				col, err := newColumn(typ, -1, "", ",", 0)
				require.NoError(t, err)
				for _, rec := range p.sampled {
					if pl.src < len(rec) {
						col.add(rec[pl.src])
					}
				}
				_, err = col.finish(nil)
				require.NoError(t, err)
			}
		}
	}
}

// TestDelimArg: a delimiter is a non-empty string or a character, def
// when absent; anything else is refused naming the function and argument.
func TestDelimArg(t *testing.T) {
	cases := []struct {
		x       value.Value
		want    string
		wantErr string
	}{
		{nil, "def", ""},
		{value.NewString("||"), "||", ""},
		{&value.Scalar{T: value.Char, I: ';'}, ";", ""},
		{value.NewString(""), "", "loadText: The arrayDelimiter must be a non-empty string or a character."},
		{value.NewInt(1), "", "loadText: The arrayDelimiter must be a non-empty string or a character."},
	}
	for _, c := range cases {
		got, err := delimArg("loadText", "arrayDelimiter", c.x, "def")
		if c.wantErr != "" {
			require.EqualError(t, err, c.wantErr)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, c.want, got)
	}
}
