#!/usr/bin/env python
"""Benchmark: streaming vote merge vs. the published stacked float64 NumPy vote (issue 2, not a test).

DensePASS test scale by default: 13 classes, 13 windows of 1024×1024 on a 1024×4096 canvas at stride 256,
forward + reverse = 26 window predictions. Each method runs in its own fresh process, fed the same
per-window logits (regenerated from a seed, as a model would produce them one by one):
  - published: all 26 windows stacked into one float64 NumPy array, then voted (omnisam.patcher.stacked_vote_numpy);
  - streaming: windows streamed into VoteMerger's O(C·H·W) buffers (omnisam.patcher.Patcher.merge), torch.
Times exclude making the logits. Peak memory = the process's peak resident set (VmHWM) minus its resident set just before merging (CPU), or
torch.cuda.max_memory_allocated (GPU). Both label maps are compared. Last line:
`merge_speedup=<x> merge_memory_ratio=<y>`."""
import argparse, multiprocessing as mp, time

def _rss_kb(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field): return int(line.split()[1])
    return 0

def _logits(i, batch, classes, size, device):
    "Window i's logits: smooth class fields plus noise, deterministic in i (what a segmentor would emit)."
    import torch, torch.nn.functional as F
    g = torch.Generator().manual_seed(1000 + i % 13)            # forward and reverse pass see the same window
    coarse = torch.randn(batch, classes, size // 64, size // 64, generator=g) * 3
    fine = torch.randn(batch, classes, size, size, generator=torch.Generator().manual_seed(i)) * 0.3
    return (F.interpolate(coarse, size=(size, size), mode='bilinear', align_corners=False) + fine).to(device)

def _run(method, args, q):
    import numpy as np, torch
    from omnisam.patcher import Patcher, stacked_vote_numpy
    torch.set_num_threads(args.threads)
    p = Patcher.from_preset('densepass_test', window=args.window)
    pano_hw = (round(args.window * 400 / 1024), round(args.window * 2048 / 1024))
    fwd = p.windows(pano_hw)
    ws = fwd + fwd[::-1]
    idx = list(range(len(fwd))) + list(range(len(fwd) - 1, -1, -1))
    made = [0.]                     # seconds spent making logits: the model's job, not the merge's, so not counted
    def gen():
        for k, i in enumerate(idx):
            t = time.perf_counter()
            lg = _logits(i if k < len(fwd) else i + 100, args.batch, args.classes, args.window, args.device)
            if args.device.startswith('cuda'): torch.cuda.synchronize()
            made[0] += time.perf_counter() - t
            yield lg
    _logits(0, args.batch, args.classes, args.window, args.device)     # warm up kernels and allocator
    if args.device.startswith('cuda'): torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    base = _rss_kb('VmRSS')
    t0 = time.perf_counter()
    if method == 'published':
        stack = np.stack([lg.float().cpu().numpy().astype(np.float64) for lg in gen()])   # (N, B, C, S, S) float64
        labels = stacked_vote_numpy(stack, ws, p.canvas_hw(pano_hw))
    else:
        lab, _ = p.merge(gen(), ws, pano_hw, how='vote')
        if args.device.startswith('cuda'): torch.cuda.synchronize()
        labels = lab.cpu().numpy()
    secs = time.perf_counter() - t0 - made[0]
    if method == 'streaming' and args.device.startswith('cuda'): peak = torch.cuda.max_memory_allocated() / 2**20
    else: peak = (_rss_kb('VmHWM') - base) / 1024
    np.save(f'{args.tmp}/{method}.npy', labels.astype(np.uint8))
    q.put((method, secs, peak, len(ws)))

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--window', type=int, default=1024, help='window side (1024 = DensePASS test scale)')
    ap.add_argument('--classes', type=int, default=13)
    ap.add_argument('--batch', type=int, default=1, help='panoramas merged at once')
    ap.add_argument('--device', default='cpu', help="device of the streaming merge's logits ('cpu' or 'cuda')")
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    import tempfile, numpy as np
    with tempfile.TemporaryDirectory() as tmp:
        args.tmp = tmp
        ctx, q, res = mp.get_context('spawn'), None, {}
        q = ctx.Queue()
        for method in ('published', 'streaming'):
            pr = ctx.Process(target=_run, args=(method, args, q)); pr.start(); pr.join()
            if pr.exitcode: raise SystemExit(f'{method} merge failed (exit code {pr.exitcode})')
            m, secs, peak, n = q.get()
            res[m] = (secs, peak)
            print(f'{m:>9}: {n} windows of {args.window}² × {args.classes} classes, batch {args.batch}: '
                  f'{secs:7.2f} s, peak memory {peak:8.1f} MiB', flush=True)
        same = np.array_equal(np.load(f'{tmp}/published.npy'), np.load(f'{tmp}/streaming.npy'))
    print(f'identical labels: {same}')
    if not same: raise SystemExit('the two merges disagree')
    speed = res['published'][0] / res['streaming'][0]
    mem = res['published'][1] / max(res['streaming'][1], 1e-6)
    print(f'merge_speedup={speed:.2f} merge_memory_ratio={mem:.2f}')

if __name__ == '__main__': main()
