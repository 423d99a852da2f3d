#!/usr/bin/env python
"""Generate the synthetic pinhole -> panorama benchmark in Stanford2D3D's layout (see nbs/03_synthetic.ipynb).

    python data_prep/make_synthetic.py --out data/synthetic --seed 0 --scale small
"""
import argparse, json
from omnisam.synthetic import SCALES, make_synthetic

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', required=True, help='output folder (Stanford2D3D layout: area_*/data, area_*/pano)')
    p.add_argument('--seed', type=int, default=0, help='everything is drawn from this seed (default 0)')
    p.add_argument('--scale', choices=list(SCALES), default='small', help='how much to generate (default small)')
    p.add_argument('--workers', type=int, default=None, help='render processes (default: 1 for tiny, else min(2, CPUs))')
    p.add_argument('--overwrite', action='store_true', help='replace a different dataset already in --out')
    a = p.parse_args(argv)
    s = make_synthetic(a.out, seed=a.seed, scale=a.scale, workers=a.workers, overwrite=a.overwrite)
    print(json.dumps({k: s[k] for k in ('seed', 'scale', 'counts', 'instances', 'seconds') if k in s}))

if __name__ == '__main__': main()
