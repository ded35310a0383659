"""The site's locales, as configured in mkdocs-static-i18n (or a single one)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig

from kb_generator.core.upstream import building_language, default_language, i18n_plugin, is_nested_build

__all__ = ["SiteLocale", "SiteLocales", "current_locale", "i18n_plugin", "is_outermost_build", "site_locales"]


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


def site_locales(config: MkDocsConfig) -> SiteLocales:
    """Read the built languages; a site without static-i18n has one locale."""
    plugin = i18n_plugin(config)
    if plugin is None:
        code = str(config.theme.get("language") or "en")
        return SiteLocales((SiteLocale(code, code, config.site_name),), code)
    locales = []
    default = default_language(plugin)
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
    return building_language(plugin)


def is_outermost_build(config: MkDocsConfig) -> bool:
    """True outside static-i18n's nested per-language builds.

    static-i18n builds the default language, then, from its `on_post_build`,
    every other language as a nested `build()`. A hook that must run once per
    site (sitemap, language chooser, reports) runs when this is true.
    """
    plugin = i18n_plugin(config)
    return plugin is None or not is_nested_build(plugin)
