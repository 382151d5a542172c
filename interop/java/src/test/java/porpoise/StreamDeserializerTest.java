package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicDateTime;
import com.xxdb.data.BasicDictionary;
import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicString;
import com.xxdb.data.BasicTimestamp;
import com.xxdb.data.Entity;
import com.xxdb.streaming.client.BasicMessage;
import com.xxdb.streaming.client.IMessage;
import com.xxdb.streaming.client.StreamDeserializer;
import com.xxdb.streaming.client.ThreadedClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.javatuples.Pair;
import org.junit.jupiter.api.Test;

/**
 * A heterogeneous stream table, fed by replay from two tables of different schemas, read with the
 * Java API's StreamDeserializer: each row comes back as its own table's row with its key. (The Java
 * API reads a DECIMAL cell of a message as scale and value, where DolphinDB writes the value alone, as
 * the C++ and Python APIs read it; the tables here have no DECIMAL column.)
 */
class StreamDeserializerTest extends ServerTest {
    static final int N = 6;

    void prepare() throws Exception {
        conn.run("share streamTable(100:0, `timestampv`sym`blob`price1, [TIMESTAMP, SYMBOL, BLOB, DOUBLE]) as jhetero\n"
                + "n = 6\n"
                + "jt1 = table(100:0, `datetimev`timestampv`sym`price1`price2`qty`tag`vols,"
                + " [DATETIME, TIMESTAMP, SYMBOL, DOUBLE, DOUBLE, INT, STRING, INT[]])\n"
                + "jt2 = table(100:0, `datetimev`timestampv`sym`price1, [DATETIME, TIMESTAMP, SYMBOL, DOUBLE])\n"
                + "tableInsert(jt1, 2012.01.01T01:21:23 + 1..n, 2018.12.01T01:21:23.000 + 1..n, take(`a`b`c, n),"
                + " 0.5 + 1..n, 100.25 + 1..n, [1, NULL, 3, 4, 5, 6], \"t\" + string(1..n), arrayVector(1..n, 1..n))\n"
                + "tableInsert(jt2, 2012.01.01T01:21:23 + 1..n, 2018.12.01T01:21:23.000 + 1..n + 10, take(`x`y`z, n), 1000.5 + 1..n)\n"
                + "share jt1 as jpt1\n"
                + "share jt2 as jpt2\n"
                + "replay(inputTables=dict(['msg1', 'msg2'], [jpt1, jpt2]), outputTables=`jhetero,"
                + " dateColumn=`timestampv, timeColumn=`timestampv)");
    }

    void cleanUp() throws Exception {
        conn.run("try { dropStreamTable(`jhetero) } catch(ex) {}; try { undef(`jpt1`jpt2, SHARED) } catch(ex) {}");
    }

    List<BasicMessage> subscribe(StreamDeserializer sd, String action) throws Exception {
        List<BasicMessage> got = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(2 * N);
        ThreadedClient client = new ThreadedClient(0);
        try {
            client.subscribe(HOST, PORT, "jhetero", action, (IMessage msg) -> {
                synchronized (got) {
                    got.add((BasicMessage) msg);
                }
                all.countDown();
            }, 0, false, null, sd, false);
            assertTrue(all.await(20, TimeUnit.SECONDS), "rows arrived: " + got.size());
            Thread.sleep(200);
            client.unsubscribe(HOST, PORT, "jhetero", action);
        } finally {
            client.close();
        }
        return got;
    }

    static void check(List<BasicMessage> got) {
        assertEquals(2 * N, got.size());
        for (int i = 1; i <= N; i++) {
            // msg1's times are +1..+6 ms, msg2's +11..+16: all of msg1 first
            BasicMessage m = got.get(i - 1);
            assertEquals("msg1", m.getSym());
            assertEquals(8, m.size());
            assertEquals(new BasicDateTime(java.time.LocalDateTime.of(2012, 1, 1, 1, 21, 23 + i)).getString(),
                    ((BasicDateTime) m.getEntity(0)).getString());
            assertEquals(String.format("2018.12.01T01:21:23.%03d", i), ((BasicTimestamp) m.getEntity(1)).getString());
            assertEquals("abc".substring((i - 1) % 3, (i - 1) % 3 + 1), ((BasicString) m.getEntity(2)).getString());
            assertEquals(0.5 + i, ((BasicDouble) m.getEntity(3)).getDouble());
            assertEquals(100.25 + i, ((BasicDouble) m.getEntity(4)).getDouble());
            if (i == 2) {
                assertTrue(((BasicInt) m.getEntity(5)).isNull());
            } else {
                assertEquals(i, ((BasicInt) m.getEntity(5)).getInt());
            }
            assertEquals(Entity.DATA_TYPE.DT_STRING, m.getEntity(6).getDataType());
            assertEquals("t" + i, m.getEntity(6).getString());
            Entity vols = m.getEntity(7);
            assertEquals("[" + i + "]", vols.getString());

            BasicMessage m2 = got.get(N + i - 1);
            assertEquals("msg2", m2.getSym());
            assertEquals(4, m2.size());
            assertEquals(String.format("2018.12.01T01:21:23.%03d", i + 10), ((BasicTimestamp) m2.getEntity(1)).getString());
            assertEquals("xyz".substring((i - 1) % 3, (i - 1) % 3 + 1), m2.getEntity(2).getString());
            assertEquals(1000.5 + i, ((BasicDouble) m2.getEntity(3)).getDouble());
        }
    }

    @Test
    void byTableNames() throws Exception {
        try {
            prepare();
            Map<String, Pair<String, String>> tables = new HashMap<>();
            tables.put("msg1", new Pair<>("", "jpt1"));
            tables.put("msg2", new Pair<>("", "jpt2"));
            check(subscribe(new StreamDeserializer(tables, conn), "jnames"));
        } finally {
            cleanUp();
        }
    }

    @Test
    void bySchemaDictionaries() throws Exception {
        try {
            prepare();
            Map<String, BasicDictionary> schemas = new HashMap<>();
            schemas.put("msg1", (BasicDictionary) conn.run("schema(jpt1)"));
            schemas.put("msg2", (BasicDictionary) conn.run("schema(jpt2)"));
            check(subscribe(new StreamDeserializer(schemas), "jschemas"));
        } finally {
            cleanUp();
        }
    }
}
