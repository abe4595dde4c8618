"""The README stays in step with the code: the rule table, the Quick start, .ci/run."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tool() -> object:
    spec = importlib.util.spec_from_file_location(
        "update_readme_rules", ROOT / "tools" / "update_readme_rules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_table_matches_the_registry() -> None:
    tool = _tool()
    expected = tool.rules_table()  # type: ignore[attr-defined]
    start = README.index(tool.BEGIN)  # type: ignore[attr-defined]
    end = README.index(tool.END) + len(tool.END)  # type: ignore[attr-defined]
    assert README[start:end] == expected, "run: python tools/update_readme_rules.py"


def test_every_rule_of_the_catalog_is_in_the_readme() -> None:
    from seolint.config import Config
    from seolint.packs import registry_for

    for rule in registry_for(Config()).rules:
        assert f"| {rule.id} | {rule.name} |" in README


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1
    commands = [line for line in blocks[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert "seolint check examples/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
