// Package sqlparse turns DolphinDB script text into an AST; it knows nothing of execution.
//
// # API
//
//	Parse(src) (*Script, error)   a whole script
//	ParseExpr(src) (Expr, error)  a single expression (`=` is a comparison)
//
// The tokens come from package sqlparse/lex and the tree's nodes are
// package sqlparse/ast's (re-exported here, nodes.go); package sqlparse/unparse
// prints trees back as text, package sqlparse/astwalk walks them, and
// package sqlparse/exprs answers questions about expressions (Conjuncts,
// Unparen).
//
// Errors are *Error values with the line and column (1-based, columns in
// characters) of the offending token; Error() reads like DolphinDB's own
// messages, e.g.
//
//	Syntax Error: [line #2] Cannot recognize the token b (column 7)
//
// Parse and ParseExpr never panic: nesting deeper than an internal limit is
// reported as an error.
//
// # Lines and statements
//
// Statements are separated by line breaks or ';'. An expression continues
// on the next line while inside ( ) or [ ], after a binary operator or a
// comma, before a `.method()` chained on the next line, and before an SQL
// clause keyword (from, where, group by, ...). `else`, `catch` and the
// `while` of do-while may start a new line. Comments are // and /* */.
//
// # Operator precedence
//
// From DolphinDB's "Operators" reference (operator summary table and
// "Precedence Rules" page), highest first; equal precedences associate to
// the left:
//
//	20  postfix: call f(x), index x[i], member/method x.y / x.f(), partial f{a}
//	18  unary: - ! ~ (and unary +)
//	15  .. (seq)  : (pair)
//	10  * / % \ (ratio) ** (dot) $ (cast) <- (join), and a function used as
//	    a binary operator (x pow 2 is pow(x, 2)); the right side of `at`
//	    takes every operator but ?: (x at x>3 is x[x>3])
//	 8  + -
//	 7  << >>
//	 6  &
//	 5  ^
//	 4  |
//	 3  < <= > >= == != <> = (as ==) in like between, not in/like/between
//	 2  && and
//	 1  || or
//	 0  c ? a : b   (ternary)
//
// So 3*a..10 is 3*(a..10), 00:00:00 + 1..n is 00:00:00 + (1..n), -n..n is
// (-n)..n and 1..8$4:2 is (1..8)$(4:2), as the DolphinDB docs show. The
// placement of in/like/between (not in DolphinDB's table) follows SQL: at
// the comparison level. The keyword `not` (as opposed to `!`) negates a
// whole comparison: not x in y is not(x in y), not a and b is (not a) and b.
// `expr as name` is looser than all operators and only allowed where an
// alias makes sense (function arguments, select lists, group by items).
//
// The package imports only the standard library, sqlparse/lex and
// sqlparse/words (precedences, operator functions).
package sqlparse
