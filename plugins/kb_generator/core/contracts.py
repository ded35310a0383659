"""What one plugin offers another, in one place.

Plugins do not read each other's attributes, probe each other with `hasattr`,
stick attributes on pages for each other or set template keys on each
other's behalf. Each seam is a small `Protocol` here and an accessor that
finds the plugin offering it in the site's configuration (or says there is
none), so a seam is visible to mypy and to a reader of this one file.

- kb-glossary loads every language's glossary once per build and records the
  terms it linked on each page: kb-search takes its synonyms and definition
  cards from there, kb-answers its "shared terms" for related pages.
- kb-scale builds languages in other processes: a plugin that keeps
  per-language state for the end of the build hands it over.
- Material's `base` of a language (where its search files are) is one value,
  computed here for kb-translations and kb-search alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb_generator.core.i18n import current_locale, i18n_plugin

if TYPE_CHECKING:
    from kb_generator.glossary.sources import Glossary

GLOSSARY_PLUGIN = "kb-glossary"


@runtime_checkable
class GlossaryProvider(Protocol):
    """kb-glossary: the glossaries it loaded and the terms it linked."""

    @property
    def glossary_source(self) -> str:
        """The glossary's file name inside each language folder (kb-glossary's `source`)."""
        ...

    def loaded_glossary(self, locale: str) -> Glossary | None:
        """The language's glossary as loaded for this build (None: none was loaded)."""
        ...

    def linked_terms(self, src_uri: str) -> frozenset[str]:
        """Ids of the terms linked on a page (known once every page of its language was converted)."""
        ...


def glossary_provider(config: MkDocsConfig) -> GlossaryProvider | None:
    """The site's kb-glossary, if it uses one."""
    plugin = config.plugins.get(GLOSSARY_PLUGIN)
    return plugin if isinstance(plugin, GlossaryProvider) else None


@runtime_checkable
class LanguageState(Protocol):
    """A plugin whose end-of-build steps need what other languages' builds collected."""

    def kb_export_state(self, locale: str) -> Any:
        """In a language's own process: what the parent needs (picklable)."""
        ...

    def kb_import_state(self, locale: str, state: Any) -> None:
        """In the parent: take what a language's process handed over."""
        ...


def language_state_plugins(config: MkDocsConfig) -> dict[str, LanguageState]:
    """The site's plugins that hand over per-language state, by name."""
    return {
        name: plugin for name, plugin in config.plugins.items() if isinstance(plugin, LanguageState)
    }


def language_root(config: MkDocsConfig) -> str:
    """Folder of the language being built, `<locale>/` (the site root without static-i18n)."""
    return f"{current_locale(config)}/" if i18n_plugin(config) is not None else ""


def search_base(config: MkDocsConfig, page: Page) -> str:
    """Material's `base` for a page: its language's root, where that language's search files are."""
    return get_relative_url(language_root(config) or ".", page.url)
