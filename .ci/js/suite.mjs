// The official DolphinDB JavaScript API (npm "dolphindb") against porpoise,
// over the WebSocket transport. Run with `node --test suite.mjs`; the server
// address comes from PORPOISE_ADDR (host:port, default 127.0.0.1:8848).

// Node 20 lacks Promise.withResolvers, which the API's dependencies use:
// define it before the API is loaded (hence the dynamic import below).
if (!Promise.withResolvers)
    Promise.withResolvers = function withResolvers () {
        let resolve, reject
        const promise = new Promise((res, rej) => { resolve = res; reject = rej })
        return { promise, resolve, reject }
    }

import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'

const {
    DDB, DdbTable, DdbVectorInt, DdbVectorSymbol, DdbVectorDouble, DdbVectorTimeStamp, DdbInt,
} = await import('dolphindb')

const addr = process.env.PORPOISE_ADDR || '127.0.0.1:8848'
const url = `ws://${addr}/`
const opts = { timeout: 30_000 }

/** rejection message of a promise that must fail */
async function failure (promise) {
    try {
        await promise
    } catch (error) {
        return error.message
    }
    assert.fail('expected the server to refuse')
}

/** a 4-column batch: INT, SYMBOL, DOUBLE, TIMESTAMP */
function batch (from, n) {
    const ids = [], syms = [], prices = [], times = []
    for (let i = 0; i < n; i++) {
        ids.push(from + i)
        syms.push(['AAPL', 'MSFT', 'IBM'][(from + i) % 3])
        prices.push((from + i) / 4)
        times.push(1_700_000_000_000 + from + i)
    }
    return new DdbTable([
        new DdbVectorInt(ids, 'id'),
        new DdbVectorSymbol(syms, 'sym'),
        new DdbVectorDouble(prices, 'price'),
        new DdbVectorTimeStamp(times, 'ts'),
    ])
}

describe('porpoise over the JavaScript API', () => {
    let ddb

    before(async () => {
        ddb = new DDB(url) // logs in as admin/123456 inside the connect request
        await ddb.connect()
    })

    after(() => { ddb?.disconnect() })

    test('logs in and evaluates scripts', opts, async () => {
        assert.equal(await ddb.execute('1+1'), 2)
        assert.equal(await ddb.execute('x = 40; x + 2'), 42)
        assert.deepEqual(await ddb.execute('`a`b`c'), ['a', 'b', 'c'])
        assert.equal(await ddb.execute('version()').then(v => v.split('.')[0]), '3')
    })

    test('print output arrives as a message before the result', opts, async () => {
        const messages = []
        const obj = await ddb.eval('print("hello from porpoise"); 7', { listener: m => messages.push(m) })
        assert.equal(obj.data(), 7)
        assert.deepEqual(messages[0], { type: 'print', data: 'hello from porpoise' })
    })

    test('in-memory table: create, upload, tableInsert, select', opts, async () => {
        await ddb.execute('share table(1:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP]) as js_trades')
        const rows = batch(0, 1000)
        await ddb.upload(['up'], [rows])
        assert.equal(await ddb.execute('size(up)'), 1000)
        assert.equal(await ddb.execute('tableInsert(js_trades, up)'), 1000)
        assert.equal((await ddb.call('tableInsert{"js_trades"}', [batch(1000, 500)])).data(), 500)
        assert.equal((await ddb.call('tableInsert{js_trades}', [batch(1500, 500)])).data(), 500)
        assert.equal(await ddb.execute('exec count(*) from js_trades'), 2000)
        const got = await ddb.execute('select * from js_trades where id in 0 1 1999 order by id')
        assert.deepEqual(got.map(r => [r.id, r.sym, r.price]), [[0, 'AAPL', 0], [1, 'MSFT', 0.25], [1999, 'MSFT', 499.75]])
        assert.equal(await ddb.execute('exec count(*) from js_trades where sym == `IBM'), 666)
        // TIMESTAMP 1700000001999 ms after the epoch, as DolphinDB prints it
        assert.equal(await ddb.execute('exec max(ts) from js_trades'), '2023.11.14 22:13:21.999')
    })

    test('DFS table: create, tableInsert{loadTable(...)}, select', opts, async () => {
        await ddb.execute(`
            if (existsDatabase("dfs://js_suite")) dropDatabase("dfs://js_suite")
            db = database("dfs://js_suite", VALUE, \`AAPL\`MSFT\`IBM)
            db.createPartitionedTable(table(1:0, \`id\`sym\`price\`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP]), "pt", "sym")
        `)
        const inserted = await ddb.call('tableInsert{loadTable("dfs://js_suite","pt")}', [batch(0, 300)])
        assert.equal(inserted.data(), 300)
        await ddb.upload(['more'], [batch(300, 30)])
        await ddb.execute('loadTable("dfs://js_suite", "pt").append!(more)')
        assert.equal(await ddb.execute('exec count(*) from loadTable("dfs://js_suite", "pt")'), 330)
        const bySym = await ddb.execute('select count(*) as n from loadTable("dfs://js_suite", "pt") group by sym order by sym')
        assert.deepEqual(bySym.map(r => [r.sym, r.n]), [['AAPL', 110], ['IBM', 110], ['MSFT', 110]])
    })

    test('function calls bind arguments', opts, async () => {
        assert.equal((await ddb.call('size', [new DdbVectorInt([1, 2, 3])])).data(), 3)
        await ddb.execute('def addOne(a) { return a + 1 }')
        assert.equal((await ddb.call('addOne', [new DdbInt(41)])).data(), 42)
    })

    test('syntax error text', opts, async () => {
        const msg = await failure(ddb.execute('1 2 3 +'))
        assert.match(msg, /^Syntax Error: \[line #1\] /)
        assert.equal(await ddb.execute('1+1'), 2, 'the session survives errors')
    })

    test('type mismatch text', opts, async () => {
        await ddb.execute('tm = table(1:0, `a`b, [INT, DOUBLE])')
        const msg = await failure(ddb.execute('tableInsert(tm, table(["x"] as a, [1.0] as b))'))
        // a script's runtime error names its failing statement first, as DolphinDB's does
        assert.match(msg, /^tableInsert\(tm, table\(.*\)\) => Failed to append data to column 'a' with error: Incompatible type\. Expected: INT, Actual: STRING$/)
    })

    test('unknown variable text', opts, async () => {
        assert.equal(await failure(ddb.execute('no_such_variable')), 'Syntax Error: [line #1] Cannot recognize the token no_such_variable')
    })
})

test('wrong password is refused', opts, async () => {
    const bad = new DDB(url, { username: 'admin', password: 'wrong' })
    try {
        assert.equal(await failure(bad.connect()), 'The user name or password is incorrect.')
    } finally {
        bad.disconnect()
    }
})

test('a session that has not logged in may not touch databases', opts, async () => {
    const guest = new DDB(url, { autologin: false })
    try {
        await guest.connect()
        assert.equal(await guest.execute('1+1'), 2, 'plain scripts work')
        // a script's statement comes first ("... => <NotAuthenticated>..."), a function call's error is bare
        assert.match(await failure(guest.execute('exec count(*) from loadTable("dfs://js_suite", "pt")')), /^exec count\(\*\) from loadTable\("dfs:\/\/js_suite", "pt"\) => <NotAuthenticated>.*login/)
        assert.match(await failure(guest.call('tableInsert{loadTable("dfs://js_suite","pt")}', [batch(0, 3)])), /^<NotAuthenticated>.*login/)
        assert.match(await failure(guest.execute('database("dfs://js_guest", VALUE, 1 2 3)')), /^database\("dfs:\/\/js_guest", VALUE, \[1,2,3\]\) => <NotAuthenticated>.*login/)
    } finally {
        guest.disconnect()
    }
})

test('streaming: a subscriber gets the schema, then every row once, in order', opts, async () => {
    const admin = new DDB(url)
    await admin.connect()
    let sub
    try {
        await admin.execute('share streamTable(10000:0, `id`sym`price`ts, [INT, SYMBOL, DOUBLE, TIMESTAMP]) as js_stream')
        await admin.upload(['first'], [batch(0, 5)])
        await admin.execute('js_stream.append!(first)')
        const rows = []
        const messages = []
        const { promise: all, resolve, reject } = Promise.withResolvers()
        sub = new DDB(url, { streaming: { table: 'js_stream', action: 'js', offset: 2, handler (message) {
            if (message.error) {
                reject(message.error)
                return
            }
            messages.push(message)
            rows.push(...message.data.data)
            if (rows.length >= 2003)
                resolve()
        } } })
        await sub.connect()
        await admin.upload(['more'], [batch(5, 2000)])
        await admin.execute('js_stream.append!(more)')
        await all
        // the schema first (no rows), then messages of at most 1024 rows
        assert.equal(messages[0].data.data.length, 0)
        assert.deepEqual(messages[0].data.columns, ['id', 'sym', 'price', 'ts'])
        assert.ok(messages.slice(1).every(m => m.data.data.length <= 1024))
        assert.equal(messages.at(-1).id, 2004n, 'a message carries the offset of its last row')
        assert.deepEqual(rows.map(r => r.id), Array.from({ length: 2003 }, (_, i) => i + 2))
        assert.deepEqual(rows.slice(0, 2).map(r => [r.sym, r.price]), [['IBM', 0.5], ['AAPL', 0.75]])
        assert.equal(await admin.execute('exec count(*) from getStreamingStat().pubTables where tableName="js_stream"'), 1)
        sub.disconnect()
        sub = null
        // disconnecting ends the subscription
        for (let i = 0; i < 500 && await admin.execute('exec count(*) from getStreamingStat().pubTables where tableName="js_stream"') !== 0; i++)
            await new Promise(r => setTimeout(r, 10))
        await admin.execute('dropStreamTable(`js_stream)')
    } finally {
        sub?.disconnect()
        admin.disconnect()
    }
})
