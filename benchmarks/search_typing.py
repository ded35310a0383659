"""What typing a query costs a visitor: our search against Pagefind, and growth with size.

Visitors type letter by letter and Material sends every keystroke to the
search worker, so a query filled at once hides most of the data a visitor
really downloads. For each language of the synthetic corpus this types each
query key by key into the real Material search box in headless Chromium (150
and 50 ms per key), pastes it, and opens a page with the query typed at once,
and reports per query:

- search data fetched (kB gzipped, what the static server really served for
  the search files) and the number of requests, counted from the moment the
  page is open and idle (typing modes) or from navigation (`open`);
- milliseconds from the last key to the settled results (the last change of
  the result list, read by the page's own clock);
- for `open`, seconds from navigation start to the first result, split into
  the page's own part (navigation start to the moment the query is typed: the
  document parsed, Material's scripts run) and search's part (from there to
  the first result). Pagefind's page is a bare page of the same language (an
  input and a list), ours a full Material page: search's part is the
  comparable one;
- for `page`, the same page opened with every search request refused: when
  it is ready for typing without any search (the floor under `open`).

Pagefind (the `pagefind[bin]` wheel, `pip install -e '.[bench]'`) indexes the
plain Material + static-i18n build of the same corpus in the same run and is
driven the same way: a page of the same language calls its JS API on every
input with its own debounce (`debouncedSearch`, 300 ms) and loads the data of
the first five results. Ratios ours/Pagefind are printed per language.

Growth: our build at each `--sizes` (default 1,000, 3,000 and 10,000 articles a
language; plain Material only at the first size), with build time, peak memory
(PSS of all processes), output size and the typed figures, and how each grows
per 10x articles.

    .venv/bin/python benchmarks/search_typing.py [--sizes 1000,3000,10000] [--queries 10]
    .venv/bin/python benchmarks/search_typing.py --sizes 100 --queries 2   # a quick smoke run
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import LOCALES, ROOT, make_corpus
from scale import QUERIES, TYPE_ON_ARRIVAL, StaticServer, build, size_mb

MODES = ("typed150", "typed50", "paste", "open", "page")
DELAYS = {"typed150": 150, "typed50": 50}
PAGEFIND_DEBOUNCE_MS = 300
#: Pagefind as it would have to run to answer every key, as ours does: no wait
#: before a search (a superseded search still returns null).
PAGEFIND_EVERY_KEY_MS = 0
PAGEFIND_RESULTS = 5
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
#: The result list stays unchanged this long: the results have settled.
QUIET_MS = 800

#: In the page: the time of the last key that changed the query (its input
#: event, which a key fires on keydown), of every change of the result list
#: after it, and of the first result after navigation. The End key pressed
#: after a paste (for Material's keyup) changes nothing and is not a last key:
#: results that came before it would otherwise not count.
PAGE_CLOCK = """
(() => {
  window.__kbLastKey = 0; window.__kbChanges = []; window.__kbFirst = 0;
  const mark = () => { window.__kbLastKey = performance.now(); window.__kbChanges = []; };
  document.addEventListener("input", mark, true);
  new MutationObserver((records) => {
    const list = document.querySelector(%(list)s);
    if (!list || !records.some((r) => list === r.target || list.contains(r.target))) return;
    window.__kbChanges.push(performance.now());
    if (!window.__kbFirst && list.querySelector(%(item)s)) window.__kbFirst = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true,
                         attributeFilter: ["data-query"] });
})();
"""

#: A page that drives Pagefind's JS API the way its UI does: debounced search
#: on input, then the data of the first results.
PAGEFIND_PAGE = """<!doctype html>
<html lang="{locale}"><head><meta charset="utf-8"><title>Pagefind {locale}</title></head>
<body><input id="q" autocomplete="off"><ol id="results"></ol>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.init();
const box = document.getElementById("q"), list = document.getElementById("results");
window.__kbReady = true;
const search = async () => {{
  const query = box.value;
  const found = await pagefind.debouncedSearch(query, {{}}, {debounce});
  if (found === null) return;  // a later input superseded it
  const pages = await Promise.all(found.results.slice(0, {shown}).map((r) => r.data()));
  if (box.value !== query) return;
  list.replaceChildren(...pages.map((page) => {{
    const item = document.createElement("li");
    item.className = "result";
    item.textContent = page.meta.title;
    return item;
  }}));
  list.dataset.query = query;
}};
box.addEventListener("input", search);
if (box.value) search();  // typed before Pagefind was loaded, as Material does
</script></body></html>
"""


@dataclass(frozen=True)
class Engine:
    """How to reach one engine's search box and which requests are its search data."""

    name: str
    search_paths: tuple[str, ...]
    list_selector: str
    item_selector: str
    box_selector: str
    page: str = ""  # Pagefind's driver page below the site, "{locale}" replaced

    @property
    def is_pagefind(self) -> bool:
        return self.search_paths == ("/pagefind/",)

    def counts(self, path: str) -> bool:
        return path.startswith(self.search_paths)


def ours(locale: str) -> Engine:
    return Engine("ours", (f"/{locale}/search/", "/assets/kb/search/"),
                  "[data-md-component=search-result]",
                  ".md-search-result__item", "[data-md-component=search-query]")


PAGEFIND = Engine("pagefind", ("/pagefind/",), "#results", ".result", "#q", "kb-bench/{locale}.html")
PAGEFIND_EVERY_KEY = Engine("pagefind, every key", ("/pagefind/",), "#results", ".result", "#q",
                            "kb-bench/{locale}-every-key.html")


@dataclass
class Measure:
    """One query in one mode."""

    query: str
    kb_gz: float
    requests: int
    settled_ms: float
    first_s: float | None = None
    typed_s: float | None = None  # `open`: when the query was typed (the page's own part)


@dataclass
class Served:
    """Parsed lines of the server log from one position on."""

    paths: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, lines: list[str], engine: Engine) -> Served:
        """Requests the engine made for its search data ("<status> <path>" lines)."""
        paths = []
        for line in lines:
            status, _, path = line.partition(" ")
            if path and engine.counts(path) and status in ("200", "304"):
                paths.append(path)
        return cls(paths)


class GzipSizes:
    """Gzipped size of each served file, computed once per file (level 6, like most servers)."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.sizes: dict[str, int] = {}

    def kb(self, paths: list[str]) -> float:
        total = 0
        for path in paths:
            if path not in self.sizes:
                file = self.site / path.lstrip("/")
                self.sizes[path] = len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0
            total += self.sizes[path]
        return total / 1024


def settled_ms(last_key: float, changes: list[float]) -> float:
    """Milliseconds from the last key to the last change of the results after it."""
    after = [moment for moment in changes if moment >= last_key]
    return (max(after) - last_key) if after else math.nan


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (p95 of 10 values is the largest), NaN-free."""
    clean = sorted(value for value in values if not math.isnan(value))
    if not clean:
        return math.nan
    rank = max(1, math.ceil(share * len(clean)))
    return clean[rank - 1]


def per_10x(small: tuple[int, float], large: tuple[int, float]) -> float:
    """How a figure grows per 10x articles, from two sizes (1.0: flat, 10.0: linear)."""
    (n1, v1), (n2, v2) = small, large
    if v1 <= 0 or v2 <= 0 or n1 == n2:
        return math.nan
    return float(10 ** (math.log(v2 / v1) / math.log(n2 / n1)))


def run_query(browser: object, server: StaticServer, sizes: GzipSizes, engine: Engine, url: str,
              query: str, mode: str) -> Measure:
    """Open a fresh page (empty cache), enter the query in `mode`, wait for settled results."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.add_init_script(PAGE_CLOCK % {"list": repr(engine.list_selector),
                                      "item": repr(engine.item_selector)})
    start = len(server.log())
    try:
        if mode == "page":  # the page alone: its search requests refused, ready at DOMContentLoaded
            def refuse(route: object) -> None:
                path = urlsplit(route.request.url).path  # type: ignore[attr-defined]
                (route.abort if engine.counts(unquote(path)) else route.continue_)()  # type: ignore[attr-defined]
            tab.route("**/*", refuse)
            tab.goto(url, wait_until="load")
            ready = tab.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
            return Measure(query, 0.0, 0, math.nan, None, ready / 1000)
        if mode == "open":  # typed the moment the page lets a visitor type
            tab.add_init_script(TYPE_ON_ARRIVAL % {"box": json.dumps(engine.box_selector),
                                                   "query": json.dumps(query)})
            tab.goto(url, wait_until="commit")
        else:
            tab.goto(url, wait_until="networkidle")
            if engine.is_pagefind:
                tab.wait_for_function("window.__kbReady === true")
            box = tab.locator(engine.box_selector)
            box.click()
            tab.wait_for_load_state("networkidle")
            start = len(server.log())
            if mode == "paste":
                box.fill(query)
                if not engine.is_pagefind:
                    box.press("End")
            else:
                box.press_sequentially(query, delay=DELAYS[mode])
        try:  # an answer (results, or none) changed the list after the last key
            tab.wait_for_function("window.__kbChanges.length > 0", timeout=60_000)
        except PlaywrightTimeout:
            print(f"  no answer to {query!r} ({engine.name}, {mode}) within 60 s", flush=True)
            return Measure(query, math.nan, 0, math.nan)
        # Settled: no change of the result list for QUIET_MS.
        while True:
            quiet = tab.evaluate("performance.now() - Math.max(window.__kbLastKey, "
                                 "...window.__kbChanges, 0)")
            if quiet >= QUIET_MS:
                break
            tab.wait_for_timeout(QUIET_MS - quiet + 20)
        last_key, changes, first = tab.evaluate(
            "[window.__kbLastKey, window.__kbChanges, window.__kbFirst]")
        served = Served.parse(server.log()[start:], engine)
        if not tab.evaluate("([list, item]) => !!document.querySelector(list)?.querySelector(item)",
                            [engine.list_selector, engine.item_selector]):
            print(f"  {query!r} ({engine.name}, {mode}): no results", flush=True)
        opened = mode == "open" and first
        return Measure(query, sizes.kb(served.paths), len(served.paths), settled_ms(last_key, changes),
                       first / 1000 if opened else None, last_key / 1000 if opened else None)
    finally:
        context.close()


def measure_site(site: Path, engine_of: dict[str, Engine], pages: dict[str, str],
                 queries: int, modes: tuple[str, ...]) -> dict[tuple[str, str], list[Measure]]:
    """Every (locale, mode): one Measure per query."""
    from playwright.sync_api import sync_playwright

    server = StaticServer(site)
    sizes = GzipSizes(site)
    results: dict[tuple[str, str], list[Measure]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for locale in LOCALES:
                for mode in modes:
                    results[(locale, mode)] = [
                        run_query(browser, server, sizes, engine_of[locale], server.base + pages[locale],
                                  query, mode)
                        for query in QUERIES[locale][:queries]
                    ]
            browser.close()
    finally:
        server.shutdown()
    return results


def run_pagefind(site: Path) -> float:
    """Index the plain build with Pagefind; seconds it took."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], check=True)
    seconds = time.perf_counter() - started
    write_pagefind_pages(site)
    return seconds


def write_pagefind_pages(site: Path) -> None:
    """Pagefind's driver pages: its UI's debounce, and none (every key)."""
    for locale in LOCALES:
        for engine, debounce in ((PAGEFIND, PAGEFIND_DEBOUNCE_MS),
                                 (PAGEFIND_EVERY_KEY, PAGEFIND_EVERY_KEY_MS)):
            page = site / engine.page.format(locale=locale)
            page.parent.mkdir(exist_ok=True)
            page.write_text(PAGEFIND_PAGE.format(locale=locale, debounce=debounce,
                                                 shown=PAGEFIND_RESULTS), encoding="utf-8")


def summary(measures: list[Measure]) -> dict[str, float]:
    """Per-query figures of one (language, mode): medians, worst, p95."""
    if measures and all(m.first_s is None and m.typed_s is not None for m in measures):  # `page`
        ready = [1000 * m.typed_s for m in measures if m.typed_s is not None]
        return {"page ready ms (p50)": percentile(ready, 0.5), "page ready ms (p95)": percentile(ready, 0.95)}
    return {
        "kB gz (median)": statistics.median(m.kb_gz for m in measures),
        "kB gz (max)": max(m.kb_gz for m in measures),
        "requests (median)": statistics.median(m.requests for m in measures),
        "requests (max)": max(m.requests for m in measures),
        "settled ms (p50)": percentile([m.settled_ms for m in measures], 0.5),
        "settled ms (p95)": percentile([m.settled_ms for m in measures], 0.95),
        **({"first results s (p95)": percentile([m.first_s for m in measures if m.first_s], 0.95),
            "typed at ms (p95)": percentile([1000 * m.typed_s for m in measures if m.typed_s], 0.95),
            "first after typed ms (p95)": percentile(
                [1000 * (m.first_s - m.typed_s) for m in measures if m.first_s and m.typed_s], 0.95)}
           if any(m.first_s for m in measures) else {}),
    }


def print_details(label: str, results: dict[tuple[str, str], list[Measure]]) -> None:
    for (locale, mode), measures in results.items():
        for m in measures:
            first = (f"  first {m.first_s:.2f} s (typed at {m.typed_s:.2f} s)"
                     if m.first_s is not None and m.typed_s is not None else
                     f"  ready {m.typed_s:.2f} s" if m.typed_s is not None else "")
            print(f"  {label:<9}{locale} {mode:<9}{m.query:<20}{m.kb_gz:9.1f} kB gz"
                  f"{m.requests:5d} req{m.settled_ms:8.0f} ms{first}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000",
                        help="articles per language of our builds, comma-separated")
    parser.add_argument("--plain-size", type=int, default=0,
                        help="articles of the plain + Pagefind build (default: the first size; 0 skips)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain build and Pagefind")
    parser.add_argument("--reuse-plain", action="store_true",
                        help="measure Pagefind on the plain build and index an earlier run left "
                             "(.cache/bench/site-plain-<size>), without building them again")
    parser.add_argument("--reuse-ours", action="store_true",
                        help="measure search on our builds an earlier run left "
                             "(.cache/bench/site-ours-<size>), without building them again")
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument("--queries", type=int, default=10, help="queries per language (at most 10)")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--language-processes", type=int, default=0,
                        help="kb-scale's language_processes for our builds (0: its default)")
    parser.add_argument("--browser-sizes", default="",
                        help="sizes whose search is measured in the browser (default: all)")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    modes = tuple(m for m in args.modes.split(",") if m in MODES)
    in_browser = {int(n) for n in args.browser_sizes.split(",") if n} or set(sizes)
    work = ROOT / ".cache" / "bench"
    ours_pages = {locale: f"{locale}/academy/a-0001/" for locale in LOCALES}
    growth: dict[int, dict[str, float]] = {}
    typed: dict[int, dict[tuple[str, str], list[Measure]]] = {}
    for n in sizes:
        corpus = make_corpus(work / f"corpus-{n}", n, args.terms)
        site = work / f"site-ours-{n}"
        cpu_before = cpu_of_children()
        if args.reuse_ours and (site / "sitemap.xml").is_file():
            seconds, peak = math.nan, math.nan  # an earlier run's build: its times are not this run's
        else:
            seconds, peak = build(ours_config(corpus, args.language_processes), site)
        cpu = math.nan if math.isnan(seconds) else cpu_of_children() - cpu_before
        growth[n] = {"build s": seconds, "build CPU s": cpu, "peak MB (PSS)": peak,
                     "output MB": size_mb(site)}
        print(f"ours {n}: build {seconds:.1f} s ({cpu:.1f} CPU s, load {os.getloadavg()[0]:.1f}), "
              f"peak {peak:.0f} MB, output {growth[n]['output MB']:.0f} MB", flush=True)
        if n in in_browser and modes:
            typed[n] = measure_site(site, {locale: ours(locale) for locale in LOCALES}, ours_pages,
                                    args.queries, modes)
            print_details(f"ours {n}", typed[n])
    plain_size = args.plain_size or sizes[0]
    pagefind: dict[tuple[str, str], list[Measure]] = {}
    every_key: dict[tuple[str, str], list[Measure]] = {}
    plain: dict[str, float] = {}
    if not args.no_plain:
        corpus = make_corpus(work / f"corpus-{plain_size}", plain_size, args.terms)
        site = work / f"site-plain-{plain_size}"
        if args.reuse_plain and (site / "pagefind").is_dir():
            # Built and indexed by an earlier run: its times are not this run's.
            plain = dict.fromkeys(("build s", "peak MB (PSS)", "pagefind index s"), math.nan)
            plain["output MB"] = size_mb(site)
            write_pagefind_pages(site)
        else:
            seconds, peak = build(corpus / "mkdocs-plain.yml", site)
            plain = {"build s": seconds, "peak MB (PSS)": peak, "output MB": size_mb(site)}
            plain["pagefind index s"] = run_pagefind(site)
            plain["output MB"] = size_mb(site)
        print(f"plain {plain_size}: build {plain['build s']:.1f} s, peak {plain['peak MB (PSS)']:.0f} MB, "
              f"Pagefind {plain['pagefind index s']:.1f} s", flush=True)
        if modes:
            pages = {locale: PAGEFIND.page.format(locale=locale) for locale in LOCALES}
            pagefind = measure_site(site, {locale: PAGEFIND for locale in LOCALES}, pages,
                                    args.queries, modes)
            print_details("pagefind", pagefind)
        typing = tuple(mode for mode in modes if mode in DELAYS)
        if typing:
            pages = {locale: PAGEFIND_EVERY_KEY.page.format(locale=locale) for locale in LOCALES}
            every_key = measure_site(site, {locale: PAGEFIND_EVERY_KEY for locale in LOCALES}, pages,
                                     args.queries, typing)
            print_details("pf/key", every_key)
    report(sizes, growth, typed, plain_size, plain, pagefind, every_key)


def cpu_of_children() -> float:
    """CPU seconds (user + system) of every finished child process, theirs included.

    A build's forked language processes are waited for by their parents, so
    the difference around one build is the CPU of its whole process tree,
    which a loaded machine inflates less than the wall time.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ours_config(corpus: Path, language_processes: int) -> Path:
    """The corpus's mkdocs-ours.yml, or a copy with kb-scale's `language_processes` set."""
    config = corpus / "mkdocs-ours.yml"
    if not language_processes:
        return config
    text = config.read_text(encoding="utf-8")
    variant = corpus / f"mkdocs-ours-p{language_processes}.yml"
    option = f"- kb-scale:\n    language_processes: {language_processes}\n"
    variant.write_text(text.replace("- kb-scale\n", option), encoding="utf-8")
    return variant


def report(sizes: list[int], growth: dict[int, dict[str, float]],
           typed: dict[int, dict[tuple[str, str], list[Measure]]], plain_size: int,
           plain: dict[str, float], pagefind: dict[tuple[str, str], list[Measure]],
           every_key: dict[tuple[str, str], list[Measure]]) -> None:
    print(f"\nBuild ({len(LOCALES)} languages, articles per language)")
    print(f"{'figure':<18}" + "".join(f"{'ours ' + str(n):>14}" for n in sizes)
          + (f"{'plain ' + str(plain_size):>14}" if plain else "") + f"{'ours per 10x':>14}")
    for name in ("build s", "build CPU s", "peak MB (PSS)", "output MB"):
        row = "".join(f"{growth[n][name]:>14.1f}" for n in sizes)
        extra = f"{plain.get(name, math.nan):>14.1f}" if plain else ""
        rate = per_10x((sizes[0], growth[sizes[0]][name]), (sizes[-1], growth[sizes[-1]][name])) \
            if len(sizes) > 1 else math.nan
        print(f"{name:<18}{row}{extra}{rate:>13.2f}x")
    if plain:
        print(f"{'pagefind index s':<18}{'':>{14 * len(sizes)}}{plain['pagefind index s']:>14.1f}")
    for n, results in typed.items():
        print(f"\nSearch, ours at {n} articles" + (" vs Pagefind (ratio ours/Pagefind)"
                                                   if pagefind and n == plain_size else ""))
        for (locale, mode), measures in results.items():
            mine = summary(measures)
            theirs = summary(pagefind[(locale, mode)]) if pagefind and n == plain_size else {}
            cells = []
            for name, value in mine.items():
                other = theirs.get(name)
                ratio = f" ({value / other:.2f}x)" if other else ""
                cells.append(f"{name} {value:.1f}" + (f" / {other:.1f}{ratio}" if other is not None else ""))
            print(f"  {locale} {mode:<9}" + "; ".join(cells))
            if every_key.get((locale, mode)) and n == plain_size:
                theirs = summary(every_key[(locale, mode)])
                print(f"  {'':<2} {'':<9}Pagefind answering every key: " + "; ".join(
                    f"{name} {value:.1f} (ours {mine[name] / value:.2f}x)" if value else f"{name} {value:.1f}"
                    for name, value in theirs.items()))
    if len(typed) > 1:
        first, last = min(typed), max(typed)
        print(f"\nSearch growth per 10x ({first} -> {last} articles), median over languages")
        for mode in {mode for (_, mode) in typed[first]}:
            for name in ("kB gz (median)", "requests (median)", "settled ms (p95)"):
                rates = [per_10x((first, summary(typed[first][(locale, mode)])[name]),
                                 (last, summary(typed[last][(locale, mode)])[name])) for locale in LOCALES]
                print(f"  {mode:<9}{name:<20}{statistics.median(rates):6.2f}x")


if __name__ == "__main__":
    main()
