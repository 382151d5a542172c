package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicTimestamp;
import com.xxdb.streaming.client.IMessage;
import com.xxdb.streaming.client.ThreadedClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The Java API's ThreadedClient subscribing to a stream table: rows pushed on its own connection. */
class SubscribeTest extends ServerTest {
    void insert(int from, int n) throws Exception {
        conn.run(String.format("ids = %d..%d; tableInsert(jtrades, 2024.01.01T00:00:00.000 + ids, "
                + "take(`a`b`c, %d)[ids %% 3], ids * 0.5, ids)", from, from + n - 1, n));
    }

    @Test
    void everyRowOnceInOrderThenUnsubscribe() throws Exception {
        conn.run("share streamTable(10000:0, `time`sym`price`id, [TIMESTAMP,SYMBOL,DOUBLE,INT]) as jtrades");
        insert(0, 5);
        List<IMessage> got = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(2003);
        ThreadedClient client = new ThreadedClient(0);
        try {
            client.subscribe(HOST, PORT, "jtrades", "java", msg -> {
                synchronized (got) {
                    got.add(msg);
                }
                all.countDown();
            }, 2);
            insert(5, 2000);
            assertTrue(all.await(20, TimeUnit.SECONDS), "rows arrived: " + got.size());
            synchronized (got) {
                assertEquals(2003, got.size());
                for (int i = 0; i < got.size(); i++) {
                    IMessage m = got.get(i);
                    assertEquals(i + 2, ((BasicInt) m.getEntity(3)).getInt());
                    assertEquals(i + 2, m.getOffset());
                }
                IMessage first = got.get(0);
                assertEquals("c", first.getEntity(1).getString());
                assertEquals(1.0, ((BasicDouble) first.getEntity(2)).getDouble());
                assertEquals("2024.01.01T00:00:00.002", ((BasicTimestamp) first.getEntity(0)).getString());
            }
            assertEquals(1, count("exec count(*) from getStreamingStat().pubTables where tableName=\"jtrades\""));
            client.unsubscribe(HOST, PORT, "jtrades", "java");
            for (int i = 0; i < 500 && count("exec count(*) from getStreamingStat().pubTables where tableName=\"jtrades\"") != 0; i++) {
                Thread.sleep(10);
            }
            assertEquals(0, count("exec count(*) from getStreamingStat().pubTables where tableName=\"jtrades\""));
        } finally {
            client.close();
            conn.run("dropStreamTable(`jtrades)");
        }
    }

    /**
     * Subscriptions to tables that already hold rows: the Java API reads the connection before it has
     * recorded the topic, and a row that came too early ended its reader, so that table's subscriber
     * never got a row (one in about a hundred here).
     */
    @Test
    void everySubscriptionGetsTheRowsAlreadyThere() throws Exception {
        int n = 150;
        AtomicIntegerArray got = new AtomicIntegerArray(n);
        for (int i = 0; i < n; i++) {
            conn.run("share streamTable(1..3 as id) as jpre" + i);
        }
        ThreadedClient client = new ThreadedClient(0);
        try {
            for (int i = 0; i < n; i++) {
                final int k = i;
                client.subscribe(HOST, PORT, "jpre" + i, "java", msg -> got.incrementAndGet(k), 0);
            }
            for (int wait = 0; wait < 2000 && !allThree(got); wait++) {
                Thread.sleep(10);
            }
            StringBuilder short_ = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (got.get(i) != 3) {
                    short_.append(" jpre").append(i).append(':').append(got.get(i));
                }
            }
            assertEquals("", short_.toString(), "tables whose subscriber did not get its 3 rows");
            for (int i = 0; i < n; i++) {
                client.unsubscribe(HOST, PORT, "jpre" + i, "java");
            }
        } finally {
            client.close();
            for (int i = 0; i < n; i++) {
                conn.run("try { dropStreamTable(`jpre" + i + ") } catch(ex) {}");
            }
        }
    }

    static boolean allThree(AtomicIntegerArray got) {
        for (int i = 0; i < got.length(); i++) {
            if (got.get(i) != 3) {
                return false;
            }
        }
        return true;
    }
}
