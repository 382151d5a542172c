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
	for name, want := range map[string]int{"add": 8, "sub": 8, "mul": 10, "or": 1, "and": 2, "lt": 3, "pow": 10, "f1": 10} {
		require.Equal(t, want, CallPrecedence(name), name)
	}
}
