"""Values under a column's header: a table of people or accounts says once, in its header, what
each column holds, and the values below carry no word of their own.

* delimited rows: CSV (``;`` or ``,``) and pipe tables (Markdown, an HTML table as screening
  writes it: ``Nombre | Pasaporte |``), a header row of words, then rows of as many cells
  ("nombre;apellidos;telefono" then "Carlos;Ruiz Navarro;612 345 678");
* an SQL ``INSERT`` with its column list ("(`name`,`student_no`,`birth_date`) VALUES (...)").

A value is a finding when its column's name says it is a password (or another secret), a
person's identity number, a date of birth or a phone number, and the value has that shape (a
secret that is no placeholder; digits for the others). The column names are the lexicon's words,
written as headers are (``birth_date``, ``Phone-Number``, ``"PESEL"``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache

from generator.screening import lazy_re as re
from generator.screening.detectors.base import CREDENTIAL, PERSONAL, PHONE, Finding, Text, WordClass, fold, lex
from generator.screening.detectors.secrets import _PUBLIC_HEADER, _is_placeholder, handed_out
from generator.screening.lexicon import (
    BIRTH_WORDS,
    BOOKING_WORDS,
    ID_WORDS,
    PASSWORD_WORDS,
    PLATE_WORDS,
    SALARY_WORDS,
    SWITCHBOARD_WORDS,
)
from generator.screening.normalise import PART_BREAK

#: a header row: two cells or more of words (letters first), split by one kind of separator
_CELL = r"[\"'`]?[^\W\d][\w'’/()#.-]{0,30}(?:[ ][\w'’/()#.-]{1,30}){0,4}[\"'`]?"
_HEADER_ROW = re.compile(
    rf"(?m)^[ \t]*(?:\|[ \t]*)?{_CELL}[ \t]*(?P<sep>[;,|])(?:[ \t]*{_CELL}[ \t]*(?P=sep)){{0,40}}"
    rf"(?:[ \t]*{_CELL})?[ \t]*$")
#: a bar table's header, whose cells may hold a comma ("Apellidos, Nombre | F. nacimiento | Centro |",
#: an HTML mail's table read as rows)
_BAR_CELL = _CELL.replace(r"[\w'’/()#.-]", r"[\w'’/()#.,-]")
_BAR_HEADER_ROW = re.compile(
    rf"(?m)^[ \t]*(?:\|[ \t]*)?{_BAR_CELL}[ \t]*(?P<sep>\|)(?:[ \t]*{_BAR_CELL}[ \t]*\|){{0,40}}"
    rf"(?:[ \t]*{_BAR_CELL})?[ \t]*$")
_INSERT = re.compile(r"insert[ \t]+into[ \t]+\S+[ \t]*\((?P<columns>[^()\n]{1,800})\)[ \t]*values[ \t]*\(",
                     re.IGNORECASE)
#: one SQL value: a quoted string ('' and \' inside), or anything up to the next comma or bracket
_SQL_VALUE = re.compile(r"[ \t]*(?:'(?:[^'\\\n]|\\.|'')*'|\"(?:[^\"\\\n]|\\.)*\"|[^,()'\"\n]*)[ \t]*")
#: names of a phone column (the lexicon's labels include one-letter ones, "m", "t": not headers)
_PHONE_HEADER = (r"tel\.?|tél|telefon\w*|téléphone|telephone|telefoon|telefono|teléfono|telefone|telemóvel|"
                 r"phone\w*|mobile\w*|mobil|mobiel|móvil|movil|cell\w*|cellulare|gsm|handy|fax|puhelin|"
                 r"matkapuhelin|τηλέφωνο|τηλ|κινητό|телефон|тел|моб|мобильный|мобільний|טלפון|נייד|"
                 r"mobile number|phone number|contact number|tel no|tel nr")
_EXTRA_ID_HEADER = (r"student no|student nr|student id|matric|matric no|matriculation|id no|id nr|"
                    r"national id|nationalid|passport no|passport nr|passport number|document number|"
                    r"doc no|social security|ssn|tax id|codice fiscale|cf|dni|nie|nif|pesel|personal id|"
                    # health insurance and tax numbers of a person ("kvnr", the French "nir", the NHS's,
                    # the Ukrainian "rnokpp")
                    r"kvnr|krankenversichertennummer|versichertennummer|nir|nhs|nhs no|nhs number|rnokpp|рнокпп|"
                    r"ipn|іпн|snils|снилс|inn|инн")
_EXTRA_BIRTH_HEADER = r"birth date|birthdate|date of birth|dob|born|fecha nacimiento|data nascita|geb datum"
#: a birth date's column as a table abbreviates it, or names it by the noun alone ("F. nacimiento",
#: "Nascita", "Geb.-Dat.", "Data ur.", "Szül. idő")
_SHORT_BIRTH_HEADER = (r"d o b|b day|bday|birth|nacimiento|f nacimiento|f nac|fecha nac|fec nac|f de nacimiento|"
                       r"nascita|data nasc|data de nasc|data de nascimento|dt de nasc|date de naiss|date de naissance|fecha de nac|"
                       r"f de nac|data di nascita|data di nasc|datum van geb|datum van geboorte|dt nascita|dt nasc|naissance|date naiss|dt naiss|geburt|geb dat|gebdat|"
                       r"geb datum|geburtsdat|geboorte|geb datum|nascimento|dt nascimento|urodzenia|data ur|dat ur|"
                       r"data urodz|narození|dat nar|datum nar|narodenia|dát nar|születési|szül dátum|szül idő|szül|"
                       r"syntymäaika|synt aika|synt|syntynyt|syntymäpäivä|födelse|född|födelsedatum|födelsedag|"
                       r"fødsel|fødselsdato|født|rođenja|dat rođ|datum rođ|rojstva|nașterii|data naşterii|"
                       r"doğum|doğum tar|gimimo|gim data|dzimšanas|dzim dat|sünniaeg|sünd|γέννησης|ημ γέννησης|"
                       r"рождения|дата рожд|народження|раждане")
#: what a column's name says of either sex ("nato/a", "né(e)", "Mitarbeiter/in"): dropped before
#: the name is read
_SEX_ENDING = re.compile(r"(?<=[^\W\d_])(?:/[^\W\d_]{1,4}|\([^\W\d_]{1,3}\))(?= |$)")
#: names of a vehicle's column: its plate stands there ("Samochód", "Kfz-Kennzeichen", "SPZ")
_CAR_HEADER = (r"car|cars|auto|autos|kfz kennzeichen|vehicle|plate|plates|car plate|car no|car reg|reg no|reg nr|kfz|pkw|fahrzeug|"
               r"wagen|voiture|véhicule|immatriculation|plaque|immat|targa|macchina|veicolo|coche|vehículo|"
               r"matrícula|carro|viatura|veículo|kenteken|samochód|pojazd|nr rej|numer rej|rejestracja|vozidlo|"
               r"ecv|evč|autó|gépkocsi|jármű|bil|regnr|reg nummer|rekisteri|ajoneuvo|rek nro|mașină|"
               r"autoturism|nr auto|număr auto|araç|araba|plaka|αυτοκίνητο|όχημα|автомобил|кола|"
               r"automobil|vozilo|avto|tablice|sõiduk|automašīna|automobilis")
_BOOKING_HEADER = (r"confirmation|confirmation no|booking|booking ref|reservation|reservation no|buchung|"
                   r"bestätigung|réservation|confirmation n°|prenotazione|reserva|boeking|reservering|rezerwacja|"
                   r"rezervace|bokning|varaus|foglalás|rezervare")
#: a coordinate's column, whose name a salary word folds to ("lon", Swedish "lön")
_COORDINATES = frozenset({"lon", "long", "lng", "lat"})
#: a person's rate of pay, as a budget's column names it
_RATE_HEADER = (r"day rate|daily rate|hourly rate|monthly rate|tagessatz|stundensatz|tarif journalier|taux journalier|"
                r"tariffa giornaliera|tarifa diaria|tarifa por hora|dagtarief|uurtarief|stawka dzienna|"
                r"stawka godzinowa|denní sazba|hodinová sazba|dagpris|timpris|päivähinta|tuntihinta|napidíj|órabér")
#: what a pay column's name says of its pay before its word ("Gross monthly salary", "Annual base pay")
_PAY_QUALIFIERS = (r"gross|net|monthly|annual|yearly|basic|base|current|brutto|netto|monatliches|monatlicher|jährliches|"
                   r"hrubá|hrubý|čistá|čistý|mesačná|hrubá|brut|lordo|bruto|bruta|mensile|mensual|mensal|bruttó|nettó|havi|"
                   r"miesięczne|miesięczna|bruttó|kuukausi|månads|måneds|brutto|netto|bruto|neto|μικτός|καθαρός|бруто|нето|"
                   r"ilíquido|ilíquida|líquido|líquida|mensuel|mensuelle|annuel|annuelle|annuo|annua|anual|lordo|lorda|"
                   r"neta|mensile|miesięczny|roczne|roczny|měsíční|mesačný|éves|vuosi|årlig|årslön|ετήσιος|μηνιαίος|aylık|yıllık")
#: what a pay column is named beside the pay words of prose (``SALARY_WORDS``): a payroll's or a
#: budget's own words ("Vencimento ilíquido mensal", "Ordenado", "Uposażenie", "Illetmény",
#: "Αποδοχές", "Töötasu"); a column's name only (in prose "vencimento" is a bill's due date)
_PAY_HEADER = (r"vencimento|vencimentos|ordenado|remuneração|retribuição|remuneração base|honorários|"
               r"remuneration|compensation|earnings|gross pay|net pay|take home pay|emolumenti|compenso|"
               r"retribución|nómina|haberes|émoluments|rémunération brute|bezoldiging|brutoloon|nettoloon|"
               r"uposażenie|płaca|placa|plaća|plata|bruto plata|neto plata|pobory|odměna|odmena|illetmény|munkabér|remunerație|remuneratie|"
               r"ersättning|månadslön|αποδοχές|αμοιβή|primanja|bruto plaća|osebni dohodek|възнаграждение|"
               r"ücret|brüt ücret|net ücret|töötasu|brutopalk|atalgojums|alga|atlyginimas|darbo užmokestis")
#: the end of a compound whose first part qualifies the pay ("Bruttogehalt", "Jahreslohn", "månadslön")
_PAY_COMPOUND_ENDS = r"gehalt|gehälter|lohn|löhne|salaris|lön|løn|lønn|palkka|palga|bér|díj"
#: a pay column named by its gross or net, its period and perhaps its currency, with no pay word
#: ("gross_monthly_eur", "Brutto_monatlich", "lordo_mensile_eur", "netto miesięcznie"): a gross or
#: net and a period both (an invoice's "gross_eur" and "net_eur" are a price's, with no period)
_PAY_GROSS = (r"gross|net|brutto|netto|brut|nett|lordo|lorda|bruto|neto|bruta|neta|bruttó|nettó|hrubá|hrubý|"
              r"hrubé|čistá|čistý|čisté|ilíquido|líquido|μικτός|μικτές|καθαρός|καθαρές|бруто|нето|brüt")
_PAY_PERIOD = (r"monthly|month|annual|yearly|year|per month|per year|pm|pa|monatlich|monatliches|monatlicher|"
               r"jährlich|jährliches|monat|jahr|mensuel|mensuelle|annuel|annuelle|mois|an|mensile|annuo|annua|mese|"
               r"anno|mensual|anual|mes|año|mensal|mês|ano|maandelijks|jaarlijks|maand|jaar|miesięcznie|miesięczny|"
               r"miesięczne|rocznie|roczny|roczne|měsíčně|měsíční|ročně|roční|mesačne|mesačný|ročne|ročný|havi|havonta|"
               r"éves|kuukausi|kuukaudessa|vuosi|vuodessa|månad|månads|månatlig|måned|måneds|månedlig|årlig|år|lunar|"
               r"lunară|anuală|μηνιαίος|μηνιαίες|ετήσιος|ετήσιες|месечно|месечна|годишна|mjesečno|mjesečna|mesečno|"
               r"mesečna|godišnje|letno|aylık|yıllık|kuus|kuupalk|mēnesī|mēneša|gadā|mėnesio|mėnesinis|metinis")
_PAY_CURRENCY = r"eur|euro|euros|chf|czk|kc|pln|zl|huf|ft|sek|dkk|nok|kr|ron|lei|gbp|usd|bgn|try|tl|amount|value"
#: (the rule of such a column, told apart until its row is read: "personal.salary" when a cell of
#: the row is a person's name, "J. Keller", "Piotr Zając"; an invoice's "VM hosting" row is no pay)
_NAMED_ROW_SALARY = "personal.salary/named"
#: a person's name as a row's cell: two to four capitalised words, the first perhaps an initial
_NAME_CELL = re.compile(r"(?:[^\W\d_]\.|[^\W\d_][^\W\d_'’-]+)(?:[ \t]+[^\W\d_][^\W\d_'’-]+){1,3}")


def _names_a_person(cells: list[str]) -> bool:
    return any(_NAME_CELL.fullmatch(c) and all(w[0].isupper() and not w.isupper() or w[1:] == "."
                                               for w in c.split()) for c in cells)


_SECRET_HEADER = r"secret|token|api key|apikey|access key|secret key|pin|otp|private key"
#: names of a person's home address (an LDAP ``homePostalAddress``, a form's "Privatadresse"); a
#: bare "address" names a host's or an institute's as often
_ADDRESS_HEADER = (r"home address|home postal address|home street|private address|personal address|"
                   r"residential address|wohnadresse|privatadresse|privatanschrift|wohnanschrift|heimadresse|"
                   r"adresse personnelle|adresse privée|adresse privee|domicile|domicilio|indirizzo di casa|"
                   r"residenza|woonadres|privéadres|adres domowy|adres zamieszkania|bydliště|trvalé bydliště|"
                   r"lakcím|kotiosoite|hemadress|hjemmeadresse|kodune aadress|domicílio|morada|"
                   # a record's street ('"street": "7 Harbour View"'); a delivery address is often an
                   # institute's, and is judged as prose ("Lieferadresse: Karlsruher Institut ...")
                   r"street|street address|straße|strasse|rue|calle|rua|ulica|ulice|utca|katuosoite|gatuadress")


@cache
def _header_kinds() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(category, rule, pattern of the header's name): compiled on the first table met. A secret's
    column is one whose name holds a password word; the others are named by their words alone."""
    def name(*fragments: str) -> re.Pattern[str]:
        return re.compile(rf"(?:{lex(*fragments)})(?: (?:no|nr|number|nummer|numer|numero|número|id))?")
    return (
        (CREDENTIAL, "credential.table", re.compile(rf"(?<![\w-])(?:{lex(*PASSWORD_WORDS, _SECRET_HEADER)})(?![\w-])")),
        (PERSONAL, "personal.column", name(ID_WORDS, _EXTRA_ID_HEADER)),
        (PERSONAL, "personal.column", name(BIRTH_WORDS, _EXTRA_BIRTH_HEADER, _SHORT_BIRTH_HEADER)),
        (PERSONAL, "personal.home-address", re.compile(_ADDRESS_HEADER)),
        (PHONE, "phone.column", name(_PHONE_HEADER)),
        # a booking's reference, with the guest's name on its row: a rooming list, a travel list
        (CREDENTIAL, "credential.booking", re.compile(rf"(?:{lex(BOOKING_WORDS, _BOOKING_HEADER)})")),
        # what a person is paid, a month, a day or an hour, and in which currency ("mzda_měsíčně_CZK")
        # (its qualifiers before it, two at most: "Gross monthly salary", "Monthly net pay"; or the pay
        # word ending a compound: "Bruttogehalt", "Monatslohn", "bruttolön")
        (PERSONAL, "personal.salary", re.compile(rf"(?:(?:{lex(_PAY_QUALIFIERS)}) ){{0,2}}"
                                                 rf"(?:{lex(SALARY_WORDS, _RATE_HEADER, _PAY_HEADER)}|[^\W\d_]{{3,}}(?:{lex(_PAY_COMPOUND_ENDS)}))"
                                                 rf"(?: (?:/ )?\(?[^\W\d_]{{1,12}}\)?){{0,3}}")),
        # (a pay column with no pay word, gross or net and a period: on a row that names a person only)
        (PERSONAL, _NAMED_ROW_SALARY, re.compile(
            rf"(?=(?:\S+ )*(?:{lex(_PAY_GROSS)})(?: |$))(?=(?:\S+ )*(?:{lex(_PAY_PERIOD)})(?: |$))"
            rf"(?:{lex(_PAY_GROSS, _PAY_PERIOD, _PAY_CURRENCY)})(?: (?:{lex(_PAY_GROSS, _PAY_PERIOD, _PAY_CURRENCY)})){{1,3}}")),
        # a vehicle's plate (a plate points at its owner)
        (PERSONAL, "personal.licence-plate", re.compile(rf"(?:{lex(PLATE_WORDS, _CAR_HEADER)})")),
    )


def _kind(header: str) -> tuple[str, str] | None:
    """The category and rule of a column by its name ("birth_date", "Phone-Number", "`pesel`")."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header.strip(" \t\"'`[]"))
    words = re.sub(r"[_\-. ]+", " ", words).lower().strip()
    if not words or len(words) > 40:
        return None
    written, words = words, fold(words)  # (the lexicon's names are folded: "Bruto plaća" reads "bruto placa")
    secret, *others = _header_kinds()
    if secret[2].search(words) and not _PUBLIC_HEADER.search(words):
        return secret[0], secret[1]  # "Initial password", "DB Passwort (neu)", "API token"
    words = _SEX_ENDING.sub("", words)
    for category, rule, pattern in others:
        if pattern.fullmatch(words) and not (rule == "personal.salary" and written in _COORDINATES):
            return category, rule
    # a key that qualifies an id or a birth date by whose or which it is ("SUBMITTER_DOB", "applicant
    # birth date", "plgridPesel", "user_cnp")
    ids, births, *_ = others
    for qualifier in _QUALIFIERS:
        qualified = qualifier.match(words)
        for kind in (ids, births):
            if qualified and kind[2].fullmatch(words, qualified.end()):
                return kind[0], kind[1]
    return None


#: one or two words before a key's name that say whose value it is
_QUALIFIERS = (re.compile(r"[^\W\d_]{2,20} "), re.compile(r"[^\W\d_]{2,20} [^\W\d_]{2,20} "))


#: what a column about a password holds when it says whether one is set ("heslo_nastaveno": ano/ne)
_YES_NO = frozenset("yes no true false y n x ok ano ne ja nein oui non si sí tak nie igen nem kyllä ei da nu "
                    "evet hayır sim não jah nee nej".split())


#: a plate as a table writes it: groups of capitals and digits joined by a space or a hyphen, two
#: digits and a capital at least ("KR 4K821", "B-MW 4711", "XK-482-B")
_PLATE_VALUE = re.compile(r"(?=.{4,12}$)(?=[A-Z0-9 -]*\d[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,5}(?:[ -][A-Z0-9]{1,5}){0,3}")


_DATE_VALUE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")


def _value_of_kind(value: str, category: str, rule: str = "") -> bool:
    core = value.strip(" \t\"'`")
    if not core or _is_placeholder(core):
        return False
    if rule == "credential.booking":  # a reference has a digit ("ADL-5590132"), a confirmation's "yes" none
        return len(core) >= 5 and any(c.isdigit() for c in core) and " " not in core
    if rule == "personal.licence-plate":  # a plate's shape: capitals and digits, two digits and a letter
        return _PLATE_VALUE.fullmatch(core) is not None
    if rule in ("personal.salary", _NAMED_ROW_SALARY):  # an amount: three digits at least, never below zero (not a longitude),
        # never a date ("Vencimento | 2025-06-30": a certificate's or a bill's due date)
        return not core.startswith(("-", "−")) and sum(c.isdigit() for c in core) >= 3 \
            and not _DATE_VALUE.fullmatch(core)
    if category == CREDENTIAL:  # (not "yes", not a note that it is handed out on paper)
        return core.lower() not in _YES_NO and not handed_out(core)
    digits = sum(c.isdigit() for c in core)
    return digits >= (6 if category == PHONE else 4)


def _cells(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """The cells of the row text[start:end], as spans without their spaces (a pipe row's outer
    bars are no cells)."""
    row = text[start:end]
    spans, at = [], 0
    for piece in row.split(sep):
        a, b = at, at + len(piece)
        at = b + 1
        stripped = piece.strip(" \t")
        if stripped:
            a += len(piece) - len(piece.lstrip(" \t"))
            b = a + len(stripped)
        else:
            b = a
        spans.append((start + a, start + b))
    if sep == "|":
        if spans and spans[0][0] == spans[0][1]:
            spans = spans[1:]
        if spans and spans[-1][0] == spans[-1][1]:
            spans = spans[:-1]
    return spans


def _delimited(text: str) -> Iterator[Finding]:
    headers = {m.start(): m for m in _HEADER_ROW.finditer(text)}
    if "," in text and "|" in text:
        for m in _BAR_HEADER_ROW.finditer(text):
            headers.setdefault(m.start(), m)
    for _, header in sorted(headers.items()):
        if not _table_sign(text, header.start(), header.end()):
            continue  # (the sign must be the header's own: what else the text holds changes nothing)
        sep = header.group("sep")
        names = _cells(text, header.start(), header.end(), sep)
        if sum(1 for a, b in names if b > a) < 2:
            continue  # one name and a separator: a line of code ("password_hash TEXT,"), not a table
        kinds = {i: k for i, (a, b) in enumerate(names) if (k := _kind(text[a:b]))}
        if not kinds:
            continue
        line_end = header.end()
        for _ in range(200):  # the rows below, while they have the header's cells
            if line_end >= len(text) or text[line_end] != "\n":
                break
            nxt = text.find("\n", line_end + 1)
            nxt = len(text) if nxt < 0 else nxt
            cells = _cells(text, line_end + 1, nxt, sep)
            line_end = nxt
            if set(text[cells[0][0]:cells[-1][1]] if cells else "") <= set("-: |+="):
                continue  # the |---|---| line (psql's "----+----", a console table's "+====+")
            if len(cells) != len(names):
                break
            personal = False
            for i, (category, rule) in kinds.items():
                a, b = cells[i]
                if _value_of_kind(text[a:b], category, rule):
                    if rule == _NAMED_ROW_SALARY:
                        if not _names_a_person([text[c:d].strip(" \t\"'") for c, d in cells]):
                            continue
                        rule = "personal.salary"
                    yield Finding(rule, category, a, b)
                    personal = personal or category == PERSONAL
            if personal:  # a person's record: their name and the rest of the row go with it
                yield Finding("personal.record", PERSONAL, cells[0][0], cells[-1][1])


def _inserts(t: Text) -> Iterator[Finding]:
    text = t.text
    for m in _INSERT.finditer(text):
        names = [c.strip(" \t`\"[]") for c in m.group("columns").split(",")]
        kinds = {i: k for i, n in enumerate(names) if (k := _kind(n))}
        if not kinds:
            continue
        at = m.end()
        personal = False
        for i in range(len(names)):
            v = _SQL_VALUE.match(text, at)
            if v is None:
                break
            if i in kinds:
                raw = v.group().strip(" \t")
                a = v.start() + v.group().index(raw) if raw else v.start()
                b = a + len(raw)
                if raw[:1] in "'\"" and raw[-1:] == raw[:1] and len(raw) >= 2:
                    a, b = a + 1, b - 1
                category, rule = kinds[i]
                if rule != _NAMED_ROW_SALARY and _value_of_kind(text[a:b], category, rule):
                    yield Finding(rule, category, a, b)
                    personal = personal or category == PERSONAL
            if personal and i == len(names) - 1:  # a person's record: the whole row of values
                yield Finding("personal.record", PERSONAL, m.end(), v.end())
            at = v.end()
            if text[at:at + 1] != ",":
                break
            at += 1


#: a sign of a table, searched first (most texts have none): three cells on a line between ';' or
#: '|', or a cell after a ',' or ';' with no space after it (prose puts one there)
#: (asked at each separator, found by ``str.find``: a search led by a class tries every character)
_MAYBE_ROW = re.compile(r"[;|][^\n;|]{1,40}[;|]")
_MAYBE_CSV_ROW = re.compile(r",[^\W\d_][^\n,;]{0,40}[,;\n]")
_MAYBE_CSV_ROW_SEMICOLON = re.compile(r";[^\W\d_][^\n,;]{0,40}[,;\n]")


def _maybe_csv_row(text: str, start: int = 0, end: int | None = None) -> bool:
    """Is there a cell after a ',' or ';' with no space after it, in ``text[start:end]``? (Each
    search begins where ``str.find`` first finds its separator, or does not begin.)"""
    end = len(text) if end is None else end
    for sep, row in ((",", _MAYBE_CSV_ROW), (";", _MAYBE_CSV_ROW_SEMICOLON)):
        i = text.find(sep, start, end)
        if i >= 0 and row.search(text, i, end):
            return True
    return False


def _maybe_row(text: str) -> bool:
    """``_MAYBE_ROW.search(text)``: a separator (';' or '|') whose next one stands 1 to 40
    characters after it on the same line. Told from the separators' places (found by
    ``str.find``), not matched at each (the pattern tried every shorter cell before failing)."""
    seps = []
    for sep in ";|":
        i = text.find(sep)
        while i >= 0:
            seps.append(i)
            i = text.find(sep, i + 1)
    seps.sort()
    return any(1 < b - a <= 41 and text.find("\n", a, b) < 0 for a, b in itertools.pairwise(seps))


def _table_sign(text: str, start: int, end: int) -> bool:
    """Does the header row at ``start:end`` show a table's sign (``_MAYBE_ROW``, ``_maybe_csv_row``)?"""
    return bool(_MAYBE_ROW.search(text, start, end + 1) or _maybe_csv_row(text, start, end + 1))


#: a key and its value as structured text writes them: LDIF and YAML ("homePostalAddress: ..."),
#: JSON ('"personalId": "8-870923-1234"'), INI and shell ("BIRTH_DATE=1987-09-23")
_PAIR = re.compile(r"""(?<![\w.-])(?P<q>["'`]?)(?P<key>[A-Za-z][A-Za-z0-9_.-]{1,40})(?P=q)[ \t]*(?::|=>|=)[ \t]*"""
                   r"""(?P<value>"[^"\n]{1,120}"|'[^'\n]{1,120}'|[^\s,;}\]"'][^\n,;}\]]{0,119})""")
#: a data frame's row as printed, a variable's name heading its line, then its value ("szuletesi_ido
#: 1991-07-23": the view folds the spaces between them into one)
_PRINTED_PAIR = re.compile(r"""(?P<q>)(?P<key>[A-Za-z][A-Za-z0-9.-]*_[A-Za-z0-9_.-]{1,40})[ \t]+"""
                           r"""(?P<value>[^\s,;}\]"'][^\n,;}\]]{0,119})$""", re.MULTILINE)
#: a vCard's address that is not the work one ("ADR;TYPE=HOME:;;Bergheimer Str. 58;Heidelberg;...")
_VCARD_ADDRESS = re.compile(r"(?im)^(?:item\d+\.)?adr(?![^:\n]*work)(?:;[^:\n]*)?:(?P<value>[^\n]*\d[^\n]*)$")
#: a vCard's birthday ("BDAY:19790822", "BDAY;VALUE=date:1979-08-22", "X-BIRTHDAY:..."): a person's
#: birth date (an ANNIVERSARY is not read); and a home's address where no BEGIN:VCARD was pasted, its
#: type said ("ADR;TYPE=home:;;Via Roma 12;Bologna;;40121;Italy")
_VCARD_BIRTHDAY = re.compile(r"(?im)^[ \t>]*(?:item\d+\.)?(?:bday|x-birthday)(?:;[^:\n]*)?:(?P<value>[^\n]*\d[^\n]*)$")
_VCARD_HOME_ADDRESS = re.compile(r"(?im)^[ \t>]*(?:item\d+\.)?adr;(?:[^:\n]*[;=,])?home(?![\w])[^:\n]*:(?P<value>[^\n]*\d[^\n]*)$")
#: what such a key holds in part: asked of the lower-cased text before the pairs are looked for
_KEY_STEMS = ("birth", "geburt", "naissance", "nascit", "nacimiento", "passport", "personal", "national",
              "ssn", "address", "adresse", "anschrift", "domicil", "dob", "pesel", "fiscal", "social",
              "personnummer", "tunnus", "isikukood", "kennitala", "kimlik", "rodne", "dni", "nif", "bsn",
              "cnp", "egn", "jmbg", "oib", "amka", "nino", "zehut", "emso", "hetu", "cpr", "ahv", "insee", "afm",
              "dowod", "phone", "mobile", "handy", "telefon", "street", "strasse", "morada", "kvnr", "rnokpp",
              "nhs", "szuletes")

#: (the header words of ``_under_header``, in part)
_HEADER_STEMS = ("birth", "geburt", "naissance", "nascit", "nacimiento", "nascimento", "geboorte", "urodzenia",
                 "narozen", "születési", "syntymä", "födelse", "fødsel", "passport", "pasaport", "pasaporte",
                 "passeport", "passaporto", "reisepass", "paszport", "personal", "national", "pesel",
                 "fiscal", "personnummer", "tunnus", "isikukood", "kennitala", "kimlik", "rodné", "dob")

#: the words holding one of those stems: kinds of word, each judged once (a search of the text for
#: each of seventy stems cost more than all the rest of this module)
_KEY_STEM = re.compile("|".join(_KEY_STEMS).encode())
_HEADER_STEM = re.compile("|".join(_HEADER_STEMS).encode())
_KEY_WORDS = WordClass(lambda w: _KEY_STEM.search(w) is not None)
_HEADER_WORDS = WordClass(lambda w: _HEADER_STEM.search(w) is not None)


def _labelled(t: Text, words: Iterable[bytes]) -> Iterator[Finding]:
    """Values under a key that names a person's id, birth date, home address or phone, in
    structured text (the key is a column's name written once per value)."""
    text = t.text
    tried = set()
    for word in words:
        for p in t.positions(word.decode()):  # (the keys holding a stem, not a search of every character)
            start = p
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
                start -= 1
            if start > 0 and text[start - 1] in "\"'`":
                start -= 1
            if start in tried:
                continue
            tried.add(start)
            m = _PAIR.match(text, start)
            if m is None and (start == 0 or text[start - 1] == "\n"):
                m = _PRINTED_PAIR.match(text, start)
            if m is not None and m.start("key") <= p < m.end("key"):
                yield from _labelled_value(text, m)


#: a line of one key and its value, as a record dumps them: "PatientName: ...", '"imie": "...",',
#: "(0010,0030) PatientBirthDate: 19670222" (a DICOM tag first)
_KEY_VALUE_LINE = re.compile(r"[ \t]*(?:\([0-9A-Fa-f]{4},[0-9A-Fa-f]{4}\)[ \t]*)?[\"'`]?[^\W\d][\w .-]{0,40}[\"'`]?"
                             r"[ \t]*(?::|=>|=)[ \t]*\S[^\n]*")
_BRACES = re.compile(r"\{[^{}\n]*\}")


def _record_around(text: str, at: int) -> tuple[int, int] | None:
    """The record a person's labelled value is in: the JSON object on its line, or the block of
    key-value lines around it (a DICOM header's dump, a YAML record); None for a value in prose.
    The record is the person's: their name and the rest go with the value."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    for m in _BRACES.finditer(text, line_start, line_end):
        if m.start() < at < m.end():
            return m.start(), m.end()
    if not _KEY_VALUE_LINE.fullmatch(text, line_start, line_end):
        return None
    start, end = line_start, line_end
    while start > 0:
        before = text.rfind("\n", 0, start - 1) + 1
        if not _KEY_VALUE_LINE.fullmatch(text, before, start - 1):
            break
        start = before
    while end < len(text):
        after = text.find("\n", end + 1)
        after = len(text) if after < 0 else after
        if not _KEY_VALUE_LINE.fullmatch(text, end + 1, after):
            break
        end = after
    return (start, end) if (start, end) != (line_start, line_end) or text.count(":", line_start, line_end) >= 2 else None


def _labelled_value(text: str, m: re.Match[str]) -> Iterator[Finding]:
    """The value of one key-value pair, when its key names personal data and it has its shape."""
    kind = _kind(m.group("key"))
    if kind is None or kind[0] == CREDENTIAL:  # (secret keys: ``secrets.key_values``)
        return
    a, b = m.span("value")
    category, rule = kind
    if rule == _NAMED_ROW_SALARY:  # (a key of gross pay and period names nobody: "gross_monthly_eur: 240")
        return
    if text[a] in "\"'" and b - a >= 2:
        a, b = a + 1, b - 1
    elif rule == "personal.home-address":  # (an address goes on after its commas, to the line's end)
        line_end = text.find("\n", a)
        b = len(text) if line_end < 0 else line_end
    value = text[a:b].rstrip(" \t")
    if rule == "personal.home-address":
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and not _is_placeholder(value):
            yield Finding(rule, category, a, a + len(value))
    elif category == PHONE and ("(" in value or "," in value or "–" in value) and _SWITCHBOARD_NAMED.search(fold(value.lower())):
        return  # "Telefon: +49 721 608-0 (Zentrale)": an institution's switchboard, named after its number
    elif rule == "personal.column" and _prose_after_birth_word(m.group("key"), value):
        return  # "das Projekt feiert am 1. Mai Geburtstag: Die VO ... wurde am 01.05.2021 angelegt"
    elif _value_of_kind(value, category, rule):
        yield Finding(rule, category, a, a + len(value))


#: the words of a value before its first digit: three at most in a birth date ("12. März 1985",
#: "am 12.03.1985", "March 12, 1985", "de 12 de marzo"); more are a sentence
_WORDS_BEFORE_DIGIT = re.compile(r"(?:[^\s\d]\S*\s+){3}")


def _prose_after_birth_word(key: str, value: str) -> bool:
    """Is the value after a birth word and its colon a sentence, its first digit after three words
    ("Geburtstag: Die VO vo.example.de wurde am 01.05.2021 angelegt", "birthday: the project
    started on 2021-05-01")? A birth date comes first ("Geburtstag: 1. Mai 1990")."""
    _, _, births, *_ = _header_kinds()
    if not births[2].fullmatch(_kind_words(key)):
        return False
    return _WORDS_BEFORE_DIGIT.match(value) is not None


def _kind_words(header: str) -> str:
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header.strip(" \t\"'`[]"))
    return re.sub(r"[_\-. ]+", " ", words).lower().strip()


#: a switchboard's word after a number, in brackets or after a comma or a dash, ending the value
#: ("+49 721 608-0 (Zentrale)", "+39 095 378 5111, centralino", "+420 221 911 111 – ústředna")
_SWITCHBOARD_NAMED = re.compile(rf"\d[ \t]*(?:\([ \t]*|[,–-][ \t]*)(?:{lex(SWITCHBOARD_WORDS)})[ \t]*\)?[ \t.]*$")


#: a date as a birth date is written in a row (day first, or ISO)
_ROW_DATE = re.compile(r"(?<![\w./-])(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\w/-])")
#: an identity or passport number in a row: letters and digits, five digits at least
_ROW_ID = re.compile(r"(?<![\w./-])(?=(?:[A-Za-z-]*\d){5})[A-Za-z]{0,3}\d[\dA-Za-z-]{4,18}(?![\w/-])")


#: what a header line of a table has not: digits, a sentence's punctuation
_NOT_A_HEADER = re.compile(r"[\d.,;:!?]")


#: the birth date's column of a dump, in three letters ("name  dob  lab")
_DOB = re.compile(r"(?<![^\W_])dob(?![^\W_])")


def _header_names(line: str) -> set[str]:
    """The kinds of column a header line of words names ("Nom  Prénom  Date de naissance  Labo",
    "name nationality passport_no arrival"): 'birth', 'id' (words of four letters or more)."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", line)
    words = re.sub(r"[_\-.]+", " ", words).lower()
    _, ids, births, *_ = _header_kinds()
    found = set()
    if any(len(m.group()) >= 4 for m in births[2].finditer(words)) or _DOB.search(words):
        found.add("birth")
    if any(len(m.group()) >= 4 for m in ids[2].finditer(words)):
        found.add("id")
    return found


def _under_header(t: Text, words: Iterable[bytes]) -> Iterator[Finding]:
    """Birth dates and id numbers in the rows under a header line that names them, in a table
    written with tabs or aligned with spaces (the view reads a tab as a space: the cells are not
    told apart, the values are by their shape)."""
    text = t.text
    headers = sorted({t.line_span(p) for word in words for p in t.word_positions(word.decode())})
    for start, end in headers:  # (the lines holding a header word, not every line)
        line = text[start:end]
        if end >= len(text) or len(line) > 160 or len(line.split()) < 3 or _NOT_A_HEADER.search(line):
            continue
        kinds = _header_names(line)
        if not kinds:
            continue
        for _ in range(200):
            row_start = end + 1
            if row_start >= len(text):
                break
            end = text.find("\n", row_start)
            end = len(text) if end < 0 else end
            row = text[row_start:end]
            if len(row.split()) < 3 or PART_BREAK in row:
                break  # (a blank line, a sentence's end, the audit's next part: the table has ended)
            if "birth" in kinds:
                for m in _ROW_DATE.finditer(row):
                    yield Finding("personal.column", PERSONAL, row_start + m.start(), row_start + m.end())
            if "id" in kinds:
                for m in _ROW_ID.finditer(row):
                    if not _ROW_DATE.fullmatch(m.group()):
                        yield Finding("personal.column", PERSONAL, row_start + m.start(), row_start + m.end())


#: a box-drawing table's bars, read as a pipe table's, and its rules and corners as a pipe table's
#: "|---|---|" line (one character for one: the spans stay)
_BOX_CHARS = "│┃║¦─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫┏┓┗┛┣┫┳┻╋"
_BOX_BARS = str.maketrans(_BOX_CHARS, "||||---" + "|" * 33)
#: (one search at C speed: ``str.translate`` of a text that is not ASCII reads it character by
#: character, a second of the audit at 1,000 cases, and most texts hold no box at all)
_ANY_BOX_CHAR = re.compile(f"[{_BOX_CHARS}]")


def columns(t: Text) -> Iterator[Finding]:
    text = t.text
    if "\n" in text:
        rows = text.translate(_BOX_BARS) if not t.ascii and _ANY_BOX_CHAR.search(text) else text
        if _maybe_row(rows) or _maybe_csv_row(rows):
            yield from _delimited(rows)
    if "insert" in t.low:
        yield from _inserts(t)
    if ":" in text or "=" in text or "_" in text:  # (a data frame's row prints its key, then its value)
        key_words = _KEY_WORDS.among(t.words)
        if key_words:
            found = list(_labelled(t, key_words))
            yield from found
            for span in {_record_around(text, f.start) for f in found if f.category == PERSONAL}:
                if span:
                    yield Finding("personal.record", PERSONAL, *span)
    if "\n" in text:
        header_words = _HEADER_WORDS.among(t.words)
        if header_words:
            yield from _under_header(t, header_words)
    vcard = "begin:vcard" in t.low
    if vcard or b"adr" in t.words:
        for m in (_VCARD_ADDRESS if vcard else _VCARD_HOME_ADDRESS).finditer(text):
            yield Finding("personal.home-address", PERSONAL, m.start("value"), m.end("value"))
    if b"bday" in t.words or b"birthday" in t.words:
        for m in _VCARD_BIRTHDAY.finditer(text):
            yield Finding("personal.birth-date", PERSONAL, m.start("value"), m.end("value"))
