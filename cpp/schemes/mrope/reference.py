#!/usr/bin/env python3
"""Reference values for multimodal RoPE (cpp/schemes/mrope/, cpp/schemes/axial/).

The code that computes them is not ours; this script carries no copy of it. It reads the files, cuts
each function or class out of them at run time (dedented, compiled with `from __future__ import
annotations` so the type hints are not evaluated) and runs it as written under torch, with a
stand-in `self` holding only the config values the function reads:

- Hugging Face transformers @ a7f29523361b2cc12e51c1f5133d95f122f6f45c (2025-12-24, the last commit
  of 2025: the code the released Qwen-VL checkpoints were served with through 2025):
  src/transformers/models/qwen2_vl/modeling_qwen2_vl.py (get_rope_index, apply_multimodal_rotary_pos_emb,
  rotate_half, VisionRotaryEmbedding, rot_pos_emb), models/qwen2_5_vl/modeling_qwen2_5_vl.py
  (get_rope_index with tokens_per_second and second_per_grid_ts), models/qwen3_vl/modeling_qwen3_vl.py
  (get_rope_index, apply_interleaved_mrope, Qwen3VLVisionRotaryEmbedding, rot_pos_emb).
- The same files @ c281a2de8998e66e93fac30a236225528531df9b (2026-02-24, "Unify 3D position ids",
  #43972) and @ c9de1097ee (2026-05-08, after #45400 "Fix Qwen2.5VL temporal grid positions"):
  get_rope_index and get_vision_position_ids, run on the cases with a video to record where the
  rewrite differs (`rewrite` and `latest` in the output; not what the engine computes).
- black-forest-labs/flux: src/flux/math.py (rope) and src/flux/modules/layers.py (EmbedND) @
  1f71c43 (2024-08-01, rope in float64) and @ 802fb47 (HEAD, rope in the ids' dtype since
  4343061, 2025-01-31; FLUX's sampling makes float32 ids). einops is not packaged for Debian's
  python: `rearrange(out, "b n d (i j) -> b n d i j", i=2, j=2)` is a reshape of the last axis into
  (2, 2), given as that. The angles are read where rope makes them: the namespace's torch.einsum
  records its result (the float64 or float32 angles) and returns it unchanged.

The transformers files come from a fork carrying upstream's history (JJJYmmm/transformers); FLUX from
its repository (the project's search tool's `fetch` puts both under /work/.mirror):

    apt-get install -y python3-torch python3-numpy     # Debian 12: torch 1.13
    /usr/bin/python3 cpp/schemes/mrope/reference.py \
        --transformers /work/.mirror/JJJYmmm+transformers/repo --flux /work/.mirror/black-forest-labs+flux/repo

It writes cpp/schemes/mrope/mrope_reference.json and cpp/schemes/mrope/mrope_reference.inc (the same
values for the doctest), and cpp/schemes/axial/axial_reference.json / axial_reference.inc.
"""
import __future__
import argparse
import json
import pathlib
import re
import subprocess
import textwrap
import types

import torch
import torch.nn as nn

TRANSFORMERS = "huggingface/transformers"
SERVED = "a7f29523361b2cc12e51c1f5133d95f122f6f45c"
REWRITE = "c281a2de8998e66e93fac30a236225528531df9b"
LATEST = "c9de1097ee"  # JJJYmmm/transformers' main = upstream of 2026-05-08, after "Fix Qwen2.5VL temporal grid positions"
FLUX = "black-forest-labs/flux"
FLUX_FLOAT64 = "1f71c43"
FLUX_HEAD = "802fb47"
MODEL_FILES = {
    "qwen2-vl": "src/transformers/models/qwen2_vl/modeling_qwen2_vl.py",
    "qwen2.5-vl": "src/transformers/models/qwen2_5_vl/modeling_qwen2_5_vl.py",
    "qwen3-vl": "src/transformers/models/qwen3_vl/modeling_qwen3_vl.py",
}
# The released checkpoints' config.json token ids (Qwen2-VL to Qwen3-VL share them).
IMAGE, VIDEO, VISION_START, VISION_END, TEXT = 151655, 151656, 151652, 151653, 100

HERE = pathlib.Path(__file__).resolve().parent
SCHEMES = HERE.parent


def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True, capture_output=True,
                          text=True).stdout


def cut(text, name, kind="def"):
    """The source of `def name(` or `class name(` as the file has it, dedented."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*{kind} {re.escape(name)}\b", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
                                or lines[end].lstrip().startswith(")")):  # a signature's closing line
        end += 1
    return textwrap.dedent("".join(lines[start:end]))


def run_source(source, namespace, label):
    flags = __future__.annotations.compiler_flag
    exec(compile(source, label, "exec", flags=flags, dont_inherit=True), namespace)


def namespace_for():
    import itertools
    from typing import Optional, Union
    return {"torch": torch, "nn": nn, "Optional": Optional, "Union": Union, "itertools": itertools}


def load_functions(text, names, label, classes=()):
    ns = namespace_for()
    for name in classes:
        run_source(cut(text, name, "class"), ns, label)
    for name in names:
        run_source(cut(text, name), ns, label)
    return ns


# --- prompts as the processor lays them out ---------------------------------------------------------

def layout(model, segments, merge):
    """input_ids, image_grid_thw, video_grid_thw, second_per_grid_ts, mm_token_type_ids for segments."""
    ids, types_, images, videos, seconds = [], [], [], [], []

    def add(token, kind=0):
        ids.append(token)
        types_.append(kind)

    for s in segments:
        if "text" in s:
            for _ in range(s["text"]):
                add(TEXT)
        elif "image" in s:
            t, h, w = s["image"]
            images.append([t, h, w])
            add(VISION_START)
            for _ in range(t * h * w // merge // merge):
                add(IMAGE, 1)
            add(VISION_END)
        else:
            t, h, w = s["video"]
            videos.append([t, h, w])
            seconds.append(s.get("secondPerGridT", 1.0))
            if model == "qwen3-vl":  # per temporal step: timestamp text, <vision_start>, frame, <vision_end>
                for _ in range(t):
                    for _ in range(s.get("timestampTokens", 0)):
                        add(TEXT)
                    add(VISION_START)
                    for _ in range(h * w // merge // merge):
                        add(VIDEO, 2)
                    add(VISION_END)
            else:
                add(VISION_START)
                for _ in range(t * h * w // merge // merge):
                    add(VIDEO, 2)
                add(VISION_END)
    return (torch.tensor([ids]), torch.tensor(images) if images else None, torch.tensor(videos) if videos else None,
            torch.tensor(seconds) if seconds else None, torch.tensor([types_]))


def fake_self(merge, tokens_per_second, ns):
    vision = types.SimpleNamespace(spatial_merge_size=merge, tokens_per_second=tokens_per_second)
    config = types.SimpleNamespace(vision_config=vision, image_token_id=IMAGE, video_token_id=VIDEO,
                                   vision_start_token_id=VISION_START, vision_end_token_id=VISION_END)
    me = types.SimpleNamespace(config=config)
    if "get_vision_position_ids" in ns:
        me.get_vision_position_ids = types.MethodType(ns["get_vision_position_ids"], me)
    return me


CASES = [
    ("text only", [{"text": 7}]),
    ("one image", [{"text": 3}, {"image": [1, 4, 6]}, {"text": 4}]),
    ("two images of different shapes", [{"text": 2}, {"image": [1, 4, 6]}, {"text": 3}, {"image": [1, 8, 2]},
                                        {"text": 2}]),
    ("an image first", [{"image": [1, 6, 4]}, {"text": 3}]),
    ("an odd grid (3 x 5 merged)", [{"text": 1}, {"image": [1, 6, 10]}, {"text": 2}]),
    ("a tall image, then text longer than its side", [{"text": 2}, {"image": [1, 14, 2]}, {"text": 9}]),
    ("video at 2 fps (1 s per grid step)", [{"text": 2}, {"video": [4, 4, 4], "secondPerGridT": 1.0,
                                                          "timestampTokens": 3}, {"text": 3}]),
    ("video at 4 fps (0.5 s per grid step)", [{"text": 2}, {"video": [4, 4, 4], "secondPerGridT": 0.5,
                                                            "timestampTokens": 3}, {"text": 3}]),
    ("video at 1 fps (2 s per grid step)", [{"text": 2}, {"video": [3, 4, 6], "secondPerGridT": 2.0,
                                                          "timestampTokens": 2}, {"text": 3}]),
    ("video at 4/3 fps (1.5 s per grid step)", [{"text": 1}, {"video": [3, 2, 2], "secondPerGridT": 1.5,
                                                              "timestampTokens": 1}, {"text": 2}]),
    ("image, video, image", [{"text": 1}, {"image": [1, 2, 4]}, {"video": [2, 4, 2], "secondPerGridT": 1.0,
                                                                  "timestampTokens": 2}, {"text": 1},
                             {"image": [1, 6, 6]}, {"text": 2}]),
    ("a video first, no timestamp text", [{"video": [2, 2, 4], "secondPerGridT": 1.0, "timestampTokens": 0},
                                          {"text": 2}]),
    ("merge size 1", [{"text": 2}, {"image": [1, 3, 5]}, {"text": 2}], 1),
    ("an image of two frames", [{"text": 2}, {"image": [2, 4, 4]}, {"text": 2}]),
    ("a long video, then text", [{"text": 1}, {"video": [6, 2, 4], "secondPerGridT": 1.0, "timestampTokens": 1},
                                 {"text": 4}]),
]


def rope_index(model, commit_text, segments, merge, tokens_per_second, rewrite, commit=None):
    label = f"{MODEL_FILES[model]}@{(commit or (REWRITE if rewrite else SERVED))[:8]}"
    names = ["get_rope_index"] + (["get_vision_position_ids"] if rewrite else [])
    ns = load_functions(commit_text, names, label)
    me = fake_self(merge, tokens_per_second, ns)
    input_ids, images, videos, seconds, mm_types = layout(model, segments, merge)
    kwargs = {"image_grid_thw": images, "video_grid_thw": videos}
    if model == "qwen2.5-vl":
        kwargs["second_per_grid_ts"] = seconds
    if rewrite:
        kwargs["mm_token_type_ids"] = mm_types
    position_ids, deltas = ns["get_rope_index"](me, input_ids, **kwargs)
    return position_ids[:, 0, :].tolist(), int(deltas.reshape(-1)[0])


def mrope_cases(repo):
    served = {m: git_show(repo, SERVED, f) for m, f in MODEL_FILES.items()}
    rewritten = {m: git_show(repo, REWRITE, f) for m, f in MODEL_FILES.items()}
    latest = {m: git_show(repo, LATEST, f) for m, f in MODEL_FILES.items()}
    out = []
    for case in CASES:
        name, segments = case[0], case[1]
        merge = case[2] if len(case) > 2 else 2
        for model in MODEL_FILES:
            for tps in ([2, 25] if model == "qwen2.5-vl" and any("video" in s for s in segments) else [2]):
                ids, delta = rope_index(model, served[model], segments, merge, tps, False)
                entry = {"name": name, "model": model, "spatialMergeSize": merge, "tokensPerSecond": tps,
                         "segments": segments, "positionIds": ids, "ropeDelta": delta}
                # Every case through the rewrite too: where it differs (videos) and where it does not.
                for key, texts, commit in (("rewrite", rewritten, REWRITE), ("latest", latest, LATEST)):
                    try:
                        new_ids, new_delta = rope_index(model, texts[model], segments, merge, tps, True, commit)
                        entry[key] = {"commit": commit, "positionIds": new_ids, "ropeDelta": new_delta}
                    except Exception as error:  # noqa: BLE001 - the rewrite's own failure is the result
                        entry[key] = {"commit": commit, "error": f"{type(error).__name__}: {error}"}
                out.append(entry)
    return out


# --- which axis each rotary dimension reads ---------------------------------------------------------

def mrope_axes(repo):
    q2 = load_functions(git_show(repo, SERVED, MODEL_FILES["qwen2-vl"]),
                        ["rotate_half", "apply_multimodal_rotary_pos_emb"], "qwen2_vl")
    q3 = load_functions(git_show(repo, SERVED, MODEL_FILES["qwen3-vl"]), ["apply_interleaved_mrope"], "qwen3_vl")
    out = []
    for head_dim, section, interleaved in [(128, [16, 24, 24], False), (128, [24, 20, 20], True),
                                           (128, [16, 24, 24], True), (128, [24, 20, 20], False),
                                           (80, [8, 16, 16], False), (64, [12, 10, 10], True),
                                           (16, [2, 3, 3], True), (8, [0, 2, 2], True)]:
        if interleaved:
            # freqs (3, bs, seq, head_dim / 2) with every value its axis; the rotary embedding's
            # forward then doubles the pairs: emb = torch.cat((freqs, freqs), dim=-1).
            freqs = torch.arange(3, dtype=torch.float32).view(3, 1, 1, 1).expand(3, 1, 1, head_dim // 2).clone()
            pairs = q3["apply_interleaved_mrope"](None, freqs, section)
            axes = torch.cat((pairs, pairs), dim=-1)[0, 0].long().tolist()
        else:
            # cos (3, bs, seq, head_dim) with every value its axis, sin 0, q all ones: q_embed = the
            # chosen cos, so each dimension shows the axis it reads.
            cos = torch.arange(3, dtype=torch.float32).view(3, 1, 1, 1).expand(3, 1, 1, head_dim)
            q = torch.ones(1, 1, 1, head_dim)
            q_embed, _ = q2["apply_multimodal_rotary_pos_emb"](q, q, cos, torch.zeros_like(cos), list(section))
            axes = q_embed[0, 0, 0].long().tolist()
        out.append({"headDim": head_dim, "mropeSection": section, "interleaved": interleaved, "axes": axes})
    return out


# --- the vision tower's 2-D RoPE ----------------------------------------------------------------------

def vision_angles(repo):
    out = []
    for model, cls, head_dim in [("qwen2-vl", "VisionRotaryEmbedding", 80), ("qwen3-vl", "Qwen3VLVisionRotaryEmbedding", 72)]:
        text = git_show(repo, SERVED, MODEL_FILES[model])
        ns = load_functions(text, ["rot_pos_emb"], model, classes=[cls])
        for grid, merge, theta in [([1, 4, 6], 2, 10000.0), ([2, 6, 4], 2, 10000.0), ([1, 2, 2], 2, 10000.0),
                                   ([1, 6, 9], 3, 10000.0), ([1, 12, 20], 2, 10000.0), ([1, 4, 4], 2, 500.0)]:
            me = types.SimpleNamespace(spatial_merge_size=merge)
            me.rotary_pos_emb = ns[cls](head_dim // 2, theta)  # as the vision model's __init__: head_dim // 2
            table = ns["rot_pos_emb"](me, torch.tensor([grid]))
            out.append({"model": model, "headDim": head_dim, "theta": theta, "grid": grid, "spatialMergeSize": merge,
                        "shape": list(table.shape), "angles": [float(v) for v in table.reshape(-1).tolist()]})
    return out


# --- FLUX's axial RoPE --------------------------------------------------------------------------------

class RecordingTorch:
    """torch, except that einsum keeps what it returns (rope's angles) in `angles`."""

    def __init__(self):
        self.angles = []

    def __getattr__(self, name):
        return getattr(torch, name)

    def einsum(self, *args):
        out = torch.einsum(*args)
        self.angles.append(out.clone())
        return out


def rearrange(tensor, pattern, i, j):
    assert pattern == "b n d (i j) -> b n d i j"
    return tensor.reshape(*tensor.shape[:-1], i, j)


def flux_angles(repo):
    cases = [
        ([16, 56, 56], 10000, [[0, 0, 0], [0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 2], [0, 2, 2], [0, 63, 63]]),
        ([16, 56, 56], 10000, [[1, 0, 0], [1, 3, 5], [0, 0.5, 7.25], [0, 1000, 4095]]),
        ([8, 8], 256, [[0, 0], [1, 1], [2, 3], [-4, 5]]),
        ([32, 32, 32, 32], 10000, [[3, 1, 4, 1], [5, 9, 2, 6]]),
    ]
    out = []
    for commit, dtype in [(FLUX_FLOAT64, torch.float64), (FLUX_HEAD, torch.float32)]:
        math_text = git_show(repo, commit, "src/flux/math.py")
        layers_text = git_show(repo, commit, "src/flux/modules/layers.py")
        for axes_dim, theta, ids in cases:
            recorder = RecordingTorch()
            ns = {"torch": recorder, "Tensor": torch.Tensor, "nn": nn, "rearrange": rearrange}
            run_source(cut(math_text, "rope"), ns, f"src/flux/math.py@{commit}")
            run_source(cut(layers_text, "EmbedND", "class"), ns, f"src/flux/modules/layers.py@{commit}")
            embed = ns["EmbedND"](dim=sum(axes_dim), theta=theta, axes_dim=axes_dim)
            pe = embed(torch.tensor([ids], dtype=dtype))  # (1, 1, tokens, sum/2, 2, 2)
            angles = torch.cat([a.reshape(len(ids), -1) for a in recorder.angles], dim=-1)  # tokens x sum/2
            out.append({"commit": commit, "dtype": str(dtype), "axesDim": axes_dim, "theta": theta, "ids": ids,
                        "angles": [float(v) for v in angles.reshape(-1).tolist()],
                        "cos": [float(v) for v in pe[0, 0, :, :, 0, 0].reshape(-1).tolist()],
                        "sin": [float(v) for v in pe[0, 0, :, :, 1, 0].reshape(-1).tolist()]})
    return out


# --- output ---------------------------------------------------------------------------------------------

def cpp_list(values, kind):
    if kind == "int":
        return ", ".join(str(int(v)) for v in values)
    return ", ".join(repr(float(v)) for v in values)


def write_mrope(cases, axes):
    folder = SCHEMES / "mrope"
    data = {"source": {"repository": TRANSFORMERS, "commit": SERVED, "rewrite": REWRITE, "latest": LATEST,
                       "files": MODEL_FILES, "generator": "cpp/schemes/mrope/reference.py"},
            "positionIds": cases, "axes": axes}
    (folder / "mrope_reference.json").write_text(json.dumps(data, indent=None, separators=(",", ":")) + "\n")
    lines = ["// Generated by cpp/schemes/mrope/reference.py from huggingface/transformers @ " + SERVED + ".",
             "// Do not edit: rerun the script. mrope_reference.json holds the same values.", "#pragma once",
             "#include <vector>", "namespace pe::mrope_reference {", "struct Segment { int kind; int t, h, w;"
             " double second_per_grid_t; int timestamp_tokens; };  // kind 0 text (t = count), 1 image, 2 video",
             "struct Case { const char* name; const char* model; int merge; int tokens_per_second;"
             " std::vector<Segment> segments; std::vector<int> ids; int delta;",
             "  // @ c9de1097 (revision 2026): empty where that code failed",
             "  std::vector<int> latest_ids; int latest_delta; };",
             "inline const std::vector<Case> kCases = {"]
    for c in cases:
        segs = []
        for s in c["segments"]:
            if "text" in s:
                segs.append(f"{{0, {s['text']}, 0, 0, 0, 0}}")
            elif "image" in s:
                segs.append("{1, %d, %d, %d, 0, 0}" % tuple(s["image"]))
            else:
                segs.append("{2, %d, %d, %d, %r, %d}" % (*s["video"], float(s.get("secondPerGridT", 1.0)),
                                                          s.get("timestampTokens", 0)))
        flat = [v for row in c["positionIds"] for v in row]
        latest = [v for row in c["latest"].get("positionIds", []) for v in row]
        lines.append(f'    {{"{c["name"]}", "{c["model"]}", {c["spatialMergeSize"]}, {c["tokensPerSecond"]}, '
                     f'{{{", ".join(segs)}}}, {{{cpp_list(flat, "int")}}}, {c["ropeDelta"]}, '
                     f'{{{cpp_list(latest, "int")}}}, {c["latest"].get("ropeDelta", 0)}}},')
    lines += ["};", "struct Axes { int head_dim; int section[3]; bool interleaved; std::vector<int> axes; };",
              "inline const std::vector<Axes> kAxes = {"]
    for a in axes:
        lines.append(f'    {{{a["headDim"]}, {{{cpp_list(a["mropeSection"], "int")}}}, '
                     f'{"true" if a["interleaved"] else "false"}, {{{cpp_list(a["axes"], "int")}}}}},')
    lines += ["};", "}  // namespace pe::mrope_reference", ""]
    (folder / "mrope_reference.inc").write_text("\n".join(lines))


def write_axial(vision, flux):
    folder = SCHEMES / "axial"
    folder.mkdir(exist_ok=True)
    data = {"source": {"vision": {"repository": TRANSFORMERS, "commit": SERVED, "files": MODEL_FILES},
                       "flux": {"repository": FLUX, "commits": [FLUX_FLOAT64, FLUX_HEAD],
                                "files": ["src/flux/math.py", "src/flux/modules/layers.py"]},
                       "generator": "cpp/schemes/mrope/reference.py"}, "vision": vision, "flux": flux}
    (folder / "axial_reference.json").write_text(json.dumps(data, separators=(",", ":")) + "\n")
    lines = ["// Generated by cpp/schemes/mrope/reference.py: vision rot_pos_emb from huggingface/transformers @ " + SERVED,
             "// (float32, as the model), FLUX EmbedND / rope from black-forest-labs/flux @ 1f71c43 (float64)",
             "// and @ 802fb47 (float32 ids). Do not edit: rerun the script.", "#pragma once", "#include <string>",
             "#include <vector>", "namespace pe::axial_reference {",
             "struct Vision { const char* model; int head_dim; double theta; int grid[3]; int merge;",
             "                int rows, cols; std::vector<double> angles; };", "inline const std::vector<Vision> kVision = {"]
    for v in vision:
        lines.append(f'    {{"{v["model"]}", {v["headDim"]}, {v["theta"]!r}, {{{cpp_list(v["grid"], "int")}}}, '
                     f'{v["spatialMergeSize"]}, {v["shape"][0]}, {v["shape"][1]}, {{{cpp_list(v["angles"], "f")}}}}},')
    lines += ["};", "struct Flux { const char* commit; bool float64; std::vector<int> axes_dim; double theta;",
              "              std::vector<double> ids; std::vector<double> angles; };",
              "inline const std::vector<Flux> kFlux = {"]
    for f in flux:
        ids = [v for row in f["ids"] for v in row]
        lines.append(f'    {{"{f["commit"]}", {"true" if f["dtype"] == "torch.float64" else "false"}, '
                     f'{{{cpp_list(f["axesDim"], "int")}}}, {float(f["theta"])!r}, {{{cpp_list(ids, "f")}}}, '
                     f'{{{cpp_list(f["angles"], "f")}}}}},')
    lines += ["};", "}  // namespace pe::axial_reference", ""]
    (folder / "axial_reference.inc").write_text("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--transformers", required=True, help="a git directory holding upstream transformers")
    parser.add_argument("--flux", required=True, help="a git directory of black-forest-labs/flux")
    args = parser.parse_args()
    cases = mrope_cases(args.transformers)
    axes = mrope_axes(args.transformers)
    write_mrope(cases, axes)
    write_axial(vision_angles(args.transformers), flux_angles(args.flux))
    for c in cases:
        for key in ("rewrite", "latest"):
            if key in c and c[key].get("positionIds") != c["positionIds"]:
                print(f'{key} differs: {c["model"]} tps {c["tokensPerSecond"]}: {c["name"]}', c[key].get("error", ""))
    print(f"{len(cases)} position-id cases, {len(axes)} axis layouts")


if __name__ == "__main__":
    main()
