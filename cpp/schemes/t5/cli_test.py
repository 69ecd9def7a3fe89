"""pe-export --scheme t5: the (queries, keys) bucket matrix as .npy ('<i4') or CSV, equal to the matrix of
T5Attention.compute_bias that t5_reference.inc holds (huggingface/transformers modeling_t5.py @
6b8b757dfcb582379a64f013cdce46c43629f2b0, run under torch by cpp/schemes/t5/reference.py).

Run: python3 cpp/schemes/t5/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
"""
import os
import re
import sys
import tempfile
import unittest

EXE = sys.argv.pop(1) if len(sys.argv) > 1 else "build/native/pe-export"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "cli"))
from npy import read_npy, runner  # noqa: E402

run = runner(EXE)


def reference_matrix(name):
    """kMatrixBidirectional / kMatrixCausal of t5_reference.inc: 40 x 300, run-length encoded."""
    text = open(os.path.join(HERE, "t5_reference.inc"), encoding="utf-8").read()
    body = re.search(name + r"\[\] = \{([^}]*)\}", text).group(1)
    runs = [int(v) for v in body.replace("\n", " ").split(",") if v.strip()]
    out = []
    for value, count in zip(runs[0::2], runs[1::2]):
        out += [value] * count
    return out


class T5Export(unittest.TestCase):
    def test_npy_is_int32_and_the_reference_matrix(self):
        for flag, name in (("true", "kMatrixBidirectional"), ("false", "kMatrixCausal")):
            with tempfile.TemporaryDirectory() as folder:
                path = os.path.join(folder, "t5.npy")
                out = run("--scheme", "t5", "--queries", 40, "--keys", 300, "--bidirectional", flag, "-o", path)
                self.assertEqual(out.returncode, 0, out.stderr)
                with open(path, "rb") as f:
                    descr, shape, values = read_npy(f.read())
            self.assertEqual(descr, "<i4")
            self.assertEqual(shape, (40, 300))
            self.assertEqual(values, reference_matrix(name))

    def test_csv_rows_are_queries(self):
        out = run("--scheme", "t5", "--queries", 3, "--keys", 4, "--num-buckets", 32, "--max-distance", 128,
                  "--format", "csv")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.decode(), "0,17,18,19\n1,0,17,18\n2,1,0,17\n")

    def test_help_shows_the_scheme_its_flags_and_shape(self):
        out = run("--help").stdout.decode()
        for text in ["--scheme t5", "--num-buckets", "--max-distance", "--bidirectional", "--queries", "--keys",
                     "(queries, keys) int32"]:
            self.assertIn(text, out)

    def test_bad_arguments_name_the_parameter_and_exit_2(self):
        cases = [
            (["--keys", 4], "--queries is required"),
            (["--queries", 4, "--keys", 4, "--num-buckets", 3], "num_buckets must be an integer from 4 to 4096; got 3"),
            (["--queries", 4, "--keys", 4, "--max-distance", 8],
             "max_distance must be greater than the exact buckets, a quarter of the buckets (8); got 8"),
            (["--queries", 4096, "--keys", 4097], "queries x keys must be at most 16777216"),
            (["--queries", 4, "--keys", 4, "--bidirectional", "yes"], 'bidirectional must be true or false; got "yes"'),
            (["--queries", 4, "--keys", 4, "--format", "json"], "--format json is for --scheme sinusoidal"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run("--scheme", "t5", *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
