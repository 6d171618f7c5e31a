#!/usr/bin/env python3
"""numpy/scipy side of bench/estimators.ts (run by it as a subprocess).

Usage: python3 bench/numpy_estimators.py
Prints one JSON object on stdout: {"versions": {...}, "results": {"<case>": ms, ...}}, or
{"skipped": "<why>"} when numpy/scipy cannot be imported. Each figure is the median of several
repetitions after a warm-up; inputs are built before timing from a seeded numpy Generator, with
the same sizes and parameters as the JS side.
"""
import json
import sys

from pybench import median_ms, require_scipy

np, scipy, stats = require_scipy()


def main():
    rng = np.random.default_rng(2024)
    x6 = rng.normal(3.0, 2.0, 1_000_000)
    k6 = rng.poisson(4.0, 1_000_000).astype(np.float64)

    results = {
        # issue 4's targets (fitGaussian moved to scipy_information.py, issue 10)
        "logLikGaussian_1e6": median_ms(lambda: stats.norm.logpdf(x6, 3.0, 2.0).sum(), 15),
        # context
        "sampleGaussian_1e6": median_ms(lambda: rng.normal(3.0, 2.0, 1_000_000), 15),
        "logLikPoisson_1e6": median_ms(lambda: stats.poisson.logpmf(k6, 4.0).sum(), 15),
    }
    print(json.dumps({
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "results": results,
    }))


if __name__ == "__main__":
    main()
