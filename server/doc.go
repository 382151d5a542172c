// Package server serves DolphinDB's binary protocol and the JavaScript API's WebSocket transport over an engine: connections, sessions and login.
//
// A Server accepts TCP connections on one port and tells the transports
// apart by their first bytes: "API" starts a binary API session (Go, C++,
// Python, Java clients); an HTTP method starts HTTP, served by net/http:
// a WebSocket upgrade (the JavaScript API and the web console, whose
// binary messages carry the same request bytes), the web console's page
// at /, Prometheus metrics at /metrics and, with Options.Pprof, Go's
// profiler at /debug/pprof/.
//
// Every connection owns one engine session, created when the connection is
// accepted and identified by the connection, never by the session id of the
// request header (the Go API sends an empty one, others stale ones). The
// session starts logged out; the clients log in as they do against
// DolphinDB:
//
//   - Go: the script login('user','password');
//   - C++/Python: SCRAM-SHA-256 first (scramClientFirst/scramClientFinal,
//     which succeed for users created with authMode="scram"; for the others
//     scramClientFirst answers "sha256 authMode doesn't support scram
//     authMode" and the client falls back), getDynamicPublicKey (an RSA
//     public key in PEM form), then
//     login(user, password, encrypted) with RSA-PKCS#1 v1.5 encrypted,
//     base64-encoded credentials, isNodeInitialized and version;
//   - JavaScript: "connect\nlogin\nuser\npassword" in the connect request.
//
// Requests are connect, script, function (the function text may be a
// partial application such as tableInsert{"t"}; the arguments fill its free
// parameters) and variable (uploads). Replies carry the result object
// encoded for the client: SYMBOL vectors as plain type 17 for the Go and
// JavaScript clients and as type 145 with symbol bases for C++/Python
// clients (recognised by the API-client flag 32 that they set on every
// request, or by the "API" request type of their connect). Errors are
// replied with the engine's text; print output is sent as MSG records
// before the reply. Requests with the async flag (4) are executed without
// any reply. The other header options are parsed and tolerated: with
// the Python pickle flag (8) a table result is sent as a pickle stream
// (pickle.AppendTable) and anything else in the binary form, which
// the Python API reads alike; the Python/q dialect flags are refused with
// an error reply (nothing is run); compressed table arguments (flag 64) are
// accepted while replies are never compressed, with a fetchSize a table
// result is sent as a tuple of tables of at most fetchSize rows (the
// APIs' BlockReader reads them one by one), and a C++ request retried after a reconnect
// (negated sequence number with the same client id) is answered from the
// first execution's reply instead of running twice. With the clear-memory
// flag (16, Python's run(..., clearMemory=True)) a script or function
// request undefines, once it has run or failed, the session variables
// that did not exist before it; variables it reassigned keep their values.
//
// A publishTable request (the APIs' subscribe) turns its connection,
// binary or WebSocket, over to a stream-table subscription once answered:
// the server pushes the table's schema and then its new rows on it until
// either side ends it (publish.go, docs/streaming-protocol.md).
//
// Requests are read and replies framed by package wire. Robustness: the
// header, body and arguments of a request are bounded by
// Options.MaxFrame before anything is allocated; a malformed request gets
// an error reply and, when the stream cannot be resynchronised, its
// connection is closed, without affecting other sessions. Shutdown stops
// accepting, closes idle connections and lets in-flight requests finish.
//
// RunT starts a server over an in-memory engine for tests, with helpers to
// check tables, restart, inject failures and pin the clock and rand().
package server
