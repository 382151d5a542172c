// Package jieba gives package textindex its chinese parser: words cut by
// Jieba's dictionary (github.com/go-ego/gse, which embeds it), as
// TextDB's Jieba tokenizer cuts them (db_distr_comp/db/textdb.md). It is
// a package of its own, imported for its effect, because the dictionary
// adds some 40 MB to a binary and takes seconds to load: the server and
// the conformance suite import it; an embedding program that wants the
// chinese parser imports it too.
package jieba
