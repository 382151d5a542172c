// Package wordsort sorts uint64 words stably for the TSDB sort of package
// storage, which packs each row's order-preserving sort keys (and, for
// most passes, its row index) into one word: a single counting pass that
// yields every row's destination, an LSD radix sort, and a pairwise merge
// of a few ascending runs, with the cut-offs that choose between them.
//
// It knows nothing of rows, columns or chunks and imports only the
// standard library; building the words and applying the resulting order
// stay in storage.
package wordsort
