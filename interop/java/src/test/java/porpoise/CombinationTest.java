package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.Entity;
import com.xxdb.data.EntityBlockReader;
import com.xxdb.io.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection options together: SSL with compression, block reads over both, async uploads. */
class CombinationTest extends ServerTest {
    static final int ROWS = 200_000;

    /** reads every block of a fetchSize query on c and answers (rows, sum of ids) */
    static long[] readBlocks(DBConnection c) throws Exception {
        c.run("jcombo = table(1.." + ROWS + " as id, take(`a`b`c, " + ROWS + ") as sym, (1.." + ROWS + ") * 0.5 as px)");
        EntityBlockReader r = (EntityBlockReader) c.run("select * from jcombo", (ProgressListener) null, 4, 2, 50_000);
        long rows = 0;
        long sum = 0;
        while (r.hasNext()) {
            BasicTable t = (BasicTable) r.read();
            BasicIntVector ids = (BasicIntVector) t.getColumn(0);
            assertEquals(rows + 1, ids.getInt(0));
            for (int i = 0; i < ids.rows(); i++) {
                sum += ids.getInt(i);
            }
            rows += t.rows();
        }
        return new long[] {rows, sum};
    }

    void check(DBConnection c) throws Exception {
        assertTrue(c.connect(HOST, PORT, "admin", "123456"));
        try {
            long[] got = readBlocks(c);
            assertEquals(ROWS, got[0]);
            assertEquals((long) ROWS * (ROWS + 1) / 2, got[1]);
            BasicTable t = (BasicTable) c.run("jcombo");
            assertEquals(ROWS, t.rows());
            List<Entity> args = new ArrayList<>();
            args.add(t);
            c.run("jcopy = table(1:0, `id`sym`px, [INT, STRING, DOUBLE])");
            assertEquals(ROWS, ((BasicInt) c.run("tableInsert{jcopy}", args)).getInt());
            assertEquals("true", c.run("eqObj(jcopy.values(), jcombo.values())").getString());
        } finally {
            c.close();
        }
    }

    @Test
    void compressedBlocks() throws Exception {
        check(new DBConnection(false, false, true));
    }

    @Test
    void sslBlocks() throws Exception {
        check(new DBConnection(false, true, false));
    }

    @Test
    void sslWithCompression() throws Exception {
        check(new DBConnection(false, true, true));
    }

    /** a DFS table's SYMBOL columns (codes over a symbol base) read over a compressed connection, whole and in blocks */
    @Test
    void dfsSymbolsCompressed() throws Exception {
        conn.run("if(existsDatabase('dfs://jcsym')) dropDatabase('dfs://jcsym');"
                + "db = database('dfs://jcsym', HASH, [SYMBOL, 4]);"
                + "pt = db.createPartitionedTable(table(1:0, `sym`venue`id, [SYMBOL, SYMBOL, INT]), `pt, `sym);"
                + "n = 120000; pt.append!(table(take(`AAPL`MSFT`IBM`GOOG`TSLA, n) as sym, "
                + "take(`X`Y, n) as venue, 1..n as id))");
        DBConnection z = new DBConnection(false, false, true);
        try {
            assertTrue(z.connect(HOST, PORT, "admin", "123456"));
            BasicTable t = (BasicTable) z.run("select * from loadTable('dfs://jcsym', `pt) order by id");
            assertEquals(120_000, t.rows());
            assertEquals(Entity.DATA_TYPE.DT_SYMBOL, t.getColumn(0).getDataType());
            for (int i : new int[] {0, 1, 4, 5, 65_536, 119_999}) {
                assertEquals(new String[] {"AAPL", "MSFT", "IBM", "GOOG", "TSLA"}[i % 5], t.getColumn(0).get(i).getString());
                assertEquals(i % 2 == 0 ? "X" : "Y", t.getColumn(1).get(i).getString());
            }
            EntityBlockReader r = (EntityBlockReader) z.run("select * from loadTable('dfs://jcsym', `pt) where sym = `IBM",
                    (ProgressListener) null, 4, 2, 10_000);
            int rows = 0;
            while (r.hasNext()) {
                BasicTable b = (BasicTable) r.read();
                for (int i = 0; i < b.rows(); i++) {
                    assertEquals("IBM", b.getColumn(0).get(i).getString());
                }
                rows += b.rows();
            }
            assertEquals(24_000, rows);
        } finally {
            z.close();
            conn.run("dropDatabase('dfs://jcsym')");
        }
    }

    /** upload and run on an asynchronous connection, over SSL with compression too */
    @Test
    void asynchronousUploads() throws Exception {
        for (boolean ssl : new boolean[] {false, true}) {
            conn.run("share table(1:0, `id, [INT]) as jasyncup");
            DBConnection a = new DBConnection(true, ssl, true);
            try {
                assertTrue(a.connect(HOST, PORT, "admin", "123456"));
                int[] ids = new int[100_000];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = i;
                }
                Map<String, Entity> vars = new HashMap<>();
                vars.put("jids", new BasicIntVector(ids));
                a.upload(vars);
                assertNull(a.run("tableInsert(jasyncup, jids)"));
                List<Entity> args = new ArrayList<>();
                args.add(new BasicTable(List.of("id"), List.of(new BasicIntVector(new int[] {-1, -2}))));
                a.run("tableInsert{jasyncup}", args);
                ConnectionTest.waitFor(() -> count("exec count(*) from jasyncup") == 100_002);
                assertEquals(100_002, count("exec count(*) from jasyncup"));
                assertEquals((long) 99_999 * 100_000 / 2 - 3, count("exec sum(long(id)) from jasyncup"));
            } finally {
                a.close();
                conn.run("undef(`jasyncup, SHARED)");
            }
        }
    }
}
