// Package words holds the fixed vocabularies of DolphinDB's script
// grammar the parser and printer consult: operator precedences and the
// functions operators stand for (package lex knows the reserved words,
// adverbs and hints).
package words
