"""The URL contract: where each page lives. Other tools and people link these, so they never
change: a case lives at ``cases/<RT ticket id>/`` whatever its subject becomes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from generator.model import ImplementationStatus


def case_path(case_id: int) -> str:
    return f"cases/{case_id}.md"


def status_path(status: ImplementationStatus) -> str:
    return f"status/{status.slug}.md"


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


#: longest slug: a page's file name stays far below the 255 bytes file systems allow, and the
#: longest real discipline names (four levels) keep their full slug
SLUG_LIMIT = 120
#: slugs a name never gets: a folder's own index page, and the site's top-level folders and
#: files (a page must never take another page's or the theme's address)
RESERVED_SLUGS = frozenset({
    "index", "404", "assets", "search", "data", "cases", "status", "discipline", "vo", "year", "centre",
    "dashboard", "stale", "feed", "sitemap", "javascripts", "stylesheets", "about",
})


def slugify(text: str) -> str:
    """ASCII slug, stable for a given name: only ``[a-z0-9-]``, so never a path of its own.

    Names with no Latin letters get a short hash; a slug over SLUG_LIMIT is cut and ends with a
    hash of the whole name (so names that share a long start stay apart); a reserved slug gets
    the hash appended.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) < 2:
        slug = "d-" + _digest(text)[:10]
    elif len(slug) > SLUG_LIMIT:
        slug = slug[: SLUG_LIMIT - 9].rstrip("-") + "-" + _digest(text)[:8]
    elif slug in RESERVED_SLUGS:
        slug = f"{slug}-{_digest(text)[:8]}"
    return slug


def _digest(text: str) -> str:
    # surrogatepass: a name is hashed whatever it holds (records clean text, but a slug must
    # never be the place where a build stops)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- The browsing pages -------------------------------------------------------------------

CASES_INDEX = "cases/index.md"
STATUS_INDEX = "status/index.md"
DISCIPLINE_INDEX = "discipline/index.md"
VO_INDEX = "vo/index.md"
YEAR_INDEX = "year/index.md"
DASHBOARD = "dashboard/index.md"
STALE = "stale/index.md"
FEED = "feed.xml"
CASES_JSON = "data/cases.json"
CASES_CSV = "data/cases.csv"
CENTRE_INDEX = "centre/index.md"


def discipline_page(slug: str) -> str:
    """A discipline page; ``slug`` from ``unique_slugs`` over all discipline names."""
    return f"discipline/{slug}.md"


def vo_path(slug: str) -> str:
    """Cases of one virtual organisation; ``slug`` from ``unique_slugs`` over all VO names."""
    return f"vo/{slug}.md"


def centre_path(slug: str) -> str:
    """Cases naming one resource centre ("Sites involved"); ``slug`` from ``unique_slugs`` over
    all centre names. Not ``site/``, which readers would take for the build folder."""
    return f"centre/{slug}.md"


def page_of(md_path: str, number: int) -> str:
    """Page ``number`` (2 and up) of a long list whose first page is ``md_path``:
    ``status/production.md`` -> ``status/production/page/2.md`` (URL ``status/production/page/2/``)."""
    return f"{md_path[: -len('.md')]}/page/{number}.md"


_LATER_PAGE = re.compile(r"(.+/)page/[0-9]+/")


def md_path_of(url: str) -> str:
    """The Markdown file MkDocs serves at a directory URL (``page_url`` the other way):
    ``centre/foo/`` -> ``centre/foo.md``."""
    return url.rstrip("/") + ".md"


def first_page_url(url: str) -> str:
    """The first page of the list a page URL belongs to: ``vo/x/page/3/`` -> ``vo/x/``."""
    later = _LATER_PAGE.fullmatch(url)
    return later.group(1) if later else url


def year_path(year: int) -> str:
    return f"year/{year:04d}.md"


def unique_slugs(names) -> dict[str, str]:
    """A slug for each name, distinct within the set: ``slugify(name)`` unless two names share it.

    Names sharing a slug keep it for the first in sorted order; the others get a short hash of
    the name appended (stable for a given name). A name alone keeps its plain slug, so adding
    this did not move any existing page.
    """
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(slugify(name), []).append(name)
    result = {}
    taken = set(by_slug)
    for slug, group in by_slug.items():
        result[group[0]] = slug
        for name in group[1:]:
            candidate = f"{slug}-{_digest(name)[:8]}"
            while candidate in taken:
                candidate += "x"
            taken.add(candidate)
            result[name] = candidate
    return result


def absolute_url(site_url: str, url: str) -> str:
    """``url`` (relative to the site root) under ``site_url``; unchanged when there is none."""
    if not site_url:
        return url
    return site_url.rstrip("/") + "/" + url


def resolve_redirects(redirects: dict[int, int], live_ids) -> dict[int, int]:
    """Merged ticket id -> the live case it ended up in, following chains (a->b->c gives a->c).

    An id that is itself a live case keeps its page (no redirect); a chain that ends in no live
    case, or loops, gives no redirect (a withdrawn id then keeps its tombstone).
    """
    live = set(live_ids)
    result = {}
    for old in redirects:
        if old in live:
            continue
        seen, target = {old}, redirects[old]
        while target not in live and target in redirects and target not in seen:
            seen.add(target)
            target = redirects[target]
        if target in live:
            result[old] = target
    return dict(sorted(result.items()))


def inside(root: Path, relative: str) -> Path:
    """``root / relative``, refused (ValueError) unless it stays inside ``root``: whatever a
    page's address is made of, the build writes nothing outside its folder."""
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts or "\x00" in relative or "\\" in relative:
        raise ValueError(f"refusing to write outside {root}: {relative[:80]!r}")
    return root / relative
