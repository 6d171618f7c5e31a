// Profiling exports for bench/simd-profile.ts: the kernels of kernels.c (included whole) plus
// loops that time one part of a pass alone. Built by that bench into a temporary module with the
// same flags as the library's; never shipped. The source to include is given with
// -DKERNELS=<path> (the bench passes lib/wasm/kernels.c, or an older revision to compare).
#include KERNELS

/* Σ log x over in0, one accumulator: the vector log alone */
EXPORT("prof_log") double prof_log(int n) {
  V s = SPLAT(0.0);
  for (int i = 0; i + 2 <= n; i += 2) s = ADD(s, vlog_normal(load(in0 + i)));
  return L0(s) + L1(s);
}
/* Σ e^x over in0 (x <= 0): the vector exp alone */
EXPORT("prof_exp") double prof_exp(int n) {
  V s = SPLAT(0.0);
  for (int i = 0; i + 2 <= n; i += 2) s = ADD(s, vexp_nonpos(load(in0 + i)));
  return L0(s) + L1(s);
}
/* entropy's pass with p·p in place of p·log p: validation, scaling and the blocked sums */
EXPORT("prof_entropy_nolog") int prof_entropy_nolog(int n) {
  for (int start = 0; start < n; start += BLOCK) {
    int end = start + BLOCK < n ? start + BLOCK : n;
    V h = SPLAT(0.0), s = SPLAT(0.0), good = ISPLAT(-1);
    for (int i = start; i + 2 <= end; i += 2) {
      V x = load(in0 + i);
      good = wasm_v128_and(good, wasm_f64x2_ge(x, SPLAT(0.0)));
      V p = MUL(x, va);
      s = ADD(s, p);
      h = SUB(h, wasm_v128_and(MUL(p, p), wasm_f64x2_gt(p, SPLAT(0.0))));
    }
    if (!wasm_i64x2_all_true(good)) return 1;
    two_sum(&H, L0(h) + L1(h));
    two_sum(&S, L0(s) + L1(s));
  }
  return 0;
}
