"""pe-export: its formats carry the engine's numbers, and bad arguments give the core's messages, exit 2.

Run: python3 tests/cli/test_pe_export.py path/to/pe-export   (standard library only)
Reference values: Python's math module in float64, the paper's formula written out here.
"""
import json
import math
import os
import re
import struct
import subprocess
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"


def run(*args):
    return subprocess.run([EXE, *map(str, args)], capture_output=True)


def reference(pos, d, base=10000.0):
    return [math.sin(pos / base ** (2 * (j // 2) / d)) if j % 2 == 0 else math.cos(pos / base ** (2 * (j // 2) / d))
            for j in range(d)]


class Formats(unittest.TestCase):
    def test_csv_to_stdout_matches_float64(self):
        out = run("--d-model", 6, "--positions", 40, "--start", 100)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = out.stdout.decode().strip().split("\n")
        self.assertEqual(len(rows), 40)
        for r, line in enumerate(rows):
            values = [float(v) for v in line.split(",")]
            for got, want in zip(values, reference(100 + r, 6)):
                self.assertAlmostEqual(got, want, delta=1e-6)

    def test_npy_file_header_and_values(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "pe.npy")
            out = run("--d-model", 4, "--positions", 3, "--output", path)
            self.assertEqual(out.returncode, 0, out.stderr)
            data = open(path, "rb").read()
        self.assertEqual(data[:8], b"\x93NUMPY\x01\x00")
        header_len = struct.unpack("<H", data[8:10])[0]
        header = data[10:10 + header_len].decode("latin1")
        self.assertIn("'shape': (3, 4)", header)
        self.assertEqual((10 + header_len) % 64, 0)
        values = struct.unpack("<12f", data[10 + header_len:])
        # d = 4, position 1 (float64, Python math): [0.841471, 0.540302, 0.00999983, 0.99995]
        for got, want in zip(values[4:8], [0.8414709848078965, 0.5403023058681398, 0.009999833334166664, 0.9999500004166653]):
            self.assertAlmostEqual(got, want, delta=1e-7)

    def test_json_carries_parameters(self):
        out = run("--d-model", 3, "--positions", 2, "--layout", "split", "--frequencies", "tensor2tensor",
                  "--format", "json")
        self.assertEqual(out.returncode, 0, out.stderr)
        doc = json.loads(out.stdout)
        self.assertEqual((doc["d_model"], doc["positions"], doc["layout"], doc["frequencies"]),
                         (3, 2, "split", "tensor2tensor"))
        # d = 3: one pair with omega = 1 (max(h - 1, 1) = 1), split = [sin, cos], then the zero column.
        self.assertAlmostEqual(doc["data"][1][0], math.sin(1), delta=1e-7)
        self.assertAlmostEqual(doc["data"][1][1], math.cos(1), delta=1e-7)
        self.assertEqual(doc["data"][1][2], 0)

    def test_help(self):
        out = run("--help")
        self.assertEqual(out.returncode, 0)
        self.assertIn(b"Usage: pe-export", out.stdout)


def read_npy(path):
    with open(path, "rb") as f:
        data = f.read()
    header_len = struct.unpack("<H", data[8:10])[0]
    header = data[10:10 + header_len].decode("latin1")
    body = data[10 + header_len:]
    return header, struct.unpack("<%df" % (len(body) // 4), body)


class Schemes(unittest.TestCase):
    """RoPE (the scheme folders test their own: cpp/schemes/*/cli_test.py). References: Python math in
    float64, with Hugging Face's rope tables (cat(freqs, freqs); GPT-J's repeat_interleave)."""

    def export(self, *args):
        tmp = tempfile.mkdtemp()
        path = os.path.join(tmp, "t.npy")
        out = run(*args, "--output", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        return read_npy(path)

    def test_rope_cos_sin_tables_half_and_interleaved(self):
        header, v = self.export("--scheme", "rope", "--head-dim", 8, "--positions", 3)
        self.assertIn("'shape': (2, 3, 8)", header)
        inv = [1 / 10000 ** (2 * i / 8) for i in range(4)]
        # cos table, row 2 (position 2): [cos(2 w0..w3), cos(2 w0..w3)]
        for j in range(8):
            self.assertAlmostEqual(v[2 * 8 + j], math.cos(2 * inv[j % 4]), delta=1e-7)
            self.assertAlmostEqual(v[24 + 2 * 8 + j], math.sin(2 * inv[j % 4]), delta=1e-7)
        header, v = self.export("--scheme", "rope", "--head-dim", 8, "--positions", 3, "--pairing", "interleaved")
        for j in range(8):
            self.assertAlmostEqual(v[2 * 8 + j], math.cos(2 * inv[j // 2]), delta=1e-7)

    def test_rope_partial_rotary_has_rotary_dim_columns(self):
        header, _ = self.export("--scheme", "rope", "--head-dim", 64, "--rotary-dim", 16, "--positions", 5)
        self.assertIn("'shape': (2, 5, 16)", header)

    def test_help_lists_every_scheme_and_generated_flags(self):
        out = run("--help").stdout.decode()
        for text in ["--scheme rope", "--head-dim", "--rotary-dim"]:
            self.assertIn(text, out)


class BadArguments(unittest.TestCase):
    CASES = [
        (["--d-model", 0, "--positions", 1], "d_model must be an integer from 1 to 8192; got 0"),
        (["--d-model", "abc", "--positions", 1], 'd_model must be a number; got "abc"'),
        (["--d-model", 8, "--positions", 1.5], "positions must be an integer from 1 to 1048576; got 1.5"),
        (["--d-model", 8, "--positions", 1, "--base", 1], "base must be a finite number greater than 1; got 1"),
        (["--d-model", 8, "--positions", 1, "--layout", "zigzag"],
         'layout must be one of interleaved, split, split_cos_first; got "zigzag"'),
        (["--d-model", 8, "--positions", 1, "--format", "xlsx"], 'format must be one of npy, csv, json; got "xlsx"'),
        (["--d-model", 8192, "--positions", 4096], "positions x d_model must be at most 16777216 values"),
        (["--d-model", 8, "--positions", 1, "--bogus", 1], "unknown option --bogus"),
        (["--positions", 1], "--d-model is required"),
        (["--d-model", 8, "--positions"], "--positions needs a value"),
        (["--scheme", "xpos"], 'scheme must be one of sinusoidal, alibi, '),
        (["--scheme", "rope", "--head-dim", 7], "head_dim must be even; got 7"),
        (["--scheme", "rope", "--head-dim", 8, "--format", "csv"], "use --format npy"),
        (["--scheme", "rope", "--head-dim", 8, "--d-model", 8], "unknown option --d-model for --scheme rope"),
    ]

    def test_an_unknown_scheme_is_told_every_scheme_of_the_table(self):
        schemes = re.findall(r"^--scheme (\w+):", run("--help").stdout.decode(), re.M)
        self.assertGreaterEqual(len(schemes), 4)
        out = run("--scheme", "xpos")
        self.assertIn(f'scheme must be one of {", ".join(schemes)}; got "xpos"', out.stderr.decode())

    def test_each_bad_argument_gives_its_message_and_exit_2(self):
        for args, message in self.CASES:
            with self.subTest(args=args):
                out = run(*args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())
                self.assertEqual(out.stdout, b"")


# meta-llama/Llama-3.1-8B's config.json (its RoPE keys and layer count), as published on the Hub.
LLAMA31 = {"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "num_hidden_layers": 32,
           "max_position_embeddings": 131072, "rope_theta": 500000.0,
           "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                            "original_max_position_embeddings": 8192, "rope_type": "llama3"}}


def llama3_inv_freq(theta, dim, factor, low, high, old):
    """_compute_llama3_parameters of huggingface/transformers src/transformers/modeling_rope_utils.py
    (JJJYmmm/transformers @ c9de1097eed992fe205f876415e7a7cfaa06be50, upstream main of 2026-05-08),
    transcribed in float64 (the library computes in float32)."""
    out = []
    for i in range(dim // 2):
        inv = 1 / theta ** (2 * i / dim)
        wavelen = 2 * math.pi / inv
        w = inv / factor if wavelen > old / low else inv
        if not wavelen < old / high and not wavelen > old / low:
            smooth = (old / wavelen - low) / (high - low)
            w = (1 - smooth) * w / factor + smooth * w
        out.append(w)
    return out


class Config(unittest.TestCase):
    """pe-export --config: the page's reading of a config.json (pe.ropeFromConfig), and its tables."""

    def write(self, config):
        tmp = tempfile.mkdtemp()
        path = os.path.join(tmp, "config.json")
        with open(path, "w") as f:
            f.write(config if isinstance(config, str) else json.dumps(config))
        return tmp, path

    def test_reading_as_json_matches_the_library_and_the_tables_match_the_reading(self):
        tmp, path = self.write(LLAMA31)
        out = run("--config", path, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        r = json.loads(out.stdout)
        self.assertEqual((r["headDim"], r["rotaryDim"], r["theta"], r["ropeType"]), (128, 128, 500000, "llama3"))
        self.assertEqual([w["kind"] for w in r["warnings"]], ["warn_llama3_dropped"])
        want = llama3_inv_freq(500000.0, 128, 8.0, 1.0, 4.0, 8192)
        for got, w in zip(r["invFreq"], want):
            self.assertLessEqual(abs(got - w), 1e-12 * w)
        npy = os.path.join(tmp, "t.npy")
        out = run("--config", path, "--positions", 5, "--start", 1000, "--output", npy)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn(b"warn_llama3_dropped", out.stdout)  # the reading is printed too
        header, v = read_npy(npy)
        self.assertIn("'shape': (2, 5, 128)", header)
        # Hugging Face's cat(freqs, freqs): column j uses pair j % 64; row r is position 1000 + r.
        for r_ in (0, 4):
            for j in (0, 5, 63, 64, 100, 127):
                angle = (1000 + r_) * want[j % 64]
                self.assertAlmostEqual(v[r_ * 128 + j], math.cos(angle), delta=2e-6)
                self.assertAlmostEqual(v[5 * 128 + r_ * 128 + j], math.sin(angle), delta=2e-6)

    def test_text_reading_names_the_layer_types_and_warnings(self):
        _, path = self.write(LLAMA31)
        out = run("--config", path)
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout.decode()
        self.assertIn("layer type full_attention", text)
        self.assertIn("rope_type llama3, theta 500000, head_dim 128, rotary_dim 128", text)
        self.assertIn("[warn_llama3_dropped]", text)

    def test_bad_configs_give_the_pages_messages(self):
        cases = [
            ('{"rope_theta": ', "jsonText is not valid JSON: line 1, column 16 (in rope_theta)"),
            ({"model_type": "llama", "head_dim": 128, "partial_rotary_factor": 0.01},
             "head_dim × partial_rotary_factor (128 × 0.01 → 1) must be an integer from 2 to 128; got 1"),
            ({"model_type": "bert"}, "this config has no RoPE"),
        ]
        for config, message in cases:
            with self.subTest(config=config):
                _, path = self.write(config)
                out = run("--config", path)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())
        _, path = self.write(LLAMA31)
        for args, message in [
            (["--layer-type", "sliding_attention"], '--layer-type must be one of full_attention; got "sliding_attention"'),
            (["--sequence-length", "x"], "--sequence-length must be a number"),
            (["--sequence-length", 0.5], "sequence_length must be an integer"),
            (["--format", "csv"], "--config writes .npy only"),
            (["--head-dim", 8], "unknown option --head-dim for --config"),
        ]:
            with self.subTest(args=args):
                out = run("--config", path, *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())
        out = run("--config", "/nonexistent/config.json")
        self.assertEqual(out.returncode, 2)
        self.assertIn("cannot open /nonexistent/config.json", out.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
