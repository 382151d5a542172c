package excel

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// A formula is converted as the formula of the block's first row, copied
// down every row (convertExcelFormula.md): a cell reference names its
// column, colStart becoming col0; arithmetic and comparisons stay as they
// are (Excel's = and <> become == and !=); IF, AND, OR, NOT and the math
// functions become DolphinDB's; and an aggregate becomes, by what it
// reads, a row-wise function over a range within one row (SUM(A2:C2) is
// rowSum(col0, col1, col2)), the aggregate of a column over a range of
// all the block's rows (sum(col0)), a moving aggregate over a range of
// fewer rows (msum(col0, 4)), or a cumulative one over a single cell
// (cumsum(col0)). A range over both rows and columns is refused.

// aggregate is the four DolphinDB forms of an Excel aggregate.
type aggregate struct{ whole, moving, cumulative, rowWise string }

var aggregates = map[string]aggregate{
	"SUM":     {"sum", "msum", "cumsum", "rowSum"},
	"AVERAGE": {"avg", "mavg", "cumavg", "rowAvg"},
	"MAX":     {"max", "mmax", "cummax", "rowMax"},
	"MIN":     {"min", "mmin", "cummin", "rowMin"},
	"COUNT":   {"count", "mcount", "cumcount", "rowCount"},
	"PRODUCT": {"prod", "mprod", "cumprod", "rowProd"},
	"STDEV":   {"std", "mstd", "cumstd", "rowStd"},
	"VAR":     {"var", "mvar", "cumvar", "rowVar"},
}

// scalarFuncs are the other Excel functions, applied to their converted
// arguments as written.
var scalarFuncs = map[string]string{
	"IF": "iif", "AND": "and", "OR": "or", "NOT": "not", "ABS": "abs",
	"ROUND": "round", "SQRT": "sqrt", "EXP": "exp", "LN": "log",
	"LOG10": "log10", "POWER": "pow", "MOD": "mod",
}

// block is the cells the formula's data occupies.
type block struct {
	colStart, colEnd int // zero-based column numbers
	rows             int
}

func convertExcelFormula(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "convertExcelFormula"
	formulas, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a STRING or SYMBOL scalar or vector.", "formula", fn)
	}
	var b block
	for i, name := range []string{"colStart", "colEnd"} {
		s, err := funcs.StrScalarArg(fn, name, args[1+i])
		if err != nil {
			return nil, err
		}
		c, ok := columnNumber(strings.ToUpper(s))
		if !ok {
			return nil, ddberr.Errorf("The argument [%s] of convertExcelFormula must be an Excel column such as A or AB.", name)
		}
		if i == 0 {
			b.colStart = c
		} else {
			b.colEnd = c
		}
	}
	if b.colEnd < b.colStart {
		return nil, ddberr.Errorf("The argument [colEnd] of convertExcelFormula must not come before colStart.")
	}
	rowStart, err := funcs.IntArg(fn, "rowStart", args[3], 0)
	if err != nil {
		return nil, err
	}
	rowEnd, err := funcs.IntArg(fn, "rowEnd", args[4], 0)
	if err != nil {
		return nil, err
	}
	if rowStart <= 0 {
		return nil, ddberr.Errorf("The argument [rowStart] of convertExcelFormula must be greater than 0.")
	}
	if rowEnd < rowStart {
		return nil, ddberr.Errorf("The argument [rowEnd] of convertExcelFormula must be no less than rowStart.")
	}
	b.rows = int(rowEnd - rowStart + 1)
	out := make([]string, len(formulas))
	for i, f := range formulas {
		if out[i], err = b.convert(f); err != nil {
			return nil, err
		}
	}
	if _, scalar := args[0].(*value.Scalar); scalar {
		return value.NewString(out[0]), nil
	}
	return value.NewStrings(value.String, out), nil
}

// columnNumber is the zero-based number of column letters (A is 0, Z 25,
// AA 26).
func columnNumber(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return 0, false
		}
		n = n*26 + int(s[i]-'A') + 1
	}
	return n - 1, true
}

// cell is a parsed cell reference.
type cell struct{ col, row int }

// parseCell reads a reference such as A2, $B$10 or ab3.
func parseCell(s string) (cell, bool) {
	s = strings.ToUpper(strings.ReplaceAll(s, "$", ""))
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	c, ok := columnNumber(s[:i])
	if !ok {
		return cell{}, false
	}
	r, err := strconv.Atoi(s[i:])
	if err != nil || r <= 0 {
		return cell{}, false
	}
	return cell{c, r}, true
}

// column is the name of c's column in the block.
func (b block) column(c cell, ref string) (string, error) {
	if c.col < b.colStart || c.col > b.colEnd {
		return "", ddberr.Errorf("The cell %s of the formula is outside the columns colStart to colEnd.", ref)
	}
	return "col" + strconv.Itoa(c.col-b.colStart), nil
}

// convert rewrites one formula.
func (b block) convert(formula string) (string, error) {
	toks, err := tokenize(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(formula), "=")))
	if err != nil {
		return "", err
	}
	p := &parser{b: b, toks: toks}
	return p.sequence(false, false)
}
