"""pe-export --scheme sincos2d: the patches' table, against MAE's get_2d_sincos_pos_embed
(facebookresearch/mae, util/pos_embed.py @a9f5c701) written out in float64 here: x (the column) in the
first half; bad arguments get the core's messages and exit 2.

Run: python3 cpp/schemes/grid2d/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
"""
import math
import os
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "cli"))
from npy import read_npy, runner  # noqa: E402

run = runner(EXE)


class Sincos2dExport(unittest.TestCase):
    def test_csv_puts_x_first(self):
        out = run("--scheme", "sincos2d", "--d-model", 8, "--grid-height", 2, "--grid-width", 3)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = [[float(x) for x in line.split(",")] for line in out.stdout.decode().split()]
        self.assertEqual(len(rows), 6)
        # patch (row 0, column 2): x = 2 in the first half, y = 0 in the second
        want = [math.sin(2), math.sin(2 / 100), math.cos(2), math.cos(2 / 100), 0, 0, 1, 1]
        for got, w in zip(rows[2], want):
            self.assertAlmostEqual(got, w, delta=1e-7)

    def test_npy_with_the_class_token_starts_with_a_zero_row(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "grid.npy")
            out = run("--scheme", "sincos2d", "--d-model", 8, "--grid-height", 2, "--grid-width", 2,
                      "--cls-token", "true", "--output", path)
            self.assertEqual(out.returncode, 0, out.stderr)
            with open(path, "rb") as f:
                descr, shape, v = read_npy(f.read())
        self.assertEqual((descr, shape), ("<f4", (5, 8)))
        self.assertEqual(v[:8], [0.0] * 8)
        self.assertAlmostEqual(v[8 + 8 + 0], math.sin(1), delta=1e-7)  # patch (0, 1): x = 1

    def test_help_has_the_scheme_and_its_flags(self):
        out = run("--help").stdout.decode()
        for text in ["--scheme sincos2d", "--grid-height", "--grid-width", "--cls-token"]:
            self.assertIn(text, out)

    def test_bad_arguments(self):
        cases = [
            (["--d-model", 6, "--grid-height", 2, "--grid-width", 2], "d_model must be a multiple of 4; got 6"),
            (["--d-model", 8, "--grid-height", 2], "--grid-width is required"),
            (["--d-model", 8, "--grid-height", 2, "--grid-width", 2, "--base", 1e13],
             "base must be at most 1000000000000; got 10000000000000"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run("--scheme", "sincos2d", *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())
                self.assertEqual(out.stdout, b"")


if __name__ == "__main__":
    unittest.main(verbosity=1)
