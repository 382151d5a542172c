// Package words holds the fixed vocabularies of DolphinDB's script
// grammar the parser and printer consult: reserved words, operator
// precedences, the functions operators stand for, the select/exec
// optimizer hints and the adverbs.
package words

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

// Reserved reports whether w (any case) is a reserved word.
func Reserved(w string) bool { return reserved[strings.ToLower(w)] }

// precedences is how tightly each binary operator binds, by its
// normalised spelling (BinaryExpr.Op), as package sqlparse's doc lists.
var precedences = map[string]int{
	"||": 1, "&&": 2,
	"<": 3, "<=": 3, ">": 3, ">=": 3, "==": 3, "!=": 3, "in": 3, "like": 3, "between": 3,
	"|": 4, "^": 5, "&": 6, "<<": 7, ">>": 7, "+": 8, "-": 8,
	"*": 10, "/": 10, "%": 10, "\\": 10, "$": 10, "**": 10, "<-": 10, "join": 10,
	"..": 15, ":": 15, "@": 16,
}

// BinaryPrecedence is the precedence of a binary operator; ok is false
// for anything else.
func BinaryPrecedence(op string) (prec int, ok bool) {
	prec, ok = precedences[op]
	return prec, ok
}

// Precedence is how tightly the binary operator op (a BinaryExpr.Op)
// binds, higher binding tighter, as the parser groups operands; printers
// use it to place parentheses. A function used as an operator (x pow 2)
// binds like multiplication.
func Precedence(op string) int {
	if p, ok := precedences[op]; ok {
		return p
	}
	return 10
}

// operatorFuncs names the function each operator stands for when it is
// passed as an argument (reduce(+, x), cross(*, a, b), f{-, 1}).
var operatorFuncs = map[string]string{
	"+": "add", "-": "sub", "*": "mul", "/": "div", "\\": "ratio", "%": "mod", "**": "dot",
	"==": "eq", "!=": "ne", "<>": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge",
	"&&": "and", "||": "or", "&": "bitAnd", "|": "bitOr", "^": "bitXor", "<-": "join",
	"<<": "lshift", ">>": "rshift", "!": "not", "..": "seq", ":": "pair", "$": "cast",
}

// OperatorFunc is the function operator op stands for, "" for none.
func OperatorFunc(op string) string { return operatorFuncs[op] }

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

// HintFlag is the flag of the hint name (any case); ok is false for a
// name that is no hint.
func HintFlag(name string) (flag int64, ok bool) {
	flag, ok = hintFlags[strings.ToUpper(name)]
	return flag, ok
}

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
