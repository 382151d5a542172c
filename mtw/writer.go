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

	"github.com/porpoisedb/porpoise/ddberr"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// chunkRows is how many queued rows the conversion goroutine takes at a
// time, and the smallest request size limit (max(BatchSize, 65535)).
const chunkRows = 65535

// dialTimeout bounds connecting and logging in.
const dialTimeout = 30 * time.Second

// Error codes.
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

// Error makes an ErrorCodeInfo usable as an error; it is String(), which
// fmt prints either way, so printing the result of Insert is unchanged.
// Use Err to get a nil error for a queued row.
func (e ErrorCodeInfo) Error() string { return e.String() }

// Err is nil when the rows were queued, else e as an error, for the usual
// `if err := w.Insert(...).Err(); err != nil` check.
func (e ErrorCodeInfo) Err() error {
	if e.Code == "" {
		return nil
	}
	return e
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
	keyCol   *value.Vector // the routing column of the segment converting

	mu         sync.Mutex
	segs       []*seg // rows waiting for conversion
	freeSegs   []*seg
	pendRows   int
	converting int
	convFailed []*seg // segments of rows that failed conversion
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

// New is NewContext with a background context.
func New(cfg Config) (*Writer, error) {
	return NewContext(context.Background(), cfg)
}

// NewContext validates cfg, reads the table's schema over a
// setup connection (§2), connects ThreadCount writer sessions and starts
// the conversion and writer goroutines. ctx bounds the setup (connecting,
// logging in, reading the schema; at most 30 seconds in any case), not
// the writer's life. Errors are *Error values.
func NewContext(ctx context.Context, cfg Config) (*Writer, error) {
	c, err := validate(cfg)
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
	connectErr := func(err error) error {
		return newError("Failed to connect to server "+c.Host+":"+strconv.Itoa(c.Port), err)
	}
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
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
		w.methods = c.methods
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

	opts := client.Options{User: c.UserID, Password: c.Password, Flags: wire.FlagAPIClient, Symbols: wire.SymbolBase}
	if len(w.methods) > 0 {
		// Every connection announces compression, as the C++ API opens
		// them all with compress=true.
		opts.Flags |= wire.FlagCompress
	}
	for i := 0; i < c.ThreadCount; i++ {
		cn, err := client.Dial(ctx, addr, opts)
		if err != nil {
			for _, t := range w.threads {
				t.conn.Close()
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
		return ddberr.Errorf("Server Response: '%s' script: %s", se.Msg, script).Error()
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
	kind := partition.PartitionType(info.partTypes[level])
	switch kind {
	case partition.VALUE, partition.RANGE, partition.LIST, partition.HASH:
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

// truncate keeps the first n rows.
func (b *batch) truncate(n int) {
	for _, c := range b.cols {
		if c.T.Storage() == value.StString {
			clear(c.Str[n:])
		}
		c.Truncate(n)
	}
}

// reserve makes room for n rows.
func (b *batch) reserve(n int) {
	for _, c := range b.cols {
		if k := n - c.Len(); k > 0 {
			c.Grow(k)
		}
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
// exiting.". Insert copies the values and keeps no reference to its
// arguments, so passing them costs the caller no heap allocation.
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

// seg is a block of at most chunkRows rows waiting for conversion, held
// by column.
type seg struct {
	rows int
	cols []rawCol
}

// queueRow appends a row to the last pending segment; w.mu is held.
func (w *Writer) queueRow(values []any) {
	n := len(w.segs)
	if n == 0 || w.segs[n-1].rows >= chunkRows {
		var s *seg
		if k := len(w.freeSegs); k > 0 {
			s = w.freeSegs[k-1]
			w.freeSegs = w.freeSegs[:k-1]
		} else {
			s = &seg{cols: make([]rawCol, w.ncols)}
			// Size the slices the last full segment needed: growing them
			// row by row would copy each several times.
			var last *seg
			if n > 0 {
				last = w.segs[n-1]
			}
			for j := range s.cols {
				rc := &s.cols[j]
				rc.kinds = make([]kind, 0, chunkRows)
				if last != nil {
					lc := &last.cols[j]
					rc.nums = make([]uint64, 0, len(lc.nums))
					rc.strs = make([]string, 0, len(lc.strs))
					rc.times = make([]time.Time, 0, len(lc.times))
				}
			}
		}
		w.segs = append(w.segs, s)
		n++
	}
	s := w.segs[n-1]
	for j := range s.cols {
		s.cols[j].put(values[j])
	}
	s.rows++
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
	var dest []int32
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
		s := w.segs[0]
		w.segs[0] = nil
		w.segs = w.segs[1:]
		w.pendRows -= s.rows
		w.converting = s.rows
		w.mu.Unlock()

		var err error
		func() {
			defer catchPanic(&err)
			dest, err = w.convertSegment(s, staging, dest[:0])
		}()
		if err != nil {
			for _, st := range staging {
				st.reset()
			}
			why := err
			func() {
				defer catchPanic(&why)
				why = w.firstFailure(s)
			}()
			msg := "Data conversion error: " + why.Error()
			w.mu.Lock()
			w.converting = 0
			w.convFailed = append(w.convFailed, s)
			w.mu.Unlock()
			w.fail(codeInvalidObject, msg)
			return
		}
		for k, st := range staging {
			if st.rows() > 0 {
				staging[k] = w.threads[k].push(st)
			}
		}
		for j := range s.cols {
			s.cols[j].reset()
		}
		s.rows = 0
		w.mu.Lock()
		w.converting = 0
		if len(w.freeSegs) < 4 {
			w.freeSegs = append(w.freeSegs, s)
		}
		w.mu.Unlock()
	}
}

// catchPanic turns a panic in the conversion goroutine into an error, so
// that a value conversion has no way to handle (a bug) fails the writer
// with A1 and keeps its rows, instead of ending the user's program.
func catchPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v", r)
	}
}

// convertSegment converts and routes the rows of s into staging, column
// by column: first the routing column, which decides each row's writer
// (dest), then the others. It stops at the first failure it meets, which
// need not be the first in row order (see firstFailure).
func (w *Writer) convertSegment(s *seg, staging []*batch, dest []int32) ([]int32, error) {
	if w.route != nil {
		// The routing column goes through a vector of its own first:
		// converting it is the common column loop, and keys come from
		// typed values.
		if w.keyCol == nil {
			w.keyCol = value.NewVector(w.cols[w.pcol].t, 0, s.rows)
			w.keyCol.Scale = w.cols[w.pcol].scale
		}
		kc := w.keyCol
		kc.Truncate(0)
		if err := convertColumn(&s.cols[w.pcol], &w.cols[w.pcol], s.rows, nil, []*value.Vector{kc}); err != nil {
			return dest, err
		}
		n := len(w.threads)
		for r := 0; r < s.rows; r++ {
			k, err := w.keyAt(kc, r)
			if err != nil {
				return dest, err
			}
			d := max(k, 0) % n
			dest = append(dest, int32(d))
			staging[d].cols[w.pcol].AppendFrom(kc, r)
		}
		if kc.T.Storage() == value.StString {
			clear(kc.Str)
		}
	}
	vecs := make([]*value.Vector, len(staging))
	for j := range w.cols {
		if j == w.pcol {
			continue
		}
		for k, st := range staging {
			vecs[k] = st.cols[j]
		}
		if err := convertColumn(&s.cols[j], &w.cols[j], s.rows, dest, vecs); err != nil {
			return dest, err
		}
	}
	return dest, nil
}

// keyAt is the routing key of element r of the converted routing column.
func (w *Writer) keyAt(v *value.Vector, r int) (int, error) {
	if h, ok := w.route.(*hashRouter); ok {
		switch h.t {
		case value.Int:
			if x := v.I32[r]; x != value.NullInt32 {
				return int(uint64(uint32(x)) % uint64(h.n)), nil
			}
			return -1, nil
		case value.Long:
			if x := v.I64[r]; x != value.NullInt64 {
				return int(uint64(x) % uint64(h.n)), nil
			}
			return -1, nil
		case value.String, value.Symbol:
			s := value.Scalar{T: h.t, S: v.StrAt(r)}
			return int(partition.HashBucketScalar(&s, h.n)), nil
		}
	}
	return w.route.key(cellAt(v, r))
}

// firstFailure is the error of the first value of s, in row order, that
// fails conversion or routing: the one a row-by-row conversion reports.
func (w *Writer) firstFailure(s *seg) error {
	rds := make([]rawReader, len(s.cols))
	for j := range rds {
		rds[j].rc = &s.cols[j]
	}
	vals := make([]rawVal, len(s.cols))
	for r := 0; r < s.rows; r++ {
		for j := range rds {
			vals[j] = rds[j].next(r)
		}
		if w.route != nil {
			col := &w.cols[w.pcol]
			c, err := vals[w.pcol].toCell(col.t, col.scale)
			if err != nil {
				return err
			}
			if _, err := w.route.key(c); err != nil {
				return err
			}
		}
		for j, v := range vals {
			if j == w.pcol {
				continue
			}
			if _, err := v.toCell(w.cols[j].t, w.cols[j].scale); err != nil {
				return err
			}
		}
	}
	return errors.New("conversion failed")
}

// convertColumn converts the queued values of one column and appends row
// r to vecs[dest[r]] (vecs[0] when dest is empty), directly for the
// common pairs of Go value and column type, otherwise through toCell.
func convertColumn(rc *rawCol, col *column, rows int, dest []int32, vecs []*value.Vector) error {
	// Column types a string, or an integer in range, is copied into as
	// is (fromString, fromInt).
	t := col.t
	var isStr, isInt, isLong bool
	switch t {
	case value.String, value.Symbol, value.Blob:
		isStr = true
	case value.Int, value.Date, value.Month, value.Time, value.Minute, value.Second, value.DateTime, value.DateHour:
		isInt = true
	case value.Long, value.Timestamp, value.NanoTime, value.NanoTimestamp:
		isLong = true
	}
	routed := len(dest) > 0
	v := vecs[0]
	rd := rawReader{rc: rc}
	for r := 0; r < rows; r++ {
		if routed {
			v = vecs[dest[r]]
		}
		switch rc.kinds[r] {
		case kString:
			if isStr {
				v.Str = append(v.Str, rc.strs[rd.si])
				rd.si++
				continue
			}
		case kInt32:
			if isInt {
				v.I32 = append(v.I32, int32(rc.nums[rd.ni]))
				rd.ni++
				continue
			}
			if isLong {
				v.I64 = append(v.I64, int64(int32(rc.nums[rd.ni])))
				rd.ni++
				continue
			}
		case kInt, kInt64:
			if isLong {
				v.I64 = append(v.I64, int64(rc.nums[rd.ni]))
				rd.ni++
				continue
			}
			if x := int64(rc.nums[rd.ni]); isInt && x >= math.MinInt32 && x <= math.MaxInt32 {
				v.I32 = append(v.I32, int32(x))
				rd.ni++
				continue
			}
		case kFloat64:
			if t == value.Double {
				f := math.Float64frombits(rc.nums[rd.ni])
				if f != f {
					f = value.NullFloat64
				}
				v.F64 = append(v.F64, f)
				rd.ni++
				continue
			}
		case kTime:
			if t == value.Timestamp {
				tm := &rc.times[rd.ti]
				if sec := tm.Unix(); tm.Location() == time.UTC && sec < math.MaxInt64/1000-1 && sec > math.MinInt64/1000+1 {
					v.I64 = append(v.I64, sec*1000+int64(tm.Nanosecond())/1e6)
					rd.ti++
					continue
				}
			}
		case kNil:
			if !t.IsArray() {
				v.AppendNull()
				continue
			}
		}
		c, err := rd.next(r).toCell(t, col.scale)
		if err != nil {
			return err
		}
		appendCell(v, &c)
	}
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
// conversion, then the rows not converted yet (the values as inserted;
// the Writer keeps copies, not the caller's values, so a value of a type
// no column accepts at all, such as a struct other than time.Time and
// Decimal, a map or a function, comes back as its type's zero value,
// which fails conversion the same way). It may be called while the
// writer runs.
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
	for _, s := range w.convFailed {
		out = appendQueued(out, s)
	}
	w.convFailed = nil
	for _, s := range w.segs {
		out = appendQueued(out, s)
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

// appendQueued appends the rows of s as inserted.
func appendQueued(out [][]any, s *seg) [][]any {
	rds := make([]rawReader, len(s.cols))
	for j := range rds {
		rds[j].rc = &s.cols[j]
	}
	for r := 0; r < s.rows; r++ {
		row := make([]any, len(rds))
		for j := range rds {
			row[j] = rds[j].next(r).value()
		}
		out = append(out, row)
	}
	return out
}

// writerThread is one writer goroutine with its connection and queues.
type writerThread struct {
	w    *Writer
	conn *client.Conn
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

// push hands converted rows to the writer and returns an empty batch for
// the next segment: st itself once its rows are copied to the queue, or,
// when the queue is empty, the queue's batch, st taking its place
// without a copy.
func (t *writerThread) push(st *batch) *batch {
	t.mu.Lock()
	if n := t.queue.rows(); n == 0 {
		t.queue, st = st, t.queue
	} else {
		// Grow the queue at once to what a request takes (BatchSize
		// rows, or at most the request limit) rather than double it
		// segment after segment.
		need := n + st.rows()
		t.queue.reserve(max(need, min(2*need, t.w.maxBatch), min(t.w.cfg.BatchSize, t.w.maxBatch)))
		t.queue.appendBatch(st)
	}
	t.mu.Unlock()
	st.reset()
	t.signal()
	return st
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
	// Move the few rows over the limit rather than send a slice of the
	// queue: the batch sent keeps its capacity for reuse.
	b := t.queue
	rest := t.spare
	if rest == nil {
		rest = t.w.newBatch()
	}
	t.spare = nil
	rest.appendBatch(b.slice(t.w.maxBatch, n))
	b.truncate(t.w.maxBatch)
	t.queue = rest
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
	defer t.conn.Close()
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
	var arg value.Value = value.NewTable(w.names, b.cols)
	if w.methods != nil {
		arg = &client.CompressedTable{Table: arg.(*value.Table), Methods: w.methods}
	}
	_, err := t.conn.RunFunc(context.Background(), w.funcText, arg)
	var se *client.ServerError
	if errors.As(err, &se) {
		return ddberr.Errorf("Server Response: '%s' script: %s", se.Msg, w.funcText)
	}
	return err
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
