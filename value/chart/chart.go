package chart

import "github.com/porpoisedb/porpoise/value"

// The chart types, as the constants AREA ... SURFACE evaluate and the
// chartType entry holds them.
const (
	Area int32 = iota
	Bar
	Column
	Histogram
	Line
	Pie
	Scatter
	Trend
	KLine
	Surface
)

// TypeNames are the script constants of the chart types.
var TypeNames = map[string]int32{
	"AREA": Area, "BAR": Bar, "COLUMN": Column, "HISTOGRAM": Histogram, "LINE": Line,
	"PIE": Pie, "SCATTER": Scatter, "TREND": Trend, "KLINE": KLine, "SURFACE": Surface,
}

// Chart is a chart object: its entries as a STRING -> ANY dictionary.
type Chart struct {
	Dict *value.Dict
}

// New is a chart of the given entries, in order.
func New(keys []string, vals []value.Value) *Chart {
	d := value.NewDict(value.String, value.Any)
	k := value.NewStrings(value.String, keys)
	v := value.NewTuple(vals)
	for i := range keys {
		d.Put(k, i, v, i)
	}
	return &Chart{Dict: d}
}

// Form implements value.Value.
func (c *Chart) Form() value.Form { return value.FormChart }

// Type implements value.Value: a chart's values are of any type.
func (c *Chart) Type() value.Type { return value.Any }

// String prints the chart's entries as a dictionary prints.
func (c *Chart) String() string { return c.Dict.String() }

// Get is the entry called key, nil when absent.
func (c *Chart) Get(key string) value.Value {
	return c.Dict.Get(value.NewStrings(value.String, []string{key}), 0)
}
