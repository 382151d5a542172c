package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/typed"
)

// CheckRows fails the test unless the table named by table (a shared
// table's name, or an expression such as `loadTable("dfs://db", "pt")`)
// holds exactly the rows want, in order. Cells are compared as DolphinDB
// prints them: a Go int, float64, bool or string is rendered as the
// matching DolphinDB scalar, nil is NULL, a value.Value as itself, and a
// string matches a cell of any type that prints as that text (write dates
// as "2024.01.02", symbols as "AAPL").
func (ts *TestServer) CheckRows(t testing.TB, table string, want [][]any) {
	t.Helper()
	got, err := ts.rows(table)
	if err != nil {
		t.Fatalf("CheckRows(%s): %v", table, err)
		return
	}
	wantText := make([][]string, len(want))
	for i, row := range want {
		wantText[i] = make([]string, len(row))
		for j, cell := range row {
			wantText[i][j] = render(cell)
		}
	}
	if diff := diffRows(got, wantText); diff != "" {
		t.Errorf("CheckRows(%s): %s\nwant:\n%sgot:\n%s", table, diff, joinRows(wantText), strings.TrimSuffix(joinRows(got), "\n"))
	}
}

// CheckCount fails the test unless the table named by table (as in
// CheckRows) has n rows.
func (ts *TestServer) CheckCount(t testing.TB, table string, n int) {
	t.Helper()
	tbl, err := ts.selectAll(table)
	if err != nil {
		t.Fatalf("CheckCount(%s): %v", table, err)
		return
	}
	if got := tbl.Rows(); got != n {
		t.Errorf("CheckCount(%s): %d rows, want %d", table, got, n)
	}
}

// rows renders every row of the table as DolphinDB prints its cells.
func (ts *TestServer) rows(table string) ([][]string, error) {
	tbl, err := ts.selectAll(table)
	if err != nil {
		return nil, err
	}
	out := make([][]string, tbl.Rows())
	for i := range out {
		out[i] = make([]string, len(tbl.Cols))
	}
	for j, col := range tbl.Cols {
		for i := range out {
			out[i][j] = col.FormatElem(i)
		}
	}
	return out, nil
}

// selectAll reads the whole table in an admin session of the engine.
func (ts *TestServer) selectAll(table string) (*value.Table, error) {
	v, err := ts.Engine.NewSession().Run("select * from " + table)
	if err != nil {
		return nil, err
	}
	return typed.Table(v)
}

// render prints a Go value as the DolphinDB cell it stands for.
func render(x any) string {
	switch v := x.(type) {
	case nil:
		return ""
	case string:
		return v
	case value.Value:
		return v.String()
	case int:
		return value.NewLong(int64(v)).String()
	case int64:
		return value.NewLong(v).String()
	case int32:
		return value.NewInt(v).String()
	case float64:
		return value.NewDouble(v).String()
	case float32:
		return value.NewFloat(v).String()
	case bool:
		return value.NewBool(v).String()
	}
	return fmt.Sprint(x)
}

// diffRows describes the first difference between got and want, "" when
// they are equal.
func diffRows(got, want [][]string) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			return fmt.Sprintf("row %d has %d columns, want %d", i, len(got[i]), len(want[i]))
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				return fmt.Sprintf("row %d column %d is %q, want %q", i, j, got[i][j], want[i][j])
			}
		}
	}
	return ""
}

func joinRows(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("  ")
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}
