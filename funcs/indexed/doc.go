// Package indexed is DolphinDB's indexed series and indexed matrices: the
// functions that make and test them (indexedSeries, setIndexedSeries!,
// setIndexedMatrix!, isIndexedSeries, isIndexedMatrix), the alignment of
// binary operations on them by label, and the label joins of labelled
// matrices (align, merge).
//
// Alignment is used from outside the family: package operator runs
// Binary before its shape rules, mathfn's binary functions (pow ...) pair
// their operands with Align, and the functions of two series in stats and
// window (wavg, corr, cumwsum, mcorr ...) with AlignLeft, on X's labels.
// It joins the operands' labels once, as int64 keys, builds one gather
// index per operand over the result's cells (-1 where that operand has no
// row or column), gathers each operand's elements with
// value.GatherOrNull and runs the operation's typed kernel over the two
// gathered vectors, so no element is boxed. The mark itself is
// value.Matrix.Indexed.
package indexed
