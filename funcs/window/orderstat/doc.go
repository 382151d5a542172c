// Package orderstat keeps the values of a sliding window in sorted order
// as rows enter and leave it, so the moving order statistics (median,
// percentile, median absolute deviation) read them without sorting every
// window afresh, cuts a sorted window's first rows by the TopN functions'
// tie rules, and keeps a cumulative TopN window's kept rows as rows enter,
// saying which entered and which were cut.
package orderstat
