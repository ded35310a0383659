"""kb-answers: FAQ answers and article sections that agents can link, copy and trust.

Questions are headings with an id written in the source; each answer is
wrapped so it can be copied, described in schema.org JSON-LD and exported
to a per-language answers catalog for help desks. Renamed ids and moved
pages keep their old links working.
"""
