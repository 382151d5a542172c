package ast

import (
	"sync/atomic"

	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// This file defines the abstract syntax tree produced by Parse and ParseExpr.
//
// Conventions used throughout the tree:
//
//   - Every node records the position of its first token in its At field and
//     reports it through Pos().
//   - Operator spellings are normalised (see BinaryExpr and UnaryExpr), so the
//     interpreter never needs to care about the case of keywords or about
//     synonyms such as `and` / `&&`.
//   - Literals are never converted to values: the Literal node carries the
//     source text (strings already unescaped) and the engine converts it.
//   - Optional sub-trees are nil when absent.

// Pos is a source position (see lex.Pos): the AST and the tokens share it.
type Pos = lex.Pos

// Error is a syntax error with its position (see lex.Error): the lexer's
// and the parser's errors are one type.
type Error = lex.Error

// Node is implemented by every AST node.
type Node interface{ Pos() Pos }

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Script is a whole parsed script: a list of statements in source order.
type Script struct {
	Stmts []Stmt
	// DDL and DML report that a create/drop/alter statement, or an
	// insert, update or delete statement, is among the statements at
	// any depth (runSQL refuses them).
	DDL, DML bool
}

// ---------------------------------------------------------------------------
// Statements

// ExprStmt is an expression evaluated as a statement (a call, a select, or a
// bare expression whose value is the script's value).
type ExprStmt struct {
	At Pos
	X  Expr
}

// AssignStmt is an assignment.
//
// Targets are Ident (x = ...), IndexExpr (x[i] = ...) or MemberExpr
// (t.col = ...). `a, b = f()` gives two targets (multiple assignment).
//
// Op is one of "=", "+=", "-=", "*=", "/=". The increment forms `i++` and
// `i--` are given as Op "+=" / "-=" with Value a Literal{Kind: LitInt,
// Text: "1"}.
type AssignStmt struct {
	At      Pos
	Targets []Expr
	Op      string
	Value   Expr
	// Ref is &y = x: y becomes another name for x's object instead of a
	// copy.
	Ref bool
	// Const is const x = v: x can't be modified afterwards (objs/const.md).
	Const bool
}

// Param is one formal parameter of a function definition or lambda.
//
// Default is the default value expression (def f(a, b=1)), nil if none.
// Mutable is true for `mutable x` parameters.
type Param struct {
	At      Pos
	Name    string
	Default Expr
	Mutable bool
}

// HasMutable reports whether one of params is mutable: a call may change
// what it passes.
func HasMutable(params []Param) bool {
	for _, p := range params {
		if p.Mutable {
			return true
		}
	}
	return false
}

// DefStmt is a named function definition: def f(a, b=1) { ... }.
//
// Aggregate is true for `defg` (a user-defined aggregate function).
// The one-line form `def f(x): expr` has Body = []Stmt{&ReturnStmt{X: expr}};
// a declaration, def f(x) with no body, has Body nil.
type DefStmt struct {
	At        Pos
	Name      string
	Params    []Param
	Body      []Stmt
	Aggregate bool
	// Annotations are the @names written on the lines before def
	// (@state, @jit): how DolphinDB's stream engines and JIT compiler
	// take the function. The function is the same either way.
	Annotations []string
}

// IfStmt is if(cond) then-branch [else else-branch]. Braces are optional in
// the source; an unbraced branch is a one-statement list. Else is nil when
// there is no else branch; `else if` gives an Else holding one IfStmt.
type IfStmt struct {
	At   Pos
	Cond Expr
	Then []Stmt
	Else []Stmt
}

// ForStmt is a loop.
//
// Range form `for(x in v) body`: Var = "x", Iter = v; Init/Cond/Post nil.
//
// C form `for(init; cond; post) body`: Var = "", Iter = nil and Init, Cond,
// Post hold the (each optional, possibly nil) parts.
type ForStmt struct {
	At   Pos
	Var  string
	Iter Expr
	Init Stmt
	Cond Expr
	Post Stmt
	Body []Stmt
}

// WhileStmt is while(cond) body.
type WhileStmt struct {
	At   Pos
	Cond Expr
	Body []Stmt
}

// DoWhileStmt is do { body } while(cond).
type DoWhileStmt struct {
	At   Pos
	Body []Stmt
	Cond Expr
}

// ReturnStmt is `return [x]`; X is nil for a bare return.
type ReturnStmt struct {
	At Pos
	X  Expr
}

// BreakStmt is `break`.
type BreakStmt struct{ At Pos }

// ContinueStmt is `continue`.
type ContinueStmt struct{ At Pos }

// TxnEndStmt is `commit` or `rollback` (Rollback set) in a transaction
// block: the block ends there, its changes kept or undone.
type TxnEndStmt struct {
	At       Pos
	Rollback bool
}

// TryStmt is try { body } catch(ex) { catch }. CatchVar is "" when the
// catch clause names no variable (`catch { ... }` / `catch() {...}`).
type TryStmt struct {
	At       Pos
	Body     []Stmt
	CatchVar string
	Catch    []Stmt
}

// ShareStmt is `share X as name`.
//
// Name is the shared name. An identifier in the source (share t as st) is
// given as a Literal{Kind: LitString, Text: "st"}; a string literal or other
// expression in the source is given as parsed.
type ShareStmt struct {
	At   Pos
	X    Expr
	Name Expr
}

// UndefStmt is the statement form `undef all` (All = true) or
// `undef x, y` (Names = ["x", "y"]). The call form undef(`x) is a CallExpr.
type UndefStmt struct {
	At    Pos
	Names []string
	All   bool
	// Kind is the object kind written after the names (VAR, SHARED or
	// DEF, as in `undef all, VAR`); empty when none is.
	Kind string
}

// TimerStmt is `timer stmt`, `timer(n) stmt` or `timer { ... }`. Count is
// the repetition count expression, nil when absent.
type TimerStmt struct {
	At    Pos
	Count Expr
	Body  []Stmt
}

// TransactionStmt is transaction { ... }: statements over in-memory
// tables that all take effect or, when one fails, none does
// (progr/statements/transaction.md).
type TransactionStmt struct {
	At   Pos
	Body []Stmt
}

// Pos implements Node.
func (n *TransactionStmt) Pos() Pos { return n.At }
func (*TransactionStmt) stmtNode()  {}

// InsertStmt is INSERT INTO table [(c1, c2)] VALUES (...), (...) or
// INSERT INTO table [(c1, c2)] SELECT ....
//
// Table is the target (usually an Ident). Cols is nil when no column list
// is given. Rows holds one []Expr per parenthesised VALUES group, each
// element as written (a scalar, or a vector such as [1,2] for column-wise
// inserts). Select is non-nil (and Rows nil) for the INSERT ... SELECT form.
type InsertStmt struct {
	At     Pos
	Table  Expr
	Cols   []string
	Rows   [][]Expr
	Select *SelectExpr
}

// SetClause is one `col = expr` of an UPDATE.
type SetClause struct {
	At  Pos
	Col string
	X   Expr
}

// UpdateStmt is UPDATE table SET c1 = e1, c2 = e2 [FROM f] [WHERE ...]
// [CONTEXT BY ...]. Where holds the comma-separated conditions as written
// (each condition may itself be an "&&" chain).
type UpdateStmt struct {
	At        Pos
	Table     Expr
	Sets      []SetClause
	From      Expr
	Where     []Expr
	ContextBy []Expr
	CSort     []OrderItem // csort after context by
	Having    Expr        // having after context by: which rows or groups change
}

// DeleteStmt is DELETE FROM table [WHERE ...], or DELETE table FROM
// joiner(table, ...) [WHERE ...] (From set), which deletes the rows of
// table the join's selected rows come from.
type DeleteStmt struct {
	At    Pos
	Table Expr
	From  Expr
	Where []Expr
}

// GoStmt is the `go` statement, which in DolphinDB splits a script into
// parts that are parsed and run one after another. It carries no data.
type GoStmt struct{ At Pos }

// MaprStmt is `mapr udaf(args){map1, ..., mapN -> reduce[; cum1, ...,
// cumN -> runningReduce]}`: the map-reduce implementation of a user
// aggregate (progr/statements/mapr.md). Map are the map calls, Reduce
// the reduce function's name; Cum and Running the optional cgroup by
// part.
type MaprStmt struct {
	At      Pos
	Name    string
	Params  []string
	Map     []Expr
	Reduce  string
	Cum     []Expr
	Running string
}

// ---------------------------------------------------------------------------
// Expressions

// Ident is an identifier (variable, function or column name). Names are
// case-sensitive and kept as written; a trailing '!' (append!) is part of
// the name.
type Ident struct {
	At   Pos
	Name string
}

// LitKind classifies a Literal.
type LitKind int

// Literal kinds.
const (
	// LitInt is an integer: 21, 0x1F, 122h, 22l, 97c, 1b. Text holds the
	// digits as written (with a 0x prefix for hex); Suffix the type letter.
	LitInt LitKind = iota
	// LitFloat is a floating literal: 2.1, 1e5, 2.1f, .5.
	LitFloat
	// LitString is a string in double or single quotes (other than a
	// one-character single-quoted literal). Text is the decoded value.
	LitString
	// LitChar is a one-character single-quoted literal 'a'. Text is the
	// decoded character.
	LitChar
	// LitSymbol is a single backtick word `abc. Text is "abc"; the engine
	// evaluates it to a STRING scalar.
	LitSymbol
	// LitTemporal is a date/time literal; Text is the source text without
	// a trailing type letter, Suffix the letter (M, m, ...) and Type the
	// DolphinDB type the literal denotes.
	LitTemporal
	// LitBool is true or false (Text "true"/"false", lower-cased).
	LitBool
	// LitNull is NULL/null (Suffix "") or a typed null such as 00i, 00f,
	// 00d (Text "00", Suffix the type letter, Type the type name).
	LitNull
)

// String returns the kind's name.
func (k LitKind) String() string {
	switch k {
	case LitInt:
		return "INT"
	case LitFloat:
		return "FLOAT"
	case LitString:
		return "STRING"
	case LitChar:
		return "CHAR"
	case LitSymbol:
		return "SYMBOL"
	case LitTemporal:
		return "TEMPORAL"
	case LitBool:
		return "BOOL"
	case LitNull:
		return "NULL"
	}
	return "?"
}

// Literal is a scalar literal. It is never converted to a value here
// (the interpreter keeps its conversion in Cache).
//
// Text is the literal's text without its type suffix (for strings and chars:
// the decoded value). Suffix is the type-suffix letter as written, if any:
// "c" CHAR, "b" BOOL, "h" SHORT, "i" INT, "l" LONG, "f" FLOAT, "F" DOUBLE,
// "d" DATE, "M" MONTH, "t" TIME, "m" MINUTE, "s" SECOND, "D" DATETIME,
// "T" TIMESTAMP, "n" NANOTIME, "N" NANOTIMESTAMP, "H" DATEHOUR.
//
// Type is the DolphinDB type name the literal's shape denotes when the
// lexer can tell (e.g. "DATE" for 2024.01.01, "MONTH" for 2012.06M,
// "DATETIME" for 2012.06.13T13:30:10 and 2012.06.13 13:30:10, "TIME" for
// 13:30:10.008, "SECOND" for 13:30:10, "MINUTE" for 13:30m, "NANOTIME",
// "TIMESTAMP", "NANOTIMESTAMP", "DATEHOUR", "SHORT" for 1h, "INT" for 00i,
// ...); "" for plain numbers, strings, symbols, bools and untyped NULL.
type Literal struct {
	At     Pos
	Kind   LitKind
	Text   string
	Suffix string
	Type   string
	// Cache is the interpreter's: the value it converted the literal to
	// on a first evaluation, so that a literal in a loop or a function
	// body is converted once. Its holder decides what it stores; the
	// parser leaves it empty.
	Cache atomic.Value
}

// SymbolVector is a backtick symbol vector `a`b`c (two or more words; one
// word alone is a Literal of kind LitSymbol).
type SymbolVector struct {
	At    Pos
	Items []string
}

// VectorLit is a space-separated literal vector: 1 3 5, 1 NULL 3,
// 2022.03.20 2022.03.21, -1 2, "a" "b". Elements are Literal, or
// UnaryExpr{Op: "-"} around a numeric Literal.
type VectorLit struct {
	At    Pos
	Elems []Expr
	// Cache is the interpreter's, as Literal's is.
	Cache atomic.Value
}

// ArrayExpr is a bracketed vector [a, b, c]; [] gives empty Elems.
type ArrayExpr struct {
	At    Pos
	Elems []Expr
}

// TupleExpr is a parenthesised tuple (a, b) or (a,). A single
// parenthesised expression is a ParenExpr; () is an empty TupleExpr.
type TupleExpr struct {
	At    Pos
	Elems []Expr
}

// ParenExpr is a single parenthesised expression (x).
type ParenExpr struct {
	At Pos
	X  Expr
}

// UnaryExpr is a prefix operation. Op is "-" (negation), "!" (logical not;
// `not` is normalised to "!"), "~" or "+" (unary plus, kept as written).
type UnaryExpr struct {
	At Pos
	Op string
	X  Expr
}

// BinaryExpr is a binary operation. Op is one of
//
//	"*" "/" "%" "\\" "$" "+" "-" "<<" ">>" ".." ":" "<" "<=" ">" ">="
//	"==" "!=" "in" "like" "between" "&" "|" "^" "&&" "||" "or"
//
// with these normalisations: `=` used as a comparison (in SQL clauses and
// wherever assignment is impossible) and `==` both give "=="; `<>` gives
// "!="; `and`/`&&` give "&&"; `or` gives "or" (unlike ||, it ignores a NULL
// side); keywords are lower-cased.
// `x between a and b` gives {Op: "between", L: x, R: {Op: ":", L: a, R: b}}.
// `x not in y`, `x not like y` and `x not between a and b` give a
// UnaryExpr{Op: "!"} around the positive form. "$" is the cast operator
// (X $ type). "\\" is the ratio operator (DolphinDB `\`). `as` is an
// AliasExpr, never a BinaryExpr.
type BinaryExpr struct {
	At Pos
	Op string
	L  Expr
	R  Expr
	// Unified marks the operation unifiedExpr built: DolphinDB holds it
	// as one expression of many operands and names its column after the
	// first operand and the operator (price1_add in funcs/u/unifiedExpr.md).
	Unified bool
	// BetweenAnd marks the ":" of `x between lo and hi`, which DolphinDB
	// holds as pair(lo, hi) and prints so (progr/macrovariations.md).
	BetweenAnd bool
}

// AliasExpr is `X as Name` (select lists, function arguments). In a
// select list `X as `a`b` names the columns of a result with several
// (Names; an empty name drops its column) and Name is the first.
type AliasExpr struct {
	At    Pos
	X     Expr
	Name  string
	Names []string
}

// NamedArg is a named argument name=value inside CallExpr.Args. Inside call
// parentheses `ident = expr` is always a NamedArg, so f(x=1) passes x by
// name rather than comparing; write f(x==1) for the comparison.
type NamedArg struct {
	At   Pos
	Name string
	X    Expr
}

// CallExpr is a function call f(a, b).
//
// Method-call syntax X.f(a) is given as Fn = Ident f, Args = [X, a],
// Method = true. Named arguments appear in Args as *NamedArg. count(*) has
// a *StarExpr argument. A function used as a binary operator, x pow 2,
// is given as a plain call pow(x, 2). An empty argument slot, as in
// database("dfs://x", COMPO, [db1, db2], , "TSDB"), is a nil entry in Args
// (f() has no entries; f(a,) has a trailing nil). Fn is usually an Ident but may be any expression
// (a PartialExpr, a LambdaExpr, an AdverbExpr, a call returning a function).
type CallExpr struct {
	At     Pos
	Fn     Expr
	Args   []Expr
	Method bool
}

// PartialExpr is partial application f{a, , b}: Args holds one entry per
// slot, nil for an empty slot (so upsert!{t,} has Args [t, nil]). Named
// arguments (f{a, , opt=true}) appear as *NamedArg. Method-style X.f{a} is given with X as the
// first Args entry and Method = true.
type PartialExpr struct {
	At     Pos
	Fn     Expr
	Args   []Expr
	Method bool
}

// AdverbExpr is a function with a higher-order suffix operator, such as
// add:E, f:X, f:C (DolphinDB's "template" shorthand). It is usually the Fn
// of a CallExpr. Adverb is the letter(s) after the colon.
type AdverbExpr struct {
	At     Pos
	Fn     Expr
	Adverb string
}

// IndexExpr is X[Index]: x[i], x[1:3] (Index is a ":" BinaryExpr), t[`col].
// A multi-dimensional index m[i, j] has Index a TupleExpr of the parts.
type IndexExpr struct {
	At    Pos
	X     Expr
	Index Expr
}

// MemberExpr is X.Name without a following call: t.col, db.x.
type MemberExpr struct {
	At   Pos
	X    Expr
	Name string
}

// LambdaExpr is an anonymous function: def(x){...}, def(x): expr,
// def(x) -> expr, x -> x + 1, (x, y) -> x + y, {x, y -> x + y}.
// Expression-bodied forms have Body = []Stmt{&ReturnStmt{X: expr}}.
// Aggregate is true for the defg forms.
type LambdaExpr struct {
	At        Pos
	Params    []Param
	Body      []Stmt
	Aggregate bool
}

// OrderItem is one ORDER BY item.
type OrderItem struct {
	X    Expr
	Desc bool
	// Stated marks a direction sql() set, which DolphinDB prints even
	// when ascending (csort time asc, tutorials/meta_programming.md).
	Stated bool
	// Nulls is "first" or "last" for an explicit NULLS FIRST/LAST, else "".
	Nulls string
}

// JoinExpr is an SQL join in a FROM clause: L [kind] join R [on On], or
// the comma of FROM L, R. Kind is lower-case: "inner", "left", "right",
// "full", "cross". On is nil for cross joins. A chain joins left to
// right: L is the join before. (DolphinDB's function-style joins such as
// ej(t1, t2, `id) are plain CallExprs.)
type JoinExpr struct {
	At Pos
	// Kind is inner, left, right, full, cross, "left semi" (left
	// semijoin) or "," (a cross join of FROM's comma-separated parts,
	// each a join chain evaluated on its own).
	Kind string
	L    Expr
	R    Expr
	On   Expr
}

// SelectExpr is a SELECT or EXEC query (Exec = true for exec).
//
// Cols holds the select list; each item is an arbitrary expression, an
// AliasExpr, or a *StarExpr. Where holds the conditions as written, one per
// comma-separated item (an `and` chain stays one "&&" BinaryExpr). `=` in
// Where/Having is "==". `limit n` sets Limit; `limit a, b` sets Offset = a
// and Limit = b. Top is the `top n` expression (nil when absent). Nil/empty
// fields are absent clauses.
type SelectExpr struct {
	At        Pos
	Exec      bool
	Hints     int64 // or of package lex's Hint flags: select [HINT_KEEPORDER] ...
	Distinct  bool
	Top       Expr
	Cols      []Expr
	From      Expr
	Where     []Expr
	GroupBy   []Expr
	ContextBy []Expr
	CSort     []OrderItem // csort after context by
	PivotBy   []Expr
	Having    Expr
	OrderBy   []OrderItem
	Limit     Expr
	Offset    Expr
	CGroupBy  []Expr // cgroup by (cumulative groups)
	Map       bool   // the map keyword: run per partition
}

// DictExpr is a dictionary literal {k1: v1, k2: v2}; Keys and Values have
// equal length.
type DictExpr struct {
	At     Pos
	Keys   []Expr
	Values []Expr
}

// TernaryExpr is cond ? a : b.
type TernaryExpr struct {
	At   Pos
	Cond Expr
	Then Expr
	Else Expr
}

// UnionExpr is `L union [all] R` between queries.
type UnionExpr struct {
	At   Pos
	L, R Expr
	All  bool
}

// StarExpr is `*` in a select list or in count(*), or `t.*` in a select
// list, where Table is t: the columns of the FROM table or joined table
// that t names.
type StarExpr struct {
	At    Pos
	Table string
}

// ---------------------------------------------------------------------------
// Node plumbing

// Pos implements Node.
func (n *ExprStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *AssignStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *DefStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *IfStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ForStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *WhileStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *DoWhileStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ReturnStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *BreakStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ContinueStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *TxnEndStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *TryStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ShareStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *UndefStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *TimerStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *InsertStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *UpdateStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *DeleteStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *GoStmt) Pos() Pos   { return n.At }
func (n *MaprStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ThrowStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *AssertStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ClassStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ModuleStmt) Pos() Pos { return n.At }

// Pos implements Node.
func (n *UseStmt) Pos() Pos { return n.At }

func (*ExprStmt) stmtNode()     {}
func (*AssignStmt) stmtNode()   {}
func (*DefStmt) stmtNode()      {}
func (*IfStmt) stmtNode()       {}
func (*ForStmt) stmtNode()      {}
func (*WhileStmt) stmtNode()    {}
func (*DoWhileStmt) stmtNode()  {}
func (*ReturnStmt) stmtNode()   {}
func (*BreakStmt) stmtNode()    {}
func (*ContinueStmt) stmtNode() {}
func (*TxnEndStmt) stmtNode()   {}
func (*TryStmt) stmtNode()      {}
func (*ShareStmt) stmtNode()    {}
func (*UndefStmt) stmtNode()    {}
func (*TimerStmt) stmtNode()    {}
func (*InsertStmt) stmtNode()   {}
func (*UpdateStmt) stmtNode()   {}
func (*DeleteStmt) stmtNode()   {}
func (*GoStmt) stmtNode()       {}
func (*MaprStmt) stmtNode()     {}
func (*ThrowStmt) stmtNode()    {}
func (*AssertStmt) stmtNode()   {}
func (*ClassStmt) stmtNode()    {}
func (*ModuleStmt) stmtNode()   {}
func (*UseStmt) stmtNode()      {}

// Pos implements Node.
func (n *Ident) Pos() Pos { return n.At }

// Pos implements Node.
func (n *Literal) Pos() Pos { return n.At }

// Pos implements Node.
func (n *SymbolVector) Pos() Pos { return n.At }

// Pos implements Node.
func (n *VectorLit) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ArrayExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *TupleExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *ParenExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *UnaryExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *BinaryExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *AliasExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *NamedArg) Pos() Pos { return n.At }

// Pos implements Node.
func (n *CallExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *PartialExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *AdverbExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *IndexExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *MemberExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *LambdaExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *JoinExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *SelectExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *StarExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *UnionExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *DictExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *TernaryExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *MetaExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *OverExpr) Pos() Pos { return n.At }

// Pos implements Node.
func (n *WithExpr) Pos() Pos { return n.At }

func (*Ident) exprNode()        {}
func (*Literal) exprNode()      {}
func (*SymbolVector) exprNode() {}
func (*VectorLit) exprNode()    {}
func (*ArrayExpr) exprNode()    {}
func (*TupleExpr) exprNode()    {}
func (*ParenExpr) exprNode()    {}
func (*UnaryExpr) exprNode()    {}
func (*BinaryExpr) exprNode()   {}
func (*AliasExpr) exprNode()    {}
func (*NamedArg) exprNode()     {}
func (*CallExpr) exprNode()     {}
func (*PartialExpr) exprNode()  {}
func (*AdverbExpr) exprNode()   {}
func (*IndexExpr) exprNode()    {}
func (*MemberExpr) exprNode()   {}
func (*LambdaExpr) exprNode()   {}
func (*JoinExpr) exprNode()     {}
func (*SelectExpr) exprNode()   {}
func (*StarExpr) exprNode()     {}
func (*UnionExpr) exprNode()    {}
func (*DictExpr) exprNode()     {}
func (*TernaryExpr) exprNode()  {}
func (*MetaExpr) exprNode()     {}
func (*OverExpr) exprNode()     {}
func (*WithExpr) exprNode()     {}

// MetaExpr is metacode, <expr>: the expression unevaluated, as a value.
type MetaExpr struct {
	At Pos
	X  Expr
}

// ThrowStmt is `throw X`: it raises a user exception carrying X.
type ThrowStmt struct {
	At Pos
	X  Expr
}

// AssertStmt is `assert X` or `assert Case, X`: X must be true. Case names
// the test case; an identifier written there is given as a string literal.
type AssertStmt struct {
	At   Pos
	Case Expr
	X    Expr
}

// ClassStmt is a class definition (progr/class_objects.md):
//
//	class Derived : Base {
//	    beta :: INT
//	    def Derived(a, b) { Base(a); beta = b }
//	    def method2()           // declared here, defined further down
//	}
//
// Attrs are the member variables in order; Methods the member functions,
// the one named after the class being its constructor. A method declared
// without a body has Body nil.
type ClassStmt struct {
	At      Pos
	Name    string
	Base    string
	Attrs   []ClassAttr
	Methods []*DefStmt
}

// ClassAttr is a member variable and its declared type as written: INT,
// STRING VECTOR, INT[] VECTOR, ANY.
type ClassAttr struct {
	Name string
	Type string
}

// OverExpr is an analytic (window) function call, f(args) OVER ([PARTITION
// BY p, ...] [ORDER BY o [ASC|DESC], ...] [frame]) (progr/sql/analyticFunction.md).
// Frame is nil when the query gives none (the default frame depends on
// whether OrderBy is empty).
type OverExpr struct {
	At          Pos
	Call        *CallExpr
	PartitionBy []Expr
	OrderBy     []OrderItem
	Frame       *WindowFrame
}

// WindowFrame is `ROWS|RANGE BETWEEN Lo AND Hi`; the short forms (ROWS n
// PRECEDING, ...) are given with Hi the current row.
type WindowFrame struct {
	Range  bool // RANGE (by the order key's value) rather than ROWS
	Lo, Hi FrameBound
}

// BoundKind is where a window frame's bound lies.
type BoundKind int

// Frame bounds, in the order they lie relative to the current row.
const (
	UnboundedPreceding BoundKind = iota
	Preceding                    // N PRECEDING
	CurrentRow
	Following // N FOLLOWING
	UnboundedFollowing
)

// FrameBound is one end of a window frame; N is the offset of N
// PRECEDING / N FOLLOWING (an integer, or a DURATION for RANGE), else nil.
type FrameBound struct {
	Kind BoundKind
	N    Expr
}

// WithExpr is `with t1[(c1, ...)] as (q1), ... final-query`
// (progr/sql/with.md): each query's result is a table named for the final
// query (and the queries after it).
type WithExpr struct {
	At     Pos
	Tables []WithTable
	Body   Expr
}

// WithTable is one `name[(cols)] as (query)` of a WithExpr; Cols renames
// the query's columns when given.
type WithTable struct {
	Name  string
	Cols  []string
	Query Expr
}

// ModuleStmt is `module a::b::c`, the first line of a module file, which
// names the module its functions belong to (progr/statements/module.md).
type ModuleStmt struct {
	At   Pos
	Name string // "a::b::c"
}

// UseStmt is `use a::b::c`, which imports a module into the session
// (progr/statements/use.md).
type UseStmt struct {
	At   Pos
	Name string
}
