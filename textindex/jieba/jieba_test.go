package jieba

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// textdb.md's example of the two modes.
func TestSegmentModes(t *testing.T) {
	require.Equal(t, []string{"武汉市", "长江大桥"}, segment("武汉市长江大桥", false))
	require.Equal(t, []string{"武汉", "武汉市", "市长", "长江", "长江大桥", "大桥"}, segment("武汉市长江大桥", true))
	require.NotContains(t, segment("金融市场的波动性", false), "的", "Jieba's stop words are dropped")
}
