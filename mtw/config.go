package mtw

import (
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/wire"
)

// Config holds the MultithreadedTableWriter parameters, named and meant as
// in the Python API.
type Config struct {
	// Host and Port address the server; UserID and Password log every
	// connection in (an empty UserID stays logged out).
	Host     string
	Port     int
	UserID   string
	Password string

	// DBPath is the DFS database ("dfs://valuedb3"), or "" for a shared
	// in-memory table; TableName is the DFS table, or the shared table's
	// name.
	DBPath    string
	TableName string

	// BatchSize is how many rows a writer waits for before sending; 0
	// means the Python default 1 (send as soon as rows arrive).
	BatchSize int
	// Throttle is how long a writer holding fewer than BatchSize rows
	// waits, from its first row, before sending them anyway (Python's
	// throttle in seconds). 0 means the Python default of one second. As
	// in Python it is truncated to whole milliseconds, so a positive value
	// under 1ms (e.g. time.Nanosecond) means "do not wait". Negative
	// values are rejected.
	Throttle time.Duration
	// ThreadCount is the number of writer goroutines, each with its own
	// connection; 0 means 1.
	ThreadCount int
	// PartitionCol routes rows to writers when ThreadCount > 1: a
	// partitioning column of a partitioned DFS table, or any column of an
	// in-memory table. Ignored when ThreadCount is 1.
	PartitionCol string
	// CompressMethods, when set, gives each column's transfer
	// compression: "LZ4" or "DELTA" (case-insensitive). DELTA applies to
	// SHORT, INT, LONG and the temporal and DECIMAL32/64 types; other
	// columns marked DELTA are sent LZ4-compressed, SYMBOL columns are
	// never compressed.
	CompressMethods []string
	// Mode is "Append" (tableInsert, the default when "") or "Upsert"
	// (upsert!), case-insensitive.
	Mode string
	// ModeOption are upsert!'s optional arguments as DolphinDB source
	// text, e.g. []string{"true", "`index"} for ignoreNull=true,
	// keyColNames=`index. Ignored in Append mode.
	ModeOption []string
	// EnableStreamTableTimestamp leaves the last column out of the rows
	// (the server fills it) when the server cannot tell which column of a
	// stream table is its timestamp.
	EnableStreamTableTimestamp bool
}

// Error is a failure of New. Error() is the text the Python API raises:
// "<Exception> in MultithreadedTableWriter: " followed by Msg, one of the
// Python API's texts (e.g. "Unsupported mtw mode MERGE").
type Error struct {
	Msg string
	// Err is the underlying cause (a dial or protocol error), if any.
	Err error
}

func (e *Error) Error() string { return "<Exception> in MultithreadedTableWriter: " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

func newError(msg string, cause error) *Error { return &Error{Msg: msg, Err: cause} }

// upsertMode etc. are the accepted modes.
const (
	modeAppend = "APPEND"
	modeUpsert = "UPSERT"
)

// checked is the configuration after the local validation of §1.1.
type checked struct {
	Config
	mode     string
	methods  []wire.Compression
	throttle time.Duration // truncated to ms
}

// validate runs the checks that need no server, in the Python order.
func validate(cfg Config) (*checked, error) {
	c := &checked{Config: cfg}
	c.mode = strings.ToUpper(cfg.Mode)
	switch c.mode {
	case "":
		c.mode = modeAppend
	case modeAppend, modeUpsert:
	default:
		return nil, newError("Unsupported mtw mode "+c.mode, nil)
	}
	for _, m := range cfg.CompressMethods {
		switch strings.ToUpper(m) {
		case "LZ4":
			c.methods = append(c.methods, wire.CompressLZ4)
		case "DELTA":
			c.methods = append(c.methods, wire.CompressDelta)
		default:
			return nil, newError("Unsupported compression method "+strings.ToUpper(m), nil)
		}
	}
	if c.ThreadCount == 0 {
		c.ThreadCount = 1
	}
	if c.BatchSize == 0 {
		c.BatchSize = 1
	}
	if c.Throttle == 0 {
		c.Throttle = time.Second
	}
	if c.ThreadCount < 1 {
		return nil, newError("The parameter threadCount must be greater than or equal to 1", nil)
	}
	if c.BatchSize < 1 {
		return nil, newError("The parameter batchSize must be greater than or equal to 1", nil)
	}
	if c.Throttle < 0 {
		return nil, newError("The parameter throttle must be greater than 0", nil)
	}
	c.throttle = c.Throttle.Truncate(time.Millisecond)
	if c.ThreadCount > 1 && c.PartitionCol == "" {
		return nil, newError("The parameter partitionCol must be specified when threadCount is greater than 1", nil)
	}
	return c, nil
}
