"""The command line (DESIGN §2). Commands parse options, call the engine, pick a reporter;
errors raised deep down end here as one sentence on stderr and exit code 2."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from seolint import __version__
from seolint.config import Config, find_config, load_file
from seolint.errors import UsageError
from seolint.findings import Severity

app = typer.Typer(
    name="seolint",
    help="Lint Markdown articles for search results, structure and French typography.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, enum.Enum):
    text = "text"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    gitlab = "gitlab"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


class CatalogFormat(str, enum.Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"seolint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Lint Markdown articles for search results, structure and French typography."""


def _split(values: Optional[list[str]]) -> tuple[str, ...]:
    """``--select FM,SEO001 --select FR`` → ('FM', 'SEO001', 'FR')."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


def resolve_config(
    paths: Sequence[str], config_file: Optional[Path], isolated: bool
) -> Config:
    if isolated:
        return Config()
    if config_file is not None:
        if not config_file.is_file():
            raise UsageError(f"{config_file}: configuration file not found")
        return load_file(config_file)
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    if not start.exists():
        start = Path.cwd()
    found = find_config(start)
    return load_file(found) if found is not None else Config()


@app.command()
def check(
    paths: Annotated[
        Optional[list[str]], typer.Argument(help="Files or folders to lint (default: .).")
    ] = None,
    select: Annotated[
        Optional[list[str]],
        typer.Option(help="Rule codes or prefixes to run, replacing the configuration's."),
    ] = None,
    extend_select: Annotated[
        Optional[list[str]], typer.Option(help="Rule codes or prefixes to add.")
    ] = None,
    ignore: Annotated[
        Optional[list[str]], typer.Option(help="Rule codes or prefixes to skip.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.text,
    output_file: Annotated[
        Optional[Path], typer.Option(help="Write the report to this file.")
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a diff; write nothing.")
    ] = False,
    fail_on: Annotated[
        Optional[FailOn], typer.Option(help="Lowest severity that fails the run [default: error].")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings remain.")
    ] = False,
    config_file: Annotated[
        Optional[Path], typer.Option("--config", help="Use this configuration file.")
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    lang: Annotated[
        Optional[str], typer.Option(help="Expected language of the articles (e.g. fr, en).")
    ] = None,
    dialect: Annotated[
        Optional[str],
        typer.Option(help="Front-matter dialect: auto, hashnode, hugo, jekyll, astro, …"),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary and errors.")
    ] = False,
) -> None:
    """Lint articles and report the findings."""
    from seolint.engine import Linter, RunOptions, run
    from seolint.parse.dialects import DIALECT_NAMES
    from seolint.registry import build_registry
    from seolint.report import REPORTERS, ReportContext

    given = list(paths or ["."])
    config = resolve_config(given, config_file, isolated)
    overrides: dict[str, object] = {}
    if select:
        overrides["select"] = _split(select)
    if extend_select:
        overrides["extend_select"] = (*config.extend_select, *_split(extend_select))
    if ignore:
        overrides["ignore"] = (*config.ignore, *_split(ignore))
    if fail_on is not None:
        overrides["fail_on"] = fail_on.value
    if lang is not None:
        overrides["lang"] = lang.lower()
    if dialect is not None:
        if dialect not in DIALECT_NAMES:
            raise UsageError(
                f"--dialect {dialect!r} is not one of {', '.join(DIALECT_NAMES)}"
            )
        overrides["dialect"] = dialect
    config = replace(config, **overrides)  # type: ignore[arg-type]
    reporter = REPORTERS.get(output_format.value)
    if reporter is None:
        raise UsageError(f"--format {output_format.value} is not available yet")

    registry = build_registry()
    from seolint.filter.select import check_codes

    for flag, values in (("--select", select), ("--extend-select", extend_select),
                         ("--ignore", ignore)):
        check_codes(registry, _split(values), flag)
    fail_level = Severity.parse(config.fail_on)
    options = RunOptions(fix=fix or unsafe_fixes, unsafe_fixes=unsafe_fixes, diff=diff,
                         fail_on=fail_level)
    linter = Linter(config, registry, options)
    result = run(given, linter)

    if diff:
        for patch in result.diffs:
            sys.stdout.write(patch)
    context = ReportContext(registry=registry, quiet=quiet)
    if output_file is not None:
        with output_file.open("w", encoding="utf-8", newline="\n") as handle:
            reporter(result, handle, replace(context, color=False))
        if sys.stdout.isatty() and output_format is not OutputFormat.text:
            REPORTERS["text"](result, sys.stdout, context)
    else:
        reporter(result, sys.stdout, context)
    raise typer.Exit(result.exit_code(fail_level, exit_zero))


@app.command("rules")
def rules_command(
    output_format: Annotated[
        CatalogFormat, typer.Option("--format", help="table or json.")
    ] = CatalogFormat.table,
) -> None:
    """List every rule: id, name, family, default severity, on by default, fixable."""
    from seolint.catalog import print_catalog
    from seolint.registry import build_registry

    print_catalog(build_registry(), output_format.value, sys.stdout)


@app.command("rule")
def rule_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. SEO001.")],
) -> None:
    """Explain one rule: what it reports, why, its options and examples."""
    from seolint.catalog import explain_rule
    from seolint.registry import build_registry

    registry = build_registry()
    rule = registry.get(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule code {code!r}; `seolint rules` lists them")
    explain_rule(rule, sys.stdout)


@app.command("init")
def init_command(
    pyproject: Annotated[
        bool, typer.Option("--pyproject", help="Append [tool.seolint] to ./pyproject.toml.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite seolint.toml.")] = False,
) -> None:
    """Write a commented configuration (seolint.toml, or [tool.seolint] in pyproject.toml)."""
    from seolint.catalog import init_config

    target = init_config(Path.cwd(), pyproject=pyproject, force=force)
    typer.echo(f"wrote {target}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``seolint`` command: returns the exit code."""
    try:
        # standalone mode: the command-line parser prints its own usage errors (exit 2)
        app(args=list(argv) if argv is not None else None, prog_name="seolint")
    except UsageError as exc:
        print(f"seolint: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        print("seolint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) went away: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 0
