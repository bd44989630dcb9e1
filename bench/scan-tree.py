#!/usr/bin/env python3
"""Assembles the benchmark tree for bench/scan: real text files (no NUL in the first 8 KiB) copied from
/usr/share/dotnet and /usr/lib until at least TARGET_MB megabytes. Deterministic order. Never committed
(bench/out is git-ignored). Usage: bench/scan-tree.py OUT_DIR [TARGET_MB]"""
import os, shutil, sys
out = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 210) * 1024 * 1024
total = 0
for source in ("/usr/share/dotnet", "/usr/lib"):
    for root, dirs, files in os.walk(source):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                size = os.path.getsize(path)
                if size == 0 or size > 16 * 1024 * 1024:
                    continue
                with open(path, "rb") as f:
                    if b"\0" in f.read(8192):
                        continue
            except OSError:
                continue
            dest = os.path.join(out, source.strip("/").replace("/", "_"), os.path.relpath(path, source))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(path, dest)
            total += size
            if total >= target:
                print(f"{total / 1048576:.0f} MiB")
                sys.exit(0)
print(f"{total / 1048576:.0f} MiB (sources exhausted)")
