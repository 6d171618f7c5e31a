// mlekit's WebAssembly SIMD kernels: the hot passes of entropy, crossEntropy, klDivergence and
// logSumExp on f64x2 vectors. Built by scripts/build-wasm.ts (Debian clang-14 + lld-14,
// `--target=wasm32 -msimd128 -O3 -nostdlib`) into lib/src/simd/module.ts; never edit that file
// by hand: `npm run build` rewrites it and a test checks that it matches this source.
//
// Exactness. The vector log and exp below evaluate, lane by lane, the same operations in the
// same order as fdlibm's __ieee754_log and __ieee754_exp, which V8 uses for Math.log and Math.exp
// (src/base/ieee754.cc; V8 also returns Math.exp(1) = Math.E exactly, as here). WebAssembly has no
// fused multiply-add in SIMD128 and clang does not contract across wasm ops, so every lane
// rounds as the scalar code does: each log and exp is bit-identical to V8's, every branch of the
// scalar code becomes a lane select. tests/simd/ checks this over the whole double range.
//
// Summation order ("lane order", the same in lib/src/simd/scalar.ts, the JS path):
//  - lane L of a vector holds the elements with index parity L (the chunks handed in start at
//    even indices, so parity is global);
//  - a blocked sum (BLOCK = 256 indices, blocks aligned on index 0, as in numerics.ts) keeps one
//    plain sum per lane inside the block, adds them as lane0 + lane1 at the block's end, and adds
//    that block sum into a (hi, lo) pair with TwoSum; the value is hi + lo (hi alone if hi is not
//    finite);
//  - a plain sum keeps one running sum per lane over the whole vector, lane0 + lane1 at the end;
//  - terms a scalar loop skips (p = 0) are added as +0, which changes no sum.
//
// Validation is fused: a kernel returns 1 as soon as a block holds an invalid entry (NaN or
// negative probability; NaN for logSumExp), and the JS caller rescans from index 0 with the
// library's own messages. +Infinity is not flagged here: it makes a sum infinite, which the
// caller already treats as today's JS does.
//
// Memory: two input buffers of CHUNK doubles (32 KB each) that JS fills chunk by chunk, and a
// result area. Nothing grows, so JS views on the memory stay valid.

#include <stdint.h>
#include <wasm_simd128.h>

typedef v128_t V;

#define CHUNK 4096
#define BLOCK 256

static double in0[CHUNK] __attribute__((aligned(16)));
static double in1[CHUNK] __attribute__((aligned(16)));
static double out[8] __attribute__((aligned(16)));

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("in0") double *in0_ptr(void) { return in0; }
EXPORT("in1") double *in1_ptr(void) { return in1; }
EXPORT("out") double *out_ptr(void) { return out; }
EXPORT("chunk") int chunk_len(void) { return CHUNK; }

// ------------------------------------------------------------------ lane helpers
#define SPLAT(x) wasm_f64x2_splat(x)
#define ISPLAT(x) wasm_i64x2_splat(x)
#define SEL(mask, a, b) wasm_v128_bitselect((a), (b), (mask)) /* mask ? a : b, per lane */
#define ADD wasm_f64x2_add
#define SUB wasm_f64x2_sub
#define MUL wasm_f64x2_mul
#define DIV wasm_f64x2_div
#define L0(v) wasm_f64x2_extract_lane((v), 0)
#define L1(v) wasm_f64x2_extract_lane((v), 1)

static inline V load(const double *p) { return wasm_v128_load(p); }
/** One element and a neutral second lane (the odd tail of a vector). */
static inline V load1(const double *p, double neutral) { return wasm_f64x2_make(p[0], neutral); }


// (hi, lo) += b with TwoSum (Knuth), as numerics.ts adds block sums.
typedef struct { double hi, lo; } Pair;
static inline void two_sum(Pair *s, double b) {
  double t = s->hi + b;
  double z = t - s->hi;
  s->lo += s->hi - (t - z) + (b - z);
  s->hi = t;
}
static inline double pair_value(Pair s) { return s.hi - s.hi == 0 ? s.hi + s.lo : s.hi; }

// ------------------------------------------------------------------ log
static const double LN2_HI = 6.93147180369123816490e-01; /* 0x3fe62e42 fee00000 */
static const double LN2_LO = 1.90821492927058770002e-10; /* 0x3dea39ef 35793c76 */
static const double LG1 = 6.666666666666735130e-01;
static const double LG2 = 3.999999999940941908e-01;
static const double LG3 = 2.857142874366239149e-01;
static const double LG4 = 2.222219843214978396e-01;
static const double LG5 = 1.818357216161805012e-01;
static const double LG6 = 1.531383769920937332e-01;
static const double LG7 = 1.479819860511658591e-01;

/**
 * log x for x a positive normal double (fdlibm's algorithm, lane by lane): x = 2^k·z with z in
 * [√2/2, √2) (the boundary at mantissa 0x6a09c, as fdlibm's normalization), f = z − 1,
 * s = f/(2 + f), R = the degree-14 even polynomial in s of fdlibm; then
 * log x = k·ln2_hi − ((s(f − R) − k·ln2_lo) − f), or, where fdlibm takes its other arrangement
 * (mantissa high word in [0x6147a, 0x6b851]), k·ln2_hi − ((hfsq − (s(hfsq + R) + k·ln2_lo)) − f)
 * with hfsq = f²/2, or, for −2^-20 <= f < 2^-20, k·ln2_hi − ((f²(1/2 − f/3) − k·ln2_lo) − f).
 * ln2_hi·k is exact. Those two rarer forms are computed only when a lane needs them.
 */
static inline V vlog_k(V x, V kadj) {
  /* u = bits − 0x3fe6a09c00000000 + 2^62: its top 12 bits are k + 1024 (logical shifts only; V8
     has no native i64x2.shr_s below AVX-512) */
  V u = wasm_i64x2_sub(x, ISPLAT(0x3fe6a09c00000000LL - 0x4000000000000000LL));
  V k = wasm_i64x2_add(wasm_u64x2_shr(u, 52), kadj); /* k + 1024 */
  V z = wasm_i64x2_add(wasm_i64x2_sub(x, wasm_v128_and(u, ISPLAT(0xfff0000000000000LL))), ISPLAT(0x4000000000000000LL));
  V f = SUB(z, SPLAT(1.0));
  V dk = SUB(wasm_i64x2_add(k, ISPLAT(0x4338000000000000LL)), SPLAT(0x1.8p52 + 1024)); /* k, exactly */
  V s = DIV(f, ADD(SPLAT(2.0), f));
  V zz = MUL(s, s);
  V w = MUL(zz, zz);
  V t1 = MUL(w, ADD(SPLAT(LG2), MUL(w, ADD(SPLAT(LG4), MUL(w, SPLAT(LG6))))));
  V t2 = MUL(zz, ADD(SPLAT(LG1), MUL(w, ADD(SPLAT(LG3), MUL(w, ADD(SPLAT(LG5), MUL(w, SPLAT(LG7))))))));
  V R = ADD(t2, t1);
  V dkhi = MUL(dk, SPLAT(LN2_HI));
  V dklo = MUL(dk, SPLAT(LN2_LO));
  V y = SUB(dkhi, SUB(SUB(MUL(s, SUB(f, R)), dklo), f));
  /* fdlibm's i = (hx − 0x6147a) | (0x6b851 − hx) > 0, hx the mantissa's high 20 bits */
  /* as a double 1.hx (exponent 0, mantissa high word hx): compared as f64, not as i64 (V8 lowers
     i64x2.gt_s to scalar code on this CPU) */
  V m = wasm_v128_or(wasm_v128_and(x, ISPLAT(0x000fffff00000000LL)), ISPLAT(0x3ff0000000000000LL));
  V alt = wasm_v128_and(wasm_f64x2_ge(m, SPLAT(0x1.6147ap+0)), wasm_f64x2_lt(m, SPLAT(0x1.6b852p+0)));
  V small = wasm_v128_and(wasm_f64x2_ge(f, SPLAT(-0x1p-20)), wasm_f64x2_lt(f, SPLAT(0x1p-20)));
  if (wasm_v128_any_true(wasm_v128_or(alt, small))) {
    V hfsq = MUL(MUL(SPLAT(0.5), f), f);
    V ya = SUB(dkhi, SUB(SUB(hfsq, ADD(MUL(s, ADD(hfsq, R)), dklo)), f));
    V rc = MUL(MUL(f, f), SUB(SPLAT(0.5), MUL(SPLAT(0.33333333333333333), f)));
    V yc = SUB(dkhi, SUB(SUB(rc, dklo), f));
    y = SEL(alt, ya, y);
    y = SEL(small, yc, y);
  }
  return y;
}
static inline V vlog_normal(V x) { return vlog_k(x, ISPLAT(0)); }

/** log x for every x: subnormals scaled by 2^54 first (as fdlibm); −Infinity at ±0, NaN below 0
 *  and at NaN, +Infinity at +Infinity. */
static __attribute__((noinline)) V vlog(V x) {
  V tiny = wasm_f64x2_lt(x, SPLAT(0x1p-1022));
  V y = vlog_k(SEL(tiny, MUL(x, SPLAT(0x1p54)), x), wasm_v128_and(tiny, ISPLAT(-54)));
  V special = wasm_v128_not(wasm_f64x2_lt(x, SPLAT(__builtin_inf()))); /* +inf or NaN */
  y = SEL(special, ADD(x, x), y);
  y = SEL(wasm_f64x2_eq(x, SPLAT(0.0)), SPLAT(-__builtin_inf()), y);
  y = SEL(wasm_f64x2_lt(x, SPLAT(0.0)), SPLAT(__builtin_nan("")), y);
  return y;
}

/**
 * log x for x >= 0: the fast path when every lane is at least the smallest normal. +Infinity
 * lanes take the fast path too and give garbage there: an infinite entry makes its vector's sum
 * infinite, and the callers then throw ("is not finite") without using the log.
 */
static inline V vlog_any(V x) {
  if (wasm_i64x2_all_true(wasm_f64x2_ge(x, SPLAT(0x1p-1022)))) return vlog_normal(x);
  return vlog(x);
}

// ------------------------------------------------------------------ exp
static const double O_THRESHOLD = 7.09782712893383973096e+02;
static const double U_THRESHOLD = -7.45133219101941108420e+02;
static const double INVLN2 = 1.44269504088896338700e+00;
static const double P1 = 1.66666666666666019037e-01;
static const double P2 = -2.77777777770155933842e-03;
static const double P3 = 6.61375632143793436117e-05;
static const double P4 = -1.65339022054652515390e-06;
static const double P5 = 4.13813679705723846039e-08;
static const double TWOM1000 = 9.33263618503218878990e-302; /* 2^-1000 */
static const double TWO1023 = 8.988465674311579539e307;     /* 2^1023 */
static const double E = 2.718281828459045;

/**
 * e^x: x = k·ln2 + r, |r| <= ln2/2, k = trunc(x/ln2 ± 1/2) (k = 0 when |x| <= ln2/2); e^r from
 * fdlibm's rational form 1 − ((lo − r·c/(2 − c)) − hi), c = r − r²(P1 + r²(P2 + …)), times 2^k
 * (in two steps below 2^-1021). 1 + x for |x| < 2^-28, Math.E at 1 (V8), 0 below −745.13,
 * +Infinity above 709.78 and at +Infinity, NaN at NaN.
 */
/** e^x for x <= 0 or −Infinity (logSumExp's x − max): fdlibm's steps for that half-line. */
static inline V vexp_core(V x, V ax) {
  /* fdlibm tests the high word of |x|: > 0x3fd62e42 is |x| >= 0x1.62e43p-2, < 0x3e300000 is |x| < 2^-28 */
  V reduce = wasm_f64x2_ge(ax, SPLAT(0x1.62e43p-2));
  /* ±1/2 with the sign of x (x = −0 is in the |x| < 2^-28 case; clang 14's wasm backend hangs on
     the copysign form or(0.5, x & −0.0)) */
  V half = SEL(wasm_f64x2_lt(x, SPLAT(0.0)), SPLAT(-0.5), SPLAT(0.5));
  V t = wasm_f64x2_trunc(ADD(MUL(SPLAT(INVLN2), x), half));
  t = wasm_v128_and(t, reduce); /* k = 0 when |x| <= 0.5 ln2 */
  V hi = SUB(x, MUL(t, SPLAT(LN2_HI)));
  V lo = MUL(t, SPLAT(LN2_LO));
  V r = SUB(hi, lo);
  V rr = MUL(r, r);
  V c = SUB(r, MUL(rr, ADD(SPLAT(P1), MUL(rr, ADD(SPLAT(P2), MUL(rr, ADD(SPLAT(P3), MUL(rr, ADD(SPLAT(P4), MUL(rr, SPLAT(P5)))))))))));
  /* k = 0: one − ((r·c)/(c − 2) − r); with hi = r, lo = 0 the general form below rounds the same */
  V y = SUB(SPLAT(1.0), SUB(SUB(lo, DIV(MUL(r, c), SUB(SPLAT(2.0), c))), hi));
  /* 2^k as bits (k + 1023) << 52, from t + 1.5·2^52 + 1023 whose low bits hold k + 1023 */
  V res = MUL(y, wasm_i64x2_shl(ADD(t, SPLAT(0x1.8p52 + 1023)), 52));
  V low = wasm_f64x2_lt(t, SPLAT(-1021.0));
  if (wasm_v128_any_true(low)) {
    V twopk1000 = wasm_i64x2_shl(ADD(t, SPLAT(0x1.8p52 + 2023)), 52); /* 2^(k + 1000) */
    res = SEL(low, MUL(MUL(y, twopk1000), SPLAT(TWOM1000)), res);
  }
  res = SEL(wasm_f64x2_lt(ax, SPLAT(0x1p-28)), ADD(SPLAT(1.0), x), res);
  return wasm_v128_andnot(res, wasm_f64x2_lt(x, SPLAT(U_THRESHOLD))); /* 0 below −745.13 and at −∞ */
}

/**
 * e^x: x = k·ln2 + r, |r| <= ln2/2, k = trunc(x/ln2 ± 1/2) (k = 0 when |x| <= ln2/2); e^r from
 * fdlibm's rational form 1 − ((lo − r·c/(2 − c)) − hi), c = r − r²(P1 + r²(P2 + …)), times 2^k
 * (in two steps below 2^-1021). 1 + x for |x| < 2^-28, Math.E at 1 (V8), 0 below −745.13,
 * +Infinity above 709.78 and at +Infinity, NaN at NaN.
 */
static inline V vexp_nonpos(V x) { return vexp_core(x, wasm_f64x2_neg(x)); }

static V vexp(V x) {
  V ax = wasm_f64x2_abs(x);
  V res = vexp_core(x, ax);
  V top = wasm_f64x2_gt(x, SPLAT(709.0)); /* k = 1024 happens only here: 2^k in two steps */
  if (wasm_v128_any_true(top)) {
    V t = wasm_f64x2_trunc(ADD(MUL(SPLAT(INVLN2), x), SPLAT(0.5)));
    V hi = SUB(x, MUL(t, SPLAT(LN2_HI)));
    V lo = MUL(t, SPLAT(LN2_LO));
    V r = SUB(hi, lo);
    V rr = MUL(r, r);
    V c = SUB(r, MUL(rr, ADD(SPLAT(P1), MUL(rr, ADD(SPLAT(P2), MUL(rr, ADD(SPLAT(P3), MUL(rr, ADD(SPLAT(P4), MUL(rr, SPLAT(P5)))))))))));
    V y = SUB(SPLAT(1.0), SUB(SUB(lo, DIV(MUL(r, c), SUB(SPLAT(2.0), c))), hi));
    res = SEL(wasm_v128_and(top, wasm_f64x2_eq(t, SPLAT(1024.0))), MUL(MUL(y, SPLAT(2.0)), SPLAT(TWO1023)), res);
  }
  res = SEL(wasm_f64x2_eq(x, SPLAT(1.0)), SPLAT(E), res);
  res = SEL(wasm_f64x2_gt(x, SPLAT(O_THRESHOLD)), SPLAT(__builtin_inf()), res);
  res = SEL(wasm_f64x2_ne(x, x), ADD(x, x), res);
  return res;
}

// Element-wise maps, for the tests: out = log(in) / exp(in) over in0[0..n).
EXPORT("log_map") void log_map(int n) {
  int i = 0;
  for (; i + 2 <= n; i += 2) wasm_v128_store(in1 + i, vlog(load(in0 + i)));
  if (i < n) in1[i] = L0(vlog(load1(in0 + i, 1.0)));
}
EXPORT("exp_map") void exp_map(int n) {
  int i = 0;
  for (; i + 2 <= n; i += 2) wasm_v128_store(in1 + i, vexp(load(in0 + i)));
  if (i < n) in1[i] = L0(vexp(load1(in0 + i, 0.0)));
}

/**
 * An odd chunk (only the last one of a pass: CHUNK is even) gets one more entry, a neutral one
 * (p = 0, q = 0: no term, no change to any sum; x = −∞: no maximum, exp = 0), so every loop runs
 * over whole vectors. The buffers have room: an odd length is below CHUNK.
 */
static int pad(int n, double v0, double v1) {
  if (n & 1) {
    in0[n] = v0;
    in1[n] = v1;
    n++;
  }
  return n;
}

// ------------------------------------------------------------------ shared pass state
// One pass at a time (JS is single-threaded): begin, one call per chunk, end (results in out).
static Pair H, S;               /* blocked sums: the pass result, and entropy Σp */
static V sp, sq, abs_;          /* plain per-lane sums */
static V va, vb;                /* scale factors a, b */

static void begin(double a, double b) {
  H = (Pair){0, 0};
  S = (Pair){0, 0};
  sp = sq = abs_ = SPLAT(0.0);
  va = SPLAT(a);
  vb = SPLAT(b);
}

// ------------------------------------------------------------------ entropy
// −Σ (a·pᵢ) log(a·pᵢ) and Σ a·pᵢ, both blocked.
EXPORT("entropy_begin") void entropy_begin(double a) { begin(a, 1); }

static inline void entropy_step(V x, V *h, V *s, V *good) {
  *good = wasm_v128_and(*good, wasm_f64x2_ge(x, SPLAT(0.0)));
  V p = MUL(x, va);
  *s = ADD(*s, p);
  V pos = wasm_f64x2_gt(p, SPLAT(0.0));
  *h = SUB(*h, wasm_v128_and(MUL(p, vlog_any(p)), pos));
}

EXPORT("entropy_chunk") int entropy_chunk(int n) {
  for (int start = 0; start < n; start += BLOCK) {
    int end = start + BLOCK < n ? start + BLOCK : n;
    V h = SPLAT(0.0), s = SPLAT(0.0), good = ISPLAT(-1);
    int i = start;
    for (; i + 2 <= end; i += 2) entropy_step(load(in0 + i), &h, &s, &good);
    /* the odd tail as a separate step rather than pad(): measured 30% faster in V8 (Node 20),
       for reasons of V8's code generation, not of the arithmetic */
    if (i < end) entropy_step(load1(in0 + i, 0.0), &h, &s, &good);
    if (!wasm_i64x2_all_true(good)) return 1;
    two_sum(&H, L0(h) + L1(h));
    two_sum(&S, L0(s) + L1(s));
  }
  return 0;
}

EXPORT("entropy_end") void entropy_end(void) {
  out[0] = pair_value(H);
  out[1] = pair_value(S);
}

/** Lanes where x and y are both >= 0 (neither NaN nor negative). */
static inline V valid2(V x, V y) {
  return wasm_v128_and(wasm_f64x2_ge(x, SPLAT(0.0)), wasm_f64x2_ge(y, SPLAT(0.0)));
}

// ------------------------------------------------------------------ cross-entropy
// −Σ (a·pᵢ) log(b·qᵢ) blocked; Σ a·pᵢ and Σ b·qᵢ plain.
EXPORT("cross_begin") void cross_begin(double a, double b) { begin(a, b); }

static inline void cross_step(V x, V y, V *h, V *good) {
  *good = wasm_v128_and(*good, valid2(x, y));
  V p = MUL(x, va);
  V q = MUL(y, vb);
  sp = ADD(sp, p);
  sq = ADD(sq, q);
  V pos = wasm_f64x2_gt(p, SPLAT(0.0));
  *h = SUB(*h, wasm_v128_and(MUL(p, vlog_any(q)), pos));
}

EXPORT("cross_chunk") int cross_chunk(int n) {
  n = pad(n, 0.0, 0.0);
  for (int start = 0; start < n; start += BLOCK) {
    int end = start + BLOCK < n ? start + BLOCK : n;
    V h = SPLAT(0.0), good = ISPLAT(-1);
    int i = start;
    for (; i + 2 <= end; i += 2) cross_step(load(in0 + i), load(in1 + i), &h, &good);
    if (!wasm_i64x2_all_true(good)) return 1;
    two_sum(&H, L0(h) + L1(h));
  }
  return 0;
}

EXPORT("cross_end") void cross_end(void) {
  out[0] = pair_value(H);
  out[1] = L0(sp) + L1(sp);
  out[2] = L0(sq) + L1(sq);
}

// ------------------------------------------------------------------ KL divergence
static const double RATIO_MIN = 0x1p-1022; /* smallest normal */
static const double RATIO_MAX = 1.7976931348623157e308;

/** log(p/q) given r = p/q: one log while r is a normal double, else log p − log q (lanes `use`). */
static inline V log_ratio(V p, V q, V r, V use) {
  V inr = wasm_v128_and(wasm_f64x2_ge(r, SPLAT(RATIO_MIN)), wasm_f64x2_le(r, SPLAT(RATIO_MAX)));
  V lr = vlog_normal(r);
  if (wasm_v128_any_true(wasm_v128_andnot(use, inr))) lr = SEL(inr, lr, SUB(vlog(p), vlog(q)));
  return lr;
}

// Fast pass: Σ (a·pᵢ) log(a·pᵢ / b·qᵢ) blocked (log p − log q where the ratio leaves the normal
// range), Σ a·pᵢ, Σ b·qᵢ plain, and Σ |terms| (per block lane0 + lane1, then a plain sum).
EXPORT("kl_begin") void kl_begin(double a, double b) { begin(a, b); }

static inline void kl_step(V x, V y, V *h, V *g, V *good) {
  *good = wasm_v128_and(*good, valid2(x, y));
  V p = MUL(x, va);
  V q = MUL(y, vb);
  sp = ADD(sp, p);
  sq = ADD(sq, q);
  V pos = wasm_f64x2_gt(p, SPLAT(0.0));
  V term = wasm_v128_and(MUL(p, log_ratio(p, q, DIV(p, q), pos)), pos);
  *h = ADD(*h, term);
  *g = ADD(*g, wasm_f64x2_abs(term));
}

EXPORT("kl_chunk") int kl_chunk(int n) {
  n = pad(n, 0.0, 0.0);
  for (int start = 0; start < n; start += BLOCK) {
    int end = start + BLOCK < n ? start + BLOCK : n;
    V h = SPLAT(0.0), g = SPLAT(0.0), good = ISPLAT(-1);
    int i = start;
    for (; i + 2 <= end; i += 2) kl_step(load(in0 + i), load(in1 + i), &h, &g, &good);
    if (!wasm_i64x2_all_true(good)) return 1;
    abs_ = ADD(abs_, SPLAT(L0(g) + L1(g))); /* lane 0 carries the plain sum of block sums */
    two_sum(&H, L0(h) + L1(h));
  }
  return 0;
}

EXPORT("kl_end") void kl_end(void) {
  out[0] = pair_value(H);
  out[1] = L0(sp) + L1(sp);
  out[2] = L0(sq) + L1(sq);
  out[3] = L0(abs_);
}

// KL's precise pass (p ≈ q; kl_div terms with exact differences, issue 18) stays in JS
// (lib/src/information/kl-divergence.ts): it runs only when the fast pass finds its terms cancelling.

// ------------------------------------------------------------------ logSumExp
// Pass 1: the maximum and the first index where it occurs, per lane; NaN is invalid.
static V lm, lk;
EXPORT("lse_max_begin") void lse_max_begin(void) {
  lm = SPLAT(-__builtin_inf());
  lk = SPLAT(0.0);
}

static inline void lse_max_step(V x, V idx, V *bad) {
  *bad = wasm_v128_or(*bad, wasm_f64x2_ne(x, x));
  V gt = wasm_f64x2_gt(x, lm);
  lm = SEL(gt, x, lm);
  lk = SEL(gt, idx, lk);
}

EXPORT("lse_max_chunk") int lse_max_chunk(int n, double base) {
  n = pad(n, -__builtin_inf(), 0.0);
  V idx = wasm_f64x2_make(base, base + 1);
  for (int start = 0; start < n; start += BLOCK) {
    int end = start + BLOCK < n ? start + BLOCK : n;
    V bad = ISPLAT(0);
    int i = start;
    for (; i + 2 <= end; i += 2, idx = ADD(idx, SPLAT(2.0))) lse_max_step(load(in0 + i), idx, &bad);
    if (wasm_v128_any_true(bad)) return 1;
  }
  return 0;
}

EXPORT("lse_max_end") void lse_max_end(void) {
  double m0 = L0(lm), m1 = L1(lm), k0 = L0(lk), k1 = L1(lk);
  /* the first index holding the maximum: the larger lane, or on a tie the smaller index */
  int one = m1 > m0 || (!(m0 > m1) && k1 < k0);
  out[0] = one ? m1 : m0;
  out[1] = one ? k1 : k0;
}

// Pass 2: Σ exp(xᵢ − m) over i ≠ k, per lane with Fast2Sum from 1 (every term is in [0, 1], so
// the running sum is never below the next term). Lane (k mod 2) starts from the maximum's own
// term, exactly 1; the other lane's 1 is taken off exactly at the end (t − 1 is exact for t < 2^53).
static V ls, lc, vm, vk;
EXPORT("lse_sum_begin") void lse_sum_begin(double m, double k) {
  ls = SPLAT(1.0);
  lc = SPLAT(0.0);
  vm = SPLAT(m);
  vk = SPLAT(k);
}

static inline void lse_sum_step(V x, V idx) {
  V e = vexp_nonpos(SUB(x, vm));
  e = wasm_v128_andnot(e, wasm_f64x2_eq(idx, vk)); /* the maximum's own term is in the start */
  V t = ADD(ls, e);
  lc = ADD(lc, ADD(SUB(ls, t), e));
  ls = t;
}

EXPORT("lse_sum_chunk") void lse_sum_chunk(int n, double base) {
  n = pad(n, -__builtin_inf(), 0.0);
  V idx = wasm_f64x2_make(base, base + 1);
  int i = 0;
  for (; i + 2 <= n; i += 2, idx = ADD(idx, SPLAT(2.0))) lse_sum_step(load(in0 + i), idx);
}

EXPORT("lse_sum_end") void lse_sum_end(void) {
  double a = L0(ls), b = L1(ls);
  double t = a + b;
  double z = t - a;
  double e = (a - (t - z)) + (b - z);
  double c = e + (L0(lc) + L1(lc));
  out[0] = (t - 1.0) + c; /* the whole sum, the maximum's own 1 included */
  out[1] = (t - 2.0) + c; /* the sum without it, for log1p (t − 2 is exact too, t < 2^54) */
}
