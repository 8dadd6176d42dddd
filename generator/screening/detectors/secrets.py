"""Credentials anchored on words and on the usual command-line and configuration forms.

* A password word in any of EGI's languages (``lexicon.PASSWORD_WORDS``), then its value: after a
  colon or ``=``, after a verb ("is", "lautet", "è", "är", "je", "este", ...), after a few
  qualifying words ("Passwort für den Dienstaccount:", "heslo k databázi je"), on the next line
  ("lozinka:" then a blank line, then the value), in quotes or guillemets. The value is the
  first token unless it is a placeholder (``<password>``, ``$VAR``, ``********``) or prose
  ("ask the site admin"); after a colon, a short run of words without any function word is a
  passphrase and goes whole.
* ``NAME=value``, ``name: value``, ``"name": "value"`` where the name holds a secret word
  (``OS_PASSWORD``, ``client_secret``, ``DB_ADGANGSKODE``, ``_authToken``, ``Pwd``) and does not
  end in a word about the secret (``_id``, ``_url``, ``_file``, ``_lifetime``, ...).
* HTTP headers: ``Authorization`` (whatever the scheme), ``Cookie``, ``X-Auth-Token``,
  ``PRIVATE-TOKEN``, ``X-API-Key``.
* Command-line forms: ``--password x``, ``-p x`` / ``-px`` after the commands that read a
  password that way (mysql, sshpass, docker login, ldapsearch ``-w``, keytool ``-storepass``,
  openssl ``pass:``), ``curl -u user:pass``, ``smbclient -U user%pass``, and ``echo x |`` into a
  command that reads a password from its input.
* A table whose header names a password column: every cell below it.
* A value handed over without any password word ("I've reset it to ...", "here it is:"), and a
  made-up word (cases mixed, digits or symbols in it: "Tulip-42-Rain") in a sentence about logging
  in ("Entra con ...", "Uloguj se sa ...") or describing a password's characters ("capital B, ...").
* A password word misspelt or shortened ("pa55word", "ww", "contr."): only a value that looks like
  a secret, said after a sign or a verb, is taken.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    CREDENTIAL,
    Finding,
    Lexicon,
    Text,
    WordClass,
    anchor_words,
    fold,
    folded_too,
    lex,
)
from generator.screening.detectors.keys import public_blocks
from generator.screening.detectors.shapes import (
    HOST_NAME,
    SSH_KEY_TYPE,
    domain_name,
    looks_random,
    masked,
    public_shape,
)
from generator.screening.lexicon import (
    ABBREVIATED_PASSWORD_WORDS,
    ACCOUNT_CONTEXT_WORDS,
    AS_FOLLOWS,
    AT_LEAST_WORDS,
    CHARACTER_WORDS,
    COPULAS,
    DIGIT_NAMES,
    DOCUMENTED_EXAMPLE_KEYS,
    HANDED_OUT_STEMS,
    IT_WAS_PHRASES,
    LENGTH_UNITS,
    LOGIN_PHRASES,
    NOT_A_VALUE,
    NOT_SECRET_KEY_ENDINGS,
    PASSPHRASE_WORDS,
    PASSWORD_WORDS,
    PROGRAM_ERROR_WORDS,
    PUBLIC_KEY_WORDS,
    RECIPE_WORDS,
    REVEAL_PHRASES,
    SCHEMA_KEY_AFTER_WORDS,
    SCHEMA_KEY_BEFORE_WORDS,
    SECRET_KEY_PARTS,
    SHORT_PASSWORD_WORDS,
    SPELLING_WORDS,
    STEPS_WORDS,
    STOPWORDS,
    TICKET_PASSES,
    TITLE_ABBREVIATIONS,
    TOKEN_WORDS,
    VALUE_VERBS,
    WIFI_KEY_WORDS,
    WIFI_WORDS,
)

#: (the second word of a compound counts: "Root-Passwort", "admin-password"; not a flag's "--password")
_PASSWORD = Lexicon(*PASSWORD_WORDS, template=r"(?<![\w'])(?:(?<=\w-)|(?<!-))(?:{body})(?![\w-])")
#: the words of a secret made of words: after one and its verb, several plain words are the value
_PHRASE_WORD = re.compile(rf"(?:{lex(PASSPHRASE_WORDS)})$")
_SHORT_PASSWORD = Lexicon(
    SHORT_PASSWORD_WORDS,
    template=r"(?<![\w'-])(?:{body})(?![\w-])(?:[ \t]+[^\W\d_]{1,20}){0,3}[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:[:：]|=(?!=))")
#: ... or with a verb: "ο κωδικός ήταν Θάλασσα!2024", "the key is Tr0ub4dor&3" (a word that is a
#: code or a key of anything: the value must be a made-up word)
_SHORT_PASSWORD_SAID = Lexicon(
    SHORT_PASSWORD_WORDS,
    template=rf"(?<![\w'-])(?:{{body}})(?![\w-])[ \t]+(?:{lex(COPULAS)})(?![\w-])[ \t]+(?P<value>[^\s]{{8,64}})")
_PUBLIC_BEFORE = re.compile(rf"(?:{lex(PUBLIC_KEY_WORDS)})[^\n]{{0,12}}$")
_TOKEN_WORD = Lexicon(TOKEN_WORDS)
_ABBREVIATED = Lexicon(ABBREVIATED_PASSWORD_WORDS)
_SAYS_VALUE = re.compile(rf"[:=：]|(?<![\w-])(?:{lex(COPULAS)})(?![\w-])")
_HEXADECIMAL = re.compile(r"(?:0x)?[0-9a-fA-F]{16,}")
_NOW = (r"now|nu|jetzt|nun|maintenant|désormais|ora|adesso|ahora|agora|teraz|nyní|teď|teraz|nyt|nüüd|acum|"
        r"dabar|tagad|sada|zdaj|сега|сейчас|теперь|зараз|тепер|τώρα|şimdi|עכשיו|still|noch|encore|ancora|todavía")
_SEPARATOR = re.compile(
    rf"\s*(?:(?P<sign>:=|=>|->|→|[:：]|(?<![=!<>])=(?!=))|(?P<verb>(?<![\w-])(?:{lex(COPULAS)})(?![\w-])"
    rf"(?:\s+(?:{lex(_NOW)})(?!\w))?(?:\s+(?:{lex(VALUE_VERBS)})(?![\w-]))?\s*:?))\s*")
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|'[^'\n]{1,200}'|«[^»\n]{1,200}»|`[^`\n]{1,200}`|‹[^›\n]{1,200}›")
_VALUE_END = ".,;:)]}>…"  # not '!' or '?': a password may end with them
_PLACEHOLDER = re.compile(
    r"(?:[<‹][^>›]*[>›]?|\[[^\]]*\]?|\([^)]*\)?|\{\{.*\}\}|\{[\w.-]*\}|\$\{?[\w.-]+\}?|\$\(.*|\$[A-Za-z_]\w*\(.*|%\(?\w+\)?s?|%\w+%|"
    r"[*•●x.\-_?#]+|(?:xxx+|XXX+|\*\*\*+)[\w*]*|[\w-]{0,12}[_-](?:x{4,}|X{4,}|\*{4,}|0{6,})|\.\.\.|…|"
    r"(?:https?|ftp)://\S*|/[\w./-]*|~/[\w./-]*|[a-z][\w.-]*(?:/[a-z][\w.-]*){2,}/?|[\w.-]+:/[\w./-]+|\./[\w./-]*|[\w-]*\.(?:pem|key|crt|p12|pfx|txt|json|yaml|yml|"
    r"conf|cfg|env|ini|sh|py|jks|keytab|asc|gpg)\??)"
)
#: placeholders of template languages (Jinja, GitHub Actions, shell, Python %-formatting, <NAME>;
#: ‹NAME› as a page's description writes it: ``site.text.plain_attribute``)
_TEMPLATE = re.compile(r"\$?\{\{[^{}\n]{0,80}\}\}|\{%[^%\n]{0,80}%\}|\$\{[^}\n]{0,80}\}|%\([\w.-]+\)[sdr]|"
                       r"[<‹][A-Za-z_][\w .-]{0,40}[>›]|\[\[[^\]\n]{0,60}\]\]")
#: just before a password word, the opening of a placeholder it is the name of ('%(password)s')
_INSIDE_PLACEHOLDER = re.compile(r"(?:%\(|\{\{[ \t]*[\w.]*|\$\{\{?[ \t]*(?:secrets\.|vars\.|env\.)?|\$\{[\w.-]*|<|\{)$")
#: (each word as written and as the view folds it: the view reads "küsi" as "kusi")
_DOCUMENTED = frozenset(DOCUMENTED_EXAMPLE_KEYS)
_NOT_A_VALUE = folded_too(NOT_A_VALUE) | {"bearer", "basic", "digest", "oauth", "oauth2", "oidc", "jwt",
                                          "token", "negotiate", "ntlm", "none", "prompt", "stdin"}
_STOPWORDS = folded_too(STOPWORDS)
#: the abbreviations whose dot ends no sentence ("... at the end, i.e. Harbour-Seal-71!")
_NOT_AFTER_ABBREVIATION = r"(?<!i\.e)(?<!e\.g)(?<!z\.B)(?<!d\.h)"
_SENTENCE_END = re.compile(_NOT_AFTER_ABBREVIATION + r"[.!?](?:\s+(?=[A-Z\u00c0-\u024f\u0370-\u04ff])|\s*\n\s*\n)")
_WINDOW = 140
_QUALIFIER = re.compile(r"\s*(?:\([^()\n]{0,60}\)|[^\s:=]+)")


_ESCAPES = re.compile(r"^(?:\\[nrt\"'])+|(?:\\[nrt\"'])+$")


#: a reference to a value kept elsewhere: a variable of a configuration language (Terraform
#: ``var.db_password``, GitHub Actions ``secrets.X``, Node ``process.env.DB_PASS``), a YAML tag
#: that reads or decrypts it (``!vault``, ``!Ref``, Home Assistant's ``!secret``). The names are
#: written as code names are (snake_case, CAPITALS, camelCase): "data.Summer2024" is a password.
_REFERENCE = re.compile(
    r"(?:var|local|module|data|each|self|vars|secrets|inputs|env|needs|steps|matrix|github|context|"
    r"process\.env|import\.meta\.env|Deno\.env|ENV|settings|config|values|params|parameters)"
    r"(?:\.(?:[a-z_][a-z0-9_]*|[A-Z_][A-Z0-9_]*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+))+(?:\[[^\[\]\n]{1,60}\])?|"
    r"!(?i:vault|ref|sub|getatt|secret|env_var|env|include|importvalue|findinmap|join|select|base64|"
    r"encrypted/pkcs1-oaep|sops|ssm|kms|aws_secrets)(?:[ \t]*[|>][-+]?)?")


def _is_placeholder(value: str) -> bool:
    # (a text cut short ends with an ellipsis, a search snippet's "Authorization: Bearer…": what
    # stands before it is judged, the scheme's word alone no value)
    v = _ESCAPES.sub("", value).strip("\"'«»`‹›“”„‘’‚\\").removesuffix("…").removesuffix("...")
    return not v or bool(_PLACEHOLDER.fullmatch(v)) or v.lower() in _NOT_A_VALUE or "[redacted:" in v or v in _DOCUMENTED \
        or _capital_placeholder(v) \
        or v.startswith("[") or _names_a_secret(v) or bool(_REFERENCE.fullmatch(v)) or masked(v)


def _capital_placeholder(value: str) -> bool:
    """A word about the value written as a name in capitals: "CHANGE_ME", "CHANGEME", "YOUR-TOKEN"."""
    return value.isupper() and value.lower().replace("_", "").replace("-", "") in _NOT_A_VALUE


def _names_a_secret(value: str) -> bool:
    """Words that name the secret instead of giving it: "your password", "YOUR_API_TOKEN",
    "‹the secret›" (letters only, two words or more, one of them a secret's name)."""
    words = re.split(r"[ _-]+", value.strip("<>‹›()[]{} "))
    if len(words) == 1 and value.isalpha() and value.isupper() and _PASSWORD.pattern.fullmatch(value.lower()):
        return True  # a password word in capitals stands for the value: "curl -u POUZIVATEL:HESLO"
    return len(words) >= 2 and all(w.isalpha() for w in words) \
        and any(_SECRET_PART.fullmatch(w.lower()) or _PASSWORD.pattern.fullmatch(w.lower()) for w in words)


#: a value that is code reading the secret from elsewhere, not the secret: a call or a lookup
#: on a name ("th.getAttribute('data-key')", "getpass()", "os.environ['DB_PASS']"), then the
#: end of the statement. The name holds no digit ("Xy7(kL2)" is a password), unless it is
#: qualified by a module's or a namespace's ("boto3.Session(...)", "keyring::key_get(...)",
#: "argon2.hash(plain)"); every argument is a name, a number or a quoted word that is no secret
#: itself, by keyword or not.
_CODE_READ = re.compile(
    r"(?:new[ \t]+)?(?:[A-Za-z_$][A-Za-z_$]*(?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*)*"
    r"|[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)+)[ \t]*"
    r"(?:\((?P<call>[^()\n]{0,120})\)|\[(?P<index>[^\[\]\n]{1,120})\])"
    r"(?:[ \t]*\.[ \t]*[A-Za-z_$][\w$]*[ \t]*(?:\([^()\n]{0,120}\))?)*"
    r"[ \t]*(?=[;,)}\]]|$|[ \t]*(?://|#|\|\||\?\?|or\b))", re.MULTILINE)
_CODE_ARGUMENT = re.compile(r"[ \t]*(?:(?P<keyword>[A-Za-z_]\w*)[ \t]*=[ \t]*)?"
                            r"(?:[A-Za-z_$][\w$.]*|\d+|\"(?P<dq>[^\"\n]*)\"|'(?P<sq>[^'\n]*)')[ \t]*")


#: a value that is itself a name set to something ("password=<your password>" after "password
#: needs:"): a name of letters (a password such as "X67tC=mi?VQcr" has digits before its '=')
_ASSIGNED = re.compile(r"[A-Za-z][A-Za-z_.-]{2,60}[ \t]*(?::=|=(?!=)|:(?!//))[ \t]*(?=\S)")
#: ... written as names are: lower or upper case, snake_case, dotted or camelCase; a mix of cases
#: like "Q-HdtQb" is the first part of a password ("Q-HdtQb=xxNj55")
#: a setting's key heading the next line, digits in it too ("fts3.db.passwordFile=", "s3.endpoint:"):
#: after an empty "password=" or a lone "password", the next setting, not its value
_SETTING_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{2,60}[ \t]*(?::=|=(?!=)|:(?!//))[ \t]*(?=\S)")
_NAME_LIKE = re.compile(r"[a-z][a-z0-9_.-]*|[A-Z][A-Z0-9_.-]*|[A-Za-z][a-z0-9]*(?:[A-Z_.-][a-z0-9]+)+")


def _reads_from_code(text: str, start: int) -> bool:
    """Is the value at ``start`` code that reads the secret from elsewhere (``_CODE_READ``)?"""
    m = _CODE_READ.match(text, start)
    if not m:
        return False
    arguments = m.group("call") if m.group("call") is not None else m.group("index")
    for argument in arguments.split(",") if arguments.strip() else ():
        a = _CODE_ARGUMENT.fullmatch(argument)
        if not a:
            return False
        quoted = a.group("dq") if a.group("dq") is not None else a.group("sq")
        if a.group("keyword") and not _SECRET_PART.search(a.group("keyword").lower()):
            continue  # Session(profile_name="egi-s3"): the keyword says what the argument is
        if quoted is not None and (_secretish(quoted) and not re.fullmatch(r"[A-Za-z][A-Za-z_.:-]*", quoted)):
            return False  # decrypt("Sup3r-S3cret!"): the argument is the secret
    return True


def _plain_word(token: str) -> bool:
    """An ordinary word of prose (letters only, natural casing)."""
    core = token.strip(_VALUE_END + "\"'«»“”")
    return bool(core) and all(c.isalpha() or c in "'’-" for c in core) and (
        core.islower() or core[:1].isupper() and core[1:].islower() or core.isupper() and len(core) <= 4)


_CAPITAL_INSIDE = re.compile(r"[^\W\d_A-Z][A-Z]")


def _secretish(token: str) -> bool:
    """Could this token be a password (not a word, a number, an identifier of words)?"""
    core = token.strip(_VALUE_END + "\"'«»“”")
    if len(core) < 4 or _is_placeholder(core) or core.startswith(("-", "$")) or "$(" in core or "${" in core:
        return False  # a flag, a variable, a substitution: not the value itself
    if _HEXADECIMAL.fullmatch(core):
        return True  # a hash is public on its own, but not where a secret is announced
    if public_shape(core) or HOST_NAME.fullmatch(core.rstrip(".")):
        return False  # (a host the password is for: "the password on ce01.grid.example.eu")
    if looks_random(core, relaxed=True):
        return True
    has_digit = any(c.isdigit() for c in core)
    has_alpha = any(c.isalpha() for c in core)
    odd_symbol = any(c in "!#$%^&*?~|\\+=@" for c in core[1:-1])
    if odd_symbol and has_alpha:
        return True
    if core[-1] in "!#$%&*?" and _CAPITAL_INSIDE.search(core):
        return True  # "Wisła-oGvxnJ!": a capital inside a word and a symbol closing it
    if has_digit and has_alpha:
        # words and numbers joined (Fjord-Lakris-Tunnel-73, Sommer2024) are passwords here: a
        # password word stands before them; versions and ids (v1.2, H2020) are not
        return not re.fullmatch(r"[A-Za-z]{1,3}[-_]?\d+(?:\.\d+)*|\d+(?:[.,]\d+)*\s?[A-Za-z]{1,4}", core)
    return has_digit and len(core) >= 6 and core.isdigit()


def _value_span(text: str, start: int, line_end: int) -> tuple[int, int] | None:
    """The value at ``start``: a quoted string, or one token (trailing punctuation dropped)."""
    q = _QUOTED.match(text, start, line_end)
    if q:
        return q.start() + 1, q.end() - 1
    t = _TEMPLATE.match(text, start, line_end)
    if t:
        return t.span()  # a template's placeholder, spaces and all: '{{ password }}', '${{ secrets.X }}'
    m = re.compile(r"\S+").match(text, start, line_end)
    if not m:
        return None
    end = m.end()
    while end > start + 1 and text[end - 1] in _VALUE_END + "\"'»”":
        end -= 1
    return start, end


def _next_value_line(text: str, pos: int) -> int | None:
    """Where the value starts when a password word ends its line: the next non-empty line, a
    few blank lines down at most (never across an output file's boundary)."""
    n = len(text)
    for _ in range(6):
        nl = text.find("\n", pos)
        if nl < 0:
            return None
        pos = nl + 1
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos < n and text[pos] == "\ue000":
            return None
        if pos < n and text[pos] != "\n":
            return pos
    return None


#: a password dictated letter by letter: at least three spelling words, among single characters
#: (an item may be named with its kind first, "majuscule P", "chiffre sept", or be a sign's name,
#: "point d'exclamation")
_SPELLED_ITEM = (rf"(?:(?:(?:{lex(CHARACTER_WORDS, DIGIT_NAMES)})[ \t]+)?(?:(?:{lex(SPELLING_WORDS)})(?![\w])|[A-Za-z0-9](?![\w]))"
                 rf"|(?:{lex(CHARACTER_WORDS)})(?![\w]))")
_SPELLED = re.compile(rf"(?<![\w-]){_SPELLED_ITEM}(?:[ \t]*[,\-/·][ \t]*|[ \t]+){_SPELLED_ITEM}"
                      rf"(?:(?:[ \t]*[,\-/·][ \t]*|[ \t]+){_SPELLED_ITEM}){{2,}}")
_SPELLING_WORD = re.compile(rf"(?:{lex(SPELLING_WORDS)})$")
_CHARACTER_WORD = re.compile(rf"(?:{lex(CHARACTER_WORDS)})$")


#: the languages that write a password word into a compound ("Initialpasswort", "rootwachtwoord",
#: "databaslösenord", "pääkäyttäjäsalasana"): a word ending in one is one
_COMPOUND_ENDINGS = tuple(w.encode() for w in (
    "passwort", "kennwort", "wachtwoord", "lösenord", "losenord", "passord", "salasana", "tunnussana",
    "adgangskode", "kodeord", "jelszó", "jelszava", "password"))


def _compound_word(word: bytes) -> bool:
    """(Three letters at least before the ending; a key's name, "db_password", is not prose.)"""
    return len(word) >= 11 and word.endswith(_COMPOUND_ENDINGS) and b"_" not in word and b"-" not in word


_COMPOUND = WordClass(_compound_word)


#: an OpenSSH public key's type, then its base64 ("ssh-ed25519 AAAAC3Nza..."): a public key
_SSH_PUBLIC_KEY = re.compile(r"(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-[\w.-]+@openssh\.com)[ \t]+AAAA")
#: a URL with no password in its user info (a connection string that logs in by Kerberos, a token
#: in a query is ``urls``'s)
_URL_WITHOUT_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]{1,20}://(?:[^\s:@/]+@)?[^\s@]*", re.IGNORECASE)


def password_values(t: Text) -> Iterator[Finding]:
    for f in _password_values(t):
        if "-----" in t.text[f.start:f.start + 12] and any(a <= f.start < b for a, b in public_blocks(t)):
            continue  # "Key: -----BEGIN PUBLIC KEY----- ...": a public key is no password
        if _SSH_PUBLIC_KEY.match(t.text, f.start):
            continue  # "publika nyckel: ssh-ed25519 AAAA...": a public key is no password
        if _URL_WITHOUT_PASSWORD.fullmatch(t.text, f.start, f.end):
            continue  # "instead of a password: postgresql://host:5432/db?gssencmode=require"
        if domain_name(t.text[f.start:f.end].rstrip(_VALUE_END)):
            continue  # "Heslo si můžete změnit v portálu eduID.cz": where to change it, a site's name
        if "|" in t.text[f.start:f.end]:
            # a table's cell, as wiki markup writes it ("|password|**required**|", "password:: ||
            # ''erforderlich''"): the value is the next cell's text, its emphasis aside
            cell = _TABLE_CELL.match(t.text, f.start, f.end)
            if cell is None or _is_placeholder(cell.group("cell").strip("*_' \t")):
                continue
            f = Finding(f.rule, f.category, cell.start("cell"), cell.end("cell"))
        yield f


_TABLE_CELL = re.compile(r"[:| \t]*(?P<cell>[^|\n]*[^|\s])")


#: an account and its password joined by a colon after a login word: "login: root:toor"
_LOGIN_WORD = Lexicon(r"login|log-in|logon|sign-in|anmeldung|connexion|accesso|acceso|acesso|inloggning|"
                      r"kirjautuminen|logowanie|přihlášení|prihlásenie|bejelentkezés")
_LOGIN_PAIR = re.compile(r"[ \t]*[:=][ \t]*[a-z_][\w.@-]{0,39}:(?P<value>[^\s:/@\"'<>()]{3,64}?)[.,;!)]?(?=\s|$)",
                         re.IGNORECASE)


def _login_pairs(t: Text) -> Iterator[Finding]:
    if ":" not in t.text:
        return
    for word in _LOGIN_WORD.finditer(t, 10, 60):
        m = _LOGIN_PAIR.match(t.text, word.end())
        if m is None:
            continue
        value = m.group("value")
        if value.isdigit() or _is_placeholder(value) or value.lower() in _NOT_A_VALUE or domain_name(value):
            continue  # "login: lxplus:22", a port; "login: user:<password>"
        yield Finding("credential.password", CREDENTIAL, m.start("value"), m.end("value"))


#: a file that holds a password, named on a line that ends with a colon ("Indholdet af
#: vault_pass.txt, som playbooken bruger:"), then the password alone on its line (the next, or
#: after a blank one)
_SECRET_FILE_NAME = re.compile(r"(?<![\w.-])[\w.-]*(?:pass|password|passwd|passphrase|secret|token|credentials?)[\w.-]*"
                               r"\.(?:txt|cfg|conf|secret|token|pass)(?![\w.-])", re.IGNORECASE)
_LINE_END_COLON = re.compile(r":[ \t]*\n")
_BARE_WORD = re.compile(r"[\w.!#$%&+?@^~-]+")
_ALONE_ON_LINE = re.compile(r"(?:[ \t]*\n){0,4}[ \t]*(?P<value>\S{6,128})[ \t]*(?=\n|$)")


def _shown_secret_files(t: Text) -> Iterator[Finding]:
    """A password file's content, or a made-up word alone on its line after a line that names a
    password and ends with a colon ("Het wachtwoord van de beheeraccount op de testomgeving is:",
    a blank line, "Tulp_Fiets-4412"): however many words stand between the word and the colon."""
    text = t.text
    named: list[int] | None = None
    for colon in _LINE_END_COLON.finditer(text):
        line_start = text.rfind("\n", 0, colon.start()) + 1
        if colon.start() - line_start > 120:
            continue
        m = _ALONE_ON_LINE.match(text, colon.end())
        if m is None:
            continue
        value = m.group("value")
        if not _SECRET_FILE_NAME.search(text, line_start, colon.start()):
            if not _made_up(value) or not _BARE_WORD.fullmatch(value):
                continue  # (a setting, a path or a template shown: "DbType=mysql", "*:*:*:postgres:<PASSWORD>")
            if named is None:
                named = [w.start() for w in _PASSWORD.finditer(t, 40, 40)]
            if not any(line_start <= p < colon.start() for p in named):
                continue
        if not _is_placeholder(value) and value.lower() not in _NOT_A_VALUE and not _reads_from_code(text, m.start("value")):
            yield Finding("credential.password", CREDENTIAL, m.start("value"), m.end("value"))


#: an account every system has, named before its password in a table's cell ("| vm-eosc-01 |
#: root / Zaq1@WSX-pl | działa |"): the header says no more than "access"
_WELL_KNOWN_ACCOUNTS = frozenset(
    b"root admin administrator administrador administrateur amministratore ubuntu centos debian rocky almalinux "
    b"fedora ec2-user cloud-user cloudadm user guest operator oracle postgres sa pi vagrant".split())
#: the account alone at its cell's start, a slash, then a made-up value filling the cell
_CELL_ACCOUNT_PAIR = re.compile(r"(?:^|(?<=[|│┃║\t;]))[ \t]*(?P<account>[\w-]{2,16})[ \t]+/[ \t]+"
                                r"(?P<value>[^\s/|│┃║;\"'<>()]{4,64})[ \t]*(?=[|│┃║;]|$)", re.MULTILINE)


#: a note in a password's place, several words saying how the password reaches its people
#: ("jaetaan paperilla paikan päällä", "handed out on paper", "wird vor Ort ausgegeben"): no value
_HANDED_OUT = re.compile(rf"(?<![\w])(?:{lex(HANDED_OUT_STEMS)})")


def handed_out(value: str) -> bool:
    """Is ``value`` (words, not one token) a note that the password is given elsewhere?"""
    return " " in value.strip() and _HANDED_OUT.search(fold(value.lower())) is not None


def _cell_value_made_up(value: str) -> bool:
    """A value somebody made up: a digit or a sign in it, or both cases after its first letter."""
    if _VERSION_LIKE.fullmatch(value):
        return False  # "ubuntu / 22.04": a release
    return any(c.isdigit() or not c.isalnum() and c not in "-._" for c in value) or \
        (any(c.isupper() for c in value[1:]) and any(c.islower() for c in value))


_VERSION_LIKE = re.compile(r"v?\d+(?:\.\d+)*[a-z]?")


def _cell_account_pairs(t: Text) -> Iterator[Finding]:
    if " / " not in t.text or not _WELL_KNOWN_ACCOUNTS & t.words:
        return
    text = t.text
    for slash in t.positions(" / "):
        line_start = text.rfind("\n", 0, slash) + 1
        m = _CELL_ACCOUNT_PAIR.search(text, max(line_start, slash - 20), min(len(text), slash + 80))
        if m is None or not (m.start("value") - 3 <= slash + 1 <= m.start("value")):
            continue
        value = m.group("value").rstrip(".,")
        if m.group("account").lower().encode() not in _WELL_KNOWN_ACCOUNTS or not _cell_value_made_up(value) \
                or _is_placeholder(value) or value.lower() in _NOT_A_VALUE or domain_name(value) or value.isdigit():
            continue
        yield Finding("credential.password", CREDENTIAL, m.start("value"), m.start("value") + len(value))


#: a wireless network's word, then in its sentence its key said with a sign or a verb, the value
#: bare, quoted or in an inline HTML element ("Guest Wi-Fi is <b>LabGuest</b> and the key is
#: <code>tulip-Orbit-6631</code>", "WLAN „Gast“, Schlüssel: Fjord2024")
_WIFI_WORD = Lexicon(WIFI_WORDS)
_WIFI_KEY = re.compile(
    rf"(?<![\w'-])(?:{lex(WIFI_KEY_WORDS)})(?![\w-])[ \t]*(?:(?:{lex(COPULAS)})(?![\w-])[ \t]*:?|[:=])[ \t]*"
    r"(?:<(?:code|b|strong|kbd|tt|i|em|samp|span|mark)(?:[ \t][^<>\n]{0,60})?>[ \t]*)*[\"'«„“`]?"
    r"(?P<value>[^\s<>\"'«»“”`]{6,64})")
_WIFI_SENTENCE_END = re.compile(r"[.!?](?:\s|<)|\n")


def _wifi_keys(t: Text) -> Iterator[Finding]:
    """A network's key or code in a sentence about a wireless network: a made-up word, a word
    with digits or signs (a plain word there is prose: "the key is printed on the router")."""
    text, low = t.text, t.low
    for m in _WIFI_WORD.finditer(t, 20, 40):
        stop = _WIFI_SENTENCE_END.search(low, m.end(), min(len(low), m.end() + 160))
        hi = stop.start() if stop else min(len(low), m.end() + 160)
        for v in _WIFI_KEY.finditer(low, m.end(), min(len(low), hi + 80)):
            if v.start() >= hi:
                break
            value = text[v.start("value"):v.end("value")].rstrip(_VALUE_END)
            if _secretish(value) and not _is_placeholder(value):
                yield Finding("credential.password", CREDENTIAL, v.start("value"), v.start("value") + len(value))


#: how long a sentence announcing a value below may run from its password word to its colon
_ANNOUNCING_REACH = 200


def _announced_below(t: Text, pos: int) -> tuple[int, int] | None:
    """The value announced by the password word's sentence when that sentence ends its line with a
    colon, alone on the next non-empty line as one token that looks like a secret ("salasana on
    sama kuin viime kerralla, paitsi että vaihdoin alun isoksi kirjaimeksi:", an empty paragraph,
    then "Revontuli_77x"), whatever the sentence says between."""
    text = t.text
    _, line_end = t.line_span(pos)
    line = text[pos:line_end].rstrip()
    if not line.endswith(":") or len(line) > _ANNOUNCING_REACH or _SENTENCE_END.search(line[:-1]):
        return None
    following = _next_value_line(text, line_end)
    if following is None:
        return None
    _, next_end = t.line_span(following)
    token = text[following:next_end].strip()
    if len(token.split()) != 1 or not _secretish(token.rstrip(_VALUE_END)) or _is_placeholder(token):
        return None
    return _judge_value(t, following, next_end, "next-line")


def _password_values(t: Text) -> Iterator[Finding]:
    if _WIFI_WORD.present(t):
        yield from _wifi_keys(t)
    yield from _login_pairs(t)
    yield from _cell_account_pairs(t)
    yield from _shown_secret_files(t)
    for m in _PASSWORD.finditer(t, 40, 40):
        if _named_only(t, m) or _log_grammar(t, m):
            continue
        found = _after_password_word(t, m.end()) or _announced_below(t, m.end())
        if found and (_abbreviation_of_words(t, m.group(), found) or _prompt(t, found)):
            found = None
        if found:
            yield Finding("credential.password", CREDENTIAL, *found)
        if found or not _LEFT_EMPTY.match(t.low, m.end()):
            yield from _random_in_sentence(t, found[1] if found else m.end())
        yield from _recipe(t, m.end())
        spelled = _SPELLED.search(t.low, m.end(), min(t.line_span(m.end())[1], m.end() + 160))
        if spelled and sum(1 for w in re.split(r"[\s,\-/·]+", spelled.group())
                           if _SPELLING_WORD.match(w) or _CHARACTER_WORD.match(w)) >= 3:
            yield Finding("credential.password", CREDENTIAL, spelled.start(), spelled.end())
    for word in _COMPOUND.among(t.words):
        for p in t.positions(word.decode()):
            found = _after_password_word(t, p + len(word.decode()))
            if found:
                yield Finding("credential.password", CREDENTIAL, *found)
    for m in _TOKEN_WORD.finditer(t, 40, 40):
        if _named_only(t, m):
            continue  # (and "?q=token+lifetime": a search's words)
        found = _after_password_word(t, m.end(), strict=True)
        if found:
            yield Finding("credential.token", CREDENTIAL, *found)
    for m in _ABBREVIATED.finditer(t, 40, 40):
        if m.group() == "password" or _named_only(t, m):
            continue  # (the word itself is _PASSWORD's)
        found = _after_password_word(t, m.end(), strict=True)
        if found and _SAYS_VALUE.search(t.low, m.end(), found[0]):
            yield Finding("credential.password", CREDENTIAL, *found)  # (said with a sign or a verb: "pass" is a word too)
    for m in _SHORT_PASSWORD_SAID.finditer(t, 10, 90):
        value = t.text[m.start("value"):m.end("value")].rstrip(_VALUE_END)  # (the match is in the lower-cased view)
        if _PUBLIC_HEADER.search(t.low, max(0, m.start() - 30), m.start("value")):
            continue  # "Den offentlige nøgle er 4nWv...=": a public key
        if _made_up(value) and not _PASSWORD_SIGNS.isdisjoint(value):  # ("the code is CamelCase2Snake")
            yield Finding("credential.password", CREDENTIAL, m.start("value"), m.start("value") + len(value))
    for m in _SHORT_PASSWORD.finditer(t, 10, 120):
        if _ticket_pass(t, m):
            continue
        if _OF_A_PUBLIC_THING.search(t.low, m.start(), m.end()):
            continue  # "clave de proyecto:", "code of the course:"
        found = _after_password_word(t, m.end() - 1)
        if found and (_SCHEMA_KEY_BEFORE.search(t.low, max(0, m.start() - 40), m.start())
                      or _SCHEMA_KEY_AFTER.search(m.group())) and _KEY_NAME.fullmatch(t.text[found[0]:found[1]]):
            continue  # "missing required key: onezone_domain": a program names the setting it lacks
        if found and _abbreviation_of_words(t, m.group().split()[0].rstrip(":=（("), found):
            continue
        if found and _PIN_WORD.match(m.group()) and not _pin_like(t.text[found[0]:found[1]]):
            continue  # "Please pin the image: registry.example.org/...": a PIN is digits
        if found and (t.text[found[0]:found[1]].isdigit() and found[1] - found[0] <= 3
                      or _STATUS_CODE_BEFORE.search(t.low, max(0, m.start() - 12), m.start())):
            continue  # "Exit Code: 0", "HTTP code: 403", "error code: 0x80070005": a program's answer
        if found:
            yield Finding("credential.password", CREDENTIAL, *found)


#: a program's words for a setting's key it lacks or rejects, before "key" ("missing required key:",
#: "unknown key:", "fehlender Schlüssel:", "clé manquante" is after): the value is the key's name
_SCHEMA_KEY_BEFORE = re.compile(
    rf"(?<![\w-])(?:{lex(SCHEMA_KEY_BEFORE_WORDS)})[ \t]+(?:(?:required|mandatory|config|configuration|setting|property|yaml|json)[ \t]+)?$")
#: (after the key's word, as the Romance languages put it: "clé requise manquante :", "chiave
#: obbligatoria mancante:", "clave requerida no encontrada:")
_SCHEMA_KEY_AFTER = re.compile(rf"[ \t](?:{lex(SCHEMA_KEY_AFTER_WORDS)})(?![\w-])")
#: a setting's name: words joined by '_', '.' or '-', in capitals, or in camel case, no digit
_KEY_NAME = re.compile(r"[a-z]+(?:[_.-][a-z]+)*|[A-Z]+(?:_[A-Z]+)+|[a-z]+(?:[A-Z][a-z]+)+")
#: a word that makes the "code" after it a program's or a protocol's answer, not a secret
_STATUS_CODE_BEFORE = re.compile(r"(?:exit|return|error|status|response|http|reason|result|fehler|erreur|errore|"
                                 r"błędu|chyby|hiba|virhe)[ \t_-]?$")


def _prompt(t: Text, found: tuple[int, int]) -> bool:
    """A terminal's prompt or message, not a value: words, one of them a password word ("New
    password:" then "Retype new password:", "passwd: password updated successfully")."""
    value = t.low[found[0]:found[1]]
    return " " in value.strip() and _PASSWORD.pattern.search(value) is not None


def _abbreviation_of_words(t: Text, word: str, found: tuple[int, int]) -> bool:
    """"PW = plane wave": before words, the abbreviation has its other meanings."""
    return word.lower() == "pw" and " " in t.text[found[0]:found[1]].strip()


def _named_only(t: Text, m: re.Match[str]) -> bool:
    """Is the password word at ``m`` part of a name (a placeholder's, a link's, a column list's)?"""
    if _INSIDE_PLACEHOLDER.search(t.low, max(0, m.start() - 16), m.start()) or _name_in_list(t.text, m.start(), m.end()):
        return True
    if t.text[m.start() - 1:m.start()] in ("/", "+") or t.text[m.end():m.end() + 1] == "+":
        return True  # a word of a link's path or query ("/display/VO/Password+reset+procedure")
    if _KUBERNETES_OBJECT.search(t.low, max(0, m.start() - 80), m.start()):
        return True  # "the Kubernetes Secret "s3-creds"", "kubectl get secret db-creds": an object's name
    if _ticket_pass(t, m):
        return True
    if "|" in (t.text[m.start() - 1:m.start()], t.text[m.end():m.end() + 1]):
        run = t.text[t.text.rfind(" ", 0, m.start()) + 1:m.start()]
        if run[:1] in ("'", '"', "("):
            return True  # an alternative of a quoted pattern: grep -E 'x509|token|slurm'
    # ".../reset-password": a path's compound
    return t.text[m.start() - 1:m.start()] == "-" and "/" in t.text[t.text.rfind(" ", 0, m.start()) + 1:m.start()]


#: a login daemon's log line around the word: sshd's "Failed password for invalid user admin from
#: 185.220.101.4 port 51822 ssh2", "Accepted password for root from ...", PostgreSQL's and PAM's
#: "password authentication failed for user "grid01"": the words after it are the log's grammar
#: and an account's name, not a value (a value told after a colon is still one: "password for the
#: admin account: Xq7-...", no "from" and host there)
_LOG_BEFORE = re.compile(r"(?<![\w-])(?:failed|accepted|postponed)[ \t]+$")
_LOG_AFTER = re.compile(r"[ \t]+for[ \t]+(?:invalid[ \t]+user[ \t]+)?[^\s:=]{1,64}[ \t]+from[ \t]+[0-9a-f.:]{3,45}"
                        r"(?:[ \t]+port[ \t]+\d{1,5})?")
_LOG_AUTHENTICATION = re.compile(r"[ \t]+(?:authentication|auth)[ \t]+(?:failed|failure|succeeded|successful|"
                                 r"disabled|enabled|for|attempt|attempts|method|methods|required|no|yes|"
                                 r"(?:is|was|has been|had been)[ \t]+(?:not[ \t]+)?(?:disabled|enabled|allowed|"
                                 r"required|failing|off|on))(?![\w-])")


def _log_grammar(t: Text, m: re.Match[str]) -> bool:
    """Is the password word at ``m`` a word of a login daemon's log line (``_LOG_AFTER``)?"""
    low = t.low
    if low[m.end():m.end() + 1] != " ":
        return False
    if _LOG_AUTHENTICATION.match(low, m.end()):
        return True
    return _LOG_BEFORE.search(low, max(0, m.start() - 12), m.start()) is not None and \
        _LOG_AFTER.match(low, m.end()) is not None


#: the kinds of pass that are tickets or badges: "boarding pass", "day pass", "ski pass"
_TICKET_PASS = re.compile(rf"(?<![\w-])(?:{lex(TICKET_PASSES)})[ \t-]$")


def _ticket_pass(t: Text, m: re.Match[str]) -> bool:
    """Is "pass" at ``m`` a ticket's or a badge's ("Boarding pass info: Lufthansa LH 2414")?"""
    return t.low.startswith("pass", m.start()) and not t.low[m.start() + 4:m.start() + 5].isalpha() \
        and _TICKET_PASS.search(t.low, max(0, m.start() - 12), m.start()) is not None


#: a Kubernetes object's kind before its name: the word "secret" names a kind of object there
#: (the command's options may come first, with their values: "kubectl -n vo-x create secret generic
#: s3-creds", "oc --namespace=ops get secret"; the object's name is public, a --from-literal value is not)
_KUBERNETES_OBJECT = re.compile(r"(?<![\w-])(?:kubernetes|k8s|openshift|sealed|(?:kubectl|oc)"
                                r"(?:[ \t]+(?:-{1,2}[a-z][a-z-]*(?:=[\w./:-]+|[ \t]+(?!-)[\w./:-]+)?|[a-z-]+)){1,4})[ \t]+$")
_TOKEN = re.compile(r"[^\s'\"«»“”‘’()<>\[\],;]+")
_NAME_IN_LIST = re.compile(r"[`\"']?[ \t]*[,)]")


def _name_in_list(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` a name in a list of names, a table's columns ("(`name`,`secret`,
    `site`)", "(login, password)"), not prose? (The values are ``columns``' to read.)"""
    return bool(_NAME_IN_LIST.match(text, end)) and text[max(0, start - 3):start].strip(" `\"'")[-1:] in (",", "(")


def _sentence_end(t: Text, pos: int, line_end: int | None = None) -> int:
    """Where the sentence going on at ``pos`` ends (at its closing mark), within its line and
    ``_WINDOW`` characters."""
    if line_end is None:
        _, line_end = t.line_span(pos)
    horizon = min(line_end, pos + _WINDOW)
    stop = _SENTENCE_END.search(t.text, pos, horizon)
    while stop and t.text[stop.start()] == "." and _title_before(t.low, stop.start()):
        stop = _SENTENCE_END.search(t.text, stop.end(), horizon)  # "... gave us Mr. Jones (X)": a title's dot
    return stop.start() if stop else horizon


_TITLES = folded_too(TITLE_ABBREVIATIONS.split())


def _title_before(low: str, dot: int) -> bool:
    """Is the word before the dot at ``dot`` a title's abbreviation ("Mr.", "κ.", "Dr.")?"""
    start = dot
    while start > 0 and (low[start - 1].isalpha() or low[start - 1] == "-"):
        start -= 1
    return dot - start <= 5 and (start == 0 or low[start - 1] in " \t\n(") and low[start:dot] in _TITLES


#: a password word, then the word that says its field is left empty ("laisser le champ password vide
#: et utiliser la méthode v3oidcaccesstoken", "leave the password empty", "Passwort leer lassen"): the
#: sentence's other made-up words are no password
_LEFT_EMPTY = re.compile(r"[ \t]+(?:field[ \t]+|feld[ \t]+)?(?:vide|empty|blank|leer|vuoto|vuota|vacío|vacio|vazio|vazia|"
                         r"leeg|pusty|puste|pustym|prázdné|prazdne|prázdný|üres|ures|tyhjä|tyhja|tom|tomt|gol|κενό|"
                         r"κενο|празно|prazno|boş|bos|tühi|tuhi|tukšs|tukss|tuščias|tuscias)(?![\w-])")


def _random_in_sentence(t: Text, pos: int) -> Iterator[Finding]:
    """A random-looking word later in the sentence of a password word ("the password is no longer
    'Welkom01' but GrachtMPnhgaq"): where a password is spoken of, such a word is one."""
    text = t.text
    for m in _TOKEN.finditer(text, pos, _sentence_end(t, pos)):
        word = m.group().rstrip(_VALUE_END)
        if "://" in word:
            continue  # an address: its secrets are the URL detectors' to find
        if len(word) >= 8 and looks_random(word, relaxed=True) and not _is_placeholder(word):
            yield Finding("credential.password", CREDENTIAL, m.start(), m.start() + len(word))
    # a quoted piece of letters with digits or signs ("the first half is "Kiefer#" and the second
    # "Wald88""): a password given in parts
    for m in _QUOTED_PIECE.finditer(text, pos, _sentence_end(t, pos)):
        piece = m.group("piece")
        if any(c.isalpha() for c in piece) and (any(c.isdigit() for c in piece) or not _PASSWORD_SIGNS.isdisjoint(piece)) \
                and not _is_placeholder(piece) and not piece.startswith(("-", "/", "$", "%")) and "." not in piece \
                and not _NUMBERED_ACRONYM.search(piece) and not _WHOSE.search(t.low, max(0, m.start() - 12), m.start()):
            # ("the realm "EGI2024"", "the password for "gpu01"": a name, not the password)
            yield Finding("credential.password", CREDENTIAL, m.start("piece"), m.end("piece"))


#: the signs a made-up password holds and a name or a version does not ("Θάλασσα!2024", "Kiefer#")
_PASSWORD_SIGNS = frozenset("!#$%&*?@+=~^")
_WHOSE = re.compile(r"(?<![\w])(?:for|fur|pour|per|para|voor|dla|na|of|von|de|del|du|van|on|auf|sur|su|en|op)[ \t]*$")
_QUOTED_PIECE = re.compile(r"[\"'«„“‘](?P<piece>[^\s\"'»”’]{4,32})[\"'»”’]")


_RECIPE = re.compile(rf"(?<![\w'-])(?:{lex(RECIPE_WORDS)})(?![\w-])")


def _recipe(t: Text, pos: int) -> Iterator[Finding]:
    """The rest of a password word's sentence when it says how the password is made from public
    facts ("the password is the VO name in capitals followed by 2026!"): the recipe is the
    password. (Only the recipe words are listed; "ask the site admin" says nothing of it.)"""
    text, low = t.text, t.low
    end = _sentence_end(t, pos)
    end += text[end:end + 1] in (".", "!", "?")  # (with its closing mark: "2026!" ends a recipe)
    if _RECIPE.search(low, pos, end):
        start = pos + len(text[pos:end]) - len(text[pos:end].lstrip(" \t:"))
        yield Finding("credential.password", CREDENTIAL, start, end)


_TRUNCATED = re.compile(r"\.\.\.|…|\.{2}(?!\w)")


def _cut_short(text: str, end: int, value: str) -> bool:
    """Is the value at ``end`` followed by dots where the rest would be, and only signs ("$...", a
    summary cut inside a placeholder) or a vendor's prefix ("hf_...", "glpat-…")? The first
    characters of a real password ("S3cr...") are still a value."""
    return bool(_TRUNCATED.match(text, end)) and (
        not any(c.isalnum() for c in value) or len(value) <= 12 and value[-1:] in "_-")
_PIN_WORD = re.compile(r"(?i:pin|puk|пин|пін)(?![\w-])")


def _pin_like(value: str) -> bool:
    """A PIN is short and mostly digits ("Pin the image: ghcr.io/...@sha256:<digest>" names none)."""
    return len(value) <= 16 and sum(c.isdigit() for c in value) >= max(4, len(value) // 2)


def _public_value(text: str, start: int, end: int) -> bool:
    """Is the value at ``start`` a public shape (a date and time, a version)?"""
    span = _value_span(text, start, end)
    return span is not None and public_shape(text[span[0]:span[1]])


_VALUE_VERB = re.compile(rf"(?<![\w-])(?:{lex(VALUE_VERBS)})\s*$")
_STEPS = re.compile(rf"(?<![\w])(?:{lex(STEPS_WORDS)})(?![\w])")
_AS_FOLLOWS = re.compile(rf"(?:{lex(AS_FOLLOWS)})[ \t]*[:：][ \t]*")


#: words describing a passphrase before a colon and the passphrase ("five words, all lowercase:")
_DESCRIBED = re.compile(r"[^\W\d_]+(?:,?[ \t]+[^\W\d_]+){1,6}[ \t]*:[ \t]+")


def _kind(sep: re.Match[str]) -> str:
    """"sign" for ':' or '=' (and "is:", which announces its value as a colon does); "value" for the
    verbs that only ever introduce one ("lautet", "set to": one plain word after them is it); else
    "verb"."""
    if sep.group("sign") or sep.group().rstrip().endswith(":"):
        return "sign"
    return "value" if _VALUE_VERB.search(sep.group("verb") or "") else "verb"


def _separator(low: str, pos: int, end: int) -> re.Match[str] | None:
    """The separator between a word and its value at ``pos``; a colon between digits is a time or a
    port ("expired at 2026-03-04T10:00:00Z"), not one."""
    sep = _SEPARATOR.match(low, pos, end)
    if sep and sep.group("sign") == ":" and low[sep.start() - 1:sep.start()].isdigit() \
            and low[sep.start("sign") + 1:sep.start("sign") + 2].isdigit():
        return None
    return sep


#: after "clave", "chiave", "key", "code": a thing whose key is a public code, not a secret
_OF_A_PUBLIC_THING = re.compile(
    r"[ \t]+(?:de|del|do|da|di|della|du|de la|of the|of|des)[ \t]+(?:proyecto|projeto|progetto|projet|project|producto|"
    r"produto|prodotto|produit|product|registro|artículo|articulo|curso|asignatura|corso|cours|course|convocatoria|"
    r"ayuda|subvención|financiación|referencia|catálogo|catalogo)(?![\w])")


#: a key naming a user, a process or a host, right before the sign the qualifying words end on: the
#: value after it is that id, not the password (a portal's log: "reset-password: password changed for
#: uid=48213")
_IDENTITY_KEY = re.compile(r"(?<![\w-])(?:uid|gid|pid|sid|tid|user_id|userid|user-id|id|account_id|session_id|"
                           r"jobid|job_id|request_id)[ \t]*$")

#: an order's, a shipment's or a serial's noun among the words after a token word (the hardware
#: token's "order number", "Bestellnummer", "numéro de commande", "číslo objednávky"): the value is
#: the order's reference, the word "token" only names what was ordered
_ORDER_NOUN = re.compile(
    r"(?<![\w-])(?:order|orders|shipment|delivery|serial|tracking|invoice|purchase|bestellung|bestellnummer|"
    r"lieferung|seriennummer|commande|livraison|ordine|spedizione|pedido|envio|encomenda|bestelling|"
    r"zamowienie|zamowienia|przesylki|objednavka|objednavky|objednavky|megrendeles|tilaus|tilauksen|bestallning|"
    r"bestallningen|bestilling|bestillingen|comanda|comenzii|παραγγελια|siparis|tellimus|tellimuse|pasutijums|"
    r"pasutijuma|uzsakymas|uzsakymo|narudzba|narudzbe|narocilo|narocila|поръчка|поръчката)(?![\w-])")


def _after_password_word(t: Text, pos: int, strict: bool = False) -> tuple[int, int] | None:
    """The value after a password word at ``pos`` (``strict``: only a value that looks like a
    secret, as after a word like "token", which prose uses too)."""
    text, low = t.text, t.low
    if _PUBLIC_BEFORE.search(low, max(0, pos - 40), pos):
        return None  # "public key:", "key fingerprint ="
    if _OF_A_PUBLIC_THING.match(low, pos):
        return None  # "Clave de proyecto: PID2021-...": the key of a project, a course, a product is its code
    if _LEFT_EMPTY.match(low, pos):
        return None  # "laisser le champ password vide et utiliser la méthode v3oidcaccesstoken": no value
    _, line_end = t.line_span(pos)
    if not strict:
        quoted = _quoted_after(text, pos, line_end)
        if quoted:
            return quoted
    limit = _sentence_end(t, pos, line_end)
    if text[pos:pos + 1] == "@":
        return None  # "postgres://USER:PASSWORD@host": the word is the placeholder of a URI's user info
    # a separator right after the word, or after a few qualifying words
    cursor = pos
    for _ in range(7):
        sep = _separator(low, cursor, limit + 12)
        if sep:
            if cursor > pos and _IDENTITY_KEY.search(low, max(pos, sep.start() - 16), sep.start()):
                return None  # "password changed for uid=48213": the value is the key's, a user's id
            if strict and cursor > pos and _ORDER_NOUN.search(low, pos, sep.start()):
                return None  # "the token order number is HW-2024-0318": the order's number, a thing's
            value_at = sep.end()
            if _PROGRAM_ERROR.match(low, value_at):
                return None  # "Cannot load the private key: error:0909006C:PEM routines:...": a program's error
            kind = _kind(sep)
            follows = _AS_FOLLOWS.match(low, value_at, limit + 12)
            if follows:  # "the password is as follows: ...": the value is after the colon
                value_at, kind = follows.end(), "sign"
            if _PHRASE_WORD.search(low, max(0, pos - 24), pos):
                kind = "phrase"  # "the passphrase is w1 w2 w3 w4, ...": a phrase of words is its value
                described = not follows and _DESCRIBED.match(text, value_at, limit + 12)
                if described:  # "the passphrase is five words, all lowercase: w1 w2 w3 w4 w5"
                    value_at = described.end()
            if value_at >= line_end or not text[value_at:line_end].strip():
                if cursor > pos and _STEPS.search(low, pos, sep.start()):
                    return None  # "To reset your password, follow these steps:" then the steps: no value
                following = _next_value_line(text, line_end) if kind == "sign" or cursor == pos else None
                if following is None:
                    return None
                _, line_end = t.line_span(following)
                column = _same_column(text, pos, following, line_end)
                if column is not None:  # a header row's cell: its value is the cell below it
                    if not column or handed_out(text[column[0]:column[1]]):
                        return None
                    following, line_end = column
                return _judge_value(t, following, line_end, "next-line", strict)
            return _judge_value(t, value_at, line_end, kind, strict)
        word = _QUALIFIER.match(text, cursor, limit)
        if not word:
            break
        token = text[word.start():word.end()].strip()
        if text[cursor:cursor + 1] in (".", "_", "/", "\\", "-") or text[cursor:cursor + 1].isalnum():
            break  # "token.indexOf(p)", "password.txt": the word is part of a name
        if token.lstrip("\"'«»`‹›“”„‘’‚").startswith("["):
            return None  # a placeholder or a redaction stands where the value would
        if cursor > pos and _secretish(token) and not token.startswith("(") \
                and not _is_placeholder(token.rstrip(_VALUE_END)) and not _public_value(text, word.end() - len(token), line_end):
            # "the password for user grid01 is X": a name the password belongs to, then its value
            then = _separator(low, word.end(), limit + 12)
            if then and text.startswith("[redacted:", then.end()):
                return None  # the value was cut already: the name before it is no password
            if then and then.end() < line_end and text[then.end():line_end].strip():
                found = _judge_value(t, then.end(), line_end, _kind(then), strict)
                if found:
                    return found
            return _value_span(text, word.end() - len(token), line_end)  # free: "wachtwoord 3mop..."
        if cursor == pos and _secretish(token) and not _is_placeholder(token.rstrip(_VALUE_END)):
            return _value_span(text, word.end() - len(token), line_end)
        cursor = word.end()
    # the word ends its line (possibly after qualifiers): the value may be on the next line
    if not text[cursor:line_end].strip():
        following = _next_value_line(text, line_end)
        if following is not None:
            _, next_end = t.line_span(following)
            column = _same_column(text, pos, following, next_end)
            if column is not None:  # a header row's cell: its value is the cell below it
                if not column or handed_out(text[column[0]:column[1]]):
                    return None
                following, next_end = column
            line = text[following:next_end].strip()
            if len(line.split()) == 1 or _secretish(line.split()[0]):
                return _judge_value(t, following, next_end, "next-line", strict)
    return None


#: a program's error report where a value would stand: its error word, then a colon, a bracket or
#: a code ("error:0909006C:...", "Fehler: ...", "erreur (2)", "error 403"); "Error123" is a value
_PROGRAM_ERROR = re.compile(rf"(?:{lex(PROGRAM_ERROR_WORDS)})(?:[ \t]*[:(\[]|[ \t]+\d)")


#: an HTTP status line ("HTTP/1.1 403 Forbidden", "HTTP/2 401"): a server's answer
_STATUS_LINE = re.compile(r"HTTP/\d(?:\.\d)?[ \t]+\d{3}(?![\w])")


#: between a password word and its quoted value: a space, or a bracket or a "for" and a word or
#: two that say what it is for ("the password for the archive "...", "Passwort (für das Archiv) „...“")
_FOR = r"for|für|fur|pour|per|para|voor|dla|pro|za|för|til|zu|zum|zur|do|na"
_OPENING_GAP = re.compile(rf"(?:[ \t]+(?:\([^()\n]{{0,40}}\)|(?:{_FOR})(?:[ \t]+[^\W\d_]{{1,20}}){{1,2}}))?[ \t]+(?=[\"'«‹`“„‘‚])",
                          re.IGNORECASE)
_QUOTE_MARKS = "\"'«»`‹›“”„‘’‚"


def _quoted_after(text: str, pos: int, line_end: int) -> tuple[int, int] | None:
    """A quoted value right after the password word, or after a few words saying what it is for
    ("the passphrase "w1 w2 w3"", "la phrase secrète « ... »", "the password for the archive
    "..."): the secret whatever its words, unless a placeholder ("<passphrase>", "your
    passphrase"). The word must not itself be quoted ("click "Password" then "Reset"")."""
    gap = _OPENING_GAP.match(text, pos, line_end)
    if not gap or text[pos - 1:pos] in _QUOTE_MARKS:
        return None
    word_start = pos - 1
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    if text[word_start:word_start + 1] in _QUOTE_MARKS:
        return None
    q = _QUOTED.match(text, gap.end(), line_end)
    if not q or _is_placeholder(q.group()[1:-1]):
        return None
    return q.start() + 1, q.end() - 1


#: the rest of an LDAP distinguished name after its first attribute's "=": "reader,dc=example,dc=eu"
_DN_TAIL = re.compile(r"[^\s,=]{1,64},[ ]?(?:dc|ou|o|c|cn|uid|l|st)=", re.IGNORECASE)


#: the case endings that Finnish, Estonian and Swedish glue to a name with a colon ("CSC:n",
#: "puhti-ui:lle", "VO:ssa", "EGI:s"): after "user:", such an ending is no password
_CASE_ENDING = re.compile(r"n|a|ä|i|s|t|ta|tä|na|nä|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|h[aeiouyäö]n|iin|ihin|"
                          r"ien|ineen|tta|ttä|ja|jä|il|ile|ilt|is|ist|iga|st|le|lt|ga|ks|ni|en|et|ns|kin|nkin|"
                          r"ssakin|ssäkin|llakin|lläkin|lle(?:kin)?")
#: an account and its password after a slash, ending the line: "identifiants : admin / motdepasse"
_ACCOUNT_SLASH_VALUE = re.compile(r"[\w.@+-]{1,40}[ \t]+/[ \t]+(?P<value>[^\s/\"'<>()]{2,64}?)[.,;!]?[ \t]*$")
_LENGTH_RULE = re.compile(rf"(?:(?:{lex(AT_LEAST_WORDS)})[ \t]+)?\d{{1,3}}[ \t]*(?:{lex(LENGTH_UNITS)})(?![\w])",
                          re.IGNORECASE)


def _same_column(text: str, pos: int, below: int, below_end: int) -> tuple[int, int] | tuple[()] | None:
    """When the password word at ``pos`` is a later cell of a row of cells ("Käyttäjätunnus |
    Salasana |", an HTML table's row as screening writes it), the span of the cell in its column
    on the line at ``below`` (empty when that line has no such cell); None for a word that is no
    such cell."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("|", line_start, pos)
    if not column or text[line_start:pos].strip(" \t|") == "":
        return None  # the word heads its line: what follows it is its value
    at = below
    for _ in range(column):
        bar = text.find("|", at, below_end)
        if bar < 0:
            return ()
        at = bar + 1
    end = text.find("|", at, below_end)
    end = below_end if end < 0 else end
    cell = text[at:end]
    start = at + len(cell) - len(cell.lstrip())
    return (start, start + len(cell.strip())) if cell.strip() else ()


def _judge_value(t: Text, start: int, line_end: int, kind: str, strict: bool = False) -> tuple[int, int] | None:
    text = t.text
    span = _value_span(text, start, line_end)
    if span is None:
        return None
    value = text[span[0]:span[1]]
    if _reads_from_code(text, start) or span[0] != start and _reads_from_code(text, span[0]):
        return None
    if _STATUS_LINE.match(text, span[0]) or _PROGRAM_ERROR.match(t.low, span[0]):
        return None  # "...de permisos del bucket:\n\nHTTP/1.1 403 Forbidden": a server's answer, no secret
    pair = None if strict else _ACCOUNT_SLASH_VALUE.match(text, span[0], line_end)
    if pair and not _is_placeholder(pair.group("value")) and pair.group("value").lower() not in _NOT_A_VALUE:
        return span[0], pair.end("value")  # "Zugangsdaten: jmueller / bergsee": the account, then its password
    if _LENGTH_RULE.match(text, span[0]):
        return None  # "mots de passe : 12 caractères minimum", "mindestens 10 Zeichen": a rule's length
    if text[span[0] - 1:span[0]] == ":" and text[span[0] - 2:span[0] - 1].isalnum() \
            and _CASE_ENDING.fullmatch(value.rstrip(_VALUE_END)):
        return None  # "Tunnukset puhti-ui:lle": a Finnish case ending after a name's colon, no password
    if _cut_short(text, span[1], value):
        return None  # "password: $...": a description cut short inside a placeholder
    template = _TEMPLATE.match(text, span[0], line_end)
    if template and template.end() >= span[1] - 1:
        return None  # "password: ${{ secrets.REGISTRY_TOKEN }}": a reference the runner fills in
    if _DN_TAIL.match(text, start, line_end):
        return None  # "invalid credentials for cn=reader,dc=example,dc=eu": a directory name, not a value
    assigned = _ASSIGNED.match(value)
    if kind == "next-line" and (key := _SETTING_KEY.match(value)) and _NAME_LIKE.fullmatch(key.group().rstrip(" \t=:")):
        return None  # "password" alone on its line, then "host=db.example.org": the next setting
    # "token needs: OIDC_TOKEN_URL=https://...": what counts is what the name is set to
    if assigned and _NAME_LIKE.fullmatch(assigned.group().rstrip(" \t=:")):
        return _judge_value(t, span[0] + assigned.end(), line_end, kind, strict)
    if strict:
        return span if _secretish(value) and not _is_placeholder(value) else None
    if public_shape(value.strip(_VALUE_END)) and not _HEXADECIMAL.fullmatch(value.strip(_VALUE_END)) \
            or SSH_KEY_TYPE.fullmatch(value):
        return None
    quoted = start < span[0]
    horizon = min(line_end, start + _WINDOW)  # a long line costs no more than a window per value
    stop = _SENTENCE_END.search(text, start, horizon)
    rest = text[start:stop.start() if stop else horizon].strip()
    if kind == "phrase":  # the phrase ends at its first comma, semicolon or bracket
        rest, kind = re.split(r"[,;(]|\s[–—-]\s", rest, maxsplit=1)[0].strip(), "sign"
        stop = None
        horizon = start + len(rest)
    rest_words = rest.split()
    lowered = [w.strip(_VALUE_END).lower() for w in rest_words]
    first = rest_words[0].strip(_VALUE_END + ";,") if rest_words else ""
    if not quoted and first and (_PLACEHOLDER.fullmatch(first) or masked(first) or _capital_placeholder(first)):
        # "password=CHANGE_ME; hay que cambiarlo": a placeholder written as one, then the sentence goes
        # on (not a word that alone says "no value": "the passphrase is: correct marmot lantern fjord")
        return None
    if not quoted and len(rest_words) > 1 and _FLAG.fullmatch(rest_words[1]) and _FILE_NAME.fullmatch(rest_words[0]):
        return None  # "--from-env-file=.env -n vo-hydro": a file's name, then the command's next flag
    if not quoted and kind in ("sign", "next-line") and 1 < len(rest_words) <= 8 \
            and not _TEMPLATE.match(text, start, line_end) and not _names_a_secret(rest) \
            and not any(w in _STOPWORDS for w in lowered) \
            and not any(_is_placeholder(w) for w in (rest_words if len(rest_words) < 3 else ())) \
            and not any(_PLACEHOLDER.fullmatch(w.strip(_VALUE_END)) for w in rest_words) \
            and not handed_out(rest):
        # (a word of the phrase may be one that alone would say "no value", as "correct" does in
        # "the password is: correct"; three words or more after the sign are a phrase)
        end = start + len(text[start:stop.start() if stop else horizon].rstrip(" " + _VALUE_END))
        return start, end  # a passphrase: "Kiefer Nebel Laterne Quark 19"
    if _is_placeholder(value) and not quoted:
        return None
    if kind in ("verb", "value") and not quoted and HOST_NAME.fullmatch(value.strip(_VALUE_END)):
        return None  # "the password on ce01.grid.example.eu" (Finnish "on" is a verb): a host
    if quoted:
        return None if _is_placeholder(value) else span
    if lowered[0] in _STOPWORDS or lowered[0] in _NOT_A_VALUE:
        return None
    if _plain_word(value):
        if len(rest_words) > 1 and rest_words[1].startswith("-") and len(rest_words[1]) > 1:
            return None  # "password from the variable: voms-proxy-init --pwstdin ...": a command and its flags
        if kind == "verb" or len(rest_words) > 1 and all(_plain_word(w) for w in rest_words[1:3]):
            return None  # prose: "is simple", "bitte beim Admin erfragen"
        if kind == "value" and len(rest_words) > 1:
            return None  # "was changed to something stronger"
    if kind == "next-line" and not (len(rest_words) == 1 or _secretish(value)):
        return None
    if kind == "next-line" and _yaml_mapping_at(text, start, line_end):
        return None  # "password:" then "  valueFrom:" and a deeper block: a reference, not a value
    return span


#: a command line's flag ("-n", "--namespace") and a file's name ("./creds.txt", ".env", "~/.pgpass",
#: "prod.env"): a value that names a file, the command going on after it, holds no secret
_FLAG = re.compile(r"--?[A-Za-z][\w-]*(?:=\S*)?")
_FILE_NAME = re.compile(r"(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]+)*|\.[a-z][a-z0-9_-]*(?:\.[a-z0-9]{1,5})*|"
                        r"[\w-]+(?:\.[a-z]{1,5})+")
_MAPPING_KEY = re.compile(r"[A-Za-z_][A-Za-z_-]{0,40}:[ \t]*$")


def _yaml_mapping_at(text: str, start: int, line_end: int) -> bool:
    """Is the line at ``start`` a YAML key of letters opening a block ("valueFrom:" then
    "secretKeyRef:"), where the value comes from elsewhere? (The view folds indentation, so the
    next line must itself be a key.)"""
    if not _MAPPING_KEY.fullmatch(text, start, line_end):
        return False
    return bool(_NEXT_KEY.match(text, line_end + 1))


_NEXT_KEY = re.compile(r"[ \t]*-?[ \t]*[A-Za-z_][\w-]{0,40}:(?:[ \t]|$)", re.MULTILINE)


# --- NAME=value ---------------------------------------------------------------------------------

_KEY_VALUE = re.compile(
    r"(?P<key>(?<![\w.$-])(?<!\$\{)[\"']?[A-Za-z_][A-Za-z0-9_.\-]{0,80}[\"']?)(?:(?<=[\"'])\])?[ \t]*(?P<sep>:=|=>|=|:)[ \t]*"
    r"(?P<value>\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|(?:[^\s\"'`,;&]|&(?![A-Za-z_][\w.-]*=))+)"
)
_KEY_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_SECRET_PART = re.compile(rf"(?:{SECRET_KEY_PARTS})")
_WEAK_PARTS = frozenset("key auth session sid sig pin seed salt code otp cookie".split())
_NOT_SECRET_END = re.compile(rf"(?:{NOT_SECRET_KEY_ENDINGS})")
_PUBLIC_KEY_NAME = re.compile(r"public|pub(?:lic)?key|pubkey|keyid|key_?id|keyname|key_?name|keyring|keyboard|keystore|"
                              r"keypair|key_?pair|hotkey|monkey|turkey|donkey|jockey|hockey|whiskey")
_HEADER = re.compile(
    r"(?:^|[\"'\s])(?P<name>authorization|proxy-authorization|cookie|set-cookie|x-auth-token|x-api-key|"
    r"x-subject-token|private-token|x-vault-token|x-registry-auth|api-key)[ \t]*:[ \t]*"
    r"(?:(?:basic|bearer|digest|token|negotiate|ntlm|aws4-hmac-sha256|macaroon|otp)[ \t]+)?(?P<value>[^\s\"'\n][^\n\"']*)",
    re.IGNORECASE | re.MULTILINE,
)


_HEADER_WORDS = frozenset(b"authorization cookie token key auth".split())


def _headers(t: Text) -> Iterator[re.Match[str]]:
    """``_HEADER`` matches, looked for on the lines of the words every such header name holds."""
    if _HEADER_WORDS.isdisjoint(t.words):
        return
    lines = {t.line_span(p) for w in _HEADER_WORDS.intersection(t.words) for p in t.word_positions(w.decode())}
    for start, end in sorted(lines):
        yield from _HEADER.finditer(t.text, start, end)


def _key_is_secret(key: str) -> str:
    """'strong', 'weak' or '' for a configuration key."""
    name = key.strip("\"'")
    if _PUBLIC_KEY_NAME.search(name.lower()):
        return ""
    parts = [p.lower() for p in _KEY_PARTS.findall(name)]
    if not parts:
        return ""
    if _NOT_SECRET_END.fullmatch(parts[-1]) and len(parts) > 1:
        return ""
    if parts[0] == "existing" and len(parts) > 1:
        return ""  # Helm's "existingSecret: jupyterhub-oidc": the name of a secret kept elsewhere
    found = [p for p in parts if _SECRET_PART.fullmatch(p)]
    if not found and _SECRET_PART.fullmatch(name.lower().replace("-", "_")):
        found = [name.lower()]
    if not found and _GLUED_SECRET.search(parts[-1]):
        found = [parts[-1]]  # "PGPASSWORD", "MYSQLPWD": a program's name glued to the word
    if not found:
        return ""
    return "weak" if all(p in _WEAK_PARTS for p in found) else "strong"


_GLUED_SECRET = re.compile(r"..(?:password|passwd|passwort|passphrase|pwd|secret|token|apikey)$")


#: what the name of a secret's key holds ("DB_PASSWD", "apiKey", "x-auth-token", "pw")
_KEY_STEMS = tuple("pass pw secret token key auth cred cookie session sid sig hmac priv otp seed salt pin".split())


_STEM_SEARCH = re.compile("|".join(_KEY_STEMS).encode()).search


def _holds_stem(word: bytes) -> bool:
    return _STEM_SEARCH(word) is not None  # (one search: a third of the time of a test per stem)


_STEMMED = WordClass(_holds_stem)
_KEY_WORDS = anchor_words(SECRET_KEY_PARTS)
#: (a kind of word: a text's few are found among the words met so far that are such)
_KEY_KIND = WordClass(_KEY_WORDS)
#: the rest of a key's name, then a separator: what a word in a key must be followed by (a
#: subscript's bracket may close after its quote: "os.environ['IRODS_PASSWORD'] = ...", never after
#: a bare word: "[redacted: credential]: il-genomics" is a redaction, then a user's name)
_SEPARATOR_AHEAD = re.compile(r"[A-Za-z0-9_.\-]*(?:[\"']\]?)?[ \t]*(?::=|=>|=|:)")
_KEY_HEAD = re.compile(r"[\"']?[A-Za-z_][A-Za-z0-9_.\-]{0,80}$")


def _key_value_matches(t: Text):
    text = t.text
    if not ("=" in text or ":" in text):
        return
    named = _KEY_KIND.among(t.words).union(_STEMMED.among(t.words))
    hits = [p for w in named for p in t.positions(w.decode())]
    seen = set()
    for p in sorted(hits):
        if not _SEPARATOR_AHEAD.match(text, p):
            continue  # no separator after the name this word is part of
        head = _KEY_HEAD.search(text, max(0, p - 80), p + 1)
        start = head.start() if head else p
        if start in seen:
            continue
        seen.add(start)
        m = _KEY_VALUE.match(text, start)
        if m and m.end("key") > p:
            yield m


def _in_template(text: str, pos: int) -> bool:
    """Is ``pos`` inside a template's expression on its line ("{{ lookup('vault', 'secret=kv/x') }}")?"""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return line.rfind("{{") > line.rfind("}}")


#: two words of letters after a value, in its clause: the value was a word of a sentence
_PROSE_AFTER = re.compile(r"[ \t]+[^\W\d_]{2,}[ \t]+[^\W\d_]{2,}(?=[ \t.,;:!?'\"»”)]|$)")


def key_values(t: Text) -> Iterator[Finding]:
    text = t.text
    for m in _key_value_matches(t):
        if "{{" in text and _in_template(text, m.start()):
            continue
        strength = _key_is_secret(m.group("key"))
        if not strength:
            continue
        start, end = m.span("value")
        value = m.group("value")
        if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) >= 2:
            start, end, value = start + 1, end - 1, value[1:-1]
        else:
            value = value.rstrip(_VALUE_END)
            end = start + len(value)
        if not value or _is_placeholder(value) or _reads_from_code(text, m.start("value")):
            continue
        if _PROGRAM_ERROR.match(t.low, start):
            continue  # "private key: error:0909006C:PEM routines:get_name:no start line": a program's error
        if len(value) < 4 and not any(c.isalnum() for c in value):
            continue  # "ID-token: { ...": a structure opens, its keys are judged each
        if _cut_short(text, end, value):
            continue  # "HF_TOKEN=hf_...": a vendor's prefix, then dots where the value would be
        if SSH_KEY_TYPE.fullmatch(value):
            continue  # an SSH public key follows its type's name ('Schlüssel: ssh-ed25519 AAAA...')
        if _reads_from_code(text, m.start("value")):
            continue  # "session = boto3.Session(profile_name=...)": code that makes or reads the value
        if _TEMPLATE.match(text, m.start("value")):
            continue  # 'password: {{ password }}'
        if m.group("key").lower().startswith("session") and not any(c.isdigit() for c in value):
            continue  # 'session=new': a state, not a session id (those hold digits)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _PUBLIC_HEADER.search(t.low, max(line_start, m.start() - 24), m.start("key") + 1):
            continue  # "public key: age1...", "PublicKey = ..."
        if strength == "weak" and not _secretish(value):
            continue
        if value.lower() in _NOT_A_VALUE or value.isdigit() and len(value) < 4:
            continue
        if strength == "strong" and _plain_word(value) and len(value) < 6:
            continue  # auth: oidc
        if _KEY_NAME.fullmatch(value) and _SCHEMA_KEY_BEFORE.search(t.low, max(0, m.start("key") - 40), m.start("key")):
            continue  # "unbekannter Schlüssel: cert_file_path": a program names the setting it rejects
        if value.islower() and _plain_word(value) and _PROSE_AFTER.match(text, end):
            continue  # "Invalid token: signature has expired": a message in words, as the password's rule has it
        yield Finding("credential.key-value", CREDENTIAL, start, end)
    for m in _headers(t):
        start, end = m.span("value")
        value = text[start:end].rstrip()
        # (the sentence's stop after a placeholder: "send Authorization: Bearer <ACCESS_TOKEN>.")
        if value and not _is_placeholder(value.split()[0].rstrip(".,;")):
            yield Finding("credential.http-header", CREDENTIAL, start, start + len(value))


# --- a user and a password handed to code as a pair ---------------------------------------------

#: auth=("alice", "..."), HTTPBasicAuth("alice", "..."), login('alice', '...'): the second string
_AUTH_PAIR = re.compile(
    r"(?:\bauth[ \t]*=[ \t]*[(\[]|\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|HTTPProxyAuth|authenticate|"
    r"login|set_credentials|setCredentials|authenticate_user)[ \t]*\()[ \t]*"
    r"(?P<q1>[\"'])[^\"'\n]{1,80}(?P=q1)[ \t]*,[ \t]*(?P<q2>[\"'])(?P<value>[^\"'\n]{1,200})(?P=q2)")


def auth_pairs(t: Text) -> Iterator[Finding]:
    """The password of a user and password pair in code, whatever its looks."""
    if "(" not in t.text or ("auth" not in t.low and "login" not in t.low and "credentials" not in t.low):
        return
    for m in _AUTH_PAIR.finditer(t.text):
        if not _is_placeholder(m.group("value")) and not _TEMPLATE.match(m.group("value")):
            yield Finding("credential.auth-pair", CREDENTIAL, *m.span("value"))


# --- command lines ------------------------------------------------------------------------------

_FLAG_WORDS = (r"password|passwd|pass|pwd|os-password|storepass|keypass|srcstorepass|deststorepass|secret|token|"
               r"api-key|apikey|auth-token|access-token|client-secret|http-password|ftp-password|proxy-password|"
               r"passphrase|pw|key|secret-key|access-key|secret-access-key|private-token|session-token|bearer|otp")
_LONG_FLAG = re.compile(
    rf"-(?<![\w-]-)-?(?:{_FLAG_WORDS})(?:=|[ \t]+)(?P<value>'[^'\n]*'|\"[^\"\n]*\"|\S+)",
    re.IGNORECASE,
)
_FLAG_ANCHORS = anchor_words(_FLAG_WORDS)
#: what a flag such as ``--key`` also takes: a file ("--key ~/.ssh/id_ed25519", "--key tls.key")
#: or a sort field ("sort --key 2,3"): no secret
_FILE_OR_FIELD = re.compile(r"(?:[~.]{0,2}/\S*|\S+\.(?:pem|key|crt|cer|p12|pfx|jks|json|txt|asc|gpg|pub|der|conf|cfg|ini|yaml|yml)|[\d,.]{1,8})")
_COMMANDS = (r"mysql|mysqldump|mariadb|mysqladmin|sshpass|docker|podman|helm|ldapsearch|ldapmodify|ldapadd|"
             r"ldapdelete|ldappasswd|ldapwhoami|smbclient|redis-cli|sqlcmd|mongo|mongosh|zip|7z|unzip|xfreerdp|"
             r"rdesktop|keytool|openssl|iinit|omero")
_COMMAND_ANCHORS = anchor_words(_COMMANDS)
_MYSQL = re.compile(r"(?<![\w-])(?:mysql|mysqldump|mariadb|mysqladmin|mysqlshow|mysqlcheck)(?![\w-])", re.IGNORECASE)
_SHORT_FLAG_COMMANDS = re.compile(rf"(?<![\w-])(?:{_COMMANDS})(?![\w-])", re.IGNORECASE)
_SHORT_FLAG = re.compile(r"-(?<![\w-]-)(?:p|w|P|a|k)(?:[ \t]+(?P<spaced>'[^'\n]*'|\"[^\"\n]*\"|\S+)|(?P<glued>[^\s-]\S*))")
#: (lftp writes them with a comma: "lftp -u tkiss,Balaton_1848 sftp://...")
_USER_PASS = re.compile(r"-(?<![\w-]-)(?:u|-user|U|-username)[ \t]+['\"]?[^\s:%,'\"]+(?:[:%]|(?<=[\w.-]),(?=\S))"
                        r"(?P<value>[^\s'\"]+)")
#: a MinIO client's alias, its keys given after the URL: "mc alias set kyiv https://... ACCESS SECRET"
_MC_ALIAS = re.compile(r"(?<![\w-])(?:mc|mcli)[ \t]+(?:alias[ \t]+set|config[ \t]+host[ \t]+add)[ \t]+\S+[ \t]+\S+"
                       r"[ \t]+(?P<access>[^\s'\"]+)[ \t]+(?P<value>[^\s'\"]+)")
_OPENSSL_PASS = re.compile(r"-(?<![\w-]-)pass(?:in|out|word)?[ \t]+(?:pass|env|file):(?P<value>\S+)")
_ECHO_PIPE = re.compile(
    r"(?:echo|printf)[ \t]+(?:-[ne]+[ \t]+)?(?P<value>'[^'\n]*'|\"[^\"\n]*\"|\S+)[ \t]*\|[ \t]*[^\n]{0,80}?"
    r"(?:--pwstdin|--password-stdin|--passin|passwd|chpasswd|kinit|sudo\s+-S|-passin\s+stdin|--stdin|"
    r"voms-proxy-init|grid-proxy-init|myproxy-init|iinit|openssl)"
)


#: commands that take the password as a plain argument: SQL's "IDENTIFIED BY '...'", Windows'
#: "net user NAME PASSWORD", "htpasswd -b FILE USER PASSWORD"; a .pgpass line ("host:port:db:user:pw")
_POSITIONAL_PASSWORD = re.compile(
    r"(?i:identified[ \t]+(?:with[ \t]+\S+[ \t]+)?by(?:[ \t]+password)?)[ \t]+(?P<v1>'[^'\n]*'|\"[^\"\n]*\"|[^\s;]+)"
    r"|(?<![\w-])(?i:net)[ \t]+(?i:user)[ \t]+(?:\"[^\"\n]+\"|[^\s/]+)[ \t]+(?P<v2>(?!/)[^\s*]\S*)"
    r"|(?<![\w-])htpasswd[ \t]+-\w*b\w*[ \t]+(?:-\w+[ \t]+)*\S+[ \t]+\S+[ \t]+(?P<v3>'[^'\n]*'|\"[^\"\n]*\"|\S+)"
    r"|^[ \t]*[\w.*-]+:(?:\d{1,5}|\*):(?=[\w.*-]*[A-Za-z*])[\w.*-]+:(?=[\w.*@-]*[A-Za-z*])[\w.*@-]+:(?P<v4>\S+)[ \t]*$",
    re.MULTILINE,
)
_POSITIONAL_WORDS = frozenset(b"identified net htpasswd".split())
#: the port field of a .pgpass line ("host:5432:db:user:password"), in every line that can be one
_PORT_FIELD = re.compile(r":(?:\d{1,5}|\*):")


def _four_colons(text: str) -> bool:
    """``text.count(":") >= 4``, read only up to the fourth colon (a count reads the whole text,
    one character at a time; ``find`` of one character skips to it at once)."""
    i = text.find(":")
    for _ in range(3):
        if i < 0:
            return False
        i = text.find(":", i + 1)
    return i >= 0


def _positional_passwords(t: Text) -> Iterator[re.Match[str]]:
    """``_POSITIONAL_PASSWORD.finditer(text)``, tried only where one of its readings can begin: in
    an ASCII text at 'identified', the word 'net', 'htpasswd', and the starts of the lines with a
    port between two colons (in other scripts: of the lines with four colons). A search for the
    whole tries its four readings at every character, ~200 us in a message with a few times and
    links; a test of every line for four colons still cost most of this rule."""
    text = t.text
    if not t.ascii and not _POSITIONAL_WORDS.isdisjoint(t.words):
        # (case-blind matching of other scripts has its own pairs: the search answers)
        yield from _POSITIONAL_PASSWORD.finditer(text)
        return
    # ('net' is a part of many words, "network", "internet": looked for only if it is a word of the text)
    starts = [] if not t.ascii else \
        t.positions("identified") + (t.word_positions("net") if b"net" in t.words else []) + t.positions("htpasswd")
    if _four_colons(text):
        if t.ascii:  # a .pgpass line holds its port between two colons: only such lines are tried
            starts += [text.rfind("\n", 0, m.start()) + 1 for m in _PORT_FIELD.finditer(text)]
        else:
            lines = t.line_starts
            starts += [a for a, b in zip(lines, lines[1:] + [len(text)]) if text.count(":", a, b) >= 4]
    end, match = 0, _POSITIONAL_PASSWORD.match
    for p in sorted(set(starts)):
        if p >= end:
            m = match(text, p)
            if m:
                yield m
                end = m.end()


def command_lines(t: Text) -> Iterator[Finding]:
    text, words = t.text, t.words
    if not _POSITIONAL_WORDS.isdisjoint(words) or _four_colons(text):
        for m in _positional_passwords(t):
            group = m.lastgroup or ""
            yield from _flag_value(text, *m.span(group))
    if b"mc" in words or b"mcli" in words:
        for m in _MC_ALIAS.finditer(text):
            if not _is_placeholder(m.group("value")):
                yield from _flag_value(text, *m.span("value"))
    if "-" not in text and "|" not in text:
        return
    if not _FLAG_ANCHORS.isdisjoint(words):
        for m in _LONG_FLAG.finditer(text):
            if not _FILE_OR_FIELD.fullmatch(m.group("value").strip("'\"")):
                yield from _flag_value(text, *m.span("value"))
    # (" -u " in the lower-cased view is " -u " or " -U " in the text, and has the word 'u')
    if b"u" in words and " -u " in t.low or "--user" in t.low:
        for m in _USER_PASS.finditer(text):
            yield from _flag_value(text, *m.span("value"))
    if "-pass" in t.low:
        for m in _OPENSSL_PASS.finditer(text):
            if not text[m.start("value") - 4:m.start("value")].endswith(("env:", "ile:")):
                yield from _flag_value(text, *m.span("value"))
    if "|" in text and (b"echo" in words or b"printf" in words):
        for m in _ECHO_PIPE.finditer(text):
            yield from _flag_value(text, *m.span("value"))
    if not _COMMAND_ANCHORS.isdisjoint(words):
        for m in _SHORT_FLAG.finditer(text):
            line_start, _ = t.line_span(m.start())
            if not _SHORT_FLAG_COMMANDS.search(text, line_start, m.start()):
                continue
            group = "spaced" if m.group("spaced") else "glued"
            value = m.group(group)
            if group == "spaced" and (value.isdigit() or value.startswith(("/", "~", "$", "-"))
                                      or _PORT_MAPPING.fullmatch(value) and _CONTAINERS.search(text, line_start, m.start())):
                continue  # -p 22 (a port), -p /path
            if group == "spaced" and m.group().startswith("-p") and _MYSQL.search(text, line_start, m.start()):
                continue  # "mysql -u acct -p accounting": MySQL's -p asks for the password, the word is the database
            yield from _flag_value(text, *m.span(group))


#: "docker run -p 8888:8888", "-p 127.0.0.1:8080:80/tcp": ports, not a password
_CONTAINERS = re.compile(r"(?<![\w-])(?:docker|podman|nerdctl|finch)(?![\w-])")
_PORT_MAPPING = re.compile(r"(?:[\d.]+:)?\d{1,5}(?:-\d{1,5})?:\d{1,5}(?:-\d{1,5})?(?:/(?:tcp|udp|sctp))?")


def _flag_value(text: str, start: int, end: int) -> Iterator[Finding]:
    if _TEMPLATE.match(text, start):
        return  # "-p {{ registry_password }}": a template's placeholder, spaces and all
    value = text[start:end]
    if value[:1] in "'\"" and value[-1:] == value[:1] and len(value) >= 2:
        start, end, value = start + 1, end - 1, value[1:-1]
    if value and not _is_placeholder(value) and value.lower() not in _NOT_A_VALUE:
        yield Finding("credential.command-line", CREDENTIAL, start, end)


# --- hand-overs without a password word ---------------------------------------------------------------

_REVEAL = Lexicon(REVEAL_PHRASES, template=r"(?<!\w)(?:{body})[ \t]*[:\-–]?[ \t]*")
_PUBLIC_HEADER = re.compile(rf"(?:{lex(PUBLIC_KEY_WORDS)})")


def handed_over(t: Text) -> Iterator[Finding]:
    """ "I've reset it to X", "here it is: X" with X not an ordinary word; or a made-up word later
    in the sentence ("I set it to the group's name and the year, X")."""
    text = t.text
    for m in _REVEAL.finditer(t, 40, 60):
        _, line_end = t.line_span(m.end())
        value_at = m.end()
        if not text[value_at:line_end].strip():
            nxt = _next_value_line(text, line_end)
            if nxt is None:
                continue
            value_at = nxt
            _, line_end = t.line_span(value_at)
        if _SSH_PUBLIC_KEY.match(text, value_at):
            continue  # "here it is: ssh-ed25519 AAAA... user@laptop": a public key handed over, as asked
        span = _value_span(text, value_at, line_end)
        if span and _secretish(text[span[0]:span[1]]):
            yield Finding("credential.handed-over", CREDENTIAL, *span)
        else:
            yield from _made_up_words(t, value_at, _sentence_end(t, value_at, line_end))


_LOGIN = Lexicon(LOGIN_PHRASES)
#: (after an elided article too: "l'account", "l'utente", "l'utilisateur")
_ACCOUNT_CONTEXT = Lexicon(ACCOUNT_CONTEXT_WORDS, template=r"(?<![\w-])(?:{body})(?![\w-])")
_CHARACTERS = Lexicon(CHARACTER_WORDS)
#: (a capital after it: "Use Kuusi_718! to log in" is one sentence)
_SENTENCE_START = re.compile(_NOT_AFTER_ABBREVIATION + r"[.!?][ \t]+(?=[A-Z\u00c0-\u00de\u0391-\u03a9\u0400-\u042f])")


#: after an account's word: the user's name, "and" or a slash, then a word with a year or a number
#: joined to it (a password people make of a word they like)
_USER_AND_WORD_YEAR = re.compile(
    r"[ \t]+[\w.-]{2,32}[ \t]*(?:/|,|and|und|et|e|y|i|a|og|och|ja|és|și|ve|и)[ \t]+"
    r"(?P<value>[^\W\d_]{4,20}\d{2,4})(?![\w.@/-])")
#: a word, '+' and a word for a year or a number ("Balaton + évszám"), found from the '+'
_WORD_BEFORE_PLUS = re.compile(r"(?<![\w])([^\W\d_]{4,20})[ \t]*$")
_WORD_AFTER_PLUS = re.compile(r"[ \t]*[^\W\d_]{2,20}")
_DIGITS_JOINED = re.compile(r"\d{2,4}[!#?*]?(?![\w/-])")
_CLAUSE_END = re.compile(r"[.!?\n]")


def _recipe_values(t: Text) -> Iterator[Finding]:
    """The word before a '+' again with digits joined, later in the sentence: "Balaton + évszám,
    tehát Balaton2024"."""
    text = t.text
    for plus in t.positions("+"):
        before = _WORD_BEFORE_PLUS.search(text, max(0, plus - 24), plus)
        if before is None or not _WORD_AFTER_PLUS.match(text, plus + 1):
            continue
        word, limit = before.group(1), min(len(text), plus + 70)
        stop = _CLAUSE_END.search(text, plus, limit)
        limit = stop.start() if stop else limit
        i = text.find(word, plus, limit)
        while i >= 0:
            digits = _DIGITS_JOINED.match(text, i + len(word))
            if digits and not text[i - 1].isalnum():
                yield Finding("credential.handed-over", CREDENTIAL, i, digits.end())
            i = text.find(word, i + 1, limit)
#: words that take a year or a number as a name of a thing, not of a password
_THINGS_WITH_YEARS = frozenset(
    "python java release version build run runs sample samples dataset data test tests image node batch job file "
    "backup snapshot project task group team site cluster server host disk volume bucket queue partition config "
    "model report event year week conda ubuntu centos rocky alma almalinux debian fedora windows win geant root "
    "cuda gcc intel slurm condor htcondor kernel linux el rhel sles tier campaign period cycle call".split())


def login_values(t: Text) -> Iterator[Finding]:
    """A password handed over with no password word: a made-up word in the sentence of "Use X to log
    in", "Entra con X" or "capital B, lowercase r, ...", before or after the phrase."""
    text = t.text
    for m in chain(_LOGIN.finditer(t, 80, 80), _CHARACTERS.finditer(t, 80, 80)):
        line_start, line_end = t.line_span(m.start())
        start = max(line_start, m.start() - _WINDOW)
        for s in _SENTENCE_START.finditer(text, start, m.start()):
            start = s.end()
        yield from _made_up_words(t, start, m.start())
        yield from _made_up_words(t, m.end(), _sentence_end(t, m.end(), line_end))
    # how it was made, then what it is: "Balaton + évszám, tehát Balaton2024"
    if "+" in text:
        yield from _recipe_values(t)
    # an account, its user, a temporary value: a user's name and a word with a year joined to it
    # ("l'utente ricerca e girasole1984", "grid_ops / chamonix22"), or a made-up word on its own in
    # that sentence (not a path, a setting, an address or a name with ':': "arn:aws:iam::...")
    scanned = 0  # (each stretch of text once, however many account words it holds)
    for m in _ACCOUNT_CONTEXT.finditer(t, 80, 80):
        pair = _USER_AND_WORD_YEAR.match(text, m.end())
        if pair and pair.group("value").rstrip("0123456789").lower() not in _THINGS_WITH_YEARS:
            yield Finding("credential.handed-over", CREDENTIAL, pair.start("value"), pair.end("value"))
        line_start, line_end = t.line_span(m.start())
        start = max(line_start, m.start() - _WINDOW)
        for s in _SENTENCE_START.finditer(text, start, m.start()):
            start = s.end()
        end = _sentence_end(t, m.end(), line_end)
        for f in _made_up_words(t, max(start, scanned), end, plain=True):
            if ":" not in text[f.start:f.end] and "@" not in text[f.start:f.end]:
                yield f
        scanned = max(scanned, end)
    # a made-up word later in a password word's sentence, however it is said: "pw is the usual
    # + 1 i.e. EGIgrid2023 -> EGIgrid2024"
    scanned = 0  # (each stretch once: "password: " a thousand times on a line costs one pass)
    told = 0
    for m in sorted(chain(_PASSWORD.finditer(t, 10, 120), _ABBREVIATED.finditer(t, 10, 120)), key=lambda m: m.start()):
        line_start, line_end = t.line_span(m.start())
        at = m.end()
        if "/" in text[m.start() - 1:m.start()] or "+" in text[m.end():m.end() + 1]:
            # a password word in a link's path ("wiki/display/WIKI/Password+reset+SRAM", a page's
            # title): the words after it in the link are the page's, not a value
            word = max(line_start, text.rfind(" ", line_start, m.start()) + 1)
            while word < m.start() and text[word] in "(<[":
                word += 1
            link = _URL_WITHOUT_PASSWORD.match(text, word)
            if link and link.end() > m.start():
                at = link.end()
        start = max(at, scanned)
        scanned = max(scanned, _sentence_end(t, m.end(), min(line_end, m.end() + _WINDOW)))
        yield from _made_up_words(t, start, scanned, plain=True)
        # the next sentence saying what it is, in quotes: "the old passphrase is wrong. I'm sure
        # it's "blue-tundra-kettle-42", I typed it a hundred times"
        said = _IT_IS_QUOTED.match(text, scanned)
        if said and (_made_up(said.group("value")) or _PASSPHRASE_SHAPE.fullmatch(said.group("value"))):
            yield Finding("credential.handed-over", CREDENTIAL, said.start("value"), said.end("value"))
        told_from = max(m.end(), told)
        told = _told_reach(text, m.end())
        yield from _told_later(t, told_from, told)


#: a clause that begins with a pronoun and a copula and ends with a colon ("..., det var:",
#: "Es war:", "c'était :", "to było:"): what "it" was comes after the colon
_IT_WAS_COLON = re.compile(
    r"(?:^|(?<=[,;.!?(—–\n]))[ \t]*"
    r"(?:(?:and|but|so|und|aber|also|et|mais|donc|e|ma|quindi|y|pero|en|maar|dus|i|a|ale|więc|ale|og|men|så|och|"
    r"ja|mutta|és|de|și|dar|ve|ama|un|bet|ir|και|и|но)[ \t]+)?"
    rf"(?:{lex(IT_WAS_PHRASES)})[ \t]*[:：]$")
_AFTER_COLON = re.compile(r"[ \t]*[\"'«„“‘]?(?P<value>[^\s\"'»”’]{8,64})")
_CLAUSE_ENDS = re.compile(r"[.,;!?)]*[ \t]*(?:$|\n|[.!?]|[ \t][-–—(])")
#: how far after a password word a later clause may tell its value: the paragraph, 400 characters
_TOLD_REACH = 400


def _told_reach(text: str, pos: int) -> int:
    para = text.find("\n\n", pos, pos + _TOLD_REACH)
    return para if para >= 0 else min(len(text), pos + _TOLD_REACH)


def _told_later(t: Text, start: int, end: int) -> Iterator[Finding]:
    """A password told in a later clause of the message that named it, after a pronoun, a copula
    and a colon ("Lösenordet som jag fick ... fungerar inte längre. Jag har testat med och utan
    mellanslag, det var: Grodan-Boll-42"): a made-up word or a passphrase's shape after the colon."""
    text, low = t.text, t.low
    colon = text.find(":", start, end)
    while colon >= 0:
        if _IT_WAS_COLON.search(low, max(start, colon - 48), colon + 1):
            v = _AFTER_COLON.match(text, colon + 1)
            if v:
                value = v.group("value").rstrip(_VALUE_END)
                # (words joined in lower case are a passphrase only where the clause ends with them:
                # "It was: announced-in-2024 by the board" goes on in words)
                if _made_up(value) or _PASSPHRASE_SHAPE.fullmatch(value) and any(c.isdigit() for c in value) \
                        and _CLAUSE_ENDS.match(text, v.start("value") + len(value)):
                    yield Finding("credential.handed-over", CREDENTIAL, v.start("value"), v.start("value") + len(value))
        colon = text.find(":", colon + 1, end)




#: a sentence that says what "it" is, a quoted word: the one just spoken of (a password word's)
_IT_IS_QUOTED = re.compile(
    r"[.!?;]?[ \t]+[^.!?;\n]{0,40}?(?<![\w])(?:it's|it is|it was|es ist|es war|c'est|c’est|è|era|es|"
    r"é|je|to jest|to je|det är|det er|het is|dat is|on|se on|είναι|это)[ \t]+[\"'«„“‘](?P<value>[^\s\"'»”’]{6,64})[\"'»”’]")


#: words of a generated passphrase, three or more joined ("blue-tundra-kettle-42"), not a file's name
_PASSPHRASE_SHAPE = re.compile(r"[A-Za-z]+(?:[-_+][A-Za-z0-9]+){2,}(?<!\.txt)")


def _made_up_words(t: Text, start: int, end: int, plain: bool = False) -> Iterator[Finding]:
    """``plain``: only a word on its own, not a setting, a path or a variable
    ("POSTGRES_PASSWORD_FILE=/run/secrets/db_password" names where a password is)."""
    for token in _TOKEN.finditer(t.text, start, end):
        word = token.group().rstrip(_VALUE_END)
        if plain and (any(c in word for c in "/=$\\") or word.startswith("-")):
            continue
        if t.text[token.start() - 1:token.start()] in ("<", "‹") and t.text[token.start() + len(word):][:1] in (">", "›"):
            continue  # "password: <base64-kodierter-Wert>": a placeholder's name
        if _made_up(word):
            yield Finding("credential.handed-over", CREDENTIAL, token.start(), token.start() + len(word))


#: a program and its version ("Python-3.11", "OpenSSL_1.1.1w", "CentOS-7.9")
_NAMED_VERSION = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+)*[-_ ]?v?\d+(?:\.\d+)+[a-z]?")


#: a part that is an acronym and its number, as names of data sets and products are ("ERA5-Land",
#: "CMIP6", "H2020-Infra")
_NUMBERED_ACRONYM = re.compile(r"(?:^|[-_.])[A-Z]{2,}\d+[a-z]?(?:$|[-_.])")


def _made_up(word: str) -> bool:
    """A made-up word of the kind people choose as a password ("Tulip-42-Rain", "Kuusi.Jarvi.44",
    "ATLASgrp2019", "Bravo47#"): eight characters or more, upper and lower case letters with digits
    or symbols, and no public identifier's shape."""
    if len(word) < 8 or not _secretish(word) or _NAMED_VERSION.fullmatch(word) or _NUMBERED_ACRONYM.search(word) \
            or domain_name(word):
        return False
    letters = sum(c.isalpha() for c in word)
    return letters >= 4 and letters < len(word) and any(c.isupper() for c in word) and any(c.islower() for c in word)
