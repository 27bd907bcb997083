"""JSON Schema of an interview's front-matter, generated from the model, for editors.

Editors read YAML 1.2, where `2026-03-04` is text, so dates are strings with a
date pattern. The configured closed lists (relationships, channels, teams) become
enums, and configured account fields and taxonomies become properties, so the
schema accepts exactly what `journal check` accepts, field by field.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.config import JournalConfig
from ..core.frontmatter import FrontMatter

SCHEMA_PATH = "schema/interview.schema.json"
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
NOT_BLANK = r"\S"  # the model strips whitespace: "  " is empty


def front_matter_schema(config: JournalConfig) -> dict[str, Any]:
    """The schema (draft-07, which editors support best) for this site's configuration."""
    schema = FrontMatter.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs")
    _not_blank(schema)
    _not_blank(definitions)
    props = schema["properties"]
    props["date"] = {"title": "Date", "description": props["date"]["description"], **DATE}
    props["expires"] = {**{k: v for k, v in props["expires"].items() if k != "anyOf"}, "anyOf": [DATE, {"type": "null"}]}
    paths = {k: v for k, v in props["moved_from"].items() if k != "items" and k != "type"}
    path = {"type": "string", "minLength": 1, "pattern": r"\.md$"}
    props["moved_from"] = {**paths, "anyOf": [path, {"type": "array", "items": path}]}
    props["relationship"] = _enum(props["relationship"], config.relationships)
    props["channel"] = _enum(props["channel"], config.channels, optional=True)
    team = definitions["Interviewer"]["properties"]["team"]
    definitions["Interviewer"]["properties"]["team"] = _enum(team, config.teams, optional=True)
    props["interviewers"]["items"] = {"anyOf": [{"type": "string", "minLength": 1, "pattern": NOT_BLANK},
                                                {"$ref": "#/definitions/Interviewer"}]}
    for key in config.all_account_fields:
        props.setdefault(key, {"title": key.replace("_", " ").capitalize(), "description": "an account attribute",
                               "anyOf": [{"type": "string", "minLength": 1, "pattern": NOT_BLANK}, {"type": "null"}]})
    for key in config.taxonomies:
        props.setdefault(key, {"title": key.replace("_", " ").capitalize(), "description": "a configured taxonomy",
                               "type": "array", "items": {"type": "string", "minLength": 1, "pattern": NOT_BLANK}})
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "interview.schema.json",
            **schema, "title": "Interview front-matter", "definitions": definitions}


def _enum(prop: dict[str, Any], values: list[str], *, optional: bool = False) -> dict[str, Any]:
    keep = {k: v for k, v in prop.items() if k in ("title", "description", "default")}
    choice = {"type": "string", "enum": list(values)}
    return {**keep, "anyOf": [choice, {"type": "null"}]} if optional else {**keep, **choice}


def _not_blank(node: Any) -> None:
    """Text fields: at least one non-space character, as the model requires."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength") == 1:
            node["pattern"] = NOT_BLANK
        for value in node.values():
            _not_blank(value)
    elif isinstance(node, list):
        for value in node:
            _not_blank(value)


def schema_text(config: JournalConfig) -> str:
    return json.dumps(front_matter_schema(config), indent=2, ensure_ascii=False) + "\n"
