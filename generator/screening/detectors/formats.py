"""Credentials recognised by their format alone, with no password word needed: stored password
hashes (every crypt(3) and LDAP scheme, /etc/shadow and htpasswd lines), database connection
strings that carry a password (``user/password@host``, Oracle's thin and TNS forms), and session
cookies (Shibboleth, servlet and PHP sessions, mod_auth_openidc, ``session=``), in a header or in
prose.

A hash is as good as the password to an offline attack, and a session cookie is a logged-in
session: neither may be published even though neither looks like "a password".
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from generator.screening import lazy_re as re
from generator.screening.detectors.base import CREDENTIAL, Finding, Lexicon, Text, WordClass, fold, lex, words
from generator.screening.detectors.shapes import looks_random
from generator.screening.lexicon import (
    ACCOUNT_RECOVERY_WORDS,
    BACKUP_CODE_WORDS,
    BOOKING_WORDS,
    CODE_WORDS,
    COPULAS,
    DIGIT_WORDS,
    DOOR_CODE_ENDS,
    DOOR_CODE_PARTS,
    DOOR_CODE_PLACES,
    DOOR_CODE_SHORT,
    ENTRY_CODE_WORDS,
    ENTRY_WORDS,
    LOCKED_ROOM_WORDS,
    PIN_WORDS,
    RECOVERY_PHRASES,
    SECOND_FACTOR_WORDS,
    SECURITY_QUESTIONS,
    SURNAME_WORDS,
    VOICEMAIL_WORDS,
    VOUCHER_WORDS,
)

#: a crypt(3) hash: $id$[params$]salt$digest (MD5, bcrypt, SHA-2, yescrypt, argon2, scrypt...)
_CRYPT = re.compile(
    r"\$(?:1|2[abxy]?|5|6|7|apr1|md5|sha1|y|gy|sm3|argon2(?:id|i|d)|pbkdf2(?:-sha\d+)?|scrypt)\$"
    r"[^\s$:'\"]*(?:\$[^\s$:'\"]*){1,4}", re.IGNORECASE)
#: an LDAP userPassword scheme: {SSHA}base64
_LDAP = re.compile(r"\{(?:s?sha(?:256|384|512)?|s?md5|crypt|pbkdf2[\w-]*|argon2|bcrypt)\}[A-Za-z0-9+/=.$]{6,}",
                   re.IGNORECASE)
#: a shadow or htpasswd line: user:hash[:fields] (a DES hash is 13 characters of ./0-9A-Za-z)
_ACCOUNT_LINE = re.compile(r"(?m)^[ \t]*[a-z_][\w.-]{0,31}:(?P<hash>[./0-9A-Za-z]{13}|[^\s:]*\$[^\s:]{8,})"
                           r"(?=:|[ \t]*$)")
_DIGIT = re.compile(r"\d")

#: cookie names that hold a session; the value after them is the session
_COOKIE = re.compile(
    r"(?<![\w-])(?P<name>_shib(?:session|state)_[\w-]*|jsessionid|phpsessid|asp\.net_sessionid|"
    r"mod_auth_openidc_(?:session|state)[\w-]*|sessionid|session_id|session-id|sessid|session|sid|"
    r"laravel_session|connect\.sid|mellon-cookie|_oauth2_proxy|auth_tkt|csrftoken|_saml_idp|"
    r"cfid|cftoken|wordpress_logged_in_\w*|remember_token)"
    r"(?:\s*[=:]\s*|\s+(?:is\s+|was\s+|cookie\s+)?)(?P<value>[\"']?[\w.%+/=~-]{16,}[\"']?)",
    re.IGNORECASE)

_COOKIE_WORDS = frozenset(w.encode() for w in (
    "jsessionid phpsessid shibsession shibstate session sessionid sessid sid openidc tkt csrftoken cfid "
    "cftoken mellon oauth2 laravel remember logged saml idp asp net connect").split())

#: user/password@host: a connection string or a command line of a database client (a password
#: may hold a '/', as "rM3IZ%2f" decoded does)
_CONNECT = re.compile(
    r"(?<![\w/.-])(?P<user>[A-Za-z_][\w$#.]{0,29})/(?P<password>[^\s/@'\"][^\s@'\"]{2,63})@(?://)?"
    r"(?P<host>[\w.-]+|\([^\n]{0,200}\))(?P<port>:\d{2,5})?")
_CONNECT_CONTEXT = re.compile(
    r"(?:jdbc:oracle:(?:thin|oci):|sqlplus|sqlcl|connect|conn|expdp|impdp|\bexp\b|\bimp\b|rman|sqlldr|dgmgrl|"
    r"tns|oracle|database|db|dsn|connection|connect string|connstr|url|userid|userid=)[^\n]{0,60}$",
    re.IGNORECASE)
_NOT_A_HOST = re.compile(r"(?:sha\d+|md5|v?\d+(?:\.\d+)*|latest|main|master|head)$", re.IGNORECASE)


#: the verb that gives the PIN after a clause ("is", "ist", "est", "to", "jest", "on", "είναι"), as written
_PIN_COPULAS = COPULAS + r"|to|to je|to jest|c'est|lautet"
#: (a word and a hyphen may stand before it: "Einmal-PIN", "SIM-PIN", "engångs-PIN", not a number's "4-pin")
_PIN_WORD = Lexicon(PIN_WORDS, template=r"(?:(?<![\w-])|(?<=[^\W\d_]-))(?<!\w')(?:{body})(?![\w-])")
#: after a PIN word: a few short words ("is", "lautet", "on", "è", "ist jetzt") or a sign, then the digits
#: (or a relative clause between the word and its verb: "PIN, który wpisuję, to 731904", "die PIN,
#: die ich eingebe, ist ...", "le code PIN que je tape est ...")
_PIN_VALUE = re.compile(r"(?:[ \t]*[:=：\-–][ \t]*|[ \t]+(?:[^\W\d_]{1,8}[ \t]+){0,3}[:=]?[ \t]*|"
                        rf"(?:,[ \t]*(?:(?:[^\W\d_]|['’]){{1,16}}[ \t]+){{0,5}}(?:[^\W\d_]|['’]){{1,16}},|(?:[ \t]+[^\W\d_]{{1,14}}){{4,6}})"
                        rf"[ \t]+(?i:{_PIN_COPULAS})[ \t]*:?[ \t]*)"
                        r"[\"'«„“#]?(?P<pin>\d{4,8})(?![\d.,:/-]\d|\d|[ \t]*(?:%|x\b|mm\b|kb\b|mb\b|gb\b))")
_YEAR = re.compile(r"(?:19|20)\d\d$")
#: after a PIN word, whose voicemail box it is ("PIN della segreteria", "PIN de la messagerie vocale",
#: "PIN poczty głosowej"): up to two small words, then the box (read in the folded view)
_PIN_OF_VOICEMAIL = re.compile(rf"[ \t]+(?:[^\W\d_']{{1,6}}['’ \t]+){{0,2}}(?:{lex(VOICEMAIL_WORDS)})(?![\w-])")


_CODE_WORD = Lexicon(*CODE_WORDS, VOUCHER_WORDS)
#: a digit's name in EGI's languages: a code may be written in them ("neli-kaks-üks-seitse-null-kolm")
_DIGIT_WORD = lex("|".join(sorted({w for group in DIGIT_WORDS for w in group.split()}, key=len, reverse=True)))
_VOUCHER_WORD = Lexicon(VOUCHER_WORDS)
#: after a code word, in its clause (or a relative clause after a comma: "Kod SMS, który
#: dostałem: 482 913"): up to eight words ("du badge temporaire pour le technicien Dell est"; a
#: word may begin with a digit or two: "to re-enable 2FA:", end with a comma: "pe telefon, 739204",
#: and a bracket may stand among them: "(building 904)"), then the code (a dial's numbers too,
#: "3-17-42"): 4 to 8 digits, or groups of 2 to 4 ("27-14-38"), a '#' or '*' the keypad wants
#: after them; not a quantity ("10 Minuten", "5 %"), a time, a date or a version
_CODE_GAP = (r"(?:[ \t]*[:=：\-–][ \t]*|,?[ \t]+(?:(?:\d{0,2}[^\s.!?;:,()\d]{1,30},?|\([^()\n]{1,40}\))[ \t]+){0,8}?"
             r"(?:\d{0,2}[^\s.!?;:,()\d]{1,30}[ \t]*[:=][ \t]*)?)")
_CODE_BODY = (
    r"(?P<code>\d{4,8}|\d{2,4}(?:[- ]\d{2,4}){1,3}(?![ -]?\d)|\d{1,2}(?:-\d{1,2}){2,3}(?![ -]?\d)"
    # (single digits spaced out as a keypad's keys are pressed, "door code is 7 3 9 1 # since", h71)
    r"|\d(?:[ ]\d){3,7}(?![ -]?\d)(?=[ ]?[#*]|[ \t]*(?:[,;!?)\n]|\.(?:\s|$)|$|[ \t][^\W\d_]))"
    rf"|(?:{_DIGIT_WORD})(?:[ -](?:{_DIGIT_WORD})){{3,9}}(?![\w-]))(?:(?<=\d \d)[ ])?(?P<key>[#*])?"
    r"(?![\d.,:/]\d|\d|[ \t]*(?:%|x\b|mm\b|kb\b|mb\b|gb\b)|[ \t]+[^\W\d_]*(?:min|sec|sek|hour|stund|heure|ora|hora|"
    r"tag|day|jour|giorn|día|dia|dni|dn|nap|päiv|päev|gün|ημέρ|дн|днів|час|user|nutzer|utilis|utent|usuari|job|core|node))")
#: (or in brackets after its words: "backup recovery codes (48213-90177)")
_CODE_VALUE = re.compile(_CODE_GAP + r"[\"'«„“#(]?" + _CODE_BODY)


#: a door's or a lock's code as one compound word, with its ending ("portkoden", "Haustürcode",
#: "dørkoden", "ytterdörrskoden", ``lexicon.DOOR_CODE_PARTS``): a kind of word, judged once per
#: word the texts hold (those that end as a code's word only)
_DOOR_COMPOUND = re.compile(
    rf"(?:[^\W\d_]*(?:{lex(DOOR_CODE_PARTS)})|(?:(?:{lex(DOOR_CODE_PLACES)})s?)?(?:{lex(DOOR_CODE_SHORT)}))"
    rf"(?:s|e|en|ens|ets)?(?:{lex(DOOR_CODE_ENDS)})")
_DOOR_CODE_ENDS = tuple({fold(w).encode() for w in DOOR_CODE_ENDS.split("|")})
_DOOR_CODE_WORDS = WordClass(lambda w: w.endswith(_DOOR_CODE_ENDS) and _DOOR_COMPOUND.fullmatch(w.decode()) is not None)


#: a voucher's code of capitals and digits, in groups or not ("CRD-8812-KXQ7-TT3M"), after the
#: words of its clause as a code's (``_CODE_VALUE``)
_VOUCHER_VALUE = re.compile(
    _CODE_GAP + r"[\"'«„“]?(?P<code>(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,12}(?:-[A-Z0-9]{2,12}){0,5})(?![\w-])")


#: a code with a keypad's letter, after a code word and a sign or a few short words ("digicode
#: A4871", "Türcode ist B2609", "le digicode de l'immeuble : 4871B"): one capital before or after
#: three to seven digits, the whole word
_LETTERED_CODE = re.compile(r"(?:[ \t]*[:=：\-–][ \t]*|[ \t]+(?:[^\W\d_][\w'’]{0,14}(?:[ \t]*[:=][ \t]*|[ \t]+)){0,3})"
                            r"[\"'«„“]?(?P<code>[A-Z]\d{3,7}|\d{3,7}[A-Z])(?![\w-])")

#: what a door or entry code opens ("nøkkelboksen", "the front door", "kód od dveří"), and "code"
#: alone in the same sentence: the code after it is the door's
_ENTRY_WORD = Lexicon(ENTRY_WORDS, LOCKED_ROOM_WORDS)
#: (a text with none of them as a word gives no entry code: most texts, though many name a door or a gate)
_ENTRY_CODE_WORDS = frozenset(fold(w).encode() for w in ENTRY_CODE_WORDS.split("|"))
_ENTRY_CODE_WORD = re.compile(rf"(?<![\w-])(?:{lex(ENTRY_CODE_WORDS)})(?![\w-])")
#: the code close after the later of the two words: a sign, or a copula and a word or two ("koden
#: er 2-6-0-9", "the front door is 4-7-1-1", "der Code lautet jetzt A4871")
_ENTRY_GAP = r"(?:[ \t]*[:=：\-–][ \t]*|[ \t]+(?:[^\W\d_][\w'’]{0,14}(?:[ \t]*[:=][ \t]*|[ \t]+)){0,2})[\"'«„“]?"
#: a code that is a program's answer, a place's or a program's text, not a door's ("error code
#: 5021", "source code", "QR code", "postal code")
_NOT_ENTRY_CODE = re.compile(r"(?:exit|return|error|status|response|http|reason|result|source|qr|bar|country|postal|"
                             r"zip|area|post|program|firmware|fehler|quell|erreur|errore|codice sorgente|fout|"
                             r"bronn|bron|blad|chyba|chybovy|hiba|eroare|virhe|fel|fejl|feil|hata|viga|napaka|greska)"
                             r"[ \t-]*$")
_ENTRY_VALUE = re.compile(_ENTRY_GAP + _CODE_BODY)
_ENTRY_LETTERED = re.compile(_ENTRY_GAP + r"(?P<code>[A-Z]\d{3,7}|\d{3,7}[A-Z])(?![\w-])")
#: the code after the entry word told with its place, a street and its number or a floor, between
#: ("Koden till entrén på Albanovägen 29 är 2209", "the code for the entrance at 25 Science Park is
#: 3390"): up to seven words or short numbers (a house's number, 1 to 3 digits, is no code), then a
#: copula and the code (read in the folded view)
_ENTRY_PLACE_VALUE = re.compile(
    r"(?:[ \t]+(?:[^\W\d_][\w'’.-]{0,24}|\d{1,3}[^\W\d_]?),?){1,7}?"
    rf"[ \t]+(?:{lex(COPULAS)})[ \t]*:?[ \t]*[\"'«„“]?" + _CODE_BODY)
#: an account's recovery, reset, verification or login (``ACCOUNT_RECOVERY_WORDS``)
_ACCOUNT_RECOVERY = Lexicon(ACCOUNT_RECOVERY_WORDS)
#: "code" alone, then a one-time code's six digits (in two groups of three or not), a line's words
#: about the account's recovery or its login around: "Re: recuperação da conta – código 731 904 não
#: funciona", "AW: Kontowiederherstellung – Code 482 913 ungültig"
_ONE_TIME_CODE = re.compile(rf"(?<![\w-])(?:{lex(ENTRY_CODE_WORDS)})[ \t]*[:=#]?[ \t]*[\"'«„“]?"
                            r"(?P<code>\d{3}[ -]?\d{3})(?![\w-]|[.,:/]\d|[ -]?\d)")
#: a sentence's end, before or after the entry word
_SENTENCE_STOP = re.compile(r"[.!?;\n](?:\s|$)")


def _entry_codes(t: Text) -> Iterator[Finding]:
    """A code in a sentence that says what it opens: a key box's, a door's, a gate's ("Nøkkelen
    ligger i nøkkelboksen ved inngangen, koden er 2-6-0-9", "the code for the front door is
    4-7-1-1"): "code" alone, then the value as after a code word."""
    text, low = t.text, t.low
    done = -1
    for m in _ENTRY_WORD.finditer(t, 30, 60):
        lo = max(0, m.start() - 100)
        stops = [s.end() for s in _SENTENCE_STOP.finditer(low, lo, m.start())]
        lo = max(stops[-1] if stops else lo, done)
        stop = _SENTENCE_STOP.search(low, m.end(), min(len(low), m.end() + 140))
        hi = stop.start() + 1 if stop else min(len(low), m.end() + 140)
        # (every code word of the sentence gives its code: "kód od hlavních dveří 4729#, pokoj 12,
        # klíč je v schránce s kódem 0815", h54)
        for c in _ENTRY_CODE_WORD.finditer(low, lo, hi):
            if c.start() < done or _NOT_ENTRY_CODE.search(low, max(0, c.start() - 16), c.start()):
                continue
            at = max(c.end(), m.end())
            v = (_ENTRY_LETTERED.match(text, at, hi + 20) or _ENTRY_VALUE.match(text, at, hi + 20)
                 or _ENTRY_PLACE_VALUE.match(low, at, hi + 20))
            if v and not _YEAR.match(v.group("code")):
                yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end())  # (with its '#')
                done = v.end()


#: a login's second factor ("second factor", "2FA", "drugi składnik"); a six-digit code told a
#: sentence or two later, after a colon or a copula, with "code" between, is its one-time code
_SECOND_FACTOR = Lexicon(SECOND_FACTOR_WORDS)
_TOLD_CODE = re.compile(rf"(?:[ \t]*[:：]|[ \t]+(?:{lex(COPULAS)})[ \t]*:?)[ \t]*[\"'«„“]?"
                        r"(?P<code>\d{3}[ -]?\d{3})(?![\w-]|[.,:/]\d|[ -]?\d)")
#: a number's own label close before it: it is that number, not a code ("ticket: 482913")
_NUMBER_LABEL = re.compile(r"(?<![\w])(?:ticket|tickets|phone|tel|telefon|mobile|room|order|invoice|ref|reference|"
                           r"number|nr|no|id|version|port|pid|job|request|case|pin|error|fehler|erreur|errore|"
                           r"tiket|numer|nummer|numero|číslo|cislo|szám|szam|номер|αριθμ\w*)\W{0,3}(?:\w+\W+){0,2}$")


def _second_factor_codes(t: Text) -> Iterator[Finding]:
    """A one-time code told a sentence or two after the second factor it is for (read out, passed
    on, forwarded: "She just read it out to me: 482 913"), "code" named between them."""
    text, low = t.text, t.low
    done = -1
    for m in _SECOND_FACTOR.finditer(t, 30, 60):
        if m.start() < done:
            continue
        hi = low.find("\n\n", m.end(), m.end() + 400)
        hi = hi if hi >= 0 else min(len(low), m.end() + 400)
        for v in _TOLD_CODE.finditer(text, m.start(), hi):
            if _ENTRY_CODE_WORD.search(low, max(0, m.start() - 100), v.start()) is None \
                    or _NUMBER_LABEL.search(low, max(0, v.start() - 40), v.start()):
                continue
            yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end("code"))
            done = v.end()


_BOOKING_WORD = Lexicon(BOOKING_WORDS)
#: a booking's reference after its word, a few words or "n°" between ("Buchungsnummer 4471-8823-KB",
#: "localizador (PNR) XJ4K7P", "réservation n° 3489120577"): capitals and digits, in groups or not,
#: with a digit, or a PNR's six capitals
#: a reference numbered in its year, an office's way ("Buchungsreferenz RK-2024-0712" of a travel
#: cost office's refund): a series' count, no random code that opens a booking
_NUMBERED_IN_A_YEAR = re.compile(r"[A-Z]{1,5}-20[0-3]\d-\d{2,6}")
_BOOKING_VALUE = re.compile(
    r"(?:[^\d!?\n.;,\[\]]|\.(?=[ \t])){0,40}?(?<![\w-])[\"'«„“]?"
    r"(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9]{2,12}(?:-[A-Z0-9]{1,12}){0,4}|[A-Z]{6})(?![\w-])")


#: the code later in the sentence, after a copula ("kod jednorazowy z SMS-a, który dostałem przy
#: logowaniu, to 483920", "the code they sent me, after two tries, is 5521"); a place's short
#: number may stand between ("le digicode de la porte du bâtiment 13 est 4719B"), and a keypad's
#: letter, '#' or '*' after the digits belongs to the code
#: (the view reads "è" and "é", is, as "e")
_CODE_VALUE_LATER = re.compile(
    r"(?:[^.!?;\n\d(]|\([^()\n]{1,40}\)|(?<![\w.,/-])\d{1,3}(?=[ \t,]+[^\W\d_])){0,100}?[ \t]"
    r"(?:to|is|was|ist|war|lautet|est|était|è|e|era|es|é|je|jest|był|byl|bylo|er|var|är|on|oli|wynosi|zní|"
    r"είναι|ήταν|это|було|був|е|je bil)[ \t]+[\"'«„“]?"
    r"(?P<code>\d{4,8}(?:[A-Z](?![\w-])|[#*])?|\d{3}(?:[A-Z](?![\w-])|[#*]))(?![\d.,:/]\d|\d|[ \t]*%)")


#: how a one-time code reaches a person: an SMS, an authenticator app, a second factor
#: (as words of the text: a set intersection, not a search of every text with a digit)
#: (folded as the view is: the Cyrillic "смс" is the view's "cмc")
_CODE_CHANNELS = frozenset(fold(w).encode() for w in (
    "sms", "смс", "texted", "authenticator", "totp", "2fa", "mfa", "textmeddelande", "tekstbesked",
    "tekstmelding", "kurznachricht", "texto", "mesaj", "есемес", "эсэмэс", "μήνυμα", "μηνύματος"))
_CODE_CHANNEL_STEMS = tuple(fold(w).encode() for w in ("tekstivie", "wiadomos", "zprav", "sprav", "uzenet", "sms",
                                                         "повідомлен", "сообщени", "съобщени", "порук"))
_CODE_CHANNEL_WORDS = WordClass(lambda w: w in _CODE_CHANNELS or w.startswith(_CODE_CHANNEL_STEMS))
#: (and in the stretch before a code, as text: the same words and stems)
_CODE_CHANNEL = re.compile("|".join(sorted({w.decode() for w in _CODE_CHANNELS | set(_CODE_CHANNEL_STEMS)}, key=len,
                                           reverse=True)))


def _channel_in(low: str) -> bool:
    return _CODE_CHANNEL.search(low) is not None


#: "code" alone, in EGI's languages as the view folds them ("The code is 483920" once the message
#: has said it came by SMS), found from its first letters with ``str.find``; with the endings a
#: sentence gives it ("prejel sem SMS kodo 482913", "SMS kódot kaptam", "SMS-koden", "gavau kodą",
#: "SMS ile gelen kodunu", "sain koodia"), singular and plural
_PLAIN_CODE = re.compile(r"(?:codes?|codul|codului|coduri|codice|codici|codigos?|cod|"
                         r"kod(?:a|ai|as|e|em|en|ens|er|erne|ene|i|o|om|ot|ok|ja|jat|s|u|um|un|unu|unuz|y|zie|ove|ov)?|"
                         r"koodi(?:a|n|t|ga|lla|sta|ksi|d|de)?|kood(?:id|iga)?)(?![\w-])")
_PLAIN_CODE_STARTS = ("cod", "kod", "kood")
#: an error's word after "code", in its case ("koda napake", "kod błędu", "code d'erreur"): the code
#: is a program's answer
_ERROR_OF_CODE = re.compile(r"(?<![\w])(?:error|errors|napake|napaka|bledu|błędu|chyby|hiba|hibakod|erreur|errore|"
                            r"eroare|erori|virheen|virhe|fejl|feil|fel|felet|fehler|greske|greške|hatasi|hatası|klaidos|"
                            r"kludas|kļūdas|vea|hibaja|fout|foutcode)(?![\w])")


#: the same word in the Greek and Cyrillic scripts ("SMS με κωδικό 482913", "код из смс")
_PLAIN_CODE_OTHER_SCRIPTS = Lexicon(r"κωδικός|κωδικό|κωδικού|κωδικο|код|кода|коду|кодот|кодът")


def _plain_codes(t: Text) -> Iterator[re.Match[str]]:
    low = t.low
    for start in _PLAIN_CODE_STARTS:
        i = low.find(start)
        while i >= 0:
            m = _PLAIN_CODE.match(low, i)
            if m and not (i and (low[i - 1].isalnum() or low[i - 1] in "_-")):
                yield m
            i = low.find(start, i + 1)
    if not t.ascii:
        yield from _PLAIN_CODE_OTHER_SCRIPTS.finditer(t, 10, 40)


#: the next code of a list of them ("codes de secours 4821-9937 7710-2284", "38274615, 90182734"):
#: digits in groups, after a space, a comma or an "and"
_NEXT_CODE = re.compile(r"(?P<sep>[ \t]*[,;/][ \t]*|[ \t]+(?:and|und|et|e|y|i|a|és|ja|og|och|ve|и|і|та|και|oraz|și|si)[ \t]+|"
                        r"[ \t]+|-)(?P<code>\d{3,8}(?:-\d{3,8})?)(?![\w-])")
_DIGIT_RUN = re.compile(r"\d+")
_LIST_GOES_ON = re.compile(r"[ \t]*(?:[,;.)\n]|$|\d)")


def _shape(code: str) -> str:
    """A code's shape: its digits as '0' ("4821-9937" -> "0000-0000")."""
    return _DIGIT_RUN.sub(lambda d: "0" * len(d.group()), code)


def _more_codes(text: str, start: int, end: int) -> Iterator[Finding]:
    """The codes after a code word's first (``text[start:end]``), when it names a list of them:
    every one of the first's shape is a key ("4821-9937 7710-2284", "38274615, 90182734"). A
    short one after a mere space only when the list goes on after it ("4410 9921, 3318 0072"):
    "passcode 4471 2025 attendees" lists no codes."""
    shape = _shape(text[start:end])
    for _ in range(20):
        m = _NEXT_CODE.match(text, end)
        if m is not None and m.group("sep") == "-":  # (the first's next group: "4821-9937")
            shape += "-" + _shape(m.group("code"))
            yield Finding("credential.code", CREDENTIAL, m.start("code"), m.end("code"))
            end = m.end()
            continue
        if m is None or _shape(m.group("code")) != shape:
            return
        if m.group("sep").strip() == "" and sum(c.isdigit() for c in m.group("code")) < 6 and "-" not in shape \
                and not _LIST_GOES_ON.match(text, m.end()):
            return
        yield Finding("credential.code", CREDENTIAL, m.start("code"), m.end("code"))
        end = m.end()


#: a code keyed on a keypad, ended by the '#' it wants ("code 4729#", "badge + codice 4719#", "PIN
#: 9072 6613#"): digits, in groups or not, the key, then no more of the word; a USSD's "*100#" is
#: shorter (the view has dropped its star). (A code ended by '*' reaches the detectors without it:
#: the view reads a star as emphasis.)
#: (or keyed one by one, a dash between the keys and before the '#': "4-7-1-9-#"; spaced single
#: digits are the spaced form's rule's, which an error code's word vetoes)
_KEYED = re.compile(r"(?:(?:\d{2,4}[ ]){1,3}\d{2,4}|\d{4,8}|\d(?:-\d){3,7}-?)#$")
_KEYED_END = re.compile(r"#(?:[\s.,;:)\]!?\"'»”]|$)")


def _keyed_codes(text: str) -> Iterator[Finding]:
    i = text.find("#")
    while i >= 0:
        if i >= 4 and (text[i - 1].isdigit() or text[i - 1] == "-" and text[i - 2].isdigit()) and _KEYED_END.match(text, i):
            m = _KEYED.search(text, max(0, i - 20), i + 1)
            if m and not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "#*+-./_,")):
                yield Finding("credential.code", CREDENTIAL, m.start(), i + 1)
        i = text.find("#", i + 1)


#: a code said to have come by its channel, a colon and the digits after it, in one group or two
#: ("I received this by SMS: 482 913", "dostałem SMS-em: 4829 13", "mi è arrivato via SMS: 482913")
_AFTER_CHANNEL = re.compile(r"(?:[ \t-]+[^\W\d_]{1,12}){0,2}[ \t]*:[ \t]*[\"'«„“]?"
                            r"(?P<code>\d{3,4}[ -]\d{2,4}|\d{4,8})(?![\d.,:/]\d|\d|[ \t]*%|[ -]\d)")


def _codes_after_channel(t: Text) -> Iterator[Finding]:
    """A code after its channel's word and a colon, when the text names a code (its word anywhere
    before: "asks for a verification code ... I received this by SMS: 482 913"); a phone number
    after "SMS:" has nine digits or more."""
    low = t.low
    code_at = min((m.start() for m in chain(_CODE_WORD.finditer(t, 30, 120), _plain_codes(t))), default=-1)
    if code_at < 0:
        return
    for m in _CODE_CHANNEL.finditer(low, code_at):
        if m.start() and low[m.start() - 1].isalnum():
            continue
        end = m.end()
        while end < len(low) and low[end].isalnum():
            end += 1  # the channel's word's ending ("SMS-em", "wiadomością")
        v = _AFTER_CHANNEL.match(t.text, end)
        if v and not _YEAR.fullmatch(v.group("code")):
            yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end("code"))


#: an account's backup codes named, then (later in the paragraph) a colon and a list of two or more
#: codes of one shape ("backup codes for my Check-in 2FA. Putting two of them here ...: 83172290
#: 44710938", "kody zapasowe ... oto dwa:\n- 4821 9937\n- 7710 2284")
_BACKUP_CODE_WORD = Lexicon(BACKUP_CODE_WORDS)
_ONE_CODE = r"(?:\d{6,10}|\d{3,5}[- ]\d{3,5})"
_LISTED_CODES = re.compile(
    r":[ \t]*(?:\n[ \t]*)?(?:[-*•][ \t]+)?(?P<list>" + _ONE_CODE
    + r"(?:(?:[ \t]*[,;][ \t]*|[ \t]+|[ \t]*\n[ \t]*(?:[-*•][ \t]+)?)" + _ONE_CODE + r"){1,15})(?![\w.,:/-]?\d|[^\W\d])")
_ONE_CODE_RE = re.compile(_ONE_CODE)


def _listed_backup_codes(t: Text) -> Iterator[Finding]:
    text = t.text
    done = -1
    for m in _BACKUP_CODE_WORD.finditer(t, 30, 60):
        if m.end() < done:
            continue
        para = text.find("\n\n", m.end())
        hi = min(len(text), m.end() + 320, para if para >= 0 else len(text))
        colon = text.find(":", m.end(), hi)
        while colon >= 0:
            v = _LISTED_CODES.match(text, colon)
            if v:
                codes = _ONE_CODE_RE.findall(v.group("list"))
                shapes = {_shape(c) for c in codes}
                # (not a run of ids or dates: one prefix for all, "4471823 4471824", "20240117 20240118")
                if len(shapes) == 1 and len({c[:3] for c in codes}) > 1 and not all(_YEAR.match(c[:4]) for c in codes):
                    yield Finding("credential.code-list", CREDENTIAL, v.start("list"), v.end("list"))
                    done = v.end()
                break
            colon = text.find(":", colon + 1, hi)


def _account_one_time_codes(t: Text) -> Iterator[Finding]:
    """A one-time code of six digits after "code" alone, its line about the account's recovery, reset,
    verification or login (``_ONE_TIME_CODE``); not an error's or a status's code ("error code 500 302")."""
    low = t.low
    for m in _ACCOUNT_RECOVERY.finditer(t, 30, 60):
        lo, hi = t.line_span(m.start())
        for v in _ONE_TIME_CODE.finditer(low, lo, hi):
            if _NOT_ENTRY_CODE.search(low, max(0, v.start() - 16), v.start()):
                continue
            yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end("code"))


def _hyphened_door_codes(t: Text) -> list[int]:
    """Where a door's code written with a hyphen ends ("Tür-Code", "dør-koden", "ovi-koodi"): the
    word before the hyphen and the code's word after it read as one compound."""
    low, out = t.low, []
    for piece in ("-cod", "-kod", "-kood"):
        for i in t.positions(piece):
            start = i
            while start > 0 and low[start - 1].isalpha():
                start -= 1
            end = i + len(piece)
            while end < len(low) and low[end].isalpha():
                end += 1
            if start < i and _DOOR_COMPOUND.fullmatch(low[start:i] + low[i + 1:end]):
                out.append(end)
    return out


def _code_after(text: str, end: int) -> Iterator[Finding]:
    """The code after a code's word ending at ``end``, in its clause (and the list it opens)."""
    lettered = _LETTERED_CODE.match(text, end)
    if lettered:  # "digicode A4871", "Türcode 4871B": a keypad's letter with the digits
        yield Finding("credential.code", CREDENTIAL, lettered.start("code"), lettered.end("code"))
        return
    v = _CODE_VALUE.match(text, end) or _CODE_VALUE_LATER.match(text, end)
    if v and not (_YEAR.match(v.group("code")) and ":" not in v.group()):
        yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end())
        yield from _more_codes(text, v.start("code"), v.end())


def pins(t: Text) -> Iterator[Finding]:
    """A PIN: 4 to 8 digits right after a PIN word (a year is a date, not a PIN); a door, safe or
    login code: digits in the clause of a code word; a voucher's code or a booking's reference,
    of capitals and digits."""
    for m in _PIN_WORD.finditer(t, 10, 40):
        box = _PIN_OF_VOICEMAIL.match(t.low, m.end())
        v = _PIN_VALUE.match(t.text, box.end() if box else m.end())
        if v and not (_YEAR.match(v.group("pin")) and len(v.group("pin")) == 4 and ":" not in v.group()):
            yield Finding("credential.pin", CREDENTIAL, v.start("pin"), v.end("pin"))
    if t.has_digit:
        if "#" in t.text:
            yield from _keyed_codes(t.text)
        for m in _CODE_WORD.finditer(t, 30, 120):  # (30 before: a phrase's anchor may be its fourth word)
            yield from _code_after(t.text, m.end())
        for word in _DOOR_CODE_WORDS.among(t.words):  # "portkoden till serverhallen är 4719"
            w = word.decode()
            for at in t.word_positions(w):
                yield from _code_after(t.text, at + len(w))
        for end in _hyphened_door_codes(t):  # "Tür-Code ist 4719", "hoveddør-koden er"
            yield from _code_after(t.text, end)
        if t.has_digit and not _ENTRY_CODE_WORDS.isdisjoint(t.words) and _ENTRY_WORD.present(t):
            yield from _entry_codes(t)
        if not _ENTRY_CODE_WORDS.isdisjoint(t.words) and _ACCOUNT_RECOVERY.present(t):
            yield from _account_one_time_codes(t)
        if _BACKUP_CODE_WORD.present(t):
            yield from _listed_backup_codes(t)
        if _SECOND_FACTOR.present(t):
            yield from _second_factor_codes(t)
        for m in _VOUCHER_WORD.finditer(t, 30, 120):
            v = _VOUCHER_VALUE.match(t.text, m.end())
            if v:
                yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end("code"))
        if _CODE_CHANNEL_WORDS.among(t.words):
            yield from _codes_after_channel(t)
            for m in _plain_codes(t):
                v = _CODE_VALUE.match(t.text, m.end()) or _CODE_VALUE_LATER.match(t.text, m.end())
                if v and (_NOT_ENTRY_CODE.search(t.low, max(0, m.start() - 16), m.start())
                          or _ERROR_OF_CODE.search(t.low, m.end(), v.start("code"))):
                    continue  # "SMS error code 5023", "koda napake 5023": a program's answer, not a login's
                if v and not _YEAR.match(v.group("code")) and _channel_in(t.low[max(0, m.start() - 240):v.end()]):
                    yield Finding("credential.code", CREDENTIAL, v.start("code"), v.end())


def bookings(t: Text) -> Iterator[Finding]:
    """A booking's reference after its word (capitals and digits, or a PNR's six capitals with no
    digit: "PNR QXKTZA"), and the traveller's surname said beside it (the two open the booking):
    "Localizador: XKQ7TZ, apellido GARCÍA LÓPEZ", "surname Novak, booking ref 4KX9TQ"."""
    for m in _BOOKING_WORD.finditer(t, 30, 80):
        v = _BOOKING_VALUE.match(t.text, m.end())
        if v and len(v.group("code")) >= 5 and not _YEAR.match(v.group("code")) \
                and not _NUMBERED_IN_A_YEAR.fullmatch(v.group("code")) \
                and (t.has_digit or len(v.group("code")) == 6):
            yield Finding("credential.booking", CREDENTIAL, v.start("code"), v.end("code"))
            lo = max(0, m.start() - 80)
            for s in _SURNAME_WORD.finditer(t.low, lo, min(len(t.low), v.end() + 80)):
                if not (s.end() <= m.start() or s.start() >= v.end()) or _SENTENCE_BREAK.search(
                        t.text, min(s.end(), v.end()), max(s.start(), m.start())):
                    continue  # (the label beside the reference, in its sentence)
                name = _SURNAME_VALUE.match(t.text, s.end(), min(len(t.text), s.end() + 60))
                # (its capitalised words: "GARCÍA LÓPEZ", not the words after, "por si ...")
                caps = list(re.finditer(r"[^\W\d_][\w'’-]*", name.group("name"))) if name else []
                if name and caps and caps[0].group()[0].isupper():
                    last = next((i for i, w in enumerate(caps) if not w.group()[0].isupper()), len(caps))
                    end = name.start("name") + caps[last - 1].end()
                    # (the pair opens the booking: the phrase goes whole, from the first label to
                    # the last value, "Localizador: XKQ7TZ, apellido GARCÍA LÓPEZ")
                    yield Finding("credential.booking", CREDENTIAL, min(m.start(), s.start()), max(end, v.end("code")))


#: the surname's label (``lexicon.SURNAME_WORDS``), whole words
_SURNAME_WORD = re.compile(words(SURNAME_WORDS))
#: the name after its label: capitalised words, a slash between surname and given name as tickets
#: write it ("NOVAK/JANA MS"), a colon or "is" before
_SURNAME_VALUE = re.compile(r"[ \t]*(?:[:=]|is|ist|est|es|è|é|je|to)?[ \t]*[\"'«„“]?"
                            r"(?P<name>[^\W\d_][\w'’-]*(?:(?:[ \t]+|/)[^\W\d_][\w'’-]*){0,3})")
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:\s|$)")


def stored_hashes(t: Text) -> Iterator[Finding]:
    text = t.text
    if "$" in text:
        for m in _CRYPT.finditer(text):
            if len(m.group()) >= 16 and _DIGIT.search(m.group()) or len(m.group()) >= 24:
                yield Finding("credential.password-hash", CREDENTIAL, m.start(), m.end())
    if "{" in text:
        for m in _LDAP.finditer(text):
            yield Finding("credential.password-hash", CREDENTIAL, m.start(), m.end())
    if "$" in text and ":$" in text or "::" in text:  # a shadow line's empty fields, an htpasswd line's crypt hash
        for m in _ACCOUNT_LINE.finditer(text):
            value = m.group("hash")
            if _DIGIT.search(value) or "$" in value or "/" in value or "." in value:
                # (the account's name goes with it: "nagiosadmin:$apr1$..." names the login to attack)
                user = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
                yield Finding("credential.password-hash", CREDENTIAL, user, m.end("hash"))


def session_cookies(t: Text) -> Iterator[Finding]:
    if not _COOKIE_WORDS.intersection(t.words):
        return
    for m in _COOKIE.finditer(t.text):
        value = m.group("value").strip("\"'")
        if _DIGIT.search(value) or looks_random(value):
            yield Finding("credential.session-cookie", CREDENTIAL, m.start("value"), m.end("value"))


#: an ODBC/ADO.NET connection string: "Server=...;Database=...;Uid=...;Pwd=...;", pairs apart by ';'
_KEYED_CONNECTION = re.compile(r"(?:[A-Za-z][\w .]{0,30}=[^;=\n]*;[ \t]*){2,}[A-Za-z][\w .]{0,30}=[^;=\n]*;?")
_PASSWORD_PAIR = re.compile(r"(?:^|;)[ \t]*(?:pwd|password|passwd|pass)[ \t]*=[ \t]*[^;\s]", re.IGNORECASE)


def connection_strings(t: Text) -> Iterator[Finding]:
    text = t.text
    if ";" in text and "=" in text and ("pwd" in t.low or "pass" in t.low):
        # a working login, as a URI with a password is: the whole string goes (server, user and all)
        for m in _KEYED_CONNECTION.finditer(text):
            if _PASSWORD_PAIR.search(m.group()):
                yield Finding("credential.connection-string", CREDENTIAL, m.start(), m.end())
    if "@" not in text or "/" not in text:
        return
    for m in _CONNECT.finditer(text):
        host = m.group("host")
        if _NOT_A_HOST.match(host):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.group("port") or _CONNECT_CONTEXT.search(text, line_start, m.start()) or host.startswith("("):
            yield Finding("credential.connection-string", CREDENTIAL, m.start("password"), m.end("password"))


# --- answers to security questions, recovery words ---------------------------------------------

_SECURITY_QUESTION = Lexicon(SECURITY_QUESTIONS)
#: the answer: after a dash, a colon or "is" at the end of the question, a few words to the end of
#: the sentence or line
_ANSWER = re.compile(r"[^\n.!?:–—-]{0,60}?(?:[ \t]*[:–—][ \t]*|[ \t]+-[ \t]+|[ \t]+(?:is|ist|est|es|è|é|is|jest|je|on|är|er)[ \t]+)"
                     r"(?P<answer>[^\s.!?,;:][^\n.!?;]{0,40}?)[ \t]*(?:[.!?;]|$)", re.MULTILINE)
_RECOVERY = Lexicon(RECOVERY_PHRASES)
#: twelve to twenty-four words of letters after it, as a wallet's words are written
_RECOVERY_WORDS = re.compile(r"[^\n]{0,30}?[:=][ \t]*(?P<words>[a-z]{3,8}(?:[ \t]+[a-z]{3,8}){11,23})(?![ \t]*[a-z])")


def secret_answers(t: Text) -> Iterator[Finding]:
    """The answer to a security question ("nombre de mi primera mascota – Rocky") and a wallet's
    or a key's recovery words ("herstelzin: apple river stone ..."): each opens an account."""
    for m in _SECURITY_QUESTION.finditer(t, 10, 60):
        a = _ANSWER.match(t.text, m.end())
        if a and a.group("answer").strip():
            yield Finding("credential.security-answer", CREDENTIAL, a.start("answer"), a.end("answer"))
    for m in _RECOVERY.finditer(t, 10, 60):
        w = _RECOVERY_WORDS.match(t.low, m.end())
        if w:
            yield Finding("credential.recovery-words", CREDENTIAL, w.start("words"), w.end("words"))
