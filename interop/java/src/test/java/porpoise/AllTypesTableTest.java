package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.BasicArrayVector;
import com.xxdb.data.BasicBooleanVector;
import com.xxdb.data.BasicByteVector;
import com.xxdb.data.BasicDateHourVector;
import com.xxdb.data.BasicDateTimeVector;
import com.xxdb.data.BasicDateVector;
import com.xxdb.data.BasicDecimal128Vector;
import com.xxdb.data.BasicDecimal32Vector;
import com.xxdb.data.BasicDecimal64Vector;
import com.xxdb.data.BasicDoubleVector;
import com.xxdb.data.BasicFloatVector;
import com.xxdb.data.BasicIPAddr;
import com.xxdb.data.BasicIPAddrVector;
import com.xxdb.data.BasicInt128;
import com.xxdb.data.BasicInt128Vector;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicLongVector;
import com.xxdb.data.BasicMinuteVector;
import com.xxdb.data.BasicMonthVector;
import com.xxdb.data.BasicNanoTimeVector;
import com.xxdb.data.BasicNanoTimestampVector;
import com.xxdb.data.BasicSecondVector;
import com.xxdb.data.BasicShortVector;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTimeVector;
import com.xxdb.data.BasicTimestampVector;
import com.xxdb.data.BasicUuid;
import com.xxdb.data.BasicUuidVector;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table with a column of every type (NULL in its last row) from Java to the server and back, plain and
 * compressed: the server's copy must equal the one a script builds, and the copy read back the Java one.
 */
class AllTypesTableTest extends ServerTest {
    static final String[] NAMES = {"cbool", "cchar", "cshort", "cint", "clong", "cfloat", "cdouble", "cdate",
        "cmonth", "ctime", "cminute", "csecond", "cdatetime", "ctimestamp", "cnanotime", "cnanotimestamp",
        "cdatehour", "cstring", "csymbol", "cuuid", "cipaddr", "cint128", "cblob", "cdec32", "cdec64", "cdec128",
        "cintav", "cdoubleav"};
    static final String[] TYPES = {"BOOL", "CHAR", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "DATE", "MONTH",
        "TIME", "MINUTE", "SECOND", "DATETIME", "TIMESTAMP", "NANOTIME", "NANOTIMESTAMP", "DATEHOUR", "STRING",
        "SYMBOL", "UUID", "IPADDR", "INT128", "BLOB", "DECIMAL32(2)", "DECIMAL64(4)", "DECIMAL128(6)", "INT[]",
        "DOUBLE[]"};
    /** the same two rows as a script: values, then NULL */
    static final String EXPECTED = "table(true NULL as cbool, ['a', NULL] as cchar, [-3h, NULL] as cshort, "
            + "[7, NULL] as cint, [9007199254740993l, NULL] as clong, [2.5f, NULL] as cfloat, [0.125, NULL] as cdouble, "
            + "[2024.02.29, NULL] as cdate, [2024.02M, NULL] as cmonth, [13:30:10.008, NULL] as ctime, "
            + "[13:30m, NULL] as cminute, [13:30:10, NULL] as csecond, [2012.06.13T13:30:10, NULL] as cdatetime, "
            + "[2012.06.13T13:30:10.008, NULL] as ctimestamp, [13:30:10.008007006, NULL] as cnanotime, "
            + "[2012.06.13T13:30:10.008007006, NULL] as cnanotimestamp, datehour([2012.06.13T13:00:00, NULL]) as cdatehour, "
            + "[\"héllo\", \"\"] as cstring, symbol([\"x\", \"\"]) as csymbol, "
            + "uuid(['5d212a78-cc48-e3b1-4235-b4d91473ee87', '']) as cuuid, ipaddr(['192.168.1.13', '']) as cipaddr, "
            + "int128(['e1671797c52e15f763380b45e841ec32', '']) as cint128, blob([\"ab\", \"\"]) as cblob, "
            + "decimal32([3.14, NULL], 2) as cdec32, decimal64([-12.5, NULL], 4) as cdec64, "
            + "decimal128(['1234567890123.456789', NULL], 6) as cdec128, "
            + "arrayVector(2 3, [1, 2, NULL]) as cintav, arrayVector(1 3, [1.5, 2.5, NULL]) as cdoubleav)";

    static BasicTable javaTable() throws Exception {
        int iN = Integer.MIN_VALUE;
        long lN = Long.MIN_VALUE;
        BasicUuidVector uuid = new BasicUuidVector(2);
        uuid.set(0, BasicUuid.fromString("5d212a78-cc48-e3b1-4235-b4d91473ee87"));
        BasicIPAddrVector ip = new BasicIPAddrVector(2);
        ip.set(0, BasicIPAddr.fromString("192.168.1.13"));
        BasicInt128Vector i128 = new BasicInt128Vector(2);
        i128.set(0, BasicInt128.fromString("e1671797c52e15f763380b45e841ec32"));
        BasicStringVector blob = new BasicStringVector(new String[] {"ab", ""}, true);
        BasicDecimal32Vector d32 = new BasicDecimal32Vector(new String[] {"3.14", "0"}, 2);
        d32.setNull(1);
        BasicDecimal64Vector d64 = new BasicDecimal64Vector(new String[] {"-12.5", "0"}, 4);
        d64.setNull(1);
        BasicDecimal128Vector d128 = new BasicDecimal128Vector(new String[] {"1234567890123.456789", "0"}, 6);
        d128.setNull(1);
        BasicArrayVector iav = new BasicArrayVector(Arrays.asList(new BasicIntVector(new int[] {1, 2}),
                new BasicIntVector(new int[] {iN})));
        BasicArrayVector dav = new BasicArrayVector(Arrays.asList(new BasicDoubleVector(new double[] {1.5}),
                new BasicDoubleVector(new double[] {2.5, -Double.MAX_VALUE})));
        List<Vector> cols = Arrays.asList(new BasicBooleanVector(new byte[] {1, Byte.MIN_VALUE}),
                new BasicByteVector(new byte[] {'a', Byte.MIN_VALUE}),
                new BasicShortVector(new short[] {-3, Short.MIN_VALUE}), new BasicIntVector(new int[] {7, iN}),
                new BasicLongVector(new long[] {9007199254740993L, lN}),
                new BasicFloatVector(new float[] {2.5f, -Float.MAX_VALUE}),
                new BasicDoubleVector(new double[] {0.125, -Double.MAX_VALUE}),
                new BasicDateVector(new int[] {19782, iN}), new BasicMonthVector(new int[] {2024 * 12 + 1, iN}),
                new BasicTimeVector(new int[] {48610008, iN}), new BasicMinuteVector(new int[] {810, iN}),
                new BasicSecondVector(new int[] {48610, iN}), new BasicDateTimeVector(new int[] {1339594210, iN}),
                new BasicTimestampVector(new long[] {1339594210008L, lN}),
                new BasicNanoTimeVector(new long[] {48610008007006L, lN}),
                new BasicNanoTimestampVector(new long[] {1339594210008007006L, lN}),
                new BasicDateHourVector(new int[] {372109, iN}), new BasicStringVector(new String[] {"héllo", ""}),
                new BasicSymbolVector(Arrays.asList("x", "")), uuid, ip, i128, blob, d32, d64, d128, iav, dav);
        return new BasicTable(Arrays.asList(NAMES), cols);
    }

    /** inserts the Java table through c into a new table jall and checks it cell by cell against EXPECTED */
    void roundTrip(DBConnection c) throws Exception {
        c.run("jall = table(1:0, `" + String.join("`", NAMES) + ", [" + String.join(",", TYPES) + "])");
        List<Entity> args = new ArrayList<>();
        args.add(javaTable());
        assertEquals(2, ((com.xxdb.data.BasicInt) c.run("tableInsert{jall}", args)).getInt());
        c.run("jwant = " + EXPECTED);
        for (String col : NAMES) {
            assertEquals("true", c.run("eqObj(jall." + col + ", jwant." + col + ")").getString(),
                    col + ": " + c.run("jall." + col).getString() + " want " + c.run("jwant." + col).getString());
        }
        // the upload form too: a variable holding the table
        Map<String, Entity> vars = new HashMap<>();
        vars.put("jup", javaTable());
        c.upload(vars);
        for (String col : NAMES) {
            assertEquals("true", c.run("eqObj(jup." + col + ", jwant." + col + ")").getString(), col);
        }
        BasicTable back = (BasicTable) c.run("jwant");
        BasicTable java = javaTable();
        assertEquals(2, back.rows());
        for (int i = 0; i < NAMES.length; i++) {
            Vector got = back.getColumn(i);
            Vector want = java.getColumn(i);
            assertEquals(want.getDataType(), got.getDataType(), NAMES[i]);
            assertEquals(want.getString(), got.getString(), NAMES[i]);
            assertTrue(got.isNull(1) || got.getDataType().getValue() >= 64, NAMES[i] + " row 1 not NULL");
        }
    }

    @Test
    void plain() throws Exception {
        roundTrip(conn);
    }

    @Test
    void compressed() throws Exception {
        DBConnection z = new DBConnection(false, false, true);
        try {
            assertTrue(z.connect(HOST, PORT, "admin", "123456"));
            roundTrip(z);
        } finally {
            z.close();
        }
    }
}
