"""The seams between plugins (core/contracts.py) on real builds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import BuildSite, page, site_config, write_tree
from tests.glossary.test_glossary_build import ET, PL, SK, glossary, site


def _with_second_article() -> dict[str, str]:
    files = site(pl_body="Dobra obsługa klienta buduje zaufanie.")
    files["pl/akademia/drugi.md"] = page("Drugi", "second", "Obsługa klienta w praktyce.")
    files["et/akadeemia/teine.md"] = page("Teine", "second", "Tekst.")
    files["sk/akademia/druhy.md"] = page("Druhý", "second", "Text.")
    return files


def _related(html: str) -> list[str]:
    block = html.split('<nav class="kb-related"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', block)


def test_related_pages_do_not_depend_on_the_order_of_plugins(build_site: BuildSite) -> None:
    """Shared glossary terms relate two articles whether kb-answers comes before kb-glossary or after."""
    for order in (["kb-glossary", "kb-answers"], ["kb-answers", "kb-glossary"]):
        result = build_site(_with_second_article(), site_config(extra_plugins=order))
        assert _related(result.html("pl/akademia/artykul/")) == ["Drugi"], order


def test_search_synonyms_come_from_the_glossary_kb_glossary_names(build_site: BuildSite) -> None:
    """kb-glossary's `source` names the file for both plugins: renaming it keeps the synonyms."""
    files = site()
    for locale, terms in (("pl", PL), ("et", ET), ("sk", SK)):
        del files[f"{locale}/glossary.yml"]
        files[f"{locale}/terms.yml"] = glossary(terms)
    result = build_site(files, site_config(extra_plugins=[{"kb-glossary": {"source": "terms.yml"}}]))
    index = result.json("pl/search/kb_index.json")
    assert index["synonyms"], "kb-search lost the glossary's names"
    assert "Pomoc, którą firma daje klientom." in {card["d"] for card in index["glossary"]}


def test_a_second_glossary_file_for_search_is_a_configuration_error(tmp_path: Path) -> None:
    config = site_config(extra_plugins=["kb-glossary"], kb_search={"glossary": "synonyms.yml"})
    write_tree(tmp_path / "docs", site())
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    lines = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "glossary: synonyms.yml" in text)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=tmp_path,
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert f"mkdocs.yml:{line}: kb-search: `glossary: synonyms.yml` names another file" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site" / "pl").exists()
