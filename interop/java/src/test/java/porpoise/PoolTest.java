package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.BasicDBTask;
import com.xxdb.DBTask;
import com.xxdb.ExclusiveDBConnectionPool;
import com.xxdb.data.BasicInt;
import com.xxdb.data.Entity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ExclusiveDBConnectionPool running BasicDBTasks (API README chapter 2.3). */
class PoolTest extends ServerTest {
    @Test
    void tasksRunOnThePoolsConnections() throws Exception {
        conn.run("share table(1000:0, `task`v, [INT, LONG]) as jpool");
        ExclusiveDBConnectionPool pool = new ExclusiveDBConnectionPool(HOST, PORT, "admin", "123456", 4, false, false);
        try {
            assertEquals(4, pool.getConnectionCount());
            List<DBTask> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(new BasicDBTask("tableInsert(jpool, take(" + i + ", 100), 1..100); sum(1.." + (i + 1) + ")"));
            }
            List<Entity> args = new ArrayList<>();
            args.add(new BasicInt(41));
            BasicDBTask withArgs = new BasicDBTask("add{1}", args);
            tasks.add(withArgs);
            BasicDBTask failing = new BasicDBTask("jNoSuchFunction(1)");
            tasks.add(failing);
            pool.execute(tasks);
            pool.waitForThreadCompletion();
            for (int i = 0; i < 12; i++) {
                DBTask t = tasks.get(i);
                assertTrue(t.isSuccessful(), t.getErrorMsg());
                assertEquals((i + 1) * (i + 2) / 2, ((BasicInt) t.getResult()).getInt());
            }
            assertEquals(42, ((BasicInt) withArgs.getResult()).getInt());
            assertFalse(failing.isSuccessful());
            assertTrue(failing.getErrorMsg().contains("Cannot recognize the token jNoSuchFunction"),
                    failing.getErrorMsg());
            assertEquals(1200, count("exec count(*) from jpool"));
            assertEquals(12 * 5050, count("exec sum(v) from jpool"));
            assertEquals(12, count("exec count(distinct task) from jpool"));

            // one task at a time, with a timeout it does not reach
            BasicDBTask one = new BasicDBTask("exec count(*) from jpool");
            pool.execute(one, 10_000);
            assertTrue(one.isSuccessful(), one.getErrorMsg());
            assertEquals(1200, ((BasicInt) one.getResult()).getInt());
        } finally {
            pool.shutdown();
            conn.run("undef(`jpool, SHARED)");
        }
    }

    /** Each of the pool's connections is its own session: a variable defined by one task is not another's. */
    @Test
    void connectionsAreSeparateSessions() throws Exception {
        ExclusiveDBConnectionPool pool = new ExclusiveDBConnectionPool(HOST, PORT, "admin", "123456", 2, false, false);
        try {
            List<DBTask> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(new BasicDBTask("getCurrentSessionAndUser()[0]"));
            }
            pool.execute(tasks);
            pool.waitForThreadCompletion();
            java.util.Set<String> sessions = new java.util.HashSet<>();
            for (DBTask t : tasks) {
                assertTrue(t.isSuccessful(), t.getErrorMsg());
                sessions.add(t.getResult().getString());
            }
            assertTrue(sessions.size() <= 2 && !sessions.isEmpty(), sessions.toString());
            assertFalse(sessions.contains(conn.getSessionID()));
        } finally {
            pool.shutdown();
        }
    }
}
