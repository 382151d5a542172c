package textio

import (
	"bytes"
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// sampleRows is how many records type inference looks at. DolphinDB
// samples the file; a fixed prefix keeps the choice deterministic.
const sampleRows = 1000

// classify returns the type one field's text suggests, and whether it is
// a run of digits with the shape of a date (yyMMdd, yyyyMMdd). Void means
// an empty field, which does not vote.
func classify(b []byte) (value.Type, bool) {
	b = trimSpace(b)
	if len(b) == 0 {
		return value.Void, false
	}
	if equalFold(b, "true") || equalFold(b, "false") {
		return value.Bool, false
	}
	if t, dateLike, ok := classifyNumber(b); ok {
		return t, dateLike
	}
	if _, t, ok := parseTemporal(b); ok {
		return t, false
	}
	if t, ok := undelimitedDateTime(b); ok {
		return t, false
	}
	if isUUID(b) {
		return value.UUID, false
	}
	if isIPv4(b) {
		return value.IPAddr, false
	}
	if len(b) == 1 {
		// A one-letter flag (N/Y, B/S) is a CHAR, as DolphinDB infers it
		// (forecast_taxi_trip_dura.md's store_and_fwd_flag, LoadDataForPoc.md).
		return value.Char, false
	}
	return value.String, false
}

// classifyNumber recognizes an integer (INT when it fits, else LONG) or a
// floating number (DOUBLE), with an optional sign and thousands
// separators in groups of three.
func classifyNumber(b []byte) (value.Type, bool, bool) {
	i := 0
	if b[0] == '-' || b[0] == '+' {
		i = 1
	}
	digits, group, commas := 0, 0, false
	for ; i < len(b); i++ {
		c := b[i]
		if isDigit(c) {
			digits++
			group++
			continue
		}
		if c == ',' {
			if group == 0 || (commas && group != 3) || (!commas && group > 3) {
				return 0, false, false
			}
			commas, group = true, 0
			continue
		}
		break
	}
	if digits == 0 || (commas && group != 3) {
		return 0, false, false
	}
	if i == len(b) {
		if !commas && b[0] != '-' && b[0] != '+' {
			if _, shape, _ := digitDate(b); shape {
				return value.Int, true, true
			}
		}
		var scratch []byte
		f, _ := parseFloat(b, &scratch)
		if f >= math.MinInt32+1 && f <= math.MaxInt32 {
			return value.Int, false, true
		}
		if f >= -math.MaxInt64 && f <= math.MaxInt64 {
			return value.Long, false, true
		}
		return value.Double, false, true
	}
	frac := false
	if b[i] == '.' {
		frac = true
		i++
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		frac = true
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		n := 0
		for i < len(b) && isDigit(b[i]) {
			i++
			n++
		}
		if n == 0 {
			return 0, false, false
		}
	}
	if !frac || i != len(b) {
		return 0, false, false
	}
	return value.Double, false, true
}

// undelimitedDateTime recognizes a date without separators, a space and a
// time ("20190623 14:54:57"), which DolphinDB types by its time part: the
// manual's extractTextSchema of such a column prints SECOND, and loading
// it without a format gives empty values
// (db_distr_comp/db_oper/text_files_import.md, tutorials/import_csv.md).
func undelimitedDateTime(b []byte) (value.Type, bool) {
	sp := bytes.IndexByte(b, ' ')
	if sp < 0 {
		return 0, false
	}
	if _, shape, _ := digitDate(b[:sp]); !shape {
		return 0, false
	}
	switch _, t, ok := parseTemporal(b[sp+1:]); {
	case !ok:
		return 0, false
	case t == value.Second || t == value.Time || t == value.Minute || t == value.NanoTime:
		return t, true
	}
	return 0, false
}

func isUUID(b []byte) bool {
	if len(b) != 36 {
		return false
	}
	for i, c := range b {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(c) {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isIPv4(b []byte) bool {
	parts, i := 0, 0
	for i <= len(b) {
		v, j, ok := num(b, i, 3)
		if !ok || v > 255 {
			return false
		}
		parts++
		if j == len(b) {
			return parts == 4
		}
		if b[j] != '.' {
			return false
		}
		i = j + 1
	}
	return false
}

// columnGuess accumulates one column's votes.
type columnGuess struct {
	t        value.Type // Void until a non-empty field is seen
	dateLike bool       // every integer so far has a date's shape
	distinct map[string]struct{}
	filled   int
}

// add folds one field into the guess.
func (g *columnGuess) add(b []byte) {
	t, dateLike := classify(b)
	if t == value.Void {
		return
	}
	g.filled++
	if g.distinct == nil {
		g.distinct = map[string]struct{}{}
	}
	if len(g.distinct) <= sampleRows {
		if _, ok := g.distinct[string(b)]; !ok {
			g.distinct[string(b)] = struct{}{}
		}
	}
	if g.t == value.Void {
		g.t, g.dateLike = t, dateLike
		return
	}
	g.dateLike = g.dateLike && dateLike
	g.t = merge(g.t, t)
}

// merge is the type that holds both kinds of text: the wider number, the
// finer time, otherwise text.
func merge(a, b value.Type) value.Type {
	if a == b {
		return a
	}
	if rank, ok := numRank[a]; ok {
		if rb, ok := numRank[b]; ok {
			if rb > rank {
				return b
			}
			return a
		}
		return value.String
	}
	for _, chain := range temporalChains {
		ia, ib := -1, -1
		for i, t := range chain {
			if t == a {
				ia = i
			}
			if t == b {
				ib = i
			}
		}
		if ia >= 0 && ib >= 0 {
			return chain[max(ia, ib)]
		}
	}
	return value.String
}

var numRank = map[value.Type]int{value.Int: 0, value.Long: 1, value.Double: 2}

// temporalChains list the types a column may widen through when its
// values mix precisions.
var temporalChains = [][]value.Type{
	{value.Minute, value.Second, value.Time, value.NanoTime},
	{value.Date, value.DateTime, value.Timestamp, value.NanoTimestamp},
}

// result is the column's type: a DATE for integers that all have a
// date's shape, text as SYMBOL when values repeat (or the sample is small)
// and STRING when most are distinct, STRING for a column with no values.
func (g *columnGuess) result() value.Type {
	switch {
	case g.t == value.Void:
		return value.String
	case g.t == value.Int && g.dateLike:
		return value.Date
	case g.t == value.String:
		if g.filled >= 200 && 2*len(g.distinct) > g.filled {
			return value.String
		}
		return value.Symbol
	}
	return g.t
}
