// The request/response channel to the worker that owns the Session, started on the page's compiled module.
import { WORKER_SOURCE } from 'inline:worker';
import { wasmModule } from './wasm.js';
import { warmDrawing } from './warm.js';

/** A request/response channel to the worker, with progress callbacks. */
class WorkerChannel {
  constructor() { this.start(); }
  start() {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.ready.catch(() => {});
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.crashed(event.message || 'the worker stopped');
    this.worker.postMessage({ type: 'init', module: wasmModule() });
  }
  receive(message) {
    if (message.type === 'ready') { this.started = true; this.resolveReady(); return; }
    if (message.type === 'failed') { this.crashed(message.reason); return; }
    if (message.type === 'warm') { warmDrawing(message.view); return; }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') { entry.progress?.(message); return; }
    this.pending.delete(message.id);
    if (message.ok) entry.resolve(message.result); else entry.reject(new Error(message.result));
  }
  crashed(reason) {
    const message = `The analysis stopped unexpectedly (${reason}).`;
    for (const entry of this.pending.values()) entry.reject(new Error(message));
    this.pending.clear();
    this.rejectReady(new Error(message));
    this.worker.terminate();
    console.error(message);
    // Restart only a worker that had started: one that cannot start would fail again at once.
    if (this.started) this.start(); else this.failed = message;
  }
  async call(op, payload = {}, progress) {
    if (this.failed) throw new Error(this.failed);
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      // Nothing is transferred: the page keeps each file's bytes for re-reads and sharing.
      this.worker.postMessage({ id, op, ...payload });
    });
  }
}

/** The page's one channel (its worker starts when the page's modules are evaluated). */
export const channel = new WorkerChannel();
