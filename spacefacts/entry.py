"""The `spacefacts` console script: everyday invocations fast, the rest through the full CLI."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from spacefacts import commands

    try:
        code = commands.fast_completion()
        if code is None:
            code = commands.fast(sys.argv[1:])
        if code is None:
            from spacefacts.cli import main as full

            full()
            return
    except BrokenPipeError:
        # The reader went away (`| head`): silence the flush at exit and stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
