"""Site configuration of the journal (the `journal` plugin's options in mkdocs.yml)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .frontmatter import FRONT_MATTER_FIELDS
from .taxonomy import TAXONOMIES

BIG_FOUR = ["customer", "prospect", "lost-customer", "competitor-customer"]
CHANNELS = ["call", "video-call", "on-site", "trade-show", "demo", "webinar", "email", "survey", "review-site", "other"]
TEAMS = ["marketing", "sales", "customer-success", "product", "support", "engineering", "leadership"]
BUILTIN_ACCOUNT_FIELDS = ["industry", "size", "region"]


def _unique(values: list[str]) -> list[str]:
    seen = set()
    for v in values:
        if not v.strip():
            raise ValueError("values must not be empty")
        if v in seen:
            raise ValueError(f"'{v}' is listed twice")
        seen.add(v)
    return values


# Part of the type, so MkDocs' own option validation (generator.plugin) names the option.
Names = Annotated[list[str], AfterValidator(_unique)]


class CardOptions(BaseModel):
    """The brand on quote cards (``cards:``): our company's name, colour and logo, never the customer's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    brand_name: str = Field(default="", max_length=40, description="our company's name, shown on every card")
    brand_color: str = Field(default="#3f51b5", description="the cards' background, as #rrggbb")
    logo: str | None = Field(default=None, description="a PNG, JPEG, GIF or WebP in the repository, e.g. docs/logo.png")

    @field_validator("brand_color")
    @classmethod
    def _hex_colour(cls, value: str) -> str:
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise ValueError(f"'{value}' is not a colour like #3f51b5")
        return value.lower()

    @field_validator("logo")
    @classmethod
    def _inside(cls, value: str | None) -> str | None:
        if value is not None and (PurePosixPath(value).is_absolute() or ".." in PurePosixPath(value).parts or not value.strip()):
            raise ValueError(f"'{value}' must be a path inside the repository, like docs/logo.png")
        return value


class JournalConfig(BaseModel):
    """Options of the `journal` plugin; every one has a default that works."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relationships: Annotated[Names, Field(min_length=1)] = Field(default_factory=lambda: list(BIG_FOUR))
    big_four: list[str] = Field(default_factory=lambda: list(BIG_FOUR), description="relationships the dashboard tracks")
    channels: Annotated[Names, Field(min_length=1)] = Field(default_factory=lambda: list(CHANNELS))
    teams: Annotated[Names, Field(min_length=1)] = Field(default_factory=lambda: list(TEAMS))
    first_hand_team: str = "marketing"
    account_fields: Names = Field(default_factory=list, description="account attributes beyond industry, size, region")
    taxonomies: Names = Field(default_factory=list, description="extra front-matter lists indexed as segments")
    stale_days: int = Field(default=180, ge=1)
    coverage_windows: list[Annotated[int, Field(ge=1)]] = Field(default_factory=lambda: [30, 90, 365], min_length=1)
    strict_tags: bool = False
    interviews_dir: str = "interviews"
    campaigns_dir: str = "campaigns"
    insights_dir: str = "insights"
    cards: CardOptions = Field(default_factory=CardOptions, description="the brand on quote cards")

    @model_validator(mode="after")
    def _consistent(self) -> "JournalConfig":
        unknown = [r for r in self.big_four if r not in self.relationships]
        if unknown:
            raise ValueError(f"big_four lists {', '.join(unknown)}, which is not in relationships")
        if self.first_hand_team not in self.teams:
            raise ValueError(f"first_hand_team '{self.first_hand_team}' is not in teams")
        self._check_field_names()
        return self

    def _check_field_names(self) -> None:
        """Extra fields live next to the built-in ones in front-matter and segment addresses: no clashes."""
        reserved = {*FRONT_MATTER_FIELDS, *TAXONOMIES, "aliases"}
        for option, names in (("account_fields", self.account_fields), ("taxonomies", self.taxonomies)):
            for name in names:
                if name in reserved and not (option == "account_fields" and name in BUILTIN_ACCOUNT_FIELDS):
                    raise ValueError(f"{option}: '{name}' is already a built-in field or segment; pick another name")
        both = sorted(set(self.account_fields) & set(self.taxonomies))
        if both:
            raise ValueError(f"'{both[0]}' is in both account_fields and taxonomies; keep it in one")

    @property
    def all_account_fields(self) -> list[str]:
        return BUILTIN_ACCOUNT_FIELDS + [f for f in self.account_fields if f not in BUILTIN_ACCOUNT_FIELDS]


# Options a release renamed: old name -> (new name, version that renamed it). The old name keeps
# working, with a warning naming the new one (from `journal check` and from the MkDocs plugin),
# until the next major version; see docs/upgrading.md. None has been renamed yet.
RENAMED_OPTIONS: dict[str, tuple[str, str]] = {}


def renamed_message(old: str, new: str, since: str) -> str:
    return f"the journal option '{old}' is called '{new}' since version {since}: rename it in mkdocs.yml"


def upgrade_options(options: dict, renamed: dict[str, tuple[str, str]] = RENAMED_OPTIONS) -> tuple[dict, list[str]]:
    """``options`` with each renamed option under its new name, and a warning for each."""
    out, warnings = dict(options), []
    for old, (new, since) in renamed.items():
        if old in out:
            value = out.pop(old)
            out.setdefault(new, value)
            warnings.append(renamed_message(old, new, since))
    return out, warnings


def option_errors(exc: ValidationError) -> list[str]:
    """Readable lines for invalid options: "relationships: 'customer' is listed twice", "coverage_windows[0]: …"."""
    lines = []
    for e in exc.errors():
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in e["loc"]).lstrip(".")
        message = e["msg"].removeprefix("Value error, ")
        if e["type"] == "too_short":  # pydantic says "List should have" or "Value should have"
            message = f"needs at least {e['ctx']['min_length']} value"
        lines.append(f"{where}: {message}" if where else message)
    return lines
