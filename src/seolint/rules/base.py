"""What a rule is: a small class with metadata, typed options and one ``check`` method.

A rule's docstring is its documentation (``seolint rule CODE`` prints it) and follows ruff's
headings: *What it does*, *Why is this bad?*, *Example*, *Use instead*, and *Options* when it
has some. Options are a frozen dataclass with defaults, validated from the configuration.

Two kinds of rules reach the engine through the same registry:

- :class:`Rule` sees one :class:`~seolint.parse.document.Document` and yields
  :class:`~seolint.findings.Violation` spans; the engine locates and names them.
- :class:`CorpusRule` gathers small JSON-able *facts* from every document, then checks them
  all together once every file is read (duplicate slugs, broken internal links…).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from seolint.findings import Finding, Severity, Violation
from seolint.parse.document import Document


@dataclass(frozen=True)
class NoOptions:
    """A rule without options."""


class Rule:
    """Base class of per-file rules. Subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    Options: ClassVar[type[Any]] = NoOptions
    # where the rule came from, for `seolint rules`: 'builtin', a plugin distribution, a pack
    origin: ClassVar[str] = "builtin"

    @classmethod
    def family(cls) -> str:
        return cls.id.rstrip("0123456789")

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: one sentence saying what the rule reports."""
        doc = cls.doc()
        return doc.splitlines()[0].strip() if doc else cls.name

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        return {
            f.name: f.default if f.default is not dataclasses.MISSING else None
            for f in dataclasses.fields(cls.Options)
        }

    def check(self, doc: Document, options: Any) -> Iterable[Violation]:
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule over the whole set of articles.

    ``collect`` runs per file (in worker processes, results cached) and must return plain
    JSON data; ``check_corpus`` runs once with the facts of every file of the site, keyed by
    display path, and the paths that are being reported on.
    """

    def check(self, doc: Document, options: Any) -> Iterable[Violation]:
        return ()

    def collect(self, doc: Document, options: Any) -> Any:
        raise NotImplementedError

    def check_corpus(
        self, facts: Mapping[str, Any], reported: frozenset[str], options: Any
    ) -> Iterable[Finding]:
        raise NotImplementedError

    def prune(self, path: str, facts: Any, options: Any) -> Any:
        """The part of the facts of the file ``path`` that may still matter to ``check_corpus``.

        Called as each file's result arrives, before the rest of the site is read: a rule
        whose facts can be settled on their own (a link to a file that exists) drops them
        here, so a large site's facts need not all be held until the end.
        """
        return facts


def is_rule_class(obj: object) -> bool:
    return (
        inspect.isclass(obj)
        and issubclass(obj, Rule)
        and obj not in (Rule, CorpusRule)
        and isinstance(getattr(obj, "id", None), str)
    )
