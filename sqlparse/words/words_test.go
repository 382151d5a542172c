package words

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestVocabularies(t *testing.T) {
	require.Equal(t, 10, Precedence("pow"))
	_, ok := BinaryPrecedence("pow")
	require.False(t, ok)
	require.Equal(t, "ratio", OperatorFunc("\\"))
	for _, c := range []struct {
		name string
		flag int64
		ok   bool
	}{{"HINT_KEEPORDER", HintKeepOrder, true}, {"hint_explain", HintExplain, true}, {"HINT_VECTORIZED", 4194304, true}, {"HINT_NOSUCH", 0, false}} {
		flag, ok := HintFlag(c.name)
		require.Equal(t, c.ok, ok, c.name)
		require.Equal(t, c.flag, flag, c.name)
	}
}
