package client

import (
	"context"
	"errors"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire/streammsg"
)

// SubscribeOptions are the settings of Subscribe, the parameters of the
// APIs' subscribe.
type SubscribeOptions struct {
	Table, Action string
	// Offset is the first message: -1 the next to come, 0 the first, n
	// the n-th.
	Offset int64
	// Filter, when set, is the values of the table's filter column to
	// deliver.
	Filter value.Value
	// AllowExists replaces a subscription of the same table and action
	// from this host instead of failing.
	AllowExists bool
}

// Subscription is a stream table's messages pushed on a connection of
// their own, as the official APIs subscribe.
type Subscription struct {
	c *Conn
	// Topic is the subscription's topic, Columns the table's columns.
	Topic   string
	Columns []string
}

// Subscribe opens a connection to addr and subscribes it to the shared
// stream table o.Table: getSubscriptionTopic, then publishTable, after
// which the server pushes the schema and the messages on it (read them
// with Next). Close unsubscribes.
func Subscribe(ctx context.Context, addr string, opts Options, o SubscribeOptions) (*Subscription, error) {
	c, err := Dial(ctx, addr, opts)
	if err != nil {
		return nil, err
	}
	s, err := c.subscribe(ctx, o)
	if err != nil {
		c.Close()
		return nil, err
	}
	return s, nil
}

func (c *Conn) subscribe(ctx context.Context, o SubscribeOptions) (*Subscription, error) {
	v, err := c.RunFunc(ctx, "getSubscriptionTopic", value.NewString(o.Table), value.NewString(o.Action))
	if err != nil {
		return nil, err
	}
	topic, ok := v.(*value.Vector)
	if !ok || topic.T != value.Any || len(topic.Any) != 2 {
		return nil, errors.New("client: getSubscriptionTopic did not return (topic, columns)")
	}
	s := &Subscription{c: c, Topic: topic.Any[0].String()}
	filter := o.Filter
	if filter == nil {
		filter = value.NullScalar(value.Void)
	}
	cols, err := c.RunFunc(ctx, "publishTable", value.NewString("localhost"), value.NewInt(0), value.NewString(o.Table),
		value.NewString(o.Action), value.NewLong(o.Offset), filter, value.NewBool(o.AllowExists))
	if err != nil {
		return nil, err
	}
	if names, ok := cols.(*value.Vector); ok && names.T == value.String {
		s.Columns = names.Strings()
	}
	return s, nil
}

// Next waits for the next message; the first is the schema (an empty
// table). It fails once the connection is closed.
func (s *Subscription) Next() (*streammsg.Message, error) {
	return streammsg.Read(s.c.br, s.c.rd)
}

// Close unsubscribes: the server stops publishing when the connection
// closes.
func (s *Subscription) Close() error { return s.c.Close() }
