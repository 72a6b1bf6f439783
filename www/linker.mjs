// The module linker of the build: reads the import graph from an entry module, refuses cycles and
// unknown names, orders the modules so each runs after what it imports, and writes them as one script.
//
// Each module keeps its own scope (a function run once, in order), so two modules may use the same
// private names; its imports become constants taken from the modules it names, its exports the object
// it returns. That is exactly an ES module's meaning when bindings never change after start-up, so an
// export must be a function, a class or a `const` (mutable state is exported as an object).
//
// Supported forms, each starting a line:
//   import { a, b as c } from './x.js';      import './x.js';
//   export function f / async function / function* / class C / const a = ...
//   export { a, b as c };
// Anything else (default, namespace and dynamic imports, `export let`, `export default`, re-exports)
// is refused with the file and line, so nothing is linked wrongly in silence.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** An error in a module, with its file and line. */
class LinkError extends Error {}

function lineOf(source, index) {
  return source.slice(0, index).split('\n').length;
}

function fail(file, source, index, reason) {
  throw new LinkError(`${file}:${lineOf(source, index)}: ${reason}`);
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/** `a, b as c` (as in `import { … }` and `export { … }`) as [[a, a], [b, c]]. */
function specifierList(list, file, source, index) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const parts = s.split(/\s+as\s+/);
    const [from, to = from] = parts;
    if (parts.length > 2 || !NAME.test(from) || !(NAME.test(to) || to === 'default')) fail(file, source, index, `cannot read "${s}"`);
    return [from, to];
  });
}

const IMPORT = /^import\s*(?:\{([^}]*)\}\s*from\s*)?(['"])([^'"]+)\2\s*;?[ \t]*$/gm;
const EXPORT_DECLARATION = /^export\s+((?:async\s+)?function\s*\*?|class|const)\s*([A-Za-z_$][\w$]*)/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm;

/** One module's source split into what it imports, what it exports and its body without either. */
function parseModule(file, source) {
  const imports = [];
  const exports = new Map();
  // Every replacement keeps the line breaks, so lines in errors are the file's own.
  let body = source.replace(IMPORT, (match, names, quote, specifier, index, text) => {
    imports.push({ specifier, names: names === undefined ? [] : specifierList(names, file, text, index), line: lineOf(text, index) });
    return match.replace(/[^\n]/g, '');
  });
  body = body.replace(EXPORT_DECLARATION, (match, kind, name) => {
    exports.set(name, name);
    return match.replace(/^export\s+/, '');
  });
  body = body.replace(EXPORT_LIST, (match, names, index, text) => {
    for (const [local, exported] of specifierList(names, file, text, index)) exports.set(exported, local);
    return match.replace(/[^\n]/g, '');
  });
  const left = /^[ \t]*(import|export)\b(?!\s*\()(?!\.meta)/m.exec(body);
  if (left) {
    const text = body.slice(left.index).split('\n')[0].trim();
    fail(file, body, left.index, `unsupported ${left[1]} form: "${text}" (see www/linker.mjs for the forms it links)`);
  }
  const dynamic = /\bimport\s*\(/.exec(body);
  if (dynamic) fail(file, body, dynamic.index, 'dynamic import() cannot be linked into one file');
  return { imports, exports, body };
}

/**
 * Links the modules reachable from `entry` (a path under `root`) into one script.
 * `virtual` maps bare specifiers (such as `inline:wasm`) to module source made by the build.
 * `format: 'module'` gives the body of a `<script type="module">`; `'classic'` a classic script
 * (one strict function) for workers and `<script src>`. In both, `import.meta.url` is read as
 * `self.location.href` (the page's or worker's URL: a linked module has no URL of its own).
 * Returns { code, order } (order: the modules, each after its imports).
 */
export function link(entry, { root, virtual = {}, format = 'module' }) {
  const modules = new Map();
  const order = [];
  const visiting = [];

  const label = (id) => (id in virtual ? id : relative(root, id));

  function resolveSpecifier(specifier, importer) {
    if (specifier in virtual) return specifier;
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
      throw new LinkError(`${label(importer)}: "${specifier}" is neither a relative path nor one the build provides (${Object.keys(virtual).join(', ') || 'none'})`);
    }
    if (importer in virtual) throw new LinkError(`${importer}: a build-made module cannot import files`);
    const path = resolve(dirname(importer), specifier);
    if (!existsSync(path)) throw new LinkError(`${label(importer)}: imports ${specifier}, which does not exist (${relative(root, path)})`);
    return path;
  }

  function visit(id) {
    const cycleStart = visiting.indexOf(id);
    if (cycleStart >= 0) {
      throw new LinkError(`import cycle: ${[...visiting.slice(cycleStart), id].map(label).join(' → ')} (break it with a callback or a module both can import)`);
    }
    if (modules.has(id)) return;
    visiting.push(id);
    const source = id in virtual ? virtual[id] : readFileSync(id, 'utf8');
    const parsed = parseModule(label(id), source);
    parsed.resolved = parsed.imports.map((imp) => ({ ...imp, id: resolveSpecifier(imp.specifier, id) }));
    for (const imp of parsed.resolved) visit(imp.id);
    for (const imp of parsed.resolved) {
      const target = modules.get(imp.id);
      for (const [name] of imp.names) {
        if (!target.exports.has(name)) throw new LinkError(`${label(id)}:${imp.line}: imports ${name} from ${imp.specifier}, which does not export it`);
      }
    }
    visiting.pop();
    modules.set(id, parsed);
    order.push(id);
  }

  visit(resolve(root, entry));

  const variable = new Map(order.map((id, index) => [id, `__module${index}_${label(id).replace(/^.*\//, '').replace(/\.[^.]*$/, '').replace(/[^\w$]/g, '_')}`]));
  const parts = order.map((id) => {
    const { resolved, exports, body } = modules.get(id);
    const bindings = resolved.filter((imp) => imp.names.length)
      .map((imp) => `const { ${imp.names.map(([from, to]) => (from === to ? from : `${from}: ${to}`)).join(', ')} } = ${variable.get(imp.id)};`);
    const returned = [...exports].map(([exported, local]) => (exported === local ? local : `${exported}: ${local}`));
    // The glue's default path to a separate .wasm file (never used: the bytes are inlined) needs a URL.
    const code = body.replace(/\bimport\.meta\.url\b/g, 'self.location.href');
    if (/\bimport\.meta\b/.test(code)) throw new LinkError(`${label(id)}: import.meta has no meaning once linked`);
    return `// ── ${label(id)}\nconst ${variable.get(id)} = (() => {\n${bindings.join('\n')}\n${code.trimEnd()}\nreturn Object.freeze({ ${returned.join(', ')} });\n})();`;
  });
  const code = format === 'classic' ? `(() => {\n'use strict';\n${parts.join('\n')}\n})();\n` : `${parts.join('\n')}\n`;
  return { code, order: order.map(label) };
}

export { LinkError };
