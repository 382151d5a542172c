// Package scramtest computes the client side of a SCRAM-SHA-256 login as
// DolphinDB's C++ API does, for the tests of the server's SCRAM
// exchange.
//
// It is imported by _test.go files only and imports nothing of
// Porpoise's.
package scramtest
