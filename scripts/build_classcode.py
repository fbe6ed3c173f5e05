"""Write spacefacts/classcode.store, the dataclass methods compiled ahead (spacefacts.classcode).

    python scripts/build_classcode.py          # write it
    python scripts/build_classcode.py --check  # exit 1 if it is not current

Run it after adding or changing a dataclass (tests/test_classcode.py says when). In a fresh Python it
imports every module of the package and the Rich modules the render layer uses, records each text
dataclasses compiles, compiles it the same way, and stores the code per module, for this Python.
"""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacefacts import classcode  # noqa: E402

# The Rich modules spacefacts.render imports (inside its functions).
RICH = ("rich.console", "rich.table", "rich.text", "rich.markup")
# Whose dataclasses are stored: ours, and Rich's (Typer's only run on the slow path, --help).
KEPT = ("spacefacts.", "rich.")

RECORD = """
import dataclasses, importlib, json, pkgutil, sys
seen = {}
real_exec = exec
def recording(source, globals_=None, locals_=None, /):
    if isinstance(source, str):
        module = str(globals_.get("__name__")) if isinstance(globals_, dict) else ""
        seen.setdefault(module, []).append(source)
    real_exec(source, globals_, locals_)
dataclasses.exec = recording
import spacefacts
names = sorted(i.name for i in pkgutil.walk_packages(spacefacts.__path__, "spacefacts.") if not i.name.endswith("__main__"))
for name in [*names, *sys.argv[1:]]:
    importlib.import_module(name)
json.dump(seen, sys.stdout)
"""


def recorded() -> dict[str, list[str]]:
    """Every text dataclasses compiles while the package and Rich are imported, by module."""
    env = {**os.environ, "SPACEFACTS_NO_CLASSCODE": "1"}  # record what dataclasses itself compiles
    done = subprocess.run(
        [sys.executable, "-c", RECORD, *RICH], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    seen: dict[str, list[str]] = json.loads(done.stdout)
    return seen


def build() -> bytes:
    modules = {}
    for module, sources in sorted(recorded().items()):
        if not module.startswith(KEPT):
            continue
        codes = {source: compile(source, "<string>", "exec", dont_inherit=True) for source in sources}
        modules[module] = marshal.dumps(codes)
    return classcode.header() + b"\n" + marshal.dumps(modules)


def texts(raw: bytes) -> dict[str, set[str]] | None:
    """What a store answers for spacefacts' own modules (Rich's follow the installed Rich), or None
    if it is not for this Python."""
    first, _, body = raw.partition(b"\n")
    if first != classcode.header():
        return None
    stored = marshal.loads(body).items()
    return {module: set(marshal.loads(blob)) for module, blob in stored if module.startswith("spacefacts.")}


def main() -> None:
    target = Path(classcode.FILE)
    fresh = build()
    if "--check" in sys.argv[1:]:
        current = target.read_bytes() if target.exists() else b""
        if current and current.partition(b"\n")[0] != classcode.header():
            print(
                f"{target} was built by another Python ({current.partition(b' ')[2][:40]!r}...): not checked"
            )
            return
        # marshal's bytes can differ with object identity; the texts answered must not.
        if texts(current) != texts(fresh):
            sys.exit(f"{target} is not current for this Python: run python scripts/build_classcode.py")
        return
    target.write_bytes(fresh)
    print(f"wrote {target} ({len(fresh)} bytes)")


if __name__ == "__main__":
    main()
