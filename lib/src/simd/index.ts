// The WebAssembly SIMD switches that the package exports (the rest of simd/ is internal).
// A folder index of its own so that lib/src/index.ts re-exports it with `export *`: a named
// re-export there compiles (CommonJS) to `exports.x = void 0` followed by a redefinition of x as
// a getter, which turns the package's exports object into a dictionary (slow) object, and then
// every `mlekit.fn` lookup cost a dictionary probe (logGamma ×1e5 through the package: 20 -> 29 ns
// a call).
export { setSimdDisabled, simdAvailable } from "./instance";
