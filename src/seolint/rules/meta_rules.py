"""SL — problems with the input itself rather than with the article: a file that cannot be
read as text, a suppression comment that names no rule. The engine reports these (a
document cannot be built from unreadable bytes), so ``check`` finds nothing by itself; they
are rules so that they can be selected, ignored and documented like any other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from seolint.findings import Severity, Violation
from seolint.parse.document import Document
from seolint.rules.base import Rule


@dataclass(frozen=True)
class FileUnreadableOptions:
    max_bytes: int = 1_000_000

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be a positive number of bytes, not {self.max_bytes}")


class FileUnreadable(Rule):
    """The file cannot be read as UTF-8 Markdown text, or is too large to be an article.

    ## What it does
    Reports a file that is binary (it holds NUL bytes), UTF-16, or not valid UTF-8 (often
    Latin-1 or Windows-1252), with the line and column of the first bad byte; and a file
    larger than `max_bytes`, which is not read at all.

    ## Why is this bad?
    Site generators read Markdown as UTF-8: a Latin-1 « é » turns into « � » on the page, and
    a binary file with a ``.md`` name breaks the build. A file of megabytes is generated
    content or a mistake, not an article (the largest of 11,882 real articles we measured is
    851 kB): linting it would only make the run slow.

    ## Example
    An article saved by an old editor in Windows-1252.

    ## Use instead
    Re-save the file as UTF-8 (``iconv -f cp1252 -t utf-8``); exclude generated files.

    ## Options
    - `max_bytes` (integer, default `1000000`): larger files are reported, not linted.
    """

    id = "SL001"
    name = "file-unreadable"
    severity = Severity.ERROR
    Options = FileUnreadableOptions

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        return iter(())


class SuppressionUnknownCode(Rule):
    """A suppression names a rule code that does not exist.

    ## What it does
    Reports ``<!-- seolint-disable XYZ123 -->`` comments and front-matter
    ``seolint: {ignore: [...]}`` entries whose code or prefix selects no rule.

    ## Why is this bad?
    A misspelt code suppresses nothing: the finding you meant to silence is still reported,
    and the comment misleads the next reader.

    ## Example
    ```markdown
    <!-- seolint-disable-next-line FR1O1 -->
    ```

    ## Use instead
    ```markdown
    <!-- seolint-disable-next-line FR101 -->
    ```
    """

    id = "SL002"
    name = "suppression-unknown-code"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        return iter(())
