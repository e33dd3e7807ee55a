"""Typo benchmark: recall, precision and false alarms on real misspellings in real prose.

Prints figures; asserts nothing. Run from the repository root (needs the ``bench`` extra,
``pip install -e .[bench]``, for codespell's misspelling list):

    python tests/benchmarks/bench_typos.py [--clean FILE] [--rate 200] [--seed 7]

Misspellings: codespell's ``dictionary.txt`` (real misspellings found in the wild, each with
its correction), keeping the non-word ones: those with one correction and not listed by
SymSpell's English dictionary nor Webster's Second (real-word errors such as "form" for "from"
are out of scope). Clean prose: ``../shared/bench/web.txt`` (the World English Bible, modern
English) when present, else the sample pair shipped with the project. One word in ``--rate``
whose lower-case form is a correction in the list is replaced by one of its misspellings
(each misspelling used once), keeping capitalisation.

Reported:

* detection recall and precision, and the share of injected misspellings whose suggestion is
  the original word, judging by the dictionary alone (the other version empty);
* the same with the clean text as the other version, aligned paragraph by paragraph
  (counterpart evidence);
* false alarms per 10,000 words of the clean text, judged alone;
* on the bench pair (kjv.txt / web.txt), the time of ``find_typos`` and ``find_artifacts``
  and their share of a whole comparison, and the cost of ``word_pair_kind`` over every
  one-word replacement of the pair.

Targets (issue 5): recall >= 0.85, correct suggestion >= 0.75, <= 1 false alarm per 10,000
words; typos + artifacts well under 1 s on the bench pair.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

T0 = time.perf_counter()

from readout_tui.core.documents import document_from_text  # noqa: E402
from readout_tui.core.model import Block, Document, Edit, Span  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
SAMPLES = sorted((ROOT / "sample_data").glob("*.txt"))
_WORD = re.compile(r"[A-Za-z]+")


def misspellings() -> dict[str, list[str]]:
    """Correction -> its non-word misspellings, from codespell's list."""
    from english_words import get_english_words_set
    from symspellpy import SymSpell

    text = files("codespell_lib").joinpath("data", "dictionary.txt").read_text("utf-8")
    sym = SymSpell(max_dictionary_edit_distance=0)
    path = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    sym.load_dictionary(str(path), 0, 1)
    webster = get_english_words_set(["web2"], alpha=True, lower=True)
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        wrong, _, fixes = line.partition("->")
        fix = fixes.strip().rstrip(",")
        if "," in fix or not (wrong.isalpha() and fix.isalpha()):
            continue
        if not (wrong.islower() and fix.islower()) or len(wrong) < 3:
            continue
        if wrong in sym.words or wrong in webster:
            continue
        out.setdefault(fix, []).append(wrong)
    return out


def inject(
    doc: Document, table: dict[str, list[str]], *, rate: int, seed: int
) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The document's text with misspellings put in; and (paragraph, start, wrong, right)."""
    rng = random.Random(seed)
    used: set[str] = set()
    paragraphs: list[str] = []
    injected: list[tuple[int, int, str, str]] = []
    for p in doc.paragraphs:
        text, shift = p.text, 0
        if p.role in ("body", "title"):
            for m in _WORD.finditer(p.text):
                word = m.group()
                choices = [w for w in table.get(word.lower(), ()) if w not in used]
                if not choices or rng.randrange(rate) != 0:
                    continue
                wrong = rng.choice(choices)
                used.add(wrong)
                if word[0].isupper():
                    wrong = wrong.capitalize()
                start = m.start() + shift
                text = text[:start] + wrong + text[start + len(word) :]
                shift += len(wrong) - len(word)
                injected.append((p.index, start, wrong, word))
        paragraphs.append(text)
    return "\n\n".join(paragraphs), injected


def one_to_one(left: Document, right: Document) -> tuple[Block, ...]:
    n = min(len(left.paragraphs), len(right.paragraphs))
    return tuple(Block(f"b{i}", "edit", (i,), (i,), 1.0) for i in range(n))


def score(name: str, found: Sequence[object], injected: list[tuple[int, int, str, str]]) -> None:
    truth = {(p, s): (w, r) for p, s, w, r in injected}
    hits = [t for t in found if (t.paragraph, t.start) in truth]  # type: ignore[attr-defined]
    right = [
        t
        for t in hits
        if t.suggestion.lower() == truth[(t.paragraph, t.start)][1].lower()  # type: ignore[attr-defined]
    ]
    n = len(injected)
    lower = [x for x in injected if x[2].islower()]
    lower_hits = sum(1 for t in hits if t.word.islower())  # type: ignore[attr-defined]
    print(
        f"  {name}: injected {n}, flagged {len(found)}, "
        f"recall {len(hits) / n:.3f} (lower-case words {lower_hits / max(1, len(lower)):.3f}), "
        f"precision {len(hits) / max(1, len(found)):.3f}, "
        f"correct suggestion {len(right) / n:.3f} ({len(right) / max(1, len(hits)):.3f} of found)"
    )


def accuracy(clean_path: Path | None, *, rate: int, seed: int) -> None:
    from readout_tui.core.typos import find_typos

    if clean_path is not None:
        clean = document_from_text(clean_path.read_text("utf-8"), path=str(clean_path))
        label = clean_path.name
    else:
        clean = document_from_text("\n\n".join(p.read_text("utf-8") for p in SAMPLES))
        label = "the sample pair"
    table = misspellings()
    text, injected = inject(clean, table, rate=rate, seed=seed)
    dirty = document_from_text(text)
    empty = document_from_text("")
    words = sum(len(_WORD.findall(p.text)) for p in clean.paragraphs if p.role != "boilerplate")
    print(f"clean prose: {label}, {words} words; {len(table)} corrections with misspellings")
    score("dictionary alone", find_typos(dirty, empty, ()), injected)
    blocks = one_to_one(dirty, clean)
    with_cp = [t for t in find_typos(dirty, clean, blocks) if t.side == "left"]
    score("with the clean version aligned", with_cp, injected)
    edits = tuple(
        Block(
            f"b{p}",
            "edit",
            (p,),
            (p,),
            1.0,
            edits=(
                Edit(
                    f"e{p}.{s}",
                    "replace",
                    "typo",
                    Span(p, s, s + len(w), w),
                    Span(p, s, s + len(r), r),
                ),
            ),
        )
        for p, s, w, r in injected
    )
    with_edits = [t for t in find_typos(dirty, clean, blocks + edits) if t.side == "left"]
    score("with word edits (diff pairs each slip)", with_edits, injected)
    alarms = find_typos(clean, empty, ())
    print(
        f"  false alarms on the clean text alone: {len(alarms)} "
        f"({len(alarms) / words * 1e4:.2f} per 10,000 words): "
        + ", ".join(sorted({f"{t.word}->{t.suggestion}" for t in alarms})[:20])
    )


def speed() -> None:
    """Time the stages on the bench pair: within compare() (its own stage timings) when the
    engine runs them, and standalone, each in a state as cold as the process allows."""
    left_path, right_path = BENCH / "kjv.txt", BENCH / "web.txt"
    if not (left_path.exists() and right_path.exists()):
        print("bench pair not found: speed skipped")
        return
    left = document_from_text(left_path.read_text("utf-8"), path=str(left_path))
    right = document_from_text(right_path.read_text("utf-8"), path=str(right_path))
    from readout_tui.core.perf import collector_paused

    def clock() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    w, c = clock()
    with collector_paused():
        from readout_tui.core.lexicon import lexicon

        lexicon()
    w2, c2 = clock()
    print(
        f"bench pair ({len(left.paragraphs)} + {len(right.paragraphs)} paragraphs), seconds "
        f"wall (CPU):\n  lexicon import+load {w2 - w:.3f} ({c2 - c:.3f})"
    )
    blocks: tuple[Block, ...] = one_to_one(left, right)
    try:
        from readout_tui.core.compare import compare

        timings: dict[str, float] = {}
        w = time.perf_counter()
        comparison = compare(left, right, timings=timings)
        total = time.perf_counter() - w
        blocks = comparison.blocks
        stages = ", ".join(f"{k} {v:.3f}" for k, v in timings.items())
        print(
            f"  inside compare() ({total:.3f} in all; find_typos is the typos stage, "
            f"find_artifacts runs within another stage): {stages}; "
            f"{len(comparison.typos)} typos, {len(comparison.artifacts)} artifacts"
        )
    except Exception as exc:  # the engine may be mid-change; time the stages on their own
        print(f"  compare() unavailable ({type(exc).__name__}: {exc}); 1:1 blocks instead")
    import readout_tui.core.spelling as spelling
    import readout_tui.core.wordforms as wordforms
    from readout_tui.core.artifacts import find_artifacts
    from readout_tui.core.typos import find_typos, word_pair_kind

    # Standalone, with the per-document cache and the per-word caches emptied.
    wordforms.clear_cache()
    spelling.judge_word.cache_clear()
    spelling.is_unknown.cache_clear()
    with collector_paused():
        w, c = clock()
        typos = find_typos(left, right, blocks)
        w2, c2 = clock()
        n_artifacts = len(find_artifacts(left, "left")) + len(find_artifacts(right, "right"))
        w3, c3 = clock()
    print(
        f"  standalone: find_typos {w2 - w:.3f} ({c2 - c:.3f}): {len(typos)} typos "
        f"({sum(t.side == 'left' for t in typos)} left, {sum(t.side == 'right' for t in typos)} "
        f"right); find_artifacts on both {w3 - w2:.3f} ({c3 - c2:.3f}): {n_artifacts} artifacts"
    )
    pairs = {
        (e.left.text, e.right.text)
        for b in blocks
        for e in b.edits
        if e.op == "replace" and e.left and e.right and " " not in e.left.text + e.right.text
    }
    word_pair_kind.cache_clear()
    w = time.perf_counter()
    for a, b in pairs:
        word_pair_kind(a, b)
    print(
        f"  word_pair_kind: {len(pairs)} distinct one-word replacements in "
        f"{time.perf_counter() - w:.3f} s (cold cache)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clean", type=Path, help="clean English prose (default: web.txt)")
    ap.add_argument("--rate", type=int, default=200, help="inject one word in RATE")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-speed", action="store_true")
    a = ap.parse_args()
    clean = a.clean or (BENCH / "web.txt" if (BENCH / "web.txt").exists() else None)
    if not a.skip_speed:
        speed()  # first, so the lexicon load is timed cold
    accuracy(clean, rate=a.rate, seed=a.seed)


if __name__ == "__main__":
    main()
