package wire

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// vectorSeeds returns the payload of every test vector file.
func vectorSeeds(f *testing.F) map[string][]byte {
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.hex"))
	if err != nil {
		f.Fatal(err)
	}
	out := map[string][]byte{}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(file), ".hex")] = parseHex(f, string(raw))
	}
	return out
}

// FuzzDecode decodes arbitrary bytes as an object from a byte slice and
// from a stream: both must agree, never panic, and a decoded value must
// re-encode to bytes that decode to the same encoding.
func FuzzDecode(f *testing.F) {
	for name, b := range vectorSeeds(f) {
		if name[0] >= '1' && name[0] <= '4' && name >= "12" && name != "40_tableInsert_request_go_mtw" &&
			name != "41_tableInsert_response_int_3" && name != "42_schema_request_go" && name != "43_schema_response_minimal" {
			f.Add(b)
		}
	}
	for _, mode := range []SymbolMode{SymbolPlain, SymbolBase, SymbolSharedBase} {
		for _, v := range objectCases() {
			if b, err := Marshal(v, &EncodeOptions{Symbols: mode}); err == nil && len(b) < 4096 {
				f.Add(b)
			}
		}
	}
	var buf bytes.Buffer
	_ = EncodeTable(&buf, allTypesTable(), []Compression{CompressLZ4, CompressDelta, CompressLZ4, CompressDelta, CompressDelta,
		CompressLZ4, CompressDelta, CompressLZ4, CompressLZ4, CompressLZ4, CompressLZ4, CompressLZ4, CompressDelta}, &EncodeOptions{Symbols: SymbolBase})
	f.Add(buf.Bytes())

	f.Fuzz(checkDecode)
}

// streamReader reads b as a stream through a tiny bufio buffer, which
// exercises the reader's large-read paths, under a frame limit.
func streamReader(b []byte) *Reader {
	r := NewReader(bufio.NewReaderSize(bytes.NewReader(b), 16))
	r.MaxFrame = 1 << 20
	return r
}

// requireReadersAgree fails when the slice reader (err) and the stream
// reader (err2) disagree on whether the bytes parse, unless the stream
// reader stopped at its frame limit.
func requireReadersAgree(t *testing.T, err, err2 error) {
	t.Helper()
	if (err == nil) != (err2 == nil) && !errors.Is(err2, ErrLimit) {
		t.Fatalf("slice and stream readers disagree: %v / %v", err, err2)
	}
}

func checkDecode(t *testing.T, b []byte) {
	{
		v, n, err := DecodeBytes(b)
		v2, err2 := streamReader(b).ReadObject()
		requireReadersAgree(t, err, err2)
		if err != nil {
			return
		}
		if n > len(b) {
			t.Fatalf("consumed %d of %d bytes", n, len(b))
		}
		enc, err := Marshal(v, nil)
		if err != nil {
			t.Fatalf("decoded value does not encode: %v", err)
		}
		if err2 == nil {
			enc2, err := Marshal(v2, nil)
			if err != nil || !bytes.Equal(enc, enc2) {
				t.Fatalf("stream decode differs: %v", err)
			}
		}
		back, m, err := DecodeBytes(enc)
		if err != nil || m != len(enc) {
			t.Fatalf("re-encoded value does not decode: %v (%d of %d bytes)", err, m, len(enc))
		}
		enc3, err := Marshal(back, nil)
		if err != nil || !bytes.Equal(enc, enc3) {
			t.Fatalf("encoding is not stable: %v", err)
		}
		// The C++-style symbol encoding must round-trip too.
		encB, err := Marshal(v, &EncodeOptions{Symbols: SymbolSharedBase})
		if err != nil {
			t.Fatalf("decoded value does not encode with symbol bases: %v", err)
		}
		backB, _, err := DecodeBytes(encB)
		if err != nil {
			t.Fatalf("symbol-base encoding does not decode: %v", err)
		}
		if enc4, err := Marshal(backB, nil); err != nil || !bytes.Equal(enc, enc4) {
			t.Fatalf("symbol-base round trip differs: %v", err)
		}
		if tbl, ok := v.(*value.Table); ok {
			methods := make([]Compression, len(tbl.Cols))
			for i, c := range tbl.Cols {
				methods[i] = CompressLZ4
				if fixedWidth(c.T) == 4 || fixedWidth(c.T) == 8 || fixedWidth(c.T) == 2 {
					if s := c.T.Storage(); s != value.StFloat32 && s != value.StFloat64 {
						methods[i] = CompressDelta
					}
				}
			}
			var cb bytes.Buffer
			if err := EncodeTable(&cb, tbl, methods, nil); err != nil {
				t.Fatalf("compressed table encoding: %v", err)
			}
			backC, _, err := DecodeBytes(cb.Bytes())
			if err != nil {
				t.Fatalf("compressed table does not decode: %v", err)
			}
			if enc5, err := Marshal(backC, nil); err != nil || !bytes.Equal(enc, enc5) {
				t.Fatalf("compressed round trip differs: %v", err)
			}
		}
	}
}

// FuzzReadRequest parses arbitrary bytes as a request frame from a byte
// slice and from a stream; a parsed request must re-encode stably.
func FuzzReadRequest(f *testing.F) {
	for _, tc := range requestVectors {
		f.Add(loadVector(f, tc.file))
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, &EncodeOptions{Symbols: SymbolBase})
	for _, q := range []*Request{
		{API: "API", SessionID: "5", HasOptions: true, Options: Options{Flags: 96, Cancellable: true, Priority: 4, Parallelism: 64, ClientID: "c", SeqNo: -2, Fields: 9},
			Kind: KindFunction, Function: "tableInsert{t}", Args: []value.Value{sampleTable()}},
		{API: "API2", SessionID: "5", Options: DefaultOptions(), Kind: KindVariable, Names: []string{"a", "b"}, BigEndian: true,
			Args: []value.Value{value.NewInt(1), strs(value.Symbol, "x")}},
		{API: "API2", HasOptions: true, Options: DefaultOptions(), Kind: KindConnect, User: "u", Password: "p"},
	} {
		buf.Reset()
		_ = w.WriteRequest(q)
		f.Add(append([]byte(nil), buf.Bytes()...))
	}

	f.Fuzz(checkRequest)
}

func checkRequest(t *testing.T, b []byte) {
	{
		q, err := NewBytesReader(b).ReadRequest()
		q2, err2 := streamReader(b).ReadRequest()
		requireReadersAgree(t, err, err2)
		if err != nil {
			return
		}
		var e1, e2, e3 bytes.Buffer
		if err := WriteRequest(&e1, q, nil); err != nil {
			t.Fatalf("parsed request does not encode: %v", err)
		}
		if err2 == nil {
			if err := WriteRequest(&e2, q2, nil); err != nil || !bytes.Equal(e1.Bytes(), e2.Bytes()) {
				t.Fatalf("stream request differs: %v", err)
			}
		}
		back, err := NewBytesReader(e1.Bytes()).ReadRequest()
		if err != nil {
			t.Fatalf("re-encoded request does not parse: %v\n%q", err, e1.Bytes())
		}
		if err := WriteRequest(&e3, back, nil); err != nil {
			t.Fatal(err)
		}
		back2, err := NewBytesReader(e3.Bytes()).ReadRequest()
		if err != nil {
			t.Fatal(err)
		}
		var e4 bytes.Buffer
		if err := WriteRequest(&e4, back2, nil); err != nil || !bytes.Equal(e3.Bytes(), e4.Bytes()) {
			t.Fatalf("request encoding is not stable:\n%q\n%q", e3.Bytes(), e4.Bytes())
		}
	}
}
