// indicator-lens worker: owns the heavy Session (ingest, analysis, view models) so the page never freezes.
// Concatenated after the wasm-bindgen glue by the build; receives the compiled module from the page.

let session = null;

function reply(id, ok, result) {
  self.postMessage({ id, ok, result });
}

const operations = {
  load({ files, options }, id) {
    const reports = [];
    files.forEach((file, index) => {
      self.postMessage({ type: 'progress', id, done: index, total: files.length, label: `Reading ${file.name}` });
      reports.push(session.load(file.name, new Uint8Array(file.bytes), file.options || options || undefined));
    });
    self.postMessage({ type: 'progress', id, done: files.length, total: files.length, label: 'Done' });
    return reports;
  },
  reports() { return session.reports(); },
  catalogue() { return session.catalogue(); },
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
    } catch (error) {
      self.postMessage({ type: 'failed', reason: String(error && error.message ? error.message : error) });
    }
    return;
  }
  const operation = operations[message.op];
  if (!operation) { reply(message.id, false, `unknown operation ${message.op}`); return; }
  try {
    reply(message.id, true, operation(message, message.id));
  } catch (error) {
    reply(message.id, false, String(error && error.message ? error.message : error));
  }
};
