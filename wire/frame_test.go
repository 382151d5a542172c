package wire

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestParseOptions(t *testing.T) {
	cases := []struct {
		in   string
		want Options
	}{
		{"0_1_4_64", Options{Cancellable: true, Priority: 4, Parallelism: 64, Fields: 4}},
		{"32_1_4_2", Options{Flags: 32, Cancellable: true, Priority: 4, Parallelism: 2, Fields: 4}},
		{"0_1_8_64__8192", Options{Cancellable: true, Priority: 8, Parallelism: 64, FetchSize: 8192, Fields: 6}},
		{"96_1_4_64__0__8d8c1a2b-0000-4000-8000-000000000001_7", Options{Flags: FlagAPIClient | FlagCompress, Cancellable: true,
			Priority: 4, Parallelism: 64, ClientID: "8d8c1a2b-0000-4000-8000-000000000001", SeqNo: 7, Fields: 9}},
		{"32_1_4_64__0__id_-3", Options{Flags: 32, Cancellable: true, Priority: 4, Parallelism: 64, ClientID: "id", SeqNo: -3, Fields: 9}},
		{"4_0_1_16_root_0_x_c_1_extra1_extra2", Options{Flags: FlagAsync, Priority: 1, Parallelism: 16, RootJobID: "root",
			Reserved: "x", ClientID: "c", SeqNo: 1, Extra: []string{"extra1", "extra2"}, Fields: 11}},
		{"", Options{Cancellable: true, Priority: 4, Parallelism: 64, Fields: 1}},
	}
	for _, tc := range cases {
		got, err := ParseOptions(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got, tc.in)
		if tc.in != "" {
			require.Equal(t, tc.in, got.String())
		}
	}
	for _, bad := range []string{"x_1_4_64", "0_1_4_z", "-1", "0_1_4_64__-5", "99999999999"} {
		_, err := ParseOptions(bad)
		require.ErrorIs(t, err, ErrMalformed, bad)
	}
	o := DefaultOptions()
	o.Flags = FlagAsync | FlagClearMemory | 2<<19
	require.Equal(t, "1048596_1_4_64", o.String())
	require.Equal(t, 2, o.Flags.SQLStandard())
	o.FetchSize = 10000
	require.Equal(t, "1048596_1_4_64__10000", o.String())
}

func TestRequestRoundTrip(t *testing.T) {
	reqs := []*Request{
		{API: "API", SessionID: "0", HasOptions: true, Options: Options{Flags: 32, Cancellable: true, Priority: 4, Parallelism: 2, Fields: 4}, Kind: KindConnect},
		{API: "API2", SessionID: "42", HasOptions: true, Options: DefaultOptions(), Kind: KindScript, Script: "a = 1\nb = 2\nprint(a+b)"},
		{API: "API2", SessionID: "42", HasOptions: true, Options: DefaultOptions(), Kind: KindScript, Script: ""},
		{API: "API2", SessionID: "42", HasOptions: true, Options: Options{Flags: 96, Cancellable: true, Priority: 4, Parallelism: 64, ClientID: "abc", SeqNo: -12, Fields: 9},
			Kind: KindFunction, Function: "tableInsert{loadTable(\"dfs://db\",\"pt\")}", Args: []value.Value{sampleTable()}},
		{API: "API2", SessionID: "42", Options: DefaultOptions(), Kind: KindFunction, Function: "version", TrailingLF: true},
		{API: "API2", SessionID: "42", Options: DefaultOptions(), Kind: KindVariable, Names: []string{"a", "b"}, TrailingLF: true,
			Args: []value.Value{value.NewInt(1), strs(value.Symbol, "x", "y")}},
		{API: "API2", SessionID: "42", Options: DefaultOptions(), Kind: KindFunction, Function: "f", BigEndian: true,
			Args: []value.Value{value.NewLong(-2), sampleTable(), value.NewDouble(1.25)}},
		{API: "API2", SessionID: "", Options: DefaultOptions(), Kind: KindUnknown, Command: "foo", Body: "foo\nbar"},
	}
	for _, mode := range []SymbolMode{SymbolPlain, SymbolBase} {
		var buf bytes.Buffer
		w := NewWriter(&buf, &EncodeOptions{Symbols: mode})
		for _, q := range reqs {
			require.NoError(t, w.WriteRequest(q))
		}
		r := NewReader(bytes.NewReader(buf.Bytes()))
		for _, q := range reqs {
			got, err := r.ReadRequest()
			require.NoError(t, err)
			want := *q
			if want.Command == "" {
				want.Command = want.Kind.String()
			}
			if want.Kind == KindFunction && len(want.Args) == 0 {
				want.Args = nil
			}
			for i, a := range got.Args {
				got.Args[i] = plainSymbols(a)
			}
			require.Equal(t, &want, got)
		}
		_, err := r.ReadRequest()
		require.Equal(t, io.EOF, err)
	}
}

func TestRequestAsync(t *testing.T) {
	q, err := NewBytesReader([]byte("API 0 8 / 36_1_4_64__0\nscript\nx")).ReadRequest()
	require.NoError(t, err)
	require.True(t, q.Async())
	require.Equal(t, "x", q.Script)
}

func TestBadRequests(t *testing.T) {
	bad := []string{
		"GET / HTTP/1.1\n",
		"API2 1\n",
		"API2 1 x\n",
		"API2 1 -1\n",
		"API2 1 5 + 0_1_4_64\nscrip",
		"API2 1 5 / 0_1_4_64 extra\nscrip",
		"API2 1 20\nfunction\nf\nx\n1\n",
		"API2 1 19\nfunction\nf\n1\n2\n",
		"API2 1 15\nfunction\nf\n1\n",
		"API2 1 16\nfunction\nf\n1\n1\n",           // argument missing
		"API2 1 17\nvariable\na\n1\n1\x04\x00\x01", // truncated argument
		"API2 1 100\nscript\n1",
		"API2 1 99999999999999999999\n",
	}
	for _, s := range bad {
		_, err := NewBytesReader([]byte(s)).ReadRequest()
		require.Error(t, err, "%q", s)
		require.False(t, err == io.EOF, "%q", s)
		_, err = NewReader(strings.NewReader(s)).ReadRequest()
		require.Error(t, err, "%q", s)
	}
	r := NewReader(strings.NewReader("API2 1 1000\nscript\n"))
	r.MaxBody = 100
	_, err := r.ReadRequest()
	require.ErrorIs(t, err, ErrLimit)
	r = NewReader(strings.NewReader("API2 1 4 " + strings.Repeat("x", maxLine+10) + "\n"))
	_, err = r.ReadRequest()
	require.ErrorIs(t, err, ErrLimit)
}

func TestResponses(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, &EncodeOptions{Symbols: SymbolBase})
	require.NoError(t, w.WriteMessage("hello\nworld"))
	require.NoError(t, w.WriteMessage("a\x00b"))
	require.NoError(t, w.WriteResponse("7", sampleTable()))
	require.NoError(t, w.WriteResponse("7", nil))
	require.NoError(t, w.WriteError("7", "bad\nthing"))
	require.NoError(t, w.WriteError("7", "OK"))
	require.NoError(t, w.WriteError("7", ""))
	// an object that cannot be encoded becomes an error reply
	err := w.WriteResponse("7", strs(value.String, "a\x00b"))
	require.ErrorIs(t, err, errNUL)
	require.NoError(t, w.WriteResponse("7", value.NewInt(5)))
	w.SetOptions(&EncodeOptions{BigEndian: true})
	require.NoError(t, w.WriteResponse("7", value.NewLong(-9)))

	for _, r := range []*Reader{NewBytesReader(buf.Bytes()), NewReader(bufio.NewReaderSize(bytes.NewReader(buf.Bytes()), 16))} {
		resp, err := r.ReadResponse()
		require.NoError(t, err)
		require.Equal(t, []string{"hello\nworld", "a b"}, resp.Messages)
		require.Equal(t, sampleTable(), plainSymbols(resp.Value))
		require.Equal(t, "7", resp.SessionID)

		resp, err = r.ReadResponse()
		require.NoError(t, err)
		require.Nil(t, resp.Value)

		for _, msg := range []string{"bad thing", "Error: OK", "Unknown error"} {
			_, err = r.ReadResponse()
			var se *ServerError
			require.ErrorAs(t, err, &se)
			require.Equal(t, msg, se.Msg)
		}
		_, err = r.ReadResponse()
		var se *ServerError
		require.ErrorAs(t, err, &se)
		require.Contains(t, se.Msg, "NUL")

		resp, err = r.ReadResponse()
		require.NoError(t, err)
		require.Equal(t, value.NewInt(5), resp.Value)

		resp, err = r.ReadResponse()
		require.NoError(t, err)
		require.True(t, resp.BigEndian)
		require.Equal(t, value.NewLong(-9), resp.Value)

		_, err = r.ReadResponse()
		require.Equal(t, io.EOF, err)
	}
}

func TestMultiObjectResponse(t *testing.T) {
	b := []byte("1 2 1\nOK\n\x04\x00\x01\x00\x00\x00\x12\x00x\x00")
	resp, err := NewBytesReader(b).ReadResponse()
	require.NoError(t, err)
	require.Equal(t, value.NewInt(1), resp.Value)
	require.Equal(t, []value.Value{value.NewInt(1), value.NewString("x")}, resp.Values)
}

func TestBadResponses(t *testing.T) {
	for _, s := range []string{"1 1\nOK\n", "1 x 1\nOK\n", "1 1 2\nOK\n", "1 1 1\nOK\n\x04\x00\x01", "1 0 1\n", "MSG\nabc"} {
		_, err := NewBytesReader([]byte(s)).ReadResponse()
		require.Error(t, err, "%q", s)
		var se *ServerError
		require.False(t, errors.As(err, &se), "%q", s)
	}
}

func TestPeekProtocol(t *testing.T) {
	for in, want := range map[string]Protocol{"API2 ": ProtoAPI, "API 0": ProtoAPI, "GET / HTTP/1.1": ProtoHTTP, "POST": ProtoUnknown} {
		r := NewReader(strings.NewReader(in))
		p, err := r.PeekProtocol()
		require.NoError(t, err)
		require.Equal(t, want, p, in)
		p, err = NewBytesReader([]byte(in)).PeekProtocol()
		require.NoError(t, err)
		require.Equal(t, want, p, in)
	}
}

// The server reads requests with ReadRequest: its refusals carry the
// texts the server answers with, malformed options leave the stream in
// sync, and function bodies are read leniently.
func TestRequestRefusals(t *testing.T) {
	r := NewReader(strings.NewReader("API2 1 8 / x_1\nscript\nxAPI2 1 8 / 4_1_4_64\nscript\ny"))
	q, err := r.ReadRequest()
	var re *RequestError
	require.ErrorAs(t, err, &re)
	require.True(t, re.Whole)
	require.ErrorIs(t, err, ErrMalformed)
	require.Equal(t, `Invalid request option "x".`, err.Error())
	require.Equal(t, "x", q.Script)
	require.Equal(t, DefaultOptions(), q.Options)
	q, err = r.ReadRequest()
	require.NoError(t, err)
	require.True(t, q.Async())
	require.Equal(t, "y", q.Script)

	q, err = NewBytesReader([]byte("API2 1 22\nfunction\nf\n 1 \n1\nextra\x04\x00\x05\x00\x00\x00")).ReadRequest()
	require.NoError(t, err)
	require.Equal(t, []value.Value{value.NewInt(5)}, q.Args)
	require.False(t, q.TrailingLF)

	_, err = NewBytesReader([]byte("API2 1 2 / -1\nxx")).ReadRequest()
	require.ErrorAs(t, err, &re)
	require.True(t, re.Whole)
	require.Equal(t, `Invalid request flag -1.`, err.Error())

	q, err = NewBytesReader([]byte("API2 1 7 / 36\nconnect")).ReadRequest()
	require.NoError(t, err)
	require.False(t, q.Async(), "a connect request is always answered")

	for in, text := range map[string]string{
		"API2 1\n":                     `Invalid request header: "API2 1"`,
		"API2 1 -4\n":                  `Invalid request body length: "-4"`,
		"API2 1 11\nfunction\nf\n":     `Invalid function request: the body must hold a name, an argument count and the byte order.`,
		"API2 1 14\nvariable\na\nx\n1": `Invalid variable request: bad argument count "x".`,
		"API2 1 100\n":                 `The request of 111 bytes exceeds the limit of 64 bytes.`,
		"API2 1 " + strings.Repeat("1", 5000) + "\n": `The request header is longer than 4096 bytes.`,
	} {
		r := NewReader(strings.NewReader(in))
		r.MaxFrame = 64
		_, err := r.ReadRequest()
		require.ErrorAs(t, err, &re, "%q", in)
		require.False(t, re.Whole, "%q: %v", in, err)
		require.Equal(t, text, err.Error(), "%q", in)
	}

	// a function request whose first argument ends exactly at the frame
	// limit, with a second one still announced
	r = NewReader(strings.NewReader("API2 1 14\nfunction\nf\n2\n1\x04\x00\x05\x00\x00\x00\x04\x00\x06\x00\x00\x00"))
	r.MaxFrame = 30
	_, err = r.ReadRequest()
	require.ErrorAs(t, err, &re)
	require.Equal(t, ddberr.Errorf("The request exceeds the limit of %d bytes.", 30).Error(), err.Error())
}
