package sqlparse

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
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
//	    a column's [comment="c", compress="delta"] -> setColumnComment(<the create>, {c1: "c"}),
//	    compressMethods={c1: "delta"}
//	drop table "dfs://x"."pt" -> dropTable(database("dfs://x"), "pt")
//	drop database "dfs://x"   -> dropDatabase("dfs://x")
//	drop table t              -> undef t
//	drop ... if exists X      -> if (existsDatabase(X) / existsTable(db, "pt") / defined("t")) drop ...
//	alter table T add c TYPE  -> addColumn(T, "c", TYPE)
//	alter table T drop [column] c           -> dropColumns!(T, "c")
//	alter table T rename [column] c to d    -> rename!(T, "c", "d")
//	    (T is loadTable(db, "pt") for "dfs://x"."pt")

// Catalog names (catalog.md) are resolved when the statement runs, by
// the session's current catalog, through two functions package catalog
// registers; their names are no identifiers, so scripts cannot call them:
//
//	create database [catalog.]schema ... -> database(CatalogSchemaPath("[catalog.]schema", true), ...)
//	create table [catalog.]schema.t ...  -> createPartitionedTable(database(CatalogSchemaPath("[catalog.]schema", false)), ...)
//	drop table [if exists] a.b[.c]       -> CatalogDrop("a.b[.c]", ifExists)
//	alter table [catalog.]schema.t ...   -> loadTable(CatalogSchemaPath(...), "t")
const (
	CatalogSchemaPath = "catalog.schemaPath"
	CatalogDrop       = "catalog.drop"
)

// CreateDatabase is the function create database calls: database() with
// no value, as the statement has none (db_distr_comp/db_oper/create_db_tb.md:
// CREATE DATABASE 语句没有返回值). Package dbfuncs registers it.
const CreateDatabase = "dfs.createDatabase"

// dottedName is the text of a name written a, a.b or a.b.c, the form of
// catalog references.
func dottedName(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name, true
	case *ast.MemberExpr:
		if s, ok := dottedName(x.X); ok {
			return s + "." + x.Name, true
		}
	}
	return "", false
}

func boolLit(at ast.Pos, b bool) *ast.Literal {
	if b {
		return &ast.Literal{At: at, Kind: ast.LitBool, Text: "true"}
	}
	return &ast.Literal{At: at, Kind: ast.LitBool, Text: "false"}
}

// isDDL reports whether the statement at t is create/drop database/table
// or alter table.
func (p *parser) isDDL(t, nx lex.Token) bool {
	switch {
	case isKw(t, "create"):
		return isKw(nx, "database") || isKw(nx, "table") || isKw(nx, "local")
	case isKw(t, "drop"):
		return isKw(nx, "database") || isKw(nx, "table")
	case isKw(t, "alter"):
		return isKw(nx, "table")
	}
	return false
}

func call(at ast.Pos, fn string, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{At: at, Fn: &ast.Ident{At: at, Name: fn}, Args: args}
}

func str(at ast.Pos, s string) *ast.Literal {
	return &ast.Literal{At: at, Kind: ast.LitString, Text: s}
}

// parseDDL parses a create or drop statement.
func (p *parser) parseDDL() ast.Stmt {
	t := p.next()
	var st ast.Stmt
	p.withEq(func() {
		if isKw(t, "drop") {
			st = p.parseDrop(t)
			return
		}
		if isKw(t, "alter") {
			st = p.parseAlter(t)
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

// parseTableRef parses `"dbPath"."name"`, `[catalog.]schema.name` or a
// bare table name; db is nil for the bare form, and dotted the whole
// name for the catalog form.
func (p *parser) parseTableRef() (db ast.Expr, name, dotted string, at ast.Pos) {
	t := p.next()
	at = t.Pos
	if t.Kind != lex.TokString && t.Kind != lex.TokIdent {
		p.failTok(t)
	}
	if !p.isOp(".") {
		return nil, t.Text, "", at
	}
	parts := []string{t.Text}
	for len(parts) < 3 && p.isOp(".") {
		p.next()
		n := p.next()
		if n.Kind != lex.TokString && n.Kind != lex.TokIdent {
			p.failTok(n)
		}
		parts = append(parts, n.Text)
		if t.Kind == lex.TokString {
			return str(t.Pos, t.Text), n.Text, "", at
		}
	}
	schema := strings.Join(parts[:len(parts)-1], ".")
	db = call(at, CatalogSchemaPath, str(at, schema), boolLit(at, false))
	return db, parts[len(parts)-1], strings.Join(parts, "."), at
}

func (p *parser) parseDrop(t lex.Token) ast.Stmt {
	if isKw(p.tok(), "database") {
		p.next()
		ifExists := p.parseIfExists()
		dir := p.parseExpr()
		drop := &ast.ExprStmt{At: t.Pos, X: call(t.Pos, "dropDatabase", dir)}
		if !ifExists {
			return drop
		}
		return &ast.IfStmt{At: t.Pos, Cond: call(t.Pos, "existsDatabase", dir), Then: []ast.Stmt{drop}}
	}
	p.expectKw("table")
	ifExists := p.parseIfExists()
	db, name, dotted, at := p.parseTableRef()
	if dotted != "" {
		return &ast.ExprStmt{At: t.Pos, X: call(t.Pos, CatalogDrop, str(at, dotted), boolLit(at, ifExists))}
	}
	var drop ast.Stmt
	var exists ast.Expr
	if db == nil {
		drop = &ast.UndefStmt{At: at, Names: []string{name}}
		exists = call(at, "defined", str(at, name))
	} else {
		drop = &ast.ExprStmt{At: t.Pos, X: call(t.Pos, "dropTable", call(at, "database", db), str(at, name))}
		exists = call(at, "existsTable", db, str(at, name))
	}
	if !ifExists {
		return drop
	}
	return &ast.IfStmt{At: t.Pos, Cond: exists, Then: []ast.Stmt{drop}}
}

// parseIfExists consumes an optional `if exists`.
func (p *parser) parseIfExists() bool {
	if isKw(p.tok(), "if") && isKw(p.peekN(1), "exists") {
		p.next()
		p.next()
		return true
	}
	return false
}

// parseAlter parses alter table ... add/drop/rename.
func (p *parser) parseAlter(t lex.Token) ast.Stmt {
	p.expectKw("table")
	db, name, _, at := p.parseTableRef()
	var tbl ast.Expr = &ast.Ident{At: at, Name: name}
	if db != nil {
		tbl = call(at, "loadTable", db, str(at, name))
	}
	op := p.expectIdent()
	// a column may be named by a string (std_sql_ddb.md: rename "FULL_NAME"
	// to "EMPLOYEE_NAME"); alter.md's parameters are string scalars
	colName := func() *ast.Literal {
		c := p.tok()
		if c.Kind != lex.TokString {
			c = p.expectIdent()
		} else {
			p.next()
		}
		return str(c.Pos, c.Text)
	}
	column := func() *ast.Literal {
		if nx := p.peekN(1); isKw(p.tok(), "column") && (nx.Kind == lex.TokIdent || nx.Kind == lex.TokString) {
			p.next()
		}
		return colName()
	}
	var x ast.Expr
	switch {
	case isKw(op, "add"):
		c := column()
		x = call(t.Pos, "addColumn", tbl, c, p.parseUnary())
	case isKw(op, "drop"):
		x = call(t.Pos, "dropColumns!", tbl, column())
	case isKw(op, "rename"):
		from := column()
		p.expectKw("to")
		x = call(t.Pos, "rename!", tbl, from, colName())
	default:
		p.failTok(op)
	}
	return &ast.ExprStmt{At: t.Pos, X: x}
}

// parseNamedOptions parses `, name=value` options after a DDL statement;
// the manual's examples also leave out the comma before an option that
// starts a line.
func (p *parser) parseNamedOptions() []ast.Expr {
	var out []ast.Expr
	for {
		if p.isOp(",") {
			p.next()
			p.skipNewlines()
		} else if !p.tableOptionNext() {
			return out
		} else {
			p.skipNewlines()
		}
		n := p.expectIdent()
		p.expectOp("=")
		out = append(out, &ast.NamedArg{At: n.Pos, Name: n.Text, X: p.parseExpr()})
	}
}

// tableOptions are the name=value options of create table and create
// database that may follow without a comma.
var tableOptions = []string{"sortColumns", "keepDuplicates", "sortKeyMappingFunction", "softDelete",
	"comment", "encryptMode", "primaryKey", "engine", "atomic", "chunkGranularity", "indexes", "latestKeyCache", "compressHashSortKey"}

// tableOptionNext reports whether a DDL option name and `=` follow,
// possibly after line breaks.
func (p *parser) tableOptionNext() bool {
	i := p.pos
	for i < len(p.toks)-1 && p.toks[i].Kind == lex.TokNewline {
		i++
	}
	if i+1 >= len(p.toks) || p.toks[i].Kind != lex.TokIdent || !isOpTok(p.toks[i+1], "=") {
		return false
	}
	for _, o := range tableOptions {
		if strings.EqualFold(p.toks[i].Text, o) {
			return true
		}
	}
	return false
}

func (p *parser) parseCreateDatabase(t lex.Token) ast.Stmt {
	p.next() // database
	dir := p.parseUnary()
	if name, ok := dottedName(dir); ok {
		dir = call(dir.Pos(), CatalogSchemaPath, str(dir.Pos(), name), boolLit(dir.Pos(), true))
	}
	p.skipNewlines()
	p.expectKw("partitioned")
	p.expectKw("by")
	var levels []ast.Expr
	for {
		p.skipNewlines()
		if !(p.tok().Kind == lex.TokIdent && isOpTok(p.peekN(1), "(")) || isOpTok(p.peekN(2), "=") {
			break
		}
		pt := p.expectIdent()
		p.expectOp("(")
		scheme := p.parseExpr()
		p.expectOp(")")
		levels = append(levels, call(pt.Pos, "database", str(pt.Pos, ""), &ast.Ident{At: pt.Pos, Name: strings.ToUpper(pt.Text)}, scheme))
		if !p.isOp(",") || p.optionNext() {
			break
		}
		p.next()
	}
	if len(levels) == 0 {
		p.failTok(p.tok())
	}
	opts := p.parseNamedOptions()
	var args []ast.Expr
	if len(levels) == 1 {
		l := levels[0].(*ast.CallExpr)
		args = []ast.Expr{dir, l.Args[1], l.Args[2]}
	} else {
		args = []ast.Expr{dir, &ast.Ident{At: t.Pos, Name: "COMPO"}, &ast.ArrayExpr{At: t.Pos, Elems: levels}}
	}
	return &ast.ExprStmt{At: t.Pos, X: call(t.Pos, CreateDatabase, append(args, opts...)...)}
}

func (p *parser) parseCreateTable(t lex.Token) ast.Stmt {
	db, name, _, at := p.parseTableRef()
	p.skipNewlines()
	p.expectOp("(")
	var names, types []ast.Expr
	var desc columnDescriptions
	for {
		p.skipNewlines()
		if len(names) > 0 && p.isOp(")") { // a trailing comma
			p.next()
			break
		}
		c := p.next()
		if c.Kind != lex.TokIdent && c.Kind != lex.TokString {
			p.failTok(c)
		}
		names = append(names, str(c.Pos, c.Text))
		p.colType = true
		types = append(types, p.parseUnary())
		p.colType = false
		if p.isOp("[") { // column description: [comment="...", compress="..."]
			p.parseColumnDescription(c, &desc)
		}
		p.skipNewlines()
		if p.isOp(",") {
			p.next()
			continue
		}
		// The manual's pages (stream/sub_pub.md, the partitioned-storage
		// best practices) put one column a line with no commas, and
		// DolphinDB runs them: a line break separates columns too.
		if nt := p.tok(); nt.Kind == lex.TokIdent && nt.Pos.Line > p.toks[p.pos-1].Pos.Line {
			continue
		}
		p.expectOp(")")
		break
	}
	schema := call(at, "table",
		&ast.BinaryExpr{At: at, Op: ":", L: &ast.Literal{At: at, Kind: ast.LitInt, Text: "1"}, R: &ast.Literal{At: at, Kind: ast.LitInt, Text: "0"}},
		&ast.ArrayExpr{At: at, Elems: names}, &ast.ArrayExpr{At: at, Elems: types})
	if db == nil {
		if isKw(p.tok(), "on") { // on commit preserve rows
			for _, w := range []string{"on", "commit", "preserve", "rows"} {
				p.expectKw(w)
			}
		}
		return &ast.AssignStmt{At: t.Pos, Targets: []ast.Expr{&ast.Ident{At: at, Name: name}}, Op: "=", Value: schema}
	}
	var partCols []ast.Expr
	if p.skipNewlinesBeforeKw("partitioned") {
		p.next()
		p.expectKw("by")
		for {
			p.skipNewlines()
			if p.tok().Kind == lex.TokIdent && isOpTok(p.peekN(1), "(") {
				// A partitioning function on a column, partitioned by
				// myPartitionFunc(id_date) (db_distr_comp/db/tsdb.md):
				// createPartitionedTable takes the call as text.
				at, start := p.tok().Pos, p.pos
				p.parseUnary()
				var call strings.Builder
				for i, tk := range p.toks[start:p.pos] {
					if tk.Space && i > 0 {
						call.WriteByte(' ')
					}
					call.WriteString(tk.Raw)
				}
				partCols = append(partCols, str(at, call.String()))
			} else {
				c := p.expectIdent()
				partCols = append(partCols, str(c.Pos, c.Text))
			}
			if !p.isOp(",") || p.optionNext() {
				break
			}
			p.next()
		}
	}
	opts := p.parseNamedOptions()
	if desc.compress != nil {
		opts = append(opts, &ast.NamedArg{At: at, Name: "compressMethods", X: desc.compress})
	}
	if desc.indexes != nil {
		opts = append(opts, &ast.NamedArg{At: at, Name: "indexes", X: desc.indexes})
	}
	dbh := call(at, "database", db)
	var create ast.Expr
	if partCols == nil {
		create = call(t.Pos, "createDimensionTable", append([]ast.Expr{dbh, schema, str(at, name)}, opts...)...)
	} else {
		args := []ast.Expr{dbh, schema, str(at, name), &ast.ArrayExpr{At: at, Elems: partCols}}
		create = call(t.Pos, "createPartitionedTable", append(args, opts...)...)
	}
	if desc.comment != nil {
		create = call(t.Pos, "setColumnComment", create, desc.comment)
	}
	return &ast.ExprStmt{At: t.Pos, X: create}
}

// startsColumnDescription reports whether the `[` at the cursor opens a
// column's [comment=..., compress=..., indexes=...].
func (p *parser) startsColumnDescription() bool {
	k := p.peekN(1)
	return isOpTok(p.tok(), "[") && (isKw(k, "comment") || isKw(k, "compress") || isKw(k, "indexes"))
}

// columnDescriptions collects create table's per-column [comment=...,
// compress=..., indexes=...] as dictionaries by column name (nil when no
// column has one).
type columnDescriptions struct {
	comment, compress, indexes *ast.DictExpr
}

// parseColumnDescription parses one column's [key=value, ...]; other
// keys are accepted and ignored.
func (p *parser) parseColumnDescription(col lex.Token, d *columnDescriptions) {
	p.expectOp("[")
	for {
		p.skipNewlines()
		k := p.expectIdent()
		p.expectOp("=")
		v := p.parseExpr()
		add := func(dp **ast.DictExpr) {
			if *dp == nil {
				*dp = &ast.DictExpr{At: col.Pos}
			}
			(*dp).Keys = append((*dp).Keys, str(col.Pos, col.Text))
			(*dp).Values = append((*dp).Values, v)
		}
		switch {
		case isKw(k, "comment"):
			add(&d.comment)
		case isKw(k, "compress"):
			add(&d.compress)
		case isKw(k, "indexes"):
			add(&d.indexes)
		}
		p.skipNewlines()
		if !p.isOp(",") {
			break
		}
		p.next()
	}
	p.expectOp("]")
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
