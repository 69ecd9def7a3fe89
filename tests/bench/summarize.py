"""Prints the benchmark figures, each with its ratio to the baseline measured in the same run and the
target from the performance issue. Usage: summarize.py native.json browser.json"""
import json
import os
import platform
import subprocess
import sys


def median_ms(native, name):
    for b in native["benchmarks"]:
        if b["name"] == f"{name}_median":
            scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
            return b["real_time"] * scale
    raise KeyError(name)


def verdict(ok):
    return "meets target" if ok else "MISSES target"


def main():
    native = json.load(open(sys.argv[1]))
    browser = json.load(open(sys.argv[2]))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"\nMachine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {chromium}; "
          f"load average {os.getloadavg()[0]:.2f}")

    print("\nNative, 4096 x 1024 float32 (medians of 5)")
    fast = median_ms(native, "BM_Fast/4096/1024")
    naive = median_ms(native, "BM_Naive/4096/1024")
    fill = median_ms(native, "BM_FillFloor/4096/1024")
    print(f"  engine {fast:.3f} ms | naive std::sin/cos {naive:.2f} ms | std::fill floor {fill:.3f} ms")
    print(f"  engine / fill = {fast / fill:.1f}x   naive / engine = {naive / fast:.1f}x")

    rope = median_ms(native, "BM_RopeScores")
    per_value = median_ms(native, "BM_RopeScoresPerValue")
    print(f"\nNative RoPE q.k at 131,072 distances, head 128: engine {rope:.2f} ms | "
          f"std::cos/sin per (distance, pair) {per_value:.1f} ms = {per_value / rope:.1f}x the engine")

    print("\nNative scaling (ns per value; linear growth means a flat column)")
    print("  positions x d_model      values    engine ns/value   fill ns/value")
    for positions in (256, 1024, 4096, 16384, 8192):
        for d in (64, 256, 1024, 2048):
            try:
                t = median_ms(native, f"Scaling/Fast/{positions}/{d}")
                f = median_ms(native, f"Scaling/FillFloor/{positions}/{d}")
            except KeyError:
                continue
            n = positions * d
            print(f"  {positions:>6} x {d:<6} {n:>12,}    {t * 1e6 / n:>10.3f}       {f * 1e6 / n:>10.3f}")

    g = browser["generation"][0]
    s = {k: v["median"] for k, v in g["summary"].items()}
    print(f"\nHeadless Chromium, {g['positions']} x {g['dModel']} float32 into a reused buffer (medians)")
    print(f"  pe.sinusoidalInto {s['engineInto']:.2f} ms = generate in wasm {s['engineGenerateOnly']:.2f} ms "
          f"+ copy out {s['copyOutOnly']:.2f} ms")
    print(f"  plain JS Math.sin/cos loop {s['jsLoop']:.1f} ms | target.fill floor {s['fillFloor']:.3f} ms")
    r = g["ratios"]
    print(f"  sinusoidalInto / fill = {r['engineIntoOverFill']:.1f}x  (target <= 3x: {verdict(r['engineIntoOverFill'] <= 3)})")
    print(f"  JS loop / sinusoidalInto = {r['jsLoopOverEngineInto']:.1f}x  (target >= 50x: {verdict(r['jsLoopOverEngineInto'] >= 50)})")
    print(f"  copy out alone / fill = {s['copyOutOnly'] / s['fillFloor']:.1f}x  (the part no generator can remove)")
    print(f"  pe.sinusoidal {s['engineAllocating']:.2f} ms vs new Float32Array(n).fill {s['allocateAndFill']:.2f} ms = "
          f"{r['engineAllocatingOverAllocateAndFill']:.2f}x  (target <= 1.5x: {verdict(r['engineAllocatingOverAllocateAndFill'] <= 1.5)})")
    print(f"  max |engine - float64| = {g['maxError']:.2e}  (target <= 1e-6: {verdict(g['maxError'] <= 1e-6)})")
    print("  scaling (ms):  positions x d   generate   into    JS loop   fill")
    for g in browser["generation"]:
        s = {k: v["median"] for k, v in g["summary"].items()}
        print(f"    {g['positions']:>6} x {g['dModel']:<5} {s['engineGenerateOnly']:>8.3f} {s['engineInto']:>7.3f} "
              f"{s['jsLoop']:>9.2f} {s['fillFloor']:>7.3f}")

    print("\nFrames in headless Chromium at 8192 x 1024 (requestAnimationFrame intervals, ms; vsync 16.7)")
    for key, label in (("dragPosition8192x1024", "dragging the position slider"),
                       ("dragOffset8192x1024", "dragging the offset slider"),
                       ("animation8192x1024", "clocks playing at 64 positions/s")):
        f = browser[key]
        print(f"  {label:<34} median {f['median']:.1f}  p95 {f['p95']:.1f}  max {f['max']:.1f}  "
              f"late {f['late']}/{f['frames']}  (p95 <= 16.7: {verdict(f['p95'] <= 16.85)})")
    print("  main-thread ms per redraw (median / p95 / max):")
    for view, v in browser["renderMs"].items():
        print(f"    {view:<16} {v['median']:.1f} / {v['p95']:.1f} / {v['max']:.1f}  ({v['redraws']} redraws)")

    w = browser["weight"]
    print("\nWeight (gzip -9; build-scripts/budgets.mjs)")
    for name, b in w["budgets"].items():
        print(f"  {name:<10} {b['gzipBytes'] / 1000:.1f} KB  ({' + '.join(b['files'])})"
              f"  (budget <= {b['budget'] / 1000:.0f} KB: {verdict(b['gzipBytes'] <= b['budget'])})")
    print(f"  pe.js (engine for API users, wasm inlined): {w['peJsGzipBytes'] / 1024:.1f} KiB; pe.wasm: {w['peWasmGzipBytes'] / 1024:.1f} KiB")

if __name__ == "__main__":
    main()
