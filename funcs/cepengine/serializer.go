package cepengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// serializer is a stream event serializer (stream/event_stream_serializer.md):
// it writes each event it is given as a row of a heterogeneous stream
// table, [time,] eventType, the event's fields as a BLOB, [common
// fields...].
type serializer struct {
	bg         funcs.Env
	schemas    map[string]*oop.Class
	output     *value.Table
	timeFields map[string]string
	timeField0 string
	common     []string
	rows       int64
}

const fnSerializer = "streamEventSerializer"

// streamEventSerializer(name, eventSchema, outputTable, [eventTimeField], [commonField]).
func streamEventSerializer(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value {
		if i < len(args) && args[i] != nil && !isNothing(args[i]) {
			return args[i]
		}
		return nil
	}
	classes, err := readSchema(fnSerializer, args[1])
	if err != nil {
		return nil, err
	}
	out, ok := args[2].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [outputTable] of %s must be a table.", fnSerializer)
	}
	s := &serializer{schemas: map[string]*oop.Class{}, output: out}
	for _, c := range classes {
		s.schemas[c.Name] = c
	}
	want := 2
	if v := arg(3); v != nil {
		names, ok := funcs.StringsArg(v)
		if !ok || len(names) == 0 {
			return nil, ddberr.Errorf("The argument [eventTimeField] of %s must be a string scalar or vector.", fnSerializer)
		}
		if len(names) == 1 {
			s.timeField0 = names[0]
		} else {
			if len(names) != len(classes) {
				return nil, ddberr.Errorf("The length of eventTimeField must be the same as the length of eventSchema.")
			}
			s.timeFields = map[string]string{}
			for i, c := range classes {
				s.timeFields[c.Name] = names[i]
			}
		}
		want++
	}
	if v := arg(4); v != nil {
		names, ok := funcs.StringsArg(v)
		if !ok {
			return nil, ddberr.Errorf("The argument [commonField] of %s must be a string scalar or vector.", fnSerializer)
		}
		s.common = names
		for _, c := range classes {
			for _, n := range names {
				if !hasField(c, n) {
					return nil, ddberr.Errorf("The event [%s] doesn't have the common field [%s].", c.Name, n)
				}
			}
		}
		want += len(names)
	}
	if len(out.Cols) < want {
		return nil, ddberr.Errorf("The number of columns of outputTable must be %d.", want)
	}
	dummy := value.NewTable([]string{"eventType", "blobs"}, []*value.Vector{value.NewStrings(value.String, nil), value.NewStrings(value.Blob, nil)})
	return streamengine.Create(env, "StreamEventSerializer", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		s.bg = bg
		return s, nil
	})
}

func hasField(c *oop.Class, name string) bool {
	for _, n := range c.AttrNames() {
		if n == name {
			return true
		}
	}
	return false
}

// Consume implements streamengine.Engine: rows already serialized go
// to the output unchanged.
func (s *serializer) Consume(batch *value.Table) error {
	return streamengine.Emit(s.bg, s.output, batch)
}

// Stat implements streamengine.Engine.
func (s *serializer) Stat() ([]string, []value.Value) {
	return []string{"numRows"}, []value.Value{value.NewLong(s.rows)}
}

// Close implements streamengine.Engine.
func (s *serializer) Close() {}

// Outputs implements streamengine.Engine.
func (s *serializer) Outputs() []value.Value { return []value.Value{s.output} }

// write appends ev's row to the output table; at is the time of a
// time column when the event has no time field of that name.
func (s *serializer) write(env funcs.Env, ev *oop.Object, at int64) error {
	if _, ok := s.schemas[ev.Class.Name]; !ok {
		return ddberr.Errorf("The event type [%s] is not declared in the eventSchema.", ev.Class.Name)
	}
	blob, err := encodeEvent(ev)
	if err != nil {
		return err
	}
	var cols []*value.Vector
	if s.timeField0 != "" || s.timeFields != nil {
		f := s.timeField0
		if n, ok := s.timeFields[ev.Class.Name]; ok {
			f = n
		}
		col := value.NewVector(value.Timestamp, 0, 1)
		if sc, ok := ev.Fields[f].(*value.Scalar); ok {
			if ms, ok := toMillis(sc); ok && !sc.Null {
				at = ms
			}
		}
		col.AppendScalar(timestamp(at))
		cols = append(cols, col)
	}
	cols = append(cols, value.NewStrings(value.String, []string{ev.Class.Name}), value.NewStrings(value.Blob, []string{string(blob)}))
	for _, n := range s.common {
		cols = append(cols, scalarColumn(ev.Fields[n]))
	}
	names := make([]string, len(cols))
	copy(names, s.output.Names)
	if err := streamengine.Emit(env, s.output, value.NewTable(names, cols)); err != nil {
		return err
	}
	s.rows++
	return nil
}

// scalarColumn is a one-element vector of v (a scalar field; anything
// else is NULL).
func scalarColumn(v value.Value) *value.Vector {
	sc, ok := v.(*value.Scalar)
	if !ok {
		return value.NewStrings(value.String, []string{""})
	}
	col := value.NewVector(sc.T, 0, 1)
	col.AppendScalar(sc)
	return col
}

// encodeEvent is ev's fields in declaration order, each in DolphinDB's
// binary form of its value.
func encodeEvent(ev *oop.Object) ([]byte, error) {
	var b []byte
	for _, n := range ev.Class.AttrNames() {
		if _, ok := ev.Fields[n].(*oop.Object); ok {
			return nil, ddberr.Errorf("The field [%s] of the event [%s] can't be serialized.", n, ev.Class.Name)
		}
		enc, err := wire.Marshal(ev.Fields[n], nil)
		if err != nil {
			return nil, err
		}
		b = append(b, enc...)
	}
	return b, nil
}

// decodeEvent makes an event of class c from encodeEvent's bytes.
func decodeEvent(c *oop.Class, b []byte) (*oop.Object, error) {
	o, _ := c.NewObject()
	for _, n := range c.AttrNames() {
		v, used, err := wire.DecodeBytes(b)
		if err != nil {
			return nil, ddberr.Errorf("Failed to deserialize the event [%s]: %v", c.Name, err)
		}
		o.Fields[n] = v
		b = b[used:]
	}
	return o, nil
}

// decodeRows deserializes the events of a heterogeneous table's rows.
func (c *config) decodeRows(batch *value.Table) ([]*oop.Object, error) {
	if c.typeCol < 0 || c.blobCol < 0 {
		return nil, ddberr.Errorf("The dummyTable of a CEP engine must have a STRING column of event types and a BLOB column of events.")
	}
	types, blobs := batch.Cols[c.typeCol], batch.Cols[c.blobCol]
	out := make([]*oop.Object, 0, batch.Rows())
	for i := 0; i < batch.Rows(); i++ {
		cl, ok := c.schemas[types.StrAt(i)]
		if !ok {
			return nil, ddberr.Errorf("The event type [%s] is not declared in the eventSchema of the CEP engine.", types.StrAt(i))
		}
		ev, err := decodeEvent(cl, []byte(blobs.StrAt(i)))
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, nil
}

// writeOut writes an emitted event to the engine's output.
func (c *config) writeOut(env funcs.Env, em emitted) error {
	t, ok := c.output.(*value.Table)
	if ok {
		if s, isSer := serializerOf(t); isSer {
			return s.write(env, em.ev, em.at)
		}
	}
	return ddberr.Errorf("The outputTable of a CEP engine that emits events must be the table streamEventSerializer returns.")
}

func isSerializer(t *value.Table) bool {
	_, ok := serializerOf(t)
	return ok
}

func serializerOf(t *value.Table) (*serializer, bool) {
	e, ok := streamengine.EngineOf(t)
	if !ok {
		return nil, false
	}
	s, ok := e.(*serializer)
	return s, ok
}
