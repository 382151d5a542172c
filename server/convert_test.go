package server

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// formOnly is a value of a form the wire has no encoding for.
type formOnly value.Form

func (f formOnly) Form() value.Form { return value.Form(f) }
func (formOnly) Type() value.Type   { return value.Void }
func (formOnly) String() string     { return "" }

// A result of a form the wire can't carry is refused with its form named,
// at the top level and nested in a tuple.
func TestToWireUnsendableForm(t *testing.T) {
	for _, f := range []value.Form{value.FormChart, value.FormChunk, value.FormSysObj} {
		for name, v := range map[string]value.Value{
			"top":    formOnly(f),
			"nested": &value.Vector{T: value.Any, Any: []value.Value{value.NewDouble(1), formOnly(f)}},
		} {
			t.Run(f.String()+"/"+name, func(t *testing.T) {
				_, err := toWire(v)
				require.EqualError(t, err, ddberr.Errorf("Failed to serialize the result: objects of form %s can't be sent.", f).Error())
			})
		}
	}
}
