#!/usr/bin/env python3
"""numpy/scipy side of bench/simd.ts (run by it as a subprocess, once per round).

Usage: python3 bench/numpy_simd.py N REPS
Prints one JSON object: {"versions": {...}, "features": [...], "results": {op: {"numpy": [ms...],
"scipy": [ms...]}}} (every repetition's time, so the caller can take medians and spreads over
rounds), or {"skipped": why}. The numpy side writes into preallocated buffers (out=), so page
faults of fresh temporaries are not timed; scipy is called as a user calls it. Which SIMD level
numpy dispatches to is whatever the environment allows: the caller runs this once as is (AVX-512
on the project's machine) and once with NPY_DISABLE_CPU_FEATURES set (AVX2).

  klDivergence  numpy  divide(p, q, out=t); log(t, out=t); multiply(p, t, out=t); t.sum()
                scipy  stats.entropy(p, q)
  entropy       numpy  log(p, out=t); multiply(p, t, out=t); -t.sum()
                scipy  stats.entropy(p)
  crossEntropy  numpy  log(q, out=t); multiply(p, t, out=t); -t.sum()
                scipy  -special.xlogy(p, q).sum()
  logSumExp     numpy  m = x.max(); subtract(x, m, out=t); exp(t, out=t); m + log(t.sum())
                scipy  special.logsumexp(x)
Inputs: seeded numpy Generator; p, q strictly positive, normalized; x normal, sd 10.
"""
import json
import sys
import time

from pybench import require_scipy

np, scipy, stats = require_scipy()
from scipy import special  # noqa: E402


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    # "cpu": process CPU time (time.process_time), as bench/simd.ts with BENCH_CLOCK=cpu; else wall
    clock = time.process_time if len(sys.argv) > 3 and sys.argv[3] == "cpu" else time.perf_counter
    rng = np.random.default_rng(12345)
    p = rng.random(n) + 1e-3
    p /= p.sum()
    q = rng.random(n) + 1e-3
    q /= q.sum()
    x = rng.normal(0.0, 10.0, n)
    t = np.empty(n)

    def kl():
        np.divide(p, q, out=t)
        np.log(t, out=t)
        np.multiply(p, t, out=t)
        return t.sum()

    def ent():
        np.log(p, out=t)
        np.multiply(p, t, out=t)
        return -t.sum()

    def ce():
        np.log(q, out=t)
        np.multiply(p, t, out=t)
        return -t.sum()

    def lse():
        m = x.max()
        np.subtract(x, m, out=t)
        np.exp(t, out=t)
        return m + np.log(t.sum())

    ops = {
        "klDivergence": (kl, lambda: stats.entropy(p, q)),
        "entropy": (ent, lambda: stats.entropy(p)),
        "crossEntropy": (ce, lambda: -special.xlogy(p, q).sum()),
        "logSumExp": (lse, lambda: special.logsumexp(x)),
    }
    names = [(op, k) for op in ops for k in (0, 1)]
    samples = {name: [] for name in names}
    for op, k in names:
        ops[op][k]()
        ops[op][k]()
    for _ in range(reps):
        for op, k in names:
            t0 = clock()
            ops[op][k]()
            samples[(op, k)].append((clock() - t0) * 1e3)
    features = []
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as feats  # numpy 2

        features = sorted(k for k, v in feats.items() if v and k.startswith(("AVX", "X86_V")))
    except Exception:  # pragma: no cover - depends on the numpy build
        pass
    print(json.dumps({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "features": features,
        "results": {op: {"numpy": samples[(op, 0)], "scipy": samples[(op, 1)]} for op in ops},
    }))


main()
