"""kb-locale: what changes with the reader's language, formatted by Babel.

Reading time in the correct plural form and last-updated dates from git,
formatted for the page's locale.
"""
