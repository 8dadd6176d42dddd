"""Generators of confidential items and of benign look-alikes, by class, for the screening
property tests: each draws the item itself (a random password, a valid national id, a phone
number of a random region, a marker of a random language...) and wraps it the way ticket text
nobody here wrote does (look-alike characters, entities, invisible characters, markup, quoting,
a language's own words around it).

Everything drawn is made up: domains are reserved example domains, numbers come from
``phonenumbers``' example numbers or random digits with valid check digits.
"""

from __future__ import annotations

import html
import random
import string
from dataclasses import dataclass

import phonenumbers
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType


@dataclass(frozen=True)
class Item:
    category: str
    text: str  # the whole field or message
    secret: str  # the part of it that must not be published ('' for benign items)
    keep: str = ""  # benign: what must survive


# --- wrappers ---------------------------------------------------------------------------------

_INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in string.ascii_letters + string.digits + "@.+"}
_ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}


def sprinkle_invisible(rnd: random.Random, text: str, every: int = 4) -> str:
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if i % every == every - 1 and rnd.random() < 0.7:
            out.append(rnd.choice(_INVISIBLE))
    return "".join(out)


def fullwidth(text: str) -> str:
    return "".join(_FULLWIDTH.get(c, c) for c in text)


# --- e-mail -------------------------------------------------------------------------------------

_NAMES = "anna jan marta pieter giulia nikos ingrid tomas lea omar aino rui eva ivan ana karl sofia".split()
_SURNAMES = "novak rossi berg papadaki schmidt horvat dupont kowalska lindqvist silva popescu weber".split()
_AT_WORDS = [("at", "dot"), ("[at]", "[dot]"), ("(at)", "(dot)"), ("{at}", "{dot}"), ("arroba", "punto"),
             ("chiocciola", "punto"), ("małpa", "kropka"), ("zavináč", "tečka"), ("kukac", "pont"),
             ("ät", "punkt"), ("snabel-a", "punkt"), ("(bij)", "(punt)"), ("[arobase]", "[point]"),
             ("собака", "точка"), ("AT", "DOT")]
_TLDS = ["org", "eu", "example", "de", "it", "pl", "cz", "fr", "nl", "gr"]


@st.composite
def emails(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    local = f"{rnd.choice(_NAMES)}{rnd.choice(['.', '_', ''])}{rnd.choice(_SURNAMES)}"
    labels = [rnd.choice(["cnr", "kit", "uni-lj", "grnet", "cesnet", "ifca", "sztaki", "bio"]), "example"]
    tld = rnd.choice(_TLDS)
    form = draw(st.sampled_from(["plain", "spelled", "fullwidth", "entity", "percent", "markup", "invisible",
                                 "wrapped", "mailto"]))
    domain = ".".join(labels + [tld])
    address = f"{local}@{domain}"
    if form == "spelled":
        at, dot = rnd.choice(_AT_WORDS)
        address = f"{local} {at} {f' {dot} '.join(labels + [tld])}"
    elif form == "fullwidth":
        address = address.replace("@", rnd.choice(["＠", "﹫"])).replace(".", "．")
    elif form == "entity":
        address = address.replace("@", rnd.choice(["&#64;", "&#x40;", "&commat;"]))
    elif form == "percent":
        address = address.replace("@", "%40")
    elif form == "markup":
        address = f"<b>{local}</b>@{domain}"
    elif form == "invisible":
        address = sprinkle_invisible(rnd, address)
    elif form == "wrapped":
        address = f"{local}@\n> {domain}"
    elif form == "mailto":
        address = f"mailto:{address}"
    before = rnd.choice(["Write to", "Contact:", "Kontakt:", "Scrivete a", "Pisz na adres", "E-mail:", "mail me at"])
    return Item("e-mail", f"Hello,\n\n{before} {address} for the account.\n\nThanks", address)


# --- phone ----------------------------------------------------------------------------------------

_REGIONS = ["GB", "DE", "FR", "IT", "ES", "PL", "NL", "CZ", "HU", "PT", "GR", "SE", "FI", "DK", "NO", "AT",
            "CH", "BE", "RO", "BG", "HR", "SI", "SK", "LT", "LV", "EE", "IE", "TR", "IL", "UA", "GE", "AM", "RS",
            "US"]
#: every region phonenumbers has an example number for
_ALL_REGIONS = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if phonenumbers.example_number(r))
_PHONE_LABELS = ["Tel.", "Tel:", "tel.", "Mobile:", "mob.", "Handy:", "Portable :", "cell.", "Móvil:", "kom.",
                 "Τηλ.:", "тел.:", "puh.", "tlf.", "Telefon:", "call me on", "ring me at", "WhatsApp:"]
_SEPARATORS = [" ", "\u00a0", "\u202f", ".", "-"]


@st.composite
def phones(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    region = draw(st.one_of(st.sampled_from(_REGIONS), st.sampled_from(_ALL_REGIONS)))
    kind = rnd.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    style = draw(st.sampled_from(["international", "e164", "national", "00"]))
    if style == "international":
        number = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)
    elif style == "e164":
        number = phonenumbers.format_number(example, PhoneNumberFormat.E164)
    elif style == "00":
        number = "00" + phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)[1:]
    else:
        number = phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL)
        if sum(c.isdigit() for c in number) < 7:  # a territory's short local number: not a phone number to
            number = phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL)  # us without its + code
    sep = rnd.choice(_SEPARATORS)
    number = number.replace(" ", sep) if sep in " \u00a0\u202f" or not number.startswith("(") else number
    script = rnd.random()
    if script < 0.15:
        number = "".join(_ARABIC_INDIC.get(c, c) for c in number)
    elif script < 0.3:
        number = fullwidth(number)
    label = rnd.choice(_PHONE_LABELS)
    return Item("phone", f"Regards,\nJ. Doe\n{label} {number}\n", number)


# --- credentials ----------------------------------------------------------------------------------

_PASSWORD_INTROS = [
    "The password is {v}", "password: {v}", "Passwort: {v}", "das Passwort lautet {v}", "mot de passe : {v}",
    "la password è {v}", "la contraseña es {v}", "a senha é {v}", "wachtwoord: {v}", "hasło: {v}",
    "heslo je {v}", "jelszó: {v}", "lösenordet är {v}", "passord: {v}", "salasana: {v}", "parola este {v}",
    "κωδικός πρόσβασης: {v}", "пароль: {v}", "лозинка: {v}", "şifre: {v}", "slaptažodis: {v}", "parole: {v}",
    "geslo: {v}", "lozinka: {v}", "סיסמה: {v}", "pwd: {v}", "OS_PASSWORD={v}", "DB_PASSWORD: \"{v}\"",
    '"client_secret": "{v}"', "export API_TOKEN={v}", "secret_key = {v}", "mysql -u app -p{v} -h db",
    "sshpass -p '{v}' ssh vo@ui", "curl -u robot:{v} https://dav.example.org/", "Authorization: Bearer {v}",
    "here it is:\n\n{v}\n", "I've reset it to {v} as you asked.", "--password {v}",
    "postgres://app:{v}@db.example.org/x", "https://x.example.org/d?sig={v}&exp=1",
]
_ALPHABETS = [string.ascii_letters + string.digits, string.ascii_letters + string.digits + "!#%&*+-=?@^_~",
              string.ascii_letters + string.digits + "-_"]


@st.composite
def random_secrets(draw, min_size: int = 12) -> str:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    alphabet = rnd.choice(_ALPHABETS)
    size = draw(st.integers(min_size, 40))
    while True:
        value = "".join(rnd.choice(alphabet) for _ in range(size)).strip("-_!#%&*+=?@^~")
        if (len(value) >= min_size and any(c.isupper() for c in value) and any(c.islower() for c in value)
                and any(c.isdigit() for c in value)):
            return value


@st.composite
def credentials(draw) -> Item:
    value = draw(random_secrets())
    intro = draw(st.sampled_from(_PASSWORD_INTROS))
    if "://" in intro or "curl" in intro:
        value = "".join(c for c in value if c.isalnum() or c in "-_")
    return Item("credential", "Hi,\n\n" + intro.format(v=value) + "\n\nBest", value)


_VENDOR = ["ghp_{r36}", "github_pat_{r22}_{r59}", "glpat-{r20}", "xoxb-{d12}-{d13}-{r24}", "AIza{r35}",
           "hf_{r34}", "sk-proj-{r48}", "sk_live_{r24}", "npm_{r36}", "pypi-AgEI{r60}", "dckr_pat_{r27}",
           "hvs.{r90}", "glsa_{r32}_{h8}", "AKIA{U16}", "gAAAAA{r90}", "eyJ{r20}.eyJ{r40}.{r43}"]


@st.composite
def tokens(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    shape = draw(st.sampled_from(_VENDOR + ["{r40}", "{b64}"]))

    def fill(kind: str, n: int) -> str:
        pools = {"r": string.ascii_letters + string.digits, "d": string.digits, "h": "0123456789abcdef",
                 "U": string.ascii_uppercase + string.digits}
        return "".join(rnd.choice(pools[kind]) for _ in range(n))

    import re

    token = re.sub(r"\{([rdhU])(\d+)\}", lambda m: fill(m.group(1), int(m.group(2))), shape)
    if "{b64}" in token:
        import base64

        token = base64.b64encode(bytes(rnd.randrange(256) for _ in range(30))).decode()
    where = rnd.choice(["token: {t}", "{t}", "use {t} for the upload", "key={t}", "<code>{t}</code>"])
    return Item("credential", "Hello,\n\n" + where.format(t=token) + "\n", token)


@st.composite
def grouped_codes(draw) -> Item:
    """Codes written in groups: recovery keys of digits, licence keys, codes of digit and letter
    groups; and a secret given once with a word and repeated later without one."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    kind = draw(st.sampled_from(["recovery", "licence", "alternating", "repeated"]))
    if kind == "recovery":
        code = "-".join(f"{rnd.randrange(10**6):06d}" for _ in range(8))
    elif kind == "licence":
        pool = string.ascii_uppercase + string.digits
        while True:
            groups = ["".join(rnd.choice(pool) for _ in range(5)) for _ in range(5)]
            if sum(any(c.isdigit() for c in g) for g in groups) >= 2:
                break
        code = "-".join(groups)
    elif kind == "alternating":
        code = "-".join(f"{rnd.randrange(1000, 10000)}" if i % 2 == 0 else
                        "".join(rnd.choice(string.ascii_uppercase) for _ in range(4)) for i in range(4))
    else:
        code = draw(random_secrets())
        frame = rnd.choice(["password: {c}\n\nIt worked after I typed {c} twice.",
                            "Passwort: {c}\n\n(wieder: {c})"])
        return Item("credential", "Hi,\n\n" + frame.format(c=code) + "\n\nBest", code)
    frame = rnd.choice(["Your code is {c}.", "the recovery key {c} for the laptop", "{c}", "Key: {c}",
                        "Lizenzschlüssel {c} bitte eintragen."])
    return Item("credential", "Hello,\n\n" + frame.format(c=code) + "\n", code)


# --- personal identifiers -----------------------------------------------------------------------------


def _pesel(rnd: random.Random) -> str:
    from stdnum.pl import pesel

    base = f"{rnd.randrange(50, 99):02d}{rnd.randrange(1, 13):02d}{rnd.randrange(1, 29):02d}{rnd.randrange(10000):04d}"
    return base + pesel.calc_check_digit(base)


def _cnp(rnd: random.Random) -> str:
    from stdnum.ro import cnp

    base = f"{rnd.choice('12')}{rnd.randrange(50, 99):02d}{rnd.randrange(1, 13):02d}{rnd.randrange(1, 29):02d}" \
           f"{rnd.randrange(1, 41):02d}{rnd.randrange(1000):03d}"
    return base + cnp.calc_check_digit(base)


def _dni(rnd: random.Random) -> str:
    from stdnum.es import dni

    base = f"{rnd.randrange(10**7, 10**8)}"
    return base + dni.calc_check_digit(base)


def _iban(rnd: random.Random) -> str:
    from stdnum import iban

    bban = f"{rnd.randrange(10**8):08d}{rnd.randrange(10**10):010d}"
    number = f"DE00{bban}"
    number = f"DE{iban.calc_check_digits(number)}{bban}"
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4)) if rnd.random() < 0.5 else number


def _tckimlik(rnd: random.Random) -> str:
    from stdnum.tr import tckimlik

    base = f"{rnd.randrange(1, 10)}{rnd.randrange(10**8):08d}"
    return base + tckimlik.calc_check_digits(base)


def _card(rnd: random.Random) -> str:
    from stdnum import luhn

    prefix, size = rnd.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15),
                               ("6011", 16), ("3530", 16)])
    base = prefix + "".join(rnd.choice(string.digits) for _ in range(size - len(prefix) - 1))
    number = base + luhn.calc_check_digit(base)
    if size == 15 and rnd.random() < 0.5:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    sep = rnd.choice(["", " ", "-"])
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4))


_IDS = [("PESEL", _pesel), ("CNP", _cnp), ("DNI", _dni), ("IBAN", _iban), ("T.C. Kimlik No", _tckimlik),
        ("card", _card)]


@st.composite
def personal_ids(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    name, make = draw(st.sampled_from(_IDS))
    value = make(rnd)
    form = rnd.choice(["{n}: {v}", "my {n} is {v}", "{v}", "({n} {v})"])
    return Item("personal", "Dear support,\n\n" + form.format(n=name, v=value) + "\n\nThanks", value)


# --- markers ----------------------------------------------------------------------------------------

_MARKERS = ["CONFIDENTIAL", "Confidential", "VERTRAULICH", "Vertraulich", "Confidentiel", "Riservato",
            "CONFIDENCIAL", "Poufne", "Důvěrné", "Bizalmas", "Konfidentiellt", "FORTROLIGT", "Luottamuksellinen",
            "ΕΜΠΙΣΤΕΥΤΙΚΟ", "Конфиденциально", "Конфіденційно", "Поверително", "Povjerljivo", "ZAUPNO",
            "Confidențial", "Gizli", "סודי", "INTERNAL ONLY", "For internal use only", "Nur intern",
            "Ne pas diffuser", "Solo uso interno", "Nie do publikacji", "Neveřejné", "Niet verspreiden",
            "Do not distribute", "Not for publication", "TLP:RED", "Off the record", "Alleen voor intern gebruik",
            "EI JULKINEN", "Diffusion restreinte", "A nu se distribui", "HİZMETE ÖZEL"]
_SECRET_SENTENCES = ["the ministry cuts our budget by 40 percent next year",
                     "der Partner steigt im Herbst aus dem Projekt aus",
                     "le laboratoire sera fermé en juillet",
                     "il fornitore offre uno sconto del 30 percento"]


#: where a marker stands relative to what it marks
_MARKED = {"colon": "{m}: {s}.", "heading": "{m}\n\n{S}.", "bold": "**{m}**\n\n{S}.", "bracket": "[{m}] {S}.",
           "after": "{S} ({ml}).", "same-sentence": "{S} – {m}.", "paragraphs": "{m}.\n\nSome context first.\n\n{S}.",
           "quoted": "This is '{ml}': {s}."}


def _mark(marker: str, secret: str, style: str) -> str:
    return _MARKED[style].format(m=marker, ml=marker.lower(), s=secret, S=secret.capitalize())


@st.composite
def markers(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    marker = draw(st.sampled_from(_MARKERS))
    secret = rnd.choice(_SECRET_SENTENCES)
    style = draw(st.sampled_from(["colon", "heading", "after", "spaced", "fullwidth", "bold", "bracket"]))
    if style == "spaced" and marker.isalpha():
        marker = " ".join(marker)
    elif style == "fullwidth":
        marker = fullwidth(marker)
    body = _mark(marker, secret, "colon" if style in ("spaced", "fullwidth") else style)
    return Item("marker", f"Hi all,\n\n{body}\n\nThe tests go on.", secret)


#: column names a table of people or accounts gives its secret column, and a value of each kind
_COLUMNS = [("phone", ["telefono", "Phone-Number", "tel", "mobile", "Telefon", "puhelin", "τηλέφωνο"]),
            ("id", ["pesel", "PESEL", "passport_no", "Pasaporte", "student_no", "codice fiscale", "DNI"]),
            ("birth", ["birth_date", "dob", "Geburtsdatum", "data di nascita", "date of birth"]),
            ("password", ["password", "Passwort", "initial password", "wachtwoord", "hasło", "secret"])]
_PLAIN_COLUMNS = [("site", ["IFCA-LCG2", "CESNET-MCC", "INFN-T1"]), ("name", ["Anna Berg", "Jan Novak", "Lea Weber"]),
                  ("cores", ["128", "3100", "64"]), ("unit", ["ACK Cyfronet", "CNAF", "SURF"])]


@st.composite
def table_columns(draw) -> Item:
    """A value under its column's header, in CSV, a pipe table or an SQL insert, among plain columns."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    kind, names = draw(st.sampled_from(_COLUMNS))
    header = rnd.choice(names)
    if kind == "phone":
        value = phonenumbers.format_number(phonenumbers.example_number(rnd.choice(_REGIONS)),
                                           PhoneNumberFormat.INTERNATIONAL)
    elif kind == "id":
        value = _pesel(rnd)
    elif kind == "birth":
        value = f"{rnd.randrange(1950, 2005)}-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}"
    else:
        value = draw(random_secrets())
    plain = rnd.sample(_PLAIN_COLUMNS, rnd.randrange(1, 4))
    at = rnd.randrange(len(plain) + 1)
    names_row = [n for n, _ in plain]
    names_row.insert(at, header)
    rows = []
    for i in range(rnd.randrange(1, 4)):
        cells = [rnd.choice(vs) for _, vs in plain]
        cells.insert(at, value if i == 0 else "")
        rows.append(cells)
    style = draw(st.sampled_from(["csv", "semicolon", "pipe", "sql"]))
    if style == "sql":
        columns = ",".join(f"`{n.replace(' ', '_')}`" for n in names_row)
        values = ",".join(f"'{c}'" for c in rows[0])
        table = f"INSERT INTO `accounts` ({columns}) VALUES ({values});"
    else:
        sep = {"csv": ",", "semicolon": ";", "pipe": " | "}[style]
        lines = [sep.join(names_row)] + [sep.join(r) for r in rows]
        if style == "pipe":
            lines = [f"| {line} |" for line in lines]
            lines.insert(1, "|" + "---|" * len(names_row))
        table = "\n".join(lines)
    return Item("table", f"Hello,\n\nthe export from the registration system:\n\n{table}\n\nRegards", value)


# --- secrets said with no keyword -------------------------------------------------------------------

#: a sentence about logging in, in EGI's languages, with the made-up word before or after the phrase
_LOGIN_SENTENCES = ["Use {p} to log in the first time.", "Please sign in with {p} and change it.",
                    "Melde dich mit {p} an.", "Connectez-vous avec {p}, puis changez-le.", "Entra con {p} e cambiala.",
                    "Zaloguj się: {p}, potem zmień.", "Přihlaste se s {p} a změňte ho.", "Uloguj se sa {p}.",
                    "Logga in med {p} och byt det sedan.", "Kirjaudu tunnuksella {p}.", "Увійдіть з {p}.",
                    "I set it to the VO name and the year, {p}.", "Changed it to {p} this morning."]
_WORD_PARTS = ["Tulip", "Harbour", "Fjord", "Kuusi", "Olivera", "Molen", "Velebit", "Bravo", "Kalyna", "Lantern",
               "granite", "otter", "Rain", "Most", "Sonce", "Jarvi"]


@st.composite
def login_handovers(draw) -> Item:
    """A made-up password (words, digits and a separator) in a sentence about logging in."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    parts = [rnd.choice(_WORD_PARTS).capitalize(), rnd.choice(_WORD_PARTS)]
    sep = rnd.choice("-_.")
    number = str(rnd.randint(2, 999))
    password = sep.join(parts[:rnd.randint(1, 2)] + [number]) + rnd.choice(["", "!", "#"])
    if len(password) < 8 or not any(c.islower() for c in password):
        password = parts[0] + sep + parts[1].capitalize() + sep + number
    sentence = rnd.choice(_LOGIN_SENTENCES).format(p=password)
    return Item("credential", f"Hi,\n\nthe account is ready. {sentence}\n\nCheers", password)


_SAID_DIGITS = {"en": "oh one two three four five six seven eight nine".split(),
                "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
                "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split()}
_SAID_TENS = {"en": ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
              "fr": ["", "", "vingt", "trente", "quarante", "cinquante", "", "", "", ""],
              "es": ["", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]}


@st.composite
def read_out_phones(draw) -> Item:
    """A phone number read out in words: digit by digit, or in pairs of tens and units."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    lang = rnd.choice(sorted(_SAID_DIGITS))
    digits, tens = _SAID_DIGITS[lang], _SAID_TENS[lang]
    groups = [digits[0] + " " + digits[rnd.randint(1, 9)]]
    for _ in range(rnd.randint(3, 4)):
        ten, unit = rnd.randint(2, 9), rnd.randint(1, 9)
        if tens[ten] and rnd.random() < 0.6:
            groups.append(f"{tens[ten]}-{digits[unit]}" if lang != "es" else f"{tens[ten]} y {digits[unit]}")
        else:
            groups.append(f"{digits[ten]} {digits[unit]}")
    said = ", ".join(groups)
    return Item("phone", f"Hi,\n\nif the transfer stalls, the night desk is {said}.\n\nThanks", said)


def confidential() -> st.SearchStrategy[Item]:
    return st.one_of(emails(), phones(), credentials(), tokens(), grouped_codes(), personal_ids(), markers(),
                     outside_classes(), table_columns(), login_handovers(), read_out_phones())


# --- benign look-alikes -----------------------------------------------------------------------------------


def _orcid(rnd: random.Random) -> str:
    from stdnum.iso7064 import mod_11_2

    digits = "0000000" + "".join(rnd.choice(string.digits) for _ in range(8))
    check = mod_11_2.calc_check_digit(digits)
    full = digits + check
    return "-".join(full[i:i + 4] for i in range(0, 16, 4))


_BENIGN = [
    lambda r: f"https://doi.org/10.5281/zenodo.{r.randrange(10**6, 10**8)}",
    lambda r: _orcid(r),
    lambda r: str(__import__("uuid").UUID(int=r.getrandbits(128))),
    lambda r: "".join(r.choice("0123456789abcdef") for _ in range(40)),
    lambda r: f"sha256:{''.join(r.choice('0123456789abcdef') for _ in range(64))}",
    lambda r: f"v{r.randrange(1, 20)}.{r.randrange(0, 30)}.{r.randrange(0, 200)}",
    lambda r: f"{r.randrange(2015, 2030)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}",
    lambda r: f"{r.randrange(1, 999)} {r.randrange(1000):03d} {r.randrange(1000):03d} CPU hours",
    lambda r: f"192.0.2.{r.randrange(1, 255)}",
    lambda r: f"grant agreement No {r.randrange(100000, 999999999)}",
    lambda r: f"ticket #{r.randrange(1000, 9999999)}",
    lambda r: f"ce{r.randrange(1, 99):02d}.grid.example.org:{r.randrange(1024, 65535)}",
    lambda r: f"https://github.com/example-org/tools/commit/{''.join(r.choice('0123456789abcdef') for _ in range(40))}",
    lambda r: f"HTCondor-CE {r.randrange(8, 25)}.{r.randrange(0, 10)}.{r.randrange(0, 20)}",
    lambda r: f"SLURM job {r.randrange(10**6, 10**9)}",
    lambda r: f"{r.randrange(1, 500)} TB",
    lambda r: f"vo.{r.choice(_SURNAMES)}.example.eu",
    lambda r: f"{r.randrange(8, 17):02d}:{r.choice(['00', '15', '30', '45'])}–{r.randrange(17, 22)}:00 CET",
    lambda r: f"GenBank MN{r.randrange(100000, 999999)}.{r.randrange(1, 5)}",
    lambda r: " ".join(str(2 ** r.randrange(8, 16)) for _ in range(4)) + " bytes",
    lambda r: "-".join(str(y) for y in range(r.randrange(2000, 2020), 2030)[:4]),
    lambda r: " ".join("".join(r.choice("0123456789ABCDEF") for _ in range(4)) for _ in range(10)),
    lambda r: f"timestamp {r.randrange(1_500_000_000_000_000, 1_800_000_000_000_000)} us",
]


@st.composite
def look_alikes(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = draw(st.sampled_from(_BENIGN))(rnd)
    frame = rnd.choice(["The reference is {v}.", "See {v} for details.", "We used {v} in the last run.",
                        "Die Referenz ist {v}.", "Voir {v} pour les détails."])
    text = frame.format(v=value)
    return Item("benign", text, "", value)


def html_mail(text: str) -> str:
    """A plain text as an HTML mail body (Thunderbird style)."""
    return "<html><body>" + "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>"
                                    for p in text.split("\n\n")) + "</body></html>"


# --- classes measured on outside text: markings, hashes, PINs, dictated passwords, connection
# strings, cookies, passports and health ids, home addresses, messenger handles ---------------------

_CLASSIFIED = ["NEÚVEREJŇOVAŤ", "Niet voor publicatie", "Nicht zur Weitergabe", "VS-NUR FÜR DEN DIENSTGEBRAUCH",
               "RESTREINT UE", "EU RESTRICTED", "Dissemination level: SEN", "Dissemination level: CO", "EU-CON",
               "Sekretessbelagd", "Unntatt offentlighet", "Undtaget fra aktindsigt", "Salassa pidettävä",
               "Per uso esclusivo", "Información reservada", "Informação reservada", "Ne továbbítsa",
               "Tajemnica służbowa", "Vyhrazené", "Служебна тайна", "ДСП", "Для службового користування",
               "Строго поверљиво", "Strogo poverljivo", "Secret de serviciu", "Ekki til birtingar",
               "Çok gizli", "לא לפרסום", "არ გამოქვეყნდეს", "Չհրապարակել", "FOUO", "For official use only",
               "Restricted use", "Reserved information", "Covered by secrecy", "Exempt from public disclosure",
               "Do not forward", "Strogo zaupno", "Nu se publică", "Asutusesiseseks kasutamiseks",
               "Dienesta vajadzībām", "Tarnybinio naudojimo", "Само за службена употреба", "Salainen",
               "\U0001F512", "\U0001F510", "\U0001F92B", "\u3299", "Classification: RESTRICTED", "Гриф: ДСП",
               "Schutzstufe: VS-NfD", "Klauzula: zastrzeżone", "Διαβάθμιση: Απόρρητο"]


@st.composite
def classified(draw) -> Item:
    marker = draw(st.sampled_from(_CLASSIFIED))
    secret = draw(st.sampled_from(_SECRET_SENTENCES))
    style = draw(st.sampled_from(["colon", "heading", "bracket", "same-sentence", "paragraphs"]))
    return Item("marker", f"Hello,\n\n{_mark(marker, secret, style)}\n\nRegards", secret)


def _salt(rnd: random.Random, n: int) -> str:
    return "".join(rnd.choice(string.ascii_letters + string.digits + "./") for _ in range(n))


_HASHES = [lambda r: f"$1${_salt(r, 8)}${_salt(r, 22)}", lambda r: f"$5${_salt(r, 16)}${_salt(r, 43)}",
           lambda r: f"$6$rounds=5000${_salt(r, 16)}${_salt(r, 86)}", lambda r: f"$apr1${_salt(r, 8)}${_salt(r, 22)}",
           lambda r: f"$2{r.choice('aby')}$12${_salt(r, 53)}", lambda r: f"$y$j9T${_salt(r, 22)}${_salt(r, 43)}",
           lambda r: f"$argon2id$v=19$m=65536,t=3,p=4${_salt(r, 22)}${_salt(r, 43)}",
           lambda r: "{SSHA}" + _salt(r, 32).replace(".", "+") + "=", lambda r: "{SHA}" + _salt(r, 27) + "="]


@st.composite
def password_hashes(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = rnd.choice(_HASHES)(rnd)
    user = rnd.choice(_NAMES)
    text = rnd.choice([f"{user}:{value}:19500:0:99999:7:::", f"{user}:{value}", f"userPassword: {value}",
                       f"The hash in the dump was {value} for {user}.", f"Hash: {value}"])
    return Item("credential", f"Hi,\n\n{text}\n\nThanks", value[-16:])


_PIN_LINES = ["PIN: {v}", "Der PIN lautet {v}.", "PIN-koodi on {v}", "Il PIN è {v}", "Kód PIN: {v}", "PIN-kod {v}",
              "Pinkode: {v}", "the pin is {v}", "ПИН-код: {v}", "Code PIN : {v}", "PIN kodu: {v}", "κωδικός PIN {v}",
              "Cod PIN: {v}", "Numer PIN: {v}", "PUK: {v}"]


@st.composite
def pins(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = str(rnd.randrange(10**3, 10**rnd.choice([4, 6, 8]))).zfill(4)
    if value.startswith(("19", "20")) and len(value) == 4:
        value = "7" + value[1:]
    return Item("credential", f"Hello,\n\n{rnd.choice(_PIN_LINES).format(v=value)}\n\nBye", value)


_SPELLING = ["Alpha", "Bravo", "Kilo", "Lima", "Tango", "Zulu", "Seven", "Four", "Anton", "Berta", "Cäsar", "Dora",
             "Anatole", "Berthe", "Ancona", "Bologna", "Madrid", "Barcelona", "Adam", "Barbara", "Антон", "Борис"]


@st.composite
def spelled_passwords(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    words = [rnd.choice(_SPELLING) for _ in range(rnd.randrange(4, 8))]
    sep = rnd.choice([" ", " - ", ", ", "-"])
    value = sep.join(words)
    intro = rnd.choice(["Password:", "Das Passwort ist", "Mot de passe :", "the password is", "Heslo:", "Пароль:"])
    return Item("credential", f"Hi,\n\n{intro} {value}\n\nThanks", sep.join(words[1:4]))


@st.composite
def connection_strings(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    password = draw(random_secrets(min_size=8)).replace("@", "x").replace("/", "x").replace("'", "x").replace('"', "x")
    user = rnd.choice(["scott", "app_user", "egi", "ops"])
    host = rnd.choice(["db.example.eu", "oradb01.example.org"])
    text = rnd.choice([f"sqlplus {user}/{password}@{host}:1521/ORCL", f"jdbc:oracle:thin:{user}/{password}@{host}:1521:ORCL",
                       f"url=jdbc:oracle:thin:{user}/{password}@//{host}:1521/svc", f"connect {user}/{password}@PRODDB",
                       f"expdp {user}/{password}@{host}/svc directory=dp"])
    return Item("credential", f"Hi,\n\nI ran\n\n    {text}\n\nand it failed.", password)


@st.composite
def session_cookies(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(rnd.randrange(20, 40)))
    value = value[:5] + str(rnd.randrange(10)) + value[5:]
    text = rnd.choice([f"Cookie: _shibsession_64656661756c74={value}", f"Set-Cookie: JSESSIONID={value}; Path=/",
                       f"my PHPSESSID is {value}", f"session={value}", f"mod_auth_openidc_session={value}",
                       f"the cookie JSESSIONID {value} expired"])
    return Item("credential", f"Hello,\n\n{text}\n\nBye", value)


_PASSPORT_WORDS = ["Passport number:", "Reisepass:", "Numéro de passeport", "Útlevélszám:", "číslo pasu:",
                   "Passnummer:", "Numer paszportu:", "Passaporto n.", "Número de pasaporte:", "Номер паспорта:",
                   "Αριθμός διαβατηρίου:", "Paspoortnummer:", "TAJ:", "TAJ-szám"]


@st.composite
def passports(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    word = rnd.choice(_PASSPORT_WORDS)
    if word.startswith("TAJ"):
        value = " ".join(str(rnd.randrange(100, 1000)) for _ in range(3))
    else:
        value = "".join(rnd.choice(string.ascii_uppercase) for _ in range(rnd.randrange(0, 3))) + \
            "".join(rnd.choice(string.digits) for _ in range(rnd.randrange(6, 9)))
    return Item("personal", f"Hi,\n\n{word} {value}\n\nBye", value)


_HOMES = ["Trvalé bydlisko: Hlavná {n}, 040 01 Košice", "Wohnanschrift: Musterstraße {n}, 10115 Berlin",
          "domicile : {n} rue des Lilas, 75011 Paris", "Lakcím: Fő utca {n}, 1011 Budapest",
          "Meldeadresse: Hauptstraße {n}, 1010 Wien", "Adres zamieszkania: ul. Długa {n}, 00-001 Warszawa",
          "Residenza: Via Roma {n}, 00100 Roma", "Stalni naslov: Slovenska cesta {n}, 1000 Ljubljana",
          "Prebivalište: Ilica {n}, 10000 Zagreb", "Bostadsadress: Storgatan {n}, 111 22 Stockholm"]


@st.composite
def home_addresses(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    n = str(rnd.randrange(2, 99))
    line = rnd.choice(_HOMES).format(n=n)
    street = line.split(":", 1)[1].split(",")[0].strip() if ":" in line else line
    return Item("personal", f"Dear all,\n\n{line}\n\nBest", street)


_MESSENGERS = ["Telegram", "Signal", "WhatsApp", "Viber", "Threema", "Телеграм", "ტელეგრამი", "Վայբեր",
               "Телеграмі", "Signal-ზე", "Вайбер", "Matrix", "Telegramon", "WhatsAppie"]


@st.composite
def messenger_handles(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    handle = f"{rnd.choice(_NAMES)}_{rnd.choice(_SURNAMES)}{rnd.randrange(10, 99)}"
    word = rnd.choice(_MESSENGERS)
    text = rnd.choice([f"{word}: @{handle}", f"{word} @{handle}", f"@{handle} ({word})"])
    return Item("personal", f"Hi,\n\nreach me on {text} please.", handle)


_AT_SPELLED = [("apenstaartje", "punt"), ("Klammeraffe", "Punkt"), ("zavináč", "tečka"), ("kukac", "pont"),
               ("małpa", "kropka"), ("miukumauku", "piste"), ("snabel-a", "punkt"), ("snabel-a", "punktum"),
               ("παπάκι", "τελεία"), ("собака", "точка"), ("שטרודל", "נקודה"), ("ät", "piste")]


@st.composite
def spelled_at(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    at, dot = rnd.choice(_AT_SPELLED)
    local = f"{rnd.choice(_NAMES)}.{rnd.choice(_SURNAMES)}"
    host = rnd.choice(["cesnet", "sztaki", "csc", "grnet", "cyfronet", "kit"])
    value = f"{local} {at} {host} {dot} {rnd.choice(['cz', 'hu', 'fi', 'gr', 'pl', 'de'])}"
    return Item("email", f"Hi,\n\nwrite to {value} please.", f"{local} {at} {host}")


def outside_classes() -> st.SearchStrategy[Item]:
    return st.one_of(classified(), password_hashes(), pins(), spelled_passwords(), connection_strings(),
                     session_cookies(), passports(), home_addresses(), messenger_handles(), spelled_at())


# --- their benign look-alikes: whole messages that must be published unchanged ---------------------

_BENIGN_MESSAGES = [
    lambda r: f"Use ${{{{ secrets.{r.choice(['PYPI_TOKEN', 'DEPLOY_KEY', 'REGISTRY_PASSWORD'])} }}}} in the workflow.",
    lambda r: "password: {{ " + r.choice(["password", "vault_password", "db_pass"]) + " }}",
    lambda r: "DSN = 'postgres://%(user)s:%(password)s@%(host)s/db'",
    lambda r: f"Password: <{r.choice(['PASSWORD', 'YOUR_PASSWORD', 'password'])}>",
    lambda r: f"See https://hdl.handle.net/21.T{r.randrange(10000, 99999)}/"
              f"{''.join(r.choice('0123456789abcdef') for _ in range(20))} for the PID.",
    lambda r: f"Institution https://ror.org/0{''.join(r.choice('0123456789abcdefghjkmnpqrstvwxyz') for _ in range(6))}"
              f"{r.randrange(10, 99)} hosts it.",
    lambda r: f"The report is at https://documents.example.eu/document/{''.join(r.choice('0123456789abcdef') for _ in range(40))}",
    lambda r: f"issuer: /DC=org/DC=terena/DC=tcs/C=NL/O=GEANT Vereniging/CN=GEANT eScience SSL CA {r.randrange(2, 6)}",
    lambda r: f"subject /C={r.choice(['DE', 'IT', 'PL'])}/O=GermanGrid/CN=GridKa-CA",
    lambda r: f"FQAN /vo.{r.choice(_SURNAMES)}.example.eu/Role={r.choice(['VO-Admin', 'production', 'lcgadmin'])}/Capability=NULL",
    lambda r: f"Log in with ssh {r.choice(_NAMES)}@login.example.eu and run it.",
    lambda r: f"globus-url-copy file:///tmp/x gsiftp://{r.choice(_NAMES)}@se.example.eu/data/x",
    lambda r: f"principal host/node{r.randrange(1, 99):02d}.example.eu@EXAMPLE.EU",
    lambda r: "Use @property and @app.route('/x') in the module.",
    lambda r: "Passwort: bitte beim Admin anfragen",
    lambda r: "Salasana: kysy ylläpitäjältä",
    lambda r: "Mot de passe : demandez à l'administrateur",
    lambda r: f"Status: {r.choice(['new', 'open', 'stalled', 'resolved', 'rejected', 'deleted'])}",
    lambda r: "Не споделувајте ја вашата лозинка со никого.",
    lambda r: "Nikada ne dijelite svoju lozinku.",
    lambda r: r.choice(["Ne továbbítsa a jelszavát senkinek.", "Älä välitä eteenpäin salasanaasi.",
                        "Nepřeposílat heslo e-mailem.", "Не препраќајте ја лозинката.", "לא להעביר את הסיסמה לאף אחד.",
                        "Iletmeyin şifrenizi kimseye.", "Nepārsūtīt paroli nevienam.", "Μην προωθήσετε τον κωδικό σας."]),
    lambda r: "Please restart the session: session=new after upgrade",
    lambda r: f"Contact: Jane Doe (ORCID {_orcid(r)})",
    lambda r: f"Dissemination level: {r.choice(['PU', 'Public', 'PU - Public'])}",
    lambda r: f"Classification: {r.choice(['hardware issue', 'storage', 'new community'])}",
    lambda r: "The session expired at 14:00 and the PIN pad has 12 keys.",
    lambda r: "scp data.tar jdoe@ui.example.eu:/tmp/ and git clone git@github.com:org/repo.git",
]


@st.composite
def benign_messages(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    text = draw(st.sampled_from(_BENIGN_MESSAGES))(rnd)
    return Item("benign", text, "", text)


# --- secrets in other words: spelled out, after a verb, inflected, under a label ---------------------

#: digit words of a few EGI languages, written here from the languages themselves (not from the
#: screening lexicon), by digit
_DIGIT_NAMES = {
    "en": "zero one two three four five six seven eight nine",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf",
    "it": "zero uno due tre quattro cinque sei sette otto nove",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve",
    "pl": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć",
    "cs": "nula jedna dva tři čtyři pět šest sedm osm devět",
    "hr": "nula jedan dva tri četiri pet šest sedam osam devet",
    "nl": "nul een twee drie vier vijf zes zeven acht negen",
    "hu": "nulla egy kettő három négy öt hat hét nyolc kilenc",
    "fi": "nolla yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän",
    "el": "μηδέν ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννέα",
    "ru": "ноль один два три четыре пять шесть семь восемь девять",
    "mk": "нула еден два три четири пет шест седум осум девет",
    "tr": "sıfır bir iki üç dört beş altı yedi sekiz dokuz",
}
_SPELLED_INTROS = ["Call me on {n}.", "My mobile: {n}", "You can reach me at {n} after five.", "{n}",
                   "Meine Nummer ist {n}.", "Appelez-moi au {n}.", "Numer: {n}", "Broj mobitela {n}",
                   "Please ring {n} tomorrow", "τηλ. {n}", "звоните {n}"]


@st.composite
def spelled_phones(draw) -> Item:
    """A phone number written in digit words (a language's, or mixed with digits)."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    names = _DIGIT_NAMES[draw(st.sampled_from(sorted(_DIGIT_NAMES)))].split()
    digits = "0" + "".join(rnd.choice("123456789") + rnd.choice("0123456789") for _ in range(rnd.randint(3, 5)))
    mixed = draw(st.booleans())
    words = [d if mixed and i % 2 == 0 else names[int(d)] for i, d in enumerate(digits)]
    number = rnd.choice([" ", ", ", " - ", "-"]).join(words)
    return Item("phone", rnd.choice(_SPELLED_INTROS).format(n=number), number)


#: (language, a password word and a verb phrase before the value): the verb is the language's copula
#: or its "is called" word, with the words people put between
_COPULA_INTROS = [
    "ο κωδικός μου είναι {v}", "Ο κωδικός πρόσβασης είναι {v}", "das Passwort lautet {v}",
    "Das Passwort ist jetzt {v}", "mein Kennwort lautet: {v}", "le mot de passe est {v}",
    "Le mot de passe du compte est {v}", "hasło to {v}", "Hasło do konta to {v}", "la password è {v}",
    "la contraseña es {v}", "a senha é {v}", "het wachtwoord is {v}", "lösenordet är {v}",
    "heslo je {v}", "lozinka je {v}", "лозинката е {v}", "паролата е {v}", "мой пароль: {v}",
    "parola este {v}", "slaptažodis yra {v}", "parole ir {v}", "passordet er {v}",
]
#: inflected password words of agglutinative languages (case and possessive endings)
_INFLECTED_INTROS = [
    "Salasanani on {v}", "salasanasi on {v}", "Uusi salasanasi: {v}", "salasanaksi vaihdettiin {v}",
    "jelszavam: {v}", "A jelszavad {v}", "Parooliks on {v}", "parooliks sai {v}", "şifrem: {v}",
    "Şifreniz {v}", "şifreniz {v} olarak ayarlandı", "הסיסמה היא {v}", "Jelszava: {v}",
]


@st.composite
def _word_secret(draw) -> str:
    """A password people choose: a word, digits, maybe a sign (not random enough to need no keyword)."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    word = rnd.choice(["kissa", "Sommer", "kedi", "Kutya", "koira", "Sunce", "Bonjour", "estate", "Tavasz"])
    return f"{word}{rnd.randint(10, 9999)}{rnd.choice(['', '!', '#', '?'])}"


@st.composite
def copula_credentials(draw) -> Item:
    value = draw(_word_secret())
    intro = draw(st.sampled_from(_COPULA_INTROS + _INFLECTED_INTROS))
    return Item("credential", f"Hello,\n\n{intro.format(v=value)}\n\nBest regards", value)


def _hetu(rnd: random.Random) -> str:
    """A valid Finnish personal identity code (born in the 1900s: '-')."""
    day, month, year = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(40, 99)
    individual = rnd.randint(2, 899)
    body = f"{day:02d}{month:02d}{year:02d}"
    check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(f"{body}{individual:03d}") % 31]
    return f"{body}-{individual:03d}{check}"


@st.composite
def finnish_ids(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = _hetu(rnd)
    intro = rnd.choice(["Henkilötunnukseni on {v}", "henkilötunnus: {v}", "Hetu {v}", "HETU: {v}", "{v}"])
    return Item("personal", f"Moi,\n{intro.format(v=value)}\nKiitos", value)


_HEX_LABELS = ["seed (hex): {h}", "ed25519 seed: {h}", "Private key (hex) {h}", "HMAC key {h}", "master key = {h}",
               "key material: {h}", "signing key (hex): {h}", "wallet seed {h}", "AES-256 key: {h}",
               "The HMAC key is {h}", "secret (base16) = {h}", "encryption_key={h}"]


@st.composite
def labelled_hex(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = "".join(rnd.choice("0123456789abcdef") for _ in range(draw(st.sampled_from([32, 40, 48, 64, 96, 128]))))
    if draw(st.booleans()):
        value = value.upper()
    return Item("credential", f"For the test:\n{rnd.choice(_HEX_LABELS).format(h=value)}\n", value)


_CYRILLIC_CAPITALS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"
_PASSPORT_FORMS = ["паспорт серія {s} № {n}", "Паспорт серия {d} № {n}", "паспорт: серия {s} номер {n}",
                   "пасош број {n}", "Пасош бр. {n}", "διαβατήριο αριθμός {g}{n}", "Лична карта № {n}",
                   "паспорт {s} {n}"]


@st.composite
def cyrillic_passports(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    number = f"{rnd.randint(100000, 999999)}{rnd.choice(['', str(rnd.randint(100, 999))])}"
    form = rnd.choice(_PASSPORT_FORMS)
    text = form.format(s="".join(rnd.choice(_CYRILLIC_CAPITALS) for _ in range(2)),
                       d=f"{rnd.randint(10, 99)} {rnd.randint(10, 99)}", n=number,
                       g="".join(rnd.choice("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ") for _ in range(2)))
    return Item("personal", f"Поздрав,\n{text}\n", number)


#: an identity number said to be one: its word (inflected abbreviations too), a few words of the
#: sentence, the language's verb, then the number, whose check digits need not hold
_SAID_IDS = ["Moje rodné číslo pro {w} je {n}", "Ο ΑΜΚΑ μου είναι {n}", "CNP-ul meu este {n}",
             "My passport number for the {w} is {n}", "Meine Steuer-ID für die {w} lautet {n}",
             "Mon numéro de sécurité sociale est {n}", "Il mio codice fiscale per la {w} è {n}",
             "Mój PESEL to jest {n}", "TC kimlik numaram {n}",
             "Mi DNI para la {w} es {n}", "Min personnummer är {n}", "Moje EMŠO je {n}",
             "Asmens kodas yra {n}", "Isikukood on {n}"]


@st.composite
def said_ids(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    number = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(8, 13)))
    if rnd.random() < 0.3:
        number = f"{number[:6]}/{number[6:10]}"
    text = rnd.choice(_SAID_IDS).format(w=rnd.choice(["registration", "booking", "contract", "form"]), n=number)
    return Item("personal", f"Hello,\n{text}.\nThanks", number)


#: markers of Macedonian, Serbian and Montenegrin (Latin and Cyrillic), in several inflections
_SLAVIC_MARKERS = ["Доверливо", "ДОВЕРЛИВО", "Поверливо", "поверлива информација", "Само за внатрешна употреба",
                   "Строго поверливо", "Поверљиво", "ПОВЕРЉИВА ИНФОРМАЦИЈА", "Poverljivo", "POVJERLJIVO",
                   "Povjerljiva informacija", "Poverljivi podaci", "Само за унутрашњу употребу",
                   "Samo za internu upotrebu", "Повјерљиво", "Поверителна информация", "Не за јавност"]


@st.composite
def slavic_markers(draw) -> Item:
    rnd = random.Random(draw(st.integers(0, 2**32)))
    marker = draw(st.sampled_from(_SLAVIC_MARKERS))
    secret = rnd.choice(_SECRET_SENTENCES)
    style = draw(st.sampled_from(sorted(_MARKED)))
    return Item("marker", _mark(marker, secret, style), secret)


def secrets_in_other_words() -> st.SearchStrategy[Item]:
    return st.one_of(spelled_phones(), copula_credentials(), finnish_ids(), labelled_hex(), cyrillic_passports(),
                     said_ids(), slavic_markers())


# --- and their harmless look-alikes --------------------------------------------------------------

_URI_PLACEHOLDERS = ["PASSWORD", "<password>", "changeme", "${DB_PASS}", "****", "xxx", "YOUR_PASSWORD", "{password}",
                     "$PGPASSWORD", "secret", "<pass>", "DB_PASSWORD"]
_SENTENCE_WORDS = "hello world this is a test of the new storage endpoint for our community data please check it".split()


@st.composite
def harmless_shapes(draw) -> Item:
    """Placeholders in connection strings, base64 of plain sentences, marker words only mentioned,
    run stamps in digit groups: harmless text that looks like a secret, a marker or a phone."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    kind = draw(st.sampled_from(["uri", "base64", "mention", "stamp"]))
    if kind == "uri":
        scheme = rnd.choice(["postgres", "postgresql", "mysql", "mongodb", "amqp", "redis", "https"])
        keep = f"{scheme}://{rnd.choice(_NAMES)}:{rnd.choice(_URI_PLACEHOLDERS)}@db.{rnd.choice(_SURNAMES)}.example.org/app"
        text = rnd.choice(["Set DATABASE_URL={k} in the file.", "The template uses {k} as the DSN.", "{k}"]).format(k=keep)
    elif kind == "base64":
        import base64
        sentence = " ".join(rnd.choice(_SENTENCE_WORDS) for _ in range(rnd.randint(2, 8))).capitalize()
        while len(sentence) < 6:  # shorter, there is nothing to read
            sentence += " " + rnd.choice(_SENTENCE_WORDS)
        keep = base64.b64encode(sentence.encode()).decode()
        text = rnd.choice(["The example header is {k} in the docs.", "echo {k} | base64 -d", "Value: {k}"]).format(k=keep)
    elif kind == "mention":
        word = rnd.choice(["confidential", "Confidential", "vertraulich", "confidentiel", "riservato", "poufne",
                           "internal", "INTERNAL", "Доверливо", "Poverljivo"])
        keep = rnd.choice(["The word '{w}' appears in our policy.", "The term \"{w}\" is used in the template.",
                           "Documents labelled “{w}” go to the archive.", "We replaced the word {w} in the form.",
                           "Search the tickets for 'word' and '{w}' please."]).format(w=word)
        text = f"Hi,\n\n{keep}\n\nThanks"
    else:
        year, month, day = rnd.randint(2015, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
        hour, minute = rnd.randint(0, 23), rnd.randint(0, 59)
        keep = rnd.choice([f"{year} {month:02d}{day:02d} {hour:02d}{minute:02d}",
                           f"{year}{month:02d}{day:02d} {hour:02d}{minute:02d}",
                           f"{year} {month:02d}{day:02d} {hour:02d}{minute:02d} {rnd.randint(0, 59):02d}"])
        text = rnd.choice(["Run {k} failed again.", "The stamps of the runs: {k} and {k}.", "Output folder {k}"]).format(k=keep)
    return Item("benign", text, "", keep)


# --- signed links, quoted passphrases, cut-off keys, profiles, misspelt and negated markers ----------

def _b64(rnd: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits + "+/") -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def _percent_encoded_signature(rnd: random.Random) -> str:
    """A base64 signature as a URL carries it: '/', '+' and '=' percent-encoded."""
    raw = _b64(rnd, rnd.randint(30, 44)) + "="
    return raw.replace("/", "%2F").replace("+", "%2B").replace("=", "%3D")


def _signed_query(rnd: random.Random) -> str:
    kind = rnd.choice(["azure", "s3", "gcs", "generic"])
    year = rnd.randint(2024, 2030)
    if kind == "azure":
        pairs = [("sv", f"{year - 2}-11-02"), ("ss", rnd.choice(["b", "bf", "bfqt"])), ("srt", rnd.choice(["sco", "o", "c"])),
                 ("sp", rnd.choice(["rl", "rwdlac", "r", "racwdl"])), ("se", f"{year}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}T00:00:00Z"),
                 ("st", f"{year}-01-0{rnd.randint(1, 9)}"), ("spr", "https"), ("sig", _percent_encoded_signature(rnd))]
        rnd.shuffle(pairs)
    elif kind == "s3":
        pairs = [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                 ("X-Amz-Credential", f"AKIA{_b64(rnd, 16, string.ascii_uppercase + string.digits)}%2F{year}0101%2Feu-west-1%2Fs3%2Faws4_request"),
                 ("X-Amz-Date", f"{year}0101T10{rnd.randint(10, 59)}00Z"), ("X-Amz-Expires", str(rnd.choice([600, 3600, 86400]))),
                 ("X-Amz-SignedHeaders", "host"), ("X-Amz-Signature", _b64(rnd, 64, "0123456789abcdef"))]
    elif kind == "gcs":
        pairs = [("X-Goog-Algorithm", "GOOG4-RSA-SHA256"),
                 ("X-Goog-Credential", f"svc-{rnd.randint(10, 99)}%40proj-{rnd.randint(100, 999)}.iam.gserviceaccount.com%2F{year}0101%2Fauto%2Fstorage%2Fgoog4_request"),
                 ("X-Goog-Date", f"{year}0101T000000Z"), ("X-Goog-Expires", "900"), ("X-Goog-SignedHeaders", "host"),
                 ("X-Goog-Signature", _b64(rnd, 128, "0123456789abcdef"))]
    else:
        pairs = [("expires", str(rnd.randint(1_700_000_000, 1_900_000_000))), ("user", rnd.choice(_NAMES)),
                 (rnd.choice(["signature", "token", "access_token", "hmac"]), _b64(rnd, rnd.randint(24, 40),
                                                                                 string.ascii_letters + string.digits))]
    return "&".join(f"{k}={v}" for k, v in pairs)


@st.composite
def signed_links(draw) -> Item:
    """A URL whose query is signed (Azure SAS, S3 and GCS presigned, a generic signed link), or the
    query string pasted without its URL, or a SAS token alone: the whole query is the grant."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    query = _signed_query(rnd)
    host = rnd.choice(["acct.blob.core.windows.net/data", "bucket.s3.eu-west-1.amazonaws.com", "storage.googleapis.com/b",
                       "files.example.org/dl"])
    form = draw(st.sampled_from(["url", "bare", "alone", "markdown"]))
    if form == "url":
        text = f"Download it from https://{host}/{rnd.choice(['run.tar', 'set-1/part.zip', 'x.h5'])}?{query} please."
    elif form == "markdown":
        text = f"[the archive](https://{host}/a.tar.gz?{query})"
    elif form == "bare":
        text = rnd.choice(["The token is {q}", "SAS: {q}", "Append {q} to the container address."]).format(q=query)
    else:
        text = f"Here you go:\n\n?{query}\n\nIt expires soon."
    return Item("credential", text, query)


_PASSPHRASE_WORDS = ("orange river quietly seven lantern marble cactus violet harbour thunder pebble falcon "
                     "blauer Himmel über Prag heute Kiefer Nebel chat dort sur table gatto rosso luna").split()
_QUOTED_PASSPHRASES = [
    'The archive is protected by the passphrase "{v}" as agreed.', 'Unlock it with the password "{v}".',
    "Das Archiv ist mit der Passphrase „{v}“ geschützt.", "Mit dem Kennwort „{v}“ öffnen.",
    "L'archive est protégée avec la phrase secrète « {v} », merci.", "Utilisez le mot de passe « {v} » pour l'ouvrir.",
    "Il file è protetto dalla frase segreta “{v}”.", "El fichero está cifrado con la contraseña \"{v}\".",
    "Het bestand heeft het wachtwoord '{v}'.", "Plik jest chroniony hasłem „{v}”.",
    'Use the password for the archive "{v}".', "Das Passwort (für den Export) lautet „{v}“.",
]


@st.composite
def quoted_passphrases(draw) -> Item:
    """A passphrase of ordinary words in quotes after a password word and a preposition phrase."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = " ".join(rnd.sample(_PASSPHRASE_WORDS, rnd.randint(3, 6)))
    return Item("credential", f"Hi,\n\n{rnd.choice(_QUOTED_PASSPHRASES).format(v=value)}\n\nBest", value)


_KEY_LABELS = ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY",
               "DSA PRIVATE KEY"]
_CUT_OFF = ["", "\n(the rest is the same as before)", "\n...", "\n[snip]", "\nand so on, you have the rest"]


@st.composite
def cut_off_keys(draw) -> Item:
    """A private key pasted in part: its armour line and some base64 lines, no END line."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    lines = [_b64(rnd, 64) for _ in range(rnd.randint(1, 5))]
    lines[0] = "MII" + lines[0][3:]
    form = draw(st.sampled_from(["pem", "ssh2", "putty"]))
    if form == "pem":
        head = f"-----BEGIN {rnd.choice(_KEY_LABELS)}-----"
    elif form == "ssh2":
        head = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key\""
    else:
        head = f"PuTTY-User-Key-File-{rnd.choice([2, 3])}: ssh-rsa\nEncryption: none\nPrivate-Lines: {len(lines) + 9}"
    text = f"Here is the key:\n{head}\n" + "\n".join(lines) + rnd.choice(_CUT_OFF) + "\nThanks"
    return Item("credential", text, lines[-1])


def _bad_hetu(rnd: random.Random) -> str:
    """A Finnish identity code whose check character is wrong."""
    good = _hetu(rnd)
    alphabet = "0123456789ABCDEFHJKLMNPRSTUVWXY".replace(good[-1], "")
    return good[:-1] + rnd.choice(alphabet)


_KEYWORD_IDS = ["Henkilötunnukseni on {v}", "Henkilötunnukseni: {v}", "henkilötunnuksesi {v}", "Hetuni on {v}",
                "Isikukoodiga {v}", "Személyi számom: {v}", "Kimlik numaram {v}", "Rodné číslo: {v}",
                "Asmens kodą {v}", "Numer PESEL: {v}"]


@st.composite
def keyword_ids(draw) -> Item:
    """An id-shaped value after an id word (inflected), whether or not its check digits hold."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    value = _bad_hetu(rnd) if rnd.random() < 0.5 else "".join(rnd.choice("0123456789") for _ in range(rnd.randint(9, 11)))
    return Item("personal", f"Hei,\n{rnd.choice(_KEYWORD_IDS).format(v=value)} ja muuta.\nKiitos", value)


@st.composite
def profile_links(draw) -> Item:
    """A person's profile on a social or professional network, as a link (with or without its
    scheme) or as a handle after the network's name."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    handle = f"{rnd.choice(_NAMES)}{rnd.choice(['-', '_', '.', ''])}{rnd.choice(_SURNAMES)}{rnd.randint(1, 999)}"
    link = rnd.choice(["https://www.linkedin.com/in/{h}/", "linkedin.com/in/{h}", "https://x.com/{h}",
                       "https://twitter.com/{h}", "https://www.facebook.com/{h}", "https://instagram.com/{h}/",
                       "https://www.researchgate.net/profile/{h}", "https://fosstodon.org/@{h}",
                       "https://bsky.app/profile/{h}.bsky.social", "https://mastodon.social/@{h}",
                       "Twitter: @{h}", "on X @{h}", "Instagram @{h}", "LinkedIn: {h}", "ResearchGate: {h}",
                       "Mastodon: @{h}@fosstodon.org"]).format(h=handle)
    text = rnd.choice(["You can reach me at {l} too.", "My profile: {l}", "Contact: {l}", "({l})"]).format(l=link)
    return Item("personal", text, handle)


def _typo(rnd: random.Random, word: str) -> str:
    i = rnd.randrange(1, len(word) - 1)
    how = rnd.choice(["drop", "swap", "change", "add"])
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    letter = rnd.choice("aeiounrstl")
    return word[:i] + letter + word[i + 1:] if how == "change" else word[:i] + letter + word[i:]


_LONG_MARKERS = ["Confidential", "Vertraulich", "Confidentiel", "Confidenziale", "Confidencial", "Vertrouwelijk",
                 "Konfidentiellt", "Luottamuksellinen", "Konfidentsiaalne", "Poverljivo", "Povjerljivo"]


@st.composite
def misspelt_markers(draw) -> Item:
    """A long marker word with a one-letter typo, standing as a marking (heading, before ':' or
    '!', in capitals, in brackets)."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    marker = _typo(rnd, rnd.choice(_LONG_MARKERS))
    if rnd.random() < 0.3:
        marker = marker.upper()
    secret = rnd.choice(_SECRET_SENTENCES)
    style = draw(st.sampled_from(["colon", "heading", "bold", "bracket", "exclaim"]))
    body = f"{marker}! {secret.capitalize()}." if style == "exclaim" else _mark(marker, secret, style)
    return Item("marker", f"Hi all,\n\n{body}\n\nThe tests go on.", secret)


_NOT_PUBLIC = ["This is not public.", "This information must not be made public.", "Diese Information ist nicht öffentlich.",
               "Das darf nicht veröffentlicht werden.", "Ce n'est pas public.", "Questa informazione non è pubblica.",
               "Esta información no es pública.", "Esta informação não é pública.", "Deze informatie is niet openbaar.",
               "Ta informacja nie jest publiczna.", "Tato informace je neveřejná.", "Toto nie je verejné.",
               "Ez nem nyilvános.", "Aceasta nu este publică.", "Detta är inte offentligt.", "Tämä ei ole julkista.",
               "Bu bilgi kamuya açık değildir.", "Тази информация не е публична.",
               "Αυτή η πληροφορία δεν είναι δημόσια.", "Ovo nije javno.", "To ni javno."]


@st.composite
def not_public_markers(draw) -> Item:
    """"Not (for the) public" said with its verb, in the marker languages."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    secret = rnd.choice(_SECRET_SENTENCES)
    phrase = rnd.choice(_NOT_PUBLIC)
    text = rnd.choice([f"{phrase} {secret.capitalize()}.", f"{secret.capitalize()}. {phrase}"])
    return Item("marker", f"Hello,\n\n{text}\n\nRegards", secret)


_ILLNESS = ["{n} is on sick leave after {p} surgery", "{n} ist seit Montag krankgeschrieben",
            "{n} est en arrêt maladie jusqu'à la fin du mois", "{n} è in malattia per due settimane",
            "{n} está de baja médica desde el lunes", "{n} is met ziekteverlof tot volgende week",
            "{n} jest na zwolnieniu lekarskim", "{n} je na nemocenské do pátku", "{n} on sairauslomalla",
            "{n} är sjukskriven hela veckan", "{n} was diagnosed with pneumonia last week"]


@st.composite
def illness(draw) -> Item:
    """A sentence saying a named person is ill."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    sentence = rnd.choice(_ILLNESS).format(n=rnd.choice(_NAMES).capitalize(), p=rnd.choice(["his", "her", "their"]))
    return Item("personal", f"Hello,\n\n{sentence}. Please write to the team meanwhile.\n\nRegards", sentence)


def third_round_classes() -> st.SearchStrategy[Item]:
    return st.one_of(signed_links(), quoted_passphrases(), cut_off_keys(), keyword_ids(), profile_links(),
                     misspelt_markers(), not_public_markers(), illness())


# --- and their harmless look-alikes ---------------------------------------------------------------

def _der_length(n: int) -> bytes:
    return bytes([n]) if n < 0x80 else b"\x81" + bytes([n]) if n < 0x100 else b"\x82" + n.to_bytes(2, "big")


def _der(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(body)) + body


def _public_key_text(rnd: random.Random) -> tuple[str, str]:
    """(the text of a public key, the part that must survive): PEM SubjectPublicKeyInfo, PKCS#1
    RSA public key, an OpenSSH line, each from random key material."""
    import base64
    kind = rnd.choice(["spki-ed25519", "pkcs1", "ssh-ed25519", "ssh-rsa"])
    if kind == "spki-ed25519":
        der = bytes.fromhex("302a300506032b6570032100") + rnd.randbytes(32)
        body = base64.b64encode(der).decode()
        return f"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----", body
    if kind == "pkcs1":
        modulus = b"\x00" + bytes([rnd.randint(0x80, 0xFF)]) + rnd.randbytes(255)
        der = _der(0x30, _der(0x02, modulus) + _der(0x02, b"\x01\x00\x01"))
        b64 = base64.b64encode(der).decode()
        body = "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64))
        return f"-----BEGIN RSA PUBLIC KEY-----\n{body}\n-----END RSA PUBLIC KEY-----", body.split("\n")[1]
    name = kind.encode()
    if kind == "ssh-ed25519":
        blob = len(name).to_bytes(4, "big") + name + (32).to_bytes(4, "big") + rnd.randbytes(32)
    else:
        modulus = b"\x00" + rnd.randbytes(256)
        blob = len(name).to_bytes(4, "big") + name + b"\x00\x00\x00\x03\x01\x00\x01" + len(modulus).to_bytes(4, "big") + modulus
    body = base64.b64encode(blob).decode()
    return f"{kind} {body} {rnd.choice(_NAMES)}@laptop", body


_ADVICE = ["The sick leave policy does not apply to the service accounts.", "Bitte geben Sie Ihr Passwort niemals per E-Mail weiter.", "Ne communiquez jamais votre mot de passe.",
           "Please do not share the same proxy between several users.", "Do not share the same account with colleagues.",
           "Bitte teilen Sie nicht dasselbe Zertifikat zwischen mehreren Nutzern.",
           "Ne partagez pas le même compte entre plusieurs personnes.", "Non condividere la stessa chiave tra più utenti.",
           "Never send your password by e-mail.", "Nunca comparta su contraseña por correo.",
           "Deel nooit je wachtwoord via e-mail."]
_REFERENCES = ["password = var.db_password", 'password = "${var.db_password}"', "db_password: {{ secret_password }}",
               "dsn = 'postgres://%(user)s:%(password)s@db/app'", "const password = process.env.DB_PASS;",
               'password = os.environ["PW"]', "db_password: !vault |", "password: !secret db_password",
               "token: ${{ secrets.DEPLOY_TOKEN }}", "client_secret = local.oidc_client_secret",
               "password:\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password"]
_CHEMISTRY = ["We studied Fe2O3 and TiO2 surfaces with CH3OH adsorption (C6H12O6 as a reference).",
              "The DFT runs cover Li4Ti5O12 anodes, LiFePO4 and NaCl in H2O.",
              "Reaction of CO2 with H2O and CH4 over Al2O3 and ZrO2 supports.",
              "Adsorption energies of NH3, H2S and SO2 on MgO and CaO slabs."]
_PUBLIC_LINKS = ["https://www.linkedin.com/company/egi-foundation/", "https://ror.org/0{r}",
                 "https://orcid.org/{o}", "https://www.researchgate.net/publication/123456_Example_study",
                 "https://x.com/search?q=egi", "https://www.facebook.com/groups/123456"]


@st.composite
def third_round_look_alikes(draw) -> Item:
    """Public keys, security advice, references in place of values, chemistry, organisation pages
    and public identifiers, markers that are only advice or mentions: all published unchanged."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    kind = draw(st.sampled_from(["public-key", "advice", "reference", "chemistry", "public-link"]))
    if kind == "public-key":
        text, keep = _public_key_text(rnd)
        text = rnd.choice(["Our public key:\n{t}\nThanks", "Add this to authorized_keys:\n\n{t}\n", "{t}"]).format(t=text)
        return Item("benign", text, "", keep)
    if kind == "advice":
        text = rnd.choice(_ADVICE)
    elif kind == "reference":
        text = rnd.choice(_REFERENCES)
    elif kind == "chemistry":
        text = rnd.choice(_CHEMISTRY)
    else:
        ror = "".join(rnd.choice("0123456789abcdefghjkmnpqrstvwxyz") for _ in range(6)) + str(rnd.randint(10, 99))
        text = "See " + rnd.choice(_PUBLIC_LINKS).format(r=ror, o=_orcid(rnd)) + " for details."
    return Item("benign", text, "", text)
