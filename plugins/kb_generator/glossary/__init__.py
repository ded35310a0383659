"""kb-glossary: glossary terms linked in every inflected form.

Terms come from a per-locale YAML file that writers edit in git; the
matcher compares morphology keys (the same keys search uses), so
"obsłudze klienta", "klienditoe" and "zákazníckou službou" link to their
terms without markup. Each language gets a glossary page in its own
alphabetical order with "used in" back-links.
"""
