#!/usr/bin/env python3
"""Tables and polynomial coefficients of the kernels' vector log and exp (lib/wasm/kernels.c).

Usage: python3 lib/wasm/gen_tables.py   (needs mpmath; rewrites the block between
       "tables:start" and "tables:end" in lib/wasm/kernels.c, byte for byte the same on every run)

log. x = 2^k z with z in [OFF, 2 OFF), OFF = 0x3fe6880000000000 (about 0.7041); the top 8 bits
of z's offset from OFF pick one of 256 subintervals, equal in bit pattern (width 2^-9 below 1,
2^-8 above), placed so that 1.0 is the middle of subinterval 151. For each subinterval the table
holds
  invc: a double with at most 36 significant bits near 1/c, c near the subinterval's midpoint
        (exactly 1 for subinterval 151), so that zh * invc (zh = z cut to 17 significant bits) is
        exact, and so is zh * invc - 1; (z - zh) * invc (|z - zh| < 2^-16) is rounded, by at most
        2^-70;
  L:    a multiple of 2^-43 within 2^-12 ulp of -log(invc) (Gal's accurate tables: invc is
        searched among the 36-bit doubles that keep |r| <= LOG_R until one is found whose log
        lies that close to the grid; near 1, where the window is too narrow for that, the best
        one in the window, 2^-7.0 and 2^-7.9 ulp of the subinterval's smallest |log z| in the two
        subintervals below 1, whose window the Fast2Sum's condition narrows), so that
        k * LN2_HI + L (LN2_HI a multiple of 2^-32, |k| < 2^11) is exact and no low part is
        needed.
  The search: for 2^16 consecutive candidates n * 2^-35 (or 2^-36) at a time, -log(n 2^-35) / 2^-43
  modulo 1 from its Taylor series about the block's centre (mpmath for the value and the linear
  coefficient modulo 1, numpy doubles for the rest, 2^-38 accurate), and every candidate within
  2^-19 of the grid checked again with mpmath; blocks outwards from 1/c. About 4 minutes.
Then log x = k ln2 + L + log1p(r), r = z invc - 1, |r| <= LOG_R = 0.0022 (2^-8.83).
log1p(r) = r - r^2/2 + r^3 (C3 + C4 r + C5 r^2 + C6 r^3): C3..C6 from the Chebyshev series of
(log1p(r) - r + r^2/2)/r^3 on |r| <= LOG_R (interpolation at 40 Chebyshev nodes, truncated after
degree 3), checked for absolute and relative error against log1p(r) on 801 points.

exp. x = (128 m + j) ln2/128 + r, |r| <= ln2/256; e^x = 2^m 2^(j/128) e^r. For each j the table
holds the bits of 2^(j/128) rounded to a double, minus j << 45 (so that adding the 64-bit integer
(128 m + j) << 45 gives 2^m 2^(j/128) as bits), and tail = (2^(j/128) - that double)/that double,
the relative rounding error, folded into the polynomial.
e^r - 1 = r + r^2/2 + r^3 (C3 + C4 r + C5 r^2): a Chebyshev fit of (expm1(r) - r - r^2/2)/r^3 on
|r| <= 0.0027076, checked for absolute error on 801 points.

Everything is computed with mpmath at 60 digits; no table or coefficient is taken from elsewhere.
"""
import os
import re
import struct

import mpmath
import numpy as np

mpmath.mp.dps = 60

LOG_N = 256
LOG_OFF = 0x3FE6880000000000
LOG_R = 0.0022  # the polynomial's range, and the bound on |r| the search keeps (checked below)
LOG_GRID = mpmath.mpf(2) ** -43  # L's grid
LOG_BLOCK = 1 << 16  # candidates per search block
EXP_N = 128
EXP_R = 0.0027076  # above ln2/256 = 0.00270755... plus the reduction's rounding


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def ulp(x):
    return mpmath.mpf(2) ** (int(mpmath.floor(mpmath.log(abs(x), 2))) - 52)


def significant_bits(x):
    m = (bits(x) & ((1 << 52) - 1)) | (1 << 52)
    return 53 - (m & -m).bit_length() + 1


def sub_ends(i):
    """The ends of subinterval i (as mpf): [a, b)."""
    return mpmath.mpf(from_bits(LOG_OFF + (i << 44))), mpmath.mpf(from_bits(LOG_OFF + ((i + 1) << 44)))


def log_row(i):
    """(invc, L) of subinterval i: Gal's search, see the module's doc."""
    a, b = sub_ends(i)
    if a <= 1 < b:
        return 1.0, 0.0
    small = min(abs(mpmath.log(a)), abs(mpmath.log(b)))  # the smallest |log z| in it (k = 0)
    target = ulp(small) * mpmath.mpf(2) ** -12
    c = 2 / (a + b)
    g = mpmath.mpf(2) ** (-35 if c >= 1 else -36)  # 36 significant bits
    nlo = int(mpmath.ceil((1 - LOG_R) / a / g))  # |a invc - 1| <= LOG_R and |b invc - 1| <= LOG_R
    nhi = int(mpmath.floor((1 + LOG_R) / b / g))
    nc = int(mpmath.nint(c / g))
    assert nlo < nc < nhi and (nlo * g >= 1) == (nhi * g >= 1), i
    best = None
    j = 0
    while True:
        inside = False
        for n0 in [nc] if j == 0 else [nc + j * LOG_BLOCK, nc - j * LOG_BLOCK]:
            d = np.arange(-LOG_BLOCK // 2, LOG_BLOCK // 2, dtype=np.int64)
            d = d[(n0 + d >= nlo) & (n0 + d <= nhi)]
            if len(d) == 0:
                continue
            inside = True
            # F(n0 + d) = -log((n0 + d) g) / GRID = F0 - (1/GRID) log1p(d/n0), modulo 1
            f0 = -mpmath.log(n0 * g) / LOG_GRID
            c1 = -1 / (LOG_GRID * n0)
            c2 = float(1 / (2 * LOG_GRID * mpmath.mpf(n0) ** 2))
            c3 = float(-1 / (3 * LOG_GRID * mpmath.mpf(n0) ** 3))
            dd = d.astype(np.float64)
            f = float(f0 - mpmath.nint(f0)) + np.mod(float(c1 - mpmath.nint(c1)) * dd, 1.0) + c2 * dd * dd + c3 * dd * dd * dd
            for m in np.nonzero(np.abs(f - np.round(f)) < 2.0**-19)[0]:
                v = (n0 + int(d[m])) * g
                exact = -mpmath.log(v)
                L = mpmath.nint(exact / LOG_GRID) * LOG_GRID
                r = max(abs(a * v - 1), abs(b * v - 1))
                if abs(L) < r + mpmath.mpf(2) ** -16:  # the Fast2Sum's condition (log_table)
                    continue
                if best is None or abs(L - exact) < best[0]:
                    best = (abs(L - exact), float(v), float(L))
        if (best is not None and best[0] <= target) or not inside:
            break
        j += 1
    assert best is not None and best[0] <= ulp(small) * mpmath.mpf(2) ** -6, i
    return best[1], best[2]


def log_table():
    rows = [log_row(i) for i in range(LOG_N)]
    for i, (inv, L) in enumerate(rows):
        a, b = sub_ends(i)
        r = max(abs(a * inv - 1), abs(b * inv - 1))
        assert significant_bits(inv) <= 36, i
        assert r <= LOG_R, (i, r)
        assert mpmath.mpf(L) == mpmath.nint(mpmath.mpf(L) / LOG_GRID) * LOG_GRID and abs(L) < 1, i
        # the kernel's Fast2Sum of T + r_hi (T = k LN2_HI + L) needs |L| >= |r_hi| where L != 0
        # (k = 0; elsewhere |T| > 0.34), with |r_hi| <= |r| + |r_lo| < |r| + 2^-16
        assert L == 0 or abs(L) >= r + mpmath.mpf(2) ** -16, i
        # |L - (-log invc)|, in ulps of the smallest |log z| of the subinterval (printed)
        if L:
            small = min(abs(mpmath.log(a)), abs(mpmath.log(b)))
            rows[i] = (inv, L, float(mpmath.log(abs(L + mpmath.log(inv)) / ulp(small), 2)))
        else:
            rows[i] = (inv, L, None)
    return rows


def exp_table():
    rows = []
    for j in range(EXP_N):
        v = mpmath.mpf(2) ** (mpmath.mpf(j) / EXP_N)
        d = float(v)
        tail = float((v - mpmath.mpf(d)) / mpmath.mpf(d))
        rows.append((bits(tail), (bits(d) - (j << 45)) & 0xFFFFFFFFFFFFFFFF))
    return rows


def chebyshev(g, a, deg, nodes=40):
    """Coefficients (lowest first) of g's Chebyshev series on [-a, a] (interpolation at `nodes`
    Chebyshev nodes) truncated after degree deg, as a polynomial in r."""
    t = [mpmath.cos(mpmath.pi * (k + mpmath.mpf(1) / 2) / nodes) for k in range(nodes)]
    v = [g(a * x) for x in t]
    c = [2 * mpmath.fsum(v[k] * mpmath.cos(j * mpmath.pi * (k + mpmath.mpf(1) / 2) / nodes) for k in range(nodes)) / nodes for j in range(deg + 1)]
    c[0] /= 2
    T = [[mpmath.mpf(1)], [mpmath.mpf(0), mpmath.mpf(1)]]  # T_j(x) as monomials in x
    for j in range(2, deg + 1):
        T.append([2 * p - q for p, q in zip([mpmath.mpf(0)] + T[j - 1], T[j - 2] + [0, 0])])
    return [mpmath.fsum(c[j] * T[j][i] for j in range(i, deg + 1) if i < len(T[j])) / a**i for i in range(deg + 1)]


def worst_error(cs, a, exact, approx, relative):
    worst = 0
    for j in range(-400, 401):
        r = a * mpmath.mpf(j) / 400
        if r != 0:
            p = sum(mpmath.mpf(c) * r**k for k, c in enumerate(cs))
            worst = max(worst, abs(approx(r, p) - exact(r)) / (abs(exact(r)) if relative else 1))
    return float(mpmath.log(worst, 2))


def fit(g, a, deg, exact, approx, relative):
    poly = mpmath.chebyfit(g, [-a, a], deg + 1)
    cs = [float(c) for c in reversed(poly)]
    return cs, worst_error(cs, a, exact, approx, relative)


def log_poly():
    g = lambda r: (mpmath.log1p(r) - r + r * r / 2) / r**3 if r else mpmath.mpf(1) / 3
    cs = [float(c) for c in chebyshev(g, mpmath.mpf(LOG_R), 3)]
    approx = lambda r, p: r - r * r / 2 + r**3 * p
    return cs, worst_error(cs, LOG_R, mpmath.log1p, approx, True), worst_error(cs, LOG_R, mpmath.log1p, approx, False)


def exp_poly():
    g = lambda r: (mpmath.expm1(r) - r - r * r / 2) / r**3 if r else mpmath.mpf(1) / 6
    return fit(g, EXP_R, 2, mpmath.expm1, lambda r, p: r + r * r / 2 + r**3 * p, False)


def block():
    lc, lerr, labs = log_poly()
    ec, eerr = exp_poly()
    assert lerr < -58.5 and labs < -67 and eerr < -62, (lerr, labs, eerr)
    out = [
        "// tables:start (generated by lib/wasm/gen_tables.py: do not edit by hand)",
        f"// log1p(r) - r + r^2/2 = r^3 (C3 + ... + C6 r^3) on |r| <= {LOG_R}: relative error 2^{lerr:.1f}, absolute 2^{labs:.1f}",
        "static const double LOG_C[4] = {" + ", ".join(c.hex() for c in lc) + "};",
        f"// expm1(r) - r - r^2/2 = r^3 (C3 + C4 r + C5 r^2) on |r| <= {EXP_R}: absolute error 2^{eerr:.1f}",
        "static const double EXP_C[3] = {" + ", ".join(c.hex() for c in ec) + "};",
    ]
    rows = log_table()
    one = [i for i, row in enumerate(rows) if row[0] == 1.0]
    assert len(one) == 1
    out += [
        f"// log: the subinterval that holds 1 (invc = 1, L = 0)",
        f"#define LOG_ONE {one[0]}",
        f"// log: {{invc, L}} per subinterval (z - OFF) >> 44, OFF = 0x{LOG_OFF:016x}; L = -log(invc) rounded to a",
        f"// multiple of 2^-43, its error in ulps of the subinterval's smallest |log z| after //",
        f"static const double LOG_T[{2 * LOG_N}] __attribute__((aligned(16))) = {{",
    ]
    out += [f"  {inv.hex()}, {L.hex()}," + ("" if q is None else f" // 2^{q:.1f}") for inv, L, q in rows]
    out += [
        "};",
        "// exp: {tail bits, bits of 2^(j/128) - (j << 45)} for j = 0 .. 127",
        f"static const uint64_t EXP_T[{2 * EXP_N}] __attribute__((aligned(16))) = {{",
    ]
    out += [f"  0x{t:016x}, 0x{b:016x}," for t, b in exp_table()]
    out += ["};", "// tables:end"]
    return "\n".join(out)


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernels.c")
    text = open(path, encoding="utf8").read()
    pattern = re.compile(r"// tables:start.*?// tables:end", re.S)
    assert pattern.search(text), "no tables:start ... tables:end block in kernels.c"
    new = pattern.sub(lambda _: block(), text)
    with open(path, "w", encoding="utf8") as f:
        f.write(new)
    print(f"{'rewrote' if new != text else 'unchanged:'} {path}")


main()
