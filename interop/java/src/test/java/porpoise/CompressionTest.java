package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.xxdb.DBConnection;
import com.xxdb.data.BasicArrayVector;
import com.xxdb.data.BasicDateVector;
import com.xxdb.data.BasicDecimal64Vector;
import com.xxdb.data.BasicDoubleVector;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIntVector;
import com.xxdb.data.BasicLongVector;
import com.xxdb.data.BasicShortVector;
import com.xxdb.data.BasicStringVector;
import com.xxdb.data.BasicSymbolVector;
import com.xxdb.data.BasicTable;
import com.xxdb.data.BasicTimestampVector;
import com.xxdb.data.Entity;
import com.xxdb.data.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compressed tables (DBConnection's compress flag; BasicTable.setColumnCompressTypes picks LZ4 or DELTA per
 * column) over many blocks, with NULLs, jumps and extremes that delta-of-delta coding has to carry. The
 * jumps stay where the Java API's encoder can write them: it ends a block early when a delta of deltas
 * overflows a long, writes one of 2^62 or more in 7 bits (a signed comparison) and truncates a first
 * delta wider than the element.
 */
class CompressionTest extends ServerTest {
    static final int N = 150_000;

    static BasicTable javaTable() throws Exception {
        int[] ints = new int[N];
        long[] longs = new long[N];
        short[] shorts = new short[N];
        int[] dates = new int[N];
        long[] tss = new long[N];
        double[] dbls = new double[N];
        String[] strs = new String[N];
        List<String> syms = new ArrayList<>(N);
        String[] decs = new String[N];
        List<Vector> av = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            ints[i] = i % 1000 == 7 ? Integer.MIN_VALUE : (i % 5000 == 4999 ? Integer.MAX_VALUE : i * 3 - N);
            longs[i] = i % 777 == 0 ? Long.MIN_VALUE : (i % 3001 == 5 ? 1_000_000_000_000_000_000L : 1_000_000_000_000L + i * (long) i);
            shorts[i] = i % 333 == 0 ? Short.MIN_VALUE : (short) (i % 30000);
            dates[i] = i % 999 == 0 ? Integer.MIN_VALUE : 19000 + i / 100;
            tss[i] = i % 4096 == 0 ? Long.MIN_VALUE : 1_700_000_000_000L + i * 37L + (i % 17 == 0 ? 86_400_000L : 0);
            dbls[i] = i % 100 == 0 ? -Double.MAX_VALUE : i * 0.25;
            strs[i] = i % 50 == 0 ? "" : "s" + (i % 97);
            syms.add(i % 11 == 0 ? "" : "sym" + (i % 13));
            decs[i] = (i - N / 2) + ".25";
            av.add(new BasicIntVector(i % 9 == 0 ? new int[0] : new int[] {i, i + 1, Integer.MIN_VALUE}));
        }
        BasicDecimal64Vector dec = new BasicDecimal64Vector(decs, 2);
        List<Vector> cols = Arrays.asList(new BasicIntVector(ints), new BasicLongVector(longs),
                new BasicShortVector(shorts), new BasicDateVector(dates), new BasicTimestampVector(tss),
                new BasicDoubleVector(dbls), new BasicStringVector(strs), new BasicSymbolVector(syms), dec,
                new BasicArrayVector(av));
        return new BasicTable(Arrays.asList("i", "l", "h", "d", "ts", "dbl", "str", "sym", "dec", "av"), cols);
    }

    /** the sums a script computes of the table named t, as one string */
    static String digest(DBConnection c, String t) throws Exception {
        return c.run("def(t){ return [string(sum(long(t.i))), string(count(t.i)), string(sum(t.l \\ 1000)), "
                + "string(count(t.l)), string(sum(t.h)), string(count(t.h)), string(sum(int(t.d))), string(count(t.d)), "
                + "string(sum(long(t.ts) \\ 1000)), string(count(t.ts)), string(sum(t.dbl)), string(count(t.dbl)), "
                + "string(sum(strlen(t.str))), string(count(t.str)), string(sum(strlen(string(t.sym)))), "
                + "string(count(t.sym)), string(sum(t.dec)), string(sum(rowSize(t.av))), string(sum(rowSum(t.av)))] }("
                + t + ")").getString();
    }

    void upload(int[] methods) throws Exception {
        DBConnection z = new DBConnection(false, false, true);
        try {
            assertTrue(z.connect(HOST, PORT, "admin", "123456"));
            BasicTable t = javaTable();
            if (methods != null) {
                t.setColumnCompressTypes(methods);
            }
            z.run("jc = table(1:0, `i`l`h`d`ts`dbl`str`sym`dec`av, "
                    + "[INT, LONG, SHORT, DATE, TIMESTAMP, DOUBLE, STRING, SYMBOL, DECIMAL64(2), INT[]])");
            List<Entity> args = new ArrayList<>();
            args.add(t);
            assertEquals(N, ((BasicInt) z.run("tableInsert{jc}", args)).getInt());
            // the same table uploaded plainly is the reference
            List<Entity> plainArgs = new ArrayList<>();
            plainArgs.add(javaTable());
            conn.run("jref = table(1:0, `i`l`h`d`ts`dbl`str`sym`dec`av, "
                    + "[INT, LONG, SHORT, DATE, TIMESTAMP, DOUBLE, STRING, SYMBOL, DECIMAL64(2), INT[]])");
            conn.run("tableInsert{jref}", plainArgs);
            assertEquals(digest(conn, "jref"), digest(z, "jc"));
            // and back: the compressed connection reads what the plain one reads
            BasicTable back = (BasicTable) z.run("jc");
            BasicTable java = javaTable();
            for (int i = 0; i < java.columns(); i++) {
                Vector g = back.getColumn(i);
                Vector w = java.getColumn(i);
                assertEquals(w.rows(), g.rows(), java.getColumnName(i));
                for (int r : new int[] {0, 1, 5, 7, 99, 100, 4096, 65535, 65536, 100_001, N - 1}) {
                    assertEquals(w.get(r).getString(), g.get(r).getString(), java.getColumnName(i) + " row " + r);
                }
            }
        } finally {
            z.close();
        }
    }

    @Test
    void lz4() throws Exception {
        upload(null);
    }

    @Test
    void deltaOnTheIntegralAndTemporalColumns() throws Exception {
        int l = Vector.COMPRESS_LZ4;
        int d = Vector.COMPRESS_DELTA;
        upload(new int[] {d, d, d, d, d, l, l, l, l, l});
    }
}
