package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.comm.ErrorCodeInfo;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import com.xxdb.multithreadedtablewriter.MultithreadedTableWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer scenarios of the Python suite's seed examples, through the Java API. */
class MultithreadedTableWriterTest extends ServerTest {
    @Test
    void sharedTableWithThreadsByDateAndAShortRow() throws Exception {
        conn.run("t = table(1000:0, `date`ticker`price, [DATE,SYMBOL,LONG]); share t as jglobal");
        MultithreadedTableWriter w = new MultithreadedTableWriter(HOST, PORT, "admin", "123456", "", "jglobal",
                false, false, null, 10, 1, 5, "date");
        for (int i = 0; i < 10; i++) {
            LocalDate d = LocalDate.of(2022, 3, 20 + i % 6);
            ErrorCodeInfo r = i == 3 ? w.insert(d, (long) i) : w.insert(d, "AAAA", (long) i);
            assertEquals(i == 3, r.hasError());
        }
        w.waitForThreadCompletion();
        assertEquals(9, count("exec count(*) from jglobal"));
        conn.run("undef(`jglobal, SHARED)");
    }

    @Test
    void dfsTableWithCompressionAndThreadsById() throws Exception {
        conn.run("if(existsDatabase('dfs://jvaluedb3')) dropDatabase('dfs://jvaluedb3');"
                + "datetest=table(1000:0,`date`symbol`id,[DATE,SYMBOL,INT]);"
                + "db = database(directory='dfs://jvaluedb3', partitionType=HASH, partitionScheme=[INT, 10]);"
                + "db.createPartitionedTable(datetest,'pdatetest','id')");
        MultithreadedTableWriter w = new MultithreadedTableWriter(HOST, PORT, "admin", "123456", "dfs://jvaluedb3",
                "pdatetest", false, false, null, 10000, 1, 5, "id",
                new int[] {Vector.COMPRESS_LZ4, Vector.COMPRESS_LZ4, Vector.COMPRESS_DELTA});
        for (int i = 0; i < 1000; i++) {
            assertFalse(w.insert(LocalDate.of(2022, 3, 23), "AAAAAAAB", i).hasError());
        }
        w.waitForThreadCompletion();
        MultithreadedTableWriter.Status st = w.getStatus();
        assertFalse(st.hasError(), st.getErrorInfo());
        assertEquals(1000, st.sentRows);
        assertEquals(1000, count("exec count(*) from loadTable('dfs://jvaluedb3', 'pdatetest')"));
    }

    @Test
    void conversionErrorStopsTheWriterAndKeepsTheRows() throws Exception {
        conn.run("share table(1000:0, `date`symbol`id, [DATE,SYMBOL,INT]) as jerr");
        MultithreadedTableWriter w = new MultithreadedTableWriter(HOST, PORT, "admin", "123456", "", "jerr",
                false, false, null, 10000, 1, 1, "");
        for (int i = 0; i < 5; i++) {
            assertFalse(w.insert(LocalDate.of(2022, 3, 23), "A", i).hasError());
        }
        ErrorCodeInfo bad = w.insert(LocalDate.of(2022, 3, 23), 222.5, 1);
        // The Java API's writer thread tests its exit flag outside the
        // queue's lock and then waits without a timeout, so a
        // waitForThreadCompletion that lands in between is never seen and
        // join() hangs (seen once in CI, with no request in flight). Wait
        // until the thread has stopped on its own (an error) or is parked
        // in that wait, after the throttle (1 s) has sent the rows.
        ConnectionTest.waitFor(() -> w.getStatus().hasError() || writerParked());
        w.waitForThreadCompletion();
        MultithreadedTableWriter.Status st = w.getStatus();
        if (!bad.hasError()) {
            assertTrue(st.hasError());
        }
        List<List<Entity>> unwritten = w.getUnwrittenData();
        assertEquals(5 - st.sentRows, unwritten.size());
        conn.run("undef(`jerr, SHARED)");
    }

    /** whether a writer thread waits, untimed, on its queue: the wait a later notify reaches */
    static boolean writerParked() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] st = e.getValue();
            if (e.getKey().getState() != Thread.State.WAITING || st.length == 0
                    || !st[0].getClassName().equals("java.lang.Object")) {
                continue;
            }
            for (StackTraceElement f : st) {
                if (f.getClassName().endsWith("MultithreadedTableWriter$WriterThread")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void upsertModeUpdatesByKey() throws Exception {
        conn.run("if(existsDatabase('dfs://jtestMTW')) dropDatabase('dfs://jtestMTW');"
                + "db = database('dfs://jtestMTW', VALUE, 2022.01.01..2022.01.03);"
                + "db.createPartitionedTable(table(1000:0, `index`date`sym`qty, [LONG, DATE, SYMBOL, INT]), `pt, `date)");
        for (int round = 0; round < 2; round++) {
            MultithreadedTableWriter w = new MultithreadedTableWriter(HOST, PORT, "admin", "123456", "dfs://jtestMTW",
                    "pt", false, false, null, 2, 0.01f, 3, "date",
                    new int[] {Vector.COMPRESS_LZ4, Vector.COMPRESS_DELTA, Vector.COMPRESS_LZ4, Vector.COMPRESS_DELTA},
                    MultithreadedTableWriter.Mode.M_Upsert, new String[] {"ignoreNull=true", "keyColNames=`index"});
            for (int i = 0; i < 6; i++) {
                assertFalse(w.insert((long) i, LocalDate.of(2022, 1, 1 + i % 3), "S", 100 * round + i).hasError());
            }
            w.waitForThreadCompletion();
            assertFalse(w.getStatus().hasError(), w.getStatus().getErrorInfo());
        }
        assertEquals(6, count("exec count(*) from loadTable('dfs://jtestMTW', `pt)"));
        assertEquals(600 + 15, count("exec sum(qty) from loadTable('dfs://jtestMTW', `pt)"));
    }

    @Test
    void unknownTableFailsTheConstructor() {
        assertThrows(Exception.class, () -> new MultithreadedTableWriter(HOST, PORT, "admin", "123456", "",
                "noSuchTable", false, false, null, 10, 1, 1, ""));
    }
}
