"""Options of kb-answers."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from kb_generator.core.config_options import RelativePath


class AnswersConfig(Config):
    """Configuration of the kb-answers plugin."""

    faq_field = c.Type(str, default="faq")
    """Front-matter field that marks a page whose questions are all FAQ answers."""

    faq_section_id = c.Type(str, default="faq")
    """Id of the heading that opens an article's FAQ section (`## Questions {#faq}`)."""

    catalog = RelativePath("answers.json")
    """File name of the answers catalog written into each language's folder."""

    related_limit = c.Type(int, default=5)
    """Most related articles and answers shown under an article (0 hides them)."""

    structured_data = c.Type(bool, default=True)
    """Emit schema.org JSON-LD (FAQPage, Article, BreadcrumbList)."""
