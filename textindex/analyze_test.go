package textindex

import (
	"testing"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"

	"github.com/stretchr/testify/require"
)

func TestTokens(t *testing.T) {
	en := Spec{Parser: English, Lowercase: true, Stem: true}
	require.Equal(t, []string{"mike", "trade", "orang", "appl", "alic"}, en.Tokens("Mike traded an orange for an apple with Alice."))
	mixed := Spec{Parser: Mixed, Lowercase: true}
	require.Equal(t, []string{"武汉", "汉市", "市长", "长江", "江大", "大桥", "bridge"}, mixed.Tokens("武汉市长江大桥 Bridge"))
	require.Equal(t, []string{"Mike likes apples."}, Spec{Parser: None}.Tokens("Mike likes apples."))
	require.Equal(t, []string{"ab"}, en.Tokens("ab\xffcd"), "a text is cut at its first invalid UTF-8 byte")
}

func TestSpans(t *testing.T) {
	toks := []string{"a", "x", "b", "y", "y", "c"}
	require.True(t, orderedSpan(toks, []string{"a", "b", "c"}, 3))
	require.False(t, orderedSpan(toks, []string{"a", "b", "c"}, 2))
	require.False(t, orderedSpan(toks, []string{"c", "a"}, 10))
	require.True(t, unorderedSpan(toks, []string{"c", "a"}, 4))
	require.False(t, unorderedSpan(toks, []string{"c", "a"}, 3))
	require.True(t, unorderedSpan(toks, []string{"y", "y"}, 0))
	require.False(t, unorderedSpan(toks, []string{"a", "a"}, 9))
}

func TestParseSpec(t *testing.T) {
	s, err := ParseSpec("textIndex(parser=english,full=false,lowercase=true,stem=true)")
	require.NoError(t, err)
	require.Equal(t, Spec{Parser: English, Lowercase: true, Stem: true}, s)
	s, err = ParseSpec("textindex(parser=chinese, full=true)")
	require.NoError(t, err)
	require.Equal(t, Spec{Parser: Chinese, Full: true, Lowercase: true}, s)
	for _, bad := range []string{"textindex()", "textindex(parser=english, stem=maybe)", "textindex(parser=english, colour=red)", "textindex(parser=english"} {
		_, err := ParseSpec(bad)
		require.Error(t, err, bad)
	}
}

// Without package jieba's dictionary the chinese parser is refused.
func TestChineseNeedsSegmenter(t *testing.T) {
	_, err := Spec{Parser: Chinese}.Mask(Funcs["matchAll"], value.NewStrings(value.String, []string{"关税"}), []value.Value{value.NewString("关税")})
	require.EqualError(t, err, ddberr.Errorf("The chinese parser of a text index is not supported.").Error())
}
