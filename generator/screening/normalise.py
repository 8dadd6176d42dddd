"""The normalised view of a text: what every detector reads, in screening and in the audit alike.

Ticket text hides what it says behind its spelling: ``jane＠example．org`` (fullwidth), ``jane&#64;``
(an entity), ``jane%40`` (percent-encoded), ``<b>jane</b>@`` (markup), ``ja\u200bne@`` (an invisible
character), ``jаne`` (a Cyrillic a), ``+٤٤`` (Arabic-Indic digits), ``c o n f i d e n t i a l``
(letter-spaced), a non-breaking space inside a phone number, ``> `` quote marks at the start of
the lines of a key. The view undoes all of that once, so that each detector matches one plain
spelling:

* HTML entities and percent-encoding decoded (repeatedly: ``&amp;#64;`` is ``@``), and JSON's
  ``\\u0040``; mail's encoded words (``=?UTF-8?B?...?=``, ``=?ISO-8859-1?Q?...?=``) and, in a
  quoted-printable text, its escapes (``=C3=A9``) and soft line breaks; a string of escaped line
  breaks (``...\\nPasscode: ...``) as lines. What says a text is quoted-printable or a string of
  escaped lines says it of its own part (the audit reads a file's parts joined);
* HTML tags removed (block-level ones become a line break), Markdown emphasis and code marks
  removed, e-mail quote marks at the start of lines removed, quoted-printable soft breaks joined;
* Unicode compatibility forms folded (NFKC: fullwidth, mathematical bold, ligatures), invisible
  and format characters dropped, accents dropped, letters that look like Latin letters folded to
  them (Unicode's confusables data, through ``confusable_homoglyphs``), digits of every script
  as ASCII digits, every dash as ``-``, typographic quotes as ASCII quotes;
* every run of horizontal space as one space, line breaks kept (a line is a unit for several
  detectors); words written letter by letter joined.

Case is kept (token shapes need it); ``View.low`` is the lower-cased view, of the same length.
Offsets map back: ``View.to_original(start, end)`` is the span of the original text that the
view's ``[start, end)`` came from, so a redaction cuts exactly the original characters (a whole
entity, a whole escape, the invisible characters inside a match).
"""

from __future__ import annotations

import base64
import binascii
import bisect
import html
import quopri
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import chain
from urllib.parse import unquote_to_bytes

from generator.screening import lazy_re as re

# --- characters -------------------------------------------------------------------------------

#: inline HTML elements: removed without a trace, so ``<b>jane</b>@example.org`` reads whole
_INLINE_TAGS = (
    "a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q s samp small span strike strong "
    "sub sup time tt u var wbr o:p"
)
#: block-level HTML elements: a line break, so text in two cells or paragraphs never runs together
_BLOCK_TAGS = (
    "address article aside blockquote body br caption center col colgroup dd details div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html img li link main "
    "meta nav ol p pre section summary table tbody td tfoot th thead title tr ul style script"
)
_TAG_NAMES = "|".join(sorted({re.escape(t) for t in (_INLINE_TAGS + " " + _BLOCK_TAGS).split()}, key=len,
                             reverse=True))
_INLINE = frozenset(_INLINE_TAGS.split())

_QUOTES = {c: '"' for c in "“”„‟″〃＂"} | {c: "'" for c in "‘’‚‛′ʹʼˈ`´"}
_SPACE_LIKE = frozenset("\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                        "\u200a\u202f\u205f\u3000\t\x0b\x0c")
_LINE_BREAKS = frozenset("\u2028\u2029\x85")


def _confusable_letters() -> dict[str, str]:
    """Lower-case letters and digits that look like an ASCII letter or digit -> that character,
    from Unicode's confusables data. Only single ASCII letters or digits are taken, so
    punctuation keeps its meaning."""
    from confusable_homoglyphs.confusables import confusables_data

    table: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii() or char.lower() != char:
            continue
        targets = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalnum()]
        if not targets:
            continue
        same_kind = [t for t in targets if t.isalpha() == char.isalpha()]
        if same_kind:  # never a letter for a digit: Cyrillic б is not 6
            table[char] = same_kind[0].lower() if char.isalpha() else same_kind[0]
    return table


_CONFUSABLE: dict[str, str] = {}


@cache
def fold_char(char: str) -> str:
    """One non-ASCII character as the view spells it ('' for an invisible one)."""
    if not _CONFUSABLE:
        _CONFUSABLE.update(_confusable_letters())
    if char in _SPACE_LIKE:
        return " "
    if char in _LINE_BREAKS:
        return "\n"
    if char in _QUOTES:
        return _QUOTES[char]
    out = []
    for c in unicodedata.normalize("NFKC", char):
        if c.isascii():
            out.append(c)
            continue
        category = unicodedata.category(c)
        if category in ("Cf", "Cc", "Co", "Cs", "Cn") or category.startswith("M"):
            continue  # invisible, private or a lone combining mark
        if category == "Nd":
            out.append(str(unicodedata.decimal(c)))
            continue
        if category == "Pd":
            out.append("-")
            continue
        if category == "Zs":
            out.append(" ")
            continue
        if c in _QUOTES:
            out.append(_QUOTES[c])
            continue
        lower = c.lower()
        base = "".join(d for d in unicodedata.normalize("NFKD", lower) if not unicodedata.category(d).startswith("M"))
        base = base or lower
        if base == "ς":
            base = "σ"  # the final sigma is a sigma
        base = "".join(_CONFUSABLE.get(d, d) for d in base)
        if c != lower:  # an upper-case letter stays upper case, so the lower-cased view agrees
            upper = base.upper()
            base = upper if len(upper) == len(base) else base
        out.append(base)
    return "".join(out)


# --- the view ---------------------------------------------------------------------------------

#: what the audit joins the parts of an output file with; ticket text never holds it (folded away)
PART_BREAK = "\ue000"
# Python's ``re`` searches fast only for a pattern whose every top-level alternative starts with a
# literal character, or that starts with a character class: then it skips to the positions where
# a match may start. A named group around an alternative hides its first character, so in the
# patterns below each alternative's first character stands outside its group (the group names
# the kind of match), or one class takes the first character and lookbehinds tell the kinds apart.
_DECODE_PATTERN = (
    r"[\r&%\x00-\x08\x0e-\x1f\x7f-\U0010ffff](?:"
    r"(?<=\r)(?P<crlf>\n?)"
    r"|(?<=&)(?P<ent>#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)"
    r"|(?<=%)(?P<pct>[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*)"
    r"|(?<=[\x00-\x08\x0e-\x1f\x7f])(?P<ctl>[\x00-\x08\x0e-\x1f\x7f]*)"
    r"|(?<=[^\x00-\x7f{keep}])(?P<uni>[^\x00-\x7f{keep}]*))"
)
#: first pass: what stands for other characters (escapes, look-alikes, invisibles) decoded
_DECODE = re.compile(_DECODE_PATTERN.replace("{keep}", ""))
_DECODE_KEEPING_BREAKS = re.compile(_DECODE_PATTERN.replace("{keep}", PART_BREAK))
#: second pass, on the decoded text: markup and layout (emphasis boundaries are checked in
#: _replacement)
_LAYOUT = re.compile(
    r"\n(?P<quote>[ \t]*(?:>[ \t]?)+)"
    rf"|<(?P<tag>(?P<close>/?)(?i:(?P<name>{_TAG_NAMES}))(?=[\s/>])[^<>]{{0,400}}>|!--.{{0,2000}}?-->)"
    r"|=(?P<qp>\n)"
    r"|\*(?P<emph>\*{0,2})|_(?P<emph_>_{0,2})|~(?P<emph__>~)|`(?P<code>`*)"
    r"| (?P<ws>[ \t\x0b\x0c]+)|\t(?P<ws_>[ \t\x0b\x0c]*)|\x0b(?P<ws__>[ \t\x0b\x0c]*)"
    r"|\x0c(?P<ws___>[ \t\x0b\x0c]*)",
    re.DOTALL,
)
#: e-mail quote marks at the very start of a text (no line break before them)
_LEADING_QUOTE = re.compile(r"\A[ \t]*(?:>[ \t]?)+")


#: _LAYOUT's first alternative alone: all that it can match in a text with no sign of the others
_QUOTE_MARKS = re.compile(r"\n(?P<quote>[ \t]*(?:>[ \t]?)+)")


def _layout_pattern(text: str, double_space: bool | None = None) -> re.Pattern[str] | None:
    """``_LAYOUT``, or ``_QUOTE_MARKS`` when the text holds no character another alternative
    starts with (the commonest case: a reply that quotes, with no markup; ``_LAYOUT`` would try
    its alternatives at every space), or None when nothing can match. Written out, no loop: it
    is asked of every text. ``double_space``: whether the text holds "  ", if known."""
    if double_space is None:
        double_space = "  " in text
    if ("<" in text or "*" in text or "_" in text or "~" in text or "`" in text or double_space or "\t" in text
            or "\x0b" in text or "\x0c" in text or "=" in text and "=\n" in text):
        return _LAYOUT
    # (a search for one character is much faster than for two or more: the rare one goes first)
    return _QUOTE_MARKS if ">" in text and ("\n>" in text or "\n >" in text) else None


#: what letter-spacing puts between letters: a space, a dot, a dash, a middle dot or a bullet, an
#: underscore, a star, a tilde, a plus ("c·o·n·f·i·d·e·n·t·i·a·l", "P_R_I_V_A_T_E")
_LETTER_SEPARATORS = " .-·•∙‧⋅_*~+"
_SEP = "[" + re.escape(_LETTER_SEPARATORS) + "]"
#: four or more single letters joined by one repeated separator: c o n f i d e n t i a l
_SPACED = re.compile(rf"(?<![^\W\d_])[^\W\d_](?P<sep>{_SEP})[^\W\d_](?:(?P=sep)[^\W\d_]){{2,}}(?![^\W\d_])")
#: letter-spaced words apart by two spaces or more: "F O R  I N T E R N A L  U S E  O N L Y"
_SPACED_PHRASE = re.compile(r"(?<![^\W\d_])[^\W\d_](?: [^\W\d_])+(?:  +[^\W\d_](?: [^\W\d_])+)+(?![^\W\d_])")
_SPACED_PHRASE_GATE = re.compile(r"(?<![^\W\d_])[^\W\d_] [^\W\d_]  ")
_WIDE_GAP = re.compile(r"  +")
#: where such a run may start (a literal-led search: cheaper than _SPACED over the whole text)
_SPACED_GATE = re.compile(rf"[ \t\n.(\[*\"'-][^\W\d_]{_SEP}[^\W\d_]{_SEP}[^\W\d_]{_SEP}[^\W\d_]")
#: ASCII letters as 'a', and the separators of letter-spacing as ' ' (a letter-spaced word is
#: then a run of "a a a a")
_ASCII_SEPARATORS = _LETTER_SEPARATORS.encode("ascii", "ignore").replace(b" ", b"")
_LETTERS_AS_A = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZbcdefghijklmnopqrstuvwxyz" + _ASCII_SEPARATORS,
                                b"a" * 51 + b" " * len(_ASCII_SEPARATORS))


def _may_be_spaced(text: str, shapes: bytes | None = None) -> bool:
    """Could the text hold a letter-spaced word (a cheap test before ``_SPACED``)? ``shapes``:
    the ASCII text through ``_SHAPES``, if made already."""
    if not text.isascii():
        return bool(_SPACED_GATE.search(text) or _SPACED.match(text))
    if shapes is None:
        shapes = text.encode("ascii").translate(_SHAPES)
    return shapes.find(b"a a a a") >= 0  # (faster than "in" on bytes)


_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32)) + b"\x7f"
#: ``_LETTERS_AS_A`` with the control characters as NUL: one copy of an ASCII text answers both
#: "may it be letter-spaced?" and "does it hold a control character?"
_SHAPES = bytes(0 if c in _CONTROL_BYTES else x for c, x in enumerate(_LETTERS_AS_A))
#: attributes whose values a reader or a crawler sees: kept (a mailto: or tel: link lives there)
_CONTENT_ATTRIBUTE = re.compile(
    # every attribute but those of layout and identity (an event handler or an unknown attribute
    # is shown in the page's source of a plain-text message as much as a title is)
    r"(?<=[\s\"'])(?!(?:class|id|style|lang|dir|rel|type|role|tabindex|width|height|align|valign|border|"
    r"cellpadding|cellspacing|colspan|rowspan|target|bgcolor|color|face|size)\s*=)[\w:.-]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.IGNORECASE,
)
_QP_LINE = 60  # a soft line break ends a long line (quoted-printable lines are 76 characters)


#: mail's own encodings: a header's encoded word ("=?UTF-8?B?...?=", "=?ISO-8859-1?Q?Probl=E8me?="),
#: and in a quoted-printable body its escapes ("=C3=A1", "=3D") and soft line breaks ("=" ending a line)
_ENCODED_WORD_PATTERN = r"=\?(?P<charset>[A-Za-z0-9_.:-]{1,40})\?(?P<enc>[BbQq])\?(?P<payload>[^?\s]{1,1000})\?="
_ENCODED_WORD = re.compile(_ENCODED_WORD_PATTERN)
_QUOTED_PRINTABLE = re.compile(_ENCODED_WORD_PATTERN + r"|=(?P<qpx>[0-9A-F]{2}(?:=[0-9A-F]{2})*)|=(?P<qpsoft>[ \t]*\n)")
#: what says a text is quoted-printable: an escaped UTF-8 letter ("=C3=A9"), an escaped '=' or a
#: space kept before a line's end, or the header that says so
_QP_EVIDENCE = re.compile(r"=(?:[C-F][0-9A-F]=[89AB][0-9A-F]|3D|20\n|09\n)")
_QP_HEADER = re.compile(r"(?i:content-transfer-encoding:[ \t]*quoted-printable)")


#: a line break written as an escape inside one line ("DESCRIPTION:Meeting ID ...\\nPasscode: ...", a
#: JSON string's "\\n"): a line break, in a text that has two or more of them (one alone may be a
#: path's "C:\\new")
_ESCAPED_BREAK = re.compile(r"(?<!\\)(?:\\r)?\\n")


def _break(m: re.Match[str], text: str) -> str:
    return "\n"


#: a JSON string's escape of a character ("\\u002F", a surrogate pair "\\ud83d\\ude00"): the character
_JSON_ESCAPE = re.compile(r"(?<!\\)\\u(?P<u>[0-9a-fA-F]{4})(?:\\u(?P<low>[dD][c-fC-F][0-9a-fA-F]{2}))?")


def _json_char(m: re.Match[str], text: str) -> str | None:
    code = int(m.group("u"), 16)
    if m.group("low") and 0xD800 <= code < 0xDC00:
        code = 0x10000 + ((code - 0xD800) << 10) + (int(m.group("low"), 16) - 0xDC00)
    elif 0xD800 <= code < 0xE000:
        return None
    elif m.group("low"):
        return None  # (a low surrogate after a character that is no high one: left as written)
    char = chr(code)
    if unicodedata.category(char) == "Cc":
        return "\n" if char == "\n" else None
    return _fold(char)


def _parts_with(text: str, matches, least: int = 1) -> list[tuple[int, int]]:
    """The spans of the parts of ``text`` (apart by ``PART_BREAK``; the whole text when it has
    none) that hold ``least`` of ``matches`` or more, in order."""
    counts: dict[tuple[int, int], int] = {}
    for m in matches:
        lo = text.rfind(PART_BREAK, 0, m.start()) + 1
        hi = text.find(PART_BREAK, m.end())
        key = (lo, len(text) if hi < 0 else hi)
        counts[key] = counts.get(key, 0) + 1
    return sorted(span for span, n in counts.items() if n >= least)


class _PerPart:
    """``replace`` only inside the parts of the text it is given that hold ``least`` matches of
    ``evidence`` (elsewhere a match is left as written), but anywhere for a match whose group
    ``unless`` took part. The parts are found in the text the pass rewrites, once: an earlier pass
    may have moved them."""

    def __init__(self, evidence, replace, least: int = 1, unless: str | None = None) -> None:
        self.evidence, self.replace, self.least, self.unless = evidence, replace, least, unless
        self._text: str | None = None
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def __call__(self, m: re.Match[str], text: str) -> str | None:
        if self.unless is not None and m.group(self.unless) is not None:
            return self.replace(m, text)
        if text is not self._text:
            self._text, self._spans = text, _parts_with(text, self.evidence(text), self.least)
            self._starts = [lo for lo, _ in self._spans]
        k = bisect.bisect_right(self._starts, m.start()) - 1
        return self.replace(m, text) if k >= 0 and m.start() < self._spans[k][1] else None


def _qp_evidence(text: str):
    return chain(_QP_EVIDENCE.finditer(text), _QP_HEADER.finditer(text) if "rintable" in text else ())


def _charset_text(data: bytes, *charsets: str) -> str | None:
    """``data`` decoded by the first of ``charsets`` that reads it (a name Python does not know is
    passed over); None when none does, or the text holds control characters (no text, then)."""
    for name in charsets:
        try:
            decoded = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in decoded):
            return None
        return decoded
    return None


def _mail_replacement(m: re.Match[str], text: str) -> str | None:
    groups = m.groupdict()
    if groups.get("qpsoft") is not None:  # ("...Cg==" ending a line is base64's padding: QP writes '=' as '=3D')
        return None if text[m.start() - 1:m.start()] == "=" else ""
    if groups.get("qpx") is not None:
        data = bytes.fromhex(m.group("qpx").replace("=", ""))
        decoded = _charset_text(data, "utf-8", "latin-1")  # (a body's charset is in a header the part may not hold)
        return None if decoded is None else _fold(decoded)
    payload = m.group("payload")
    if m.group("enc") in "Bb":
        try:
            data = base64.b64decode(payload + "=" * (-len(payload) % 4), validate=True)
        except (binascii.Error, ValueError):
            return None
    else:
        data = quopri.decodestring(payload.encode(), header=True)  # (header=True: '_' is a space)
    decoded = _charset_text(data, m.group("charset"), "utf-8")
    return None if decoded is None else _fold(decoded)


def _decode_entities(text: str) -> str:
    for _ in range(3):  # &amp;#64; is '&#64;' is '@'
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _decode_percent(text: str) -> str | None:
    try:
        decoded = unquote_to_bytes(text).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in decoded):
        return None
    return decoded


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _fold(text: str) -> str:
    return _CONTROL.sub("", "".join(fold_char(c) if not c.isascii() else c for c in text))


def _replacement(m: re.Match[str], text: str) -> str | None:
    kind = (m.lastgroup or "").rstrip("_")
    value = m.group()
    if kind == "crlf":
        return "\n"
    if kind == "quote":
        return "\n" if value.startswith("\n") else ""
    if kind == "ent":
        decoded = _decode_entities(value)
        return None if decoded == value else _fold(decoded)
    if kind == "pct":
        unquoted = _decode_percent(value)
        if unquoted is None or any(c.isspace() for c in unquoted):
            return None  # (a space stays "%20": an address that holds one stays one token)
        return _fold(_decode_entities(unquoted))
    if kind == "tag":
        if value.startswith("<!--"):  # a comment's words are text a reader of the source sees
            inside = value[4:-3].strip()
            return f"\n{inside}\n" if inside else "\n"
        name = (m.group("name") or "").lower()
        values = [v.strip("\"'") for v in _CONTENT_ATTRIBUTE.findall(value)]
        inside = " ".join(v for v in values if v)
        if not name or name in _INLINE:
            return f" {inside} " if inside else ""
        return f"\n{inside}\n" if inside else "\n"
    if kind == "qp":
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[m.start() - 1:m.start()] == "=":
            return None  # "...Cg==": base64's padding ends the line (quoted-printable writes '=' as '=3D')
        return "" if m.start() - line_start >= _QP_LINE else None
    if kind == "code":
        return ""
    if kind == "emph":
        start, end = m.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        opens = not (before.isalnum() or before in "*_~") and after.isalnum()
        closes = before.isalnum() and not (after.isalnum() or after in "*_~")
        if closes and not opens and (value[0] == "_" or len(value) >= 3) and not _opened_before(text, start, value):
            # a name's trailing underscore ("glpat-...aw_"), not the end of emphasis; nor are the
            # stars that mask the rest of a value ("j***@g***.com" stays masked, not "j@g.com")
            return None
        return "" if opens or closes else None
    if kind == "ws":
        return " "
    if kind == "ctl":
        return ""
    folded = _fold(value)
    return None if folded == value else folded


def _opened_before(text: str, start: int, mark: str) -> bool:
    """Is there, earlier on the line, the same mark where emphasis could open (after a space or
    punctuation, before a letter)? Underscores close only what they opened."""
    line_start = text.rfind("\n", 0, start) + 1
    i = text.rfind(mark, line_start, start)
    while i >= 0:
        before = text[i - 1] if i > line_start else " "
        after = text[i + len(mark)] if i + len(mark) < len(text) else " "
        if not before.isalnum() and after.isalnum():
            return True
        i = text.rfind(mark, line_start, i)
    return False


@dataclass(frozen=True)
class _Map:
    """Offsets of one rewrite: segments of the new text, each either copied from the old text
    (same length) or replacing an old span."""

    new_starts: list[int]
    old_starts: list[int]
    old_ends: list[int]
    copied: list[bool]

    def start(self, i: int) -> int:
        k = bisect.bisect_right(self.new_starts, i) - 1
        if k < 0:
            return i
        if self.copied[k]:
            return self.old_starts[k] + (i - self.new_starts[k])
        return self.old_starts[k]

    def end(self, i: int) -> int:
        """Where the old text ends for a span ending at ``i`` (exclusive)."""
        if i <= 0:
            return 0
        k = bisect.bisect_right(self.new_starts, i - 1) - 1
        if k < 0:
            return i
        if self.copied[k]:
            return self.old_starts[k] + (i - self.new_starts[k])
        return self.old_ends[k]


def _rewrite(text: str, pattern: re.Pattern[str], replace) -> tuple[str, _Map | None]:
    pieces: list[str] = []
    new_starts: list[int] = []
    old_starts: list[int] = []
    old_ends: list[int] = []
    copied: list[bool] = []
    cursor = out = 0
    for m in pattern.finditer(text):
        new = replace(m, text)
        if new is None or new == m.group():
            continue
        start, end = m.span()
        if start > cursor:
            new_starts.append(out)
            old_starts.append(cursor)
            old_ends.append(start)
            copied.append(True)
            pieces.append(text[cursor:start])
            out += start - cursor
        new_starts.append(out)
        old_starts.append(start)
        old_ends.append(end)
        copied.append(False)
        pieces.append(new)
        out += len(new)
        cursor = end
    if not copied:
        return text, None
    if cursor < len(text):
        new_starts.append(out)
        old_starts.append(cursor)
        old_ends.append(len(text))
        copied.append(True)
        pieces.append(text[cursor:])
    return "".join(pieces), _Map(new_starts, old_starts, old_ends, copied)


def _drop(m: re.Match[str], text: str) -> str:
    return ""


def _join_spaced(m: re.Match[str], text: str) -> str:
    return m.group().replace(m.group("sep"), "")


def _join_spaced_phrase(m: re.Match[str], text: str) -> str | None:
    runs = _WIDE_GAP.split(m.group())
    if sum(len(r) for r in runs) - sum(r.count(" ") for r in runs) < 6:
        return None  # fewer than six letters ("a b  c d"): no word of them
    return " ".join(r.replace(" ", "") for r in runs)


@dataclass(frozen=True)
class View:
    original: str
    text: str
    low: str
    _maps: tuple[_Map, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that the view's ``[start, end)`` stands for."""
        for m in reversed(self._maps):
            start, end = m.start(start), m.end(end)
        return start, max(start, end)

    def __len__(self) -> int:
        return len(self.text)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lower-cased
        low = "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
    return low


def normalise(text: str, keep_part_breaks: bool = False) -> View:
    """The view of ``text`` with its map back to the original. ``keep_part_breaks``: the audit's
    joined parts keep their ``PART_BREAK`` (anywhere else it is folded away like any private
    character, so ticket text cannot forge one)."""
    maps = []
    current = text
    passes: list[tuple[re.Pattern[str], Callable[[re.Match[str], str], str | None]]] = []
    shapes = text.encode("ascii").translate(_SHAPES) if text.isascii() else None
    # (mail's encodings first: what they decode may hold an entity or an escape.) What says a text
    # is quoted-printable, or a string of escaped lines, says it of its own part only: the audit
    # reads a file's parts joined, and one part's evidence must not change how another reads
    if "=" in text:
        if _QP_EVIDENCE.search(text) or "rintable" in text and _QP_HEADER.search(text):
            # (an encoded word is decoded wherever it stands; quoted-printable only in its parts)
            passes.append((_QUOTED_PRINTABLE, _PerPart(_qp_evidence, _mail_replacement, unless="payload")))
        elif "=?" in text:
            passes.append((_ENCODED_WORD, _mail_replacement))
    if "\\u" in text:
        passes.append((_JSON_ESCAPE, _json_char))
    if "\\n" in text and len(_ESCAPED_BREAK.findall(text)) >= 2:
        passes.append((_ESCAPED_BREAK, _PerPart(_ESCAPED_BREAK.finditer, _break, least=2)))
    if _needs_decoding(text, shapes):
        passes.append((_DECODE_KEEPING_BREAKS if keep_part_breaks else _DECODE, _replacement))
    passes.append((_LEADING_QUOTE, _drop))
    double_space = "  " in text  # (asked once: a two-character search reads every space)
    if double_space:  # letter-spaced words apart by wider gaps ("F O R  I N T E R N A L  U S E"): joined
        passes.append((_SPACED_PHRASE, _join_spaced_phrase))  # before the layout pass folds the gaps
    passes.append((_LAYOUT, _replacement))
    passes.append((_SPACED, _join_spaced))
    for pattern, replace in passes:
        unchanged = current is text  # (what was learnt of the text holds for it)
        if pattern is _LAYOUT:
            layout = _layout_pattern(current, double_space if unchanged else None)
            if layout is None:
                continue
            pattern = layout
        if pattern is _LEADING_QUOTE and not current.lstrip(" \t").startswith(">"):
            continue
        if pattern is _SPACED_PHRASE and not _SPACED_PHRASE_GATE.search(current):
            continue
        if pattern is _SPACED and not _may_be_spaced(current, shapes if unchanged else None):
            continue
        current, rewrite = _rewrite(current, pattern, replace)
        if rewrite is not None:
            maps.append(rewrite)
    view = View(text, current, _lower(current), tuple(maps))
    if not text.isascii() and _LOOKALIKE_LETTERS.search(text) and _LOOKALIKE_BY_DIGIT.search(text):
        view = _lookalike_digits(view)
    return view


#: a letter beside a digit, not inside a word, that may stand for one ("4О1-22", "06 1О 23"): in the
#: view, a look-alike is already the ASCII letter it looks like
_DIGIT_LOOKALIKE = re.compile(r"(?<=\d)[OolIЗзб](?![^\W\d_])|(?<![^\W\d_])[OolIЗзб](?=\d)")
#: the letters of other scripts and forms that pass for those (a cheap first test of the original:
#: the view's pattern above tries every 'o' and 'l' of a text, 170 µs for 1.4 kB)
_LOOKALIKES = "\u039f\u03bf\u0399\u041e\u043e\u0406\u0456\u04c0\u0417\u0437\u0431\uff2f\uff4f\uff29\uff4c\u1d0f\u0585\u0555"
_LOOKALIKE_LETTERS = re.compile(f"[{_LOOKALIKES}]")
#: ... and one beside a digit (a Cyrillic text has its 'о' everywhere: the second test, still of
#: the original, costs a fifth of the view's)
_LOOKALIKE_BY_DIGIT = re.compile(rf"\d[{_LOOKALIKES}]|[{_LOOKALIKES}]\d")
_DIGIT_FOR = {"O": "0", "o": "0", "l": "1", "I": "1", "З": "3", "з": "3", "б": "6"}


def _lookalike_digits(view: View) -> View:
    """The view with each such letter that was another script's look-alike in the
    original (a Cyrillic 'О' inside a phone number) read as the digit it imitates; an ASCII
    letter there is left as written (a product code "4O1" says what it says)."""
    chars = list(view.text)
    for m in _DIGIT_LOOKALIKE.finditer(view.text):
        start, end = view.to_original(m.start(), m.end())
        if end - start == 1 and not view.original[start].isascii():
            chars[m.start()] = _DIGIT_FOR[m.group()]
    text = "".join(chars)
    return view if text == view.text else View(view.original, text, _lower(text), view._maps)


def _needs_decoding(text: str, shapes: bytes | None) -> bool:
    """Does the text hold anything the first pass decodes (cheap checks, most text has none)?
    ``shapes``: the ASCII text through ``_SHAPES`` (None for other text)."""
    if shapes is None or "&" in text or "%" in text or "\r" in text:
        return True
    return shapes.find(b"\x00") >= 0  # a control character


def normalised_text(text: str, keep_part_breaks: bool = False) -> str:
    """The view's text only (the audit reads output files this way)."""
    return normalise(text, keep_part_breaks).text
