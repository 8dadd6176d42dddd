"""E-mail addresses, plain and obfuscated.

The view has already undone entities (``&#64;``), percent-encoding (``%40``), look-alikes
(``＠``, ``﹫``), markup (``<b>jane</b>@``), invisible characters and quote marks; what is left:

* plain addresses, with internationalised local parts and domains, and a line break right after
  the ``@`` or a dot (a wrapped line);
* ``@`` and ``.`` spelled out or bracketed, in the languages of EGI's participants
  (``lexicon.AT_WORDS``, ``lexicon.DOT_WORDS``): ``jane [at] example [dot] org``,
  ``jose.lopez arroba ifca punto example punto org``, ``piotr {dot} zielinski {at} example {dot} eu``.
  The last label must be a top-level domain. A bare word that is also ordinary prose ("at",
  "bij") needs more evidence: a spelled or bracketed dot, or a local part with a dot, digit or
  underscore.

Not addresses: ``git@host:repo`` (an SSH remote: a colon and a path follow), ``user@192.0.2.4``
(no top-level domain), ``image@sha256:...``, ``@handles``.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.screening import lazy_re as re
from generator.screening.detectors.base import EMAIL, Finding, Lexicon, Text, fold, folded_too, lex, windows_around
from generator.screening.lexicon import (
    AMBIGUOUS_AT,
    AT_WORDS,
    DESK_ADDRESS_WORDS,
    DESK_ENQUIRY_WORDS,
    DESK_NAME_LINKS,
    DESK_TITLE_FORMS,
    DESK_TITLE_WORDS,
    DOT_WORDS,
    HOST_PAIR_WORDS,
    MACHINE_ACCOUNT_STEMS,
    MACHINE_WORDS,
    OFFICE_NAME_LINKS,
    OFFICE_NAMING_WORDS,
    PLACEHOLDER_LOCAL_PARTS,
    PUBLIC_ADJECTIVES,
    ROLE_MAILBOXES,
)

_PLAIN = re.compile(
    r"(?P<local>[\w%+'-]+(?:\.[\w%+'-]+)*)[ \t]*@[ \t]*\n?[ \t]*(?:>[ \t]*)*"
    r"(?P<domain>(?:[\w-]{1,63}\.(?:[ \t]*\n?[ \t]*(?=[a-z0-9])|(?=[\w-])))+[^\W\d_]{2,24})(?![\w-]|\.[^\W\d_])"
)
#: (a label after a space or a line break goes on the address only when it starts in lower case:
#: "conference@egi.eu. Please send" ends at "eu", "jan.novak@cesnet.\ncz" goes on)
# two- and three-letter top-level domains in use, and the common longer ones
_TLDS = frozenset(
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw "
    "by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et "
    "eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie "
    "il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv "
    "ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr "
    "nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl "
    "sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz "
    "va vc ve vg vi vn vu wf ws ye yt za zm zw com org net edu gov int mil info biz name pro mobi app "
    "dev cloud online site tech science eus cat gal swiss berlin paris wien museum aero coop asia jobs "
    "example test invalid local localhost lan internal academy institute research university ngo ong "
    "xyz io ai me рф срб мкд бг укр".split()
)
_SEP = r"[ \t]*(?:\n[ \t]*)?"
_OPEN, _CLOSE = r"[\[({<]", r"[\])}>]"
_AT = rf"(?:{_SEP}{_OPEN}{_SEP}(?:{lex(AT_WORDS)}){_SEP}{_CLOSE}{_SEP}|[ \t]+(?:{lex(AT_WORDS)})[ \t]+|[ \t]+@[ \t]*|@[ \t]+)"
_DOT = rf"(?:{_SEP}{_OPEN}{_SEP}(?:{lex(DOT_WORDS)}){_SEP}{_CLOSE}{_SEP}|[ \t]+(?:{lex(DOT_WORDS)})[ \t]+|\.)"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_TLD = "|".join(sorted((t for t in _TLDS if t.isascii()), key=len, reverse=True))
_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])(?P<local>{_LABEL}(?:(?:{_DOT}|[_+-]){_LABEL}){{0,4}})(?P<at>{_AT})"
    # (a domain's first label may come as two words, as speech recognition writes a name it
    # knows: "at proton mail dot com")
    rf"(?P<domain>{_LABEL}(?:[ ]{_LABEL})?(?:{_DOT}{_LABEL}){{0,5}})(?P<lastdot>{_DOT})(?P<tld>{_TLD})(?![\w-])"
)
_AMBIGUOUS = re.compile(rf"[ \t]+(?:{lex(AMBIGUOUS_AT)})[ \t]+")
_SPELLED_DOT = re.compile(rf"{_OPEN}|[ \t](?:{lex(DOT_WORDS)})[ \t]")
_BRACKETED_AT = re.compile(rf"[\[({{<][ \t]*(?:{lex(AT_WORDS)})[ \t]*[\])}}>]")
#: anchors of an obfuscated address: a spelled '@' that is not also a common word, a spelled '.'
#: that is not one either
_SPELLED = Lexicon(AT_WORDS, DOT_WORDS.replace("|point|", "|"))
_AMBIGUOUS_WORDS = frozenset(lex(AMBIGUOUS_AT).split("|"))
_AMBIGUOUS_BYTES = frozenset(w.encode() for w in _AMBIGUOUS_WORDS)
#: a common word for '@' between a local part and a domain ("jan.de.vries at example.nl"), for
#: each such word: one search led by " word " (a search for the word, then a match at each, cost
#: a call at every " a " of English prose)
_COMMON_AT_WORD = {w.encode(): re.compile(rf" {re.escape(w)} (?=[\w-]+\.[^\W\d_])") for w in _AMBIGUOUS_WORDS}


def _spaced_address(text: str, at: int) -> tuple[int, int] | None:
    """An address written with a space between its letters or pieces ("j a n . n o v a k @ e x a
    m p l e . c z"; the view has already joined the longer runs of single letters): from the '@',
    the pieces on each side that are one character long or joined to a dot."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, at - 200):at - 1].split(" ")
    right = text[at + 2:min(line_end, at + 200)].split(" ")

    def run(pieces: list[str]) -> list[str]:
        taken: list[str] = []
        for i, piece in enumerate(pieces):
            if len(piece) == 2 and piece[1] in ".,;:!?)" and piece[0].isalnum():
                taken.append(piece[0])  # the last letter, and the sentence's punctuation
                break
            near_dot = i == 0 or piece == "." or (i > 0 and pieces[i - 1] == ".") \
                or (i + 1 < len(pieces) and pieces[i + 1] == ".")  # (the piece next to the '@' always)
            if not piece or not (len(piece) == 1 or near_dot) or not all(c.isalnum() or c in ".+-_" for c in piece):
                break
            taken.append(piece)
        return taken

    before, after = run(left[::-1])[::-1], run(right)
    if not before or not after or sum(len(p) == 1 and p != "." for p in before + after) < 2:
        return None
    while after and after[-1] == ".":
        after.pop()  # the sentence's full stop
    squeezed = "".join(before) + "@" + "".join(after)
    if not _PLAIN.fullmatch(squeezed):
        return None
    start = at - 1 - len(" ".join(before))
    return start, at + 2 + len(" ".join(after))


def _bracketed_at(low: str) -> list[int]:
    """Where a spelled '@' in brackets starts ("(at)", "[ät]"): tried at each opening bracket,
    found by ``str.find`` (a search for the pattern would try every character; no spelling holds
    a bracket, so the matches are the same)."""
    starts = []
    for bracket in "[({<":
        i = low.find(bracket)
        while i >= 0:
            if _BRACKETED_AT.match(low, i):
                starts.append(i)
            i = low.find(bracket, i + 1)
    return sorted(starts)


#: an address broken around its '@' by line breaks ("stefan.maier\n@\nlrz-example.de")
#: (a local part with a dot, digit or sign: "decorator\n@app.route(" is code)
_SPLIT_AT = re.compile(r"(?<![\w.+-])(?=[\w+-]*[.\d+_-])[\w.+-]{1,64}[ \t]*(?:\n[ \t]*)?@[ \t]*(?:\n[ \t]*)?"
                       r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?![\w(-])", re.IGNORECASE)


#: the head of a local part broken at its hyphen or dot at a line's end, the address going on after
#: the next line's quote marks ("tamsin.oakes-\n> whitfield@gmail.com": a mail client's wrap)
_LOCAL_HEAD_BEFORE = re.compile(r"(?<![\w.+-])(?=[\w.+]*[^\W_])[\w.+]{1,63}(?<!\.)[-.]\n[ \t>]*$")


def emails(t: Text) -> Iterator[Finding]:
    text, low = t.text, t.low
    m: re.Match[str] | None
    ats = t.positions("@")
    for lo, hi in windows_around(ats, 80, 200, len(text)):
        for m in _PLAIN.finditer(text, lo, hi):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in "._%+'-"):
                continue  # (the local part began earlier: matched from its start)
            if text[end:end + 1] == ":" and text[end + 1:end + 2] not in ("", " ", "\n", "\t"):
                continue  # user@host:path, an SSH remote
            if _login(text, low, m) or _not_a_mailbox(text, low, m):
                continue
            if text.startswith("mailto:", max(0, start - 7)):
                start -= 7
            elif text[start - 1:start] in ("\n", " ", "\t", ">") and "\n" in text[max(0, start - 8):start]:
                head = _LOCAL_HEAD_BEFORE.search(text, max(0, start - 80), start)
                if head:
                    start = head.start()  # its head on the line before ("tamsin.oakes-\n> whitfield@...")
            yield Finding("email.plain", EMAIL, start, end)
    for lo, hi in windows_around([a for a in ats if "\n" in text[max(0, a - 3):a + 4]], 70, 80, len(text)):
        for m in _SPLIT_AT.finditer(text, lo, hi):
            # (a domain with a top-level domain in use: a chat's "@liisa.korhonen:" heading the
            # next line after "08-16." is a mention, not an address's second half)
            if "\n" in m.group() and m.group().rsplit(".", 1)[-1].lower() in _TLDS:
                yield Finding("email.split", EMAIL, m.start(), m.end())
    for a in ats:
        if text[a - 1:a] == " " and text[a + 1:a + 2] == " ":
            spaced = _spaced_address(text, a)
            if spaced:
                yield Finding("email.spaced", EMAIL, *spaced)
    anchors = _bracketed_at(low) if "(" in text or "[" in text or "{" in text or "<" in text else []
    anchors += [i for i in ats if low[i - 1:i] in (" ", "\t") or low[i + 1:i + 2] in (" ", "\t")]
    anchors += [p for w in _SPELLED.present(t) if w not in _AMBIGUOUS_WORDS for p in t.word_positions(w)]
    if "." in text:  # jan.de.vries at example.nl: a common word after a local part with a dot
        for word in _AMBIGUOUS_BYTES.intersection(t.words):
            for m in _COMMON_AT_WORD[word].finditer(low):
                i = m.start()
                local = low[low.rfind(" ", max(0, i - 64), i) + 1:i]
                if any(c in local for c in "._+") or any(c.isdigit() for c in local):
                    anchors.append(i)
    for lo, hi in _windows(anchors, len(low)):
        pos = lo
        while True:
            m = _OBFUSCATED.search(low, pos, hi)
            if m is None:
                break
            if _accept(m):
                yield Finding("email.obfuscated", EMAIL, m.start(), m.end())
                pos = m.end()
            else:  # a rejected reading may hide the real address inside it: go on one character later
                pos = m.start() + 1


#: a command or a URL scheme before user@host on its line: the address is a login, not a mailbox
_LOGIN_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:ssh|scp|sftp|rsync|mosh|gsissh|ssh-copy-id|sshfs|globus-url-copy|gfal-[\w-]+|xrdcp|"
    r"uberftp|telnet|git clone|git remote add|kinit|klist|kvno|ktutil|principal|keytab)(?![\w-])"
    # the address is one of the command's next few arguments (no sentence ends between)
    r"(?:[ \t]+(?![^\s]*[.!?;,](?:\s|$))[^\s]+){0,4}[ \t]+|://)$")
_PRINCIPAL = re.compile(r"[A-Z0-9][A-Z0-9.-]*\.[A-Z]{2,}")
#: "scheme://user:" before it: the password of a URL's user info (``urls`` judges it), not a mailbox
_URL_USER_BEFORE = re.compile(r"[a-z][a-z0-9+.-]{1,20}://[^\s/@:]{1,64}:[^\s/@:]{0,64}$")


#: the account and host of a shell prompt ("[centos@vm1.example.org ~]$") or of an SSH public key's
#: comment ("ssh-ed25519 AAAA... monitor@ce02.example.org")
_PROMPT_AFTER = re.compile(r"[ \t:][^\]\n]{0,60}\][$#]")
_KEY_BEFORE = re.compile(r"(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-[\w@.-]+)[ \t]+AAAA[A-Za-z0-9+/]+=*[ \t]+$")
#: a machine's name as the first label of the domain: letters then digits ("ce02", "vm1", "wn042")
_MACHINE = re.compile(r"[a-z]{1,12}-?\d{1,4}[a-z]?")
_ROLE_MAILBOXES = frozenset(ROLE_MAILBOXES)
_PLACEHOLDER_LOCALS = frozenset(PLACEHOLDER_LOCAL_PARTS)
#: the domains reserved for examples (RFC 2606, RFC 6761): nobody's mailbox is there
_RESERVED_DOMAIN = re.compile(r"(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid|localhost))$")
#: a mailing list's host: its addresses are a list's, not a person's
_LIST_HOST = re.compile(r"(?:lists?|listserv|mailman|sympa)\.", re.IGNORECASE)
#: ... except the addresses that reach the people who run a list
_LIST_PEOPLE = re.compile(r"(?:owner|request|admin|bounces?|moderators?)$", re.IGNORECASE)


#: the words that make a compound local part a team's ("grid-admin", "vo-managers", "cloud-support") ...
_TEAM_WORDS = _ROLE_MAILBOXES | frozenset("admin admins team managers staff desk operators".split())
#: ... with the rest of it naming a service, never a person ("jan-admin" is Jan's)
_SERVICE_WORDS = frozenset(
    "grid vo vos cloud site sites egi hpc htc it ops storage data compute cluster web mail dns net network "
    "infra sys sysadmin dev devops project lab group users user accounts portal jupyter notebooks aai "
    "checkin sso iam voms argo ggus rt wiki docs training dcache xrootd fts cvmfs ce se batch".split())


def _role_mailbox(local: str) -> bool:
    """A desk's local part: one of the role names, or a role name and one or two words of a
    service ("grid-admin", "egi.support", "cloud-ops-team")."""
    if local in _ROLE_MAILBOXES:
        return True
    parts = re.split(r"[-_.]", local)
    return 2 <= len(parts) <= 3 and not _TEAM_WORDS.isdisjoint(parts) \
        and all(p in _TEAM_WORDS or p in _SERVICE_WORDS for p in parts)


#: a batch system's slot on a machine, as HTCondor names it: "slot1@", "slot1_3@"
_BATCH_SLOT = re.compile(r"slot\d{1,3}(?:_\d{1,3})?")


def _not_a_mailbox(text: str, low: str, m: re.Match[str]) -> bool:
    start, domain = m.start(), m.group("domain")
    if text[start - 1:start] == "[" and _PROMPT_AFTER.match(text, m.end()):
        return True
    if (_MACHINE.fullmatch(domain.split(".", 1)[0].lower()) and domain.count(".") >= 2
            or domain.rsplit(".", 1)[-1].lower() not in _TLDS) \
            and _KEY_BEFORE.search(text, max(0, start - 800), start):
        return True  # an SSH key's comment, user@host: "ops@wn01.example.eu", "robot@vo.geohaz" (no mail domain)
    local = m.group("local").lower()
    if _BATCH_SLOT.fullmatch(local):
        return True  # an HTCondor slot on a worker node ("slot1_3@wn-112.nikhef.nl")
    if (_role_mailbox(local) or local in _PLACEHOLDER_LOCALS and _RESERVED_DOMAIN.search(domain.lower())) \
            and text[m.end("local"):m.start("domain")] == "@":
        return True  # "support@example.eu": a desk's address (written plainly; a hidden one is a person's)
    if _LIST_HOST.match(domain) and not _LIST_PEOPLE.search(m.group("local")):
        return True
    if _machine_account(low, m, local, domain):
        return True
    if text.endswith(_ROBOT_CN, max(0, start - 10), start) or text.endswith(_ROBOT_CN_SPACED, max(0, start - 10), start):
        return True  # "/CN=Robot:argo-egi@grnet.gr": a robot certificate's contact, no person's
    return text[m.end("local"):m.start("domain")] == "@" and (_service_desk(text, low, m) or _office_named(text, low, m)
                                                              or _public_service_mailbox(low, m))


_ROBOT_CN = "CN=Robot:"
_ROBOT_CN_SPACED = "CN=Robot: "
#: "public" said of a thing (``lexicon.PUBLIC_ADJECTIVES``)
_PUBLIC_ADJECTIVE = re.compile(rf"(?<![\w-])(?:{lex(PUBLIC_ADJECTIVES)})(?![\w-])")
_ONE_WORD = re.compile(r"[^\W\d_]{2,40}")


def _public_service_mailbox(low: str, m: re.Match[str]) -> bool:
    """A one-word mailbox the sentence before calls a service's public one ("el correo público del
    servicio es tcs@rediris.es", "die öffentliche Adresse des Dienstes lautet pki@dfn.de"): a
    service's word and "public" in the same sentence; a person's mailbox is not called so."""
    if not _ONE_WORD.fullmatch(fold(m.group("local").lower())):
        return False
    start = m.start()
    lo = max(0, start - 160)
    lo = max(lo, low.rfind("\n\n", lo, start) + 1, low.rfind(". ", lo, start) + 1, low.rfind("; ", lo, start) + 1)
    return _PUBLIC_ADJECTIVE.search(low, lo, start) is not None and re.search(_OFFICE_WORD, low[lo:start]) is not None


#: a machine's word or a command, and an account's local part (``lexicon.MACHINE_WORDS``,
#: ``lexicon.MACHINE_ACCOUNT_STEMS``): stems and numbers ("gridadm", "root", "ops-mon2"), or a
#: VO's or a service's name and an administrator's or a production role's ending ("atlasprd",
#: "lhcbsgm", "cmsadm"); a stem beginning a longer word is no account ("monika", "botond")
_MACHINE_WORD = re.compile(rf"(?<![\w-])(?:{lex(MACHINE_WORDS)})(?![\w-])")
_ACCOUNT_STEM = rf"(?:{lex(MACHINE_ACCOUNT_STEMS)})"
_MACHINE_ACCOUNT = re.compile(rf"{_ACCOUNT_STEM}(?:[-_]?(?:{_ACCOUNT_STEM}|\d{{1,4}}))*|"
                              r"[a-z]{2,12}[-_]?(?:adm|admin|prd|sgm|svc|srv|pilot|robot)\d{0,4}")


def _machine_account(low: str, m: re.Match[str], local: str, domain: str) -> bool:
    """A service's or an administrator's account on a machine ("die Maschine
    gridadm@ui01.grid.example.de ist bereinigt", "root@wn-12.example.org on the node"): the
    domain's first label is a machine's name, a machine's word or a command is near, and the local
    part is an account's, no person's ("jan.novak@ui01..." is a person's login: it goes)."""
    first, rest = domain.lower().split(".", 1) if "." in domain else (domain, "")
    if "." not in rest or not _MACHINE.fullmatch(first) or not _MACHINE_ACCOUNT.fullmatch(local):
        return False
    line_start = low.rfind("\n", max(0, m.start() - 160), m.start()) + 1
    line_end = low.find("\n", m.end(), m.end() + 160)
    return _MACHINE_WORD.search(low, line_start, m.end() + 160 if line_end < 0 else line_end) is not None


#: an office's or a service's word, then an article or a preposition with its article, before its name
_OFFICE_WORD = rf"(?<![\w-])(?:{lex(OFFICE_NAMING_WORDS)})"
_OFFICE_LINK = rf"[ \t]+(?:{lex(OFFICE_NAME_LINKS)})(?:(?<=')|[ \t]+)"
_OFFICE_LINKED = re.compile(rf"{_OFFICE_WORD}{_OFFICE_LINK}$")
_OFFICE_RIGHT_BEFORE = re.compile(rf"{_OFFICE_WORD}[ \t]+$")
#: (or the word before the office's word, in lower case: "the conference office: conference@egi.eu")
_OFFICE_RIGHT_AFTER = re.compile(rf"[ \t]+(?:{lex(OFFICE_NAMING_WORDS)})(?![\w-])")
_LETTERS = re.compile(r"[^\W\d_]{4,40}")


def _office_named(text: str, low: str, m: re.Match[str]) -> bool:
    """A one-word mailbox named by the office or the service the sentence names just before it
    ("il riferimento è l'ufficio della Direzione, direzione@ct.infn.it", "il servizio certificati
    del GARR, certificati@garr.it", "the Registry office of the university: registry@..."): the
    local part is the word after the office's word (after an article, or right after it in lower
    case: a capitalised word right after it may be a person's name, "Büro Müller")."""
    local = fold(m.group("local").lower())
    if not _LETTERS.fullmatch(local):
        return False
    start = m.start()
    lo = max(0, start - 200)
    cut = max(low.rfind("\n\n", lo, start), low.rfind(". ", lo, start), low.rfind("! ", lo, start), low.rfind("? ", lo, start))
    lo = max(lo, cut + 1)
    at = low.find(local, lo, start)
    while at >= 0:
        end = at + len(local)
        if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            if _OFFICE_LINKED.search(low, max(0, at - 60), at) \
                    or _OFFICE_RIGHT_BEFORE.search(low, max(0, at - 40), at) and text[at:at + 1].islower() \
                    or _OFFICE_RIGHT_AFTER.match(low, end) and text[at:at + 1].islower():
                return True
        at = low.find(local, end, start)
    return False


#: where to write to a service's desk, said before its address ("obecné dotazy ... na", "general
#: enquiries to", "destek ekibine"): ``lexicon.DESK_ENQUIRY_WORDS`` (a stem: its case endings follow)
_DESK_ENQUIRY = re.compile(rf"(?<![\w-])(?:{lex(DESK_ENQUIRY_WORDS)})")
_NAME_WORD = re.compile(r"[^\W_][\w]*")
#: a desk's word before the service's name ("Helpdesk MetaCentra", "Podpora MetaCentra"): a title, no given name
_DESK_TITLES = folded_too(DESK_TITLE_WORDS + DESK_TITLE_FORMS)
_DESK_LINKS = folded_too(DESK_NAME_LINKS)
#: a sentence calling the address after it a desk's ("the public helpdesk address", "adresa podpory")
_DESK_ADDRESS = re.compile(rf"(?<![\w-])(?:{lex(DESK_ADDRESS_WORDS)})")


def _service_named(text: str, start: int, part: str) -> str | None:
    """Is ``part`` (a local part's word) the name of a service written before the address as
    services are, in capitals ("TRUBA", "LOFAR") or with a capital inside ("MetaCentrum" for
    "meta")? Such a name after a capitalised word is a person's surname ("Pierre DUPONT", "Sean
    McDonald"), unless that word is a desk's ("Helpdesk MetaCentra", "Support LOFAR"): then the
    name is the desk's title ("desk"), else "named" or None."""
    if len(part) < 3 or not part.isalpha():
        return None
    lo = max(0, start - 300)
    previous, before, previous_end = "", "", lo
    for w in _NAME_WORD.finditer(text, lo, start):
        word = w.group()
        low = word.lower()
        if any(c in "\n.!?;:," for c in text[previous_end:w.start()]):
            previous = before = ""  # (a greeting's line or a sentence before is no given name: "Merhaba,\n\nTRUBA")
        previous_end = w.end()
        acronym = word.isupper() and len(word) >= 3 and low == part
        camel = word[:1].isupper() and not word.isupper() and any(c.isupper() for c in word[1:]) \
            and len(part) >= 4 and low.startswith(part) \
            or word[:1].islower() and any(c.isupper() for c in word[1:]) and low == part  # "bwUniCluster"
        if acronym or camel:
            # (the desk's word in its cases, or before a link: "podporu MetaCentra", "support of LOFAR")
            desk = fold(previous.lower()) in _DESK_TITLES \
                or fold(previous.lower()) in _DESK_LINKS and fold(before.lower()) in _DESK_TITLES
            if desk or not previous.istitle():  # ("Sean McDonald", "Pierre DUPONT": a surname)
                return "desk" if desk else "named"
        previous, before = word, previous
    return None


def _service_desk(text: str, low: str, m: re.Match[str]) -> bool:
    """A service's desk named after the service: a role word and the service's name ("truba-destek"
    beside "TRUBA"), or the name alone where the text says to write there with general, press or
    support enquiries ("obecné dotazy k MetaCentru směřujte na meta@cesnet.cz"). A person's address
    (two names, or a name the text writes as a person's) is not one."""
    parts = [p for p in re.split(r"[-_.]", m.group("local").lower()) if p]
    if not 1 <= len(parts) <= 3:
        return False
    names = [p for p in parts if p not in _TEAM_WORDS and p not in _SERVICE_WORDS]
    if len(names) == 1 < len(parts) and not _TEAM_WORDS.isdisjoint(parts) and names[0].isalpha() \
            and _desk_address_said(low, m.start()):
        return True  # "please use the public helpdesk address truba-destek@...": a project's name and a desk's word
    named = _service_named(text, m.start(), names[0]) if len(names) == 1 else None
    if named is None:
        return False
    if named == "desk" and len(parts) == 1:
        return True  # "Helpdesk MetaCentra: meta@cesnet.cz": the desk's title names the service
    if len(names) < len(parts) and not _TEAM_WORDS.isdisjoint(parts):
        return True  # "truba-destek", "lofar-helpdesk"
    return _DESK_ENQUIRY.search(low, max(0, m.start() - 160), m.start()) is not None


def _desk_address_said(low: str, start: int) -> bool:
    """Does the sentence before ``start`` call the address a desk's ("the helpdesk address",
    "Adresse des Supports", "destek adresi")?"""
    lo = max(0, start - 120)
    lo = max(lo, low.rfind("\n\n", lo, start) + 1, low.rfind(". ", lo, start) + 1)
    return _DESK_ADDRESS.search(low, lo, start) is not None


def _login(text: str, low: str, m: re.Match[str]) -> bool:
    """user@host in a command line, a URL's user name, a Kerberos principal (service/host@REALM),
    or a decorator or mention after a word ('and @app.route'): not a mailbox."""
    start = m.start()
    line_start = low.rfind("\n", 0, start) + 1
    if _LOGIN_BEFORE.search(low, max(line_start, start - 120), start):
        return True
    if _URL_USER_BEFORE.search(low, max(line_start, start - 160), start):
        return True
    if text[start - 1:start] == "/" and _PRINCIPAL.fullmatch(m.group("domain")):
        return True  # host/node.example.eu@EXAMPLE.EU
    local_end = m.end("local")
    if text[local_end:local_end + 1] in (" ", "\t") and text[m.start("domain") - 1:m.start("domain")] == "@":
        return m.group("domain").rsplit(".", 1)[-1].lower() not in _TLDS
    return False


#: "between" or "from" before a host name ("entre ccsrm.in2p3.fr et ...")
_HOST_PAIR_BEFORE = re.compile(rf"(?<![\w-])(?:{lex(HOST_PAIR_WORDS)})[ \t]+$")


def _host_pair(m: re.Match[str]) -> bool:
    """Is the left part a host name of its own, joined to the next by a conjunction that also
    spells '@' ("entre ccsrm.in2p3.fr et srm.grid.sara.nl", "da cnaf.infn.it a ...")? It ends in a
    top-level domain and has three labels or more, or "between" or "from" stands before it."""
    labels = m.group("local").split(".")
    if len(labels) < 2 or labels[-1] not in _TLDS or not labels[-1].isalpha():
        return False
    start = m.start()
    return len(labels) >= 3 or _HOST_PAIR_BEFORE.search(m.string, max(0, start - 30), start) is not None


def _accept(m: re.Match[str]) -> bool:
    local, at = m.group("local"), m.group("at")
    if not any(c.isalpha() for c in local):
        return False  # "UMD 5.1 at site.example.org": a version, not a mailbox
    if _AMBIGUOUS.fullmatch(at) and _host_pair(m):
        return False  # two hosts joined by "et", "a", "la": "entre ccsrm.in2p3.fr et srm.grid.sara.nl"
    if _AMBIGUOUS.fullmatch(at):
        separated = any(c in local for c in "._+") or any(c.isdigit() for c in local) \
            or bool(_SPELLED_DOT.search(local))
        if at.strip() == "la" and not separated:
            # Romanian "la" is also "to"/"at" of prose, and "punct de ..." a common phrase ("ne
            # vedem la IFIN punct de lucru"): a one-word local part only when the address ends
            # its phrase (no word goes on after the top-level domain)
            after = m.string[m.end():m.end() + 2]
            return bool(_SPELLED_DOT.search(m.group())) and not (after[:1] == " " and after[1:2].isalpha())
        return bool(_SPELLED_DOT.search(m.group()) or separated)
    return True


def _windows(anchors: list[int], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a in sorted(anchors):
        lo, hi = max(0, a - 90), min(n, a + 160)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


#: an address written backwards, its domain first ("moc.liamg@kalsovek"): the word after the '@'
#: has no dot, the word before ends in a top-level domain written backwards
_BACKWARDS = re.compile(r"(?<![\w.@-])(?P<domain>[a-z0-9-]{2,24}(?:\.[a-z0-9-]{1,63}){1,4})@(?P<local>[a-z0-9._%+-]{1,64})(?![\w.@-])",
                        re.IGNORECASE)


def backwards_emails(t: Text) -> Iterator[Finding]:
    """An e-mail address written backwards, so that a filter reads no address ("moc.liamg@kalsovek"
    is kalsovek@gmail.com)."""
    if "@" not in t.text:
        return
    for m in _BACKWARDS.finditer(t.text):
        tld = m.group("domain").split(".", 1)[0][::-1].lower()
        if "." not in m.group("local") and tld in _TLDS and m.group("domain").rsplit(".", 1)[-1].lower() not in _TLDS:
            yield Finding("email.backwards", EMAIL, m.start(), m.end())
