package dsfuncs

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// The companions of sqlDS: transforming and caching data sources and
// splitting a query into data sources by a partitioning scheme.

func init() {
	funcs.Register(
		funcs.Spec{Name: "transDS!", Params: []string{"ds", "tranFunc"}, Min: 2, Max: 2, Props: funcs.Mutating, Category: "db-table", Fn: xtransDS},
		funcs.Spec{Name: "cacheDS!", Params: []string{"ds"}, Min: 1, Max: 1, Props: funcs.Mutating, Category: "db-table", Fn: eachDS("cacheDS!", (*system.DataSource).CacheNext)},
		funcs.Spec{Name: "cacheDSNow", Params: []string{"ds"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: xcacheDSNow},
		funcs.Spec{Name: "clearDSCache!", Params: []string{"ds"}, Min: 1, Max: 1, Props: funcs.Mutating, Category: "db-table", Fn: eachDS("clearDSCache!", (*system.DataSource).ClearNext)},
		funcs.Spec{Name: "clearDSCacheNow", Params: []string{"ds"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: eachDS("clearDSCacheNow", (*system.DataSource).ClearCache)},
		funcs.Spec{Name: "repartitionDS", Params: []string{"query", "column", "partitionType", "partitionScheme", "local"}, Min: 1, Max: 5, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xrepartitionDS)},
		funcs.Spec{Name: "multiTableRepartitionDS", Params: []string{"query", "column", "partitionType", "partitionScheme", "local"}, Min: 1, Max: 5, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xmultiTableRepartitionDS)},
		funcs.Spec{Name: "replayDS", Params: []string{"sqlObj", "dateColumn", "timeColumn", "timeRepartitionSchema"}, Min: 1, Max: 4, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xreplayDS)},
	)
}

func xtransDS(env funcs.Env, args []value.Value) (value.Value, error) {
	list, err := system.DataSources("transDS!", args[0])
	if err != nil {
		return nil, err
	}
	if !funcs.IsFunction(args[1]) {
		return nil, ddberr.Errorf("The argument [tranFunc] of transDS! must be a function.")
	}
	for _, d := range list {
		d.Trans = append(d.Trans, args[1])
	}
	return args[0], nil
}

// eachDS is a function that calls do on each of its data sources and
// returns true.
func eachDS(fn string, do func(*system.DataSource)) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		list, err := system.DataSources(fn, args[0])
		if err != nil {
			return nil, err
		}
		for _, d := range list {
			do(d)
		}
		return value.NewBool(true), nil
	}
}

// xcacheDSNow runs the data sources now, keeps their results and returns
// how many rows they hold.
func xcacheDSNow(env funcs.Env, args []value.Value) (value.Value, error) {
	list, err := system.DataSources("cacheDSNow", args[0])
	if err != nil {
		return nil, err
	}
	rows := int64(0)
	for _, d := range list {
		d.CacheNext()
		v, err := d.Materialise(env)
		if err != nil {
			return nil, err
		}
		if t, ok := v.(*value.Table); ok {
			rows += int64(t.Rows())
		}
	}
	return value.NewLong(rows), nil
}

// splitter builds data sources from one select statement by adding
// conditions to its where clause; the values the conditions compare with
// are bound under names spelled like their literals, so the sources print
// as DolphinDB's do.
type splitter struct {
	sel  *ast.SelectExpr
	bind map[string]value.Value
	col  string
	// conv converts col to its partition scheme's type where the two
	// differ: appendices_market_replay_bp.md's TIMESTAMP DateTime in a
	// VALUE domain of dates is split by date(DateTime) == d
	conv string
}

// newSplitter splits code's select statement. A table named by a
// variable is bound now, so the sources run wherever they are used (in
// a function that mr or imr calls, say) on the table the caller meant.
func newSplitter(h dbfuncs.Host, code value.Value, col string) (*splitter, error) {
	sel, bind := dbfuncs.SelectOf(code)
	if sel == nil {
		return nil, ddberr.Errorf("The query must be SQL metacode of a select statement.")
	}
	with := func(name string, v value.Value) {
		nb := make(map[string]value.Value, len(bind)+1)
		for k, x := range bind {
			nb[k] = x
		}
		nb[name] = v
		bind = nb
	}
	switch f := sel.From.(type) {
	case *ast.Ident:
		if v, ok := h.Var(f.Name); ok && bind[f.Name] == nil {
			with(f.Name, v)
		}
	case *ast.CallExpr:
		// loadTable(dbName, tbName) is opened now, with the caller's
		// variables: a job that loads the source later has none of them
		if id, ok := f.Fn.(*ast.Ident); ok && id.Name == "loadTable" {
			v, err := h.Eval(f, bind)
			if err != nil {
				return nil, err
			}
			t := dbfuncs.DFSTableOf(v)
			if t == nil {
				break
			}
			named := *sel
			named.From = &ast.Ident{Name: t.TableName()}
			sel = &named
			with(t.TableName(), v)
		}
	}
	if id, ok := sel.From.(*ast.Ident); ok {
		if t := dbfuncs.DFSTableOf(bind[id.Name]); t != nil {
			names, _, _ := t.Schema()
			bind = bindVariables(h, sel, bind, names)
		}
	}
	return &splitter{sel: sel, bind: bind, col: col}, nil
}

// bindVariables binds the variables a query names that aren't columns of
// its table, as DolphinDB's metacode made in a function carries the
// function's variables (appendices_market_replay_bp.md shows dsTb's
// sources with its startDate, endDate and stkList as values): the
// sources then run where those variables don't exist, in a job or a
// function that replay or mr calls.
func bindVariables(h dbfuncs.Host, sel *ast.SelectExpr, bind map[string]value.Value, cols []string) map[string]value.Value {
	out := bind
	astwalk.Inspect(sel, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || out[id.Name] != nil || slices.Contains(cols, id.Name) {
			return true
		}
		if v, ok := h.Var(id.Name); ok {
			if len(out) == len(bind) {
				out = maps.Clone(bind)
				if out == nil {
					out = map[string]value.Value{}
				}
			}
			out[id.Name] = v
		}
		return true
	})
	return out
}

// lit embeds a value in the code.
func (s *splitter) lit(v value.Value, bind map[string]value.Value) ast.Expr {
	name := v.String()
	if sc, ok := v.(*value.Scalar); ok && (sc.T == value.String || sc.T == value.Symbol) {
		name = strconv.Quote(sc.S)
	}
	bind[name] = v
	return &ast.Ident{Name: name}
}

// source is the query restricted by conds, each built with bind.
func (s *splitter) source(conds func(bind map[string]value.Value) []ast.Expr) *system.DataSource {
	bind := make(map[string]value.Value, len(s.bind)+2)
	for k, v := range s.bind {
		bind[k] = v
	}
	sel := *s.sel
	sel.Where = append(append([]ast.Expr(nil), s.sel.Where...), conds(bind)...)
	return &system.DataSource{Code: &funcs.Meta{X: &sel, Bind: bind}}
}

func (s *splitter) column(name string) ast.Expr {
	if name == s.col && s.conv != "" {
		return &ast.CallExpr{Fn: &ast.Ident{Name: s.conv}, Args: []ast.Expr{&ast.Ident{Name: name}}}
	}
	return &ast.Ident{Name: name}
}

func (s *splitter) cmp(op, col string, v value.Value, bind map[string]value.Value) ast.Expr {
	return &ast.BinaryExpr{Op: op, L: s.column(col), R: s.lit(v, bind)}
}

// byDomain splits the query into one source per partition of dom on
// column col.
func (s *splitter) byDomain(dom partition.Domain, col string) ([]value.Value, error) {
	switch d := dom.(type) {
	case *partition.Range:
		return s.byRange(d.Boundaries(), col), nil
	case *partition.Value:
		return s.byValues(d.Values(), col), nil
	case *partition.List:
		var out []value.Value
		for _, l := range d.Lists() {
			l := l
			out = append(out, s.source(func(bind map[string]value.Value) []ast.Expr {
				return []ast.Expr{&ast.BinaryExpr{Op: "in", L: s.column(col), R: s.lit(l, bind)}}
			}))
		}
		return out, nil
	case *partition.Hash:
		return s.byHash(d.Len(), col), nil
	}
	return nil, ddberr.Errorf("The partition type must be VALUE, RANGE, LIST or HASH.")
}

// byRange is one source per range [b[i], b[i+1]).
func (s *splitter) byRange(b *value.Vector, col string) []value.Value {
	var out []value.Value
	for i := 0; i+1 < b.Len(); i++ {
		lo, hi := b.At(i), b.At(i+1)
		out = append(out, s.source(func(bind map[string]value.Value) []ast.Expr {
			return []ast.Expr{s.cmp(">=", col, lo, bind), s.cmp("<", col, hi, bind)}
		}))
	}
	return out
}

// byValues is one source per value.
func (s *splitter) byValues(vals *value.Vector, col string) []value.Value {
	var out []value.Value
	for i := 0; i < vals.Len(); i++ {
		v := vals.At(i)
		out = append(out, s.source(func(bind map[string]value.Value) []ast.Expr {
			return []ast.Expr{s.cmp("==", col, v, bind)}
		}))
	}
	return out
}

// byHash is one source per hash bucket of n.
func (s *splitter) byHash(n int, col string) []value.Value {
	var out []value.Value
	buckets := value.NewInt(int32(n))
	for i := 0; i < n; i++ {
		b := value.NewInt(int32(i))
		out = append(out, s.source(func(bind map[string]value.Value) []ast.Expr {
			call := &ast.CallExpr{Fn: &ast.Ident{Name: "hashBucket"}, Args: []ast.Expr{s.column(col), s.lit(buckets, bind)}}
			return []ast.Expr{&ast.BinaryExpr{Op: "==", L: call, R: s.lit(b, bind)}}
		}))
	}
	return out
}

// sourceTable finds the DFS table a select statement reads.
func sourceTable(h dbfuncs.Host, code value.Value) (*dfs.Table, error) {
	sel, bind := dbfuncs.SelectOf(code)
	if sel == nil || sel.From == nil {
		return nil, ddberr.Errorf("The query must be SQL metacode of a select statement over a DFS table.")
	}
	src, err := h.Eval(sel.From, bind)
	if err != nil {
		return nil, err
	}
	t := dbfuncs.DFSTableOf(src)
	if t == nil {
		return nil, ddberr.Errorf("The query must select from a partitioned table.")
	}
	return t, nil
}

// partitionLevel is the domain level that partitions t by column col.
func partitionLevel(t *dfs.Table, col string) (partition.Domain, error) {
	levels := t.Database().Levels()
	for l, name := range t.PartitionColumnNames() { // one schema: a column change may commit meanwhile
		if l < len(levels) && name == col {
			return levels[l], nil
		}
	}
	return nil, ddberr.Errorf("The column %s is not a partitioning column of table %s.", col, t.TableName())
}

func xrepartitionDS(h dbfuncs.Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	if _, err := funcs.BoolArg("repartitionDS", "local", funcs.Arg(args, 4), true); err != nil {
		return nil, err
	}
	if q, ok := args[0].(*value.Vector); ok && q.T == value.Any {
		out := make([]value.Value, len(q.Any))
		for i, c := range q.Any {
			if !funcs.IsCode(c) {
				return nil, ddberr.Errorf("The argument [query] of repartitionDS must be SQL metacode or a tuple of SQL metacode.")
			}
			out[i] = &system.DataSource{Code: c}
		}
		return value.NewTuple(out), nil
	}
	if !funcs.IsCode(args[0]) {
		return nil, ddberr.Errorf("The argument [query] of repartitionDS must be SQL metacode or a tuple of SQL metacode.")
	}
	col, ok := funcs.StringArg(funcs.Arg(args, 1))
	if !ok {
		return nil, ddberr.Errorf("The argument [column] of repartitionDS must be a column name when query is one SQL statement.")
	}
	s, err := newSplitter(h, args[0], col)
	if err != nil {
		return nil, err
	}
	if kind := funcs.Arg(args, 2); kind != nil {
		out, err := s.byScheme(kind, funcs.Arg(args, 3), col)
		if err != nil {
			return nil, err
		}
		return value.NewTuple(out), nil
	}
	t, err := sourceTable(h, args[0])
	if err != nil {
		return nil, err
	}
	dom, err := partitionLevel(t, col)
	if err != nil {
		return nil, err
	}
	out, err := s.byDomain(dom, col)
	if err != nil {
		return nil, err
	}
	return value.NewTuple(out), nil
}

// byScheme splits by repartitionDS's partitionType and partitionScheme.
func (s *splitter) byScheme(kind, scheme value.Value, col string) ([]value.Value, error) {
	k, err := funcs.IntArg("repartitionDS", "partitionType", kind, 0)
	if err != nil {
		return nil, err
	}
	if scheme == nil {
		return nil, ddberr.Errorf("The argument [partitionScheme] of repartitionDS must be given with partitionType.")
	}
	switch partition.PartitionType(k) {
	case partition.RANGE, partition.VALUE:
		v, ok := scheme.(*value.Vector)
		if !ok || v.T == value.Any {
			return nil, ddberr.Errorf("The argument [partitionScheme] of repartitionDS must be a vector.")
		}
		if partition.PartitionType(k) == partition.RANGE {
			return s.byRange(v, col), nil
		}
		return s.byValues(v, col), nil
	case partition.HASH:
		n, err := funcs.IntArg("repartitionDS", "partitionScheme", scheme, 0)
		if err != nil || n <= 0 || n > 1<<20 {
			return nil, ddberr.Errorf("The partitionScheme of a HASH repartition must be a positive bucket count.")
		}
		return s.byHash(int(n), col), nil
	}
	return nil, ddberr.Errorf("The argument [partitionType] of repartitionDS must be RANGE, VALUE or HASH.")
}

// xreplayDS splits a query over a DFS table by the partitions of its date
// column, and each of those by timeRepartitionSchema's times on the time
// column, into the data sources replay plays one after another.
func xreplayDS(h dbfuncs.Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	if !funcs.IsCode(args[0]) {
		return nil, ddberr.Errorf("The argument [sqlObj] of replayDS must be SQL metacode.")
	}
	t, err := sourceTable(h, args[0])
	if err != nil {
		return nil, err
	}
	names, _, _ := t.Schema()
	dateCol := names[0]
	if x := funcs.Arg(args, 1); x != nil {
		if dateCol, err = nameArg("replayDS", "dateColumn", x); err != nil {
			return nil, err
		}
	}
	timeCol := ""
	if x := funcs.Arg(args, 2); x != nil {
		if timeCol, err = nameArg("replayDS", "timeColumn", x); err != nil {
			return nil, err
		}
	}
	var cuts *value.Vector
	if x := funcs.Arg(args, 3); x != nil {
		if timeCol == "" {
			return nil, errors.New("timeRepartitionSchema needs timeColumn.")
		}
		v, ok := x.(*value.Vector)
		if !ok || !v.T.IsTemporal() {
			return nil, ddberr.Errorf("The argument [timeRepartitionSchema] of replayDS must be a temporal vector.")
		}
		cuts = v
	}
	dom, err := partitionLevel(t, dateCol)
	if err != nil {
		return nil, err
	}
	s, err := newSplitter(h, args[0], dateCol)
	if err != nil {
		return nil, err
	}
	if len(s.sel.OrderBy) == 0 {
		// each source in replay order, as DolphinDB's are (order by
		// MDDate asc, MDTime asc in appendices_market_replay_bp.md):
		// rows of a day's hash partitions otherwise come partition by
		// partition
		sel := *s.sel
		sel.OrderBy = []ast.OrderItem{{X: &ast.Ident{Name: dateCol}}}
		if timeCol != "" && timeCol != dateCol {
			sel.OrderBy = append(sel.OrderBy, ast.OrderItem{X: &ast.Ident{Name: timeCol}})
		}
		s.sel = &sel
	}
	_, types, _ := t.Schema()
	if slices.Index(names, dateCol) >= 0 {
		ct, st := types[slices.Index(names, dateCol)], dom.SchemeType()
		if ct != st && ct.IsTemporal() && st.IsTemporal() {
			s.conv = strings.ToLower(st.String())
		}
	}
	all, err := s.byDomain(dom, dateCol)
	if err != nil {
		return nil, err
	}
	// only the days the query reads: those of sqlDS's partitions, which
	// hold data and survive the where clause (a VALUE domain's
	// 2020.12.30..2020.12.31 with where Date = 2020.12.31 is one day)
	read, err := partitionSources(h, args[0], true)
	if err != nil {
		return nil, err
	}
	level := slices.Index(t.PartitionColumnNames(), dateCol)
	dirs := map[string]bool{}
	for _, d := range read {
		if ds, ok := d.(*system.DataSource); ok && ds.Chunk != "" {
			// a chunk is /db/level0/level1...
			if parts := strings.Split(ds.Chunk, "/"); level+2 < len(parts) {
				dirs[parts[level+2]] = true
			}
		}
	}
	var days []value.Value
	for i, d := range all {
		if dirs[dom.PartitionName(i)] {
			days = append(days, d)
		}
	}
	if cuts == nil || cuts.Len() == 0 {
		return value.NewTuple(days), nil
	}
	var out []value.Value
	for _, d := range days {
		ds := d.(*system.DataSource)
		sub, err := newSplitter(h, ds.Code, timeCol)
		if err != nil {
			return nil, err
		}
		// TIME cuts of a TIMESTAMP column compare with its time of day,
		// time(tradetime) < 09:36:30.000 (streaming_IOPV.md)
		if i := slices.Index(names, timeCol); i >= 0 {
			if ct := types[i]; ct != cuts.T && ct.IsTemporal() {
				sub.conv = strings.ToLower(cuts.T.String())
			}
		}
		for i := 0; i <= cuts.Len(); i++ {
			i := i
			out = append(out, sub.source(func(bind map[string]value.Value) []ast.Expr {
				var c []ast.Expr
				if i > 0 {
					c = append(c, sub.cmp(">=", timeCol, cuts.At(i-1), bind))
				}
				if i < cuts.Len() {
					c = append(c, sub.cmp("<", timeCol, cuts.At(i), bind))
				}
				return c
			}))
		}
	}
	return value.NewTuple(out), nil
}

// nameArg reads a column-name argument.
func nameArg(fn, param string, x value.Value) (string, error) {
	s, ok := funcs.StringArg(x)
	if !ok || s == "" {
		return "", ddberr.Errorf("The argument [%s] of %s must be a string scalar.", param, fn)
	}
	return s, nil
}

// xmultiTableRepartitionDS splits every query of a tuple the same way (by
// column and scheme, or by each table's own partitions) and returns all
// the sources in one tuple, the first query's first.
func xmultiTableRepartitionDS(h dbfuncs.Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	q, ok := args[0].(*value.Vector)
	if !ok || q.T != value.Any {
		return nil, ddberr.Errorf("The argument [query] of multiTableRepartitionDS must be a tuple of SQL metacode.")
	}
	if _, err := funcs.BoolArg("multiTableRepartitionDS", "local", funcs.Arg(args, 4), true); err != nil {
		return nil, err
	}
	var out []value.Value
	for _, code := range q.Any {
		if !funcs.IsCode(code) {
			return nil, ddberr.Errorf("The argument [query] of multiTableRepartitionDS must be a tuple of SQL metacode.")
		}
		if funcs.Arg(args, 1) != nil {
			col, err := funcs.StrScalarArg("multiTableRepartitionDS", "column", args[1])
			if err != nil {
				return nil, err
			}
			if funcs.Arg(args, 2) == nil {
				return nil, ddberr.Errorf("The argument [partitionType] of multiTableRepartitionDS must be given with column.")
			}
			s, err := newSplitter(h, code, col)
			if err != nil {
				return nil, err
			}
			part, err := s.byScheme(args[2], funcs.Arg(args, 3), col)
			if err != nil {
				return nil, err
			}
			out = append(out, part...)
			continue
		}
		part, err := byPartitions(h, code)
		if err != nil {
			return nil, err
		}
		out = append(out, part...)
	}
	return value.NewTuple(out), nil
}

// byPartitions splits a query over a partitioned table into one source
// per partition that holds data, as sqlDS with forcePartition does.
func byPartitions(h dbfuncs.Host, code value.Value) ([]value.Value, error) {
	if _, err := sourceTable(h, code); err != nil {
		return nil, err
	}
	return partitionSources(h, code, true)
}
