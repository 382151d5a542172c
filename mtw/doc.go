// Package mtw is a Go MultithreadedTableWriter with the Python API's semantics: rows are converted and batched in the background and written by ThreadCount connections.
//
// New validates the Config with the Python API's texts,
// runs schema() on a setup connection made with the client package, and
// opens one client connection per writer goroutine. Insert queues one row
// after checking only its column count (copying the values, so the
// caller's arguments need no heap allocation); a conversion goroutine
// turns the Go values, up to 65535 rows at a time, into the column types
// (§6), routes each row to a writer (§4:
// the partitioning column's hash, bit-exact with DolphinDB's hashBucket)
// and the ThreadCount writer goroutines send batches of at most
// max(BatchSize, 65535) rows as soon as BatchSize rows are queued or
// Throttle has passed, calling tableInsert{...} or upsert!{...} (§3) with
// one table argument, LZ4/DELTA-compressed per column when
// CompressMethods is set.
//
// The first error stops everything: a conversion failure records A1
// ("Data conversion error: ..."), a failed batch A5 ("Failed to save the
// inserted data: ..."). The rows not written stay in the Writer and
// GetUnwrittenData hands them back (converted values turned back into Go
// values), ready to be fixed and passed to a new Writer's
// InsertUnwrittenData. After an error or WaitForThreadCompletion, Insert
// returns the error "<Exception> in insert: thread is exiting.".
//
//	w, err := mtw.New(mtw.Config{Host: "127.0.0.1", Port: 8848, UserID: "admin", Password: "123456",
//		DBPath: "dfs://valuedb3", TableName: "pdatetest", BatchSize: 10000, Throttle: time.Second,
//		ThreadCount: 5, PartitionCol: "id", CompressMethods: []string{"LZ4", "LZ4", "DELTA"}})
//	if err != nil { ... }
//	if res := w.Insert(time.Now(), "AAAAAAAB", 42); res.HasError() { fmt.Println(res.Info) }
//	w.WaitForThreadCompletion()
//	fmt.Print(w.GetStatus())
//
// Go values accepted for each column type (Convert documents the full
// table): nil is NULL of any type; bool for BOOL; Go integers for every
// integral, temporal (raw count), FLOAT/DOUBLE and DECIMAL column within
// range; float32/float64 for FLOAT, DOUBLE and DECIMAL (NaN is NULL);
// string for STRING, SYMBOL, BLOB, UUID, INT128, IPADDR and DECIMAL ("" is
// NULL of any type); []byte like string; time.Time for every temporal
// type; Decimal for DECIMAL; *value.Scalar for anything cast.To
// accepts; slices for array-vector columns.
//
// Insert, InsertUnwrittenData, GetStatus and GetUnwrittenData are safe for
// concurrent use.
package mtw
