"""Shared by the Python sides of the benchmarks (bench/*.py): the numpy/scipy import guard and
the timing rule (median of several repetitions after one warm-up)."""
import json
import sys
import time


def require_scipy():
    """Returns (numpy, scipy, scipy.stats); prints {"skipped": why} and exits 0 when missing."""
    try:
        import numpy
        import scipy
        from scipy import stats
    except Exception as exc:  # pragma: no cover - depends on the machine
        print(json.dumps({"skipped": f"cannot import numpy/scipy: {exc}"}))
        sys.exit(0)
    return numpy, scipy, stats


def median_ms(fn, reps):
    """Median wall time of fn() in milliseconds over `reps` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]
