"""In-process load time of the whole dataset, cold (a fresh interpreter each run, no cache).

    python benchmarks/load_time.py [runs]

Prints the median and range of: importing spacefacts.dataset, and parsing plus indexing every
data file (Dataset.load_all). Each run is a new process, so nothing is warm but the OS file cache.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

PROBE = """
import time
t0 = time.perf_counter()
from spacefacts import dataset
t1 = time.perf_counter()
dataset.load().load_all()
t2 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True)
        a, b = (float(x) for x in out.stdout.split())
        imports.append(a)
        loads.append(b)
    for name, values in (("import spacefacts.dataset", imports), ("load_all (parse + index)", loads)):
        print(
            f"{name:28} median {statistics.median(values):6.1f} ms  (min {min(values):.1f}, max {max(values):.1f})"
        )


if __name__ == "__main__":
    main()
