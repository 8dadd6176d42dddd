"""The shapes of the short values a case publishes: recognised, or dropped.

A custom-field value, the owner, the RT status and an external contact are short values of a
known kind. Screening them like prose would let an unexpected shape through ("open (temp pw
...)", "vo.x.eu – astreinte +33 ...", "Jiří Dvořák, CESNET (network admin), +420 ..."), so they
fail closed: a value is published only when its shape is recognised (and the detectors then find
nothing in it); anything else is dropped and counted in the report.

Pure functions: each takes the raw value and returns the value to publish, or None.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from urllib.parse import urlsplit

from generator.screening import lazy_re as re
from generator.screening.detectors.base import folded_too
from generator.screening.lexicon import DISCIPLINE_FIELDS, INSTITUTION_WORDS, REFERENCE_WORDS, SERVICE_NAME_WORDS
from generator.screening.normalise import fold_char, normalised_text

#: a VO name: vo.example.eu, biomed, eiscat.se (a DNS-style name: 253 characters at most), and
#: the VO's groups after it as VOMS writes them: "vo.example.eu/climate-2024", "/biomed/lab/analysis"
_VO = re.compile(r"/?[A-Za-z0-9][A-Za-z0-9._-]{0,252}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,63}){0,4}")
#: one site name (GOCDB style), several separated by ',', ';' or spaces; a site name may carry
#: its host name in brackets: "CYFRONET-CLOUD (cloud.cyfronet.example.pl)"
_SITE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}(?::\d{1,5})?"
#: ... or its hosts and addresses: "WIGNER-EX (ce02.wigner.example:9619)", "TSU (192.0.2.77, ui.tsu.example)"
#: a grid service's scheme before its host ("srm://tbit00.nipne.ro:8446", "davs://...", "xroot://...")
_SERVICE = r"(?:(?:srm|davs?|https?|xroot|root|gsiftp|gridftp|ldap|httpg)://)"
_SITE_HOST = re.compile(rf"\((?:(?:CE|SE|UI|WN|host|hosts)[ ])?{_SERVICE}?{_HOST}(?:,[ ]*{_SERVICE}?{_HOST})*\)")
#: ... or its services' ports: "praguelcg2 (gridftp port 2811, xrootd 1094)"
_SITE_PORTS = re.compile(r"\((?:[a-z][a-z0-9-]{1,20}[ ](?:port[ ])?\d{2,5})(?:,[ ]*[a-z][a-z0-9-]{1,20}[ ](?:port[ ])?\d{2,5}){0,5}\)")
#: the place of a site or a VO in brackets, one word: "PSNC (Poznań)", "vo.example.fr (Rhône-Alpes)"
#: (a person's name is two words at least, refused; a place of two words is refused with it)
_PLACE = re.compile(r"\([^\W\d_](?:['’.-]?[^\W\d_]){0,40}\)")

#: a site's network, as sites are listed with theirs: "INFN-T1, 193.206.208.0/22", "2001:db8::/32"
_NETWORK_RE = r"\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:/\d{1,3})?"
_NETWORK = re.compile(_NETWORK_RE)
#: a discipline path: words, '/', ',', '&', '(' ')', '-', ''', and the chemical formulas and
#: equations a discipline may name ("Computational chemistry (H₂O, CO2, C6H12O6)", "A + B → C")
_DISCIPLINE = re.compile(r"[^\W\d_][\w ,/&()'’.+*·→\[\];>»›|:–—°%-]{0,199}")
#: a quantity with its unit a discipline may name ("raggi gamma 100 GeV – 100 TeV", "corpus de
#: 1 234 567 palabras", "0,25°"): its digits are no phone number or id
#: (or a range of them with the unit once: "120–168 MHz", "2-10 keV", "10 to 300 GHz")
_AMOUNT = r"\d{1,3}(?:[ .,]\d{3})*(?:[.,]\d+)?"
_QUANTITY = re.compile(rf"(?<![\w.,]){_AMOUNT}(?:[ ]?[-–—][ ]?{_AMOUNT}|[ ](?:to|bis|à|a|al|do|až|tot|till|ile|és|-)[ ]{_AMOUNT})?"
                       r"[ ]?(?:[kMGTPE]?eV|[kMGT]?Hz|[nµm]?m|km|°C?|%|"
                       r"[kMGTP]i?B|words|palabras|mots|parole|wörter|woorden|słów|slov|slova|szó|ord|sanaa|cuvinte)(?![\w])",
                       re.IGNORECASE)
#: an RT status: one to three words of letters
#: a release ("v2.3.1", "4.2"): short groups, three at most without a 'v' (no phone's digits pass for one)
_RELEASE = r"(?:v\d{1,3}(?:\.\d{1,3}){1,3}|\d{1,3}(?:\.\d{1,3}){1,2})"
_STATUS = re.compile(rf"[^\W\d_]+(?:(?:[ _-]|[ ]&[ ])[^\W\d_]+){{0,2}}(?:[ ]{_RELEASE})?")  # (a release: "risolto in v2.3.1")
#: two statuses written as a pair, RT's and the case's: "open / Preparatory", "resolved | Production"
_STATUS_PAIR = re.compile(r"[ ]+[/|][ ]+")
#: a note after a status and a dash, in words only ("offen – wartet auf Rückmeldung des Standorts");
#: two capitalised words in a row are a person's name, refused with the note
_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}(?:-\d{2})?"
#: (a site's name and a ticket's number are words of a note too: "(waiting for LIP-EX, GGUS #165432)")
_NOTE_WORD = (rf"(?i:GGUS|RT|ticket|case|issue|incident|INC|Jira)[ ]#?\d{{3,9}}|[^\W\d_]+(?:['’-][^\W\d_]+)*|"
              rf"(?:{_DATE})(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:[ ]?(?:[+-]\d{{2}}:?\d{{2}}|Z|UTC|CET|CEST|EET|EEST))?)?|"
              rf"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|{_RELEASE}(?:-[a-z0-9]+)?")
_NOTE_WORDS = rf"(?P<note>(?:{_NOTE_WORD})(?:,?[ ](?:{_NOTE_WORD})){{0,9}})"
_STATUS_NOTE = re.compile(rf"(?:[ ]+[-–—][ ]+|:[ ]+|[ ]+(?=\d))(?:{_NOTE_WORDS})$")
#: ... or in brackets: "Umgesetzt (Produktion seit 2026-09)"
_STATUS_BRACKET = re.compile(rf"[ ]*\((?:[^\W\d_]+:[ ])?{_NOTE_WORDS}\)$")  # (a label too: "(Status: resolved)")
_NAME_PAIR = re.compile(r"\b[^\W\d_a-z][^\W\d_]*[ ]+[^\W\d_a-z][^\W\d_]*")
#: a person's name: two to five words of letters, with the usual particles and punctuation
#: (an apostrophe or a hyphen inside a word, a dot after an initial: "Niamh O'Connor", "J. Smith")
_NAME = re.compile(r"[^\W\d_](?:['’-]?[^\W\d_])*\.?(?:[ -][^\W\d_](?:['’-]?[^\W\d_])*\.?){0,5}")
#: an affiliation: words, with ',', '.', '&', '-', '(', ')', '/' and at most a short number
#: (an institute's name in quotes or guillemets: 'ΕΚΕΦΕ «Δημόκριτος»', 'IFIN-HH „Horia Hulubei”')
_AFFILIATION = re.compile(r"[^\W\d_][\w ,.&'’()/–—«»“”„\"-]{0,149}")
_ROLE = re.compile(r"[^\W\d_][\w ,.&'’/«»“”„\"-]{0,79}")  # (a working group's name in quotes)
#: the words that label a role: "role: resource provider", "(function: data manager)"
_ROLE_WORDS = (r"role|rôle|rolle|ruolo|rol|papel|funktion|function|fonction|funzione|función|função|functie|"
               r"funkcja|funkce")
#: a label before the role inside its brackets: "(role: first-line support)", "(service: FTS)"
_ROLE_INNER_LABEL = re.compile(rf"(?:{_ROLE_WORDS}|service|dienst|servizio|servicio|serviço)[ ]*:[ ]*(?=[^\W\d_])",
                               re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d{3,}")
#: a research unit's number after its acronym ("UMR 7164", "UPR 8001", "EA 4534", "INSERM U1016",
#: "SFB 1491"): the lab's public code, no phone's digits (no more digits after it)
_UNIT_NUMBER = re.compile(r"(?<![\w-])[A-Z]{1,6}[ -]?\d{3,5}(?![\w-])(?![ ./-]?\d)")


def _digits_in(affiliation: str) -> bool:
    """Has an affiliation a run of digits (a phone, a street's number), beyond a unit's number?"""
    return bool(_DIGIT_RUN.search(_UNIT_NUMBER.sub("", affiliation)))
#: an organisation's acronym standing for its name ("GRNET", "CESNET", "IN2P3-CC"): capitals,
#: digits and hyphens, three characters at least (a person's initials are two)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*")
_CONTACT = re.compile(
    r"^(?P<name>[^,<>()\[\]@]+?)[ \t]*(?:<[^<>\s]+@[^<>\s]+>)?[ \t]*"
    r"(?:,[ \t]*(?P<affiliation>[^,()<>@]+?))?[ \t]*(?:\((?P<role>[^()<>@]+)\))?[ \t]*$"
)


#: words naming a group of a VO's people after its name ("vo.example.eu managers"): a known shape,
#: published as written (the words name a role, never a person)
_VO_ROLE = re.compile(r"(?:[ ]+(?:vo|manager|managers|admin|admins|administrator|administrators|member|members|"
                      r"user|users|team|support|contact|contacts|representative|representatives|operator|"
                      r"operators|owner|owners|security|officer|officers|group|community))+", re.IGNORECASE)


def _place(part: str) -> bool:
    return bool(_PLACE.fullmatch(part) or _PLACE_NOTE.fullmatch(part) and not _TITLE_PAIR.search(part)) \
        and part[1].isupper()


#: a town and where in it, in brackets: "(Bologna, sala macchine 2)", "(Hamburg, Gebäude 3)" (a
#: few words and short numbers: no person's name, two capitalised words in a row, nor a phone)
_PLACE_NOTE = re.compile(r"\([^\W\d_][\w'’.-]{1,40},(?:[ ]+(?:[^\W\d_][\w'’.-]*|\d{1,3}[a-z]?)){1,4}\)")


#: a note about a VO's people in brackets, in words ("(managers: see VO ID card)"); two words in
#: title case in a row may be a person's name, refused
#: (its words may be apart by commas: "(temporary, until the dedicated VO exists)")
_VO_NOTE = re.compile(r"\((?:[^\W\d_]+(?:[-'’][^\W\d_]+)?[:,;]?[ ]?){1,12}\)")
#: another VO in the note, and what it is for: "(+ fedcloud.egi.eu for tests)", "(and dteam for
#: SAM tests)", "(plus vo.access.egi.eu während der Testphase)": VO names in DNS style (their last
#: label letters: no phone's or address's digits) or one word, then a few words
_VO_IN_NOTE = r"(?:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,12}|[a-z][a-z0-9_-]{1,30})"
_VO_ALSO = re.compile(rf"\((?:\+|&|and|also|plus|und|auch|et|aussi|e|anche|y|también|também|en|ook|i|oraz|a|és|"
                      rf"și|si|ja|sekä|og|och|samt|και|и|ve|ir|un)[ ]?{_VO_IN_NOTE}(?:[ ]?[,&/][ ]?{_VO_IN_NOTE}){{0,4}}"
                      r"(?:[ ](?:[^\W\d_]+(?:[-'’][^\W\d_]+)?[,;]?)){0,8}\)", re.IGNORECASE)
_TITLE_PAIR = re.compile(r"(?<!\w)[^\W\d_a-z][^\W\d_A-Z]+[ ]+[^\W\d_a-z][^\W\d_A-Z]+")


#: a word of letters of more than one script ("аtlas" with a Cyrillic а)
_WORD = re.compile(r"[^\W\d_]+")


def cleaned(value: str) -> str:
    """A short value without its disguises: compatibility forms folded (NFKC: fullwidth letters
    and digits), invisible and format characters dropped (zero-width spaces, soft hyphens, bidi
    marks), and in a word that mixes Latin letters with another script's look-alikes, those
    look-alikes as the Latin letters they imitate. A word wholly in another script stays as it
    is ("Физика" is no disguise). A value is tried in this form when its written form has no
    shape the catalogue knows: "vo.access\u200b.egi.eu" is published as "vo.access.egi.eu"."""
    value = "".join(c for c in unicodedata.normalize("NFKC", value) if unicodedata.category(c) != "Cf")
    return _WORD.sub(_latin_word, value.translate(_HYPHENS))


#: the hyphens that are not ASCII's ("vo.pan‑cancer.eu" with a non-breaking hyphen)
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\ufe63": "-"})


def _latin_word(m: re.Match[str]) -> str:
    word = m.group()
    if word.isascii() or not any("a" <= c.lower() <= "z" for c in word):
        return word
    folded = "".join(c if c.isascii() or "LATIN" in unicodedata.name(c, "") else fold_char(c) for c in word)
    return folded if folded.isalpha() and all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in folded) \
        else word


#: the VO's membership server in brackets: "(VOMS: voms1.grid.cesnet.cz:15004)"
_VO_SERVER = re.compile(r"\((?i:voms|voms server|vomses|server)[ ]?:?[ ]+[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{2,5})?\)")


#: the VO's number in a registry, in brackets: "(ID 1183)", "(Operations Portal ID: 1183)", "(VO-ID
#: 1183)", "(Kennung 1183)", "(identifiant : 1183)", "(azonosító 1183)": a registry's words, then an
#: id's word in a language of EGI, then six digits at most (no phone's number, no person's id)
_VO_ID = re.compile(r"\((?:(?:vo|egi|ops|operations|portal|registry|register|registro|registre|gocdb|voms|perun)"
                    r"[ -]?)*(?:id|ident|identifier|identificador|identifiant|identificativo|identificatore|"
                    r"kennung|kennnummer|identifikator|identyfikator|identifikátor|identifikačné|azonosító|"
                    r"tunnus|tunniste|identificatie|id-nummer|number|nummer|numéro|numero|número|numer|číslo|"
                    r"broj|številka|număr|numara|numeris|numurs|αριθμός|номер|nr|no|n°|nº)\.?"
                    r"(?:[ ]?[:#=][ ]?|[ ]#?|#)\d{1,6}\)", re.IGNORECASE)


def vo_name(value: str) -> str | None:
    value = " ".join(value.split())
    name, _, rest = value.partition(" ")
    if rest and _VO_PATH.fullmatch(rest) and _VO.fullmatch(name):
        return value  # a group of the VO after a word ("subgroup /vo.example.eu/testing")
    if rest and not _VO_ROLE.fullmatch(" " + rest) and not _place(rest) and not _VO_SERVER.fullmatch(rest) \
            and not _VO_ID.fullmatch(rest) \
            and not ((_VO_NOTE.fullmatch(rest) or _VO_ALSO.fullmatch(rest)) and not _TITLE_PAIR.search(rest)):
        return value if _vo_with_note(value) else None
    return value if _VO.fullmatch(name) else None


#: a VO's group as VOMS writes it ("/vo.plgrid.pl/ling"), and a VO's name in DNS style (its last
#: label letters: no address's or phone's digits)
_VO_PATH = re.compile(r"/[A-Za-z0-9][A-Za-z0-9._-]{0,252}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,63}){0,4}")
_DNS_NAME = r"(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,12}"
#: a word of a note beside a VO: a note's word (a word, a ticket's number, a date), a VO's name or
#: group, or a short number before a word ("90 days", "2 Wochen"); no longer run of digits
#: a project's name that spells "for" or "to" with a digit between words ("neuGRID4You", "DICE4EU",
#: "Data2Knowledge"): a name, not a password (no more than that one digit, no sign)
_PROJECT_NAME = r"[^\W\d_]{2,}[24][^\W\d_]{2,}"
_VO_NOTE_WORD = rf"(?:{_NOTE_WORD}|{_VO_PATH.pattern}|{_DNS_NAME}|{_PROJECT_NAME}|\d{{1,3}}(?=[ ][^\W\d_]))[.;:]?"
_VO_NOTE_WORDS = rf"(?:{_VO_NOTE_WORD})(?:,?[ ](?:{_VO_NOTE_WORD})){{0,11}}"
#: a VO (or a word or two saying there is none yet: "none yet", "noch keine") and a note after it in
#: brackets, or after a dash, a colon or a comma: "training.egi.eu (temporary, 90 days)",
#: "xfel.eu – Registrierung über das VOMS-Portal", "none yet (will request vo.example.eu)"
_VO_WITH_NOTE = re.compile(rf"(?P<head>{_VO.pattern}|[^\W\d_]+(?:[ ][^\W\d_]+)?)"
                           rf"(?:[ ]?\((?P<bracketed>{_VO_NOTE_WORDS})\)|(?:[ ][-–—]|:|,)[ ](?P<dashed>{_VO_NOTE_WORDS}))")
_SERVICE_NAME_WORDS = folded_too(SERVICE_NAME_WORDS)


def _vo_with_note(value: str) -> bool:
    """Is the value a VO with a note of words beside it, no person's name in the note? Two
    capitalised words in a row may be a person's ("Jan Novák"), unless a word of the run names
    an organisation or a service ("via Operations Portal", "(Nederlandse Life Science Grid)")."""
    m = _VO_WITH_NOTE.fullmatch(value)
    if not m or _capitalised_pair(m.group("head")):
        return False
    return not _person_in_note(m.group("bracketed") or m.group("dashed"))


def _person_in_note(note: str) -> bool:
    """A run of two capitalised words or more, none of them an organisation's or a service's word?"""
    run: list[str] = []
    for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[^ ]+", note + " ."):
        word = m.group()
        if word[0].isalpha() and word[0].isupper():
            run.append(word)
            continue
        if len(run) > 1 and not any(w.lower() in _INSTITUTION or w.lower() in _SERVICE_NAME_WORDS
                                    for w in re.findall(r"[^\W\d_]+", " ".join(run))):
            return True
        run = []
    return False


def vo_list(value: str) -> list[str]:
    """The VOs of a value that lists several ("biomed, vo.example.eu; vo.other.eu", "vo.clarin.eu /
    vo.dariah.eu": a slash or a bar with spaces round it, never a VOMS group's), each to be
    judged alone; a value that is not such a list stays whole."""
    parts = [p.strip() for p in re.split(r"[ \t]*[,;\n][ \t]*|[ \t]+[/|][ \t]+", value) if p.strip()]
    return parts if len(parts) > 1 and all(vo_name(p) for p in parts) else [value]


#: a note in brackets after a value ("(site admin on duty)", "(czekamy na certyfikat hosta)"):
#: left out when it is in lower case, words of a role or a state (a person's name has capitals)
_NOTE = re.compile(r"[ \t]*\(([^()@<>:/=]{1,80})\)[ \t]*$")


def _without_note(value: str, acronyms: bool = False) -> str:
    note = _NOTE.search(value)
    if note and note.start() > 0 and _lower_case_note(note.group(1), acronyms):
        return value[:note.start()]
    return value


#: a word in title case: a name's shape ("Novák", "Rossi"); an acronym in capitals ("OLA", "SLA", "VO") is none
_TITLE_CASE_WORD = re.compile(r"(?<![\w])[^\W\d_](?=[^\W\d_]*[^\W\d_A-Z])[^\W\d_]*")


def _lower_case_note(note: str, acronyms: bool = False) -> bool:
    """A note of words in lower case; ``acronyms``: acronyms in capitals among them too (a site
    list's note: "(both committed, OLA pending)"), never a word in title case (a person's name)."""
    if not any(c.isalpha() for c in note):
        return False
    if acronyms:
        return not any(w.group()[0].isupper() for w in _TITLE_CASE_WORD.finditer(note))
    return not any(c.isupper() for c in note)


#: a site's postal address after it, in brackets or after a dash: "SURF (Science Park 140, 1098 XG
#: Amsterdam)", "IFCA-LCG2 — Avda. de los Castros s/n, 39005 Santander" (a postcode and its town):
#: left out, as a note is, and the site kept
_SITE_ADDRESS = re.compile(r"[ ]*(?:\((?P<bracketed>[^()<>@=]{6,100})\)|[ ]+[-–—][ ]+(?P<dashed>[^()<>@=]{6,100}))$")
_POSTCODE_TOWN = re.compile(r"(?<![\w-])(?:\d{4,5}|\d{2}-\d{3}|\d{3}[ ]\d{2}|\d{4}[ ]?[A-Z]{2})[ ]+[^\W\d_][\w'’.-]+(?:[ -][^\W\d_][\w'’.-]*){0,3}$")


def site_names(value: str) -> str | None:
    """The sites as written; a lower-case note after them ("(site admin on duty)") is left out, as
    each site becomes a resource centre of the site's index by its name. Site names listed with
    a slash or a bar between them ("UKI-NORTHGRID-MAN-HEP / RAL-LCG2") are listed with commas;
    anything else after a slash is no site ("RO-07-NIPNE / CNP operator 1 850312 ...")."""
    value = value.strip()
    pieces = _LISTED_WITH_A_SIGN.split(value)
    if len(pieces) > 1 and all(_SITE.fullmatch(p) for p in pieces):
        value = ", ".join(pieces)
    if _site_list(value):
        return value
    address = _SITE_ADDRESS.search(value)
    if address and address.start() > 0 and _POSTCODE_TOWN.search(address.group("bracketed") or address.group("dashed")) \
            and _site_list(value[:address.start()].strip()):
        return value[:address.start()].strip()  # (the site is what its index lists, not where it stands)
    link = _SITE_LINK_NOTE.search(value)  # (its link to the network is public, and published)
    if link and _site_list(value[:link.start()]) and not _person_in_note(link.group("note")):
        return value
    value = _without_note(_NETWORK_NOTE.sub("", value), acronyms=True).strip()
    if _site_list(value):
        return value
    # a lower-case note after a site inside the list ("RECAS-BARI (in attesa), CLOUDIFIN"): left out too
    value = _INNER_NOTE.sub(_drop_lower_case_note, value)
    return value if _site_list(value) else None


_INNER_NOTE = re.compile(r"[ \t]*\(([^()@<>:/=]{1,80})\)(?=[ \t]*[,;])")


#: a site's network in brackets, after a word or two naming it or none: "(IP 158.42.104.0/22)",
#: "(Netz: 193.206.208.0/22, 2001:db8::/32)", "(réseau public 134.158.0.0/16)", "(IPv6 2001:db8::/48)":
#: left out (the site is what the value publishes; its network is no site)
_NETWORK_NOTE = re.compile(
    rf"[ \t]*\((?:[^\W\d_][\w-]{{0,24}}(?:[ ][^\W\d_][\w-]{{0,24}})?[ ]?[:=]?[ ]+)?(?:{_NETWORK_RE})"
    rf"(?:[ ]*[,;][ ]*(?:{_NETWORK_RE})){{0,5}}\)(?=[ \t]*(?:[,;]|$))")


def _drop_lower_case_note(m: re.Match[str]) -> str:
    return "" if _lower_case_note(m.group(1), acronyms=True) else m.group()


_LISTED_WITH_A_SIGN = re.compile(r"[ \t]+[/|][ \t]+")
#: a value's parts: a bracket whole (it may list hosts apart by commas), or a word
_SITE_PART = re.compile(r"\([^()]*\)|[^\s,;()]+")


#: a site's coordinates in brackets, as its index lists them: "(40.6302 N, 22.9589 E)", "(45.07°N,
#: 7.68°E)", "(lat 50.09, lon 14.42)": decimals (a phone's digits have no point) or a hemisphere's letter
_ANGLE = r"-?\d{1,3}(?:[.,]\d{1,7})?[ ]?°?"
_LATITUDE = rf"(?:{_ANGLE}[ ]?[NS]|-?\d{{1,2}}[.]\d{{2,7}}°?)"
_LONGITUDE = rf"(?:{_ANGLE}[ ]?[EWO]|-?\d{{1,3}}[.]\d{{2,7}}°?)"
#: (its town first, one word: "(Athens, 37.98° N 23.73° E)"; latitude and longitude apart by a
#: comma or a space alone)
_SITE_COORDINATES = re.compile(rf"\((?:[^\W\d_][\w'’.-]{{1,40}},[ ])?(?:(?i:lat|latitude)[.:]?[ ]?)?{_LATITUDE}(?:[ ]?[,;/][ ]?|[ ])"
                               rf"(?:(?i:lon|long|longitude)[.:]?[ ]?)?{_LONGITUDE}\)")
#: a site's link to its network, in brackets or after a dash: "(10 Gbit/s)", "– 2 × 100 Gbit/s do
#: PIONIER", "— 400 Gb/s zum DFN": a rate, then a few words (the network's name among them)
_RATE = r"(?:\d{1,2}[ ]?[×x][ ]?)?\d{1,4}(?:[.,]\d{1,2})?[ ]?(?:[kMGT]bit/s|[kMGT]b/s|[kMGT]bps|[kMGT]bit)"
_SITE_BANDWIDTH = re.compile(rf"\({_RATE}(?:[ ](?:{_NOTE_WORD})){{0,5}}\)")
#: a site's storage in brackets, a word or two naming it or none: "(tape: 2 PB)", "(Disk 800 TB)",
#: "(1,5 PB bånd)", "(stockage disque : 400 To)": a size and its unit (no phone's or address's shape)
_SIZE = r"\d{1,5}(?:[.,]\d{1,3})?[ ]?(?:[kKMGTPE]i?B|[kKMGTPE]o|[kKMGTPE]byte|[kKMGTPE]bytes)"
_SITE_CAPACITY = re.compile(rf"\((?:[^\W\d_][\w-]{{0,20}}(?:[ ][^\W\d_][\w-]{{0,20}})?[ ]?:?[ ])?{_SIZE}"
                            rf"(?:[ ][^\W\d_][\w-]{{0,20}}){{0,3}}\)")
_SITE_LINK_NOTE = re.compile(rf"[ ]+[-–—:][ ]+(?P<note>{_RATE}(?:[ ](?:{_NOTE_WORD})){{0,5}})$")


def _site_list(value: str) -> bool:
    if _SITE_PART.sub("", value).strip(" \t,;"):
        return False  # (a bracket left open or closed alone)
    parts = _SITE_PART.findall(value)
    if not parts or not (_SITE.fullmatch(parts[0]) or _NETWORK.fullmatch(parts[0])):
        return False
    for before, part in pairwise(parts):
        if not (_SITE.fullmatch(part) or _NETWORK.fullmatch(part)
                or (_SITE_HOST.fullmatch(part) or _SITE_PORTS.fullmatch(part) or _place(part)
                    or _SITE_COORDINATES.fullmatch(part) or _SITE_BANDWIDTH.fullmatch(part) or _SITE_CAPACITY.fullmatch(part))
                    and _SITE.fullmatch(before)):
            return False
    return True


#: a project's or grant's code a discipline may carry ("Részecskefizika (NKFIH K-134567)", "Fizika
#: (ARIS P1-0135)", "projet ANR-23-CE01-0012", "(FAPESP 2019/12345-6)"): letters and digits in one
#: token, or digits after a funder's acronym; its digits are no phone number
_CODE = re.compile(r"(?<![\w/.-])(?=[\w./-]*\d)(?=[\w./-]*[A-Za-z])[A-Za-z0-9]+(?:[-./_][A-Za-z0-9]+)+(?![\w/.-])|"
                   r"(?<![\w/.-])[A-Z]{1,3}\d[A-Z0-9]*(?![\w/.-])|(?<=[A-Z]{3} )\d[\d]*(?:[/.-]\d+)+(?=\))")


#: a grant's, a project's or a ticket's number after its word ("Lattice QCD (grant 101131957)"): the
#: words the detectors read as saying a number is a reference (``lexicon.REFERENCE_WORDS``)
_GRANT = re.compile(rf"(?i)(?<![\w-])(?:{REFERENCE_WORDS}|ga)(?: no\.?| nr\.?| n°)?[ ]+\d{{5,12}}(?![\w-])")


#: a label in brackets before a colon that qualifies a discipline, its fields after it ("Life sciences
#: (interdisciplinary: bioinformatics, structural biology)", "Physik (Schwerpunkte: Optik, Akustik)",
#: "Chimie (multidisciplinaire : catalyse)"): no level, and no name after it (two capitalised words)
_BRACKET_LABEL = re.compile(
    r"\((?:(?:inter|multi|trans|cross|pluri|poly)-?[^\W\d_]*|incl\.?|including|e\.g\.?|i\.e\.?|esp\.?|especially|"
    r"mainly|focus|topics?|subfields?|areas?|fields?|themes?|schwerpunkte?|themen|thèmes|domaines?|temi|settori|"
    r"áreas|temas|onderwerpen|tematy|tematyka|témata|témy|témák|ämnen|emner|aiheet|teme|θέματα|теми|teme|"
    r"interdisziplinär|interdisciplinární|interdiszciplináris|διεπιστημονικό|интердисциплинарно)"
    r"[ ]?:[ ](?P<rest>[^():]*)\)", re.IGNORECASE)


def _label_colons_out(value: str) -> str:
    """The value without a qualifying label's colon in brackets (``_BRACKET_LABEL``)."""
    return _BRACKET_LABEL.sub(lambda m: m.group() if _NAME_PAIR.search(m.group("rest")) else f"({m.group('rest')})", value)


def discipline(value: str) -> str | None:
    """The value as written; a path may separate its levels by ' / ', '>', '»', '›', '|', '::' or a
    spaced dash (the site's tree reads each as a level: ``site.metrics.discipline_levels``)."""
    value = " ".join(value.split())
    if not _DISCIPLINE.fullmatch(value) or _DIGIT_RUN.search(_CODE.sub("", _GRANT.sub("", _QUANTITY.sub("", value)))) \
            or ":" in value.replace("::", "") and not _field_heading(_label_colons_out(value) if "(" in value else value) \
            and ":" in _label_colons_out(value).replace("::", ""):
        return None
    return value


#: the top levels of a discipline, as written and folded
_DISCIPLINE_FIELDS = folded_too(DISCIPLINE_FIELDS.split("|"))


def _field_heading(value: str) -> bool:
    """Is the value's one colon after a discipline's top level ("Humanities: digital history of
    passports")? After any other word a colon is no level ("Physics: call me on my mobile")."""
    head, _, rest = value.replace("::", "\0").partition(":")
    return ":" not in rest and head.strip().lower() in _DISCIPLINE_FIELDS and bool(rest.strip())


def rt_status(value: str) -> str | None:
    value = value.strip()
    status = _without_note(value).strip()
    for pattern in (_STATUS_NOTE, _STATUS_BRACKET):
        note = pattern.search(status)
        if note and not _NAME_PAIR.search(note.group("note")):
            status = status[:note.start()]
    parts = _STATUS_PAIR.split(status) if status.count("/") + status.count("|") == 1 else [status]
    return value if all(len(p) <= 30 and _STATUS.fullmatch(p) for p in parts) else None


#: a team's account in RT ("l2-support", "egi_helpdesk", "ops.team"): words of a role, no person's
_ROLE_ACCOUNT = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*")
_ROLE_ACCOUNT_WORDS = frozenset("support helpdesk desk ops operations team admin admins service services noc "
                                "csirt security staff queue robot bot".split())


def owner(value: str) -> str | None:
    """An owner's name, or a team's account ("l2-support")."""
    value = value.strip()
    if _ROLE_ACCOUNT.fullmatch(value) and _ROLE_ACCOUNT_WORDS.intersection(re.split(r"[-_.]", value)):
        return value
    name = _without_note(value).strip()  # "Jean-Pierre Lefèvre (support niveau 2)": a role's note after the name
    if name == value:  # "Nuno Carvalho (EGI Foundation)": the organisation the owner works for
        org = _NOTE.search(value)
        if org and org.start() > 0 and not any(c.isdigit() for c in org.group(1)) and _institution(org.group(1)):
            name = value[:org.start()].strip()
    if name == value and (surname_first := _SURNAME_FIRST.fullmatch(value)):
        name = f"{surname_first.group('given')} {surname_first.group('surname')}"  # "O'Brien, Siobhán"
    return value if name != value and person_name(name) else person_name(value)


#: a name written surname first, a comma after it, as directories list people: "O'Brien, Siobhán",
#: "van der Berg, Anna", "Nowak-Kowalska, Małgorzata"; two words at most on each side
_SURNAME_FIRST = re.compile(r"(?P<surname>[^\W\d_](?:['’-]?[^\W\d_])*(?:[ ][^\W\d_](?:['’-]?[^\W\d_])*){0,2}),[ ]"
                            r"(?P<given>[^\W\d_](?:['’-]?[^\W\d_])*\.?(?:[ -][^\W\d_](?:['’-]?[^\W\d_])*\.?)?)")



def person_name(value: str) -> str | None:
    value = " ".join(value.split())
    if not value or len(value) > 80 or not _NAME.fullmatch(value):
        return None
    return value


#: public identifiers an entry may carry: an ORCID iD (of the person: public, but the contacts
#: field publishes affiliation and role only, so it is left out) and a ROR link (the
#: organisation's record), in brackets or after a comma
_ORCID_ID = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"
_IDENTIFIER = (rf"(?:orcid(?:[ ]?id)?[ ]?:?[ ]*(?:https?://(?:www\.)?orcid\.org/)?{_ORCID_ID}|"
               rf"https?://(?:www\.)?orcid\.org/{_ORCID_ID}|(?:ror[ ]?:?[ ]*)?https?://(?:www\.)?ror\.org/0[a-z0-9]{{6}}\d{{2}})/?")
_IDENTIFIER_REF = re.compile(rf"[ ]*(?:\([ ]*{_IDENTIFIER}[ ]*\)|,?[ ]*{_IDENTIFIER}(?=[ ]*(?:[,(]|$)))", re.IGNORECASE)
#: "role: resource provider" after the rest of the entry: the role written as a label
_ROLE_LABEL = re.compile(rf"[ ]*[,;-]?[ ]*(?:{_ROLE_WORDS})[ ]*[:=][ ]*(?P<role>[^,()<>@:=]+?)[ ]*$", re.IGNORECASE)
_INSTITUTION = frozenset(INSTITUTION_WORDS)
_LONG_INSTITUTION_WORDS = tuple(w for w in INSTITUTION_WORDS if len(w) >= 6)


def organisation_with_role(entry: str) -> bool:
    """Is the entry an organisation and its role ("CERN IT Department (service: FTS)", "GÉANT
    (network)"): a name of one word or with an organisation's word, then the role in brackets?"""
    m = re.fullmatch(r"[ ]*(?P<name>[^,()<>@]+?)[ ]*\([^()<>@]+\)[ ]*", entry)
    return bool(m and contact(entry) and (_institution(m.group("name")) or " " not in m.group("name").strip()))


def _institution(name: str) -> bool:
    """Does the first part of an entry name an organisation ("Example University",
    "Rechenzentrum Beispiel-Uni": a compound ending in an organisation's word counts)?"""
    return any(w in _INSTITUTION or len(w) > 8 and w.endswith(_LONG_INSTITUTION_WORDS)
               for w in re.findall(r"[^\W\d_]+", name.lower()))


#: a list's mark before an entry: "1) ", "2. ", "(3) ", "- ", "• " (the entries of a numbered list)
_LIST_MARK = re.compile(r"^[ ]*(?:\(?\d{1,2}[.)]|[-*•·–—])[ ]+(?=[^\W\d_])")


def _contact(entry: str) -> tuple[str, str] | None:
    entry = _IDENTIFIER_REF.sub("", _LIST_MARK.sub("", " ".join(entry.split()))).strip(" ,;")
    labelled = _ROLE_LABEL.search(entry)
    if labelled and "(" not in entry[:labelled.start()]:
        entry = f"{entry[:labelled.start()]} ({labelled.group('role')})"
    m = _CONTACT.match(entry)
    if not m:
        return _three_parts(entry)
    affiliation = (m.group("affiliation") or "").strip()
    role = (m.group("role") or "").strip()
    label = _ROLE_INNER_LABEL.match(role)
    role = role[label.end():] if label else role
    name = m.group("name").strip()
    if not affiliation and (_institution(name) or _ACRONYM.fullmatch(name)):
        affiliation = name  # the entry is an organisation with its role
    elif affiliation and _institution(name):
        if not _unit_or_place(affiliation):
            return None  # "EGI Foundation, Noa Levi (case coordination)": a person beside the organisation
        affiliation = f"{name}, {affiliation}"  # an organisation and its unit: "Rechenzentrum X, Servicedesk"
    if not person_name(m.group("name").strip()) and not affiliation:
        return None
    if affiliation and (not _AFFILIATION.fullmatch(affiliation) or _digits_in(affiliation)):
        return None
    if role and not _ROLE.fullmatch(role):
        return None
    if not affiliation and not role:
        return None
    return affiliation, role


def contact(entry: str) -> tuple[str, str] | None:
    """(affiliation, role) of a 'Name <address>, Affiliation (role)' entry, or None if the entry
    has any other shape (a phone, a second address, a birth date, a street address...). An
    organisation may stand alone with its role ("Example University (PI)", "Example Institute,
    role: resource provider"); ORCID iDs and ROR links in an entry are left out. What would be
    published never names a person by a title ("PI, replaces Dr. Cohen")."""
    shaped = _contact(entry)
    return None if shaped and any(_titled_person(x) for x in shaped) else shaped


def _titled_person(text: str) -> bool:
    """A title before a capitalised word; a title of three letters or more in capitals is an
    acronym's ("IFJ PAN Kraków": the Polish Academy of Sciences, not "pan", Mr)."""
    return any(not (len(m.group("title")) > 2 and m.group("title").isupper()) for m in _TITLED_PERSON.finditer(text))


#: a person named with a courtesy or academic title ("Dr. Cohen", "Prof. Rossi", "dr. Kovács",
#: "Herr Maier", "pani Nowak", "κ. Παπαδόπουλος", "г-н Иванов", "Prof.ª Lima", "Eng.º Sousa")
_TITLED_PERSON = re.compile(r"(?<![\w.-])(?P<title>(?i:dr|dra|drs|prof|mr|mrs|ms|mme|mlle|herr|frau|sig|sig\.ra|sig\.na|dott|"
                            r"dott\.ssa|pan|pani|paní|pán|úr|heer|mevrouw|mevr|dhr|sr|sra|srta|δρ|κ|καθ|г-н|г-жа|д-р|др|проф|eng(?=\.?[ªº]|\.[ao][ ])))"
                            r"\.?(?:[ªº]\.?|(?<=\.)[ao](?=[ ]))?[ ]+[^\W\d_a-z]")


#: a town or a unit beside an organisation: a few words of letters, two capitalised ones never in a
#: row (a person's name: "EGI Foundation, Noa Levi, ..."), or an organisation's unit by its word
_PLACE_PART = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?(?:[ ][^\W\d_]+(?:['’.-][^\W\d_]+)*\.?){0,3}")


def _unit_or_place(part: str) -> bool:
    return bool(_institution(part) or _ACRONYM.fullmatch(part)
                or _PLACE_PART.fullmatch(part) and not _capitalised_pair(part))


def _capitalised_pair(text: str) -> bool:
    """Two capitalised words in a row, in any script ("Noa Levi", "Νίκος Παππάς")?"""
    words = list(re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))
    return any(a.group()[0].isupper() and b.group()[0].isupper() and text[a.end():b.start()] == " "
               for a, b in pairwise(words))


def _organisation_parts(org: str, middle: str, role: str, role_words: str) -> tuple[str, str] | None:
    """(affiliation, role) of an 'Organisation, town or unit, role' entry ("EGI Foundation User
    Community Support Team, Amsterdam, case coordination"): no person's name in it (no two
    capitalised words in a row beside the organisation's, in the town or in the role)."""
    affiliation = f"{org}, {middle}"
    if not _unit_or_place(middle) or not _ROLE_PART.fullmatch(role_words) or _capitalised_pair(role_words):
        return None
    if not _AFFILIATION.fullmatch(affiliation) or _digits_in(affiliation):
        return None
    return affiliation, role


#: a part of an entry that names a role: a few words, no digits, no address, no brackets
_ROLE_PART = re.compile(r"[^\W\d_][^\W\d_ .&'’/-]*(?:[ ./&«»“”„\"-]+[^\W\d_][^\W\d_.&'’/«»“”„\"-]*){0,7}[ ]?[»”\"]?")


#: academic and courtesy titles before a name ("Prof. Dr.", "Dra.", "Δρ.", "Доц. д-р"; with the
#: Portuguese ordinal sign of a woman's or man's title: "Prof.ª", "Dr.ª", "Sr.ª", "Eng.º")
_TITLES = re.compile(r"^(?:(?:prof|prof\.ssa|dott|dott\.ssa|dr hab|dr|dra|drs|ir|ing|mag|dipl|doc|mgr|phd|mr|mrs|ms|mme|sig|sig\.ra|sra|sr|"
                     r"rndr|mudr|judr|phdr|paeddr|ing\. arch|"
                     r"herr|frau|δρ|καθ|проф|доц|д-р|др|ph\.d|eng(?=\.?[ªº]|\.[ao][ ]))\.?(?:[ªº]\.?|(?<=\.)[ao](?=[ ]))?[ ]+)+", re.IGNORECASE)


#: an academic degree written after a name ("Ph.D.", "CSc.", "MSc", "DrSc.")
_DEGREE = re.compile(r"(?:ph\.? ?d|csc|drsc|msc|ma|ba|bsc|mba|dphil|dr\. ?rer\. ?nat|dipl\.-ing)\.?", re.IGNORECASE)


#: a note in brackets after a role: a site's name ("RO-07-NIPNE", "praguelcg2") or a few words
#: ("astrophysics", "grid storage"); a word in title case (a person's name: "(Novák)") is refused
_ROLE_NOTE = re.compile(r"[ ]*\((?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*|[^\W\d_]+(?:[ -][^\W\d_]+){0,3})\)$")
_TRAILING_NOTE = re.compile(r"[ ]*\([^()]*\)$")
_TITLE_WORD = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W\d_A-Z]+(?![\w-])")


def _three_parts(entry: str) -> tuple[str, str] | None:
    """(affiliation, role) of a 'Name, Affiliation, role' entry ("Petra Novák, CESNET, správce
    gridu"): a person's name, an affiliation (brackets allowed: "IFCA (CSIC-UC)") and a role of a
    few words; any other shape, None."""
    parts = [p.strip() for p in re.split(r",(?![^()]*\))", entry)]
    # "Jana Dvořáková, Ph.D., ...": a degree after the name, left out; one written in capitals without
    # a dot ("CSC", "MSC") is also an organisation's acronym ("Laura Niemi, CSC, palvelupäällikkö":
    # Finland's IT centre), left out only when the entry has a part more than its three
    parts = [p for p in parts if not (_DEGREE.fullmatch(p) and (len(parts) > 3 or not _ACRONYM.fullmatch(p)))]
    if len(parts) == 4 and all(parts) and all(_institution(p) or _ACRONYM.fullmatch(p) for p in parts[1:3]):
        parts = [parts[0], f"{parts[1]}, {parts[2]}", parts[3]]  # "University of Iceland, Institute of Earth Sciences"
    if len(parts) != 3 or not all(parts) or any(c in entry for c in "<>@"):
        return None
    name, affiliation, role = parts
    name = _TITLES.sub("", name)
    note = _ROLE_NOTE.search(role)  # "site admin (RO-07-NIPNE)", "PI (astrophysics)": the role's site or field
    other = _TRAILING_NOTE.search(role)
    if note and not _TITLE_WORD.search(note.group()) and not _DIGIT_RUN.search(note.group()):
        role_words = role[:note.start()]
    elif other and other.start() > 0:
        # any other note after the role ("PI (replaces Dr. Cohen)", "Doktorandin (bis Mai: 0171 ...)"):
        # left out whole, the role published without it (what it says may be a person's)
        role = role_words = role[:other.start()]
    else:
        role_words = role
    if _institution(name) or _ACRONYM.fullmatch(name):
        return _organisation_parts(name, affiliation, role, role_words)
    if not person_name(name) or _institution(name) or not _ROLE_PART.fullmatch(role_words):
        return None
    if not _AFFILIATION.fullmatch(affiliation) or _digits_in(affiliation):
        return None
    return affiliation, role


#: what separates the links of one value: spaces, or ';', '|' or ', ' between them
#: (a link of a list on each line: "Projektbeschreibung: https://...\nFolien: https://...")
_LIST_SEPARATOR = re.compile(r"[ \t]*[;|\n][ \t]*")
_LINK_SEPARATORS = re.compile(r"[ \t]*[;|][ \t]*|\s+|,\s+")
#: public identifiers written without their resolver, and the address that resolves them
_IDENTIFIERS = (
    (re.compile(r"(?:doi:[ ]?|)(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE), "https://doi.org/{}"),
    (re.compile(r"arxiv:[ ]?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.IGNORECASE),
     "https://arxiv.org/abs/{}"),
    (re.compile(r"hdl:[ ]?(\d+(?:\.\d+)*/[^\s\"<>]+)", re.IGNORECASE), "https://hdl.handle.net/{}"),
)


#: a word or two naming the link before it ("Δημοσίευση: https://doi.org/...", "Wiki: https://..."):
#: left out, the link is what the field publishes
#: (a label of up to four words: "slide del corso: https://...", "Folien zum Kurs: https://...")
#: (its words may be hyphenated and a note in brackets may follow them: "Folien Kick-off (öffentlich): https://...")
_LINK_LABEL = re.compile(r"^[^\W\d_][\w'’-]{0,30}(?:[ ][^\W\d_][\w'’-]{0,30}){0,3}(?:[ ]\([^\W\d_][^()\n:/@]{0,30}\))?"
                         r"[ \t]*:[ \t]+(?=https?://)")


def link_candidates(value: str) -> list[str]:
    """The parts of a links value, each a link or a bare identifier's address (the rest as written,
    for ``link`` to refuse)."""
    # (each link of a list may have its label: "https://wiki.egi.eu/... ; slides: https://indico...")
    value = " ; ".join(_LINK_LABEL.sub("", part) for part in _LIST_SEPARATOR.split(value.strip()))
    return [identifier_link(c) or c for c in _LINK_SEPARATORS.split(value) if c]


def identifier_link(candidate: str) -> str | None:
    """The address of a DOI, arXiv id or handle written bare ('arXiv:2310.98765', 'doi:10.1234/x',
    '10.1234/x'), or None."""
    for pattern, address in _IDENTIFIERS:
        m = pattern.fullmatch(candidate)
        if m:
            return link(address.format(m.group(1)))
    return None


def link(candidate: str) -> str | None:
    """An absolute http(s) URL without user info, in one piece."""
    if not candidate or any(c.isspace() for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return None
    if normalised_text(candidate) != candidate and "%" not in candidate:
        return None  # look-alikes, invisible characters or markup inside a link
    return candidate
