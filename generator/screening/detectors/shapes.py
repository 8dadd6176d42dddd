"""Is a token a secret by its looks? Random-looking strings, and the public identifiers that look
random but are not secret.

``looks_random`` is the keyword-free test: a password or a token rarely sits next to a word that
says so in a language we know, but it always looks like noise. Natural strings, even long and
technical ones (``HTCondor-CE``, ``SignatureDoesNotMatch``, ``GRCh38.p14``, ``x86_64``), break
into fragments that are words, acronyms and numbers; a random string breaks into fragments that
are not: single letters between other classes, consonant clusters, digits wedged between
letters, symbols inside the token.

``public_shape`` is the short allowlist of identifier shapes that are public by design although
they look random (each one is documented by its pattern below):

* hexadecimal strings (commit ids, checksums, object ids) and UUIDs; in a URL and after a secret
  word they are judged by their context instead (``urls``, ``secrets``);
* DOIs, ORCID iDs, ISBNs, arXiv ids, handles, OIDs, IPv4/IPv6 addresses, versions, dates;
* digests and fingerprints written with their algorithm (``sha256:...``, ``SHA256:...``,
  ``sha384-...`` subresource integrity, ``MD5:aa:bb:...``);
* SSH public keys (``ssh-ed25519 AAAA...``: the blob's own header says so) and age recipients
  (``age1...``);
* sequence accessions (``SRR11140748``, ``ENSG00000139618``, ``MN908947.3``), AlphaFold model
  ids, InChIKeys and chemical formulas;
* package file names (``nordugrid-arc-7.1.1-1.el9.x86_64``, ``name_1.2-3_amd64.deb``) and IPFS
  content ids (``bafy...``, ``Qm...``): addresses of public content;
* base64 of a certificate or a public key in PEM armour (a Kubernetes ``caBundle``) holding no
  private key;
* base64 of a JSON object of plain data (no key naming a secret, no random-looking value);
* a grid proxy's file name (``x509up_u1000``: the word and its owner's numeric uid);
* an issue's or a merge request's reference on a forge (``owner/repo#221``, ``group/project!17``);
* a neuroimaging data set's file name in BIDS (``sub-031_ses-baseline_T1w.nii.gz``: the subject's
  code, its session and the other entities, each a key and a value).
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache

from generator.screening import lazy_re as re

_ELEMENTS = (
    "He Li Be Ne Na Mg Al Si Cl Ar Ca Sc Ti Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Zr Nb Mo Tc Ru Rh "
    "Pd Ag Cd In Sn Sb Te Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta Re Os Ir Pt Au Hg Tl "
    "Pb Bi Po At Rn Fr Ra Ac Th Pa Np Pu Am Cm Bk Cf Es Fm H B C N O F P S K V Y I W U"
).split()
_HEX = re.compile(r"(?:0x)?[0-9a-f]{7,}|(?:0x)?[0-9A-F]{7,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
#: an ORCID iD: the commonest run of digit groups in tickets, never a phone number or a code
ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
_PUBLIC = re.compile((
    r"(?:doi:|https?://doi\.org/)?10\.\d{4,9}/\S+"  # DOI
    rf"|{ORCID.pattern}"
    r"|97[89][-\d]{10,14}"  # ISBN-13
    r"|(?:arxiv|arXiv|ArXiv|ARXIV):\d{4}\.\d{4,5}(?:v\d+)?|\d{4}\.\d{4,5}v\d{1,2}"  # arXiv ids (a bare one with its version)
    r"|(?:hdl:)?\d{2}\.[A-Z0-9]{1,12}/[\w.-]+"  # handle
    r"|\d+(?:\.\d+){2,}"  # OID, version
    r"|v\d+(?:\.\d+)*(?:[-+.~][0-9A-Za-z]+)*|\d+(?:\.\d+)+(?:[-+.~][0-9A-Za-z]+)*"  # versions
    r"|(?:sha(?:1|224|256|384|512)|md5|blake2b?|adler32|crc32c?|xxh\d*)[:-][0-9a-fA-F:]{8,}"
    r"|(?:SHA(?:1|256|384|512)|MD5):[A-Za-z0-9+/]{27,86}={0,2}"  # SSH fingerprints
    r"|sha(?:256|384|512)-[A-Za-z0-9+/]{40,88}={0,2}"  # subresource integrity
    r"|(?:[0-9A-Fa-f]{2}:){7,}[0-9A-Fa-f]{2}"  # colon-separated fingerprint
    r"|age1[02-9ac-hj-np-z]{58}"  # age recipient (public)
    r"|#[0-9a-fA-F]{3,8}"  # a colour
    r"|npub1[02-9ac-hj-np-z]{58}"
    r"|[A-Z]{1,6}_?\d{5,12}(?:\.\d{1,3})?"  # sequence accessions
    r"|[A-Z]{14}-[A-Z]{8}[SN][A-Z]-[A-Z]"  # InChIKey
    r"|AF-[A-Z0-9]{6,10}-F\d{1,3}(?:-model_v\d{1,2})?"  # AlphaFold model
    r"|[a-z0-9][\w+.-]*-\d[\w.+~]*-[\w.+~]+\.(?:noarch|x86_64|aarch64|i[3-6]86|ppc64le|s390x|armv7hl|src)(?:\.rpm)?"
    r"|[a-z0-9][a-z0-9+.-]+_(?:\d+:)?\d[\w.+:~-]*_(?:amd64|arm64|all|i386|armhf|ppc64el|s390x)(?:\.deb)?"  # packages
    r"|\d+(?:\.\d+)*[a-z]?--(?:py|pl|r|np)?\d*h[0-9a-f]{7,8}_\d{1,3}|\d+(?:\.\d+)*--pyh[0-9a-f]{7,8}_\d{1,3}"  # a conda build's tag ("1.19.2--h50ea8bc_0", BioContainers)
    r"|b(?:afy|afk|agq|aga)[a-z2-7]{50,60}|Qm[1-9A-HJ-NP-Za-km-z]{44}"  # IPFS content ids
    r"|(?:SHA(?:1|224|256|384|512)|MD5|BLAKE2\w{1,6}|SKEIN\d+)E?-s\d+(?:-[mS]\d+)*--[0-9a-f]{32,128}(?:\.\w{1,10}){0,3}"  # git-annex key
    r"|AKIA[A-Z0-9]{9}EXAMPLE|[A-Za-z0-9/+]{20,40}EXAMPLEKEY"  # a vendor's documented sample keys
    r"|(?:x509up|bt)_u\d{1,10}"  # a grid proxy's or a WLCG bearer token's file name (its owner's uid)
    r"|sub-[A-Za-z0-9]+(?:_[a-z]+-[A-Za-z0-9]+)*(?:_[A-Za-z0-9]+)?(?:\.[a-z0-9]{1,4}){0,2}"  # a BIDS file name
    r"|[A-Za-z0-9][\w.-]{0,38}/[\w.-]{1,100}[#!]\d{1,7}"  # a forge's issue or merge request ("EGI-Federation/check-in#221")
    r"|(?:(?:%s)\d{0,3}){2,12}"  # chemical formula
    r"|(?:YYYY|yyyy)[-/.]?(?:MM|mm)[-/.]?(?:DD|dd)\S*"  # a date format
    r"|\d{1,2}[h:.]\d{2}(?:-\d{1,2}[h:.]\d{2})?"  # times and time ranges
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO date
    r"|[0-9a-fA-F:]*::?[0-9a-fA-F:]+(?:/\d{1,3})?"  # IPv6
    # an identity federation's name written with '@' and no dotted domain ("AAI@EduHr", "SSO@CERN",
    # "IdP@SWITCH"): the login service of a federation, no address and no made-up word
    r"|(?:AAI|aai|SSO|sso|IdP|IDP|idp|eduID|EduID|EDUID|Login|LOGIN)@[A-Z][A-Za-z]{1,19}(?:-[A-Za-z]{1,19})?"
) % "|".join(_ELEMENTS))
_SSH_KEY_TYPES = (b"ssh-", b"ecdsa-", b"sk-ssh-", b"sk-ecdsa-")
#: the first field of an SSH public key line, in any language's sentence ("Schlüssel: ssh-ed25519 AAAA...")
SSH_KEY_TYPE = re.compile(r"(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com|"
                          r"sk-ecdsa-sha2-nistp256@openssh\.com)(?:-cert-v01@openssh\.com)?")


#: a collision or beam energy inside a name, as physics data sets are named ("mc23_13p6TeV",
#: "data18_13TeV.00348885...", "2p76TeV"): a data set's name, not a secret
_ENERGY = re.compile(r"(?<![A-Za-z])\d{1,4}(?:p\d{1,3})?[TGMk]eV(?![a-z])")


@lru_cache(maxsize=4096)
def public_shape(token: str) -> bool:
    """Is ``token`` a public identifier (see the module's docstring)?"""
    return bool(_HEX.fullmatch(token) or _UUID.fullmatch(token) or _PUBLIC.fullmatch(token) or _ENERGY.search(token)
                or ssh_public_blob(token) or media_blob(token) or public_pem_blob(token) or plain_json_blob(token))


#: a run of mask characters, as a settings page or a log shows a secret it hides
_MASK_RUN = re.compile(r"[*•●]{4,}")
_MASK_CHARS = frozenset("*•●")


def masked(token: str) -> bool:
    """Is ``token`` a secret shown masked ("ghp_****...9uK", "sk-••••••••3f2a"): a run of four
    mask characters or more, and no more than eight other letters or digits beside a prefix's?"""
    if _MASK_RUN.search(token) is None:
        return False
    shown = token.split("_", 1)[-1] if "_" in token[:6] else token
    return sum(c.isalnum() for c in shown if c not in _MASK_CHARS) <= 8


#: how the base64 of a picture or a document starts: its file's signature (PNG, GIF, JPEG, PDF,
#: SVG, XML, WebP, ICO), what a logo in a ConfigMap or an attachment pasted as text is
_MEDIA_BASE64 = ("iVBORw0KGgo", "R0lGODlh", "R0lGODdh", "/9j/", "JVBERi0", "PHN2Zy", "PD94bWwg", "UklGR", "AAABAA")


def media_blob(token: str) -> bool:
    """Base64 of a picture or a document (by its file's signature): public data, not a key."""
    return len(token) >= 24 and token.startswith(_MEDIA_BASE64)


#: how the base64 of a certificate or a public key in PEM armour starts (a Kubernetes caBundle, a
#: tls.crt): "-----BEGIN CERTIFICATE", "-----BEGIN PUBLIC KEY"
_PUBLIC_PEM_BASE64 = ("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS", "LS0tLS1CRUdJTiBQVUJMSUMgS0VZ")


def public_pem_blob(token: str) -> bool:
    """Base64 of a certificate or a public key (PEM), with no private key further in it (a proxy
    file is a certificate and its key)."""
    if len(token) < 24 or not token.startswith(_PUBLIC_PEM_BASE64):
        return False
    try:
        decoded = base64.b64decode(token + "=" * (-len(token) % 4), validate=False)
    except (binascii.Error, ValueError):
        return False
    return b"PRIVATE" not in decoded and b"ENCRYPTED" not in decoded


#: a JSON key that names a secret, or a value shaped like one (then the JSON is no plain data)
_SECRET_JSON_KEY = re.compile(r"pass|pw|secret|token|key|auth|cred|cookie|session|sig|otp|seed|salt|pin|priv|cert",
                              re.IGNORECASE)


def plain_json_blob(token: str) -> bool:
    """Base64 of a JSON object of plain data ("eyJzdGVwcyI6IDEwMDB9": {"steps": 1000}): no key that
    names a secret, no value that looks random. (A JWT has three parts, split by dots: not this.)"""
    if not token.startswith("eyJ") or len(token) < 16 or "." in token:
        return False
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8")
        data = json.loads(text)
    except (binascii.Error, ValueError):
        return False
    return isinstance(data, dict) and _plain(data) and "eyJ" not in text and not _personal_inside(text)


def _personal_inside(text: str) -> bool:
    """Does the decoded JSON say what the text itself may not ("email": "jane.doe@gmail.com")?
    Read by every detector, as the text it is (no base64 inside it: that was ruled out)."""
    from generator.screening.detectors import find_all  # (the detectors read shapes: imported at the call)

    return bool(find_all(text))


def _setting(value: object) -> bool:
    return value is None or isinstance(value, (bool, int, float))


def _plain(value: object) -> bool:
    if isinstance(value, dict):  # (a number under a secret's name is a setting: "seed": 42, "token_ttl": 3600)
        return all(isinstance(k, str) and _plain(v) and (not _SECRET_JSON_KEY.search(k) or _setting(v))
                   for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return not (isinstance(value, str) and len(value) >= 12 and looks_random(value))


def ssh_public_blob(token: str) -> bool:
    """The base64 blob of an SSH public key (its first field names the key type)."""
    if not token.startswith("AAAA") or len(token) < 40:
        return False
    try:
        head = base64.b64decode(token[:24] + "=" * (-len(token[:24]) % 4), validate=False)
    except (binascii.Error, ValueError):
        return False
    return len(head) > 4 and head[4:].startswith(_SSH_KEY_TYPES)


# --- randomness -----------------------------------------------------------------------------------

_VOWELS = frozenset("aeiouyAEIOUY")
#: consonant-only fragments that are ordinary in technical text
_ABBREVIATIONS = frozenset(
    "db vm cfg srv src dst pkg lib bin tmp cmd msg ctx mgr std str sql ssh ssl tls dns www xml htm html "
    "http https grp nfs pdf png jpg mp kb mb gb tb pb px pt js ts css rst md rs cpp hpp gz bz xz zst tgz "
    "nc hdf fs cvmfs gpfs crl csr crt pkcs rsa dsa hmac jwt pw pwd nr st nd rd th ch ph sh bsh zsh tcsh "
    "wsgi cgi ftp sftp scp rsync ws wss tcp udp vpn lvm gcc ld nvcc nvml fft mpi hpc htc grd cn dc ou "
    "rpm dnf npm pnpm yml xls xlsx csv tsv dl wp lst lck pcl ps rgb cmyk dpi fps hz khz mhz ghz ms ns "
    "kw mw km cm mm nm dm kg mg ml fwd bwd nfv sdn cdn ntp ptp smtp imap pgp gpg sgx tdx dr mr mrs prof "
    "jr sr hdl vcf bcf sff str vs ml".split()
)
_HEX_PART = re.compile(r"[0-9a-f]{6,}|[0-9A-F]{6,}")
_FRAGMENT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_PARTS = re.compile(r"[^\W_]+")
#: symbols that natural tokens rarely hold between letters or digits (passwords do)
_SYMBOLS = frozenset("!#$%^&*?~|\\;,'\"()[]{}<>")
#: symbols that are also separators in ordinary tokens (base64, key=value, user@host)
_SOFT_SYMBOLS = frozenset("+=@")


#: a run of this many letters with no vowel is no word of any language written in ASCII (a share
#: link's "4817263958qkhgwzrnbtmc"): it counts as two odd fragments
_LONG_CLUSTER = 7


def _odd_fragments(part: str) -> int:
    """How many fragments of an alphanumeric run are not words, acronyms or numbers (a
    hexadecimal run, a hash in a file name, counts as natural)."""
    if _HEX_PART.fullmatch(part):
        return 0
    fragments = _FRAGMENT.findall(part)
    if not fragments:
        return 0
    if len(fragments) == 1:
        f = fragments[0]
        lower = f.lower()
        if f.isalpha() and not f.isupper() and len(f) >= 2 and not (_VOWELS & set(lower)) \
                and lower not in _ABBREVIATIONS:
            return 2 if len(f) >= _LONG_CLUSTER else 1  # a consonant cluster: Gz, jx
        return 0
    odd = 0
    last = len(fragments) - 1
    # a version's 'v' and number before a word ("v3applicationcredential", "v2beta", "V1alpha"): as
    # an API's version names its kinds, a prefix, not a letter and digits wedged in a secret
    versioned = last >= 2 and fragments[0] in ("v", "V") and fragments[1].isdigit() and len(fragments[1]) <= 2 \
        and fragments[2].islower() and len(fragments[2]) >= 4 and bool(_VOWELS & set(fragments[2]))
    for i, f in enumerate(fragments):
        if versioned and i < 2:
            continue
        if f.isdigit():
            if 0 < i < last:  # digits wedged between letters: Y0Eu, Bd7k
                odd += 1
            continue
        if not f.isascii():
            continue
        lower = f.lower()
        if f.isupper() and len(f) > 1:  # an acronym
            continue
        if len(f) == 1:
            if i == 0 and not f.isupper() and fragments[1][:1].isupper() and len(fragments[1]) >= 3:
                continue  # dCache, iPhone, mRNA
            if i == last and fragments[i - 1].isdigit():
                continue  # 300x, 64k
            if i == 0 and last == 1 and fragments[1].isdigit():
                continue  # v1, m1
            odd += 1
            continue
        if not (_VOWELS & set(lower)) and lower not in _ABBREVIATIONS:
            odd += 2 if len(f) >= _LONG_CLUSTER else 1  # a consonant cluster: Fpmps, jx
    return odd


_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}")
_CLASS_RUN = re.compile(r"[A-Z]+|[a-z]+|\d+")


#: an address's slug of words ("computational-chemistry-h2o-co2-c6h12o6"): the site makes these
#: from a discipline's, a VO's or a centre's name, and their formulas in lower case are no secret
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
_FORMULA_LOWER = re.compile(r"(?:(?:%s)\d{0,3}){1,12}" % "|".join(e.lower() for e in _ELEMENTS))


def _word_slug(token: str) -> bool:
    if not _SLUG.fullmatch(token):
        return False
    parts = token.split("-")
    long_words = [p for p in parts if p.isalpha() and len(p) >= 4 and not _VOWELS.isdisjoint(p)]
    if len(long_words) < 2:
        return False
    if all(p.isalpha() and not _VOWELS.isdisjoint(p) or any(c.isdigit() for c in p) and _FORMULA_LOWER.fullmatch(p)
           for p in parts):
        return True
    # a page's address made of a title with its codes ("computational-chemistry-dft-b3lyp-6-31g"):
    # words make most of it, and the other parts are short
    return sum(map(len, long_words)) * 2 >= len(token) - token.count("-") and all(len(p) <= 5 for p in parts
                                                                                   if p not in long_words)


def _public_compound(token: str) -> bool:
    """A compound of a public shape and words ("Fe3O4-Nanopartikel", "v2.1-beta"): each part
    between hyphens a public shape or a word with a vowel, one of them a public shape."""
    parts = token.split("-")
    shaped = [bool(p) and public_shape(p) for p in parts]
    return any(shaped) and all(s or p.isalpha() and not _VOWELS.isdisjoint(p) for p, s in zip(parts, shaped))


#: a host name in lower case: labels of letters, digits and hyphens, the last of letters only
#: ("ce01.example.fr", "wn042.grid.example.org")
HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){2,}[a-z]{2,12}")
#: a domain of one label and its top-level domain, the label with a vowel ("km3net.org", "cern.ch"):
#: a collaboration's or an institute's name, as VOs are named
_DOMAIN = re.compile(r"(?=[a-z0-9-]*[aeiouy])[a-z][a-z0-9-]{1,62}\.(?:org|com|net|eu|edu|gov|int|info|io|cloud|[a-z]{2})")


def domain_name(word: str) -> bool:
    """Is ``word`` a host's or a domain's name, whatever its letters' case ("eduID.cz",
    "fts3-public.cern.ch")?"""
    low = word.lower()
    return bool(_DOMAIN.fullmatch(low) or HOST_NAME.fullmatch(low))


#: a resource centre's name as GOCDB writes them: groups of capitals and digits joined by '-'
_SITE_NAME = re.compile(r"[A-Z0-9]{2,12}(?:-[A-Z0-9]{1,12}){1,3}")
#: ... one group of which is a word: five letters or more, two vowels at least
_SITE_WORD = re.compile(r"(?<![A-Z0-9])(?=[A-Z]*[AEIOUY][A-Z]*[AEIOUY])[A-Z]{5,}(?![A-Z0-9])")


@lru_cache(maxsize=4096)
def looks_random(token: str, relaxed: bool = False) -> bool:
    """Does ``token`` look like a password or a generated secret (see the module's docstring)?
    ``relaxed``: the context already suggests a secret (it stands alone on its line, in quotes,
    after "here it is:"), so a shorter or less noisy token is enough."""
    # (counted with map: no Python frame per character, this runs for every new token)
    alnum = sum(map(str.isalnum, token))
    if alnum < 6 or len(token) < (6 if relaxed else 8) or not token.isascii() or public_shape(token):
        return False  # (letters of other scripts: a word, secrets are ASCII in practice)
    if _word_slug(token) or HOST_NAME.fullmatch(token) or _DOMAIN.fullmatch(token) or _SITE_NAME.fullmatch(token) and _SITE_WORD.search(token):
        return False  # (a site's name in capitals with a word of its own in it: "IN2P3-EXAMPLE")
    if "-" in token and _public_compound(token):
        return False
    has_upper = any(map(str.isupper, token))
    has_lower = any(map(str.islower, token))
    has_digit = any(map(str.isdigit, token))
    classes = has_upper + has_lower + has_digit
    if classes < 2:
        return False
    inner = token[1:-1]
    symbols = 0 if _BASE64.fullmatch(token) else sum(map(_SYMBOLS.__contains__, inner))
    soft = sum(map(_SOFT_SYMBOLS.__contains__, inner.rstrip("=")))
    if (symbols or soft) and (token.startswith("$") or "${" in token or "$(" in token):
        return False  # a shell variable or substitution
    odd = sum(_odd_fragments(p) for p in _PARTS.findall(token))
    runs = len(_CLASS_RUN.findall(token))
    density = runs / alnum
    if symbols and (odd >= 1 or classes == 3 or density >= 0.4):
        return True
    if soft and classes == 3 and odd >= 1 and density >= 0.4:
        return True
    if relaxed and odd >= 1 and (classes == 3 or density >= 0.3):
        return True
    if alnum >= 20:  # (every fragment a word, an acronym or a number: a CamelCase name, "QOSMaxCpuPerUserLimit")
        return odd >= 2 or density >= 0.45 and odd >= 1
    if alnum >= 12:
        return odd >= 2 and (classes == 3 or density >= 0.4) or odd >= 3
    return odd >= 3 or (odd >= 2 and density >= 0.5 and classes == 3)
