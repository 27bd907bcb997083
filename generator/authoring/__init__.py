"""Tools that write a journal's files for its authors: a new note (``newnote``), tag
renames and merges across files (``tagedit``), the JSON Schema of the front-matter (``schema``).
"""
