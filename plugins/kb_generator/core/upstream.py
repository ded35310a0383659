"""Every touch of another library's internals, in one place.

mkdocs-static-i18n 1.3.1 has no public API for what we need: which language
it is building, whether a nested build is running, the attributes it reads on
every file, its logging filter for nested builds. MkDocs 1.6.1 has no public
way to move a file's destination or to build without cleaning the site
directory. The pins are in `pyproject.toml`; `tests/core/test_upstream.py`
checks that the pinned versions still have everything used here and fails
loudly, naming it, when an upgrade removes one.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.utils import I18nLoggingFilter

__all__ = ["RE_LOCALE"]

#: The plugin name static-i18n registers under (`- i18n:` in mkdocs.yml).
I18N_PLUGIN = "i18n"
#: The attributes static-i18n reads on every file it handles (mkdocs_static_i18n/folder.py).
FILE_LOCALE_ATTRIBUTES = ("locale", "localization", "locale_alternate_of")


# -- mkdocs-static-i18n ---------------------------------------------------------


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """The mkdocs-static-i18n plugin instance, if the site uses it."""
    return config.plugins.get(I18N_PLUGIN)


def building_language(plugin: Any) -> str:
    """The language static-i18n is building (its default before its first `on_config`)."""
    return str(plugin.current_language or plugin.default_language)


def default_language(plugin: Any) -> str:
    return str(plugin.default_language)


def is_nested_build(plugin: Any) -> bool:
    """True while static-i18n builds the other languages (from its `on_post_build`)."""
    return bool(getattr(plugin, "building", False))


def set_nested_build(plugin: Any, building: bool) -> None:
    """Tell static-i18n a nested build runs (its `on_post_build` then builds nothing)."""
    plugin.building = building


def start_language_build(plugin: Any, locale: str) -> None:
    """Make static-i18n build `locale` as one of its nested builds (in a forked process)."""
    plugin.current_language = locale
    plugin.building = True


def limit_languages(plugin: Any, wanted: list[str]) -> None:
    """Build the default language and `wanted` only (`mkdocs serve` of a big site)."""
    for language in plugin.config.languages:
        if language.locale != plugin.default_language:
            language.build = language.locale in wanted


def mark_localized(file: File, locale: str) -> None:
    """Give a generated file the attributes static-i18n reads on every file of `locale`."""
    for name in FILE_LOCALE_ATTRIBUTES:
        setattr(file, name, locale)
    file.alternates = {locale: file}  # type: ignore[attr-defined]


def file_localization(file: File) -> str | None:
    """The language static-i18n assigned to a file (None before its `on_files`)."""
    return getattr(file, "localization", None)


def set_alternates(config: MkDocsConfig, alternates: list[dict[str, str]]) -> None:
    """Replace the language alternates; static-i18n sets the attribute, which Jinja reads first."""
    config.extra.alternate = alternates  # type: ignore[attr-defined]


def quiet_nested_build_log() -> None:
    """Hide the "Building documentation" lines of a nested build, as static-i18n does."""
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)


# -- MkDocs -------------------------------------------------------------------------


def move_file(file: File, dest_uri: str, config: MkDocsConfig) -> None:
    """Publish a file at another destination (MkDocs computes its URL privately)."""
    file.dest_uri = dest_uri
    file.url = file._get_url(config.use_directory_urls)
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))


def keep_site_directory() -> None:
    """Make `mkdocs.commands.build.build` skip cleaning the site directory (a forked build:
    the parent cleaned it, and siblings are writing into it)."""
    utils.clean_directory = lambda directory: None
