"""Settings shared by the stages: the queue, the custom-field mapping, the paths.

Read from ``casecat.yml`` at the project root when it exists (every key optional), else the
defaults below, which match EGI's ``technical-support-cases`` queue. Every setting is checked
when it is read, and every problem is reported at once, one line each, so that a typo is
fixed in one go and never reaches a page (a ``rt_web_url`` that is not an http(s) address
would become a script link). Imports nothing of ours.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    """casecat.yml is unreadable or holds something wrong: one line per problem."""

    def __init__(self, lines: str | list[str]):
        self.lines = (lines,) if isinstance(lines, str) else tuple(lines)
        super().__init__("\n".join(self.lines))


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
    #: the build fails when more than this share of the tickets cannot be read, screened or
    #: rendered (one bad ticket is withheld and the rest published; many mean a systemic fault)
    max_failing_share: float = 0.1

    def cf(self, logical: str) -> str:
        return self.fields[logical]

    def published_settings(self) -> str:
        """The settings that shape what is published, as text for a digest: the folders are left
        out, since where files go changes nothing screened or rendered."""
        return repr(sorted((f.name, getattr(self, f.name)) for f in dataclasses.fields(self)
                           if not f.name.endswith("_dir")))


def load_config(path: Path | None = None) -> Config:
    """Reads casecat.yml (or the given file); a missing default file means the defaults."""
    if path is None:
        path = Path("casecat.yml")
        if not path.exists():
            return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {one_line(str(exc))}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return config_from_mapping(data, origin=str(path))


def config_from_mapping(data: dict[str, Any], origin: str = "configuration") -> Config:
    """The settings in ``data`` over the defaults; every problem is one line of the ConfigError."""
    problems: list[str] = []
    known = {f.name for f in fields(Config)}
    unknown = sorted(str(k) for k in data if k not in known)
    if unknown:
        problems.append(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        check = _CHECKS.get(key, _check_path if key.endswith("_dir") else None)
        try:
            values[key] = check(value) if check else value
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    if problems:
        raise ConfigError([f"{origin}: {p}" for p in problems])
    return replace(Config(), **values)


# --- one check per setting: the clean value, or ValueError saying what is wrong -------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """Text folded onto one line (error messages of libraries span several)."""
    return " ".join(text.split())


def _check_name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty text")
    if _CONTROL.search(value) or len(value) > 200:
        raise ValueError(f"{what} must be one line of at most 200 characters")
    return value.strip()


def _check_queue(value: Any) -> str:
    return _check_name(value, "the queue name")


def _check_fields(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("must map logical names to RT field names")
    bad = sorted(str(k) for k in value if k not in DEFAULT_FIELDS)
    if bad:
        raise ValueError(f"unknown field(s) {', '.join(bad)}; known: {', '.join(DEFAULT_FIELDS)}")
    mapping = {**DEFAULT_FIELDS, **{k: _check_name(v, f"the RT field name of {k}") for k, v in value.items()}}
    by_name: dict[str, list[str]] = {}
    for logical, name in mapping.items():
        by_name.setdefault(name.casefold(), []).append(logical)
    shared = [names for names in by_name.values() if len(names) > 1]
    if shared:
        raise ValueError("; ".join(f"{' and '.join(n)} name the same RT field" for n in shared))
    return mapping


#: what an http(s) URL may hold (RFC 3986's characters): no space, quote, bracket or backslash
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\[\]]+")


def http_url_problem(value: Any) -> str | None:
    """Why ``value`` is not a plain absolute http(s) base URL, or None when it is one."""
    if not isinstance(value, str):
        return "must be a text"
    if not _URL_CHARS.fullmatch(value):
        return "must be an absolute http(s) URL without spaces, control characters or quotes"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "must be an absolute http(s) URL such as https://rt.example.org"
    if "@" in parts.netloc:
        return "must not hold credentials"
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return "must not have a query or fragment"
    try:
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        return "has a port that is not a number"
    return None


def _check_rt_web_url(value: Any) -> str:
    if value in ("", None):
        return ""
    problem = http_url_problem(value)
    if problem:
        raise ValueError(problem)
    return value.rstrip("/")


def _check_path(value: Any) -> Path:
    if not isinstance(value, str | Path) or not str(value).strip() or _CONTROL.search(str(value)):
        raise ValueError("must be a folder name")
    return Path(value)


def _check_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _check_share(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError("must be a number from 0 to 1 (0.1 is 10%)")
    return float(value)


_CHECKS = {
    "queue": _check_queue,
    "fields": _check_fields,
    "rt_web_url": _check_rt_web_url,
    "publish_contact_affiliations": _check_bool,
    "max_failing_share": _check_share,
}
