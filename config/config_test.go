package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSetNumbers(t *testing.T) {
	for _, tc := range []struct {
		key, val string
		get      func(Config) any
		want     any
	}{
		{"maxMemSize", "0", func(c Config) any { return c.MaxMemSize }, 0.0},
		{"maxMemSize", "2.5", func(c Config) any { return c.MaxMemSize }, 2.5},
		{"maxConnections", "65535", func(c Config) any { return c.MaxConnections }, 65535},
		{"maxPubQueueDepthPerSite", "7", func(c Config) any { return c.MaxPubQueueDepthPerSite }, 7},
		{"tcpUserTimeout", "0", func(c Config) any { return c.TCPUserTimeout }, 0},
		{"memLimitOfQueryResult", "0.5", func(c Config) any { return c.MemLimitOfQueryResult }, 0.5},
		{"memLimitOfTaskGroupResult", "2", func(c Config) any { return c.MemLimitOfTaskGroupResult }, 2.0},
		{"memLimitOfTempResult", "3", func(c Config) any { return c.MemLimitOfTempResult }, 3.0},
		{"memLimitOfAllTempResults", "4", func(c Config) any { return c.MemLimitOfAllTempResults }, 4.0},
		{"failedLoginAttempts", "0", func(c Config) any { return c.FailedLoginAttempts }, 0},
		{"batchJobFileRetentionTime", "1.5", func(c Config) any { return c.BatchJobFileRetentionTime }, 1.5},
		{"failedLoginLockTime", "3", func(c Config) any { return c.FailedLoginLockTime }, 3 * time.Minute},
	} {
		c := Default()
		require.NoError(t, c.Set(tc.key, " "+tc.val+" "), tc.key)
		require.Equal(t, tc.want, tc.get(c), tc.key)
	}
}

func TestSetRejectsBadNumbers(t *testing.T) {
	for _, tc := range []struct{ key, val, want string }{
		{"maxMemSize", "-1", `invalid value "-1" for configuration maxMemSize`},
		{"maxConnections", "0", `invalid value "0" for configuration maxConnections (a positive integer less than 65536)`},
		{"maxConnections", "65536", `invalid value "65536" for configuration maxConnections (a positive integer less than 65536)`},
		{"maxPubQueueDepthPerSite", "0", `invalid value "0" for configuration maxPubQueueDepthPerSite (a positive number of messages)`},
		{"tcpUserTimeout", "-1", `invalid value "-1" for configuration tcpUserTimeout (milliseconds)`},
		{"tcpUserTimeout", "1.5", `invalid value "1.5" for configuration tcpUserTimeout (milliseconds)`},
		{"memLimitOfTempResult", "0", `invalid value "0" for configuration memLimitOfTempResult (a positive number of GB)`},
		{"memLimitOfAllTempResults", "NaN", `invalid value "NaN" for configuration memLimitOfAllTempResults (a positive number of GB)`},
		{"failedLoginAttempts", "-2", `invalid value "-2" for configuration failedLoginAttempts`},
		{"batchJobFileRetentionTime", "x", `invalid value "x" for configuration batchJobFileRetentionTime (days)`},
		{"failedLoginLockTime", "0", `invalid value "0" for configuration failedLoginLockTime`},
		{"enableNullSafeJoin", "maybe", `invalid value "maybe" for configuration enableNullSafeJoin`},
	} {
		c := Default()
		require.EqualError(t, c.Set(tc.key, tc.val), tc.want, tc.key)
	}
}
