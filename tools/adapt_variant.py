#!/usr/bin/env python
"""Adapt one demo seed's source model again with other adaptation settings, and score it as the demo scores `adapted`
(val panoramas on the published band, with memory). The source model, the seed and the `small` scale's settings are the
demo's; the run goes to OUT/seed_<k>/NAME and its score to OUT/seed_<k>/eval/NAME.json. How `06b_mix` measured mixing:

    .venv/bin/python tools/adapt_variant.py --demo runs/demo --seed 0 --out runs/mix_exp --name adapted_mix adapt.mix=class

Threads are fixed (`--threads`, the demo's 2 by default; 1 for seeds run side by side): a seed's runs compare like for
like only at one thread count."""
import argparse, json, sys, time, warnings
from pathlib import Path

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog='adapt_variant', description=__doc__.splitlines()[0])
    ap.add_argument('--demo', default='runs/demo', help="the demo's folder holding seed_<k>/source (omnisam_demo --out)")
    ap.add_argument('--data', default='data/synthetic', help="seed 0's rooms (seed k: <data>_seed<k>), as omnisam_demo --data")
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--out', required=True, help='folder of the new runs (one seed_<k> folder a seed)')
    ap.add_argument('--name', required=True, help='run name, e.g. adapted_mix')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('overrides', nargs='*', help='adaptation settings, e.g. adapt.mix=class adapt.rounds=9')
    a = ap.parse_args(argv)
    import torch
    from omnisam.demo import _config, _evaluate, _save, seed_paths
    from omnisam.adapt import adapt
    torch.set_num_threads(max(1, a.threads))
    folder, data = seed_paths(a.demo, a.data, a.seed)
    summary = folder / 'source' / 'train_summary.json'
    if not summary.exists():
        print(f'{summary} not found: run omnisam_demo --seeds {a.seed} --out {a.demo} first', file=sys.stderr); return 2
    out = Path(a.out) / f'seed_{a.seed}'
    cfg = _config(out, data, 'small', a.name, a.seed, ['eval_every=0', *a.overrides])
    t = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        r = _evaluate(adapt(cfg, json.loads(summary.read_text())['checkpoint'], progress=False)['checkpoint'], cfg, True, False)
    r['seconds'] = round(time.time() - t, 1)
    _save(out / 'eval' / f'{a.name}.json', r)                            # atomically, as the demo writes its scores
    ref = {k: 100 * json.loads((folder / 'eval' / f'{k}.json').read_text())['miou'] for k in ('source_memory', 'adapted')}
    print(f'seed {a.seed} {a.name}: {100 * r["miou"]:.1f} mIoU (this seed: source_memory {ref["source_memory"]:.1f}, '
          f'adapted {ref["adapted"]:.1f}; {r["seconds"]} s)')
    return 0

if __name__ == '__main__': sys.exit(main())
