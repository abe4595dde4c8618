"""The command line (DESIGN §2). Commands parse options, call the engine, pick a reporter;
errors raised deep down end here as one sentence on stderr and exit code 2."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from seolint import __version__
from seolint.config import Config, find_config, load_file
from seolint.errors import UsageError
from seolint.findings import Severity

if TYPE_CHECKING:
    from seolint.engine import RunResult
    from seolint.filter.baseline import Baseline
    from seolint.report import ReportContext, Reporter

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


# Options shared by several commands (typer reads them from these aliases).
ConfigFile = Annotated[Path | None, typer.Option("--config", help="Use this configuration file.")]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", help="Worker processes [default: the number of cores]."),
]
SkippedCodes = Annotated[list[str] | None, typer.Option(help="Rule codes or prefixes to skip.")]


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


def _split(values: list[str] | None) -> tuple[str, ...]:
    """``--select FM,SEO001 --select FR`` → ('FM', 'SEO001', 'FR')."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


def resolve_config(paths: Sequence[str], config_file: Path | None, isolated: bool) -> Config:
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


def _read_stdin(given: list[str], stdin_filename: str | None) -> bytes | None:
    """The article piped in when the path is '-' (or absent with --stdin-filename)."""
    if "-" not in given and not (stdin_filename and not given):
        if stdin_filename:
            raise UsageError("--stdin-filename goes with '-' as the path to lint")
        return None
    if given not in (["-"], []):
        raise UsageError("'-' (standard input) cannot be mixed with other paths")
    return sys.stdin.buffer.read()


def _changed(ref: str, given: Sequence[str]) -> frozenset[str]:
    from seolint.gitfiles import changed_files

    return changed_files(ref, Path(given[0]) if given and given[0] != "-" else None)


def _baseline(file: Path | None, update: bool, changed_since: str | None) -> Baseline | None:
    """The baseline to apply (None when there is none, or when it is being rewritten)."""
    from seolint.filter.baseline import Baseline

    if update and file is None:
        raise UsageError("--update-baseline needs --baseline FILE to write to")
    if update and changed_since:
        raise UsageError("--update-baseline records the whole site; drop --changed-since")
    if file is None or update:
        return None
    return Baseline.load(file)


def _record_baseline(result: RunResult, file: Path) -> None:
    """Write today's findings to the baseline; they are then reported as silenced."""
    from seolint.filter.baseline import Baseline

    recorded = Baseline.from_findings(result.findings, file)
    recorded.write(file)
    print(f"seolint: recorded {len(recorded)} finding(s) in the baseline {file}", file=sys.stderr)
    result.silenced, result.findings = len(result.findings), []


def _statistics_reporter(as_json: bool) -> Reporter:
    from seolint.report.statistics import render_statistics

    def report(result: RunResult, out: TextIO, context: ReportContext) -> None:
        render_statistics(result, out, as_json=as_json)

    return report


def _write_report(file: Path, write: Callable[[TextIO], None]) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("w", encoding="utf-8", newline="\n") as handle:
            write(handle)
    except OSError as exc:
        raise UsageError(f"{file}: cannot write the report: {exc.strerror}") from exc


@app.command()
def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to lint (default: .).")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Rule codes or prefixes to run, replacing the configuration's."),
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="Rule codes or prefixes to add.")
    ] = None,
    ignore: SkippedCodes = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.text,
    output_file: Annotated[Path | None, typer.Option(help="Write the report to this file.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a diff; write nothing.")
    ] = False,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that fails the run [default: error].")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings remain.")
    ] = False,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    lang: Annotated[
        str | None, typer.Option(help="Expected language of the articles (e.g. fr, en).")
    ] = None,
    dialect: Annotated[
        str | None,
        typer.Option(help="Front-matter dialect: auto, hashnode, hugo, jekyll, astro, …"),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary and errors.")
    ] = False,
    baseline_file: Annotated[
        Path | None,
        typer.Option("--baseline", help="Silence the findings recorded in this baseline file."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Record today's findings in the --baseline file."),
    ] = False,
    changed_since: Annotated[
        str | None,
        typer.Option(help="Report only files changed since this git revision (e.g. origin/main)."),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(help="With '-' as path: the name of the article read from standard input."),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print the count of findings per rule.")
    ] = False,
    no_progress: Annotated[
        bool, typer.Option("--no-progress", help="Never show a progress bar.")
    ] = False,
    jobs: Jobs = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the .seolint_cache.")
    ] = False,
    site_root: Annotated[
        Path | None,
        typer.Option(
            help="The site's folder: cross-article rules compare with every article "
            "in it [default: the configuration's folder]."
        ),
    ] = None,
) -> None:
    """Lint articles and report the findings."""
    from seolint.engine import Linter, RunOptions, run
    from seolint.packs import registry_for
    from seolint.parse.dialects import DIALECT_NAMES
    from seolint.report import NEEDS_SNIPPETS, REPORTERS, ReportContext

    given = list(paths or ([] if stdin_filename else ["."]))
    stdin_bytes = _read_stdin(given, stdin_filename)
    if stdin_bytes is not None:
        given = [stdin_filename or "-"]
    config = resolve_config(
        [str(Path(given[0]).parent)] if stdin_bytes is not None else given, config_file, isolated
    )
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
            raise UsageError(f"--dialect {dialect!r} is not one of {', '.join(DIALECT_NAMES)}")
        overrides["dialect"] = dialect
    config = replace(config, **overrides)  # type: ignore[arg-type]
    reporter = REPORTERS.get(output_format.value)
    if reporter is None:
        raise UsageError(f"--format {output_format.value} is not available yet")

    if site_root is not None and not site_root.is_dir():
        raise UsageError(f"--site-root {site_root}: no such folder")
    registry = registry_for(config)
    from seolint.filter.select import check_codes

    for flag, values in (
        ("--select", select),
        ("--extend-select", extend_select),
        ("--ignore", ignore),
    ):
        check_codes(registry, _split(values), flag)
    fail_level = Severity.parse(config.fail_on)
    options = RunOptions(
        fix=fix or unsafe_fixes, unsafe_fixes=unsafe_fixes, diff=diff, fail_on=fail_level
    )
    if statistics and output_format not in (OutputFormat.text, OutputFormat.json):
        raise UsageError("--statistics prints a table (--format text) or JSON (--format json)")
    if statistics:
        reporter = _statistics_reporter(output_format is OutputFormat.json)
    if changed_since and stdin_bytes is not None:
        raise UsageError("--changed-since chooses files on disk; it cannot apply to '-'")
    options = replace(
        options,
        write=stdin_bytes is None,
        only=_changed(changed_since, given) if changed_since else None,
        snippets=baseline_file is not None or output_format.value in NEEDS_SNIPPETS,
    )
    known = _baseline(baseline_file, update_baseline, changed_since)
    linter = Linter(config, registry, options)
    from seolint.parallel import Executor
    from seolint.report.progress import ProgressBar

    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give at least 1 (worker processes)")
    cache = None
    if not no_cache and stdin_bytes is None:
        from seolint.cache import Cache

        cache = Cache.for_linter(linter)
    show_progress = not (no_progress or quiet or stdin_bytes is not None)
    with ProgressBar(enabled=show_progress) as bar, Executor(jobs, cache) as executor:

        def progress(done: int, total: int) -> None:
            if done:  # the bar (a thread) starts after the workers are forked
                bar(done, total)

        result = run(
            given,
            linter,
            executor,
            stdin=stdin_bytes,
            baseline=known,
            progress=progress,
            site_root=site_root,
        )
    if update_baseline and baseline_file is not None:
        _record_baseline(result, baseline_file)

    out = sys.stdout
    if stdin_bytes is not None and options.fix and not diff:
        # an editor pipes the article in and reads the fixed article back: the report
        # goes to standard error
        sys.stdout.flush()
        sys.stdout.buffer.write(result.output if result.output is not None else stdin_bytes)
        sys.stdout.flush()
        out = sys.stderr
    if diff:
        for patch in result.diffs:
            sys.stdout.write(patch)
    context = ReportContext(registry=registry, quiet=quiet)
    if output_file is not None:
        _write_report(
            output_file, lambda handle: reporter(result, handle, replace(context, color=False))
        )
        if out.isatty():  # a person is watching: they still get the readable report
            REPORTERS["text"](result, out, context)
        else:  # a CI log: one line says what happened and where the report is
            from seolint.report.concise import summary_line

            print(
                f"seolint: {summary_line(result)}; report written to {output_file}", file=sys.stderr
            )
            _echo_run_problems(result)
    else:
        reporter(result, out, context)
        if not statistics and output_format.value not in _PRINTS_RUN_PROBLEMS:
            _echo_run_problems(result)
    raise typer.Exit(result.exit_code(fail_level, exit_zero))


# Formats whose report shows the run's errors and warnings to a person; for the others (JSON,
# SARIF…, read by programs) they go to standard error, or a CI log would show only "exit 2".
_PRINTS_RUN_PROBLEMS = frozenset({"text", "concise", "github"})


def _echo_run_problems(result: RunResult) -> None:
    for message in result.errors:
        print(f"seolint: error: {message}", file=sys.stderr)
    for message in result.warnings:
        print(f"seolint: warning: {message}", file=sys.stderr)


@app.command("rules")
def rules_command(
    output_format: Annotated[
        CatalogFormat, typer.Option("--format", help="table or json.")
    ] = CatalogFormat.table,
) -> None:
    """List every rule: id, name, family, default severity, on by default, fixable."""
    from seolint.catalog import print_catalog
    from seolint.packs import registry_for

    print_catalog(registry_for(resolve_config([], None, False)), output_format.value, sys.stdout)


@app.command("rule")
def rule_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. SEO001.")],
) -> None:
    """Explain one rule: what it reports, why, its options and examples."""
    from seolint.catalog import explain_rule
    from seolint.packs import registry_for

    registry = registry_for(resolve_config([], None, False))
    rule = registry.get(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule code {code!r}; `seolint rules` lists them")
    explain_rule(rule, sys.stdout)


@app.command("clean")
def clean_command(
    path: Annotated[
        str, typer.Argument(help="Where the configuration is looked up from (default: .).")
    ] = ".",
    config_file: ConfigFile = None,
) -> None:
    """Remove the cache (.seolint_cache next to the configuration, else in this folder)."""
    from seolint.cache import cache_dir, clean

    folder = cache_dir(resolve_config([path], config_file, isolated=False))
    removed = clean(folder)
    print(f"seolint: {'removed' if removed else 'no cache at'} {folder}", file=sys.stderr)


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


class PreviewFormat(str, enum.Enum):
    text = "text"
    json = "json"


def _view_config(
    paths: Sequence[str],
    config_file: Path | None,
    isolated: bool,
    lang: str | None,
    dialect: str | None,
    site_url: str | None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
) -> Config:
    """The configuration of `preview` and `report`, with their command-line overrides."""
    from seolint.parse.dialects import DIALECT_NAMES

    config = resolve_config(paths, config_file, isolated)
    overrides: dict[str, object] = {}
    if select:
        overrides["select"] = _split(select)
    if ignore:
        overrides["ignore"] = (*config.ignore, *_split(ignore))
    if lang is not None:
        overrides["lang"] = lang.lower()
    if dialect is not None:
        if dialect not in DIALECT_NAMES:
            raise UsageError(f"--dialect {dialect!r} is not one of {', '.join(DIALECT_NAMES)}")
        overrides["dialect"] = dialect
    if site_url is not None:
        if not site_url.startswith(("http://", "https://")):
            raise UsageError(f"--site-url {site_url!r} must be an absolute http(s) URL")
        overrides["site_url"] = site_url.rstrip("/")
    return replace(config, **overrides)  # type: ignore[arg-type]


@app.command("preview")
def preview_command(
    file: Annotated[str, typer.Argument(help="The article to preview.")],
    output_format: Annotated[
        PreviewFormat, typer.Option("--format", help="text (terminal) or json (for editors).")
    ] = PreviewFormat.text,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    lang: Annotated[str | None, typer.Option(help="Expected language (fr, en…).")] = None,
    dialect: Annotated[str | None, typer.Option(help="Front-matter dialect.")] = None,
    site_url: Annotated[
        str | None, typer.Option(help="The site's address, for the URL line.")
    ] = None,
) -> None:
    """Show the article as a search result: URL, title and description cut by pixel width."""
    import json

    from seolint.engine import Linter, RunOptions
    from seolint.packs import registry_for
    from seolint.preview import preview_file, preview_to_dict, render_preview_text

    config = _view_config([file], config_file, isolated, lang, dialect, site_url)
    preview, errors = preview_file(file, Linter(config, registry_for(config), RunOptions()))
    if output_format is PreviewFormat.json:
        json.dump(preview_to_dict(preview), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        render_preview_text(preview, sys.stdout)
    for message in errors:
        print(f"seolint: error: {message}", file=sys.stderr)
    raise typer.Exit(2 if errors else 0)


@app.command("report")
def report_command(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to report on (default: .).")
    ] = None,
    html: Annotated[
        Path, typer.Option("--html", help="Write the HTML report to this file ('-': stdout).")
    ] = Path("seolint-report.html"),
    select: Annotated[list[str] | None, typer.Option(help="Rule codes or prefixes to run.")] = None,
    ignore: SkippedCodes = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    lang: Annotated[
        str | None, typer.Option(help="Expected language; also the report's (fr or en).")
    ] = None,
    dialect: Annotated[str | None, typer.Option(help="Front-matter dialect.")] = None,
    site_url: Annotated[
        str | None, typer.Option(help="The site's address, for the URL lines.")
    ] = None,
    jobs: Jobs = None,
) -> None:
    """Write one self-contained HTML page: previews, scores, findings and charts."""
    from seolint.report.html import collect_report, render_html
    from seolint.report.progress import ProgressBar

    given = list(paths or ["."])
    config = _view_config(given, config_file, isolated, lang, dialect, site_url, select, ignore)
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give at least 1 (worker processes)")
    with ProgressBar() as bar:

        def progress(done: int, total: int) -> None:
            if done:  # the bar (a thread) starts after the workers are forked
                bar(done, total)

        data = collect_report(given, config, progress, jobs)
    page = render_html(data)
    if str(html) == "-":
        sys.stdout.write(page)
    else:
        try:
            html.write_text(page, encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UsageError(f"{html}: cannot write the report: {exc.strerror}") from None
        print(f"seolint: wrote {html} ({data.summary_line()})", file=sys.stderr)
    for message in data.errors:
        print(f"seolint: error: {message}", file=sys.stderr)
    raise typer.Exit(2 if data.errors else 0)


def main(argv: Sequence[str] | None = None) -> int:
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
