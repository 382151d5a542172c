package sqlparse

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// Hint flags of select/exec [HINT_...] (progr/sql/hint.md); a query's
// Hints is their or. DolphinDB prints a hinted query with the number:
// select [32768] * from t.
const (
	HintKeepOrder = 128
	HintExplain   = 32768
)

var hintFlags = map[string]int64{"HINT_LOCAL": 1, "HINT_HASH": 32, "HINT_SNAPSHOT": 64,
	"HINT_KEEPORDER": HintKeepOrder, "HINT_SEQ": 512, "HINT_NOMERGE": 1024, "HINT_PRELOAD": 4096,
	"HINT_EXPLAIN": HintExplain, "HINT_SORT": 524288, "HINT_VECTORIZED": 4194304}

// parseHints reads the [HINT_A, HINT_B] or [flags] right after select or
// exec, if there is one. A bracket that starts a select item ([1,2] as v,
// [x] from t) is left alone.
func (p *parser) parseHints() int64 {
	if !p.isOp("[") {
		return 0
	}
	first := p.peekN(1)
	if first.Kind == lex.TokInt && first.Suffix == "" && isOpTok(p.peekN(2), "]") && startsSelectItem(p.peekN(3)) {
		p.next()
		flags, err := strconv.ParseInt(p.next().Text, 10, 64)
		if err != nil {
			p.failTok(first)
		}
		p.next()
		return flags
	}
	if first.Kind != lex.TokIdent || !strings.HasPrefix(strings.ToUpper(first.Text), "HINT_") {
		return 0
	}
	p.next()
	var flags int64
	for {
		t := p.next()
		f, ok := hintFlags[strings.ToUpper(t.Text)]
		if t.Kind != lex.TokIdent || !ok {
			p.failTok(t)
		}
		flags |= f
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	p.expectOp("]")
	return flags
}

// startsSelectItem reports whether t can begin the select list after a
// numeric hint: a name or *, but not a keyword that ends the list.
func startsSelectItem(t lex.Token) bool {
	if isOpTok(t, "*") {
		return true
	}
	return t.Kind == lex.TokIdent && !isKw(t, "from") && !isKw(t, "as")
}
