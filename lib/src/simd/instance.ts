// The SIMD kernels' WebAssembly instance: feature detection, compilation on first use, and the
// chunked copies into its memory. Internal: not re-exported from the package barrel.
//
// Nothing runs at import. The first call of `kernels()` checks that the engine has WebAssembly
// and SIMD128 (by validating a 43-byte module that uses a v128 instruction), decodes the embedded
// bytes (module.ts), compiles them synchronously and instantiates them. Any failure (no
// WebAssembly, no SIMD, a compile error, a content-security policy that forbids compiling) is
// remembered and the callers take the JS path, whose results agree to the last digits (lib/wasm/README.md).

import { KERNELS_BASE64 } from "./module";
import type { Vector } from "../validate/validate";

/** What the module exports (lib/wasm/kernels.c). Pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: { buffer: ArrayBuffer };
  in0(): number;
  in1(): number;
  out(): number;
  chunk(): number;
  log_map(n: number): void;
  exp_map(n: number): void;
  entropy_begin(a: number): void;
  entropy_chunk(n: number): number;
  entropy_end(): void;
  cross_begin(a: number, b: number): void;
  cross_chunk(n: number): number;
  cross_abs_chunk(n: number): number;
  cross_end(): void;
  kl_begin(a: number, b: number): void;
  kl_chunk(n: number): number;
  kl_end(): void;
  lse_max_begin(): void;
  lse_max_chunk(n: number, base: number): number;
  lse_max_end(): void;
  lse_sum_begin(m: number): void;
  lse_sum_chunk(n: number): void;
  lse_sum_end(): void;
  mi_chunk(n: number, rs: number, hi: number, lo: number, dev: number): number;
  cols(): number;
  mi_marg_begin(n: number): void;
  mi_marg_row(n: number): number;
}

/** The loaded kernels: exports plus Float64Array indices of the buffers. */
export interface Kernels {
  exports: KernelExports;
  /** The module's memory as doubles (the memory never grows, so this view stays valid). */
  mem: Float64Array;
  /** Double index of the first input buffer, the second, and the results. */
  in0: number;
  in1: number;
  out: number;
  /** Doubles per input buffer (4096, i.e. 32 KB). */
  chunk: number;
}

// The part of the WebAssembly API used here (lib/tsconfig.json has no DOM or Node types).
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/**
 * A minimal module whose one function returns a v128 constant, in base64: engines without SIMD128
 * reject it. Its 43 bytes: magic and version 1 (00 61 73 6d 01 00 00 00); type section,
 * () -> v128 (01 05 01 60 00 01 7b); function section, one function of type 0 (03 02 01 00);
 * code section, one body of 20 bytes with no locals: v128.const of 16 zero bytes, end
 * (0a 16 01 14 00 fd 0c, 16 × 00, 0b).
 */
const SIMD_PROBE = "AGFzbQEAAAABBQFgAAF7AwIBAAoWARQA/QwAAAAAAAAAAAAAAAAAAAAACw==";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CORRUPT = "mlekit: corrupt embedded WebAssembly module ";

/** Bytes of a base64 string (no `atob`, which not every JavaScript context has). */
export function decodeBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--; // '=' padding
  if (len % 4 === 1) throw new RangeError(`${CORRUPT}(length)`);
  const out = new Uint8Array((len * 3) >> 2);
  // 6 bits a character shifted into `bits`; after the 2nd, 3rd and 4th character of a group a
  // byte is complete, 4, 2 and 0 bits from the bottom (a Uint8Array store keeps the low 8 bits)
  let bits = 0;
  let j = 0;
  for (let i = 0; i < len; i++) {
    const v = B64.indexOf(text[i]);
    if (v < 0) throw new RangeError(`${CORRUPT}(character ${i})`);
    bits = (bits << 6) | v;
    if (i % 4) out[j++] = bits >> (6 - 2 * (i % 4));
  }
  return out;
}

let state: Kernels | null | undefined; // undefined: not tried yet; null: unavailable
let disabled = false;
// True while `fill` reads a `number[]` entry by entry: an index getter may call the library there,
// and the kernels' accumulators and buffers are one module-wide state, so a pass started then
// would reset the outer pass's. That inner pass takes the JS path.
let busy = false;

/** The WebAssembly API of this context, when it has one that runs SIMD128. */
function simdWasm(): WasmApi | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined || typeof wasm.validate !== "function") return undefined;
  try {
    return wasm.validate(decodeBase64(SIMD_PROBE)) ? wasm : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds the kernels for a pass whose state lives in their memory across JS code that may call
 * back into the library (mutualInformation reads each row of the table between kernel calls, and
 * a row may be a getter): while held, `kernels()` answers `undefined`, so such a call takes the JS
 * path and cannot overwrite that state. Released with `false` (in a `finally`).
 */
export function holdKernels(on: boolean): void {
  busy = on;
}

/**
 * The kernels, compiled and instantiated on the first call; `undefined` where WebAssembly or
 * SIMD128 is missing or compiling is not allowed (then every caller takes the JS path).
 */
export function kernels(): Kernels | undefined {
  if (disabled || busy) return undefined;
  if (state !== undefined) return state ?? undefined;
  state = null;
  const wasm = simdWasm();
  if (wasm === undefined) return undefined;
  try {
    const instance = new wasm.Instance(new wasm.Module(decodeBase64(KERNELS_BASE64)), {});
    const exports = instance.exports as KernelExports;
    state = {
      exports,
      mem: new Float64Array(exports.memory.buffer),
      in0: exports.in0() / 8,
      in1: exports.in1() / 8,
      out: exports.out() / 8,
      chunk: exports.chunk(),
    };
  } catch {
    state = null;
  }
  return state ?? undefined;
}

/**
 * Forces the JS path of `entropy`, `crossEntropy`, `klDivergence` and `logSumExp` (`true`), or lets
 * them use the WebAssembly SIMD kernels again from their break-even length on (`false`, the
 * default). The two paths sum in the same order but their logs and exps may round differently
 * (the kernels' are within 0.51 ulp, V8's `Math.log`/`Math.exp` within 1): results differ by at
 * most a few units in the 15th digit (measured bounds per function in lib/README.md), so this is
 * for reproducing a result of an engine without WebAssembly SIMD bit for bit, and for comparing
 * the two paths. It applies to every later call in this JavaScript context, until changed.
 * @param off `true` to force the JS path, `false` to allow the kernels
 * @returns nothing
 * @throws never
 * @example
 * setSimdDisabled(true);
 * simdAvailable(); // => false
 * entropy([0.5, 0.5]); // => 0.6931471805599453
 * setSimdDisabled(false);
 */
export function setSimdDisabled(off: boolean): void {
  disabled = off === true;
}

/**
 * Whether the WebAssembly SIMD kernels are in use in this context: the engine runs WebAssembly
 * with SIMD128, compiling the embedded module succeeded (it is compiled by this call if no
 * function has needed it yet) and `setSimdDisabled(true)` is not in force.
 * @returns `true` when the kernels run (for inputs from their break-even length on)
 * @throws never
 * @example
 * simdAvailable(); // => true (Node 18+, current browsers)
 * setSimdDisabled(true);
 * simdAvailable(); // => false
 * setSimdDisabled(false);
 */
export function simdAvailable(): boolean {
  return kernels() !== undefined;
}

/**
 * Copies `src[start .. start + len)` into the kernels' memory at double index `at`.
 * @returns false when an entry is not a number (a `number[]` may hold anything; the caller then
 *   rescans and throws the library's message); a plain `Float64Array` always copies. A subclass is
 *   read entry by entry like an array: `subarray` clamps to the real length, so one whose `length`
 *   getter says more would leave stale memory in the buffer where the JS path reads `undefined` and
 *   throws.
 */
export function fill(
  mem: Float64Array,
  at: number,
  src: Vector,
  start: number,
  len: number,
): boolean {
  // a plain Float64Array (a validated vector that is not an array; a number[] may carry an own
  // `constructor`), else entry by entry
  if (src.constructor === Float64Array && !Array.isArray(src)) {
    mem.set(src.subarray(start, start + len), at);
    return true;
  }
  return fillFromArray(mem, at, src as readonly unknown[], start, len);
}

// Kept apart from the Float64Array case so that its element loads only ever see arrays (one
// polymorphic site for packed, holey and mixed arrays instead of one shared with typed arrays).
function fillFromArray(
  mem: Float64Array,
  at: number,
  src: readonly unknown[],
  start: number,
  len: number,
): boolean {
  const held = busy;
  busy = true;
  try {
    for (let i = 0; i < len; i++) {
      const x = src[start + i];
      if (typeof x !== "number") return false;
      mem[at + i] = x;
    }
  } finally {
    busy = held;
  }
  return true;
}
