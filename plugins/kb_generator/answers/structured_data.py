"""schema.org JSON-LD: FAQPage for questions, Article and BreadcrumbList for articles.

Everything here is built from the same plain text the page shows (the
answers' text comes from the element tree), so the structured data never
says what the reader cannot see.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kb_generator.core.outline import Section

CONTEXT = "https://schema.org"


def faq_page(url: str, locale: str, answers: list[Section]) -> dict[str, Any]:
    """FAQPage with one Question/Answer per FAQ answer on the page."""
    return {
        "@context": CONTEXT,
        "@type": "FAQPage",
        "url": url,
        "inLanguage": locale,
        "mainEntity": [
            {
                "@type": "Question",
                "name": answer.heading,
                "url": f"{url}#{answer.anchor}",
                "acceptedAnswer": {"@type": "Answer", "text": answer.visible_text},
            }
            for answer in answers
        ],
    }


def article(
    url: str, locale: str, title: str, description: str, updated: datetime | None,
    publisher: str,
) -> dict[str, Any]:
    """Article for a page that is neither an index nor an FAQ page."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": title,
        "description": description,
        "inLanguage": locale,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if updated is not None:
        data["dateModified"] = updated.date().isoformat()
    return data


def breadcrumbs(crumbs: list[tuple[str, str]]) -> dict[str, Any]:
    """BreadcrumbList from (name, absolute URL) pairs, home first."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, 1)
        ],
    }
