#!/usr/bin/env python3
"""A seeded scan of the kernels' vector log (lib/wasm/kernels.c, as built into lib/src/simd/module.ts)
against mpmath, beyond the committed fixture (tests/fixtures/simd.json).

Usage: python3 lib/wasm/scan_log.py [count per subinterval, default 200]   (needs mpmath, numpy, node;
       about 1 minute at the default)

Inputs (numpy Generator, seed 20261209): for each of the 256 subintervals of gen_tables.py, `count`
uniform bit patterns inside it with k = 0 and as many with a random k in [-1074, 1023] (subnormals
included); 1 +- u 2^-j for j = 1 ... 52 (400 each); 200 000 uniform bit patterns over the positive
doubles. Prints the worst error in ulps of the exact value (mpmath, 40 digits) per group.
"""
import os
import struct
import subprocess
import sys
import tempfile

import mpmath
import numpy as np

mpmath.mp.dps = 40
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OFF = 0x3FE6880000000000
NODE = """
const fs = require("fs");
const { kernels } = require("./lib/src/simd/instance");
const kr = kernels();
const xs = new Float64Array(fs.readFileSync(process.argv[1]).buffer.slice(0));
const out = new Float64Array(xs.length);
for (let s = 0; s < xs.length; s += kr.chunk) {
  const len = Math.min(kr.chunk, xs.length - s);
  kr.mem.set(xs.subarray(s, s + len), kr.in0);
  kr.exports.log_map(len);
  out.set(kr.mem.subarray(kr.in1, kr.in1 + len), s);
}
fs.writeFileSync(process.argv[2], Buffer.from(out.buffer));
"""


def kernel_log(xs):
    with tempfile.TemporaryDirectory() as d:
        a, b = os.path.join(d, "x.bin"), os.path.join(d, "y.bin")
        np.asarray(xs, dtype="<f8").tofile(a)
        subprocess.run(["node", "-r", "ts-node/register/transpile-only", "-e", NODE, a, b], cwd=ROOT, check=True)
        return np.fromfile(b, dtype="<f8")


def ulp_error(x, y):
    e = mpmath.log(mpmath.mpf(x))
    ex = int(mpmath.floor(mpmath.log(abs(e), 2)))
    return float(abs(mpmath.mpf(y) - e) / mpmath.mpf(2) ** (max(ex, -1022) - 52))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = np.random.default_rng(20261209)
    groups = {"subintervals, k = 0": [], "subintervals, random k": [], "1 +- u 2^-j": [], "random bit patterns": []}
    for i in range(256):
        lo, hi = OFF + (i << 44), OFF + ((i + 1) << 44)
        for b in rng.integers(lo, hi, count):
            groups["subintervals, k = 0"].append(struct.unpack("<d", struct.pack("<Q", int(b)))[0])
        for b in rng.integers(lo, hi, count):
            z = struct.unpack("<d", struct.pack("<Q", int(b)))[0]
            x = float(np.ldexp(z, int(rng.integers(-1074, 1024))))
            if 0 < x < float("inf"):
                groups["subintervals, random k"].append(x)
    for j in range(1, 53):
        groups["1 +- u 2^-j"] += [1.0 + float(u) * 2.0**-j for u in rng.uniform(-1, 1, 400)]
    for b in rng.integers(1, 0x7FF0000000000000, 200_000):
        groups["random bit patterns"].append(struct.unpack("<d", struct.pack("<Q", int(b)))[0])
    for name, xs in groups.items():
        xs = [x for x in xs if x != 1.0]
        ys = kernel_log(xs)
        worst = max((ulp_error(x, float(y)), x) for x, y in zip(xs, ys))
        print(f"{name}: {len(xs)} inputs, worst {worst[0]:.4f} ulp at x = {worst[1]!r}")


main()
