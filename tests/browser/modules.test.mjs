// The page's module rules, checked without a browser: every module opens with a comment saying what it
// defines, the page, worker and element graphs link (no cycles, every imported name exported), and the
// linker refuses cycles and the forms it cannot link, saying where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { link, LinkError } from '../../www/linker.mjs';
import { root } from './harness.mjs';

const INLINE = {
  'inline:wasm': 'export const WASM_BASE64 = "";\n',
  'inline:worker': 'export const WORKER_SOURCE = "";\n',
  'inline:samples': 'export const SAMPLES = [];\n',
};

test('every page module, the start-up, the worker and the element open with a comment line', () => {
  const files = [...readdirSync(join(root, 'www', 'page')).filter((f) => f.endsWith('.js')).map((f) => `www/page/${f}`), 'www/app.js', 'www/worker.js', 'www/element.js'];
  for (const file of files) {
    const first = readFileSync(join(root, file), 'utf8').split('\n')[0];
    assert.match(first, /^\/\/ \S.{10,}/, `${file} opens with a comment saying what it defines`);
  }
});

test('the page, the worker and the element link from their entries, every page module reached once', () => {
  const page = link('www/app.js', { root, virtual: INLINE });
  const pageModules = readdirSync(join(root, 'www', 'page')).filter((f) => f.endsWith('.js')).map((f) => `www/page/${f}`);
  for (const module of pageModules) assert.ok(page.order.includes(module), `${module} is part of the page`);
  assert.equal(page.order.at(-1), 'www/app.js', 'the start-up runs last');
  assert.equal(new Set(page.order).size, page.order.length);
  const worker = link('www/worker.js', { root, format: 'classic' });
  assert.deepEqual(worker.order, ['pkg/indicator_lens.js', 'www/worker.js']);
  const element = link('www/element.js', { root, format: 'classic', virtual: INLINE });
  assert.ok(!element.order.some((m) => /channel|loading|share|app\.js/.test(m)), `the element needs no worker, loading or sharing: ${element.order}`);
  assert.doesNotMatch(element.code + worker.code, /import\.meta/);
});

/** Writes modules into a fresh directory and links from `entry` there. */
function linkFixture(files, entry = 'main.js', options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'il-link-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return link(entry, { root: dir, ...options });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('linked modules run in order, each in its own scope, with renamed imports and exports', () => {
  const { code, order } = linkFixture({
    'main.js': "// entry\nimport { twice, label as name } from './b.js';\nimport './c.js';\nconst local = 'main';\nresult.push(`${name}:${twice(21)}:${local}`);\n",
    'b.js': "// b\nimport { base } from './c.js';\nconst local = 'b';\nexport function twice(x) { return base * x; }\nconst text = local;\nexport { text as label };\n",
    'c.js': "// c\nexport const base = 2;\nresult.push('c');\n",
  });
  assert.deepEqual(order, ['c.js', 'b.js', 'main.js']);
  const result = [];
  new Function('result', code)(result);
  assert.deepEqual(result, ['c', 'b:42:main']);
});

test('the linker refuses cycles, unknown names and forms it cannot link, with file and line', () => {
  const refuses = (files, pattern, options) => assert.throws(() => linkFixture(files, 'main.js', options), (error) => error instanceof LinkError && pattern.test(error.message));
  refuses({ 'main.js': "import { a } from './a.js';\n", 'a.js': "import { b } from './b.js';\nexport const a = 1;\n", 'b.js': "import { a } from './a.js';\nexport const b = 2;\n" },
    /import cycle: a\.js → b\.js → a\.js/);
  refuses({ 'main.js': "// x\nimport { missing } from './a.js';\n", 'a.js': 'export const present = 1;\n' }, /main\.js:2: imports missing from \.\/a\.js, which does not export it/);
  refuses({ 'main.js': "import { a } from './nowhere.js';\n" }, /does not exist/);
  refuses({ 'main.js': "import { a } from 'somewhere';\n" }, /neither a relative path nor one the build provides/);
  refuses({ 'main.js': '// x\nexport let counter = 0;\n' }, /main\.js:2: unsupported export form/);
  refuses({ 'main.js': 'export default 1;\n' }, /unsupported export form/);
  refuses({ 'main.js': "import a from './a.js';\n", 'a.js': 'export const a = 1;\n' }, /unsupported import form/);
  refuses({ 'main.js': "import * as a from './a.js';\n", 'a.js': 'export const a = 1;\n' }, /unsupported import form/);
  refuses({ 'main.js': "export { a } from './a.js';\n", 'a.js': 'export const a = 1;\n' }, /unsupported export form/);
  refuses({ 'main.js': "const m = await import('./a.js');\n", 'a.js': 'export const a = 1;\n' }, /dynamic import/);
  refuses({ 'main.js': 'const here = import.meta.resolve("./a.js");\n' }, /import\.meta/);
});
