"""Customer research journal: turns interview notes into an internal site.

The core (everything but ``plugin`` and ``cli``) is pure Python with no MkDocs
imports, so the same pages can be produced by the MkDocs plugin or written to
disk by ``journal build-pages`` as a pre-build step for other generators.
"""

__version__ = "0.1.0"
