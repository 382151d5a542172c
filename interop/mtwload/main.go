package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/porpoisedb/porpoise/mtw"
)

func main() {
	host := flag.String("host", "127.0.0.1", "server host")
	port := flag.Int("port", 8848, "server port")
	db := flag.String("db", "", "DFS database path, empty for a shared in-memory table")
	table := flag.String("table", "", "table name")
	rows := flag.Int("rows", 1_000_000, "rows to write")
	batch := flag.Int("batch", 10000, "batchSize")
	threads := flag.Int("threads", 1, "threadCount")
	partCol := flag.String("partition-col", "", "partitionCol (threadCount > 1)")
	flag.Parse()

	w, err := mtw.New(mtw.Config{Host: *host, Port: *port, UserID: "admin", Password: "123456",
		DBPath: *db, TableName: *table, BatchSize: *batch, Throttle: time.Second,
		ThreadCount: *threads, PartitionCol: *partCol})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	names := [8]string{"AAPL", "MSFT", "IBM", "GOOG", "TSLA", "AMZN", "NVDA", "META"}
	const epoch = 1704067200000
	start := time.Now()
	for i := 0; i < *rows; i++ {
		if r := w.Insert(int32(i), names[i&7], float64(i)*0.01, time.UnixMilli(epoch+int64(i)).UTC()); r.HasError() {
			fmt.Fprintln(os.Stderr, r.Info)
			os.Exit(1)
		}
	}
	w.WaitForThreadCompletion()
	elapsed := time.Since(start)
	st := w.GetStatus()
	if st.HasError() || st.SentRows != *rows {
		fmt.Fprintf(os.Stderr, "writer failed: %s (sent %d)\n", st.ErrorInfo, st.SentRows)
		os.Exit(1)
	}
	fmt.Printf("%.3f\n", elapsed.Seconds())
}
