package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.Entity;
import com.xxdb.streaming.client.BasicMessage;
import com.xxdb.streaming.client.BatchMessageHandler;
import com.xxdb.streaming.client.IMessage;
import com.xxdb.streaming.client.PollingClient;
import com.xxdb.streaming.client.StreamDeserializer;
import com.xxdb.streaming.client.ThreadPooledClient;
import com.xxdb.streaming.client.ThreadedClient;
import com.xxdb.streaming.client.TopicPoller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API README's other ways to subscribe (chapter 9): PollingClient, ThreadPooledClient, a filter and
 * batches (msgAsTable too). Not here: heterogeneous stream tables (README 9.5), whose rows only replay of a
 * dictionary of tables writes, which Porpoise refuses.
 */
class StreamingClientsTest extends ServerTest {
    @BeforeEach
    void table() throws Exception {
        conn.run("share streamTable(10000:0, `id`sym`price, [INT, SYMBOL, DOUBLE]) as jstream");
    }

    @AfterEach
    void drop() throws Exception {
        ConnectionTest.waitFor(() -> subscriptions() == 0);
        conn.run("try { dropStreamTable(`jstream) } catch(ex) {}");
    }

    interface Action {
        void run() throws Exception;
    }

    /** runs an unsubscribe in a finally block: a failed test must leave no subscription keeping the table */
    static void quietly(Action a) {
        try {
            a.run();
        } catch (Exception ignored) {
            // already unsubscribed
        }
    }

    void insert(int from, int n) throws Exception {
        conn.run(String.format("ids = %d..%d; tableInsert(jstream, ids, take(`a`b`c, %d)[ids %% 3], ids * 0.5)",
                from, from + n - 1, n));
    }

    long subscriptions() throws Exception {
        return count("exec count(*) from getStreamingStat().pubTables where tableName=\"jstream\"");
    }

    void unsubscribed() throws Exception {
        ConnectionTest.waitFor(() -> subscriptions() == 0);
        assertEquals(0, subscriptions());
    }

    @Test
    void pollingClient() throws Exception {
        insert(0, 10);
        PollingClient client = new PollingClient(0);
        try {
            TopicPoller poller = client.subscribe(HOST, PORT, "jstream", "jpoll", 0);
            insert(10, 990);
            List<IMessage> got = new ArrayList<>();
            long end = System.nanoTime() + 20_000_000_000L;
            while (got.size() < 1000 && System.nanoTime() < end) {
                List<IMessage> batch = poller.poll(100, 1000);
                if (batch != null) {
                    got.addAll(batch);
                }
            }
            assertEquals(1000, got.size());
            for (int i = 0; i < got.size(); i++) {
                assertEquals(i, ((BasicInt) got.get(i).getEntity(0)).getInt());
                assertEquals(i, got.get(i).getOffset());
            }
            assertEquals("b", got.get(1).getEntity(1).getString());
            assertEquals(499.5, ((BasicDouble) got.get(999).getEntity(2)).getDouble());
            client.unsubscribe(HOST, PORT, "jstream", "jpoll");
            unsubscribed();
        } finally {
            quietly(() -> client.unsubscribe(HOST, PORT, "jstream", "jpoll"));
            client.close();
        }
    }

    @Test
    void threadPooledClient() throws Exception {
        ThreadPooledClient client = new ThreadPooledClient(0, 3);
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(600);
        try {
            // offset -1: only rows inserted after subscribing
            insert(0, 5);
            client.subscribe(HOST, PORT, "jstream", "jpooled", msg -> {
                ids.add(((BasicInt) msg.getEntity(0)).getInt());
                all.countDown();
            }, -1);
            insert(5, 600);
            assertTrue(all.await(20, TimeUnit.SECONDS), "rows arrived: " + ids.size());
            assertEquals(600, ids.size());
            assertEquals(5, (int) new TreeSet<>(ids).first());
            assertEquals(604, (int) new TreeSet<>(ids).last());
            client.unsubscribe(HOST, PORT, "jstream", "jpooled");
            unsubscribed();
        } finally {
            quietly(() -> client.unsubscribe(HOST, PORT, "jstream", "jpooled"));
            client.close();
        }
    }

    /** README 9.4: with setStreamTableFilterColumn only rows whose column is in the filter are published. */
    @Test
    void filter() throws Exception {
        conn.run("setStreamTableFilterColumn(jstream, `sym)");
        ThreadedClient client = new ThreadedClient(0);
        List<Integer> ids = new ArrayList<>();
        try {
            client.subscribe(HOST, PORT, "jstream", "jfilter", msg -> {
                synchronized (ids) {
                    ids.add(((BasicInt) msg.getEntity(0)).getInt());
                }
            }, 0, new BasicStringVector(new String[] {"a", "c"}));
            insert(0, 300);
            // a last row of "a" marks the end
            conn.run("tableInsert(jstream, 1000, `a, 0.0)");
            ConnectionTest.waitFor(() -> {
                synchronized (ids) {
                    return !ids.isEmpty() && ids.get(ids.size() - 1) == 1000;
                }
            });
            synchronized (ids) {
                assertEquals(201, ids.size());
                for (int id : ids.subList(0, 200)) {
                    assertTrue(id % 3 != 1, "row of b: " + id);
                }
            }
        } finally {
            quietly(() -> client.unsubscribe(HOST, PORT, "jstream", "jfilter"));
            client.close();
        }
    }

    /** batchSize and throttle with a BatchMessageHandler; with msgAsTable each batch is one table. */
    @Test
    void batches() throws Exception {
        for (boolean asTable : new boolean[] {false, true}) {
            ConnectionTest.waitFor(() -> subscriptions() == 0);
            conn.run("try { dropStreamTable(`jstream) } catch(ex) {};"
                    + "share streamTable(10000:0, `id`sym`price, [INT, SYMBOL, DOUBLE]) as jstream");
            ThreadedClient client = new ThreadedClient(0);
            List<Integer> ids = new ArrayList<>();
            BatchMessageHandler h = new BatchMessageHandler() {
                @Override
                public void batchHandler(List<IMessage> msgs) {
                    synchronized (ids) {
                        for (IMessage m : msgs) {
                            if (asTable) {
                                // the message holds the block's columns; its offset is the first row's
                                com.xxdb.data.Vector col = (com.xxdb.data.Vector) m.getEntity(0);
                                assertEquals(ids.size(), m.getOffset());
                                for (int i = 0; i < col.rows(); i++) {
                                    ids.add(((BasicInt) col.get(i)).getInt());
                                }
                            } else {
                                ids.add(((BasicInt) m.getEntity(0)).getInt());
                            }
                        }
                    }
                }

                @Override
                public void doEvent(IMessage msg) {
                    batchHandler(List.of(msg));
                }
            };
            try {
                client.subscribe(HOST, PORT, "jstream", "jbatch", h, 0, false, null, null, false, 500, 0.1f,
                        "admin", "123456", asTable);
                insert(0, 2000);
                ConnectionTest.waitFor(() -> {
                    synchronized (ids) {
                        return ids.size() >= 2000;
                    }
                });
                synchronized (ids) {
                    assertEquals(2000, ids.size(), "msgAsTable " + asTable);
                    for (int i = 0; i < ids.size(); i++) {
                        assertEquals(i, (int) ids.get(i));
                    }
                }
            } finally {
                quietly(() -> client.unsubscribe(HOST, PORT, "jstream", "jbatch"));
                client.close();
            }
        }
    }
}
