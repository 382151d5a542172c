// Package env holds DolphinDB's functions about the machine and process
// the server runs on: its environment variables and operating system
// (getEnv, getOS, getOSBit), its memory, CPU, load and disk I/O figures
// (mem, getMemoryStat, getSystemCpuUsage, getSystemLoadAvg,
// getDiskIOStat) and shell, which it refuses as DolphinDB does by default.
package env
