package storage

import (
	"sync"
	"time"
)

// TxnKind is what a transaction wrote.
type TxnKind uint8

const (
	// TxnAppend marks a transaction that appended rows.
	TxnAppend TxnKind = 1 << iota
	// TxnRewrite marks one that replaced a chunk's rows (update, delete,
	// upsert, truncate).
	TxnRewrite
)

// TxnRecord is one transaction as getTransactionStatus lists it.
type TxnRecord struct {
	ID         int64
	Start, End time.Time // End is zero while it runs
	Kind       TxnKind
	// Status is BEGIN while it runs, then COMPLETE or ROLLBACK.
	Status string
	// Partitions is the number of chunks it touched.
	Partitions int
}

// txnLogSize is how many finished transactions the log keeps.
const txnLogSize = 1024

// txnLog keeps the running transactions and the last finished ones that
// wrote something.
type txnLog struct {
	mu      sync.Mutex
	running map[int64]*TxnRecord
	done    []TxnRecord // ring of the last txnLogSize finished
	next    int
}

func (l *txnLog) begin(id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running == nil {
		l.running = map[int64]*TxnRecord{}
	}
	l.running[id] = &TxnRecord{ID: id, Start: time.Now(), Status: "BEGIN"}
}

// end records the outcome of transaction t; one that wrote nothing (a
// lock probe, an empty append) is forgotten.
func (l *txnLog) end(t *Txn, committed bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := l.running[t.id]
	if r == nil {
		return
	}
	delete(l.running, t.id)
	if t.kind == 0 {
		return
	}
	r.End, r.Kind, r.Partitions = time.Now(), t.kind, len(t.chunks)
	r.Status = "ROLLBACK"
	if committed {
		r.Status = "COMPLETE"
	}
	if len(l.done) < txnLogSize {
		l.done = append(l.done, *r)
		return
	}
	l.done[l.next] = *r
	l.next = (l.next + 1) % txnLogSize
}

// Transactions lists the running transactions and the last finished ones
// that wrote data, by id.
func (s *Store) Transactions() []TxnRecord {
	l := &s.txns
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]TxnRecord, 0, len(l.running)+len(l.done))
	out = append(out, l.done[l.next:]...)
	out = append(out, l.done[:l.next]...)
	for _, r := range l.running {
		c := *r
		out = append(out, c)
	}
	sortRecords(out)
	return out
}

func sortRecords(rs []TxnRecord) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].ID < rs[j-1].ID; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}
