package porpoise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.Entity;
import com.xxdb.data.Scalar;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/** The server the tests run against (PORPOISE_HOST / PORPOISE_PORT) and an admin connection to it per test. */
abstract class ServerTest {
    static final String HOST = System.getenv().getOrDefault("PORPOISE_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("PORPOISE_PORT", "8848"));

    DBConnection conn;

    @BeforeEach
    void connect() throws Exception {
        conn = new DBConnection();
        assertTrue(conn.connect(HOST, PORT, "admin", "123456"));
    }

    @AfterEach
    void close() {
        conn.close();
    }

    /** the number a script returns */
    long count(String script) throws Exception {
        Entity e = conn.run(script);
        return ((Scalar) e).getNumber().longValue();
    }

    /** Fails unless login is refused with the server's text for a wrong user name or password. */
    static void assertWrongPassword(Executable login) {
        IOException e = assertThrows(IOException.class, login);
        assertTrue(e.getMessage().contains("The user name or password is incorrect."), e.getMessage());
    }
}
