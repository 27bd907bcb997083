"""The core: read a journal's files and validate them into the typed model (``model``).

Pure Python with no framework: no MkDocs, no Click. Every mistake in a file becomes a
located problem (``problems``), collected in one pass, never an exception.
Entry points: ``load.load_project`` / ``load.load_journal``.
"""
