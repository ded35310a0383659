"""The run order of the knowledge-base plugins, in one place.

MkDocs runs the hooks of one event from the highest priority to the lowest
(plugins without `@event_priority` run at 0, in the order of `mkdocs.yml`);
Python-Markdown runs treeprocessors from the highest priority to the lowest.
Every `@event_priority` and every treeprocessor registration of the package
uses a name from here, and each name says why it sits where it does. The
README's "Run order" table lists them per event, and
`tests/core/test_priorities.py` fails when the registered order changes.
"""

from __future__ import annotations

# -- Other libraries' priorities we place ourselves around (for reference) ----

#: mkdocs-static-i18n's `on_config`, `on_files`, `on_nav` and `on_post_build`
#: (the last one builds every other language as a nested build).
STATIC_I18N = -100
#: mkdocs-static-i18n's `on_page_markdown` and `on_page_context` (alternates by path).
STATIC_I18N_PAGE = 50

# -- on_config ---------------------------------------------------------------

#: kb-scale: before static-i18n computes which languages to build (serve_languages).
CHOOSE_LANGUAGES = 100
#: kb-translations, kb-search: after static-i18n reconfigured the theme, so the
#: templates and the slugifier we add stay in every language's theme.
THEME_LAYER = -110

# -- on_files ----------------------------------------------------------------

#: kb-translations, kb-glossary: before static-i18n narrows the files to one
#: language; translations and glossaries need every language's sources.
READ_ALL_LANGUAGES = 100
#: kb-scale: after every language's sources were read (a forked build inherits
#: them), while the site directory is clean; before static-i18n.
FORK_LANGUAGES = 50
#: kb-translations: after static-i18n placed the files, give the default
#: language its own prefix and add the notice page.
PLACE_LANGUAGE = -110
#: kb-search, kb-scale: files of this language's output (search files, section
#: indexes), added after the files were placed so nobody relocates them.
LANGUAGE_OUTPUT = -120
#: kb-scale: last of all, once every plugin has added its files: a job without
#: the default language, or a merge of jobs, leaves out the default language's
#: pages (their job builds them) except the home page static-i18n needs.
OTHER_JOBS_PAGES = -1000

# -- on_nav --------------------------------------------------------------------

#: kb-scale: collapse large sections after static-i18n reworked the navigation.
COLLAPSE_NAVIGATION = -120

# -- on_page_markdown ------------------------------------------------------------

#: kb-translations: the schema-checked front matter replaces MkDocs' own parse
#: before any other plugin reads `page.meta`.
CHECKED_FRONT_MATTER = 100

# -- on_page_content -------------------------------------------------------------

#: kb-scale: last of all, once every plugin has read the page's HTML and
#: Markdown, keep the HTML compressed and let the Markdown go (compact_pages).
COMPACT_PAGE = -1000

# -- on_page_context -------------------------------------------------------------

#: kb-scale: first of all, give the page its HTML back before any hook or the
#: template reads it (static-i18n runs at 50, Material's search at 0).
RESTORE_PAGE = 1000

#: kb-translations: replace static-i18n's alternates (by path) with the
#: translations linked by key, after static-i18n set them.
TRANSLATION_LINKS = -50
#: kb-answers, kb-search: after kb-translations set the page's alternates.
AFTER_TRANSLATION_LINKS = -60

# -- on_post_page ----------------------------------------------------------------

#: kb-scale: last of all: the page is rendered, its HTML can go.
RELEASE_PAGE = -1000

# -- on_post_build ---------------------------------------------------------------

#: kb-answers: write the redirects before static-i18n starts the next
#: language's build, which resets the state they come from.
BEFORE_NEXT_LANGUAGE = 0
#: kb-scale: collect the languages built in parallel before static-i18n would
#: build them one by one.
COLLECT_LANGUAGES = -90
#: kb-scale: let static-i18n count as "not building" again, after its
#: on_post_build and before the end-of-site steps.
RELEASE_LANGUAGES = -150
#: kb-translations, kb-answers, kb-search: once static-i18n built every
#: language, the whole site is on disk (sitemap, chooser, catalogs, reports).
END_OF_SITE = -200

# -- on_build_error ----------------------------------------------------------------

#: kb-scale: stop the language processes before the site directory is emptied.
STOP_LANGUAGES = 100
#: kb-translations: empty the site directory of a failed build.
EMPTY_FAILED_SITE = 0

# -- Markdown treeprocessors (Python-Markdown: higher runs first) ---------------

#: Python-Markdown's `attr_list` (sets ids written as `{#id}`).
ATTR_LIST = 8
#: Python-Markdown's `toc` (generates the remaining heading ids).
TOC = 5
#: MkDocs' relative-path treeprocessor (rewrites `.md` links to URLs).
MKDOCS_LINKS = 0

#: kb-answers: after `attr_list`, before `toc`: tells ids written in the source
#: from generated ones and marks the questions.
EXPLICIT_IDS = 6
#: kb-answers: after `toc`, every heading has its final id; wraps the answers
#: and adds the renamed ids before MkDocs rewrites links.
ANSWER_SECTIONS = 4
#: The page outline (kb-answers, kb-search): after `toc` and the answers'
#: wrapping; before the glossary links (which add no text) and MkDocs' links.
OUTLINE = 3
#: kb-glossary: after MkDocs rewrote `.md` links: our links are final URLs, and
#: existing links are resolved (and skipped) by then.
GLOSSARY_LINKS = -1
#: kb-translations: last, so text any plugin added counts as page body.
BODY_CHECK = -100
