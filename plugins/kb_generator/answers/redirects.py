"""Redirect pages that keep links to moved or renamed pages working."""

from __future__ import annotations

import html
import json
from pathlib import Path

#: Forwards keeping the #fragment (a function; the page calls it with the target).
SCRIPT = Path(__file__).parent / "assets" / "redirect.js"


def redirect_page(target: str, canonical: str, locale: str, title: str) -> str:
    """A tiny HTML page that forwards (keeping the #fragment) to `target`."""
    script_target = json.dumps(target).replace("<", "\\u003c")
    return f"""<!doctype html>
<html lang="{html.escape(locale)}">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(canonical)}">
<meta http-equiv="refresh" content="0; url={html.escape(target)}">
<script>
{SCRIPT.read_text(encoding="utf-8")}redirect({script_target});
</script>
</head>
<body><p><a href="{html.escape(target)}">{html.escape(title)}</a></p></body>
</html>
"""
