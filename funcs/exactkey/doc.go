// Package exactkey reads numeric and temporal vectors for the built-ins
// that only compare their elements (bins, sort keys, ranks, runs of
// records), keeping the distinctions a DOUBLE loses: LONGs past 2^53,
// NANOTIMESTAMPs a nanosecond apart, DECIMALs such as 1.001.
package exactkey
