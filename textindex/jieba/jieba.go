package jieba

import (
	"sync"

	"github.com/go-ego/gse"
	"github.com/porpoisedb/porpoise/textindex"
)

var (
	once sync.Once
	seg  gse.Segmenter
	err  error
)

func init() { textindex.Segment = segment }

// segment cuts a run of Chinese characters: the dictionary's best cut
// (with its HMM for words it doesn't list), or, when full, every word
// the dictionary finds (textdb.md: 武汉市长江大桥 is 武汉市 长江大桥, or
// 武汉 武汉市 市长 长江 长江大桥 大桥 in full). The dictionary is loaded on
// first use.
func segment(run string, full bool) []string {
	once.Do(func() {
		if err = seg.LoadDictEmbed("zh_s"); err == nil {
			err = seg.LoadStopEmbed()
		}
	})
	if err != nil {
		// The dictionary is compiled in: a failure to read it is a
		// broken build, not a condition a query can meet.
		panic(err)
	}
	var words []string
	if full {
		words = seg.CutAll(run)
	} else {
		words = seg.Cut(run, true)
	}
	out := words[:0]
	for _, w := range words {
		if !seg.IsStop(w) {
			out = append(out, w)
		}
	}
	return out
}
