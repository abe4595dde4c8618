"""`seolint report --html`: one self-contained page, and the same page in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import run_cli
from seolint.config import Config
from seolint.findings import Finding, Severity
from seolint.report import html as report_html
from seolint.report.html import ReportData, article_score, collect_report, render_html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

LONG_TITLE = "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé"
DESCRIPTION = (
    "Amazon prévoit d'investir 35 milliards de dollars d'ici 2030 en Inde avec un focus sur "
    "l'IA et le cloud, créant 3,8 millions d'emplois annuels."
)


def _article(title: str, description: str = DESCRIPTION, slug: str = "un-article") -> str:
    return (
        f'---\ntitle: "{title}"\ndescription: "{description}"\ndate: 2024-05-01\n'
        f"slug: {slug}\n---\n\n# {title}\n\nTexte de l'article.\n"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "long.md").write_text(_article(LONG_TITLE, slug="amazon-inde"), encoding="utf-8")
    (folder / "short.md").write_text(
        _article("Rust 1.80 : les nouveautés du compilateur", "Trop court.", "rust-1-80"),
        encoding="utf-8",
    )
    hostile = "Titre </script><script>alert(1)</script> & « guillemets »"
    (folder / "hostile.md").write_text(_article(hostile, slug="hostile"), encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01 not text")
    return folder


def _data(site: Path, **values: object) -> ReportData:
    config = replace(Config(), select=("FM", "SEO", "SL"), **values)  # type: ignore[arg-type]
    return collect_report([str(site)], config)


def _payload(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page,
                      re.S)  # fmt: skip
    assert match is not None
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def _index(page: str, name: str) -> int:
    articles = _payload(page)["articles"]
    return next(i for i, a in enumerate(articles) if a["p"].endswith(name))  # type: ignore[arg-type,index]


def _finding(rule: str, severity: Severity, line: int = 1) -> Finding:
    return Finding("a.md", line, 1, rule, line, 2, "name", severity, "message")


# -- score -------------------------------------------------------------------------------------
def test_score_counts_each_rule_once_at_its_worst_severity() -> None:
    assert article_score([]) == 100
    assert article_score([_finding("SEO001", Severity.WARNING)]) == 92
    many = [_finding("FR101", Severity.WARNING, line) for line in range(1, 40)]
    assert article_score(many) == 92
    mixed = [_finding("SEO006", Severity.WARNING), _finding("SEO006", Severity.ERROR)]
    assert article_score(mixed) == 80
    assert article_score([_finding("SEO007", Severity.INFO)]) == 98
    worst = [_finding(f"FM00{i}", Severity.ERROR) for i in range(1, 8)]
    assert article_score(worst) == 0


# -- the page ----------------------------------------------------------------------------------
def test_report_gathers_every_article_with_its_preview_and_findings(site: Path) -> None:
    data = _data(site)
    paths = sorted(Path(a.path).name for a in data.articles)
    assert paths == ["binary.md", "hostile.md", "long.md", "short.md"]
    by_name = {Path(a.path).name: a for a in data.articles}
    long = by_name["long.md"]
    assert long.preview is not None and long.preview["title"]["desktop"]["cut"]
    assert {f.rule for f in long.findings} >= {"SEO001"}
    assert long.score < 100
    assert by_name["binary.md"].preview is None  # unreadable: reported, no preview
    assert [f.rule for f in by_name["binary.md"].findings] == ["SL001"]
    assert data.errors == []


def test_previews_follow_the_configured_limits(site: Path) -> None:
    data = _data(site, options={"SEO001": {"max_px": 700}})
    long = next(a for a in data.articles if a.path.endswith("long.md"))
    assert long.preview is not None
    assert long.preview["title"]["max_px"] == 700
    assert not long.preview["title"]["desktop"]["cut"]
    assert data.title_max_px == 700 and "700 px" in render_html(data)


def test_page_is_self_contained(site: Path) -> None:
    page = render_html(_data(site))
    assert page.startswith("<!doctype html>")
    # nothing is fetched: no external script, style sheet, image, font or frame
    assert not re.search(r"<(script|img|iframe|link|source)\b[^>]*\b(src|href)=", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "http://" not in page.split('id="report-data"')[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


def test_page_escapes_article_text(site: Path) -> None:
    page = render_html(_data(site))
    assert "<script>alert(1)</script>" not in page
    assert "Titre &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    data = _payload(page)  # the JSON island is intact and holds the raw text
    titles = [a["t"]["x"] for a in data["articles"] if a["t"]]  # type: ignore[index]
    assert any("</script><script>alert(1)</script>" in t for t in titles)


def test_page_has_summary_charts_table_and_details_data(site: Path) -> None:
    page = render_html(_data(site, lang="en"))
    assert '<html lang="en">' in page and "seolint report" in page
    assert page.count('<svg class="chart') >= 4  # scores, rules, title widths, descriptions
    assert "600 px" in page  # the title chart's limit line
    assert 'data-filter="dc"' in page and 'data-filter="tw"' in page
    assert len(re.findall(r'<tr class="art"', page)) == 4
    # no FR004 measure in this run: no readability chart, no column
    assert 'data-filter="rd"' not in page and 'data-key="rd"' not in page
    data = _payload(page)
    assert len(data["articles"]) == 4  # type: ignore[arg-type]
    long = next(a for a in data["articles"] if a["p"].endswith("long.md"))  # type: ignore[union-attr,index]
    assert long["t"]["d"] == ["Amazon investit 35 milliards USD dans l'IA en Inde: une avancée …"]
    line, column, _, severity, message, on_field = next(f for f in long["f"] if f[2] == "SEO001")
    assert (line, column, severity, on_field) == (2, 9, 1, 1)
    assert data["messages"][message].startswith("title is 605 px wide")  # type: ignore[index]


def test_labels_follow_the_configured_language(site: Path) -> None:
    page = render_html(_data(site, lang="fr"))
    assert '<html lang="fr">' in page and "Rapport seolint" in page
    assert "Largeur des titres (limite de 600\u00a0px)" in page
    assert _payload(page)["labels"]["cut"] == "coupé, masque «\u00a0{hidden}\u00a0»"  # type: ignore[index]


def test_readability_chart_appears_when_articles_are_measured(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_html, "readability_score", lambda doc, min_words: 55.5)
    page = render_html(_data(site, lang="en"))
    assert 'data-filter="rd"' not in page  # FR004 is not selected: no readability
    page = render_html(_data(site, lang="en", extend_select=("FR004",)))
    assert "Readability (3 articles measured)" in page
    assert 'data-filter="rd"' in page and 'data-rd="55.5"' in page


def test_page_shows_any_rule_family(site: Path) -> None:
    """Plugins bring their own prefixes: the page lists them like the built-in ones."""
    data = _data(site)
    article = next(a for a in data.articles if a.path.endswith("short.md"))
    extra = replace(_finding("ACME001", Severity.ERROR, 1), path=article.path, name="acme-rule")
    article.findings.append(extra)
    data.result.findings.append(extra)
    page = render_html(data)
    assert 'data-family="ACME"' in page and 'data-rule="ACME001"' in page
    assert '<option value="ACME001">ACME001 (1)</option>' in page


def test_a_large_report_stays_small_and_quick(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(400):
        title = f"{LONG_TITLE} numéro {index}" if index % 2 else f"Article court {index}"
        text = _article(title, slug=f"article-{index}")
        (folder / f"a{index:03}.md").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    page = render_html(_data(folder))
    elapsed = time.perf_counter() - start
    assert len(page.encode("utf-8")) < 400 * 2_500  # about 1 MB per 400 articles at most
    assert elapsed < 30  # generous: a 2-core CI machine, all rules of FM/SEO


def test_cli_report_writes_the_page(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run_cli("report", str(site), "--html", str(out), "--isolated", "--select", "SEO")
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_cli_report_to_standard_output(site: Path) -> None:
    result = run_cli("report", str(site), "--html", "-", "--isolated", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!doctype html>") and "seolint report" in result.stdout


def test_cli_report_to_an_unwritable_place_exits_2(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "report.html"
    result = run_cli("report", str(site), "--html", str(out), "--isolated", "--select", "SEO")
    assert result.returncode == 2
    assert "cannot write the report" in result.stderr and "Traceback" not in result.stderr


def test_cli_report_with_a_missing_path_exits_2(tmp_path: Path) -> None:
    result = run_cli("report", str(tmp_path / "absent"), "--html", str(tmp_path / "r.html"))
    assert result.returncode == 2
    assert not (tmp_path / "r.html").exists()


# -- in a real browser -------------------------------------------------------------------------
def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
        "--enable-logging=stderr", "--v=0", *extra, url,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _console_lines(stderr: str) -> list[str]:
    """Console messages of the page: Chromium logs them as ``INFO:CONSOLE(line)``. The page
    itself writes nothing to the console, so any line is an error or a warning."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium not installed at /usr/bin/chromium (apt-get install chromium "
    "fonts-liberation2; .ci/run installs it)",
)
def test_report_page_loads_in_chromium_without_errors(site: Path, tmp_path: Path) -> None:
    """The page is loaded twice: ``--dump-dom`` returns the DOM after the scripts ran (the
    page records any script error in ``<html data-script-errors>``, and Chromium's log gives
    console messages), then ``--screenshot`` saves what a reader sees under test-artifacts/.
    The URL opens one article's details through the hash, so the details code runs too."""
    out = tmp_path / "report.html"
    page = render_html(_data(site, lang="fr"))
    out.write_text(page, encoding="utf-8")
    long = next(a for a in _payload(page)["articles"] if a["p"].endswith("long.md"))  # type: ignore[union-attr,index]
    url = f"{out.as_uri()}#open={quote(long['p'], safe='')}"

    dumped = _chromium(tmp_path, url, "--dump-dom")
    dom = dumped.stdout
    root = re.search(r"<html[^>]*>", dom)
    assert root is not None and "data-report-ready" in root.group(0), dumped.stderr[-2000:]
    assert "data-script-errors" not in root.group(0), re.findall(r"<li>.*?</li>", dom)[:5]
    assert _console_lines(dumped.stderr) == []
    assert dom.count('<svg class="chart') >= 4
    assert len(re.findall(r'<tr class="art[ "]', dom)) == 4
    assert 'class="detail"' in dom and 'class="serp desktop"' in dom
    assert "une avancée …" in dom  # the cut title inside the opened preview
    assert "4 sur 4&nbsp;articles" in dom  # the count the script writes

    # the view kept in the hash: the SEO family, widest title first
    filtered = _chromium(tmp_path, f"{out.as_uri()}#rule=SEO&sort=-tw", "--dump-dom").stdout
    rows = re.findall(r'<tr class="art"[^>]*>', filtered)
    shown = [row for row in rows if " hidden" not in row]
    assert 'data-i="' in shown[0] and f'data-i="{_index(page, "long.md")}"' in shown[0]
    assert len(shown) == 3 and "3 sur 4&nbsp;articles" in filtered  # binary.md has no SEO
    assert 'aria-sort="descending"' in filtered

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    shooting = _chromium(tmp_path, url, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists(), shooting.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # not a blank page
    assert _console_lines(shooting.stderr) == []


def test_chromium_check_would_see_a_script_error(tmp_path: Path) -> None:
    """The error recorder catches what the test above looks for (guards against a test that
    can never fail)."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("headless Chromium not installed at /usr/bin/chromium")
    recorder = report_html._asset("errors.js")
    page = tmp_path / "broken.html"
    page.write_text(
        f"<!doctype html><html><head><script>{recorder}</script></head><body>"
        '<div id="script-errors" hidden><ul></ul></div><script>undefinedCall();</script>'
        "</body></html>",
        encoding="utf-8",
    )
    dumped = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    root = re.search(r"<html[^>]*>", dumped.stdout)
    assert root is not None and 'data-script-errors="1"' in root.group(0)
    assert "undefinedCall" in dumped.stdout
    assert _console_lines(dumped.stderr)
