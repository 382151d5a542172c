package stream

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/value"
)

// Deliver hands a batch of messages to a subscription's handler; lastID
// is the offset of the batch's last message. It returns how many of them
// reached the handler (a filter drops the others: they are no messages
// of the subscription's, in getStreamingStat's counts).
type Deliver func(batch *value.Table, lastID int64) (int, error)

// Options are a subscription's settings (subscribeTable's parameters).
type Options struct {
	Table, Action string
	// Offset is the first message to deliver: -1 the next one to come,
	// 0 the first, n the n-th.
	Offset int64
	// BatchSize > 0 holds messages back until that many are waiting or
	// Throttle passed since the handler last ran.
	BatchSize int
	Throttle  time.Duration
	// TimeTrigger runs the handler every Throttle even without messages
	// (with an empty batch).
	TimeTrigger bool
	// PersistOffset keeps the offset of the last message handled, so a
	// later subscription with offset -2 resumes after it.
	PersistOffset bool
	// Describe are the settings getStreamingStat shows.
	MsgAsTable, HandlerNeedMsgID bool
	Hash                         int
	Filter                       string
	// Subscriber is the site ("host:port") of a subscriber at the other
	// end of a network connection (publishTable), "" for a subscription
	// of this node. The registry keys a remote subscription by its site
	// and topic, so it never clashes with a local one of the same topic.
	Subscriber string
	// MaxPending > 0 bounds the messages published and not yet delivered:
	// an append that finds more waiting calls Overflow once, holding the
	// table's lock, so Overflow must not block (it closes the subscriber's
	// connection). Appends never wait for a subscriber.
	MaxPending int64
	Overflow   func()
}

// key is the subscription's key in its registry.
func (o *Options) key(topic string) string {
	if o.Subscriber == "" {
		return topic
	}
	return o.Subscriber + " " + topic
}

// Subscription delivers a stream table's messages to a handler from a
// goroutine of its own.
type Subscription struct {
	Topic string
	Opts  Options

	src     *value.Table
	pub     *Table
	deliver Deliver
	reg     *Registry

	// next is the offset of the next message to deliver.
	next       atomic.Int64
	overflowed atomic.Bool
	wake       chan struct{}
	cancel     context.CancelFunc
	done       chan struct{}

	mu    sync.Mutex
	stats Stats
}

// Stats are a subscription's counters, as getStreamingStat's subWorkers
// shows them.
type Stats struct {
	Processed, Failed int64
	// LastMsgID and LastFailedMsgID are -1 before the first message.
	LastMsgID, LastFailedMsgID int64
	LastFailedTime             time.Time
	LastErr                    string
	// QueueDepth is the number of messages published and not delivered.
	QueueDepth int64
}

// Stats returns the subscription's counters.
func (s *Subscription) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	s.src.Mu.RLock()
	st.QueueDepth = max(s.pub.Total(s.src)-s.next.Load(), 0)
	s.src.Mu.RUnlock()
	return st
}

// Done is closed when the subscription's goroutine has ended.
func (s *Subscription) Done() <-chan struct{} { return s.done }

// published wakes the subscription after an append, and reports an
// overflow when the subscriber still had more than MaxPending of the
// before messages published earlier to receive (one large append alone
// cuts no one off); the caller holds the table's lock.
func (s *Subscription) published(before int64) {
	s.notify()
	if s.Opts.MaxPending > 0 && before-s.next.Load() > s.Opts.MaxPending && s.overflowed.CompareAndSwap(false, true) {
		s.Opts.Overflow()
	}
}

func (s *Subscription) notify() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run delivers messages until ctx is cancelled.
func (s *Subscription) run(ctx context.Context) {
	defer close(s.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	last := time.Now()
	for ctx.Err() == nil {
		n := s.pending()
		if n > 0 && (s.Opts.BatchSize <= 0 || n >= int64(s.Opts.BatchSize) || time.Since(last) >= s.Opts.Throttle) {
			s.deliverPending()
			last = time.Now()
			continue
		}
		var tick <-chan time.Time
		if n > 0 || s.Opts.TimeTrigger {
			timer.Reset(s.Opts.Throttle - time.Since(last))
			tick = timer.C
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-tick:
			if n == 0 && s.Opts.TimeTrigger {
				s.trigger()
				last = time.Now()
			}
		}
		timer.Stop()
	}
}

// pending is the number of messages published and not yet delivered.
func (s *Subscription) pending() int64 {
	s.src.Mu.RLock()
	defer s.src.Mu.RUnlock()
	return s.pub.Total(s.src) - s.next.Load()
}

// deliverPending copies the waiting messages out of the table (appends go
// on while the handler runs) and hands them to the handler. Messages
// purged before delivery are skipped; a handler's error or panic is
// counted and the subscription goes on.
func (s *Subscription) deliverPending() {
	s.src.Mu.RLock()
	base := s.pub.InMemory()
	from := max(s.next.Load(), base)
	rows := s.src.Rows()
	batch := s.src.Slice(int(from-base), rows)
	for i, c := range batch.Cols {
		batch.Cols[i] = c.Clone()
	}
	s.src.Mu.RUnlock()
	n := int64(batch.Rows())
	if n == 0 {
		return
	}
	lastID := from + n - 1
	delivered, err := s.call(batch, lastID)
	s.next.Store(lastID + 1)
	s.mu.Lock()
	if err != nil {
		s.stats.Failed += delivered
		s.stats.LastFailedMsgID = lastID
		s.stats.LastFailedTime = time.Now()
		s.stats.LastErr = err.Error()
	} else {
		s.stats.Processed += delivered
		s.stats.LastMsgID = lastID
	}
	s.mu.Unlock()
	if s.Opts.PersistOffset {
		s.reg.saveOffset(s.Topic, lastID)
	}
}

// trigger runs the handler with no messages (timeTrigger).
func (s *Subscription) trigger() {
	s.src.Mu.RLock()
	empty := s.src.EmptyLike(0)
	s.src.Mu.RUnlock()
	if _, err := s.call(empty, s.next.Load()-1); err != nil {
		s.mu.Lock()
		s.stats.LastErr = err.Error()
		s.mu.Unlock()
	}
}

func (s *Subscription) call(batch *value.Table, lastID int64) (delivered int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			delivered, err = int64(batch.Rows()), fmt.Errorf("%v", r)
		}
	}()
	n, err := s.deliver(batch, lastID)
	return int64(n), err
}

// stop cancels the goroutine and waits for it.
func (s *Subscription) stop() {
	s.cancel()
	<-s.done
	s.pub.detach(s)
}
