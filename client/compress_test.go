package client_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// TestCompressedTableSendsCppBytes: a CompressedTable with the C++ API's
// settings (API-client flag, symbol bases) is sent exactly as the C++
// MultithreadedTableWriter sends vector 49, with the compression flag.
func TestCompressedTableSendsCppBytes(t *testing.T) {
	req := func(sid, body string, flags int, args []byte) []byte {
		h := "API2 " + sid + " " + strconv.Itoa(len(body)) + " / " + strconv.Itoa(flags) + "_1_4_64\n"
		return append([]byte(h+body), args...)
	}
	const sid = "1195587396"
	fn := "function\ntableInsert{t1}\n1\n1\n"
	addr := recordedServer(t, []exchange{
		{req("", "connect\n", 32, nil), vec(t, "03")},
		{req("", "script\nlogin('admin','123456')", 32, nil), vec(t, "05")},
		{req(sid, fn, 96, vec(t, "49")), vec(t, "41")},
		{req(sid, fn, 32, vec(t, "44")), vec(t, "41")},
	})
	ctx := context.Background()
	c, err := client.Dial(ctx, addr, client.Options{User: "admin", Password: "123456",
		Flags: wire.FlagAPIClient, Symbols: wire.SymbolBase})
	require.NoError(t, err)
	defer c.Close()

	tb := value.NewTable([]string{"id", "sym", "price"}, []*value.Vector{
		value.NewInts([]int32{1, 2, 3}),
		value.NewStrings(value.Symbol, []string{"AAPL", "MSFT", "AAPL"}),
		value.NewDoubles([]float64{10.5, 20.25, 10.5}),
	})
	v, err := c.RunFunc(ctx, "tableInsert{t1}", &client.CompressedTable{Table: tb,
		Methods: []wire.Compression{wire.CompressDelta, wire.CompressLZ4, wire.CompressLZ4}})
	require.NoError(t, err)
	require.Equal(t, "3", v.String())

	// Vector 44 is the uncompressed C++ form of vector 39's table.
	plain, _, err := wire.DecodeBytes(vec(t, "44"))
	require.NoError(t, err)
	_, err = c.RunFunc(ctx, "tableInsert{t1}", plain)
	require.NoError(t, err)
}

// compressedRows builds n rows of every kind of column the methods
// apply to, with NULLs.
func compressedRows(n int) *value.Table {
	ids := make([]int32, n)
	shorts := make([]int16, n)
	ts := make([]int64, n)
	px := make([]float64, n)
	syms := make([]string, n)
	strs := make([]string, n)
	for i := range n {
		ids[i] = int32(i * 3)
		shorts[i] = int16(i % 1000)
		ts[i] = 1700000000000 + int64(i)*7
		px[i] = float64(i) / 4
		syms[i] = []string{"AAPL", "MSFT", ""}[i%3]
		strs[i] = "s" + strconv.Itoa(i%97)
		if i%11 == 5 {
			ids[i], shorts[i], ts[i], px[i], strs[i] = value.NullInt32, value.NullInt16, value.NullInt64, value.NullFloat64, ""
		}
	}
	return value.NewTable([]string{"id", "sh", "ts", "px", "sym", "str"}, []*value.Vector{
		value.NewInts(ids), {T: value.Short, I16: shorts}, {T: value.Timestamp, I64: ts},
		value.NewDoubles(px), value.NewStrings(value.Symbol, syms), value.NewStrings(value.String, strs)})
}

// TestCompressedTable sends tables compressed per column to a server,
// by RunFunc and Upload, and reads them back.
func TestCompressedTable(t *testing.T) {
	const (
		none  = wire.CompressNone
		lz4   = wire.CompressLZ4
		delta = wire.CompressDelta
	)
	ts := server.RunT(t)
	// 40000 rows make several blocks per column (16384 INT values per
	// DELTA block, 64 KiB of input per LZ4 block).
	want := compressedRows(40000)
	for _, tc := range []struct {
		name    string
		methods []wire.Compression
	}{
		{"all LZ4", []wire.Compression{lz4, lz4, lz4, lz4, lz4, lz4}},
		{"all DELTA, LZ4 where DELTA does not apply", []wire.Compression{delta, delta, delta, delta, delta, delta}},
		{"mixed", []wire.Compression{delta, none, lz4, lz4, lz4, none}},
		{"fewer methods than columns", []wire.Compression{delta, delta}},
		{"none", nil},
	} {
		for _, symbols := range []wire.SymbolMode{wire.SymbolPlain, wire.SymbolBase} {
			t.Run(tc.name+"/symbols="+strconv.Itoa(int(symbols)), func(t *testing.T) {
				c := dial(t, ts.Addr, func(o *client.Options) { o.Symbols = symbols })
				ctx := context.Background()
				testkit.Query(t, c, "t = table(1:0, `id`sh`ts`px`sym`str, [INT,SHORT,TIMESTAMP,DOUBLE,SYMBOL,STRING])")
				arg := &client.CompressedTable{Table: want, Methods: tc.methods}
				v, err := c.RunFunc(ctx, "tableInsert{t}", arg)
				require.NoError(t, err)
				require.Equal(t, "40000", v.String())
				v = testkit.Query(t, c, "t")
				require.Equal(t, want, v)

				require.NoError(t, c.Upload(ctx, map[string]value.Value{"u": *arg}))
				v = testkit.Query(t, c, "u")
				require.Equal(t, want, v)
			})
		}
	}
}

func TestCompressedTableErrors(t *testing.T) {
	ts := server.RunT(t)
	c := dial(t, ts.Addr)
	ctx := context.Background()
	tb := value.NewTable([]string{"id"}, []*value.Vector{value.NewInts([]int32{1, 2})})
	for _, tc := range []struct {
		arg  value.Value
		want string
	}{
		{&client.CompressedTable{Table: tb, Methods: []wire.Compression{wire.CompressLZ4, wire.CompressLZ4}},
			"client: encode argument: 2 compression methods for a table of 1 columns"},
		{&client.CompressedTable{Table: tb, Methods: []wire.Compression{9}},
			"client: encode argument: column 0: unknown compression method 9"},
		{&client.CompressedTable{}, "client: encode argument: nil CompressedTable"},
	} {
		_, err := c.RunFunc(ctx, "size", tc.arg)
		require.EqualError(t, err, tc.want)
	}
	v, err := c.RunFunc(ctx, "size", &client.CompressedTable{Table: tb, Methods: []wire.Compression{wire.CompressDelta}})
	require.NoError(t, err, "an argument refused before sending leaves the connection intact")
	require.Equal(t, "2", v.String())
}
