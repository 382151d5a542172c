package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnectionPool;
import com.xxdb.ExclusiveDBConnectionPool;
import com.xxdb.data.BasicDateTimeVector;
import com.xxdb.data.BasicDateVector;
import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicDoubleVector;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicLongVector;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTimestampVector;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import com.xxdb.route.AutoFitTableAppender;
import com.xxdb.route.AutoFitTableUpsert;
import com.xxdb.route.PartitionedTableAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing tables from Java (API README chapter 7): tableInsert, the AutoFit appenders and PartitionedTableAppender. */
class AppendTest extends ServerTest {
    static final long DAY_MS = 86_400_000L;
    /** 2024.01.01 as days since 1970.01.01 */
    static final int JAN1 = 19723;

    static BasicTable table(List<String> names, Vector... cols) {
        return new BasicTable(names, Arrays.asList(cols));
    }

    /** README 7.1.2 and 7.1.3: tableInsert{t} with the columns as separate vectors, then as a BasicTable. */
    @Test
    void tableInsertIntoASharedTable() throws Exception {
        conn.run("share table(100:0, `sym`id`ts`px, [STRING, INT, TIMESTAMP, DOUBLE]) as jshared");
        try {
            List<Entity> cols = Arrays.asList(new BasicStringVector(new String[] {"a", "b"}),
                    new BasicIntVector(new int[] {1, 2}), new BasicTimestampVector(new long[] {0, 1000}),
                    new BasicDoubleVector(new double[] {1.5, 2.5}));
            assertEquals(2, ((BasicInt) conn.run("tableInsert{jshared}", cols)).getInt());
            BasicTable t = table(List.of("sym", "id", "ts", "px"), new BasicStringVector(new String[] {"c"}),
                    new BasicIntVector(new int[] {3}), new BasicTimestampVector(new long[] {2000}),
                    new BasicDoubleVector(new double[] {3.5}));
            assertEquals(1, ((BasicInt) conn.run("tableInsert{jshared}", new ArrayList<>(List.of(t)))).getInt());
            // README 7.1.1: one record by insert into
            conn.run("insert into jshared values('d', 4, 1970.01.01T00:00:03.000, 4.5)");
            assertEquals(4, count("exec count(*) from jshared"));
            assertEquals("1970.01.01T00:00:02.000", conn.run("exec ts from jshared where sym = `c").getString()
                    .replace("[", "").replace("]", ""));
            assertEquals(12.0, ((BasicDouble) conn.run("exec sum(px) from jshared")).getDouble());
        } finally {
            conn.run("undef(`jshared, SHARED)");
        }
    }

    /** README 7.2.1: tableInsert{loadTable(db, tb)} with a BasicTable. */
    @Test
    void tableInsertIntoADfsTable() throws Exception {
        conn.run("if(existsDatabase('dfs://jinsert')) dropDatabase('dfs://jinsert');"
                + "t = table(1:0, `cbool`cint`cdouble`cdate`cstring, [BOOL, INT, DOUBLE, DATE, STRING]);"
                + "db = database('dfs://jinsert', RANGE, 2024.01.01 2024.01.11 2024.01.21);"
                + "db.createPartitionedTable(t, `tb1, `cdate)");
        int n = 20;
        byte[] bools = new byte[n];
        int[] ints = new int[n];
        double[] dbls = new double[n];
        int[] dates = new int[n];
        String[] strs = new String[n];
        for (int i = 0; i < n; i++) {
            bools[i] = (byte) (i % 2);
            ints[i] = i;
            dbls[i] = i * 0.5;
            dates[i] = JAN1 + i;
            strs[i] = "s" + i;
        }
        BasicTable t = table(List.of("cbool", "cint", "cdouble", "cdate", "cstring"),
                new com.xxdb.data.BasicBooleanVector(bools), new BasicIntVector(ints), new BasicDoubleVector(dbls),
                new BasicDateVector(dates), new BasicStringVector(strs));
        Entity r = conn.run("tableInsert{loadTable('dfs://jinsert','tb1')}", new ArrayList<>(List.of(t)));
        assertEquals(n, ((BasicInt) r).getInt());
        assertEquals(n, count("exec count(*) from loadTable('dfs://jinsert', `tb1)"));
        assertEquals(10, count("exec count(*) from loadTable('dfs://jinsert', `tb1) where cdate >= 2024.01.11"));
        assertEquals("s19", conn.run("exec cstring from loadTable('dfs://jinsert', `tb1) where cint = 19").getString()
                .replace("[", "").replace("]", "").replace("\"", ""));
        conn.run("dropDatabase('dfs://jinsert')");
    }

    /**
     * AutoFitTableAppender converts temporal columns to the table's types (its source: TIMESTAMP to DATE,
     * DATE to MONTH, DATETIME to SECOND ...), into a DFS table and into an in-memory one. It logs a failure
     * and answers null, so the rows are counted.
     */
    @Test
    void autoFitTableAppenderConvertsTemporalColumns() throws Exception {
        conn.run("if(existsDatabase('dfs://jautofit')) dropDatabase('dfs://jautofit');"
                + "db = database('dfs://jautofit', VALUE, 2024.01.01..2024.01.03);"
                + "db.createPartitionedTable(table(1:0, `d`m`s`v, [DATE, MONTH, SECOND, INT]), `pt, `d)");
        long[] tss = {JAN1 * DAY_MS + 3_600_000, (JAN1 + 1) * DAY_MS + 60_000, (JAN1 + 2) * DAY_MS};
        int[] dts = {JAN1 * 86400 + 5, (JAN1 + 1) * 86400 + 6, (JAN1 + 2) * 86400 + 7};
        BasicTable t = table(List.of("d", "m", "s", "v"), new BasicTimestampVector(tss),
                new BasicDateVector(new int[] {JAN1, JAN1 + 40, JAN1 + 80}), new BasicDateTimeVector(dts),
                new BasicIntVector(new int[] {1, 2, 3}));
        AutoFitTableAppender dfs = new AutoFitTableAppender("dfs://jautofit", "pt", conn);
        assertEquals(3, ((BasicInt) dfs.append(t)).getInt());
        BasicTable got = (BasicTable) conn.run("select * from loadTable('dfs://jautofit', `pt) order by v");
        assertEquals(3, got.rows());
        assertEquals(Entity.DATA_TYPE.DT_DATE, got.getColumn("d").getDataType());
        assertEquals("2024.01.02", got.getColumn("d").get(1).getString());
        assertEquals("2024.02M", got.getColumn("m").get(1).getString());
        assertEquals("2024.03M", got.getColumn("m").get(2).getString());
        assertEquals("00:00:05", got.getColumn("s").get(0).getString());

        conn.run("jmem = table(1:0, `d`m`s`v, [DATE, MONTH, SECOND, INT])");
        new AutoFitTableAppender("", "jmem", conn).append(t);
        assertEquals(3, count("exec count(*) from jmem"));
        assertEquals("2024.01.03", conn.run("exec last(d) from jmem").getString());
        conn.run("dropDatabase('dfs://jautofit')");
    }

    /** AutoFitTableUpsert: rows with existing keys update, new keys insert; ignoreNull keeps old values. */
    @Test
    void autoFitTableUpsertIntoKeyedAndDfsTables() throws Exception {
        conn.run("jkeyed = keyedTable(`id, 1:0, `id`d`px, [INT, DATE, DOUBLE]);"
                + "tableInsert(jkeyed, 1 2, 2024.01.01 2024.01.02, 1.5 2.5)");
        AutoFitTableUpsert mem = new AutoFitTableUpsert("", "jkeyed", conn, true, null, null);
        BasicTable up = table(List.of("id", "d", "px"), new BasicIntVector(new int[] {2, 3}),
                new BasicTimestampVector(new long[] {(JAN1 + 5) * DAY_MS + 1, (JAN1 + 6) * DAY_MS}),
                new BasicDoubleVector(new double[] {-Double.MAX_VALUE, 30.5}));
        mem.upsert(up);
        BasicTable got = (BasicTable) conn.run("select * from jkeyed order by id");
        assertEquals(3, got.rows());
        assertEquals("2024.01.06", got.getColumn("d").get(1).getString());
        // px NULL with ignoreNull=true: the old 2.5 stays
        assertEquals(2.5, ((BasicDouble) got.getColumn("px").get(1)).getDouble());
        assertEquals(30.5, ((BasicDouble) got.getColumn("px").get(2)).getDouble());

        conn.run("if(existsDatabase('dfs://jupsert')) dropDatabase('dfs://jupsert');"
                + "db = database('dfs://jupsert', VALUE, 2024.01.01..2024.01.03);"
                + "pt = db.createPartitionedTable(table(1:0, `id`d`px, [LONG, DATE, DOUBLE]), `pt, `d);"
                + "tableInsert(pt, 1 2, 2024.01.01 2024.01.02, 1.0 2.0)");
        AutoFitTableUpsert dfs = new AutoFitTableUpsert("dfs://jupsert", "pt", conn, false, new String[] {"id"}, null);
        dfs.upsert(table(List.of("id", "d", "px"), new BasicLongVector(new long[] {2, 3}),
                new BasicDateVector(new int[] {JAN1 + 1, JAN1 + 2}), new BasicDoubleVector(new double[] {20, 30})));
        assertEquals(3, count("exec count(*) from loadTable('dfs://jupsert', `pt)"));
        assertEquals(51, count("exec sum(px) from loadTable('dfs://jupsert', `pt)"));
        conn.run("dropDatabase('dfs://jupsert')");
    }

    /**
     * A TSDB table with an array vector column, through AutoFitTableAppender and AutoFitTableUpsert (without
     * sortColumns, which upsert! takes for OLAP tables only: funcs/u/upsert_.md).
     */
    @Test
    void tsdbTableWithAnArrayVector() throws Exception {
        conn.run("if(existsDatabase('dfs://jtsdb')) dropDatabase('dfs://jtsdb');"
                + "db = database('dfs://jtsdb', VALUE, 2024.01.01..2024.01.02, engine='TSDB');"
                + "db.createPartitionedTable(table(1:0, `d`id`ts`v, [DATE, INT, TIMESTAMP, DOUBLE[]]), `pt, `d, sortColumns=`id`ts)");
        List<Vector> rows = List.of(new BasicDoubleVector(new double[] {1, 2}), new BasicDoubleVector(new double[] {3}),
                new BasicDoubleVector(new double[] {}));
        BasicTable t = table(List.of("d", "id", "ts", "v"), new BasicDateVector(new int[] {JAN1, JAN1, JAN1 + 1}),
                new BasicIntVector(new int[] {1, 2, 1}),
                new BasicTimestampVector(new long[] {JAN1 * DAY_MS, JAN1 * DAY_MS + 1, (JAN1 + 1) * DAY_MS}),
                new com.xxdb.data.BasicArrayVector(rows));
        assertEquals(3, ((BasicInt) new AutoFitTableAppender("dfs://jtsdb", "pt", conn).append(t)).getInt());
        assertEquals(3, count("exec count(*) from loadTable('dfs://jtsdb', `pt)"));
        assertEquals(6, count("exec sum(rowSum(v)) from loadTable('dfs://jtsdb', `pt)"));
        // BasicArrayVector makes an empty row one NULL (its constructor), and rowSize counts it
        assertEquals(4, count("exec sum(rowSize(v)) from loadTable('dfs://jtsdb', `pt)"));
        // id 2 on the first day gets a new v; id 3 is new
        AutoFitTableUpsert up = new AutoFitTableUpsert("dfs://jtsdb", "pt", conn, false, new String[] {"id"}, null);
        up.upsert(table(List.of("d", "id", "ts", "v"), new BasicDateVector(new int[] {JAN1, JAN1}),
                new BasicIntVector(new int[] {2, 3}),
                new BasicTimestampVector(new long[] {JAN1 * DAY_MS + 1, JAN1 * DAY_MS + 2}),
                new com.xxdb.data.BasicArrayVector(List.of(new BasicDoubleVector(new double[] {10, 20}),
                        new BasicDoubleVector(new double[] {5})))));
        assertEquals(4, count("exec count(*) from loadTable('dfs://jtsdb', `pt)"));
        assertEquals(3 + 30 + 5, count("exec sum(rowSum(v)) from loadTable('dfs://jtsdb', `pt)"));
        conn.run("dropDatabase('dfs://jtsdb')");
    }

    /** README 7.2.2: PartitionedTableAppender splits rows by partition over a pool's connections. */
    @Test
    void partitionedTableAppenderIntoValueAndCompoTables() throws Exception {
        conn.run("if(existsDatabase('dfs://jpta')) dropDatabase('dfs://jpta');"
                + "db = database('dfs://jpta', VALUE, `A`B`C);"
                + "db.createPartitionedTable(table(1:0, `sym`id`px, [SYMBOL, INT, DOUBLE]), `pt, `sym)");
        DBConnectionPool pool = new ExclusiveDBConnectionPool(HOST, PORT, "admin", "123456", 3, false, false);
        try {
            PartitionedTableAppender a = new PartitionedTableAppender("dfs://jpta", "pt", "sym", pool);
            int n = 3000;
            String[] syms = new String[n];
            int[] ids = new int[n];
            double[] pxs = new double[n];
            for (int i = 0; i < n; i++) {
                syms[i] = new String[] {"A", "B", "C", "D"}[i % 4];
                ids[i] = i;
                pxs[i] = i;
            }
            BasicTable t = table(List.of("sym", "id", "px"), new BasicSymbolVector(Arrays.asList(syms)),
                    new BasicIntVector(ids), new BasicDoubleVector(pxs));
            // D has no partition and newValuePartitionPolicy is skip by default (function_configuration.md):
            // its rows are not kept
            a.append(t);
            assertEquals(n / 4 * 3, count("exec count(*) from loadTable('dfs://jpta', `pt)"));
            assertEquals(0, count("exec count(*) from loadTable('dfs://jpta', `pt) where sym = `D"));
            assertEquals(750, count("exec count(*) from loadTable('dfs://jpta', `pt) where sym = `B"));
            assertEquals(4L * 749 * 750 / 2, count("exec long(sum(id)) from loadTable('dfs://jpta', `pt) where sym = `A"));

            // the README's COMPO of HASH on STRING and HASH on DATETIME
            conn.run("t = table(timestamp(1..10) as date, string(1..10) as sym);"
                    + "db1 = database('', HASH, [DATETIME, 10]); db2 = database('', HASH, [STRING, 5]);"
                    + "if(existsDatabase('dfs://jdemohash')) dropDatabase('dfs://jdemohash');"
                    + "db = database('dfs://jdemohash', COMPO, [db2, db1]);"
                    + "pt = db.createPartitionedTable(t, `pt, `sym`date)");
            PartitionedTableAppender h = new PartitionedTableAppender("dfs://jdemohash", "pt", "sym", pool);
            String[] strs = new String[100];
            long[] ts = new long[100];
            for (int i = 0; i < 100; i++) {
                strs[i] = String.valueOf(i);
                ts[i] = i * 1000L;
            }
            assertEquals(100, h.append(table(List.of("date", "sym"), new BasicTimestampVector(ts),
                    new BasicStringVector(strs))));
            assertEquals(100, count("exec count(*) from loadTable('dfs://jdemohash', `pt)"));
            assertEquals(1, count("exec count(*) from loadTable('dfs://jdemohash', `pt) where sym = '42'"));
        } finally {
            pool.shutdown();
            conn.run("if(existsDatabase('dfs://jpta')) dropDatabase('dfs://jpta');"
                    + "if(existsDatabase('dfs://jdemohash')) dropDatabase('dfs://jdemohash')");
        }
    }

    /** PartitionedTableAppender with an append function and a shared in-memory partitioned table. */
    @Test
    void partitionedTableAppenderIntoAnInMemoryPartitionedTable() throws Exception {
        conn.run("db = database('', RANGE, 0 50 100);"
                + "share db.createPartitionedTable(table(1:0, `id`v, [INT, DOUBLE]), `pt, `id) as jmempt");
        DBConnectionPool pool = new ExclusiveDBConnectionPool(HOST, PORT, "admin", "123456", 2, false, false);
        try {
            PartitionedTableAppender a = new PartitionedTableAppender("", "jmempt", "id", pool);
            int[] ids = new int[100];
            double[] vs = new double[100];
            for (int i = 0; i < 100; i++) {
                ids[i] = i;
                vs[i] = i * 2;
            }
            assertEquals(100, a.append(table(List.of("id", "v"), new BasicIntVector(ids), new BasicDoubleVector(vs))));
            assertEquals(100, count("exec count(*) from jmempt"));
            assertEquals(9900, count("exec sum(v) from jmempt"));
            // a temporal column of another type is refused by the appender itself
            assertThrows(RuntimeException.class, () -> a.append(table(List.of("id", "v"),
                    new BasicDateVector(new int[] {1}), new BasicDoubleVector(new double[] {1}))));
        } finally {
            pool.shutdown();
            conn.run("undef(`jmempt, SHARED)");
        }
    }

    @Test
    void partitionedTableAppenderWithAnAppendFunction() throws Exception {
        conn.run("if(existsDatabase('dfs://jptafn')) dropDatabase('dfs://jptafn');"
                + "db = database('dfs://jptafn', HASH, [INT, 4]);"
                + "db.createPartitionedTable(table(1:0, `gid`v, [INT, DOUBLE]), `pt, `gid)");
        DBConnectionPool pool = new ExclusiveDBConnectionPool(HOST, PORT, "admin", "123456", 2, false, false);
        try {
            // the pool's sessions do not share this one's definitions, so the function is a lambda
            PartitionedTableAppender a = new PartitionedTableAppender("dfs://jptafn", "pt", "gid",
                    "def(data){ t = loadTable('dfs://jptafn', `pt); t.append!(select gid, v * 10 as v from data); "
                            + "return size(data) }", pool);
            int[] g = new int[40];
            double[] v = new double[40];
            for (int i = 0; i < 40; i++) {
                g[i] = i;
                v[i] = 1;
            }
            assertEquals(40, a.append(table(List.of("gid", "v"), new BasicIntVector(g), new BasicDoubleVector(v))));
            assertEquals(400, count("exec sum(v) from loadTable('dfs://jptafn', `pt)"));
            assertTrue(count("exec count(*) from loadTable('dfs://jptafn', `pt)") == 40);
        } finally {
            pool.shutdown();
            conn.run("dropDatabase('dfs://jptafn')");
        }
    }
}
