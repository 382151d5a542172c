package sqlparse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/sqlparse/words"
)

// maxDepth bounds the nesting of expressions and blocks; deeper input is a
// syntax error rather than a stack overflow.
const maxDepth = 1000

// Parse parses a whole script.
func Parse(src string) (*ast.Script, error) {
	return ParseWith(src, Options{})
}

// Options tell the parser what it cannot know from the text alone.
type Options struct {
	// IsFunction reports whether a name is a function (built-in or
	// defined). DolphinDB lets a function of one argument be called
	// without parentheses (sum x, print "a"); only names it accepts are
	// read that way. Nil means no such calls.
	IsFunction func(name string) bool
	// Dialect is the SQL dialect of the script. In Oracle's, -- starts a
	// comment, || concatenates (binding as + does, as in Oracle) and
	// calls of Oracle's functions, in any case, go to the internal
	// functions of words.DialectFunction; in MySQL's, sysdate() does.
	// DolphinDB's scripts parse the same in every dialect otherwise.
	Dialect words.Dialect
}

// ParseWith parses a whole script with options.
func ParseWith(src string, o Options) (*ast.Script, error) {
	toks, err := lex.LexWith(src, lex.Options{DashComments: o.Dialect == words.Oracle})
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, isFunction: o.IsFunction, dialect: o.Dialect}
	if o.IsFunction != nil {
		// functions the script itself defines count too, wherever defined
		defined := map[string]bool{}
		for i := 0; i+1 < len(toks); i++ {
			if (isWord(toks[i], "def") || isWord(toks[i], "defg")) && toks[i+1].Kind == lex.TokIdent {
				defined[toks[i+1].Text] = true
			}
		}
		if len(defined) > 0 {
			p.isFunction = func(name string) bool { return defined[name] || o.IsFunction(name) }
		}
	}
	return p.parseScript()
}

// ParseExpr parses a single expression; the whole input (apart from
// surrounding line breaks and a trailing ';') must be one expression. `=`
// is a comparison here.
func ParseExpr(src string) (e ast.Expr, err error) {
	toks, err := lex.Lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	defer p.recoverErr(&err)
	p.skipNewlines()
	e = p.parseExpr()
	for p.isOp(";") || p.tok().Kind == lex.TokNewline {
		p.next()
	}
	if p.tok().Kind != lex.TokEOF {
		p.failTok(p.tok())
	}
	return e, nil
}

type parser struct {
	toks  []lex.Token
	pos   int
	depth int
	// noEq makes `=` end an expression (statement level, where `=` is an
	// assignment); it is cleared inside brackets and SQL clauses.
	noEq bool
	// noPair makes `:` end an expression (dictionary keys, the middle of
	// a ternary).
	noPair bool
	// isFunction is Options.IsFunction.
	isFunction func(string) bool
	// inMeta is set inside metacode <...>, where a `>` that no operand
	// follows closes the metacode instead of comparing.
	inMeta bool
	// inOver is set inside an analytic call's over (...), where ROWS and
	// RANGE start the window frame instead of calling the functions rows
	// and range.
	inOver bool
	// ranges is set while a select column is parsed, where col1...colN
	// names a run of columns.
	ranges *colRanges
	// commaEnds is set inside lists, arguments and vector elements, where
	// a comma ends the item: a select there keeps one FROM table
	// (manova(select a,b,c from t, t.g) passes two arguments). Elsewhere
	// FROM t1, t2 cross-joins its comma-separated parts.
	commaEnds bool
	// dialect is Options.Dialect.
	dialect words.Dialect
	// inSQL is set inside a select, update or delete, where a line may
	// start with the and/or that goes on with the line before's condition
	// (std_sql_ddb.md: line breaks do not change how SQL parses).
	inSQL bool
	// ddl and dml record that a create/drop/alter, or an insert, update
	// or delete statement was parsed (ast.Script.DDL, DML).
	ddl, dml bool
	// colType is set while create table parses a column's type, where a
	// `[` opening comment=, compress= or indexes= starts the column's
	// description instead of indexing the type (DOUBLE[] [comment="c"]).
	colType bool
}

// bailout carries a syntax error up through panics inside the parser; it
// never escapes Parse/ParseExpr.
type bailout struct{ err *ast.Error }

func (p *parser) recoverErr(err *error) {
	if r := recover(); r != nil {
		b, ok := r.(bailout)
		if !ok {
			*err = &ast.Error{Pos: p.tok().Pos, Msg: fmt.Sprintf("Internal parser error: %v", r), Internal: true}
			return
		}
		*err = b.err
	}
}

func (p *parser) fail(pos ast.Pos, msg string) {
	panic(bailout{&ast.Error{Pos: pos, Msg: msg}})
}

func (p *parser) failTok(t lex.Token) {
	switch t.Kind {
	case lex.TokEOF:
		p.fail(t.Pos, "Incomplete statement: unexpected end of script")
	case lex.TokNewline:
		p.fail(t.Pos, "Incomplete statement: unexpected end of line")
	}
	raw := t.Raw
	if len(raw) > 64 {
		raw = raw[:64] + "..."
	}
	p.fail(t.Pos, "Cannot recognize the token "+raw)
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.tok().Pos, "The script is too deeply nested")
	}
}

func (p *parser) leave() { p.depth-- }

// ---------------------------------------------------------------------------
// token helpers

func (p *parser) tok() lex.Token { return p.toks[p.pos] }

func (p *parser) peekN(n int) lex.Token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() lex.Token {
	t := p.toks[p.pos]
	if p.pos < len(p.toks)-1 {
		p.pos++
	}
	return t
}

func (p *parser) isOp(s string) bool {
	t := p.tok()
	return t.Kind == lex.TokOp && t.Text == s
}

func isOpTok(t lex.Token, s string) bool { return t.Kind == lex.TokOp && t.Text == s }

// isKw reports whether t is the identifier kw (case-insensitive).
func isKw(t lex.Token, kw string) bool {
	return t.Kind == lex.TokIdent && strings.EqualFold(t.Text, kw)
}

// isWord reports whether t is the identifier w (case-sensitive).
func isWord(t lex.Token, w string) bool { return t.Kind == lex.TokIdent && t.Text == w }

func (p *parser) expectOp(s string) lex.Token {
	if !p.isOp(s) {
		p.failTok(p.tok())
	}
	return p.next()
}

func (p *parser) expectKw(kw string) lex.Token {
	if !isKw(p.tok(), kw) {
		p.failTok(p.tok())
	}
	return p.next()
}

func (p *parser) expectIdent() lex.Token {
	if p.tok().Kind != lex.TokIdent {
		p.failTok(p.tok())
	}
	return p.next()
}

func (p *parser) skipNewlines() {
	for p.tok().Kind == lex.TokNewline {
		p.next()
	}
}

// peekPastNewlines returns the first token that is not a line break.
func (p *parser) peekPastNewlines() lex.Token {
	i := p.pos
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	return p.toks[i]
}

// atStmtEnd reports whether the current token ends a statement.
func (p *parser) atStmtEnd() bool {
	t := p.tok()
	return t.Kind == lex.TokEOF || t.Kind == lex.TokNewline || isOpTok(t, ";") || isOpTok(t, "}")
}

// afterBlock reports whether the previous token closed a block, after which
// a new statement may start on the same line: if(x){a=1} b=2.
func (p *parser) afterBlock() bool {
	if p.pos == 0 || p.tok().Kind == lex.TokEOF {
		return false
	}
	prev := p.toks[p.pos-1]
	// a keyword may also follow a string literal directly:
	// dbName='dfs://x'if(existsDatabase(dbName)) ...
	return isOpTok(prev, "}") || (prev.Kind == lex.TokString && p.tok().Kind == lex.TokIdent)
}

// sqlClause sets inSQL until the function it returns restores it.
func (p *parser) sqlClause() func() {
	old := p.inSQL
	p.inSQL = true
	return func() { p.inSQL = old }
}

// withEq runs f with `=` as a comparison and `:` as the pair operator;
// what f sets commaEnds to ends with it.
func (p *parser) withEq(f func()) {
	oldEq, oldPair, oldComma := p.noEq, p.noPair, p.commaEnds
	p.noEq, p.noPair = false, false
	defer func() { p.noEq, p.noPair, p.commaEnds = oldEq, oldPair, oldComma }()
	f()
}

// ---------------------------------------------------------------------------
// statements

func (p *parser) parseScript() (s *ast.Script, err error) {
	defer p.recoverErr(&err)
	s = &ast.Script{}
	for {
		for p.tok().Kind == lex.TokNewline || p.isOp(";") {
			p.next()
		}
		if p.tok().Kind == lex.TokEOF {
			break
		}
		st := p.parseStmt()
		s.Stmts = append(s.Stmts, st)
		if p.isOp("}") || (!p.atStmtEnd() && !p.afterBlock()) {
			p.failTok(p.tok())
		}
	}
	s.DDL, s.DML = p.ddl, p.dml
	return s, nil
}

// parseBlock parses { stmts }.
func (p *parser) parseBlock() []ast.Stmt {
	p.expectOp("{")
	p.enter()
	defer p.leave()
	stmts := []ast.Stmt{}
	for {
		for p.tok().Kind == lex.TokNewline || p.isOp(";") {
			p.next()
		}
		if p.isOp("}") {
			p.next()
			return stmts
		}
		if p.tok().Kind == lex.TokEOF {
			p.failTok(p.tok())
		}
		stmts = append(stmts, p.parseStmt())
		if !p.atStmtEnd() && !p.afterBlock() {
			p.failTok(p.tok())
		}
	}
}

// parseBody parses a braced block or a single statement (after optional
// line breaks).
func (p *parser) parseBody() []ast.Stmt {
	p.skipNewlines()
	if p.isOp("{") {
		return p.parseBlock()
	}
	if p.atStmtEnd() {
		p.failTok(p.tok())
	}
	return []ast.Stmt{p.parseStmt()}
}

func (p *parser) parseStmt() ast.Stmt {
	p.enter()
	defer p.leave()
	old := p.commaEnds
	p.commaEnds = false // a function body's statements in an argument
	defer func() { p.commaEnds = old }()
	t := p.tok()
	nx := p.peekN(1)
	if isOpTok(t, "@") && nx.Kind == lex.TokIdent {
		return p.parseAnnotated()
	}
	if t.Kind == lex.TokIdent {
		switch t.Text {
		case "def", "defg":
			if nx.Kind == lex.TokIdent {
				return p.parseDef()
			}
		case "class":
			if nx.Kind == lex.TokIdent {
				return p.parseClass()
			}
		case "if":
			return p.parseIf()
		case "for":
			return p.parseFor()
		case "while":
			return p.parseWhile()
		case "do":
			if isOpTok(nx, "{") || nx.Kind == lex.TokNewline {
				return p.parseDoWhile()
			}
		case "return":
			p.next()
			r := &ast.ReturnStmt{At: t.Pos}
			if !p.atStmtEnd() && !isWord(p.tok(), "else") {
				// return x as name: the value, its alias dropped as a call
				// argument's is (getSharp in tutorials/fund_factor_contrasted_by_py.md)
				r.X = p.parseAliased()
				if p.isOp(",") {
					// return sum(a), avg(a): several values, returned as
					// one tuple (named_func.md)
					tup := &ast.TupleExpr{At: r.X.Pos(), Elems: []ast.Expr{r.X}}
					for p.isOp(",") {
						p.next()
						tup.Elems = append(tup.Elems, p.parseExpr())
					}
					r.X = tup
				}
			}
			return r
		case "break":
			p.next()
			return &ast.BreakStmt{At: t.Pos}
		case "continue":
			p.next()
			return &ast.ContinueStmt{At: t.Pos}
		case "commit", "rollback":
			if nx.Kind == lex.TokNewline || nx.Kind == lex.TokEOF || isOpTok(nx, ";") || isOpTok(nx, "}") {
				p.next()
				return &ast.TxnEndStmt{At: t.Pos, Rollback: t.Text == "rollback"}
			}
		case "try":
			if isOpTok(nx, "{") || nx.Kind == lex.TokNewline {
				return p.parseTry()
			}
		case "share":
			if !isOpTok(nx, "(") && !isOpTok(nx, "=") && nx.Kind != lex.TokNewline && nx.Kind != lex.TokEOF && !isOpTok(nx, ";") {
				return p.parseShare()
			}
		case "undef":
			if !isOpTok(nx, "(") && !isOpTok(nx, "=") && nx.Kind != lex.TokNewline && nx.Kind != lex.TokEOF && !isOpTok(nx, ";") {
				return p.parseUndef()
			}
		case "transaction":
			if isOpTok(nx, "{") {
				return &ast.TransactionStmt{At: p.next().Pos, Body: p.parseBody()}
			}
		case "timer":
			if !isOpTok(nx, "=") && nx.Kind != lex.TokNewline && nx.Kind != lex.TokEOF && !isOpTok(nx, ";") {
				return p.parseTimer()
			}
		case "const":
			if nx.Kind == lex.TokIdent && isOpTok(p.peekN(2), "=") {
				p.next()
				a := p.parseSimpleStmt().(*ast.AssignStmt)
				a.Const = true
				return a
			}
		case "else", "catch":
			p.failTok(t)
		case "throw":
			if !isOpTok(nx, "=") && nx.Kind != lex.TokNewline && nx.Kind != lex.TokEOF && !isOpTok(nx, ";") {
				p.next()
				var x ast.Expr
				p.withEq(func() { x = p.parseExpr() })
				return &ast.ThrowStmt{At: t.Pos, X: x}
			}
		case "assert":
			// assert is a statement, not a function: "assert (x) % 10 == 0"
			// asserts the whole expression.
			if !isOpTok(nx, "=") && nx.Kind != lex.TokNewline && nx.Kind != lex.TokEOF && !isOpTok(nx, ";") {
				return p.parseAssert()
			}
		case "mapr":
			if nx.Kind == lex.TokIdent {
				return p.parseMapr()
			}
		case "go":
			if nx.Kind == lex.TokNewline || nx.Kind == lex.TokEOF || isOpTok(nx, ";") {
				p.next()
				return &ast.GoStmt{At: t.Pos}
			}
		}
		switch {
		case isKw(t, "insert") && isKw(nx, "into"):
			p.dml = true
			return p.parseInsert()
		case isKw(t, "update") && nx.Kind == lex.TokIdent && !isKw(nx, "set"):
			p.dml = true
			return p.parseUpdate()
		case isKw(t, "delete") && (isKw(nx, "from") || nx.Kind == lex.TokIdent && isKw(p.peekN(2), "from")):
			p.dml = true
			return p.parseDelete()
		case p.isDDL(t, nx):
			p.ddl = true
			return p.parseDDL()
		case p.startsModuleStmt(t, nx):
			return p.parseModuleStmt()
		}
	}
	return p.parseSimpleStmt()
}

// dialectCallee is the function a call of fn goes to in the script's
// dialect: a dialect function's internal name, the lower-case name of a
// ranking function before OVER, or fn itself.
func (p *parser) dialectCallee(fn ast.Expr) ast.Expr {
	id, ok := fn.(*ast.Ident)
	if !ok || p.dialect == words.DolphinDB {
		return fn
	}
	if p.startsOver() {
		if name, ok := words.DialectAnalytic(p.dialect, id.Name); ok {
			return &ast.Ident{At: id.At, Name: name}
		}
		return fn
	}
	if name, ok := words.DialectFunction(p.dialect, id.Name); ok {
		return &ast.Ident{At: id.At, Name: name}
	}
	return fn
}

// parseSimpleStmt parses an assignment, an increment or an expression
// statement.
func (p *parser) parseSimpleStmt() ast.Stmt {
	start := p.tok().Pos
	if p.isOp("&") && p.peekN(1).Kind == lex.TokIdent && isOpTok(p.peekN(2), "=") {
		// &y = x binds by reference
		p.next()
		id := p.next()
		p.next()
		p.skipNewlines()
		var v ast.Expr
		p.withEq(func() { v = p.parseExpr() })
		return &ast.AssignStmt{At: start, Targets: []ast.Expr{&ast.Ident{At: id.Pos, Name: id.Text}}, Op: "=", Value: v, Ref: true}
	}
	old := p.noEq
	p.noEq = true
	first := p.parseExpr()
	targets := []ast.Expr{first}
	for p.isOp(",") {
		p.next()
		p.skipNewlines()
		targets = append(targets, p.parseExpr())
	}
	p.noEq = old
	t := p.tok()
	if t.Kind == lex.TokOp {
		switch t.Text {
		case "=", "+=", "-=", "*=", "/=":
			p.next()
			for _, tg := range targets {
				checkTarget(p, tg, t.Text)
			}
			p.skipNewlines()
			var v ast.Expr
			p.withEq(func() { v = p.parseExpr() })
			if len(targets) > 1 && p.isOp(",") {
				// x, y = 1 2 3, 2:5 assigns the values in order (assign_multi.md)
				tu := &ast.TupleExpr{At: v.Pos(), Elems: []ast.Expr{v}}
				for p.isOp(",") {
					p.next()
					p.skipNewlines()
					p.withEq(func() { tu.Elems = append(tu.Elems, p.parseExpr()) })
				}
				v = tu
			}
			return &ast.AssignStmt{At: start, Targets: targets, Op: t.Text, Value: v}
		case "++", "--":
			if len(targets) == 1 {
				checkTarget(p, first, t.Text)
				p.next()
				op := "+="
				if t.Text == "--" {
					op = "-="
				}
				return &ast.AssignStmt{At: start, Targets: targets, Op: op,
					Value: &ast.Literal{At: t.Pos, Kind: ast.LitInt, Text: "1"}}
			}
		}
	}
	if len(targets) > 1 {
		p.failTok(p.tok())
	}
	return &ast.ExprStmt{At: start, X: first}
}

func checkTarget(p *parser, e ast.Expr, op string) {
	switch m := e.(type) {
	case *ast.MemberExpr:
		if op != "=" {
			// t.x += 1: t.x is read-only (objs/col_ref.md)
			p.fail(e.Pos(), "Can't use assignment in expression.")
		}
		if m.Name != "" && m.Name[0] >= '0' && m.Name[0] <= '9' {
			// z.2 reads a dictionary's value only (Dictionary.md)
			p.fail(e.Pos(), errEqualSign)
		}
		return
	case *ast.Ident, *ast.IndexExpr:
		return
	}
	// 1 = 2, f(x) = y: DolphinDB reads them as a mistaken equality
	// (error_codes/s06011.md, progr/objs/const.md)
	p.fail(e.Pos(), errEqualSign)
}

// errEqualSign is DolphinDB's error for `=` whose left side can't be
// assigned to.
const errEqualSign = "Please use '==' rather than '=' as equal operator in non-sql expression. RefId: S06011"

func (p *parser) parseParams() []ast.Param {
	p.expectOp("(")
	params := []ast.Param{}
	if p.isOp(")") {
		p.next()
		return params
	}
	for {
		t := p.tok()
		prm := ast.Param{At: t.Pos}
		if (isWord(t, "mutable") || isWord(t, "const")) && p.peekN(1).Kind == lex.TokIdent {
			prm.Mutable = t.Text == "mutable"
			p.next()
		}
		prm.Name = p.expectIdent().Text
		if p.isOp("=") {
			p.next()
			p.withEq(func() { prm.Default = p.parseExpr() })
		}
		params = append(params, prm)
		if p.isOp(",") {
			p.next()
			continue
		}
		p.expectOp(")")
		return params
	}
}

// parseFuncBody parses what follows a parameter list: { block }, : expr or
// -> expr.
func (p *parser) parseFuncBody() []ast.Stmt {
	if p.isOp(":") || p.isOp("->") {
		t := p.next()
		p.skipNewlines()
		var e ast.Expr
		p.withEq(func() { e = p.parseExpr() })
		return []ast.Stmt{&ast.ReturnStmt{At: t.Pos, X: e}}
	}
	p.skipNewlines()
	if !p.isOp("{") {
		p.failTok(p.tok())
	}
	body := []ast.Stmt{} // not nil: {} defines a function doing nothing
	p.withEq(func() { body = append(body, p.parseBlock()...) })
	return body
}

func (p *parser) parseDef() ast.Stmt {
	t := p.next()
	d := &ast.DefStmt{At: t.Pos, Aggregate: t.Text == "defg"}
	d.Name = p.expectIdent().Text
	d.Params = p.parseParams()
	if p.bodyFollows() {
		d.Body = p.parseFuncBody()
	}
	return d
}

// parseMapr parses mapr udaf(args){f1, ..., fn -> reduce[; c1, ..., cn
// -> running]}. A bare function name before -> is that function, not a
// lambda's parameter.
func (p *parser) parseMapr() ast.Stmt {
	t := p.next()
	m := &ast.MaprStmt{At: t.Pos, Name: p.expectIdent().Text}
	for _, prm := range p.parseParams() {
		m.Params = append(m.Params, prm.Name)
	}
	p.skipNewlines()
	p.expectOp("{")
	m.Map, m.Reduce = p.parseMaprPart()
	if p.isOp(";") {
		p.next()
		m.Cum, m.Running = p.parseMaprPart()
	}
	p.skipNewlines()
	p.expectOp("}")
	return m
}

// parseMaprPart parses f1, ..., fn -> name.
func (p *parser) parseMaprPart() ([]ast.Expr, string) {
	var fs []ast.Expr
	for {
		p.skipNewlines()
		if t := p.tok(); t.Kind == lex.TokIdent && (isOpTok(p.peekN(1), ",") || isOpTok(p.peekN(1), "->")) {
			p.next()
			fs = append(fs, &ast.Ident{At: t.Pos, Name: t.Text})
		} else {
			fs = append(fs, p.parseExpr())
		}
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	p.expectOp("->")
	return fs, p.expectIdent().Text
}

// parseAnnotated parses @name lines before a function definition
// (@state, @jit; funcs/c/conditionalIterate.md), a test annotation
// @topic:sub=expr, ... and the statement @topic_sub reading one.
func (p *parser) parseAnnotated() ast.Stmt {
	if at := p.tok(); isOpTok(p.peekN(2), ":") {
		return p.parseTestAnnotation(at.Pos)
	} else if nx := p.peekN(2); !isOpTok(nx, "@") && nx.Kind != lex.TokNewline {
		return &ast.ExprStmt{At: at.Pos, X: p.parseExpr()}
	}
	var names []string
	for isOpTok(p.tok(), "@") && p.peekN(1).Kind == lex.TokIdent {
		p.next()
		names = append(names, p.next().Text)
		p.skipNewlines()
	}
	if t := p.tok(); !(isWord(t, "def") || isWord(t, "defg")) || p.peekN(1).Kind != lex.TokIdent {
		p.failTok(t)
	}
	d := p.parseDef().(*ast.DefStmt)
	d.Annotations = names
	return d
}

// parseTestAnnotation parses @topic:sub1=expr1, sub2=expr2, ... (the
// pairs may continue on the next line after a comma): it sets the
// session's annotation values, which @topic_sub1 reads
// (progr/statements/annotate.md). They live as variables whose names
// start with @, which no other statement can name.
func (p *parser) parseTestAnnotation(at ast.Pos) ast.Stmt {
	p.next()
	topic := p.next().Text
	p.expectOp(":")
	a := &ast.AssignStmt{At: at, Op: "="}
	tuple := &ast.TupleExpr{At: at}
	for {
		sub := p.expectIdent()
		p.expectOp("=")
		a.Targets = append(a.Targets, &ast.Ident{At: sub.Pos, Name: "@" + topic + "_" + sub.Text})
		p.withEq(func() { tuple.Elems = append(tuple.Elems, p.parseExpr()) })
		if !p.isOp(",") {
			break
		}
		p.next()
		p.skipNewlines()
	}
	if len(a.Targets) == 1 {
		a.Value = tuple.Elems[0]
	} else {
		a.Value = tuple
	}
	return a
}

// bodyFollows reports whether a function body follows the parameters;
// without one, def f(a, b) only declares f, defined further down
// (named_func.md); Body stays nil.
func (p *parser) bodyFollows() bool {
	nx := p.peekPastNewlines()
	return isOpTok(nx, "{") || isOpTok(nx, ":") || isOpTok(nx, "->")
}

// parseCond parses ( expr ).
func (p *parser) parseCond() ast.Expr {
	p.expectOp("(")
	var e ast.Expr
	p.withEq(func() { e = p.parseExpr() })
	p.expectOp(")")
	return e
}

// parseAssert parses `assert expr` and `assert subCase, expr`.
func (p *parser) parseAssert() ast.Stmt {
	t := p.next()
	a := &ast.AssertStmt{At: t.Pos}
	p.withEq(func() {
		first := p.parseExpr()
		if !p.isOp(",") {
			a.X = first
			return
		}
		p.next()
		if id, ok := first.(*ast.Ident); ok {
			first = &ast.Literal{At: id.At, Kind: ast.LitString, Text: id.Name}
		}
		a.Case = first
		a.X = p.parseExpr()
	})
	return a
}

func (p *parser) parseIf() ast.Stmt {
	s := &ast.IfStmt{}
	s.At, s.Cond, s.Then = p.parseCondBody()
	// else may follow on a later line or after ';'
	i := p.pos
	for i < len(p.toks)-1 && (p.toks[i].Kind == lex.TokNewline || isOpTok(p.toks[i], ";")) {
		i++
	}
	if isWord(p.toks[i], "else") {
		p.pos = i + 1
		p.skipNewlines()
		if isWord(p.tok(), "if") {
			s.Else = []ast.Stmt{p.parseStmt()}
		} else {
			s.Else = p.parseBody()
		}
	}
	return s
}

func (p *parser) parseFor() ast.Stmt {
	t := p.next()
	s := &ast.ForStmt{At: t.Pos}
	p.expectOp("(")
	if p.tok().Kind == lex.TokIdent && isKw(p.peekN(1), "in") {
		s.Var = p.next().Text
		p.next()
		p.withEq(func() { s.Iter = p.parseExpr() })
		p.expectOp(")")
	} else {
		if !p.isOp(";") {
			s.Init = p.parseSimpleStmt()
		}
		p.expectOp(";")
		if !p.isOp(";") {
			p.withEq(func() { s.Cond = p.parseExpr() })
		}
		p.expectOp(";")
		if !p.isOp(")") {
			s.Post = p.parseSimpleStmt()
		}
		p.expectOp(")")
	}
	s.Body = p.parseBody()
	return s
}

func (p *parser) parseWhile() ast.Stmt {
	s := &ast.WhileStmt{}
	s.At, s.Cond, s.Body = p.parseCondBody()
	return s
}

// parseCondBody parses `keyword (cond) body` of if and while.
func (p *parser) parseCondBody() (ast.Pos, ast.Expr, []ast.Stmt) {
	t := p.next()
	cond := p.parseCond()
	return t.Pos, cond, p.parseBody()
}

// parseBlockBefore parses the block of do-while or try and the keyword
// that must follow it, each possibly on a later line.
func (p *parser) parseBlockBefore(kw string) []ast.Stmt {
	p.skipNewlines()
	body := p.parseBlock()
	p.skipNewlines()
	if !isWord(p.tok(), kw) {
		p.failTok(p.tok())
	}
	p.next()
	return body
}

func (p *parser) parseDoWhile() ast.Stmt {
	t := p.next()
	s := &ast.DoWhileStmt{At: t.Pos}
	s.Body = p.parseBlockBefore("while")
	s.Cond = p.parseCond()
	return s
}

func (p *parser) parseTry() ast.Stmt {
	t := p.next()
	s := &ast.TryStmt{At: t.Pos}
	s.Body = p.parseBlockBefore("catch")
	if p.isOp("(") {
		p.next()
		if p.tok().Kind == lex.TokIdent {
			s.CatchVar = p.next().Text
		}
		p.expectOp(")")
	}
	p.skipNewlines()
	s.Catch = p.parseBlock()
	return s
}

func (p *parser) parseShare() ast.Stmt {
	t := p.next()
	s := &ast.ShareStmt{At: t.Pos}
	p.withEq(func() { s.X = p.parseExpr() })
	p.expectKw("as")
	n := p.tok()
	switch n.Kind {
	case lex.TokIdent:
		p.next()
		s.Name = &ast.Literal{At: n.Pos, Kind: ast.LitString, Text: n.Text}
	default:
		s.Name = p.parsePostfixExpr()
	}
	return s
}

func (p *parser) parseUndef() ast.Stmt {
	t := p.next()
	s := &ast.UndefStmt{At: t.Pos}
	if isWord(p.tok(), "all") && (p.peekN(1).Kind == lex.TokNewline || p.peekN(1).Kind == lex.TokEOF ||
		isOpTok(p.peekN(1), ";") || isOpTok(p.peekN(1), "}")) {
		p.next()
		s.All = true
		return s
	}
	for {
		n := p.tok()
		switch n.Kind {
		case lex.TokIdent, lex.TokSymbol, lex.TokString:
			s.Names = append(s.Names, n.Text)
		case lex.TokSymbolVector:
			s.Names = append(s.Names, n.Items...)
		default:
			p.failTok(n)
		}
		p.next()
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	if k := s.Names[len(s.Names)-1]; len(s.Names) > 1 && (k == "VAR" || k == "SHARED" || k == "DEF") {
		s.Kind, s.Names = k, s.Names[:len(s.Names)-1]
	}
	if len(s.Names) == 1 && s.Names[0] == "all" {
		s.All, s.Names = true, nil
	}
	return s
}

func (p *parser) parseTimer() ast.Stmt {
	t := p.next()
	s := &ast.TimerStmt{At: t.Pos}
	if p.isOp("{") {
		s.Body = p.parseBlock()
		return s
	}
	if p.isOp("(") {
		save := p.pos
		e := p.parseCond()
		if p.atStmtEnd() {
			// timer(expr): the parenthesised expression is the body
			p.pos = save
			s.Body = []ast.Stmt{p.parseSimpleStmt()}
			return s
		}
		s.Count = e
		s.Body = p.parseBody()
		return s
	}
	s.Body = []ast.Stmt{p.parseStmt()}
	return s
}

// parseInsert parses INSERT INTO t [(cols)] VALUES (...), ... | SELECT ...
func (p *parser) parseInsert() ast.Stmt {
	t := p.next()
	p.next() // into
	s := &ast.InsertStmt{At: t.Pos}
	p.withEq(func() {
		if p.tok().Kind == lex.TokIdent && isOpTok(p.peekN(1), "(") && p.isColumnList(p.pos+1) {
			n := p.next()
			s.Table = &ast.Ident{At: n.Pos, Name: n.Text}
		} else {
			s.Table = p.parsePostfixExpr()
		}
		if p.isOp("(") {
			p.next()
			for {
				s.Cols = append(s.Cols, p.insertColumn())
				if p.isOp(",") {
					p.next()
					continue
				}
				p.expectOp(")")
				break
			}
		}
		p.skipNewlinesBeforeKw("values", "select")
		switch {
		case isKw(p.tok(), "values"):
			p.next()
			for {
				p.skipNewlines()
				p.expectOp("(")
				row := []ast.Expr{}
				for !p.isOp(")") {
					row = append(row, p.parseExpr())
					if !p.isOp(",") {
						break
					}
					p.next()
				}
				p.expectOp(")")
				s.Rows = append(s.Rows, row)
				if !p.isOp(",") {
					break
				}
				p.next()
			}
		case isKw(p.tok(), "select"):
			s.Select = p.parseSelect()
		default:
			p.failTok(p.tok())
		}
	})
	return s
}

// insertColumn reads a column name of an insert's column list: colName,
// "colName" or _"colName" (insertInto.md).
func (p *parser) insertColumn() string {
	t := p.tok()
	if nx := p.peekN(1); t.Kind == lex.TokIdent && t.Text == "_" && nx.Kind == lex.TokString && !nx.Space {
		p.next()
		return p.next().Text
	}
	if t.Kind == lex.TokString {
		return p.next().Text
	}
	return p.expectIdent().Text
}

// isColumnList reports whether the '(' at index i starts a list of
// column names followed by VALUES or SELECT.
func (p *parser) isColumnList(i int) bool {
	i++
	for i < len(p.toks)-1 {
		t := p.toks[i]
		switch {
		case t.Kind == lex.TokIdent && t.Text == "_" && p.toks[i+1].Kind == lex.TokString && !p.toks[i+1].Space:
			i++
		case t.Kind != lex.TokIdent && t.Kind != lex.TokString:
			return false
		}
		i++
		if isOpTok(p.toks[i], ",") {
			i++
			continue
		}
		if !isOpTok(p.toks[i], ")") {
			return false
		}
		i++
		for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
			i++
		}
		return isKw(p.toks[i], "values") || isKw(p.toks[i], "select")
	}
	return false
}

// skipNewlinesBeforeKw skips line breaks if one of the keywords follows.
func (p *parser) skipNewlinesBeforeKw(kws ...string) bool {
	t := p.peekPastNewlines()
	if p.tok().Kind == lex.TokNewline {
		// on a later line the keyword must not be an assigned variable or
		// a called function; from ( opens a subquery (tutorials/jit.md:
		// select ... as profit, then from ( select ... ) on the next lines)
		i := p.pos
		for p.toks[i].Kind == lex.TokNewline {
			i++
		}
		if i+1 < len(p.toks) && (isOpTok(p.toks[i+1], "=") || isOpTok(p.toks[i+1], "(") && !isKw(p.toks[i], "from")) {
			return false
		}
	}
	for _, k := range kws {
		if isKw(t, k) {
			p.skipNewlines()
			return true
		}
	}
	return false
}

func (p *parser) parseUpdate() ast.Stmt {
	t := p.next()
	s := &ast.UpdateStmt{At: t.Pos}
	defer p.sqlClause()()
	p.withEq(func() {
		s.Table = p.parsePostfixExpr()
		p.skipNewlinesBeforeKw("set")
		p.expectKw("set")
		for {
			p.skipNewlines()
			c := p.expectIdent()
			if !p.isOp("=") && !p.isOp(":") {
				p.fail(p.tok().Pos, "'=' or ':' is expected after the column name. RefId: S06000")
			}
			p.next()
			sc := ast.SetClause{At: c.Pos, Col: c.Text}
			sc.X = p.parseExpr()
			s.Sets = append(s.Sets, sc)
			if !p.isOp(",") {
				break
			}
			p.next()
		}
		for {
			switch {
			case p.skipNewlinesBeforeKw("from") && s.From == nil:
				p.next()
				s.From = p.parseFrom()
			case p.skipNewlinesBeforeKw("where") && s.Where == nil:
				p.next()
				s.Where = p.parseList(conditions)
			case p.clauseBy("context") && s.ContextBy == nil:
				s.ContextBy = p.parseList(byItems)
			case s.CSort == nil && s.ContextBy != nil && p.skipNewlinesBeforeKw("csort"):
				p.next()
				s.CSort = p.parseOrderItems()
			case s.Having == nil && s.ContextBy != nil && p.skipNewlinesBeforeKw("having"):
				p.next()
				s.Having = p.parseExpr()
			default:
				return
			}
		}
	})
	return s
}

func (p *parser) parseDelete() ast.Stmt {
	t := p.next()
	s := &ast.DeleteStmt{At: t.Pos}
	defer p.sqlClause()()
	p.withEq(func() {
		if isKw(p.tok(), "from") {
			p.next()
			s.Table = p.parsePostfixExpr()
		} else { // delete t from joiner(t, ...)
			s.Table = p.parsePostfixExpr()
			p.skipNewlinesBeforeKw("from")
			p.expectKw("from")
			s.From = p.parseFrom()
		}
		if p.skipNewlinesBeforeKw("where") {
			p.next()
			s.Where = p.parseList(conditions)
		}
	})
	return s
}

// ---------------------------------------------------------------------------
// SQL

// selectItemAfterParen reports whether the parenthesis at token i is
// closed by one that a select item follows (`top (n) *`), so that the
// parenthesis is top's row count rather than a call of top.
func (p *parser) selectItemAfterParen(i int) bool {
	depth := 0
	for ; i < len(p.toks); i++ {
		t := p.toks[i]
		switch {
		case t.Kind == lex.TokEOF:
			return false
		case isOpTok(t, "("):
			depth++
		case isOpTok(t, ")"):
			depth--
			if depth == 0 {
				if i+1 >= len(p.toks) {
					return false
				}
				nx := p.toks[i+1]
				return isOpTok(nx, "*") || nx.Kind == lex.TokIdent && !lex.Reserved(nx.Text)
			}
		}
	}
	return false
}

// clauseBy reports (and consumes) a two-word clause such as "group by",
// possibly after line breaks.
func (p *parser) clauseBy(first string) bool {
	i := p.pos
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	if isKw(p.toks[i], first) && i+1 < len(p.toks) && isKw(p.toks[i+1], "by") {
		p.pos = i + 2
		p.skipNewlines()
		return true
	}
	return false
}

func (p *parser) parseSelect() *ast.SelectExpr {
	t := p.next()
	s := &ast.SelectExpr{At: t.Pos, Exec: strings.EqualFold(t.Text, "exec")}
	commaEnds := p.commaEnds
	p.enter()
	defer p.leave()
	defer p.sqlClause()()
	p.withEq(func() {
		p.skipNewlines()
		if p.tok().Kind == lex.TokHint { // select [HINT_KEEPORDER] ... (lex folds the hints)
			s.Hints, _ = strconv.ParseInt(p.next().Text, 10, 64)
		}
		if isKw(p.tok(), "distinct") && !isOpTok(p.peekN(1), "(") && !isOpTok(p.peekN(1), ",") {
			p.next()
			s.Distinct = true
		}
		if isKw(p.tok(), "top") && isOpTok(p.peekN(1), "(") && p.selectItemAfterParen(p.pos+1) {
			// top.md: select top (1+2) * from t1
			p.fail(ast.Pos{Line: p.tok().Pos.Line}, "integer constant expected after keyword top")
		}
		if isKw(p.tok(), "top") && !isOpTok(p.peekN(1), "(") && !isOpTok(p.peekN(1), ",") && !isKw(p.peekN(1), "from") {
			kw := p.next()
			if p.tok().Kind == lex.TokIdent && !isKw(p.tok(), "distinct") {
				// top.md: the row count must be a literal, not a variable
				p.fail(ast.Pos{Line: kw.Pos.Line}, "integer constant expected after keyword top")
			}
			s.Top = p.parseUnary()
			if p.isOp(":") { // top lo:hi
				op := p.next()
				s.Top = &ast.BinaryExpr{At: op.Pos, Op: ":", L: s.Top, R: p.parseUnary()}
			}
		}
		s.Cols = p.parseList(selectCols)
		for {
			switch {
			case s.From == nil && p.skipNewlinesBeforeKw("from"):
				p.next()
				p.skipNewlines()
				s.From = p.parseFrom()
				for !commaEnds && p.isOp(",") {
					// S02016.md: each part is evaluated, then they are cross-joined
					c := p.next()
					p.skipNewlines()
					s.From = &ast.JoinExpr{At: c.Pos, Kind: ",", L: s.From, R: p.parseFrom()}
				}
			case s.Where == nil && p.skipNewlinesBeforeKw("where"):
				p.next()
				s.Where = p.parseList(conditions)
			case s.GroupBy == nil && p.clauseBy("group"):
				s.GroupBy = p.parseList(byItems)
			case s.ContextBy == nil && p.clauseBy("context"):
				s.ContextBy = p.parseList(byItems)
			case s.PivotBy == nil && p.clauseBy("pivot"):
				s.PivotBy = p.parseList(byItems)
			case s.Having == nil && p.skipNewlinesBeforeKw("having"):
				p.next()
				p.skipNewlines()
				s.Having = p.parseExpr()
			case s.OrderBy == nil && p.clauseBy("order"):
				s.OrderBy = p.parseOrderItems()
			case s.CGroupBy == nil && p.clauseBy("cgroup"):
				s.CGroupBy = p.parseList(byItems)
			case !s.Map && s.From != nil && p.skipNewlinesBeforeKw("map"):
				p.next()
				s.Map = true
			case s.CSort == nil && s.ContextBy != nil && p.skipNewlinesBeforeKw("csort"):
				p.next()
				s.CSort = p.parseOrderItems()
			case s.Limit == nil && p.skipNewlinesBeforeKw("limit"):
				p.next()
				p.skipNewlines()
				e := p.parseExpr()
				if p.isOp(",") {
					p.next()
					p.skipNewlines()
					s.Offset = e
					e = p.parseExpr()
				}
				s.Limit = e
			default:
				return
			}
		}
	})
	return s
}

// parseOrderItems parses `x [asc|desc] [nulls first|last], ...`.
func (p *parser) parseOrderItems() []ast.OrderItem {
	var items []ast.OrderItem
	for {
		p.skipNewlines()
		it := ast.OrderItem{X: p.parseExpr()}
		if isKw(p.tok(), "desc") {
			p.next()
			it.Desc = true
		} else if isKw(p.tok(), "asc") {
			p.next()
		}
		if isKw(p.tok(), "nulls") && (isKw(p.peekN(1), "first") || isKw(p.peekN(1), "last")) {
			p.next()
			it.Nulls = strings.ToLower(p.next().Text)
		}
		items = append(items, it)
		if !p.isOp(",") {
			return items
		}
		p.next()
	}
}

var joinKinds = map[string]bool{"inner": true, "left": true, "right": true, "full": true, "cross": true}

// parseFrom parses a FROM item with optional alias and SQL joins.
func (p *parser) parseFrom() ast.Expr {
	left := p.parseFromItem()
	for {
		t := p.peekPastNewlines()
		kind := ""
		switch {
		case t.Kind == lex.TokIdent && joinKinds[strings.ToLower(t.Text)]:
			kind = strings.ToLower(t.Text)
		case isKw(t, "join"):
			kind = "inner"
		default:
			return left
		}
		p.skipNewlines()
		jt := p.tok()
		if !isKw(jt, "join") {
			p.next()
			if isKw(p.tok(), "outer") {
				p.next()
			}
		}
		if kind == "left" && isKw(p.tok(), "semijoin") { // left semijoin: lsj
			kind = "left semi"
			p.next()
		} else if kind == "left" && isKw(p.tok(), "semi") && isKw(p.peekN(1), "join") {
			// std_sql_ddb.md: "left semi join // or left semijoin"
			kind = "left semi"
			p.next()
			p.next()
		} else {
			p.expectKw("join")
		}
		p.skipNewlines()
		j := &ast.JoinExpr{At: jt.Pos, Kind: kind, L: left}
		j.R = p.parseFromItem()
		if p.skipNewlinesBeforeKw("on") {
			p.next()
			p.skipNewlines()
			j.On = p.parseExpr()
		}
		left = j
	}
}

func (p *parser) parseFromItem() ast.Expr {
	e := p.parsePostfixExpr()
	if isKw(p.tok(), "as") {
		t := p.next()
		n := p.expectIdent()
		return &ast.AliasExpr{At: t.Pos, X: e, Name: n.Text}
	}
	// tb_joiner_intro.md: t1 a inner join t2 b, (select ...) tmp
	if t := p.tok(); t.Kind == lex.TokIdent && !lex.Reserved(t.Text) && !isKw(t, "union") {
		p.next()
		return &ast.AliasExpr{At: t.Pos, X: e, Name: t.Text}
	}
	return e
}

// ---------------------------------------------------------------------------
// expressions

// parseExpr parses a full expression (ternary level).
func (p *parser) parseExpr() ast.Expr {
	p.enter()
	defer p.leave()
	cond := p.parseBinary(1)
	if p.isOp("?") {
		p.next()
		p.skipNewlines()
		t := &ast.TernaryExpr{At: cond.Pos(), Cond: cond}
		old := p.noPair
		p.noPair = true
		t.Then = p.parseBinary(1)
		p.noPair = old
		p.expectOp(":")
		p.skipNewlines()
		t.Else = p.parseExpr()
		return t
	}
	return cond
}

// binop returns the normalised operator at the current position, its
// precedence and the number of tokens it spans; prec 0 means none.
func (p *parser) binop() (op string, prec int, n int) {
	t := p.tok()
	switch t.Kind {
	case lex.TokOp:
		op := t.Text
		switch op {
		case ">":
			if p.inMeta && !p.startsOperand(p.peekN(1)) {
				return "", 0, 0
			}
		case "<>":
			op = "!="
		case "=":
			if p.noEq {
				return "", 0, 0
			}
			op = "=="
		case ":":
			if p.noPair {
				return "", 0, 0
			}
		}
		if op == "||" && p.dialect == words.Oracle {
			return op, words.Precedence("+"), 1
		}
		if prec, ok := words.BinaryPrecedence(op); ok {
			return op, prec, 1
		}
	case lex.TokIdent:
		switch w := strings.ToLower(t.Text); w {
		case "or":
			return "or", words.Precedence("or"), 1
		case "and":
			return "&&", words.Precedence("&&"), 1
		case "in", "like", "between", "join":
			// a join b concatenates, as a <- b does
			return w, words.Precedence(w), 1
		case "notin", "notlike", "notbetween":
			// x notIn y is x not in y (one word, as the manual writes it)
			return "not " + w[3:], words.Precedence(w[3:]), 1
		case "not":
			nx := p.peekN(1)
			if isKw(nx, "in") || isKw(nx, "like") || isKw(nx, "between") {
				w = strings.ToLower(nx.Text)
				return "not " + w, words.Precedence(w), 2
			}
			return "", 0, 0
		}
		if p.unionAllFollows() {
			return "", 0, 0
		}
		// a function used as a binary operator: x pow 2, or with an
		// adverb: x pow :R y
		if !lex.Reserved(t.Text) && !p.isFrameWord(t) && (p.startsInfixOperand(p.peekN(1), p.peekN(2)) || p.adverbFollows(1)) {
			return "call", words.CallPrecedence(t.Text), 1
		}
	}
	return "", 0, 0
}

// unionAllFollows reports whether the tokens are `union all` before a
// query, (select ...) or select ...: a where clause's condition ends
// there (progr/sql/union.md), and is not the function union called on
// all.
func (p *parser) unionAllFollows() bool {
	if !isKw(p.tok(), "union") || !isKw(p.peekN(1), "all") {
		return false
	}
	q := p.peekN(2)
	if isOpTok(q, "(") {
		q = p.peekN(3)
	}
	return isKw(q, "select") || isKw(q, "exec")
}

// startsInfixOperand reports whether t (followed by nx) can be the right
// operand of an infix function call.
func (p *parser) startsInfixOperand(t, nx lex.Token) bool {
	switch {
	case t.Kind == lex.TokIdent:
		return !lex.Reserved(t.Text) || isConstWord(t)
	case t.Kind.IsLiteral():
		return true
	case t.Kind == lex.TokOp:
		switch t.Text {
		case "(", "[":
			// x[0:n] right after the name indexes it: sum x[0:n] is
			// sum(x[0:n]) (funcs/ho_funcs/cross.md's topsum)
			return t.Space
		case "-":
			return isNumLit(nx) && !nx.Space
		}
	}
	return false
}

func (p *parser) parseBinary(minPrec int) ast.Expr {
	left := p.parseUnary()
	// lastCmp is the right operand of the comparison just parsed, for
	// chained comparisons: a < b <= c is (a < b) && (b <= c).
	var lastCmp ast.Expr
	for {
		if lex.OpensLambda(p.toks, p.pos) && minPrec <= words.Precedence("call") {
			// 10 {x, y -> x + y} 1: a braced lambda as a binary operator,
			// as tight as * (lambda.md)
			fn := p.parsePrimary()
			left = &ast.CallExpr{At: left.Pos(), Fn: fn, Args: []ast.Expr{left, p.parseBinary(words.Precedence("call") + 1)}}
			continue
		}
		if minPrec <= 3 && isKw(p.tok(), "is") {
			left = p.parseIsNull(left)
			continue
		}
		if isQuery(left) && p.skipNewlinesBeforeKw("union") {
			left = p.parseUnion(left)
			continue
		}
		if nx := p.peekPastNewlines(); p.inSQL && p.tok().Kind == lex.TokNewline && (isKw(nx, "and") || isKw(nx, "or")) {
			p.skipNewlines()
		}
		op, prec, n := p.binop()
		if prec == 0 || prec < minPrec {
			return left
		}
		opTok := p.tok()
		for i := 0; i < n; i++ {
			p.next()
		}
		// x +:L y, 1 2 3 *:C 4 5: an operator with an adverb
		var adverb string
		if fn := words.OperatorFunc(opTok.Text); (opTok.Kind == lex.TokOp && fn != "" || op == "call") && p.adverbFollows(0) {
			p.next()
			adverb = p.next().Text
		}
		p.skipNewlines()
		negate := false
		if strings.HasPrefix(op, "not ") {
			negate = true
			op = op[4:]
		}
		var right ast.Expr
		if op == "between" {
			lo := p.parseBinary(prec + 1)
			// x between 2:4 and d = `a: a pair already gives the range,
			// so the and joins the next condition
			// (high_freq_data_storage_and_analysis.md, funRecodeData).
			if isPairExpr(lo) {
				right = lo
			} else if isKw(p.tok(), "and") || p.isOp("&&") {
				at := p.next()
				p.skipNewlines()
				hi := p.parseBinary(prec + 1)
				right = &ast.BinaryExpr{At: at.Pos, Op: ":", L: lo, R: hi, BetweenAnd: true}
			} else {
				right = lo
			}
		} else if op == "@" {
			// v @ 1:3, tp @ (:4): the index takes pairs and ranges whole
			right = p.parseBinary(words.Precedence(":"))
		} else if op == ":" && p.closesOperand() {
			// (1:) and x[2:] leave the end open
			right = &ast.Literal{At: opTok.Pos, Kind: ast.LitNull, Text: "NULL"}
		} else if op == "call" && opTok.Text == "at" && adverb == "" {
			// x at x>3 is x[x>3]: at.md, funcs/a/at.md and contextby.md
			// print it so, while lambda.md's x pow 2 + 3*x shows that other
			// functions used as operators take as tight a right side as *.
			right = p.parseBinary(words.Precedence("||"))
		} else {
			right = p.parseBinary(prec + 1)
		}
		var e ast.Expr = &ast.BinaryExpr{At: opTok.Pos, Op: op, L: left, R: right}
		switch op {
		case "call":
			e = &ast.CallExpr{At: left.Pos(), Fn: &ast.Ident{At: opTok.Pos, Name: opTok.Text}, Args: []ast.Expr{left, right}}
		case "@":
			// X @ index is eachAt(X, index) (progr/operators/eachAt.md)
			e = &ast.CallExpr{At: left.Pos(), Fn: &ast.Ident{At: opTok.Pos, Name: "eachAt"}, Args: []ast.Expr{left, right}}
		case "||":
			if p.dialect == words.Oracle {
				e = &ast.CallExpr{At: left.Pos(), Fn: &ast.Ident{At: opTok.Pos, Name: words.OracleConcat}, Args: []ast.Expr{left, right}}
			}
		}
		if adverb != "" {
			name := words.OperatorFunc(opTok.Text)
			if op == "call" {
				name = opTok.Text
			}
			fn := &ast.AdverbExpr{At: opTok.Pos, Fn: &ast.Ident{At: opTok.Pos, Name: name}, Adverb: adverb}
			args := []ast.Expr{left, right}
			if adverb[0] == 'A' || adverb[0] == 'T' || adverb[0] == 'P' {
				// init +:A X is accumulate(add, X, init), +:A(X, init),
				// and pre +:P X eachPre(add, X, pre)
				// (funcs/ho_funcs/accumulate.md, reduce.md, eachPre.md)
				args = []ast.Expr{right, left}
			}
			e = &ast.CallExpr{At: left.Pos(), Fn: fn, Args: args}
		}
		if negate {
			e = &ast.UnaryExpr{At: opTok.Pos, Op: "!", X: e}
		}
		if chainCmp[op] && adverb == "" && !negate {
			if lastCmp != nil {
				e = &ast.BinaryExpr{At: opTok.Pos, Op: "&&", L: left, R: &ast.BinaryExpr{At: opTok.Pos, Op: op, L: lastCmp, R: right}}
			}
			lastCmp = right
		} else {
			lastCmp = nil
		}
		left = e
	}
}

// adverbFollows reports whether the tokens k ahead are an adverb
// suffix, ":R" written without a space (x pow :R y, x +:L y).
func (p *parser) adverbFollows(k int) bool {
	c, l := p.peekN(k), p.peekN(k+1)
	return isOpTok(c, ":") && l.Kind == lex.TokIdent && !l.Space && lex.IsAdverb(l.Text)
}

// chainCmp are the comparisons that chain: 1 < x <= 3.
var chainCmp = map[string]bool{"<": true, "<=": true, ">": true, ">=": true, "==": true, "!=": true}

// isNumLit reports whether t is a numeric literal token.
func isNumLit(t lex.Token) bool {
	return t.Kind == lex.TokInt || t.Kind == lex.TokFloat || t.Kind == lex.TokNull
}

// closesOperand reports whether the current token ends an operand list
// (a closing bracket or a comma), where a pair's open end may stand.
func (p *parser) closesOperand() bool {
	t := p.tok()
	return isOpTok(t, ")") || isOpTok(t, "]") || isOpTok(t, ",")
}

func (p *parser) parseUnary() ast.Expr {
	p.enter()
	defer p.leave()
	t := p.tok()
	if t.Kind == lex.TokOp {
		// +:O x, -:P x, +:A 1 2 3: an operator with an adverb applied to
		// one operand
		if fn := words.OperatorFunc(t.Text); fn != "" {
			// the manual writes + :A x too (accumulate.md, reduce.md)
			if c, l := p.peekN(1), p.peekN(2); c.Kind == lex.TokOp && c.Text == ":" &&
				l.Kind == lex.TokIdent && !l.Space && lex.IsAdverb(l.Text) {
				p.next()
				p.next()
				adverb := p.next().Text
				p.skipNewlines()
				// like a unary function, it takes the whole operation
				// after it (progr/operators/precedence.md; reduce.md's
				// *:A 1..10 is accumulate(mul, 1..10))
				x := p.parseBinary(1)
				f := &ast.AdverbExpr{At: t.Pos, Fn: &ast.Ident{At: t.Pos, Name: fn}, Adverb: adverb}
				return &ast.CallExpr{At: t.Pos, Fn: f, Args: []ast.Expr{x}}
			}
		}
		switch t.Text {
		case ":":
			if p.rootQualified() {
				return p.parsePostfixExpr()
			}
			// (:5) and x[:3] leave the start open
			if p.noPair {
				break
			}
			p.next()
			open := &ast.Literal{At: t.Pos, Kind: ast.LitNull, Text: "NULL"}
			if p.closesOperand() {
				// x[:] is the whole vector
				return &ast.BinaryExpr{At: t.Pos, Op: ":", L: open, R: &ast.Literal{At: t.Pos, Kind: ast.LitNull, Text: "NULL"}}
			}
			return &ast.BinaryExpr{At: t.Pos, Op: ":", L: open, R: p.parseBinary(16)}
		case "-":
			nx := p.peekN(1)
			if isNumLit(nx) && !nx.Space {
				// negative numeric literal; possibly the start of a vector
				p.next()
				neg := p.negLiteral(t, p.next())
				if p.vectorElemNext() {
					return p.parsePostfix(p.literalVector(neg))
				}
				return p.parsePostfix(neg)
			}
			p.next()
			p.skipNewlines()
			return &ast.UnaryExpr{At: t.Pos, Op: "-", X: p.parseUnary()}
		case "!", "~", "+":
			p.next()
			p.skipNewlines()
			return &ast.UnaryExpr{At: t.Pos, Op: t.Text, X: p.parseUnary()}
		case "&":
			// &sum is the function sum, whatever variable has its name
			// (named_func.md): the root namespace's ::sum
			if id := p.peekN(1); id.Kind == lex.TokIdent && !id.Space {
				p.next()
				return p.parsePostfix(&ast.Ident{At: p.next().Pos, Name: "::" + id.Text})
			}
		}
	}
	if lex.OpensLambda(p.toks, p.pos) {
		// {x -> x*x} 10: a braced lambda as a unary operator takes the
		// whole operation after it (lambda.md)
		fn := p.parsePostfixExpr()
		if l := p.peekN(1); p.isOp(":") && !p.tok().Space && l.Kind == lex.TokIdent && !l.Space && lex.IsAdverb(l.Text) {
			p.next() // {x -> x*x + x}:E m
			fn = &ast.AdverbExpr{At: t.Pos, Fn: fn, Adverb: p.next().Text}
		}
		switch fn.(type) {
		case *ast.LambdaExpr, *ast.AdverbExpr:
			if p.startsOperand(p.tok()) && !p.isOp("(") {
				return &ast.CallExpr{At: t.Pos, Fn: fn, Args: []ast.Expr{p.parseBinary(1)}}
			}
		}
		return fn
	}
	if isKw(t, "not") && p.startsOperand(p.peekN(1)) && !isOpTok(p.peekN(1), "(") {
		p.next()
		return &ast.UnaryExpr{At: t.Pos, Op: "!", X: p.parseBinary(3)}
	}
	return p.parsePostfixExpr()
}

// startsOperand reports whether t can begin an operand.
func (p *parser) startsOperand(t lex.Token) bool {
	switch {
	case t.Kind == lex.TokIdent || t.Kind.IsLiteral():
		return true
	case t.Kind == lex.TokOp:
		switch t.Text {
		case "(", "[", "{", "-", "!", "~", "+":
			return true
		}
	}
	return false
}

func (p *parser) parsePostfixExpr() ast.Expr {
	return p.parsePostfix(p.parsePrimary())
}

func (p *parser) parsePostfix(x ast.Expr) ast.Expr {
	for {
		t := p.tok()
		if t.Kind == lex.TokNewline {
			// a chained call may continue on the next line: data\n.f()
			i := p.pos
			for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
				i++
			}
			if isOpTok(p.toks[i], ".") && p.toks[i+1].Kind == lex.TokIdent {
				p.pos = i
				continue
			}
			return x
		}
		if c, ok := x.(*ast.CallExpr); ok && p.startsOver() {
			x = p.parseOver(c)
			continue
		}
		if t.Kind != lex.TokOp {
			return x
		}
		switch t.Text {
		case "(":
			args := p.parseList(callArgs)
			x = &ast.CallExpr{At: x.Pos(), Fn: p.dialectCallee(x), Args: args}
		case "[":
			if p.colType && p.startsColumnDescription() {
				return x
			}
			p.next()
			// INT[] names an array-vector type: an empty index on an
			// identifier is only ever that.
			if id, ok := x.(*ast.Ident); ok && p.isOp("]") {
				p.next()
				x = &ast.Ident{At: id.At, Name: id.Name + "[]"}
				continue
			}
			// DECIMAL32(8)[]: the array-vector type of a parameterised
			// type, an index with no Index
			if c, ok := x.(*ast.CallExpr); ok && p.isOp("]") {
				p.next()
				x = &ast.IndexExpr{At: c.At, X: c}
				continue
			}
			var idx ast.Expr
			p.withEq(func() {
				// m[,1] and m[0,] leave one side empty (all rows or
				// columns): a nil element
				at := p.tok().Pos
				var first ast.Expr
				if !p.isOp(",") {
					first = p.parseExpr()
				}
				if p.isOp(",") {
					tu := &ast.TupleExpr{At: at, Elems: []ast.Expr{first}}
					for p.isOp(",") {
						p.next()
						if p.isOp("]") || p.isOp(",") {
							tu.Elems = append(tu.Elems, nil)
							continue
						}
						tu.Elems = append(tu.Elems, p.parseExpr())
					}
					idx = tu
				} else {
					idx = first
				}
			})
			p.expectOp("]")
			x = &ast.IndexExpr{At: x.Pos(), X: x, Index: idx}
		case "{":
			if _, l := x.(*ast.LambdaExpr); lex.OpensLambda(p.toks, p.pos) && (t.Space || l) {
				return x // a lambda used as an operator follows: x {f} y
			}
			args := p.parseList(partialArgs)
			x = &ast.PartialExpr{At: x.Pos(), Fn: x, Args: args}
		case ".":
			p.next()
			n := p.tok()
			switch {
			case n.Kind == lex.TokIdent:
				p.next()
				fn := &ast.Ident{At: n.Pos, Name: n.Text}
				var f ast.Expr = fn
				if p.isOp(":") && !p.tok().Space {
					f = p.maybeAdverb(fn)
				}
				switch {
				case p.isOp("("):
					args := p.parseList(callArgs)
					x = &ast.CallExpr{At: x.Pos(), Fn: f, Args: append([]ast.Expr{x}, args...), Method: true}
				case p.isOp("{") && !p.tok().Space:
					args := p.parseList(partialArgs)
					x = &ast.PartialExpr{At: x.Pos(), Fn: f, Args: append([]ast.Expr{x}, args...), Method: true}
				default:
					if f != fn {
						p.failTok(p.tok())
					}
					x = &ast.MemberExpr{At: x.Pos(), X: x, Name: n.Text}
				}
			case n.Kind == lex.TokInt && n.Suffix == "":
				p.next()
				x = &ast.MemberExpr{At: x.Pos(), X: x, Name: n.Text}
			case isOpTok(n, "(") && !n.Space:
				// z.(3 5) is z[3 5] (Dictionary.md)
				p.next()
				var idx ast.Expr
				p.withEq(func() { idx = p.parseExpr() })
				p.expectOp(")")
				x = &ast.IndexExpr{At: x.Pos(), X: x, Index: idx}
			case isOpTok(n, "{"):
				fn := p.parsePrimary()
				if p.isOp(":") && !p.tok().Space {
					fn = p.maybeAdverb(fn)
				}
				if !p.isOp("(") {
					p.failTok(p.tok())
				}
				args := p.parseList(callArgs)
				x = &ast.CallExpr{At: x.Pos(), Fn: fn, Args: append([]ast.Expr{x}, args...), Method: true}
			default:
				p.failTok(n)
			}
		case ":":
			if t.Space {
				// wage :E x applies the adverb and calls with x
				l := p.peekN(1)
				if l.Kind == lex.TokIdent && !l.Space && lex.IsAdverb(l.Text) && p.startsOperand(p.peekN(2)) {
					switch x.(type) {
					case *ast.Ident, *ast.PartialExpr, *ast.LambdaExpr:
						p.next()
						p.next()
						fn := &ast.AdverbExpr{At: x.Pos(), Fn: x, Adverb: l.Text}
						x = &ast.CallExpr{At: x.Pos(), Fn: fn, Args: []ast.Expr{p.parsePostfixExpr()}}
						continue
					}
				}
				return x
			}
			switch x.(type) {
			case *ast.Ident, *ast.MemberExpr, *ast.PartialExpr, *ast.LambdaExpr, *ast.CallExpr, *ast.ParenExpr:
			default:
				return x
			}
			nx := p.maybeAdverb(x)
			if nx == x {
				return x
			}
			x = nx
		default:
			return x
		}
	}
}

// maybeAdverb turns f:E (no spaces, single upper-case letter, then a '('
// directly or a '{'/'(' call) into an AdverbExpr; otherwise it returns f
// unchanged without consuming anything.
func (p *parser) maybeAdverb(f ast.Expr) ast.Expr {
	c, l, a := p.tok(), p.peekN(1), p.peekN(2)
	if !isOpTok(c, ":") || c.Space || l.Kind != lex.TokIdent || l.Space || !lex.IsAdverb(l.Text) ||
		!isOpTok(a, "(") || a.Space {
		return f
	}
	p.next()
	p.next()
	return &ast.AdverbExpr{At: f.Pos(), Fn: f, Adverb: l.Text}
}

// literalKinds is the Literal kind of each token kind that is one literal.
var literalKinds = map[lex.TokenKind]ast.LitKind{
	lex.TokInt: ast.LitInt, lex.TokFloat: ast.LitFloat, lex.TokString: ast.LitString, lex.TokChar: ast.LitChar,
	lex.TokSymbol: ast.LitSymbol, lex.TokTemporal: ast.LitTemporal, lex.TokNull: ast.LitNull,
}

// literal converts a literal token.
func (p *parser) literal(t lex.Token) ast.Expr {
	lit := &ast.Literal{At: t.Pos, Text: t.Text, Suffix: t.Suffix, Type: t.Type}
	if k, ok := literalKinds[t.Kind]; ok {
		lit.Kind = k
		return lit
	}
	switch t.Kind {
	case lex.TokSymbolVector:
		return &ast.SymbolVector{At: t.Pos, Items: t.Items}
	case lex.TokIdent:
		switch t.Text {
		case "NULL", "null":
			lit.Kind = ast.LitNull
			lit.Text = t.Text
		case "true", "false":
			lit.Kind = ast.LitBool
		default:
			p.failTok(t)
		}
	default:
		p.failTok(t)
	}
	return lit
}

// negLiteral is the literal -n written as a minus sign directly before a
// number: it keeps the number's type, so -2h is a SHORT and -128c is CHAR's
// NULL, as DolphinDB reads them.
func (p *parser) negLiteral(minus, n lex.Token) ast.Expr {
	lit := p.literal(n)
	if l, ok := lit.(*ast.Literal); ok && (l.Kind == ast.LitInt || l.Kind == ast.LitFloat) {
		l.At = minus.Pos
		l.Text = "-" + l.Text
		return l
	}
	return &ast.UnaryExpr{At: minus.Pos, Op: "-", X: lit}
}

// isLiteralTok reports whether t is a literal usable in a space-separated
// vector.
func isLiteralTok(t lex.Token) bool {
	_, one := literalKinds[t.Kind]
	return one || isConstWord(t)
}

// isConstWord reports whether t is one of the words that are constants:
// NULL, null, true, false.
func isConstWord(t lex.Token) bool {
	if t.Kind != lex.TokIdent {
		return false
	}
	switch t.Text {
	case "NULL", "null", "true", "false":
		return true
	}
	return false
}

// vectorElemNext reports whether the next token continues a
// space-separated literal vector.
func (p *parser) vectorElemNext() bool {
	t := p.tok()
	if isLiteralTok(t) {
		// NULL/true/false must be followed by something that is not a call
		if t.Kind == lex.TokIdent && isOpTok(p.peekN(1), "(") {
			return false
		}
		return true
	}
	if isOpTok(t, "-") && t.Space {
		nx := p.peekN(1)
		return isNumLit(nx) && !nx.Space
	}
	return false
}

// literalVector continues a space-separated vector whose first element is
// first.
func (p *parser) literalVector(first ast.Expr) ast.Expr {
	v := &ast.VectorLit{At: first.Pos(), Elems: []ast.Expr{first}}
	for p.vectorElemNext() {
		t := p.next()
		if isOpTok(t, "-") {
			v.Elems = append(v.Elems, p.negLiteral(t, p.next()))
			continue
		}
		v.Elems = append(v.Elems, p.literal(t))
	}
	return v
}

func (p *parser) parsePrimary() ast.Expr {
	p.enter()
	defer p.leave()
	t := p.tok()
	switch t.Kind {
	case lex.TokInt, lex.TokFloat, lex.TokString, lex.TokChar, lex.TokSymbol, lex.TokTemporal, lex.TokNull:
		p.next()
		lit := p.literal(t)
		if p.vectorElemNext() {
			return p.literalVector(lit)
		}
		return lit
	case lex.TokSymbolVector:
		p.next()
		return &ast.SymbolVector{At: t.Pos, Items: t.Items}
	case lex.TokIdent:
		switch {
		case isKw(t, "select") || isKw(t, "exec"):
			// select (price1 + price2) as x from t: a parenthesized
			// first column, not a call
			if !isOpTok(p.peekN(1), "=") {
				return p.parseSelect()
			}
		case p.startsWith():
			return p.parseWith()
		case isKw(t, "case") && isKw(p.peekPastNewlinesAfter(1), "when"):
			return p.parseCase()
		case t.Text == "def" || t.Text == "defg":
			if isOpTok(p.peekN(1), "(") {
				return p.parseLambdaDef()
			}
		case isConstWord(t):
			if !isOpTok(p.peekN(1), "(") {
				p.next()
				lit := p.literal(t)
				if p.vectorElemNext() {
					return p.literalVector(lit)
				}
				return lit
			}
		}
		if isOpTok(p.peekN(1), "->") {
			p.next()
			p.next()
			return &ast.LambdaExpr{At: t.Pos, Params: []ast.Param{{At: t.Pos, Name: t.Text}}, Body: p.parseArrowBody()}
		}
		if nx := p.peekN(1); t.Text == "_" && nx.Kind == lex.TokString && !nx.Space {
			// _"2 ab": a column whose name is no identifier (Table.md)
			p.next()
			return &ast.Ident{At: t.Pos, Name: p.next().Text}
		}
		p.next()
		if p.ranges != nil && isOpTok(p.tok(), "...") {
			return p.rangeColumn(t)
		}
		if p.qualifierFollows() {
			// m::f, a::b::f: a function qualified by its module
			return &ast.Ident{At: t.Pos, Name: p.qualifiedName(t.Text)}
		}
		id := &ast.Ident{At: t.Pos, Name: t.Text}
		if p.bareCallArg() {
			// sum x, print "a", select last price: a one-argument call
			// written without parentheses
			return &ast.CallExpr{At: t.Pos, Fn: id, Args: []ast.Expr{p.parseExpr()}}
		}
		return id
	case lex.TokOp:
		switch t.Text {
		case "@":
			if p.peekN(1).Kind == lex.TokIdent {
				// @testing_case: a test annotation's value
				// (progr/statements/annotate.md)
				p.next()
				return &ast.Ident{At: t.Pos, Name: "@" + p.next().Text}
			}
		case "<":
			// metacode: <expr>
			p.next()
			old := p.inMeta
			p.inMeta = true
			var x ast.Expr
			p.withEq(func() {
				x = p.metaAlias(p.parseExpr())
			})
			p.inMeta = old
			p.expectOp(">")
			return &ast.MetaExpr{At: t.Pos, X: x}
		case "(":
			return p.parseParen()
		case "[":
			p.next()
			a := &ast.ArrayExpr{At: t.Pos, Elems: []ast.Expr{}}
			p.withEq(func() {
				// [10,,30], [,[0]], ["a",,,], [2200,4500,,5600,]: an empty
				// element is NULL, the one after a last comma too
				// (funcs/f/ffill.md builds a 5-row table from that last one)
				afterComma := false
				for !p.isOp("]") {
					if p.isOp(",") {
						a.Elems = append(a.Elems, &ast.Literal{At: p.tok().Pos, Kind: ast.LitNull, Text: "NULL"})
						p.next()
						afterComma = true
						continue
					}
					afterComma = false
					e := p.parseExpr()
					if p.inMeta {
						// <[first(price) as open, max(price) as high]>
						e = p.metaAlias(e)
					}
					a.Elems = append(a.Elems, e)
					if !p.isOp(",") {
						break
					}
					p.next()
					afterComma = true
				}
				if afterComma {
					a.Elems = append(a.Elems, &ast.Literal{At: p.tok().Pos, Kind: ast.LitNull, Text: "NULL"})
				}
			})
			p.expectOp("]")
			return a
		case "{":
			return p.parseBrace()
		case ":":
			if p.rootQualified() {
				// ::add: the root namespace's function (use.md)
				p.next()
				p.next()
				return &ast.Ident{At: t.Pos, Name: "::" + p.next().Text}
			}
		}
	}
	p.failTok(t)
	return nil
}

// bareCallArg reports whether the identifier just read is a function
// called without parentheses: an operand follows it after a space on the
// same line, and that operand is not itself the left side of an infix
// function call (x pow 2).
func (p *parser) bareCallArg() bool {
	prev := p.toks[p.pos-1]
	// values is reserved for insert into only: `values z` calls it
	// (Dictionary.md), as `distinct 4 5 5 2 3` does (distinct.md)
	if p.isFunction == nil || lex.Reserved(prev.Text) && !strings.EqualFold(prev.Text, "values") && !strings.EqualFold(prev.Text, "distinct") || !p.isFunction(prev.Text) {
		return false
	}
	t := p.tok()
	if !t.Space {
		return false
	}
	switch {
	case t.Kind.IsLiteral():
		return true
	case isOpTok(t, "-"): // abs -100..100 (precedence.md), not abs - 100..100
		return isNumLit(p.peekN(1)) && !p.peekN(1).Space
	case t.Kind == lex.TokIdent:
		if lex.Reserved(t.Text) {
			return isConstWord(t)
		}
		if p.isFrameWord(t) {
			return false
		}
		if nx := p.peekN(1); isOpTok(nx, "(") && !nx.Space || p.isFunction(t.Text) && (isOpTok(nx, "-") || nx.Kind == lex.TokIdent && p.isFunction(nx.Text)) {
			return true // print f(x), sin abs -1: the argument is a call
		}
		// x pow 2: the identifier after x is an infix function
		return !p.startsInfixOperand(p.peekN(1), p.peekN(2))
	}
	return false
}

// parseArrowBody parses the body after `->`: a block or an expression.
func (p *parser) parseArrowBody() []ast.Stmt {
	p.skipNewlines()
	if p.isOp("{") {
		var body []ast.Stmt
		p.withEq(func() { body = p.parseBlock() })
		return body
	}
	at := p.tok().Pos
	var e ast.Expr
	p.withEq(func() { e = p.parseExpr() })
	return []ast.Stmt{&ast.ReturnStmt{At: at, X: e}}
}

// parseLambdaDef parses def(params){...} / def(params): expr / def(params) -> expr.
func (p *parser) parseLambdaDef() ast.Expr {
	t := p.next()
	l := &ast.LambdaExpr{At: t.Pos, Aggregate: t.Text == "defg"}
	l.Params = p.parseParams()
	l.Body = p.parseFuncBody()
	return l
}

// parseParen parses ( ... ): a parenthesised expression, a tuple, or the
// parameter list of an arrow lambda.
func (p *parser) parseParen() ast.Expr {
	t := p.next()
	var elems []ast.Expr
	tuple := false
	p.withEq(func() {
		p.commaEnds = false // (select * from t1, t2): the parenthesis bounds the FROM
		// an element left empty, as in addEventListener's at=(0,30,8,,,),
		// is NULL; a single trailing comma ends the tuple
		empty := false
		for !p.isOp(")") || empty {
			if p.isOp(",") || p.isOp(")") {
				empty = true
				elems = append(elems, &ast.Literal{At: p.tok().Pos, Kind: ast.LitNull, Text: "NULL"})
			} else {
				elems = append(elems, p.parseExpr())
			}
			if !p.isOp(",") {
				break
			}
			p.next()
			tuple = true
		}
	})
	p.expectOp(")")
	if p.isOp("->") {
		params := []ast.Param{}
		for _, e := range elems {
			id, ok := e.(*ast.Ident)
			if !ok {
				p.fail(e.Pos(), "The parameter of a lambda expression must be an identifier")
			}
			params = append(params, ast.Param{At: id.At, Name: id.Name})
		}
		p.next()
		return &ast.LambdaExpr{At: t.Pos, Params: params, Body: p.parseArrowBody()}
	}
	if len(elems) == 1 && !tuple {
		return &ast.ParenExpr{At: t.Pos, X: elems[0]}
	}
	if elems == nil {
		elems = []ast.Expr{}
	}
	return &ast.TupleExpr{At: t.Pos, Elems: elems}
}

// parseBrace parses {k: v, ...} dictionaries and {x, y -> body} lambdas.
func (p *parser) parseBrace() ast.Expr {
	t := p.next()
	var out ast.Expr
	p.withEq(func() {
		p.commaEnds = true
		p.skipNewlines()
		// {def(x) ...} / {defg(x) -> ...}
		if (isWord(p.tok(), "def") || isWord(p.tok(), "defg")) && isOpTok(p.peekN(1), "(") {
			out = p.parseLambdaDef()
			return
		}
		// {skew{,false}}: a partial application, as av.{skew{,false}}:V()
		// applies it (partial_app.md)
		if p.tok().Kind == lex.TokIdent && isOpTok(p.peekN(1), "{") {
			out = p.parsePostfixExpr()
			return
		}
		// {x, y -> body}
		i := p.pos
		for p.toks[i].Kind == lex.TokIdent && (isOpTok(p.toks[i+1], ",") || isOpTok(p.toks[i+1], "->")) {
			if isOpTok(p.toks[i+1], "->") {
				l := &ast.LambdaExpr{At: t.Pos, Params: []ast.Param{}}
				for j := p.pos; j <= i; j += 2 {
					l.Params = append(l.Params, ast.Param{At: p.toks[j].Pos, Name: p.toks[j].Text})
				}
				p.pos = i + 2
				l.Body = p.parseArrowBody()
				out = l
				return
			}
			i += 2
		}
		d := &ast.DictExpr{At: t.Pos, Keys: []ast.Expr{}, Values: []ast.Expr{}}
		for {
			p.skipNewlines()
			if p.isOp("}") {
				break
			}
			p.noPair = true
			k := p.parseBinary(1)
			p.noPair = false
			if id, ok := k.(*ast.Ident); ok {
				// {a:1}: a bare key is a string, as in JSON
				k = &ast.Literal{At: id.At, Kind: ast.LitString, Text: id.Name}
			}
			p.expectOp(":")
			p.skipNewlines()
			v := p.parseExpr()
			d.Keys = append(d.Keys, k)
			d.Values = append(d.Values, v)
			p.skipNewlines()
			if !p.isOp(",") {
				break
			}
			p.next()
		}
		out = d
	})
	p.skipNewlines()
	p.expectOp("}")
	return out
}

// parseIsNull parses `x is [not] null` as isNull(x) / isValid(x).
func (p *parser) parseIsNull(x ast.Expr) ast.Expr {
	at := p.next()
	fn := "isNull"
	if isKw(p.tok(), "not") {
		p.next()
		fn = "isValid"
	}
	if t := p.tok(); t.Kind != lex.TokNull && !isKw(t, "null") {
		p.fail(t.Pos, "Keyword IS must be followed by [NOT] NULL. RefId: S06010")
	}
	p.next()
	return &ast.CallExpr{At: at.Pos, Fn: &ast.Ident{At: at.Pos, Name: fn}, Args: []ast.Expr{x}}
}

// peekPastNewlinesAfter is the first non-newline token at least k tokens
// ahead.
func (p *parser) peekPastNewlinesAfter(k int) lex.Token {
	i := min(p.pos+k, len(p.toks)-1)
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	return p.toks[i]
}

// parseCase parses `case when c1 then e1 [when ...] [else e] end` as
// nested iif(c, e, rest) calls (a missing else is NULL).
func (p *parser) parseCase() ast.Expr {
	at := p.next()
	type arm struct{ cond, then ast.Expr }
	var arms []arm
	var elseX ast.Expr = &ast.Literal{At: at.Pos, Kind: ast.LitNull, Text: "NULL"}
	for {
		p.skipNewlines()
		switch {
		case isKw(p.tok(), "when"):
			p.next()
			p.skipNewlines()
			c := p.parseExpr()
			p.skipNewlines()
			p.expectKw("then")
			p.skipNewlines()
			arms = append(arms, arm{c, p.parseExpr()})
		case isKw(p.tok(), "else"):
			p.next()
			p.skipNewlines()
			elseX = p.parseExpr()
		case isKw(p.tok(), "end"):
			p.next()
			for i := len(arms) - 1; i >= 0; i-- {
				// iif gives NULL for a NULL condition (iif.md); a when
				// arm whose condition is NULL is not taken, as in SQL.
				cond := &ast.CallExpr{At: at.Pos, Fn: &ast.Ident{At: at.Pos, Name: "nullFill"}, Args: []ast.Expr{
					&ast.CallExpr{At: at.Pos, Fn: &ast.Ident{At: at.Pos, Name: "bool"}, Args: []ast.Expr{arms[i].cond}},
					&ast.Literal{At: at.Pos, Kind: ast.LitBool, Text: "false"}}}
				elseX = &ast.CallExpr{At: at.Pos, Fn: &ast.Ident{At: at.Pos, Name: "iif"}, Args: []ast.Expr{cond, arms[i].then, elseX}}
			}
			return elseX
		default:
			p.failTok(p.tok())
		}
	}
}

// isQuery reports whether e is a query, possibly parenthesised.
func isQuery(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectExpr, *ast.UnionExpr:
			return true
		default:
			return false
		}
	}
}

// parseUnion parses `union [all] q2` after the query q.
func (p *parser) parseUnion(q ast.Expr) ast.Expr {
	at := p.next()
	all := false
	if isKw(p.tok(), "all") {
		p.next()
		all = true
	}
	p.skipNewlines()
	r := p.parseUnary()
	if !isQuery(r) {
		p.failTok(p.tok())
	}
	return &ast.UnionExpr{At: at.Pos, L: q, R: r, All: all}
}

// metaAlias reads the alias that may follow an expression in metacode:
// <price*2 as updatedPrice> is a column definition with its name, as
// sqlColAlias builds; <sums(ask) as `sumAsk`sum2Ask> names each value of
// a function giving several.
func (p *parser) metaAlias(x ast.Expr) ast.Expr {
	if !isKw(p.tok(), "as") {
		return x
	}
	at := p.next()
	if n := p.tok(); n.Kind == lex.TokSymbolVector {
		p.next()
		return &ast.AliasExpr{At: at.Pos, X: x, Name: n.Items[0], Names: n.Items}
	}
	return &ast.AliasExpr{At: at.Pos, X: x, Name: p.expectIdent().Text}
}

// isPairExpr reports whether e is a pair a:b, maybe in parentheses.
func isPairExpr(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.BinaryExpr:
			return x.Op == ":"
		default:
			return false
		}
	}
}
