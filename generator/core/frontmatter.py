"""The front-matter of an interview file (spec section 2), validated by pydantic.

Apart from the model so that the configuration can check its extra field names
against these without importing the model, which holds a configuration.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Clearance = Literal["internal", "anonymous", "public"]
CLEARANCES: tuple[str, ...] = ("internal", "anonymous", "public")
CLEARED: tuple[str, ...] = ("anonymous", "public")


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Person(_Strict):
    """Someone at the customer we talked to."""

    name: Text
    role: Text | None = None
    department: Text | None = None
    persona: Text | None = None
    contact: Text | None = Field(default=None, description="PRIVATE: never rendered, indexed or exported")


class Interviewer(_Strict):
    """Someone on our side."""

    name: Text
    team: Text | None = None


def _no_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("has a time; write only the date, e.g. 2026-03-04")
    return value


class FrontMatter(_Strict):
    """The front-matter of one interview file (spec section 2)."""

    date: dt.date = Field(description="ISO date of the conversation")
    customer: Text = Field(description="the account's display name")
    relationship: Text = Field(description="customer | prospect | lost-customer | competitor-customer (configurable)")
    people: list[Person] = Field(min_length=1, description="the people we talked to")
    interviewers: list[Interviewer] = Field(default_factory=list, description="who on our side talked: a name or {name, team}")
    channel: Text | None = None
    products: list[Text] = Field(default_factory=list)
    competitors: list[Text] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    industry: Text | None = None
    size: Text | None = None
    region: Text | None = None
    summary: Text | None = None
    clearance: Clearance = Field(default="internal", description="default clearance of this file's quotes")
    consent: Text | None = Field(default=None, description="who approved the clearance, or a reference to the signed form")
    expires: dt.date | None = Field(default=None, description="when the clearance of this file's quotes lapses")
    confidential: bool = Field(default=False, description="true: the whole file is left out of every output")
    moved_from: list[Text] = Field(default_factory=list, description=(
        "where this file was before it moved (e.g. interviews/2025/acme.md), or a list of such paths, oldest first: "
        "the old address redirects to the new one, and quote ids made from the file stay the same"))

    _dates = field_validator("date", "expires", mode="before")(classmethod(lambda cls, v: _no_datetime(v)))

    @field_validator("moved_from", mode="before")
    @classmethod
    def _one_path_to_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("interviewers", mode="before")
    @classmethod
    def _names_to_objects(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value


FRONT_MATTER_FIELDS: tuple[str, ...] = tuple(FrontMatter.model_fields)
