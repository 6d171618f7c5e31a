#!/usr/bin/env python3
"""numpy side of bench/regression.ts (run by it as a subprocess).

Usage: python3 bench/numpy_regression.py
Prints one JSON object on stdout: {"versions": {...}, "results": {"<case>": ms, ...}}, or
{"skipped": "<why>"} when numpy/scipy cannot be imported. Each figure is the median of several
repetitions after a warm-up; the designs are built before timing, with the same shapes as the JS side
(m = 1e5 rows; an intercept column plus 10 features, so p = 11).
"""
import json
import sys

from pybench import median_ms, require_scipy

np, scipy, _ = require_scipy()
M = 100_000


def main():
    rng = np.random.default_rng(2024)
    X = np.column_stack([np.ones(M), rng.normal(size=(M, 10))])
    y = X @ np.linspace(-1, 1, 11) + rng.normal(size=M)
    t = (np.arange(M) + 0.5) / M
    V = np.column_stack([t**k for k in range(11)])  # cond ≈ 2.3e7
    yv = 1 / (1 + t * t)
    results = {
        "lstsq_gaussian": median_ms(lambda: np.linalg.lstsq(X, y, rcond=None), 15),
        "lstsq_monomials": median_ms(lambda: np.linalg.lstsq(V, yv, rcond=None), 15),
    }
    print(json.dumps({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "results": results,
    }))


if __name__ == "__main__":
    main()
