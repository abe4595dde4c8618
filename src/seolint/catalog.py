"""The rule catalog for people and tools: ``seolint rules``, ``seolint rule CODE``, ``init``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from seolint.errors import UsageError
from seolint.registry import Registry
from seolint.rules.base import Rule


def rule_record(rule: type[Rule]) -> dict[str, object]:
    """The keys of ``seolint rules --format json`` (DESIGN §2)."""
    return {
        "id": rule.id,
        "name": rule.name,
        "family": rule.family(),
        "severity": rule.severity.label,
        "enabled": rule.enabled,
        "fixable": rule.fixable,
        "summary": rule.summary(),
        "options": _jsonable(rule.option_defaults()),
    }


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_jsonable(v) for v in value]
    return value


def print_catalog(registry: Registry, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump([rule_record(r) for r in registry.rules], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("id", "name", "severity", "on", "fix", "summary"):
        table.add_column(column, overflow="fold")
    for rule in registry.rules:
        table.add_row(
            rule.id,
            rule.name,
            rule.severity.label,
            "yes" if rule.enabled else "no",
            "yes" if rule.fixable else "",
            rule.summary(),
        )
    # Piped output (docs, grep) gets full rows; a terminal wraps to its width.
    width = None if out.isatty() else 240
    Console(file=out, highlight=False, soft_wrap=False, width=width).print(table)


def explain_rule(rule: type[Rule], out: TextIO) -> None:
    defaults = rule.option_defaults()
    lines = [
        f"# {rule.id} {rule.name}",
        "",
        f"Family {rule.family()} · default severity **{rule.severity.label}** · "
        f"{'on' if rule.enabled else 'off'} by default · "
        f"{'fixable' if rule.fixable else 'not fixable'} · {rule.origin}",
        "",
        rule.doc(),
    ]
    if defaults and "## Options" not in rule.doc():
        lines += ["", "## Options", ""]
        lines += [
            f"- `{name}` = `{json.dumps(_jsonable(value), ensure_ascii=False)}`"
            for name, value in defaults.items()
        ]
    console = Console(file=out, highlight=False)
    if out.isatty():
        console.print(Markdown("\n".join(lines)))
    else:
        out.write("\n".join(lines) + "\n")


INIT_TEMPLATE = """\
# seolint configuration: https://github.com/ (see README "Configuration")
lang = "fr"                 # expected language; a front-matter lang/locale overrides it per file
dialect = "auto"            # auto, hashnode, hugo, jekyll, astro, docusaurus, docfx, zola, generic
# site_url = "https://example.com"   # enables canonical host and internal link checks
select = ["ALL"]            # rule codes or prefixes: "SEO", "FR1", "ST004"
ignore = []
fail_on = "error"           # error | warning | info
required = ["title", "description", "date_published", "slug"]
# packs = ["rules"]         # extra rule-pack folders

# [severity]                # per-rule severity: error | warning | info | off
# FR106 = "off"

# [options.SEO001]          # per-rule options: `seolint rule SEO001` lists them
# max_chars = 60
# max_px = 600

# [per-file-ignores]
# "drafts/**" = ["ST004", "FR"]
"""


def init_config(folder: Path, pyproject: bool = False, force: bool = False) -> Path:
    if pyproject:
        target = folder / "pyproject.toml"
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        if "[tool.seolint]" in existing:
            raise UsageError(f"{target}: already has a [tool.seolint] table")
        body = INIT_TEMPLATE.replace("# [severity]", "# [tool.seolint.severity]")
        body = body.replace("# [options.", "# [tool.seolint.options.")
        body = body.replace("# [per-file-ignores]", "# [tool.seolint.per-file-ignores]")
        section = "[tool.seolint]\n" + body
        separator = "\n" if existing and not existing.endswith("\n\n") else ""
        target.write_text(existing + separator + section, encoding="utf-8")
        return target
    target = folder / "seolint.toml"
    if target.exists() and not force:
        raise UsageError(f"{target}: already exists (use --force to overwrite)")
    target.write_text(INIT_TEMPLATE, encoding="utf-8")
    return target
