package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.comm.SqlStdEnum;
import com.xxdb.data.BasicDate;
import com.xxdb.data.BasicTable;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Connections in the Oracle and MySQL dialects (new DBConnection(SqlStdEnum.X), which sends the dialect with every
 * request): the SQL standardisation tutorial's section 5.2 query shape, ||, and MySQL's sysdate().
 */
class SqlDialectTest extends ServerTest {
    static final String EMPLOYEES = "employees = table(1 2 3 4 as employee_id, `Ann`Bob`Cy`Dee as first_name, "
            + "`IT_PROG`FI_ACCOUNT`IT_PROG`SA_REP as job_id)";

    @Test
    void oracleDecodeAndConcatenation() throws Exception {
        DBConnection c = new DBConnection(SqlStdEnum.Oracle);
        try {
            assertTrue(c.connect(HOST, PORT, "admin", "123456"));
            c.run(EMPLOYEES);
            BasicTable t = (BasicTable) c.run("select employee_id, first_name || ' (' || job_id || ')' as label,\n"
                    + "  decode(job_id, 'IT_PROG' , 'Programmer', 'FI_ACCOUNT', 'Accountant', 'Others') as jobs_title\n"
                    + "from employees a -- the tutorial's shape");
            assertEquals(4, t.rows());
            assertEquals("Ann (IT_PROG)", t.getColumn("label").get(0).getString());
            assertEquals("Programmer", t.getColumn("jobs_title").get(0).getString());
            assertEquals("Accountant", t.getColumn("jobs_title").get(1).getString());
            assertEquals("Others", t.getColumn("jobs_title").get(3).getString());
            assertEquals("14", c.run("'1' || '4'").getString());
        } finally {
            c.close();
        }
    }

    /** The default connection keeps DolphinDB's dialect: decode is no function there. */
    @Test
    void dolphinDBModeKnowsNoDecode() throws Exception {
        IOException e = assertThrows(IOException.class, () -> conn.run("decode(1, 1, 'one')"));
        assertTrue(e.getMessage().contains("Cannot recognize the token decode"), e.getMessage());
    }

    @Test
    void mysqlSysdate() throws Exception {
        DBConnection c = new DBConnection(SqlStdEnum.MySQL);
        try {
            assertTrue(c.connect(HOST, PORT, "admin", "123456"));
            BasicDate today = (BasicDate) c.run("today()");
            assertEquals(today.getDate().plusDays(1), ((BasicDate) c.run("SYSDATE() + 1")).getDate());
        } finally {
            c.close();
        }
    }
}
