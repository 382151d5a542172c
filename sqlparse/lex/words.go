package lex

import "strings"

// reserved holds words that never name an infix function (SQL clause
// words and statement keywords), compared case-insensitively.
var reserved = map[string]bool{
	"select": true, "exec": true, "from": true, "where": true, "group": true, "cgroup": true,
	"context": true, "pivot": true, "order": true, "by": true, "having": true, "limit": true,
	"offset": true, "top": true, "distinct": true, "asc": true, "desc": true, "as": true,
	"and": true, "or": true, "not": true, "in": true, "like": true, "between": true, "is": true,
	"set": true, "values": true, "into": true, "on": true, "join": true, "inner": true,
	"left": true, "right": true, "full": true, "cross": true, "outer": true, "csort": true,
	"map": true, "over": true, "case": true, "when": true, "then": true, "else": true,
	"end": true, "if": true, "for": true, "while": true, "do": true, "def": true, "defg": true,
	"return": true, "break": true, "continue": true, "try": true, "catch": true, "share": true,
	"undef": true, "timer": true, "go": true, "insert": true, "update": true, "delete": true,
	"null": true, "true": true, "false": true, "mutable": true, "const": true,
}

// Reserved reports whether w (in any case) is a SQL clause word or a
// statement keyword, words that never name an infix function.
func Reserved(w string) bool { return reserved[strings.ToLower(w)] }

var adverbLetters = "ACDEFGHIJKLMOPRSTUVXYZ"

// IsAdverb reports whether w is an adverb: one upper-case letter, or one
// followed by the assemble rule of its results (D DolphinDB's, C
// consistent, U tuple, K kdb+).
func IsAdverb(w string) bool {
	switch len(w) {
	case 1:
		return strings.Contains(adverbLetters, w)
	case 2:
		return strings.Contains(adverbLetters, w[:1]) && strings.ContainsRune("DCUK", rune(w[1]))
	}
	return false
}

// OpensLambda reports whether toks[i], a {, opens a braced lambda:
// {def(x) ...}, {x -> ...}, {x, y -> ...}.
func OpensLambda(toks []Token, i int) bool {
	is := func(t Token, op string) bool { return t.Kind == TokOp && t.Text == op }
	if !is(toks[i], "{") {
		return false
	}
	i++
	if toks[i].Kind == TokIdent && (toks[i].Text == "def" || toks[i].Text == "defg") {
		return is(toks[i+1], "(")
	}
	for toks[i].Kind == TokIdent && is(toks[i+1], ",") {
		i += 2
	}
	return toks[i].Kind == TokIdent && is(toks[i+1], "->")
}
