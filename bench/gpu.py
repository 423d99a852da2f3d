#!/usr/bin/env python
"""GPU report in one command (issue 13): `make bench-gpu`, or `python bench/gpu.py [--out FILE]`.

On a machine with CUDA, measures in a few minutes, for the published model (SAM 2.1 Hiera b+ at 1024 px, the
`cs13_dp13` config's model: LoRA, 13 classes, 9 memories; random weights: timings do not depend on them):
  1. `bench/sequence.py`'s measurement (shared batched encoding vs. the published per-window encoding of the 13
     DensePASS test windows, forward + reverse), in bf16 and in fp32 (its functions, called here);
  2. one source training step as published: batch 4 sequences × 9 windows (Cityscapes' preset), one AdamW step per
     window (`omnisam.train.sequence_loss_steps`), fp32 (the config's `mixed_precision: 'no'`; TF32 left off, as
     `train` leaves it) and bf16 autocast:
     seconds per step (median of `--steps` after a warm-up) and peak GPU memory;
  3. inference on one DensePASS test panorama (400×2048, 13 windows of 1024 px, forward + reverse passes merged by
     the published vote: `omnisam.inference.segment_panorama`), bf16 and fp32: seconds per panorama;
  4. the encoder's achieved TFLOP/s on the 13 windows in bf16: FLOPs counted by
     `torch.utils.flop_counter.FlopCounterMode` ÷ synced time, vs. the GPU's dense bf16 peak where its name is in
     `BF16_PEAK_TFLOPS` (else n/a).
Prints a table and writes everything to `--out` (JSON). Without CUDA it says so and exits 0; `--dry-run` runs every
measurement on the CPU with the small `test` Hiera at 64 px (checks the code, measures nothing useful)."""
import argparse, json, os, re, statistics, sys, time, warnings
from pathlib import Path
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sequence                                              # bench/sequence.py: its measurement is reused, not copied

# Dense (no sparsity) bf16 tensor-core peaks in TFLOP/s from NVIDIA's data sheets; first pattern matching the
# device name wins (so 'H100 PCIe' before 'H100').
BF16_PEAK_TFLOPS = [(r'H200', 989.4), (r'H100.*PCIe', 756.0), (r'H100 NVL', 835.0), (r'H100', 989.4),
                    (r'A100', 312.0), (r'L40S', 362.0), (r'\bL4\b', 121.0)]

def bf16_peak(name:str) -> float|None:
    "The dense bf16 peak of a GPU by its name (TFLOP/s), or None if unknown."
    return next((p for pat, p in BF16_PEAK_TFLOPS if re.search(pat, name)), None)

def timed(fn, device:str, repeats:int) -> list: # seconds of each call after one warm-up call
    "Synced wall time (GPU) or process CPU time (CPU) of `fn()`, `repeats` times after a warm-up."
    fn(); out = []
    for _ in range(repeats):
        t0 = sequence.now(device); fn(); out.append(sequence.now(device) - t0)
    return out

def autocast(device:str, dtype:str):
    return torch.autocast(device.split(':')[0], dtype=torch.bfloat16, enabled=dtype == 'bf16')

def model_config(a):
    "The published model's config (cs13_dp13), or the tiny one of a dry run."
    from omnisam.config import load_config
    over = ['sam2_checkpoint=null'] + (['model.backbone=test', f'model.image_size={a.image_size}'] if a.dry_run else [])
    return load_config('cs13_dp13', over)

def build(cfg, device:str):
    from omnisam.model import build_model
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore'); return build_model(cfg.model, None).to(device)

def train_step(cfg, device:str, dtype:str, batch:int, steps:int) -> dict:
    "One published source training step (a step per window): seconds (median) and peak memory."
    from omnisam.train import sequence_loss_steps
    from omnisam.patcher import Patcher
    model = build(cfg, device).train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg.train.lr, weight_decay=cfg.train.weight_decay)
    s, t_n = cfg.model.image_size, len(Patcher.from_preset('cityscapes', window=cfg.model.image_size).windows((1024, 2048)))
    g = torch.Generator(device).manual_seed(0)
    windows = torch.rand(batch, t_n, 3, s, s, device=device, generator=g)
    labels = torch.randint(0, cfg.model.num_classes, (batch, t_n, s, s), device=device, generator=g)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=255)
    def step():
        with autocast(device, dtype): sequence_loss_steps(model, [(windows, labels)], loss_fn, opt, cfg.train.per_window_step)
    cuda = device.startswith('cuda')
    try:
        step()                                              # warm-up (allocations, kernels chosen)
        if cuda: torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
        secs = timed(step, device, steps)
        peak = torch.cuda.max_memory_allocated() / 2 ** 30 if cuda else None
        return dict(dtype=dtype, batch=batch, windows=t_n, per_window_step=cfg.train.per_window_step,
                    seconds_per_step=statistics.median(secs), peak_memory_gib=peak)
    except torch.cuda.OutOfMemoryError as e:
        return dict(dtype=dtype, batch=batch, windows=t_n, error=f'out of memory: {str(e).splitlines()[0]}')
    finally:
        del model, opt
        if cuda: torch.cuda.empty_cache()

def panorama(model, device:str, dtype:str, repeats:int) -> dict:
    "Inference on one DensePASS test panorama: 13 windows, forward + reverse, merged (seconds, median)."
    from omnisam.geometry import box_room_panorama
    from omnisam.inference import segment_panorama
    from omnisam.patcher import Patcher
    s = model.cfg.image_size
    img, _ = box_room_panorama((round(s * 400 / 1024), round(s * 2048 / 1024)))
    img, patcher = img.to(device), Patcher.from_preset('densepass_test', window=s)
    def run():
        with torch.inference_mode(), autocast(device, dtype): segment_panorama(model, patcher, img)
    return dict(dtype=dtype, windows=len(patcher.windows(img.shape[-2:])), seconds_per_panorama=statistics.median(timed(run, device, repeats)))

def encoder_tflops(model, device:str, repeats:int, name:str) -> dict:
    "FLOPs of encoding the 13 DensePASS test windows (bf16), achieved TFLOP/s and the share of the GPU's bf16 peak."
    from torch.utils.flop_counter import FlopCounterMode
    x = sequence.panorama_windows(model.cfg.image_size, 1, 13)[0].to(device)      # (13, 3, S, S)
    with torch.inference_mode(), autocast(device, 'bf16'):
        with FlopCounterMode(display=False) as fc: model.encode(x)
        secs = min(timed(lambda: model.encode(x), device, repeats))
    flops, peak = fc.get_total_flops(), bf16_peak(name)
    achieved = flops / secs / 1e12
    return dict(windows=x.shape[0], gflop=flops / 1e9, seconds=secs, tflops=achieved, peak_tflops=peak,
                share_of_peak=None if peak is None else achieved / peak)

def table(report:dict) -> str:
    "The report as a Markdown table."
    rows = [('device', report['device'])]
    for r in report['sequence']:
        rows.append((f"sequence.py {r['backbone']} {r['image_size']} px {r['dtype']}",
                     f"shared {r['shared_s']:.3f} s vs published {r['published_s']:.3f} s: speedup {r['sequence_speedup']:.2f} "
                     f"(bound {r['bound']:.2f}, encoder share {r['encoder_share']:.2f})"))
    for r in report['train_step']:
        rows.append((f"source training step {r['dtype']} (batch {r['batch']} × {r['windows']} windows, step per window)",
                     r.get('error') or f"{r['seconds_per_step']:.3f} s, peak memory "
                     + ('n/a' if r['peak_memory_gib'] is None else f"{r['peak_memory_gib']:.1f} GiB")))
    for r in report['panorama']:
        rows.append((f"DensePASS test panorama {r['dtype']} ({r['windows']} windows, forward + reverse)", f"{r['seconds_per_panorama']:.3f} s"))
    e = report['encoder']
    rows.append((f"encoder bf16, {e['windows']} windows", f"{e['gflop']:.4g} GFLOP in {e['seconds'] * 1e3:.1f} ms = {e['tflops']:.3g} TFLOP/s; "
                 + ('peak n/a (device not in BF16_PEAK_TFLOPS)' if e['peak_tflops'] is None else
                    f"{e['share_of_peak'] * 100:.1f}% of the {e['peak_tflops']:.0f} TFLOP/s bf16 peak")))
    return '\n'.join(['| measurement | result |', '|---|---|'] + [f'| {k} | {v} |' for k, v in rows])

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default='runs/gpu_report.json', help='JSON report')
    ap.add_argument('--steps', type=int, default=3, help='timed training steps (after a warm-up)')
    ap.add_argument('--repeats', type=int, default=3, help='timed repeats of the inference measurements')
    ap.add_argument('--batch', type=int, default=4, help='sequences per training step (4 per GPU as published)')
    ap.add_argument('--dry-run', action='store_true', help='run everything on the CPU with the test Hiera (checks the code)')
    ap.add_argument('--image-size', type=int, default=64, help='window side of a dry run')
    a = ap.parse_args(argv)
    if not a.dry_run and not torch.cuda.is_available():
        print('bench/gpu.py: no CUDA GPU on this machine, nothing measured (run it on a GPU machine; --dry-run checks the code on the CPU)')
        return None
    device = 'cpu' if a.dry_run else 'cuda'
    if a.dry_run: torch.set_num_threads(1); a.batch, a.steps, a.repeats = 1, 1, 1
    name = 'CPU (dry run)' if a.dry_run else torch.cuda.get_device_name()
    t0 = time.perf_counter()
    cfg = model_config(a)
    seq_args = ['--backbone', cfg.model.backbone, '--image-size', str(cfg.model.image_size), '--device', device,
                '--repeats', str(a.repeats), '--threads', '1' if a.dry_run else '0']   # 0: torch's CPU threads left as they are
    report = dict(device=name, torch=torch.__version__, model=dict(backbone=cfg.model.backbone, image_size=cfg.model.image_size,
                  trainable=cfg.model.trainable, num_classes=cfg.model.num_classes, num_maskmem=cfg.model.num_maskmem))
    report['sequence'] = [sequence.main(seq_args + ['--dtype', d]) for d in ('bf16', 'fp32')]
    if not a.dry_run: torch.cuda.empty_cache()
    report['train_step'] = [train_step(cfg, device, d, a.batch, a.steps) for d in ('fp32', 'bf16')]
    model = build(cfg, device).eval()
    report['panorama'] = [panorama(model, device, d, a.repeats) for d in ('bf16', 'fp32')]
    report['encoder'] = encoder_tflops(model, device, a.repeats, name)
    report['seconds'] = time.perf_counter() - t0
    out = Path(a.out); out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(table(report))
    print(f"report written to {out} ({report['seconds']:.0f} s)")
    return report

if __name__ == '__main__': main()
