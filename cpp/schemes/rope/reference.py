#!/usr/bin/env python3
"""Reference values for RoPE context extension (cpp/schemes/rope/rope_scaling_test.cpp).

A numpy transcription of Hugging Face transformers' src/transformers/modeling_rope_utils.py
(ROPE_INIT_FUNCTIONS: _compute_linear_scaling_rope_parameters, _compute_dynamic_ntk_parameters,
_compute_yarn_parameters, _compute_longrope_parameters, _compute_llama3_parameters) as of
cyyever/transformers @ 89539b0672a0cdc52b29f9ea6f1554a179195e40, line for line, with torch's float32
arithmetic done in numpy float32 (torch.arange(...).float(), python scalars meeting float32 tensors),
plus the fixed NTK-aware rule theta * factor^(d/(d-2)) (/u/bloc97's post; not in that table).
It writes cpp/schemes/rope/rope_scaling_reference.inc: per case the float32 result (what the library
returns), the same formulas in float64, and the largest relative difference between the two.

Run: /usr/bin/python3 cpp/schemes/rope/reference.py   (numpy only; the output is committed)
"""
import math
import pathlib

import numpy as np


def compute(case, F):
    theta, dim = case["theta"], case["rotary_dim"]
    s = case["scaling"]
    t = s["rope_type"]
    mpe = case.get("max_position_embeddings")
    seq_len = case.get("sequence_length")

    def shape():  # torch.arange(0, dim, 2, dtype=torch.int64).float() / dim
        return np.arange(0, dim, 2, dtype=np.int64).astype(F) / F(dim)

    def default_inv(base):
        return F(1.0) / (F(base) ** shape())

    if t == "default":
        return default_inv(theta), 1.0
    if t == "linear":
        return default_inv(theta) / F(s["factor"]), 1.0
    if t == "ntk":
        return default_inv(theta * s["factor"] ** (dim / (dim - 2))), 1.0
    if t == "dynamic":
        factor = s["factor"]
        seq = mpe if seq_len is None else max(seq_len, mpe)
        base = theta * ((factor * seq / mpe) - (factor - 1)) ** (dim / (dim - 2))
        return default_inv(base), 1.0
    if t == "yarn":
        factor = s["factor"]
        attention_factor = s.get("attention_factor")
        mscale = s.get("mscale")
        mscale_all_dim = s.get("mscale_all_dim")
        if "original_max_position_embeddings" in s:
            ompe = s["original_max_position_embeddings"]
            factor = mpe / ompe
        else:
            ompe = mpe

        def get_mscale(scale, m=1):
            if scale <= 1:
                return 1.0
            return 0.1 * m * math.log(scale) + 1.0

        if attention_factor is None:
            if mscale and mscale_all_dim:
                attention_factor = float(get_mscale(factor, mscale) / get_mscale(factor, mscale_all_dim))
            else:
                attention_factor = get_mscale(factor)
        beta_fast = s.get("beta_fast") or 32
        beta_slow = s.get("beta_slow") or 1

        def find_correction_dim(num_rotations):
            return (dim * math.log(ompe / (num_rotations * 2 * math.pi))) / (2 * math.log(theta))

        low = find_correction_dim(beta_fast)
        high = find_correction_dim(beta_slow)
        if s.get("truncate", True):
            low = math.floor(low)
            high = math.ceil(high)
        low, high = max(low, 0), min(high, dim - 1)
        if low == high:
            high += 0.001
        ramp = np.clip((np.arange(dim // 2, dtype=F) - F(low)) / F(high - low), F(0), F(1))
        pos_freqs = F(theta) ** shape()
        extrapolation = F(1.0) / pos_freqs
        interpolation = F(1.0) / (F(factor) * pos_freqs)
        keep = F(1) - ramp
        return interpolation * (F(1) - keep) + extrapolation * keep, attention_factor
    if t == "llama3":
        inv = default_inv(theta)
        factor, lff, hff = s["factor"], s["low_freq_factor"], s["high_freq_factor"]
        old = s["original_max_position_embeddings"]
        low_wl, high_wl = old / lff, old / hff
        wavelen = F(2 * math.pi) / inv
        inv_llama = np.where(wavelen > F(low_wl), inv / F(factor), inv)
        smooth = (F(old) / wavelen - F(lff)) / F(hff - lff)
        smoothed = (F(1) - smooth) * inv_llama / F(factor) + smooth * inv_llama
        medium = ~(wavelen < F(high_wl)) & ~(wavelen > F(low_wl))
        return np.where(medium, smoothed, inv_llama).astype(F), 1.0
    if t == "longrope":
        factor = s.get("factor")
        attention_factor = s.get("attention_factor")
        ompe = case.get("config_original_max_position_embeddings")
        if ompe:
            factor = mpe / ompe
        else:
            ompe = mpe
        if attention_factor is None:
            attention_factor = 1.0 if factor <= 1.0 else math.sqrt(1 + math.log(factor) / math.log(ompe))
        ext = np.array(s["long_factor"] if seq_len and seq_len > ompe else s["short_factor"], dtype=F)
        return F(1.0) / (ext * F(theta) ** shape()), attention_factor
    raise ValueError(t)


def cases():
    out = []
    geometries = [(10000.0, 64, 64), (10000.0, 128, 128), (500000.0, 128, 128), (10000.0, 128, 64)]
    for theta, head, rotary in geometries:
        g = {"theta": theta, "head_dim": head, "rotary_dim": rotary}
        tag = f"theta {theta:g}, head {head}, rotary {rotary}"
        out.append({**g, "name": f"default, {tag}", "scaling": {"rope_type": "default"}})
        for factor in (2.0, 8.0, 64.0):
            out.append({**g, "name": f"linear x{factor:g}, {tag}", "scaling": {"rope_type": "linear", "factor": factor}})
            out.append({**g, "name": f"ntk x{factor:g}, {tag}", "scaling": {"rope_type": "ntk", "factor": factor}})
            for seq in (None, int(4096 * factor)):
                out.append({**g, "name": f"dynamic x{factor:g} seq {seq}, {tag}", "max_position_embeddings": 4096,
                            "sequence_length": seq, "scaling": {"rope_type": "dynamic", "factor": factor}})
            out.append({**g, "name": f"yarn x{factor:g} (M = original), {tag}", "max_position_embeddings": 4096,
                        "scaling": {"rope_type": "yarn", "factor": factor}})
            out.append({**g, "name": f"yarn x{factor:g} with original, mscale, {tag}",
                        "max_position_embeddings": int(4096 * factor),
                        "scaling": {"rope_type": "yarn", "factor": factor, "original_max_position_embeddings": 4096,
                                    "mscale": 0.707, "mscale_all_dim": 1.0, "beta_fast": 16.0, "beta_slow": 2.0}})
            out.append({**g, "name": f"yarn x{factor:g} untruncated, {tag}", "max_position_embeddings": 2048,
                        "scaling": {"rope_type": "yarn", "factor": factor, "truncate": False}})
            out.append({**g, "name": f"llama3 x{factor:g}, {tag}",
                        "scaling": {"rope_type": "llama3", "factor": factor, "low_freq_factor": 1.0,
                                    "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}})
        pairs = rotary // 2
        short = [1.0 + 0.05 * i for i in range(pairs)]
        long = [1.0 + (i / pairs) * 31.0 for i in range(pairs)]
        for seq in (2000, 100000, None):
            out.append({**g, "name": f"longrope seq {seq}, {tag}", "max_position_embeddings": 131072,
                        "config_original_max_position_embeddings": 4096, "sequence_length": seq,
                        "scaling": {"rope_type": "longrope", "short_factor": short, "long_factor": long}})
        out.append({**g, "name": f"longrope factor 8, attention 1.2, {tag}", "max_position_embeddings": 4096,
                    "sequence_length": 5000,
                    "scaling": {"rope_type": "longrope", "factor": 8.0, "attention_factor": 1.2,
                                "short_factor": short, "long_factor": long}})
    return out


def num(x):
    return "kUnset" if x is None else repr(float(x))


def main():
    lines = [
        "// Generated by cpp/schemes/rope/reference.py (a numpy transcription of transformers'",
        "// modeling_rope_utils.py @ cyyever/transformers 89539b0672a0, float32 as torch computes it).",
        "// Do not edit: run the script.",
    ]
    worst = 0.0
    for c in cases():
        s = c["scaling"]
        inv32, att = compute(c, np.float32)
        inv64, att64 = compute(c, np.float64)
        rel = float(np.max(np.abs(inv32.astype(np.float64) - inv64) / inv64))
        worst = max(worst, rel)
        fields = [
            f'"{c["name"]}"', num(c["theta"]), str(c["head_dim"]), str(c["rotary_dim"]),
            num(c.get("max_position_embeddings")), num(c.get("config_original_max_position_embeddings")),
            num(c.get("sequence_length")), f'"{s["rope_type"]}"', num(s.get("factor")),
            num(s.get("original_max_position_embeddings")), num(s.get("beta_fast")), num(s.get("beta_slow")),
            num(s.get("mscale")), num(s.get("mscale_all_dim")), num(s.get("attention_factor")),
            "true" if s.get("truncate", True) else "false", num(s.get("low_freq_factor")),
            num(s.get("high_freq_factor")),
            "{" + ", ".join(repr(float(v)) for v in s.get("short_factor", [])) + "}",
            "{" + ", ".join(repr(float(v)) for v in s.get("long_factor", [])) + "}",
            repr(float(att)), repr(float(att64)),
            "{" + ", ".join(f"{float(v):.9g}" for v in inv32) + "}",
            "{" + ", ".join(f"{float(v):.14g}" for v in inv64) + "}", f"{rel:.3g}",
        ]
        lines.append("{" + ", ".join(fields) + "},")
    out = pathlib.Path(__file__).resolve().parent / "rope_scaling_reference.inc"
    out.write_text("\n".join(lines) + "\n")
    print(f"{len(lines) - 3} cases; largest relative difference float32 vs float64: {worst:.3g}")


if __name__ == "__main__":
    main()
