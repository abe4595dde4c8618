"""Coverage-guided fuzzing of the parser with atheris (libFuzzer for Python).

Not part of the test suite: run it by hand, for a bounded time, e.g.

    pip install atheris
    python benchmarks/fuzz_parser.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048

Each input is a file's bytes. The target builds the :class:`Document` (decoding, line
endings, front-matter in YAML/TOML/JSON, dialect and canonical fields), then the Markdown
and prose views every rule reads, and checks their invariants: every span lies inside the
text, positions and offsets are inverse. The only exception allowed is ``UnreadableFile``
(bytes that are not UTF-8 text, reported as SL001). With ``--rules`` every rule runs too and
a rule that raises is a crash.

Crashes (and inputs slower than ``-timeout`` seconds) are written as ``crash-*`` /
``timeout-*`` files under ``-artifact_prefix`` (default: ``fuzz-artifacts/``); replay one
with ``python benchmarks/fuzz_parser.py fuzz-artifacts/crash-…``. The seed corpus is
generated here, in a temporary folder: nothing is stored in the repository.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["seolint"]):
    from seolint.config import Config
    from seolint.discover import SourceFile
    from seolint.engine import FileResult, Linter, RunOptions
    from seolint.parse.document import Document, FileSettings, UnreadableFile, parse_document
    from seolint.parse.markdown import markdown_view
    from seolint.parse.prose import prose_view
    from seolint.registry import build_registry

SEEDS = [
    b"",
    b"---\ntitle: Un titre\nslug: un-titre\ndate: 2024-01-31\ntags: [a, b]\n---\n\n# Un titre\n",
    b"+++\ntitle = 'x'\ndate = 2024-01-01\n[extra]\na = 1\n+++\n\nTexte ; ici !\n",
    b'{"title": "x", "tags": ["a"]}\n\n## TL;DR\n\n- un\n- deux\n',
    b'\xef\xbb\xbf---\r\ntitle: "a "b""\r\n---\r\n\r\n> cit\xc3\xa9 \xc2\xab x \xc2\xbb\r',
    b"---\na: &a [1, *a]\nb: !!python/object/apply:os.system ['x']\n---\n",
    b"# Titre\n\n```markdown\n# dedans\n```\n\n| a | b |\n|---|---|\n| [l](u) | `c` |\n",
    b"Texte [ici](https://x.fr) ![](i.png) <https://a.b> %[https://e.fr] <!-- seolint-disable -->",
    b"---\nseolint:\n  ignore: [FR101]\nlang: en-US\n---\n\n1. x\n   - y\n\n    code\n",
]

SETTINGS = FileSettings()
LINTER: Linter | None = None


def _check_document(doc: Document) -> None:
    size = len(doc.text)
    assert 0 <= doc.body_start <= size
    fm = doc.front_matter
    if fm is not None:
        assert 0 <= fm.start <= fm.end <= size
        for span in fm.fields.values():
            assert 0 <= span.key_start <= span.key_end <= size, span
            assert 0 <= span.value_start <= span.value_end <= size, span
        for problem in fm.problems:
            assert 0 <= problem.start <= problem.end <= size, problem
    for offset in (0, size // 3, size // 2, size):
        line, column = doc.position(offset)
        assert doc.offset(line, column) == offset
    view = markdown_view(doc)
    for block in view.blocks:
        assert 0 <= block.start <= block.end <= size, block
    for link in view.links:
        assert 0 <= link.start <= link.end <= size, link
    prose = prose_view(doc)
    assert len(prose.text) == size
    for paragraph in prose.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= size, paragraph
        assert len(paragraph.text) == paragraph.end - paragraph.start, paragraph


def test_one_input(data: bytes) -> None:
    try:
        doc = parse_document("fuzz.md", data, SETTINGS)
    except UnreadableFile:
        return
    _check_document(doc)
    if LINTER is not None:
        result = LINTER.lint_bytes(
            SourceFile("fuzz.md", Path("fuzz.md")), data, FileResult("fuzz.md")
        )
        if result.errors:
            raise RuntimeError("; ".join(result.errors))


def main() -> None:
    global LINTER
    argv = [arg for arg in sys.argv if arg != "--rules"]
    if "--rules" in sys.argv:
        LINTER = Linter(
            Config(), build_registry(), RunOptions(fix=True, unsafe_fixes=True, write=False)
        )
    if not any(arg.startswith("-artifact_prefix=") for arg in argv):
        Path("fuzz-artifacts").mkdir(exist_ok=True)
        argv.append("-artifact_prefix=fuzz-artifacts/")
    replaying = any(Path(arg).is_file() for arg in argv[1:] if not arg.startswith("-"))
    with tempfile.TemporaryDirectory(prefix="seolint-fuzz-") as corpus:
        if not replaying and not any(Path(a).is_dir() for a in argv[1:] if a[0] != "-"):
            for index, seed in enumerate(SEEDS):
                (Path(corpus) / f"seed{index}").write_bytes(seed)
            argv.append(corpus)
        atheris.Setup(argv, test_one_input)
        atheris.Fuzz()


if __name__ == "__main__":
    main()
