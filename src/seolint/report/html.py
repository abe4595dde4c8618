"""``seolint report PATH... --html FILE``: one self-contained HTML page for people.

The page holds everything inline — CSS, a small script, the charts as SVG, the data as JSON —
so it opens from disk, offline, and can be attached to a ticket. It shows a summary (articles,
findings by family and severity, a score per article), charts (title widths against the
600 px line, description lengths against the 120–160 band, readability scores when FR004 can
measure them, findings per rule), a table of articles that sorts and filters in the browser,
and per article its search-result preview and its findings with line numbers. Labels are
French when the configuration's ``lang`` is ``fr``, English otherwise.

**Score of an article**: 100 minus 20 for each *error* rule, 8 for each *warning* rule and 2
for each *info* rule that fires in the article, never below 0. A rule counts once however
often it fires: forty missing no-break spaces are one habit to fix, not forty problems, and
one unreadable front-matter must weigh more than many typographic slips.

The per-article data (preview, readability) is gathered while the article is linted, through
a private corpus rule (:class:`ReportFacts`) whose small JSON facts travel in the engine's
:class:`~seolint.engine.FileResult`: each document is parsed once, and its views (Markdown,
prose) are shared with the rules.
"""

from __future__ import annotations

import json
import multiprocessing
import posixpath
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from seolint import __version__
from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions, RunResult, run
from seolint.findings import Finding, Severity
from seolint.parse.document import Document
from seolint.preview import (
    MOBILE,
    MOBILE_VIEWPORT_PX,
    build_preview,
    limits,
    preview_to_dict,
)
from seolint.registry import build_registry
from seolint.report import charts
from seolint.rules.base import CorpusRule
from seolint.text.pixels import DESCRIPTION_MAX_PX, TITLE_MAX_PX

__all__ = [
    "SCORE_WEIGHTS",
    "Article",
    "ReportData",
    "ReportFacts",
    "article_score",
    "collect_report",
    "readability_score",
    "render_html",
]

SCORE_WEIGHTS: Mapping[Severity, int] = {Severity.ERROR: 20, Severity.WARNING: 8, Severity.INFO: 2}
FACTS_RULE = "RPT001"
_SEVERITIES = ("error", "warning", "info")


def article_score(findings: Iterable[Finding]) -> int:
    """100 minus the weight of each distinct rule that fires (its worst severity), ≥ 0."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        worst[finding.rule] = max(worst.get(finding.rule, finding.severity), finding.severity)
    return max(0, 100 - sum(SCORE_WEIGHTS[s] for s in worst.values()))


# -- readability -------------------------------------------------------------------------
def readability_score(doc: Document, min_words: int = 100) -> float | None:
    """The Kandel–Moles score FR004 judges, for every French article of at least
    ``min_words`` words (FR004 only reports the low ones): the same prose view and formula,
    shared through ``doc.memo`` with FR004 when both run. None for another language, a short
    article, or when the French helpers are not installed."""
    if not doc.settings.lang.lower().startswith("fr"):
        return None
    try:
        from seolint.parse.prose import PARAGRAPH_KIND, prose_view
        from seolint.text.french import readability
    except ImportError:  # the report works with whatever rule families exist
        return None
    paragraphs = [p.text for p in prose_view(doc).paragraphs if p.kind == PARAGRAPH_KIND]
    if not paragraphs:
        return None
    stats = readability(paragraphs)
    return round(stats.score, 1) if stats.words >= min_words else None


# -- data gathered while linting ---------------------------------------------------------
@dataclass(frozen=True)
class ReportFactsOptions:
    title_max_px: float = TITLE_MAX_PX  # SEO001's max_px
    description_max_px: float = DESCRIPTION_MAX_PX  # SEO002's max_px
    readability_min_words: int = 0  # FR004's min_words; 0: FR004 is off, no readability


class ReportFacts(CorpusRule):
    """Gathers the report's per-article data while the article is linted (never reports)."""

    id = FACTS_RULE
    name = "report-facts"
    severity = Severity.INFO
    Options = ReportFactsOptions

    def collect(self, doc: Document, options: ReportFactsOptions) -> dict[str, Any]:
        preview = build_preview(doc, (), options.title_max_px, options.description_max_px)
        words = options.readability_min_words
        return {
            "preview": preview_to_dict(preview),
            "readability": readability_score(doc, words) if words else None,
            "field_lines": _field_lines(doc),
        }

    def check_corpus(
        self, facts: Mapping[str, Any], reported: frozenset[str], options: object
    ) -> Iterable[Finding]:
        return ()


def _field_lines(doc: Document) -> dict[str, list[int]]:
    from seolint.preview import field_lines

    return {name: [span.start, span.stop - 1] for name, span in field_lines(doc).items()}


@dataclass
class Article:
    path: str
    facts: dict[str, Any] | None  # None: the file could not be parsed
    findings: list[Finding] = field(default_factory=list)

    @property
    def score(self) -> int:
        return article_score(self.findings)

    @property
    def preview(self) -> dict[str, Any] | None:
        return self.facts["preview"] if self.facts else None

    @property
    def readability(self) -> float | None:
        return self.facts.get("readability") if self.facts else None

    def field_of(self, finding: Finding) -> str | None:
        for name, (first, last) in (self.facts or {}).get("field_lines", {}).items():
            if first <= finding.line <= last:
                return str(name)
        return None


@dataclass
class ReportData:
    articles: list[Article]
    result: RunResult
    lang: str
    paths: tuple[str, ...]
    title_max_px: float
    description_max_px: float
    description_band: tuple[int, int]
    readability_min: float | None

    @property
    def errors(self) -> list[str]:
        return self.result.errors

    def summary_line(self) -> str:
        return f"{len(self.articles)} articles, {len(self.result.findings)} findings"


def _option(linter: Linter, code: str, name: str, default: Any = None) -> Any:
    active = linter.by_code.get(code)
    return getattr(active.options, name, default) if active is not None else default


def _forks() -> bool:
    """Whether worker processes are forked, so they inherit the report's private rule (a
    spawned worker rebuilds its rules from the configuration and would not know it)."""
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def collect_report(
    paths: Sequence[str],
    config: Config,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
) -> ReportData:
    """Lint ``paths`` (in ``jobs`` worker processes; default: one per core) and gather
    everything the page shows."""
    from seolint.packs import pack_rules
    from seolint.parallel import Executor

    registry = build_registry(extra=[*pack_rules(config), ReportFacts])
    rules = Linter(config, registry, RunOptions())  # the active rules and their options
    title_px, description_px = limits(rules)
    readability = _option(rules, "FR004", "min_words", 100) if "FR004" in rules.by_code else 0
    facts_options = {
        "title_max_px": title_px,
        "description_max_px": description_px,
        "readability_min_words": readability,
    }
    config = replace(
        config,
        extend_select=(*config.extend_select, FACTS_RULE),
        options={**config.options, FACTS_RULE: facts_options},
    )
    linter = Linter(config, registry, RunOptions())
    facts: dict[str, dict[str, Any] | None] = {}

    with Executor(jobs if _forks() else 1) as executor:

        def lint(linter: Linter, sources: Sequence[SourceFile]) -> Iterator[FileResult]:
            for result in executor(linter, sources):  # the facts come back with the results
                facts[result.path] = result.facts.get(FACTS_RULE)
                yield result

        result = run(paths, linter, lint=lint, progress=progress)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_path[finding.path].append(finding)
    min_chars = _option(linter, "SEO002", "min_chars", 120)
    max_chars = _option(linter, "SEO002", "max_chars", 160)
    readability_min = _option(linter, "FR004", "min_score")
    return ReportData(
        articles=[Article(path, facts.get(path), by_path.get(path, [])) for path in result.paths],
        result=result,
        lang="fr" if config.lang.lower().startswith("fr") else "en",
        paths=tuple(paths),
        title_max_px=title_px,
        description_max_px=description_px,
        description_band=(int(min_chars), int(max_chars)),
        readability_min=float(readability_min) if readability_min is not None else None,
    )


# -- labels ------------------------------------------------------------------------------
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "title": "seolint report",
        "articles": "Articles",
        "mean_score": "Average score",
        "findings": "Findings",
        "error": "errors",
        "warning": "warnings",
        "info": "infos",
        "error_1": "error",
        "warning_1": "warning",
        "info_1": "info",
        "titles_cut": "Titles cut on desktop",
        "desc_out": "Descriptions outside {low}–{high} characters",
        "without_error": "Articles without error",
        "by_family": "Findings by family and severity",
        "family": "Family",
        "total": "Total",
        "chart_titles": "Title width in px (Arial 20 px)",
        "chart_titles_h": "Title widths ({max}\u00a0px limit)",
        "chart_desc": "Description length in characters",
        "chart_desc_h": "Description lengths ({low}–{high} band)",
        "chart_read": "Readability score",
        "chart_read_h": "Readability ({n} articles measured)",
        "chart_rules_h": "Findings per rule",
        "chart_scores": "Score",
        "chart_scores_h": "Scores of the articles",
        "with_finding": "articles",
        "articles_unit": "articles",
        "findings_unit": "findings",
        "filter": "Filter by title or path…",
        "all_articles": "All articles",
        "with_errors": "With errors",
        "with_warnings": "With warnings",
        "clean": "Without findings",
        "all_rules": "All rules",
        "showing": "{n} of {total} articles",
        "clear": "Clear filters",
        "col_score": "Score",
        "col_article": "Article",
        "col_title": "Title px",
        "col_desc": "Descr. chars",
        "col_read": "Readability",
        "col_e": "Err.",
        "col_w": "Warn.",
        "col_i": "Info",
        "preview": "Search result",
        "desktop": "Desktop",
        "mobile": "Mobile ({px} px screen)",
        "cut": "cut, hides “{hidden}”",
        "fits": "fits",
        "chars": "{n} characters",
        "over": "{n}\u00a0px over",
        "left": "{n}\u00a0px left",
        "width": "{w} of {max}\u00a0px",
        "colon": ": ",
        "no_title": "(no title)",
        "no_desc": "(no description: the search engine picks a sentence of the body)",
        "no_url": "(no URL: set site_url with a slug, or a canonical)",
        "no_findings": "No findings.",
        "unreadable": "This file could not be read as an article.",
        "line": "Line",
        "severity": "Severity",
        "rule": "Rule",
        "message": "Message",
        "range": "range",
        "errors_box": "The run had errors (the report may be incomplete):",
        "script_error": "The report's script failed; sorting and details may not work:",
        "score_note": (
            "Score: 100 minus 20 per error rule, 8 per warning rule and 2 per info "
            "rule that fires in the article (a rule counts once however often it "
            "fires), never below 0."
        ),
        "model_note": (
            "Widths are measured with Arial's metrics (Liberation Sans). Desktop: "
            "title cut at {title} px in Arial 20 px, description at about {desc} px "
            "in Arial 14 px. Mobile: {vw} px screen, lines of {line} px, title and "
            "description on at most 2 lines."
        ),
        "generated": "Generated by seolint {version} from {paths}.",
        "noscript": "Sorting, filtering and the per-article details need JavaScript.",
        "fam_FM": "front-matter",
        "fam_SEO": "search result fields",
        "fam_ST": "Markdown structure",
        "fam_FR": "French language",
        "fam_DUP": "across articles",
        "fam_SL": "seolint",
    },
    "fr": {
        "lang": "fr",
        "title": "Rapport seolint",
        "articles": "Articles",
        "mean_score": "Score moyen",
        "findings": "Constats",
        "error": "erreurs",
        "warning": "avertissements",
        "info": "infos",
        "error_1": "erreur",
        "warning_1": "avertissement",
        "info_1": "info",
        "titles_cut": "Titres coupés sur ordinateur",
        "desc_out": "Descriptions hors de {low}–{high}\u00a0caractères",
        "without_error": "Articles sans erreur",
        "by_family": "Constats par famille et gravité",
        "family": "Famille",
        "total": "Total",
        "chart_titles": "Largeur du titre en px (Arial 20\u00a0px)",
        "chart_titles_h": "Largeur des titres (limite de {max}\u00a0px)",
        "chart_desc": "Longueur de la description en caractères",
        "chart_desc_h": "Longueur des descriptions (plage {low}–{high})",
        "chart_read": "Score de lisibilité",
        "chart_read_h": "Lisibilité ({n} articles mesurés)",
        "chart_rules_h": "Constats par règle",
        "chart_scores": "Score",
        "chart_scores_h": "Scores des articles",
        "with_finding": "articles",
        "articles_unit": "articles",
        "findings_unit": "constats",
        "filter": "Filtrer par titre ou chemin…",
        "all_articles": "Tous les articles",
        "with_errors": "Avec erreurs",
        "with_warnings": "Avec avertissements",
        "clean": "Sans constat",
        "all_rules": "Toutes les règles",
        "showing": "{n} sur {total}\u00a0articles",
        "clear": "Effacer les filtres",
        "col_score": "Score",
        "col_article": "Article",
        "col_title": "Titre px",
        "col_desc": "Descr. car.",
        "col_read": "Lisibilité",
        "col_e": "Err.",
        "col_w": "Avert.",
        "col_i": "Info",
        "preview": "Résultat de recherche",
        "desktop": "Ordinateur",
        "mobile": "Mobile (écran de {px}\u00a0px)",
        "cut": "coupé, masque «\u00a0{hidden}\u00a0»",
        "fits": "tient",
        "chars": "{n}\u00a0caractères",
        "over": "{n}\u00a0px de trop",
        "left": "{n}\u00a0px de marge",
        "width": "{w} sur {max}\u00a0px",
        "colon": "\u00a0: ",
        "no_title": "(pas de titre)",
        "no_desc": "(pas de description\u00a0: le moteur prend une phrase du texte)",
        "no_url": "(pas d’URL\u00a0: définir site_url avec un slug, ou une URL canonique)",
        "no_findings": "Aucun constat.",
        "unreadable": "Ce fichier n’a pas pu être lu comme un article.",
        "line": "Ligne",
        "severity": "Gravité",
        "rule": "Règle",
        "message": "Message",
        "range": "plage",
        "errors_box": "L’analyse a rencontré des erreurs (le rapport peut être incomplet)\u00a0:",
        "script_error": (
            "Le script du rapport a échoué\u202f; tri et détails peuvent ne pas marcher\u00a0:"
        ),
        "score_note": (
            "Score\u00a0: 100 moins 20 par règle en erreur, 8 par règle en avertissement "
            "et 2 par règle en info déclenchée dans l’article (une règle compte une "
            "fois, quel que soit le nombre de constats), jamais moins de 0."
        ),
        "model_note": (
            "Largeurs mesurées avec les métriques d’Arial (Liberation Sans). "
            "Ordinateur\u00a0: titre coupé à {title}\u00a0px en Arial 20\u00a0px, "
            "description vers {desc}\u00a0px en Arial 14\u00a0px. Mobile\u00a0: écran de "
            "{vw}\u00a0px, lignes de {line}\u00a0px, titre et description sur 2 lignes "
            "au plus."
        ),
        "generated": "Produit par seolint {version} à partir de {paths}.",
        "noscript": "Le tri, le filtre et le détail des articles demandent JavaScript.",
        "fam_FM": "front-matter",
        "fam_SEO": "champs du résultat de recherche",
        "fam_ST": "structure Markdown",
        "fam_FR": "langue française",
        "fam_DUP": "entre articles",
        "fam_SL": "seolint",
    },
}


# -- page ----------------------------------------------------------------------------------
@cache
def _asset(name: str) -> str:
    return files("seolint.report").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _family(rule: str) -> str:
    return rule.rstrip("0123456789")


def _fmt(template: str, **values: object) -> str:
    return template.format(**values)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _strip(path: str, prefix: str) -> str:
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path


def _score_class(score: int) -> str:
    return "good" if score >= 90 else "fair" if score >= 70 else "poor"


class _Page:
    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.t = LABELS[data.lang]
        low, high = data.description_band
        self.low, self.high = low, high
        # the table shows paths below the articles' common folder (named in the header)
        folders = {a.path.rpartition("/")[0] for a in data.articles}
        common = posixpath.commonpath(list(folders)) if len(data.articles) > 1 else ""
        self.base = f"{common}/" if common and common != "/" else ""

    def n(self, value: int) -> str:
        """An integer with the language's thousands separator (French: narrow no-break)."""
        return f"{value:,}".replace(",", "\u202f" if self.data.lang == "fr" else ",")

    def noun(self, severity: str, count: int) -> str:
        """« 1 erreur », « 0 info » (French counts 0 and 1 as singular), "2 errors"."""
        singular = count <= 1 if self.data.lang == "fr" else count == 1
        return self.t[f"{severity}_1" if singular else severity]

    # summary --------------------------------------------------------------------------
    def cards(self) -> str:
        data, t = self.data, self.t
        articles = data.articles
        n = len(articles)
        scores = [a.score for a in articles]
        mean = sum(scores) / n if n else 100
        counts = Counter(f.severity.label for f in data.result.findings)
        titles = [a.preview["title"] for a in articles if a.preview and a.preview["title"]]
        cut = sum(1 for item in titles if item["desktop"]["cut"])
        descs = [
            a.preview["description"] for a in articles if a.preview and a.preview["description"]
        ]
        out_of_band = sum(1 for d in descs if not self.low <= d["chars"] <= self.high)
        without_error = sum(
            1 for a in articles if not any(f.severity is Severity.ERROR for f in a.findings)
        )
        total = len(data.result.findings)
        detail = " · ".join(
            f'<span class="sev-{s}">{self.n(counts[s])} {_e(self.noun(s, counts[s]))}</span>'
            for s in _SEVERITIES
        )

        def card(value: str, label: str, extra: str = "", cls: str = "") -> str:
            return (
                f'<div class="card {cls}"><div class="value">{value}</div>'
                f'<div class="label">{_e(label)}</div>{extra}</div>'
            )

        def share(part: int, whole: int) -> str:
            percent = "\u202f%" if data.lang == "fr" else "%"
            return f'<div class="sub">{part * 100 / whole:.0f}{percent}</div>' if whole else ""

        return (
            '<section class="cards">'
            + "".join(
                [
                    card(self.n(n), t["articles"]),
                    card(
                        f"{mean:.0f}<small>/100</small>",
                        t["mean_score"],
                        cls=_score_class(round(mean)),
                    ),
                    card(self.n(total), t["findings"], f'<div class="sub">{detail}</div>'),
                    card(self.n(without_error), t["without_error"], share(without_error, n)),
                    card(self.n(cut), t["titles_cut"], share(cut, len(titles))),
                    card(
                        self.n(out_of_band),
                        _fmt(t["desc_out"], low=self.low, high=self.high),
                        share(out_of_band, len(descs)),
                    ),
                ]
            )
            + "</section>"
        )

    def family_table(self) -> str:
        t = self.t
        table: dict[str, Counter[str]] = defaultdict(Counter)
        for finding in self.data.result.findings:
            table[_family(finding.rule)][finding.severity.label] += 1
        order = ["FM", "SEO", "ST", "FR", "DUP", "SL"]
        families = sorted(table, key=lambda f: (order.index(f) if f in order else 99, f))
        head = "".join(f'<th class="num sev-{s}">{_e(t[s])}</th>' for s in _SEVERITIES)
        rows = []
        for family in families:
            counts = table[family]
            cells = "".join(
                f'<td class="num">{self.n(counts[s]) if counts[s] else ""}</td>'
                for s in _SEVERITIES
            )
            label = t.get(f"fam_{family}", "")
            rows.append(
                f'<tr><th scope="row"><a href="#" data-family="{_e(family)}">{_e(family)}</a> '
                f'<span class="muted">{_e(label)}</span></th>{cells}'
                f'<td class="num"><b>{self.n(sum(counts.values()))}</b></td></tr>'
            )
        if not rows:
            rows.append(f'<tr><td colspan="5" class="muted">{_e(t["no_findings"])}</td></tr>')
        return (
            f'<table class="families"><thead><tr><th>{_e(t["family"])}</th>{head}'
            f'<th class="num">{_e(t["total"])}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    # charts ---------------------------------------------------------------------------
    def charts(self) -> str:
        data, t = self.data, self.t
        blocks: list[str] = []
        limit = data.title_max_px
        widths = [
            a.preview["title"]["width_px"]
            for a in data.articles
            if a.preview and a.preview["title"]
        ]
        if widths:
            top = max(700.0, min(1000.0, (max(widths) // 50 + 1) * 50))
            svg = charts.histogram(
                charts.bins(widths, 0, top, 20),
                label=t["chart_titles"],
                unit="px",
                filter_key="tw",
                lines=[(limit, f"{limit:g} px")],
                color=lambda b: charts.RED if b.low >= limit else charts.BLUE,
                count_label=t["articles_unit"],
            )
            blocks.append(self._figure(_fmt(t["chart_titles_h"], max=f"{limit:g}"), svg))
        lengths = [
            a.preview["description"]["chars"]
            for a in data.articles
            if a.preview and a.preview["description"]
        ]
        if lengths:
            low, high = self.low, self.high
            top = max(260, min(400, (max(lengths) // 20 + 1) * 20))
            svg = charts.histogram(
                charts.bins(lengths, 0, top, 10),
                label=t["chart_desc"],
                unit="",
                filter_key="dc",
                band=(low, high),
                lines=[(low, str(low)), (high, str(high))],
                color=lambda b: (
                    charts.GREEN if low <= b.low and b.high <= high + 1 else charts.AMBER
                ),
                count_label=t["articles_unit"],
            )
            blocks.append(self._figure(_fmt(t["chart_desc_h"], low=low, high=high), svg))
        scores = [a.readability for a in data.articles if a.readability is not None]
        if scores:
            minimum = data.readability_min
            svg = charts.histogram(
                charts.bins(scores, 0, 120, 5),
                label=t["chart_read"],
                unit="",
                filter_key="rd",
                lines=[(minimum, f"min {minimum:g}")] if minimum is not None else [],
                color=lambda b: (
                    charts.AMBER if minimum is not None and b.high <= minimum else charts.BLUE
                ),
                count_label=t["articles_unit"],
            )
            blocks.append(self._figure(_fmt(t["chart_read_h"], n=len(scores)), svg))
        return f'<section class="charts">{"".join(blocks)}</section>'

    def score_chart(self) -> str:
        return charts.histogram(
            charts.bins([a.score for a in self.data.articles], 0, 105, 5),
            label=self.t["chart_scores"],
            unit="",
            filter_key="score",
            color=lambda b: (
                charts.GREEN if b.low >= 90 else charts.AMBER if b.low >= 70 else charts.RED
            ),
            count_label=self.t["articles_unit"],
        )

    def rule_bars(self) -> str:
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.data.result.findings:
            by_rule[finding.rule].append(finding)
        items = [
            charts.RuleBar(
                rule,
                found[0].name,
                max(f.severity for f in found).label,
                len(found),
                len({f.path for f in found}),
            )
            for rule, found in by_rule.items()
        ]
        return charts.rule_bars(
            items, articles_label=self.t["articles_unit"], findings_label=self.t["findings_unit"]
        )

    def _figure(self, title: str, svg: str) -> str:
        body = svg or f'<p class="muted">{_e(self.t["no_findings"])}</p>'
        return f"<figure><figcaption>{_e(title)}</figcaption>{body}</figure>"

    # table ----------------------------------------------------------------------------
    def table(self) -> str:
        t = self.t
        has_readability = any(a.readability is not None for a in self.data.articles)
        columns = [
            ("score", t["col_score"], "num"),
            ("text", t["col_article"], ""),
            ("tw", t["col_title"], "num"),
            ("dc", t["col_desc"], "num"),
        ]
        if has_readability:
            columns.append(("rd", t["col_read"], "num"))
        columns += [("e", t["col_e"], "num"), ("w", t["col_w"], "num"), ("n", t["col_i"], "num")]
        head = "".join(
            f'<th class="{cls}" data-key="{key}" aria-sort="none" tabindex="0">{_e(label)}</th>'
            for key, label, cls in columns
        )
        rules = Counter(
            f.rule for a in self.data.articles for f in {f.rule: f for f in a.findings}.values()
        )
        options = "".join(
            f'<option value="{_e(r)}">{_e(r)} ({n})</option>' for r, n in sorted(rules.items())
        )
        rows = "".join(self.row(i, a, has_readability) for i, a in enumerate(self.data.articles))
        controls = (
            '<div class="controls">'
            f'<input type="search" id="q" placeholder="{_e(t["filter"])}" '
            f'aria-label="{_e(t["filter"])}">'
            f'<select id="sev" aria-label="{_e(t["severity"])}">'
            f'<option value="">{_e(t["all_articles"])}</option>'
            f'<option value="error">{_e(t["with_errors"])}</option>'
            f'<option value="warning">{_e(t["with_warnings"])}</option>'
            f'<option value="clean">{_e(t["clean"])}</option></select>'
            f'<select id="rule" aria-label="{_e(t["rule"])}">'
            f'<option value="">{_e(t["all_rules"])}</option>{options}</select>'
            '<span id="range" class="chip" hidden></span>'
            f'<button type="button" id="clear">{_e(t["clear"])}</button>'
            '<span id="count" class="muted"></span></div>'
        )
        return (
            f'<section id="articles"><h2>{_e(t["articles"])}</h2>{controls}'
            f'<table id="table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            "</section>"
        )

    def row(self, index: int, article: Article, has_readability: bool) -> str:
        preview = article.preview or {}
        title = preview.get("title") or {}
        desc = preview.get("description") or {}
        counts = Counter(f.severity.label for f in article.findings)
        score = article.score
        width = title.get("width_px")
        chars = desc.get("chars")
        low, high = self.low, self.high
        title_text = title.get("text") or ""
        rules = " ".join(sorted({f.rule for f in article.findings}))
        data = {
            "i": index,
            "score": score,
            "tw": "" if width is None else f"{width:.1f}",
            "dc": "" if chars is None else chars,
            "e": counts.get("error", 0),
            "w": counts.get("warning", 0),
            "n": counts.get("info", 0),
            "rules": f" {rules} ",
            "text": _fold(f"{title_text} {article.path}"),
        }
        if has_readability:
            data["rd"] = "" if article.readability is None else article.readability
        attrs = " ".join(f'data-{k}="{_e(v)}"' for k, v in data.items())
        tw_cls = "bad" if width is not None and width > self.data.title_max_px else ""
        dc_cls = "bad" if chars is not None and not low <= chars <= high else ""
        cells = [
            f'<td class="num score {_score_class(score)}">{score}</td>',
            f'<td class="article"><div class="t">{_e(title_text or self.t["no_title"])}</div>'
            f'<div class="p">{_e(_strip(article.path, self.base))}</div></td>',
            f'<td class="num {tw_cls}">{"" if width is None else f"{width:.0f}"}</td>',
            f'<td class="num {dc_cls}">{"" if chars is None else chars}</td>',
        ]
        if has_readability:
            value = article.readability
            cells.append(f'<td class="num">{"" if value is None else f"{value:.0f}"}</td>')
        cells += [f'<td class="num sev-{s}">{counts.get(s, 0) or ""}</td>' for s in _SEVERITIES]
        return f'<tr class="art" tabindex="0" {attrs}>{"".join(cells)}</tr>'

    # data for the details ---------------------------------------------------------------
    def payload(self) -> str:
        messages: dict[str, int] = {}
        rules: dict[str, str] = {}

        def message(text: str) -> int:
            return messages.setdefault(text, len(messages))

        def shown(item: dict[str, Any] | None) -> dict[str, Any] | None:
            if not item:
                return None
            return {
                "k": item["key"],
                "x": item["text"],
                "w": item["width_px"],
                "c": item["chars"],
                "max": item["max_px"],
                "l": item["line"],
                "d": item["desktop"]["lines"],
                "dc": item["desktop"]["cut"],
                "dh": item["desktop"]["hidden"],
                "m": item["mobile"]["lines"],
                "mc": item["mobile"]["cut"],
                "mh": item["mobile"]["hidden"],
            }

        articles = []
        for article in self.data.articles:
            found = []
            for f in article.findings:
                rules.setdefault(f.rule, f.name)
                found.append(
                    [
                        f.line,
                        f.column,
                        f.rule,
                        _SEVERITIES.index(f.severity.label),
                        message(f.message),
                        1 if article.field_of(f) else 0,
                    ]
                )
            preview = article.preview
            articles.append(
                {
                    "p": article.path,
                    "u": preview["url"]["display"] if preview else "",
                    "t": shown(preview["title"]) if preview else None,
                    "d": shown(preview["description"]) if preview else None,
                    "ok": preview is not None,
                    "f": found,
                }
            )
        document = {
            "labels": self.t,
            "rules": rules,
            "messages": list(messages),
            "articles": articles,
            "mobile": {"viewport": MOBILE_VIEWPORT_PX, "line": MOBILE.title_line_px},
        }
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        # inside <script>, "</" could close the element
        return text.replace("<", "\\u003c")

    # whole page -----------------------------------------------------------------------
    def render(self) -> str:
        data, t = self.data, self.t
        errors = ""
        if data.errors:
            items = "".join(f"<li>{_e(m)}</li>" for m in data.errors[:50])
            errors = f'<div class="run-errors"><p>{_e(t["errors_box"])}</p><ul>{items}</ul></div>'
        paths = ", ".join(data.paths)
        note = _fmt(
            t["model_note"],
            title=f"{data.title_max_px:g}",
            desc=f"{data.description_max_px:g}",
            vw=f"{MOBILE_VIEWPORT_PX:g}",
            line=f"{MOBILE.title_line_px:g}",
        )
        return f"""<!doctype html>
<html lang="{t["lang"]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="seolint {_e(__version__)}">
<title>{_e(t["title"])} — {_e(paths)}</title>
<script>{_asset("errors.js")}</script>
<style>{_asset("report.css")}</style>
</head>
<body>
<div id="script-errors" class="run-errors" hidden><p>{_e(t["script_error"])}</p><ul></ul></div>
<header><h1>{_e(t["title"])}</h1><p class="muted">{_e(paths)}</p></header>
<noscript><p class="run-errors">{_e(t["noscript"])}</p></noscript>
{errors}
<main>
{self.cards()}
<section class="overview">
<div class="panel"><h2>{_e(t["by_family"])}</h2>{self.family_table()}
{self._figure(t["chart_scores_h"], self.score_chart())}</div>
{self._figure(t["chart_rules_h"], self.rule_bars())}
</section>
{self.charts()}
{self.table()}
</main>
<footer class="muted"><p>{_e(t["score_note"])}</p><p>{_e(note)}</p>
<p>{_e(_fmt(t["generated"], version=__version__, paths=paths))}</p></footer>
<script type="application/json" id="report-data">{self.payload()}</script>
<script>{_asset("report.js")}</script>
</body>
</html>
"""


def render_html(data: ReportData) -> str:
    """The whole page as one string."""
    return _Page(data).render()
