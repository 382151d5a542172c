package porpoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.xxdb.data.BasicDouble;
import com.xxdb.data.BasicInt;
import com.xxdb.data.BasicIotAnyVector;
import com.xxdb.data.BasicString;
import com.xxdb.data.BasicTable;
import com.xxdb.data.Entity;
import com.xxdb.data.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An IOTDB table's IOTANY column (type 41) read and written by the Java API's BasicIotAnyVector. */
class IotAnyTest extends ServerTest {
    @Test
    void iotAnyColumn() throws Exception {
        conn.run("if (existsDatabase(\"dfs://javaiot\")) { dropDatabase(\"dfs://javaiot\") }\n"
                + "create database \"dfs://javaiot\" partitioned by HASH([INT, 4]),VALUE(2017.08.07..2017.08.11), engine='IOTDB'\n"
                + "create table \"dfs://javaiot\".\"pt\" (deviceId INT, location SYMBOL, timestamp TIMESTAMP, value IOTANY)\n"
                + "partitioned by deviceId, timestamp, sortColumns = [`deviceId, `location, `timestamp], latestKeyCache = true\n"
                + "pt = loadTable(\"dfs://javaiot\", \"pt\")\n"
                + "pt.append!(table([1, 1] as deviceId, `a`a as location, [2017.08.07T10:00:00.000, 2017.08.07T11:00:00.000] as timestamp, [int(233), int(5)] as value))\n"
                + "pt.append!(table([2] as deviceId, [`b] as location, [2017.08.07T10:00:00.000] as timestamp, [2.5] as value))\n"
                + "pt.append!(table([3] as deviceId, [`c] as location, [2017.08.07T10:00:00.000] as timestamp, [\"on\"] as value))");
        BasicTable t = (BasicTable) conn.run("select * from loadTable(\"dfs://javaiot\", \"pt\") order by deviceId, timestamp");
        BasicIotAnyVector v = assertInstanceOf(BasicIotAnyVector.class, t.getColumn("value"));
        assertEquals(Entity.DATA_TYPE.DT_IOTANY, v.getDataType());
        assertEquals(4, v.rows());
        assertEquals(233, ((BasicInt) v.get(0)).getInt());
        assertEquals(5, ((BasicInt) v.get(1)).getInt());
        assertEquals(2.5, ((BasicDouble) v.get(2)).getDouble());
        assertEquals("on", ((BasicString) v.get(3)).getString());

        BasicIotAnyVector up = new BasicIotAnyVector(new Scalar[] {new BasicInt(7), new BasicDouble(1.5), new BasicString("off")});
        List<Entity> args = new ArrayList<>(Arrays.asList(up));
        assertEquals("FAST IOTANY VECTOR", conn.run("typestr", args).getString());
        conn.upload(java.util.Collections.singletonMap("up", up));
        conn.run("loadTable(\"dfs://javaiot\", \"pt\").append!(table([1, 2, 3] as deviceId, `a`b`c as location, "
                + "take(2017.08.08T00:00:00.000, 3) as timestamp, up as value))");
        assertEquals("[7,1.5,off]", conn.run("exec string(value) from loadTable(\"dfs://javaiot\", \"pt\") "
                + "where timestamp >= 2017.08.08 order by deviceId").getString().replace("\"", ""));
    }
}
