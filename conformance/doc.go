// Package conformance runs `.test` files (the sqllogictest-style format of
// FORMAT.md) against an embedded engine or a server address, rendering
// values as the format prescribes and counting passes, failures and skips.
package conformance
