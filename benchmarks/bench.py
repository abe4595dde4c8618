#!/usr/bin/env python3
"""Benchmark seolint against markdownlint-cli2 (and pymarkdownlnt) on real articles.

Four cases, each tool run on the same files, interleaved (seolint, then the others, then
seolint again…) so that a busy machine slows them alike; the median wall time of the whole
process is reported, with seolint's ratio to markdownlint-cli2 and its peak memory:

  one       one article (the seed article), no cache
  thousand  the 999 articles of scombat__lebrieftech, no cache
  warm      the same, seolint's cache warm (markdownlint-cli2 has no cache: its cold time)
  corpus    every article of the corpus, no cache

Every tool runs with its default rules and writes its default report to a file.

Usage:
  python benchmarks/bench.py [CORPUS] [--cases one,thousand,warm,corpus] [--runs N]

CORPUS is the folder of real articles (default: ../shared/corpus next to the repository);
the benchmark says so and exits 0 when it is absent. The comparison tools are optional:

  markdownlint-cli2   npm install -g markdownlint-cli2@0.22   (Node.js 20+)
  pymarkdownlnt       pip install pymarkdownlnt               (slow: run on the first two
                                                               cases unless --all-tools)

Without markdownlint-cli2, ratios are computed against the times it took on a 2-core
machine (0.32 s, 8.0 s, 128 s), marked "ref".

Peak memory: the largest resident set of any seolint process (``wait4``), and the largest
total of the whole process tree — parent and workers together, the sum of their
proportional set sizes (PSS: a page shared by a forked worker and its parent counts once)
— sampled every 100 ms from /proc (Linux only).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SUBSET = "scombat__lebrieftech"

# markdownlint-cli2 0.22 on a 2-core machine (DESIGN.md §6), when it is not installed here
REFERENCE = {"one": 0.32, "thousand": 8.0, "warm": 8.0, "corpus": 128.0}
# seolint's goal as a fraction of markdownlint-cli2's time
TARGET = {"one": 1.0, "thousand": 0.5, "warm": 0.1, "corpus": 0.25}
MEMORY_LIMIT_MB = 400
DEFAULT_RUNS = {"one": 7, "thousand": 5, "warm": 5, "corpus": 1}


@dataclass
class Measure:
    seconds: float
    max_rss_mb: float  # the largest single process
    tree_rss_mb: float  # the whole process tree, sampled (0 when /proc is missing)
    code: int


@dataclass
class Case:
    name: str
    title: str
    target: Path  # a file or a folder
    files: int
    runs: int
    warm: bool = False
    times: dict[str, list[Measure]] = field(default_factory=dict)


# -- measuring one process -------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found.extend(int(p) for p in handle.read().split())
        except OSError:
            continue
    return found


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared by forked workers and their parent counted once
    in all (Linux 4.14+); the resident size where it cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return _rss_kb(pid)


class TreeSampler(threading.Thread):
    """Largest total memory of a process and its descendants — the sum of their
    proportional set sizes, so pages a forked worker shares with its parent count once —
    sampled every 100 ms, cheap enough not to slow the process it watches."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo.extend(_children(pid))
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in pids))
            self.done.wait(0.1)


def measure(command: Sequence[str], output: Path, env: dict[str, str] | None = None) -> Measure:
    # Bytecode may be written, as after `pip install` (some shells set PYTHONDONTWRITEBYTECODE,
    # which would make every run of an editable checkout compile seolint's modules again).
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with output.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env={**environment, **(env or {})}
        )
        sampler = TreeSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measure(seconds, usage.ru_maxrss / 1024, sampler.peak_kb / 1024, process.returncode)


# -- the tools -------------------------------------------------------------------------------
def seolint_command(target: Path, cache: bool) -> list[str]:
    command = [sys.executable, "-m", "seolint", "check", str(target)]
    return command if cache else [*command, "--no-cache"]


def markdownlint_command(target: Path) -> list[str] | None:
    found = shutil.which("markdownlint-cli2")
    if found is None:
        return None
    pattern = str(target) if target.is_file() else f"{target}/**/*.md"
    return [found, pattern]


def pymarkdown_command(target: Path) -> list[str] | None:
    found = shutil.which("pymarkdown") or _beside_python("pymarkdown")
    if found is None:
        return None
    return [found, "scan", "-r", str(target)] if target.is_dir() else [found, "scan", str(target)]


def _beside_python(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None


def count_articles(target: Path) -> int:
    if target.is_file():
        return 1
    return sum(1 for p in target.rglob("*") if p.suffix in (".md", ".markdown", ".mdx"))


def run_case(case: Case, all_tools: bool, work: Path) -> None:
    cache_dir = work / f"cache-{case.name}"
    env = {"SEOLINT_CACHE_DIR": str(cache_dir)}
    tools: dict[str, list[str] | None] = {
        "seolint": seolint_command(case.target, cache=case.warm),
        "markdownlint-cli2": markdownlint_command(case.target),
    }
    # pymarkdownlnt has no cache either (its warm time is its cold time) and takes minutes
    # on the whole corpus
    if all_tools or case.name in ("one", "thousand"):
        tools["pymarkdownlnt"] = pymarkdown_command(case.target)
    # One untimed run of each tool: files in the page cache, bytecode written, and for the
    # warm case seolint's cache filled (the measured runs find it warm).
    # On the whole corpus (minutes per run) reading every file once does for the page cache.
    shutil.rmtree(cache_dir, ignore_errors=True)
    if case.name == "corpus":
        for path in case.target.rglob("*"):
            if path.is_file():
                path.read_bytes()
    else:
        for command in tools.values():
            if command is not None:
                measure(command, work / "prime.txt", env)
    for run in range(case.runs):
        for tool, command in tools.items():
            if command is None:
                continue
            result = measure(command, work / f"{case.name}-{tool}.txt", env)
            case.times.setdefault(tool, []).append(result)
            print(
                f"  {case.name} run {run + 1}/{case.runs}: {tool:<18} {result.seconds:7.2f} s",
                file=sys.stderr,
                flush=True,
            )
    seolint_runs = case.times.get("seolint", [])
    if any(m.code not in (0, 1) for m in seolint_runs):
        report = (work / f"{case.name}-seolint.txt").read_text(errors="replace")
        print(f"seolint failed on {case.name}:\n{report[-2000:]}", file=sys.stderr)


# -- the table -------------------------------------------------------------------------------
def median(measures: list[Measure]) -> float:
    return statistics.median(m.seconds for m in measures)


def table(cases: list[Case]) -> str:
    rows = [
        "| case | files | markdownlint-cli2 | pymarkdownlnt | seolint "
        "| seolint ÷ markdownlint-cli2 | target | met | seolint peak memory |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for case in cases:
        ours = median(case.times["seolint"])
        theirs_runs = case.times.get("markdownlint-cli2")
        theirs = median(theirs_runs) if theirs_runs else REFERENCE[case.name]
        reference = "" if theirs_runs else " (ref)"
        pymd = case.times.get("pymarkdownlnt")
        ratio = ours / theirs
        met = "yes" if ratio <= TARGET[case.name] else "**no**"
        largest = max(m.max_rss_mb for m in case.times["seolint"])
        tree = max(m.tree_rss_mb for m in case.times["seolint"])
        memory = f"{largest:.0f} MB (all processes: {tree:.0f} MB)"
        if case.name == "corpus":
            fits = max(largest, tree) <= MEMORY_LIMIT_MB
            memory += "" if fits else f" **over {MEMORY_LIMIT_MB} MB**"
        rows.append(
            f"| {case.title} | {case.files:,} | {theirs:.2f} s{reference} | "
            f"{f'{median(pymd):.2f} s' if pymd else '—'} | {ours:.2f} s | {ratio:.2f}× | "
            f"≤ {TARGET[case.name]}× | {met} | {memory} |"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"folder of real articles (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument(
        "--article", type=Path, help="the one-article case (default: CORPUS/../seed-article.md)"
    )
    parser.add_argument(
        "--cases",
        default="one,thousand,warm,corpus",
        help="comma-separated cases to run (default: all four)",
    )
    parser.add_argument("--runs", type=int, help="runs per case (default: 7, 3, 5, 1)")
    parser.add_argument(
        "--all-tools",
        action="store_true",
        help="also run pymarkdownlnt on the warm and corpus cases (minutes)",
    )
    args = parser.parse_args(argv)

    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"bench: skipped, no corpus at {corpus}", file=sys.stderr)
        return 0
    article = args.article or corpus.parent / "seed-article.md"
    subset = corpus / SUBSET
    targets = {
        "one": ("one article, no cache", article),
        "thousand": (f"{SUBSET}, no cache", subset),
        "warm": (f"{SUBSET}, cache warm", subset),
        "corpus": ("whole corpus, no cache", corpus),
    }
    cases: list[Case] = []
    for name in args.cases.split(","):
        name = name.strip()
        if name not in targets:
            parser.error(f"unknown case {name!r}; cases are {', '.join(targets)}")
        title, target = targets[name]
        if not target.exists():
            print(f"bench: skipped {name}, {target} is missing", file=sys.stderr)
            continue
        runs = args.runs or DEFAULT_RUNS[name]
        cases.append(Case(name, title, target, count_articles(target), runs, warm=name == "warm"))
    if shutil.which("markdownlint-cli2") is None:
        print(
            "bench: markdownlint-cli2 is not installed (npm install -g markdownlint-cli2@0.22);"
            " ratios use its reference times",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory(prefix="seolint-bench-") as work:
        for case in cases:
            run_case(case, args.all_tools, Path(work))
    print(
        f"cores: {os.cpu_count()}, Python {sys.version.split()[0]}; "
        f"median wall time of the whole process\n"
    )
    print(table(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
