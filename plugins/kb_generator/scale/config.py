"""Options of kb-scale."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ScaleConfig(Config):
    """Configuration of the kb-scale plugin."""

    parallel_languages = c.Type(bool, default=True)
    """Build the other languages in forked processes during `mkdocs build` (not `serve`)."""

    language_processes = c.Type(int, default=0)
    """How many languages build at once with `parallel_languages`, the default language's own
    build counted: 0 is as many as the cores the build may use and half the available
    memory holds (estimated from the pages a language has). The other languages wait
    in queues, each still in a process of its own: on 2 cores three languages at once
    took more memory and no less time. 1 builds the other languages first, one after
    another, and this process's own language after them: the peak is one language."""

    compact_pages = c.Type(bool, default=True)
    """Keep each converted page's HTML compressed until its template is rendered, and let its
    Markdown go after conversion (MkDocs keeps both for every page to the end of the build:
    half a gigabyte a language at 10,000 articles). The site is the same."""

    section_nav_limit = c.Type(int, default=60)
    """A section with more pages than this shows only its index page in the navigation."""

    serve_languages = c.ListOfItems(c.Type(str), default=[])
    """Languages `mkdocs serve` builds (all when empty); `KB_SERVE_LANGUAGES=pl,et` overrides."""

    job_languages = c.ListOfItems(c.Type(str), default=[])
    """Build only these languages, as one job of a multi-job build (`KB_JOB_LANGUAGES=et,sk` overrides).

    The job's site holds its languages (and, with the default language, the
    root files) and a report for the merge; see `merge_jobs`."""

    merge_jobs = c.ListOfItems(c.Type(str), default=[])
    """Site folders of jobs to merge into this build's site, rendering no page
    (`KB_MERGE_JOBS=site-pl,site-et` overrides; relative to mkdocs.yml)."""
