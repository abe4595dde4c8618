"""DUP — rules across the set of articles: shared slugs, titles, descriptions, canonical URLs,
and internal links to articles that do not exist.

Each file contributes small JSON facts (``collect``); the checks run once every file of the
site is read (``check_corpus``), including files that are read for their facts only (a run
on part of a site). Each file of a duplicate group gets its own finding, which names the
other files and their lines. DUP001–DUP004 compare within ``duplicate_scope``: the whole
site, or each top-level folder of it (versioned documentation repeats titles on purpose);
the engine splits the facts accordingly (``SCOPED``).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from seolint.findings import Finding, Severity
from seolint.parse.document import Document
from seolint.parse.markdown import markdown_view
from seolint.rules.base import CorpusRule
from seolint.text.slug import fold

# A place in a file: [line, column, end_line, end_column] (lists: facts go through JSON).
Place = list[int]

_MAX_NAMED = 3  # other files named in one message; the rest are counted
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": "", "”": "", "«": "", "»": "", '"': "", "\u00a0": " ", "\u202f": " "})
_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdx")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_INDEX_STEMS = frozenset({"index", "_index", "readme"})
# A link whose target may be a Markdown file (checked properly on the Markdown view).
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?[^)\s>]*\.(?:md|markdown|mdx)\b", re.IGNORECASE)


def _place(doc: Document, start: int, end: int) -> Place:
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end))
    return [line, column, end_line, end_column]


def _shown(doc: Document, start: int, end: int) -> list[str]:
    """The flagged text and its line, for the report's code frame and the baseline."""
    return [doc.text[start:end], doc.line_text(doc.position(start)[0])]


def _field_fact(doc: Document, name: str) -> dict[str, Any] | None:
    """The field's key, text and place when it is a non-empty string."""
    found = doc.fields.get(name)
    if found is None or not isinstance(found.value, str) or not found.value.strip():
        return None
    span = found.span
    if span is None:
        return {
            "key": found.key,
            "value": found.value.strip(),
            "at": [1, 1, 1, 1],
            "shown": ["", ""],
        }
    start, end = span.value_start, span.value_end
    return {
        "key": found.key,
        "value": found.value.strip(),
        "at": _place(doc, start, end),
        "shown": _shown(doc, start, end),
    }


def _normal_text(value: str) -> str:
    """Titles and descriptions compare without case, accents, quote style or spacing."""
    return _SPACES.sub(" ", fold(value.translate(_QUOTES))).strip(" .")


def _normal_slug(value: str) -> str:
    return value.strip().strip("/").lower()


def _normal_url(value: str) -> str:
    parts = urlsplit(value.strip())
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


def _located(path: str, at: Sequence[int]) -> str:
    return f"{path}:{at[0]}"


def _others(names: Sequence[str]) -> str:
    """``a.md:3``, ``a.md:3 and b.md:3``, ``a.md:3, b.md:3, c.md:3 and 4 more``."""
    shown = list(names[:_MAX_NAMED])
    rest = len(names) - len(shown)
    if rest:
        return f"{', '.join(shown)} and {rest} more"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _finding(path: str, at: Sequence[int], shown: Sequence[str], message: str) -> Finding:
    line, column, end_line, end_column = at
    snippet, line_text = shown
    # rule, name and severity are filled in by the engine from the active rule
    return Finding(
        path,
        line,
        column,
        "",
        end_line,
        end_column,
        "",
        Severity.WARNING,
        message,
        snippet=snippet,
        line_text=line_text,
    )


class _SharedField(CorpusRule):
    """Common body of DUP001–DUP004: group files by a normalised field value."""

    SCOPED: ClassVar[bool] = True  # compared within duplicate_scope (site or top folder)
    fields: ClassVar[tuple[str, ...]] = ()

    def normalise(self, value: str) -> str:
        raise NotImplementedError

    def describe(self, fact: Mapping[str, Any], others: str) -> str:
        raise NotImplementedError

    def collect(self, doc: Document, options: object) -> dict[str, Any] | None:
        for name in self.fields:
            fact = _field_fact(doc, name)
            if fact is not None:
                key = self.normalise(fact["value"])
                return {**fact, "norm": key} if key else None
        return None

    def check_corpus(
        self, facts: Mapping[str, Any], reported: frozenset[str], options: object
    ) -> Iterator[Finding]:
        groups: dict[str, list[str]] = defaultdict(list)
        for path, fact in facts.items():
            if fact:
                groups[fact["norm"]].append(path)
        for paths in groups.values():
            if len(paths) < 2:
                continue
            paths.sort()
            for path in paths:
                if path not in reported:
                    continue
                fact = facts[path]
                names = [_located(other, facts[other]["at"]) for other in paths if other != path]
                yield _finding(path, fact["at"], fact["shown"], self.describe(fact, _others(names)))


class DuplicateSlug(_SharedField):
    """Two articles share a slug, so they compete for one URL.

    ## What it does
    Compares the slug (``slug``, Jekyll's ``permalink``…) of every article of the site,
    without case and surrounding slashes, and reports each article whose slug another
    article also uses. The message names the other files and their lines. Articles read for
    context (the rest of the site during a partial run) count too.

    ## Why is this bad?
    A slug is the article's address: two articles with one slug cannot both be published.
    The generator keeps one and silently drops the other, or the platform renames one
    (Hashnode appends ``-1``), so links and shares point to the wrong article. It often
    reveals the same article published twice.

    ## Example
    ```yaml
    # content/a.md                       # content/b.md
    slug: mit-modele-logiciels-modulaires   slug: mit-modele-logiciels-modulaires
    ```

    ## Use instead
    Give each article its own slug, or delete the copy of an article published twice.

    With ``duplicate_scope = "folder"`` in the configuration, only articles of the same
    top-level folder under the site root are compared (versioned documentation).
    """

    id = "DUP001"
    name = "duplicate-slug"
    severity = Severity.ERROR
    fields = ("slug",)

    def normalise(self, value: str) -> str:
        return _normal_slug(value)

    def describe(self, fact: Mapping[str, Any], others: str) -> str:
        return (
            f'{fact["key"]} "{fact["value"]}" is also used by {others}; two articles '
            f"cannot share one URL — give each its own slug, or delete the duplicate article"
        )


class DuplicateTitle(_SharedField):
    """Two articles share a title in search results.

    ## What it does
    Compares the seo title of every article (``seoTitle`` and the like; else ``title``)
    without case, accents, quote style or spacing, and reports each article whose title
    another article also uses, naming the other files and their lines.

    ## Why is this bad?
    The title is the blue link of a search result. Two pages with one title look like
    duplicates: search engines pick one and may drop the other, and readers cannot tell
    which one answers their question.

    ## Example
    ```yaml
    # a.md                                    # b.md
    seoTitle: "Rust 1.80 : les nouveautés"    seoTitle: "Rust 1.80 : les nouveautés"
    ```

    ## Use instead
    ```yaml
    seoTitle: "Rust 1.80 : LazyCell et LazyLock stabilisés"
    ```

    With ``duplicate_scope = "folder"``, only articles of the same top-level folder are
    compared, so each version of a documentation may repeat its titles.
    """

    id = "DUP002"
    name = "duplicate-title"
    severity = Severity.WARNING
    fields = ("seo_title", "title")

    def normalise(self, value: str) -> str:
        return _normal_text(value)

    def describe(self, fact: Mapping[str, Any], others: str) -> str:
        return (
            f'{fact["key"]} "{fact["value"]}" is also the title of {others}; search results '
            f"would show two identical links — make each title say what is specific to it"
        )


class DuplicateDescription(_SharedField):
    """Two articles share a meta description.

    ## What it does
    Compares the description (``seoDescription``, ``description``…) of every article without
    case, accents, quote style or spacing, and reports each article whose description
    another article also uses, naming the other files and their lines.

    ## Why is this bad?
    The description is the snippet under the search result. A copied description tells
    neither readers nor search engines what this page adds; search engines then replace it
    with a sentence of their choice, and may treat the pages as duplicates.

    ## Example
    Two articles whose front-matter both say
    ``description: "Tout ce qu'il faut savoir sur Rust."``.

    ## Use instead
    Write a description per article that summarises that article.
    """

    id = "DUP003"
    name = "duplicate-description"
    severity = Severity.WARNING
    fields = ("description",)

    def normalise(self, value: str) -> str:
        return _normal_text(value)

    def describe(self, fact: Mapping[str, Any], others: str) -> str:
        return (
            f"{fact['key']} is the same as in {others}; write a description of what this "
            f"article alone says"
        )


class DuplicateCanonical(_SharedField):
    """Two articles declare the same canonical URL.

    ## What it does
    Compares the canonical URL of every article (scheme and host without case, without a
    trailing slash or fragment) and reports each article whose canonical another article
    also declares, naming the other files and their lines.

    ## Why is this bad?
    A canonical URL tells search engines which address is *the* page; two articles that
    both claim one address ask them to index only one of the two. When the canonical points
    to the original of a republished article, two articles with one canonical are usually
    the same source republished twice.

    ## Example
    ```yaml
    # a.md and b.md
    canonical: https://news.mit.edu/2025/modular-software-1106
    ```

    ## Use instead
    Keep one of the two articles, or point each canonical to the article's own address.
    """

    id = "DUP004"
    name = "duplicate-canonical"
    severity = Severity.WARNING
    fields = ("canonical",)

    def normalise(self, value: str) -> str:
        return _normal_url(value)

    def describe(self, fact: Mapping[str, Any], others: str) -> str:
        return (
            f"{fact['key']} {fact['value']} is also the canonical of {others}; search engines "
            f"index one page per canonical — keep one article, or point each to its own URL"
        )


# -- DUP005 -------------------------------------------------------------------------------
@dataclass(frozen=True)
class BrokenLinkOptions:
    # URL paths of the site that are not articles (globs on the path, e.g. "/tags/*")
    ignore_paths: tuple[str, ...] = (
        "/tags/*",
        "/tag/*",
        "/categories/*",
        "/category/*",
        "/series/*",
        "/author/*",
        "/authors/*",
        "/page/*",
        "/search*",
        "/feed*",
        "/rss*",
        "/newsletter*",
        "/about*",
    )


def _site_hosts(site_url: str | None) -> frozenset[str]:
    if not site_url:
        return frozenset()
    host = urlsplit(site_url).netloc.lower()
    bare = host.removeprefix("www.")
    return frozenset({bare, f"www.{bare}"})


def _url_slug(path: str) -> str | None:
    """The article slug a site path points to: its last segment, without ``.html``."""
    last = unquote(path).rstrip("/").rsplit("/", 1)[-1]
    stem, dot, extension = last.rpartition(".")
    if dot:
        if extension.lower() not in ("html", "htm"):
            return None  # an image, a PDF, a feed: not an article
        last = stem
    return last.lower() or None


def _own_slugs(doc: Document) -> list[str]:
    """The slugs under which the article may be linked: its slug, else its file name."""
    slugs: list[str] = []
    slug = doc.field_text("slug")
    if slug:
        last = _normal_slug(slug).rsplit("/", 1)[-1]
        if last:
            slugs.append(last)
    stem = posixpath.splitext(posixpath.basename(doc.path))[0].lower()
    if stem in _INDEX_STEMS:  # content/post/index.md is published as /post/
        stem = posixpath.basename(posixpath.dirname(doc.path)).lower()
    if stem:
        slugs.append(stem)
    return slugs


class BrokenInternalLink(CorpusRule):
    """A link to another article of the site points to an article that does not exist.

    ## What it does
    Resolves every relative link to a Markdown file (``../other.md``, ``./x/index.md``,
    anchors and query strings ignored) from the linking file's folder, and reports links
    whose target is neither an article of the site nor a file on disk. When ``site_url`` is
    set, links to the site (``https://example.com/blog/slug/`` or ``/blog/slug/``) are
    resolved by slug — the last segment of the path — against the slugs and file names of
    every article; paths of assets (``.png``, ``.pdf``) and of ``ignore_paths`` are skipped.

    ## Why is this bad?
    A broken internal link is a dead end for readers and a wasted crawl for search engines;
    it usually appears when an article is renamed, moved or its slug changed.

    ## Example
    ```markdown
    Voir [notre guide](../guides/rust-debutant.md).   <!-- the file is rust-debutants.md -->
    ```

    ## Use instead
    ```markdown
    Voir [notre guide](../guides/rust-debutants.md).
    ```

    ## Options
    - `ignore_paths` — globs of site paths that are not articles (tag and category pages,
      feeds…); default: ``/tags/*``, ``/categories/*``, ``/author/*``, ``/page/*``, …
    """

    id = "DUP005"
    name = "broken-internal-link"
    severity = Severity.ERROR
    Options = BrokenLinkOptions

    def collect(self, doc: Document, options: BrokenLinkOptions) -> dict[str, Any]:
        hosts = _site_hosts(doc.settings.site_url)
        links: list[list[Any]] = []
        if not hosts and not _MARKDOWN_LINK.search(doc.text, doc.body_start):
            # no link to a Markdown file: skip the Markdown parse (the rest of the site is
            # read for its slugs only, and most articles link to other sites)
            return {"slugs": _own_slugs(doc), "links": links}
        for link in markdown_view(doc).links:
            if link.is_image or link.autolink:
                continue
            target = link.target.strip()
            kind = _link_kind(target, hosts)
            if kind is not None:
                start, end = link.target_start, link.target_end
                links.append([kind, target, _place(doc, start, end), _shown(doc, start, end)])
        return {"slugs": _own_slugs(doc), "links": links}

    def prune(self, path: str, facts: Any, options: BrokenLinkOptions) -> Any:
        # A link to a Markdown file that exists is not broken, whatever the rest of the site
        # holds (a site has tens of thousands of them: PowerShell-Docs links about_*.md).
        if not facts or not facts["links"]:
            return facts
        cwd = os.getcwd()
        links = [
            link
            for link in facts["links"]
            if link[0] != "file" or not os.path.isfile(_resolve(path, link[1], cwd))
        ]
        return {**facts, "links": links}

    def check_corpus(
        self, facts: Mapping[str, Any], reported: frozenset[str], options: BrokenLinkOptions
    ) -> Iterator[Finding]:
        cwd = os.getcwd()
        articles = {_absolute(path, cwd) for path in facts}
        slugs = {slug for fact in facts.values() if fact for slug in fact["slugs"]}
        for path in sorted(reported):
            fact = facts.get(path)
            if not fact:
                continue
            for kind, target, at, shown in fact["links"]:
                message = (
                    _broken_file(path, target, articles, cwd)
                    if kind == "file"
                    else _broken_site_link(target, slugs, options)
                )
                if message is not None:
                    yield _finding(path, at, shown, message)


def _link_kind(target: str, hosts: frozenset[str]) -> str | None:
    """``file`` for a relative link to a Markdown file, ``site`` for a link to the site."""
    if not target or target.startswith("#"):
        return None
    if target.startswith("//"):
        return "site" if hosts and urlsplit("http:" + target).netloc.lower() in hosts else None
    if _SCHEME.match(target):
        parts = urlsplit(target)
        if parts.scheme.lower() in ("http", "https") and parts.netloc.lower() in hosts:
            return "site"
        return None
    if target.startswith("/"):
        return "site" if hosts else None
    path = unquote(urlsplit(target).path)
    return "file" if path.lower().endswith(_MARKDOWN_EXTENSIONS) else None


def _absolute(path: str, cwd: str) -> str:
    """``os.path.abspath`` with the working directory the caller looked up once (a site has
    tens of thousands of links; ``abspath`` asks the system for it on every call)."""
    return os.path.normpath(os.path.join(cwd, path))


# what urlsplit and unquote would change or cut in a relative link (most have none of them)
_URL_SYNTAX = re.compile(r"[%?#:\t\r\n]")


def _resolve(source: str, target: str, cwd: str) -> str:
    """The absolute path a relative link of ``source`` points to."""
    relative = unquote(urlsplit(target).path) if _URL_SYNTAX.search(target) else target
    return _absolute(os.path.join(os.path.dirname(source), relative), cwd)


def _broken_file(source: str, target: str, articles: set[str], cwd: str) -> str | None:
    resolved = _resolve(source, target, cwd)
    # A Markdown file outside the linted set (excluded, or beyond the site root) still exists.
    if resolved in articles or os.path.isfile(resolved):
        return None
    shown = os.path.relpath(resolved) if not os.path.isabs(source) else resolved
    return (
        f"link to {target} points to {shown.replace(os.sep, '/')}, which does not exist; "
        f"fix the path or link to the article's new name"
    )


def _broken_site_link(target: str, slugs: set[str], options: BrokenLinkOptions) -> str | None:
    path = urlsplit(target if not target.startswith("//") else "http:" + target).path or "/"
    if path == "/" or any(fnmatchcase(path, pattern) for pattern in options.ignore_paths):
        return None
    slug = _url_slug(path)
    if slug is None or slug in slugs:
        return None
    return (
        f'link to {target} points to slug "{slug}", which no article of the site uses; '
        f"fix the slug, or add the path to DUP005's ignore_paths if it is not an article"
    )
