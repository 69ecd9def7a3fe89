"""pe-export --identify: tables made by other people's code are named as that code computes them.

The tables are tests/reference/tables/*, written by tests/reference/tables.py, which runs the public
code as written (tables.json says which: repository, commit, file, function): tensor2tensor's
get_timing_signal_1d (tensorflow/tensor2tensor @ bafdc1b67730430d38d6ab802cbd51f9d053ba2e), fairseq's
SinusoidalPositionalEmbedding.get_embedding (facebookresearch/fairseq @
3d262bb25690e4eb2e7d3c1309b1e9c406ca4b99), GPT-J's create_sinusoidal_positions and Llama's
LlamaRotaryEmbedding (huggingface/transformers @ c9de1097eed992fe205f876415e7a7cfaa06be50), Meta's
precompute_freqs_cis (meta-llama/llama @ 689c7f261b9c5514636ecc3c5fefefcbb3e6eed7).

Run: python3 cpp/schemes/identify/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
"""
import json
import os
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
TABLES = os.path.join(ROOT, "tests", "reference", "tables")
sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
from npy import runner  # noqa: E402

run = runner(EXE)
MANIFEST = json.load(open(os.path.join(TABLES, "tables.json"), encoding="utf-8"))

LLAMA2 = {"model_type": "llama", "hidden_size": 4096, "num_attention_heads": 32, "num_hidden_layers": 2,
          "max_position_embeddings": 4096, "rope_theta": 10000.0}
LLAMA31 = dict(LLAMA2, max_position_embeddings=131072, rope_theta=500000.0,
               rope_scaling={"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                             "original_max_position_embeddings": 8192, "rope_type": "llama3"})


def identify(name, *args):
    out = run("--identify", os.path.join(TABLES, name), "--json", *args)
    if out.returncode != 0:
        raise AssertionError(out.stderr.decode())
    return json.loads(out.stdout)


def kinds(result):
    return [d["kind"] for d in result["diagnosis"]]


class Reference(unittest.TestCase):
    def test_every_table_is_named_as_its_code_computes_it(self):
        self.assertGreaterEqual(len(MANIFEST["tables"]), 15)
        for entry in MANIFEST["tables"]:
            expect = entry["expect"]
            with self.subTest(file=entry["file"], tensor=expect.get("tensor")):
                args = []
                if "tensor" in expect:
                    args += ["--tensor", expect["tensor"]]
                if expect.get("bfloat16"):
                    args += ["--bfloat16", "true"]
                r = identify(entry["file"], *args)
                self.assertEqual(r["kind"], expect["kind"])
                self.assertIsNotNone(r["best"])
                o = r["best"]["options"]
                for key in ("layout", "frequencies", "base", "start", "odd", "theta", "pairing", "rotaryDim"):
                    if key in expect:
                        self.assertEqual(o[key], expect[key], key)
                if "scaling" in expect:
                    self.assertEqual(o["scaling"]["rope_type"], expect["scaling"])
                    self.assertEqual(o["scaling"]["factor"], expect["factor"])
                elif r["best"]["scheme"] == "rope":
                    self.assertNotIn("scaling", o)
                if "precision" in expect:
                    found = [d for d in r["diagnosis"] if d["kind"] == "id_precision"]
                    self.assertEqual(found[0]["args"]["format"], expect["precision"])
                if "zero_row" in expect:
                    found = [d for d in r["diagnosis"] if d["kind"] == "id_zero_rows"]
                    self.assertEqual(found[0]["args"]["row"], expect["zero_row"])
                if "diagnosis" in expect:
                    self.assertIn(expect["diagnosis"], kinds(r))
                if "against_theta" in expect:
                    self.assertEqual(o["theta"], expect["against_theta"])
                self.assertLess(r["best"]["maxError"], 3e-3 if "precision" in expect else 1e-4)

    def test_the_other_exponent_rule_is_a_candidate_and_says_why(self):
        r = identify("t2t_128x64_start0.npy")
        self.assertEqual(r["best"]["options"]["frequencies"], "tensor2tensor")
        other = [c for c in r["candidates"] if c["options"]["frequencies"] == "paper"
                 and c["options"]["layout"] == "split"]
        self.assertAlmostEqual(other[0]["options"]["base"], 10000 ** (32 / 31), delta=1)
        self.assertIn("id_same_table", kinds(r))


class Against(unittest.TestCase):
    def config(self, content):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "config.json")
        with open(path, "w") as f:
            json.dump(content, f)
        return path

    def test_a_config_that_matches_gives_no_diagnosis(self):
        r = identify("llama31_hf_cos_768x128.npy", "--config", self.config(LLAMA31))
        self.assertEqual(kinds(r), [])
        self.assertIsNone(r["firstDifference"])

    def test_llama3_scaling_dropped_and_theta(self):
        r = identify("llama31_hf_cos_768x128.npy", "--config", self.config(LLAMA2))
        self.assertIn("id_theta", kinds(r))
        self.assertIn("id_scaling_extra", kinds(r))
        self.assertIsNotNone(r["firstDifference"])
        r = identify("llama_hf_theta5e5_256x64.safetensors", "--tensor", "cos", "--against",
                     json.dumps({"theta": 50000, "rotaryDim": 64}))
        theta = [d for d in r["diagnosis"] if d["kind"] == "id_theta"][0]
        self.assertEqual(theta["args"]["ratio"], 0.1)

    def test_inv_freq_in_bfloat16_and_fairseqs_offset(self):
        r = identify("llama_hf_inv_freq_bf16_cos.npy", "--against", json.dumps({"theta": 10000, "rotaryDim": 64}))
        self.assertIn("id_inv_freq_rounded", kinds(r))
        r = identify("fairseq_positions_from2.npy", "--against",
                     json.dumps({"layout": "split", "frequencies": "tensor2tensor"}))
        self.assertEqual(kinds(r), ["id_same_table", "id_offset"])
        self.assertEqual(r["firstDifference"]["row"], 0)

    def test_text_output_and_help(self):
        out = run("--identify", os.path.join(TABLES, "gptj_128x64.npy"))
        self.assertEqual(out.returncode, 0)
        self.assertIn("kind: sinusoidal", out.stdout.decode())
        self.assertIn("--identify", run("--help").stdout.decode())


class Bad(unittest.TestCase):
    def test_bad_files_and_flags_name_the_field_and_exit_2(self):
        folder = tempfile.mkdtemp()
        truncated = os.path.join(folder, "t.npy")
        with open(os.path.join(TABLES, "gptj_128x64.npy"), "rb") as f:
            data = f.read()
        with open(truncated, "wb") as f:
            f.write(data[:1000])
        cases = [
            (["--identify", truncated], "data: the file has 1000 bytes; 32896 are needed"),
            (["--identify", os.path.join(TABLES, "llama_hf_theta5e5_256x64.safetensors")],
             "tensor: the file holds 2 tensors (cos, sin); name one"),
            (["--identify", os.path.join(TABLES, "llama_hf_cos_bfloat16_bits.npy")], "pass bfloat16: true"),
            (["--identify", os.path.join(TABLES, "gptj_128x64.npy"), "--layer-type", "x"],
             "--layer-type needs --config"),
            (["--identify", os.path.join(TABLES, "gptj_128x64.npy"), "--against", "{}"], "against must be"),
            (["--identify", os.path.join(TABLES, "gptj_128x64.npy"), "--bfloat16", "yes"],
             'bfloat16 must be true or false; got "yes"'),
            (["--identify", "/nonexistent.npy"], "cannot open"),
            (["--scheme", "identify"], "--scheme identify writes no table"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run(*args)
                self.assertEqual(out.returncode, 2, out.stdout)
                self.assertIn(message, out.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
