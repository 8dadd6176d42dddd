"""Settings shared by the stages: the queue, the custom-field mapping, the paths.

Read from ``casecat.yml`` at the project root when it exists (every key optional), else the
defaults below, which match EGI's ``technical-support-cases`` queue. Imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

#: Logical field -> the RT custom field that holds it. Another organisation's queue only
#: needs a different mapping here (``fields:`` in casecat.yml).
DEFAULT_FIELDS: dict[str, str] = {
    "implementation_status": "Implementation status",
    "disciplines": "Scientific discipline",
    "virtual_organisations": "Virtual Organisation",
    "sites": "Sites involved",
    "links": "Links to related documents",
    "external_contacts": "External contacts",
}


class ConfigError(ValueError):
    """casecat.yml is unreadable or names something unknown."""


#: what a build reads besides the data: the project's MkDocs settings, templates and pages
PROJECT_FILES = ("mkdocs.yml", "templates", "docs")


def find_project_root(candidates: list[Path]) -> Path:
    """The first folder holding the project's files (a checkout of the repository).

    They are not package data: a site is made from a checkout, where they can be edited."""
    for folder in candidates:
        if all((folder / name).exists() for name in PROJECT_FILES):
            return folder
    raise ConfigError(
        "no project here: casecat builds from a checkout of its repository (mkdocs.yml, templates/ "
        "and docs/ in the current folder); run it there"
    )


@dataclass(frozen=True)
class Config:
    queue: str = "technical-support-cases"
    #: logical field name -> RT custom field name
    fields: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELDS))
    #: base URL of the RT web UI used for "view in RT" links; '' hides the links
    rt_web_url: str = ""
    #: where raw RT data is cached between runs (private, git-ignored)
    cache_dir: Path = Path(".casecat/cache")
    #: generated Markdown pages (git-ignored), read by mkdocs
    build_dir: Path = Path("build")
    site_dir: Path = Path("site")
    reports_dir: Path = Path("reports")
    #: publish the affiliation and role of external contacts (names and addresses never)
    publish_contact_affiliations: bool = True

    def cf(self, logical: str) -> str:
        return self.fields[logical]


def load_config(path: Path | None = None) -> Config:
    """Reads casecat.yml (or the given file); a missing default file means the defaults."""
    if path is None:
        path = Path("casecat.yml")
        if not path.exists():
            return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return config_from_mapping(data, origin=str(path))


def config_from_mapping(data: dict[str, Any], origin: str = "configuration") -> Config:
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{origin}: unknown setting(s) {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "fields":
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: 'fields' must map logical names to RT field names")
            bad = sorted(set(value) - set(DEFAULT_FIELDS))
            if bad:
                raise ConfigError(
                    f"{origin}: unknown field(s) {', '.join(bad)}; "
                    f"known: {', '.join(DEFAULT_FIELDS)}"
                )
            value = {**DEFAULT_FIELDS, **{k: str(v) for k, v in value.items()}}
        elif key.endswith("_dir"):
            value = Path(value)
        values[key] = value
    return replace(Config(), **values)
