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
func (p *parser) parseHints() (flags int64) {
	first, after := p.peekN(1), p.peekN(3)
	if p.isOp("[") && first.Kind == lex.TokInt && first.Suffix == "" && isOpTok(p.peekN(2), "]") &&
		(isOpTok(after, "*") || after.Kind == lex.TokIdent && !isKw(after, "from") && !isKw(after, "as")) {
		p.next()
		flags, err := strconv.ParseInt(p.next().Text, 10, 64)
		if err != nil {
			p.failTok(first)
		}
		p.next()
		return flags
	}
	if !p.isOp("[") || first.Kind != lex.TokIdent || !strings.HasPrefix(strings.ToUpper(first.Text), "HINT_") {
		return 0
	}
	for p.next(); ; p.next() {
		t := p.next()
		f, ok := words.HintFlag(t.Text)
		if t.Kind != lex.TokIdent || !ok {
			p.failTok(t)
		}
		if flags |= f; !p.isOp(",") {
			break
		}
	}
	p.expectOp("]")
	return flags
}
