package conformance

import (
	"sort"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// Render turns a value into the lines a query record expects (scalars as
// DolphinDB prints them, vectors as [a,b], tables tab-separated under a
// header); header reports
// whether the first line is a table header (kept in place by rowsort).
func Render(v value.Value) (lines []string, header bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case *value.Table:
		lines = append(lines, strings.Join(x.Names, "\t"))
		cells := make([]string, len(x.Cols))
		for r := 0; r < x.Rows(); r++ {
			for c, col := range x.Cols {
				cells[c] = col.FormatTableCell(r)
			}
			lines = append(lines, strings.Join(cells, "\t"))
		}
		return lines, true
	case *value.Dict:
		idx := make([]int, x.Len())
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return value.CompareElems(x.Keys, idx[a], idx[b]) < 0 })
		for _, i := range idx {
			lines = append(lines, x.Keys.FormatElem(i)+": "+x.Vals.Elem(i).String())
		}
		return lines, false
	case *value.Scalar:
		return []string{x.String()}, false
	case *value.Matrix:
		return renderMatrix(x), true
	case *value.Set:
		// a set prints in its hash order, which is DolphinDB's own:
		// elements ascending compare the same set
		idx := make([]int, x.V.Len())
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return value.CompareElems(x.V, idx[a], idx[b]) < 0 })
		return []string{value.NewSet(x.V.Gather(idx)).String()}, false
	}
	s := v.String()
	return strings.Split(strings.TrimRight(s, "\n"), "\n"), false
}

// renderMatrix lays a matrix out like a table: a header of column labels
// (#0, #1, ... without labels), a leading "label" column when the rows are
// labelled.
func renderMatrix(m *value.Matrix) []string {
	var head []string
	if m.RowLabels != nil {
		head = append(head, "label")
	}
	for c := 0; c < m.Cols; c++ {
		if m.ColLabels != nil {
			head = append(head, m.ColLabels.FormatElem(c))
		} else {
			head = append(head, "#"+strconv.Itoa(c))
		}
	}
	lines := []string{strings.Join(head, "\t")}
	for r := 0; r < m.Rows; r++ {
		var cells []string
		if m.RowLabels != nil {
			cells = append(cells, m.RowLabels.FormatTableCell(r))
		}
		for c := 0; c < m.Cols; c++ {
			cells = append(cells, m.V.FormatTableCell(c*m.Rows+r))
		}
		lines = append(lines, strings.Join(cells, "\t"))
	}
	return lines
}
