package porpoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicAnyVector;
import com.xxdb.data.BasicArrayVector;
import com.xxdb.data.BasicBoolean;
import com.xxdb.data.BasicByte;
import com.xxdb.data.BasicDate;
import com.xxdb.data.BasicDateHour;
import com.xxdb.data.BasicDateTime;
import com.xxdb.data.BasicDecimal128;
import com.xxdb.data.BasicDecimal32;
import com.xxdb.data.BasicDecimal64;
import com.xxdb.data.BasicDecimal64Vector;
import com.xxdb.data.BasicDictionary;
import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicDoubleMatrix;
import com.xxdb.data.BasicDoubleVector;
import com.xxdb.data.BasicFloat;
import com.xxdb.data.BasicIPAddr;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicInt128;
import com.xxdb.data.BasicIntMatrix;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicLong;
import com.xxdb.data.BasicMinute;
import com.xxdb.data.BasicMonth;
import com.xxdb.data.BasicNanoTime;
import com.xxdb.data.BasicNanoTimestamp;
import com.xxdb.data.BasicSecond;
import com.xxdb.data.BasicSet;
import com.xxdb.data.BasicShort;
import com.xxdb.data.BasicString;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTime;
import com.xxdb.data.BasicTimestamp;
import com.xxdb.data.BasicUuid;
import com.xxdb.data.Entity;
import com.xxdb.data.Scalar;
import com.xxdb.data.Vector;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * {@code DBConnection.run(script)} answering every data form and the types the Java API README's
 * "Data Type Conversion" chapter lists, read through the Java objects' accessors.
 */
class DataFormTest extends ServerTest {
    @Test
    void integralAndFloatingScalars() throws Exception {
        BasicBoolean b = (BasicBoolean) conn.run("true");
        assertTrue(b.getBoolean());
        assertEquals(Entity.DATA_FORM.DF_SCALAR, b.getDataForm());
        BasicByte c = (BasicByte) conn.run("'a'");
        assertEquals('a', c.getByte());
        assertEquals("'a'", c.getString());
        assertEquals(-3, ((BasicShort) conn.run("-3h")).getShort());
        assertEquals(123456789, ((BasicInt) conn.run("123456789")).getInt());
        assertEquals(9007199254740993L, ((BasicLong) conn.run("9007199254740993l")).getLong());
        assertEquals(2.5f, ((BasicFloat) conn.run("2.5f")).getFloat());
        assertEquals(0.1 + 0.2, ((BasicDouble) conn.run("0.1 + 0.2")).getDouble());
        assertEquals(Entity.DATA_TYPE.DT_DOUBLE, conn.run("pi").getDataType());
    }

    @Test
    void temporalScalars() throws Exception {
        BasicDate d = (BasicDate) conn.run("2024.02.29");
        assertEquals(LocalDate.of(2024, 2, 29), d.getDate());
        assertEquals("2024.02.29", d.getString());
        assertEquals(YearMonth.of(2024, 2), ((BasicMonth) conn.run("2024.02M")).getMonth());
        assertEquals("2024.02M", conn.run("2024.02M").getString());
        BasicTime t = (BasicTime) conn.run("13:30:10.008");
        assertEquals(LocalTime.of(13, 30, 10, 8_000_000), t.getTime());
        assertEquals("13:30:10.008", t.getString());
        assertEquals(LocalTime.of(13, 30), ((BasicMinute) conn.run("13:30m")).getMinute());
        assertEquals("13:30m", conn.run("13:30m").getString());
        assertEquals(LocalTime.of(13, 30, 10), ((BasicSecond) conn.run("13:30:10")).getSecond());
        assertEquals(LocalDateTime.of(2012, 6, 13, 13, 30, 10),
                ((BasicDateTime) conn.run("2012.06.13T13:30:10")).getDateTime());
        BasicTimestamp ts = (BasicTimestamp) conn.run("2012.06.13T13:30:10.008");
        assertEquals(LocalDateTime.of(2012, 6, 13, 13, 30, 10, 8_000_000), ts.getTimestamp());
        assertEquals("2012.06.13T13:30:10.008", ts.getString());
        assertEquals(LocalTime.of(13, 30, 10, 8_007_006),
                ((BasicNanoTime) conn.run("13:30:10.008007006")).getNanoTime());
        BasicNanoTimestamp nts = (BasicNanoTimestamp) conn.run("2012.06.13T13:30:10.008007006");
        assertEquals(LocalDateTime.of(2012, 6, 13, 13, 30, 10, 8_007_006), nts.getNanoTimestamp());
        assertEquals("2012.06.13T13:30:10.008007006", nts.getString());
        BasicDateHour dh = (BasicDateHour) conn.run("datehour(2012.06.13T13:30:10)");
        assertEquals(LocalDateTime.of(2012, 6, 13, 13, 0), dh.getDateHour());
        assertEquals("2012.06.13T13", dh.getString());
        // before 1970 the day count is negative
        assertEquals(LocalDate.of(1969, 12, 31), ((BasicDate) conn.run("1969.12.31")).getDate());
    }

    @Test
    void literalAndBinaryScalars() throws Exception {
        BasicString s = (BasicString) conn.run("\"héllo\"");
        assertEquals("héllo", s.getString());
        assertEquals(Entity.DATA_TYPE.DT_STRING, s.getDataType());
        assertEquals("a", conn.run("symbol([`a])[0]").getString());
        BasicUuid u = (BasicUuid) conn.run("uuid('5d212a78-cc48-e3b1-4235-b4d91473ee87')");
        assertEquals("5d212a78-cc48-e3b1-4235-b4d91473ee87", u.getString());
        BasicIPAddr ip = (BasicIPAddr) conn.run("ipaddr('192.168.1.13')");
        assertEquals("192.168.1.13", ip.getString());
        assertEquals("2001:db8::1", conn.run("ipaddr('2001:db8::1')").getString());
        BasicInt128 i128 = (BasicInt128) conn.run("int128('e1671797c52e15f763380b45e841ec32')");
        assertEquals("e1671797c52e15f763380b45e841ec32", i128.getString());
        Entity blob = conn.run("blob(\"ab\" + \"c\")");
        assertEquals(Entity.DATA_TYPE.DT_BLOB, blob.getDataType());
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, ((BasicString) blob).getBytes());
    }

    @Test
    void decimals() throws Exception {
        BasicDecimal32 d32 = (BasicDecimal32) conn.run("decimal32('3.1415', 4)");
        assertEquals("3.1415", d32.getString());
        assertEquals(4, d32.getScale());
        BasicDecimal64 d64 = (BasicDecimal64) conn.run("decimal64(-12.5, 3)");
        assertEquals("-12.500", d64.getString());
        assertEquals(-12.5, d64.getNumber().doubleValue());
        BasicDecimal128 d128 = (BasicDecimal128) conn.run("decimal128('123456789012345678901234.56', 2)");
        assertEquals("123456789012345678901234.56", d128.getString());
        BasicDecimal64Vector v = (BasicDecimal64Vector) conn.run("decimal64([1.25, NULL, -3], 2)");
        assertEquals(3, v.rows());
        assertEquals("1.25", v.get(0).getString());
        assertTrue(v.isNull(1));
        assertEquals("-3.00", v.get(2).getString());
    }

    /** A typed NULL of each type: {@code isNull()} holds and getString() is empty, as the API's scalars print NULL. */
    @Test
    void nullsOfEachType() throws Exception {
        String[] types = {"BOOL", "CHAR", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "DATE", "MONTH", "TIME",
            "MINUTE", "SECOND", "DATETIME", "TIMESTAMP", "NANOTIME", "NANOTIMESTAMP", "DATEHOUR", "STRING",
            "SYMBOL", "UUID", "IPADDR", "INT128", "BLOB", "DECIMAL32(2)", "DECIMAL64(4)", "DECIMAL128(6)"};
        for (String type : types) {
            Vector v = (Vector) conn.run("array(" + type + ", 2, 2, NULL)");
            assertEquals(2, v.rows(), type);
            for (int i = 0; i < 2; i++) {
                assertTrue(v.isNull(i), type);
                assertTrue(((Scalar) v.get(i)).isNull(), type);
            }
            if (!type.equals("SYMBOL")) {
                Scalar s = (Scalar) conn.run("array(" + type + ", 1, 1, NULL)[0]");
                assertTrue(s.isNull(), type);
                assertEquals(v.getDataType(), s.getDataType(), type);
            }
        }
        assertTrue(((Scalar) conn.run("00i")).isNull());
        assertEquals(Entity.DATA_TYPE.DT_INT, conn.run("00i").getDataType());
        // NULL alone is VOID
        assertEquals(Entity.DATA_TYPE.DT_VOID, conn.run("NULL").getDataType());
    }

    @Test
    void vectorsWithNulls() throws Exception {
        BasicIntVector iv = (BasicIntVector) conn.run("1 NULL 3");
        assertEquals(3, iv.rows());
        assertEquals(1, iv.getInt(0));
        assertTrue(iv.isNull(1));
        assertEquals(Integer.MIN_VALUE, iv.getInt(1));
        BasicDoubleVector dv = (BasicDoubleVector) conn.run("[1.5, NULL, -2.0]");
        assertTrue(dv.isNull(1));
        assertEquals(-2.0, dv.getDouble(2));
        BasicStringVector sv = (BasicStringVector) conn.run("[\"a\", \"\", \"c\"]");
        assertEquals("c", sv.getString(2));
        assertTrue(sv.isNull(1));
        BasicSymbolVector sym = (BasicSymbolVector) conn.run("symbol(`x`y`x`z)");
        assertEquals(4, sym.rows());
        assertEquals("x", sym.getString(2));
        assertEquals(Entity.DATA_TYPE.DT_SYMBOL, sym.getDataType());
        Vector dates = (Vector) conn.run("2024.01.01 + 0..2");
        assertEquals("2024.01.03", dates.get(2).getString());
        BasicAnyVector any = (BasicAnyVector) conn.run("(1, `a, 2.5)");
        assertEquals(3, any.rows());
        assertEquals(1, ((BasicInt) any.get(0)).getInt());
        assertEquals("a", any.get(1).getString());
        assertEquals(Entity.DATA_FORM.DF_VECTOR, any.getDataForm());
        Vector big = (Vector) conn.run("1..100000");
        assertEquals(100000, big.rows());
        assertEquals(100000, ((BasicIntVector) big).getInt(99999));
    }

    @Test
    void arrayVectors() throws Exception {
        BasicArrayVector av = (BasicArrayVector) conn.run("arrayVector(2 3 6, [1, 2, NULL, 4, 5, 6])");
        assertEquals(Entity.DATA_TYPE.DT_INT_ARRAY, av.getDataType());
        assertEquals(3, av.rows());
        BasicIntVector row0 = (BasicIntVector) av.getVectorValue(0);
        assertEquals(2, row0.rows());
        assertEquals(2, row0.getInt(1));
        Vector row1 = av.getVectorValue(1);
        assertEquals(1, row1.rows());
        assertTrue(row1.isNull(0));
        assertEquals(3, av.getVectorValue(2).rows());
        BasicArrayVector dav = (BasicArrayVector) conn.run("array(DOUBLE[], 0, 2).append!([[1.5, 2.5], [3.5]])");
        assertEquals(Entity.DATA_TYPE.DT_DOUBLE_ARRAY, dav.getDataType());
        assertEquals(3.5, ((BasicDoubleVector) dav.getVectorValue(1)).getDouble(0));
        BasicTable t = (BasicTable) conn.run("table(1 2 as id, arrayVector(1 3, [10, 20, 30]) as v)");
        BasicArrayVector col = (BasicArrayVector) t.getColumn("v");
        assertEquals(2, col.getVectorValue(1).rows());
        assertEquals(30, ((BasicIntVector) col.getVectorValue(1)).getInt(1));
    }

    @Test
    void pair() throws Exception {
        Vector p = (Vector) conn.run("3:5");
        assertEquals(Entity.DATA_FORM.DF_PAIR, p.getDataForm());
        assertEquals(2, p.rows());
        assertEquals(3, ((BasicInt) p.get(0)).getInt());
        assertEquals(5, ((BasicInt) p.get(1)).getInt());
        Vector sp = (Vector) conn.run("`a:`b");
        assertEquals(Entity.DATA_FORM.DF_PAIR, sp.getDataForm());
        assertEquals("b", sp.get(1).getString());
    }

    @Test
    void matrices() throws Exception {
        // matrix(1 2 3, 4 5 6): each argument is a column
        BasicIntMatrix m = (BasicIntMatrix) conn.run("matrix(1 2 3, 4 5 6)");
        assertEquals(Entity.DATA_FORM.DF_MATRIX, m.getDataForm());
        assertEquals(3, m.rows());
        assertEquals(2, m.columns());
        assertEquals(5, m.getInt(1, 1));
        assertEquals(3, m.getInt(2, 0));
        assertFalse(m.hasRowLabel());
        BasicDoubleMatrix dm = (BasicDoubleMatrix) conn.run(
                "m = matrix(1.5 NULL, 3.5 4.5); m.rename!(`r1`r2, `c1`c2); m");
        assertTrue(dm.isNull(1, 0));
        assertEquals(4.5, dm.getDouble(1, 1));
        assertTrue(dm.hasRowLabel());
        assertTrue(dm.hasColumnLabel());
        assertEquals("r2", dm.getRowLabel(1).getString());
        assertEquals("c1", dm.getColumnLabel(0).getString());
    }

    @Test
    void setsAndDictionaries() throws Exception {
        BasicSet s = (BasicSet) conn.run("set(3 1 2 3)");
        assertEquals(Entity.DATA_FORM.DF_SET, s.getDataForm());
        assertEquals(3, s.rows());
        assertTrue(s.contains(new BasicInt(2)));
        assertFalse(s.contains(new BasicInt(4)));
        BasicDictionary d = (BasicDictionary) conn.run("dict(`a`b`c, 1.5 2.5 3.5)");
        assertEquals(Entity.DATA_FORM.DF_DICTIONARY, d.getDataForm());
        assertEquals(Entity.DATA_TYPE.DT_STRING, d.getKeyDataType());
        assertEquals(Entity.DATA_TYPE.DT_DOUBLE, d.getDataType());
        assertEquals(3, d.rows());
        assertEquals(2.5, ((BasicDouble) d.get(new BasicString("b"))).getDouble());
        BasicDictionary any = (BasicDictionary) conn.run("d = dict(INT, ANY); d[1] = `x; d[2] = 1 2 3; d");
        assertEquals(Entity.DATA_TYPE.DT_ANY, any.getDataType());
        assertEquals("x", any.get(new BasicInt(1)).getString());
        assertEquals(3, any.get(new BasicInt(2)).rows());
    }

    @Test
    void tableOfManyTypes() throws Exception {
        BasicTable t = (BasicTable) conn.run("table(1 2 NULL as i, symbol(`a`b`c) as sym, [\"x\", \"\", \"z\"] as str, "
                + "2024.01.01 NULL 2024.01.03 as d, 09:30:00.000 09:30:00.001 NULL as t, "
                + "[1.5, NULL, 3.5] as dbl, true false NULL as b, decimal32([1.1, NULL, 3.3], 1) as dec, "
                + "[uuid('5d212a78-cc48-e3b1-4235-b4d91473ee87'), NULL, NULL] as u, "
                + "2024.01.01T09:30:00.000000001 NULL NULL as nts)");
        assertEquals(3, t.rows());
        assertEquals(10, t.columns());
        assertEquals("sym", t.getColumnName(1));
        assertEquals(Entity.DATA_TYPE.DT_SYMBOL, t.getColumn("sym").getDataType());
        assertEquals(Entity.DATA_TYPE.DT_STRING, t.getColumn("str").getDataType());
        assertEquals(Entity.DATA_TYPE.DT_DECIMAL32, t.getColumn("dec").getDataType());
        assertTrue(t.getColumn("i").isNull(2));
        assertEquals("c", t.getColumn("sym").get(2).getString());
        assertTrue(t.getColumn("str").isNull(1));
        assertTrue(t.getColumn("d").isNull(1));
        assertEquals("09:30:00.001", t.getColumn("t").get(1).getString());
        assertTrue(t.getColumn("dbl").isNull(1));
        assertFalse(((BasicBoolean) t.getColumn("b").get(1)).getBoolean());
        assertTrue(t.getColumn("b").isNull(2));
        assertEquals("3.3", t.getColumn("dec").get(2).getString());
        assertTrue(t.getColumn("u").isNull(1));
        assertEquals("2024.01.01T09:30:00.000000001", t.getColumn("nts").get(0).getString());
        BasicTable empty = (BasicTable) conn.run("table(1:0, `a`b, [INT, STRING])");
        assertEquals(0, empty.rows());
        assertEquals(2, empty.columns());
        assertEquals(Entity.DATA_TYPE.DT_STRING, empty.getColumn(1).getDataType());
    }

    /** A script without a value (a definition, an assignment) answers VOID, which the API reads as a Void scalar. */
    @Test
    void statementWithoutValue() throws Exception {
        Entity e = conn.run("x = 1");
        assertInstanceOf(com.xxdb.data.Void.class, e);
        assertEquals(1, ((BasicInt) conn.run("x")).getInt());
    }
}
