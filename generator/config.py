"""Site configuration of the journal (the `journal` plugin's options in mkdocs.yml)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

BIG_FOUR = ["customer", "prospect", "lost-customer", "competitor-customer"]
CHANNELS = ["call", "video-call", "on-site", "trade-show", "demo", "webinar", "email", "survey", "review-site", "other"]
TEAMS = ["marketing", "sales", "customer-success", "product", "support", "engineering", "leadership"]
BUILTIN_ACCOUNT_FIELDS = ["industry", "size", "region"]


class JournalConfig(BaseModel):
    """Options of the `journal` plugin; every one has a default that works."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relationships: list[str] = Field(default_factory=lambda: list(BIG_FOUR), min_length=1)
    big_four: list[str] = Field(default_factory=lambda: list(BIG_FOUR), description="relationships the dashboard tracks")
    channels: list[str] = Field(default_factory=lambda: list(CHANNELS), min_length=1)
    teams: list[str] = Field(default_factory=lambda: list(TEAMS), min_length=1)
    first_hand_team: str = "marketing"
    account_fields: list[str] = Field(default_factory=list, description="account attributes beyond industry, size, region")
    taxonomies: list[str] = Field(default_factory=list, description="extra front-matter lists indexed as segments")
    stale_days: int = Field(default=180, ge=1)
    coverage_windows: list[int] = Field(default_factory=lambda: [30, 90, 365], min_length=1)
    strict_tags: bool = False
    interviews_dir: str = "interviews"
    campaigns_dir: str = "campaigns"
    insights_dir: str = "insights"

    @field_validator("relationships", "channels", "teams", "account_fields", "taxonomies")
    @classmethod
    def _unique(cls, values: list[str]) -> list[str]:
        seen = set()
        for v in values:
            if not v.strip():
                raise ValueError("values must not be empty")
            if v in seen:
                raise ValueError(f"'{v}' is listed twice")
            seen.add(v)
        return values

    @model_validator(mode="after")
    def _consistent(self) -> "JournalConfig":
        unknown = [r for r in self.big_four if r not in self.relationships]
        if unknown:
            raise ValueError(f"big_four lists {', '.join(unknown)}, which is not in relationships")
        if self.first_hand_team not in self.teams:
            raise ValueError(f"first_hand_team '{self.first_hand_team}' is not in teams")
        return self

    @property
    def all_account_fields(self) -> list[str]:
        return BUILTIN_ACCOUNT_FIELDS + [f for f in self.account_fields if f not in BUILTIN_ACCOUNT_FIELDS]
