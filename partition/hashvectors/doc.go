// Package hashvectors reads the spec's hashBucket test vectors
// (partition/testdata/hash-buckets.tsv) for the tests of every package that
// hashes values to buckets, so they check against one reading of one file.
//
// It owns only the file's format; what a row's literal means as a value is
// each test's business. Only tests import it.
package hashvectors
