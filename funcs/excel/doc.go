// Package excel holds convertExcelFormula, which rewrites an Excel
// formula over a block of cells as the DolphinDB expression over the
// block's columns (col0, col1, ...).
package excel
