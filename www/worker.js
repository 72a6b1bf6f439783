// indicator-lens worker: owns the heavy Session (ingest, analysis, view models) so the page never freezes.
// Linked with the wasm-bindgen glue into one classic script by the build; receives the compiled module from the page.
import { initSync, Session, warm_up } from '../pkg/indicator_lens.js';

let session = null;

function reply(id, ok, result) {
  self.postMessage({ id, ok, result });
}

/** A File's bytes in chunks of up to 1 MiB, read into one reused buffer (no garbage per chunk). */
async function* chunksOf(file) {
  const stream = file.stream();
  let reader;
  try { reader = stream.getReader({ mode: 'byob' }); } catch { reader = null; }
  if (!reader) {
    const plain = stream.getReader();
    for (let r = await plain.read(); !r.done; r = await plain.read()) yield r.value;
    return;
  }
  let buffer = new ArrayBuffer(1 << 20);
  for (;;) {
    const { done, value } = await reader.read(new Uint8Array(buffer));
    if (done || !value) return;
    yield value;
    buffer = value.buffer;
  }
}

const operations = {
  /** Streams each source (a File, read with `File.stream()`, or bytes) into the session as it is read;
   * returns `{ reports, catalogue }` of everything loaded. */
  async stream({ sources, options }, id) {
    const total = sources.reduce((sum, s) => sum + (s.file ? s.file.size : s.bytes.byteLength), 0);
    let before = 0;
    for (const source of sources) {
      const size = source.file ? source.file.size : source.bytes.byteLength;
      session.begin_load(source.name, size, source.options || options || undefined);
      let done = 0;
      let rows = 0;
      let shown = 0;
      const progress = () => {
        self.postMessage({ type: 'progress', id, done: before + done, total, label: `Reading ${source.name}: ${rows.toLocaleString('en-GB')} rows` });
        shown = performance.now();
      };
      progress();
      if (source.file) {
        for await (const chunk of chunksOf(source.file)) {
          rows = session.push_chunk(chunk);
          done += chunk.byteLength;
          if (performance.now() - shown > 50) progress();
        }
      } else {
        rows = session.push_chunk(new Uint8Array(source.bytes));
        done = size;
      }
      session.finish_load();
      before += size;
    }
    self.postMessage({ type: 'progress', id, done: total, total, label: 'Done' });
    // Everything the page shows next, in one reply: every file's report and what is loaded.
    return { reports: session.reports(), catalogue: session.catalogue() };
  },
  view({ spec }) { return session.view(spec); },
  csv({ spec, suppressBelow }) { return session.export_csv(spec, suppressBelow || 0); },
  clear() { session.clear(); return null; },
};

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      initSync({ module: message.module });
      session = new Session();
      self.postMessage({ type: 'ready' });
      // Compile the hot code on a small generated file now, not on the user's first file; the page
      // draws the view it returns to compile the drawing code too.
      try { self.postMessage({ type: 'warm', view: warm_up() }); } catch { /* only a warm-up */ }
    } catch (error) {
      self.postMessage({ type: 'failed', reason: String(error && error.message ? error.message : error) });
    }
    return;
  }
  const operation = operations[message.op];
  if (!operation) { reply(message.id, false, `unknown operation ${message.op}`); return; }
  const failed = (error) => reply(message.id, false, String(error && error.message ? error.message : error));
  try {
    const result = operation(message, message.id);
    if (result instanceof Promise) result.then((value) => reply(message.id, true, value), failed);
    else reply(message.id, true, result);
  } catch (error) {
    failed(error);
  }
};
