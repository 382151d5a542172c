// Package crashtest runs a test binary's own child test in a separate
// process and kills it with SIGKILL, for the crash-recovery tests of
// storage, engine and server, and reads the size knobs (cycles, rounds,
// sessions) that those and the long-running bench tests take from the
// environment.
//
// It is imported by _test.go files only; it owns no Porpoise state and
// imports nothing of Porpoise's.
package crashtest
