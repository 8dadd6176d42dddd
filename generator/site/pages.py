"""Rendering: the public snapshot becomes Markdown pages (front matter + HTML blocks).

``render_pages`` is pure: it returns ``{path under docs: text}``; ``write_pages`` puts them on
disk beside a copy of the hand-written ``docs/``. Templates autoescape everything.
"""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.model import ImplementationStatus, PublicCase, PublicSnapshot
from generator.site import urls
from generator.site.exports import export_files
from generator.site.text import front_matter


def template_env(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["day"] = day
    env.globals.update(
        statuses=list(ImplementationStatus),
        case_url=lambda case_id: urls.page_url(urls.case_path(case_id)),
        status_url=lambda s: urls.page_url(urls.status_path(s)),
        discipline_url=lambda name: urls.page_url(urls.discipline_path(name)),
    )
    return env


def paragraphs(text: str) -> Markup:
    """Plain text as escaped HTML paragraphs; single newlines kept as line breaks."""
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return Markup("\n").join(
        Markup("<p>") + Markup("<br>\n").join(escape(line) for line in b.split("\n")) + Markup("</p>") for b in blocks
    )


def day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _page(env: jinja2.Environment, template: str, path: str, meta: dict, **context) -> str:
    body = env.get_template(template).render(root=urls.root_of(path), **context)
    return front_matter(**meta) + '<div class="cc-page">\n' + body.strip() + "\n</div>\n"


def by_status(cases: tuple[PublicCase, ...]) -> dict[ImplementationStatus | None, list[PublicCase]]:
    groups: dict[ImplementationStatus | None, list[PublicCase]] = {s: [] for s in [*ImplementationStatus, None]}
    for case in cases:
        groups.setdefault(case.implementation_status, []).append(case)
    return groups


def by_discipline(cases: tuple[PublicCase, ...]) -> dict[str, list[PublicCase]]:
    groups: dict[str, list[PublicCase]] = defaultdict(list)
    for case in cases:
        for name in case.disciplines:
            groups[name].append(case)
    return dict(sorted(groups.items(), key=lambda kv: kv[0].casefold()))


def render_pages(snapshot: PublicSnapshot, env: jinja2.Environment) -> dict[str, str]:
    cases = tuple(sorted(snapshot.cases, key=lambda c: c.id))
    statuses = by_status(cases)
    disciplines = by_discipline(cases)
    common = {"snapshot": snapshot}
    pages: dict[str, str] = {}

    for case in cases:
        path = urls.case_path(case.id)
        title = f"{case.subject} (case {case.id})"
        pages[path] = _page(
            env, "case.md.j2", path,
            {"title": title, "description": f"Support case {case.id}: {case.subject}"},
            case=case, **common,
        )
    for case_id in snapshot.withdrawn_ids:
        path = urls.case_path(case_id)
        pages[path] = _page(env, "tombstone.md.j2", path, {"title": f"Case {case_id}", "search": {"exclude": True}},
                            case_id=case_id, **common)
    for status, members in statuses.items():
        if status is None:
            continue
        path = urls.status_path(status)
        pages[path] = _page(env, "status.md.j2", path, {"title": f"Status: {status.label}", "description": status.meaning},
                            status=status, cases=members, **common)
    pages["status/index.md"] = _page(env, "status_index.md.j2", "status/index.md",
                                     {"title": "Cases by implementation status"},
                                     groups=statuses, total=len(cases), **common)
    for name, members in disciplines.items():
        path = urls.discipline_path(name)
        pages[path] = _page(env, "discipline.md.j2", path, {"title": f"Discipline: {name}"},
                            name=name, cases=members, **common)
    undisciplined = [c for c in cases if not c.disciplines]
    pages["discipline/index.md"] = _page(env, "discipline_index.md.j2", "discipline/index.md",
                                         {"title": "Cases by scientific discipline"},
                                         groups=disciplines, undisciplined=undisciplined, **common)
    pages["cases/index.md"] = _page(env, "cases.md.j2", "cases/index.md", {"title": "All cases"},
                                    cases=cases, **common)
    pages["index.md"] = _page(env, "home.md.j2", "index.md", {"title": "Case Catalogue"},
                              cases=cases, groups=statuses, disciplines=disciplines,
                              recent=sorted(cases, key=lambda c: (c.last_updated, c.id), reverse=True)[:10],
                              discipline_count=len(disciplines), **common)
    return pages


def write_pages(
    snapshot: PublicSnapshot, templates_dir: Path, handwritten_docs: Path, out_docs: Path
) -> int:
    """Writes a fresh docs folder: the hand-written pages, the generated ones, the exports."""
    if out_docs.exists():
        shutil.rmtree(out_docs)
    shutil.copytree(handwritten_docs, out_docs)
    env = template_env(templates_dir / "pages")
    files: dict[str, str | bytes] = {**render_pages(snapshot, env), **export_files(snapshot)}
    for rel, content in files.items():
        target = out_docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return len(files)


def status_counts(cases: tuple[PublicCase, ...]) -> Counter:
    return Counter(c.implementation_status for c in cases)
