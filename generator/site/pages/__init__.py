"""Page builders: each module turns the journal model into generated pages.

A builder is ``build(site: Site) -> Iterable[Page]``; ``generator.site`` runs
them all. Add a page family by adding a module and listing it in BUILDERS.
"""
