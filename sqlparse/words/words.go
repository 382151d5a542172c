package words

// precedences is how tightly each binary operator binds, by its
// normalised spelling (BinaryExpr.Op), as package sqlparse's doc lists.
var precedences = map[string]int{
	"||": 1, "or": 1, "&&": 2,
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

// CallPrecedence is how tightly a function used as a binary operator
// binds: as its operator when it is one's function (2 add 3 sub 5 f1 5 is
// (2 + 3) - f1(5, 5), progr/operators/precedence.md), else as
// multiplication.
func CallPrecedence(name string) int {
	for op, fn := range operatorFuncs {
		if fn == name && op != "!" {
			return Precedence(op)
		}
	}
	return Precedence("call")
}

// OperatorFunc is the function operator op stands for, "" for none.
func OperatorFunc(op string) string { return operatorFuncs[op] }

// ElementWise reports whether the binary operator op computes each row of
// its result from the same rows of its operands alone, so that a select
// item using it may be computed over a whole table and cut by group: not
// ** (a dot product), <- and join (a longer vector), .. and : (a range or
// a pair).
func ElementWise(op string) bool {
	switch op {
	case "**", "<-", "join", "..", ":":
		return false
	}
	return true
}
