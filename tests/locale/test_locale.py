"""Reading time in CLDR plural forms and localized git dates, per locale."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from kb_generator.locale.dates import format_updated
from kb_generator.locale.reading_time import format_minutes, minutes

from tests.conftest import BuildSite, page


@pytest.mark.parametrize(
    ("locale", "forms"),
    [
        ("pl", {1: "1 minuta", 2: "2 minuty", 5: "5 minut", 22: "22 minuty"}),
        ("sk", {1: "1 minúta", 2: "2 minúty", 5: "5 minút", 22: "22 minút"}),
        ("et", {1: "1 minut", 2: "2 minutit", 5: "5 minutit", 22: "22 minutit"}),
    ],
)
def test_reading_time_plural_forms(locale: str, forms: dict[int, str]) -> None:
    for count, text in forms.items():
        assert format_minutes(count, locale) == text


def test_minutes_round_up_and_never_zero() -> None:
    assert minutes(1, 200) == 1
    assert minutes(201, 200) == 2
    assert minutes(1000, 200) == 5


@pytest.mark.parametrize(
    ("locale", "text"),
    [("pl", "2 marca 2026"), ("et", "2. märts 2026"), ("sk", "2. marca 2026")],
)
def test_dates_are_localized(locale: str, text: str) -> None:
    assert format_updated(datetime(2026, 3, 2, 10, tzinfo=UTC), locale) == text


def _words(count: int) -> str:
    return " ".join(["słowo"] * count)


@pytest.mark.parametrize(
    ("minutes_", "pl", "et", "sk"),
    [
        (1, "Czas czytania: 1 minuta", "Lugemisaeg: 1 minut", "Čas čítania: 1 minúta"),
        (2, "Czas czytania: 2 minuty", "Lugemisaeg: 2 minutit", "Čas čítania: 2 minúty"),
        (5, "Czas czytania: 5 minut", "Lugemisaeg: 5 minutit", "Čas čítania: 5 minút"),
        (22, "Czas czytania: 22 minuty", "Lugemisaeg: 22 minutit", "Čas čítania: 22 minút"),
    ],
)
def test_built_articles_show_reading_time_and_date(
    build_site: BuildSite, minutes_: int, pl: str, et: str, sk: str
) -> None:
    body = _words(minutes_ * 200)
    files = {
        "pl/index.md": page("Start", "home", body),
        "et/index.md": page("Avaleht", "home", body),
        "sk/index.md": page("Úvod", "home", body),
    }
    site = build_site(files, commit_date="2026-03-02T10:00:00+00:00")
    for code, reading, date, label in (
        ("pl", pl, "2 marca 2026", "Zaktualizowano"),
        ("et", et, "2. märts 2026", "Uuendatud"),
        ("sk", sk, "2. marca 2026", "Aktualizované"),
    ):
        html = site.html(f"{code}/")
        assert f'<span class="kb-facts__reading-time">{reading}</span>' in html
        assert f'{label}: <time datetime="2026-03-02">{date}</time>' in html
