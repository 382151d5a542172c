package streamfilter_test

import (
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/funcs/streamfilter"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
)

// Every column type the APIs' StreamDeserializer reads survives a round
// trip: serialized a row at a time, parsed back through the wire decoder,
// the rows are the table's, NULLs included.
func TestRoundTripEveryType(t *testing.T) {
	_, s := testkit.Started(t, `
n = 3
t = table(
  [true, false, NULL] as b, [1c, NULL, 3c] as c, [1h, NULL, -3h] as sh, [1, NULL, -3] as i, [1l, NULL, -3l] as l,
  [2024.01.02, NULL, 1970.01.01] as d, [2024.01M, NULL, 1999.12M] as mo, [09:30:00.001, NULL, 00:00:00.000] as tm,
  [09:30m, NULL, 10:00m] as mi, [09:30:01, NULL, 23:59:59] as se, [2024.01.02T09:30:01, NULL, 2000.01.01T00:00:00] as dt,
  [2024.01.02T09:30:01.123, NULL, 2000.01.01T00:00:00.001] as ts, [09:30:01.123456789n, NULL, 00:00:00.000000001n] as nt,
  [2024.01.02T09:30:01.123456789n, NULL, 2000.01.01T00:00:00.000000001n] as nts, datehour([2024.01.02T09:00:00, NULL, 2000.01.01T01:00:00]) as dh,
  [1.5f, NULL, -2.25f] as f, [1.5, NULL, -2.25] as db, symbol(["IBM", "", "GS"]) as sy, ["a", "", "ccc"] as st,
  uuid(["5d212a78-cc48-e3b1-4235-b4d91473ee87", "", "00000000-0000-0000-0000-000000000001"]) as u,
  ipaddr(["192.168.1.13", "", "::1"]) as ip, int128(["e1671797c52e15f763380b45e841ec32", "", "00000000000000000000000000000001"]) as i128,
  blob(["x", "", "yz"]) as bl, decimal32([1.23, NULL, -4.5], 2) as d32, decimal64([1.2345, NULL, -4.5], 4) as d64,
  decimal128([1.234567, NULL, -4.5], 6) as d128)
t["ai"] = array(INT[], 0, 3).append!([[1, 2], [], [NULL, 300]])
t["ad"] = array(DOUBLE[], 0, 3).append!([[1.5], [NULL], 2.5 3.5 4.5])
t["ats"] = array(TIMESTAMP[], 0, 3).append!([[2024.01.02T09:30:01.123], [], [NULL]])
t["adec"] = array(DECIMAL32(2)[], 0, 3).append!([[1.23, 4.56], [], [NULL]])
t["along"] = array(LONG[], 0, 3).append!([1..300, [7l], []])
`)
	v, ok := s.Get("t")
	require.True(t, ok)
	tb := v.(*value.Table)
	bodies, err := streamfilter.EncodeRows(tb)
	require.NoError(t, err)
	require.Len(t, bodies, 3)
	back, err := streamfilter.DecodeRows(tb, bodies)
	require.NoError(t, err)
	require.Equal(t, tb.Names, back.Names)
	for c := range tb.Cols {
		require.Equal(t, tb.Cols[c].T, back.Cols[c].T, tb.Names[c])
		require.Equal(t, tb.Cols[c].String(), back.Cols[c].String(), tb.Names[c])
	}
	// one row at a time parses the same
	for r := range bodies {
		one, err := streamfilter.DecodeRows(tb, bodies[r:r+1])
		require.NoError(t, err)
		require.Equal(t, tb.Slice(r, r+1).String(), one.String())
	}
}

// The bytes are the APIs': each cell as the protocol writes a vector's
// elements, with no header, a DECIMAL without its scale, an array
// vector's cell as a one-row block.
func TestBytes(t *testing.T) {
	_, s := testkit.Started(t, `
t = table([1] as i, symbol(["IBM"]) as s, ["ab"] as st, blob(["xy"]) as b, decimal32([1.23], 2) as d, [2024.01.02T00:00:00.001] as ts)
t["a"] = array(INT[], 0, 1).append!([[1, 2]])
`)
	v, _ := s.Get("t")
	bodies, err := streamfilter.EncodeRows(v.(*value.Table))
	require.NoError(t, err)
	want := "01000000" + "49424d00" + "616200" + "020000007879" + "7b000000" + "015078c78c010000" /* 1704153600001 ms */ +
		"0100" + "01" + "00" + "02" + "01000000" + "02000000"
	require.Equal(t, want, hex.EncodeToString([]byte(bodies[0])))
}

// A body that doesn't fit the schema is refused, never read past.
func TestMalformed(t *testing.T) {
	_, s := testkit.Started(t, "t = table([1] as i, [`a] as s)")
	v, _ := s.Get("t")
	for _, b := range []string{"", "\x01\x00\x00", "\x01\x00\x00\x00a", "\x01\x00\x00\x00a\x00extra"} {
		_, err := streamfilter.DecodeRows(v.(*value.Table), []string{b})
		require.ErrorIs(t, err, ddberr.Errorf("The message body of row %d doesn't match the schema of its table.", 0), "%q", b)
	}
	// a column of no fixed width (a tuple) is refused both ways
	odd := value.NewTable([]string{"x"}, []*value.Vector{value.NewTuple([]value.Value{value.NewInt(1)})})
	_, err := streamfilter.EncodeRows(odd)
	require.ErrorContains(t, err, "Failed to serialize the column x for heterogeneous replay: ")
	_, err = streamfilter.DecodeRows(odd, []string{"\x01"})
	require.ErrorContains(t, err, "Failed to deserialize the column x: ")
	require.False(t, errors.Is(err, ddberr.Errorf("Failed to serialize the column %s for heterogeneous replay: %v", "x", errors.New("-"))))
	require.False(t, errors.Is(err, ddberr.Errorf("Failed to deserialize the column %s: %v", "y", errors.New("-"))))
}

// Handlers that see order (here functions) get a heterogeneous stream's
// rows in runs of one key, in the stream's order; plain tables get each
// filter's rows at once, the same rows.
func TestDispatchOrder(t *testing.T) {
	_, s := testkit.Started(t, `
a = table(2024.01.01T00:00:00.000 + 0 2 3 as ts, 1 2 3 as v)
b = table(2024.01.01T00:00:00.000 + 1 4 as ts, `+"`x`y"+` as s)
out = table(1:0, `+"`ts`key`body"+`, [TIMESTAMP, SYMBOL, BLOB])
replay(dict(`+"`a`b"+`, [a, b]), out, `+"`ts"+`, `+"`ts"+`)
share table(1:0, [`+"`k"+`], [STRING]) as calls
def logA(rows) { calls.append!(table(take("a" + string(size(rows)), 1) as k)) }
def logB(rows) { calls.append!(table(take("b" + string(size(rows)), 1) as k)) }
fa = dict(STRING, ANY); fa["condition"] = `+"`a"+`; fa["handler"] = logA
fb = dict(STRING, ANY); fb["condition"] = `+"`b"+`; fb["handler"] = logB
sf = streamFilter("sfOrder", out, [fa, fb], dict(`+"`a`b"+`, [a, b]))
sf.append!(out)
pa = table(1:0, `+"`ts`v"+`, [TIMESTAMP, INT]); pb = table(1:0, `+"`ts`s"+`, [TIMESTAMP, STRING])
ga = dict(STRING, ANY); ga["condition"] = `+"`a"+`; ga["handler"] = pa
gb = dict(STRING, ANY); gb["condition"] = `+"`b"+`; gb["handler"] = pb
sf2 = streamFilter("sfPlain", out, [ga, gb], dict(`+"`a`b"+`, [a, b]))
sf2.append!(out)
`)
	require.Equal(t, `["a1","b1","a2","b1"]`, testkit.Run(t, s, "exec k from calls"))
	require.Equal(t, "[true,true]", testkit.Run(t, s, "[eqObj(pa.values(), a.values()), eqObj(pb.values(), b.values())]"))
}
