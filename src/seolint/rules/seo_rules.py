"""SEO — the fields a search result shows: title, description, canonical URL, dates, slug."""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from seolint.findings import Severity, Violation
from seolint.parse.dates import ParsedDate, parse_date
from seolint.parse.document import Document, FieldValue
from seolint.rules.base import Rule
from seolint.text.pixels import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    TITLE_FONT_PX,
    TITLE_MAX_PX,
    text_width,
)
from seolint.text.slug import STOP_WORDS, is_accent_mangled, match_slug_to_title, suggest_slug

_AVERAGE_WORD_PX = 55.0  # a French word and its space at 20 px, for "shorten by about N words"


def _span(found: FieldValue, doc: Document) -> tuple[int, int]:
    span = found.span
    if span is None:
        return 0, 0
    if span.value_end > span.value_start:
        return span.value_start, span.value_end
    return span.key_start, span.key_end


def _text_field(doc: Document, name: str) -> tuple[FieldValue, str] | None:
    found = doc.fields.get(name)
    if found is None or not isinstance(found.value, str) or not found.value.strip():
        return None
    return found, found.value.strip()


def _words_to_cut(excess_px: float, font_size: float) -> str:
    words = max(1, round(excess_px / (_AVERAGE_WORD_PX * font_size / TITLE_FONT_PX)))
    return "about one word" if words == 1 else f"about {words} words"


@dataclass(frozen=True)
class TitleLengthOptions:
    max_chars: int = 60
    max_px: float = TITLE_MAX_PX
    min_chars: int = 30


class SeoTitleLength(Rule):
    """The title shown in search results is too wide, too long or too short.

    ## What it does
    Measures the seo title (``seoTitle`` and the like; else ``title``) in characters and in
    rendered pixels of Arial 20 px, the font of desktop search results, with a width table
    generated from Liberation Sans (Arial's metrics).

    ## Why is this bad?
    Google does not publish a limit: it truncates titles by width, at about 600 px, and
    replaces the end with « … ». Capitals and « W » are wide, « i » and « l » narrow, so a
    character count alone misjudges French titles. Under 30 characters a title rarely says
    enough to be chosen in a results page.

    ## Example
    ```yaml
    seoTitle: "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé"
    ```
    (606 px: search results cut it.)

    ## Use instead
    ```yaml
    seoTitle: "Amazon investit 35 milliards USD dans l'IA en Inde"
    ```

    ## Options
    - `max_chars` (default 60), `max_px` (default 600; Rank Math uses 580), `min_chars`
      (default 30).
    """

    id = "SEO001"
    name = "seo-title-length"
    severity = Severity.WARNING
    Options = TitleLengthOptions

    def check(self, doc: Document, options: TitleLengthOptions) -> Iterator[Violation]:
        found = _text_field(doc, "seo_title") or _text_field(doc, "title")
        if found is None:
            return
        field, title = found
        start, end = _span(field, doc)
        chars = len(title)
        width = text_width(title, TITLE_FONT_PX)
        key = field.key
        if width > options.max_px:
            yield Violation(
                start,
                end,
                f"{key} is {width:.0f} px wide ({chars} characters); search results cut it at "
                f"{options.max_px:.0f} px — shorten it by "
                f"{_words_to_cut(width - options.max_px, TITLE_FONT_PX)}",
            )
        elif chars > options.max_chars:
            yield Violation(
                start,
                end,
                f"{key} is {chars} characters ({width:.0f} px); keep it to {options.max_chars} "
                f"characters so it is not cut in search results",
            )
        elif chars < options.min_chars:
            yield Violation(
                start,
                end,
                f"{key} is only {chars} characters; use at least {options.min_chars} so the "
                f"result says what the article is about",
            )


@dataclass(frozen=True)
class DescriptionLengthOptions:
    min_chars: int = 120
    max_chars: int = 160
    max_px: float = DESCRIPTION_MAX_PX


class DescriptionLength(Rule):
    """The meta description is too short, too long or too wide for a search result.

    ## What it does
    Measures the description (``seoDescription``, ``description``…) in characters and in
    pixels of Arial 14 px, the font of result snippets.

    ## Why is this bad?
    Search results show about 920 px of description (120–160 characters) and cut the rest
    with « … »; a description under 120 characters wastes the space and is often replaced by
    a sentence picked from the body.

    ## Example
    ```yaml
    seoDescription: "Amazon investit en Inde."
    ```

    ## Use instead
    ```yaml
    seoDescription: "Amazon prévoit d'investir 35 milliards de dollars d'ici 2030 en Inde, avec
      l'IA et le cloud en priorité et 3,8 millions d'emplois à la clé."
    ```

    ## Options
    - `min_chars` (default 120), `max_chars` (default 160), `max_px` (default 920).
    """

    id = "SEO002"
    name = "description-length"
    severity = Severity.WARNING
    Options = DescriptionLengthOptions

    def check(self, doc: Document, options: DescriptionLengthOptions) -> Iterator[Violation]:
        found = _text_field(doc, "description")
        if found is None:
            return
        field, text = found
        start, end = _span(field, doc)
        chars = len(text)
        width = text_width(text, DESCRIPTION_FONT_PX)
        key = field.key
        if width > options.max_px:
            excess = max(1, round((width - options.max_px) / (width / chars)))
            yield Violation(
                start,
                end,
                f"{key} is {width:.0f} px wide at 14 px ({chars} characters); search results "
                f"cut descriptions near {options.max_px:.0f} px — shorten it by about "
                f"{_plural(excess, 'character')}",
            )
        elif chars > options.max_chars:
            yield Violation(
                start,
                end,
                f"{key} is {chars} characters; search results show about "
                f"{options.max_chars} — shorten it by "
                f"{_plural(chars - options.max_chars, 'character')}",
            )
        elif chars < options.min_chars:
            yield Violation(
                start,
                end,
                f"{key} is only {chars} characters; write {options.min_chars}–"
                f"{options.max_chars} so the search snippet is yours, not a random sentence",
            )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


_TRACKING = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|igshid|yclid)$", re.IGNORECASE
)


def _canonical(doc: Document) -> tuple[FieldValue, str] | None:
    found = doc.fields.get("canonical")
    if found is None or not isinstance(found.value, str) or not found.value:
        return None
    return found, found.value


def canonical_problem(url: str) -> str | None:
    """Why a canonical URL is unusable, or None."""
    if url != url.strip() or any(c.isspace() for c in url):
        return "contains white space"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"does not parse ({exc})"
    if parts.scheme not in ("http", "https"):
        return "is not an absolute http(s) URL"
    if not host:
        return "has no host name"
    if parts.username or parts.password:
        return "contains credentials"
    if parts.fragment or url.endswith("#"):
        return "has a #fragment, which search engines drop"
    if host == "localhost" or host.endswith((".localhost", ".local", ".test", ".example")):
        return f"points to a local host ({host})"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return f"uses an IP address ({host}) instead of a domain name"
    if "." not in host:
        return f"host {host!r} is not a public domain name"
    return None


class CanonicalInvalid(Rule):
    """The canonical URL is not a usable absolute URL.

    ## What it does
    Checks that the canonical URL is an absolute ``http(s)`` URL with a public host name: no
    white space, no ``#fragment``, no ``user:password@``, no ``localhost`` or IP address.

    ## Why is this bad?
    Search engines ignore an invalid canonical and may index a duplicate instead, or, with a
    localhost canonical copied from a preview, drop the page.

    ## Example
    ```yaml
    canonical: "http://localhost:3000/articles/ia-inde#top"
    ```

    ## Use instead
    ```yaml
    canonical: "https://example.com/articles/ia-inde"
    ```
    """

    id = "SEO003"
    name = "canonical-invalid"
    severity = Severity.ERROR

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        found = _canonical(doc)
        if found is None:
            return
        field, url = found
        problem = canonical_problem(url)
        if problem is not None:
            start, end = _span(field, doc)
            yield Violation(start, end, f"canonical URL {problem}: {url.strip()[:120]}")


class CanonicalInsecure(Rule):
    """The canonical URL uses ``http://`` or carries tracking parameters.

    ## What it does
    Reports a canonical URL that is plain ``http://``, or whose query holds campaign
    parameters (``utm_*``, ``fbclid``, ``gclid``…).

    ## Why is this bad?
    A canonical should name the one clean URL of the page: ``http://`` points to the insecure
    version (Google prefers HTTPS) and tracking parameters create a different URL per campaign.

    ## Example
    ```yaml
    canonical: "http://example.com/ia-inde?utm_source=newsletter"
    ```

    ## Use instead
    ```yaml
    canonical: "https://example.com/ia-inde"
    ```
    """

    id = "SEO004"
    name = "canonical-insecure"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        found = _canonical(doc)
        if found is None or canonical_problem(found[1]) is not None:
            return
        field, url = found
        start, end = _span(field, doc)
        parts = urlsplit(url)
        if parts.scheme == "http":
            yield Violation(start, end, "canonical URL uses http://; use the https:// address")
        tracking = sorted(
            {k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if _TRACKING.match(k)}
        )
        if tracking:
            yield Violation(
                start,
                end,
                f"canonical URL carries tracking parameters ({', '.join(tracking)}); remove them",
            )


class CanonicalForeignHost(Rule):
    """The canonical URL points to another site than ``site_url``.

    ## What it does
    When the configuration sets ``site_url``, reports a canonical URL whose host is not the
    site's host (``www.`` ignored).

    ## Why is this bad?
    A canonical to another site tells search engines not to index this page but the other
    one. That is right for a verbatim republication, wrong for a rewrite or a translation:
    Google ignores a canonical to a page in another language, and the article loses its own
    ranking either way. If the article is derived from a source, link to the source in the
    body instead (see ST014).

    ## Example
    ```yaml
    canonical: https://www.techradar.com/pro/amazon-and-to-commit-usd35bn-into-ai-in-india
    ```

    ## Use instead
    ```yaml
    canonical: https://lebrieftech.example/amazon-investit-35-milliards-usd-ia-en-inde
    ```
    """

    id = "SEO005"
    name = "canonical-foreign-host"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        site = doc.settings.site_url
        found = _canonical(doc)
        if site is None or found is None or canonical_problem(found[1]) is not None:
            return
        field, url = found
        host = _bare_host(urlsplit(url).hostname or "")
        site_host = _bare_host(urlsplit(site).hostname or "")
        if host and host != site_host:
            start, end = _span(field, doc)
            yield Violation(
                start,
                end,
                f"canonical URL points to {host}, not to this site ({site_host}): search "
                "engines will index that page instead of this one",
            )


def _bare_host(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class DateOptions:
    future_days: int = 1  # tolerance for time zones and scheduled posts


def _dates(doc: Document) -> Iterator[tuple[FieldValue, ParsedDate | None]]:
    for name in ("date_published", "date_modified"):
        found = doc.fields.get(name)
        if found is None or found.value is None or found.value == "":
            continue
        if not isinstance(found.value, (str, datetime.date)):
            continue  # FM005 reports the type
        yield found, parse_date(found.value)


def _as_datetime(value: datetime.date) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
    return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)


class DateInvalid(Rule):
    """A date does not parse, is ambiguous, lies in the future, or modified < published.

    ## What it does
    Reads the publication and modification dates in every form found in real exports
    (ISO 8601, JavaScript ``Date.toString()``, ``YYYY/MM/DD``, ``MM/DD/YYYY``, YAML dates)
    and reports one that cannot be read, a day/month order that cannot be told apart
    (``01/02/2024``), a date in the future, or a modification before the publication.

    ## Why is this bad?
    Feeds, sitemaps and the date shown in search results come from these fields: a date the
    generator misreads shows the wrong freshness, or hides the article until that date.

    ## Example
    ```yaml
    date: 01/02/2024
    lastmod: 2023-12-01
    ```

    ## Use instead
    ```yaml
    date: 2024-02-01
    lastmod: 2024-02-03
    ```

    ## Options
    - `future_days` (default 1): how far in the future a date may be (time zones, scheduling).
    """

    id = "SEO006"
    name = "date-invalid"
    severity = Severity.ERROR
    Options = DateOptions

    def check(self, doc: Document, options: DateOptions) -> Iterator[Violation]:
        now = datetime.datetime.now(datetime.timezone.utc)
        parsed: dict[str, datetime.datetime] = {}
        for found, date in _dates(doc):
            start, end = _span(found, doc)
            if date is None:
                yield Violation(
                    start,
                    end,
                    f"`{found.key}` is not a date seolint can read: {str(found.value)[:60]!r}; "
                    "write it as ISO 8601 (2025-12-10 or 2025-12-10T13:57:52Z)",
                )
                continue
            # Microsoft Docs writes ms.date as MM/DD/YYYY by convention: not ambiguous there.
            if date.ambiguous and not (doc.dialect.name == "docfx" and date.form == "MM/DD/YYYY"):
                yield Violation(
                    start,
                    end,
                    f"`{found.key}` {found.value!s} is ambiguous: day and month could be "
                    "swapped; write it as ISO 8601 (YYYY-MM-DD)",
                )
                continue
            moment = _as_datetime(date.value)
            parsed[found.key] = moment
            if moment - now > datetime.timedelta(days=options.future_days):
                yield Violation(
                    start,
                    end,
                    f"`{found.key}` {moment.date().isoformat()} is in the future",
                )
        published = doc.fields.get("date_published")
        modified = doc.fields.get("date_modified")
        if (
            published
            and modified
            and published.key in parsed
            and modified.key in parsed
            and parsed[modified.key] < parsed[published.key]
        ):
            start, end = _span(modified, doc)
            yield Violation(
                start,
                end,
                f"`{modified.key}` ({parsed[modified.key].date().isoformat()}) is before "
                f"`{published.key}` ({parsed[published.key].date().isoformat()})",
            )


class DateNotIso(Rule):
    """A date parses but is not written in ISO 8601.

    ## What it does
    Reports dates written as JavaScript ``Date.toString()`` (Hashnode exports),
    ``YYYY/MM/DD`` or ``MM/DD/YYYY`` instead of ISO 8601.

    ## Why is this bad?
    Other tools (feeds, sitemaps, static site generators, JSON-LD) expect ISO 8601; a
    ``Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)`` is read by some and
    rejected or misread by others.

    ## Example
    ```yaml
    datePublished: Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)
    ```

    ## Use instead
    ```yaml
    datePublished: 2025-12-10T13:57:52Z
    ```
    """

    id = "SEO007"
    name = "date-not-iso"
    severity = Severity.INFO

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        for found, date in _dates(doc):
            if date is None or date.is_iso:
                continue
            if date.ambiguous and not (doc.dialect.name == "docfx" and date.form == "MM/DD/YYYY"):
                continue
            start, end = _span(found, doc)
            yield Violation(
                start,
                end,
                f"`{found.key}` is written as {date.form}; ISO 8601 is {_iso(date.value)}",
            )


def _iso(value: datetime.date) -> str:
    if isinstance(value, datetime.datetime):
        text = value.isoformat()
        return text.replace("+00:00", "Z")
    return value.isoformat()


_SLUG_OK = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SlugFormatOptions:
    max_chars: int = 75


def _slug(doc: Document) -> tuple[FieldValue, str] | None:
    found = _text_field(doc, "slug")
    if found is None:
        return None
    field, slug = found
    if field.key in ("permalink", "path", "url"):
        # a path: only its last segment is the slug
        slug = slug.strip("/").rsplit("/", 1)[-1]
        slug = re.sub(r"\.html?$", "", slug)
    return (field, slug) if slug else None


class SlugFormat(Rule):
    """The slug is not lowercase words of ``a-z0-9`` joined by single hyphens.

    ## What it does
    Reports capitals, accents, underscores, spaces, doubled or edge hyphens, a slug longer
    than ``max_chars``, and slugs whose accented letters were dropped by the export
    (``de-s-curit-critiques`` for « de sécurité critiques »).

    ## Why is this bad?
    The slug is the visible part of the URL in search results: mangled words read as typos,
    underscores do not separate words for Google, and capitals create duplicate URLs.

    ## Example
    ```yaml
    slug: Failles-de-s-curit-critiques_2025
    ```

    ## Use instead
    ```yaml
    slug: failles-securite-critiques-2025
    ```

    ## Options
    - `max_chars` (default 75).
    """

    id = "SEO008"
    name = "slug-format"
    severity = Severity.WARNING
    Options = SlugFormatOptions

    def check(self, doc: Document, options: SlugFormatOptions) -> Iterator[Violation]:
        found = _slug(doc)
        if found is None:
            return
        field, slug = found
        start, end = _span(field, doc)
        title = doc.field_text("title")
        suggestion = suggest_slug(title) if title else None
        hint = f"; for example `{suggestion}`" if suggestion else ""
        problems: list[str] = []
        if not _SLUG_OK.match(slug):
            if slug != slug.lower():
                problems.append("has capitals")
            if "_" in slug:
                problems.append("uses underscores (write hyphens)")
            if "--" in slug or slug.startswith("-") or slug.endswith("-"):
                problems.append("has doubled or edge hyphens")
            if re.search(r"[^\x00-\x7f]", slug):
                problems.append("has accented or non-ASCII letters")
            if re.search(r"[^A-Za-z0-9_\-\x80-\U0010ffff]", slug):
                problems.append("has characters other than letters, digits and hyphens")
            if not problems:
                problems.append("is not lowercase words joined by hyphens")
        if len(slug) > options.max_chars:
            problems.append(f"is {len(slug)} characters long (max {options.max_chars})")
        if not problems and is_accent_mangled(slug, title):
            problems.append("lost the accented letters of its words (an export mangled it)")
        if problems:
            yield Violation(start, end, f"slug {' and '.join(problems)}{hint}")


@dataclass(frozen=True)
class SlugTitleOptions:
    max_foreign_words: int = 1
    max_foreign_ratio: float = 0.5


class SlugTitleMismatch(Rule):
    """The slug's words do not come from the title.

    ## What it does
    Compares the slug's words with the words of the title and of the seo title (accents
    folded, French and English stop words and elisions such as « l’ », « d’ » ignored) and
    reports slug words found in neither, with a suggested slug.

    ## Why is this bad?
    A slug left over from a first draft or from the English source describes another article:
    readers and search engines see a URL that does not match the page.

    ## Example
    ```yaml
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    slug: google-annonce-un-hub-ia
    ```

    ## Use instead
    ```yaml
    slug: amazon-investit-35-milliards-usd-ia-inde
    ```

    ## Options
    - `max_foreign_words` (default 1): foreign words tolerated.
    - `max_foreign_ratio` (default 0.5): the rule fires from this share of foreign words.
    """

    id = "SEO009"
    name = "slug-title-mismatch"
    severity = Severity.WARNING
    Options = SlugTitleOptions

    def check(self, doc: Document, options: SlugTitleOptions) -> Iterator[Violation]:
        found = _slug(doc)
        title = doc.field_text("title")
        if found is None or title is None:
            return
        field, slug = found
        if not _SLUG_OK.match(slug.lower().strip("-")):
            slug = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-")
        match = match_slug_to_title(slug, title)
        foreign = match.foreign_words
        seo_title = doc.field_text("seo_title")
        if foreign and seo_title:
            other = match_slug_to_title(slug, seo_title).foreign_words
            if len(other) < len(foreign):
                foreign = other
        content = [w for w in slug.split("-") if w and w not in STOP_WORDS]
        ratio = len(foreign) / max(1, len(content))
        if len(foreign) <= options.max_foreign_words and ratio < options.max_foreign_ratio:
            return
        start, end = _span(field, doc)
        words = ", ".join(f"`{w}`" for w in foreign[:6])
        yield Violation(
            start,
            end,
            f"slug word{'s' if len(foreign) > 1 else ''} {words} "
            f"{'are' if len(foreign) > 1 else 'is'} not in the title; "
            f"a slug from the title: `{match.suggestion}`",
        )
