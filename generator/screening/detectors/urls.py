"""URLs that carry a secret or a person's contact.

* User info: ``scheme://user:password@host`` of any scheme (https, git, postgres, mongodb+srv,
  amqp, redis with a password only, ...): the password; a token standing alone as the user
  (``https://TOKEN@github.com``) too. A percent-encoded password is decoded in the view, so the
  last ``@`` before the host ends it.
* Query and fragment: when a parameter whose name is credential-ish (``sig``, ``signature``,
  ``token``, ``access_token``, ``code``, ``key``, ``password``, ``secret``, ``X-Amz-Signature``,
  ``X-Goog-Credential``, ...) has a value of some length, the whole query: the other parameters of
  a signed link (expiry, permissions, resource) describe the grant. Otherwise the value of such a
  parameter, and any random-looking value. The same query string pasted without its URL
  (``sv=...&se=...&sig=...``, a SAS token alone) goes whole too.
* Profiles: a person's page on a social or professional network (``linkedin.com/in/``,
  ``x.com/<account>``, Facebook, Instagram, ResearchGate profiles, Google Scholar authors,
  ``/@account`` on any host as on Mastodon): the whole link, as contact data. Organisation pages
  where the network separates them (``linkedin.com/company/``, Facebook groups), ROR and ORCID
  records stay.
* Path: a random-looking segment (a webhook, a share link, a private feed), a hexadecimal one
  unless it names a commit or a digest (``/commit/<sha>``, 40 or 64 digits), and whatever follows
  a word like ``private-`` or ``secret``.
* Contact links: ``tel:``, ``sms:``, ``callto:``, ``viber://``, ``skype:``, WhatsApp (``wa.me``),
  Signal (``signal.me``), Telegram (``t.me``), Matrix (``matrix.to``): the whole link.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from generator.screening import lazy_re as re
from generator.screening.detectors.base import CREDENTIAL, PERSONAL, PHONE, Finding, Text, folded_too, lex
from generator.screening.detectors.phone import desk_number
from generator.screening.detectors.shapes import looks_random
from generator.screening.lexicon import JOB_ID_LABELS, NOT_A_VALUE, ONE_TIME_LINK_STEMS, PASSWORD_WORDS

_CONTACT_HOSTS = re.compile(
    r"(?<![\w.-])(?:wa\.me|api\.whatsapp\.com/send|chat\.whatsapp\.com|signal\.me|signal\.group|t\.me|"
    r"telegram\.me|telegram\.dog|m\.me|matrix\.to|threema\.id|join\.skype\.com|discord\.gg|"
    r"discord(?:app)?\.com/users|line\.me/ti)/[^\s<>\"'`]+",
    re.IGNORECASE,
)
_CONTACT_SCHEMES = re.compile(
    r"(?<![\w/])(?:tel|sms|smsto|mms|callto|facetime|facetime-audio|whatsapp|viber|skype|signal|sgnl|tg|"
    r"threema|xmpp|sip|sips|im|wtai):/{0,2}[^\s<>\"'`]+",
    re.IGNORECASE,
)
_CREDENTIAL_PARAM = re.compile(
    r"(?:.*[_-])?(?:sig|signature|token|tokens|access_token|id_token|refresh_token|auth|authorization|code|"
    r"key|apikey|api_key|secret|password|passwd|pwd|pass|pw|credential|credentials|session|sessionid|"
    r"sid|ticket|otp|hmac|jwt|bearer|st|sk|private|priv|security-token|securitytoken|sas|macaroon|"
    r"x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|"
    r"awsaccesskeyid|googleaccessid|client_secret|passcode|pin|secret_key|access_key)"
    # (a long name with a prefix glued to it: OMERO's "bsession", "authtoken", "xapikey")
    r"|[a-z]{1,12}(?:session|sessionid|sessionkey|token|secret|password|passwd|apikey|signature)",
    re.IGNORECASE,
)
_FORGE_WORDS = frozenset("commit commits blob tree raw compare releases release tag tags sha shas "
                         "revision rev changeset diff merge_requests pull src blame manifests".split())
_SHARE_WORDS = frozenset("s share shared sharing d f file files invite invites join j private secret "
                         "token tokens key keys webhook webhooks hooks services preview dl download "
                         "publish published ical feeds feed calendar cal p".split())
#: path words after which a long hexadecimal segment is a record's id (a public link to it)
_RECORD_WORDS = frozenset("document documents doc docs record records item items object objects dataset "
                          "datasets pid pids handle handles hdl entry entries article articles node nodes "
                          "resource resources view show detail details catalogue catalog".split())
#: path words after which a segment is the id a batch system gave a job or a run ("gsiftp://arc01.
#: example.org:2811/jobs/Zk9NDm..."): reading it needs the owner's credential, it is no credential
_JOB_WORDS = frozenset("job jobs run runs build builds pipeline pipelines task tasks workflow workflows arex".split())
#: a handle prefix ('21.T11148', '11304'): the segment after it is a persistent identifier
_HANDLE_PREFIX = re.compile(r"\d{2}\.(?:T)?\d{3,}|\d{5}|\d{2}\.\d{4,}")
#: resolvers of persistent identifiers: their paths are identifiers, public by design
_PID_HOSTS = ("hdl.handle.net", "handle.net", "doi.org", "dx.doi.org", "ror.org", "n2t.net", "identifiers.org",
              "orcid.org", "purl.org", "w3id.org", "hdl.grnet.gr", "b2share.eudat.eu", "zenodo.org", "arxiv.org")
_SECRET_WORD_IN_SEGMENT = re.compile(r"(?:private|secret|token|key|sig|hash|auth)[-_.]?(?=[0-9A-Za-z]{8,})", re.I)
_HEXISH = re.compile(r"[0-9a-fA-F]{16,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HOST = re.compile(r"[\w.-]+(?::\d{1,5})?(?=[/?#;|]|$)")
_TRAILING = ".,;:!?)]}'\"»”"
#: a job's id said just before its address (a batch system's or a logging service's)
_JOB_ID_BEFORE = re.compile(rf"(?<![\w])(?:{JOB_ID_LABELS})(?:[ \t]+(?:is|was|ist|war|est|è|es|je|é))?[ \t]*[:=]?[ \t]*$")
#: another URL right after a '|' (a list of alternatives)
_NEXT_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://")
_SCHEME_BEFORE = re.compile(r"(?:https?://)?(?:www\.)?$", re.IGNORECASE)


_BARE_PROFILE_HOSTS = {b"linkedin": "linkedin.com/", b"facebook": "facebook.com/", b"twitter": "twitter.com/",
                       b"x": "x.com/", b"instagram": "instagram.com/", b"researchgate": "researchgate.net/",
                       b"bsky": "bsky.app/"}
_PROFILE_NAMES = frozenset(_BARE_PROFILE_HOSTS)
_SCHEME_CHARS = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,20}$")
_URL_REST = re.compile(r"[^\s<>\"'`]+")
_CONTACT_WORDS = frozenset(b"matrix threema discord whatsapp skype signal telegram".split())
_SCHEME_WORDS = frozenset(b"tel sms smsto mms callto facetime whatsapp viber skype signal sgnl tg threema xmpp sip sips im wtai".split())


_SCHEME_CHAR = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")


def _scheme_start(text: str, i: int) -> int | None:
    """Where the scheme before the '://' at ``i`` starts (``_SCHEME_CHARS`` searched in the 21
    characters before). An "http" or "https" with no scheme character before it is told without
    the search, which tries every character of its window (most links are so)."""
    for name in ("https", "http"):
        s = i - len(name)
        if s >= 0 and text.startswith(name, s) and (s == 0 or text[s - 1] not in _SCHEME_CHAR):
            return s
    scheme = _SCHEME_CHARS.search(text, max(0, i - 21), i)
    return scheme.start() if scheme else None


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def urls(t: Text) -> Iterator[Finding]:
    text, low, words = t.text, t.low, t.words
    starts = set()
    for i in t.positions("://"):
        start = _scheme_start(text, i)
        if start is not None:
            starts.add(start)
    for i in t.positions("www."):
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "/.@"):
            starts.add(i)
    for name in _PROFILE_NAMES.intersection(words):  # "linkedin.com/in/jane-doe" without its scheme
        for i in t.positions(_BARE_PROFILE_HOSTS[name]):
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "/.@-_"):
                starts.add(i)
    for start in sorted(starts):
        m = _URL_REST.match(text, start)
        if m:
            end = m.end()
            bar = text.find("|", start, end)
            if bar > 0 and _NEXT_URL.match(text, bar + 1):
                end = bar  # a list of proxies: "http://squid01.example.pl:3128|http://squid02...;DIRECT"
            job = _JOB_ID_BEFORE.search(low, max(0, start - 40), start) is not None
            for f in _url_findings(text[start:_trim(text, start, end)]):
                if job and f.rule == "credential.url-path":
                    continue  # "The job ID is https://lb.example.eu:9000/Hk7T...": the address names a job
                yield Finding(f.rule, f.category, start + f.start, start + f.end)
    # (".me/" holds the word 'me': the set answers before a search of the text)
    if not _CONTACT_WORDS.isdisjoint(words) or b"me" in words and ".me/" in low or "matrix.to" in low:
        for m in _CONTACT_HOSTS.finditer(text):
            start, end = m.span()
            scheme = _SCHEME_BEFORE.search(text, max(0, start - 12), start)
            if scheme:
                start = scheme.start()
            end = _trim(text, start, end)
            category = PHONE if re.search(r"\d{6,}", text[start:end]) else PERSONAL
            yield Finding("contact.messenger-link", category, start, end)
    if ":" in text and not _SCHEME_WORDS.isdisjoint(words):
        for m in _contact_schemes(t):
            start, end = m.start(), _trim(text, m.start(), m.end())
            body = text[m.start() + text[m.start():end].index(":") + 1:end].lstrip("/")
            if len(body) >= 4 and (re.search(r"\d{5,}", body.replace(" ", "")) or "." in body or "@" in body
                                   or m.group().lower().startswith(("skype", "viber", "signal", "whatsapp", "tg:", "xmpp",
                                                                    "sip", "threema"))):
                category = PHONE if re.search(r"\d{6,}", body.replace(" ", "").replace("-", "")) else PERSONAL
                if category == PHONE and m.group().lower().startswith(("tel:", "callto:")) \
                        and desk_number(t.low, start, text[start:end]):
                    continue  # "call the service desk (tel:+441235778000)": a desk's line, as the link's text says
                yield Finding("contact.link", category, start, end)


#: a login and its password before a host, with no '://' before them: a scheme mistyped
#: ("postgresql+psycopg2//app:pw@db.example.org", "mongodb:/api:pw@mongo01...") or left out
#: ("komplex:Bp!2024@db.wigner.hu:5432"). The password holds no ':' and the host has a dot; the
#: login, read back from the ':', has a letter
_BARE_LOGIN = re.compile(r"(?<![\w.+%-])(?=[\w.+%-]*[^\W\d_])[\w.+%-]{1,64}$")
_BARE_PASSWORD = re.compile(r"[^\s@/:'\"<>`(),;\[\]{}]{3,128}@[\w-]+(?:\.[\w-]+)+")
#: what stands before a ':' as a URI's scheme, not a login ("mailto:jane@...", "sip:...")
_NOT_A_LOGIN = frozenset("mailto sip sips xmpp tel sms im acct mid cid news nntp urn sftp ssh scp rsync git".split())


def bare_userinfo(t: Text) -> Iterator[Finding]:
    """A login with its password before a host, outside any well-formed URL (a URL's own user
    info is ``_url``'s): the login and the password go."""
    text = t.text
    if "@" not in text or ":" not in text:
        return
    for at in t.positions("@"):
        colon = text.rfind(":", max(0, at - 129), at)
        password = _BARE_PASSWORD.match(text, colon + 1) if colon > 0 else None
        if password is None or password.end() <= at:
            continue
        login = _BARE_LOGIN.search(text, max(0, colon - 64), colon)
        if login is None or login.group().lower() in _NOT_A_LOGIN or text.endswith("://", 0, login.start()) \
                or _placeholder(text[colon + 1:at]):
            continue  # (a well-formed URL's user info is the URL's own finding)
        if login.group() == "Robot" and text.endswith("CN=", 0, login.start()):
            continue  # "/CN=Robot:argo-egi@grnet.gr": a robot certificate's name and its contact
        yield Finding("credential.url-userinfo", CREDENTIAL, login.start(), at)


def _contact_schemes(t: Text) -> Iterator[re.Match[str]]:
    """``_CONTACT_SCHEMES.finditer(t.text)``, tried in an ASCII text only where a scheme's word
    stands ('tel' in a signature's "Tel." is enough to ask; the search tries its twenty words at
    every character, ~100 us a message). Outside ASCII, case folding has its own pairs ('ı' is
    an 'i' to it): the search answers."""
    text = t.text
    if not t.ascii:
        yield from _CONTACT_SCHEMES.finditer(text)
        return
    end, match = 0, _CONTACT_SCHEMES.match
    for p in sorted({p for w in _SCHEME_WORDS.intersection(t.words) for p in t.positions(w.decode())}):
        if p >= end:
            m = match(text, p)
            if m:
                yield m
                end = m.end()


@lru_cache(maxsize=4096)
def _url_findings(url: str) -> tuple[Finding, ...]:
    """Findings in one URL, in its own coordinates (remembered: tickets repeat their links)."""
    return tuple(_url(url, 0, len(url)))


#: a password that is a placeholder's name: capitals and underscores ("PASSWORD", "DB_PASS")
#: a webhook's address: whoever has it may post (its path is the secret)
_OVERLEAF_SHARE = re.compile(r"/(?:\d{6,14}[a-z]{8,20}|read/[a-z]{8,20})/?")
_WEBHOOK_PATH = re.compile(r"/(?:webhooks?|hooks|services/hooks)/", re.IGNORECASE)
_CAPITAL_NAME = re.compile(r"[^\W\d_][^\W\d]{2,40}")
#: a name of the secret, in EGI's languages too ("postgres://user:HASŁO@db", "…:ПАРОЛЬ@…")
_SECRET_NAME = re.compile(rf"pass|pw|secret|token|key|cred|{lex(*PASSWORD_WORDS)}")
_NOT_A_VALUE = folded_too(NOT_A_VALUE)


#: a path's word of a one-time link (a password's reset, an account's activation, an address's
#: confirmation, a sign-in link, an invitation), in EGI's languages: a token after it opens the
#: account, and the whole link is the key (its user's number and its time stamp too), as a share's
_ONE_TIME_WORD = re.compile(ONE_TIME_LINK_STEMS, re.IGNORECASE)
#: a token after such a word: letters and digits (and '-', '_'), sixteen at least
_ONE_TIME_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,200}")
_PART = re.compile(r"[^_-]+")


def _one_time_token(segment: str) -> bool:
    """Is the segment after a one-time link's word its token: letters and digits mixed, none of
    its parts a word ("Procedure_for_VO_2024" is a page's title)?"""
    if not _ONE_TIME_TOKEN.fullmatch(segment) or not any(c.isdigit() for c in segment) \
            or not any(c.isalpha() for c in segment):
        return False
    return not any(len(p) >= 3 and p.isalpha() and (p.islower() or p.istitle() or p.isupper())
                   for p in _PART.findall(segment))


def _url(text: str, start: int, end: int) -> Iterator[Finding]:
    url = text[start:end]
    scheme_end = url.find("://")
    rest_at = scheme_end + 3 if scheme_end >= 0 else 0
    # user info: up to the last '@' that is followed by a host
    ats = [i for i, c in enumerate(url) if c == "@" and i > rest_at] if "@" in url else []
    authority_at = rest_at
    for at in reversed(ats):
        if _HOST.match(url, at + 1) and not re.search(r"[/?#]", url[rest_at:at].split(":", 1)[0]):
            userinfo = url[rest_at:at]
            authority_at = at + 1
            if ":" in userinfo:
                password = userinfo.partition(":")[2]
                if password and not _placeholder(password):  # a working login: the whole address goes
                    yield Finding("credential.url-userinfo", CREDENTIAL, start, end)
            elif looks_random(userinfo, relaxed=True) or len(userinfo) >= 20:
                yield Finding("credential.url-userinfo", CREDENTIAL, start + rest_at, start + at)
            break
    host_m = _HOST.match(url, authority_at)
    path_at = host_m.end() if host_m else authority_at
    host = url[authority_at:path_at].lower()
    # the path: the segments that look like a secret (one secret may fill several: T0.../B0.../key)
    pid_host = host.split(":")[0].endswith(_PID_HOSTS)
    query_at = len(url)
    for sep in "?#":
        i = url.find(sep, path_at)
        if i >= 0:
            query_at = min(query_at, i)
    secret_segments = []
    previous = ""
    shared = one_time = False
    segments = list(_SEGMENT.finditer(url, path_at, query_at))
    for n, m in enumerate(segments):
        segment = m.group()
        if n + 1 < len(segments) and segments[n + 1].group().lower() in _PUBLISHED_ENDINGS \
                and previous not in _SECRET_PATH_WORDS and not one_time:
            previous = segment.lower()  # a form's page for its respondents, a document published to the web
            continue
        if not pid_host and (_path_secret(segment, previous) or one_time and _one_time_token(segment)):
            secret_segments.append((m.start(), m.end()))
            shared = shared or previous in _SHARE_PREFIXES or previous in _SHARE_WORDS or one_time
        previous = segment.lower()
        one_time = one_time or _ONE_TIME_WORD.search(previous) is not None
    # an Overleaf project's share link (overleaf.com or an institution's own Overleaf or ShareLaTeX):
    # its path is the key, read-write ("/9583994210ixczlrbboosm": digits, then lower-case letters)
    # or read-only ("/read/kxvbqtzrmnpw"); the template gallery, the guides and "/project/<id>" (a
    # login needed) are no key
    if ("overleaf" in host or "sharelatex" in host) and _OVERLEAF_SHARE.fullmatch(url, path_at, query_at):
        yield Finding("credential.url-path", CREDENTIAL, start, end)
        return
    # a webhook's address: whoever has it may post
    if host.startswith("hooks.") or host.endswith("webhook.office.com") or "discord" in host and "/webhooks/" in url \
            or secret_segments and _WEBHOOK_PATH.search(url, path_at):
        yield Finding("credential.webhook", CREDENTIAL, start, end)
        return
    if _profile(host.split(":")[0], url[path_at:]):
        yield Finding("contact.profile-link", PERSONAL, start, end)
        return
    if secret_segments and shared:  # a share's link: the link is the key, as with a query's credential below
        yield Finding("credential.url-path", CREDENTIAL, start, end)
    elif secret_segments:
        yield Finding("credential.url-path", CREDENTIAL, start + secret_segments[0][0], start + secret_segments[-1][1])
    # the query and the fragment: a credential there makes the whole address a key ("whoever has
    # the link gets in"), and its host and path name what it opens: the whole address goes, as
    # with a password in its user info
    if query_at < len(url):
        if _signed(url[query_at + 1:]) or _query_credential(url[query_at:]):
            yield Finding("credential.url-query", CREDENTIAL, start, end)


def _query_credential(query: str) -> bool:
    """Does one of a query's (or a fragment's) parameters hold a credential: a value under a
    credential's name, or a random-looking value under a name not known to be public?"""
    for m in re.finditer(r"([^?#&;=]+)(?:=([^&;#]*))?", query):
        name, value = m.group(1), m.group(2)
        if value is None:
            name, value = "", name
        if not value:
            continue
        if not name and value.startswith("/"):  # a single-page app's route ("#/job/<uuid>"): its segments
            if any(looks_random(p, relaxed=True) or _HEXISH.fullmatch(p) and len(p) >= 24 for p in value.split("/")):
                return True
            continue
        if name and _CREDENTIAL_PARAM.fullmatch(name) and not _placeholder(value):
            return True
        if _public_media_param(name.lower(), value):
            continue  # a video's id, a playlist, a time, a page: "watch?v=Xk4r8B2qLmE&t=482s"
        if name.lower() not in _PUBLIC_PARAMS and not _ACCESSION.fullmatch(value) and (
                looks_random(value, relaxed=True) or _HEXISH.fullmatch(value) and len(value) >= 24):
            return True
    return False


#: an archive's accession number, with its version parts: "phs001234.v2.p1" (dbGaP), "EGAS00001000123",
#: "GSE12345", "PRJNA123456": a public record's name, however random its digits look
_ACCESSION = re.compile(r"[A-Za-z]{2,6}_?\d{4,12}(?:\.[A-Za-z]?\d{1,3}){0,3}")


_PARAMETER = re.compile(r"([A-Za-z][\w.-]{0,40})=([^&;#]*)")
#: query parameters that name a public object's version or a revision, whatever their value looks like
_PUBLIC_PARAMS = frozenset("commit sha rev revision ref checksum digest etag hash versionid version_id "
                           "generation uuid guid doi".split())


#: the public parameters of video and document sites: a video's id ("v"), a playlist and its index,
#: a page, a chapter (YouTube's "watch?v=...&list=...&index=3", a viewer's "?page=12"); their values
#: are ids of what anyone may watch or read, short words of letters, digits, '-' and '_'
_PUBLIC_MEDIA_PARAMS = frozenset("v vi list index page pg chapter section feature ab_channel".split())
#: (at most twelve characters: a YouTube video's id has eleven; a longer random value is judged as a
#: token's, whatever its parameter is called, but a playlist's id, with its kind's prefix)
_MEDIA_ID = re.compile(r"[A-Za-z0-9_-]{1,12}")
_PLAYLIST_ID = re.compile(r"(?:PL|UU|OL|RD|FL|LL)[A-Za-z0-9_-]{10,40}")
#: a time in a video ("t", "start", "end"): seconds or "1h2m3s", a clock time ("1:02:03")
_TIME_PARAMS = frozenset("t start end time time_continue".split())
_MEDIA_TIME = re.compile(r"\d{1,6}(?:\.\d+)?s?|(?:\d{1,3}h)?(?:\d{1,3}m)?(?:\d{1,5}s)?|\d{1,2}(?::\d{2}){1,2}")


def _public_media_param(name: str, value: str) -> bool:
    """Is the parameter a video's or a document's public one, its value of the shape it takes
    there (a "t" holding a long random value is a token: it stays judged as one)?"""
    if name in _TIME_PARAMS:
        return bool(value) and _MEDIA_TIME.fullmatch(value) is not None
    if name == "list" and _PLAYLIST_ID.fullmatch(value):
        return True
    return name in _PUBLIC_MEDIA_PARAMS and _MEDIA_ID.fullmatch(value) is not None


def _signed(query: str) -> bool:
    """Does a query string carry a credential of some length (a signature, a token, a key)? Then
    the whole of it goes: its other parameters (expiry, permissions, resource, key id) describe
    the grant and belong to the signed text."""
    for m in _PARAMETER.finditer(query):
        name, value = m.group(1), m.group(2)
        if len(value) >= 6 and _CREDENTIAL_PARAM.fullmatch(name) and not _placeholder(value):
            return True
    return False


_QUERY_GAP = re.compile(r"[\s\"'<>()\[\]{}`]")
_QUERY_PAIRS = re.compile(r"\??[A-Za-z][\w.-]{0,40}=[^&\s]*(?:&[A-Za-z][\w.-]{0,40}=[^&\s]*)+")


def query_strings(t: Text) -> Iterator[Finding]:
    """A signed query string without its URL ("sv=2022-11-02&ss=b&...&sig=...", a SAS token
    pasted alone): the whole run of parameters, when one of them is a credential."""
    text = t.text
    if "&" not in text or "=" not in text:
        return
    done = -1
    for i in t.positions("&"):
        if i < done:
            continue
        gap = _QUERY_GAP.search(text, i)
        end = gap.start() if gap else len(text)
        lo = i
        while lo > 0 and not _QUERY_GAP.match(text, lo - 1):
            lo -= 1
        done = end
        token = text[lo:end]
        if "://" in token or token.lower().startswith("www."):
            continue  # a URL: urls() reads it
        m = _QUERY_PAIRS.search(token)
        if m and _signed(m.group().lstrip("?")):
            yield Finding("credential.url-query", CREDENTIAL, lo + m.start(), lo + _trim(token, m.start(), m.end()))


#: social networks whose first path segment is an account (a person's, or an organisation's: the
#: two cannot be told apart, so every account goes), with the segments that are not accounts
_ACCOUNT_HOSTS = {host: frozenset(words.split()) for host, words in {
    "facebook.com": "groups pages events watch hashtag sharer share policies help login marketplace gaming "
                    "business legal privacy terms",
    "fb.com": "groups pages events",
    "x.com": "i search hashtag intent share home explore settings tos privacy login signup messages",
    "twitter.com": "i search hashtag intent share home explore settings tos privacy login signup messages",
    "instagram.com": "explore accounts about legal developer",
    "tiktok.com": "tag discover music explore",
    "threads.net": "search",
}.items()}
#: hosts and the path prefixes that name a person's profile there
_PROFILE_PATHS = {
    "linkedin.com": ("/in/", "/pub/"),
    "researchgate.net": ("/profile/", "/scientific-contributions/"),
    "bsky.app": ("/profile/",),
    "academia.edu": ("/",),
    "about.me": ("/",),
    "keybase.io": ("/",),
}
_ACCOUNT_SEGMENT = re.compile(r"/(?:#!/)?@?([A-Za-z0-9_.-]{2,60})(?=[/?#]|$)")
#: a path that opens with "@name" names an account on any host (Mastodon and the fediverse, Medium,
#: YouTube, Threads)
_AT_ACCOUNT = re.compile(r"/@[A-Za-z0-9_.-]{1,60}(?=[/?#@]|$)")
#: hosts where "/@scope" names a package scope ("unpkg.com/@babel/core")
_PACKAGE_HOSTS = frozenset(("unpkg.com", "esm.sh", "skypack.dev", "jsdelivr.net", "npmjs.com", "jsr.io", "deno.land"))


def _profile(host: str, path: str) -> bool:
    """Is the URL a person's social or professional profile (contact data)? Organisation pages of
    the networks that separate them (linkedin.com/company/...), ROR and ORCID records stay."""
    host = host.lower()
    base = ".".join(host.rsplit(".", 2)[-2:])  # the registered domain, as far as these hosts go
    if base in _PROFILE_PATHS:
        return any(path.startswith(p) and len(path) > len(p) + 1 for p in _PROFILE_PATHS[base])
    if base in _ACCOUNT_HOSTS:
        m = _ACCOUNT_SEGMENT.match(path)
        return m is not None and m.group(1).lower() not in _ACCOUNT_HOSTS[base] or path.startswith("/profile.php")
    if host.startswith("scholar.google."):
        return path.startswith("/citations") and "user=" in path
    return "/@" in path[:2] and bool(_AT_ACCOUNT.match(path)) and base not in _PACKAGE_HOSTS \
        and "/-/" not in path  # (GitLab: "/@group/project/-/tree/v2": a group's project, not a profile)


_SEGMENT = re.compile(r"[^/]+")
_FILE_NAME = re.compile(r"[^.]+\.(?:ics|json|xml|html?|php|csv|txt|zip|tar|gz)")


_SECRET_WORDS_IN_SEGMENT = ("private", "secret", "token", "key", "sig", "hash", "auth")


def _secret_word_in(core: str) -> bool:
    """``_SECRET_WORD_IN_SEGMENT.search(core)``, led in an ASCII segment by a test for its words
    (the search tries all seven at every character; outside ASCII, case folding has its own
    pairs, so the search alone answers)."""
    if core.isascii():
        low = core.lower()
        if not any(w in low for w in _SECRET_WORDS_IN_SEGMENT):
            return False
    return _SECRET_WORD_IN_SEGMENT.search(core) is not None


#: the one-letter prefixes of a public share's link, its token next (Nextcloud's and ownCloud's
#: "/s/V8UaxV1HkVoGKSt", Seafile's "/f/3b9c2a17e4/" and "/d/9f2e41ab7c/"): ten characters of it
#: suffice, of letters and digits, or of both cases (not a word, not a Capitalised one)
_SHARE_PREFIXES = frozenset("s d f".split())
#: the last segment of a page its owner published for everyone, after its id: a form's page for its
#: respondents ("/forms/d/e/1FAIpQL.../viewform"), a document published to the web (".../pub",
#: ".../pubhtml"): the id names the page, as a record's does (an editor's link, ".../edit", is a key)
_PUBLISHED_ENDINGS = frozenset("viewform formresponse pub pubhtml".split())
#: (unless the word before the id says it is one: ".../private/<id>/pub")
_SECRET_PATH_WORDS = frozenset("private secret token tokens key keys invite invites join j s f share shared sharing "
                               "dl download".split())
_SHARE_TOKEN = re.compile(r"[A-Za-z0-9]{10,64}")
#: a word and its number ("Dashboard2", "meeting2024"): a page's name
_NUMBERED_WORD = re.compile(r"[A-Za-z][a-z]{2,}\d{0,4}")


def _share_token(core: str) -> bool:
    if not _SHARE_TOKEN.fullmatch(core) or _NUMBERED_WORD.fullmatch(core):
        return False
    if any(c.isdigit() for c in core):
        return any(c.isalpha() for c in core)
    return sum(c.isupper() for c in core[1:]) >= 2 and any(c.islower() for c in core)


#: an OpenStack Swift account after the API's version ("/v1/AUTH_4f8a.../container/object", also
#: Ceph's "/swift/v1/AUTH_..."): the project's id, hexadecimal, public in every object's address (a
#: temporary URL's signature and a token go in the query, judged there; a TempAuth token "AUTH_tk..." is not hex)
_SWIFT_ACCOUNT = re.compile(r"AUTH_[0-9a-fA-F]{4,64}")


def _path_secret(segment: str, previous: str) -> bool:
    if previous == "v1" and _SWIFT_ACCOUNT.fullmatch(segment):
        return False
    if previous in _SHARE_PREFIXES and _share_token(segment):
        return True  # a public share's token: whoever has the link opens it
    if segment.isalpha() and (segment.islower() or segment.isupper()):
        return False  # a word
    if "%20" in segment and all(w.isalpha() for w in segment.split("%20") if w):
        return False  # a page's title, its spaces escaped ("Datenschutz%20und%20Vertraulichkeit")
    core = segment.split(".")[0] if "." in segment and _FILE_NAME.fullmatch(segment) else segment
    secret_word = _secret_word_in(core)
    if secret_word and sum(c.isdigit() for c in core) >= 3:
        return True
    hexish = _HEXISH.fullmatch(core)
    if hexish and (previous in _RECORD_WORDS or previous in _JOB_WORDS or _HANDLE_PREFIX.fullmatch(previous)):
        return False  # /document/3a7f..., /jobs/9c3f..., /21.T11148/3a4b...: a record's, a job's or a handle's id
    if hexish:
        return previous not in _FORGE_WORDS and len(core) not in (40, 64) or previous in _SHARE_WORDS
    if _UUID.fullmatch(core):
        return previous in _SHARE_WORDS
    if previous in _JOB_WORDS and not secret_word:
        return False
    return looks_random(core, relaxed=previous in _SHARE_WORDS)


def _placeholder(value: str) -> bool:
    """A password in a URL that stands for one: '<password>', '${DB_PASS}', '%(password)s', '****', 'xxx', a
    word about the value ('changeme', 'secret'), or a name in capitals ('PASSWORD', 'DB_PASS')."""
    return not value or value.startswith(("<", "{", "$", "%7B", "[", "%3C", "%(")) or set(value) <= set("*xX.-_") \
        or value.lower() in _NOT_A_VALUE or bool(_CAPITAL_NAME.fullmatch(value) and value.isupper() and _SECRET_NAME.search(value.lower()))
