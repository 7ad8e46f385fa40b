#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# tree2seed.py DIR OUT: a --sysroot tree (a test fixture) as one input of
# the fuzz_sysroot target (the record format is in fuzz_sysroot.c).
import os
import stat
import sys

src, out = sys.argv[1], sys.argv[2]
recs = bytearray()


def rec(kind, rel, data):
    rel = rel.encode()
    if len(rel) > 255:
        return
    data = data[:65535]
    recs.extend(bytes([kind, len(rel)]) + rel + len(data).to_bytes(2, 'little') + data)


for root, dirs, files in os.walk(src):
    dirs.sort()
    for name in sorted(dirs) + sorted(files):
        path = os.path.join(root, name)
        rel = os.path.relpath(path, src)
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            rec(2, rel, os.readlink(path).encode())
        elif stat.S_ISDIR(st.st_mode):
            rec(1, rel, b'')
        elif stat.S_ISFIFO(st.st_mode):
            rec(3, rel, b'')
        elif stat.S_ISREG(st.st_mode):
            with open(path, 'rb') as f:
                rec(0, rel, f.read())
with open(out, 'wb') as f:
    f.write(recs)
