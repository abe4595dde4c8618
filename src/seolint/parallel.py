"""Lint many files at once: cache lookups here, the rest in forked worker processes.

:class:`Executor` is the ``lint`` strategy handed to :func:`seolint.engine.run`. For each
batch of files it

1. serves every file whose cached result is still valid (:mod:`seolint.cache`);
2. lints the first remaining file in this process — that loads whatever the rules import
   lazily (language profiles, hyphenation dictionaries…) once, before any fork;
3. sends the rest, in chunks, to a pool of ``jobs`` worker processes forked from this one:
   they inherit the configured :class:`~seolint.engine.Linter` and the loaded libraries
   (copy-on-write) instead of rebuilding them, and each writes its own cache entries.

Results come back in the order of the files, so the run's output is the same, byte for byte,
whatever ``--jobs`` is. A handful of files is linted serially: forking, and sending results
back, would cost more than it saves. Where ``fork`` is unsafe or missing (macOS, Windows)
the workers are spawned and build their own linter from the configuration.

A worker that dies (killed by the system, a crash in a C library) does not hang the run nor
lose it: the files it left are linted one at a time in a fresh worker, and the file that
kills that one too is reported as not linted (an error: exit code 2).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain
from types import TracebackType
from typing import TYPE_CHECKING

from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions

if TYPE_CHECKING:
    from seolint.cache import Cache

MIN_FILES_PER_WORKER = 12  # fewer files per worker than this: lint serially
MAX_CHUNK = 16  # files sent to a worker at once (small enough to balance the load)


# A worker makes and drops a whole document per file (thousands of tokens, spans, views): at
# the default threshold (700 new objects) a young collection runs every few lines of an
# article and walks whatever of the document is still alive.
WORKER_GC_THRESHOLD = 20_000


def tune_worker_gc() -> None:
    """Fewer young-generation collections in a worker process (see WORKER_GC_THRESHOLD)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(WORKER_GC_THRESHOLD, older, oldest)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


# The state of a worker process: inherited from the parent when forked, rebuilt from the
# configuration by the initializer of a spawned worker.
_WORKER: tuple[Linter, Cache | None] | None = None


def _init_spawned(config: Config, options: RunOptions, cache: Cache | None) -> None:
    global _WORKER
    from seolint.packs import registry_for

    tune_worker_gc()
    _WORKER = (Linter(config, registry_for(config), options), cache)


def _lint_in_worker(source: SourceFile) -> FileResult:
    assert _WORKER is not None
    linter, cache = _WORKER
    result = lint_fresh(linter, cache, source)
    # The file is fixed (or not) here: the parent needs no edits (nor, for most reports, the
    # flagged text), and holds every finding of the run until the report is written.
    snippets = linter.options.snippets
    result.findings = [finding.for_report(snippets) for finding in result.findings]
    return result


def lint_fresh(linter: Linter, cache: Cache | None, source: SourceFile) -> FileResult:
    """Lint one file now (no lookup), storing the result when there is a cache."""
    if cache is None:
        return linter.lint_file(source)
    from seolint.cache import lint_and_store

    return lint_and_store(linter, cache, source)


class Executor:
    """``lint(linter, files)`` strategy for :func:`seolint.engine.run`; a context manager
    that owns the worker pool (shared by the run's batches, stopped at exit)."""

    def __init__(self, jobs: int | None = None, cache: Cache | None = None) -> None:
        self.jobs = jobs or default_jobs()
        self.cache = cache
        self._pool: ProcessPoolExecutor | None = None
        self._pool_linter: Linter | None = None

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(abort=error is not None)

    def close(self, abort: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=abort)
        self._pool = self._pool_linter = None

    def __call__(self, linter: Linter, files: Sequence[SourceFile]) -> Iterator[FileResult]:
        cached: list[FileResult | None] = [None] * len(files)
        if self.cache is not None:
            from seolint.cache import lookup

            cached = [lookup(linter, self.cache, source) for source in files]
        missing = [source for source, hit in zip(files, cached, strict=True) if hit is None]
        fresh = self._lint(linter, missing)
        for hit in cached:
            yield hit if hit is not None else next(fresh)

    def _lint(self, linter: Linter, files: Sequence[SourceFile]) -> Iterator[FileResult]:
        """Results of ``files`` in order: the first linted here at once, the rest in the pool
        (started before this returns, so before the caller starts any thread) if it pays."""
        if not files:
            return iter(())
        first = lint_fresh(linter, self.cache, files[0])  # also loads lazy imports, once
        rest = files[1:]
        workers = min(self.jobs, len(rest) // MIN_FILES_PER_WORKER)
        if workers < 2:
            return chain([first], (lint_fresh(linter, self.cache, source) for source in rest))
        if self._pool is None or self._pool_linter is not linter:
            self.close()
            self._pool, self._pool_linter = self._new_pool(linter, workers), linter
        chunk = max(1, min(MAX_CHUNK, len(rest) // (workers * 8)))
        with _frozen():  # the workers are forked when the first chunks are submitted
            results = self._pool.map(_lint_in_worker, rest, chunksize=chunk)
        return chain([first], self._collect(linter, rest, results))

    def _collect(
        self, linter: Linter, files: Sequence[SourceFile], results: Iterator[FileResult]
    ) -> Iterator[FileResult]:
        done = 0
        try:
            for result in results:
                yield result
                done += 1
        except BrokenProcessPool:
            # A worker died (killed by the system, out of memory, a crash in a C library):
            # every result still in flight is lost. The rest goes through a single worker,
            # one file at a time, so that only the file that kills it is reported.
            self.close(abort=True)
            yield from self._one_by_one(linter, files[done:])

    def _one_by_one(self, linter: Linter, files: Sequence[SourceFile]) -> Iterator[FileResult]:
        pool: ProcessPoolExecutor | None = None
        try:
            for source in files:
                if pool is None:
                    pool = self._new_pool(linter, 1)
                try:
                    with _frozen():
                        future = pool.submit(_lint_in_worker, source)
                    yield future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True)
                    pool = None
                    yield FileResult(
                        source.display,
                        errors=[
                            f"{source.display}: not linted: the worker process died while linting "
                            "it (killed by the system, out of memory, or a crash in a C library)"
                        ],
                    )
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self, linter: Linter, workers: int) -> ProcessPoolExecutor:
        global _WORKER
        if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
            _WORKER = (linter, self.cache)  # copied into the workers by fork
            return ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork"), initializer=tune_worker_gc
            )
        # macOS and Windows: fork is unsafe or missing
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_spawned,
            initargs=(linter.config, linter.options, self.cache),
        )


@contextmanager
def _frozen() -> Iterator[None]:
    """Objects that exist when a worker is forked are never collected in it, so its garbage
    collector does not write to (and copy) the memory pages it shares with this process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
