package stream

import (
	"context"
	"errors"
	"sort"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// Key is the engine-state key of an engine's Registry.
const Key = "stream"

// Registry holds one engine's subscriptions and the offsets they
// persisted; closing it stops every subscription.
type Registry struct {
	// store keeps persisted offsets and tables (persist.go); nil keeps
	// them in memory.
	store *storage.Store

	mu      sync.Mutex
	subs    map[string]*Subscription
	offsets map[string]int64
	closed  bool
}

// NewRegistry opens the registry of an engine that persists stream
// tables in store (nil for an in-memory engine).
func NewRegistry(store *storage.Store) *Registry {
	r := &Registry{store: store, subs: map[string]*Subscription{}, offsets: map[string]int64{}}
	r.loadOffsets()
	return r
}

// Subscribe starts delivering the stream table src's messages under
// topic to the Deliver that start makes, on the caller's goroutine, from
// the context that unsubscribing cancels.
func (r *Registry) Subscribe(topic string, src *value.Table, o Options, start func(context.Context) Deliver) (*Subscription, error) {
	pub := Of(src)
	if pub == nil {
		return nil, errNotShared(o.Table)
	}
	// The registry's lock is not held while the table's is taken: an
	// append that enables persistence holds the table's lock and then
	// asks the registry.
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, errors.New("the engine is closing")
	}
	key := o.key(topic)
	if _, dup := r.subs[key]; dup {
		r.mu.Unlock()
		return nil, ddberr.Errorf("Subscription to table %s already exists on this node. Change an actionName or cancel the existing subscription first. RefId: S03002", o.Table)
	}
	saved, resume := r.offsets[topic]
	ctx, cancel := context.WithCancel(context.Background())
	s := &Subscription{Topic: topic, Opts: o, src: src, pub: pub, reg: r, cancel: cancel,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	s.stats.LastMsgID, s.stats.LastFailedMsgID = -1, -1
	r.subs[key] = s
	r.mu.Unlock()

	src.Mu.RLock()
	total := pub.Total(src)
	first := o.Offset
	switch {
	case first == -2 && resume:
		first = saved + 1
	case first < 0 || first > total:
		first = total
	}
	s.next.Store(first)
	pub.attach(s)
	src.Mu.RUnlock()
	s.deliver = start(ctx)
	if ctx.Err() != nil { // unsubscribed meanwhile
		pub.detach(s)
	}
	go s.run(ctx)
	return s, nil
}

// Unsubscribe stops the subscription under topic; removeOffset forgets
// the offset it persisted.
func (r *Registry) Unsubscribe(topic string, removeOffset bool) error {
	r.mu.Lock()
	s, ok := r.subs[topic]
	delete(r.subs, topic)
	r.mu.Unlock()
	if !ok {
		return ddberr.Errorf("The subscription topic %s doesn't exist on this node.", topic)
	}
	s.stop()
	if removeOffset {
		r.RemoveOffset(topic)
	}
	return nil
}

// StopRemote stops the subscription of the network subscriber at site
// ("host:port") under topic; false when there is none.
func (r *Registry) StopRemote(site, topic string) bool {
	o := Options{Subscriber: site}
	r.mu.Lock()
	s, ok := r.subs[o.key(topic)]
	r.mu.Unlock()
	if ok {
		r.Stop(s)
	}
	return ok
}

// Stop stops s and forgets it, if it is still subscribed (a network
// subscriber's connection ended).
func (r *Registry) Stop(s *Subscription) {
	key := s.Opts.key(s.Topic)
	r.mu.Lock()
	mine := r.subs[key] == s
	if mine {
		delete(r.subs, key)
	}
	r.mu.Unlock()
	if mine {
		s.stop()
	}
}

// Exists reports whether topic is subscribed.
func (r *Registry) Exists(topic string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.subs[topic]
	return ok
}

// Subscriptions lists the subscriptions by topic.
func (r *Registry) Subscriptions() []*Subscription {
	r.mu.Lock()
	out := make([]*Subscription, 0, len(r.subs))
	for _, s := range r.subs {
		out = append(out, s)
	}
	r.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	return out
}

// Offset is the offset of the last message topic handled, as persisted.
func (r *Registry) Offset(topic string) (int64, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	off, ok := r.offsets[topic]
	return off, ok
}

// RemoveOffset forgets the offset persisted for topic.
func (r *Registry) RemoveOffset(topic string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.offsets[topic]; ok {
		delete(r.offsets, topic)
		r.writeOffsetsLocked()
	}
}

func (r *Registry) saveOffset(topic string, off int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.offsets[topic] = off
	r.writeOffsetsLocked()
}

// Close stops every subscription and waits for their goroutines.
func (r *Registry) Close() {
	r.mu.Lock()
	r.closed = true
	subs := r.subs
	r.subs = map[string]*Subscription{}
	r.mu.Unlock()
	for _, s := range subs {
		s.stop()
	}
}

func errNotShared(table string) error {
	return ddberr.Errorf("Cannot subscribe to the table %s. Share this table before subscribing. RefId: S03007", table)
}
