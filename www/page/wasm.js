// The wasm module on this thread: the inlined bytes decoded and compiled once, then instantiated, for the
// page (which also posts the compiled module to its worker) and for the element.
import { initSync } from '../../pkg/indicator_lens.js';
import { WASM_BASE64 } from 'inline:wasm';

let compiled = null;

/** The compiled module; the first call decodes, compiles and instantiates it (glue calls work after it). */
export function wasmModule() {
  if (!compiled) {
    const binary = atob(WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
    initSync({ module: compiled });
  }
  return compiled;
}
