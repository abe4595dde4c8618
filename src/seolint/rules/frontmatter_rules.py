"""FM — front-matter: present, parseable, complete, well-typed, no typos, no duplicate keys."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from seolint.findings import Severity, Violation
from seolint.parse.dialects import GENERIC
from seolint.parse.document import Document
from seolint.parse.frontmatter import FieldSpan
from seolint.rules.base import Rule

_TEXT_FIELDS = ("title", "seo_title", "description", "slug", "canonical", "lang")
_DATE_FIELDS = ("date_published", "date_modified")


def _whole_block(doc: Document) -> tuple[int, int]:
    """The opening delimiter line of the front-matter, or the first line of the file."""
    fm = doc.front_matter
    start = fm.start if fm is not None else 0
    end = doc.text.find("\n", start)
    return start, end if end != -1 else len(doc.text)


def _value_span(span: FieldSpan | None, doc: Document) -> tuple[int, int]:
    if span is None:
        return _whole_block(doc)
    if span.value_end > span.value_start:
        return span.value_start, span.value_end
    return span.key_start, span.key_end


class FrontMatterMissing(Rule):
    """The file has no front-matter block.

    ## What it does
    Reports a Markdown article that does not start with a front-matter block (YAML ``---``,
    TOML ``+++`` or JSON ``{``).

    ## Why is this bad?
    Without front-matter the site generator has no title, description, date or slug to put
    in the page's ``<title>``, meta description and URL: search engines then guess them from
    the body. Old Hashnode exports have none; seolint then takes the title from the first
    ``# `` line so the other rules can still run.

    ## Example
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde

    Amazon prévoit d'investir…
    ```

    ## Use instead
    ```markdown
    ---
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    description: "Amazon prévoit d'investir 35 milliards de dollars d'ici 2030 en Inde…"
    date: 2025-12-10
    slug: amazon-investit-35-milliards-usd-ia-en-inde
    ---
    ```
    """

    id = "FM001"
    name = "front-matter-missing"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        if doc.front_matter is not None:
            return
        start, end = _whole_block(doc)
        where = "the title is taken from the first `# ` line; " if "title" in doc.fields else ""
        yield Violation(
            start,
            end,
            f"no front-matter block: {where}add a `---` block with "
            f"{', '.join(doc.settings.required) or 'the page metadata'}",
        )


class FrontMatterInvalid(Rule):
    """The front-matter does not parse, is not a mapping, or is unsafe.

    ## What it does
    Reports YAML, TOML or JSON front-matter that does not load: a syntax error, a block that
    is never closed, a value that is not a mapping of keys, a YAML tag that would construct an
    object (``!!python/object``), an alias expansion past a safe bound (the "billion laughs"
    attack) or nesting deeper than any article needs.

    ## Why is this bad?
    The site generator either fails the build or, worse, publishes the page with none of its
    metadata. seolint never executes a tag and never expands a bomb: it reports them.

    ## Example
    ```yaml
    ---
    title: "Pourquoi "Steven A. Cohen" investit"
    ---
    ```

    ## Use instead
    ```yaml
    ---
    title: 'Pourquoi "Steven A. Cohen" investit'
    ---
    ```
    """

    id = "FM002"
    name = "front-matter-invalid"
    severity = Severity.ERROR

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None:
            return
        for problem in fm.problems:
            if problem.kind != "duplicate-key":
                yield Violation(problem.start, max(problem.end, problem.start + 1), problem.message)


class RequiredFieldMissing(Rule):
    """A field listed in ``required`` is absent.

    ## What it does
    Checks that every canonical field of the configuration's ``required`` list (by default
    ``title``, ``description``, ``date_published``, ``slug``) is present. The message names
    the key of the file's dialect (``seoDescription`` for Hashnode, ``description`` for Hugo;
    for a file of no known dialect, the key most site generators use: ``description``,
    ``date``).

    ## Why is this bad?
    A missing description lets the search engine pick a random sentence of the body; a
    missing slug lets the platform derive one from the title (accents dropped); a missing date
    hides the article's freshness.

    ## Example
    ```yaml
    ---
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    ---
    ```

    ## Use instead
    ```yaml
    ---
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    seoDescription: "Amazon prévoit d'investir 35 milliards de dollars d'ici 2030 en Inde…"
    datePublished: 2025-12-10T13:57:52Z
    slug: amazon-investit-35-milliards-usd-ia-en-inde
    ---
    ```

    ## Options
    The list itself is the top-level ``required`` setting of the configuration.
    """

    id = "FM003"
    name = "required-field-missing"
    severity = Severity.ERROR

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is not None and fm.data is None:
            return  # FM002 already says the block does not load
        start, end = _whole_block(doc)
        for name in doc.settings.required:
            if name in doc.fields:
                continue
            key = doc.dialect.suggested_key(name)
            if key is None:
                continue  # this dialect has no such field (e.g. docfx has no slug)
            yield Violation(
                start,
                end,
                f"required field {name} is missing: add `{key}` to the front-matter "
                f"({doc.dialect.name} dialect)",
            )


class FieldEmpty(Rule):
    """A front-matter field is present but empty.

    ## What it does
    Reports a canonical field (title, seo title, description, dates, slug, canonical, tags,
    image, lang) whose value is empty, null or only white space.

    ## Why is this bad?
    An empty ``seoDescription:`` is worse than none: some generators emit an empty
    ``<meta name="description">`` and the search engine shows no snippet.

    ## Example
    ```yaml
    seoDescription: "   "
    ```

    ## Use instead
    ```yaml
    seoDescription: "Amazon prévoit d'investir 35 milliards de dollars en Inde d'ici 2030…"
    ```
    """

    id = "FM004"
    name = "field-empty"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        for name, found in doc.fields.items():
            value = found.value
            empty = (
                value is None
                or (isinstance(value, str) and not value.strip())
                or (isinstance(value, (list, dict)) and not value and name not in ("tags",))
            )
            if empty and found.span is not None:
                start, end = found.span.key_start, found.span.key_end
                yield Violation(start, end, f"`{found.key}` is empty: fill it in or remove it")


class FieldType(Rule):
    """A front-matter field has the wrong type.

    ## What it does
    Checks the types of the canonical fields: title, seo title, description, slug, canonical
    and lang must be text; tags a list of texts or a comma-separated string (Hashnode);
    dates text or a YAML date; draft a boolean.

    ## Why is this bad?
    ``title: 2024`` or ``tags: {a: 1}`` load fine but break templates, or render as
    ``2024.0`` in the page title.

    ## Example
    ```yaml
    title: 404
    tags: {seo: true}
    ```

    ## Use instead
    ```yaml
    title: "Erreur 404 : pourquoi vos pages disparaissent de Google"
    tags: seo, google
    ```
    """

    id = "FM005"
    name = "field-type"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        for name, found in doc.fields.items():
            value = found.value
            if value is None or found.span is None:
                continue
            expected = _expected_type(name, value)
            if expected is not None:
                start, end = _value_span(found.span, doc)
                yield Violation(
                    start, end, f"`{found.key}` should be {expected}, not {_describe(value)}"
                )


def _expected_type(name: str, value: object) -> str | None:
    if name in _TEXT_FIELDS:
        return None if isinstance(value, str) else "text"
    if name in _DATE_FIELDS:
        return None if isinstance(value, (str, datetime.date)) else "a date (text or YAML date)"
    if name == "tags":
        if isinstance(value, str):
            return None
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return None
        return "a list of words or a comma-separated string"
    if name == "draft":
        return None if isinstance(value, bool) else "true or false"
    return None


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@dataclass(frozen=True)
class UnknownFieldOptions:
    allow: tuple[str, ...] = ()


class UnknownField(Rule):
    """A front-matter key is unknown to the article's dialect (often a typo).

    ## What it does
    Reports keys that the detected dialect (Hashnode, Hugo, Jekyll, Astro, Docusaurus, docfx,
    Zola) does not use, and suggests the closest known key: ``seoDescripton`` →
    ``seoDescription``. When no dialect can be recognised (``generic``), only keys that look
    like a typo of a known key are reported.

    ## Why is this bad?
    A misspelt key is silently ignored by the generator: the page ships without its
    description or canonical URL and nothing warns you.

    ## Example
    ```yaml
    seoDescripton: "Amazon prévoit d'investir 35 milliards de dollars…"
    ```

    ## Use instead
    ```yaml
    seoDescription: "Amazon prévoit d'investir 35 milliards de dollars…"
    ```

    ## Options
    - `allow` (list, default `[]`): extra keys your templates use.
    """

    id = "FM006"
    name = "unknown-field"
    severity = Severity.WARNING
    Options = UnknownFieldOptions

    def check(self, doc: Document, options: UnknownFieldOptions) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None or fm.data is None:
            return
        known = sorted(doc.dialect.known_keys)
        for key, span in fm.fields.items():
            if doc.dialect.is_known(key) or key in options.allow:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
            if doc.dialect is GENERIC and not close:
                continue
            hint = (
                f"; did you mean `{close[0]}`?"
                if close
                else "; add it to the rule's `allow` option if your templates use it"
            )
            yield Violation(
                span.key_start,
                span.key_end,
                f"`{key}` is not a {doc.dialect.name} front-matter key{hint}",
            )


class DuplicateKey(Rule):
    """The same key appears twice in one front-matter block.

    ## What it does
    Reports a key written a second time in the same mapping.

    ## Why is this bad?
    YAML keeps the last value without a word: an edit to the first ``title:`` never reaches
    the page, and which value wins differs between parsers.

    ## Example
    ```yaml
    title: "Ancien titre"
    title: "Nouveau titre"
    ```

    ## Use instead
    ```yaml
    title: "Nouveau titre"
    ```
    """

    id = "FM007"
    name = "duplicate-key"
    severity = Severity.ERROR

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        fm = doc.front_matter
        if fm is None:
            return
        for problem in fm.problems:
            if problem.kind == "duplicate-key":
                yield Violation(problem.start, max(problem.end, problem.start + 1), problem.message)
