package wire_test

import (
	"bytes"
	"fmt"
	"net"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A minimal server loop: one Reader and one Writer per connection.
func Example_server() {
	client, server := net.Pipe()
	go func() {
		defer server.Close()
		r, w := wire.NewReader(server), wire.NewWriter(server, nil)
		for {
			q, err := r.ReadRequest()
			if err != nil {
				return // io.EOF: client gone; other errors: stream unusable
			}
			if q.Async() {
				continue // async requests get no response at all
			}
			switch q.Kind {
			case wire.KindConnect:
				_ = w.WriteResponse("1195587396", nil)
			case wire.KindScript:
				_ = w.WriteMessage("running " + q.Script)
				_ = w.WriteResponse("1195587396", value.NewInt(2))
			default:
				_ = w.WriteError("1195587396", "Can't recognize function name "+q.Function)
			}
		}
	}()

	r, w := wire.NewReader(client), wire.NewWriter(client, nil)
	opts := wire.DefaultOptions()
	_ = w.WriteRequest(&wire.Request{HasOptions: true, Options: opts, Kind: wire.KindConnect})
	resp, _ := r.ReadResponse()
	fmt.Println("session", resp.SessionID)
	_ = w.WriteRequest(&wire.Request{HasOptions: true, Options: opts, Kind: wire.KindScript, Script: "1+1"})
	resp, _ = r.ReadResponse()
	fmt.Println(resp.Messages, resp.Value)
	_ = w.WriteRequest(&wire.Request{Options: opts, Kind: wire.KindFunction, Function: "nosuch"})
	_, err := r.ReadResponse()
	fmt.Println(err)
	client.Close()
	// Output:
	// session 1195587396
	// [running 1+1] 2
	// server error: Can't recognize function name nosuch
}

// Writing a table the way the C++ MultithreadedTableWriter does: SYMBOL
// columns with symbol bases, other columns compressed.
func ExampleEncodeTable() {
	t := value.NewTable([]string{"id", "sym", "price"}, []*value.Vector{
		value.NewInts([]int32{1, 2, 3}),
		value.NewStrings(value.Symbol, []string{"AAPL", "MSFT", "AAPL"}),
		value.NewDoubles([]float64{10.5, 20.25, 10.5}),
	})
	var buf bytes.Buffer
	methods := []wire.Compression{wire.CompressDelta, wire.CompressNone, wire.CompressLZ4}
	if err := wire.EncodeTable(&buf, t, methods, &wire.EncodeOptions{Symbols: wire.SymbolBase}); err != nil {
		panic(err)
	}
	v, _, err := wire.DecodeBytes(buf.Bytes())
	fmt.Println(buf.Len(), err)
	fmt.Print(v)
	// Output:
	// 178 <nil>
	// id sym  price
	// -- ---- -----
	// 1  AAPL 10.5
	// 2  MSFT 20.25
	// 3  AAPL 10.5
}
