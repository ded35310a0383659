"""The site root: a language chooser that works without JavaScript.

With JavaScript it sends the visitor to the language their browser prefers
(the default language when none matches); without, it is a list of links.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from kb_generator.core.i18n import SiteLocales
from kb_generator.core.messages import message

#: The redirect by the browser's languages (a function; the page calls it with the site's data).
SCRIPT = Path(__file__).parent / "assets" / "chooser.js"


def render_chooser(locales: SiteLocales, homes: dict[str, str]) -> str:
    """HTML of the root page; `homes` maps locale -> URL relative to the root."""
    default = locales.default
    items = "\n".join(
        f'      <li><a href="{escape(homes[code])}" hreflang="{escape(code)}" '
        f'lang="{escape(code)}">{escape(locales.name(code))}</a></li>'
        for code in locales.codes
        if code in homes
    )
    alternates = "\n".join(
        f'  <link rel="alternate" hreflang="{escape(code)}" href="{escape(homes[code])}">'
        for code in locales.codes
        if code in homes
    )
    titles = " · ".join(
        escape(message(code, "chooser.title")) for code in locales.codes if code in homes
    )
    data = f"{json.dumps(homes, sort_keys=True)}, {json.dumps(default)}".replace("<", "\\u003c")
    script = f"{SCRIPT.read_text(encoding='utf-8')}chooseLanguage({data});\n"
    return f"""<!doctype html>
<html lang="{escape(default)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{titles}</title>
{alternates}
  <style>
    body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
      min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f5f5f5;color:#1f1f1f}}
    main{{background:#fff;padding:2rem 2.5rem;border-radius:.5rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}}
    h1{{font-size:1.25rem;font-weight:500;margin:0 0 1rem}}
    ul{{list-style:none;margin:0;padding:0}}
    li a{{display:block;padding:.75rem 0;font-size:1.125rem;color:#3949ab}}
  </style>
</head>
<body>
  <main>
    <h1>{titles}</h1>
    <ul>
{items}
    </ul>
  </main>
  <script>
{script}  </script>
</body>
</html>
"""
