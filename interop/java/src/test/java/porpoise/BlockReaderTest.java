package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.EntityBlockReader;
import com.xxdb.io.ProgressListener;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A query's rows in blocks of fetchSize (API README chapter 6, "Read Data"): run with a fetchSize answers an
 * EntityBlockReader whose read() gives one table per block.
 */
class BlockReaderTest extends ServerTest {
    static final int ROWS = 100_000;
    static final int FETCH = 8_193;

    EntityBlockReader query() throws IOException {
        conn.run("jbig = table(1.." + ROWS + " as id, take(`a`b`c, " + ROWS + ") as sym, (1.." + ROWS + ") * 0.5 as px)");
        return (EntityBlockReader) conn.run("select * from jbig", (ProgressListener) null, 4, 2, FETCH);
    }

    @Test
    void readEveryBlock() throws Exception {
        EntityBlockReader r = query();
        int blocks = 0;
        int rows = 0;
        long sum = 0;
        while (r.hasNext()) {
            BasicTable t = (BasicTable) r.read();
            blocks++;
            assertEquals(3, t.columns());
            assertTrue(t.rows() <= FETCH, "block of " + t.rows());
            BasicIntVector ids = (BasicIntVector) t.getColumn("id");
            // blocks come in order: each starts where the last ended
            assertEquals(rows + 1, ids.getInt(0));
            for (int i = 0; i < ids.rows(); i++) {
                sum += ids.getInt(i);
            }
            rows += t.rows();
        }
        assertEquals(ROWS, rows);
        assertEquals((ROWS + FETCH - 1) / FETCH, blocks);
        assertEquals((long) ROWS * (ROWS + 1) / 2, sum);
        // the connection is free for the next request
        assertEquals(6, ((BasicInt) conn.run("1 + 5")).getInt());
    }

    @Test
    void skipTheRestPartWay() throws Exception {
        EntityBlockReader r = query();
        BasicTable first = (BasicTable) r.read();
        assertEquals(FETCH, first.rows());
        r.read();
        assertTrue(r.hasNext());
        r.skipAll();
        assertFalse(r.hasNext());
        assertEquals(ROWS, count("exec count(*) from jbig"));
        // a second reader on the same connection starts from the first row
        EntityBlockReader again = (EntityBlockReader) conn.run("select id from jbig where id > 50000",
                (ProgressListener) null, 4, 2, FETCH);
        assertEquals(50001, ((BasicIntVector) ((BasicTable) again.read()).getColumn(0)).getInt(0));
        again.skipAll();
        assertEquals(2, ((BasicInt) conn.run("1 + 1")).getInt());
    }

    /** fetchSize under 8192 is refused by the API before anything is sent. */
    @Test
    void smallFetchSizeIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> conn.run("select * from table(1..10 as id)", (ProgressListener) null, 4, 2, 100));
        assertEquals("fetchSize must be greater than 8192", e.getMessage());
    }
}
