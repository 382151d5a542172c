package lex

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFoldHints(t *testing.T) {
	for _, c := range []struct{ src, hint, err string }{
		{"select [HINT_KEEPORDER] v from t", "128", ""},
		{"EXEC [hint_hash, HINT_SEQ] count(*) from t", "544", ""},
		{"select [32768] * from t", "32768", ""},
		{"select [1, 2] as v from t", "", ""},
		{"select [1] from t", "", ""},
		{"x = [HINT_HASH]", "", ""},
		{"select [HINT_NOSUCH] * from t", "", "Cannot recognize the token HINT_NOSUCH"},
		{"select [HINT_HASH * from t", "", "Cannot recognize the token *"},
	} {
		toks, err := Lex(c.src)
		if c.err != "" {
			require.ErrorContains(t, err, c.err, c.src)
			continue
		}
		require.NoError(t, err, c.src)
		hint := ""
		for _, tk := range toks {
			if tk.Kind == TokHint {
				hint = tk.Text
			}
		}
		require.Equal(t, c.hint, hint, c.src)
	}
}
