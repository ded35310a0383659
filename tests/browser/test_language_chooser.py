"""The site root sends visitors to their language, and works without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Serve
from tests.conftest import BuildSite, page

pytestmark = pytest.mark.browser

SITE = {
    "pl/index.md": page("Start", "home", "Witamy."),
    "et/index.md": page("Avaleht", "home", "Tere."),
    "sk/index.md": page("Úvod", "home", "Vitajte."),
    "pl/a.md": page("Obsługa", "a", "Tekst."),
    "et/b.md": page("Teenindus", "a", "Tekst."),
    "sk/c.md": page("Servis", "a", "Text."),
}


@pytest.mark.parametrize(
    ("languages", "expected"),
    [(["et-EE", "en"], "et/"), (["sk"], "sk/"), (["de-DE", "en-US"], "pl/"), (["pl-PL"], "pl/")],
)
def test_root_redirects_to_preferred_language(
    build_site: BuildSite, browser: Browser, serve: Serve, languages: list[str], expected: str
) -> None:
    base = serve(build_site(SITE).site)
    context = browser.new_context(locale=languages[0], extra_http_headers={
        "Accept-Language": ",".join(languages)})
    tab = context.new_page()
    tab.add_init_script(
        f"Object.defineProperty(navigator, 'languages', {{get: () => {languages!r}}})"
    )
    tab.goto(base)
    tab.wait_for_url(base + expected)
    context.close()


def test_root_without_javascript_lists_languages(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(SITE).site)
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(base)
    assert tab.url == base
    tab.get_by_role("link", name="Eesti").click()
    tab.wait_for_url(base + "et/")
    assert tab.locator("html").get_attribute("lang") == "et"
    context.close()


def test_switcher_goes_to_the_translation(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(SITE).site)
    tab = browser.new_page()
    tab.goto(base + "pl/a/")
    tab.locator(".md-header__option .md-select button").hover()
    tab.locator(".md-select__link[hreflang=sk]").click()
    tab.wait_for_url(base + "sk/c/")
    assert tab.locator("h1").inner_text() == "Servis"
    tab.close()


def test_a_page_view_fetches_no_sitemap(build_site: BuildSite, browser: Browser, serve: Serve) -> None:
    """Material fetches sitemap.xml beside every <link rel=alternate>: our pages carry none."""
    base = serve(build_site(SITE).site)
    tab = browser.new_page()
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(base + "pl/a/", wait_until="networkidle")
    assert tab.locator(".md-select__link[hreflang=sk]").count() == 1
    assert base + "pl/a/" in requested
    assert not [url for url in requested if url.endswith("sitemap.xml")]
    tab.close()
