package dsfuncs

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "sqlDS", Params: []string{"sqlObj", "forcePartition"}, Min: 1, Max: 2, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xsqlDS)},
		funcs.Spec{Name: "getChunkPath", Params: []string{"ds"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "db-table", Fn: xgetChunkPath},
	)
}

// partitionSource is one partition's part of a query: the query run over
// that partition's rows alone.
type partitionSource struct {
	t    *dfs.Table
	sel  *ast.SelectExpr
	bind map[string]value.Value
	name string // what the query's from clause is bound to
	path string // the chunk path, "/db/partition"
	part string // the partition's path within the database
}

// load reads the partition and runs the query over it.
func (p *partitionSource) load(env funcs.Env) (value.Value, error) {
	rows, err := p.t.ReadPartition(p.part)
	if err != nil {
		return nil, err
	}
	if rows == nil {
		names, types, scales := p.t.Schema()
		cols := make([]*value.Vector, len(names))
		for i, ty := range types {
			cols[i] = value.NewVector(ty, 0, 0)
			cols[i].Scale = scales[i]
		}
		rows = value.NewTable(names, cols)
	}
	bind := make(map[string]value.Value, len(p.bind)+1)
	for k, v := range p.bind {
		bind[k] = v
	}
	bind[p.name] = rows
	sel := *p.sel
	sel.From = &ast.Ident{Name: p.name}
	return env.Eval(&sel, bind)
}

// xsqlDS splits a query over a partitioned table into one data source per
// partition it reads (those its where clause doesn't prune and that hold
// data), in path order, as DolphinDB does. A query over anything else is
// one data source. Without forcePartition, a query DolphinDB would refuse
// to split (grouped by other than partition columns, or ordered) stays
// one data source, whose result is the whole query's.
func xsqlDS(h dbfuncs.Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsCode(args[0]) {
		return nil, ddberr.Errorf("The argument [sqlObj] of sqlDS must be SQL metacode.")
	}
	force, err := funcs.BoolArg("sqlDS", "forcePartition", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	out, err := partitionSources(h, args[0], force)
	if err != nil {
		return nil, err
	}
	return value.NewTuple(out), nil
}

// partitionSources is code's query split into one data source per
// partition it reads, or the whole query as one source when it reads no
// partitioned table or, unless force, can't be split.
func partitionSources(h dbfuncs.Host, code value.Value, force bool) ([]value.Value, error) {
	whole := []value.Value{&system.DataSource{Code: code}}
	sel, bind := dbfuncs.SelectOf(code)
	if sel == nil || !namesTable(sel.From) {
		return whole, nil
	}
	src, err := h.Eval(sel.From, bind)
	if err != nil {
		return nil, err
	}
	t := dbfuncs.DFSTableOf(src)
	if t == nil {
		return whole, nil
	}
	partCols := t.PartitionColumnNames()
	if len(partCols) == 0 || !force && !splittable(sel, partCols) {
		return whole, nil
	}
	if err := h.CheckTableRead(t); err != nil {
		return nil, err
	}
	names, _, _ := t.Schema()
	bind = bindVariables(h, sel, bind, names)
	keep := t.PruneFilter(dfs.Evaluator{Eval: func(e ast.Expr, part *value.Table) (value.Value, error) {
		b := make(map[string]value.Value, len(bind)+len(part.Names))
		for k, v := range bind {
			b[k] = v
		}
		for i, n := range part.Names {
			b[n] = part.Cols[i]
		}
		return h.Eval(e, b)
	}}, sel.Where)
	stored, err := t.StoredPaths()
	if err != nil {
		return nil, err
	}
	name := t.TableName()
	if id, ok := sel.From.(*ast.Ident); ok {
		name = id.Name
	}
	prefix := ""
	if db := t.Database(); db.DFS() {
		prefix = "/" + db.Name()
	}
	var parts []*partitionSource
	for _, p := range t.PartitionPaths(keep) {
		if slices.Contains(stored, p) {
			parts = append(parts, &partitionSource{t: t, sel: sel, bind: bind, name: name, path: prefix + p, part: p})
		}
	}
	slices.SortFunc(parts, func(a, b *partitionSource) int { return strings.Compare(a.path, b.path) })
	desc := describe(sel, bind, partCols)
	out := make([]value.Value, len(parts))
	for i, p := range parts {
		out[i] = &system.DataSource{Load: p.load, Desc: desc + " [partition = " + p.path + "] ", Chunk: p.path}
	}
	return out, nil
}

// namesTable reports whether from names a table rather than computing
// one (a join, a subquery), so evaluating it to see whether it is a
// partitioned table costs nothing.
func namesTable(from ast.Expr) bool {
	switch f := from.(type) {
	case *ast.Ident:
		return true
	case *ast.CallExpr:
		if id, ok := f.Fn.(*ast.Ident); ok {
			return id.Name == "loadTable" || id.Name == "objByName"
		}
	}
	return false
}

// splittable reports whether DolphinDB splits sel over partitions without
// forcePartition: not when it is ordered or grouped by other than
// partition columns.
func splittable(sel *ast.SelectExpr, partCols []string) bool {
	if len(sel.OrderBy) > 0 {
		return false
	}
	for _, g := range sel.GroupBy {
		id, ok := g.(*ast.Ident)
		if !ok || !slices.Contains(partCols, id.Name) {
			return false
		}
	}
	return true
}

// describe is how a partition's query prints: DolphinDB's " select [7]
// ..." with the conditions on partition columns alone left out, the
// partition standing for them.
func describe(sel *ast.SelectExpr, bind map[string]value.Value, partCols []string) string {
	s := *sel
	s.Where = nil
	for _, w := range sel.Where {
		if !onlyColumns(w, partCols) {
			s.Where = append(s.Where, w)
		}
	}
	code := (&funcs.Meta{X: &s, Bind: bind}).String()
	code = strings.TrimSuffix(strings.TrimPrefix(code, "<"), ">")
	return strings.Replace(strings.TrimRight(code, " "), "select ", "select [7] ", 1)
}

// onlyColumns reports whether every name e reads is one of cols.
func onlyColumns(e ast.Expr, cols []string) bool {
	only, any := true, false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			any = true
			if !slices.Contains(cols, id.Name) {
				only = false
			}
		}
		return true
	})
	return only && any
}

// xgetChunkPath is the chunk path of each data source sqlDS made of a
// partition of a DFS table: the database's name and the partition's path
// (DolphinDB adds its own directory of the table's files, which Porpoise's
// store doesn't have).
func xgetChunkPath(_ funcs.Env, args []value.Value) (value.Value, error) {
	list, err := system.DataSources("getChunkPath", args[0])
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(list))
	for _, d := range list {
		out = append(out, d.Chunk) // "" for a query that is no partition's

	}
	return value.NewStrings(value.String, out), nil
}
