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
}
