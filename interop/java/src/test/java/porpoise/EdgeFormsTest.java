package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.data.BasicAnyVector;
import com.xxdb.data.BasicDictionary;
import com.xxdb.data.BasicDuration;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicSet;
import com.xxdb.data.BasicString;
import com.xxdb.data.BasicStringMatrix;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTableSchema;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import com.xxdb.data.Void;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forms and values at the edges of what the Java API reads and writes. */
class EdgeFormsTest extends ServerTest {
    static List<Entity> args(Entity... e) {
        return new ArrayList<>(Arrays.asList(e));
    }

    @Test
    void durations() throws Exception {
        BasicDuration d = (BasicDuration) conn.run("5s");
        assertEquals(5, d.getDuration());
        assertEquals(Entity.DURATION.SECOND, d.getUnit());
        assertEquals("5s", d.getString());
        assertEquals("DURATION", conn.run("typestr", args(new BasicDuration(Entity.DURATION.MINUTE, 3)))
                .getString());
        assertEquals("2024.01.01T00:10:00.000",
                conn.run("def(x){ return bar(2024.01.01T00:14:59.999, x) }", args(new BasicDuration(Entity.DURATION.MINUTE, 10)))
                        .getString());
    }

    /** POINT and COMPLEX (the README's BasicPoint), scalars and vectors, each way. */
    @Test
    void pointsAndComplexNumbers() throws Exception {
        com.xxdb.data.BasicPoint p = (com.xxdb.data.BasicPoint) conn.run("point(117.60972, 24.118418)");
        assertEquals(117.60972, p.getX());
        assertEquals(24.118418, p.getY());
        assertEquals("(117.60972, 24.118418)", p.getString());
        com.xxdb.data.BasicComplex c = (com.xxdb.data.BasicComplex) conn.run("complex(1.5, -2.0)");
        assertEquals(1.5, c.getReal());
        assertEquals(-2.0, c.getImage());
        assertEquals("POINT", conn.run("typestr", args(new com.xxdb.data.BasicPoint(6.4, 9.2))).getString());
        assertEquals("COMPLEX", conn.run("typestr", args(new com.xxdb.data.BasicComplex(6.4, 9.2))).getString());
        Vector pv = (Vector) conn.run("point([1.0, 2.0], [3.0, 4.0])");
        assertEquals(Entity.DATA_TYPE.DT_POINT, pv.getDataType());
        assertEquals("(2.0, 4.0)", pv.get(1).getString());
        assertEquals("FAST POINT VECTOR", conn.run("typestr", args(pv)).getString());
    }

    /** A VOID argument is NULL to the function. */
    @Test
    void voidArgument() throws Exception {
        assertEquals("true", conn.run("isVoid", args(new Void())).getString());
        assertEquals(5, ((BasicInt) conn.run("def(x, y){ return iif(isNull(y), x, y) }", args(new BasicInt(5), new Void())))
                .getInt());
    }

    /** A tuple of tables: each table's SYMBOL column is read with its own symbols. */
    @Test
    void tupleOfTablesWithSymbols() throws Exception {
        BasicAnyVector v = (BasicAnyVector) conn.run(
                "(table(symbol(`a`b`a) as s), table(symbol(`c`d) as s), symbol(`a`z), dict(`k1`k2, symbol(`v1`v2)))");
        assertEquals(4, v.rows());
        assertEquals("b", ((BasicTable) v.get(0)).getColumn(0).get(1).getString());
        assertEquals("d", ((BasicTable) v.get(1)).getColumn(0).get(1).getString());
        assertEquals("z", ((Vector) v.get(2)).get(1).getString());
        assertEquals("v2", ((BasicDictionary) v.get(3)).get(new BasicString("k2")).getString());
        // and the other way: two tables with SYMBOL columns in one call
        BasicTable t1 = new BasicTable(List.of("s"), List.of(new BasicSymbolVector(Arrays.asList("p", "q", "p"))));
        BasicTable t2 = new BasicTable(List.of("s"), List.of(new BasicSymbolVector(Arrays.asList("r", "p"))));
        assertEquals("p,q,p,r,p", conn.run("def(a, b){ return concat(string(a.s join b.s), \",\") }", args(t1, t2))
                .getString());
        BasicAnyVector tuple = new BasicAnyVector(3);
        tuple.setEntity(0, t1);
        tuple.setEntity(1, new BasicInt(1));
        tuple.setEntity(2, t2);
        assertEquals(3, count("def(x){ return size(x) }", tuple));
    }

    long count(String f, Entity arg) throws Exception {
        return ((BasicInt) conn.run(f, args(arg))).getInt();
    }

    @Test
    void stringMatrixAndStringSet() throws Exception {
        BasicStringMatrix m = (BasicStringMatrix) conn.run("matrix(`a`b, `c`d)");
        assertEquals(2, m.rows());
        assertEquals("d", m.getString(1, 1));
        BasicSet s = (BasicSet) conn.run("set(`x`y`x)");
        assertEquals(2, s.rows());
        assertTrue(s.contains(new BasicString("y")));
        BasicSet js = new BasicSet(Entity.DATA_TYPE.DT_STRING);
        js.add(new BasicString("u"));
        js.add(new BasicString("v"));
        assertEquals("true", conn.run("def(s){ return `v in s }", args(js)).getString());
    }

    @Test
    void emptyTableAndLongString() throws Exception {
        BasicTable empty = new BasicTable(List.of("a", "b"), List.of(new BasicIntVector(0),
                new com.xxdb.data.BasicStringVector(0)));
        conn.run("jempty = table(1:0, `a`b, [INT, STRING])");
        assertEquals(0, ((BasicInt) conn.run("tableInsert{jempty}", args(empty))).getInt());
        assertEquals(0, count("def(t){ return size(t) }", empty));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append((char) ('a' + i % 26));
        }
        String big = sb.toString();
        assertEquals(100_000, count("strlen", new BasicString(big)));
        assertEquals(big, conn.run("def(x){ return x }", args(new BasicString(big))).getString());
    }

    /** run(script, tableName) keeps the result on the server and answers its schema (DBConnection's source). */
    @Test
    void tableSchemaResult() throws Exception {
        BasicTableSchema s = (BasicTableSchema) conn.run("table(1..5 as id, `a`b`c`d`e as s)", "jschemaResult");
        assertEquals(5, s.rows());
        assertEquals(2, s.columns());
        BasicTable t = s.toBasicTable();
        assertEquals(5, t.rows());
        assertEquals("e", t.getColumn("s").get(4).getString());
        assertInstanceOf(BasicTable.class, conn.run("jschemaResult"));
    }
}
