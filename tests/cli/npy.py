"""Helpers for the scheme folders' pe-export tests (cpp/schemes/*/cli_test.py): standard library only.

    sys.path.insert(0, <repository>/tests/cli); from npy import read_npy, runner
"""
import re
import struct
import subprocess


def runner(exe):
    """run(*args): pe-export with these arguments (any values, made strings), its output captured."""
    return lambda *args: subprocess.run([exe, *map(str, args)], capture_output=True)


def read_npy(data):
    """(descr, shape, values) of an .npy file's bytes, '<i4' or '<f4', C order."""
    header_length = struct.unpack("<H", data[8:10])[0]
    header = data[10 : 10 + header_length].decode("latin1")
    shape = tuple(int(v) for v in re.search(r"'shape': \(([^)]*)\)", header).group(1).split(",") if v.strip())
    descr = re.search(r"'descr': '([^']*)'", header).group(1)
    body = data[10 + header_length :]
    return descr, shape, list(struct.unpack(f"<{len(body) // 4}{'i' if descr == '<i4' else 'f'}", body))
