package textindex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// stopWords are textdb.md's English stop words, dropped from texts and
// queries alike, so they take no position: "apple such banana" is the
// phrase "apple banana".
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "but": true, "by": true,
	"for": true, "if": true, "in": true, "into": true, "is": true, "it": true,
	"no": true, "not": true, "of": true, "on": true, "or": true, "such": true,
	"that": true, "the": true, "their": true, "then": true, "there": true, "these": true,
	"they": true, "this": true, "to": true, "was": true, "will": true, "with": true,
}

// isCJK reports whether r is written without spaces between words, which
// the mixed parser cuts into overlapping bigrams.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Segment cuts a run of Chinese characters into words for the chinese
// parser, every word the dictionary finds when full; package
// textindex/jieba sets it (nil: the chinese parser is unavailable).
var Segment func(run string, full bool) []string

// Tokens is text's word sequence under s: what the index holds for a
// row, and what a query's terms become. The none parser keeps the whole
// text as one token.
func (s Spec) Tokens(text string) []string {
	if s.Parser == None {
		if text == "" {
			return nil
		}
		return []string{text}
	}
	text = validPrefix(text)
	var out []string
	var cjk []rune
	flushCJK := func() {
		switch {
		case len(cjk) > 0 && s.Parser == Chinese:
			for _, w := range Segment(string(cjk), s.Full) {
				out = s.word(out, w)
			}
		case len(cjk) == 1:
			out = append(out, string(cjk))
		case len(cjk) > 1:
			for i := 0; i+1 < len(cjk); i++ {
				out = append(out, string(cjk[i:i+2]))
			}
		}
		cjk = cjk[:0]
	}
	start := -1
	for i, r := range text {
		if isCJK(r) {
			if start >= 0 {
				out = s.word(out, text[start:i])
				start = -1
			}
			cjk = append(cjk, r)
			continue
		}
		flushCJK()
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = s.word(out, text[start:i])
			start = -1
		}
	}
	flushCJK()
	if start >= 0 {
		out = s.word(out, text[start:])
	}
	return out
}

// word appends one word of a text, lowercased, stemmed and dropped as
// s says: stemming needs lowercase (textdb.md).
func (s Spec) word(out []string, w string) []string {
	if s.Lowercase {
		w = strings.ToLower(w)
	}
	if stopWords[w] {
		return out
	}
	if s.Stem && s.Lowercase && s.Parser == English {
		w = english.Stem(w, true)
	}
	return append(out, w)
}

// fold is an affix (a prefix or suffix argument) as the tokens it is
// compared with are cased; affixes are not stemmed, being parts of words.
func (s Spec) fold(affix string) string {
	if s.Lowercase && s.Parser != None {
		return strings.ToLower(affix)
	}
	return affix
}

// validPrefix cuts text at its first invalid UTF-8 byte: textdb.md's
// texts are truncated there.
func validPrefix(text string) string {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n <= 1 {
			return text[:i]
		}
		i += n
	}
	return text
}
