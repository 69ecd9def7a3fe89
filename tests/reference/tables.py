#!/usr/bin/env python3
"""Position-encoding tables made by other people's code, for identifyTable (cpp/schemes/identify).

Each table below is computed by a public function run as written, cut out of its file at the commit
named here (the script carries no copy: it reads the file from a git mirror, cuts the function or
class out with ast and runs it under Debian's torch 1.13, with small stubs for the imports it does
not use):

  tensor2tensor  tensorflow/tensor2tensor @ bafdc1b67730430d38d6ab802cbd51f9d053ba2e
                 tensor2tensor/layers/common_attention.py, get_timing_signal_1d
                 (TensorFlow is not packaged for Debian: its tf.* calls run on a stub that maps each
                 one to the torch float32 operation of the same meaning)
  fairseq        facebookresearch/fairseq @ 3d262bb25690e4eb2e7d3c1309b1e9c406ca4b99
                 fairseq/modules/sinusoidal_positional_embedding.py,
                 SinusoidalPositionalEmbedding.get_embedding
  GPT-J          huggingface/transformers @ c9de1097eed992fe205f876415e7a7cfaa06be50 (the main of the
                 JJJYmmm/transformers fork, upstream's commit), src/transformers/models/gptj/
                 modeling_gptj.py, create_sinusoidal_positions
  Llama (HF)     the same commit, src/transformers/models/llama/modeling_llama.py,
                 LlamaRotaryEmbedding (its forward: cos and sin), with
                 src/transformers/modeling_rope_utils.py, _compute_llama3_parameters
  Meta Llama     meta-llama/llama @ 689c7f261b9c5514636ecc3c5fefefcbb3e6eed7, llama/model.py,
                 precompute_freqs_cis (its complex64 result saved as two real tensors, cos and sin)

Run (the mirrors are git directories, as the project's fetch tool writes them):

    apt-get install -y python3-torch python3-numpy      # Debian 12: torch 1.13
    /usr/bin/python3 tests/reference/tables.py --mirror /work/.mirror

It writes tests/reference/tables/*.npy and *.safetensors (committed, < 1 MB in all, so the tests
need no torch) and tables.json: for each file what made it and what identifyTable must say.
"""
import argparse
import ast
import contextlib
import json
import math
import pathlib
import struct
import subprocess
import textwrap
import typing

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "tables"

SOURCES = {
    "t2t": ("tensorflow/tensor2tensor", "bafdc1b67730430d38d6ab802cbd51f9d053ba2e",
            "tensor2tensor/layers/common_attention.py"),
    "fairseq": ("facebookresearch/fairseq", "3d262bb25690e4eb2e7d3c1309b1e9c406ca4b99",
                "fairseq/modules/sinusoidal_positional_embedding.py"),
    "gptj": ("huggingface/transformers", "c9de1097eed992fe205f876415e7a7cfaa06be50",
             "src/transformers/models/gptj/modeling_gptj.py"),
    "llama_hf": ("huggingface/transformers", "c9de1097eed992fe205f876415e7a7cfaa06be50",
                 "src/transformers/models/llama/modeling_llama.py"),
    "rope_utils": ("huggingface/transformers", "c9de1097eed992fe205f876415e7a7cfaa06be50",
                   "src/transformers/modeling_rope_utils.py"),
    "llama_meta": ("meta-llama/llama", "689c7f261b9c5514636ecc3c5fefefcbb3e6eed7", "llama/model.py"),
}
MIRRORS = {"huggingface/transformers": "JJJYmmm+transformers"}


def source(mirror, key):
    repo, commit, path = SOURCES[key]
    folder = pathlib.Path(mirror) / MIRRORS.get(repo, repo.replace("/", "+")) / "repo"
    return subprocess.run(["git", "-C", str(folder), "show", f"{commit}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def cut(text, name, cls=None):
    """The source of function `name` (in class `cls`, or the class `name` itself), undecorated."""
    tree = ast.parse(text)
    body = tree.body
    if cls:
        body = next(n for n in body if isinstance(n, ast.ClassDef) and n.name == cls).body
    node = next(n for n in body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == name)
    lines = text.splitlines()[node.lineno - 1:node.end_lineno]
    return textwrap.dedent("\n".join(lines))


def run(code, namespace, name):
    exec(compile(code, name, "exec"), namespace)
    return namespace[name]


class Tf:
    """The tf.* calls get_timing_signal_1d makes, each the torch float32 operation of that name."""
    float32 = torch.float32

    @staticmethod
    def range(n):
        return torch.arange(int(n), dtype=torch.int32)

    @staticmethod
    def to_float(x):
        return torch.as_tensor(x).to(torch.float32)

    maximum = staticmethod(lambda a, b: torch.maximum(torch.as_tensor(a), torch.as_tensor(b, dtype=torch.float32)))
    exp = staticmethod(torch.exp)
    sin = staticmethod(torch.sin)
    cos = staticmethod(torch.cos)
    expand_dims = staticmethod(lambda x, axis: torch.unsqueeze(x, axis))
    concat = staticmethod(lambda xs, axis: torch.cat(xs, dim=axis))
    mod = staticmethod(lambda a, b: a % b)

    @staticmethod
    def pad(x, paddings):
        (top, bottom), (left, right) = paddings
        return torch.nn.functional.pad(x, (int(left), int(right), int(top), int(bottom)))

    @staticmethod
    def reshape(x, shape):
        return torch.reshape(x, [int(s) for s in shape])


class Config:
    """The attributes LlamaRotaryEmbedding and the rope functions read from a LlamaConfig."""

    def __init__(self, head_dim, rope_parameters, max_position_embeddings=131072):
        self.head_dim = head_dim
        self.hidden_size = head_dim * 32
        self.num_attention_heads = 32
        self.rope_parameters = rope_parameters
        self.max_position_embeddings = max_position_embeddings

    def standardize_rope_params(self):
        pass


def write_npy(path, array, descr=None):
    array = np.ascontiguousarray(array)
    np.save(path, array)
    if descr:  # rewrite the dtype text (bfloat16 bits as '<u2')
        assert array.dtype == np.uint16


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, (dtype, array) in tensors.items():
        data = np.ascontiguousarray(array).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def bf16_bits(t):
    return t.to(torch.bfloat16).view(torch.int16).numpy().view(np.uint16)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mirror", required=True, help="folder of git mirrors (<owner>+<name>/repo)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    manifest = []

    def record(file, made_by, expect):
        manifest.append({"file": file, "source": made_by, "expect": expect})

    # tensor2tensor: split sin | cos, exponent i / (h - 1); an odd width pads a zero column.
    t2t = run(cut(source(args.mirror, "t2t"), "get_timing_signal_1d"), {"tf": Tf, "math": math},
              "get_timing_signal_1d")
    for length, channels, start in ((128, 64, 0), (64, 33, 0), (96, 64, 5)):
        name = f"t2t_{length}x{channels}_start{start}.npy"
        write_npy(OUT / name, t2t(length, channels, start_index=start).numpy())
        record(name, "t2t", {"kind": "sinusoidal", "layout": "split", "frequencies": "tensor2tensor",
                             "base": 10000, "start": start,
                             **({"odd": "zero_column"} if channels % 2 else {})})

    # fairseq: the same table, positions from 0 with the padding row zeroed; the rows a model reads
    # start at padding_idx + 1 = 2.
    ns = {"torch": torch, "math": math, "Optional": typing.Optional}
    get_embedding = run(cut(source(args.mirror, "fairseq"), "get_embedding", "SinusoidalPositionalEmbedding"),
                        ns, "get_embedding")
    table = get_embedding(130, 64, 1).numpy()
    write_npy(OUT / "fairseq_130x64_padding1.npy", table)
    record("fairseq_130x64_padding1.npy", "fairseq",
           {"kind": "sinusoidal", "layout": "split", "frequencies": "tensor2tensor", "base": 10000, "start": 0,
            "zero_row": 1})
    write_npy(OUT / "fairseq_positions_from2.npy", table[2:])
    record("fairseq_positions_from2.npy", "fairseq",
           {"kind": "sinusoidal", "layout": "split", "frequencies": "tensor2tensor", "base": 10000, "start": 2})

    # GPT-J: sin | cos with the paper's exponent (2i / d): a split sinusoidal table.
    gptj = run(cut(source(args.mirror, "gptj"), "create_sinusoidal_positions"), {"torch": torch},
               "create_sinusoidal_positions")
    write_npy(OUT / "gptj_128x64.npy", gptj(128, 64).numpy())
    record("gptj_128x64.npy", "gptj",
           {"kind": "sinusoidal", "layout": "split", "frequencies": "paper", "base": 10000, "start": 0})

    # Hugging Face Llama: cos and sin of cat(freqs, freqs) times attention_scaling, float32.
    rope_utils = source(args.mirror, "rope_utils")
    llama3 = run(cut(rope_utils, "_compute_llama3_parameters"),
                 {"torch": torch, "math": math, "Optional": typing.Optional, "PreTrainedConfig": object},
                 "_compute_llama3_parameters")
    ns = {"torch": torch, "nn": torch.nn, "Callable": typing.Callable, "Optional": typing.Optional,
          "LlamaConfig": Config, "ROPE_INIT_FUNCTIONS": {"llama3": llama3},
          "dynamic_rope_update": lambda f: f,
          "maybe_autocast": lambda **kw: contextlib.nullcontext()}
    Rotary = run(cut(source(args.mirror, "llama_hf"), "LlamaRotaryEmbedding"), ns, "LlamaRotaryEmbedding")

    def hf_tables(config, rows, bf16_inv_freq=False):
        rotary = Rotary(config)
        if bf16_inv_freq:  # the inv_freq buffer kept in bfloat16 (a model cast to bf16 whole)
            rotary.inv_freq = rotary.inv_freq.to(torch.bfloat16)
        x = torch.zeros(1, dtype=torch.float32)
        cos, sin = rotary(x, torch.arange(rows)[None, :])
        return cos[0], sin[0]

    default = Config(64, {"rope_type": "default", "rope_theta": 500000.0})
    cos, sin = hf_tables(default, 256)
    write_safetensors(OUT / "llama_hf_theta5e5_256x64.safetensors",
                      {"cos": ("F32", cos.numpy()), "sin": ("F32", sin.numpy())})
    expect = {"kind": "rope_cos", "theta": 500000, "pairing": "half", "rotaryDim": 64, "start": 0}
    record("llama_hf_theta5e5_256x64.safetensors", "llama_hf", {**expect, "tensor": "cos"})
    record("llama_hf_theta5e5_256x64.safetensors", "llama_hf",
           {**expect, "tensor": "sin", "kind": "rope_sin"})
    # float16 and bfloat16 copies of the same cos table
    write_npy(OUT / "llama_hf_cos_float16.npy", cos.half().numpy())
    record("llama_hf_cos_float16.npy", "llama_hf", {**expect, "precision": "float16"})
    write_npy(OUT / "llama_hf_cos_bfloat16_bits.npy", bf16_bits(cos))
    record("llama_hf_cos_bfloat16_bits.npy", "llama_hf", {**expect, "precision": "bfloat16", "bfloat16": True})
    write_safetensors(OUT / "llama_hf_cos_bf16.safetensors", {"cos": ("BF16", bf16_bits(cos))})
    record("llama_hf_cos_bf16.safetensors", "llama_hf", {**expect, "precision": "bfloat16"})
    # inv_freq kept in bfloat16 before the angles
    cos, _ = hf_tables(Config(64, {"rope_type": "default", "rope_theta": 10000.0}), 256, bf16_inv_freq=True)
    write_npy(OUT / "llama_hf_inv_freq_bf16_cos.npy", cos.numpy())
    record("llama_hf_inv_freq_bf16_cos.npy", "llama_hf",
           {"kind": "rope_cos", "against_theta": 10000, "diagnosis": "id_inv_freq_rounded"})
    # Llama 3.1's llama3 scaling (its config's rope_scaling), head_dim 128, 768 rows: the pairs in
    # and after the band turn enough to be measured.
    l31 = Config(128, {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0, "low_freq_factor": 1.0,
                       "high_freq_factor": 4.0, "original_max_position_embeddings": 8192})
    cos, _ = hf_tables(l31, 768)
    write_npy(OUT / "llama31_hf_cos_768x128.npy", cos.numpy())
    record("llama31_hf_cos_768x128.npy", "llama_hf",
           {"kind": "rope_cos", "theta": 500000, "pairing": "half", "rotaryDim": 128, "start": 0,
            "scaling": "llama3", "factor": 8})

    # Meta's llama: complex freqs_cis, one column per frequency (its pairs interleave when applied).
    pfc = run(cut(source(args.mirror, "llama_meta"), "precompute_freqs_cis"), {"torch": torch},
              "precompute_freqs_cis")
    freqs_cis = pfc(128, 256)
    write_safetensors(OUT / "llama_meta_freqs_cis_256x64.safetensors",
                      {"freqs_cis.real": ("F32", freqs_cis.real.contiguous().numpy()),
                       "freqs_cis.imag": ("F32", freqs_cis.imag.contiguous().numpy())})
    expect = {"kind": "rope_cos", "theta": 10000, "pairing": None, "rotaryDim": 128, "start": 0}
    record("llama_meta_freqs_cis_256x64.safetensors", "llama_meta", {**expect, "tensor": "freqs_cis.real"})
    record("llama_meta_freqs_cis_256x64.safetensors", "llama_meta",
           {**expect, "tensor": "freqs_cis.imag", "kind": "rope_sin"})

    sources = {k: {"repository": r, "commit": c, "path": p} for k, (r, c, p) in SOURCES.items()}
    with open(OUT / "tables.json", "w") as f:
        json.dump({"sources": sources, "tables": manifest}, f, indent=1)
        f.write("\n")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(list(OUT.iterdir()))} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()
