// The work every tool does in the browser benchmark: parse a Fingertips-layout file, find each
// group's England row, a Wilson 95% interval per area from count and denominator, and tally
// Higher / Similar / Lower against England. Exposed as window.bench for bench/run.mjs.
/* global Papa, d3, aq */
import init, { Session, warm_up } from '/pkg/indicator_lens.js';
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const ENGLAND = 'E92000001';
/** qnorm(0.975), as the Rust core computes it. */
const Z = 1.959963984540054;
const KEYS = ['Indicator ID', 'Time period', 'Sex', 'Age', 'Category Type', 'Category'];

/** Tallies from row arrays (header first): the hand-written JS every JS parser shares. */
function tallyRows(rows) {
  const header = rows[0].map((h) => h.trim());
  const at = (name) => header.indexOf(name);
  const keys = KEYS.map(at);
  const [code, value, count, denominator] = ['Area Code', 'Value', 'Count', 'Denominator'].map(at);
  const keyOf = (r) => keys.map((k) => r[k]).join('\u0001');
  const england = new Map();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r[code] === ENGLAND) england.set(keyOf(r), +r[value]);
  }
  return tallyFrom(rows.length - 1, (i) => rows[i + 1][code], (i) => england.get(keyOf(rows[i + 1])),
    (i) => number(rows[i + 1][count]), (i) => number(rows[i + 1][denominator]));
}

function number(text) {
  return text === '' || text === undefined ? NaN : +text;
}

/** The comparison loop: `areaOf(i)`, `englandOf(i)`, `countOf(i)`, `denominatorOf(i)` for row i. */
function tallyFrom(n, areaOf, englandOf, countOf, denominatorOf) {
  const result = { higher: 0, similar: 0, lower: 0 };
  const zz = Z * Z;
  for (let i = 0; i < n; i++) {
    if (areaOf(i) === ENGLAND) continue;
    const x = countOf(i);
    const d = denominatorOf(i);
    const e = englandOf(i);
    if (!(x >= 0 && d > 0 && x <= d) || !Number.isFinite(e)) continue;
    const root = Math.sqrt(zz + 4 * x * (1 - x / d));
    const lower = ((2 * x + zz - Z * root) / 2 / (d + zz)) * 100;
    const upper = ((2 * x + zz + Z * root) / 2 / (d + zz)) * 100;
    if (lower > e) result.higher++;
    else if (upper < e) result.lower++;
    else result.similar++;
  }
  return result;
}

/** Reads the whole blob as text (what every JS tool needs before it can parse). */
const textOf = (blob) => blob.text();

let duck = null;

const TOOLS = {
  /** The floor: the file's text decoded as it is read (as the streaming load reads it) and its lines counted. */
  async floor(blob) {
    const decoder = new TextDecoder();
    const reader = blob.stream().getReader({ mode: 'byob' });
    let buffer = new ArrayBuffer(1 << 20);
    let lines = 0;
    const count = (text) => { for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++; };
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(buffer));
      if (done || !value) break;
      count(decoder.decode(value, { stream: true }));
      buffer = value.buffer;
    }
    count(decoder.decode());
    return { lines };
  },
  /** The same into one string (what every JS parser needs first), for reference. */
  async 'floor-whole-text'(blob) {
    const text = new TextDecoder().decode(await blob.arrayBuffer());
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    return { lines };
  },
  async 'indicator-lens'(blob) {
    const session = new Session();
    session.begin_load('bench.csv', blob.size, undefined);
    // As the page's worker reads a File: one reused 1 MiB buffer (no garbage per chunk).
    const reader = blob.stream().getReader({ mode: 'byob' });
    let buffer = new ArrayBuffer(1 << 20);
    for (;;) {
      const { done, value } = await reader.read(new Uint8Array(buffer));
      if (done || !value) break;
      session.push_chunk(value);
      buffer = value.buffer;
    }
    session.finish_load();
    const counts = session.england_counts();
    session.free();
    return counts;
  },
  async papaparse(blob) {
    const parsed = Papa.parse(await textOf(blob), { skipEmptyLines: true });
    return tallyRows(parsed.data);
  },
  async 'd3-dsv'(blob) {
    return tallyRows(d3.csvParseRows(await textOf(blob)).filter((r) => r.length > 1));
  },
  async arquero(blob) {
    // Types given for the columns used (type guessing from the first rows gets later rows wrong).
    const num = (v) => (v === '' || v == null ? NaN : +v);
    const table = aq.fromCSV(await textOf(blob), { autoType: false, parse: { Value: num, Count: num, Denominator: num } });
    const columns = Object.fromEntries([...KEYS, 'Area Code', 'Value', 'Count', 'Denominator'].map((c) => [c, table.array(c)]));
    const keyOf = (i) => KEYS.map((k) => columns[k][i]).join('\u0001');
    const england = new Map();
    const codes = columns['Area Code'];
    for (let i = 0; i < codes.length; i++) if (codes[i] === ENGLAND) england.set(keyOf(i), columns.Value[i]);
    return tallyFrom(codes.length, (i) => codes[i], (i) => england.get(keyOf(i)), (i) => columns.Count[i], (i) => columns.Denominator[i]);
  },
  async 'duckdb-wasm'(blob) {
    const { db, conn } = duck;
    await db.registerFileHandle('data.csv', blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const n = (c) => `TRY_CAST(NULLIF("${c}", '') AS DOUBLE)`;
    const result = await conn.query(`
      WITH t AS (SELECT "Indicator ID" i, "Time period" p, "Sex" s, "Age" a, "Category Type" ct, "Category" c,
                        "Area Code" code, ${n('Value')} v, ${n('Count')} x, ${n('Denominator')} d
                 FROM read_csv('data.csv', header = true, all_varchar = true, allow_quoted_nulls = false)),
           e AS (SELECT i, p, s, a, ct, c, v AS ev FROM t WHERE code = '${ENGLAND}'),
           w AS (SELECT e.ev, x, d, sqrt(${Z * Z} + 4 * x * (1 - x / d)) AS r FROM t JOIN e USING (i, p, s, a, ct, c)
                 WHERE code <> '${ENGLAND}' AND x >= 0 AND d > 0 AND x <= d AND isfinite(e.ev)),
           l AS (SELECT ev, (2 * x + ${Z * Z} - ${Z} * r) / 2 / (d + ${Z * Z}) * 100 AS lo,
                            (2 * x + ${Z * Z} + ${Z} * r) / 2 / (d + ${Z * Z}) * 100 AS hi FROM w)
      SELECT count(*) FILTER (WHERE lo > ev) AS higher, count(*) FILTER (WHERE hi < ev) AS lower,
             count(*) FILTER (WHERE lo <= ev AND hi >= ev) AS similar FROM l`);
    const row = result.toArray()[0].toJSON();
    await db.dropFile('data.csv');
    return { higher: Number(row.higher), similar: Number(row.similar), lower: Number(row.lower) };
  },
};

/** Starts a tool's engine (not timed: a page does it once, before any file). */
async function setup(tool) {
  if (tool === 'indicator-lens') {
    await init({ module_or_path: '/pkg/indicator_lens_bg.wasm' });
  }
  if (tool === 'duckdb-wasm' && !duck) {
    const base = '/node_modules/@duckdb/duckdb-wasm/dist';
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: `${base}/duckdb-mvp.wasm`, mainWorker: `${base}/duckdb-browser-mvp.worker.js` },
      eh: { mainModule: `${base}/duckdb-eh.wasm`, mainWorker: `${base}/duckdb-browser-eh.worker.js` },
    });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
    await db.instantiate(bundle.mainModule);
    duck = { db, conn: await db.connect() };
  }
}

let file = null;

window.bench = {
  /** Fetches the file into a Blob (as a dropped File would be), starts the tool and warms it on a small file. */
  async prepare(tool, url, warmUrl) {
    await setup(tool);
    if (tool === 'indicator-lens') warm_up();
    const warm = await (await fetch(warmUrl)).blob();
    await TOOLS[tool](warm);
    file = await (await fetch(url)).blob();
    return file.size;
  },
  /** The timed run: the tool's whole job on the prepared file. */
  async run(tool) {
    const started = performance.now();
    const result = await TOOLS[tool](file);
    return { ms: performance.now() - started, ...result };
  },
};
document.getElementById('status').textContent = 'ready';
