"""The definition preview of a linked term: hover, keyboard focus, Escape, touch."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Serve
from tests.conftest import BuildSite
from tests.glossary.test_glossary_build import CONFIG, site

pytestmark = pytest.mark.browser

BODY = "Wstęp. Dzięki obsłudze klienta sprawa <b>idzie</b> szybciej, a zgłoszenie ma numer."


def test_preview_opens_on_hover_and_focus_and_closes_on_escape(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(site(pl_body=BODY), CONFIG).site)
    tab = browser.new_page()
    tab.goto(base + "pl/akademia/artykul/")
    term = tab.locator('a.kb-term[data-term="customer-service"]')
    preview = tab.locator("#kb-term-preview")

    term.hover()
    expect(preview).to_be_visible()
    expect(preview).to_have_attribute("role", "tooltip")
    expect(preview).to_contain_text("Pomoc, którą firma daje klientom.")
    expect(term).to_have_attribute("aria-describedby", "kb-term-preview")
    tab.keyboard.press("Escape")
    expect(preview).to_be_hidden()

    tab.mouse.move(0, 0)
    tab.locator('a.kb-term[data-term="ticket"]').focus()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("Sprawa klienta zapisana w systemie.")
    tab.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    tab.close()


def test_first_tap_previews_second_tap_follows(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(site(pl_body=BODY), CONFIG).site)
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto(base + "pl/akademia/artykul/")
    term = tab.locator('a.kb-term[data-term="customer-service"]')
    term.tap()
    expect(tab.locator("#kb-term-preview")).to_be_visible()
    assert tab.url.endswith("/pl/akademia/artykul/")
    term.tap()
    tab.wait_for_url("**/pl/slowniczek/#customer-service")
    context.close()
