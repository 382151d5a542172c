// Package client is a Go session client for DolphinDB's binary protocol: connect, login, run scripts, call functions, upload variables.
//
// Dial opens a TCP connection, sends the connect request and logs in the
// way the official Go API does (the script login('user','password')). A
// Conn is one server session: variables defined by one Run are visible to
// the next.
//
//	c, err := client.Dial(ctx, "127.0.0.1:8848", client.Options{User: "admin", Password: "123456"})
//	if err != nil { ... }
//	defer c.Close()
//	v, err := c.Run(ctx, "1+1")
//	n, err := c.RunFunc(ctx, `tableInsert{"t"}`, batch)
//
// A table argument is sent compressed column by column, as the C++ API's
// MultithreadedTableWriter sends its batches, when wrapped in a
// CompressedTable:
//
//	n, err := c.RunFunc(ctx, `tableInsert{"t"}`, &client.CompressedTable{Table: batch,
//		Methods: []wire.Compression{wire.CompressDelta, wire.CompressLZ4, wire.CompressLZ4}})
//
// Options.Flags and Options.Symbols reproduce the C++ API's request flags
// and SYMBOL encoding; the defaults are the Go API's.
//
// Errors replied by the server are *ServerError values whose Error() is
// exactly the server's message, so they can be compared with DolphinDB's
// texts. After a transport error or a cancelled context the connection is
// unusable (the reply may be half read) and every later call fails.
//
// A Conn is meant for one goroutine at a time, like the session it
// stands for; its methods take a mutex, so concurrent misuse serialises
// requests instead of corrupting frames. Open one Conn per goroutine for
// parallelism.
package client
