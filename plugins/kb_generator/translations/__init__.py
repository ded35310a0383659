"""kb-translations: page identity across locales.

Links translations by a front-matter key (file names may differ per
language), drives the language switcher and absolute hreflang alternates,
keeps untranslated pages out of other languages, reports missing and
outdated translations, gives every language its own URL prefix and keeps
every letter in heading slugs.
"""
