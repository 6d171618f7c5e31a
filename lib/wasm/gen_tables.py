#!/usr/bin/env python3
"""Tables and polynomial coefficients of the kernels' vector log and exp (lib/wasm/kernels.c).

Usage: python3 lib/wasm/gen_tables.py   (needs mpmath; rewrites the block between
       "tables:start" and "tables:end" in lib/wasm/kernels.c, byte for byte the same on every run)

log. x = 2^k z with z in [OFF, 2 OFF), OFF = 0x3fe6900000000000 (about 0.7051); the top 7 bits
of z's offset from OFF pick one of 128 subintervals, equal in bit pattern (width 2^-8 below 1,
2^-7 above), placed so that 1.0 is the middle of subinterval 75. For each subinterval the table
holds
  invc: a double with at most 26 significant bits near 1/c, c the subinterval's midpoint (exactly
        1 for subinterval 75), so that zh * invc (zh = z cut to 26 significant bits) and
        (z - zh) * invc are exact, and so is zh * invc - 1;
  L:    -log(invc) rounded to a double, with invc chosen among its neighbours so that this
        rounding is below 2^-12 ulp of L (0 for subinterval 75), stored as Lhi + Llo: Lhi is L
        rounded to a multiple of 2^-32 (beside invc in LOG_T), Llo = L - Lhi exactly (LOG_LO), so
        that k * LN2_HI + Lhi (both multiples of 2^-32, below 2^10) is exact.
Then log x = k ln2 + L + log1p(r), r = z invc - 1, |r| < 2^-7.99.
log1p(r) = r - r^2/2 + r^3 (C3 + C4 r + C5 r^2 + C6 r^3 + C7 r^4): C3..C7 from a Chebyshev fit of
(log1p(r) - r + r^2/2)/r^3 on |r| <= 0.00392 (mpmath.chebyfit), checked for relative error against
log1p(r) on 801 points.

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

mpmath.mp.dps = 60

LOG_N = 128
LOG_OFF = 0x3FE6900000000000
LOG_R = 0.00392  # above the largest |r| (checked below)
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


def log_table():
    rows = []
    for i in range(LOG_N):
        a = from_bits(LOG_OFF + (i << 45))
        b = from_bits(LOG_OFF + ((i + 1) << 45))
        if a <= 1.0 < b:
            rows.append((1.0, 0.0))
            continue
        inv = 2 / (mpmath.mpf(a) + mpmath.mpf(b))
        step = mpmath.mpf(2) ** (int(mpmath.floor(mpmath.log(inv, 2))) - 25)  # 26 bits
        base = int(mpmath.nint(inv / step))
        best = None
        for d in range(8000):
            for m in (base + d, base - d) if d else (base,):
                v = float(m * step)
                exact = -mpmath.log(mpmath.mpf(v))
                err = abs(exact - mpmath.mpf(float(exact))) / ulp(float(exact))
                if best is None or err < best[0]:
                    best = (err, v, float(exact))
            if best[0] < mpmath.mpf(2) ** -12:
                break
        assert best[0] < mpmath.mpf(2) ** -12, i
        rows.append((best[1], best[2]))
    # checks: invc has <= 26 significant bits; |r| < LOG_R; |L| >= |r| away from 1 (the
    # kernel's Fast2Sum of L + r_hi relies on it)
    for i, (inv, L) in enumerate(rows):
        a = from_bits(LOG_OFF + (i << 45))
        b = from_bits(LOG_OFF + ((i + 1) << 45))
        r = max(abs(mpmath.mpf(a) * inv - 1), abs(mpmath.mpf(b) * inv - 1))
        assert significant_bits(inv) <= 26, i
        assert r < LOG_R, (i, r)
        assert L == 0 or abs(L) >= r, i
    return rows


def split_L(L):
    """L = Lhi + Llo: Lhi the multiple of 2^-32 nearest L, Llo the rest (exact)."""
    hi = round(L * 2.0**32) / 2.0**32
    lo = L - hi
    assert mpmath.mpf(hi) + mpmath.mpf(lo) == mpmath.mpf(L) and abs(lo) <= 2.0**-33
    return hi, lo


def check_split(rows):
    # the kernel's Fast2Sum of T + r_hi (T = k LN2_HI + Lhi, exact) needs |Lhi| >= |r_hi| where
    # Lhi != 0, with |r_hi| <= |r| + |r_lo| < |r| + 2^-25
    for i, (inv, L) in enumerate(rows):
        a = from_bits(LOG_OFF + (i << 45))
        b = from_bits(LOG_OFF + ((i + 1) << 45))
        r = max(abs(mpmath.mpf(a) * inv - 1), abs(mpmath.mpf(b) * inv - 1))
        hi = split_L(L)[0]
        assert (L == 0 and hi == 0) or abs(hi) >= r + mpmath.mpf(2) ** -25, i


def exp_table():
    rows = []
    for j in range(EXP_N):
        v = mpmath.mpf(2) ** (mpmath.mpf(j) / EXP_N)
        d = float(v)
        tail = float((v - mpmath.mpf(d)) / mpmath.mpf(d))
        rows.append((bits(tail), (bits(d) - (j << 45)) & 0xFFFFFFFFFFFFFFFF))
    return rows


def fit(g, a, deg, exact, approx, relative):
    poly = mpmath.chebyfit(g, [-a, a], deg + 1)
    cs = [float(c) for c in reversed(poly)]
    worst = 0
    for j in range(-400, 401):
        r = a * mpmath.mpf(j) / 400
        if r != 0:
            p = sum(mpmath.mpf(c) * r**k for k, c in enumerate(cs))
            worst = max(worst, abs(approx(r, p) - exact(r)) / (abs(exact(r)) if relative else 1))
    return cs, float(mpmath.log(worst, 2))


def log_poly():
    g = lambda r: (mpmath.log1p(r) - r + r * r / 2) / r**3 if r else mpmath.mpf(1) / 3
    return fit(g, LOG_R, 4, mpmath.log1p, lambda r, p: r - r * r / 2 + r**3 * p, True)


def exp_poly():
    g = lambda r: (mpmath.expm1(r) - r - r * r / 2) / r**3 if r else mpmath.mpf(1) / 6
    return fit(g, EXP_R, 2, mpmath.expm1, lambda r, p: r + r * r / 2 + r**3 * p, False)


def block():
    lc, lerr = log_poly()
    ec, eerr = exp_poly()
    assert lerr < -62 and eerr < -62, (lerr, eerr)
    out = [
        "// tables:start (generated by lib/wasm/gen_tables.py: do not edit by hand)",
        f"// log1p(r) - r + r^2/2 = r^3 (C3 + ... + C7 r^4) on |r| <= {LOG_R}: relative error 2^{lerr:.1f}",
        "static const double LOG_C[5] = {" + ", ".join(c.hex() for c in lc) + "};",
        f"// expm1(r) - r - r^2/2 = r^3 (C3 + C4 r + C5 r^2) on |r| <= {EXP_R}: absolute error 2^{eerr:.1f}",
        "static const double EXP_C[3] = {" + ", ".join(c.hex() for c in ec) + "};",
    ]
    rows = log_table()
    check_split(rows)
    one = [i for i, (inv, L) in enumerate(rows) if inv == 1.0]
    assert len(one) == 1
    out += [
        f"// log: the subinterval that holds 1 (invc = 1, L = 0)",
        f"#define LOG_ONE {one[0]}",
        f"// log: {{invc, Lhi}} per subinterval (z - OFF) >> 45, OFF = 0x{LOG_OFF:016x}; L = -log(invc) = Lhi + Llo",
        f"static const double LOG_T[{2 * LOG_N}] __attribute__((aligned(16))) = {{",
    ]
    out += [f"  {inv.hex()}, {split_L(L)[0].hex()}," for inv, L in rows]
    out += [
        "};",
        f"// log: Llo per subinterval",
        f"static const double LOG_LO[{LOG_N}] __attribute__((aligned(16))) = {{",
    ]
    out += [f"  {split_L(L)[1].hex()}," for inv, L in rows]
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
