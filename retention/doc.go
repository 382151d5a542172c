// Package retention keeps DFS databases' data retention policies
// (setRetentionPolicy) and enforces them: when the policy is set, when
// the engine starts and every hour after, it drops the partitions of a
// database whose whole time range, at the policy's DATE or DATEHOUR
// partition level, lies in [now - retentionHours - 10 days,
// now - retentionHours), as funcs/s/setRetentionPolicy.md describes.
//
// Policies are saved in retention.json in the data directory. Porpoise
// has no cold volumes, so hoursToColdVolume is checked and kept but moves
// nothing.
package retention
