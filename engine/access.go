package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/value"
)

// memberValue is x.name: a table column, a dictionary entry, or a
// zero-argument method call such as t.size().
func memberValue(in *interp, x value.Value, name string) (value.Value, error) {
	switch b := x.(type) {
	case *value.Table:
		if c := b.Column(name); c != nil {
			return insert.ColumnRead(b, c)
		}
	case *ptable:
		if c, err := b.Column(name); c != nil || err != nil {
			return c, err
		}
	case *value.Dict:
		return access.DictGet(b, value.NewString(name))
	case *oop.Object:
		if v, ok := b.Member(name); ok {
			return v, nil
		}
	}
	if f := in.function(name); f != nil {
		return in.call(f, []value.Value{x}, nil)
	}
	if _, ok := x.(*value.Scalar); ok { // catalog.md: stock=1; select * from stock.quote
		return nil, ddberr.Errorf("getMember method not supported")
	}
	return nil, ddberr.Errorf("Syntax Error: Cannot recognize the token %s", name)
}
