// Drives the web console in headless Chromium through chromedriver's
// WebDriver protocol (plain fetch, no npm packages): log in, run a script,
// see the rows in the grid, page through them, see the object tree.
// Environment: PORPOISE_ADDR (host:port), CHROMEDRIVER_URL (http://127.0.0.1:PORT),
// CHROMIUM (the browser binary).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'

const addr = process.env.PORPOISE_ADDR
const driver = process.env.CHROMEDRIVER_URL
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'
let session

async function wd (method, path, body) {
  const res = await fetch(driver + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`)
  return json.value
}

const cmd = (method, path, body) => wd(method, `/session/${session}${path}`, body)
const find = async css => (await cmd('POST', '/element', { using: 'css selector', value: css }))[ELEMENT]
const text = async css => cmd('GET', `/element/${await find(css)}/text`)
const click = async css => cmd('POST', `/element/${await find(css)}/click`, {})
const type = async (css, s) => cmd('POST', `/element/${await find(css)}/value`, { text: s })
const clear = async css => cmd('POST', `/element/${await find(css)}/clear`, {})
const exec = (script, ...args) => cmd('POST', '/execute/sync', { script, args })

/** waitFor polls fn until it returns a truthy value (10 s at most). */
async function waitFor (what, fn) {
  const end = Date.now() + 10_000
  let last
  while (Date.now() < end) {
    try {
      last = await fn()
      if (last) return last
    } catch (e) { last = e }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}; last: ${last}`)
}

before(async () => {
  const caps = {
    browserName: 'chrome',
    'goog:chromeOptions': {
      binary: process.env.CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  }
  const v = await wd('POST', '/session', { capabilities: { alwaysMatch: caps } })
  session = v.sessionId
  await cmd('POST', '/url', { url: `http://${addr}/` })
})

after(async () => { if (session) await cmd('DELETE', '') })

test('a wrong password is refused', async () => {
  await type('#password', 'wrong')
  await click('#login')
  await waitFor('the refusal', async () => (await text('#status')).startsWith('login failed'))
  assert.match(await text('#status'), /The user name or password is incorrect/)
})

test('log in, run a script, see the rows', async () => {
  await clear('#password')
  await type('#password', '123456')
  await click('#login')
  await waitFor('the login', async () => (await text('#status')) === 'connected as admin')
  await type('#editor', 't = table(1..250 as id, take(`AAPL`MSFT, 250) as sym, 0.5 + 1..250 as px)\nshare t as trades\nprint("hello")\nselect * from trades where id <= 3 or id > 245')
  await click('#run')
  await waitFor('the grid', async () => (await exec('return document.querySelectorAll("#grid tbody tr").length')) === 8)
  const rows = await exec('return [...document.querySelectorAll("#grid tr")].map(r => [...r.cells].map(c => c.textContent).join(" "))')
  assert.deepEqual(rows.slice(0, 4), ['id sym px', '1 AAPL 1.5', '2 MSFT 2.5', '3 AAPL 3.5'])
  assert.equal(rows[8], '250 MSFT 250.5')
  assert.equal(await text('#messages'), 'hello')
})

test('a big result pages', async () => {
  await clear('#editor')
  await type('#editor', 'select * from trades')
  await click('#run')
  await waitFor('page 1', async () => (await text('#page-info')) === 'rows 1–100 of 250')
  await click('#next')
  await click('#next')
  assert.equal(await text('#page-info'), 'rows 201–250 of 250')
  const first = await exec('return document.querySelector("#grid tbody tr").cells[0].textContent')
  assert.equal(first, '201')
})

test('errors are shown', async () => {
  await clear('#editor')
  await type('#editor', 'undefinedThing + 1')
  await click('#run')
  await waitFor('the error', async () => (await exec('return document.querySelector("#messages .error")?.textContent')) || '')
})

test('the tree lists databases, tables, shared objects and variables', async () => {
  await clear('#editor')
  await type('#editor', 'db = database("dfs://web", VALUE, 1..3); pt = db.createPartitionedTable(table(1 2 3 as id, 1.5 2.5 3.5 as v), "quotes", "id"); pt.append!(table(1 2 3 as id, 1.5 2.5 3.5 as v)); x = 42')
  // The tree of the earlier tests is on the page until this script's refresh
  // replaces it; a click on it before then would open a node that is thrown away.
  const refreshes = async () => Number(await exec('return document.querySelector("#tree").dataset.refreshes || 0'))
  const before = await refreshes()
  await click('#run')
  const label = 'return [...document.querySelectorAll("#tree li")].map(li => li.textContent)'
  const open = async name => exec(`for (const s of document.querySelectorAll("#tree li > span:first-child")) if (s.textContent.slice(2) === arguments[0]) { s.click(); return true } return false`, name)
  await waitFor('the refreshed tree', async () => (await refreshes()) > before)
  await open('Databases')
  await waitFor('the database', async () => open('dfs://web'))
  await waitFor('the table', async () => (await exec(label)).some(t => t.startsWith('▸ quotes 3 rows')))
  await open('quotes')
  await waitFor('its schema', async () => (await exec(label)).some(t => t === 'v DOUBLE'))
  await open('Shared objects')
  await waitFor('the shared table', async () => (await exec(label)).some(t => t.startsWith('▸ trades 250 rows × 3 cols')))
  await open('Session variables')
  await waitFor('the variable', async () => (await exec(label)).some(t => t === 'x INT SCALAR'))
})
