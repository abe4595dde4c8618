"""Bad input never crashes the run (issue 7, point 1).

Each test builds one class of bad input next to a healthy article, in a temporary folder
(nothing is stored in the repository), and runs the real command on the folder. Whatever
the input, it must:

- get a finding, or a clear message naming the file (and the line where there is one);
- leave the healthy article linted and reported;
- end with the exit code of the contract (DESIGN §2: 1 for findings, 2 for a failed run);
- finish within seconds (a deadline kills a hung run) with bounded memory.

The whole rule set runs (``--isolated``, every default rule), so these tests also exercise
every rule family on hostile text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bounded import Outcome, run_bounded

# The healthy article: no description, so FM003 (an error) is always reported for it.
GOOD_NAME = "good.md"
GOOD = "---\ntitle: Un article en bonne santé\n---\n\n# Un article en bonne santé\n\nDu texte.\n"
DEADLINE = 90.0  # seconds; a case takes one or two — only a hang comes near this
MAX_PEAK_MB = 400.0  # the interpreter and every rule family take about 100 MB


@dataclass
class Expect:
    """What the run must say about the bad file."""

    rule: str | None = None  # a finding of this rule on the bad file…
    line: int | None = None  # …on this line
    column: int | None = None
    message: str = ""  # …whose message contains this
    stderr: str = ""  # or: a message on stderr (it is then followed by the path)
    exit_code: int = 1
    linted: bool = True  # the file is one of the files checked
    extra: dict[str, Any] = field(default_factory=dict)


def _run(tmp_path: Path, *extra: str, timeout: float = DEADLINE) -> tuple[Outcome, dict[str, Any]]:
    outcome = run_bounded(
        "check",
        "content",
        "--isolated",
        "--format",
        "json",
        "--no-progress",
        *extra,
        cwd=tmp_path,
        timeout=timeout,
    )
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.peak_mb < MAX_PEAK_MB, f"peak memory {outcome.peak_mb:.0f} MB"
    assert outcome.stdout, outcome.stderr
    return outcome, json.loads(outcome.stdout)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / GOOD_NAME).write_text(GOOD, encoding="utf-8")
    return folder


def _positions_inside(folder: Path, findings: list[dict[str, Any]]) -> None:
    """Every finding of a readable file points at a character of that file (1-based)."""
    lines_of: dict[str, list[str] | None] = {}
    for finding in findings:
        if finding["path"] not in lines_of:
            lines_of[finding["path"]] = _lines(folder.parent / finding["path"])
        lines = lines_of[finding["path"]]
        if lines is None:
            continue
        for line_key, col_key in (("line", "column"), ("end_line", "end_column")):
            line, column = finding[line_key], finding[col_key]
            assert 1 <= line <= len(lines), finding
            assert 1 <= column <= len(lines[line - 1]) + 1, finding


def _lines(path: Path) -> list[str] | None:
    if not path.is_file() or path.stat().st_size > 1_000_000:
        return None
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_case(
    tmp_path: Path, name: str, write: Callable[[Path], None], expect: Expect, *extra: str
) -> list[dict[str, Any]]:
    folder = _folder(tmp_path)
    write(folder / name)
    outcome, report = _run(tmp_path, *extra)
    findings = report["findings"]
    assert outcome.returncode == expect.exit_code, (outcome.returncode, outcome.stderr)
    # The healthy article is still linted and reported.
    assert any(f["path"] == f"content/{GOOD_NAME}" and f["rule"] == "FM003" for f in findings)
    bad = [f for f in findings if f["path"] == f"content/{name}"]
    if expect.rule is not None:
        hits = [f for f in bad if f["rule"] == expect.rule]
        assert hits, (expect.rule, bad, outcome.stderr)
        hit = hits[0]
        if expect.line is not None:
            assert hit["line"] == expect.line, hit
        if expect.column is not None:
            assert hit["column"] == expect.column, hit
        assert expect.message in hit["message"], hit
    if expect.stderr:
        assert f"content/{name}: {expect.stderr}" in outcome.stderr, outcome.stderr
    if expect.rule is None and not expect.stderr:
        assert bad, "the bad file got no finding at all"
    assert report["summary"]["files"] == (2 if expect.linted else 1)
    _positions_inside(folder, findings)
    return bad


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(data: str) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data.encode("utf-8"))


# -- not text ---------------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    png_like = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    check_case(tmp_path, "image.md", _bytes(png_like), Expect("SL001", 3, 1, "NUL bytes"))


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(range(1, 256)) * 64
    check_case(tmp_path, "blob.md", _bytes(data), Expect("SL001", 3, 115, "not valid UTF-8"))


@pytest.mark.parametrize(
    ("name", "data", "line", "column"),
    [
        ("latin1.md", "---\ntitle: Été\n---\n\nDéjà.\n".encode("latin-1"), 2, 8),
        ("cp1252.md", "---\ntitle: x\n---\n\nL’été “chaud”.\n".encode("cp1252"), 5, 2),
        ("surrogate.md", b"---\ntitle: x\n---\n\nab\xed\xa0\x80cd\n", 5, 3),
        ("truncated.md", b"---\ntitle: x\n---\n\ncaf\xc3", 5, 4),
        ("overlong.md", b"---\ntitle: x\n---\n\n\xc0\xafetc\n", 5, 1),
    ],
)
def test_not_utf8(tmp_path: Path, name: str, data: bytes, line: int, column: int) -> None:
    check_case(tmp_path, name, _bytes(data), Expect("SL001", line, column, "not valid UTF-8"))


@pytest.mark.parametrize(
    ("codec", "message"),
    [("utf-16", "UTF-16 encoded"), ("utf-32", "UTF-32 encoded"), ("utf-16-be", "NUL bytes")],
)
def test_utf16_and_utf32(tmp_path: Path, codec: str, message: str) -> None:
    """A UTF-16 or UTF-32 BOM says which; without a BOM the NUL bytes give it away."""
    data = "---\ntitle: Été\n---\n\nTexte.\n".encode(codec)
    check_case(tmp_path, "wide.md", _bytes(data), Expect("SL001", message=message))


def test_nul_bytes_in_text(tmp_path: Path) -> None:
    data = b"---\ntitle: x\n---\n\nab\x00cd\n"
    check_case(tmp_path, "nul.md", _bytes(data), Expect("SL001", 5, 3, "NUL bytes"))


# -- empty and half-formed front-matter -------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"\n", b"\xef\xbb\xbf", b"   \n\t\n", b"\r\n\r\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    check_case(tmp_path, "empty.md", _bytes(data), Expect("FM001", 1, 1))


@pytest.mark.parametrize(
    "data",
    [
        "---\ntitle: Seul\n---\n",
        "---\ntitle: Seul\n---",
        "---\n---\n",
        "+++\ntitle = 'Seul'\n+++\n",
        '{"title": "x"}',
    ],
)
def test_front_matter_only(tmp_path: Path, data: str) -> None:
    check_case(tmp_path, "only.md", _text(data), Expect("FM003"))


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("---\ntitle: x\n\n# Titre\n\nTexte.\n", 1),
        ("---", 1),
        ("+++\ntitle = 'x'\n\nTexte.\n", 1),
        ('{"title": "x",\n\nTexte.\n', 3),
    ],
)
def test_unterminated_front_matter(tmp_path: Path, data: str, line: int) -> None:
    check_case(tmp_path, "open.md", _text(data), Expect("FM002", line))


@pytest.mark.parametrize(
    ("name", "data", "line", "message"),
    [
        ("yaml.md", "---\ntitle: [x\ndate: 2024-01-01\n---\n\nTexte.\n", 3, "YAML"),
        ("yaml-quotes.md", '---\ntitle: "about "Steven""\n---\n\nTexte.\n', 2, "YAML"),
        ("yaml-tab.md", "---\ntitle: x\n\tslug: y\n---\n\nTexte.\n", 3, "YAML"),
        ("yaml-list.md", "---\n- a\n- b\n---\n\nTexte.\n", 2, "not a set of"),
        ("yaml-scalar.md", "---\njust text\n---\n\nTexte.\n", 2, "single value"),
        ("toml.md", "+++\ntitle = \nslug = 'x'\n+++\n\nTexte.\n", 2, "TOML"),
        ("toml-dup.md", "+++\ntitle = 'a'\ntitle = 'b'\n+++\n\nTexte.\n", 3, "TOML"),
        ("json.md", '{"title": x}\n\nTexte.\n', 1, "JSON"),
        ("json-trailing.md", '{"title": "x",}\n\nTexte.\n', 1, "JSON"),
        ("json-list.md", '{"title": ["x", }\n}\n\nTexte.\n', 1, "JSON"),
    ],
)
def test_invalid_front_matter(
    tmp_path: Path, name: str, data: str, line: int, message: str
) -> None:
    check_case(tmp_path, name, _text(data), Expect("FM002", line, message=message))


def test_yaml_unsafe_tags_are_refused(tmp_path: Path) -> None:
    data = "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n\nTexte.\n"
    check_case(tmp_path, "tag.md", _text(data), Expect("FM002", 2, message="refuses"))


def test_yaml_billion_laughs(tmp_path: Path) -> None:
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    data = "\n".join([*lines, "---", "", "Texte.", ""])
    check_case(tmp_path, "lol.md", _text(data), Expect("FM002", message="billion laughs"))


# -- deep and wide ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("flow.md", "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\n\nTexte.\n"),
        # one space per level keeps 1,300 levels under the 1 MB size limit
        ("block.md", "---\n" + "".join(" " * i + "k:\n" for i in range(1300)) + "---\n\nTexte.\n"),
        ("compact.md", "---\na:\n" + "- " * 3000 + "x\n---\n\nTexte.\n"),
        ("mapping.md", "---\na: " + "{b: " * 5000 + "c" + "}" * 5000 + "\n---\n\nTexte.\n"),
        ("toml.md", "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n\nTexte.\n"),
        ("json.md", '{"a": ' + "[" * 5000 + "]" * 5000 + "}\n\nTexte.\n"),
    ],
)
def test_nested_thousands_of_levels(tmp_path: Path, name: str, data: str) -> None:
    check_case(tmp_path, name, _text(data), Expect("FM002", message="deep"))


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_hundred_thousand_keys(tmp_path: Path, fmt: str) -> None:
    keys = [_base36(i) for i in range(100_000)]  # short keys: the file stays under 1 MB
    if fmt == "yaml":
        data = "---\n" + "".join(f"k{key}: v\n" for key in keys) + "---\n\nTexte.\n"
    elif fmt == "toml":
        data = "+++\n" + "".join(f"k{key}=1\n" for key in keys) + "+++\n\nTexte.\n"
    else:
        data = "{" + ",".join(f'"{key}":1' for key in keys) + "}\n\nTexte.\n"
    assert len(data) < 1_000_000
    check_case(tmp_path, "wide.md", _text(data), Expect("FM002", 1, message="100,000 keys"))


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


# -- strange characters -----------------------------------------------------------------------


def test_bidi_override_and_zero_width(tmp_path: Path) -> None:
    data = (
        "---\ntitle: \u202eeliforp\u202c mon\u200b titre\ndescription: \u2066x\u2069\u200d\n"
        "slug: a\u200bb\n---\n\n# \u202emon\u200b titre\n\n"
        "Du texte\u200b avec\u200c des\u200d marques\ufeff invisibles\u2060 ; et \u202e"
        "une inversion... ici\u202c.\n\n[lien\u200b](https://exemple.fr/\u200b)\n"
    )
    check_case(tmp_path, "bidi.md", _text(data), Expect())


def test_emoji(tmp_path: Path) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    data = (
        f"---\ntitle: \U0001f389 Fête {family} 🇫🇷\n---\n\n# \U0001f389 Fête {family}\n\n"
        f"Texte \U0001f680 ; ici ! {family} et 😀... fin 🏳️‍🌈.\n"
    )
    check_case(tmp_path, "emoji.md", _text(data), Expect())


@pytest.mark.parametrize("ending", ["\r\n", "\r", "mixed"])
def test_unusual_line_endings(tmp_path: Path, ending: str) -> None:
    lines = ["---", "title: Un titre", "---", "", "# Un titre", "", "Texte... ici ; là.", ""]
    if ending == "mixed":
        data = "\r\n".join(lines[:3]) + "\r" + "\n".join(lines[3:6]) + "\r\n" + "\r".join(lines[6:])
    else:
        data = ending.join(lines)
    check_case(tmp_path, "endings.md", _text(data), Expect("FM003", 1, 1))


def test_control_characters_in_yaml(tmp_path: Path) -> None:
    data = "---\ntitle: a\x07b\x1bc\n---\n\nTexte\x0b avec\x0c contrôle.\n"
    check_case(tmp_path, "ctrl.md", _text(data), Expect("FM002", 2, message="control character"))


# -- the file system --------------------------------------------------------------------------


def test_directory_named_like_an_article(tmp_path: Path) -> None:
    def make(path: Path) -> None:
        path.mkdir()
        (path / "inner.md").write_text("---\ntitle: Dedans\n---\n\nTexte.\n", encoding="utf-8")

    folder = _folder(tmp_path)
    make(folder / "x.md")
    outcome, report = _run(tmp_path)
    assert outcome.returncode == 1
    assert report["summary"]["files"] == 2
    assert {f["path"] for f in report["findings"]} == {"content/good.md", "content/x.md/inner.md"}
    # Named on the command line, the folder is walked.
    named = run_bounded(
        "check", "content/x.md", "--isolated", "--format", "json", cwd=tmp_path, timeout=DEADLINE
    )
    assert named.returncode == 1, named.stderr
    assert json.loads(named.stdout)["summary"]["files"] == 1


@pytest.mark.parametrize("kind", ["self", "pair", "folder"])
def test_symlink_loops(tmp_path: Path, kind: str) -> None:
    folder = _folder(tmp_path)
    if kind == "self":
        (folder / "loop.md").symlink_to("loop.md")
    elif kind == "pair":
        (folder / "a.md").symlink_to("b.md")
        (folder / "b.md").symlink_to("a.md")
    else:
        (folder / "sub").mkdir()
        (folder / "sub" / "up").symlink_to("..")
        (folder / "sub" / "round").symlink_to("../sub")
    outcome, report = _run(tmp_path)
    assert outcome.returncode == 1, outcome.stderr
    assert report["summary"]["files"] == 1
    if kind == "self":
        assert "content/loop.md: skipped, it is a symbolic link loop" in outcome.stderr
    elif kind == "pair":
        assert "content/a.md: skipped, it is a symbolic link loop" in outcome.stderr


def test_dangling_symlink_in_a_folder_is_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "gone.md").symlink_to("nowhere.md")
    outcome, report = _run(tmp_path)
    assert outcome.returncode == 1
    assert report["summary"]["files"] == 1
    assert "content/gone.md: skipped" in outcome.stderr
    assert "dangling symbolic link" in outcome.stderr


def test_dangling_symlink_named_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    outcome = run_bounded("check", "gone.md", "--isolated", cwd=tmp_path, timeout=DEADLINE)
    assert outcome.returncode == 2
    assert outcome.stderr.strip() == "seolint: error: gone.md: is a dangling symbolic link"


def test_symlink_to_an_article_is_linted(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "alias.md").symlink_to(GOOD_NAME)
    outcome, report = _run(tmp_path)
    assert outcome.returncode == 1
    assert report["summary"]["files"] == 2


def test_fifo_named_like_an_article_does_not_block(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.md")
    outcome, report = _run(tmp_path, timeout=30)
    assert outcome.returncode == 1
    assert report["summary"]["files"] == 1
    named = run_bounded("check", "content/pipe.md", "--isolated", cwd=tmp_path, timeout=30)
    assert named.returncode == 2
    assert named.stderr == "seolint: error: content/pipe.md: is not a regular file or a folder\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its permissions")
def test_unreadable_file_is_a_run_error(tmp_path: Path) -> None:
    def write(path: Path) -> None:
        path.write_text("---\ntitle: x\n---\n", encoding="utf-8")
        path.chmod(0)

    check_case(
        tmp_path,
        "secret.md",
        write,
        Expect(stderr="cannot read the file", exit_code=2, linted=True),
        "--no-cache",
    )


# -- size -------------------------------------------------------------------------------------


def _article(size: int) -> bytes:
    head = b"---\ntitle: Un tr\xc3\xa8s long article\n---\n\n"
    paragraph = (
        b"## Une partie\n\nUn paragraphe de texte, avec des mots ; et de la ponctuation ! "
        b"Voir [le site](https://exemple.fr) et `du code`.\n\n"
    )
    return (head + paragraph * (size // len(paragraph) + 1))[:size]


def test_ten_megabyte_article(tmp_path: Path) -> None:
    check_case(
        tmp_path,
        "huge.md",
        _bytes(_article(10_000_000)),
        Expect("SL001", 1, 1, "larger than 1,000,000 bytes"),
    )


def test_two_megabyte_single_line(tmp_path: Path) -> None:
    data = b"---\ntitle: x\n---\n\n" + b"mot " * 500_000
    check_case(tmp_path, "line.md", _bytes(data), Expect("SL001", 1, 1, "not linted"))


def test_huge_file_on_standard_input(tmp_path: Path) -> None:
    outcome = run_bounded(
        "check",
        "-",
        "--stdin-filename",
        "big.md",
        "--isolated",
        "--format",
        "json",
        cwd=tmp_path,
        timeout=DEADLINE,
        stdin=_article(10_000_000),
    )
    assert outcome.returncode == 1, outcome.stderr
    assert [f["rule"] for f in json.loads(outcome.stdout)["findings"]] == ["SL001"]


def test_size_limit_is_an_option(tmp_path: Path) -> None:
    (tmp_path / "seolint.toml").write_text("[options.SL001]\nmax_bytes = 100\n")
    folder = _folder(tmp_path)
    (folder / "small.md").write_bytes(_article(150))
    outcome = run_bounded("check", "content", "--format", "json", cwd=tmp_path, timeout=DEADLINE)
    findings = json.loads(outcome.stdout)["findings"]
    assert [f["path"] for f in findings if f["rule"] == "SL001"] == ["content/small.md"]


@pytest.mark.parametrize(
    ("size", "expected"), [(0, 0), (99, 99), (100, 100), (101, 101), (500, 101)]
)
def test_a_file_is_read_whole_up_to_one_byte_past_the_limit(
    tmp_path: Path, size: int, expected: int
) -> None:
    from seolint.engine import read_source

    path = tmp_path / "a.md"
    path.write_bytes(b"x" * size)
    assert read_source(path, 100) == b"x" * expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_file_whose_size_is_unknown_is_read_whole(tmp_path: Path) -> None:
    """A named pipe says it holds 0 bytes: its content is read all the same (up to the
    limit), as a file that grows while it is read."""
    import threading

    from seolint.engine import read_source

    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)

    def write(data: bytes) -> None:
        with pipe.open("wb") as out:
            out.write(data)

    for data, expected in (
        (b"# Titre\n\nTexte.\n", b"# Titre\n\nTexte.\n"),
        (b"y" * 300, b"y" * 101),
    ):
        writer = threading.Thread(target=write, args=(data,))
        writer.start()
        assert read_source(pipe, 100) == expected
        writer.join(timeout=5)


@pytest.mark.parametrize(("name", "size"), [("long-line.md", 300_000), ("big.md", 900_000)])
def test_large_article_under_the_limit_is_linted_in_bounded_time(
    tmp_path: Path, name: str, size: int
) -> None:
    """Just under the size limit every rule runs: no rule may be quadratic in the size."""
    if name == "long-line.md":
        data = b"---\ntitle: x\n---\n\n" + b"mot, ... 5% ; " * (size // 14)
    else:
        data = _article(size)
    bad = check_case(tmp_path, name, _bytes(data), Expect("FM003"))
    assert all(f["rule"] != "SL001" for f in bad)


def test_many_bad_files_in_one_run(tmp_path: Path) -> None:
    """Every class at once, with workers: each bad file is reported, the healthy ones too."""
    folder = _folder(tmp_path)
    bad = {
        "bin.md": bytes(range(256)),
        "latin1.md": "---\ntitle: Été\n---\n".encode("latin-1"),
        "utf16.md": "---\ntitle: x\n---\n".encode("utf-16"),
        "empty.md": b"",
        "open.md": b"---\ntitle: x\n",
        "yaml.md": b"---\ntitle: [x\n---\n",
        "deep.md": b"---\na: " + b"[" * 3000 + b"]" * 3000 + b"\n---\n",
        "emoji.md": "---\ntitle: 🎉\n---\n\n🎉... ok\n".encode(),
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    for index in range(30):
        (folder / f"ok{index:02}.md").write_text(GOOD, encoding="utf-8")
    outcome, report = _run(tmp_path, "--jobs", "2")
    assert outcome.returncode == 1, outcome.stderr
    reported = {f["path"].split("/", 1)[1] for f in report["findings"]}
    assert set(bad) <= reported
    assert {f"ok{i:02}.md" for i in range(30)} <= reported
    assert report["summary"]["files"] == 1 + len(bad) + 30
    # The second run reads the cache: the same report, byte for byte.
    again, _ = _run(tmp_path, "--jobs", "2")
    assert again.stdout == outcome.stdout
