"""Dataclass methods compiled ahead (spacefacts.classcode, spacefacts/classcode.store)."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from spacefacts import classcode

ROOT = Path(__file__).resolve().parents[1]
STORE = classcode.read()
needs_store = pytest.mark.skipif(STORE is None, reason="classcode.store was built by another Python")


def test_the_store_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_classcode.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@needs_store
def test_every_stored_code_is_what_compiling_its_text_makes() -> None:
    assert STORE is not None
    checked = 0
    for module, blob in STORE.items():
        for source, code in marshal.loads(blob).items():
            assert code == compile(source, "<string>", "exec", dont_inherit=True), (module, source[:80])
            checked += 1
    assert checked > 200  # the records, query results and Rich's own: hundreds of methods


@needs_store
def test_a_run_of_every_module_compiles_no_dataclass_method_of_ours() -> None:
    # A fresh Python, as a run is: every module of the package imported, then the misses counted.
    script = (
        "import importlib, pkgutil, spacefacts\n"
        "from spacefacts import classcode\n"
        "for i in pkgutil.walk_packages(spacefacts.__path__, 'spacefacts.'):\n"
        "    if not i.name.endswith('__main__'): importlib.import_module(i.name)\n"
        "import dataclasses\n"
        "assert isinstance(dataclasses.exec, classcode._Exec), 'not installed'\n"
        "print(sorted(m for m in classcode._INSTALLED[0].missed if m.startswith('spacefacts')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_store_for_another_python_or_a_damaged_one_is_not_used(tmp_path: Path) -> None:
    body = marshal.dumps({"m": marshal.dumps({"x = 1": compile("x = 1", "<string>", "exec")})})
    good = tmp_path / "good.store"
    good.write_bytes(classcode.header() + b"\n" + body)
    assert classcode.read(str(good)) is not None
    other = tmp_path / "other.store"
    other.write_bytes(classcode.header().replace(b"3.", b"2.", 1) + b"\n" + body)
    assert classcode.read(str(other)) is None
    torn = tmp_path / "torn.store"
    torn.write_bytes(classcode.header() + b"\n" + body[: len(body) // 2])
    assert classcode.read(str(torn)) is None
    assert classcode.read(str(tmp_path / "absent.store")) is None


def test_a_text_not_in_the_store_compiles_as_dataclasses_would() -> None:
    # The stand-in compiles a miss without this module's `from __future__ import annotations`:
    # the generated __init__ keeps real annotations, as under the plain `exec`.
    stand_in = classcode._Exec({})
    namespace: dict[str, object] = {}
    stand_in("def f(a: int) -> int:\n    return a\n", {"__name__": "t"}, namespace)
    f = namespace["f"]
    assert f.__annotations__ == {"a": int, "return": int}
    assert stand_in.missed == {"t"}
    stored = classcode._Exec({"t": marshal.dumps({"y = 2": compile("y = 3", "<string>", "exec")})})
    namespace = {}
    stored("y = 2", {"__name__": "t"}, namespace)
    assert namespace["y"] == 3 and stored.missed == set()  # the stored code is what runs
