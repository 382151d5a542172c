package mtw

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/server"
)

func TestPerfScratch(t *testing.T) {
	ts := server.RunT(t)
	c, _ := client.Dial(context.Background(), ts.Addr, client.Options{User: "admin", Password: "123456"})
	for run := 0; run < 3; run++ {
		for _, threads := range []int{1, 4} {
			name := fmt.Sprintf("b%d_%d", run, threads)
			_, err := c.Run(context.Background(), "t = table(1:0, `id`sym`price`ts, [INT,SYMBOL,DOUBLE,TIMESTAMP]); share t as "+name)
			if err != nil {
				t.Fatal(err)
			}
			w, err := New(Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: name,
				BatchSize: 65535, Throttle: 10 * time.Millisecond, ThreadCount: threads, PartitionCol: "id"})
			if err != nil {
				t.Fatal(err)
			}
			t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			release := w.HoldConversion()
			start := time.Now()
			for k := 0; k < 1000000; k++ {
				w.Insert(int32(k), "AAPL", float64(k), t0)
			}
			ins := time.Since(start)
			start = time.Now()
			release()
			for w.GetStatus().ThreadStatus[0].UnsentRows > 0 {
				time.Sleep(time.Millisecond)
			}
			conv := time.Since(start)
			w.WaitForThreadCompletion()
			all := time.Since(start)
			st := w.GetStatus()
			fmt.Printf("threads=%d insert=%v conv=%v conv+send=%v sent=%d\n", threads, ins, conv, all, st.SentRows)
		}
	}
}
