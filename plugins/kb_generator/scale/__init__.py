"""kb-scale: what keeps a knowledge base of thousands of pages fast.

Languages are built in parallel processes (static-i18n builds them one
after the other), and big sections appear in the navigation as their index
page only, so a page does not carry a link to every article of the site.
"""
