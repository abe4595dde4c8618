#!/usr/bin/env python3
"""Count the machine instructions seolint executes to lint a sample of the corpus.

Wall and CPU times on a shared machine drift by 10–30 % within minutes, far more than the
few percent a change to one function is worth. The number of instructions does not drift:
this script runs the sample under valgrind's callgrind twice (once with the sample linted,
once without), subtracts the second count (start-up, imports, the first file), and prints
the instructions per linted file. Run it on two checkouts to compare them:

    python benchmarks/instructions.py ../shared/corpus                     # this checkout
    python benchmarks/instructions.py ../shared/corpus --src ../other/src  # another one

Usage: python benchmarks/instructions.py [CORPUS] [--step N] [--offset K] [--src SRC]
Every N-th file of CORPUS (default 200, starting at the K-th) is linted in one process with
the default configuration. It takes about a minute per 50 files. CORPUS defaults to
../shared/corpus next to the repository; without it or without valgrind, the script says so
and exits 0. Instruction counts leave out what a change in memory traffic costs or saves:
confirm a real gain with bench.py.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def lint_sample(corpus: str, step: int, offset: int, lint: bool) -> None:
    """The measured program: lint the first file (start-up), then the sample if ``lint``."""
    from seolint.config import Config
    from seolint.discover import discover
    from seolint.engine import Linter, RunOptions
    from seolint.packs import registry_for

    config = Config()
    linter = Linter(config, registry_for(config), RunOptions())
    files = discover([corpus], config.include, config.exclude).files[offset::step]
    linter.lint_file(files[0])  # loads the lazy parts (language profiles…) in both runs
    # what is loaded now is frozen, as in the worker processes (seolint.parallel._frozen):
    # their collections never walk the modules and the language profiles
    gc.freeze()
    try:  # and the collector is tuned as in a worker (checkouts before it was: as they were)
        from seolint.parallel import tune_worker_gc
    except ImportError:
        pass
    else:
        tune_worker_gc()
    if lint:
        for source in files:
            linter.lint_file(source)
    print(len(files))


def count(corpus: str, step: int, offset: int, lint: bool, src: str) -> tuple[int, int]:
    """(instructions, files) of one run under callgrind."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        corpus,
        "--step",
        str(step),
        "--offset",
        str(offset),
        "--measured" if lint else "--measured-baseline",
    ]
    env = {**os.environ, "PYTHONPATH": src, "PYTHONHASHSEED": "0"}  # the same sets every run
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1)), int(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--step", type=int, default=200, help="lint every N-th file")
    parser.add_argument("--offset", type=int, default=7, help="starting at the K-th")
    parser.add_argument("--src", default=str(REPO / "src"), help="the seolint sources to run")
    parser.add_argument("--measured", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measured-baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measured or args.measured_baseline:
        lint_sample(args.corpus, args.step, args.offset, lint=args.measured)
        return 0
    if not Path(args.corpus).is_dir():
        print(f"no corpus at {args.corpus}: nothing to measure")
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind): nothing to measure")
        return 0
    src = str(Path(args.src).resolve())
    baseline, _ = count(args.corpus, args.step, args.offset, False, src)
    total, files = count(args.corpus, args.step, args.offset, True, src)
    per_file = (total - baseline) / files
    print(f"{src}: {files} files, {total - baseline:,} instructions, {per_file:,.0f} per file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
