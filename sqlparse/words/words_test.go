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
}
