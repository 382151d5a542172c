// Package indexed is DolphinDB's indexed series and indexed matrices: the
// functions that make and test them (indexedSeries, setIndexedSeries!,
// setIndexedMatrix!, isIndexedSeries, isIndexedMatrix), the alignment of
// binary operators on them by label (Binary, which package operator calls
// before its shape rules), and the label joins of labelled matrices (align,
// merge).
//
// Alignment joins the operands' labels once, builds one gather index per
// operand over the result's cells (-1 where that operand has no row or
// column), gathers each operand's elements with value.GatherOrNull and
// runs the operator's typed kernel over the two gathered vectors, so no
// element is boxed. The mark itself is value.Matrix.Indexed.
package indexed
