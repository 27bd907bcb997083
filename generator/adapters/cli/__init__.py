"""The `journal` command (Click and Rich live here only)."""
