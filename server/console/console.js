// The Porpoise web console. It speaks DolphinDB's API protocol over the
// same WebSocket the JavaScript API uses: requests are "API2" text headers
// and scripts, replies are binary DolphinDB objects decoded below.
'use strict'

const PAGE = 100 // rows per result page

// ---- protocol -------------------------------------------------------------

const enc = new TextEncoder()
const dec = new TextDecoder()

/** One session on the server: one request at a time, in order. */
class Session {
  constructor (url) {
    this.url = url
    this.sid = '0'
    this.queue = Promise.resolve()
  }

  open () {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url)
      ws.binaryType = 'arraybuffer'
      ws.onopen = () => { this.ws = ws; resolve() }
      ws.onerror = () => reject(new Error('cannot connect to ' + this.url))
      ws.onclose = () => { if (this.pending) this.pending.reject(new Error('connection closed')); this.ws = null }
      ws.onmessage = ev => this.onMessage(new Uint8Array(ev.data))
    })
  }

  onMessage (b) {
    const p = this.pending
    if (!p) return
    if (b.length >= 4 && dec.decode(b.subarray(0, 4)) === 'MSG\n') {
      let end = b.indexOf(0, 4)
      if (end < 0) end = b.length
      p.messages.push(dec.decode(b.subarray(4, end)))
      return
    }
    this.pending = null
    try {
      p.resolve(decodeReply(b, this))
    } catch (e) {
      p.reject(e)
    }
  }

  /** send one request; resolves to {value, messages} or rejects with the server's error */
  request (body) {
    const run = () => new Promise((resolve, reject) => {
      if (!this.ws) { reject(new Error('not connected')); return }
      const bytes = enc.encode(body)
      const head = enc.encode('API2 ' + this.sid + ' ' + bytes.length + ' / 0_1_4_64\n')
      const msg = new Uint8Array(head.length + bytes.length)
      msg.set(head)
      msg.set(bytes, head.length)
      const messages = []
      this.pending = {
        messages,
        resolve: value => resolve({ value, messages }),
        reject: err => { err.messages = messages; reject(err) },
      }
      this.ws.send(msg)
    })
    const p = this.queue.then(run, run)
    this.queue = p.catch(() => {})
    return p
  }

  login (user, password) { return this.request('connect\nlogin\n' + user + '\n' + password) }

  run (script) { return this.request('script\n' + script) }
}

/** decodeReply parses "<sid> <count> <endian>\n<status>\n<object>". */
function decodeReply (b, session) {
  const nl1 = b.indexOf(10)
  const nl2 = b.indexOf(10, nl1 + 1)
  if (nl1 < 0 || nl2 < 0) throw new Error('malformed reply')
  const head = dec.decode(b.subarray(0, nl1)).split(' ')
  const status = dec.decode(b.subarray(nl1 + 1, nl2))
  session.sid = head[0]
  if (status !== 'OK') throw new Error(status)
  if (head[1] === '0') return null
  const r = new Reader(b.subarray(nl2 + 1), head[2] !== '0')
  return r.object()
}

// ---- decoding -------------------------------------------------------------

const T = {
  VOID: 0, BOOL: 1, CHAR: 2, SHORT: 3, INT: 4, LONG: 5, DATE: 6, MONTH: 7, TIME: 8, MINUTE: 9,
  SECOND: 10, DATETIME: 11, TIMESTAMP: 12, NANOTIME: 13, NANOTIMESTAMP: 14, FLOAT: 15, DOUBLE: 16,
  SYMBOL: 17, STRING: 18, UUID: 19, FUNCTIONDEF: 20, ANY: 25, DATEHOUR: 28, IPADDR: 30, INT128: 31,
  BLOB: 32, DURATION: 36, DECIMAL32: 37, DECIMAL64: 38, DECIMAL128: 39,
}
const TYPE_NAMES = Object.fromEntries(Object.entries(T).map(([k, v]) => [v, k]))
const FORMS = ['SCALAR', 'VECTOR', 'PAIR', 'MATRIX', 'SET', 'DICTIONARY', 'TABLE']

class Reader {
  constructor (bytes, little) {
    this.b = bytes
    this.v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.o = 0
    this.le = little
  }

  u8 () { return this.v.getUint8(this.o++) }
  i8 () { return this.v.getInt8(this.o++) }
  i16 () { const x = this.v.getInt16(this.o, this.le); this.o += 2; return x }
  i32 () { const x = this.v.getInt32(this.o, this.le); this.o += 4; return x }
  i64 () { const x = this.v.getBigInt64(this.o, this.le); this.o += 8; return x }
  f32 () { const x = this.v.getFloat32(this.o, this.le); this.o += 4; return x }
  f64 () { const x = this.v.getFloat64(this.o, this.le); this.o += 8; return x }
  cstr () {
    let end = this.b.indexOf(0, this.o)
    if (end < 0) end = this.b.length
    const s = dec.decode(this.b.subarray(this.o, end))
    this.o = end + 1
    return s
  }
  blob () { const n = this.i32(); const s = dec.decode(this.b.subarray(this.o, this.o + n)); this.o += n; return s }
  bytes16 () { const s = this.b.subarray(this.o, this.o + 16); this.o += 16; return s }

  object () {
    const type = this.u8()
    const form = this.u8()
    switch (form) {
      case 0: {
        if (type === T.VOID) { this.u8(); return { form: 'SCALAR', type, text: '' } }
        let scale = 0
        if (type >= T.DECIMAL32 && type <= T.DECIMAL128) scale = this.i32()
        if (type === T.DURATION) { const n = this.i32(); const unit = this.i32(); return { form: 'SCALAR', type, text: n + durUnit(unit) } }
        if (type === T.FUNCTIONDEF) { this.u8(); return { form: 'SCALAR', type, text: this.cstr() } }
        return { form: 'SCALAR', type, text: this.elem(type, scale) }
      }
      case 1: case 2: {
        const v = this.vector(type)
        v.form = FORMS[form]
        return v
      }
      case 4: { const v = this.object(); v.form = 'SET'; return v }
      case 5: {
        const keys = this.object()
        const vals = this.object()
        return { form: 'DICTIONARY', type, keys, vals }
      }
      case 6: {
        const rows = this.i32()
        const ncols = this.i32()
        const name = this.cstr()
        const names = []
        for (let i = 0; i < ncols; i++) names.push(this.cstr())
        const cols = []
        for (let i = 0; i < ncols; i++) {
          const c = this.object()
          c.name = names[i]
          cols.push(c)
        }
        return { form: 'TABLE', name, rows, cols }
      }
    }
    throw new Error('the console cannot show a ' + (FORMS[form] || 'form ' + form))
  }

  vector (type) {
    const rows = this.i32()
    this.i32() // columns
    const texts = new Array(rows)
    if (type === T.ANY) {
      for (let i = 0; i < rows; i++) texts[i] = render(this.object())
      return { type, texts }
    }
    if (type >= 64) throw new Error('the console cannot show array vectors yet')
    let scale = 0
    if (type >= T.DECIMAL32 && type <= T.DECIMAL128) scale = this.i32()
    for (let i = 0; i < rows; i++) texts[i] = this.elem(type, scale)
    return { type, texts }
  }

  /** elem reads one element of type and renders it as DolphinDB prints it ('' for NULL). */
  elem (type, scale) {
    switch (type) {
      case T.BOOL: { const x = this.i8(); return x === -128 ? '' : x ? 'true' : 'false' }
      case T.CHAR: { const x = this.i8(); return x === -128 ? '' : String(x) }
      case T.SHORT: { const x = this.i16(); return x === -32768 ? '' : String(x) }
      case T.INT: { const x = this.i32(); return x === -2147483648 ? '' : String(x) }
      case T.LONG: { const x = this.i64(); return x === -9223372036854775808n ? '' : String(x) }
      case T.DATE: { const x = this.i32(); return x === -2147483648 ? '' : fmtDate(x) }
      case T.MONTH: { const x = this.i32(); return x === -2147483648 ? '' : pad(Math.floor(x / 12), 4) + '.' + pad(x % 12 + 1, 2) + 'M' }
      case T.TIME: { const x = this.i32(); return x === -2147483648 ? '' : fmtTime(x, 3) }
      case T.MINUTE: { const x = this.i32(); return x === -2147483648 ? '' : pad(Math.floor(x / 60), 2) + ':' + pad(x % 60, 2) + 'm' }
      case T.SECOND: { const x = this.i32(); return x === -2147483648 ? '' : fmtTime(x * 1000, 0) }
      case T.DATETIME: { const x = this.i32(); return x === -2147483648 ? '' : fmtStamp(BigInt(x) * 1000000000n, 0) }
      case T.DATEHOUR: { const x = this.i32(); return x === -2147483648 ? '' : fmtStamp(BigInt(x) * 3600000000000n, 0).slice(0, 13) }
      case T.TIMESTAMP: { const x = this.i64(); return x === -9223372036854775808n ? '' : fmtStamp(x * 1000000n, 3) }
      case T.NANOTIME: { const x = this.i64(); return x === -9223372036854775808n ? '' : fmtNanoTime(x) }
      case T.NANOTIMESTAMP: { const x = this.i64(); return x === -9223372036854775808n ? '' : fmtStamp(x, 9) }
      case T.FLOAT: { const x = this.f32(); return x <= -3.4028234e38 || Number.isNaN(x) ? '' : fmtFloat(x) }
      case T.DOUBLE: { const x = this.f64(); return x === -Number.MAX_VALUE || Number.isNaN(x) ? '' : fmtFloat(x) }
      case T.SYMBOL: case T.STRING: return this.cstr()
      case T.BLOB: return this.blob()
      case T.UUID: case T.IPADDR: case T.INT128: return hex(this.bytes16())
      case T.DECIMAL32: { const x = this.i32(); return x === -2147483648 ? '' : fmtDecimal(BigInt(x), scale) }
      case T.DECIMAL64: { const x = this.i64(); return x === -9223372036854775808n ? '' : fmtDecimal(x, scale) }
      case T.DECIMAL128: { const lo = this.v.getBigUint64(this.o, true); const hi = this.v.getBigInt64(this.o + 8, true); this.o += 16; return fmtDecimal((hi << 64n) | lo, scale) }
      case T.VOID: return ''
    }
    throw new Error('the console cannot show type ' + (TYPE_NAMES[type] || type))
  }
}

const pad = (x, n) => String(x).padStart(n, '0')
const hex = b => Array.from(b, x => x.toString(16).padStart(2, '0')).join('')
const durUnit = u => ['ns', 'us', 'ms', 's', 'm', 'H', 'd', 'w', 'M', 'y', 'B'][u] || ''

function fmtDate (days) {
  const d = new Date(days * 86400000)
  return pad(d.getUTCFullYear(), 4) + '.' + pad(d.getUTCMonth() + 1, 2) + '.' + pad(d.getUTCDate(), 2)
}

function fmtTime (ms, digits) {
  const s = Math.floor(ms / 1000)
  let out = pad(Math.floor(s / 3600), 2) + ':' + pad(Math.floor(s / 60) % 60, 2) + ':' + pad(s % 60, 2)
  if (digits) out += '.' + pad(ms % 1000, 3)
  return out
}

function fmtNanoTime (ns) {
  const s = ns / 1000000000n
  return fmtTime(Number(s) * 1000, 0) + '.' + pad(ns % 1000000000n, 9)
}

/** fmtStamp renders nanoseconds since 1970 as yyyy.MM.ddTHH:mm:ss[.fraction]. */
function fmtStamp (ns, digits) {
  let days = ns / 86400000000000n
  let rest = ns % 86400000000000n
  if (rest < 0n) { rest += 86400000000000n; days -= 1n }
  const sec = Number(rest / 1000000000n)
  let out = fmtDate(Number(days)) + 'T' + fmtTime(sec * 1000, 0)
  if (digits) out += '.' + pad(rest % 1000000000n, 9).slice(0, digits)
  return out
}

function fmtFloat (x) {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x)
  return String(Number(x.toPrecision(Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4 ? 6 : 15)))
}

function fmtDecimal (x, scale) {
  const neg = x < 0n
  let s = (neg ? -x : x).toString()
  if (scale > 0) {
    s = s.padStart(scale + 1, '0')
    s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale)
  }
  return (neg ? '-' : '') + s
}

/** render is the one-line text of a decoded object (for tuples and scalars). */
function render (o) {
  if (o == null) return ''
  switch (o.form) {
    case 'SCALAR': return o.text
    case 'VECTOR': case 'SET': return '[' + o.texts.map(t => o.type === T.STRING || o.type === T.SYMBOL ? JSON.stringify(t) : t).join(',') + ']'
    case 'PAIR': return o.texts.join(':')
    case 'DICTIONARY': return o.keys.texts.map((k, i) => k + '->' + o.vals.texts[i]).join(', ')
    case 'TABLE': return 'table ' + o.rows + ' rows × ' + o.cols.length + ' columns'
  }
  return ''
}

// ---- UI -----------------------------------------------------------------------

const $ = id => document.getElementById(id)
let session = null
let result = null // {columns: [{name, texts}], rows}
let page = 0

function setStatus (text) { $('status').textContent = text }

function showMessages (lines, error) {
  const box = $('messages')
  box.textContent = ''
  for (const l of lines) box.append(l + '\n')
  if (error) {
    const e = document.createElement('span')
    e.className = 'error'
    e.textContent = error
    box.append(e)
  }
}

/** showResult turns any decoded object into a grid (a table, or one column). */
function showResult (o) {
  if (o == null) { result = null; $('result').textContent = ''; $('pager').hidden = true; return }
  if (o.form === 'TABLE') {
    result = { columns: o.cols.map(c => ({ name: c.name, texts: c.texts })), rows: o.rows }
  } else if (o.form === 'VECTOR' || o.form === 'SET' || o.form === 'PAIR') {
    result = { columns: [{ name: '', texts: o.texts }], rows: o.texts.length }
  } else if (o.form === 'DICTIONARY') {
    result = { columns: [{ name: 'key', texts: o.keys.texts }, { name: 'value', texts: o.vals.texts }], rows: o.keys.texts.length }
  } else {
    result = { columns: [{ name: '', texts: [render(o)] }], rows: 1 }
  }
  page = 0
  drawPage()
}

function drawPage () {
  const { columns, rows } = result
  const pages = Math.max(1, Math.ceil(rows / PAGE))
  page = Math.min(Math.max(page, 0), pages - 1)
  const from = page * PAGE
  const to = Math.min(rows, from + PAGE)
  const table = document.createElement('table')
  table.id = 'grid'
  const hr = table.createTHead().insertRow()
  for (const c of columns) {
    const th = document.createElement('th')
    th.textContent = c.name
    hr.append(th)
  }
  const body = table.createTBody()
  for (let r = from; r < to; r++) {
    const tr = body.insertRow()
    for (const c of columns) tr.insertCell().textContent = c.texts[r]
  }
  $('result').replaceChildren(table)
  $('pager').hidden = rows <= PAGE
  $('page-info').textContent = rows ? `rows ${from + 1}–${to} of ${rows}` : '0 rows'
}

async function runEditor () {
  const ed = $('editor')
  const script = ed.selectionStart !== ed.selectionEnd ? ed.value.slice(ed.selectionStart, ed.selectionEnd) : ed.value
  if (!script.trim()) return
  $('run').disabled = true
  const t0 = performance.now()
  try {
    const { value, messages } = await session.run(script)
    showMessages(messages)
    showResult(value)
  } catch (e) {
    showMessages(e.messages || [], e.message)
  } finally {
    $('elapsed').textContent = Math.round(performance.now() - t0) + ' ms'
    $('run').disabled = false
  }
  refreshTree()
}

// ---- object tree ------------------------------------------------------------

// openKeys remembers which tree nodes are expanded, so that a refresh
// (after every script) keeps them open.
const openKeys = new Set()

/** node is a tree item; with onOpen it expands (filling its list) on click. */
function node (label, meta, onOpen, key) {
  const li = document.createElement('li')
  const span = document.createElement('span')
  span.textContent = (onOpen ? '▸ ' : '') + label
  li.append(span)
  if (meta) {
    const m = document.createElement('span')
    m.className = 'meta'
    m.textContent = ' ' + meta
    li.append(m)
  }
  if (onOpen) {
    let open = false
    const ul = document.createElement('ul')
    const toggle = async () => {
      open = !open
      if (key) open ? openKeys.add(key) : openKeys.delete(key)
      span.textContent = (open ? '▾ ' : '▸ ') + label
      if (open) {
        ul.replaceChildren()
        li.append(ul)
        try { await onOpen(ul) } catch (e) { ul.append(node('error: ' + e.message)) }
      } else {
        ul.remove()
      }
    }
    span.onclick = toggle
    if (key && openKeys.has(key)) toggle()
  }
  return li
}

const quote = s => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'

/** columns lists a table's columns (name and type) under ul. */
async function columns (ul, tableExpr) {
  const { value } = await session.run('schema(' + tableExpr + ')["colDefs"]')
  const names = value.cols.find(c => c.name === 'name').texts
  const types = value.cols.find(c => c.name === 'typeString').texts
  names.forEach((n, i) => ul.append(node(n, types[i])))
}

async function refreshTree () {
  if (!session) return
  const tree = $('tree')
  // The nodes are built after the last await: a node reads openKeys when it
  // is made, so a click on the old tree while objs runs still counts.
  const objs = await session.run('objs(true)')
  const dbsNode = node('Databases', '', async ul => {
    const { value } = await session.run('getClusterDFSTables()')
    const byDB = new Map()
    for (const path of value.texts) {
      const cut = path.lastIndexOf('/')
      const db = path.slice(0, cut)
      if (!byDB.has(db)) byDB.set(db, [])
      byDB.get(db).push(path.slice(cut + 1))
    }
    const { value: dbs } = await session.run('getClusterDFSDatabases()')
    for (const db of dbs.texts) {
      ul.append(node(db, '', async tl => {
        for (const t of byDB.get(db) || []) {
          const expr = 'loadTable(' + quote(db) + ', ' + quote(t) + ')'
          const { value: n } = await session.run('exec count(*) from ' + expr)
          tl.append(node(t, n.text + ' rows', cl => columns(cl, expr), 'table:' + expr))
        }
      }, 'db:' + db))
    }
  }, 'databases')
  const t = objs.value
  const col = name => t.cols.find(c => c.name === name).texts
  const names = col('name'); const forms = col('form'); const types = col('type')
  const rows = col('rows'); const cols = col('columns'); const shared = col('shared')
  const group = (title, wantShared) => node(title, '', async ul => {
    for (let i = 0; i < names.length; i++) {
      if ((shared[i] === 'true') !== wantShared) continue
      const isTable = forms[i] === 'TABLE'
      const meta = isTable ? rows[i] + ' rows × ' + cols[i] + ' cols' : types[i] + ' ' + forms[i] + (forms[i] === 'SCALAR' ? '' : ' (' + rows[i] + ')')
      ul.append(node(names[i], meta, isTable ? cl => columns(cl, names[i]) : null, 'object:' + names[i]))
    }
  }, 'group:' + title)
  tree.replaceChildren(dbsNode, group('Shared objects', true), group('Session variables', false))
  // refreshes counts finished refreshes, so that a driver can tell the tree
  // it sees is the one made after its script ran.
  tree.dataset.refreshes = String(Number(tree.dataset.refreshes || 0) + 1)
}

// ---- wiring ---------------------------------------------------------------

$('login-form').onsubmit = async ev => {
  ev.preventDefault()
  setStatus('connecting…')
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/'
  const s = new Session(url)
  try {
    await s.open()
    await s.login($('user').value, $('password').value)
  } catch (e) {
    setStatus('login failed: ' + e.message)
    return
  }
  session = s
  setStatus('connected as ' + $('user').value)
  $('run').disabled = false
  $('refresh').disabled = false
  refreshTree()
}
$('run').onclick = runEditor
$('refresh').onclick = refreshTree
$('editor').onkeydown = ev => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); if (session) runEditor() }
}
$('prev').onclick = () => { page--; drawPage() }
$('next').onclick = () => { page++; drawPage() }
