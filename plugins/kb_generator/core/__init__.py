"""Shared building blocks of the knowledge-base plugins.

Everything here is plain Python that several plugins need: which locales the
site has (read from mkdocs-static-i18n), front matter with line numbers, and
the git history that dates pages. Plugins talk to each other only through
what this package computes and the small contracts of `contracts.py`; the run
order is in `priorities.py`, the page outline in `outline.py`, and every touch
of other libraries' internals in `upstream.py`.
"""
