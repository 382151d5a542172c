// Package conformance runs `.test` files (a sqllogictest-style format:
// records of a script and its expected error or printed value) against an embedded engine or a server address, rendering
// values as the format prescribes and counting passes, failures and skips.
//
// Besides statement and query records, three additions:
//
// Call records exercise the function-call path the clients use
// (run(name, args...)): the function is called by name with argument
// values, which travel as uploaded objects over the wire rather than as
// script. Each line of the record is one argument expression, evaluated in
// the file's session first:
//
//	call binsrch
//	1..100
//	12 6 88 102
//	----
//	[11,5,87,-1]
//
//	call nosuchfunc error Can't recognize function name nosuchfunc
//	1
//
// `call NAME` takes the query options (rowsort, new); `call NAME error
// TEXT` must fail with an error containing TEXT. A call without arguments
// has no argument lines (`call version` followed by `----`).
//
// Request records send a raw protocol request, as a client writes it,
// on a connection of their own (the file's session is not disturbed) and
// check the reply; they reach what no script can, such as a malformed
// header or body. The record's lines are the request, joined by LF; the
// escapes \n, \r, \t, \\ and \xNN give any byte, and $LEN in the
// header line is replaced by the length of the body that follows it. A
// line $ARGS ends the body; the lines after it, concatenated without
// separators, are a function or variable request's serialized arguments:
//
//	request error Invalid request body length: "x"
//	API 0 x
//	script
//
//	request ok
//	API 0 $LEN
//	script
//	1+1
//
//	request error Invalid variable name "1a".
//	API 0 $LEN
//	variable
//	1a
//	1
//	1\n
//	$ARGS
//	\x04\x00\x01\x00\x00\x00
//
// `request error TEXT` must fail with an error containing TEXT (the
// server's reply, or the connection ending without one), `request ok`
// must be answered. In-process runs serve the file's engine on a loopback
// port for them; remote runs connect to the server's address.
//
// Files a record needs (module files under modules/, texts to load) are
// written by earlier records with the file functions (mkdir,
// saveTextFile), whose relative paths are under the home directory: a
// fresh scratch directory per file in-process, the data directory of the
// server remotely (modules.test writes its modules so).
//
// `config persistenceDir PATH` (any PATH) runs the file where stream
// tables persist: in process, against an engine with a temporary data
// directory, removed when the file ends; remotely, on a server whose
// persistenceDir is set to any directory.
//
// Rewriting goldens: a query or call record marked `new` (`query new`,
// `query rowsort new`, `call NAME new`) fails in a normal run; running
//
//	go test ./conformance -run TestSuiteInProcess -rewrite
//
// (or RewriteFile) executes such records, writes their rendered output
// after `----` and drops the marker, in place. Records not marked new are
// never rewritten, so a changed golden always shows up as a failure and in
// the diff. A golden taken from DolphinDB's manual must still be checked
// against the page: rewriting records what Porpoise prints.
//
// Matrices render like tables: a header of column labels (#0, #1, ...
// without labels) and, for a matrix with row labels, a leading "label"
// column. A set renders as set(a,b,...) with its elements ascending, as
// a dictionary's keys are: DolphinDB prints a set in its hash order.
package conformance
