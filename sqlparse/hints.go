package sqlparse

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// parseHints reads the [HINT_A, HINT_B] or [flags] right after select or
// exec (package words has the flags), if there is one. A bracket that
// starts a select item ([1,2] as v, [x] from t) is left alone.
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
		f, ok := words.HintFlag(t.Text)
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
