#!/usr/bin/env python3
# Hand check of survivors against tests written after a Stryker run, without a new run:
#   python3 mutation/try-survivors.py <report.json> <key part> <test file>...
# For each undetected mutant (Survived / NoCoverage) of a Stryker report (reports/mutation/<area>/
# mutation.json or incremental.json) whose key (file:line:column Mutator replacement) contains
# <key part>, writes the mutant into a scratch copy of lib/, tests/, mutation/ and notebooks/
# ($TMPDIR/mutation-try, node_modules linked), runs each test file with mutation/register.js, and
# prints KILLED (with the failing files) or SURVIVES. A test file fails on a non-zero exit or when
# uvu's Passed differs from Total − Skipped (as mutation/run-tests.js decides). It applies the
# replacement at the report's line and column in the *current* source: a report made on other
# source is flagged STALE, and its locations may no longer fit.
import json, os, re, shutil, subprocess, sys, tempfile
WT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rep=json.load(open(sys.argv[1]))
keysub=sys.argv[2]
tests=sys.argv[3:]
scratch=os.path.join(tempfile.gettempdir(),'mutation-try')
if not os.path.exists(scratch):
    os.makedirs(scratch)
    for d in ['lib','tests','mutation','notebooks']:
        shutil.copytree(os.path.join(WT,d),os.path.join(scratch,d),symlinks=True,ignore=shutil.ignore_patterns('node_modules','dist','.out'))
    for f in ['package.json','tsconfig.json']:
        shutil.copy(os.path.join(WT,f),scratch)
    os.symlink(os.path.join(WT,'node_modules'),os.path.join(scratch,'node_modules'))
else:
    # refresh tests and lib from worktree
    for d in ['tests','lib/src','mutation']:
        shutil.rmtree(os.path.join(scratch,d))
        shutil.copytree(os.path.join(WT,d),os.path.join(scratch,d),symlinks=True,ignore=shutil.ignore_patterns('node_modules','dist','.out'))
for f,entry in rep['files'].items():
    rel=os.path.relpath(f,WT) if os.path.isabs(f) else f
    src=entry['source']
    cur=open(os.path.join(WT,rel)).read()
    if cur!=src and any(keysub in f"{rel}:{m['location']['start']['line']}" or keysub in rel for m in entry['mutants']):
        print('STALE source for',rel)
    for m in entry['mutants']:
        if m['status'] not in ('Survived','NoCoverage'): continue
        key=f"{rel}:{m['location']['start']['line']}:{m['location']['start']['column']} {m['mutatorName']} {' '.join((m.get('replacement') or '').split())}"
        if keysub not in key: continue
        lines=cur.split('\n')
        s=m['location']['start']; e=m['location']['end']
        def off(l,c): return sum(len(x)+1 for x in lines[:l-1])+c-1
        a=off(s['line'],s['column']); b=off(e['line'],e['column'])
        mutated=cur[:a]+m['replacement']+cur[b:]
        path=os.path.join(scratch,rel)
        open(path,'w').write(mutated)
        fails=[]
        for t in tests:
            r=subprocess.run(['node','-r','./mutation/register.js',t],cwd=scratch,capture_output=True,text=True)
            tot=re.search(r'Total:\s+(\d+)',r.stdout); pas=re.search(r'Passed:\s+(\d+)',r.stdout); sk=re.search(r'Skipped:\s+(\d+)',r.stdout)
            bad = r.returncode!=0 or not tot or not pas or int(tot.group(1))-(int(sk.group(1)) if sk else 0)!=int(pas.group(1))
            if bad: fails.append(t)
        open(path,'w').write(cur)
        print(('KILLED by '+','.join(fails)) if fails else 'SURVIVES', '|', key[:150])
