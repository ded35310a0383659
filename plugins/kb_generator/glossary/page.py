"""The glossary page of one locale: letters, entries, translations, back-links."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from kb_generator.core.messages import message
from kb_generator.glossary.collation import by_letter
from kb_generator.glossary.sources import Term

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def plain(text: str) -> str:
    """Writer's plain text, safe inside generated Markdown (no markup survives)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def used_in_marker(term_id: str) -> str:
    """Placeholder we emit and later replace with the "used in" links."""
    return f'<div class="kb-glossary__used-in" data-kb-used-in="{term_id}"></div>'


#: Finds the placeholders we emitted (and only those) in the rendered page.
USED_IN_MARKER = re.compile(r'<div class="kb-glossary__used-in" data-kb-used-in="([a-z0-9-]+)"></div>')


def glossary_markdown(
    terms: Mapping[str, Term],
    locale: str,
    translations: Mapping[str, tuple[str, str, Mapping[str, Term]]],
) -> str:
    """Markdown appended to the glossary page.

    `translations` maps another locale to (language name, URL of its glossary
    page relative to this page, its terms).
    """
    out: list[str] = []
    groups = by_letter(terms.values(), lambda term: term.term, locale)
    letters = " · ".join(
        f"[{html.escape(label)}](#letter-{index})" for index, (label, _) in enumerate(groups, 1)
    )
    out.append(f'<nav class="kb-glossary__letters" markdown>\n{letters}\n</nav>\n')
    for index, (label, members) in enumerate(groups, 1):
        out.append(f"## {plain(label)} {{#letter-{index}}}\n")
        for term in members:
            out.append(f"### {plain(term.term)} {{#{term.id} .kb-glossary__term}}\n")
            facts = []
            if term.abbreviations:
                facts.append(
                    f"**{message(locale, 'glossary.abbreviations')}:** "
                    + ", ".join(plain(name) for name in term.abbreviations)
                )
            if term.aliases:
                facts.append(
                    f"**{message(locale, 'glossary.aliases')}:** "
                    + ", ".join(plain(name) for name in term.aliases)
                )
            if facts:
                out.append("  \n".join(facts) + "\n")
            out.append(plain(term.definition) + "\n")
            # Raw links: the other languages are other builds, which MkDocs'
            # link validation of this language cannot see.
            others = [
                f'<a href="{html.escape(url)}#{term.id}" hreflang="{code}" lang="{code}">'
                f"{html.escape(name)}: {html.escape(other[term.id].term)}</a>"
                for code, (name, url, other) in sorted(translations.items())
                if term.id in other
            ]
            if others:
                out.append(
                    f"**{message(locale, 'glossary.translations')}:** " + " · ".join(others) + "\n"
                )
            out.append(used_in_marker(term.id) + "\n")
    return "\n".join(out)


def used_in_html(locale: str, pages: list[tuple[str, str]]) -> str:
    """The "used in" paragraph: (relative URL, title) of every page that links the term."""
    if not pages:
        return (
            f'<p class="kb-glossary__used-in">'
            f"{html.escape(message(locale, 'glossary.unused'))}</p>"
        )
    links = ", ".join(
        f'<a href="{html.escape(url)}">{html.escape(title)}</a>' for url, title in pages
    )
    return (
        f'<p class="kb-glossary__used-in"><strong>'
        f"{html.escape(message(locale, 'glossary.used_in'))}:</strong> {links}</p>"
    )
