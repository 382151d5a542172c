package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.BasicInt;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins of users other than admin: the default (RSA-encrypted) login, a plain one, SCRAM for a user created
 * with authMode="scram" (DBConnection's enableSCRAM), and what a user without rights is refused.
 */
class LoginTest extends ServerTest {
    @BeforeEach
    void users() throws Exception {
        conn.run("try { deleteUser(`jplain) } catch(ex) {}; try { deleteUser(`jscram) } catch(ex) {};"
                + "createUser(`jplain, \"Passw0rd!\"); createUser(`jscram, \"Scr4mPass!\", , , \"scram\")");
    }

    @AfterEach
    void dropUsers() throws Exception {
        conn.run("try { deleteUser(`jplain) } catch(ex) {}; try { deleteUser(`jscram) } catch(ex) {}");
    }

    static String user(DBConnection c) throws IOException {
        return ConnectionTest.user(c);
    }

    @Test
    void encryptedAndPlainLogins() throws Exception {
        DBConnection c = new DBConnection();
        try {
            assertTrue(c.connect(HOST, PORT, "jplain", "Passw0rd!"));
            assertEquals("jplain", user(c));
            c.login("admin", "123456", false);
            assertEquals("admin", user(c));
            c.login("jplain", "Passw0rd!", true);
            assertEquals("jplain", user(c));
        } finally {
            c.close();
        }
    }

    @Test
    void scramLogin() throws Exception {
        DBConnection c = new DBConnection(false, false, false, false, false, null, true);
        try {
            assertTrue(c.connect(HOST, PORT, "jscram", "Scr4mPass!"));
            assertEquals("jscram", user(c));
            assertEquals(3, ((BasicInt) c.run("1 + 2")).getInt());
        } finally {
            c.close();
        }
        DBConnection bad = new DBConnection(false, false, false, false, false, null, true);
        try {
            assertWrongPassword(() -> bad.connect(HOST, PORT, "jscram", "wrong"));
        } finally {
            bad.close();
        }
    }

    /** A user without DB_OWNER cannot create a database; the server's text reaches the IOException. */
    @Test
    void refusedWithoutRights() throws Exception {
        DBConnection c = new DBConnection();
        try {
            assertTrue(c.connect(HOST, PORT, "jplain", "Passw0rd!"));
            IOException e = assertThrows(IOException.class,
                    () -> c.run("database('dfs://jnoright', VALUE, 1 2)"));
            assertTrue(e.getMessage().contains("Server response: "), e.getMessage());
            assertTrue(e.getMessage().contains("<NoPrivilege>Not granted to create or delete databases"), e.getMessage());
        } finally {
            c.close();
        }
    }
}
