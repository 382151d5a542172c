package ddberr

import (
	"fmt"
	"strings"
	"sync"
)

// Text is one entry of the table of DolphinDB error texts that Porpoise
// gives (texts.go). The table is the one place a DolphinDB text is
// written down: code calls Errorf with the entry's format, and the table's
// test checks that every format used is in the table, that every entry is
// used, and which entries a conformance record checks.
type Text struct {
	// Format is the text as DolphinDB prints it, with fmt verbs where it
	// fills in a name, a type or a number.
	Format string
	// Source is where the wording comes from: a page of DolphinDB's
	// manual ("funcs/u/upsert!.md", "error_codes/S02022.md"), or
	// "porpoise" for a condition DolphinDB's documentation shows no text
	// for, worded in DolphinDB's style.
	Source string
}

var (
	indexOnce sync.Once
	index     map[string]*Text
)

// Lookup returns the table's entry for a format.
func Lookup(format string) (*Text, bool) {
	indexOnce.Do(func() {
		index = make(map[string]*Text, len(texts))
		for i := range texts {
			index[texts[i].Format] = &texts[i]
		}
	})
	t, ok := index[format]
	return t, ok
}

// Texts returns the table, in its order.
func Texts() []Text { return append([]Text(nil), texts...) }

// Errorf formats one of the table's texts as an *Error. format must be
// an entry of the table (the table's test checks every call site). An
// argument that is an error is printed by its text (%v or %w) and the
// first such argument becomes the cause that errors.Is and errors.As see.
func Errorf(format string, args ...any) *Error {
	// Sprintf has no %w: the cause is printed by its text.
	e := New(fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...))
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}
