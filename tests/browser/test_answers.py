"""Agents' actions in a real browser: copy link, copy answer, old ids, deep links."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.answers.test_answers_build import CONFIG, files
from tests.browser.conftest import Serve
from tests.conftest import BuildSite, page

pytestmark = pytest.mark.browser


def test_copy_link_and_copy_answer_with_the_clipboard_api(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(files(), CONFIG).site)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(base + "pl/pomoc/kontakt/")
    answer = tab.locator('section.kb-answer[data-kb-answer="contact-channels"]')
    answer.get_by_role("button", name="Kopiuj link").click()
    expect(tab.get_by_role("status")).to_have_text("Skopiowano link")
    assert tab.evaluate("navigator.clipboard.readText()") == (
        "https://kb.test/pl/pomoc/kontakt/#contact-channels")
    button = answer.get_by_role("button", name="Kopiuj odpowiedź")
    button.focus()
    tab.keyboard.press("Enter")
    expect(tab.get_by_role("status")).to_have_text("Skopiowano odpowiedź")
    assert tab.evaluate("navigator.clipboard.readText()") == (
        "Jak się z nami skontaktować?\n\n"
        "Zadzwoń lub napisz. Odpowiadamy w 24 godziny & szybciej.\n\ntelefon\ne-mail\n\n"
        "https://kb.test/pl/pomoc/kontakt/#contact-channels"
    )
    # Article headings get "Copy link" only.
    tab.goto(base + "pl/akademia/obsluga/")
    heading_actions = tab.locator("#czym-jest-obsluga + .kb-actions")
    expect(heading_actions.get_by_role("button")).to_have_count(1)
    context.close()


def test_copy_works_without_the_async_clipboard_api(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    base = serve(build_site(files(), CONFIG).site)
    tab = browser.new_page()
    tab.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: undefined});
        window.__copied = [];
        document.execCommand = function (command) {
            window.__copied.push([command, document.activeElement.value]);
            return true;
        };
    """)
    tab.goto(base + "sk/pomoc/kontakt/")
    tab.locator('[data-kb-answer="contact-hours"] [data-kb-copy="link"]').click()
    expect(tab.get_by_role("status")).to_have_text("Odkaz bol skopírovaný")
    assert tab.evaluate("window.__copied") == [
        ["copy", "https://kb.test/sk/pomoc/kontakt/#contact-hours"]]
    tab.close()


def test_old_id_lands_on_the_renamed_answer(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    content = files()
    content["pl/pomoc/kontakt.md"] = page(
        "Kontakt", "faq-contact", "Wstęp.\n\n" + "Akapit.\n\n" * 60 + """
## Kiedy działa infolinia? {#contact-hours}

W dni robocze od 8:00 do 20:00.
""" + "\n\nDalszy tekst.\n\n" * 60, faq=True, renamed_ids={"godziny": "contact-hours"},
        redirect_from=["pomoc/stary.md"])
    content["et/abi/kontakt.md"] = page("Kontakt", "faq-contact", "Tekst.", faq=True)
    content["sk/pomoc/kontakt.md"] = page("Kontakt", "faq-contact", "Text.", faq=True)
    base = serve(build_site(content, CONFIG).site)
    tab = browser.new_page(viewport={"width": 1200, "height": 700})
    # An old page path and an old id together: redirect, then the renamed id.
    tab.goto(base + "pl/pomoc/stary/#godziny")
    tab.wait_for_url(base + "pl/pomoc/kontakt/#contact-hours")
    expect(tab.locator("#contact-hours")).to_be_in_viewport()


def test_copied_link_opens_with_the_answer_in_view(
    build_site: BuildSite, browser: Browser, serve: Serve
) -> None:
    content = files()
    content["pl/pomoc/kontakt.md"] = page(
        "Kontakt", "faq-contact", "Wstęp.\n\n" + "Akapit.\n\n" * 80 + FAQ_TAIL, faq=True)
    base = serve(build_site(content, CONFIG).site)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(base + "pl/pomoc/kontakt/")
    tab.locator('[data-kb-answer="contact-late"] [data-kb-copy="link"]').click()
    link = tab.evaluate("navigator.clipboard.readText()")
    assert link == "https://kb.test/pl/pomoc/kontakt/#contact-late"
    other = context.new_page()
    other.goto(link.replace("https://kb.test/", base))
    expect(other.locator("#contact-late")).to_be_in_viewport()
    expect(other.locator('[data-kb-answer="contact-late"] p')).to_be_visible()
    context.close()


FAQ_TAIL = """
## Co jeśli piszę późno? {#contact-late}

Odpowiemy następnego dnia roboczego.
"""
