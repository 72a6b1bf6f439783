// The browser benchmark: serves bench/, pkg/ and node_modules/ on 127.0.0.1, then for each file
// size and tool runs cold pages in headless Chromium (a fresh browser per run), timing the whole job
// and sampling the browser's memory; checks every tool's counts agree and writes target/bench/results.json.
// Usage: node bench/run.mjs [--rows 100000,1000000] [--runs 5] [--tools floor,indicator-lens,...]
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdirSync, writeFileSync, readdirSync, createReadStream } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const SIZES = arg('--rows', '100000,1000000').split(',').map(Number);
const RUNS = Number(arg('--runs', '5'));
const TOOLS = arg('--tools', 'floor,floor-whole-text,indicator-lens,papaparse,d3-dsv,arquero,duckdb-wasm').split(',');
const WARM_ROWS = 10000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DATA = join(root, 'target', 'bench-data');

/** The generated file of `rows` rows, written with the CLI when missing (same generator as `cargo bench`). */
function dataFile(rows) {
  const path = join(DATA, `fingertips-${rows}.csv`);
  if (!existsSync(path)) {
    mkdirSync(DATA, { recursive: true });
    execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'indicator-lens', '--', 'generate', '--rows', String(rows), '--out', path], { cwd: root, stdio: 'inherit' });
  }
  return path;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.csv': 'text/csv', '.json': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname.startsWith('/data/') ? join(DATA, url.pathname.slice(6)) : join(root, url.pathname);
    const allowed = ['/bench/', '/pkg/', '/node_modules/', '/data/'].some((p) => url.pathname.startsWith(p)) && !url.pathname.includes('..');
    if (!allowed || !existsSync(path) || !statSync(path).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'content-length': statSync(path).size });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Resident memory (bytes) of a process and all its descendants. */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* gone */ }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try { total += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096; } catch { /* gone */ }
    stack.push(...(children.get(p) || []));
  }
  return total;
}

async function oneRun(base, tool, rows) {
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: ARGS });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/bench/index.html`);
    await page.waitForFunction(() => window.bench, null, { timeout: 60_000 });
    const version = browser.version();
    await page.evaluate(({ tool, url, warm }) => window.bench.prepare(tool, url, warm),
      { tool, url: `/data/fingertips-${rows}.csv`, warm: `/data/fingertips-${WARM_ROWS}.csv` });
    await new Promise((r) => setTimeout(r, 300));
    const baseline = treeRss(pid);
    let peak = baseline;
    const timer = setInterval(() => { peak = Math.max(peak, treeRss(pid)); }, 20);
    let result;
    try {
      result = await page.evaluate((tool) => window.bench.run(tool), tool);
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, treeRss(pid));
    if (errors.length) throw new Error(errors.join('; '));
    return { ...result, growth_mb: (peak - baseline) / 2 ** 20, version };
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
dataFile(WARM_ROWS);
const results = [];
let version = '';
for (const rows of SIZES) {
  const bytes = statSync(dataFile(rows)).size;
  for (const tool of TOOLS) {
    const runs = [];
    let error = null;
    for (let r = 0; r < RUNS && !error; r++) {
      try {
        const run = await oneRun(base, tool, rows);
        version = run.version;
        runs.push(run);
        console.log(`${rows} ${tool} run ${r + 1}: ${run.ms.toFixed(0)} ms, +${run.growth_mb.toFixed(0)} MB ${tool.startsWith('floor') ? `${run.lines} lines` : `H/S/L ${run.higher}/${run.similar}/${run.lower}`}`);
      } catch (e) {
        error = String(e.message || e).split('\n')[0];
        console.log(`${rows} ${tool}: failed: ${error}`);
      }
    }
    const entry = { tool, rows, bytes };
    if (error) entry.error = error;
    else {
      const last = runs[runs.length - 1];
      Object.assign(entry, {
        min_ms: Math.min(...runs.map((x) => x.ms)), median_ms: median(runs.map((x) => x.ms)),
        peak_mb: Math.max(...runs.map((x) => x.growth_mb)),
        higher: last.higher ?? null, similar: last.similar ?? null, lower: last.lower ?? null,
      });

    }
    results.push(entry);
  }
}
server.close();

// Every tool must give the same counts as indicator-lens.
let disagreements = 0;
for (const rows of SIZES) {
  const ours = results.find((r) => r.tool === 'indicator-lens' && r.rows === rows && !r.error);
  for (const r of results.filter((x) => x.rows === rows && !x.tool.startsWith('floor') && !x.error)) {
    r.agrees = !ours || (r.higher === ours.higher && r.similar === ours.similar && r.lower === ours.lower);
    if (!r.agrees) disagreements++;
  }
}
mkdirSync(join(root, 'target', 'bench'), { recursive: true });
writeFileSync(join(root, 'target', 'bench', 'results.json'), JSON.stringify(results, null, 2));
console.log(`\n${version}, ${RUNS} cold runs each (min / median ms, memory growth MB; ratios of the min)`);
for (const rows of SIZES) {
  const ours = results.find((r) => r.tool === 'indicator-lens' && r.rows === rows && !r.error);
  const floor = results.find((r) => r.tool === 'floor' && r.rows === rows && !r.error);
  for (const r of results.filter((x) => x.rows === rows)) {
    if (r.error) { console.log(`${rows}\t${r.tool}\tfailed: ${r.error}`); continue; }
    const vs = (o) => (o ? (r.min_ms / o.min_ms).toFixed(2) : '-');
    console.log(`${rows}\t${r.tool.padEnd(15)}\t${r.min_ms.toFixed(0)} / ${r.median_ms.toFixed(0)} ms\t+${r.peak_mb.toFixed(0)} MB\t×${vs(ours)} of indicator-lens\t×${vs(floor)} of floor\t${r.tool.startsWith('floor') ? '' : `${r.higher}/${r.similar}/${r.lower}${r.agrees ? '' : ' DISAGREES'}`}`);
  }
}
process.exit(disagreements ? 1 : 0);
