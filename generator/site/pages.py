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

import dataclasses
import functools
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar, cast

import jinja2
import yaml
from markupsafe import Markup, escape

from generator.model import STALE_AFTER_DAYS, ImplementationStatus, PublicCase, PublicSnapshot, utc_iso
from generator.site import charts, csp, fieldtables, metrics, urls
from generator.site.build import resolve_site_url
from generator.site.digest import Digester
from generator.site.engine_hook import bytecode_cache
from generator.site.exports import CaseExports, export_files
from generator.site.feeds import atom_feed
from generator.site.render import Page, Renderer, write_docs
from generator.site.text import lead, without_bidi_controls

#: rows of a case list per page (status, discipline, year, VO and centre pages); the all-cases
#: table is the one complete list
PAGE_SIZE = 100
#: replies shown open on a case page; older ones are folded
SHOWN_REPLIES = 3
SITE_NAME = "EGI Case Catalogue"


def template_env(templates_dir: Path, cache: Path | None = None) -> jinja2.Environment:
    """The page templates' environment; ``cache``: where their compiled code is kept between
    builds (``engine_hook.bytecode_cache``: compiling them was ~0.2 s of every build)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat() per page
        finalize=displayed,
    )
    # JSON in a page (the case's structured data) keeps its text as text: the UTF-8 bytes of a
    # non-Latin subject, not six-byte escapes; tojson still escapes < > & ' so no value can end
    # the script element it is in; compact, as a program reads it
    if cache is not None:
        env.bytecode_cache = bytecode_cache(cache)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    env.filters["paragraphs"] = paragraphs
    env.filters["day"] = day
    env.filters["duration"] = duration
    env.filters["plural"] = plural
    env.filters["noun"] = noun_for
    env.filters["lead"] = lead
    env.filters["canonical_discipline"] = _canonical
    env.globals.update(
        statuses=list(ImplementationStatus),
        workflow=list(metrics.WORKFLOW),
        stale_after_days=STALE_AFTER_DAYS,
        stale_rule=STALE_RULE,
        community_name=metrics.community_name,
    )
    return env


def displayed(value):
    """Every value a template prints, without bidirectional controls (Markup stays Markup)."""
    if isinstance(value, Markup):
        return Markup(without_bidi_controls(str(value)))
    if isinstance(value, str):
        return without_bidi_controls(value)
    return value


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
    return f"{count} {noun_for(count, noun, nouns)}"


def noun_for(count: int, noun: str, nouns: str | None = None) -> str:
    """The noun alone, agreeing with ``count`` (for a number set apart, as in the stats)."""
    return noun if count == 1 else (nouns or noun + "s")


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
    """Site-root-relative URLs of every page kind; templates prefix them with ``root``.

    A VO or centre named by a single case has no list page of its own: ``vo`` and ``centre``
    lead straight to that case (its address still answers, with a forward to the case).
    """

    discipline_slugs: dict[str, str]
    vo_slugs: dict[str, str]
    centre_slugs: dict[str, str]
    only_case: dict[tuple[str, str], int]  # ("vo" | "centre", name) -> the one case naming it

    def case(self, case_id: int) -> str:
        return urls.page_url(urls.case_path(case_id))

    def status(self, status: ImplementationStatus) -> str:
        return urls.page_url(urls.status_path(status))

    def discipline(self, name: str) -> str:
        return urls.page_url(urls.discipline_page(self.discipline_slugs[_canonical(name)]))

    def vo(self, name: str) -> str:
        single = self.only_case.get(("vo", name))
        return self.case(single) if single else urls.page_url(urls.vo_path(self.vo_slugs[name]))

    def centre(self, name: str) -> str:
        single = self.only_case.get(("centre", name))
        return self.case(single) if single else urls.page_url(urls.centre_path(self.centre_slugs[name]))

    def is_single(self, kind: str, name: str) -> bool:
        return (kind, name) in self.only_case

    def year(self, year: int) -> str:
        return urls.page_url(urls.year_path(year))

    def page(self, md_path: str) -> str:
        return urls.page_url(md_path)

    def entries(self, case: PublicCase) -> tuple:
        """What the names of one case link to (part of the case's render digest): the slugs of
        its disciplines and of every level above them, and for its VOs and centres the list
        page or, when the case is the only one naming it, the case."""
        disciplines = {_canonical(level) for d in case.disciplines for level in _levels_of(d)}
        return (
            tuple((d, self.discipline_slugs.get(d)) for d in sorted(disciplines)),
            tuple((v, self.vo_slugs.get(v), self.only_case.get(("vo", v))) for v in case.virtual_organisations),
            tuple((c, self.centre_slugs.get(c), self.only_case.get(("centre", c))) for c in case.sites),
        )

    def restricted(self, cases) -> Links:
        """The same links for the names of ``cases`` only: what a page listing those cases may
        link, and all its render digest covers (any other name fails the render, loudly)."""
        disciplines: dict[str, str] = {}
        vos: dict[str, str] = {}
        centres: dict[str, str] = {}
        only: dict[tuple[str, str], int] = {}
        for case in cases:
            for d in case.disciplines:
                for level in _levels_of(d):
                    name = _canonical(level)
                    if name in self.discipline_slugs:
                        disciplines[name] = self.discipline_slugs[name]
            for kind, names, slugs, chosen in (("vo", case.virtual_organisations, self.vo_slugs, vos),
                                                ("centre", case.sites, self.centre_slugs, centres)):
                for name in names:
                    if name in slugs:
                        chosen[name] = slugs[name]
                    if (kind, name) in self.only_case:
                        only[(kind, name)] = self.only_case[(kind, name)]
        return Links(disciplines, vos, centres, only)


@functools.lru_cache(maxsize=4096)
def _canonical(name: str) -> str:
    return metrics.canonical_discipline(name)


@functools.lru_cache(maxsize=4096)
def _levels_of(name: str) -> tuple[str, ...]:
    """A discipline name and every level above it ("A / B / C": "A", "A / B", "A / B / C")."""
    levels = metrics.discipline_levels(name)
    return tuple(metrics.DISCIPLINE_SEPARATOR.join(levels[: i + 1]) for i in range(len(levels))) or (name,)


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
        "stale": [(c, metrics.days_without_progress(c, now)) for c in stale] if now else [],
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
        "year_chart": Markup(charts.hbar_chart(year_bars, chart_id="chart-year", title="Cases opened per year")),
    }


@dataclass(frozen=True)
class Pager:
    """Where one page of a long case list sits among its siblings (``urls`` are site-relative)."""

    number: int
    count: int
    urls: tuple[str, ...]
    total: int  # cases in the whole list
    first_row: int  # 1-based position of this page's first case

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def window(self, around: int = 2) -> list[tuple[int, str]]:
        """The page numbers worth a link: the first, the last, and those near this one."""
        keep = {1, self.count, *range(self.number - around, self.number + around + 1)}
        return [(n, self.urls[n - 1]) for n in range(1, self.count + 1) if n in keep]


T = TypeVar("T")


def paginate(path: str, cases: Sequence[T], size: int | None = None):
    """``(page path, cases on it, pager)`` for each page of a list; page 1 keeps ``path``."""
    size = size or PAGE_SIZE
    count = max(1, -(-len(cases) // size))
    paths = [path] + [urls.page_of(path, n) for n in range(2, count + 1)]
    links = tuple(urls.page_url(p) for p in paths)
    for n, page_path in enumerate(paths, start=1):
        yield page_path, cases[(n - 1) * size:n * size], Pager(n, count, links, len(cases), (n - 1) * size + 1)


def forward_page(target: str, title: str) -> str:
    """A bare page that sends the reader to ``target`` (relative), for an address whose list
    would have one row; written as a static file, it costs a few hundred bytes, not a themed page."""
    href = escape(target)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n"
        f'<meta http-equiv="Content-Security-Policy" content="{csp.BARE_POLICY}">\n'
        '<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<title>{escape(without_bidi_controls(title))}</title>\n</head>\n<body>\n"
        f'<p><a href="{href}">{escape(without_bidi_controls(title))}</a></p>\n</body>\n</html>\n'
    )


def structured_data(case: PublicCase, permalink: str, site_name: str, catalogue_url: str) -> dict:
    """The case described for search engines (schema.org, as JSON-LD): the same screened values
    the page shows (subject, the first sentence of the description, dates, disciplines). The
    addresses only when they are absolute: a relative one would resolve against the page."""
    data: dict = {
        "@context": "https://schema.org", "@type": "Article", "identifier": str(case.id),
        "headline": case.subject, "name": case.subject,
        "dateCreated": utc_iso(case.created), "dateModified": utc_iso(case.last_updated),
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    description = lead(case.description, 200)
    if description:
        data["description"] = description
    disciplines = sorted({_canonical(d) for d in case.disciplines})
    if disciplines:
        data["about"] = [{"@type": "Thing", "name": d} for d in disciplines]
    if catalogue_url:
        data["url"] = permalink
        data["isPartOf"]["url"] = catalogue_url
    return data


def case_meta(case: PublicCase, **_) -> dict:
    """A case page's description (front matter): made only for a page rendered, from its case."""
    status = case.implementation_status
    facts = [status.label if status else "No status yet", "; ".join(case.disciplines)]
    return {"description": " · ".join(f for f in [*facts, lead(case.description, 200)] if f)}


def case_context(case: PublicCase, permalink: str, site_name: str, rt_web_url: str, stale: bool,
                 catalogue_url: str = "") -> dict:
    """What a case page says about the case beyond its fields: the summary and the citation.

    Nothing here depends on the day the site is built, only on the case (``stale`` changes once,
    the day the case turns stale): a case page is built again when its case changes, not every
    night. How long the current status has lasted is counted in the reader's browser."""
    phases = metrics.phases(case.status_history, None)
    community = metrics.community_name(case.subject)
    status = case.implementation_status
    moves = [c for c in case.status_history if c.from_ is not None]
    last_message = case.messages[-1] if case.messages else None
    if moves and (last_message is None or moves[-1].date >= last_message.date):
        last_event = f"moved to {moves[-1].to.label}"
    elif last_message is not None:
        last_event = {"EGI": "a reply from EGI", "community": "a reply from the community"}.get(
            last_message.side, "a reply")
    else:
        last_event = "the case was opened"
    as_of = f"{status.label if status else 'no status'} as of {day(case.last_updated)}"
    citation = f"{site_name}. “{case.subject}”, case {case.id} ({as_of}). {permalink}"
    older = max(0, len(case.messages) - SHOWN_REPLIES)
    return {
        "case": case, "community": community, "phases": phases,
        "since": phases[-1] if phases else None,
        "need": lead(case.description), "last_event": last_event,
        "stale": stale, "rt_web_url": rt_web_url,
        "permalink": permalink, "citation": citation,
        "earlier_messages": case.messages[:older], "later_messages": case.messages[older:],
        "structured": structured_data(case, permalink, site_name, catalogue_url),
    }


@dataclass(frozen=True)
class NodeView:
    """What a discipline page shows of a node of the tree: its name and counts, and its subtree
    (never the cases themselves, so that each page of a long list digests only its own rows)."""

    name: str
    label: str
    count: int
    direct: int  # cases naming exactly this discipline
    children: tuple[NodeView, ...]
    #: its page's address from the site's root: a page of a long list holds only some of the
    #: subtree's cases, so the links of the subtree cannot come from them
    url: str = ""

    @classmethod
    def of(cls, node: metrics.DisciplineNode, links: Links) -> NodeView:
        return cls(node.name, node.label, node.count, len(node.direct), tuple(cls.of(c, links) for c in node.children),
                   links.discipline(node.name))


@dataclass(frozen=True)
class CaseRow:
    """What a row of a case list shows of a case (``_case_row.html.j2``): a list page is made
    from these, so it is rendered again only when a row of it would read differently."""

    id: int
    subject: str
    implementation_status: ImplementationStatus | None
    disciplines: tuple[str, ...]
    virtual_organisations: tuple[str, ...]
    sites: tuple[str, ...]
    created: datetime
    #: only the all-cases table shows it (None elsewhere)
    last_progress: datetime | None = None

    @classmethod
    def of(cls, case: PublicCase, progress: bool = False) -> CaseRow:
        return cls(case.id, case.subject, case.implementation_status, case.disciplines, case.virtual_organisations,
                   case.sites, case.created, case.last_progress if progress else None)


@dataclass(frozen=True)
class CaseRef:
    """What an index page that counts cases reads of each: its number, and the names of it the
    page may link (``Links.restricted``). Such a page (cases by status, discipline, year, VO, centre) is
    made from these, so a night's new replies, which change none of them, leave its digest as it
    was and it is not rendered again (the VO index alone was ~0.6 s at 10,000 cases)."""

    id: int
    disciplines: tuple[str, ...]
    virtual_organisations: tuple[str, ...]
    sites: tuple[str, ...]

    @classmethod
    def of(cls, case: PublicCase) -> CaseRef:
        return cls(case.id, case.disciplines, case.virtual_organisations, case.sites)


def refs_of(groups: Mapping, refs: Mapping[int, CaseRef]) -> dict:
    """``groups`` (a key -> its cases) with each case as its ``CaseRef``."""
    return {key: [refs[c.id] for c in members] for key, members in groups.items()}


def tree_of_refs(nodes: list[metrics.DisciplineNode], refs: Mapping[int, CaseRef]) -> list[metrics.DisciplineNode]:
    """The discipline tree with each node's cases as their ``CaseRef`` (the discipline index)."""
    return [dataclasses.replace(n, children=tree_of_refs(n.children, refs),
                                cases=cast("list[PublicCase]", [refs[c.id] for c in n.cases])) for n in nodes]


#: the index pages whose addresses are kept once published (a list page, or a VO's or centre's
#: forward to its one case): the first part of the address -> (the index it belongs to, what it
#: lists cases by). ``publish.KEPT_INDEX_ADDRESS`` accepts exactly these kinds.
KEPT_INDEX_KINDS = {
    "vo": (urls.VO_INDEX, "virtual organisation"),
    "centre": (urls.CENTRE_INDEX, "resource centre"),
    "discipline": (urls.DISCIPLINE_INDEX, "scientific discipline"),
    "year": (urls.YEAR_INDEX, "year"),
    "status": (urls.STATUS_INDEX, "implementation status"),
}


def kept_index_pages(published: Mapping[str, int | None], current: Mapping[str, int | None],
                     live: set[int]) -> list[Page]:
    """A page at each index address published once and not made from this snapshot, so that
    no such address stops answering: the one case a VO or centre forwarded to, while that case
    is public; the first page of the list a later page belonged to, while that list has one;
    else a short page saying there are no current cases there and linking the index it belongs
    to (``noindex``, out of the sitemap and the search: it lists nothing)."""
    pages = []
    for url, only in sorted(published.items()):
        if url in current:
            continue
        md = urls.md_path_of(url)
        first = urls.first_page_url(url)
        if only is not None and only in live:
            pages.append(Page(url + "index.html", content=forward_page(
                urls.root_of(md) + urls.page_url(urls.case_path(only)), f"Case {only}")))
        elif first != url and first in current:
            pages.append(Page(url + "index.html", content=forward_page(urls.root_of(md) + first, "The list's first page")))
        else:
            index, noun = KEPT_INDEX_KINDS[url.split("/", 1)[0]]
            pages.append(Page(md, "no_cases.md.j2", {"title": "No current cases", "robots": "noindex",
                                                     "search": {"exclude": True},
                                                     "description": f"No current cases for this {noun}"},
                              {"noun": noun, "index": urls.page_url(index)}))
    return pages


@dataclass(frozen=True)
class Plan:
    """Every file of the docs folder but the hand-written ones, and the link table they use."""

    pages: list[Page]
    links: Links
    #: the index addresses made from this snapshot (``KEPT_INDEX_KINDS``): the URL -> the case
    #: it forwards to, or None for a list page (the next build's ``published_indexes``)
    indexes: dict[str, int | None] = dataclasses.field(default_factory=dict)

    #: the digests of the cases, shared by the exports' records and the renderer
    digester: Digester = dataclasses.field(default_factory=Digester)
    #: each case's records of the exports (``exports.CaseExports``: ``made`` is for the next build)
    exports: CaseExports = dataclasses.field(default_factory=CaseExports)

    def renderer(self, env: jinja2.Environment) -> Renderer:
        """What renders these pages (and digests their inputs, rows standing for cases)."""
        return Renderer(env, self.links, (CaseRow, CaseRef), self.digester)


def plan_pages(snapshot: PublicSnapshot, site_url: str = "", site_name: str = SITE_NAME,
               published_indexes: Mapping[str, int | None] | None = None,
               kept_exports: Mapping[str, list[str]] | None = None,
               case_text: Callable[[PublicCase], str | None] | None = None) -> Plan:
    """Every generated page with what it is made from (nothing is rendered here but the exports
    and the feed).

    ``published_indexes``: every index address published before (``Plan.indexes`` of the
    earlier builds, merged): those this snapshot does not make still answer
    (``kept_index_pages``). ``kept_exports``: the cases' export records of the last build
    (``exports.CaseExports``), by the case's digest. ``case_text``: each case's serialisation of
    every field when the build made one (``Digester``)."""
    cases = tuple(sorted(snapshot.cases, key=lambda c: c.id))
    statuses = metrics.group_by_status(cases)
    tree = metrics.discipline_tree(cases)
    nodes = list(metrics.walk(tree))
    vos = metrics.group_by_value(cases, "virtual_organisations")
    centres = metrics.group_by_value(cases, "sites")
    years = metrics.group_by_year(cases)
    only = {("vo", n): m[0].id for n, m in vos.items() if len(m) == 1}
    only.update({("centre", n): m[0].id for n, m in centres.items() if len(m) == 1})
    link = Links(urls.unique_slugs(n.name for n in nodes), urls.unique_slugs(vos), urls.unique_slugs(centres), only)
    now = snapshot.fetched_at
    catalogue_url = urls.absolute_url(site_url, "") if site_url else ""
    pages: list[Page] = []
    paths: set[str] = set()
    indexes: dict[str, int | None] = {}

    def add(path: str, template: str, meta: dict, context=None, lastmod=None, meta_of=None, **inputs) -> None:
        pages.append(Page(path, template, meta, inputs, context, lastmod=lastmod, meta_of=meta_of))
        paths.add(path)

    rows = {c.id: CaseRow.of(c) for c in cases}
    refs = {c.id: CaseRef.of(c) for c in cases}

    def add_list(path: str, template: str, meta: dict, members: list[PublicCase], **inputs) -> None:
        """A case list, one page per PAGE_SIZE cases; later pages say which page they are."""
        for page_path, chunk, pager in paginate(path, [rows[c.id] for c in members]):
            page_meta = dict(meta)
            if pager.number > 1:
                page_meta["title"] = f"{meta['title']} (page {pager.number} of {pager.count})"
            add(page_path, template, page_meta, cases=chunk, pager=pager, **inputs)
            indexes[urls.page_url(page_path)] = None

    for case in cases:
        add(urls.case_path(case.id), "case.md.j2", {"title": f"{case.subject} (case {case.id})", "og_type": "article"},
            context=case_context, lastmod=case.last_updated, meta_of=case_meta,
            case=case, permalink=urls.absolute_url(site_url, link.case(case.id)), site_name=site_name,
            rt_web_url=snapshot.rt_web_url, stale=metrics.is_stale(case, now), catalogue_url=catalogue_url)
    redirects = urls.resolve_redirects(snapshot.redirects, (c.id for c in cases))
    for old, new in redirects.items():
        path = urls.case_path(old)
        target = urls.root_of(path) + link.case(new)
        add(path, "redirect.md.j2", {"title": f"Case {old} is now case {new}", "redirect_to": target,
                                     "robots": "noindex", "search": {"exclude": True}},
            old=old, new=new, target=target)
    for case_id in snapshot.withdrawn_ids:
        if case_id in redirects or urls.case_path(case_id) in paths:
            continue
        add(urls.case_path(case_id), "tombstone.md.j2",
            {"title": f"Case {case_id}", "robots": "noindex", "search": {"exclude": True}}, case_id=case_id)

    funnel = metrics.funnel(cases)
    for status in ImplementationStatus:
        add_list(urls.status_path(status), "status.md.j2",
                 {"title": f"Status: {status.label}", "description": status.meaning}, statuses[status], status=status)
    add(urls.STATUS_INDEX, "status_index.md.j2", {"title": "Cases by implementation status"},
        groups=refs_of(statuses, refs), total=len(cases), funnel=funnel,
        chart=Markup(charts.hbar_chart(
            [charts.Bar(r.status.label, r.reached, f"cc-status-{r.status.slug}") for r in funnel if r.reached is not None],
            chart_id="chart-funnel", title="Cases that reached each workflow stage")))

    for node in nodes:
        add_list(urls.discipline_page(link.discipline_slugs[node.name]), "discipline.md.j2",
                 {"title": f"Discipline: {node.name}", "description": f"Support cases in {node.name}"}, node.cases,
                 node=NodeView.of(node, link), trail=[("By discipline", "discipline/"),
                                                *((label, link.discipline(name)) for label, name in _ancestors(node.name)),
                                                (node.label, None)])
    undisciplined = [c for c in cases if not c.disciplines]
    add(urls.DISCIPLINE_INDEX, "discipline_index.md.j2", {"title": "Cases by scientific discipline"},
        tree=tree_of_refs(tree, refs), node_count=len(nodes), total=len(cases),
        undisciplined=[refs[c.id] for c in undisciplined])

    for kind, groups, slugs, path_of, index, template in (
            ("vo", vos, link.vo_slugs, urls.vo_path, urls.VO_INDEX, "vo"),
            ("centre", centres, link.centre_slugs, urls.centre_path, urls.CENTRE_INDEX, "centre")):
        for name, members in groups.items():
            path = path_of(slugs[name])
            if len(members) == 1:
                target = urls.root_of(path) + link.case(members[0].id)
                pages.append(Page(urls.page_url(path) + "index.html",
                                  content=forward_page(target, f"{name}: case {members[0].id}")))
                indexes[urls.page_url(path)] = members[0].id
                continue
            label = "Virtual organisation" if kind == "vo" else "Resource centre"
            add_list(path, f"{template}.md.j2",
                     {"title": f"{label}: {name}", "description": f"Support cases naming the {label.lower()} {name}"},
                     members, name=name)
        add(index, f"{template}_index.md.j2",
            {"title": "Cases by virtual organisation" if kind == "vo" else "Cases by resource centre"},
            groups=refs_of(groups, refs), total=len(cases), without=sum(1 for c in cases if not getattr(
                c, "virtual_organisations" if kind == "vo" else "sites")))

    for year, members in years.items():
        add_list(urls.year_path(year), "year.md.j2", {"title": f"Cases opened in {year}"}, members, year=year)
    add(urls.YEAR_INDEX, "year_index.md.j2", {"title": "Cases by year opened"},
        groups=refs_of(years, refs), total=len(cases),
        chart=Markup(charts.hbar_chart([charts.Bar(str(y), len(m)) for y, m in years.items()],
                                       chart_id="chart-years", title="Cases opened per year")))

    add(urls.CASES_INDEX, "cases.md.j2", {"title": "All cases"}, cases=tuple(CaseRow.of(c, True) for c in cases),
        facets=facet_choices(cases, statuses, nodes, years, vos, centres))
    dashboard = dashboard_context(snapshot, cases, statuses, tree, years)
    add(urls.DASHBOARD, "dashboard.md.j2",
        {"title": "Dashboard", "description": "Where the support cases stand: statuses, disciplines, years, "
                                              "time to production and stale cases."},
        cases=cases, **dashboard)
    add(urls.STALE, "stale.md.j2", {"title": "Stale cases"},
        stale=dashboard["stale"], active=dashboard["active"], now=now)
    add("index.md", "home.md.j2", {"title": "Case Catalogue"},
        cases=cases, groups=statuses, discipline_count=len(nodes), vo_count=len(vos), centre_count=len(centres),
        recent=sorted(cases, key=lambda c: (c.last_progress, c.id), reverse=True)[:10],
        stale_count=len(dashboard["stale"]), stamp=build_stamp(snapshot))

    pages += kept_index_pages(published_indexes or {}, indexes, {c.id for c in cases})
    digester = Digester(_entries_by_names(link), (PublicCase, CaseRow, CaseRef), case_text)
    exports = CaseExports(digester.case, kept_exports)
    pages += [Page(rel, content=content) for rel, content in export_files(snapshot, exports).items()]
    pages.append(Page(urls.FEED, content=atom_feed(snapshot, site_url)))
    return Plan(pages, link, indexes, digester, exports)


def _entries_by_names(links: Links) -> Callable[[PublicCase | CaseRow | CaseRef], tuple]:
    """``links.entries``, worked out once for each case's names: a case, its row and its reference
    name the same disciplines, VOs and centres (40,000 calls for 10,000 cases, a night's largest
    share of the render digests' time after the digests themselves)."""
    known: dict[tuple, tuple] = {}

    def entries(case) -> tuple:
        key = (case.disciplines, case.virtual_organisations, case.sites)
        found = known.get(key)
        if found is None:
            found = known[key] = links.entries(case)
        return found
    return entries


def build_stamp(snapshot: PublicSnapshot) -> dict:
    """What the home page says about the snapshot the site was built from."""
    return {
        "queue": snapshot.queue,
        "is_sample": snapshot.is_sample,
        "snapshot_time": _stamp_date(snapshot.fetched_at),
        "newest_update": _stamp_date(snapshot.newest_update),
        "case_count": len(snapshot.cases),
    }


def _stamp_date(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "unknown"


def render_pages(snapshot: PublicSnapshot, env: jinja2.Environment, site_url: str = "",
                 site_name: str = SITE_NAME,
                 published_indexes: Mapping[str, int | None] | None = None) -> dict[str, str | bytes]:
    """Every generated page rendered: ``{path under docs: text}`` (the exports and the feed aside)."""
    plan = plan_pages(snapshot, site_url, site_name, published_indexes)
    renderer = plan.renderer(env)
    return {page.path: renderer.render(page) for page in plan.pages
            if page.themed or page.path.endswith(".html")}


@dataclass(frozen=True)
class Facet:
    """One filter of the all-cases table: its URL parameter, its choices with case counts."""

    key: str
    label: str
    choices: list[tuple[str, str, int]]  # (value in the URL and the rows, label, cases)


def facet_choices(cases, statuses, nodes, years, vos, centres) -> list[Facet]:
    """The facets of the all-cases table; the browser recounts them for the current view."""
    status_choices = [(s.slug, s.label, len(statuses[s])) for s in ImplementationStatus if statuses[s]]
    if statuses[None]:
        status_choices.append(("none", "No status", len(statuses[None])))
    return [
        Facet("status", "Status", status_choices),
        Facet("discipline", "Discipline", [(n.name, "\u00a0\u00a0" * n.depth + n.label, n.count) for n in nodes]),
        Facet("year", "Year opened", [(str(y), str(y), len(m)) for y, m in years.items()]),
        Facet("vo", "Virtual organisation", [(n, n, len(m)) for n, m in vos.items()]),
        Facet("centre", "Resource centre", [(n, n, len(m)) for n, m in centres.items()]),
    ]


def _ancestors(name: str) -> list[tuple[str, str]]:
    """(label, full name) of each level above a discipline, top first."""
    levels = metrics.discipline_levels(name)
    return [(levels[i], metrics.DISCIPLINE_SEPARATOR.join(levels[: i + 1])) for i in range(len(levels) - 1)]


def site_name(project_config: Path) -> str:
    """The catalogue's name as mkdocs.yml gives it (for citations), else SITE_NAME."""
    if not project_config.is_file():
        return SITE_NAME
    return str((yaml.safe_load(project_config.read_text(encoding="utf-8")) or {}).get("site_name") or SITE_NAME)


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
    fieldtables.fill_folder(out_docs)
    plan = plan_pages(snapshot, site_url, site_name(templates_dir.parent / "mkdocs.yml"))
    return len(write_docs(plan.renderer(template_env(templates_dir / "pages")), plan.pages, out_docs))
