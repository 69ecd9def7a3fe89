"""pe-export --scheme alibi: the (heads, positions, positions) bias, float32 .npy, against get_slopes() of
ofirpress/attention_with_linear_biases (fairseq/models/transformer.py @3b7c2eca), in float64 here; bad
arguments get the core's messages and exit 2.

Run: python3 cpp/schemes/alibi/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
"""
import os
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "cli"))
from npy import read_npy, runner  # noqa: E402

run = runner(EXE)


class AlibiExport(unittest.TestCase):
    def test_bias_for_twelve_heads(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "alibi.npy")
            out = run("--scheme", "alibi", "--heads", 12, "--positions", 3, "--output", path)
            self.assertEqual(out.returncode, 0, out.stderr)
            with open(path, "rb") as f:
                descr, shape, v = read_npy(f.read())
        self.assertEqual((descr, shape), ("<f4", (12, 3, 3)))
        slope8 = 2 ** -0.5  # head 8 of 12: every other slope of 16 heads (get_slopes)
        self.assertAlmostEqual(v[8 * 9 + 1 * 3 + 0], -slope8, delta=1e-7)  # query 1, key 0
        self.assertEqual(v[8 * 9 + 0 * 3 + 1], float("-inf"))  # key after query: masked

    def test_help_has_the_scheme_and_its_flags(self):
        out = run("--help").stdout.decode()
        for text in ["--scheme alibi", "--heads", "--causal", "--form", "(heads, positions, positions)"]:
            self.assertIn(text, out)

    def test_bad_arguments(self):
        cases = [
            (["--heads", 8, "--positions", 4, "--causal", "maybe"], 'causal must be true or false; got "maybe"'),
            (["--heads", 8], "--positions is required"),
            (["--heads", 8, "--positions", 4, "--format", "csv"], "use --format npy"),
            (["--heads", 1025, "--positions", 4], "heads must be an integer from 1 to 1024; got 1025"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run("--scheme", "alibi", *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())
                self.assertEqual(out.stdout, b"")


if __name__ == "__main__":
    unittest.main(verbosity=1)
