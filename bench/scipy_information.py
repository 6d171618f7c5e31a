#!/usr/bin/env python3
"""numpy/scipy side of bench/information.ts (run by it as a subprocess).

Usage: python3 bench/scipy_information.py N
Prints one JSON object on stdout: {"versions": {...}, "results": {"<op>": {"numpy": ms, "scipy": ms}}},
or {"skipped": "<why>"} when numpy/scipy cannot be imported. Medians of several repetitions after
a warm-up; the inputs are built before timing (seeded numpy Generator; p, q strictly positive and
normalized; x standard normal times 10, like the JS side).

What is timed, per op (the scipy call is the one the issue's targets name):
  klDivergence   numpy (p * np.log(p / q)).sum()        scipy stats.entropy(p, q)
  entropy        numpy -(p * np.log(p)).sum()            scipy stats.entropy(p)
  crossEntropy   numpy -(p * np.log(q)).sum()            scipy -special.xlogy(p, q).sum()
  logSumExp      numpy m + log(exp(x - m).sum())         scipy special.logsumexp(x)
  fitGaussian    numpy x.mean(), x.std()                 scipy stats.norm.fit(x)
"""
import json
import sys

import time

from pybench import require_scipy

np, scipy, stats = require_scipy()
from scipy import special  # noqa: E402


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    rng = np.random.default_rng(12345)
    p = rng.random(n) + 1e-3
    p /= p.sum()
    q = rng.random(n) + 1e-3
    q /= q.sum()
    x = rng.normal(0.0, 10.0, n)

    def lse_numpy():
        m = x.max()
        return m + np.log(np.exp(x - m).sum())

    ops = {
        "klDivergence": (lambda: (p * np.log(p / q)).sum(), lambda: stats.entropy(p, q)),
        "entropy": (lambda: -(p * np.log(p)).sum(), lambda: stats.entropy(p)),
        "crossEntropy": (lambda: -(p * np.log(q)).sum(), lambda: -special.xlogy(p, q).sum()),
        "logSumExp": (lse_numpy, lambda: special.logsumexp(x)),
        "fitGaussian": (lambda: (x.mean(), x.std()), lambda: stats.norm.fit(x)),
    }
    results = {}
    # interleave: one repetition of every contender per round, medians at the end
    names = [(op, k) for op in ops for k in (0, 1)]
    samples = {name: [] for name in names}
    for op, k in names:
        ops[op][k]()  # warm-up
    for _ in range(reps):
        for op, k in names:
            t0 = time.perf_counter()
            ops[op][k]()
            samples[(op, k)].append((time.perf_counter() - t0) * 1e3)
    for op in ops:
        a = sorted(samples[(op, 0)])
        b = sorted(samples[(op, 1)])
        results[op] = {"numpy": a[len(a) // 2], "scipy": b[len(b) // 2]}
    print(json.dumps({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "results": results,
    }))


main()
