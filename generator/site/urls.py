"""The URL contract: where each page lives. Other tools and people link these, so they never
change: a case lives at ``cases/<RT ticket id>/`` whatever its subject becomes."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from generator.model import ImplementationStatus


def case_path(case_id: int) -> str:
    return f"cases/{case_id}.md"


def status_path(status: ImplementationStatus) -> str:
    return f"status/{status.slug}.md"


def discipline_path(name: str) -> str:
    return f"discipline/{slugify(name)}.md"


def page_url(md_path: str) -> str:
    """The directory URL MkDocs gives a Markdown file (use_directory_urls)."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"


def root_of(md_path: str) -> str:
    """The relative prefix from a page to the site root."""
    return "../" * page_url(md_path).count("/")


def slugify(text: str) -> str:
    """ASCII slug, stable for a given name; names with no Latin letters get a short hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) < 2:
        slug = "d-" + hashlib.sha1(text.encode()).hexdigest()[:10]
    return slug
