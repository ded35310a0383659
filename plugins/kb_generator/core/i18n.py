"""The site's locales, as configured in mkdocs-static-i18n (or a single one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class SiteLocale:
    """One language of the site: its code, its own name and its site name."""

    code: str
    name: str
    site_name: str | None = None


@dataclass(frozen=True)
class SiteLocales:
    """All languages of the site, the default first."""

    locales: tuple[SiteLocale, ...]
    default: str

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(locale.code for locale in self.locales)

    def name(self, code: str) -> str:
        for locale in self.locales:
            if locale.code == code:
                return locale.name
        return code


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """The mkdocs-static-i18n plugin instance, if the site uses it."""
    return config.plugins.get("i18n")


def site_locales(config: MkDocsConfig) -> SiteLocales:
    """Read the built languages; a site without static-i18n has one locale."""
    plugin = i18n_plugin(config)
    if plugin is None:
        code = str(config.theme.get("language") or "en")
        return SiteLocales((SiteLocale(code, code, config.site_name),), code)
    locales = []
    default = plugin.default_language
    for language in plugin.config.languages:
        if language.locale == "null" or not language.build:
            continue
        locales.append(SiteLocale(language.locale, language.name, language.site_name))
    locales.sort(key=lambda locale: locale.code != default)
    return SiteLocales(tuple(locales), default)


def current_locale(config: MkDocsConfig) -> str:
    """The language being built right now (hooks run once per language)."""
    plugin = i18n_plugin(config)
    if plugin is None:
        return str(config.theme.get("language") or "en")
    return str(plugin.current_language or plugin.default_language)


def is_outermost_build(config: MkDocsConfig) -> bool:
    """True outside static-i18n's nested per-language builds.

    static-i18n builds the default language, then, from its `on_post_build`,
    every other language as a nested `build()`. A hook that must run once per
    site (sitemap, language chooser, reports) runs when this is true.
    """
    plugin = i18n_plugin(config)
    return plugin is None or not getattr(plugin, "building", False)
