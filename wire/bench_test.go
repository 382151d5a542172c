package wire

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

const benchRows = 1_000_000

// benchTable is a 1M-row table (id INT, sym SYMBOL, price DOUBLE,
// ts TIMESTAMP) of market-data-like values: 100 symbols, a random-walk
// price with 2 decimals, timestamps a few ms apart.
var benchTable = sync.OnceValue(func() *value.Table {
	ids := make([]int32, benchRows)
	syms := make([]string, benchRows)
	prices := make([]float64, benchRows)
	ts := make([]int64, benchRows)
	names := make([]string, 100)
	for i := range names {
		names[i] = fmt.Sprintf("SYM%03d", i)
	}
	rnd := xorshift(0x9e3779b97f4a7c15)
	p := 10000.0
	t := int64(1705311000000)
	for i := 0; i < benchRows; i++ {
		ids[i] = int32(i)
		syms[i] = names[rnd()%100]
		p += float64(int64(rnd()%21)-10) / 100
		prices[i] = p
		t += int64(rnd() % 5)
		ts[i] = t
	}
	return value.NewTable([]string{"id", "sym", "price", "ts"}, []*value.Vector{
		ints(ids...), strs(value.Symbol, syms...), value.NewDoubles(prices), {T: value.Timestamp, I64: ts},
	})
})

// fixedTable is benchTable without the SYMBOL column.
func fixedTable() *value.Table {
	t := benchTable()
	return value.NewTable([]string{"id", "price", "ts"}, []*value.Vector{t.Cols[0], t.Cols[2], t.Cols[3]})
}

type benchInput struct {
	name    string
	enc     []byte
	decoded int64 // uncompressed wire size
}

var benchInputs = sync.OnceValue(func() []benchInput {
	tbl := benchTable()
	plain, _ := Marshal(tbl, nil)
	base, _ := Marshal(tbl, &EncodeOptions{Symbols: SymbolBase})
	fixed, _ := Marshal(fixedTable(), nil)
	var lz, lzFixed, lzString, delta bytes.Buffer
	_ = EncodeTable(&lz, tbl, []Compression{CompressLZ4, CompressLZ4, CompressLZ4, CompressLZ4}, &EncodeOptions{Symbols: SymbolBase})
	// SYMBOL columns are never compressed: the same texts as STRING are.
	strTbl := value.NewTable(tbl.Names, []*value.Vector{tbl.Cols[0], {T: value.String, Str: tbl.Cols[1].Str}, tbl.Cols[2], tbl.Cols[3]})
	strPlain, _ := Marshal(strTbl, nil)
	_ = EncodeTable(&lzString, strTbl, []Compression{CompressLZ4, CompressLZ4, CompressLZ4, CompressLZ4}, nil)
	_ = EncodeTable(&lzFixed, fixedTable(), []Compression{CompressLZ4, CompressLZ4, CompressLZ4}, nil)
	_ = EncodeTable(&delta, tbl, []Compression{CompressDelta, CompressLZ4, CompressLZ4, CompressDelta}, &EncodeOptions{Symbols: SymbolBase})
	return []benchInput{
		{"plain-symbols", plain, int64(len(plain))},
		{"symbol-base", base, int64(len(base))},
		{"fixed-width-only", fixed, int64(len(fixed))},
		{"lz4", lz.Bytes(), int64(len(base))},
		{"lz4-fixed-width-only", lzFixed.Bytes(), int64(len(fixed))},
		{"lz4-string", lzString.Bytes(), int64(len(strPlain))},
		{"delta+lz4", delta.Bytes(), int64(len(base))},
	}
})

// cycleReader repeats b forever, as a connection sends request after
// request.
type cycleReader struct {
	b   []byte
	off int
}

func (c *cycleReader) Read(p []byte) (int, error) {
	n := copy(p, c.b[c.off:])
	c.off = (c.off + n) % len(c.b)
	return n, nil
}

// BenchmarkDecodeTable decodes the 1M-row table from a byte slice, from a
// fresh stream (bufio over bytes.Reader) and from one long-lived stream
// Reader as the server keeps per connection. MB/s counts wire bytes; for
// compressed inputs "decoded-MB/s" counts the uncompressed equivalent.
func BenchmarkDecodeTable(b *testing.B) {
	for _, in := range benchInputs() {
		for _, src := range []string{"bytes", "stream", "connection"} {
			b.Run(in.name+"/"+src, func(b *testing.B) {
				b.SetBytes(int64(len(in.enc)))
				b.ReportAllocs()
				conn := NewReader(&cycleReader{b: in.enc})
				for i := 0; i < b.N; i++ {
					var err error
					switch src {
					case "bytes":
						_, _, err = DecodeBytes(in.enc)
					case "stream":
						_, err = Decode(bytes.NewReader(in.enc))
					default:
						_, err = conn.ReadObject()
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				if in.decoded != int64(len(in.enc)) {
					b.ReportMetric(float64(in.decoded)*float64(b.N)/b.Elapsed().Seconds()/1e6, "decoded-MB/s")
				}
			})
		}
	}
}

// BenchmarkMemcpySameBytes copies as many bytes as each BenchmarkDecodeTable
// input holds, into a preallocated buffer and into a fresh allocation.
func BenchmarkMemcpySameBytes(b *testing.B) {
	for _, in := range benchInputs() {
		for _, alloc := range []bool{false, true} {
			name := in.name + "/prealloc"
			if alloc {
				name = in.name + "/alloc"
			}
			b.Run(name, func(b *testing.B) {
				dst := make([]byte, len(in.enc))
				b.SetBytes(int64(len(in.enc)))
				for i := 0; i < b.N; i++ {
					if alloc {
						dst = make([]byte, len(in.enc))
					}
					copy(dst, in.enc)
				}
			})
		}
	}
}

func BenchmarkEncodeTable(b *testing.B) {
	tbl := benchTable()
	cases := []struct {
		name    string
		methods []Compression
		opts    *EncodeOptions
	}{
		{"plain-symbols", nil, nil},
		{"symbol-base", nil, &EncodeOptions{Symbols: SymbolBase}},
		{"lz4", []Compression{CompressLZ4, CompressLZ4, CompressLZ4, CompressLZ4}, &EncodeOptions{Symbols: SymbolBase}},
		{"delta+lz4", []Compression{CompressDelta, CompressLZ4, CompressLZ4, CompressDelta}, &EncodeOptions{Symbols: SymbolBase}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			_ = EncodeTable(&buf, tbl, c.methods, c.opts)
			b.SetBytes(int64(buf.Len()))
			w := NewWriter(&buf, c.opts)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := w.WriteTable(tbl, c.methods); err != nil {
					b.Fatal(err)
				}
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
