// The files the user loaded: kept (as the File, and as bytes for sharing) so a crash, a corrected option
// or a cancelled load can re-run the whole load, and a share link or snapshot can carry them.

/** Every loaded file, in load order: `{ name, file?, bytes, options? }`. */
export const loadedFiles = [];

/** Files up to this size are also kept as bytes, for share links and snapshots. */
const SHARE_BYTES_LIMIT = 64 * 1024 * 1024;

/** The record kept of a loaded file: the File itself (read again on a re-run) and, once read, its bytes. */
export function keepFile(f) {
  if (f.file) return { name: f.name, file: f.file, bytes: new ArrayBuffer(0), options: f.options };
  return { name: f.name, bytes: f.bytes.slice(0), options: f.options };
}

/** What the worker is sent for a kept file: the File (the worker streams it) or the bytes. */
export function sourceOf(entry) {
  const source = entry.file ? { name: entry.name, file: entry.file } : { name: entry.name, bytes: entry.bytes };
  if (entry.options) source.options = entry.options;
  return source;
}

/** Reads a dropped file's bytes after its load, for sharing (never during it: the worker streams the file). */
export function readForSharing(entry) {
  if (!entry.file || entry.file.size > SHARE_BYTES_LIMIT) return;
  entry.file.arrayBuffer().then((bytes) => { entry.bytes = bytes; }, () => {});
}
