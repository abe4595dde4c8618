"""A progress bar on standard error for long runs watched by a person.

Shown only when standard error is a terminal, the run has more than :data:`MIN_FILES`
files, and the ``CI`` environment variable is unset (CI logs are not terminals, but some
runners fake one). Transient: it disappears when the run ends, leaving the report alone.
"""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import Any

MIN_FILES = 50


def wanted(enabled: bool = True) -> bool:
    return enabled and not os.environ.get("CI") and sys.stderr.isatty()


class ProgressBar:
    """``progress(done, total)`` callback for :func:`seolint.engine.run`."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = wanted(enabled)
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= MIN_FILES:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self._bar = Progress(
                "linting",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("lint", total=total)
        self._bar.update(self._task, completed=done, total=total)
