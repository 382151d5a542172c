package mtw

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

var timeZero time.Time

// chunkRows is how many queued rows the conversion goroutine takes at a
// time, and the smallest request size limit (max(BatchSize, 65535)).
const chunkRows = 65535

// dialTimeout bounds connecting and logging in.
const dialTimeout = 30 * time.Second

// Error codes (mtw.md §5.6).
const (
	codeInvalidObject    = "A1"
	codeInvalidParameter = "A2"
	codeServer           = "A5"
	codeDestroyedObject  = "A7"
)

// ErrorCodeInfo is the result of Insert and InsertUnwrittenData: Code ""
// when the row was queued, otherwise "A<n>" with the message in Info.
type ErrorCodeInfo struct {
	Code string
	Info string
}

// HasError reports whether an error occurred.
func (e ErrorCodeInfo) HasError() bool { return e.Code != "" }

// Succeed reports whether the rows were queued.
func (e ErrorCodeInfo) Succeed() bool { return e.Code == "" }

// String renders e as the Python API prints an ErrorCodeInfo (without its
// trailing "<... object at 0x...>" line):
//
//	errorCode: A2
//	 errorInfo: Column counts don't match 3
func (e ErrorCodeInfo) String() string {
	code, info := e.Code, e.Info
	if code == "" {
		code = "None"
		if info == "" {
			info = "None"
		}
	}
	return "errorCode: " + code + "\n errorInfo: " + info + "\n"
}

// errExiting is what Insert returns once the writer stopped: the text of
// the RuntimeError the Python API raises, with the C++ API's code for it.
var errExiting = ErrorCodeInfo{Code: codeDestroyedObject, Info: "<Exception> in insert: thread is exiting."}

// Writer is a MultithreadedTableWriter. See the package documentation.
type Writer struct {
	cfg      *checked
	cols     []column
	names    []string
	ncols    int
	funcText string
	methods  []wire.Compression // per column, nil without compression
	pcol     int                // routing column, -1 with one writer
	route    router
	maxBatch int

	mu         sync.Mutex
	segs       [][]any // rows waiting for conversion, ncols values per row
	freeSegs   [][]any
	pendRows   int
	converting int
	convFailed [][]any // flat segments of rows that failed conversion
	convIdle   bool
	closing    bool // WaitForThreadCompletion was called
	exiting    bool // closing or an error
	stopped    bool // an error stopped everything
	errCode    string
	errInfo    string

	convWake chan struct{}
	stopCh   chan struct{}
	convDone chan struct{}

	threads []*writerThread
	wg      sync.WaitGroup

	// convHold, locked by tests, keeps the conversion goroutine from
	// taking rows (as the GIL does in Python while the caller inserts).
	convHold sync.Mutex
}

// New validates cfg (mtw.md §1.1), reads the table's schema over a setup
// connection (§2), connects ThreadCount writer sessions and starts the
// conversion and writer goroutines. Errors are *Error values.
func New(cfg Config) (*Writer, error) {
	c, err := validate(cfg)
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	connectErr := func(err error) error {
		return newError("Failed to connect to server "+c.Host+":"+strconv.Itoa(c.Port), err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), dialTimeout)
	defer cancel()
	setup, err := client.Dial(ctx, addr, client.Options{User: c.UserID, Password: c.Password})
	if err != nil {
		return nil, connectErr(err)
	}
	defer setup.Close()

	table := c.TableName
	if c.DBPath != "" {
		table = `loadTable("` + c.DBPath + `","` + c.TableName + `")`
	}
	script := "schema(" + table + ")"
	reply, err := setup.Run(ctx, script)
	if err != nil {
		return nil, newError(serverResponse(err, script), err)
	}
	info, err := parseSchema(reply)
	if err != nil {
		return nil, newError(err.Error(), err)
	}
	cols := info.cols

	// Stream-table timestamp column (§2.3).
	drop := -1
	if _, err := setup.Run(ctx, `funcByName("getStreamTableTimestamp");`); err != nil {
		if c.EnableStreamTableTimestamp {
			drop = len(cols) - 1
		}
	} else if c.DBPath == "" && c.TableName != "" {
		if v, err := setup.Run(ctx, "getStreamTableTimestamp("+c.TableName+")"); err == nil {
			if s, ok := v.(*value.Scalar); ok && !s.Null && s.T.Storage() == value.StString {
				for i, col := range cols {
					if col.name == s.S {
						drop = i
					}
				}
			}
		}
	}
	if drop >= 0 {
		cols = append(cols[:drop:drop], cols[drop+1:]...)
		if len(cols) == 0 {
			return nil, newError("The table has no column to write besides its stream timestamp column", nil)
		}
	}

	w := &Writer{
		cfg:      c,
		cols:     cols,
		ncols:    len(cols),
		pcol:     -1,
		maxBatch: max(c.BatchSize, chunkRows),
		convWake: make(chan struct{}, 1),
		stopCh:   make(chan struct{}),
		convDone: make(chan struct{}),
	}
	for _, col := range cols {
		w.names = append(w.names, col.name)
	}
	if c.DBPath != "" && !info.partitioned && c.ThreadCount > 1 {
		return nil, newError("The parameter threadCount must be 1 for a dimension table", nil)
	}
	if len(c.methods) > 0 {
		if len(c.methods) != len(cols) {
			return nil, newError("The number of elements in parameter compressMethods does not match the column size "+strconv.Itoa(len(cols)), nil)
		}
		w.methods = make([]wire.Compression, len(cols))
		for i, m := range c.methods {
			if m == wire.CompressDelta && !deltaCapable(cols[i].t) {
				m = wire.CompressLZ4
			}
			w.methods[i] = m
		}
	}
	if c.ThreadCount > 1 {
		if err := w.setRouting(info); err != nil {
			return nil, err
		}
	}

	if c.mode == modeUpsert {
		w.funcText = "upsert!{" + table + ","
		for _, o := range c.ModeOption {
			w.funcText += "," + o
		}
		w.funcText += "}"
	} else {
		w.funcText = "tableInsert{" + table + "}"
	}

	for i := 0; i < c.ThreadCount; i++ {
		cn, err := dialConn(ctx, addr, c.UserID, c.Password, len(w.methods) > 0)
		if err != nil {
			for _, t := range w.threads {
				t.conn.close()
			}
			return nil, connectErr(err)
		}
		w.threads = append(w.threads, &writerThread{w: w, conn: cn, wake: make(chan struct{}, 1),
			queue: w.newBatch(), spare: w.newBatch()})
	}
	w.wg.Add(len(w.threads))
	for _, t := range w.threads {
		go t.run()
	}
	go w.convertLoop()
	return w, nil
}

// serverResponse formats a failed request as the C++/Python clients do.
func serverResponse(err error, script string) string {
	var se *client.ServerError
	if errors.As(err, &se) {
		return "Server Response: '" + se.Msg + "' script: " + script
	}
	return err.Error()
}

// setRouting checks PartitionCol against the table and builds the router
// (§1.1 checks, §4 routing).
func (w *Writer) setRouting(info *tableInfo) error {
	c := w.cfg
	if !info.partitioned {
		for i, col := range w.cols {
			if col.name == c.PartitionCol {
				if col.t.IsArray() {
					return newError("The parameter partitionCol cannot be array vector", nil)
				}
				w.pcol = i
				w.route = &hashRouter{t: col.t, n: c.ThreadCount}
				return nil
			}
		}
		return newError("No match found for "+c.PartitionCol, nil)
	}
	level := -1
	if !info.compo {
		if info.partNames[0] != c.PartitionCol {
			return newError("The parameter partionCol must be the partitioning column '"+info.partNames[0]+"' in the partitioned table", nil)
		}
		level = 0
	} else {
		for i, n := range info.partNames {
			if n == c.PartitionCol {
				level = i
			}
		}
		if level < 0 {
			return newError("The parameter partionCol must be the partitioning columns in the partitioned table", nil)
		}
	}
	idx := -1
	for i, col := range w.cols {
		if col.name == info.partNames[level] {
			idx = i
		}
	}
	if idx < 0 {
		idx = info.partIndex[level]
	}
	if idx < 0 || idx >= len(w.cols) {
		return newError("No match found for "+c.PartitionCol, nil)
	}
	col := w.cols[idx]
	if col.t.IsArray() {
		return newError("The parameter partitionCol cannot be array vector", nil)
	}
	kind := info.partTypes[level]
	switch kind {
	case partValue, partRange, partList, partHash:
	default:
		return newError("Unsupported partition type "+partTypeName(kind), nil)
	}
	d, err := newDomain(kind, col.t, value.Type(info.partColType[level]), info.partSchemas[level])
	if err != nil {
		return newError(err.Error(), err)
	}
	w.pcol = idx
	w.route = d
	return nil
}

// batch is a block of converted rows, one vector per column.
type batch struct {
	cols []*value.Vector
}

func (w *Writer) newBatch() *batch {
	b := &batch{cols: make([]*value.Vector, w.ncols)}
	for i, col := range w.cols {
		b.cols[i] = value.NewVector(col.t, 0, 0)
		b.cols[i].Scale = col.scale
	}
	return b
}

func (b *batch) rows() int { return b.cols[0].Len() }

func (b *batch) reset() {
	for _, c := range b.cols {
		if c.T.Storage() == value.StString {
			clear(c.Str)
		}
		c.Truncate(0)
	}
}

func (b *batch) appendBatch(o *batch) {
	for i, c := range b.cols {
		c.AppendVector(o.cols[i])
	}
}

func (b *batch) slice(lo, hi int) *batch {
	out := &batch{cols: make([]*value.Vector, len(b.cols))}
	for i, c := range b.cols {
		out.cols[i] = c.Slice(lo, hi)
	}
	return out
}

// Insert queues one row. Only the number of values is checked here: a
// wrong count returns A2 "Column counts don't match <columns>" and drops
// the row. The values are converted in the background; after an error or
// WaitForThreadCompletion it returns A7 "<Exception> in insert: thread is
// exiting.".
func (w *Writer) Insert(values ...any) ErrorCodeInfo {
	w.mu.Lock()
	if w.exiting {
		w.mu.Unlock()
		return errExiting
	}
	if len(values) != w.ncols {
		w.mu.Unlock()
		return ErrorCodeInfo{Code: codeInvalidParameter, Info: "Column counts don't match " + strconv.Itoa(w.ncols)}
	}
	w.queueRow(values)
	wake := w.convIdle
	w.convIdle = false
	w.mu.Unlock()
	if wake {
		w.wakeConverter()
	}
	return ErrorCodeInfo{}
}

// InsertUnwrittenData queues many rows, typically GetUnwrittenData's of a
// failed writer, fixed. A row with the wrong number of values returns A1
// "arg size mismatch col size <columns>" (the rows before it are queued).
func (w *Writer) InsertUnwrittenData(rows [][]any) ErrorCodeInfo {
	w.mu.Lock()
	if w.exiting {
		w.mu.Unlock()
		return errExiting
	}
	res := ErrorCodeInfo{}
	for _, r := range rows {
		if len(r) != w.ncols {
			res = ErrorCodeInfo{Code: codeInvalidObject, Info: "arg size mismatch col size " + strconv.Itoa(w.ncols)}
			break
		}
		w.queueRow(r)
	}
	wake := w.convIdle && w.pendRows > 0
	if wake {
		w.convIdle = false
	}
	w.mu.Unlock()
	if wake {
		w.wakeConverter()
	}
	return res
}

// queueRow appends a row to the last pending segment; w.mu is held.
func (w *Writer) queueRow(values []any) {
	n := len(w.segs)
	if n == 0 || len(w.segs[n-1]) >= chunkRows*w.ncols {
		var seg []any
		if k := len(w.freeSegs); k > 0 {
			seg = w.freeSegs[k-1]
			w.freeSegs = w.freeSegs[:k-1]
		} else {
			// Segments are allocated whole: growing a []any by append
			// copies interfaces under write barriers.
			seg = make([]any, 0, chunkRows*w.ncols)
		}
		w.segs = append(w.segs, seg)
		n++
	}
	w.segs[n-1] = append(w.segs[n-1], values...)
	w.pendRows++
}

func (w *Writer) wakeConverter() {
	select {
	case w.convWake <- struct{}{}:
	default:
	}
}

// fail records the first error and stops every goroutine.
func (w *Writer) fail(code, info string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.errCode == "" {
		w.errCode, w.errInfo = code, info
	}
	w.exiting = true
	if !w.stopped {
		w.stopped = true
		close(w.stopCh)
	}
}

// convertLoop is the conversion goroutine: it converts queued rows a
// segment (at most 65535 rows) at a time, routes them and hands them to
// the writers. The first failure fails the whole segment.
func (w *Writer) convertLoop() {
	defer close(w.convDone)
	staging := make([]*batch, len(w.threads))
	for k := range staging {
		staging[k] = w.newBatch()
	}
	for {
		w.mu.Lock()
		for len(w.segs) == 0 && !w.closing && !w.stopped {
			w.convIdle = true
			w.mu.Unlock()
			select {
			case <-w.convWake:
			case <-w.stopCh:
			}
			w.mu.Lock()
		}
		w.convIdle = false
		w.mu.Unlock()
		w.convHold.Lock()
		w.convHold.Unlock()
		w.mu.Lock()
		if w.stopped || len(w.segs) == 0 {
			w.mu.Unlock()
			return
		}
		seg := w.segs[0]
		w.segs[0] = nil
		w.segs = w.segs[1:]
		rows := len(seg) / w.ncols
		w.pendRows -= rows
		w.converting = rows
		w.mu.Unlock()

		if err := w.convertSegment(seg, staging); err != nil {
			for _, st := range staging {
				st.reset()
			}
			w.mu.Lock()
			w.converting = 0
			w.convFailed = append(w.convFailed, seg)
			w.mu.Unlock()
			w.fail(codeInvalidObject, "Data conversion error: "+err.Error())
			return
		}
		for k, st := range staging {
			if st.rows() > 0 {
				w.threads[k].push(st)
			}
		}
		clear(seg)
		w.mu.Lock()
		w.converting = 0
		if len(w.freeSegs) < 4 {
			w.freeSegs = append(w.freeSegs, seg[:0])
		}
		w.mu.Unlock()
	}
}

// convertSegment converts and routes the rows of seg into staging.
func (w *Writer) convertSegment(seg []any, staging []*batch) error {
	nc := w.ncols
	n := len(w.threads)
	for r := 0; r+nc <= len(seg); r += nc {
		row := seg[r : r+nc]
		st := staging[0]
		if w.route != nil {
			col := &w.cols[w.pcol]
			c, err := convertCol(row[w.pcol], col)
			if err != nil {
				return err
			}
			k, err := w.route.key(c)
			if err != nil {
				return err
			}
			if k < 0 {
				k = 0
			}
			st = staging[k%n]
			appendCell(st.cols[w.pcol], &c)
		}
		for j := range row {
			if j == w.pcol {
				continue
			}
			if err := appendValue(st.cols[j], &w.cols[j], row[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// convertCol converts x for the column, directly for the common
// partitioning column types.
func convertCol(x any, col *column) (cell, error) {
	switch v := x.(type) {
	case int32:
		switch col.t {
		case value.Int, value.Long:
			return cell{i: int64(v)}, nil
		}
	case int:
		switch col.t {
		case value.Long:
			return cell{i: int64(v)}, nil
		case value.Int:
			if v > math.MinInt32 && v <= math.MaxInt32 {
				return cell{i: int64(v)}, nil
			}
		}
	case string:
		if col.t == value.Symbol || col.t == value.String {
			return cell{s: v, null: v == ""}, nil
		}
	}
	return convert(x, col.t, col.scale)
}

// appendValue converts x and appends it to v, directly for the most
// common pairs of Go value and column type.
func appendValue(v *value.Vector, col *column, x any) error {
	switch x := x.(type) {
	case string:
		if col.t == value.Symbol || col.t == value.String {
			v.Str = append(v.Str, x)
			return nil
		}
	case int32:
		switch col.t {
		case value.Int:
			v.I32 = append(v.I32, x)
			return nil
		case value.Long:
			v.I64 = append(v.I64, int64(x))
			return nil
		}
	case int:
		switch col.t {
		case value.Long, value.Timestamp, value.NanoTimestamp:
			v.I64 = append(v.I64, int64(x))
			return nil
		case value.Int:
			if x > math.MinInt32 && x <= math.MaxInt32 {
				v.I32 = append(v.I32, int32(x))
				return nil
			}
		}
	case int64:
		switch col.t {
		case value.Long, value.Timestamp, value.NanoTimestamp:
			v.I64 = append(v.I64, x)
			return nil
		}
	case float64:
		if col.t == value.Double {
			if x != x {
				x = value.NullFloat64
			}
			v.F64 = append(v.F64, x)
			return nil
		}
	case time.Time:
		if col.t == value.Timestamp && x.Location() == time.UTC {
			if ms := x.UnixMilli(); ms != math.MinInt64 && ms != math.MaxInt64 {
				v.I64 = append(v.I64, ms)
				return nil
			}
		}
	}
	c, err := convert(x, col.t, col.scale)
	if err != nil {
		return err
	}
	appendCell(v, &c)
	return nil
}

// WaitForThreadCompletion lets the conversion goroutine convert every
// queued row, then lets each writer send what it holds (unless an error
// occurred) and closes the connections. The Writer accepts no more rows
// afterwards. Calling it again only waits.
func (w *Writer) WaitForThreadCompletion() {
	w.mu.Lock()
	w.closing = true
	w.exiting = true
	w.mu.Unlock()
	w.wakeConverter()
	<-w.convDone
	for _, t := range w.threads {
		t.mu.Lock()
		t.exit = true
		t.mu.Unlock()
		t.signal()
	}
	w.wg.Wait()
}

// GetUnwrittenData removes and returns the rows not written: for each
// writer its failed rows then its queued rows (converted values turned
// back into Go values, see goValue), then the rows that failed
// conversion, then the rows not converted yet (the values as inserted).
// It may be called while the writer runs.
func (w *Writer) GetUnwrittenData() [][]any {
	var out [][]any
	for _, t := range w.threads {
		t.mu.Lock()
		for _, b := range t.failed {
			out = appendRows(out, b)
		}
		t.failed = nil
		out = appendRows(out, t.queue)
		t.queue.reset()
		t.mu.Unlock()
	}
	w.mu.Lock()
	for _, seg := range w.convFailed {
		out = w.appendFlat(out, seg)
	}
	w.convFailed = nil
	for _, seg := range w.segs {
		out = w.appendFlat(out, seg)
	}
	w.segs = nil
	w.pendRows = 0
	w.mu.Unlock()
	return out
}

func appendRows(out [][]any, b *batch) [][]any {
	n := b.rows()
	for i := 0; i < n; i++ {
		row := make([]any, len(b.cols))
		for j, c := range b.cols {
			row[j] = goValue(c, i)
		}
		out = append(out, row)
	}
	return out
}

func (w *Writer) appendFlat(out [][]any, seg []any) [][]any {
	for r := 0; r+w.ncols <= len(seg); r += w.ncols {
		out = append(out, append([]any(nil), seg[r:r+w.ncols]...))
	}
	return out
}

// writerThread is one writer goroutine with its connection and queues.
type writerThread struct {
	w    *Writer
	conn *conn
	wake chan struct{}

	mu       sync.Mutex
	id       uint64
	queue    *batch // converted rows waiting to be sent
	spare    *batch
	inflight int
	failed   []*batch
	sent     int
	exit     bool
}

func (t *writerThread) signal() {
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// push appends converted rows to the writer's queue and empties st,
// which keeps its capacity for the next segment.
func (t *writerThread) push(st *batch) {
	t.mu.Lock()
	t.queue.appendBatch(st)
	t.mu.Unlock()
	st.reset()
	t.signal()
}

// take removes up to maxBatch queued rows; t.mu is held.
func (t *writerThread) take() *batch {
	n := t.queue.rows()
	if n == 0 {
		return nil
	}
	if n <= t.w.maxBatch {
		b := t.queue
		t.queue = t.spare
		if t.queue == nil {
			t.queue = t.w.newBatch()
		}
		t.spare = nil
		return b
	}
	b := t.queue.slice(0, t.w.maxBatch)
	t.queue = t.queue.slice(t.w.maxBatch, n)
	return b
}

func (t *writerThread) stopped() bool {
	select {
	case <-t.w.stopCh:
		return true
	default:
		return false
	}
}

func (t *writerThread) run() {
	w := t.w
	defer w.wg.Done()
	defer t.conn.close()
	t.mu.Lock()
	t.id = goroutineID()
	t.mu.Unlock()
	batchSize, throttle := w.cfg.BatchSize, w.cfg.throttle
	var timer *time.Timer
	for {
		t.mu.Lock()
		for t.queue.rows() == 0 && !t.exit {
			t.mu.Unlock()
			select {
			case <-t.wake:
			case <-w.stopCh:
				return
			}
			t.mu.Lock()
		}
		empty := t.queue.rows() == 0
		t.mu.Unlock()
		if empty || t.stopped() {
			return
		}
		if batchSize > 1 && throttle > 0 {
			if timer == nil {
				timer = time.NewTimer(throttle)
			} else {
				timer.Reset(throttle)
			}
		wait:
			for {
				t.mu.Lock()
				enough := t.queue.rows() >= batchSize || t.exit
				t.mu.Unlock()
				if enough {
					break
				}
				select {
				case <-t.wake:
				case <-timer.C:
					break wait
				case <-w.stopCh:
					return
				}
			}
			timer.Stop()
		}
		for !t.stopped() {
			t.mu.Lock()
			b := t.take()
			if b != nil {
				t.inflight = b.rows()
			}
			t.mu.Unlock()
			if b == nil {
				break
			}
			err := t.send(b)
			t.mu.Lock()
			t.inflight = 0
			if err == nil {
				t.sent += b.rows()
				b.reset()
				if t.spare == nil {
					t.spare = b
				}
			} else {
				t.failed = append(t.failed, b)
			}
			t.mu.Unlock()
			if err != nil {
				w.fail(codeServer, "Failed to save the inserted data: "+err.Error())
				return
			}
		}
	}
}

// send writes one batch with the insert function; the reply is not
// checked beyond success (as the Python API).
func (t *writerThread) send(b *batch) error {
	w := t.w
	tb := value.NewTable(w.names, b.cols)
	_, err := t.conn.call(w.funcText, tb, w.methods)
	if err != nil {
		if msg, ok := serverMessage(err); ok {
			return fmt.Errorf("Server Response: '%s' script: %s", msg, w.funcText)
		}
		return err
	}
	return nil
}

// goroutineID is the id of the calling goroutine, shown as threadId.
func goroutineID() uint64 {
	var buf [64]byte
	s := string(buf[:runtime.Stack(buf[:], false)])
	s = strings.TrimPrefix(s, "goroutine ")
	if i := strings.IndexByte(s, ' '); i > 0 {
		if id, err := strconv.ParseUint(s[:i], 10, 64); err == nil {
			return id
		}
	}
	return 0
}
