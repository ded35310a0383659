"""Shared building blocks of the knowledge-base plugins.

Everything here is plain Python that several plugins need: which locales the
site has (read from mkdocs-static-i18n), front matter with line numbers, and
the git history that dates pages. Plugins talk to each other only through
what this package computes and what they publish on page objects.
"""
