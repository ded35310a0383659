"""Material's search plugin keeps its search box but no longer indexes pages."""

from __future__ import annotations

from pathlib import Path

import yaml
from kb_generator.search.material import UnusedSearchIndex
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from tests.conftest import site_config


def test_material_search_keeps_its_box_but_indexes_nothing(tmp_path: Path) -> None:
    (tmp_path / "docs" / "pl").mkdir(parents=True)
    (tmp_path / "docs" / "pl" / "index.md").write_text("# Start\n\nTekst.\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(site_config(), allow_unicode=True), encoding="utf-8")
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    material = config.plugins["material/search"]
    assert isinstance(material, SearchPlugin) and material.config.enabled  # the box stays
    assert isinstance(material.search_index, UnusedSearchIndex)
    file = File("pl/index.md", config.docs_dir, config.site_dir, use_directory_urls=True)
    page = Page("Start", file, config)
    page.content = '<h1 id="start">Start</h1><p>Tekst.</p>'
    page.toc = []  # type: ignore[assignment]
    material.on_page_context({}, page=page, config=config, nav=None)  # type: ignore[arg-type]
    assert material.search_index.entries == []
