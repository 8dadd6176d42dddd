"""Private keys in every armour.

* PEM: ``-----BEGIN ... PRIVATE KEY-----`` of every kind (PKCS#1, SEC1, PKCS#8, encrypted, OpenSSH,
  PGP private key blocks), whole from BEGIN to END, or to the end of the base64 if the END line
  was cut off. Quote marks and ``<br>`` are already gone in the view; ``\\n`` escapes (a key inside
  JSON) and indentation (a key in YAML) are part of the block.
* A grid proxy: the certificates next to a key go with it (they name the person).
* SSH2/SECSH armour (``---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----``) and PuTTY ``.ppk`` files.
* Base64 without armour: a block of base64 lines, or one long base64 string, is a key when it
  decodes to one. DER that opens with an INTEGER is a private key or a PKCS#12 bundle, DER that
  opens with a SEQUENCE is a certificate or a public key (public); base64 of PEM text is judged
  by its own BEGIN line; anything else long and random (a keytab) is a secret too.
* A JWK's private members (``"d"``, ``"p"``, ``"q"``, ``"dp"``, ``"dq"``, ``"qi"``, ``"k"``).

Lone certificates, public keys (PEM, PKCS#1 with or without armour, SSH2 armour) and SSH public
keys stay.
"""

from __future__ import annotations

import base64
import binascii
import bisect
from collections.abc import Iterator

from generator.screening import lazy_re as re
from generator.screening.detectors.base import CREDENTIAL, Finding, Text, windows_around
from generator.screening.detectors.shapes import looks_random, media_blob, ssh_public_blob

_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 ]*?(?:PRIVATE KEY(?: BLOCK)?|CERTIFICATE))-----")
#: an armour line with its dashes mangled (a mail client, a paste): the block runs to its end
_LOOSE_BEGIN = re.compile(r"-{2,8} ?BEGIN ([A-Z0-9 ]*?PRIVATE KEY(?: BLOCK)?) ?-{2,8}|^[ \t]*BEGIN ([A-Z0-9 ]*?PRIVATE KEY)[ \t]*$",
                          re.MULTILINE)
_LOOSE_END = re.compile(r"-{2,8} ?END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)? ?-{2,8}|END [A-Z0-9 ]*PRIVATE KEY")
_BODY = re.compile(r"(?:[A-Za-z0-9+/=:,. \t\r\n\\-](?<!-----))*+")
#: words of prose on the armour's own line (a key's body is base64, its headers "Name: value")
_PROSE_AFTER = re.compile(r"[ \t]+(?:[^\W\d_]{2,}[ \t]+){3}")
_SSH2 = re.compile(r"---- BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY ----(?s:.{0,20000}?)(?:---- END SSH2 (?:ENCRYPTED )?PRIVATE KEY ----|\Z)")
#: a PuTTY file cut before its private part (no "Private-Lines", no "Private-MAC"): its header's
#: lines and the base64 lines under them, up to the first line of other text ("[private part
#: removed]", the message going on), which is no part of the key
_PUTTY_HEAD = re.compile(r"[^\n]*(?:\n[ \t]*(?:[A-Za-z][\w-]{2,30}:[^\n]*|[A-Za-z0-9+/=]{16,}))*")
_PUTTY = re.compile(r"PuTTY-User-Key-File-\d+:(?s:.{0,20000}?)(?:Private-MAC:\s*[0-9a-fA-F]+|\Z)")
_B64_LINE = r"[ \t]*[A-Za-z0-9+/]{40,}={0,2}[ \t]*"
_B64_BLOCK = re.compile(rf"(?m:^){_B64_LINE}(?:\\n|\n)(?:{_B64_LINE}(?:\\n|\n|$))+|[A-Za-z0-9+/]{{100,}}={{0,2}}|[A-Za-z0-9_-]{{100,}}")
_JWK_PUBLIC = re.compile(r'"(?:n|e|x|y|crv|kid|x5t|x5t#S256|x5u)"\s*:\s*"(?P<value>[^"]{1,4096})"|'
                         r'"x5c"\s*:\s*\[(?P<chain>[^\]]{1,20000})\]')
_JWK_PRIVATE = re.compile(r'"(?:d|p|q|dp|dq|qi|k)"\s*:\s*"(?P<value>[A-Za-z0-9_-]{16,})"')


def private_keys(t: Text) -> Iterator[Finding]:
    text, words = t.text, t.words
    if b"begin" in words:  # an armour line (the set of words answers before any search)
        if "-----BEGIN" in text:
            yield from _pem(text)
        if "PRIVATE KEY" in text:
            for m in _LOOSE_BEGIN.finditer(text):
                if text.startswith("-----BEGIN", m.start()) and text[m.end() - 5:m.end()] == "-----":
                    continue  # a proper armour: _pem's
                end = _BODY.match(text, m.end()).end()  # type: ignore[union-attr]
                end_line = _LOOSE_END.match(text, end)
                yield Finding("credential.private-key", CREDENTIAL, m.start(), end_line.end() if end_line else end)
        if "---- BEGIN SSH2" in text:
            for m in _SSH2.finditer(text):
                yield Finding("credential.private-key", CREDENTIAL, m.start(), m.end())
    if b"putty" in words and "PuTTY-User-Key-File" in text:
        for m in _PUTTY.finditer(text):
            end = m.end()
            if "Private-MAC" not in m.group() and "Private-Lines" not in m.group():
                end = m.start() + _PUTTY_HEAD.match(m.group()).end()  # type: ignore[union-attr]
            yield Finding("credential.private-key", CREDENTIAL, m.start(), end)
    if b"kty" in words and '"kty"' in text:
        for m in _JWK_PRIVATE.finditer(text):
            yield Finding("credential.private-key", CREDENTIAL, *_jwk_object(text, *m.span("value")))
    yield from _bare_base64(t)


def _jwk_object(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole JWK object around a private member's value (the key goes whole, its public
    members with it: they name the key pair), or the value alone when no object is found."""
    opening = text.rfind("{", max(0, start - 4096), start)
    closing = text.find("}", end, end + 4096)
    if opening < 0 or closing < 0 or '"kty"' not in text[opening:closing] or "}" in text[opening:start]:
        return start, end
    return opening, closing + 1


def _pem(text: str) -> Iterator[Finding]:
    keys: list[tuple[int, int]] = []
    certs: list[tuple[int, int]] = []
    for m in _BEGIN.finditer(text):
        label = m.group(1)
        end_line = f"-----END {label}-----"
        stop = text.find(end_line, m.end())
        nxt = text.find("-----BEGIN", m.end())
        if stop >= 0 and (nxt < 0 or stop < nxt):
            span = (m.start(), stop + len(end_line))
        else:  # no END line before the next block: cut off
            if _PROSE_AFTER.match(text, m.end()):
                continue  # "-----BEGIN OPENSSH PRIVATE KEY----- headers must never appear ...": the armour named
            end = _BODY.match(text, m.end()).end()  # type: ignore[union-attr]
            span = (m.start(), len(text[:end].rstrip()))
        (certs if label == "CERTIFICATE" else keys).append(span)
    for start, end in keys:
        yield Finding("credential.private-key", CREDENTIAL, start, end)
    if not keys or not certs:
        return
    # a grid proxy: the certificates right before and after a key go with it
    cert_starts = [c[0] for c in certs]
    cert_ends = [c[1] for c in certs]
    for key_start, key_end in keys:
        lo, hi = key_start, key_end
        i = bisect.bisect_right(cert_ends, lo) - 1
        while i >= 0 and not text[cert_ends[i]:lo].strip():
            lo, i = cert_starts[i], i - 1
        j = bisect.bisect_left(cert_starts, hi)
        while j < len(certs) and not text[hi:cert_starts[j]].strip():
            hi, j = cert_ends[j], j + 1
        if (lo, hi) != (key_start, key_end):
            yield Finding("credential.proxy-certificate", CREDENTIAL, lo, hi)


_SSH2_PUBLIC = re.compile(r"---- BEGIN SSH2 PUBLIC KEY ----(?s:.{0,20000}?)(?:---- END SSH2 PUBLIC KEY ----|\Z)")
_PUBLIC_ARMOUR = re.compile(r"-----BEGIN ((?:[A-Z0-9]+ )*?(?:CERTIFICATE|PUBLIC KEY(?: BLOCK)?|CERTIFICATE REQUEST|X509 CRL|PKCS7))-----")


def public_blocks(t: Text) -> list[tuple[int, int]]:
    """Spans of certificates and public keys (armoured, or bare base64 that decodes to one): their
    base64 is public and random-looking."""
    cached = getattr(t, "_public_blocks", None)
    if cached is not None:
        return cached
    text = t.text
    spans: list[tuple[int, int]] = []
    t._public_blocks = spans  # type: ignore[attr-defined]
    if "-----BEGIN" in text:
        for m in _PUBLIC_ARMOUR.finditer(text):
            stop = text.find(f"-----END {m.group(1)}-----", m.end())
            spans.append((m.start(), stop if stop >= 0 else _BODY.match(text, m.end()).end()))  # type: ignore[union-attr]
    if "---- BEGIN SSH2 PUBLIC KEY" in text:
        for m in _SSH2_PUBLIC.finditer(text):
            spans.append(m.span())
    if '"kty"' in text:  # a JWK's public members: modulus, exponent, curve points, certificate chain
        for m in _JWK_PUBLIC.finditer(text):
            spans.append(m.span("value") if m.group("value") is not None else m.span("chain"))
    for m in _base64_blocks(t):
        blob = re.sub(r"\\n|\s", "", m.group())
        if _classify(blob) == "public":
            spans.append(m.span())
    return spans


_HEX_WORD = re.compile(r"[0-9a-f]+")


def _base64_blocks(t: Text) -> list[re.Match[str]]:
    """Blocks of base64 lines, looked for only around long runs of letters and digits that are
    not hexadecimal (checksums and commit ids are long too)."""
    cached = getattr(t, "_base64_blocks", None)
    if cached is not None:
        return cached
    long_words = [w for w in t.odd_words[1] if not _HEX_WORD.fullmatch(w)]
    blocks: list[re.Match[str]] = []
    if long_words:
        text = t.text
        anchors = [p for w in long_words for p in t.positions(w)]
        seen = set()
        for lo, hi in windows_around(anchors, 300, 300, len(text)):
            lo = text.rfind("\n", 0, lo) + 1
            for m in _B64_BLOCK.finditer(text, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    blocks.append(m)
    t._base64_blocks = blocks  # type: ignore[attr-defined]
    return blocks


def public_block(text: str, start: int) -> bool:
    """Is the base64 at ``start`` inside a certificate or public-key armour?"""
    begin = text.rfind("-----BEGIN ", 0, start)
    if begin < 0:
        return False
    head = text[begin:text.find("\n", begin) if "\n" in text[begin:start] else start]
    if "PRIVATE" in head:
        return False
    end = text.rfind("-----END ", 0, start)
    return end < begin


def _bare_base64(t: Text) -> Iterator[Finding]:
    text = t.text
    for m in _base64_blocks(t):
        start, end = m.span()
        while start < end and text[start] in " \t":
            start += 1
        end = start + len(text[start:end].rstrip())
        if text.endswith("\\n", start, end):
            end -= 2
        if public_block(text, start) or any(a <= start < b for a, b in public_blocks(t)):
            continue
        blob = re.sub(r"\\n|\s", "", text[start:end])
        kind = _classify(blob)
        if kind == "public":
            continue
        if kind == "private" or looks_random(blob[:200]):
            yield Finding("credential.private-key", CREDENTIAL, start, end)


def _classify(blob: str) -> str:
    """'private', 'public' or '' (unknown) for a base64 blob, from what it decodes to."""
    if ssh_public_blob(blob) or media_blob(blob):
        return "public"
    try:
        data = base64.b64decode(blob[:512] + "=" * (-len(blob[:512]) % 4), altchars=b"-_" if "-" in blob or "_" in blob else None)
    except (binascii.Error, ValueError):
        return ""
    if data.startswith(b"-----BEGIN"):
        head = data[:60]
        return "private" if b"PRIVATE" in head else "public"
    if data.startswith(b"openssh-key-v1"):
        return "private"
    if len(data) > 4 and data[0] == 0x30:  # DER SEQUENCE: what does it open with?
        i = 2 + (data[1] & 0x7F if data[1] & 0x80 else 0)
        if i + 1 < len(data) and data[i] == 0x02:
            # a one-byte INTEGER is a version (PKCS#1, SEC1 and PKCS#8 private keys, PKCS#12); a long
            # one is the modulus of a PKCS#1 public key ("BEGIN RSA PUBLIC KEY" without its armour)
            return "private" if data[i + 1] == 0x01 else "public" if data[i + 1] & 0x80 else ""
        if i < len(data):
            return "public" if data[i] == 0x30 else ""
    return ""
