#!/usr/bin/env python
"""Benchmark: forward + reverse inference of one panorama, shared batched encoding vs. the published way (issue 4).

One panorama of DensePASS's shape (400×2048, scaled to the window size S) is cut into the DensePASS *test*
windows by `omnisam.patcher` (canvas 4S×S, stride S/4: 13 windows). Both methods run the same model (same
weights, eval mode, no autograd), alternating, `--repeats` times (the fastest run of each method counts:
this filters out other jobs' load; `--repeats 1` is a single run):
  - published: each window encoded on its own, once in the forward pass and again in the reverse pass
    (2T encoder calls), memory attention + head + memory write per window;
  - shared:    `MemorySegmentor.forward_both`: the T windows encoded once, batched (`--chunk` windows per call),
    features reused by both passes (T window steps each).
The published run is timed piece by piece: E = encoder seconds per window, M = seconds per window step
(memory attention + head + upsampling + memory encoder write). Sharing the encoder saves T encoder calls out
of 2T, so at best speedup = 2(E+M)/(E+2M) (more only if batching itself speeds the encoder up). Predictions
of both methods are compared (argmax agreement over both passes, max |Δ logit|).
Times are the process's CPU time on CPU (this machine is shared with other jobs, whose load distorts wall
time; with --threads 1, CPU time is the work done) and synced wall time on GPU; CPU wall time is printed too.
Last line: `sequence_speedup=<x> bound=<b> encoder_share=<E/(E+M)>`."""
import argparse, time, warnings
import torch

def sync(device):
    if device.startswith('cuda'): torch.cuda.synchronize()

def now(device) -> float:
    "Seconds: the process's CPU time on CPU (robust on a machine shared with other jobs), synced wall time on GPU."
    sync(device)
    return time.perf_counter() if device.startswith('cuda') else time.process_time()

def panorama_windows(size:int, batch:int, windows:int): # (B, T, 3, S, S) in [0, 1]
    "The DensePASS test windows of a synthetic panorama (the geometry notebook's box room) at window size S."
    from omnisam.geometry import box_room_panorama
    from omnisam.patcher import Patcher
    hw = (round(size * 400 / 1024), round(size * 2048 / 1024))
    img, _ = box_room_panorama(hw)
    p = Patcher.from_preset('densepass_test', window=size)
    if windows != 13: p = Patcher.from_preset('densepass_test', window=size, stride=3 / (windows - 1))
    w, _ = p.cut(img[None].expand(batch, -1, -1, -1).contiguous())
    if w.shape[1] != windows: raise SystemExit(f'--windows {windows}: the patcher gave {w.shape[1]} windows; use 13 (DensePASS test)')
    return w

def published_timed(model, windows, device): # (logits fwd, logits rev, encoder s, step s, calls)
    "The published inference: every window encoded separately, in both passes; timed piece by piece."
    from omnisam.patcher import sequence_order
    enc = stp = 0.; outs = []
    for reverse in (False, True):
        bank, out = model.new_bank(), {}
        for t in sequence_order(windows.shape[1], 'reverse' if reverse else 'forward'):
            t0 = now(device)
            f = model.encode(windows[:, t]); t1 = now(device)
            out[t] = model.decode_window(f, bank).logits; t2 = now(device)
            enc += t1 - t0; stp += t2 - t1
        outs.append(torch.stack([out[t] for t in range(windows.shape[1])], 1))
    return outs[0], outs[1], enc, stp

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--backbone', default='tiny', help="tiny, small, base_plus, large or test")
    ap.add_argument('--image-size', type=int, default=256, help='window side S (multiple of 32); 1024 as published')
    ap.add_argument('--windows', type=int, default=13, help='windows per panorama (13 = DensePASS test)')
    ap.add_argument('--classes', type=int, default=13)
    ap.add_argument('--batch', type=int, default=1, help='panoramas per batch')
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--dtype', default='fp32', choices=('fp32', 'bf16'))
    ap.add_argument('--threads', type=int, default=1, help='torch CPU threads (0: torch default); 1 makes CPU time a clean work measure')
    ap.add_argument('--chunk', type=int, default=0, help='windows per encoder call in the shared path (0: 2 on CPU, where big batches '
                    'thrash the cache, all T on GPU)')
    ap.add_argument('--repeats', type=int, default=3, help='alternating runs of both methods; the fastest of each counts '
                    '(filters out load from other jobs); 1 = a single run')
    ap.add_argument('--checkpoint', default=None, help='our checkpoint (else random weights: timing only)')
    a = ap.parse_args(argv)
    chunk = a.chunk or (None if a.device.startswith('cuda') else 2)
    clock = 'synced wall time' if a.device.startswith('cuda') else 'process CPU time' 
    if a.threads: torch.set_num_threads(a.threads)
    from omnisam.model import ModelConfig, build_model
    from omnisam.checkpoint import load_checkpoint
    torch.manual_seed(0)
    if a.checkpoint: model = load_checkpoint(a.checkpoint)[0]
    else:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); model = build_model(ModelConfig(backbone=a.backbone, image_size=a.image_size, num_classes=a.classes))
    model = model.to(a.device).eval()
    s = model.cfg.image_size
    windows = panorama_windows(s, a.batch, a.windows).to(a.device)
    amp = torch.autocast(a.device.split(':')[0], dtype=torch.bfloat16, enabled=a.dtype == 'bf16')
    print(f'backbone={model.cfg.backbone} S={s} windows={windows.shape[1]} batch={a.batch} device={a.device} dtype={a.dtype} '
          f'threads={torch.get_num_threads()} timing={clock}')
    runs = []   # per repeat: dict of timings; the two methods alternate so both see the same background load
    with torch.inference_mode(), amp:
        model.encode_sequence(windows, chunk); published_timed(model, windows[:, :2], a.device)   # warm-up: every shape once
        for _ in range(a.repeats):
            w0, t0 = time.perf_counter(), now(a.device)
            feats = model.encode_sequence(windows, chunk); t1 = now(a.device)
            fwd, rev = model.decode(feats), model.decode(feats, reverse=True); t2 = now(a.device)
            w1 = time.perf_counter()
            pf, pr, enc, stp = published_timed(model, windows, a.device)
            w2 = time.perf_counter()
            runs.append(dict(shared=t2 - t0, shared_enc=t1 - t0, shared_steps=t2 - t1, enc=enc, stp=stp,
                             wall_shared=w1 - w0, wall_pub=w2 - w1))
    best_s = min(runs, key=lambda r: r['shared']); best_p = min(runs, key=lambda r: r['enc'] + r['stp'])
    t_shared, t_pub, n = best_s['shared'], best_p['enc'] + best_p['stp'], windows.shape[1]
    e, m = best_p['enc'] / (2 * n), best_p['stp'] / (2 * n)
    bound, speedup = 2 * (e + m) / (e + 2 * m), t_pub / t_shared
    agree = torch.cat([(fwd.logits.argmax(2) == pf.argmax(2)).flatten(), (rev.logits.argmax(2) == pr.argmax(2)).flatten()]).float().mean().item()
    diff = max((fwd.logits - pf).abs().max().item(), (rev.logits - pr).abs().max().item())
    if a.repeats > 1: print(f'{a.repeats} alternating repeats, published/shared s: ' +
                            ', '.join(f"{r['enc'] + r['stp']:.2f}/{r['shared']:.2f}" for r in runs) + ' (the fastest of each counts)')
    print(f'published: {t_pub:.3f} s  ({2 * n} encoder calls: E={e * 1e3:.1f} ms/window, M={m * 1e3:.1f} ms/window step)')
    print(f"shared:    {t_shared:.3f} s  (batched encoder, {-(-n // (chunk or n))} calls of {chunk or n} windows, {best_s['shared_enc']:.3f} s = "
          f"{best_s['shared_enc'] / n * 1e3:.1f} ms/window; {2 * n} window steps {best_s['shared_steps']:.3f} s)")
    print(f"wall clock (includes other jobs on this machine): published {best_p['wall_pub']:.3f} s, shared {best_s['wall_shared']:.3f} s")
    print(f'identical predictions: {agree * 100:.4f}% of pixels (both passes), max |Δ logit| = {diff:.2e}')
    print(f'speedup reaches {speedup / bound * 100:.1f}% of its bound')
    print(f'sequence_speedup={speedup:.3f} bound={bound:.3f} encoder_share={e / (e + m):.3f}')
    return dict(backbone=model.cfg.backbone, image_size=s, windows=n, batch=a.batch, device=a.device, dtype=a.dtype,
                published_s=t_pub, shared_s=t_shared, encoder_ms_per_window=e * 1e3, step_ms_per_window=m * 1e3,
                sequence_speedup=speedup, bound=bound, encoder_share=e / (e + m), agreement=agree, max_logit_diff=diff)

if __name__ == '__main__': main()
