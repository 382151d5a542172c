package engine

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	reg("getConfig", p("key"), 0, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		cfg := in.s.eng.cfg
		all := map[string]string{
			"newValuePartitionPolicy":             cfg.NewValuePartitionPolicy,
			"allowMissingPartitions":              fmt.Sprint(cfg.AllowMissingPartitions),
			"enableInsertStatementForDFSTable":    fmt.Sprint(cfg.EnableInsertStatementForDFSTable),
			"ignoreSpecialCharacterInPartitionId": fmt.Sprint(cfg.IgnoreSpecialCharacterInPartitionId),
			"appendTupleAsAWhole":                 fmt.Sprint(cfg.AppendTupleAsAWhole),
			"enableNullSafeJoin":                  fmt.Sprint(cfg.EnableNullSafeJoin),
			"enableChunkGranularityConfig":        fmt.Sprint(cfg.EnableChunkGranularityConfig),
			"maxMemSize":                          strconv.FormatFloat(in.s.eng.maxMemSizeGB(), 'g', -1, 64),
			"enhancedSecurityVerification":        fmt.Sprint(cfg.EnhancedSecurityVerification),
			"failedLoginAttempts":                 fmt.Sprint(cfg.FailedLoginAttempts),
			"failedLoginLockTime":                 fmt.Sprint(int64(cfg.FailedLoginLockTime / time.Minute)),
		}
		if len(args) == 0 {
			d := value.NewDict(value.String, value.String)
			for k, v := range all {
				d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewStrings(value.String, []string{v}), 0)
			}
			return d, nil
		}
		key, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The configuration key must be a string.")
		}
		v, ok := all[key]
		if !ok {
			return value.NullScalar(value.String), nil
		}
		return value.NewString(v), nil
	})
}

// hashBucketValue is hashBucket(X, buckets), bit-exact with DolphinDB.
func hashBucketValue(x, buckets value.Value) (value.Value, error) {
	n, err := intArg(buckets, "hashBucket")
	if err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, errors.New("The number of buckets must be positive.")
	}
	switch v := x.(type) {
	case *value.Scalar:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInt(partition.HashBucketScalar(v, int(n))), nil
	case *value.Vector:
		if !partition.Hashable(v.T) {
			return nil, fmt.Errorf("hashBucket doesn't support data type %s.", v.T)
		}
		return value.NewInts(partition.HashBucket(v, int(n))), nil
	}
	return nil, errors.New("The first argument of hashBucket must be a scalar or vector.")
}
