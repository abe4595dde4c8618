"""Run the real command with a deadline and a measure of its peak memory.

A case that hangs must fail the test, not the test run: the command runs in its own process
group, killed whole (worker processes included) when the deadline passes. ``os.wait4`` gives
the peak resident memory of that one process, which ``resource.RUSAGE_CHILDREN`` cannot.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # peak resident memory of the seolint process


class Hung(AssertionError):
    pass


def run_bounded(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    stdin: bytes | None = None,
) -> Outcome:
    """``python -m seolint ARGS`` that must end within ``timeout`` seconds."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as inp,
    ):
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "seolint", *args],
            cwd=cwd,
            env=full_env,
            stdin=inp,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                raise Hung(f"seolint {' '.join(args)} did not finish within {timeout:.0f} s")
            time.sleep(0.02)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        _reap_group(process.pid)
        out.seek(0)
        err.seek(0)
        return Outcome(
            process.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,
        )


def _reap_group(group: int) -> None:
    """Workers left behind by a dead parent must not outlive the test."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)
