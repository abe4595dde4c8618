"""The result cache: a file whose bytes and settings did not change is not linted again.

Where: ``.seolint_cache/`` in the folder of the configuration file, or in the current folder
when there is none (``--isolated``, no ``seolint.toml``); ``SEOLINT_CACHE_DIR`` overrides it.
The folder holds its own ``.gitignore`` (``*``) and a ``CACHEDIR.TAG``, so neither git nor
backup tools pick it up; ``seolint clean`` removes it.

What: one JSON entry per linted file, holding everything :meth:`Linter.lint_bytes` returns
for it — findings (with their fixes and code-frame line), the cross-file rules' facts and the
file's suppressions. Per-file results depend only on the file's bytes and the run's settings,
so an entry is valid when its key matches:

- the *run fingerprint* (the entries' folder name): cache format, seolint version and the
  modification stamps of its modules (an editable checkout changes without a new version),
  Python version, today's date (rules compare dates with today), the effective
  configuration, and the active rule set — ids, origins, severities, options, the source
  files of built-in and plugin rules, plugin versions and the bytes of every rule pack;
- the file: its path as shown and as resolved (findings and facts carry the path), and a
  hash of its bytes.

The cache is untrusted input: entries are plain JSON (never pickle), checked field by field
on the way in; anything missing, truncated, corrupt or foreign is a miss and is rewritten.
Writes are atomic (temporary file, then rename), so parallel workers and concurrent runs
never see half an entry. A cache that cannot be written is silently not used.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seolint import __version__
from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, read_source
from seolint.filter.suppress import Suppressions
from seolint.findings import Finding, Fix, Severity, fix_marker, new_finding

CACHE_DIR_NAME = ".seolint_cache"
ENV_CACHE_DIR = "SEOLINT_CACHE_DIR"
FORMAT = 2  # 2: a finding keeps whether it is fixable, not the edits
KEEP_RUN_FOLDERS = 8  # fingerprints kept; older ones (another day, configuration…) pruned
_PREFIX = f"v{FORMAT}-"
_RUN_FOLDER = re.compile(r"v[0-9]+-[0-9a-f]+")  # the entries of one fingerprint, any format
_MARKERS = (".gitignore", "CACHEDIR.TAG")
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by seolint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def cache_dir(config: Config) -> Path:
    """The cache folder for a configuration (see the module docstring)."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override)
    return (config.root or Path.cwd()) / CACHE_DIR_NAME


def content_hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


# -- the run fingerprint ---------------------------------------------------------------------
def _canonical(value: object) -> object:
    """A JSON-able form that is the same in every process (sets sorted, dataclasses as
    dicts); ``repr`` of a frozenset is not, as string hashing is randomised per process."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return sorted([str(k), _canonical(v)] for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=json.dumps)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _stamp(path: str) -> list[object]:
    try:
        stat = os.stat(path)
    except OSError:
        return [path, None]
    return [path, stat.st_mtime_ns, stat.st_size]


def _code_stamps(linter: Linter) -> list[object]:
    """Modification stamps of seolint's own modules and of every rule's module."""
    package = os.path.dirname(os.path.abspath(__file__))
    files = {
        os.path.join(folder, name)
        for folder, _, names in os.walk(package)
        for name in names
        if name.endswith((".py", ".json", ".yaml"))
    }
    modules = {active.rule.__module__ for active in linter.rules}
    for module in modules:
        source = getattr(sys.modules.get(module), "__file__", None)
        if source:
            files.add(os.path.abspath(source))
    return [_stamp(p) for p in sorted(files)]


def _plugin_versions(linter: Linter) -> list[object]:
    from importlib import metadata

    versions: list[object] = []
    for dist in sorted(
        {
            a.rule.origin[len("plugin:") :]
            for a in linter.rules
            if a.rule.origin.startswith("plugin:")
        }
    ):
        try:
            versions.append([dist, metadata.version(dist)])
        except metadata.PackageNotFoundError:
            versions.append([dist, None])
    return versions


def _pack_digests(linter: Linter) -> list[object]:
    if not any(a.rule.origin.startswith("pack:") for a in linter.rules):
        return []
    from seolint.packs import pack_paths

    digests: list[object] = []
    for path in pack_paths(linter.config):
        try:
            digests.append([str(path), content_hash(path.read_bytes())])
        except OSError:
            digests.append([str(path), None])
    return digests


def fingerprint(linter: Linter) -> str:
    """Everything besides a file's own bytes and path that its results depend on."""
    config = dataclasses.replace(linter.config, source=None)
    parts = {
        "format": FORMAT,
        "seolint": __version__,
        "python": sys.version,
        "today": datetime.date.today().isoformat(),
        "root": str(linter.config.root),
        "config": _canonical(config),
        "rules": [
            [a.rule.id, a.rule.name, a.rule.origin, int(a.severity), _canonical(a.options)]
            for a in linter.rules
        ],
        "code": _code_stamps(linter),
        "plugins": _plugin_versions(linter),
        "packs": _pack_digests(linter),
    }
    encoded = json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8", "replace")
    return hashlib.blake2b(encoded, digest_size=16).hexdigest()


# -- entries <-> results ---------------------------------------------------------------------
class _Invalid(ValueError):
    """An entry that does not have the expected shape."""


def _int(value: object) -> int:
    if type(value) is not int:
        raise _Invalid(value)
    return value


def _str(value: object) -> str:
    if type(value) is not str:
        raise _Invalid(value)
    return value


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise _Invalid(value)
    return value


def _fix_to_json(fix: Fix | None) -> object:
    # only whether the finding is fixable, and safely: a cached result is served only when
    # nothing is to be fixed (see _usable), so its edits are never applied, and a warm run
    # decodes every finding of the site
    return None if fix is None else fix.safe


def _fix_from_json(data: object) -> Fix | None:
    if data is None:
        return None
    if type(data) is not bool:
        raise _Invalid(data)
    return fix_marker(data)


def _finding_to_json(f: Finding) -> list[object]:
    return [
        f.line,
        f.column,
        f.rule,
        f.end_line,
        f.end_column,
        f.name,
        int(f.severity),
        f.message,
        _fix_to_json(f.fix),
        f.start,
        f.end,
        f.snippet,
        f.line_text,
    ]


_SEVERITIES = {int(s): s for s in Severity}


def _finding_from_json(path: str, data: object) -> Finding:
    # checked inline rather than field by field: a warm run decodes every finding of the site
    (
        line,
        column,
        rule,
        end_line,
        end_column,
        name,
        severity,
        message,
        fix,
        start,
        end,
        snippet,
        line_text,
    ) = _list(data)
    if not (
        type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
        and type(severity) is int
        and type(start) is int
        and type(end) is int
    ):
        raise _Invalid(data)
    if not (
        type(rule) is str
        and type(name) is str
        and type(message) is str
        and type(snippet) is str
        and type(line_text) is str
    ):
        raise _Invalid(data)
    return new_finding(
        path,
        line,
        column,
        rule,
        end_line,
        end_column,
        name,
        _SEVERITIES[severity],
        message,
        _fix_from_json(fix),
        start,
        end,
        snippet,
        line_text,
    )


def _suppressions_from_json(data: object) -> Suppressions:
    file_codes, ranges = _list(data)
    return Suppressions(
        tuple(_str(code) for code in _list(file_codes)),
        tuple(
            (_int(first), _int(last), tuple(_str(c) for c in _list(codes)))
            for first, last, codes in map(_list, _list(ranges))
        ),
    )


def json_roundtrip(facts: dict[str, Any]) -> dict[str, Any]:
    """Facts as a cache hit returns them (tuples become lists…), so that a cold run and a
    warm run hand the cross-file rules exactly the same data."""
    return json.loads(json.dumps(facts, ensure_ascii=False))  # type: ignore[no-any-return]


# -- the cache -------------------------------------------------------------------------------
class Cache:
    """Entries of one run fingerprint in one cache folder."""

    def __init__(self, root: Path, run_key: str) -> None:
        self.root = root
        self.run_key = run_key
        self.folder = root / f"{_PREFIX}{run_key}"
        self.enabled = True
        self._ready = False

    @classmethod
    def for_linter(cls, linter: Linter) -> Cache:
        return cls(cache_dir(linter.config), fingerprint(linter))

    # keys
    @staticmethod
    def file_key(source: SourceFile) -> str:
        ident = f"{source.display}\0{os.path.abspath(source.path)}"
        return hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def _entry_path(self, source: SourceFile) -> Path:
        return self.folder / f"{self.file_key(source)}.json"

    # reading
    def load(self, source: SourceFile, digest: str, complete: bool) -> FileResult | None:
        """The cached result of this file's bytes, or None. ``complete``: findings wanted
        (an entry written for facts only then does not do)."""
        if not self.enabled:
            return None
        try:
            data = json.loads(self._entry_path(source).read_bytes())
        except (OSError, ValueError, RecursionError):  # RecursionError: '[[[[…' nested deep
            return None
        try:
            return self._decode(data, source, digest, complete)
        except (_Invalid, ValueError, TypeError, KeyError, AttributeError):
            return None  # corrupt or foreign: linted again, then overwritten

    def _decode(
        self, data: Any, source: SourceFile, digest: str, complete: bool
    ) -> FileResult | None:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        if data.get("run") != self.run_key or data.get("hash") != digest:
            return None
        if data.get("path") != source.display:
            return None
        has_findings = data.get("complete")
        if type(has_findings) is not bool or (complete and not has_findings):
            return None
        facts = data["facts"]
        if not isinstance(facts, dict):
            raise _Invalid(facts)
        result = FileResult(source.display, facts=facts)
        if complete:
            result.findings = [
                _finding_from_json(source.display, f) for f in _list(data["findings"])
            ]
            result.suppressions = _suppressions_from_json(data["suppressions"])
        return result

    # writing
    def store(self, source: SourceFile, digest: str, result: FileResult, complete: bool) -> None:
        """Remember a fresh result; results that are not a pure function of the file's bytes
        (a rule raised, fixes were written, a diff was asked for) are not kept."""
        if not self.enabled or result.errors or result.fixed or result.diff:
            return
        if result.output is not None or any(f.path != result.path for f in result.findings):
            return
        entry = {
            "format": FORMAT,
            "run": self.run_key,
            "path": source.display,
            "hash": digest,
            "complete": complete,
            "findings": [_finding_to_json(f) for f in result.findings] if complete else [],
            "facts": result.facts,
            "suppressions": result.suppressions.to_json() if complete else [[], []],
        }
        try:
            encoded = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        except (TypeError, ValueError, UnicodeEncodeError):
            return  # facts that JSON cannot hold: not cacheable
        try:
            self._prepare()
            self._write(self._entry_path(source), encoded)
        except OSError:
            self.enabled = False  # read-only or full disk: run without the cache

    def _write(self, target: Path, data: bytes) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _prepare(self) -> None:
        """Create the folder, its markers, and prune old fingerprints (once per process)."""
        if self._ready:
            return
        fresh = not self.folder.is_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (
            (".gitignore", "# created by seolint\n*\n"),
            ("CACHEDIR.TAG", _CACHEDIR_TAG),
        ):
            marker = self.root / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        if fresh:
            self._prune()
        self._ready = True

    def _prune(self) -> None:
        # every format's folders: those of an older seolint would otherwise stay forever
        runs = [p for p in self.root.iterdir() if p.is_dir() and _RUN_FOLDER.fullmatch(p.name)]
        runs.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in runs[KEEP_RUN_FOLDERS:]:
            shutil.rmtree(old, ignore_errors=True)


def clean(root: Path) -> bool:
    """Remove a cache folder; only what seolint writes there is deleted (the folder may be
    a ``SEOLINT_CACHE_DIR`` shared with other files). True when something was removed."""
    if not root.is_dir():
        return False
    removed = False
    for entry in root.iterdir():
        if entry.is_dir() and _RUN_FOLDER.fullmatch(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
            removed = True
        elif entry.name in _MARKERS:
            entry.unlink(missing_ok=True)
            removed = True
    with contextlib.suppress(OSError):
        root.rmdir()  # only when empty
    return removed


# -- the per-file step -----------------------------------------------------------------------
def _usable(result: FileResult, linter: Linter) -> bool:
    """A hit replaces linting unless ``--fix``/``--diff`` would change the file."""
    options = linter.options
    if not (options.fix or options.diff):
        return True
    return not any(
        f.fix is not None and (f.fix.safe or options.unsafe_fixes) for f in result.findings
    )


def lookup(linter: Linter, cache: Cache, source: SourceFile) -> FileResult | None:
    """The cached result for a file as it is now on disk, if any."""
    try:
        raw = read_source(source.path, linter.max_bytes)
    except OSError:
        return None
    hit = cache.load(source, content_hash(raw), complete=linter.reports(source))
    return hit if hit is not None and _usable(hit, linter) else None


def lint_and_store(linter: Linter, cache: Cache, source: SourceFile) -> FileResult:
    """Lint one file (as :meth:`Linter.lint_file` does) and remember the result."""
    complete = linter.reports(source)
    try:
        raw = read_source(source.path, linter.max_bytes)
    except OSError:
        return linter.lint_file(source)  # reports the read error
    result = linter.lint_bytes(source, raw, FileResult(source.display), not complete)
    try:
        result.facts = json_roundtrip(result.facts)
    except (TypeError, ValueError):
        return result  # facts JSON cannot hold: not cacheable
    cache.store(source, content_hash(raw), result, complete)
    return result
