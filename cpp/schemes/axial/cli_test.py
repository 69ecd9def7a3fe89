"""pe-export --scheme axial: FLUX's angles for its text and image ids, (tokens, sum(axes_dim) / 2) float32,
equal to EmbedND's (black-forest-labs/flux src/flux/math.py `rope`, src/flux/modules/layers.py `EmbedND`
@ 1f71c43, float64, run under torch by cpp/schemes/mrope/reference.py into axial_reference.json).

Run: python3 cpp/schemes/axial/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
"""
import json
import os
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "cli"))
from npy import read_npy, runner  # noqa: E402

run = runner(EXE)
with open(os.path.join(HERE, "axial_reference.json"), encoding="utf-8") as f:
    REFERENCE = json.load(f)


class AxialExport(unittest.TestCase):
    def test_npy_holds_embednd_angles_for_text_then_image_ids(self):
        # The first FLUX case: two text tokens (ids 0), then ids (0, r, c) among others; the export
        # makes text tokens, then a grid_height x grid_width image, so compare token by token by id.
        case = next(c for c in REFERENCE["flux"] if c["commit"] == "1f71c43" and c["axesDim"] == [16, 56, 56])
        pairs = sum(case["axesDim"]) // 2
        by_id = {tuple(ids): case["angles"][n * pairs : (n + 1) * pairs] for n, ids in enumerate(case["ids"])}
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "axial.npy")
            out = run("--scheme", "axial", "--grid-height", 3, "--grid-width", 3, "--text-tokens", 2, "-o", path)
            self.assertEqual(out.returncode, 0, out.stderr)
            with open(path, "rb") as f:
                descr, shape, values = read_npy(f.read())
        self.assertEqual(descr, "<f4")
        self.assertEqual(shape, (2 + 9, pairs))
        tokens = [(0, 0, 0)] * 2 + [(0, r, c) for r in range(3) for c in range(3)]
        compared = 0
        for n, ids in enumerate(tokens):
            if ids in by_id:
                got = values[n * pairs : (n + 1) * pairs]
                for a, b in zip(got, by_id[ids]):
                    self.assertLessEqual(abs(a - b), 1e-7 * max(1.0, abs(b)))
                compared += 1
        self.assertGreaterEqual(compared, 6)

    def test_csv_with_two_axes(self):
        out = run("--scheme", "axial", "--axes-dim", "2,4", "--theta", 100, "--grid-height", 1, "--grid-width", 2,
                  "--format", "csv")
        self.assertEqual(out.returncode, 0, out.stderr)
        # Token (0, 0): all 0; token (0, 1): axis 1 gets 1 x [1, 100^(-2/4) = 0.1].
        self.assertEqual(out.stdout.decode(), "0,0,0\n0,1,0.1\n")

    def test_bad_arguments_name_the_parameter_and_exit_2(self):
        cases = [
            (["--axes-dim", "16,55,57"], "axes_dim[1] must be an even integer from 2 to 4096; got 55"),
            (["--axes-dim", "16;56"], "axes_dim must be numbers separated by commas"),
            (["--theta", 0], "theta must be a finite number greater than 0; got 0"),
            (["--theta", 1e13], "theta must be at most 1000000000000; got 10000000000000"),
            (["--grid-height", 0], "grid_height must be an integer from 1 to 65536; got 0"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run("--scheme", "axial", *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
