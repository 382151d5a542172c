package engine

import (
	"errors"
	"fmt"
	"strconv"
	"time"

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
