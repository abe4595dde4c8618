"""Usage errors exit 2 with one clear sentence and no traceback (issue 7, point 2).

seolint's own errors are one line, ``seolint: error: …``, naming the file and the key when
there is one. Errors of the command-line parser itself (an unknown option, a value outside
a choice) keep the parser's usual layout — a usage line, a hint, then one ``Error:`` line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = "---\ntitle: Un titre\n---\n\nDu texte.\n"


def _one_sentence(stderr: str) -> str:
    """The single ``seolint: error:`` line of stderr (and nothing else on stderr)."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("seolint: error: "), stderr
    return lines[0].removeprefix("seolint: error: ")


def _parser_error(stderr: str) -> str:
    """The ``Error:`` line of a command-line parser error (click's layout)."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, stderr
    return errors[0]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


# -- paths ------------------------------------------------------------------------------------


def test_missing_path(site: Path) -> None:
    result = run_cli("check", "nope.md", "--isolated", cwd=site)
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == "nope.md: no such file or directory"
    assert result.stdout == ""


def test_missing_path_next_to_a_good_one(site: Path) -> None:
    result = run_cli("check", "a.md", "missing/", "--isolated", cwd=site)
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == "missing/: no such file or directory"


def test_glob_matching_nothing(site: Path) -> None:
    result = run_cli("check", "posts/**/*.md", "--isolated", cwd=site)
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == "posts/**/*.md: no file matches this pattern"


def test_missing_config_file(site: Path) -> None:
    result = run_cli("check", "a.md", "--config", "nope.toml", cwd=site)
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == "nope.toml: configuration file not found"


def test_output_file_in_an_unwritable_place(site: Path) -> None:
    (site / "taken").write_text("a file, not a folder")
    result = run_cli("check", "a.md", "--isolated", "--output-file", "taken/report.json", cwd=site)
    assert result.returncode == 2
    assert "taken/report.json: cannot write the report" in _one_sentence(result.stderr)


# -- option values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--format", "xml"), "'--format'"),
        (("--fail-on", "fatal"), "'--fail-on'"),
        (("--jobs", "many"), "'--jobs'"),
        (("--frobnicate",), "--frobnicate"),
    ],
)
def test_bad_option_value_from_the_parser(site: Path, args: tuple[str, ...], named: str) -> None:
    result = run_cli("check", "a.md", "--isolated", *args, cwd=site)
    assert result.returncode == 2
    assert named in _parser_error(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--dialect", "wordpress"), "--dialect 'wordpress' is not one of"),
        (("--select", "NOPE"), "NOPE"),
        (("--select", "FM,XYZ999"), "XYZ999"),
        (("--ignore", "QQQ"), "QQQ"),
        (("--extend-select", "ZZ1"), "ZZ1"),
        (("--update-baseline",), "--update-baseline needs --baseline FILE"),
        (("--statistics", "--format", "sarif"), "--statistics"),
    ],
)
def test_bad_option_value_from_seolint(site: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("check", "a.md", "--isolated", *args, cwd=site)
    assert result.returncode == 2
    assert message in _one_sentence(result.stderr)
    assert result.stdout == ""


def test_unknown_rule_code_for_rule_command(site: Path) -> None:
    result = run_cli("rule", "XYZ999", cwd=site)
    assert result.returncode == 2
    assert _one_sentence(result.stderr) == (
        "unknown rule code 'XYZ999'; `seolint rules` lists them"
    )


def test_stdin_mixed_with_paths(site: Path) -> None:
    result = run_cli("check", "-", "a.md", "--isolated", cwd=site, stdin=ARTICLE)
    assert result.returncode == 2
    assert "cannot be mixed" in _one_sentence(result.stderr)


# -- configuration ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('selct = ["FM"]\n', "unknown key 'selct' (did you mean 'select'?)"),
        ('fail_on = "fatal"\n', "fail_on = 'fatal' is not one of error, warning, info"),
        ("lang = 3\n", "lang must be a string, not an integer"),
        ('site_url = "example.com"\n', "site_url = 'example.com' must be an absolute"),
        ('required = ["titre"]\n', "required names unknown field(s) titre"),
        ('select = ["NOPE"]\n', "NOPE"),
        ('[severity]\nFM001 = "loud"\n', "severity.FM001 = 'loud' is not one of"),
        ('[severity]\nXYZ999 = "off"\n', "XYZ999"),
        ('[options.SEO001]\nmax_chars = "sixty"\n', "SEO001.max_chars = 'sixty'"),
        ("[options.SEO001]\nmax_char = 60\n", "rule SEO001 has no option 'max_char'"),
        ("[options.NOPE001]\nx = 1\n", "NOPE001"),
        ('per-file-ignores = "drafts"\n', "per-file-ignores must be a table"),
        ("lang = \n", "invalid TOML"),
        ("[options.SL001]\nmax_bytes = -5\n", "options of rule SL001: max_bytes must be"),
    ],
)
def test_bad_configuration(site: Path, toml: str, message: str) -> None:
    (site / "seolint.toml").write_text(toml, encoding="utf-8")
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2, result.stdout
    sentence = _one_sentence(result.stderr)
    assert "seolint.toml" in sentence  # names the file
    assert message in sentence


def test_bad_configuration_in_pyproject(site: Path) -> None:
    (site / "pyproject.toml").write_text('[tool.seolint]\nlangue = "fr"\n', encoding="utf-8")
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2
    sentence = _one_sentence(result.stderr)
    assert "pyproject.toml [tool.seolint]: unknown key 'langue'" in sentence


def test_configuration_that_is_not_utf8(site: Path) -> None:
    (site / "seolint.toml").write_bytes('lang = "fé"\n'.encode("latin-1"))
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2
    assert "seolint.toml" in _one_sentence(result.stderr)


def test_configuration_that_is_a_folder(site: Path) -> None:
    (site / "cfg.toml").mkdir()
    result = run_cli("check", "a.md", "--config", "cfg.toml", cwd=site)
    assert result.returncode == 2
    assert "cfg.toml" in _one_sentence(result.stderr)


# -- rule packs -------------------------------------------------------------------------------

PACK_OK = """\
prefix: HOUSE
rules:
  - id: HOUSE001
    name: no-leverage
    kind: existence
    tokens: [leverager]
    message: "« {match} » : écrivez « tirer parti de »"
"""


def _packs_supported() -> bool:
    try:
        import seolint.packs  # noqa: F401
    except ImportError:
        return False
    return True


needs_packs = pytest.mark.skipif(
    not _packs_supported(), reason="rule packs (seolint.packs) are not there yet"
)


@needs_packs
@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ("prefix: HOUSE\nrules: [\n", "invalid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        (PACK_OK.replace("prefix: HOUSE", "prefix: FM"), "FM"),
        (PACK_OK.replace("HOUSE001", "HOUSE1"), "id must be the pack prefix HOUSE then 3 digits"),
        (PACK_OK.replace("kind: existence", "kind: magic"), "magic"),
        (PACK_OK + "colour: red\n", "unknown key 'colour'"),
        (PACK_OK.replace("no-leverage", "No Leverage"), "kebab-case"),
        (
            "prefix: HOUSE\nrules:\n  - id: HOUSE001\n    name: x\n    kind: existence\n"
            "    tokens: ['(']\n    regex: true\n",
            "HOUSE",
        ),
        (
            "prefix: HOUSE\nrules:\n  - !!python/object/apply:os.system ['echo hacked']\n",
            "python/object",
        ),
    ],
)
def test_malformed_pack(site: Path, pack: str, message: str) -> None:
    (site / "packs").mkdir()
    (site / "packs" / "house.yaml").write_text(pack, encoding="utf-8")
    (site / "seolint.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2, (result.stdout, result.stderr)
    sentence = _one_sentence(result.stderr)
    assert "house.yaml" in sentence and message in sentence
    assert "hacked" not in result.stdout


@needs_packs
def test_pack_binary_file(site: Path) -> None:
    (site / "packs").mkdir()
    (site / "packs" / "house.yaml").write_bytes(bytes(range(256)))
    (site / "seolint.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2
    assert "house.yaml" in _one_sentence(result.stderr)


@needs_packs
def test_missing_pack_folder(site: Path) -> None:
    (site / "seolint.toml").write_text('packs = ["nowhere"]\n', encoding="utf-8")
    result = run_cli("check", "a.md", cwd=site)
    assert result.returncode == 2
    assert "nowhere" in _one_sentence(result.stderr)


# -- plugins ----------------------------------------------------------------------------------


def test_plugin_with_a_bad_rule_id(site: Path) -> None:
    plugins = site / "plugins"
    plugins.mkdir()
    (plugins / "seolint_badid.py").write_text(
        "from seolint.findings import Severity\n"
        "from seolint.rules.base import Rule\n\n"
        "class Bad(Rule):\n"
        '    """Bad id.\n\n    ## What it does\n    Nothing.\n    """\n\n'
        '    id = "bad-1"\n    name = "bad"\n    severity = Severity.INFO\n',
        encoding="utf-8",
    )
    dist = plugins / "seolint_badid-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-badid\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nbadid = seolint_badid\n")
    env = {"PYTHONPATH": os.pathsep.join([str(plugins), *sys.path])}
    result = run_cli("check", "a.md", "--isolated", cwd=site, env=env)
    assert result.returncode == 2
    assert "'bad-1'" in _one_sentence(result.stderr)
