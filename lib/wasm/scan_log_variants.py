#!/usr/bin/env python3
"""The kernels' vector log, or a variant of it, against mpmath over 1.2 million seeded inputs from
5e-324 to 1.8e308: for probing a cheaper log (issue 20) before it goes into kernels.c.

Usage: python3 lib/wasm/scan_log_variants.py kernels.c [variant.c ...]   (needs mpmath, numpy,
       node and clang-14; about 1 minute for the reference, then about 1 minute per file)

Each file is a whole kernels.c (e.g. a copy with the log's Fast2Sum removed); it is compiled with
scripts/build-wasm.ts's flags and its `log_map` export (the general vlog: subnormals scaled first)
is run over the inputs. Inputs (numpy Generator, seed 20261211): 600 000 uniform bit patterns over
the positive finite doubles; 50 000 uniform subnormal bit patterns; the 5 000 smallest subnormals
(from 5e-324), every power of two and the 5 001 largest doubles; for each of the 256 subintervals
of gen_tables.py 600 bit patterns with k = 0 and 600 with a random k; 1 + u·2^-j and 1 − u·2^-(j+1)
for j = 1 … 52 (1 000 each); and x = exp(±2^e·(1 ± u·2^-12)), e = −9 … 9 (results within 2^-12 of a
power of two, where a rounding of k·ln2 + L + r_hi that is not kept can reach a whole ulp of the
result). Prints per group and per file the worst error in ulps of the exact value (mpmath, 40
digits) and how many inputs exceed 0.5, 0.6, 0.9 and 1 ulp.
"""
import os
import subprocess
import sys
import tempfile

import mpmath
import numpy as np

mpmath.mp.dps = 40
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OFF = 0x3FE6880000000000
FLAGS = ["--target=wasm32", "-msimd128", "-O3", "-nostdlib", "-ffp-contract=off", "-Wall",
         "-Wl,--no-entry", "-Wl,--strip-all", "-Wl,-z,stack-size=4096"]  # build-wasm.ts's, without -Werror
NODE = """
const fs = require("fs");
const ex = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(process.argv[1])), {}).exports;
const mem = new Float64Array(ex.memory.buffer);
const in0 = ex.in0() / 8, in1 = ex.in1() / 8, C = ex.chunk();
const xs = new Float64Array(fs.readFileSync(process.argv[2]).buffer.slice(0));
const out = new Float64Array(xs.length);
for (let s = 0; s < xs.length; s += C) {
  const len = Math.min(C, xs.length - s);
  mem.set(xs.subarray(s, s + len), in0);
  ex.log_map(len);
  out.set(mem.subarray(in1, in1 + len), s);
}
fs.writeFileSync(process.argv[3], Buffer.from(out.buffer));
"""


def inputs():
    rng = np.random.default_rng(20261211)
    g = {}
    g["uniform bit patterns (5e-324 .. 1.8e308)"] = rng.integers(1, 0x7FF0000000000000, 600000, dtype=np.uint64)
    g["uniform subnormals"] = rng.integers(1, 0x0010000000000000, 50000, dtype=np.uint64)
    g["smallest subnormals, powers of two, largest doubles"] = np.concatenate([
        np.arange(1, 5001, dtype=np.uint64),
        np.arange(1, 2047, dtype=np.uint64) << np.uint64(52),
        np.arange(0x7FEFFFFFFFFFFFFF - 5000, 0x7FEFFFFFFFFFFFFF + 1, dtype=np.uint64)])
    sub = []
    for i in range(256):
        b = rng.integers(OFF + (i << 44), OFF + ((i + 1) << 44), 600, dtype=np.uint64)
        sub.append(b)
        k = rng.integers(-1021, 1023, 600).astype(np.int64)
        sub.append((b.astype(np.int64) + (k << 52)).astype(np.uint64))
    g["256 subintervals, k = 0 and random k"] = np.concatenate(sub)
    near = []
    for j in range(1, 53):
        u = rng.random(1000)
        near.append(np.concatenate([1 + u * 2.0 ** -j, 1 - u * 2.0 ** -(j + 1)]).view(np.uint64))
    g["1 + u 2^-j, 1 - u 2^-(j+1)"] = np.concatenate(near)
    nb = []
    for e in range(-9, 10):
        for sgn in (1.0, -1.0):
            u = rng.random(2000)
            for f in (1 - u * 2.0 ** -12, 1 + u * 2.0 ** -12):
                nb.append(np.exp(sgn * 2.0 ** e * f).view(np.uint64))
    g["results within 2^-12 of a power of two"] = np.concatenate(nb)
    return g


def main():
    groups = inputs()
    xs = np.concatenate(list(groups.values())).view(np.float64)
    assert np.all((xs > 0) & np.isfinite(xs))
    print(f"{len(xs)} inputs, {xs.min()!r} .. {xs.max()!r}", flush=True)
    ref = [mpmath.log(mpmath.mpf(float(x))) for x in xs]
    scale = [mpmath.mpf(2) ** (max(int(mpmath.floor(mpmath.log(abs(e), 2))), -1022) - 52) if e != 0 else None for e in ref]
    with tempfile.TemporaryDirectory() as d:
        xf, yf, wf = (os.path.join(d, n) for n in ("x.bin", "y.bin", "k.wasm"))
        xs.astype("<f8").tofile(xf)
        for src in sys.argv[1:]:
            subprocess.run(["clang-14", *FLAGS, "-o", wf, src], check=True)
            subprocess.run(["node", "-e", NODE, wf, xf, yf], check=True)
            ys = np.fromfile(yf, dtype="<f8")
            errs = np.array([float(abs(mpmath.mpf(float(y)) - e) / s) if s is not None else (0.0 if y == 0 else np.inf)
                             for y, e, s in zip(ys, ref, scale)])
            print(f"{src}:", flush=True)
            off = 0
            for name, v in groups.items():
                print(f"  {name}: {len(v)} inputs, worst {errs[off:off + len(v)].max():.4f} ulp")
                off += len(v)
            i = int(np.argmax(errs))
            print(f"  all: worst {errs[i]:.7f} ulp at x = {xs[i]!r} ({int(xs[i:i + 1].view(np.uint64)[0]):#018x}); "
                  f"> 0.5 ulp: {int((errs > 0.5).sum())}, > 0.6: {int((errs > 0.6).sum())}, > 0.9: {int((errs > 0.9).sum())}, "
                  f"> 1: {int((errs > 1).sum())}; mean {errs.mean():.4f}", flush=True)


if __name__ == "__main__":
    main()
