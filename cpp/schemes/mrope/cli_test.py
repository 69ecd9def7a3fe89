"""pe-export --scheme mrope: the (3, tokens) position ids as .npy ('<i4') or CSV, equal to get_rope_index's
(huggingface/transformers models/qwen2_vl, qwen2_5_vl, qwen3_vl modeling_*.py @
a7f29523361b2cc12e51c1f5133d95f122f6f45c, run under torch by cpp/schemes/mrope/reference.py into
mrope_reference.json).

Run: python3 cpp/schemes/mrope/cli_test.py path/to/pe-export   (standard library only; ctest runs it)
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
with open(os.path.join(HERE, "mrope_reference.json"), encoding="utf-8") as f:
    REFERENCE = json.load(f)


def spelled(segments):
    """The segments as pe-export spells them: text:N, image:TxHxW, video:TxHxW:seconds:timestamps."""
    out = []
    for s in segments:
        if "text" in s:
            out.append(f"text:{s['text']}")
        elif "image" in s:
            out.append("image:" + "x".join(map(str, s["image"])))
        else:
            out.append("video:" + "x".join(map(str, s["video"])) + f":{s['secondPerGridT']}:{s['timestampTokens']}")
    return ",".join(out)


class MropeExport(unittest.TestCase):
    def test_npy_is_int32_and_every_reference_prompt(self):
        cases = REFERENCE["positionIds"]
        self.assertGreater(len(cases), 40)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "ids.npy")
            for c in cases:
                with self.subTest(model=c["model"], name=c["name"], tps=c["tokensPerSecond"]):
                    out = run("--scheme", "mrope", "--model", c["model"], "--segments", spelled(c["segments"]),
                              "--spatial-merge-size", c["spatialMergeSize"], "--tokens-per-second",
                              c["tokensPerSecond"], "-o", path)
                    self.assertEqual(out.returncode, 0, out.stderr)
                    with open(path, "rb") as f:
                        descr, shape, values = read_npy(f.read())
                    self.assertEqual(descr, "<i4")
                    self.assertEqual(shape, (3, len(c["positionIds"][0])))
                    self.assertEqual(values, [v for row in c["positionIds"] for v in row])

    def test_revision_2026_is_the_rewritten_code(self):
        # text 2, video 4x4x4 at 1 s per step, text 3 (Qwen2-VL): the text after the video at 5, not 7.
        case = next(c for c in REFERENCE["positionIds"] if c["model"] == "qwen2-vl" and c["name"].startswith("video at 2 fps"))
        out = run("--scheme", "mrope", "--segments", spelled(case["segments"]), "--revision", "2026", "--format", "csv")
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = [[int(v) for v in line.split(",")] for line in out.stdout.decode().split()]
        self.assertEqual(rows, case["latest"]["positionIds"])
        self.assertNotEqual(rows, case["positionIds"])

    def test_csv_rows_are_t_h_w(self):
        out = run("--scheme", "mrope", "--segments", "text:1,image:1x2x4,text:1", "--format", "csv")
        self.assertEqual(out.returncode, 0, out.stderr)
        # <vision_start> at 1, the 1 x 2 merged grid from 2, <vision_end> at 2 + 1 + 1 = 4, text at 5.
        self.assertEqual(out.stdout.decode(), "0,1,2,2,4,5\n0,1,2,2,4,5\n0,1,2,3,4,5\n")

    def test_help_shows_the_scheme_its_flags_and_shape(self):
        out = run("--help").stdout.decode()
        for text in ["--scheme mrope", "--segments", "--model", "--spatial-merge-size", "--tokens-per-second",
                     "--revision", "(3, tokens) int32"]:
            self.assertIn(text, out)

    def test_bad_arguments_name_the_parameter_and_exit_2(self):
        cases = [
            (["--segments", "image:1x5x4"], "segments[0].image[1] (h) (spatialMergeSize 2) must be a multiple of 2"),
            (["--segments", "text:-3"], "segments[0].text must be an integer from 0 to 1048576; got -3"),
            (["--segments", "text:1048576,text:1"], "segments lay out 1048577 tokens; the cap is 1048576"),
            (["--segments", "picture:1x2x2"], 'segments must be text:N, image:TxHxW'),
            (["--segments", "image:1x2"], 'got "image:1x2"'),
            (["--model", "qwen2-vl-7b"], 'model must be one of qwen2-vl, qwen2.5-vl, qwen3-vl; got "qwen2-vl-7b"'),
            (["--spatial-merge-size", 0], "spatial_merge_size must be an integer from 1 to 16; got 0"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                out = run("--scheme", "mrope", *args)
                self.assertEqual(out.returncode, 2)
                self.assertIn(message, out.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
