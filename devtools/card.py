"""Draw the site-wide sharing card (og:image, 1200 x 630 PNG) with headless Chromium.

Link previews need a raster image; the card is drawn from the HTML below so that changing its
words is an edit here, then ``python -m devtools.card`` (writes docs/assets/images/card.png,
which is committed: the build never needs a browser).
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "docs" / "assets" / "images" / "card.png"
LOGO = ROOT / "docs" / "assets" / "images" / "logo.svg"
CHROMIUM = "/usr/bin/chromium"

_HTML = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; font-family: "DejaVu Sans", sans-serif; color: #fff;
       background: linear-gradient(135deg, #303f9f 0%, #3f51b5 55%, #5c6bc0 100%); }}
.card {{ box-sizing: border-box; height: 630px; padding: 84px 96px; display: flex; flex-direction: column;
        justify-content: space-between; }}
.top {{ display: flex; align-items: center; gap: 28px; }}
.top img {{ width: 96px; height: 96px; }}
.name {{ font-size: 64px; font-weight: 700; letter-spacing: -1px; }}
.line {{ font-size: 36px; line-height: 1.35; max-width: 960px; opacity: .95; }}
.foot {{ font-size: 26px; opacity: .85; }}
</style></head><body><div class="card">
<div class="top"><img src="data:image/svg+xml;base64,{logo}" alt=""><div class="name">EGI Case Catalogue</div></div>
<div class="line">Research communities supported in using shared computing and storage:
one page per case, from first contact to production.</div>
<div class="foot">Support cases, screened before publication</div>
</div></body></html>"""


def card_html() -> str:
    import base64

    return _HTML.format(logo=base64.b64encode(LOGO.read_bytes()).decode("ascii"))


def draw(out: Path = CARD) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card_html())
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.card", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CARD)
    print(f"wrote {draw(parser.parse_args(argv).out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
