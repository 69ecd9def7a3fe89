#!/usr/bin/env python3
"""Reference values for T5's bucketed relative position bias (cpp/schemes/t5/t5_test.cpp).

The code that computes them is not ours: it is T5Attention._relative_position_bucket of Hugging Face
transformers, src/transformers/models/t5/modeling_t5.py at huggingface/transformers @
6b8b757dfcb582379a64f013cdce46c43629f2b0, run as written under torch. This script does not carry a copy:
it reads that file (or the part of it holding the method), cuts the method out of it at run time, and
runs it. Get the file at that commit (a checkout of the repository, or its text as the project's
search tool's read_file gives it: the values committed were made from that text, the repository
being too large to fetch whole) and pass its path:

    apt-get install -y python3-torch python3-numpy      # Debian 12: torch 1.13
    /usr/bin/python3 cpp/schemes/t5/reference.py --source path/to/modeling_t5.py

It writes cpp/schemes/t5/t5_reference.inc (committed, so the tests need no torch): for each setting
(bidirectional, num_buckets, max_distance) the buckets of every relative position from -W to W,
W = max(5000, max_distance + 1) (so every boundary: farther, every bucket is the last), and of a set of
far ones up to +-10^9, run-length encoded (value, count, value, count, ...); the settings where the
reference raises or returns buckets outside [0, num_buckets); and one (queries x keys) matrix made as
compute_bias makes it (memory_position - context_position). Settings: the named ones below and a grid
of every bucket count from 2 to 40 with several max_distances each.
"""
import argparse
import hashlib
import math
import pathlib
import random
import re
import textwrap

import torch

REPOSITORY = "huggingface/transformers"
PATH = "src/transformers/models/t5/modeling_t5.py"
COMMIT = "6b8b757dfcb582379a64f013cdce46c43629f2b0"

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "t5_reference.inc"

# (num_buckets, max_distance), each bidirectional and not: T5, Flan-T5 and mT5 (32, 128); others
# wider, narrower, odd, one far-reaching; and many buckets over long distances, where boundaries are
# dense enough that float32 and float64 arithmetic put some distances in different buckets.
NAMED = [(32, 128), (64, 256), (16, 64), (8, 16), (2, 4), (33, 128), (7, 16), (128, 1024), (32, 1000000),
         (1024, 100000), (2048, 65536), (4096, 1000000)]


def grid():
    """Every bucket count from 2 to 40, each with max_distances just above its exact buckets, at small
    multiples of them and at common values, and settings at or below the exact buckets (where the
    reference divides by log(1) = 0 or by a negative log)."""
    out = []
    for num_buckets in range(2, 41):
        for bidirectional in (True, False):
            exact = (num_buckets // 2 if bidirectional else num_buckets) // 2
            for max_distance in sorted({exact + 1, 2 * exact + 1, 3 * exact, 100, 1000} - {0}):
                if (num_buckets, max_distance) not in NAMED:
                    out.append((bidirectional, num_buckets, max_distance))
    return out + [(True, 32, 8), (True, 32, 4), (False, 32, 16), (False, 32, 3), (True, 40, 10)]


# Beyond max_distance every bucket is num_buckets - 1 (per direction): each case covers every relative
# position from -W to W, W = max(NEAR, max_distance + 1), so every boundary, then the far ones.
NEAR = 5000
MATRIX = (40, 300)  # queries, keys


def load_reference(source):
    """The method's source as the file has it, dedented, compiled into a function."""
    lines = pathlib.Path(source).read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"\s*def _relative_position_bucket\(", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    text = textwrap.dedent("".join(lines[start:end]))
    namespace = {"torch": torch, "math": math}
    exec(compile(text, f"{PATH}@{COMMIT[:8]}", "exec"), namespace)  # the library's own code
    return namespace["_relative_position_bucket"], hashlib.sha256(text.encode()).hexdigest()


def far_positions():
    """Relative positions beyond +-NEAR: powers of 2 and 10 and their neighbours, float32's integer
    limits, +-10^9, and seeded random ones at every scale."""
    out = set()
    for p in range(12, 30):
        for d in (-1, 0, 1):
            out.add(2**p + d)
    for p in range(4, 10):
        for d in (-1, 0, 1):
            out.add(10**p + d)
    out.update([2**24 + 1, 2**24 + 3, 999999999, 1000000000, 123456789, 7 * 10**8 + 1])
    rng = random.Random(5)
    for _ in range(120):
        out.add(int(10 ** rng.uniform(math.log10(NEAR + 1), 9)))
    out = {v for v in out if NEAR < v <= 10**9}
    return sorted(-v for v in out) + sorted(out)


def runs(values):
    out = []
    for v in values:
        if out and out[-2] == v:
            out[-1] += 1
        else:
            out += [v, 1]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True, help=f"{PATH} of {REPOSITORY} @ {COMMIT}")
    parser.add_argument("--output", default=str(DEFAULT_OUT))
    args = parser.parse_args()
    bucket, digest = load_reference(args.source)

    far = far_positions()
    settings = [(b, n, d) for b in (True, False) for n, d in NAMED] + grid()
    cases, refused = [], []
    for bidirectional, num_buckets, max_distance in settings:
        window = max(NEAR, max_distance + 1)
        beyond = [p for p in far if abs(p) > window]
        rel = torch.tensor(list(range(-window, window + 1)) + beyond, dtype=torch.long)
        try:
            got = bucket(rel, bidirectional=bidirectional, num_buckets=num_buckets, max_distance=max_distance)
        except Exception as error:  # the reference refuses this setting itself
            refused.append((bidirectional, num_buckets, max_distance, f"raises {type(error).__name__}: {error}"))
            continue
        got = got.tolist()
        bad = [b for b in got if not 0 <= b < num_buckets]
        if bad:
            refused.append((bidirectional, num_buckets, max_distance,
                            f"returns {len(bad)} of {len(got)} buckets outside [0, {num_buckets}), e.g. {bad[0]}"))
            continue
        cases.append((bidirectional, num_buckets, max_distance, window, got))

    # compute_bias's relative_position: memory_position - context_position, (query_length, key_length).
    queries, keys = MATRIX
    context = torch.arange(queries, dtype=torch.long)[:, None]
    memory = torch.arange(keys, dtype=torch.long)[None, :]
    matrices = []
    for bidirectional in (True, False):
        m = bucket(memory - context, bidirectional=bidirectional, num_buckets=32, max_distance=128)
        assert tuple(m.shape) == (queries, keys)
        matrices.append((bidirectional, m.flatten().tolist()))

    def ints(values, per_line=16):
        rows = [", ".join(str(v) for v in values[i : i + per_line]) for i in range(0, len(values), per_line)]
        return "\n    ".join(r + "," for r in rows)

    out = [
        "// Generated by cpp/schemes/t5/reference.py: do not edit.",
        f"// {REPOSITORY} {PATH}",
        f"// @ {COMMIT}:",
        "// T5Attention._relative_position_bucket run as written (cut from the file at run time; the",
        f"// method's text has sha256 {digest}) under torch {torch.__version__}.",
        "// Each case: the buckets of every relative position from -window to window, then of those",
        "// kFarPositions beyond the window, run-length encoded (value, count, value, count, ...).",
        "#pragma once",
        "",
        "#include <cstdint>",
        "#include <span>",
        "",
        "namespace pe::t5_reference {",
        "",
        f"inline constexpr std::int64_t kFarPositions[] = {{\n    {ints(far, 6)}\n}};",
        "",
        "struct Case {",
        "  bool bidirectional;",
        "  int num_buckets;",
        "  double max_distance;",
        "  std::int64_t window;",
        "  std::span<const int> runs;",
        "};",
    ]
    for n, (bidirectional, num_buckets, max_distance, window, got) in enumerate(cases):
        out.append(f"inline constexpr int kRuns{n}[] = {{{', '.join(str(v) for v in runs(got))}}};")
    out += ["inline constexpr Case kCases[] = {"]
    for n, (bidirectional, num_buckets, max_distance, window, _) in enumerate(cases):
        out.append(f"    {{{str(bidirectional).lower()}, {num_buckets}, {max_distance}, {window}, kRuns{n}}},")
    out += ["};", "", "// Settings the reference itself refuses, or answers with buckets outside [0, num_buckets).",
            "struct Refused {", "  bool bidirectional;", "  int num_buckets;", "  double max_distance;",
            "  const char* reference;", "};", "inline constexpr Refused kRefused[] = {"]
    for bidirectional, num_buckets, max_distance, what in refused:
        out.append(f"    {{{str(bidirectional).lower()}, {num_buckets}, {max_distance}, \"{what}\"}},")
    out += ["};", "", f"// compute_bias's matrix: {queries} queries x {keys} keys, num_buckets 32, max_distance 128.",
            f"inline constexpr int kMatrixQueries = {queries}, kMatrixKeys = {keys};"]
    for bidirectional, values in matrices:
        name = "kMatrixBidirectional" if bidirectional else "kMatrixCausal"
        out.append(f"inline constexpr int {name}[] = {{\n    {ints(runs(values))}\n}};")
    out += ["", "}  // namespace pe::t5_reference", ""]
    pathlib.Path(args.output).write_text("\n".join(out), encoding="utf-8")
    total = sum(len(c[4]) for c in cases)
    print(f"wrote {args.output}: {len(cases)} cases, {total} buckets; {len(refused)} settings refused; "
          f"method sha256 {digest}; torch {torch.__version__}")


if __name__ == "__main__":
    main()
