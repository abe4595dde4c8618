"""Check the shipped width table against real rendering in headless Chromium.

Chromium lays out each title in Liberation Sans 20 px (Arial's metrics) and reports its width;
``text_width`` must agree within 1 px. Needs the Debian packages ``chromium`` and
``fonts-liberation2``; skipped otherwise.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from seolint.text.pixels import TITLE_FONT_PX, text_width

CHROMIUM = Path("/usr/bin/chromium")
NBSP = "\u00a0"
NNBSP = "\u202f"

TITLES = [
    "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé",
    f"Amazon investit 35 milliards USD dans l’IA en Inde{NBSP}: une avancée clé",
    "Tesla dévoile son robot Optimus V3 à Austin",
    f"AVANT-PREMIÈRE{NBSP}: Volkswagen présente l’ID.7 Tourer",
    "L’Œuvre d’art générée par IA vendue 1,2 million d’euros",
    f"Pourquoi l’IA générative change tout{NNBSP}?",
    f"Cybersécurité{NNBSP}: 5 failles critiques à corriger d’urgence{NNBSP}!",
    f"«{NBSP}Nous n’avons pas le choix{NBSP}», affirme le PDG d’OpenAI",
    f"«{NNBSP}L’IA ne remplacera pas les développeurs{NNBSP}» selon GitHub",
    "Apple WWDC 2025 : iOS 19, macOS et visionOS au programme",
    "Yves Tanguy et l’âge d’or du jeu vidéo français",
    "Œufs, bœuf et cœur : les sœurs d’Œdipe au XIXe siècle",
    "Électricité : EDF relève ses prévisions de production nucléaire",
    "Où en est la 5G en France ? État des lieux fin 2024",
    f"Microsoft rachète une start-up lyonnaise pour 150{NNBSP}M€",
    f"La croissance atteint 3,8{NBSP}% au troisième trimestre",
    "Nvidia dépasse les 3 000 milliards de dollars en Bourse",
    "Les 10 meilleures extensions VS Code pour Python en 2025",
    "Google Gemini vs ChatGPT : lequel choisir pour votre entreprise ?",
    "Comment sécuriser votre serveur Linux en 7 étapes",
    "Meta lance Llama 4 : un modèle ouvert… mais pas tout à fait",
    "Samsung Galaxy S25 Ultra — test complet après un mois",
    "Le RGPD fête ses 7 ans – quel bilan pour les PME ?",
    "PayPal, Visa et Mastercard misent sur les paiements par IA",
    "Toyota, Renault et Stellantis face à la voiture électrique chinoise",
    "Xavier Niel investit dans Mistral AI : « un pari français »",
    "Qu’est-ce que le RAG ? Définition, usages et limites",
    "ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ : les majuscules accentuées en typographie",
    "àâäçéèêëîïôöùûüÿ : les minuscules accentuées en typographie",
    "LVMH, Kering et Hermès : le luxe face au ralentissement",
    "Tik Tok, YouTube et Twitch : la bataille des créateurs",
    "Wi-Fi 7 : tout ce qu’il faut savoir avant d’acheter un routeur",
    "Vivendi, Canal+ et Havas : la scission enfin actée",
    "Quantique : IBM annonce un processeur de 1 121 qubits",
    "« L’an prochain » : pourquoi Apple repousse Siri",
    "Fintech : Qonto lève 486 M€ et vise l’Europe",
    "AT&T, T-Mobile et Verizon : la 5G américaine en 2025",
    "Yann LeCun : « Les LLM ne sont pas l’avenir de l’IA »",
    "Intelligence artificielle : 40 % des emplois exposés selon le FMI",
    "Rust ou Go ? Le match des langages système en 2025",
    "Spotify augmente ses prix : +1 €/mois dès juillet",
    "Twitter devient X : chronologie d’un rebranding",
    "VivaTech 2025 : les 12 start-up à suivre",
    "Airbus A321XLR : premier vol commercial réussi",
    "Free, Orange, SFR : qui a le meilleur réseau 4G/5G ?",
    "Dépenses IT : les DSI françaises réduisent leurs budgets de 8,5 %",
    "Ça y est : WhatsApp autorise les comptes multiples",
    "« Vite fait, bien fait » : l’art du prototypage rapide",
    "Zoom sur l’écosystème French Tech à Toulouse et Montpellier",
    "Ransomware : l’hôpital de Cannes visé, 61 Go de données volées",
]


def _font_installed() -> bool:
    if shutil.which("fc-list"):
        out = subprocess.run(
            ["fc-list", "Liberation Sans:style=Regular", "file"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return "LiberationSans-Regular" in out
    return any(Path("/usr/share/fonts").rglob("LiberationSans-Regular.ttf"))


def _page(titles: list[str]) -> str:
    data = json.dumps(titles, ensure_ascii=True)
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<style>
  span {{ font-family: 'Liberation Sans'; font-size: {TITLE_FONT_PX}px; white-space: pre; }}
</style></head>
<body><pre id="out"></pre>
<script>
  const titles = {data};
  const widths = titles.map((text) => {{
    const span = document.createElement("span");
    span.textContent = text;
    document.body.appendChild(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  }});
  document.getElementById("out").textContent = JSON.stringify(widths);
</script></body></html>
"""


def _browser_widths(titles: list[str], tmp_path: Path) -> list[float]:
    page = tmp_path / "widths.html"
    page.write_text(_page(titles), encoding="utf-8")
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    match = re.search(r'<pre id="out">(.*?)</pre>', done.stdout, re.S)
    assert match, f"no result in the dumped DOM (exit {done.returncode}): {done.stderr[-2000:]}"
    widths = json.loads(html.unescape(match.group(1)))
    assert isinstance(widths, list)
    return [float(width) for width in widths]


@pytest.fixture(scope="module")
def browser_widths(tmp_path_factory: pytest.TempPathFactory) -> list[float]:
    if not CHROMIUM.exists():
        pytest.skip("chromium not installed: apt-get install chromium fonts-liberation2")
    if not _font_installed():
        pytest.skip("Liberation Sans not installed: apt-get install fonts-liberation2")
    return _browser_widths(TITLES, tmp_path_factory.mktemp("chromium"))


def test_titles_are_varied() -> None:
    assert len(TITLES) == 50
    assert len(set(TITLES)) == 50


def test_width_table_matches_chromium(browser_widths: list[float]) -> None:
    assert len(browser_widths) == len(TITLES)
    off = [
        (title, round(ours, 3), round(browser, 3))
        for title, browser in zip(TITLES, browser_widths, strict=True)
        if abs((ours := text_width(title, TITLE_FONT_PX)) - browser) > 1.0
    ]
    assert not off, off
