"""Run seolint over every folder of the shared corpus of real articles and report, per
folder, the internal errors (the bar is zero), the time and the peak memory.

    python benchmarks/corpus_check.py                  # ../shared/corpus next to the repo
    python benchmarks/corpus_check.py --corpus PATH --jobs 2 --json

Each folder is one run of the real command (``python -m seolint check FOLDER --isolated
--format json``), cold (``--no-cache``) unless ``--cache``. An *internal error* is a rule
that raised (``internal error in rule …`` on stderr), a traceback, a run that ended with
exit code 2, or one that did not finish within ``--timeout`` seconds. The script exits 1
when there is any, 0 otherwise — and 0, with a note, when the corpus is absent (a clone of
the repository has no ``../shared``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


@dataclass
class FolderRun:
    folder: str
    files: int = 0
    findings: int = 0
    exit_code: int = 0
    seconds: float = 0.0
    peak_mb: float = 0.0
    internal_errors: list[str] = field(default_factory=list)
    run_errors: list[str] = field(default_factory=list)  # unreadable files and the like

    @property
    def ok(self) -> bool:
        return not self.internal_errors


def run_folder(
    folder: Path, jobs: int | None, cache: bool, timeout: float, extra: list[str]
) -> FolderRun:
    args = [
        sys.executable,
        "-m",
        "seolint",
        "check",
        str(folder),
        "--isolated",
        "--format",
        "json",
        "--no-progress",
        *extra,
    ]
    if not cache:
        args.append("--no-cache")
    if jobs:
        args += ["--jobs", str(jobs)]
    outcome = FolderRun(folder.name)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(
            args, stdout=out, stderr=err, cwd=folder.parent, start_new_session=True
        )
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                os.killpg(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                outcome.internal_errors.append(f"did not finish within {timeout:.0f} s")
                break
            time.sleep(0.05)
        outcome.seconds = time.monotonic() - started
        outcome.peak_mb = usage.ru_maxrss / 1024
        outcome.exit_code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    for line in stderr.splitlines():
        if "internal error" in line:
            outcome.internal_errors.append(line.removeprefix("seolint: error: "))
        elif line.startswith("seolint: error: "):
            outcome.run_errors.append(line.removeprefix("seolint: error: "))
    if "Traceback" in stderr:
        outcome.internal_errors.append("a traceback: " + stderr.strip().splitlines()[-1])
    try:
        report = json.loads(stdout)
        outcome.files = report["summary"]["files"]
        outcome.findings = len(report["findings"])
    except (ValueError, KeyError, TypeError):
        if not outcome.internal_errors:
            outcome.internal_errors.append(f"no JSON report (exit {outcome.exit_code})")
    if outcome.exit_code == 2 and not outcome.internal_errors and not outcome.run_errors:
        outcome.internal_errors.append("exit code 2 without a message")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("SEOLINT_CORPUS", DEFAULT_CORPUS))
    )
    parser.add_argument("--jobs", type=int, default=None, help="seolint --jobs (default: its own)")
    parser.add_argument("--cache", action="store_true", help="use the cache (default: cold)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per folder")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", action="append", default=[], help="folders to run (names)")
    parser.add_argument("extra", nargs="*", help="more seolint options, after --")
    options = parser.parse_args(argv)

    corpus: Path = options.corpus
    if not corpus.is_dir():
        print(f"corpus_check: no corpus at {corpus}; nothing to do (skipped)")
        return 0
    folders = sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("."))
    if options.only:
        folders = [p for p in folders if p.name in options.only]
    runs: list[FolderRun] = []
    if not options.json:
        print(
            f"{'folder':<40} {'files':>6} {'findings':>9} {'exit':>4} {'time s':>7} "
            f"{'peak MB':>8} {'internal':>8}"
        )
    for folder in folders:
        run = run_folder(folder, options.jobs, options.cache, options.timeout, options.extra)
        runs.append(run)
        if not options.json:
            print(
                f"{run.folder:<40} {run.files:>6} {run.findings:>9} {run.exit_code:>4} "
                f"{run.seconds:>7.1f} {run.peak_mb:>8.0f} {len(run.internal_errors):>8}",
                flush=True,
            )
            for message in run.internal_errors[:20]:
                print(f"    internal error: {message}")
            for message in run.run_errors[:5]:
                print(f"    run error: {message}")
    failures = sum(len(r.internal_errors) for r in runs)
    if options.json:
        json.dump(
            {
                "corpus": str(corpus),
                "internal_errors": failures,
                "folders": [asdict(r) for r in runs],
            },
            sys.stdout,
            indent=2,
        )
        print()
    else:
        total_files = sum(r.files for r in runs)
        total_time = sum(r.seconds for r in runs)
        peak = max((r.peak_mb for r in runs), default=0.0)
        print(
            f"{'total':<40} {total_files:>6} {sum(r.findings for r in runs):>9} {'':>4} "
            f"{total_time:>7.1f} {peak:>8.0f} {failures:>8}"
        )
        print("zero internal errors" if not failures else f"{failures} internal error(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
