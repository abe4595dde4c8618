"""Security (issue 7, points 5 and 6).

- No code runs from front-matter: YAML tags that construct objects are refused (FM002).
- No network access, ever: the whole command runs under a socket guard that records any
  attempt (and, where the system allows it, in a network namespace with no network).
- Nothing is written outside the linted files and the cache folder.
- Rule packs and plugins load only from configured places: a pack or a plugin lying in the
  linted folder is not picked up.
- The cache is untrusted data: truncated, corrupt, hostile or foreign entries are ignored
  and rebuilt, and it never unpickles anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bounded import run_bounded

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

ARTICLE = """\
---
title: "L'article : un titre assez long pour les moteurs de recherche"
seoTitle: "Un titre SEO de longueur raisonnable pour Google"
seoDescription: "Une description qui dit ce que l'article apporte au lecteur, sans détour."
datePublished: 2024-03-01
slug: article-titre
canonical: https://exemple.fr/article-titre
---

# L'article : un titre assez long pour les moteurs de recherche

Bonjour ! Voir https://exemple.fr/ et [la source](https://example.com/source)... 50% des cas.

![](https://exemple.fr/image.png)
"""


def _site(folder: Path, count: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (folder / f"a{index}.md").write_text(
            ARTICLE.replace("article-titre", f"a-{index}"), encoding="utf-8"
        )


# -- no code from front-matter ----------------------------------------------------------------

TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object/apply:subprocess.check_output [['touch', '{marker}']]",
    "!ruby/object:Gem::Installer {{i: x}}",
    "!include {marker}",
]


@pytest.mark.parametrize("tag", TAGS)
def test_no_code_runs_from_front_matter_tags(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "PWNED"
    content = tmp_path / "content"
    content.mkdir()
    value = tag.format(marker=marker)
    (content / "a.md").write_text(
        f"---\ntitle: Un titre\nslug: {value}\n---\n\nTexte.\n", encoding="utf-8"
    )
    (content / "b.md").write_text(f"---\n- {value}\n---\n\nTexte.\n", encoding="utf-8")
    (content / "c.md").write_text(f"---\nx: &a {value}\ny: *a\n---\n\nTexte.\n", encoding="utf-8")
    for args in (
        ["check", "content", "--format", "json"],
        ["check", "content", "--fix", "--unsafe-fixes"],
        ["preview", "content/a.md"],
        ["report", "content", "--html", "-"],
    ):
        outcome = run_bounded(*args, "--isolated", cwd=tmp_path, timeout=120)
        assert "Traceback" not in outcome.stderr, outcome.stderr
        assert not marker.exists(), f"{args}: the front-matter ran code"
    outcome = run_bounded(
        "check", "content", "--isolated", "--format", "json", "--select", "FM002", cwd=tmp_path
    )
    flagged = {f["path"] for f in json.loads(outcome.stdout)["findings"]}
    assert flagged == {"content/a.md", "content/b.md", "content/c.md"}


def test_front_matter_loader_never_constructs_objects() -> None:
    from seolint.parse.frontmatter import parse_front_matter

    fm = parse_front_matter("---\na: !!python/object/apply:os.getcwd []\n---\n")
    assert fm is not None and fm.data is None
    assert fm.problems[0].kind == "unsafe-tag"
    # Plain YAML types still load.
    fm = parse_front_matter("---\na: !!str 12\nb: !!int '3'\nc: 2024-01-02\nd: [1, {e: f}]\n---\n")
    assert fm is not None and fm.data is not None
    assert fm.data["a"] == "12" and fm.data["b"] == 3


# -- no network -------------------------------------------------------------------------------

SOCKET_GUARD = """
import os
import socket

_LOG = os.environ["SEOLINT_NET_LOG"]
_LOCAL = {getattr(socket, "AF_UNIX", None)}


def _record(what, *args):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {what} {args!r}\\n")
    raise OSError("network access blocked by the seolint test suite")


class _GuardedSocket(socket.socket):
    def connect(self, address):
        if self.family not in _LOCAL:
            _record("connect", address)
        return super().connect(address)

    def connect_ex(self, address):
        if self.family not in _LOCAL:
            _record("connect_ex", address)
        return super().connect_ex(address)

    def sendto(self, *args):
        if self.family not in _LOCAL:
            _record("sendto", *args)
        return super().sendto(*args)


socket.socket = _GuardedSocket
socket.create_connection = lambda *a, **k: _record("create_connection", *a)
socket.getaddrinfo = lambda *a, **k: _record("getaddrinfo", *a)
socket.gethostbyname = lambda *a, **k: _record("gethostbyname", *a)
socket.gethostbyname_ex = lambda *a, **k: _record("gethostbyname_ex", *a)
"""


def _guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SOCKET_GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    log.write_text("", encoding="utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(guard), *sys.path]), "SEOLINT_NET_LOG": str(log)}
    return env, log


def _every_command(site: Path) -> list[list[str]]:
    return [
        ["check", str(site), "--isolated", "--format", "json", "--jobs", "2"],
        ["check", str(site), "--isolated", "--lang", "en", "--format", "sarif"],
        ["check", str(site), "--isolated", "--fix", "--unsafe-fixes", "--no-cache"],
        ["preview", str(next(site.rglob("*.md")))],
        ["report", str(site), "--isolated", "--html", "-"],
        ["rules", "--format", "json"],
        ["rule", "FR001"],
    ]


def test_no_network_access_under_a_socket_guard(tmp_path: Path) -> None:
    env, log = _guarded_env(tmp_path)
    site = tmp_path / "site"
    if EXAMPLES.is_dir():
        shutil.copytree(EXAMPLES, site)
    _site(site / "more")
    # The guard works: a probe that does connect is recorded.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('example.com', 80))"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert probe.returncode != 0 and "create_connection" in log.read_text()
    log.write_text("", encoding="utf-8")
    for args in _every_command(site):
        outcome = run_bounded(*args, cwd=tmp_path, env=env, timeout=300)
        assert "Traceback" not in outcome.stderr, (args, outcome.stderr)
        assert log.read_text() == "", f"seolint {' '.join(args)} tried the network"


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        probe = subprocess.run(
            ["unshare", "-rn", "true"], capture_output=True, timeout=20, check=False
        )
        if probe.returncode != 0:
            probe = subprocess.run(
                ["unshare", "-n", "true"], capture_output=True, timeout=20, check=False
            )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="no network namespace here (unshare -n)")
def test_same_report_without_any_network(tmp_path: Path) -> None:
    """In a namespace with no network at all, the report is the same as with it."""
    site = tmp_path / "site"
    _site(site)
    if EXAMPLES.is_dir():
        shutil.copytree(EXAMPLES, site / "examples")
    base = [
        sys.executable,
        "-m",
        "seolint",
        "check",
        str(site),
        "--isolated",
        "--format",
        "json",
        "--no-cache",
    ]
    online = subprocess.run(base, capture_output=True, text=True, timeout=300, check=False)
    flag = (
        "-rn"
        if subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False).returncode
        == 0
        else "-n"
    )
    offline = subprocess.run(
        ["unshare", flag, *base], capture_output=True, text=True, timeout=300, check=False
    )
    assert "Traceback" not in offline.stderr, offline.stderr
    assert offline.returncode == online.returncode
    assert offline.stdout == online.stdout


# -- nothing written elsewhere ----------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, tuple[str, int, str]]:
    state: dict[str, tuple[str, int, str]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            state[rel] = ("link", 0, os.readlink(path))
        elif path.is_dir():
            state[rel] = ("dir", path.stat().st_mode & 0o7777, "")
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[rel] = ("file", path.stat().st_mode & 0o7777, digest)
    return state


def test_fix_writes_only_the_linted_files_and_the_cache(tmp_path: Path) -> None:
    home, tmp, site = tmp_path / "home", tmp_path / "tmp", tmp_path / "site"
    home.mkdir()
    tmp.mkdir()
    _site(site / "content", 5)
    (site / "content" / "notes.txt").write_text("pas un article ; rien à corriger...\n")
    (site / "content" / "draft.md").symlink_to("a0.md")
    (site / "seolint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    env = {
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    before = _snapshot(tmp_path)
    outcome = run_bounded(
        "check", "content", "--fix", "--unsafe-fixes", "--jobs", "2", cwd=site, env=env, timeout=300
    )
    assert "Traceback" not in outcome.stderr, outcome.stderr
    after = _snapshot(tmp_path)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    fixed = {p for p in changed if p.startswith("site/content/") and p.endswith(".md")}
    assert fixed, "nothing was fixed: the test no longer exercises --fix"
    cache = {p for p in changed if p.startswith("site/.seolint_cache")}
    assert changed - fixed - cache == set()
    assert after["site/content/draft.md"] == ("link", 0, "a0.md")  # still a link


def test_no_cache_writes_only_the_linted_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site)
    before = _snapshot(tmp_path)
    outcome = run_bounded(
        "check",
        ".",
        "--isolated",
        "--no-cache",
        "--fix",
        cwd=site,
        env={"TMPDIR": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert "Traceback" not in outcome.stderr
    after = _snapshot(tmp_path)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert changed and all(p.startswith("site/a") and p.endswith(".md") for p in changed)


def test_check_without_fix_writes_nothing_but_the_cache(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site)
    before = _snapshot(tmp_path)
    for args in (
        ["check", "."],
        ["check", ".", "--diff"],
        ["preview", "a0.md"],
        ["rules"],
        ["rule", "SEO001"],
    ):
        run_bounded(
            *args,
            "--isolated",
            cwd=site,
            env={"TMPDIR": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"},
        )
    after = _snapshot(tmp_path)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert all(p.startswith("site/.seolint_cache") for p in changed), changed


# -- packs and plugins only from configured places --------------------------------------------

EVIL_PACK = """\
prefix: EVIL
rules:
  - id: EVIL001
    name: flags-everything
    kind: existence
    tokens: [le, la, un, une, titre]
    message: "a pack nobody configured"
"""


def test_unconfigured_packs_are_not_loaded(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site)
    for folder in ("rules", "packs", ".seolint", "content"):
        (site / folder).mkdir(exist_ok=True)
        (site / folder / "evil.yaml").write_text(EVIL_PACK, encoding="utf-8")
    listed = run_bounded("rules", "--format", "json", cwd=site)
    assert "EVIL" not in listed.stdout
    checked = run_bounded("check", ".", "--format", "json", cwd=site)
    assert "EVIL001" not in checked.stdout
    # Configured, the same pack loads: the test above is not vacuous.
    (site / "seolint.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    configured = run_bounded("check", ".", "--format", "json", cwd=site)
    assert "EVIL001" in configured.stdout, configured.stderr


def _plant_plugin(folder: Path, marker: Path) -> None:
    (folder / "seolint_evil.py").write_text(
        f"open({str(marker)!r}, 'w').write('imported')\n", encoding="utf-8"
    )
    dist = folder / "seolint_evil-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-evil\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nevil = seolint_evil\n")


@pytest.mark.parametrize("how", ["console-script", "python-m"])
def test_plugin_in_the_linted_folder_is_not_loaded(tmp_path: Path, how: str) -> None:
    """A repository being linted cannot make seolint import its code by shipping a
    ``dist-info``: plugins come from the installed environment only (``python -m`` puts the
    current folder on ``sys.path``; seolint drops it before looking for plugins)."""
    site = tmp_path / "site"
    _site(site)
    marker = tmp_path / "PWNED"
    _plant_plugin(site, marker)
    if how == "console-script":
        command = [str(Path(sys.executable).with_name("seolint"))]
    else:
        command = [sys.executable, "-m", "seolint"]
    for args in (["check", "."], ["rules"]):
        result = subprocess.run(
            [*command, *args, "--isolated"] if args[0] == "check" else [*command, *args],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONPATH": ""},
        )
        assert "Traceback" not in result.stderr, result.stderr
        assert not marker.exists(), f"{how} {args}: imported a plugin from the linted folder"


# -- the cache is untrusted data --------------------------------------------------------------


def _cached_run(site: Path, *extra: str) -> tuple[int, str]:
    outcome = run_bounded(
        "check", ".", "--isolated", "--format", "json", *extra, cwd=site, timeout=120
    )
    assert "Traceback" not in outcome.stderr, outcome.stderr
    return outcome.returncode, outcome.stdout


def _entries(site: Path) -> list[Path]:
    return sorted(
        p for p in (site / ".seolint_cache").rglob("*.json") if not p.name.startswith(".")
    )


@pytest.fixture
def cached_site(tmp_path: Path) -> tuple[Path, tuple[int, str]]:
    site = tmp_path / "site"
    _site(site, 4)
    fresh = _cached_run(site, "--no-cache")
    first = _cached_run(site)
    assert first == fresh
    if not _entries(site):
        pytest.skip("the cache writes no entries here")
    return site, fresh


HOSTILE: dict[str, object] = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "garbage": lambda data: os.urandom(200),
    "not-utf8": lambda data: data.replace(b'"', b"\xff", 3),
    "list": lambda data: b"[1, 2, 3]",
    "nested": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "wrong-types": lambda data: json.dumps(
        {**json.loads(data), "findings": [["x", "y", None, {}]], "facts": []}
    ).encode(),
    "huge-numbers": lambda data: data.replace(b'"format":1', b'"format":1e999'),
    "pickle": lambda data: pickle.dumps(_Boom()),
}


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch PWNED_BY_PICKLE",))


@pytest.mark.parametrize("damage", list(HOSTILE))
def test_damaged_cache_is_ignored_and_rebuilt(
    cached_site: tuple[Path, tuple[int, str]], damage: str
) -> None:
    site, fresh = cached_site
    spoil = HOSTILE[damage]
    for entry in _entries(site):
        entry.write_bytes(spoil(entry.read_bytes()))  # type: ignore[operator]
    assert _cached_run(site) == fresh
    assert not (site / "PWNED_BY_PICKLE").exists()
    for entry in _entries(site):  # rewritten as valid entries
        assert isinstance(json.loads(entry.read_bytes()), dict)


def test_cache_entry_that_is_a_folder_or_a_link(
    cached_site: tuple[Path, tuple[int, str]], tmp_path: Path
) -> None:
    site, fresh = cached_site
    outside = tmp_path / "outside.txt"
    outside.write_text("do not touch", encoding="utf-8")
    entries = _entries(site)
    entries[0].unlink()
    entries[0].mkdir()
    entries[1].unlink()
    entries[1].symlink_to(outside)
    assert _cached_run(site) == fresh
    assert outside.read_text(encoding="utf-8") == "do not touch"


def test_cache_folder_that_cannot_be_written(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site)
    fresh = _cached_run(site, "--no-cache")
    (site / ".seolint_cache").write_text("a file where the cache folder should be")
    assert _cached_run(site) == fresh


def test_cache_never_unpickles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Static and dynamic: no pickle/marshal/shelve in the cache module, and a cached run
    in this process with the unpicklers booby-trapped gives the same results."""
    cache_module = REPO / "src" / "seolint" / "cache.py"
    if not cache_module.exists():
        pytest.skip("src/seolint/cache.py is not there yet")
    source = cache_module.read_text(encoding="utf-8")
    for name in (
        "import pickle",
        "import marshal",
        "import shelve",
        "import dill",
        "yaml.load(",
        "eval(",
        "exec(",
    ):
        assert name not in source, name

    from dataclasses import replace

    from seolint.cache import Cache
    from seolint.config import Config
    from seolint.engine import Linter, RunOptions, run
    from seolint.parallel import Executor
    from seolint.registry import build_registry

    def trap(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache unpickled something")

    site = tmp_path / "site"
    _site(site)
    monkeypatch.setenv("SEOLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pickle, "loads", trap)
    monkeypatch.setattr(pickle, "load", trap)
    monkeypatch.setattr(pickle, "Unpickler", trap)
    linter = Linter(replace(Config(), select=("ALL",)), build_registry(), RunOptions())
    results = []
    for _ in range(2):
        with Executor(1, Cache.for_linter(linter)) as executor:
            results.append(run([str(site)], linter, executor).findings)
    assert results[0] == results[1] and results[0]
    assert list((tmp_path / "cache").rglob("*.json"))
