"""The field tables of the hand-written data page, written from ``model.PUBLISHED_FIELDS``.

``docs/data.md`` keeps its prose; where it lists fields it holds a placeholder, which the render
stage replaces (in its copy of the page, and in the text the search index reads), so the page
can never list other fields than the files have:

* ``{{ published fields: cases.csv }}``: the table of the columns of cases.csv, in order;
* ``{{ published fields: cases.json only }}``: the table of the case fields only cases.json has;
* ``{{ published fields: cases.csv only }}``: the names of the columns only cases.csv has, in a
  sentence ("`a`, `b` or `c`");
* ``{{ published fields: cases.csv numbers }}``: the names of its columns that are numbers
  ("`a`, `b`").
"""

from __future__ import annotations

from pathlib import Path

from generator.model import FieldKind, PublishedField, published_fields

PLACEHOLDER = "{{ published fields: "


def _table(heading: str, fields: tuple[PublishedField, ...]) -> str:
    rows = [f"| {heading} | meaning |", "|---|---|"]
    rows += [f"| `{f.name}` | {f.meaning} |" for f in fields]
    return "\n".join(rows)


def _names(fields: tuple[PublishedField, ...], last: str = " or ") -> str:
    names = [f"`{f.name}`" for f in fields]
    return last.join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def replacements() -> dict[str, str]:
    """Each placeholder and what it stands for, from the table as it is when called."""
    return {
        PLACEHOLDER + "cases.csv }}": _table("column", published_fields(cases_csv=True)),
        PLACEHOLDER + "cases.json only }}": _table("field", published_fields(cases_json=True, cases_csv=False)),
        PLACEHOLDER + "cases.csv only }}": _names(published_fields(cases_csv=True, cases_json=False)),
        PLACEHOLDER + "cases.csv numbers }}": _names(
            tuple(f for f in published_fields(cases_csv=True) if f.kind is FieldKind.NUMBER), ", "),
    }


def fill(text: str, origin: str = "a hand-written page") -> str:
    """``text`` with every placeholder replaced; an unknown one is an error (a page that would
    show a placeholder to readers)."""
    for placeholder, content in replacements().items():
        text = text.replace(placeholder, content)
    if PLACEHOLDER in text:
        line = next(line for line in text.splitlines() if PLACEHOLDER in line)
        raise ValueError(f"{origin}: unknown placeholder {line.strip()!r}; known: {', '.join(replacements())}")
    return text


def fill_folder(docs_dir: Path) -> None:
    """Fills the placeholders of the Markdown pages in a copy of the hand-written pages."""
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            path.write_text(fill(text, str(path)), encoding="utf-8")
