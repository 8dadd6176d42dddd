"""Classes an outside corpus of structured and less common text found missed, each with its
harmless look-alikes: values under a table's column header (CSV, pipe tables, an HTML table,
an SQL insert), password words inside compounds, passphrase words, id, password, phone, e-mail
and marker words of Maltese, Irish, Albanian, Arabic, Basque and others, addresses written town
first; organisations' tax numbers, project codes, media in base64, element names, directory
groups, references to a secret kept elsewhere, a site's town, a status's note."""

from __future__ import annotations

import pytest

from generator.screening import fields
from generator.screening.detectors import find_all
from generator.screening.policy import Policy
from generator.screening.text import html_table_rows, screen_text


def covered(text: str, part: str) -> bool:
    start = text.index(part)
    spans = [(f.start, f.end) for f in find_all(text)]
    return all(any(a <= i < b for a, b in spans) for i in range(start, start + len(part)))


# --- leaks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "part"), [
    ("Alta de usuarios (CSV):\nnombre;apellidos;telefono;centro\nCarlos;Ruiz Navarro;612 345 678;CIEMAT", "612 345 678"),
    ("Eksport:\nimie,nazwisko,pesel,jednostka\nKatarzyna,Zielińska,90071512345,ACK Cyfronet", "90071512345"),
    ("| login | Initial password |\n|---|---|\n| jdoe | Tr0pik-Wald |", "Tr0pik-Wald"),
    ("INSERT INTO `registrants` (`id`,`name`,`student_no`,`birth_date`) VALUES (2231,'Tomasz L','s2419983','1996-08-21');",
     "1996-08-21"),
    ("INSERT INTO users (login, phone_number) VALUES ('anna', '+48 601 234 567');", "+48 601 234 567"),
])
def test_a_value_under_its_column_header(text, part):
    assert covered(text, part)


def test_a_value_in_an_html_table_is_read_under_its_header_and_cut_from_the_text():
    html = ("<table><tr><th>Nombre</th><th>Pasaporte</th><th>Nacionalidad</th></tr>\n"
            "<tr><td>Diego Fernández</td><td>PAB123456</td><td>ES</td></tr></table>")
    assert "Nombre | Pasaporte | Nacionalidad |" in html_table_rows(html)
    screened = screen_text(html_table_rows(html), "reply", 1, Policy())  # (as cases.py screens an HTML table)
    # (the person's row is cut whole, the header over it stays)
    assert "PAB123456" not in screened.text and "Nombre | Pasaporte | Nacionalidad |" in screened.text


@pytest.mark.parametrize(("text", "part"), [
    ("das neue Initialpasswort für <tt>kkeller</tt> lautet: XTllKSSY+aYg", "XTllKSSY+aYg"),
    ("Mein Datenbankpasswort: Sommer2024!", "Sommer2024!"),
    ("Nykyinen tunnuslause: korppi sininen kattila 1974 talvi", "korppi sininen kattila 1974 talvi"),
    ("Fjalëkalimi i ri është Tirana_2026! – ndryshojeni pas hyrjes së parë.", "Tirana_2026!"),
    # a new word is folded as the view folds text: Irish "ná" would read as the Czech "na"
    ("nové heslo k účtu na frontendu je Kocour.Mour2026. Nikomu ho neposílej.", "Kocour.Mour2026"),
    ("كلمة المرور الجديدة هي Rabat@2026# يرجى تغييرها بعد الدخول.", "Rabat@2026#"),
    ("Здраво, за сметката ми бараат ЕМБГ: 1503987450012.", "1503987450012"),
    ('שלום, בטופס ההרשמה ביקשו ת"ז – 123456782. זה בסדר?', "123456782"),
    ("رقم البطاقة الوطنية: BK123456، أرجو تفعيل الحساب.", "BK123456"),
    ("In-numru tal-karta tal-identità tiegħi hu 123456M.", "123456M"),
    ("Uimhir PSP: 1234567TA, más gá í don chlárú.", "1234567TA"),
    ("Číslo OP: 203456789.", "203456789"),
    ("CPF: 123.456.789-09", "123.456.789-09"),
    ("kérik az adóazonosító jelet, az enyém: 8412345671. Ennyi elég?", "8412345671"),
    ("Բարև, անձնագրիս համարն է AN1234567, եթե պետք է:", "AN1234567"),
    ("Ċempilli fuq il-mowbajl: 7912 3456", "7912 3456"),
    ("Pišite mi raje na janez.novak afna ijs pika example pika si", "janez.novak afna ijs pika example pika si"),
    ("Kargo için ev adresim: Atatürk Mah. 123. Sok. No: 4 D: 5, 06800 Çankaya/Ankara", "Sok. No: 4 D: 5, 06800"),
    ("Στείλτε το στη διεύθυνση του σπιτιού μου: Εγνατίας 123, 546 35 Θεσσαλονίκη", "Εγνατίας 123, 546 35"),
    ("Siuntą galit siųsti į namus: Žirmūnų g. 12-34, LT-09212 Vilnius.", "Žirmūnų g. 12-34, LT-09212 Vilnius"),
    ("kérem postán ide küldeni: Szabó Péter, 1117 Budapest, Irinyi József u. 12. 3/4.", "1117 Budapest, Irinyi József u. 12. 3/4."),
    ("Pilne: awaria storage, dzwonić 601-234-567", "601-234-567"),
])
def test_words_and_shapes_of_more_languages(text, part):
    assert covered(text, part)


@pytest.mark.parametrize(("text", "part"), [
    ("سري – للاستخدام الداخلي فقط:\n\nتم اختراق حساب المستخدم yamrani على خادم MA-01.", "سري"),
    ("RÚNDA – ná foilsigh:\n\nGoideadh ríomhaire glúine Sheáin.", "RÚNDA"),
    ("KONFIDENTZIALA – barne erabilerarako soilik:\n\nEHUko ikerlari baten kontua.", "KONFIDENTZIALA"),
])
def test_markers_of_more_languages(text, part):
    assert any(f.category == "marker" and text[f.start:f.end] == part for f in find_all(text))


# --- harmless look-alikes -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dane do faktury: AGH, NIP 675-123-45-67.",
    "NIP instytutu: 675-000-12-77 (dane publiczne jednostki)",
    "Στοιχεία τιμολόγησης: ΑΠΘ, ΑΦΜ 099123456, ΔΟΥ Ε' Θεσσαλονίκης.",
    "Facturació: Universitat de Barcelona, NIF Q0899999J.",
    "Számlázási adatok: Eötvös Loránd Tudományegyetem, adószám: 15123456-2-41.",
    "Рахунок виставити на ІТФ НАН України, код ЄДРПОУ 05417123.",
    "Codice progetto PNRR: CN00000013, CUP I53C22000690001",
    "binaryData:\n  logo.png: iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR42mNkYPhfz0AEYBxVSF+FAAhKDveksOjmAAAAAElFTkSuQmCC",
    "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIB</ds:X509Certificate></ds:X509Data>",
    "dn: cn=vo-neuro-admins,ou=groups,dc=example,dc=eu\nmember: uid=svc-sync,ou=services,dc=example,dc=eu",
    "db_password: \"{{ vault_db_password }}\"\napi_token: \"{{ lookup('hashi_vault', 'secret=kv/data/ingest:token') }}\"",
    "LoadCredential=dbpass:/etc/credstore/harvester.dbpass",
    '<Resource name="jdbc/portal" password="${db.password}" url="jdbc:postgresql://pgsql.example.fr:5432/portal"/>',
    "[client]\nuser=backup\npassword\nhost=mariadb.example.com.tr",
    "У скрипті пароль береться зі змінної: voms-proxy-init --pwstdin < <(echo \"${VOMS_PASS}\")",
    "Jautājumus par kvotām sūtiet uz atbalsts@hpc.example.lv (dežurants atbildēs).",
    "Адреса: ФИНКИ, ул. Руѓер Бошковиќ 16, 1000 Скопје.",
    "Deutsches Beispielzentrum für Klimaforschung, Bundesallee 100, 38116 Braunschweig, Zentrale: +49 531 592-0",
    "Andmeturve, konfidentsiaalne andmetöötlus (confidential computing)",
    "Poverljivo računarstvo (confidential computing)",
    "Claims uit het ID-token: { \"sub\": \"x\", \"name\": \"Sanne de Wit\" }",
    "| Service | Host | IP | Port |\n|---|---|---|---|\n| WebDAV | se01.example.eu | 192.0.2.10 | 2880/tcp |",
    "site;cores;storage_tb\nIFCA-LCG2;3100;850\nCESNET-MCC;1200;400",
    # a column saying whether a password is set; a table's sign elsewhere makes no line of code a table
    "uzel;cpu;heslo_nastaveno\nwn01.example.cz;64;ano\nwn02.example.cz;64;ne",
    "a;b\nCREATE TABLE usage (\n id BIGSERIAL,\n password_hash TEXT,\n wall_seconds BIGINT\n);",
    # a path's "home" is no home word (the audit read a cut path so, and the log line after it)
    'Using config file from "/home[redacted: personal]"}\n2026/11/27 14:02:12 ERROR : error 403',
])
def test_harmless_structured_text_stays(text):
    assert find_all(text) == []


def test_a_table_ends_where_its_rows_end():
    """A password column of one table names no column of the next (the audit reads many texts
    joined, one table after another)."""
    text = ("| user | password |\n|---|---|\n| a | [redacted: credential] |\n\nThe firewall:\n\n"
            "| Service | Host | IP |\n|---|---|---|\n| WebDAV | se01.example.eu | 192.0.2.10 |")
    assert not covered(text, "se01.example.eu")


@pytest.mark.parametrize(("shape", "value"), [
    (fields.discipline, "Részecskefizika (NKFIH K-134567)"),
    (fields.discipline, "Astrofizyka (NCN 2021/43/B/ST2/01234)"),
    (fields.discipline, "Bioinformática (FAPESP 2019/12345-6)"),
    (fields.discipline, "Sciences de la Terre – projet ANR-23-CE01-0012"),
])
def test_a_discipline_with_a_project_code(shape, value):
    assert shape(value) == value


@pytest.mark.parametrize("value", ["Physics (+36 1 234 5678)", "Physics (ICM 22 1234567)", "Chemistry 030/1234567"])
def test_a_discipline_with_a_phone_number_is_refused(value):
    assert fields.discipline(value) is None


@pytest.mark.parametrize(("value", "kept"), [
    ("in attesa – risorse allocate il 15/02/2027", True),
    ("Umgesetzt (Produktion seit 2026-09)", True),
    ("open – call 601 234 567", False),
    ("open (Jan Novak)", False),
])
def test_a_status_with_a_dated_note(value, kept):
    assert (fields.rt_status(value) == value) is kept


def test_a_group_or_a_desk_before_its_organisation_is_published_with_it():
    assert fields.contact("Grupo de Física de Partículas, Universidad de Ejemplo (consorcio)") == (
        "Grupo de Física de Partículas, Universidad de Ejemplo", "consorcio")
    assert fields.contact("EGI Service Desk <support@egi.example>, EGI Foundation (helpdesk)") == (
        "EGI Service Desk, EGI Foundation", "helpdesk")
    assert fields.contact("Dr. Lena Hofmann <lena@uni.example>, Universität Beispiel (PI)") == ("Universität Beispiel", "PI")


def test_a_label_before_a_link_is_left_out():
    assert fields.link_candidates("Δημοσίευση: https://doi.org/10.1140/epjc/s10052-026-12345-6") == [
        "https://doi.org/10.1140/epjc/s10052-026-12345-6"]


@pytest.mark.parametrize("text", [
    "Ο κωδικός πρόσβασης για τον χρήστη grid01 είναι fmRJlImLvGB",
    "Bonjour,\nle mot de passe de\nl'export PKCS#12 est NVNI394&gipbi (fichier usercert.p12 joint).",
])
def test_a_name_before_a_cut_password_is_not_read_as_it(text):
    """Screened once, the text holds nothing more (the audit reads the page as screening wrote
    it): with the password cut, the user's name or the file's type before it is no password."""
    once = screen_text(text, "reply", 1, Policy()).text
    assert "[redacted: credential]" in once and find_all(once) == []
    assert find_all(" ".join(once.split())) == []  # the summary runs its lines together
