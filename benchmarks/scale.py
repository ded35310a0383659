"""Scale benchmark: 1,000 articles per language, our site vs the plain build.

Generates the synthetic corpus (with a glossary of 200 terms per language),
builds it with plain Material + static-i18n and with our plugins (each build
in a fresh process), and prints build wall time, peak memory (all processes
of a build together), output size, the search payload a visitor downloads
before the first results (what the static server really served for the
language's search files until the first query's results showed, gzipped),
time from opening a page to the first results (the page's own clock from
navigation start to the first result in the DOM; the harness's wall time,
which adds its round trips to the browser, is printed below it, and so is the
time from the query's input event to the first result: what search adds to the
page's own load) and
keystroke-to-results latency in headless Chromium, per language, and the writer's loop
(edit one article while `mkdocs serve` runs: time until the browser shows it).

    .venv/bin/python benchmarks/scale.py [--articles 1000] [--skip-browser] [--skip-serve] [--ours-only]

With --morphology-cost it only builds our site twice, with rules-only keys (no
dictionary at build time: every key is the learned rules' `fold(stem(word))`,
no lexicon or bridge shipped) and with the dictionary route as shipped, and
prints the build time and the eager search data per language (gzipped; what
is fetched before the first results without the term shards) of both, with
issue 15's limits (+150 kB gz per language, +10 % build time).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import LOCALES, ROOT, make_corpus

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
#: Typed into each language's search box: the first one measures the first results.
#: Per language: two-word questions, a prefix, a word with and without its
#: diacritics, ... Every content word occurs in the synthetic corpus (built from
#: the seed texts), so each query measures a result list, not a dead end.
QUERIES = {
    "pl": ["obsługa klienta", "reklamacj", "klient", "zgłoszenie", "czas odpowiedzi",
           "obsluga", "jakosc", "konsultacji", "szkolenie", "kanały"],
    "et": ["klienditeenindus", "ootused", "klient", "ettevõte", "teeninduse kvaliteet",
           "ettevote", "kvaliteet", "teenindaja", "koolitus", "kanalid"],
    "sk": ["zákaznícky servis", "spokojnos", "zákazník", "skúsenosť", "čas odpovede",
           "skusenost", "kvalita", "personál", "školenie", "kanály"],
}


def tree_pss_kb(pid: int) -> int:
    """Proportional memory (PSS) of a process and all its descendants (Linux /proc).

    PSS splits pages shared between processes among them: forked language builds
    share the parent's memory copy-on-write, and summing their RSS would count it
    once per process.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += next(int(line.split()[1]) for line in rollup.splitlines()
                          if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
        stack.extend(children.get(current, []))
    return total


#: mkdocs build with the morphology's dictionary route off: the site lemmatiser of
#: every language is None, so keys are the learned rules' (what a site without
#: the lexicon route would ship). The language builds kb-scale forks inherit it.
RULES_ONLY = (
    "import sys, kb_generator.morphology.stemmer as s; s.site_lemmatizer = lambda locale: None;"
    " from mkdocs.__main__ import cli; sys.argv = ['mkdocs', *sys.argv[1:]]; cli()"
)


def build(config: Path, site: Path, rules_only: bool = False) -> tuple[float, float]:
    """Wall seconds and peak resident MB (process tree) of one build."""
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    runner = ["-c", RULES_ONLY] if rules_only else ["-m", "mkdocs"]
    process = subprocess.Popen(
        [sys.executable, *runner, "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_pss_kb(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode:
        errors = process.stderr.read() if process.stderr else ""
        raise SystemExit(f"build of {config} failed:\n{errors[-3000:]}")
    return seconds, peak / 1024


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def gzipped_kb(paths: list[Path]) -> float:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths) / 1024


def search_payload(site: Path, locale: str, ours: bool, fetched: list[str] | None = None) -> float:
    """kB (gzipped) of search data fetched before the first results of a language.

    For our build, `fetched` is what the browser really requested (recorded by
    the static server, see `browser_figures`) until the first query's results
    showed; without it (--skip-browser), the eager files only: the
    configuration and the index or lexicon, no shards.
    """
    if not ours:
        return gzipped_kb([site / "search" / "search_index.json"])
    prefix = f"/{locale}/search/"
    if fetched is not None:
        return gzipped_kb([site / path.lstrip("/") for path in fetched if path.startswith(prefix)])
    folder = site / locale / "search"
    return gzipped_kb([folder / "search_index.json", folder / "kb_index.json"])


def run_node(script: Path, arguments: list[str], queries: object, env: dict[str, str] | None = None) -> str:
    """stdout of `node script *arguments QUERIES.json`, the queries written to a temporary JSON file."""
    import tempfile

    node = shutil.which("node")
    if node is None:
        raise SystemExit(f"{script.stem}: node is not installed (see README, 'Tests')")
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as listed:
        json.dump(queries, listed, ensure_ascii=False)
    try:
        return subprocess.run([node, str(script), *arguments, listed.name], capture_output=True, text=True,
                              check=True, env=env).stdout
    finally:
        Path(listed.name).unlink()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


#: The static server, run in its own process: in the harness's process it would
#: share the GIL with Playwright's client, which then slows every file it serves.
_SERVER = r"""
import functools, http.server, sys
from urllib.parse import unquote, urlsplit
folder, log = sys.argv[1], open(sys.argv[2], "a", buffering=1, encoding="utf-8")

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_response(self, code, message=None):
        self.kb_status = code
        super().send_response(code, message)

    def do_GET(self):
        super().do_GET()
        log.write(f"{getattr(self, 'kb_status', 0)} {unquote(urlsplit(self.path).path)}\n")

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
print(server.server_address[1], flush=True)
server.serve_forever()
"""


class StaticServer:
    """A static server on loopback in a child process; `served()` lists the paths it answered,
    `log()` the "<status> <path>" line of each request."""

    def __init__(self, folder: Path) -> None:
        import tempfile

        self._log = Path(tempfile.mkstemp(suffix=".log")[1])
        self._process = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(folder), str(self._log)],
            stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        self.base = f"http://127.0.0.1:{int(self._process.stdout.readline())}/"

    def log(self) -> list[str]:
        return self._log.read_text(encoding="utf-8").splitlines()

    def served(self) -> list[str]:
        return [line.partition(" ")[2] for line in self.log()]

    def shutdown(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)
        self._log.unlink(missing_ok=True)


#: Milliseconds from the page's navigation start until the first search result is
#: in the DOM, read by the page itself: the harness's own round trips to the
#: browser (goto, click, fill, polling) are not the visitor's wait.
FIRST_RESULT_CLOCK = """
new MutationObserver(function (changes, observer) {
  if (document.querySelector("[data-md-component=search-result] .md-search-result__item")) {
    window.__kbFirstResult = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
document.addEventListener("input", function () {
  if (window.__kbTyped === undefined) window.__kbTyped = performance.now();
}, true);
"""


#: A visitor who types the query the moment the page lets them: as soon as the
#: document is parsed (Material's scripts have run and its search box is in the
#: page), the query is put in the box and its input event fired, as a keyboard
#: would. The harness's own round trips (locating, clicking and filling the box
#: from outside the browser: 0.3-0.7 s under load) are not the visitor's wait.
TYPE_ON_ARRIVAL = """
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector(%(box)s);
  if (!box) return;
  box.focus();
  box.value = %(query)s;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
});
"""


def browser_figures(
    site: Path, page: str, queries: list[str]
) -> tuple[float, float, float, float, float, list[str]]:
    """(seconds from opening a page to first results, in the page and as the harness
    saw it, from the query's input event to them, keystroke p50 ms, p95 ms, paths the
    browser fetched before the first results)."""
    from playwright.sync_api import sync_playwright

    server = StaticServer(site)
    base = server.base
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
            tab = browser.new_page()
            tab.add_init_script(FIRST_RESULT_CLOCK)
            tab.add_init_script(TYPE_ON_ARRIVAL % {"box": json.dumps("[data-md-component=search-query]"),
                                                     "query": json.dumps(queries[0])})
            started = time.perf_counter()
            tab.goto(base + page, wait_until="commit")
            box = tab.locator("[data-md-component=search-query]")
            tab.wait_for_selector("[data-md-component=search-result] .md-search-result__item",
                                  timeout=120_000)
            wall = time.perf_counter() - started
            first = tab.evaluate("window.__kbFirstResult") / 1000
            # What search adds to the page's own load: from the query's arrival in the box.
            after_typing = first - tab.evaluate("window.__kbTyped") / 1000
            before_first = server.served()
            latencies = []
            for query in queries[1:]:
                box.fill("")
                tab.wait_for_timeout(50)
                begin = time.perf_counter()
                box.type(query, delay=0)
                tab.wait_for_function(
                    "q => document.querySelector('[data-md-component=search-result] "
                    ".md-search-result__meta')?.textContent && "
                    "document.querySelector('[data-md-component=search-query]').value === q",
                    arg=query, timeout=10_000)
                latencies.append((time.perf_counter() - begin) * 1000 / max(1, len(query)))
            browser.close()
    finally:
        server.shutdown()
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    return first, wall, after_typing, p50, p95, before_first


def writers_loop(config: Path, article: Path, url_path: str) -> float:
    """Seconds from saving an edit to seeing it in a browser on `mkdocs serve`."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}",
         "--livereload", "--dirty"], cwd=config.parent,
        env=dict(ENV, KB_SERVE_LANGUAGES="pl"),  # the README's advice for big sites
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    original = article.read_text(encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-sync"]
    try:
        deadline = time.time() + 900
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
            tab = browser.new_page()
            tab.goto(f"http://127.0.0.1:{port}/{url_path}", timeout=900_000)
            marker = f"Edited {time.time_ns()}"
            started = time.perf_counter()
            article.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            tab.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=600_000)
            seconds = time.perf_counter() - started
            browser.close()
        return seconds
    finally:
        article.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


def morphology_cost(corpus: Path, work: Path, articles: int) -> None:
    """Issue 15's cost condition: the dictionary route against rules-only keys, same corpus."""
    figures: dict[str, dict[str, float]] = {}
    for variant in ("rules only", "dictionary"):
        site = work / f"site-morphology-{variant.split()[0]}-{articles}"
        seconds, peak = build(corpus / "mkdocs-ours.yml", site, rules_only=variant == "rules only")
        figures[variant] = {"build s": seconds, "peak MB (PSS)": peak}
        for locale in LOCALES:
            figures[variant][f"search kB gz ({locale})"] = search_payload(site, locale, True)
    print(f"{articles} articles x {len(LOCALES)} languages; load average {os.getloadavg()[0]:.1f}")
    print(f"{'figure':<24}{'rules only':>12}{'dictionary':>12}{'growth':>10}  limit")
    for name, before in figures["rules only"].items():
        after = figures["dictionary"][name]
        if name == "build s":
            growth, limit = f"{(after / before - 1) * 100:+.1f} %", "+10 %"
        elif name.startswith("search"):
            growth, limit = f"{after - before:+.1f}", "+150 kB"
        else:
            growth, limit = f"{after - before:+.0f}", ""
        print(f"{name:<24}{before:>12.1f}{after:>12.1f}{growth:>10}  {limit}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--ours-only", action="store_true", help="skip the plain Material build")
    parser.add_argument("--morphology-cost", action="store_true",
                        help="only our build, rules-only keys vs the dictionary route: build time, search kB")
    args = parser.parse_args()
    work = ROOT / ".cache" / "bench"
    corpus = make_corpus(work / f"corpus-{args.articles}", args.articles, args.terms)
    if args.morphology_cost:
        morphology_cost(corpus, work, args.articles)
        return
    rows: dict[str, dict[str, float]] = {}
    for variant in ("ours",) if args.ours_only else ("plain", "ours"):
        site = work / f"site-{variant}-{args.articles}"
        seconds, peak = build(corpus / f"mkdocs-{variant}.yml", site)
        figures = {"build s": seconds, "peak MB (PSS)": peak, "output MB": size_mb(site)}
        if not args.skip_browser:
            for locale in LOCALES:
                queries = QUERIES[locale]
                page = f"{locale}/academy/a-0001/"
                if not (site / page).exists():  # the plain build puts the default language at the root
                    page = "academy/a-0001/"
                first, wall, after_typing, p50, p95, fetched = browser_figures(site, page, queries)
                figures[f"search kB gz ({locale})"] = search_payload(site, locale, variant == "ours", fetched)
                figures.update({f"first results s ({locale})": first,
                                f"  harness wall s ({locale})": wall,
                                f"  after the query s ({locale})": after_typing,
                                f"keystroke p50 ms ({locale})": p50,
                                f"keystroke p95 ms ({locale})": p95})
        else:
            for locale in LOCALES:
                figures[f"search kB gz ({locale})"] = search_payload(site, locale, variant == "ours")
        rows[variant] = figures
    if not args.skip_serve:
        article = corpus / "docs/pl/academy/a-0500.md"
        rows["ours"]["writer's loop s"] = writers_loop(
            corpus / "mkdocs-ours.yml", article, "pl/academy/a-0500/")
    names = list(dict.fromkeys(name for figures in rows.values() for name in figures))
    print(f"{args.articles} articles x {len(LOCALES)} languages, {args.terms} glossary terms each")
    print(f"{'figure':<24}{'plain':>12}{'ours':>12}{'ours/plain':>12}")
    for name in names:
        plain, ours = rows.get("plain", {}).get(name), rows["ours"].get(name)
        ratio = f"{ours / plain:.2f}x" if plain and ours is not None else ""
        print(f"{name:<24}{plain if plain is not None else float('nan'):>12.2f}"
              f"{ours if ours is not None else float('nan'):>12.2f}{ratio:>12}")


if __name__ == "__main__":
    main()
