#!/usr/bin/env python
"""`make test`: the nbdev CI convention, with a count.

1. `nbdev_clean` and `nbdev_export` must change nothing: notebooks are committed clean and the
   exported package is in step with them (the notebooks are the source of truth).
2. `nbdev_test` runs on every notebook, one at a time, so each gets its own pass/fail and time.
Ends with one line `N passed, N failed`; a run that tested nothing fails."""
import hashlib, os, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

def _digest(paths):
    "File -> sha256 for every path given."
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}

def _tracked():
    "Notebooks and package files that clean/export may touch."
    return sorted((ROOT/'nbs').rglob('*.ipynb')) + sorted((ROOT/'omnisam').rglob('*.py'))

def check_in_step():
    "Run nbdev_clean and nbdev_export; return the files they changed (empty when all is in step)."
    before = _digest(_tracked())
    for cmd in ('nbdev_clean', 'nbdev_export'):
        r = subprocess.run([str(BIN/cmd)], cwd=ROOT, capture_output=True, text=True)
        if r.returncode: sys.exit(f'{cmd} failed:\n{r.stdout}{r.stderr}')
    after = _digest(_tracked())
    return sorted(str(p.relative_to(ROOT)) for p in set(before) | set(after) if before.get(p) != after.get(p))

def notebooks():
    "The notebooks nbdev_test would run: everything under nbs/ not starting with '_' or '.'."
    return [p for p in sorted((ROOT/'nbs').rglob('*.ipynb'))
            if not any(part.startswith(('_', '.')) for part in p.relative_to(ROOT/'nbs').parts)]

def run_one(nb):
    "nbdev_test on one notebook; returns (passed, seconds, output)."
    t0 = time.time()
    r = subprocess.run([str(BIN/'nbdev_test'), '--path', str(nb), '--do_print'], cwd=ROOT,
                       capture_output=True, text=True)
    return r.returncode == 0, time.time() - t0, r.stdout + r.stderr

def main():
    changed = check_in_step()
    if changed:
        print('nbdev_clean/nbdev_export changed these files, so the committed notebooks were unclean or the package')
        print('was out of step with them. They are fixed now in your working tree: review and commit them.')
        print('\n'.join('  ' + c for c in changed))
    else: print('notebooks clean and package in step with them')
    nbs = notebooks()
    passed = failed = 0
    for nb in nbs:
        ok, secs, out = run_one(nb)
        print(f"{'PASS' if ok else 'FAIL'}  {nb.relative_to(ROOT)}  ({secs:.1f}s)", flush=True)
        if ok: passed += 1
        else: failed += 1; print(out[-6000:], flush=True)
    if changed: failed += 1; print('FAIL  nbdev_clean/nbdev_export check')
    if not nbs: print('no notebook was tested: that is a failure')
    print(f'{passed} passed, {failed} failed')
    sys.exit(0 if passed and not failed else 1)

if __name__ == '__main__': main()
