"""Rendering: the public snapshot becomes Markdown pages (front matter + HTML blocks).

``render_pages`` is pure: it returns ``{path under docs: text}``; ``write_pages`` puts them on
disk beside a copy of the hand-written ``docs/``, with the exports and the feed. Templates
autoescape everything; the only markup that does not come from a template is the SVG of
``charts``, which escapes its labels itself.

Cost: every case is rendered once for its own page and appears in a fixed number of lists
(all cases, its status, year, VOs and disciplines with their parents), so rendering is linear
in the number of cases.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.model import STALE_AFTER_DAYS, ImplementationStatus, PublicCase, PublicSnapshot
from generator.site import charts, metrics, urls
from generator.site.build import resolve_site_url
from generator.site.exports import export_files
from generator.site.feeds import atom_feed
from generator.site.text import front_matter


def template_env(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat() per page
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["day"] = day
    env.filters["duration"] = duration
    env.filters["plural"] = plural
    env.globals.update(
        statuses=list(ImplementationStatus),
        workflow=list(metrics.WORKFLOW),
        stale_after_days=STALE_AFTER_DAYS,
        stale_rule=STALE_RULE,
        community_name=metrics.community_name,
    )
    return env


def paragraphs(text: str) -> Markup:
    """Plain text as escaped HTML paragraphs; single newlines kept as line breaks.

    Each block is escaped whole (escaping leaves newlines alone), then its newlines become <br>.
    """
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return Markup("\n".join("<p>" + str(escape(b)).replace("\n", "<br>\n") + "</p>" for b in blocks))


def day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 case', '3 cases' (``nouns`` for irregular plurals)."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def duration(days: float | None, short: bool = False) -> str:
    """A span of days for people: 'less than a day', '12 days', '95 days (about 3 months)'."""
    if days is None:
        return "unknown"
    whole = int(days)
    if whole < 1:
        return "less than a day"
    text = plural(whole, "day")
    if whole >= 60 and not short:
        months = round(days / 30.44)
        text += f" (about {months} months)" if months < 24 else f" (about {days / 365.25:.1f} years)"
    return text


@dataclass(frozen=True)
class Links:
    """Site-root-relative URLs of every page kind; templates prefix them with ``root``."""

    discipline_slugs: dict[str, str]
    vo_slugs: dict[str, str]

    def case(self, case_id: int) -> str:
        return urls.page_url(urls.case_path(case_id))

    def status(self, status: ImplementationStatus) -> str:
        return urls.page_url(urls.status_path(status))

    def discipline(self, name: str) -> str:
        return urls.page_url(urls.discipline_page(self.discipline_slugs[_canonical(name)]))

    def vo(self, name: str) -> str:
        return urls.page_url(urls.vo_path(self.vo_slugs[name]))

    def year(self, year: int) -> str:
        return urls.page_url(urls.year_path(year))

    def page(self, md_path: str) -> str:
        return urls.page_url(md_path)


@functools.lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    return metrics.canonical_discipline(name)


class RowCache:
    """Each case's row of the case tables, rendered once per page depth and reused by every
    table that lists the case (all cases, its status, year, VOs and disciplines)."""

    def __init__(self, env: jinja2.Environment, links: Links):
        self.template = env.get_template("_case_row.html.j2")
        self.links = links
        self.rows: dict[tuple[int, str], Markup] = {}

    def __call__(self, case: PublicCase, root: str) -> Markup:
        key = (case.id, root)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = Markup(self.template.render(case=case, root=root, url=self.links).strip())
        return row


def _page(env: jinja2.Environment, template: str, path: str, meta: dict, **context) -> str:
    body = env.get_template(template).render(root=urls.root_of(path), **context)
    return front_matter(**meta) + '<div class="cc-page">\n' + body.strip() + "\n</div>\n"


def by_discipline(cases) -> dict[str, list[PublicCase]]:
    return metrics.group_by_value(cases, "disciplines")


def _status_bars(groups) -> list[charts.Bar]:
    bars = [charts.Bar(s.label, len(groups[s]), f"cc-status-{s.slug}") for s in ImplementationStatus]
    if groups[None]:
        bars.append(charts.Bar("No status", len(groups[None]), "cc-status-none"))
    return bars


#: stale cases the dashboard shows (all of them are on stale/)
STALE_PREVIEW = 20
STALE_RULE = (
    f"A case is stale when it is still in progress (not yet in production, closed or cancelled) and "
    f"has shown no progress (no status change and no reply) for more than {STALE_AFTER_DAYS} days "
    f"before the snapshot; the queue's owners get a reminder after two weeks without progress."
)


def dashboard_context(snapshot: PublicSnapshot, cases, statuses, tree, years) -> dict:
    now = snapshot.fetched_at
    stale = metrics.stale_cases(cases, now)
    top = [charts.Bar(n.label, n.count) for n in sorted(tree, key=lambda n: (-n.count, n.label.casefold()))]
    year_bars = [charts.Bar(str(y), len(members)) for y, members in years.items()]
    return {
        "now": now,
        "stale": [(c, metrics.days_without_progress(c, now)) for c in stale],
        "stale_preview": STALE_PREVIEW,
        "production": len(statuses[ImplementationStatus.PRODUCTION]),
        "active": sum(1 for c in cases if c.implementation_status and c.implementation_status.is_active),
        "to_production": metrics.median_time_to_production(cases),
        "phase_medians": metrics.median_phase_days(cases),
        "status_bars": _status_bars(statuses),
        "discipline_bars": top,
        "year_bars": year_bars,
        "status_chart": Markup(charts.hbar_chart(_status_bars(statuses), chart_id="chart-status",
                                                 title="Cases per implementation status")),
        "discipline_chart": Markup(charts.hbar_chart(top, chart_id="chart-discipline",
                                                     title="Cases per top-level scientific discipline")),
        "year_chart": Markup(charts.column_chart(year_bars, chart_id="chart-year", title="Cases opened per year")),
    }


def render_pages(snapshot: PublicSnapshot, env: jinja2.Environment, site_url: str = "") -> dict[str, str]:
    cases = tuple(sorted(snapshot.cases, key=lambda c: c.id))
    statuses = metrics.group_by_status(cases)
    tree = metrics.discipline_tree(cases)
    nodes = list(metrics.walk(tree))
    vos = metrics.group_by_value(cases, "virtual_organisations")
    years = metrics.group_by_year(cases)
    link = Links(urls.unique_slugs(n.name for n in nodes), urls.unique_slugs(vos))
    now = snapshot.fetched_at
    common = {"snapshot": snapshot, "url": link, "case_row": RowCache(env, link)}
    pages: dict[str, str] = {}

    def add(path: str, template: str, meta: dict, **context) -> None:
        pages[path] = _page(env, template, path, meta, **common, **context)

    for case in cases:
        add(urls.case_path(case.id), "case.md.j2",
            {"title": f"{case.subject} (case {case.id})", "description": f"Support case {case.id}: {case.subject}"},
            case=case, community=metrics.community_name(case.subject),
            phases=metrics.phases(case.status_history, now), stale=metrics.is_stale(case, now),
            idle_days=metrics.days_without_progress(case, now) if now else None,
            permalink=urls.absolute_url(site_url, link.case(case.id)))
    redirects = urls.resolve_redirects(snapshot.redirects, (c.id for c in cases))
    for old, new in redirects.items():
        path = urls.case_path(old)
        target = urls.root_of(path) + link.case(new)
        add(path, "redirect.md.j2", {"title": f"Case {old} is now case {new}", "redirect_to": target,
                                     "robots": "noindex", "search": {"exclude": True}},
            old=old, new=new, target=target)
    for case_id in snapshot.withdrawn_ids:
        if case_id in redirects or urls.case_path(case_id) in pages:
            continue
        add(urls.case_path(case_id), "tombstone.md.j2",
            {"title": f"Case {case_id}", "robots": "noindex", "search": {"exclude": True}}, case_id=case_id)

    funnel = metrics.funnel(cases)
    for status in ImplementationStatus:
        add(urls.status_path(status), "status.md.j2",
            {"title": f"Status: {status.label}", "description": status.meaning},
            status=status, cases=statuses[status])
    add(urls.STATUS_INDEX, "status_index.md.j2", {"title": "Cases by implementation status"},
        groups=statuses, total=len(cases), funnel=funnel,
        chart=Markup(charts.hbar_chart(
            [charts.Bar(r.status.label, r.reached, f"cc-status-{r.status.slug}") for r in funnel if r.reached is not None],
            chart_id="chart-funnel", title="Cases that reached each workflow stage")))

    for node in nodes:
        add(urls.discipline_page(link.discipline_slugs[node.name]), "discipline.md.j2",
            {"title": f"Discipline: {node.name}", "description": f"Support cases in {node.name}"},
            node=node, cases=[c for c in node.cases if c.id in node.direct],  # a parent links its children
            trail=[("By discipline", "discipline/"),
                   *((label, link.discipline(name)) for label, name in _ancestors(node.name)),
                   (node.label, None)])
    undisciplined = [c for c in cases if not c.disciplines]
    add(urls.DISCIPLINE_INDEX, "discipline_index.md.j2", {"title": "Cases by scientific discipline"},
        tree=tree, node_count=len(nodes), total=len(cases), undisciplined=undisciplined)

    for name, members in vos.items():
        add(urls.vo_path(link.vo_slugs[name]), "vo.md.j2",
            {"title": f"Virtual organisation: {name}", "description": f"Support cases of the VO {name}"},
            name=name, cases=members)
    add(urls.VO_INDEX, "vo_index.md.j2", {"title": "Cases by virtual organisation"},
        groups=vos, total=len(cases), without=sum(1 for c in cases if not c.virtual_organisations))

    for year, members in years.items():
        add(urls.year_path(year), "year.md.j2", {"title": f"Cases opened in {year}"}, year=year, cases=members)
    add(urls.YEAR_INDEX, "year_index.md.j2", {"title": "Cases by year opened"},
        groups=years, total=len(cases),
        chart=Markup(charts.column_chart([charts.Bar(str(y), len(m)) for y, m in years.items()],
                                         chart_id="chart-years", title="Cases opened per year")))

    add(urls.CASES_INDEX, "cases.md.j2", {"title": "All cases"}, cases=cases)
    dashboard = dashboard_context(snapshot, cases, statuses, tree, years)
    add(urls.DASHBOARD, "dashboard.md.j2",
        {"title": "Dashboard", "description": "Where the support cases stand: statuses, disciplines, years, "
                                              "time to production and stale cases."},
        cases=cases, **dashboard)
    add(urls.STALE, "stale.md.j2", {"title": "Stale cases"},
        stale=dashboard["stale"], active=dashboard["active"], now=now)
    add("index.md", "home.md.j2", {"title": "Case Catalogue"},
        cases=cases, groups=statuses, discipline_count=len(nodes), vo_count=len(vos),
        recent=sorted(cases, key=lambda c: (c.last_progress, c.id), reverse=True)[:10],
        stale_count=len(dashboard["stale"]))
    return pages


def _ancestors(name: str) -> list[tuple[str, str]]:
    """(label, full name) of each level above a discipline, top first."""
    levels = metrics.discipline_levels(name)
    return [(levels[i], metrics.DISCIPLINE_SEPARATOR.join(levels[: i + 1])) for i in range(len(levels) - 1)]


def write_pages(
    snapshot: PublicSnapshot, templates_dir: Path, handwritten_docs: Path, out_docs: Path,
    site_url: str | None = None,
) -> int:
    """Writes a fresh docs folder: the hand-written pages, the generated ones, the exports.

    ``site_url`` None: as the build config will have it (env SITE_URL, else the project's
    mkdocs.yml beside ``templates_dir``), so permalinks, feed and sitemap agree.
    """
    if site_url is None:
        site_url = resolve_site_url(templates_dir.parent / "mkdocs.yml")
    if out_docs.exists():
        shutil.rmtree(out_docs)
    shutil.copytree(handwritten_docs, out_docs)
    env = template_env(templates_dir / "pages")
    files: dict[str, str | bytes] = {
        **render_pages(snapshot, env, site_url),
        **export_files(snapshot),
        urls.FEED: atom_feed(snapshot, site_url),
    }
    for rel, content in files.items():
        target = urls.inside(out_docs, rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return len(files)
