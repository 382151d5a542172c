package lex

import (
	"strconv"
	"strings"
)

// Hint flags of select/exec [HINT_...] (progr/sql/hint.md); a query's
// hints are their or. DolphinDB prints a hinted query with the number:
// select [32768] * from t.
const (
	HintKeepOrder = 128
	HintExplain   = 32768
)

var hintFlags = map[string]int64{"HINT_LOCAL": 1, "HINT_HASH": 32, "HINT_SNAPSHOT": 64,
	"HINT_KEEPORDER": HintKeepOrder, "HINT_SEQ": 512, "HINT_NOMERGE": 1024, "HINT_PRELOAD": 4096,
	"HINT_EXPLAIN": HintExplain, "HINT_SORT": 524288, "HINT_VECTORIZED": 4194304}

// foldHints replaces the [HINT_A, HINT_B] or [flags] right after select
// or exec by one TokHint whose Text is the flags' number. A bracket that
// starts a select item ([1,2] as v, [x] from t) is left alone.
func foldHints(toks []Token) ([]Token, error) {
	out := toks[:0:0]
	for i := 0; i < len(toks); i++ {
		out = append(out, toks[i])
		t := toks[i]
		if t.Kind != TokIdent || !strings.EqualFold(t.Text, "select") && !strings.EqualFold(t.Text, "exec") ||
			i+3 >= len(toks) || !isOp(toks[i+1], "[") {
			continue
		}
		first, after := toks[i+2], Token{}
		if i+4 < len(toks) {
			after = toks[i+4]
		}
		if first.Kind == TokInt && first.Suffix == "" && isOp(toks[i+3], "]") &&
			(isOp(after, "*") || after.Kind == TokIdent && !strings.EqualFold(after.Text, "from") && !strings.EqualFold(after.Text, "as")) {
			if _, err := strconv.ParseInt(first.Text, 10, 64); err != nil {
				return nil, unrecognized(first)
			}
			out = append(out, Token{Kind: TokHint, Text: first.Text, Raw: "[" + first.Text + "]", Pos: toks[i+1].Pos})
			i += 3
			continue
		}
		if first.Kind != TokIdent || !strings.HasPrefix(strings.ToUpper(first.Text), "HINT_") {
			continue
		}
		var flags int64
		j := i + 2
		for ; j < len(toks); j += 2 {
			f, ok := hintFlags[strings.ToUpper(toks[j].Text)]
			if toks[j].Kind != TokIdent || !ok {
				return nil, unrecognized(toks[j])
			}
			flags |= f
			if j+1 >= len(toks) || !isOp(toks[j+1], ",") {
				break
			}
		}
		if j+1 >= len(toks) || !isOp(toks[j+1], "]") {
			return nil, unrecognized(toks[min(j+1, len(toks)-1)])
		}
		text := strconv.FormatInt(flags, 10)
		out = append(out, Token{Kind: TokHint, Text: text, Raw: "[" + text + "]", Pos: toks[i+1].Pos})
		i = j + 1
	}
	return out, nil
}

func isOp(t Token, s string) bool { return t.Kind == TokOp && t.Text == s }

func unrecognized(t Token) *Error {
	text := t.Raw
	if text == "" {
		text = t.Text
	}
	return &Error{Pos: t.Pos, Msg: "Cannot recognize the token " + text}
}
