"""``--fix`` loses nothing (issue 7, point 4).

- Killed at any moment, a fixing run leaves each file either as it was or fully fixed,
  byte for byte — never half written.
- Permissions, owner, BOM and line endings are kept; a symbolic link stays a link.
- A read-only file is reported, not fixed and not crashed on.
- Two ``--fix`` runs at once on the same files never corrupt them.
- A file changed on disk between the read and the write is not overwritten.

The fixes come from a plugin rule defined here (a fake ``dist-info`` on PYTHONPATH), so the
tests do not depend on what the built-in rules fix; one test also runs the French
typography fixes.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bounded import run_bounded

PLUGIN = '''
import os
from pathlib import Path

from seolint.findings import Edit, Fix, Severity, Violation
from seolint.rules.base import Rule


class Teh(Rule):
    """The typo « teh ».

    ## What it does
    Replaces « teh » by « the », for the fixer tests.
    """

    id = "FIXT001"
    name = "teh-typo"
    severity = Severity.ERROR
    fixable = True

    def check(self, doc, options):
        start = doc.text.find("teh")
        while start != -1:
            yield Violation(start, start + 3, "typo", fix=Fix((Edit(start, start + 3, "the"),)))
            start = doc.text.find("teh", start + 3)


class Meddler(Rule):
    """Another program edits the article while it is being linted.

    ## What it does
    Rewrites the file on disk during the check, for the fixer tests.
    """

    id = "FIXT002"
    name = "meddler"
    severity = Severity.ERROR

    def check(self, doc, options):
        if "MEDDLE" in doc.text and os.environ.get("SEOLINT_TEST_MEDDLE"):
            Path(doc.path).write_text("edited by someone else\\n", encoding="utf-8")
        return iter(())
'''


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("plugin")
    (site / "seolint_fixt.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "seolint_fixt-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-fixt\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nfixt = seolint_fixt\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}


def _old(index: int, size: int = 40_000) -> bytes:
    line = f"Article {index}: teh quick brown fox, teh lazy dog, and teh rest.\n"
    head = f"---\ntitle: Article {index}\n---\n\n".encode()
    return head + (line * (size // len(line) + 1)).encode()[:size] + b"\n"


def _new(data: bytes) -> bytes:
    return data.replace(b"teh", b"the")


def _fix_cmd(folder: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "seolint",
        "check",
        str(folder),
        "--isolated",
        "--select",
        "FIXT",
        "--fix",
        "--no-progress",
        "--no-cache",
        "--format",
        "json",
        *extra,
    ]


def _write_site(folder: Path, count: int) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {f"a{i:02}.md": _old(i) for i in range(count)}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def _assert_old_or_new(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    old = new = 0
    for name, data in files.items():
        now = (folder / name).read_bytes()
        if now == data:
            old += 1
        elif now == _new(data):
            new += 1
        else:
            pytest.fail(f"{name} is neither the old nor the fixed version ({len(now)} bytes)")
    return old, new


def test_fix_writes_the_fixed_file(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    folder = tmp_path / "site"
    files = _write_site(folder, 3)
    outcome = run_bounded(*_fix_cmd(folder)[3:], cwd=tmp_path, env=plugin_env)
    assert outcome.returncode == 0, outcome.stderr
    assert json.loads(outcome.stdout)["summary"]["fixed"] > 0
    assert _assert_old_or_new(folder, files) == (0, 3)
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)  # no temporary left


def test_killed_at_random_moments_every_file_is_old_or_new(
    tmp_path: Path, plugin_env: dict[str, str]
) -> None:
    """SIGKILL a fixing run at random moments: never a half-written article."""
    env = {**os.environ, **plugin_env, "NO_COLOR": "1"}
    first_write, last_write = _writing_window(tmp_path / "probe", env)
    rng = random.Random(7)
    deadline = time.monotonic() + 60  # bounded time, whatever the machine
    iterations = mixed = 0
    while iterations < 40 and time.monotonic() < deadline:
        folder = tmp_path / f"run{iterations}"
        files = _write_site(folder, 30)
        process = subprocess.Popen(
            _fix_cmd(folder, "--jobs", rng.choice(["1", "2"])),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        # Kill anywhere in the stretch where the files are being written, and a bit around it.
        time.sleep(rng.uniform(first_write * 0.9, last_write * 1.1))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        old, new = _assert_old_or_new(folder, files)
        mixed += bool(old and new)
        # A killed run may leave its temporary file; it is hidden and never linted.
        leftovers = [p.name for p in folder.iterdir() if p.name not in files]
        assert all(name.startswith(".") and name.endswith(".seolint-tmp") for name in leftovers)
        shutil.rmtree(folder)
        iterations += 1
    assert iterations >= 10
    # The kills did land while files were being written (some runs half done).
    window = f"{first_write:.2f}-{last_write:.2f} s"
    assert mixed >= 1, f"no kill landed during the writes in {iterations} runs ({window})"


def _writing_window(folder: Path, env: dict[str, str]) -> tuple[float, float]:
    """When, after the start of a run, the first and the last file are replaced."""
    files = _write_site(folder, 30)
    started = time.monotonic()
    process = subprocess.Popen(
        _fix_cmd(folder, "--jobs", "1"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first = last = 0.0
    pending = set(files)
    while process.poll() is None or pending:
        now = time.monotonic() - started
        for name in list(pending):
            if (folder / name).read_bytes() != files[name]:
                pending.discard(name)
                first = first or now
                last = now
        if process.poll() is not None and pending:
            break
        time.sleep(0.002)
    assert not pending, "the probe run fixed nothing"
    return first, max(last, first + 0.01)


def test_permissions_owner_bom_and_line_endings_are_kept(
    tmp_path: Path, plugin_env: dict[str, str]
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    data = b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n\r\nteh text\r\nand teh end\rlast teh"
    article = folder / "a.md"
    article.write_bytes(data)
    article.chmod(0o640)
    owner = None
    if os.geteuid() == 0:
        owner = (65534, 65534)
        os.chown(article, *owner)
    outcome = run_bounded(*_fix_cmd(folder)[3:], cwd=tmp_path, env=plugin_env)
    assert outcome.returncode == 0, outcome.stderr
    assert article.read_bytes() == _new(data)
    info = article.stat()
    assert info.st_mode & 0o777 == 0o640
    if owner is not None:
        assert (info.st_uid, info.st_gid) == owner


def test_symbolic_link_stays_a_link(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.md").write_bytes(_old(1))
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "link.md").symlink_to(real / "a.md")
    outcome = run_bounded(*_fix_cmd(folder / "link.md")[3:], cwd=tmp_path, env=plugin_env)
    assert outcome.returncode == 0, outcome.stderr
    assert (folder / "link.md").is_symlink()
    assert (real / "a.md").read_bytes() == _new(_old(1))


def test_read_only_file_is_reported_not_fixed(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    folder = tmp_path / "site"
    files = _write_site(folder, 3)
    locked = folder / "a01.md"
    locked.chmod(0o444)
    outcome = run_bounded(*_fix_cmd(folder)[3:], cwd=tmp_path, env=plugin_env)
    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 2
    assert (
        f"{folder.as_posix()}/a01.md: could not write the fixes: the file is read-only"
        in outcome.stderr
    )
    assert locked.read_bytes() == files["a01.md"]
    assert locked.stat().st_mode & 0o777 == 0o444
    # The others are fixed, and the read-only file's findings are still reported.
    assert (folder / "a00.md").read_bytes() == _new(files["a00.md"])
    paths = {f["path"] for f in json.loads(outcome.stdout)["findings"]}
    assert paths == {f"{folder.as_posix()}/a01.md"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_read_only_folder_is_reported(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    folder = tmp_path / "site"
    files = _write_site(folder, 2)
    folder.chmod(0o555)
    try:
        outcome = run_bounded(*_fix_cmd(folder)[3:], cwd=tmp_path, env=plugin_env)
    finally:
        folder.chmod(0o755)
    assert outcome.returncode == 2 and "could not write the fixes" in outcome.stderr
    assert _assert_old_or_new(folder, files) == (2, 0)


def test_two_concurrent_fix_runs_never_corrupt(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    env = {**os.environ, **plugin_env, "NO_COLOR": "1"}
    for round_ in range(4):
        folder = tmp_path / f"round{round_}"
        files = _write_site(folder, 30)
        runs = [
            subprocess.Popen(
                _fix_cmd(folder, "--jobs", jobs),
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for jobs in ("1", "2")
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert "Traceback" not in err
            # 2 when the other run fixed a file first: "changed on disk", not overwritten.
            assert run.returncode in (0, 2), err
            for line in err.splitlines():
                assert "changed on disk" in line, err
        assert _assert_old_or_new(folder, files) == (0, 30)


def test_concurrent_runs_with_real_french_fixes(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    text = (
        "---\ntitle: Un titre\n---\n\nBonjour ! Vraiment ? Oui ; enfin... "
        "Il a dit : « non ». 50% des gens.\n"
    ) * 200
    for index in range(20):
        (folder / f"a{index}.md").write_text(text, encoding="utf-8")
    single = tmp_path / "single"
    shutil.copytree(folder, single)
    base = [
        sys.executable,
        "-m",
        "seolint",
        "check",
        "--isolated",
        "--select",
        "FR1",
        "--fix",
        "--no-progress",
        "--no-cache",
    ]
    subprocess.run([*base, str(single)], capture_output=True, timeout=120, check=False)
    expected = (single / "a0.md").read_bytes()
    assert expected != text.encode(), "the FR1 rules fixed nothing"
    runs = [
        subprocess.Popen(
            [*base, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert "Traceback" not in err and run.returncode in (0, 1, 2), err
    for index in range(20):
        assert (folder / f"a{index}.md").read_bytes() in (text.encode(), expected)


def test_file_changed_between_read_and_write_is_not_overwritten(
    tmp_path: Path, plugin_env: dict[str, str]
) -> None:
    folder = tmp_path / "site"
    files = _write_site(folder, 2)
    meddled = folder / "a00.md"
    meddled.write_bytes(files["a00.md"] + b"MEDDLE\n")
    outcome = run_bounded(
        *_fix_cmd(folder)[3:], cwd=tmp_path, env={**plugin_env, "SEOLINT_TEST_MEDDLE": "1"}
    )
    assert outcome.returncode == 2
    assert "a00.md: could not write the fixes: the file changed on disk" in outcome.stderr
    assert meddled.read_text(encoding="utf-8") == "edited by someone else\n"
    assert (folder / "a01.md").read_bytes() == _new(files["a01.md"])


# -- the writer itself ------------------------------------------------------------------------


def test_write_atomically_refuses_a_changed_file(tmp_path: Path) -> None:
    from seolint.fix import WriteRefused, write_atomically

    target = tmp_path / "a.md"
    target.write_bytes(b"now")
    with pytest.raises(WriteRefused, match="changed on disk"):
        write_atomically(target, b"before", b"after")
    assert target.read_bytes() == b"now"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_write_atomically_failure_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seolint import fix

    target = tmp_path / "a.md"
    target.write_bytes(b"old")

    def broken_replace(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix.os, "replace", broken_replace)
    with pytest.raises(OSError):
        fix.write_atomically(target, b"old", b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_write_atomically_keeps_mode(tmp_path: Path) -> None:
    from seolint.fix import write_atomically

    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    target.chmod(0o604)
    write_atomically(target, b"old", b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o604
