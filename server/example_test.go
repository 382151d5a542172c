package server_test

import (
	"context"
	"fmt"
	"log"
	"net"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/server"
)

// Example is the README's serving snippet: an engine served on a local
// port, and the Go client logging in as admin/123456.
func Example() {
	eng, err := engine.Open(engine.Options{}) // in memory
	if err != nil {
		log.Fatal(err)
	}
	defer eng.Close()
	srv := server.New(eng, server.Options{})
	l, err := net.Listen("tcp", "127.0.0.1:0") // DolphinDB's port is 8848
	if err != nil {
		log.Fatal(err)
	}
	go srv.Serve(l)
	defer srv.Close()

	ctx := context.Background()
	c, err := client.Dial(ctx, l.Addr().String(), client.Options{User: "admin", Password: "123456"})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	v, err := c.Run(ctx, "x = 1..5; sum(x * 2)")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v)
	// Output: 30
}
