"""Static SVG charts: well-formed, labelled for assistive technology, hostile labels inert."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from support.hostile import hostile_strings
from generator.site import charts

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = hostile_strings()


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything that is not well-formed XML


@pytest.mark.parametrize("draw", [charts.hbar_chart])
def test_chart_is_wellformed_svg_with_title_and_description(draw):
    bars = [charts.Bar("Production", 15, "cc-status-production"), charts.Bar("Closed", 6), charts.Bar("None", 0)]
    root = parse(draw(bars, chart_id="chart-x", title="Cases per status"))
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title.text == "Cases per status"
    assert desc.text == "Production: 15 cases; Closed: 6 cases; None: 0 cases."
    assert root.get("aria-labelledby") == "chart-x-title chart-x-desc"
    assert title.get("id") == "chart-x-title" and desc.get("id") == "chart-x-desc"
    texts = [t.text for t in root.iter(SVG + "text")]
    assert "15" in texts and "6" in texts


@pytest.mark.parametrize("draw", [charts.hbar_chart])
def test_hostile_labels_stay_text(draw):
    bars = [charts.Bar(text, i + 1, css='x" onload="alert(1)') for i, text in enumerate(HOSTILE)]
    svg = draw(bars, chart_id='c"><script>', title="<b>title</b>")
    root = parse(svg)
    assert not [e for e in root.iter() if e.tag in (SVG + "script", "script", SVG + "a", SVG + "foreignObject")]
    for element in root.iter():
        assert not [k for k in element.attrib if k.lower().startswith("on")], element.attrib
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert root.find(SVG + "title").text == "<b>title</b>"  # shown as the same text
    tooltips = [t.text for g in root.iter(SVG + "g") for t in g.findall(SVG + "title")]
    assert any(HOSTILE[0] in t for t in tooltips)


def test_control_characters_are_dropped():
    root = parse(charts.hbar_chart([charts.Bar("bad\x00\x08label", 1)], chart_id="c", title="t\x0c"))
    assert root.find(SVG + "title").text == "t"


def test_bars_are_proportional_and_labels_whole():
    long = "Privacy and confidentiality research (confidential computing)"
    svg = charts.hbar_chart([charts.Bar(long, 10), charts.Bar("B", 5), charts.Bar("C", 0)],
                            chart_id="c", title="t", width=640)
    rects = [r for r in parse(svg).iter(SVG + "rect")]
    widths = [float(r.get("width")) for r in rects]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] == 0
    labels = [t.text for t in parse(svg).iter(SVG + "text") if t.get("class") == "cc-label"]
    # never shortened: a cut label is text screening did not read (the drawing's edge cuts it)
    assert labels == [long, "B", "C"]


def test_empty_chart_is_still_valid():
    root = parse(charts.hbar_chart([], chart_id="c", title="Nothing"))
    assert root.find(SVG + "desc").text == "No data."


def test_charts_are_deterministic():
    bars = [charts.Bar("2015", 2), charts.Bar("2016", 7)]
    assert charts.hbar_chart(bars, chart_id="y", title="t") == charts.hbar_chart(list(bars), chart_id="y", title="t")


def test_a_label_has_the_whole_width_above_its_bar():
    root = parse(charts.hbar_chart([charts.Bar("Natural Sciences", 12), charts.Bar("Humanities", 3)],
                                   chart_id="c", title="t"))
    labels = [t for t in root.iter(SVG + "text") if t.get("class") == "cc-label"]
    bars = [r for r in root.iter(SVG + "rect")]
    assert [float(t.get("x")) for t in labels] == [0, 0] and labels[0].text == "Natural Sciences"
    assert all(float(t.get("y")) < float(b.get("y")) for t, b in zip(labels, bars))
    assert root.get("width") == str(charts.WIDTH)


def test_a_count_of_one_says_case_not_cases():
    root = parse(charts.hbar_chart([charts.Bar("Natural Sciences", 1), charts.Bar("Humanities", 2)],
                                   chart_id="c", title="t"))
    assert root.find(SVG + "desc").text == "Natural Sciences: 1 case; Humanities: 2 cases."
    assert [t.text for t in root.iter(SVG + "title")][1:] == ["Natural Sciences: 1 case", "Humanities: 2 cases"]
