package streamengine

import (
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Metrics is an engine's metrics: one expression per output column and
// the values the metacode embeds.
type Metrics struct {
	Exprs []ast.Expr
	Bind  map[string]value.Value
	// Text is the metrics as DolphinDB prints them in
	// getStreamEngineStat.
	Text string
}

// ParseMetrics reads fn's metrics argument: metacode of one expression
// or of a bracketed list of them (<[sum(x), avg(y)]>), or a tuple of
// such metacode.
func ParseMetrics(fn string, v value.Value) (*Metrics, error) {
	m := &Metrics{Bind: map[string]value.Value{}}
	var add func(v value.Value) error
	add = func(v value.Value) error {
		switch x := v.(type) {
		case *funcs.Code:
			m.addExpr(x.X)
			m.Text = join(m.Text, x.String())
			return nil
		case *funcs.Meta:
			if x.Stmt == nil {
				maps.Copy(m.Bind, x.Bind)
				m.addExpr(x.X)
				m.Text = join(m.Text, x.String())
				return nil
			}
		case *value.Vector:
			if x.T == value.Any {
				for _, e := range x.Any {
					if err := add(e); err != nil {
						return err
					}
				}
				return nil
			}
		}
		return ddberr.Errorf("The metrics of %s must be metacode or a tuple of metacode.", fn)
	}
	if err := add(v); err != nil {
		return nil, err
	}
	if len(m.Exprs) == 0 {
		return nil, ddberr.Errorf("The metrics of %s must be metacode or a tuple of metacode.", fn)
	}
	return m, nil
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "," + b
}

// addExpr adds one metric, or each element of a bracketed list.
func (m *Metrics) addExpr(x ast.Expr) {
	if a, ok := x.(*ast.ArrayExpr); ok {
		m.Exprs = append(m.Exprs, a.Elems...)
		return
	}
	m.Exprs = append(m.Exprs, x)
}

// Select is a query of exprs, for Run.
func Select(exprs []ast.Expr) *ast.SelectExpr { return &ast.SelectExpr{Cols: exprs} }

// inputName is the name a query of Run reads its rows under.
const inputName = "__streamEngineInput"

// Run evaluates sel over t in bg (sel.From is set to t) with the
// metrics' embedded values visible.
func Run(bg funcs.Env, sel *ast.SelectExpr, t *value.Table, bind map[string]value.Value) (*value.Table, error) {
	q := *sel
	q.From = &ast.Ident{Name: inputName}
	b := make(map[string]value.Value, len(bind)+1)
	maps.Copy(b, bind)
	b[inputName] = t
	v, err := bg.EvalSession(&q, b)
	if err != nil {
		return nil, err
	}
	out, ok := v.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("A stream engine's metrics must give a table.")
	}
	return out, nil
}

// Emit appends t to an engine's output: a table (another engine's input
// among them) or, for engines that take one, a function called with t.
// What starts the engine's work holds the locks of what it writes: the
// statement appending to the engine (system.InsertRows takes the locks
// of the engine's Writes first, and the engine's interpreter works
// within its lock scope), or the engine's timer (Ticked). So an
// engine's output may be a table the appending statement reads too.
func Emit(bg funcs.Env, output value.Value, t *value.Table) error {
	if t.Rows() == 0 {
		return nil
	}
	if x, ok := output.(*value.Table); ok {
		h, err := funcs.HostOf[system.Host](bg)
		if err == nil {
			_, err = system.AppendTable(h, x, t)
		}
		return err
	}
	if funcs.IsFunction(output) {
		// what it binds (append!{t}) is held or locked now, as for a
		// subscription's handler; its statements lock what they name
		if h, ok := bg.(system.Host); ok {
			_, err := system.CallLocked(h, output, t)
			return err
		}
		_, err := bg.Call(output, t)
		return err
	}
	ins, _ := funcs.Lookup("tableInsert")
	_, err := bg.Call(ins, output, t)
	return err
}

// Columns reads fn's argument param, a column name or a vector of them,
// as positions in the engine's input dummy. A nil v gives none.
func Columns(fn, param string, v value.Value, dummy *value.Table) ([]int, error) {
	if v == nil {
		return nil, nil
	}
	var names []string
	switch x := v.(type) {
	case *value.Scalar:
		if x.T != value.String && x.T != value.Symbol {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", param, fn)
		}
		names = []string{x.S}
	case *value.Vector:
		if x.T != value.String && x.T != value.Symbol {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", param, fn)
		}
		for i := 0; i < x.Len(); i++ {
			names = append(names, x.StrAt(i))
		}
	default:
		return nil, ddberr.Errorf("The argument [%s] of %s must be a column name or a vector of column names.", param, fn)
	}
	out := make([]int, len(names))
	for i, n := range names {
		c := dummy.ColumnIndex(n)
		if c < 0 {
			return nil, ddberr.Errorf("The column [%s] does not exist in the dummy table of %s.", n, fn)
		}
		out[i] = c
	}
	return out, nil
}

// DistinctNames gives each metric whose column would take the name of an
// earlier one (<[sum(iif(a, x, 0)), sum(iif(b, x, 0))]> are both "sum")
// an alias of its own, as a query refuses two columns of one name; the
// others keep their names. Engines write their output by position, so
// the aliases never reach it.
func DistinctNames(exprs []ast.Expr) []ast.Expr {
	out := make([]ast.Expr, len(exprs))
	seen := map[string]bool{}
	for i, x := range exprs {
		out[i] = x
		if a, ok := x.(*ast.AliasExpr); ok {
			for _, n := range append([]string{a.Name}, a.Names...) {
				seen[strings.ToLower(n)] = true
			}
			continue
		}
		name := colname.Of(x)
		if name == "" {
			continue
		}
		for k := 1; seen[strings.ToLower(name)]; k++ {
			name = colname.Of(x) + "_" + strconv.Itoa(k)
		}
		if name != colname.Of(x) {
			out[i] = &ast.AliasExpr{X: x, Name: name}
		}
		seen[strings.ToLower(name)] = true
	}
	return out
}

// Elapsed is an engine's outputElapsedMicroseconds columns for rows
// output rows: the microseconds since start (when the batch arrived),
// LONG, and the batch's row count, INT, the same on every row.
func Elapsed(start time.Time, rows, batch int) (us, count *value.Vector) {
	d := time.Since(start).Microseconds()
	u, c := make([]int64, rows), make([]int32, rows)
	for i := range u {
		u[i], c[i] = d, int32(batch)
	}
	return value.NewLongs(u), value.NewInts(c)
}
