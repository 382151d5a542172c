package textio

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// saveText writes a table, matrix or vector (or the result of SQL
// metacode) as delimited text.
func saveText(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "saveText"
	name, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, fmt.Errorf("%s: The filename must be a string.", fn)
	}
	delim, err := delimArg(fn, "delimiter", funcs.Arg(args, 2), ",")
	if err != nil {
		return nil, err
	}
	appendTo, err := optBool(fn, "append", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	header, err := optBool(fn, "header", funcs.Arg(args, 4), true)
	if err != nil {
		return nil, err
	}
	bom := false
	if x := funcs.Arg(args, 5); !funcs.EmptyArg(x) {
		s, ok := funcs.StringArg(x)
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: bom must be a string.", fn)
		case strings.EqualFold(s, "UTF-8"):
			bom = true
		case s != "":
			return nil, fmt.Errorf("%s: bom only supports \"UTF-8\".", fn)
		}
	}
	obj, err := materialize(env, args[0])
	if err != nil {
		return nil, err
	}
	f, _, err := openForWrite(env, name, appendTo)
	if err != nil {
		return nil, err
	}
	// header only at the top of an empty file, as the page says
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		header, bom = false, false
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if bom {
		w.WriteString("\xef\xbb\xbf")
	}
	err = writeText(env.Context(), w, obj, delim, header)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", fn, err)
	}
	return nil, nil
}

func optBool(fn, param string, x value.Value, def bool) (bool, error) {
	if funcs.EmptyArg(x) {
		return def, nil
	}
	return funcs.BoolArg(fn, param, x, def)
}

// materialize turns SQL metacode into its result and a DFS table into
// its rows.
func materialize(env funcs.Env, x value.Value) (value.Value, error) {
	if x.Type() == value.Code {
		fv, ok := env.Function("eval")
		if !ok {
			return nil, fmt.Errorf("saveText: eval is not available")
		}
		r, err := env.Call(fv, x)
		if err != nil {
			return nil, err
		}
		x = r
	}
	switch x.(type) {
	case *value.Table, *value.Vector, *value.Matrix:
		return x, nil
	}
	if x.Form() == value.FormTable {
		e, err := sqlparse.ParseExpr("select * from saveText_obj")
		if err != nil {
			return nil, err
		}
		return env.Eval(e, map[string]value.Value{"saveText_obj": x})
	}
	if s, ok := x.(*value.Scalar); ok {
		v := value.NewVector(s.T, 0, 1)
		v.AppendScalar(s)
		return v, nil
	}
	return nil, fmt.Errorf("saveText: obj must be a table, a matrix, a vector or SQL metacode.")
}

// writeText writes obj's rows, 64K at a time: each column's rows of a
// chunk are rendered to text as a whole vector, and a cancelled ctx stops
// the writing between chunks.
func writeText(ctx context.Context, w *bufio.Writer, obj value.Value, delim string, header bool) error {
	var names []string
	var cols []*value.Vector
	switch o := obj.(type) {
	case *value.Table:
		names, cols = o.Names, o.Cols
	case *value.Vector:
		cols = []*value.Vector{o}
		header = false
	case *value.Matrix:
		for c := 0; c < o.Cols; c++ {
			cols = append(cols, o.V.Slice(c*o.Rows, (c+1)*o.Rows))
		}
		header = false
	}
	if header {
		for i, n := range names {
			if i > 0 {
				w.WriteString(delim)
			}
			w.WriteString(n)
		}
		w.WriteByte('\n')
	}
	rows := 0
	if len(cols) > 0 {
		rows = cols[0].Len()
	}
	text := make([][]string, len(cols))
	// one pass even without rows: a column of a type with no text form
	// still fails
	for lo := 0; lo == 0 || lo < rows; lo += 1 << 16 {
		if err := ctx.Err(); err != nil {
			return err
		}
		hi := min(rows, lo+1<<16)
		for i, c := range cols {
			s, err := columnText(c.Slice(lo, hi), delim)
			if err != nil {
				return err
			}
			text[i] = s
		}
		for r := range hi - lo {
			for i := range text {
				if i > 0 {
					w.WriteString(delim)
				}
				w.WriteString(text[i][r])
			}
			if err := w.WriteByte('\n'); err != nil {
				return err
			}
		}
	}
	return nil
}

// columnText renders a column's cells: numbers and booleans directly,
// text as is (quoted when it holds the delimiter or a line break and is
// not quoted already), an array vector's row as its elements joined by
// commas in double quotes, other types through the STRING conversion;
// NULL is empty.
func columnText(v *value.Vector, delim string) ([]string, error) {
	if v.T.IsArray() {
		flat := *v
		flat.T = v.T.Elem()
		flat.Offsets = nil
		elems, err := columnText(&flat, ",")
		if err != nil {
			return nil, err
		}
		out := make([]string, len(v.Offsets))
		var b strings.Builder
		start := int64(0)
		for r, end := range v.Offsets {
			b.Reset()
			b.WriteByte('"')
			for k := start; k < end; k++ {
				if k > start {
					b.WriteByte(',')
				}
				b.WriteString(elems[k])
			}
			b.WriteByte('"')
			out[r] = b.String()
			start = end
		}
		return out, nil
	}
	n := v.Len()
	out := make([]string, n)
	switch v.T {
	case value.Bool:
		for i, x := range v.I8 {
			switch x {
			case value.NullInt8:
			case 0:
				out[i] = "false"
			default:
				out[i] = "true"
			}
		}
	case value.Char, value.Short, value.Int, value.Long:
		ints(out, v)
	case value.Float:
		for i, x := range v.F32 {
			if x != value.NullFloat32 && !math.IsNaN(float64(x)) {
				out[i] = strconv.FormatFloat(float64(x), 'g', -1, 32)
			}
		}
	case value.Double:
		for i, x := range v.F64 {
			if x != value.NullFloat64 && !math.IsNaN(x) {
				out[i] = strconv.FormatFloat(x, 'g', -1, 64)
			}
		}
	case value.String, value.Symbol, value.Blob:
		for i, s := range v.Strings() {
			out[i] = quoteField(s, delim)
		}
	default:
		sv, err := cast.Vector(v, value.String, 0)
		if err != nil {
			return nil, err
		}
		copy(out, sv.Str)
	}
	return out, nil
}

func ints(out []string, v *value.Vector) {
	switch {
	case v.I8 != nil:
		formatInts(out, v.I8, value.NullInt8)
	case v.I16 != nil:
		formatInts(out, v.I16, value.NullInt16)
	case v.I32 != nil:
		formatInts(out, v.I32, value.NullInt32)
	case v.I64 != nil:
		formatInts(out, v.I64, value.NullInt64)
	}
}

// formatInts writes the decimal text of xs's non-NULL elements into out.
func formatInts[T int8 | int16 | int32 | int64](out []string, xs []T, null T) {
	for i, x := range xs {
		if x != null {
			out[i] = strconv.FormatInt(int64(x), 10)
		}
	}
}

// quoteField leaves text as DolphinDB writes it, quoting only a value
// that would otherwise split the record.
func quoteField(s, delim string) string {
	if !strings.Contains(s, delim) && !strings.ContainsAny(s, "\n\r") {
		return s
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// openForWrite opens the file name resolves to for writing, created if
// missing, truncated unless appendTo.
func openForWrite(env funcs.Env, name string, appendTo bool) (f *os.File, path string, err error) {
	path, err = filesys.Resolve(env, name)
	if err != nil {
		return nil, "", err
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err = os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, "", filesys.OpenError(name, err)
	}
	return f, path, nil
}

// saveTextFile writes a string to a file, replacing or appending, and
// optionally sets its modification time (milliseconds since 1970, as the
// page's example passes).
func saveTextFile(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "saveTextFile"
	content, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, fmt.Errorf("%s: The content must be a string.", fn)
	}
	name, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, fmt.Errorf("%s: The filename must be a string.", fn)
	}
	appendTo, err := optBool(fn, "append", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	f, path, err := openForWrite(env, name, appendTo)
	if err != nil {
		return nil, err
	}
	_, err = f.WriteString(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, filesys.OpenError(name, err)
	}
	if x := funcs.Arg(args, 3); !funcs.EmptyArg(x) {
		ms, err := funcs.IntArg(fn, "lastModified", x, 0)
		if err != nil {
			return nil, err
		}
		t := time.UnixMilli(ms)
		if err := os.Chtimes(path, t, t); err != nil {
			return nil, filesys.OpenError(name, err)
		}
	}
	return nil, nil
}
