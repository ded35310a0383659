"""Material's own search plugin, kept for its search box but not for its index.

Material renders the search box, its keyboard handling and the result list
only while its `search` plugin is enabled, and that plugin parses every
rendered page into its own lunr entries for one merged index of all
languages. kb-search replaces that index (see `plugin.py`, which removes the
merged file), so the parsing is wasted: on 1,000 articles a language it cost
2.3 s per language. We swap the plugin's index for one that keeps no entries;
the box, its configuration and Material's removal of `data-search-*`
attributes from pages stay as they are.
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig


class UnusedSearchIndex(SearchIndex):  # type: ignore[misc]
    """Material's search index that ignores pages (its file is replaced by ours)."""

    def add_entry_from_context(self, page: Any) -> None:
        return None


def stop_material_indexing(config: MkDocsConfig) -> bool:
    """Give Material's search plugin an index that keeps nothing (after its `on_config`).

    Returns whether a search plugin is configured at all.
    """
    found = False
    for name, plugin in config.plugins.items():
        if name not in ("material/search", "search"):
            continue
        found = True
        if isinstance(plugin, SearchPlugin):
            current = getattr(plugin, "search_index", None)
            if current is not None and not isinstance(current, UnusedSearchIndex):
                plugin.search_index = UnusedSearchIndex(**current.config)
    return found
