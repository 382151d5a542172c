package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.BasicAnyVector;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.Entity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DBConnection's ways to connect and log in (API README chapter 2.1), errors, async, SSL and compression. */
class ConnectionTest extends ServerTest {
    /** the user a connection's session runs as: getCurrentSessionAndUser() answers (sessionId, userId) */
    static String user(DBConnection c) throws IOException {
        return ((BasicAnyVector) c.run("getCurrentSessionAndUser()")).get(1).getString();
    }

    @Test
    void connectWithoutLoginIsGuestUntilLogin() throws Exception {
        DBConnection c = new DBConnection();
        try {
            assertTrue(c.connect(HOST, PORT));
            assertTrue(c.isConnected());
            assertEquals(3, ((BasicInt) c.run("1 + 2")).getInt());
            assertEquals("guest", user(c));
            c.login("admin", "123456", false);
            assertEquals("admin", user(c));
        } finally {
            c.close();
        }
        assertFalse(c.isConnected());
    }

    @Test
    void connectWithLogin() throws Exception {
        assertEquals("admin", user(conn));
        assertEquals(HOST, conn.getHostName());
        assertEquals(PORT, conn.getPort());
        assertFalse(conn.getSessionID().isEmpty());
    }

    /** connect's initialScript runs in the new session before it is handed back (README 2.1). */
    @Test
    void initialScriptRunsOnConnect() throws Exception {
        DBConnection c = new DBConnection();
        try {
            assertTrue(c.connect(HOST, PORT, "admin", "123456", "jinit = 42"));
            assertEquals(42, ((BasicInt) c.run("jinit")).getInt());
        } finally {
            c.close();
        }
    }

    /** The server's text comes through after "Server response: " (DBConnection builds the message so). */
    @Test
    void wrongPasswordCarriesTheServerText() throws Exception {
        DBConnection c = new DBConnection();
        try {
            assertWrongPassword(() -> c.connect(HOST, PORT, "admin", "wrong"));
        } finally {
            c.close();
        }
        DBConnection g = new DBConnection();
        try {
            assertTrue(g.connect(HOST, PORT));
            assertWrongPassword(() -> g.login("admin", "nope", false));
        } finally {
            g.close();
        }
    }

    @Test
    void scriptErrorCarriesTheServerText() throws Exception {
        IOException e = assertThrows(IOException.class, () -> conn.run("jNoSuchVariable + 1"));
        assertEquals(HOST + ":" + PORT + " Server response: Syntax Error: [line #1] Cannot recognize the token "
                + "jNoSuchVariable script: jNoSuchVariable + 1", e.getMessage());
        IOException f = assertThrows(IOException.class, () -> conn.run("throw \"my error\""));
        assertTrue(f.getMessage().contains("my error script: throw"), f.getMessage());
        // the session is still usable, and its variables kept
        conn.run("jkeep = 5");
        assertThrows(IOException.class, () -> conn.run("jkeep + jNoSuch"));
        assertEquals(5, ((BasicInt) conn.run("jkeep")).getInt());
    }

    /** A function call whose arguments the function refuses names the function, not a script. */
    @Test
    void functionErrorCarriesTheServerText() {
        List<Entity> args = Collections.singletonList(new BasicInt(1));
        IOException e = assertThrows(IOException.class, () -> conn.run("jNoSuchFunction", args));
        assertTrue(e.getMessage().contains("function: jNoSuchFunction"), e.getMessage());
    }

    /**
     * An asynchronous connection's run returns null at once (README 2.1: asynchronousTask); the scripts
     * still run, in order, so a second connection sees all their rows once they are done.
     */
    @Test
    void asynchronousConnection() throws Exception {
        conn.run("share table(100:0, `id`batch, [INT, INT]) as jasync");
        DBConnection a = new DBConnection(true);
        try {
            assertTrue(a.connect(HOST, PORT, "admin", "123456"));
            for (int b = 0; b < 5; b++) {
                assertNull(a.run("tableInsert(jasync, 1..10, take(" + b + ", 10))"));
            }
            waitFor(() -> count("exec count(*) from jasync") == 50);
            assertEquals(50, count("exec count(*) from jasync"));
            BasicIntVector batches = (BasicIntVector) conn.run("exec batch from jasync");
            for (int i = 1; i < 50; i++) {
                assertTrue(batches.getInt(i - 1) <= batches.getInt(i), "batches out of order");
            }
        } finally {
            a.close();
            conn.run("undef(`jasync, SHARED)");
        }
    }

    /** useSSL: TLS on the server's one port (README: a self-signed certificate when none is configured). */
    @Test
    void ssl() throws Exception {
        DBConnection s = new DBConnection(false, true);
        try {
            assertTrue(s.connect(HOST, PORT, "admin", "123456"));
            assertEquals("admin", user(s));
            BasicTable t = (BasicTable) s.run("table(1..50000 as id, take(`a`b`c, 50000) as sym)");
            assertEquals(50000, t.rows());
            assertEquals("b", t.getColumn(1).get(49999).getString());
            List<Entity> args = new ArrayList<>();
            args.add(new BasicIntVector(new int[] {1, 2, 3}));
            assertEquals(6, ((BasicInt) s.run("sum", args)).getInt());
        } finally {
            s.close();
        }
    }

    /** compress: a large table with LZ4/delta-compressible columns each way. */
    @Test
    void compressionBothWays() throws Exception {
        DBConnection z = new DBConnection(false, false, true);
        try {
            assertTrue(z.connect(HOST, PORT, "admin", "123456"));
            int n = 300_000;
            BasicTable t = (BasicTable) z.run("table(1.." + n + " as id, 2024.01.01T00:00:00.000 + 0.." + (n - 1)
                    + " as ts, take(`a`bb`ccc, " + n + ") as sym, (1.." + n + ") * 0.5 as px)");
            assertEquals(n, t.rows());
            assertEquals(n, ((BasicInt) t.getColumn("id").get(n - 1)).getInt());
            assertEquals("2024.01.01T00:01:00.000", t.getColumn("ts").get(60_000).getString());
            assertEquals("ccc", t.getColumn("sym").get(n - 1).getString());
            z.run("share table(1:0, `id`ts`sym`px, [INT, TIMESTAMP, SYMBOL, DOUBLE]) as jzip");
            List<Entity> args = Collections.singletonList(t);
            assertEquals(n, ((BasicInt) z.run("tableInsert{jzip}", args)).getInt());
            assertEquals(n, count("exec count(*) from jzip"));
            assertEquals((long) n * (n + 1) / 2, count("exec sum(long(id)) from jzip"));
            assertEquals(n / 3, count("exec count(*) from jzip where sym = `bb"));
            assertEquals(n * 0.5, ((com.xxdb.data.BasicDouble) conn.run("exec max(px) from jzip")).getDouble());
            assertEquals("2024.01.01T00:04:59.999", conn.run("exec max(ts) from jzip").getString());
        } finally {
            z.close();
            conn.run("try { undef(`jzip, SHARED) } catch(ex) {}");
        }
    }

    /**
     * enableHighAvailability on one server: the API asks for the cluster's nodes and stays on this one,
     * with load balancing (connect's default with enableHighAvailability, which reads getClusterPerf's
     * memoryUsed, maxMemSize, connectionNum, maxConnections and avgLoad) and without.
     */
    @Test
    void highAvailabilityOnOneServer() throws Exception {
        for (boolean balance : new boolean[] {true, false}) {
            DBConnection c = new DBConnection();
            try {
                assertTrue(c.connect(HOST, PORT, "admin", "123456", "", true, null, false, balance));
                assertEquals(7, ((BasicInt) c.run("3 + 4")).getInt());
                assertEquals("admin", user(c));
            } finally {
                c.close();
            }
        }
        DBConnection byDefault = new DBConnection();
        try {
            assertTrue(byDefault.connect(HOST, PORT, "admin", "123456", true));
            assertEquals(7, ((BasicInt) byDefault.run("3 + 4")).getInt());
        } finally {
            byDefault.close();
        }
    }

    /** A ProgressListener receives what the script prints while it runs (the MSG replies). */
    @Test
    void printedMessagesReachTheListener() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        Entity r = conn.run("print(\"jmsg one\"); x = 2; print(x); x * 10", got::add);
        assertEquals(20, ((BasicInt) r).getInt());
        assertEquals(2, got.size(), got.toString());
        assertTrue(got.get(0).contains("jmsg one"), got.toString());
        assertTrue(got.get(1).contains("2"), got.toString());
    }

    /** Messages before an error, and messages before a block reader's first block, reach the listener too. */
    @Test
    void printedMessagesWithAnErrorAndWithBlocks() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        IOException e = assertThrows(IOException.class, () -> conn.run("print(\"jbefore\"); throw \"jafter\"", got::add));
        assertTrue(e.getMessage().contains("jafter"), e.getMessage());
        assertEquals(1, got.size(), got.toString());
        assertTrue(got.get(0).contains("jbefore"), got.toString());
        got.clear();
        com.xxdb.data.EntityBlockReader r = (com.xxdb.data.EntityBlockReader) conn.run(
                "print(\"jblocks\"); select * from table(1..20000 as id)", got::add, 4, 2, 10_000);
        int rows = 0;
        while (r.hasNext()) {
            rows += r.read().rows();
        }
        assertEquals(20_000, rows);
        assertEquals(1, got.size(), got.toString());
        assertEquals(9, ((BasicInt) conn.run("4 + 5")).getInt());
    }

    /**
     * closeSessions ends a connection's session: without reconnect its next run fails; with reconnect
     * (connect's parameter) the API connects again, to a new session, and the run succeeds.
     */
    @Test
    void closedSessionAndReconnect() throws Exception {
        DBConnection plain = new DBConnection();
        DBConnection again = new DBConnection();
        try {
            assertTrue(plain.connect(HOST, PORT, "admin", "123456"));
            assertTrue(again.connect(HOST, PORT, "admin", "123456", "", false, null, true));
            String before = again.getSessionID();
            conn.run("closeSessions([" + plain.getSessionID() + ", " + before + "])");
            assertThrows(IOException.class, () -> plain.run("1 + 1"));
            assertEquals(3, ((BasicInt) again.run("1 + 2")).getInt());
            assertFalse(before.equals(again.getSessionID()));
            assertEquals("admin", user(again));
        } finally {
            plain.close();
            again.close();
        }
    }

    /** clearSessionMemory: the variables a request makes are gone after it (README 3, run's parameters). */
    @Test
    void clearSessionMemory() throws Exception {
        conn.run("jkept = 1");
        assertEquals(3, ((BasicInt) conn.run("jtemp = 2; jtemp + jkept", true)).getInt());
        assertEquals(1, ((BasicInt) conn.run("jkept")).getInt());
        assertThrows(IOException.class, () -> conn.run("jtemp"));
    }

    /** SimpleDBConnectionPool (README 2.2): close() hands a connection back to the pool. */
    @Test
    void simpleConnectionPool() throws Exception {
        com.xxdb.SimpleDBConnectionPoolConfig config = new com.xxdb.SimpleDBConnectionPoolConfig();
        config.setHostName(HOST);
        config.setPort(PORT);
        config.setUserId("admin");
        config.setPassword("123456");
        config.setInitialPoolSize(3);
        com.xxdb.SimpleDBConnectionPool pool = new com.xxdb.SimpleDBConnectionPool(config);
        try {
            assertEquals(3, pool.getTotalConnectionsCount());
            DBConnection a = pool.getConnection();
            DBConnection b = pool.getConnection();
            assertEquals(2, pool.getActiveConnectionsCount());
            assertEquals(1, pool.getIdleConnectionsCount());
            assertEquals("admin", user(a));
            assertEquals(5, ((BasicInt) b.run("2 + 3")).getInt());
            a.close();
            b.close();
            assertEquals(0, pool.getActiveConnectionsCount());
            assertEquals(3, pool.getIdleConnectionsCount());
        } finally {
            pool.close();
        }
        assertTrue(pool.isClosed());
    }

    /**
     * An urgent connection with the highest priority and parallelism still answers; a job another connection
     * cancels (getConsoleJobs, cancelConsoleJob) fails with the server's text and leaves its session usable.
     */
    @Test
    void priorityUrgencyAndCancel() throws Exception {
        DBConnection u = new DBConnection(false, false, false, false, true);
        try {
            assertTrue(u.connect(HOST, PORT, "admin", "123456"));
            assertEquals(10, ((BasicInt) u.run("sum(1..4)", 8, 64)).getInt());
        } finally {
            u.close();
        }
        DBConnection busy = new DBConnection();
        assertTrue(busy.connect(HOST, PORT, "admin", "123456"));
        try {
            String sid = busy.getSessionID();
            Thread t = new Thread(() -> {
                try {
                    busy.run("do { sleep(10) } while(true)");
                } catch (IOException e) {
                    caught = e;
                }
            });
            t.start();
            waitFor(() -> count("exec count(*) from getConsoleJobs() where string(sessionId) = \"" + sid + "\"") > 0);
            conn.run("cancelConsoleJob(exec rootJobId from getConsoleJobs() where string(sessionId) = \"" + sid + "\")");
            t.join(20_000);
            assertTrue(caught != null && caught.getMessage().contains("The job was cancelled."),
                    String.valueOf(caught));
            assertEquals(2, ((BasicInt) busy.run("1 + 1")).getInt());
        } finally {
            busy.close();
        }
    }

    volatile IOException caught;

    /** polls the condition until it holds or 20 s pass */
    static void waitFor(Check c) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!c.ok() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }
}
