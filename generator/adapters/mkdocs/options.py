"""The plugin's options in mkdocs.yml, validated by the core's JournalConfig.

MkDocs validates plugin options itself (and names the option in its message); each
option here hands its value to the pydantic field of the same name, so the MkDocs
plugin and `journal check` accept exactly the same options.
"""

from __future__ import annotations

from typing import Annotated, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from pydantic import BaseModel, TypeAdapter, ValidationError

from ...core.config import RENAMED_OPTIONS, JournalConfig, option_errors, renamed_message


class PydanticOption(c.BaseConfigOption):
    """A plugin option validated by the core's JournalConfig field of the same name."""

    def __init__(self, name: str):
        super().__init__()
        info = JournalConfig.model_fields[name]
        default = info.get_default(call_default_factory=True)
        # as plain data: MkDocs copies a default with .copy(), which pydantic models deprecate
        self.default = default.model_dump() if isinstance(default, BaseModel) else default
        annotation = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        self._adapter = TypeAdapter(annotation)

    def run_validation(self, value: object) -> Any:
        try:
            return self._adapter.validate_python(value)
        except ValidationError as exc:
            raise c.ValidationError("; ".join(option_errors(exc))) from None


def plugin_config_class(renamed: dict[str, tuple[str, str]] = RENAMED_OPTIONS) -> type[base.Config]:
    """The plugin's config schema: one option per JournalConfig field, and each renamed option
    moved to its new name with a warning (MkDocs' own mechanism for renamed options)."""
    options: dict[str, c.BaseConfigOption] = {name: PydanticOption(name) for name in JournalConfig.model_fields}
    for old, (new, since) in renamed.items():
        options[old] = c.Deprecated(moved_to=new, message="journal: " + renamed_message(old, new, since).replace("{", "{{").replace("}", "}}"))
    return type("JournalPluginConfig", (base.Config,), options)


JournalPluginConfig = plugin_config_class()
