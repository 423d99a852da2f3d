#!/usr/bin/env python
"""Benchmark: source training fed by DataLoader workers vs. every batch preloaded in memory (issue 13).

`--images` Cityscapes-like pairs at the real size (2048×1024 RGB PNG with per-pixel noise, so they compress like
photographs, + a trainId label PNG) are written to a temporary folder in Cityscapes' official layout
(`leftImg8bit/train/<city>/*_leftImg8bit.png`, `gtFine/train/<city>/*_gtFine_labelTrainIds.png`) and read by the
real loader: `omnisam.train.build_source` on the `cs13_dp13` config's source (Cityscapes, 13 classes, `cityscapes`
patcher preset: 9 windows of S px per image), with a small model (`test` Hiera at `--image-size`, random weights)
so that reading and cutting the images is a large part of a step when done in the training process. The same
source training steps (`omnisam.train.sequence_loss_steps`, the batches of `omnisam.train.StepBatches`, the same
starting weights and optimiser state) run three ways, alternating `--repeats` times (the fastest run of each
counts: this machine is shared with other jobs):
  - preloaded:  every batch read and cut before the clock starts (no loading at all: the upper bound);
  - workers:    `omnisam.train.sequence_loader` with `--workers` processes reading ahead, as `train` does;
  - in-process: the same loader with 0 workers (how `train` read its batches before: what loading costs).

Clocks. A step runs from the end of the previous one, so it includes getting its batch; steps/s = 1 / the median
step of a run (robust to bursts of other jobs' load); each run's first step is warm-up (worker start-up and first
read, first-call allocations) and not counted. On a GPU a step is synced wall time. On a CPU the model computes on
the same cores as the workers read, which a GPU machine does not do, and other jobs' load makes wall time swing by
±50 % here; so a step is the training process's CPU time (the model's compute, plus any reading done in the
process) + the wall time it spends blocked waiting for a batch (what the accelerator would idle). The plain
wall-clock ratio is printed too. Last line: `loader_efficiency=<steps/s with workers ÷ steps/s preloaded>`."""
import argparse, copy, os, statistics, tempfile, time, warnings
from pathlib import Path
import torch

def write_cityscapes(root:Path, n:int, hw=(1024, 2048)) -> Path:
    "n image/label pairs of a toy street scene in Cityscapes' official layout, at Cityscapes' size."
    from omnisam.data import street_scene, write_png, _TRAINID_OF_13
    for k in range(n):
        city = ('aachen', 'bochum', 'bremen')[k % 3]
        stem = f'{city}_{k:06d}_000019'
        img, lab = street_scene(hw, k)
        write_png(root / 'leftImg8bit' / 'train' / city / f'{stem}_leftImg8bit.png', img)
        write_png(root / 'gtFine' / 'train' / city / f'{stem}_gtFine_labelTrainIds.png', _TRAINID_OF_13[lab])
    return root

def run(model, opt, state, batches, per_window_step:bool, device:str) -> dict: # steps/s by both clocks, share waiting
    "Train on `batches` (any iterable of collated batches) from the starting `state`, timing every step."
    from omnisam.train import sequence_loss_steps
    model.load_state_dict(state['model']); opt.load_state_dict(state['opt'])
    cuda = device.startswith('cuda')
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    loss_fn, steps, walls, waits = torch.nn.CrossEntropyLoss(ignore_index=255), [], [], []
    it = iter(batches)
    sync(); w0, c0 = time.perf_counter(), time.process_time()
    while True:
        try: windows, labels, _ = next(it)
        except StopIteration: break
        w1, c1 = time.perf_counter(), time.process_time()
        windows, labels = windows.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        sequence_loss_steps(model, [(windows, labels)], loss_fn, opt, per_window_step)
        sync(); w2, c2 = time.perf_counter(), time.process_time()
        blocked = max(0., (w1 - w0) - (c1 - c0))         # wall time in next() not spent computing: waiting
        steps.append(w2 - w0 if cuda else (c2 - c0) + blocked); walls.append(w2 - w0); waits.append(w1 - w0)
        w0, c0 = w2, c2
    steps, walls, waits = steps[1:], walls[1:], waits[1:]          # the first step is warm-up
    return dict(sps=1 / statistics.median(steps), wall_sps=1 / statistics.median(walls), wait=sum(waits) / sum(walls))

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--images', type=int, default=8, help='2048×1024 pairs written (batches cycle over them, epoch after epoch)')
    ap.add_argument('--steps', type=int, default=12, help='training steps per run (the first is warm-up)')
    ap.add_argument('--batch', type=int, default=2, help='sequences per batch')
    ap.add_argument('--image-size', type=int, default=64, help='window side S of the model')
    ap.add_argument('--backbone', default='test')
    ap.add_argument('--workers', type=int, default=1, help='DataLoader workers (2 cores: 1 for the model, 1 for reading)')
    ap.add_argument('--threads', type=int, default=1, help='torch threads of the training process')
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--per-window-step', action='store_true', help='one optimiser step per window (published; slower)')
    ap.add_argument('--repeats', type=int, default=3, help='alternating runs of each way; the fastest counts')
    a = ap.parse_args(argv)
    torch.set_num_threads(a.threads)
    from omnisam.config import load_config
    from omnisam.model import build_model
    from omnisam.train import build_source, collate_sequences, StepBatches, sequence_loader
    cores = len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        root = write_cityscapes(Path(tmp) / 'cityscapes', a.images)
        mb = sum(p.stat().st_size for p in root.rglob('*.png')) / a.images / 2 ** 20
        print(f'{a.images} Cityscapes-like 2048×1024 pairs written in {time.perf_counter() - t0:.1f} s ({mb:.1f} MiB per pair)')
        cfg = load_config('cs13_dp13', [f'source.data.root={root}', f'model.backbone={a.backbone}', f'model.image_size={a.image_size}',
                                        'sam2_checkpoint=null', 'model.trainable=full'])
        source = build_source(cfg)
        order = StepBatches(len(source), a.batch, cfg.seed, stop=a.steps)
        torch.manual_seed(0)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); model = build_model(cfg.model, None)
        model = model.to(a.device).train()
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-4)
        state = dict(model=copy.deepcopy(model.state_dict()), opt=copy.deepcopy(opt.state_dict()))
        t0 = time.process_time()
        preloaded = [collate_sequences([source[i] for i in idx]) for idx in order]
        read = (time.process_time() - t0) / (a.steps * a.batch)
        print(f'model: {a.backbone} Hiera at {a.image_size} px on {a.device}, batch {a.batch} × {preloaded[0][0].shape[1]} windows, '
              f"{'a step per window' if a.per_window_step else 'a step per sequence'}, {a.threads} thread(s); "
              f'{cores} cores, load average {os.getloadavg()[0]:.1f}')
        print(f'reading + cutting one 2048×1024 pair: {read * 1e3:.0f} ms CPU')
        ways = {'preloaded': lambda: preloaded, 'workers': lambda: sequence_loader(source, order, a.workers, a.device),
                'in-process': lambda: sequence_loader(source, order, 0, a.device)}
        best = {}
        for r in range(a.repeats):
            for k, batches in ways.items():
                res = run(model, opt, state, batches(), a.per_window_step, a.device)
                if k not in best or res['sps'] > best[k]['sps']: best[k] = res
                print(f"  repeat {r + 1} {k:<10} {res['sps']:.3f} steps/s (wall clock {res['wall_sps']:.3f}), "
                      f"{res['wait'] * 100:.0f}% of the wall time getting batches")
        print(f'load average at the end {os.getloadavg()[0]:.1f} on {cores} cores (other jobs share this machine)')
    p = best['preloaded']
    for k, res in best.items():
        print(f"{k:<10} {res['sps']:.3f} steps/s = {res['sps'] / p['sps']:.3f} of preloaded "
              f"(wall clock: {res['wall_sps'] / p['wall_sps']:.3f}; {res['wait'] * 100:.0f}% getting batches)")
    print(f"loader_efficiency={best['workers']['sps'] / p['sps']:.3f}")
    return best

if __name__ == '__main__': main()
