package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicArrayVector;
import com.xxdb.data.BasicBoolean;
import com.xxdb.data.BasicBooleanVector;
import com.xxdb.data.BasicByte;
import com.xxdb.data.BasicByteVector;
import com.xxdb.data.BasicDate;
import com.xxdb.data.BasicDateHour;
import com.xxdb.data.BasicDateHourVector;
import com.xxdb.data.BasicDateTime;
import com.xxdb.data.BasicDateTimeVector;
import com.xxdb.data.BasicDateVector;
import com.xxdb.data.BasicDecimal128;
import com.xxdb.data.BasicDecimal128Vector;
import com.xxdb.data.BasicDecimal32;
import com.xxdb.data.BasicDecimal32Vector;
import com.xxdb.data.BasicDecimal64;
import com.xxdb.data.BasicDecimal64Vector;
import com.xxdb.data.BasicDictionary;
import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicDoubleMatrix;
import com.xxdb.data.BasicDoubleVector;
import com.xxdb.data.BasicFloat;
import com.xxdb.data.BasicFloatVector;
import com.xxdb.data.BasicIPAddr;
import com.xxdb.data.BasicIPAddrVector;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicInt128;
import com.xxdb.data.BasicInt128Vector;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicLong;
import com.xxdb.data.BasicLongVector;
import com.xxdb.data.BasicMinute;
import com.xxdb.data.BasicMinuteVector;
import com.xxdb.data.BasicMonth;
import com.xxdb.data.BasicMonthVector;
import com.xxdb.data.BasicNanoTime;
import com.xxdb.data.BasicNanoTimeVector;
import com.xxdb.data.BasicNanoTimestamp;
import com.xxdb.data.BasicNanoTimestampVector;
import com.xxdb.data.BasicSecond;
import com.xxdb.data.BasicSecondVector;
import com.xxdb.data.BasicSet;
import com.xxdb.data.BasicShort;
import com.xxdb.data.BasicShortVector;
import com.xxdb.data.BasicString;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTime;
import com.xxdb.data.BasicTimeVector;
import com.xxdb.data.BasicTimestamp;
import com.xxdb.data.BasicTimestampVector;
import com.xxdb.data.BasicUuid;
import com.xxdb.data.BasicUuidVector;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-built arguments (API README chapter 4, "Execute DolphinDB Functions", and chapter 5, "Upload"):
 * the server must decode what the Java API encodes, so each value is checked by a script on the server.
 */
class ArgumentsTest extends ServerTest {
    /** runs f with the arguments and answers its result's string */
    String call(String f, Entity... args) throws Exception {
        return conn.run(f, new ArrayList<>(Arrays.asList(args))).getString();
    }

    @Test
    void scalarsOfEachType() throws Exception {
        String fmt = "def(x){ return typestr(x) + \" \" + string(x) }";
        conn.run("jfmt = " + fmt);
        assertEquals("BOOL true", call("jfmt", new BasicBoolean(true)));
        assertEquals("CHAR a", call("jfmt", new BasicByte((byte) 'a')));
        assertEquals("SHORT -7", call("jfmt", new BasicShort((short) -7)));
        assertEquals("INT 123456", call("jfmt", new BasicInt(123456)));
        assertEquals("LONG 9007199254740993", call("jfmt", new BasicLong(9007199254740993L)));
        assertEquals("FLOAT 2.5", call("jfmt", new BasicFloat(2.5f)));
        assertEquals("DOUBLE 0.125", call("jfmt", new BasicDouble(0.125)));
        assertEquals("DATE 2024.02.29", call("jfmt", new BasicDate(LocalDate.of(2024, 2, 29))));
        assertEquals("MONTH 2024.02M", call("jfmt", new BasicMonth(YearMonth.of(2024, 2))));
        assertEquals("TIME 13:30:10.008", call("jfmt", new BasicTime(LocalTime.of(13, 30, 10, 8_000_000))));
        assertEquals("MINUTE 13:30m", call("jfmt", new BasicMinute(LocalTime.of(13, 30))));
        assertEquals("SECOND 13:30:10", call("jfmt", new BasicSecond(LocalTime.of(13, 30, 10))));
        assertEquals("DATETIME 2012.06.13T13:30:10",
                call("jfmt", new BasicDateTime(LocalDateTime.of(2012, 6, 13, 13, 30, 10))));
        assertEquals("TIMESTAMP 2012.06.13T13:30:10.008",
                call("jfmt", new BasicTimestamp(LocalDateTime.of(2012, 6, 13, 13, 30, 10, 8_000_000))));
        assertEquals("NANOTIME 13:30:10.008007006",
                call("jfmt", new BasicNanoTime(LocalTime.of(13, 30, 10, 8_007_006))));
        assertEquals("NANOTIMESTAMP 2012.06.13T13:30:10.008007006",
                call("jfmt", new BasicNanoTimestamp(LocalDateTime.of(2012, 6, 13, 13, 30, 10, 8_007_006))));
        assertEquals("DATEHOUR 2012.06.13T13", call("jfmt", new BasicDateHour(LocalDateTime.of(2012, 6, 13, 13, 0))));
        assertEquals("STRING héllo", call("jfmt", new BasicString("héllo")));
        assertEquals("UUID 5d212a78-cc48-e3b1-4235-b4d91473ee87",
                call("jfmt", BasicUuid.fromString("5d212a78-cc48-e3b1-4235-b4d91473ee87")));
        assertEquals("IPADDR 192.168.1.13", call("jfmt", BasicIPAddr.fromString("192.168.1.13")));
        assertEquals("INT128 e1671797c52e15f763380b45e841ec32",
                call("jfmt", BasicInt128.fromString("e1671797c52e15f763380b45e841ec32")));
        assertEquals("BLOB ab", call("jfmt", new BasicString("ab".getBytes(), true)));
        // DECIMAL32/64/128 are types 37/38/39 (the manual's data type table); the digits show the scale
        conn.run("jdec = def(x){ return string(type(x)) + \" \" + string(x) }");
        assertEquals("37 3.14", call("jdec", new BasicDecimal32("3.14", 2)));
        assertEquals("38 -12.5000", call("jdec", new BasicDecimal64("-12.5", 4)));
        assertEquals("39 123456789012345678901234.56",
                call("jdec", new BasicDecimal128("123456789012345678901234.56", 2)));
    }

    @Test
    void nullScalars() throws Exception {
        conn.run("jnul = def(x){ return typestr(x) + \" \" + string(isNull(x)) }");
        Entity[] nulls = {new BasicInt(Integer.MIN_VALUE), new BasicLong(Long.MIN_VALUE),
            new BasicDouble(-Double.MAX_VALUE), new BasicString(""), new BasicDate(Integer.MIN_VALUE),
            new BasicTimestamp(Long.MIN_VALUE), new BasicShort(Short.MIN_VALUE), new BasicByte(Byte.MIN_VALUE)};
        String[] types = {"INT", "LONG", "DOUBLE", "STRING", "DATE", "TIMESTAMP", "SHORT", "CHAR"};
        for (int i = 0; i < nulls.length; i++) {
            assertEquals(types[i] + " true", call("jnul", nulls[i]), types[i]);
        }
        BasicDecimal64 d = new BasicDecimal64("1", 2);
        d.setNull();
        assertEquals("DECIMAL64 true", call("jnul", d));
    }

    @Test
    void vectorsOfEachTypeWithNulls() throws Exception {
        conn.run("jvec = def(x){ return typestr(x) + \" \" + string(size(x)) + \" \" + string(sum(isNull(x))) "
                + "+ \" \" + concat(string(x), \",\") }");
        assertEquals("FAST BOOL VECTOR 3 1 true,,false",
                call("jvec", new BasicBooleanVector(new byte[] {1, Byte.MIN_VALUE, 0})));
        assertEquals("FAST CHAR VECTOR 2 1 a,", call("jvec", new BasicByteVector(new byte[] {97, Byte.MIN_VALUE})));
        assertEquals("FAST SHORT VECTOR 2 1 -1,", call("jvec", new BasicShortVector(new short[] {-1, Short.MIN_VALUE})));
        assertEquals("FAST INT VECTOR 3 1 1,,3", call("jvec", new BasicIntVector(new int[] {1, Integer.MIN_VALUE, 3})));
        assertEquals("FAST LONG VECTOR 2 1 ,5", call("jvec", new BasicLongVector(new long[] {Long.MIN_VALUE, 5})));
        assertEquals("FAST FLOAT VECTOR 2 1 1.5,",
                call("jvec", new BasicFloatVector(new float[] {1.5f, -Float.MAX_VALUE})));
        assertEquals("FAST DOUBLE VECTOR 2 1 ,0.25",
                call("jvec", new BasicDoubleVector(new double[] {-Double.MAX_VALUE, 0.25})));
        assertEquals("FAST DATE VECTOR 2 1 2024.01.02,",
                call("jvec", new BasicDateVector(new int[] {19724, Integer.MIN_VALUE})));
        assertEquals("FAST MONTH VECTOR 1 0 2024.02M", call("jvec", new BasicMonthVector(new int[] {2024 * 12 + 1})));
        assertEquals("FAST TIME VECTOR 2 1 00:00:01.500,",
                call("jvec", new BasicTimeVector(new int[] {1500, Integer.MIN_VALUE})));
        assertEquals("FAST MINUTE VECTOR 1 0 01:01m", call("jvec", new BasicMinuteVector(new int[] {61})));
        assertEquals("FAST SECOND VECTOR 1 0 00:01:01", call("jvec", new BasicSecondVector(new int[] {61})));
        assertEquals("FAST DATETIME VECTOR 1 0 1970.01.01T00:01:01",
                call("jvec", new BasicDateTimeVector(new int[] {61})));
        assertEquals("FAST TIMESTAMP VECTOR 2 1 ,1970.01.01T00:00:01.001",
                call("jvec", new BasicTimestampVector(new long[] {Long.MIN_VALUE, 1001})));
        assertEquals("FAST NANOTIME VECTOR 1 0 00:00:00.000000007",
                call("jvec", new BasicNanoTimeVector(new long[] {7})));
        assertEquals("FAST NANOTIMESTAMP VECTOR 1 0 1970.01.01T00:00:00.000000007",
                call("jvec", new BasicNanoTimestampVector(new long[] {7})));
        assertEquals("FAST DATEHOUR VECTOR 1 0 1970.01.02T01", call("jvec", new BasicDateHourVector(new int[] {25})));
        assertEquals("STRING VECTOR 3 1 a,,c", call("jvec", new BasicStringVector(new String[] {"a", "", "c"})));
        assertEquals("FAST SYMBOL VECTOR 3 1 x,,x",
                call("jvec", new BasicSymbolVector(Arrays.asList("x", "", "x"))));
        BasicUuidVector uv = new BasicUuidVector(2);
        uv.set(0, BasicUuid.fromString("5d212a78-cc48-e3b1-4235-b4d91473ee87"));
        assertEquals("FAST UUID VECTOR 2 1 5d212a78-cc48-e3b1-4235-b4d91473ee87,", call("jvec", uv));
        BasicIPAddrVector ipv = new BasicIPAddrVector(2);
        ipv.set(1, BasicIPAddr.fromString("10.0.0.1"));
        assertEquals("FAST IPADDR VECTOR 2 1 ,10.0.0.1", call("jvec", ipv));
        BasicInt128Vector i128 = new BasicInt128Vector(1);
        i128.set(0, BasicInt128.fromString("e1671797c52e15f763380b45e841ec32"));
        assertEquals("FAST INT128 VECTOR 1 0 e1671797c52e15f763380b45e841ec32", call("jvec", i128));
        BasicDecimal32Vector d32 = new BasicDecimal32Vector(new String[] {"1.5", "-2"}, 3);
        assertEquals("FAST DECIMAL32 VECTOR 2 0 1.500,-2.000", call("jvec", d32));
        BasicDecimal64Vector d64 = new BasicDecimal64Vector(new String[] {"0.01"}, 2);
        assertEquals("FAST DECIMAL64 VECTOR 1 0 0.01", call("jvec", d64));
        BasicDecimal128Vector d128 = new BasicDecimal128Vector(new String[] {"99999999999999999999.5"}, 1);
        assertEquals("FAST DECIMAL128 VECTOR 1 0 99999999999999999999.5", call("jvec", d128));
    }

    @Test
    void arrayVectorArgument() throws Exception {
        List<Vector> rows = new ArrayList<>();
        rows.add(new BasicIntVector(new int[] {1, 2}));
        rows.add(new BasicIntVector(new int[] {Integer.MIN_VALUE}));
        rows.add(new BasicIntVector(new int[] {4, 5, 6}));
        BasicArrayVector av = new BasicArrayVector(rows);
        assertEquals("FAST INT[] VECTOR", call("typestr", av));
        assertEquals("[2,1,3]", conn.run("def(x){ return rowSize(x) }", new ArrayList<>(List.of(av))).getString());
        assertEquals(3, ((BasicIntVector) conn.run("rowSum", new ArrayList<>(List.of(av)))).getInt(0));
        assertEquals(15, ((BasicIntVector) conn.run("rowSum", new ArrayList<>(List.of(av)))).getInt(2));
    }

    @Test
    void otherFormsAsArguments() throws Exception {
        BasicDoubleMatrix m = new BasicDoubleMatrix(2, 2, List.of(new double[] {1, 2}, new double[] {3, 4}));
        // sum of a matrix is per column
        assertEquals("[3,7]", conn.run("sum", new ArrayList<>(List.of(m))).getString());
        assertEquals(3.0, ((BasicDouble) conn.run("def(m){ return m[0, 1] }", new ArrayList<>(List.of(m)))).getDouble());
        BasicSet s = new BasicSet(Entity.DATA_TYPE.DT_INT);
        s.add(new BasicInt(3));
        s.add(new BasicInt(7));
        assertEquals("INT SET 2", call("def(s){ return typestr(s) + \" \" + string(size(s)) }", s));
        BasicDictionary d = new BasicDictionary(Entity.DATA_TYPE.DT_STRING, Entity.DATA_TYPE.DT_DOUBLE);
        d.put(new BasicString("a"), new BasicDouble(1.5));
        d.put(new BasicString("b"), new BasicDouble(2.5));
        assertEquals(2.5, ((BasicDouble) conn.run("def(d){ return d[`b] }", new ArrayList<>(List.of(d)))).getDouble());
        // a partial application: the first argument fixed in the script, the second from Java
        assertEquals(15, ((BasicInt) conn.run("add{10}", new ArrayList<>(List.of(new BasicInt(5))))).getInt());
        // several arguments
        assertEquals("3", call("add", new BasicInt(1), new BasicInt(2)));
    }

    @Test
    void uploadVectorsAndATable() throws Exception {
        Map<String, Entity> vars = new HashMap<>();
        vars.put("jids", new BasicIntVector(new int[] {3, 1, 2}));
        vars.put("jnames", new BasicStringVector(new String[] {"c", "a", "b"}));
        vars.put("jone", new BasicDouble(0.5));
        List<String> names = List.of("id", "name", "d", "px");
        List<Vector> cols = List.of(new BasicIntVector(new int[] {1, 2, 3}),
                new BasicSymbolVector(Arrays.asList("x", "y", "x")),
                new BasicDateVector(new int[] {19724, 19725, Integer.MIN_VALUE}),
                new BasicDoubleVector(new double[] {1.5, 2.5, 3.5}));
        vars.put("jtab", new BasicTable(names, cols));
        conn.upload(vars);
        assertEquals(6, count("sum(jids)"));
        assertEquals("a", conn.run("jnames[jids == 1][0]").getString());
        assertEquals(0.5, ((BasicDouble) conn.run("jone")).getDouble());
        assertEquals("IN-MEMORY TABLE", conn.run("typestr(jtab)").getString());
        assertEquals(2, count("exec count(*) from jtab where name = `x"));
        assertEquals("SYMBOL", conn.run("exec typeString from schema(jtab).colDefs where name = `name").getString()
                .replace("[", "").replace("]", "").replace("\"", ""));
        assertEquals(1, count("exec count(*) from jtab where d is null"));
        assertEquals(5.0, ((BasicDouble) conn.run("exec sum(px) from jtab where name = `x")).getDouble());
        BasicTable joined = (BasicTable) conn.run("select * from jtab where id in jids order by id desc");
        assertEquals(3, joined.rows());
        assertEquals(3, ((BasicInt) joined.getColumn("id").get(0)).getInt());
        assertTrue(joined.getColumn("d").isNull(0));
    }
}
