"""Classes of text that an outside corpus showed to be screened wrongly: each as several variants
that a detector must catch (the secret part must be covered) or leave whole (a public look-alike).

The variants are written for the class, in several languages and shapes, not copied from the
corpus that revealed it."""

from __future__ import annotations

import pytest

from generator.screening import fields
from generator.screening.detectors import find_all


def covered(text: str, part: str) -> bool:
    """Is every character of ``part`` (in ``text``) inside some finding?"""
    start = text.index(part)
    spans = [(f.start, f.end) for f in find_all(text)]
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(part)))


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # an address with a floor, door or flat between the house number and the postcode
        ("Datos para el envío: Calle del Pino 7, 2º A, 28004 Madrid.", "Calle del Pino 7, 2º A, 28004 Madrid"),
        ("J'habite 4 rue des Acacias, 3e étage, 69003 Lyon", "4 rue des Acacias, 3e étage, 69003 Lyon"),
        ("Lieferadresse: Lindenstraße 12, 2. Stock, 1070 Wien", "Lindenstraße 12, 2. Stock, 1070 Wien"),
        ("Skicka till Storgatan 3, lgh 1204, 114 51 Stockholm", "Storgatan 3, lgh 1204, 114 51 Stockholm"),
        # a phrase of plain words after "is:" (a colon announces the value as a sign does)
        ("The passphrase for the backup key is: correct marmot lantern fjord", "correct marmot lantern fjord"),
        ("Die Passphrase lautet: valid Birke Nebel Ofen", "valid Birke Nebel Ofen"),
        # the password of a named account: the account's name, then the verb, then the value
        ("Ο κωδικός πρόσβασης για τον χρήστη ops07 είναι Zq8rTmLw3Kp", "Zq8rTmLw3Kp"),
        ("Das Passwort für den Benutzer ops07 ist Zq8rTmLw3Kp", "Zq8rTmLw3Kp"),
        ("The password for account svc-backup2 is Zq8rTmLw3Kp.", "Zq8rTmLw3Kp"),
        ("le mot de passe du compte ops07 est : Zq8rTmLw3Kp", "Zq8rTmLw3Kp"),
        # an address broken around its '@' by line breaks
        ("Bitte an meine Adresse schreiben:\neva.novak\n@\nuni-example.de\n\nDanke!", "eva.novak\n@\nuni-example.de"),
        ("pište na j_kral\n@ cesnet-example.cz", "j_kral\n@ cesnet-example.cz"),
        # a token whose last character is an underscore (not the end of emphasis)
        ("Das Deploy-Token lautet glpat-Xk2mQ9rTzLw4Pb7NvC1_, Scope read_registry.", "glpat-Xk2mQ9rTzLw4Pb7NvC1_"),
        # a phrase of words after a passphrase word and its verb, up to its comma
        ("The key passphrase is amber falcon meadow quartz, without the comma.", "amber falcon meadow quartz"),
        ("Die Passphrase ist Birke Nebel Ofen Quark, bitte ändern", "Birke Nebel Ofen Quark"),
        ("De wachtzin is: boom vis huis rood", "boom vis huis rood"),
        ("La phrase secrète est chat noir table bleue, merci", "chat noir table bleue"),
        # an id word of two words before its colon
        ("Kedves Zoltán!\n\nAdóazonosító jel: 8412345678\n\nÜdvözlettel", "8412345678"),
        # 'internal use only' with 'only' last, as Portuguese, Italian and French may write it
        ("Olá,\n\nUso interno apenas. O servidor foi comprometido.", "Uso interno apenas"),
        ("Document à usage interne uniquement : le serveur a été compromis.", "usage interne uniquement"),
        # a webhook's address, on any host: the whole address
        ("SLACK_WEBHOOK=https://hooks.chat.example/services/T0ZW9S4XHS/B04CEMZMMU/7qUqBeat6oNaPbYvGxN6q1Rv",
         "https://hooks.chat.example/services/T0ZW9S4XHS/B04CEMZMMU/7qUqBeat6oNaPbYvGxN6q1Rv"),
        ("https://ci.example.eu/api/webhooks/1234567/Zk9qLmP0aXwR3tY7uV2bN5cD8eF1gH4j",
         "https://ci.example.eu/api/webhooks/1234567/Zk9qLmP0aXwR3tY7uV2bN5cD8eF1gH4j"),
        # a connection string with a password: the whole address (host, user and database with it)
        ("MONGO_URL=mongodb+srv://app:YVSG4CMyKDjPn3@cluster0.mongo.example.net/?retryWrites=true",
         "mongodb+srv://app:YVSG4CMyKDjPn3@cluster0.mongo.example.net/?retryWrites=true"),
        # a JWK with a private member: the whole object
        ('sign with {"kty": "EC", "crv": "P-256", "x": "twn0b3AdyBCCwhUwk2dWzLWI53aqDxGN8eEo9fyQJc", '
         '"d": "Q-Rmed-2heXRRgodD2T8xmVS6n1ImH8Hz3EiNIFSU2I"} ok', '"x": "twn0b3AdyBCCwhUwk2dWzLWI53aqDxGN8eEo9fyQJc"'),
        # a person's DN stays personal when a name follows a host-like CN
        ("DN: /DC=eu/O=Example/CN=jane.doe.example.eu Jane Doe", "Jane Doe"),
        # an address in angle brackets whose local part begins like an HTML tag's name
        ("Von: Anna Berg <a.berg@uni-example.de>\nGesendet: Montag", "a.berg@uni-example.de"),
        ("-----Original Message-----\nFrom: <b.ivanov@example.bg>", "b.ivanov@example.bg"),
        ("Cc: Sam Roe <small.roe@example.ie>", "small.roe@example.ie"),
        # an id number after its word and a few words saying what it is for, then a colon
        ("Rodné číslo pro smlouvu: 855315/1234", "855315/1234"),
        ("Personnummer till ansökan: 780101-1235", "780101-1235"),
        # a marker written with digits for letters, heading what follows
        ("V3RTR4ULICH\n\nDie Zahlen sind geschönt.", "V3RTR4ULICH"),
        ("[1NTERNAL] budget cut planned", "1NTERNAL"),
        # a password given as a plain argument: SQL, Windows' net user, htpasswd, a .pgpass line
        ("GRANT ALL ON db.* TO 'app'@'%' IDENTIFIED BY 'lindenbaum';", "lindenbaum"),
        ("net user gridadmin Wintergarten /add /domain", "Wintergarten"),
        ("htpasswd -b /etc/httpd/.htpasswd monitor kolibri", "kolibri"),
        ("~/.pgpass:\npg.example.eu:5432:*:vo_reader:tulipan", "tulipan"),
        # the first characters of a real password, cut short, in either form (a prefix that ends
        # in '_' or '-' and dots is a vendor token's placeholder, these are not)
        ("DB_PASSWORD=Sommer24...", "Sommer24"),
        ("the password is Kq7zWm... (the rest by phone)", "Kq7zWm"),
        # a birth date after the abbreviation of "born" (Polish, Czech)
        ("Kierownik: Adam Nowak (ur. 14.02.1979)", "14.02.1979"),
        ("Petr Dvořák, roz. 7. 9. 1988, Brno", "7. 9. 1988"),
        # "keep it to yourself" and "for your eyes" in other words and languages, heading a secret
        ("Tylko dla Ciebie, proszę zachować dla siebie: serwer zostanie wyłączony.", "zachować dla siebie"),
        ("Nechte si to pro sebe: rozpočet se krátí.", "Nechte si to pro sebe"),
        ("Only for your eyes - the budget is cut.", "for your eyes"),
        # an address written with spaces between its letters
        ("Kontakt: m a r i a . k o w a l s k a @ u n i - e x a m p l e . p l", "m a r i a . k o w a l s k a @ u n i - e x a m p l e . p l"),
        ("mail: p e t r @ e x a m p l e . c z.", "p e t r @ e x a m p l e . c z"),
        # a phone number with '(0)' and a spaced slash
        ("Tel. +43 (0) 1 / 234 56 78", "+43 (0) 1 / 234 56 78"),
        # a secret inside an HTML comment of a plain-text message (the page's source shows it)
        ("siehe <!-- Passwort: Wz7-Kq2m-Lp9x --> oben", "Wz7-Kq2m-Lp9x"),
        # an address inside an attribute that is neither layout nor a known content attribute
        ('<span onmouseover="show(\'ivo.horvat@example.hr\')">kontakt</span>', "ivo.horvat@example.hr"),
        # hexadecimal key material alone on its line, under a line naming it that ends in a colon
        ("Der HMAC key (hex) für den Webhook, bitte sicher ablegen:\n"
         "4f0c1e9a7b3d2c5e8f6a1b0d9c7e3f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e",
         "4f0c1e9a7b3d2c5e8f6a1b0d9c7e3f2a4b6c8d0e1f3a5b7c9d2e4f6a8b0c1d3e"),
        # a licence plate after the word naming it, with words between
        ("Der Wagen des Technikers (Kennzeichen M-AB 1234) blockiert die Einfahrt.", "M-AB 1234"),
        ("Kenteken van de leverancier: 12-KLM-3", "12-KLM-3"),
        ("Auto kierowcy, nr rej. WA 12345, stoi przy bramie.", "WA 12345"),
        ("Registreringsnummer för bilen: ABC 123", "ABC 123"),
        # a person's number at work or at university, with the words between it and its value
        ("Número de empleado del técnico: EMP-2210093", "EMP-2210093"),
        ("Osobní číslo zaměstnance: KT-77120", "KT-77120"),
        ("Le numéro d'étudiant de Léa est 31207754.", "31207754"),
        ("Personalnummer der Kollegin: 0048213", "0048213"),
        # a birth date whose label says whose it is before the colon, or ends with an Armenian comma
        ("Data di nascita del borsista: 3 marzo 1991", "3 marzo 1991"),
        ("Geburtsdatum der Gastwissenschaftlerin: 04.11.1988", "04.11.1988"),
        ("Ծննդյան ամսաթիվը՝ 01.02.1990", "01.02.1990"),
        # a home word that is not the first word of its phrase
        ("כתובת מגורים: רחוב הגפן 7, חיפה", "רחוב הגפן 7, חיפה"),
        ("Adres zamieszkania: ul. Lipowa 4, 30-001 Kraków", "ul. Lipowa 4, 30-001 Kraków"),
        # a person's address with an organisation's word later in the text (not before it on its line)
        ("Ship the kit to Jan Novak, Lindenstraße 5, 10115 Berlin; the research starts Monday.",
         "Lindenstraße 5, 10115 Berlin"),
        # a fediverse account, and a messenger user name given as such
        ("Folgt mir: @k.weber@social.example.org", "@k.weber@social.example.org"),
        ("Signal username: petr.77", "petr.77"),
        ("my Element user name is jan_k2", "jan_k2"),
        # a secret-named key in a subscript, as code sets it
        ("os.environ['S3_SECRET_KEY'] = 'pQ7vN2xL9mZr'", "pQ7vN2xL9mZr"),
        ('settings["db_password"] = "Lumen-Fjord-88"', "Lumen-Fjord-88"),
        # a user and a password handed to code as a pair
        ('r = requests.get(url, auth=("alice", "Maracuja77"))', "Maracuja77"),
        ("client = HTTPBasicAuth('svc-ops', 'Lumen fjord 8')", "Lumen fjord 8"),
        ('ftp.login("jan", "Sommer2026")', "Sommer2026"),
        # a real marking before a sentence that says "may contain", and a person's number marked private
        ("Confidential: the site may contain malware, do not tell", "Confidential"),
        ("Mobile: +44 7700 900123 (private)", "+44 7700 900123"),
        # a passphrase of plain words, up to its bracket
        ("The passphrase of the archive is: velvet cobalt harbour ember (no capitals).", "velvet cobalt harbour ember"),
        # a random-looking word later in a sentence that speaks of a password
        ("Das Passwort ist nicht mehr 'Start123', sondern QvoRmtKzpa seit gestern.", "QvoRmtKzpa"),
        ("verbum arcanum servitoris est TibrisX9qvL", "TibrisX9qvL"),
        # a marking for internal use, in languages and spellings the list lacked
        ("Kun til intern bruk:\nklyngen ble kompromittert i går", "Kun til intern bruk"),
        ("Sadece ic kullanim icin: sunucu ele gecirildi", "Sadece ic kullanim icin"),
        ("Ainult siseseks kasutamiseks: server on häkitud", "Ainult siseseks kasutamiseks"),
        ("მხოლოდ შიდა გამოყენებისთვის: სერვერი", "მხოლოდ შიდა გამოყენებისთვის"),
        ("Skal ikke publiseres: noden er kompromittert", "Skal ikke publiseres"),
        # a letter-spaced marking, its words apart by wider gaps or by one space like its letters
        ("S T R I C T L Y  C O N F I D E N T I A L: budget cut", "S T R I C T L Y  C O N F I D E N T I A L"),
        ("F O R  I N T E R N A L  U S E  O N L Y - the breach", "F O R  I N T E R N A L  U S E  O N L Y"),
        ("N O T F O R P U B L I C A T I O N: the breach", "N O T F O R P U B L I C A T I O N"),
    ],
)
def test_secret_of_the_class_is_covered(text, secret):
    assert covered(text, secret), find_all(text)


@pytest.mark.parametrize(
    "text",
    [
        # a password word that is the placeholder of a URI's user info
        "postgres://USER:PASSWORD@db.example.eu:5432/catalog",
        "mysql://ADMIN:PASSWORD@10.0.0.5:3306/app",
        # an SSH public key after the word for "key" in any language
        "Öffentlicher Schlüssel: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOq2uVbYV0dPiQ3EtP3GzS4y2n9Jm0hXvW7kA1c5RtLd",
        "Klucz: ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDm4Zr3pX7kQ9vL2sT8wY1nB6cF0aH5jE3uM9iR4oK7",
        # a host certificate's DN, written inside a sentence
        "The host DN is /DC=eu/DC=example-ca/O=Example/CN=ce03.grid.example.eu — add it to the mapfile.",
        "Map /DC=org/DC=example/CN=se01.storage.example.org to the ops account",
        # port numbers and ranges are not phone numbers
        "Port range 20000-25000 and 50000 51000 open on the firewall.",
        "open port 9619 and ports 20000-25000",
        # base64 of a host or VO name
        "The output of `echo dm8uZXhhbXBsZS5ldQ== | base64 -d` is just the VO name.",
        # confidential computing in the languages that put the adjective after the noun
        "Il calcolo confidenziale è in fase di test su 4 nodi.",
        "Nous évaluons le calcul confidentiel sur deux nœuds.",
        "La computación confidencial se prueba en el clúster.",
        "Das vertrauliche Rechnen wird auf zwei Knoten getestet.",
        # a time after a token word: its colons are no sign, the date and time no value
        "ERROR: token expired at 2026-03-04T10:00:00Z (exp=1772618400), please refresh",
        "Das Passwort lief am 2026-03-04 um 10:15 ab, bitte erneuern",
        # code and prose around a line-broken '@', 'internal use' followed by a preposition
        'a decorator\n@app.route("/x")',
        "the internal use for the project is described below",
        "see https://docs.example.eu/webhooks/setup for the how-to",
        "The passphrase is stored in the vault, ask the operator",
        # a program's prompt for a pass phrase, and its next line of output
        "voms-proxy-init --voms vo.example.org\nEnter GRID pass phrase for this identity:\nContacting voms.example.org:15000 ... Done",
        "openssl req -new\nEnter PEM pass phrase:\nVerifying - Enter PEM pass phrase:",
        # a file type where a password word expects its value
        "Jak zmienić hasło do certyfikatu .p12?",
        "Wie ändere ich das Passwort der Datei .pfx?",
        # ... and so in the sentences a page builds around a subject (a citation, a feed entry)
        'EGI Case Catalogue. "Jak zmienić hasło do certyfikatu .p12?", case 342',
        "Case 12 was opened for Wie ändere ich das Passwort der Datei .pfx?, starting in Assessed",
        # a slug the site makes of a discipline with formulas (the audit reads it in every link)
        "discipline/computational-chemistry-h2o-co2-c6h12o6-fe2o3/",
        "see discipline/surface-chemistry-tio2-fe2o3-catalysis/ for more",
        # a topic joined to a marker word by '+' or '_' (a wiki address, a file name)
        "https://wiki.example.eu/display/EGI/Confidential+Computing+Pilot",
        "see Confidential_Computing_Overview.pdf",
        # a directory's own account in a log: its DN is neither a person's nor a password
        "slapd: bind failed: invalid credentials for uid=replicator,ou=system,dc=grid,dc=example (49)",
        "ldapwhoami -x -D cn=admin,dc=vo,dc=example ... result: invalid credentials",
        "Bind as CN=Directory Manager,O=Example works from the portal host",
        # security advice with its object before the verb (Turkish, German, Hungarian order)
        "Lütfen parolanızı hiç kimseyle paylaşmayın.",
        "Ihr Passwort bitte niemals weitergeben!",
        "A jelszavát senkinek ne adja ki, és ne küldje el e-mailben.",
        # a configuration that names a secret kept elsewhere
        "auth:\n  existingSecret: hub-oauth-client\n  existingSecretKey: client-secret",
        "envFrom:\n  - secretRef: db-credentials",
        # placeholders: a password word with a possessive, a vendor prefix and dots, a password
        # word in capitals as a URI's password, a template the CI runner fills in
        "Passwort: dein_passwort",
        "hasło: twoje_haslo",
        "export GITHUB_TOKEN=ghp_...  # your token",
        "mysql://admin:ПАРОЛЬ@db.example.ua:3306/app",
        "jdbc:postgresql://user:WACHTWOORD@db.example.nl/x",
        "    password: ${{ secrets.DOCKERHUB_TOKEN }}",
        # user@host that is no mailbox: a shell prompt, the comment of an SSH public key, a list
        "[ubuntu@vm7.cloud.example.eu ~]$ sudo systemctl status",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDm4Zr3pX7kQ9vL2sT8wY1nB6cF0aH5jE3uM9iR4oK7 root@wn17.example.eu",
        "Subscribe: https://lists.example.eu/postorius/lists/grid-news@lists.example.eu/",
        # 'pin' the verb, a hostname alone on its line, a run's or pod's generated name
        "Pin the chart to this version: oci://registry.example.eu/charts/hub:3.2.1",
        "Hosts:\nse03.example.it\nce02.example.it",
        "kubectl logs pod/notebook-7c9f8d6b5-k2x4q",
        # a grant or project reference after its words and a colon
        "Förderkennzeichen des Vorhabens: 16DHB3010A",
        # a marker word in a list of classification levels that names a public one
        "Úrovně: veřejné, interní, důvěrné",
        # advice to treat a token as confidential
        "Behandeln Sie das Token bitte als vertraulich.",
        # a job's id in a URL path, a public object's version in a query, a GitLab group path
        "https://ce.example.eu:443/arex/rest/1.0/jobs/Kq7ZpL2mXw9RtY4vN8bC3dF6gH1jS5aE",
        "https://objects.example.eu/bucket/file.nc?versionId=Zx8Lm2Qp7Rt4Vy1Nb6Kc3Dg9",
        "https://gitlab.example.eu/@ops-team/ansible/-/blob/main/site.yml",
        # a description cut short inside a placeholder (a page's summary of a CI snippet)
        "with: username: $(( vars.REGISTRY_USER )) password: $...",
        # a MAC address and a time with colons are no .pgpass line
        "00:1a:2b:3c:4d:5e",
        "12:00:00:000:123",
        # a count with spaces between its thousands after a long word
        "Die Verarbeitung startete um 14:30, insgesamt 2 345 678 Dateien.",
        # an organisation's switchboard and role mailboxes
        "Zentrale der Universität: +49 89 2180 0",
        "Centralino: +39 06 4991 1",
        "Ústředna ústavu: +420 266 052 111",
        "Questions? Write to helpdesk@example.org or security@example.org.",
        # an organisation's postal address
        "Adres: Instytut Fizyki Jądrowej, ul. Radzikowskiego 152, 31-342 Kraków",
        # security advice that calls a credential confidential, with "never"
        "Geben Sie Ihr Passwort niemals weiter, es ist vertraulich.",
        "Le credenziali sono riservate e non vanno mai inviate per posta.",
        "Il mot de passe est confidentiel : ne le communiquez jamais.",
        # placeholders on a command line, public base64, a JWT's header alone, an embedded image
        "helm registry login -u {{ reg_user }} -p {{ reg_password }} harbor.example.eu",
        "config.json in base64: aHR0cHM6Ly9kb2NzLmV4YW1wbGUub3JnL3Zv",
        "The header eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9 says ES256.",
        "data: bG9nX2xldmVsPURFQlVHCnRocmVhZHM9OAo=",
        'logo: <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA">',
        # a redaction before a colon: its word "credential" is no key of a value after it
        "פרטי הגישה לשרת: [redacted: credential]: il-genomics / סיסמה: [redacted: credential]",
        # a mail footer's legal boilerplate, in several languages (a notice on mail in general)
        "This e-mail and any attachments may contain confidential information intended solely for the addressee.",
        "Diese Nachricht kann vertrauliche Informationen enthalten. Wenn Sie nicht der Adressat sind, löschen Sie sie.",
        "Il presente messaggio può contenere informazioni riservate destinate esclusivamente al destinatario.",
        "Este mensaje puede contener información confidencial.",
        # an office's number: the secretariat's, or marked as the switchboard after it
        "Sekretariat: +49 30 5555 0",
        "Tel. +44 20 7946 0000 (switchboard)",
        "Standard : +33 4 72 00 00 00",
        # a topic phrase broken over two lines, a password word in a link's path, a site's name
        "поверителни изчисления (confidential\ncomputing) за анализ",
        "https://wiki.example.eu/display/VO/Password+reset+procedure",
        "Dr. Jean Moreau, responsable du site IN2P3-EXAMPLE",
        # an address said to be an office's, in the office's own language
        "Osoite on Esimerkkikatu 1, 00100 Helsinki (laskentakeskuksen toimisto).",
        # a pair whose password is a placeholder or read from elsewhere
        'r = requests.get(url, auth=("user", "<password>"))',
        "session.auth = (USER, os.environ['PASSWORD'])",
        # a host after a password word and Finnish "on" (a verb there, a preposition here)
        "Please reset the password on wn042.cluster.example.eu first.",
        # the plaque at the door is no licence plate
        "Die Plakette am Eingang: EGI 2024 Award",
    ],
)
def test_public_look_alike_is_left_whole(text):
    assert find_all(text) == []


@pytest.mark.parametrize(
    ("value", "links"),
    [
        ("https://a.example.eu/x ; https://b.example.eu/y", ["https://a.example.eu/x", "https://b.example.eu/y"]),
        ("https://a.example.eu/x | https://b.example.eu/?version=3", ["https://a.example.eu/x", "https://b.example.eu/?version=3"]),
        ("https://a.example.eu/x, arXiv:2310.98765", ["https://a.example.eu/x", "https://arxiv.org/abs/2310.98765"]),
        ("doi:10.5281/zenodo.123456", ["https://doi.org/10.5281/zenodo.123456"]),
        ("10.1000/xyz123 hdl:11304/abcd-1234", ["https://doi.org/10.1000/xyz123", "https://hdl.handle.net/11304/abcd-1234"]),
    ],
)
def test_a_value_of_links_and_identifiers_gives_each_address(value, links):
    parts = fields.link_candidates(value)
    assert parts == links
    assert all(fields.link(p) for p in parts)


def test_a_value_with_anything_but_links_is_still_refused():
    parts = fields.link_candidates("https://a.example.eu ; call me")
    assert not all(fields.link(p) for p in parts)


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("IN2P3-CC, CERN-PROD, INFN-T1, 193.206.208.0/22", True),
        ("CESNET-MCC 2001:db8::/32", True),
        ("SITE-A (+33 6 12 34 56 78)", False),
        ("SITE-A, Jane Doe <jane@example.org>", False),
    ],
)
def test_sites_with_their_networks(value, kept):
    assert (fields.site_names(value) == value) is kept


@pytest.mark.parametrize(
    ("entry", "shaped"),
    [
        ("EGI Foundation Service Desk (role: first-line support)", ("EGI Foundation Service Desk", "first-line support")),
        ("CERN IT Department (service: FTS)", ("CERN IT Department", "FTS")),
        ("Example Institut (Funktion: Datenmanagement)", ("Example Institut", "Datenmanagement")),
    ],
)
def test_a_label_inside_the_role_brackets(entry, shaped):
    assert fields.contact(entry) == shaped


def test_a_list_of_organisations_with_their_roles_is_one_entry_each():
    from generator.screening.cases import _entries

    assert _entries("CERN IT Department (service: FTS), GÉANT (network)") == ["CERN IT Department (service: FTS)",
                                                                            "GÉANT (network)"]
    # a person's entry with more after it stays whole, to be judged (and dropped) whole
    whole = "Ruth Cohen (ruth.cohen at example dot org), Example Institute (PI)"
    assert _entries(whole) == [whole]
    assert _entries("Jan Novák, CESNET (network admin), +420 234 680 222") == [
        "Jan Novák, CESNET (network admin), +420 234 680 222"]


@pytest.mark.parametrize("opening", ['the passphrase "', "das Passwort lautet „", "le mot de passe « ", "password: '", "token=("])
def test_a_redaction_is_never_read_as_a_secret_nor_repeated(opening):
    """Screening's own marker after a password word is no value; were it one, every other
    redaction of the site (in data/cases.json, all cases) would be found again as its repeat."""
    from generator.screening.detectors import scan_normalised

    text = f"The key is protected by {opening}[redacted: credential]\".\n\ue000\nan account, password: [redacted: credential]"
    assert scan_normalised(text) == []


def test_a_vo_value_that_lists_several_is_split_into_each():
    assert fields.vo_list("biomed, vo.example-climate.eu") == ["biomed", "vo.example-climate.eu"]
    assert fields.vo_list("vo.a.eu; vo.b.eu") == ["vo.a.eu", "vo.b.eu"]
    # not a list of VOs: judged whole (and refused by the shape)
    assert fields.vo_list("biomed, ask Jana") == ["biomed, ask Jana"]


@pytest.mark.parametrize(
    ("value", "site", "status"),
    [
        ("PRAGUELCG2 (waiting for the firewall change)", "PRAGUELCG2", "open (waiting for the firewall change)"),
        ("IFCA-LCG2, NCG-INGRID-PT (na espera do certificado)", "IFCA-LCG2, NCG-INGRID-PT",
         "stalled (na espera do certificado)"),
    ],
)
def test_a_lower_case_note_after_sites_or_a_status(value, site, status):
    assert fields.site_names(value) == site
    assert fields.rt_status(status) == status


@pytest.mark.parametrize(
    ("shape", "value", "kept"),
    [
        (fields.site_names, "CYFRONET-CLOUD (Kraków), PSNC (Poznań)", True),
        (fields.vo_name, "vo.grand-ouest.example.fr (Rhône-Alpes)", True),
        (fields.site_names, "SITE-A (Jane Doe)", False),
        (fields.vo_name, "vo.example.eu (Petra Novak)", False),
        (fields.rt_status, "offen – wartet auf Rückmeldung des Standorts", True),
        (fields.rt_status, "open – call Petra Novak", False),
        (fields.rt_status, "resolved – temp pw liap^v9#iM", False),
    ],
)
def test_a_place_after_a_site_or_vo_and_a_note_after_a_status(shape, value, kept):
    """A site's or VO's town in brackets is one word; a note after a status and a dash is words
    only, without a person's name (two capitalised words in a row)."""
    assert (shape(value) == value) is kept


@pytest.mark.parametrize("note", ["(contact Petra Novak)", "(ask j.novak@example.cz)", "(DN /DC=org/CN=Ops)"])
def test_a_note_with_a_name_or_an_address_is_refused(note):
    assert fields.site_names(f"CESNET-MCC {note}") is None
    assert fields.rt_status(f"open {note}") is None


def test_an_organisation_and_its_unit_are_the_affiliation():
    assert fields.contact("Rechenzentrum Beispiel-Uni, Servicedesk (Betreiber)") == \
        ("Rechenzentrum Beispiel-Uni, Servicedesk", "Betreiber")
    # a person's name before the affiliation stays out
    assert fields.contact("Dr. Felix Braun, Beispiel-Institut (VO-Manager)") == ("Beispiel-Institut", "VO-Manager")


def test_an_organisation_named_by_its_acronym_is_published_with_its_role():
    assert fields.contact("CESNET (resource provider)") == ("CESNET", "resource provider")
    assert fields.contact("IN2P3-CC (storage)") == ("IN2P3-CC", "storage")
    # two capitals are a person's initials, not an organisation
    assert fields.contact("JD (PI)") == ("", "PI")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a password's recipe from public facts: the recipe is the password
        ("The admin password is our site name reversed plus the year.", "our site name reversed plus the year"),
        ("Das WLAN-Passwort ist der Projektname in Großbuchstaben, gefolgt von 99.",
         "der Projektname in Großbuchstaben, gefolgt von 99"),
        ("Le mot de passe est le nom de la VO à l'envers, suivi de 7.", "le nom de la VO à l'envers, suivi de 7"),
        ("La contraseña es el nombre del clúster al revés.", "el nombre del clúster al revés"),
        # a password word as the second half of a compound
        ("Das Admin-Kennwort lautet Kx9fLp2mQw", "Kx9fLp2mQw"),
        ("the root-password is 'lantern-7-harbour'", "lantern-7-harbour"),
        # a password dictated with each letter's case and the signs by name, in several languages
        ("Heslo je: malé k, velké T, pět, podtržítko, malé w, osm", "malé k, velké T, pět, podtržítko, malé w, osm"),
        ("Das Passwort buchstabiert: großes M, kleines q, drei, Ausrufezeichen, kleines z",
         "großes M, kleines q, drei, Ausrufezeichen, kleines z"),
        ("hasło: duże W, małe p, siedem, wykrzyknik, małe d", "duże W, małe p, siedem, wykrzyknik, małe d"),
        # a password word in Basque or Galician; '@' written in Catalan's spelling
        ("Pasahitza: Txingudi-Kaia-88", "Txingudi-Kaia-88"),
        ("O contrasinal é Mr7qWz2Kp", "Mr7qWz2Kp"),
        ("escriviu a montse.vila arrova example punt cat", "montse.vila arrova example punt cat"),
        # a passport number after an inflected word
        ("Անձնագրի համարը՝ AK1234567", "AK1234567"),
        # a home address as a letter's block after "my home address:" on the lines below
        ("Please post the token to my home address:\nMarta Ruiz\nCalle Mayor 14, 2B\n28013 Madrid\n\nThanks",
         "Marta Ruiz\nCalle Mayor 14, 2B\n28013 Madrid"),
        ("Bidali nire etxeko helbidera:\nMiren Otxoa\nKale Berria 5\n48001 Bilbo", "Miren Otxoa\nKale Berria 5\n48001 Bilbo"),
        # one plain word after a verb that only ever introduces a value ("reads"), or after "as follows:"
        ("Das neue Kennwort lautet Hagebutte.", "Hagebutte"),
        ("Heslo pro účet zní Jeřabina.", "Jeřabina"),
        ("The VPN password is as follows: marigold", "marigold"),
        ("Le mot de passe est comme suit :\n\n  framboise\n\nCordialement", "framboise"),
    ],
)
def test_secret_of_a_spoken_or_compound_class_is_covered(text, secret):
    assert covered(text, secret), find_all(text)


@pytest.mark.parametrize(
    "text",
    [
        # package file names and content addresses are public
        "Updated to dcache-9.2.18-1.noarch.rpm and xrootd-5.6.9-2.el9.x86_64 today.",
        "apt installed globus-gass-copy-progs_10.12-1_amd64.deb",
        "CID: bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        "Structure AF-Q8WZ42-F1-model_v4 from the AlphaFold DB.",
        # a checksum in base64 after its algorithm's name
        "Content-MD5: rL0Y20zC+Fzt72VPzMSk2A==",
        "SHA-256 (base64): 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        # placeholders of compose files and HTCondor
        "DB_PASSWORD: ${DB_PASSWORD:-changeme-in-env}",
        'environment = "API_TOKEN=$ENV(API_TOKEN)"',
        # MySQL's -p with a space asks for the password: the word after it is the database
        "mysql -h db.example.eu -u reader -p monitoring",
        # a number labelled as an order's, an invoice's or an inventory's
        "Bestellnummer: 0151 2026 0077",
        "Numer zamówienia: 0048 601 2026",
        "Serial of the rack (inventory): 0171-2026-0099",
        # a sentence about a password with no recipe in it
        "The password is the one we agreed on the phone.",
        "Das Passwort ist bekannt; bitte nicht per Mail schicken.",
        "Das Passwort lautet ähnlich wie das alte.",
        "The password is set to expire after 90 days.",
        "The password was changed to something.",
    ],
)
def test_public_look_alike_of_the_new_classes_is_left_whole(text):
    assert find_all(text) == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # an address with a credential in its query is a key: the whole address goes, host and path too
        ("artifacts at https://git.example.eu/api/v4/jobs/7/artifacts?job_token=Xy7KpL2mQw9zT4vB failed",
         "https://git.example.eu/api/v4/jobs/7/artifacts?job_token=Xy7KpL2mQw9zT4vB"),
        ("Download: https://store.example.org/share/report.pdf?sig=Qm8Lx2Kp9Wz4&se=2026-12-01",
         "https://store.example.org/share/report.pdf?sig=Qm8Lx2Kp9Wz4&se=2026-12-01"),
        ("jdbc:postgresql://db.example.eu:5432/acct?user=app&password=Lk8mQ2xPz7", "postgresql://db.example.eu:5432/acct"),
        # an ODBC connection string with a password: a working login, all of it
        ("Driver={ODBC Driver 18};Server=sql.example.eu;Database=acct;Uid=app;Pwd=Tz7Lk2Qm9x;",
         "Server=sql.example.eu;Database=acct;Uid=app;Pwd=Tz7Lk2Qm9x;"),
        # an internal-use marking in the plural
        ("pro interní potřeby:\n\nServer bude odstaven.", "pro interní potřeby"),
        ("Tylko do celów wewnętrznych: serwer zostanie wyłączony", "do celów wewnętrznych"),
        # an address whose percent-encoded space keeps it one token (the view does not decode it)
        ("scan this: otpauth://totp/Grid%20Portal:jnovak?secret=JBSWY3DPEHPK3PXQ&issuer=Grid%20Portal ok",
         "otpauth://totp/Grid%20Portal:jnovak?secret=JBSWY3DPEHPK3PXQ&issuer=Grid%20Portal"),
    ],
)
def test_secret_of_a_whole_address_or_plural_class_is_covered(text, secret):
    assert covered(text, secret), find_all(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a person's own line, after a desk's name that says the person's role
        ("Maria Rossi, Helpdesk coordinator, Mobile: +39 333 1234567", "+39 333 1234567"),
        ("Jan Novák (service desk team lead) +420 601 234 567", "+420 601 234 567"),
        ("Sekretariat, meine Durchwahl: +49 30 5555 1234", "+49 30 5555 1234"),
    ],
)
def test_a_persons_number_after_a_desks_name_is_covered(text, secret):
    assert covered(text, secret), find_all(text)


@pytest.mark.parametrize(
    "text",
    [
        # a team's mailbox named by its service and role
        "Questions to vo-managers@example.eu or cloud-support@example.org please.",
        # a conference bridge's, a service desk's and an institution's general number
        "Dial-in: +41 22 555 0100 (conference bridge), meeting ID 912 345 6789",
        "Helpdesk +49 89 555 1000, Mo-Fr 9-17",
        "Numéro général de l'université : +33 4 55 00 00 00",
        # a meeting's number is not a phone number
        "Zoom ID: 853 2210 4471",
        # a git-annex key, a compound of a formula and a word, a vendor's documented sample key
        "annex: MD5E-s2048--9e107d9d372bb6826bd81d3542a419d6.tar.gz",
        "We model CO2-Adsorption and TiO2-Nanoparticles.",
        "Example from the docs: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ],
)
def test_public_look_alike_of_a_service_or_a_sample_is_left_whole(text):
    assert find_all(text) == []
