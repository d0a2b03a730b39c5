"""The discovery assistant at scale: /api/ask-equivalent answers against the plain search.

Generates its own catalogue (bench/synthetic.py: N datasets bulk-loaded into an on-disk
store), builds the search index and the concept index, then answers a fixed mix of questions
(a variable of the thesaurus by its English or French label, a gazetteer place half the
time, "since <year>" a third of the time, a season a quarter of the time) with
``sparql_api.assistant.ask``, and runs for each the one-page search of the same filters
(``run_search``, 20 hits) as the baseline. Prints the medians and p95 of both and their
ratio (the assistant reads every matching record, up to 500, to count and cite them).

    python bench/assistant.py --n 20000 --questions 60
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from search import build_store  # noqa: E402
from synthetic import VARIABLES  # noqa: E402

from graph_loader.index import SearchIndex, rebuild  # noqa: E402
from sparql_api.assistant import ask, understand  # noqa: E402
from sparql_api.assistant.answer import organisation_acronyms  # noqa: E402
from sparql_api.assistant.gazetteer import places  # noqa: E402
from sparql_api.core.concept_index import build_concept_index  # noqa: E402
from sparql_api.search.autocomplete import matcher_for  # noqa: E402
from sparql_api.search.engine import run_search  # noqa: E402

SEASONS = {"en": "during the dry season", "fr": "pendant la saison sèche"}


def questions(concepts, n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "fr" if i % 2 else "en"
        concept = concepts.concepts[f"https://w3id.org/gaia-kg/thesaurus/{rng.choice(VARIABLES)}"]
        parts = [concept.pref.get(lang) or concept.pref["en"]]
        if rng.random() < 0.5:
            parts.append(("en " if lang == "fr" else "in ") + rng.choice(places()).name(lang))
        if rng.random() < 0.33:
            parts.append(("depuis " if lang == "fr" else "since ") + str(rng.randint(1995, 2020)))
        if rng.random() < 0.25:
            parts.append(SEASONS[lang])
        out.append(" ".join(parts))
    return out


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="datasets generated")
    parser.add_argument("--questions", type=int, default=60)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gaia-bench-assistant-"))
    try:
        store, load_s = build_store(folder, options.n)
        print(f"store: {store.triple_count()} quads, bulk load {load_s:.1f} s", flush=True)
        index = SearchIndex.open(None)
        started = time.perf_counter()
        rebuild(index, store, threads=2)
        concepts = build_concept_index(store)
        matcher_for(concepts)
        print(f"indexes built in {time.perf_counter() - started:.1f} s", flush=True)
        orgs = organisation_acronyms(index)
        mix = questions(concepts, options.questions)
        asked, searched, found = [], [], []
        for question in mix:
            t0 = time.perf_counter()
            answer = ask(index, concepts, question)
            asked.append(time.perf_counter() - t0)
            found.append(answer["found"])
            params = understand(question, concepts, orgs=orgs).params()
            t0 = time.perf_counter()
            run_search(index, replace(params, size=20), "en", concepts=concepts)
            searched.append(time.perf_counter() - t0)
        a50, s50 = statistics.median(asked), statistics.median(searched)
        print(f"questions: {len(mix)}, records found per answer: median {statistics.median(found)}")
        print(f"ask     p50 {a50 * 1000:.1f} ms  p95 {percentile(asked, 0.95) * 1000:.1f} ms")
        print(f"search  p50 {s50 * 1000:.1f} ms  p95 {percentile(searched, 0.95) * 1000:.1f} ms")
        print(f"ratio ask/search (p50): {a50 / s50:.1f}")
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
