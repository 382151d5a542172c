package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Config holds the server configuration keys that change append
// behaviour (DolphinDB's dolphindb.cfg keys of the same names), set per
// engine.
type Config struct {
	NewValuePartitionPolicy             string // skip (default), add or fail
	AllowMissingPartitions              bool
	EnableInsertStatementForDFSTable    bool
	IgnoreSpecialCharacterInPartitionId bool
	AppendTupleAsAWhole                 bool
	EnableNullSafeJoin                  bool
	EnableChunkGranularityConfig        bool
	// MaxMemSize caps the memory a script may allocate, in GB (dolphindb.cfg
	// maxMemSize); 0 means DolphinDB's default of no configured cap, where
	// we still refuse allocations past 80% of physical memory so a script
	// can't get the process killed.
	MaxMemSize float64
	// EnhancedSecurityVerification turns on the password complexity rules
	// (dolphindb.cfg enhancedSecurityVerification).
	EnhancedSecurityVerification bool
	// FailedLoginAttempts wrong passwords within a minute lock a user out
	// from that client address for FailedLoginLockTime; 0 turns the
	// lockout off (failedLoginAttempts, failedLoginLockTime in minutes).
	FailedLoginAttempts int
	FailedLoginLockTime time.Duration
	// MaxConnections caps the client connections (dolphindb.cfg
	// maxConnections; DolphinDB's Linux default is 512).
	MaxConnections int
	// MaxPubQueueDepthPerSite is how many messages a network subscriber
	// may fall behind before its connection is closed
	// (maxPubQueueDepthPerSite, default 10,000,000).
	MaxPubQueueDepthPerSite int
	// TCPUserTimeout is the TCP_USER_TIMEOUT of client connections in
	// milliseconds (tcpUserTimeout, default 300000): a peer that stops
	// acknowledging data is dropped after it.
	TCPUserTimeout int
	// The memory limits of dolphindb.cfg, in GB; 0 means DolphinDB's
	// default derived from maxMemSize (see package memlimit).
	MemLimitOfQueryResult     float64
	MemLimitOfTaskGroupResult float64
	MemLimitOfTempResult      float64
	MemLimitOfAllTempResults  float64
	// BatchJobDir is where submitJob results and messages are kept
	// (batchJobDir); empty means <data-dir>/batchJobs, or a temporary
	// directory for an in-memory engine.
	BatchJobDir string
	// BatchJobFileRetentionTime is how long job files are kept, in days
	// (batchJobFileRetentionTime); 0 keeps them.
	BatchJobFileRetentionTime float64
	// ModuleDir is where module files are (moduleDir); empty means
	// DolphinDB's default, modules under the home directory, and a
	// relative directory is under the home directory too.
	ModuleDir string
	// PreloadModules are the modules loaded system-wide at start
	// (preloadModules, a comma-separated list).
	PreloadModules []string
	// ResourceSamplingInterval is how often, in seconds, resource
	// tracking samples each user's use (resourceSamplingInterval); not
	// positive, DolphinDB's default -1, turns tracking off.
	ResourceSamplingInterval int
	// IMOLTP is the in-memory OLTP engine's configuration (the IMOLTP
	// keys of db_distr_comp/cfg/function_configuration.md).
	IMOLTP IMOLTP
}

// IMOLTP is the in-memory OLTP engine's configuration.
type IMOLTP struct {
	// Enable is enableIMOLTPEngine. DolphinDB's default is false;
	// Porpoise's is true, as the engine costs nothing until used.
	Enable bool
	// Redo is enableIMOLTPRedo (default true): changes are logged to
	// the redo file, RedoFilePath (IMOLTPRedoFilePath, relative to
	// <home>/IMOLTP; "" is im_oltp.redo).
	Redo         bool
	RedoFilePath string
	// SyncOnTxnCommit is IMOLTPSyncOnTxnCommit (default false): a
	// commit syncs the redo file to the disk.
	SyncOnTxnCommit bool
	// Checkpoint is enableIMOLTPCheckpoint (default true), written to
	// CheckpointFilePath (IMOLTPCheckpointFilePath, "" is im_oltp.ckp)
	// when the redo file passes CheckpointThreshold MiB
	// (IMOLTPCheckpointThreshold, default 100) or CheckpointInterval
	// seconds passed since the last one (IMOLTPCheckpointInterval,
	// default 60).
	Checkpoint          bool
	CheckpointFilePath  string
	CheckpointThreshold int64
	CheckpointInterval  int64
}

// ErrUnknownKey is wrapped by Set's error for a key Porpoise does not
// implement, so a dolphindb.cfg loader can warn about it and go on.
var ErrUnknownKey = errors.New("unknown configuration key")

// Default is DolphinDB's default configuration.
func Default() Config {
	return Config{
		NewValuePartitionPolicy:             "skip",
		AllowMissingPartitions:              true,
		IgnoreSpecialCharacterInPartitionId: true,
		AppendTupleAsAWhole:                 true,
		FailedLoginAttempts:                 5,
		FailedLoginLockTime:                 10 * time.Minute,
		MaxConnections:                      512,
		MaxPubQueueDepthPerSite:             10_000_000,
		TCPUserTimeout:                      300000,
		MemLimitOfTempResult:                1,
		ResourceSamplingInterval:            -1,
		IMOLTP: IMOLTP{Enable: true, Redo: true, Checkpoint: true,
			CheckpointThreshold: 100, CheckpointInterval: 60},
	}
}

// Set assigns one configuration key by its dolphindb.cfg name; unknown
// keys and bad values are errors.
func (c *Config) Set(key, val string) error {
	val = strings.TrimSpace(val)
	bad := func(hint string) error {
		return fmt.Errorf("invalid value %q for configuration %s%s", val, key, hint)
	}
	b := func(dst *bool) error {
		x, err := strconv.ParseBool(strings.ToLower(val))
		if err != nil {
			return bad("")
		}
		*dst = x
		return nil
	}
	// integer sets *dst when val is an integer in [lo, hi], number when
	// it is a number >= 0 (> 0 when positive); hint follows the key in
	// the error.
	integer := func(dst *int, lo, hi int, hint string) error {
		x, err := strconv.Atoi(val)
		if err != nil || x < lo || x > hi {
			return bad(hint)
		}
		*dst = x
		return nil
	}
	number := func(dst *float64, positive bool, hint string) error {
		x, err := strconv.ParseFloat(val, 64)
		if err != nil || x < 0 || positive && !(x > 0) {
			return bad(hint)
		}
		*dst = x
		return nil
	}
	switch key {
	case "newValuePartitionPolicy":
		switch val {
		case "add", "skip", "fail":
			c.NewValuePartitionPolicy = val
			return nil
		}
		return fmt.Errorf("invalid value %q for configuration newValuePartitionPolicy (add, skip or fail)", val)
	case "allowMissingPartitions":
		return b(&c.AllowMissingPartitions)
	case "enableInsertStatementForDFSTable":
		return b(&c.EnableInsertStatementForDFSTable)
	case "ignoreSpecialCharacterInPartitionId":
		return b(&c.IgnoreSpecialCharacterInPartitionId)
	case "appendTupleAsAWhole":
		return b(&c.AppendTupleAsAWhole)
	case "enableNullSafeJoin":
		return b(&c.EnableNullSafeJoin)
	case "maxMemSize":
		return number(&c.MaxMemSize, false, "")
	case "maxConnections":
		return integer(&c.MaxConnections, 1, 1<<16-1, " (a positive integer less than 65536)")
	case "maxPubQueueDepthPerSite":
		return integer(&c.MaxPubQueueDepthPerSite, 1, math.MaxInt, " (a positive number of messages)")
	case "tcpUserTimeout":
		return integer(&c.TCPUserTimeout, 0, math.MaxInt, " (milliseconds)")
	case "memLimitOfQueryResult":
		return number(&c.MemLimitOfQueryResult, true, " (a positive number of GB)")
	case "memLimitOfTaskGroupResult":
		return number(&c.MemLimitOfTaskGroupResult, true, " (a positive number of GB)")
	case "memLimitOfTempResult":
		return number(&c.MemLimitOfTempResult, true, " (a positive number of GB)")
	case "memLimitOfAllTempResults":
		return number(&c.MemLimitOfAllTempResults, true, " (a positive number of GB)")
	case "enableChunkGranularityConfig":
		return b(&c.EnableChunkGranularityConfig)
	case "enhancedSecurityVerification":
		return b(&c.EnhancedSecurityVerification)
	case "failedLoginAttempts":
		return integer(&c.FailedLoginAttempts, 0, math.MaxInt, "")
	case "batchJobDir":
		c.BatchJobDir = val
		return nil
	case "moduleDir":
		c.ModuleDir = val
		return nil
	case "preloadModules":
		c.PreloadModules = nil
		for _, m := range strings.Split(val, ",") {
			if m = strings.TrimSpace(m); m != "" {
				c.PreloadModules = append(c.PreloadModules, m)
			}
		}
		return nil
	case "batchJobFileRetentionTime":
		return number(&c.BatchJobFileRetentionTime, false, " (days)")
	case "resourceSamplingInterval":
		return integer(&c.ResourceSamplingInterval, math.MinInt, math.MaxInt, " (seconds)")
	case "enableIMOLTPEngine":
		return b(&c.IMOLTP.Enable)
	case "enableIMOLTPRedo":
		return b(&c.IMOLTP.Redo)
	case "IMOLTPRedoFilePath":
		c.IMOLTP.RedoFilePath = val
		return nil
	case "IMOLTPSyncOnTxnCommit":
		return b(&c.IMOLTP.SyncOnTxnCommit)
	case "enableIMOLTPCheckpoint":
		return b(&c.IMOLTP.Checkpoint)
	case "IMOLTPCheckpointFilePath":
		c.IMOLTP.CheckpointFilePath = val
		return nil
	case "IMOLTPCheckpointThreshold", "IMOLTPCheckpointInterval":
		var n int
		if err := integer(&n, 0, math.MaxInt, ""); err != nil {
			return err
		}
		if key == "IMOLTPCheckpointThreshold" {
			c.IMOLTP.CheckpointThreshold = int64(n)
		} else {
			c.IMOLTP.CheckpointInterval = int64(n)
		}
		return nil
	case "failedLoginLockTime":
		var minutes int
		if err := integer(&minutes, 1, math.MaxInt, ""); err != nil {
			return err
		}
		c.FailedLoginLockTime = time.Duration(minutes) * time.Minute
		return nil
	}
	return fmt.Errorf("%w %q", ErrUnknownKey, key)
}

// Settings is the configuration as getConfig shows it, by key; the
// engine adds the keys it derives (maxMemSize, moduleDir, ...).
func (c Config) Settings() map[string]string {
	return map[string]string{
		"newValuePartitionPolicy":             c.NewValuePartitionPolicy,
		"allowMissingPartitions":              fmt.Sprint(c.AllowMissingPartitions),
		"enableInsertStatementForDFSTable":    fmt.Sprint(c.EnableInsertStatementForDFSTable),
		"ignoreSpecialCharacterInPartitionId": fmt.Sprint(c.IgnoreSpecialCharacterInPartitionId),
		"appendTupleAsAWhole":                 fmt.Sprint(c.AppendTupleAsAWhole),
		"enableNullSafeJoin":                  fmt.Sprint(c.EnableNullSafeJoin),
		"enableChunkGranularityConfig":        fmt.Sprint(c.EnableChunkGranularityConfig),
		"enhancedSecurityVerification":        fmt.Sprint(c.EnhancedSecurityVerification),
		"failedLoginAttempts":                 fmt.Sprint(c.FailedLoginAttempts),
		"failedLoginLockTime":                 fmt.Sprint(int64(c.FailedLoginLockTime / time.Minute)),
		"preloadModules":                      strings.Join(c.PreloadModules, ","),
		"maxPubQueueDepthPerSite":             strconv.Itoa(c.MaxPubQueueDepthPerSite),
		"resourceSamplingInterval":            strconv.Itoa(c.ResourceSamplingInterval),
		"enableIMOLTPEngine":                  fmt.Sprint(c.IMOLTP.Enable),
		"enableIMOLTPRedo":                    fmt.Sprint(c.IMOLTP.Redo),
		"IMOLTPRedoFilePath":                  c.IMOLTP.RedoFilePath,
		"IMOLTPSyncOnTxnCommit":               fmt.Sprint(c.IMOLTP.SyncOnTxnCommit),
		"enableIMOLTPCheckpoint":              fmt.Sprint(c.IMOLTP.Checkpoint),
		"IMOLTPCheckpointFilePath":            c.IMOLTP.CheckpointFilePath,
		"IMOLTPCheckpointThreshold":           strconv.FormatInt(c.IMOLTP.CheckpointThreshold, 10),
		"IMOLTPCheckpointInterval":            strconv.FormatInt(c.IMOLTP.CheckpointInterval, 10),
	}
}
