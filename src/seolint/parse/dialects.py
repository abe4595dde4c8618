"""Map each front-matter dialect onto canonical fields, so every rule is written once.

A dialect is data: which keys carry each canonical field, which keys it knows (for FM006),
and which marker keys reveal it when the configuration says ``dialect = "auto"``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

CANONICAL_FIELDS = (
    "title",
    "seo_title",
    "description",
    "date_published",
    "date_modified",
    "slug",
    "canonical",
    "tags",
    "image",
    "draft",
    "lang",
)


@dataclass(frozen=True)
class Dialect:
    name: str
    # canonical field -> keys that carry it, in order of preference
    keys: Mapping[str, tuple[str, ...]]
    # keys that are legitimate for this dialect without being canonical fields
    extra_keys: frozenset[str]
    # keys whose presence reveals the dialect (auto detection)
    markers: frozenset[str]
    # key prefixes that are always legitimate (``ms.`` for Microsoft Docs)
    known_prefixes: tuple[str, ...] = ()
    # the key to suggest for a missing field, when it is not the first of ``keys``
    suggested: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def suggested_key(self, field: str) -> str | None:
        """The key a message asks to add for ``field``; None if the dialect has none."""
        keys = self.keys.get(field, ())
        return self.suggested.get(field, keys[0]) if keys else None

    @cached_property
    def known_keys(self) -> frozenset[str]:
        mapped = {key for keys in self.keys.values() for key in keys}
        return frozenset(mapped) | self.extra_keys

    def is_known(self, key: str) -> bool:
        if key in self.known_keys:
            return True
        return bool(self.known_prefixes) and key.startswith(self.known_prefixes)


_SEOLINT_KEYS = frozenset({"seolint"})  # in-file suppressions: never an unknown key

HASHNODE = Dialect(
    name="hashnode",
    keys={
        "title": ("title",),
        "seo_title": ("seoTitle",),
        "description": ("seoDescription",),
        "date_published": ("datePublished",),
        "date_modified": ("dateUpdated", "lastmod"),
        "slug": ("slug",),
        "canonical": ("canonical",),
        "tags": ("tags",),
        "image": ("cover", "ogImage"),
        "draft": ("draft",),
        "lang": ("lang", "locale"),
    },
    extra_keys=frozenset(
        {
            "cuid",
            "subtitle",
            "series",
            "enableToc",
            "hideFromHashnodeCommunity",
            "disableComments",
            "domain",
            "publishAs",
            "coAuthors",
            "saveAsDraft",
            "ogImage",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset({"cuid", "seoTitle", "seoDescription", "datePublished"}),
)

HUGO = Dialect(
    name="hugo",
    keys={
        "title": ("title",),
        "seo_title": ("seoTitle", "seo_title"),
        "description": ("description", "summary"),
        "date_published": ("date", "publishDate"),
        "date_modified": ("lastmod",),
        "slug": ("slug",),
        "canonical": ("canonicalURL", "canonical"),
        "tags": ("tags",),
        "image": ("images", "image", "cover"),
        "draft": ("draft",),
        "lang": ("lang", "locale"),
    },
    extra_keys=frozenset(
        {
            "aliases",
            "audio",
            "build",
            "cascade",
            "expiryDate",
            "headless",
            "isCJKLanguage",
            "keywords",
            "layout",
            "linkTitle",
            "markup",
            "menu",
            "menus",
            "outputs",
            "params",
            "resources",
            "sitemap",
            "translationKey",
            "type",
            "url",
            "weight",
            "categories",
            "series",
            "author",
            "authors",
            "toc",
            "ShowToc",
            "TocOpen",
            "comments",
            "hidemeta",
            "showToc",
            "math",
            "featured",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset({"lastmod", "publishDate", "expiryDate", "linkTitle", "isCJKLanguage"}),
)

JEKYLL = Dialect(
    name="jekyll",
    keys={
        "title": ("title",),
        "seo_title": ("seo_title",),
        "description": ("description", "excerpt"),
        "date_published": ("date",),
        "date_modified": ("last_modified_at", "modified"),
        "slug": ("slug", "permalink"),
        "canonical": ("canonical_url", "canonical"),
        "tags": ("tags",),
        "image": ("image",),
        "draft": ("published", "draft"),
        "lang": ("lang", "locale"),
    },
    extra_keys=frozenset(
        {
            "layout",
            "categories",
            "category",
            "author",
            "authors",
            "excerpt_separator",
            "redirect_from",
            "redirect_to",
            "comments",
            "sitemap",
            "toc",
            "header",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset({"permalink", "canonical_url", "last_modified_at", "excerpt_separator"}),
)

ASTRO = Dialect(
    name="astro",
    keys={
        "title": ("title",),
        "seo_title": ("seoTitle",),
        "description": ("description",),
        "date_published": ("pubDate", "pubDatetime"),
        "date_modified": ("updatedDate", "modDatetime"),
        "slug": ("slug",),
        "canonical": ("canonicalURL",),
        "tags": ("tags",),
        "image": ("heroImage", "ogImage", "image"),
        "draft": ("draft",),
        "lang": ("lang", "locale"),
    },
    extra_keys=frozenset({"author", "featured", "layout", "timezone", "hideEditPost"})
    | _SEOLINT_KEYS,
    markers=frozenset({"pubDate", "pubDatetime", "updatedDate", "modDatetime", "heroImage"}),
)

DOCUSAURUS = Dialect(
    name="docusaurus",
    keys={
        "title": ("title",),
        "seo_title": ("seo_title",),
        "description": ("description",),
        "date_published": ("date",),
        "date_modified": ("last_update",),
        "slug": ("slug",),
        "canonical": ("canonical",),
        "tags": ("tags",),
        "image": ("image",),
        "draft": ("draft", "unlisted"),
        "lang": ("lang", "locale"),
    },
    extra_keys=frozenset(
        {
            "id",
            "sidebar_label",
            "sidebar_position",
            "sidebar_class_name",
            "sidebar_custom_props",
            "hide_title",
            "hide_table_of_contents",
            "toc_min_heading_level",
            "toc_max_heading_level",
            "pagination_label",
            "pagination_next",
            "pagination_prev",
            "parse_number_prefixes",
            "custom_edit_url",
            "keywords",
            "authors",
            "displayed_sidebar",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset(
        {
            "sidebar_position",
            "sidebar_label",
            "hide_table_of_contents",
            "displayed_sidebar",
            "custom_edit_url",
        }
    ),
)

DOCFX = Dialect(
    # Microsoft Docs (docfx / Learn): ``ms.*`` metadata and PlatyPS keys with spaces.
    name="docfx",
    keys={
        "title": ("title",),
        "seo_title": ("titleSuffix",),
        "description": ("description",),
        "date_published": ("ms.date",),
        "date_modified": (),
        "slug": (),
        "canonical": ("canonical_url",),
        "tags": ("keywords",),
        "image": (),
        "draft": (),
        # ms.contentlocale is the language of a translated page; PlatyPS's Locale stays the
        # source's (en-US) in every translation.
        "lang": ("ms.contentlocale", "Locale", "locale", "lang"),
    },
    extra_keys=frozenset(
        {
            "author",
            "manager",
            "schema",
            "online version",
            "external help file",
            "Module Name",
            "Module Guid",
            "Download Help Link",
            "Help Version",
            "aliases",
            "no-loc",
            "keyword",
            "uid",
            "ROBOTS",
            "zone_pivot_groups",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset(
        {"ms.date", "ms.topic", "ms.author", "external help file", "online version", "Module Name"}
    ),
    known_prefixes=("ms.",),
)

ZOLA = Dialect(
    name="zola",
    keys={
        "title": ("title",),
        "seo_title": (),
        "description": ("description",),
        "date_published": ("date",),
        "date_modified": ("updated",),
        "slug": ("slug", "path"),
        "canonical": (),
        "tags": ("tags",),
        "image": (),
        "draft": ("draft",),
        "lang": ("lang",),
    },
    extra_keys=frozenset(
        {
            "path",
            "aliases",
            "authors",
            "template",
            "weight",
            "taxonomies",
            "extra",
            "in_search_index",
            "render",
            "sort_by",
            "paginate_by",
            "insert_anchor_links",
            "generate_feeds",
            "page_template",
            "transparent",
            "redirect_to",
            "team",
            "team_url",
            "release",
            "index_title",
            "index_html",
            "maintained_by",
            "text",
            "author",
        }
    )
    | _SEOLINT_KEYS,
    markers=frozenset({"path", "taxonomies", "extra", "in_search_index", "team_url"}),
)

_SPECIFIC = (HASHNODE, DOCFX, ASTRO, DOCUSAURUS, HUGO, JEKYLL, ZOLA)


def _generic() -> Dialect:
    """No marker found: accept the keys of every dialect, map fields by the first that fits."""
    keys: dict[str, tuple[str, ...]] = {}
    for field in CANONICAL_FIELDS:
        merged: list[str] = []
        for dialect in _SPECIFIC:
            for key in dialect.keys.get(field, ()):
                if key not in merged and key not in ("path", "permalink", "summary", "published"):
                    merged.append(key)
        keys[field] = tuple(merged)
    extra: set[str] = set()
    for dialect in _SPECIFIC:
        extra |= dialect.known_keys
    # Common blog keys (Eleventy, Gatsby, Next.js, nodejs.org) that belong to no dialect above.
    extra |= {
        "link",
        "category",
        "categories",
        "eleventyExcludeFromCollections",
        "location",
        "illustration",
        "promoted",
        "photo",
        "poster",
        "tweet",
        "logo",
        "url",
    }
    # A missing field is asked for under the key most dialects give it (``description``,
    # ``date``), not under the first one found (Hashnode's ``seoDescription``, which would
    # make it a Hashnode export).
    suggested: dict[str, str] = {}
    for field in CANONICAL_FIELDS:
        votes = Counter(key for d in _SPECIFIC for key in d.keys.get(field, ()))
        if votes:
            suggested[field] = max(keys[field], key=lambda key: votes[key])
    return Dialect("generic", keys, frozenset(extra), frozenset(), ("ms.",), suggested)


GENERIC = _generic()
DIALECTS: dict[str, Dialect] = {d.name: d for d in (*_SPECIFIC, GENERIC)}
DIALECT_NAMES = ("auto", *DIALECTS)


def detect_dialect(keys: set[str] | frozenset[str], fm_format: str | None = None) -> Dialect:
    """Guess the dialect from marker keys; the specific dialect with most markers wins."""
    best: Dialect | None = None
    best_hits = 0
    for dialect in _SPECIFIC:
        hits = len(dialect.markers & keys)
        if hits > best_hits:
            best, best_hits = dialect, hits
    if best is not None:
        return best
    if fm_format == "toml" and "path" in keys:
        return ZOLA
    return GENERIC


def resolve_dialect(name: str, keys: set[str] | frozenset[str], fm_format: str | None) -> Dialect:
    if name == "auto":
        return detect_dialect(keys, fm_format)
    return DIALECTS[name]
