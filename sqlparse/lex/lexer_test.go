package lex

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLex(t *testing.T) {
	toks, err := Lex("x = append!(t, 1)\n// c\ny != 2; z.f(`a`b) <= 13:30m")
	require.NoError(t, err)
	var kinds []string
	for _, tk := range toks {
		kinds = append(kinds, tk.Kind.String()+":"+tk.Raw)
	}
	require.Equal(t, []string{
		"IDENT:x", "OP:=", "IDENT:append!", "OP:(", "IDENT:t", "OP:,", "INT:1", "OP:)", "NEWLINE:\n",
		"IDENT:y", "OP:!=", "INT:2", "OP:;", "IDENT:z", "OP:.", "IDENT:f", "OP:(", "SYMBOLVECTOR:`a`b", "OP:)",
		"OP:<=", "TEMPORAL:13:30m", "EOF:",
	}, kinds)
	require.Equal(t, Pos{3, 1}, toks[9].Pos)

	// no newline tokens inside parentheses or brackets
	toks, err = Lex("f(1,\n2)\n[3,\n4]")
	require.NoError(t, err)
	n := 0
	for _, tk := range toks {
		if tk.Kind == TokNewline {
			n++
		}
	}
	require.Equal(t, 1, n)

	// ++ only before a statement end
	toks, err = Lex("a++\nb--c")
	require.NoError(t, err)
	require.Equal(t, "++", toks[1].Text)
	require.Equal(t, "-", toks[4].Text)
	require.Equal(t, "-", toks[5].Text)

	// string positions after embedded newlines
	toks, err = Lex("s = \"a\nb\" x")
	require.NoError(t, err)
	require.Equal(t, Pos{2, 4}, toks[3].Pos)
}
