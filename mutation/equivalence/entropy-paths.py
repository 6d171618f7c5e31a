#!/usr/bin/env python3
# Runs entropy-paths.ts and compares the code, the precise pass alone and the rescaled fast form
# with 50-digit mpmath: p = [mpf(x) for x in P]; S = sum(p); -sum((x/S)*log(x/S) for x in p).
# Prints the code's worst ulps, how often the precise pass differs from the code, and the inputs
# where the code is correctly rounded and the other is 2 ulps or more off. Exits 1 if the precise
# pass is ever less accurate than the code (the claim of mutation/baseline.md).
import json, os, struct, subprocess, sys
import mpmath
mpmath.mp.dps = 50
WT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
lines = subprocess.run(['node', '-r', './mutation/register.js', 'mutation/equivalence/entropy-paths.ts'],
                       cwd=WT, capture_output=True, text=True, check=True).stdout.split('\n')
def ordinal(x):
    i = struct.unpack('<q', struct.pack('<d', x))[0]
    return i if i >= 0 else -(i & 0x7fffffffffffffff)
def ulps(a, b): return abs(ordinal(a) - ordinal(b))
worst = differ = worse = 0
picked = {'precise': [], 'rescaled': []}
for line in lines:
    if not line: continue
    d = json.loads(line)
    p = [mpmath.mpf(x) for x in d['p']]
    S = sum(p)
    ref = float(-sum((x / S) * mpmath.log(x / S) for x in p))
    uc = ulps(d['code'], ref)
    worst = max(worst, uc)
    differ += d['precise'] != d['code']
    worse += ulps(d['precise'], ref) > uc
    for k in picked:
        if uc == 0 and ulps(d[k], ref) >= 2: picked[k].append(d['p'])
print(f"{len(lines) - 1} inputs; code's worst {worst} ulps; precise pass differs from the code on {differ}, is farther from mpmath on {worse}")
for k, v in picked.items():
    print(f"code correctly rounded, {k} 2+ ulps off: {len(v)}")
    for p in v: print('  ', [float(x) for x in p])
sys.exit(1 if worse else 0)
