package textio

import (
	"fmt"
	"os"
	"strconv"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// options are loadText's arguments after checking.
type options struct {
	delim      string
	plans      []colPlan // nil: infer from the file
	skipRows   int
	arrayDelim string
	header     int // -1 not given (detect), 0 no header line, 1 header line
	marker     [2]byte
}

// parseOptions reads the arguments loadText, ploadText and loadTextEx
// share, given at positions delim, schema, skipRows, arrayDelimiter,
// containHeader and arrayMarker of args (-1 for one the function lacks).
func parseOptions(fn string, args []value.Value, pos [6]int) (options, error) {
	o := options{delim: ",", arrayDelim: ",", header: -1}
	arg := func(k int) value.Value {
		if pos[k] < 0 {
			return nil
		}
		return funcs.Arg(args, pos[k])
	}
	var err error
	if o.delim, err = delimArg(fn, "delimiter", arg(0), o.delim); err != nil {
		return o, err
	}
	if x := arg(1); !funcs.EmptyArg(x) {
		plans, err := parseSchema(fn, x)
		if err != nil {
			return o, err
		}
		o.plans = plans
	}
	if x := arg(2); !funcs.EmptyArg(x) {
		n, err := funcs.IntArg(fn, "skipRows", x, 0)
		if err != nil || n < 0 || n > 1024 {
			return o, fmt.Errorf("%s: skipRows must be an integer between 0 and 1024.", fn)
		}
		o.skipRows = int(n)
	}
	if o.arrayDelim, err = delimArg(fn, "arrayDelimiter", arg(3), o.arrayDelim); err != nil {
		return o, err
	}
	if x := arg(4); !funcs.EmptyArg(x) {
		s, ok := funcs.ScalarArg(x)
		if !ok || (s.T != value.Bool && !s.Null) {
			return o, fmt.Errorf("%s: containHeader must be a boolean.", fn)
		}
		if !s.Null {
			o.header = int(s.I)
		}
	}
	if x := arg(5); !funcs.EmptyArg(x) {
		m, err := arrayMarker(fn, x, o.delim)
		if err != nil {
			return o, err
		}
		o.marker = m
	}
	return o, nil
}

// delimArg reads a delimiter argument, def when absent: a non-empty
// string or a character.
func delimArg(fn, name string, x value.Value, def string) (string, error) {
	if funcs.EmptyArg(x) {
		return def, nil
	}
	if s, ok := funcs.StringArg(x); ok && s != "" {
		return s, nil
	}
	if s, ok := funcs.ScalarArg(x); ok && s.T == value.Char && !s.Null {
		return string(rune(byte(s.I))), nil
	}
	return "", fmt.Errorf("%s: The %s must be a non-empty string or a character.", fn, name)
}

// arrayMarker checks the two boundary characters of an array field by
// the rules of the loadText page.
func arrayMarker(fn string, x value.Value, delim string) ([2]byte, error) {
	var m [2]byte
	var s string
	switch v := x.(type) {
	case *value.Scalar:
		s, _ = funcs.StringArg(v)
	case *value.Vector:
		if v.T == value.Char && len(v.I8) == 2 {
			s = string([]byte{byte(v.I8[0]), byte(v.I8[1])})
		}
	}
	bad := fmt.Errorf("%s: arrayMarker must be a string of two characters or a pair of CHARs.", fn)
	if len(s) != 2 {
		return m, bad
	}
	m = [2]byte{s[0], s[1]}
	for _, c := range m {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return m, fmt.Errorf("%s: arrayMarker can't contain spaces, tabs, line breaks, digits or letters.", fn)
		}
	}
	if (m[0] == '"') != (m[1] == '"') {
		return m, fmt.Errorf("%s: If one character of arrayMarker is a double quote, the other must be one too.", fn)
	}
	if len(delim) == 1 && (m[0] == delim[0] || m[1] == delim[0]) {
		return m, fmt.Errorf("%s: arrayMarker can't contain the delimiter.", fn)
	}
	if len(delim) > 1 && m[0] == delim[0] {
		return m, fmt.Errorf("%s: The left arrayMarker can't be the first character of the delimiter.", fn)
	}
	return m, nil
}

// fileArg resolves a script's file name argument x to its path within
// the home directory.
func fileArg(env funcs.Env, fn string, x value.Value) (name, path string, err error) {
	name, ok := funcs.StringArg(x)
	if !ok {
		return "", "", fmt.Errorf("%s: The filename must be a string.", fn)
	}
	path, err = filesys.Resolve(env, name)
	return name, path, err
}

// readFile reads a script's file within the home directory.
func readFile(env funcs.Env, fn string, x value.Value) ([]byte, error) {
	name, path, err := fileArg(env, fn, x)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, filesys.OpenError(name, err)
	}
	return data, nil
}

// readWithOptions reads fn's parsing options (at pos, as parseOptions
// takes them) and then the file named by its argument at file.
func readWithOptions(env funcs.Env, fn string, args []value.Value, file int, pos [6]int) (options, []byte, error) {
	o, err := parseOptions(fn, args, pos)
	if err != nil {
		return o, nil, err
	}
	data, err := readFile(env, fn, args[file])
	return o, data, err
}

// prepared is a file split up to its data: the column names and types and
// the records read for sampling, which are the first data records.
type prepared struct {
	sc      *scanner
	plans   []colPlan
	sampled [][][]byte
}

// prepare skips the leading rows, settles the header and, without a
// schema, infers each column's type from a sample.
func prepare(fn string, data []byte, o options) (*prepared, error) {
	sc := newScanner(data, o.delim, o.marker)
	sc.skip(o.skipRows)
	if !sc.next() {
		if o.plans != nil {
			return &prepared{sc: sc, plans: o.plans}, nil
		}
		return nil, fmt.Errorf("%s: The file is empty.", fn)
	}
	first := append([][]byte(nil), sc.fields...)
	header := o.header == 1 || (o.header < 0 && looksLikeHeader(first))
	p := &prepared{sc: sc, plans: o.plans}
	if !header {
		p.sampled = append(p.sampled, first)
	}
	if p.plans != nil {
		return p, nil
	}
	p.plans = make([]colPlan, len(first))
	for i := range first {
		name := "col" + strconv.Itoa(i)
		if header {
			name = columnName(string(first[i]), i)
		}
		p.plans[i] = colPlan{name: name, src: i}
	}
	dedupe(p.plans)
	for len(p.sampled) < sampleRows && sc.next() {
		p.sampled = append(p.sampled, append([][]byte(nil), sc.fields...))
	}
	guesses := make([]columnGuess, len(p.plans))
	for _, rec := range p.sampled {
		for i := range guesses {
			if i < len(rec) {
				guesses[i].add(rec[i])
			}
		}
	}
	for i := range p.plans {
		p.plans[i].t = guesses[i].result()
		p.plans[i].scale = -1
	}
	return p, nil
}

// dedupe renames a repeated column name by appending _1, _2 ..., since
// a table's names must be unique.
func dedupe(plans []colPlan) {
	seen := map[string]int{}
	for i := range plans {
		n := plans[i].name
		if k, ok := seen[n]; ok {
			for {
				k++
				cand := n + "_" + strconv.Itoa(k)
				if _, dup := seen[cand]; !dup {
					seen[n] = k
					plans[i].name = cand
					break
				}
			}
		}
		seen[plans[i].name] = 0
	}
}

// loadTable parses a whole file into an in-memory table.
func loadTable(env funcs.Env, fn string, data []byte, o options) (*value.Table, error) {
	p, err := prepare(fn, data, o)
	if err != nil {
		return nil, err
	}
	// a guess at the row count sizes the columns once: the sample's
	// bytes per record over the file's length
	capacity := len(p.sampled)
	if consumed := p.sc.pos; consumed > 0 && len(p.sampled) > 0 {
		capacity = int(int64(len(p.sc.data)) * int64(len(p.sampled)) / int64(consumed) * 11 / 10)
	}
	if err := env.Reserve(capacity * len(p.plans)); err != nil {
		return nil, err
	}
	cols := make([]column, len(p.plans))
	for i, pl := range p.plans {
		cols[i], err = newColumn(pl.t, pl.scale, pl.format, o.arrayDelim, capacity)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fn, err)
		}
	}
	feed := func(rec [][]byte) {
		for i, pl := range p.plans {
			if pl.src < len(rec) {
				cols[i].add(rec[pl.src])
			} else {
				cols[i].add(nil)
			}
		}
	}
	for _, rec := range p.sampled {
		feed(rec)
	}
	ctx := env.Context()
	for n := 0; p.sc.next(); n++ {
		if n&0xffff == 0xffff && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		feed(p.sc.fields)
	}
	names := make([]string, len(p.plans))
	vecs := make([]*value.Vector, len(p.plans))
	for i, pl := range p.plans {
		names[i] = pl.name
		vecs[i], err = cols[i].finish(env)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fn, err)
		}
	}
	return value.NewTable(names, vecs), nil
}

// schemaTable is extractTextSchema's result: name and type columns.
func schemaTable(plans []colPlan) *value.Table {
	names := make([]string, len(plans))
	types := make([]string, len(plans))
	for i, p := range plans {
		names[i] = p.name
		types[i] = p.t.String()
	}
	return value.NewTable([]string{"name", "type"}, []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, types),
	})
}
