"""The journal as generated pages: ``registry.build_pages(site)`` -> {docs path: Page}.

``pages/`` holds one module per page family, ``render`` the Jinja2/Markdown rendering,
``cache`` what `mkdocs serve` may reuse between rebuilds. No MkDocs imports: the same
pages feed the MkDocs plugin and engines without plugins.
"""
