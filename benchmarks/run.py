"""Time spacefacts against the baseline Typer + Rich app in one hyperfine run, and in-process loads.

    python benchmarks/run.py [--runs N] [--paired] [--rounds K]

Needs hyperfine (Debian: apt-get install hyperfine) and spacefacts installed in this Python's
environment. Prints each command's median wall time and its ratio to the baseline's median (the
goal is on that ratio), and the mean CPU time (user + system) with its ratio, which a busy
machine disturbs less. The dataset cache is warmed first, as it is for anyone who has run
spacefacts once; "first run after install" starts each run from an empty user folder.

The package's bytecode is compiled first and PYTHONDONTWRITEBYTECODE is dropped, as for an
installed wheel (without .pyc files every run would compile the sources). On a busy machine the
load drifts during the run, and a baseline timed once at the start misleads: `--paired` runs one
hyperfine per command with the baseline beside it, and takes each ratio to that baseline. `--rounds K` repeats the whole run K times (each pass takes
about a minute) and reports each command's median ratio over the passes, with the lowest and highest:
on a machine whose speed drifts (a shared host), one pass can catch a slow spell on one command.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SPACEFACTS = str(BIN / "spacefacts")
TABLE, JSON, MOTD, FIRST = 0.75, 0.55, 0.35, 2.0  # goals: ratio to the baseline app (issue 15)
FRESH = "{fresh}"  # replaced by an empty user folder, emptied before every run (no cache at all)
# (name, argv or shell command, goal). Every command with the options people use.
COMMANDS: list[tuple[str, str, float | None]] = [
    ("baseline Typer+Rich app", f"{sys.executable} {HERE / 'baseline_app.py'}", None),
    ("mission soyuz-ms-11", "mission soyuz-ms-11", TABLE),
    ("mission soyuz-ms-11 --json", "mission soyuz-ms-11 --json", JSON),
    ("mission soyuz-ms-11 --explain", "mission soyuz-ms-11 --explain", TABLE),
    ("crew apollo-11", "crew apollo-11", TABLE),
    ("person kononenko", "person kononenko", TABLE),
    ("person kononenko --json", "person kononenko --json", JSON),
    ("launches 2018", "launches 2018", TABLE),
    ("launches 2018 --json", "launches 2018 --json", JSON),
    ("launches 2018 --list", "launches 2018 --list", TABLE),
    ("launches 2018 --list --country US --json", "launches 2018 --list --country US --json", JSON),
    ("launches 2018 --explain", "launches 2018 --explain", TABLE),
    ("stats", "stats", TABLE),
    ("stats --json", "stats --json", JSON),
    ("search apollo", "search apollo", TABLE),
    ("search apollo --json", "search apollo --json", JSON),
    ("records", "records", TABLE),
    ("records --json", "records --json", JSON),
    ("in-space", "in-space --date 2019-01-01", TABLE),
    ("in-space --json", "in-space --date 2019-01-01 --json", JSON),
    ("today --date 01-27", "today --date 01-27", TABLE),
    ("today --date 01-27 --json", "today --date 01-27 --json", JSON),
    ("today --motd", "today --motd", MOTD),
    ("quiz --json --seed 1", "quiz --json --seed 1", JSON),
    ("station iss", "station iss", TABLE),
    ("station iss --json", "station iss --json", JSON),
    ("data info", "data info", TABLE),
    ("mission --help (Typer)", "mission --help", None),
    (
        "completion of a mission slug",
        f"env _SPACEFACTS_COMPLETE=complete_bash COMP_WORDS='spacefacts mission soyuz-ms-1' COMP_CWORD=2 {SPACEFACTS}",
        MOTD,
    ),
    (
        "first run after install (no cache)",
        f"env SPACEFACTS_HOME={FRESH} {SPACEFACTS} mission soyuz-ms-11",
        FIRST,
    ),
    ("first run: search apollo", f"env SPACEFACTS_HOME={FRESH} {SPACEFACTS} search apollo", FIRST),
    ("first run: today --date 01-27", f"env SPACEFACTS_HOME={FRESH} {SPACEFACTS} today --date 01-27", FIRST),
    (
        "first run: quiz --json --seed 1",
        f"env SPACEFACTS_HOME={FRESH} {SPACEFACTS} quiz --json --seed 1",
        FIRST,
    ),
]


def command_line(command: str) -> str:
    return command if command.startswith(("env ", sys.executable)) else f"{SPACEFACTS} {command}"


def hyperfine(
    runs: int, env: dict[str, str], fresh: str, commands: list[tuple[str, str, float | None]] = COMMANDS
) -> dict[str, dict[str, float]]:
    """Median wall time and mean CPU time (user + system) of each command, in ms."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        args = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out)]
        for name, command, _ in commands:
            prepare = f"rm -rf {fresh}" if FRESH in command else "true"
            args += [
                "--prepare",
                prepare,
                "--command-name",
                name,
                command_line(command).replace(FRESH, fresh),
            ]
        subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
        results = json.loads(out.read_text())["results"]
    return {
        r["command"]: {"wall": statistics.median(r["times"]) * 1000, "cpu": (r["user"] + r["system"]) * 1000}
        for r in results
    }


# Timed after the imports (the hyperfine figures above include them): the load itself.
PROBE = """
import sys, time
from pathlib import Path
import tomli
from spacefacts import cache, dataset
t0 = time.perf_counter()
ds = dataset.Dataset(Path(sys.argv[1]) if sys.argv[1] != "-" else None)
if sys.argv[2] == "cold":
    ds.load_all()
else:
    cache.load(ds, Path(sys.argv[3]))
    if sys.argv[2] == "warm-all":
        ds.launches
print((time.perf_counter() - t0) * 1000)
"""


def in_process(mode: str, data: str, cache_dir: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, data, mode, cache_dir], check=True, capture_output=True, text=True
        )
        times.append(float(done.stdout))
    return statistics.median(times)


def synthetic(folder: Path, factor: int = 10) -> None:
    """The shipped data with every launch, mission, person and event repeated `factor` times."""
    import tomli

    from spacefacts import dataset
    from spacefacts.build import tomlw

    src = dataset.builtin_data_dir()
    for other in src.iterdir():  # the other data files (countries, roles, expeditions, ...) as they are
        if other.is_file() and other.name not in (
            "missions.toml",
            "people.toml",
            "events.toml",
            "launches.toml",
        ):
            shutil.copy(other, folder / other.name)
    for name, table in (("missions.toml", "mission"), ("people.toml", "person"), ("events.toml", "event")):
        doc = tomli.loads((src / name).read_text())
        records = []
        for k in range(factor):
            for record in doc[table]:
                copy = dict(record)
                copy["id"] = f"{record['id']}-{k}" if k else record["id"]
                records.append(copy)
        doc[table] = records
        (folder / name).write_text(tomlw.dumps(doc))
    doc = tomli.loads((src / "launches.toml").read_text())
    rows = doc["launches"]["rows"]
    doc["launches"]["rows"] = [[f"{r[0]}-{k}" if k else r[0], *r[1:]] for k in range(factor) for r in rows]
    (folder / "launches.toml").write_text(tomlw.dumps(doc))


def peak_memory_mb(command: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], env=env, capture_output=True, text=True)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def measure(
    runs: int, paired: bool, env: dict[str, str], fresh: str
) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    """One pass: each command's times and the baseline's it is compared with (name -> (times, base))."""
    if not paired:
        timed = hyperfine(runs, env, fresh)
        base = timed[COMMANDS[0][0]]
        return {name: (timed[name], base) for name, _, _ in COMMANDS}
    out = {}
    for command in COMMANDS[1:]:
        pair = hyperfine(runs, env, fresh, [COMMANDS[0], command])
        out[command[0]] = (pair[command[0]], pair[COMMANDS[0][0]])
    bases = [base for _, base in out.values()]
    median = {key: statistics.median(b[key] for b in bases) for key in ("wall", "cpu")}
    out[COMMANDS[0][0]] = (median, median)
    return out


def report(passes: list[dict[str, tuple[dict[str, float], dict[str, float]]]]) -> None:
    """Each command's median time and ratio over the passes (with the range when there are several)."""
    several = len(passes) > 1
    print(f"{'command':42} {'median':>9} {'ratio':>6} {'cpu':>8} {'ratio':>6} {'goal':>5}")
    for name, _, goal in COMMANDS:
        times = [p[name][0] for p in passes]
        walls = [p[name][0]["wall"] / p[name][1]["wall"] for p in passes]
        cpus = [p[name][0]["cpu"] / p[name][1]["cpu"] for p in passes]
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        # met on the wall ratio (the goal), and on the CPU ratio (steadier on a busy machine)
        mark = (
            "" if goal is None else ("ok" if wall <= goal else "MISSED") + (" cpu-ok" if cpu <= goal else "")
        )
        spread = f" (wall {min(walls):.2f}-{max(walls):.2f})" if several else ""
        print(
            f"{name:42} {statistics.median(t['wall'] for t in times):7.1f}ms {wall:6.2f}"
            f" {statistics.median(t['cpu'] for t in times):6.1f}ms {cpu:6.2f} {goal or '':>5} {mark}{spread}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--paired", action="store_true", help="time the baseline beside each command")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the run; median ratio over the passes")
    args = parser.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine is not installed (apt-get install hyperfine)")
    import spacefacts

    package = Path(spacefacts.__file__).resolve().parent
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=clean, check=True)
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as scratch:
        env = {**clean, "SPACEFACTS_HOME": home}
        subprocess.run([SPACEFACTS, "today", "--date", "01-27"], env=env, check=True, capture_output=True)
        fresh = str(Path(scratch) / "fresh-home")
        passes = [measure(args.runs, args.paired, env, fresh) for _ in range(args.rounds)]
        report(passes)
        cache_dir = str(Path(home) / "cache")
        print()
        print(
            f"load, cold (TOML, no cache):      {in_process('cold', '-', cache_dir, 11):6.1f} ms (goal 150)"
        )
        print(f"load, warm cache:                 {in_process('warm', '-', cache_dir, 11):6.1f} ms (goal 15)")
        print(f"  ... and every launch object:    {in_process('warm-all', '-', cache_dir, 11):6.1f} ms")
        with tempfile.TemporaryDirectory() as big:
            synthetic(Path(big))
            big_cache = str(Path(big) / "cache")
            in_process("warm", big, big_cache, 1)  # writes the cache
            print(
                f"load, warm cache, 10x data:       {in_process('warm', big, big_cache, 5):6.1f} ms (goal 150)"
            )
        peaks = {
            " ".join(c): peak_memory_mb([SPACEFACTS, *c], env)
            for c in (
                ["mission", "soyuz-ms-11"],
                ["today", "--date", "01-27"],
                ["launches", "2018", "--list"],
                ["stats"],
            )
        }
        worst = max(peaks, key=lambda k: peaks[k])
        print(f"peak memory (max RSS), worst:     {peaks[worst]:6.1f} MB for '{worst}' (goal 60)")


if __name__ == "__main__":
    main()
