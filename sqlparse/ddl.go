package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/lex"
)

// DDL statements are parsed into the calls DolphinDB documents as their
// equivalents, so they run through the same built-ins:
//
//	create database "dfs://x" partitioned by VALUE(s1), HASH(s2), engine='TSDB'
//	    -> database("dfs://x", COMPO, [database("", VALUE, s1), database("", HASH, s2)], engine='TSDB')
//	create table "dfs://x"."pt" (c1 T1, c2 T2) [partitioned by c1], sortColumns=..., ...
//	    -> createPartitionedTable(database("dfs://x"), table(1:0, ["c1","c2"], [T1,T2]), "pt", ["c1"], sortColumns=...)
//	       (createDimensionTable without partitioned by)
//	create [local temporary] table t (c1 T1, ...) -> t = table(1:0, ["c1"], [T1])
//	drop table "dfs://x"."pt" -> dropTable(database("dfs://x"), "pt")
//	drop database "dfs://x"   -> dropDatabase("dfs://x")
//	drop table t              -> undef t

// isDDL reports whether the statement at t is create/drop database/table.
func (p *parser) isDDL(t, nx lex.Token) bool {
	switch {
	case isKw(t, "create"):
		return isKw(nx, "database") || isKw(nx, "table") || isKw(nx, "local")
	case isKw(t, "drop"):
		return isKw(nx, "database") || isKw(nx, "table")
	}
	return false
}

func call(at Pos, fn string, args ...Expr) *CallExpr {
	return &CallExpr{At: at, Fn: &Ident{At: at, Name: fn}, Args: args}
}

func str(at Pos, s string) *Literal { return &Literal{At: at, Kind: LitString, Text: s} }

// parseDDL parses a create or drop statement.
func (p *parser) parseDDL() Stmt {
	t := p.next()
	var st Stmt
	p.withEq(func() {
		if isKw(t, "drop") {
			st = p.parseDrop(t)
			return
		}
		if isKw(p.tok(), "local") {
			p.next()
			p.expectKw("temporary")
		}
		if isKw(p.tok(), "database") {
			st = p.parseCreateDatabase(t)
			return
		}
		p.expectKw("table")
		st = p.parseCreateTable(t)
	})
	return st
}

// parseTableRef parses `"dbPath"."name"`, `dbPath.name` or a bare table
// name; db is nil for the bare form.
func (p *parser) parseTableRef() (db Expr, name string, at Pos) {
	t := p.next()
	at = t.Pos
	if t.Kind != lex.TokString && t.Kind != lex.TokIdent {
		p.failTok(t)
	}
	if !p.isOp(".") {
		return nil, t.Text, at
	}
	p.next()
	n := p.next()
	if n.Kind != lex.TokString && n.Kind != lex.TokIdent {
		p.failTok(n)
	}
	if t.Kind == lex.TokString {
		return str(t.Pos, t.Text), n.Text, at
	}
	return &Ident{At: t.Pos, Name: t.Text}, n.Text, at
}

func (p *parser) parseDrop(t lex.Token) Stmt {
	if isKw(p.tok(), "database") {
		p.next()
		return &ExprStmt{At: t.Pos, X: call(t.Pos, "dropDatabase", p.parseExpr())}
	}
	p.expectKw("table")
	db, name, at := p.parseTableRef()
	if db == nil {
		return &UndefStmt{At: at, Names: []string{name}}
	}
	return &ExprStmt{At: t.Pos, X: call(t.Pos, "dropTable", call(at, "database", db), str(at, name))}
}

// parseNamedOptions parses `, name=value` options after a DDL statement.
func (p *parser) parseNamedOptions() []Expr {
	var out []Expr
	for p.isOp(",") {
		p.next()
		p.skipNewlines()
		n := p.expectIdent()
		p.expectOp("=")
		out = append(out, &NamedArg{At: n.Pos, Name: n.Text, X: p.parseExpr()})
	}
	return out
}

func (p *parser) parseCreateDatabase(t lex.Token) Stmt {
	p.next() // database
	dir := p.parseUnary()
	p.skipNewlines()
	p.expectKw("partitioned")
	p.expectKw("by")
	var levels []Expr
	for {
		p.skipNewlines()
		if !(p.tok().Kind == lex.TokIdent && isOpTok(p.peekN(1), "(")) || isOpTok(p.peekN(2), "=") {
			break
		}
		pt := p.expectIdent()
		p.expectOp("(")
		scheme := p.parseExpr()
		p.expectOp(")")
		levels = append(levels, call(pt.Pos, "database", str(pt.Pos, ""), &Ident{At: pt.Pos, Name: strings.ToUpper(pt.Text)}, scheme))
		if !p.isOp(",") || p.optionNext() {
			break
		}
		p.next()
	}
	if len(levels) == 0 {
		p.failTok(p.tok())
	}
	opts := p.parseNamedOptions()
	var args []Expr
	if len(levels) == 1 {
		l := levels[0].(*CallExpr)
		args = []Expr{dir, l.Args[1], l.Args[2]}
	} else {
		args = []Expr{dir, &Ident{At: t.Pos, Name: "COMPO"}, &ArrayExpr{At: t.Pos, Elems: levels}}
	}
	return &ExprStmt{At: t.Pos, X: call(t.Pos, "database", append(args, opts...)...)}
}

func (p *parser) parseCreateTable(t lex.Token) Stmt {
	db, name, at := p.parseTableRef()
	p.skipNewlines()
	p.expectOp("(")
	var names, types []Expr
	for {
		p.skipNewlines()
		c := p.next()
		if c.Kind != lex.TokIdent && c.Kind != lex.TokString {
			p.failTok(c)
		}
		names = append(names, str(c.Pos, c.Text))
		if tt := p.tok(); tt.Kind == lex.TokIdent && isOpTok(p.peekN(1), "[") && (isKw(p.peekN(2), "comment") || isKw(p.peekN(2), "compress")) {
			p.next()
			types = append(types, &Ident{At: tt.Pos, Name: tt.Text})
		} else {
			types = append(types, p.parseUnary())
		}
		if p.isOp("[") { // column description: [comment="...", compress="..."]
			depth := 0
			for {
				tk := p.next()
				if isOpTok(tk, "[") {
					depth++
				} else if isOpTok(tk, "]") {
					depth--
					if depth == 0 {
						break
					}
				} else if tk.Kind == lex.TokEOF {
					p.failTok(tk)
				}
			}
		}
		p.skipNewlines()
		if p.isOp(",") {
			p.next()
			continue
		}
		p.expectOp(")")
		break
	}
	schema := call(at, "table",
		&BinaryExpr{At: at, Op: ":", L: &Literal{At: at, Kind: LitInt, Text: "1"}, R: &Literal{At: at, Kind: LitInt, Text: "0"}},
		&ArrayExpr{At: at, Elems: names}, &ArrayExpr{At: at, Elems: types})
	if db == nil {
		if isKw(p.tok(), "on") { // on commit preserve rows
			for _, w := range []string{"on", "commit", "preserve", "rows"} {
				p.expectKw(w)
			}
		}
		return &AssignStmt{At: t.Pos, Targets: []Expr{&Ident{At: at, Name: name}}, Op: "=", Value: schema}
	}
	var partCols []Expr
	if p.skipNewlinesBeforeKw("partitioned") {
		p.next()
		p.expectKw("by")
		for {
			p.skipNewlines()
			c := p.expectIdent()
			partCols = append(partCols, str(c.Pos, c.Text))
			if !p.isOp(",") || p.optionNext() {
				break
			}
			p.next()
		}
	}
	opts := p.parseNamedOptions()
	dbh := call(at, "database", db)
	if partCols == nil {
		return &ExprStmt{At: t.Pos, X: call(t.Pos, "createDimensionTable", append([]Expr{dbh, schema, str(at, name)}, opts...)...)}
	}
	args := []Expr{dbh, schema, str(at, name), &ArrayExpr{At: at, Elems: partCols}}
	return &ExprStmt{At: t.Pos, X: call(t.Pos, "createPartitionedTable", append(args, opts...)...)}
}

// optionNext reports whether the comma at the current token introduces a
// name=value option.
func (p *parser) optionNext() bool {
	i := p.pos + 1
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	return i+1 < len(p.toks) && p.toks[i].Kind == lex.TokIdent && isOpTok(p.toks[i+1], "=")
}
