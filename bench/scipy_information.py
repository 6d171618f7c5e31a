#!/usr/bin/env python3
"""scipy/numpy side of bench/information.ts (run by it as a subprocess).

Usage: python3 bench/scipy_information.py N [N ...]
Prints one JSON object on stdout: {"versions": {...}, "results": {"<n>": {"entropy": ms, ...}}},
or {"skipped": "<why>"} when numpy/scipy cannot be imported. Medians of several repetitions after
a warm-up; the inputs are built before timing (seeded numpy Generator, strictly positive, normalized).
"""
import json
import sys

from pybench import median_ms, require_scipy

np, scipy, stats = require_scipy()


def main():
    sizes = [int(float(a)) for a in sys.argv[1:]] or [1000, 1000000]
    rng = np.random.default_rng(12345)
    results = {}
    for n in sizes:
        p = rng.random(n) + 1e-3
        p /= p.sum()
        q = rng.random(n) + 1e-3
        q /= q.sum()
        reps = 200 if n <= 1e4 else (15 if n <= 1e6 else 5)
        results[str(n)] = {
            # the three calls named in issue 3
            "entropy": median_ms(lambda: stats.entropy(p), reps),
            "klDivergence": median_ms(lambda: stats.entropy(p, q), reps),
            "crossEntropy": median_ms(lambda: -(p * np.log(q)).sum(), reps),
        }
    print(json.dumps({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "results": results,
    }))


main()
