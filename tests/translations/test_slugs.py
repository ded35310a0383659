"""Heading anchors keep every letter, and explicit ids win."""

from __future__ import annotations

import pytest
from kb_generator.translations.slugs import slugify

from tests.conftest import BuildSite, page


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Łączenie z konsultantem", "laczenie-z-konsultantem"),
        ("Obsługa klienta", "obsluga-klienta"),
        ("Žiadosť o vrátenie peňazí: čo robiť?", "ziadost-o-vratenie-penazi-co-robit"),
        ("Šťastný zákazník", "stastny-zakaznik"),
        ("Õigus tagastada kaup", "oigus-tagastada-kaup"),
        ("Mida teha, kui pakk on hävinud?", "mida-teha-kui-pakk-on-havinud"),
        ("Ödeme und Süße", "odeme-und-susse"),
    ],
)
def test_slugify_folds_letters(heading: str, slug: str) -> None:
    assert slugify(heading, "-") == slug


def test_built_pages_use_folding_slugs_and_explicit_ids(build_site: BuildSite) -> None:
    body = """
    ## Łączenie z konsultantem

    Tekst.

    ## Jak złożyć reklamację? {#complaint-how}

    Tekst.
    """
    files = {
        "pl/index.md": page("Start", "home", body),
        "et/index.md": page("Avaleht", "home", "## Õnnelik klient ja äri\n\nTekst."),
        "sk/index.md": page("Úvod", "home", "## Čakacia doba a šťastie\n\nText."),
    }
    site = build_site(files)
    pl = site.html("pl/")
    assert 'id="laczenie-z-konsultantem"' in pl
    assert 'id="complaint-how"' in pl
    assert 'id="onnelik-klient-ja-ari"' in site.html("et/")
    assert 'id="cakacia-doba-a-stastie"' in site.html("sk/")
