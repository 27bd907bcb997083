"""The journal's ways in: the MkDocs plugin (``mkdocs``) and the `journal` command (``cli``).

Each adapter is thin: it turns its framework's calls into core and site calls, and the
framework (MkDocs, Click/Rich) is imported only inside its own subpackage.
"""
