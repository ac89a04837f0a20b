"""Quality and speed of the overlaid-layer repair, on generated and on real documents.

Generated: documents from clean Dutch prose (the Kamerstuk of the corpus) garbled by
``ima.ingest.defects`` with 2, 3 and 6 accumulated layers. For each, the recovered
pages are compared with the truth (each page's own layer as the extractor gives it
alone): character error rate = Levenshtein distance / truth length, both texts with
whitespace runs folded to one space (line breaks are layout, not text). The same is
printed for the unrepaired chunks. Speed is pages out of ``separate_layers`` per
second of its own time, on one core.

Real: the two layered letters of the corpus, through page splitting, layer separation
and furniture removal: the share of word tokens that are Dutch words or names
(``lexicon.is_word``; capitalised tokens count as names), and the tokens that still
carry the doubled or tripled letter runs of merged layers.

    .venv/bin/python bench/repair.py [--docs 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from ima.domain.document import Extraction, SourceFormat  # noqa: E402
from ima.ingest import lexicon  # noqa: E402
from ima.ingest.defects import LayerSettings, generate  # noqa: E402
from ima.ingest.layers import separate_layers  # noqa: E402
from ima.ingest.pipeline import parse_bytes  # noqa: E402
from ima.ingest.pages import split_pages  # noqa: E402

CORPUS = ROOT / "ima" / "data" / "corpus"
LETTERS = ("2020-07-10_migratieovereenkomsten_2971694.pdf.txt", "2021-01-11_voortgang-ima_3001668.pdf.txt")
CASES = (("2 layers", LayerSettings(layers=2)), ("3 layers", LayerSettings(layers=3)),
         ("6 layers", LayerSettings(layers=6, page_step=2)),
         ("4 layers, first page only", LayerSettings(layers=4, mode="first")))
_TOKEN = re.compile(r"\S+")


def fold(text: str) -> str:
    """Whitespace runs (spaces and line breaks) folded to one space."""
    return " ".join(text.split())


def cer_parts(pages: list[str], truth: tuple[str, ...]) -> tuple[int, int]:
    """(edit distance, truth length) over the pages in order; a missing or extra page counts whole.

    Pages are matched by position, not by the number page splitting decoded from
    the merged footers: that decoding is measured separately (``numbers ok``).
    """
    dist = length = 0
    for k, want in enumerate(truth):
        want = fold(want)
        dist += Levenshtein.distance(fold(pages[k]) if k < len(pages) else "", want)
        length += len(want)
    dist += sum(len(fold(t)) for t in pages[len(truth):])
    return dist, length


def bench_generated(n_docs: int, seed: int) -> None:
    print(f"{'case':28} {'docs':>5} {'pages':>6} {'CER raw':>9} {'CER repaired':>13} {'worst doc':>10} "
          f"{'pages/s':>8} {'numbers ok':>11}")
    for name, settings in CASES:
        rng = random.Random(seed)
        raw_d = fix_d = total = pages_out = numbered = 0
        worst = 0.0
        elapsed = 0.0
        for _ in range(n_docs):
            doc = generate(settings, rng)
            split = split_pages(Extraction(doc.text, SourceFormat.TEXT)).pages
            t0 = time.perf_counter()
            result = separate_layers(split)
            elapsed += time.perf_counter() - t0
            pages_out += len(result.pages)
            numbered += sum(1 for p, n in zip(split, doc.numbers) if p.number == n)
            d, n = cer_parts([p.text for p in split], doc.truth)
            raw_d += d
            d, n = cer_parts([p.text for p in result.pages], doc.truth)
            fix_d += d
            total += n
            worst = max(worst, d / n)
        print(f"{name:28} {n_docs:5d} {pages_out:6d} {raw_d / total:9.2%} {fix_d / total:13.3%} "
              f"{worst:10.2%} {pages_out / elapsed:8.1f} {numbered / (n_docs * settings.layers):11.1%}")


def merged_runs(token: str) -> bool:
    """True for a token that still shows merged layers: several doubled letters and no word."""
    core = token.strip(".,;:!?()[]«»\"'‘’“”")
    if re.search(r"[\d/@]", core):
        return False  # addresses, references: not words to begin with
    pairs = sum(1 for a, b in zip(core, core[1:]) if a == b and a.isalpha())
    return pairs >= 3 and not lexicon.is_word(core) or bool(re.search(r"([^\W\d])\1\1", core))


def bench_real() -> None:
    """The real layered letters through the whole pipeline: the text ``ima export`` gives."""
    print(f"\n{'letter (whole pipeline, as exported)':52} {'tokens':>7} {'Dutch/names':>12} "
          f"{'lower-case Dutch':>17} {'merged-run tokens'}")
    for name in LETTERS:
        path = CORPUS / name
        doc = parse_bytes(path.read_bytes(), source=str(path))
        body = "\n".join(p.text for p in doc.passages)
        words = lexicon.words(body)
        good = sum(1 for w in words if lexicon.is_word(w) or w[0].isupper())
        lower = [w for w in words if w[0].islower()]
        strict = sum(1 for w in lower if lexicon.is_word(w))
        merged = [t for t in _TOKEN.findall(body) if merged_runs(t)]
        shown = " ".join(merged[:6]) + (" ..." if len(merged) > 6 else "")
        print(f"{name:52} {len(words):7d} {good / max(1, len(words)):12.1%} {strict / max(1, len(lower)):17.1%} "
              f"{len(merged)} {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=50, help="generated documents per case")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print("$ " + " ".join([Path(sys.executable).name, *sys.argv]))
    separate_layers(split_pages(Extraction(generate(LayerSettings(layers=2), random.Random(0)).text,
                                           SourceFormat.TEXT)).pages)  # compile the numba kernel first
    bench_generated(args.docs, args.seed)
    bench_real()


if __name__ == "__main__":
    main()
