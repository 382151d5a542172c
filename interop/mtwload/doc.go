// Command mtwload writes rows through Porpoise's Go MultithreadedTableWriter
// (package mtw), the Go side of interop/python/bench_mtw.py: the same rows
// (id INT, sym SYMBOL, price DOUBLE, ts TIMESTAMP) with the same writer
// settings as the Python API's writer, so the two run against one server
// in one run. It prints the seconds the inserts and the final wait took.
package main
