#!/usr/bin/env python3
"""Check that seolint's langdetect loop gives langdetect's probabilities on real text.

Takes a sample of the corpus's articles (whole bodies, cut at 30,000 characters, and their
first paragraphs), runs both detectors on each text with the twelve common profiles and
with all 55, and prints the number of differences (expected: 0) and both total times.

Usage: python benchmarks/detector_check.py [CORPUS] [--files N] [--seed S]
CORPUS defaults to ../shared/corpus next to the repository; absent, the script says so and
exits 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from seolint.text.detector import FastDetector
from seolint.text.language import _COMMON_PROFILES, profile_texts

REPO = Path(__file__).resolve().parent.parent


def langdetect_probabilities(factory: DetectorFactory, text: str) -> list[tuple[str, float]] | None:
    detector = factory.create()
    detector.append(text)
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to check")
        return 0
    files = sorted(args.corpus.rglob("*.md"))
    files = random.Random(args.seed).sample(files, min(args.files, len(files)))
    texts: list[str] = []
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        texts.append(text[:30_000])
        texts.extend(p for p in text.split("\n\n")[:20] if len(p) > 20)
    failures = 0
    for profiles in (_COMMON_PROFILES, ()):
        json_texts = profile_texts(profiles)
        factory = DetectorFactory()
        factory.load_json_profile(json_texts)
        factory.seed = 0
        ours = FastDetector(json_texts, seed=0)
        differences = 0
        ours_s = theirs_s = 0.0
        for text in texts:
            start = time.perf_counter()
            mine = ours.probabilities(text)
            middle = time.perf_counter()
            theirs = langdetect_probabilities(factory, text)
            ours_s += middle - start
            theirs_s += time.perf_counter() - middle
            if mine != theirs:
                differences += 1
                print(f"difference: {text[:80]!r}: {mine} != {theirs}")
        failures += differences
        print(
            f"{len(json_texts)} profiles, {len(texts)} texts: {differences} differences; "
            f"seolint {ours_s:.1f} s, langdetect {theirs_s:.1f} s"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
