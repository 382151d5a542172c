package sqlparse

import (
	"strings"
	"testing"
	"time"
)

func TestDbgTiming(t *testing.T) {
	for i, src := range []string{
		strings.Repeat("(", 100000),
		strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000),
		strings.Repeat("[", 5000) + "1" + strings.Repeat("]", 5000),
		strings.Repeat("-", 100000) + "x",
		strings.Repeat("not ", 20000) + "x",
		strings.Repeat("if(x) ", 20000) + "y",
		strings.Repeat("f{", 5000),
		strings.Repeat("x->", 5000) + "x",
		strings.Repeat("a ? b : ", 5000) + "c",
		strings.Repeat("{", 5000),
	} {
		st := time.Now()
		_, err := Parse(src)
		t.Log(i, time.Since(st), err)
	}
}

func TestDbgLexTiming(t *testing.T) {
	src := strings.Repeat("if(x) ", 20000) + "y"
	st := time.Now()
	toks, _ := Lex(src)
	t.Log(len(toks), time.Since(st))
}
