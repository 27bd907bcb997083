"""The `journal` MkDocs plugin: generated pages as virtual files, atomic builds, and
`mkdocs serve --dirty` rebuilding only what an edit changed.
"""
