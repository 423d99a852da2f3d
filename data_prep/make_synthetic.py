#!/usr/bin/env python
"""Generate the synthetic pinhole -> panorama benchmark in Stanford2D3D's layout (see nbs/03a_synthetic.ipynb).

    python data_prep/make_synthetic.py --out data/synthetic --seed 0 --scale small

Exit status 0 done (or already there), 2 bad arguments or unusable --out (nothing written); --debug shows tracebacks.
"""
import argparse, json, sys
from omnisam.config import cli, check_writable, EXIT_OK
from omnisam.synthetic import SCALES, make_synthetic

@cli('data_prep/make_synthetic.py')
def main(argv=None) -> int: # exit status: 0 done, 2 bad usage or input (nothing written)
    p = argparse.ArgumentParser(prog='data_prep/make_synthetic.py', description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', required=True, help='output folder (Stanford2D3D layout: area_*/data, area_*/pano)')
    p.add_argument('--seed', type=int, default=0, help='everything is drawn from this seed (default 0)')
    p.add_argument('--scale', choices=list(SCALES), default='small', help='how much to generate (default small)')
    p.add_argument('--workers', type=int, default=None, help='render processes (default: 1 for tiny, else min(2, CPUs))')
    p.add_argument('--overwrite', action='store_true', help='replace a different dataset already in --out')
    p.add_argument('--debug', action='store_true', help='show a traceback on errors (also OMNISAM_DEBUG=1)')
    a = p.parse_args(argv)
    if a.workers is not None and a.workers < 1: p.error(f'--workers must be at least 1, got {a.workers}')
    check_writable(a.out)                                          # before any work: not a file, not under one, writable
    s = make_synthetic(a.out, seed=a.seed, scale=a.scale, workers=a.workers, overwrite=a.overwrite)
    print(json.dumps({k: s[k] for k in ('seed', 'scale', 'counts', 'instances', 'seconds') if k in s}))
    return EXIT_OK

if __name__ == '__main__': sys.exit(main())
