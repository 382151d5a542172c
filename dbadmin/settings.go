package dbadmin

import (
	"errors"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The run-time settings below are kept per engine and reset on restart,
// as DolphinDB's online changes are. Porpoise stores one copy of each
// chunk, so there is never a replica to recover: getRecoveryTaskStatus
// is empty and the recovery worker count (recoveryWorkers, default 1)
// bounds work that never arises. TSDB chunks are sorted by the committing
// writer; the async-sorting switch records the choice.

func init() {
	funcs.Register(
		funcs.Spec{Name: "getRecoveryTaskStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getRecoveryTaskStatus)},
		funcs.Spec{Name: "getUnresolvedTxn", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getUnresolvedTxn)},
		funcs.Spec{Name: "getRecoveryWorkerNum", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getRecoveryWorkerNum)},
		funcs.Spec{Name: "resetRecoveryWorkerNum", Params: []string{"newWorkerNum"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(resetRecoveryWorkerNum)},
		funcs.Spec{Name: "enableTSDBAsyncSorting", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setFlag(func(s *state) { s.asyncSorting = true })},
		funcs.Spec{Name: "disableTSDBAsyncSorting", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setFlag(func(s *state) { s.asyncSorting = false })},
		funcs.Spec{Name: "enableQueryMonitor", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setFlag(func(s *state) { s.queryMonitor = true })},
		funcs.Spec{Name: "disableQueryMonitor", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setFlag(func(s *state) { s.queryMonitor = false })},
		funcs.Spec{Name: "setReservedMemSize", Params: []string{"memSizeGB"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(setReservedMemSize)},
		funcs.Spec{Name: "setMaxBlockSizeForReservedMemory", Params: []string{"blockSizeKB"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(setMaxBlockSize)},
	)
}

func getRecoveryTaskStatus(_ Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	return value.NewTable([]string{"TaskId", "TaskType", "ChunkId", "ChunkPath", "Source", "Dest", "Status", "AttemptCount", "DeleteSource",
		"StartTime", "LastDequeueTime", "LastStartTime", "FinishTime", "IsIncrementalRecovery", "IsAsyncRecovery",
		"ChangeFromIncrementalToFull", "ChangeToSyncTime", "FailureReason"},
		funcs.NewColumns(0, value.String, value.String, value.String, value.String, value.String, value.String, value.String, value.Int, value.Bool,
			value.Timestamp, value.Timestamp, value.Timestamp, value.Timestamp, value.Bool, value.Bool,
			value.Bool, value.Timestamp, value.String)), nil
}

// getUnresolvedTxn lists the transactions left in two-phase commit's
// resolution. Porpoise commits a transaction as one atomic, fsynced
// Pebble batch on its one node (see package storage): after a crash it
// is wholly there or wholly absent, never in doubt, so the list is
// always empty. Administrators only, as the page says.
func getUnresolvedTxn(_ Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	if err := funcs.RequireAdmin(env, "getUnresolvedTxn"); err != nil {
		return nil, err
	}
	return value.NewTable([]string{"tid", "cid", "chunkId", "initiatingNode", "firstResolutionAt", "lastResolutionAt"},
		funcs.NewColumns(0, value.Long, value.Long, value.String, value.String, value.Timestamp, value.Timestamp)), nil
}

func getRecoveryWorkerNum(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	st := stateOf(h)
	st.mu.Lock()
	defer st.mu.Unlock()
	return value.NewInt(int32(st.recoveryWorkers)), nil
}

func resetRecoveryWorkerNum(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.IntArg("resetRecoveryWorkerNum", "newWorkerNum", args[0], 0)
	if err != nil {
		return nil, err
	}
	if n <= 0 || n > math.MaxInt32 {
		return nil, ddberr.Errorf("The argument [newWorkerNum] of resetRecoveryWorkerNum must be a positive integer.")
	}
	update(h, func(s *state) { s.recoveryWorkers = int(n) })
	return nil, nil
}

func setFlag(set func(*state)) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
		update(h, set)
		return nil, nil
	})
}

func setReservedMemSize(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	gb, ok := funcs.PositiveArg(args[0])
	if max := h.MaxMemSizeGB(); !ok || max > 0 && gb > max*0.5 {
		return nil, errors.New("memSizeGB must be positive and not exceed maxMemSize * 0.5.")
	}
	update(h, func(s *state) { s.reservedMemGB = gb })
	return nil, nil
}

func setMaxBlockSize(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	kb, ok := funcs.PositiveArg(args[0])
	if !ok {
		return nil, errors.New("blockSizeKB must be a positive number.")
	}
	update(h, func(s *state) { s.maxBlockKB = kb })
	return nil, nil
}
