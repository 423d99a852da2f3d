#!/usr/bin/env python
"""Benchmark: generating the synthetic benchmark (issue 14: timings belong here, not in the notebooks' tests).

Generates `--scale` (default `tiny`: 5 + 2 panoramas, 15 + 6 pinhole views) into a temporary folder `--repeats`
times with one process and reports the fastest wall time, then a second call on the finished folder (it must
return without rewriting a file). With `--max-seconds S` the exit status is 1 when the fastest generation is
slower than S (a budget for CI on a known machine; no budget by default, since machines differ).
Last line: `synthetic_seconds=<x> synthetic_noop_seconds=<y>`."""
import argparse, sys, tempfile, time
from pathlib import Path

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--scale', default='tiny', help='a key of omnisam.rooms.SCALES (default tiny)')
    ap.add_argument('--repeats', type=int, default=3, help='generations timed; the fastest counts (default 3)')
    ap.add_argument('--max-seconds', type=float, help='exit 1 if the fastest generation takes longer')
    a = ap.parse_args(argv)
    from omnisam.synthetic import make_synthetic
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(max(1, a.repeats)):
            t0 = time.perf_counter()
            make_synthetic(Path(tmp) / f'r{i}', seed=0, scale=a.scale, workers=1, progress=False)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        make_synthetic(Path(tmp) / 'r0', seed=0, scale=a.scale, workers=1, progress=False)   # finished: no work
        noop = time.perf_counter() - t0
    print(f'{a.scale}: ' + ', '.join(f'{t:.2f} s' for t in times) + f'; already generated: {noop:.3f} s')
    print(f'synthetic_seconds={min(times):.3f} synthetic_noop_seconds={noop:.3f}')
    if a.max_seconds is not None and min(times) > a.max_seconds:
        print(f'slower than the budget of {a.max_seconds} s', file=sys.stderr); return 1
    return 0

if __name__ == '__main__': sys.exit(main())
