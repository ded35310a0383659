"""kb-search: search that works in Polish, Estonian and Slovak.

One index per language (our own postings with lunr's BM25 weights), built at
build time from morphology keys (the same keys the browser computes for a
query, so inflected forms, missing diacritics, prefixes and one-letter typos
meet), with glossary names as synonyms. Material's search box stays; a worker of ours answers it with
results that deep-link to sections and FAQ answers.
"""
