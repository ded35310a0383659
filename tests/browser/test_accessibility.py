"""axe-core (WCAG 2.2 A/AA) on every page type of every language of the bundled site,
and on the outdated-translation notice (a site built from git in tmp_path).

axe comes from node_modules (npm `axe-core`, pinned in package.json) and is
injected into the page; no critical or serious violation may remain.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import Serve, start_server, stop_server, wait_for_search, watch_search
from tests.conftest import ROOT, BuildSite, site_config
from tests.translations.outdated_site import TRANSLATIONS, outdated_site

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("critical", "serious")
LANGUAGES = ("pl", "et", "sk")
KINDS = ("home", "article", "faq", "glossary", "notice", "search", "definition", "dead-end")
#: A word each language's pages use, typed into the search box.
QUERIES = {"pl": "reklamacja", "et": "kaebus", "sk": "reklamácia"}
#: Typed for the search kinds that answer with a definition card or, nothing
#: matching, with "did you mean" and the fallback pages.
ANSWER_QUERIES = {"definition": "NPS", "dead-end": "IVR"}
#: How the page of a kind is recognised in the built site (test code may read HTML).
MARKERS = {
    "article": '"@type": "Article"',
    "faq": '"@type": "FAQPage"',
    "glossary": 'class="kb-glossary__letters"',
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup` (npm ci)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(bundled_site: Path) -> Iterator[str]:
    """The bundled site served on loopback for this module."""
    url, server = start_server(bundled_site)
    yield url
    stop_server(server)


def page_of_kind(site: Path, locale: str, kind: str) -> str:
    """URL (relative to the site root) of the first page of `kind` in `locale`."""
    if kind in ("home", "search", "definition", "dead-end"):
        return f"{locale}/"
    if kind == "notice":
        return f"{locale}/translation-missing/"
    for path in sorted((site / locale).rglob("index.html")):
        if MARKERS[kind] in path.read_text(encoding="utf-8"):
            return path.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no {kind} page in {locale}")


def audit(tab: Page, axe_source: str) -> list[str]:
    """Critical and serious violations on the page as it is now."""
    tab.evaluate(axe_source)
    result: dict[str, Any] = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(f"{n['target']} {n.get('failureSummary', '')!r}" for n in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def open_search(tab: Page, query: str) -> None:
    box = tab.locator("[data-md-component=search-query]")
    box.focus()
    tab.keyboard.type(query, delay=10)
    wait_for_search(tab)  # the panel of the whole query, not of an earlier keystroke
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)


#: Every kind in every language on the light scheme; the dark scheme (the same
#: markup, other colours: a visitor whose system prefers dark gets it) in one.
CASES = [
    *[(kind, locale, "light") for locale in LANGUAGES for kind in KINDS],
    *[(kind, "pl", "dark") for kind in KINDS],
]


@pytest.mark.parametrize(("kind", "locale", "scheme"), CASES, ids=["-".join(c) for c in CASES])
def test_no_serious_violations(
    browser: Browser, base: str, bundled_site: Path, axe_source: str, kind: str, locale: str,
    scheme: str,
) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    tab = watch_search(context.new_page())
    try:
        tab.goto(base + page_of_kind(bundled_site, locale, kind))
        if kind == "search":
            open_search(tab, QUERIES[locale])
        elif kind in ANSWER_QUERIES:
            open_search(tab, ANSWER_QUERIES[kind])
        violations = audit(tab, axe_source)
    finally:
        context.close()
    assert not violations, "\n".join(violations)


def test_root_language_chooser_without_javascript(browser: Browser, base: str, axe_source: str) -> None:
    """The chooser redirects with a script; what stays without it is a page of links."""
    tab = browser.new_page()

    def no_page_scripts(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={
            **response.headers, "content-security-policy": "script-src 'none'"
        })

    tab.route(base, no_page_scripts)
    tab.goto(base)
    assert tab.url == base and tab.locator("a[hreflang]").count() == 3
    violations = audit(tab, axe_source)
    tab.close()
    assert not violations, "\n".join(violations)


def test_axe_reports_an_unlabeled_button(browser: Browser, axe_source: str) -> None:
    tab = browser.new_page()
    tab.set_content(
        '<!doctype html><html lang="pl"><head><title>Zepsuta</title></head>'
        '<body><main><h1>Strona</h1><button type="button"></button></main></body></html>'
    )
    violations = audit(tab, axe_source)
    tab.close()
    assert any(v.startswith("critical button-name") for v in violations), violations


#: A phone in portrait (CSS pixels), as Playwright's device descriptors give it.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
         "is_mobile": True, "has_touch": True}


def test_outdated_translation_notice_on_a_phone_in_both_schemes(
    browser: Browser, build_site: BuildSite, serve: Serve, axe_source: str
) -> None:
    """The notice of a translation older than its original (built from git in tmp_path)."""
    palette = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]
    config = site_config(theme={"name": "material", "language": "pl", "palette": palette})
    site = outdated_site(build_site, config)
    base = serve(site.site)
    for locale, url in TRANSLATIONS.items():
        for scheme, material_scheme in (("light", "default"), ("dark", "slate")):
            context = browser.new_context(color_scheme=scheme, **PHONE)  # type: ignore[arg-type]
            tab = context.new_page()
            try:
                tab.goto(base + url)
                assert tab.locator("body").get_attribute("data-md-color-scheme") == material_scheme
                box = tab.locator(".kb-outdated").bounding_box()
                assert box is not None and box["width"] > 0, f"no notice on {url}"
                assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"]  # type: ignore[index]
                assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
                violations = audit(tab, axe_source)
            finally:
                context.close()
            assert not violations, f"{locale} {scheme}:\n" + "\n".join(violations)
