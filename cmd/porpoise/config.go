package main

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/config"
)

// cfgFile is what a dolphindb.cfg file says beyond config.Config: the
// port of localSite, and the warnings about keys that were ignored.
type cfgFile struct {
	// Port is localSite's port, 0 when the file has no localSite.
	Port int
	// LogLevel is DolphinDB's logLevel key (DEBUG, INFO, WARNING, ERROR),
	// "" when absent.
	LogLevel string
	// LogFile is the server log's path (logFile), "" when absent.
	LogFile string
	// MaxLogSizeMB archives the log at this size (maxLogSize, at least
	// 100), 0 when absent.
	MaxLogSizeMB int64
	// LogRetentionDays is how long archived logs are kept
	// (logRetentionTime, 0 keeps them), nil when absent.
	LogRetentionDays *float64
	Warnings         []string
}

// loadConfig reads a dolphindb.cfg file into cfg: key=value lines, blank
// lines and lines starting with # ignored. Keys Porpoise implements are
// applied (a bad value is an error); localSite gives the port; every other
// key, DolphinDB's cluster and tuning keys as well as misspellings, is
// warned about once and ignored, as a real DolphinDB configuration must
// load unchanged. A line without '=' is an error.
func loadConfig(path string, cfg *config.Config) (cfgFile, error) {
	var out cfgFile
	f, err := os.Open(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	warned := map[string]bool{}
	warn := func(n int, key, why string) {
		if warned[key] {
			return
		}
		warned[key] = true
		out.Warnings = append(out.Warnings, fmt.Sprintf("%s:%d: ignoring %s (%s)", path, n, key, why))
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			return out, fmt.Errorf("%s:%d: expected key=value, got %q", path, n, line)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if key == "localSite" {
			port, err := localSitePort(val)
			if err != nil {
				return out, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			out.Port = port
			continue
		}
		if ok, err := out.setLogKey(key, val); ok {
			if err != nil {
				return out, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			continue
		}
		// cluster.cfg qualifies keys by node alias ("node1.volumes=...");
		// Porpoise is a single node, so those never apply.
		if alias, _, ok := strings.Cut(key, "."); ok && alias != "" {
			warn(n, key, "per-node keys of a cluster have no effect on a single node")
			continue
		}
		err := cfg.Set(key, val)
		switch {
		case err == nil:
		case errors.Is(err, config.ErrUnknownKey):
			if why, ok := noEffectKeys[key]; ok {
				warn(n, key, why)
			} else {
				warn(n, key, "unknown configuration key")
			}
		default:
			return out, fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return out, sc.Err()
}

// setLogKey applies the server log's keys (db_distr_comp/cfg/
// function_configuration.md, "日志"); ok is false for other keys.
func (out *cfgFile) setLogKey(key, val string) (ok bool, err error) {
	switch key {
	case "logLevel":
		if _, err := parseLogLevel(val); err != nil {
			return true, err
		}
		out.LogLevel = val
	case "logFile":
		out.LogFile = val
	case "maxLogSize":
		mb, err := strconv.ParseInt(val, 10, 64)
		if err != nil || mb <= 0 {
			return true, fmt.Errorf("invalid maxLogSize %q: expected a positive number of megabytes", val)
		}
		// standalone.md: the least maxLogSize is 100
		out.MaxLogSizeMB = max(mb, 100)
	case "logRetentionTime":
		days, err := strconv.ParseFloat(val, 64)
		if err != nil || days < 0 || math.IsInf(days, 0) || math.IsNaN(days) {
			return true, fmt.Errorf("invalid logRetentionTime %q: expected a non-negative number of days", val)
		}
		out.LogRetentionDays = &days
	default:
		return false, nil
	}
	return true, nil
}

// localSitePort returns the port of a localSite value, host:port:alias.
func localSitePort(val string) (int, error) {
	parts := strings.Split(val, ":")
	if len(parts) != 3 {
		return 0, fmt.Errorf("invalid localSite %q: expected host:port:alias", val)
	}
	port, err := strconv.Atoi(parts[1])
	if err != nil || port < 0 || port > 65535 {
		return 0, fmt.Errorf("invalid localSite %q: bad port %q", val, parts[1])
	}
	return port, nil
}

// noEffectKeys are DolphinDB configuration keys that are accepted and
// ignored, with the reason the warning gives. Keys not listed here and
// unknown to config.Config are warned about as unknown.
var noEffectKeys = func() map[string]string {
	m := map[string]string{}
	add := func(why string, keys ...string) {
		for _, k := range keys {
			m[k] = why
		}
	}
	add("cluster-only key; porpoise is a single node",
		"mode", "controllerSite", "sites", "clusterName", "lanCluster", "dfsReplicationFactor",
		"dfsReplicaReliabilityLevel", "dataSync", "datanodeRestartInterval", "datanodeRestartLevel",
		"dfsHAMode", "raftElectionTick", "maxConnectionPerSite", "computeGroup", "enableClientAuth")
	add("no effect in porpoise: requests run on the connection's goroutine",
		"workerNum", "localExecutors", "webWorkerNum", "maxBatchJobWorker", "maxDynamicWorker",
		"recoveryWorkers", "subExecutors", "persistenceWorkerNum", "maxPubConnections")
	add("no effect in porpoise: dfs:// data lives in --data-dir",
		"volumes", "home", "dfsMetaDir", "chunkMetaDir", "redoLogDir", "TSDBRedoLogDir", "persistenceDir",
		"jobLogFile")
	add("no effect in porpoise: Pebble manages its own caches",
		"chunkCacheEngineMemSize", "OLAPCacheEngineSize", "TSDBCacheEngineSize",
		"regularArrayMemoryLimit", "maxPartitionNumPerQuery")
	add("no effect in porpoise: it subscribes to no other node, and publishes at most 1024 rows per message",
		"subPort", "subThrottle", "maxMsgNumPerBlock", "maxPersistenceQueueDepth", "maxSubQueueDepth")
	add("no effect in porpoise", "timezone", "startup", "postStart",
		"enableHTTPS", "enableCoreDump", "disableCoreDumpOnShutdown")
	return m
}()
