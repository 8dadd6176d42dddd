"""Classes an outside corpus found missed, each with its harmless look-alikes: signed query
strings, quoted passphrases, cut-off private keys, ids after an inflected id word, profile links,
misspelt and negated-publicity markers, sentences saying somebody is ill; public keys, security advice, references in place of
values, chemistry, organisation contacts, VO and discipline shapes. (The property tests draw
the same classes at random: tests/support/screening_gen.py.)"""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields
from generator.screening.detectors import find_all


def covered(text: str, part: str, category: str | None = None) -> bool:
    """Is every character of ``part`` inside a finding (of ``category``)?"""
    start = text.index(part)
    spans = [(f.start, f.end) for f in find_all(text) if category is None or f.category == category]
    return all(any(a <= i < b for a, b in spans) for i in range(start, start + len(part)))


# --- leaks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "part"), [
    ("get https://a.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&sp=rl&se=2026-12-01T00:00:00Z&sig=ab%2Fcd%2B12%3D now",
     "sv=2022-11-02&ss=b&sp=rl&se=2026-12-01T00:00:00Z&sig=ab%2Fcd%2B12%3D"),
    ("https://b.s3.amazonaws.com/k?X-Amz-Date=20261101T000000Z&X-Amz-Expires=3600&X-Amz-Signature=0a1b2c3d4e5f6a",
     "X-Amz-Date=20261101T000000Z&X-Amz-Expires=3600"),
    ("see https://storage.googleapis.com/b/o?X-Goog-Date=20260101T000000Z&X-Goog-Signature=0a1b2c3d4e5f",
     "X-Goog-Date=20260101T000000Z"),
    ("The token is sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-12-01&sig=Zm9vYmFy%2Fqux%3D ok",
     "sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-12-01&sig=Zm9vYmFy%2Fqux%3D"),
    ("SAS:\n?sv=2021-06-08&se=2026-01-01&sr=c&sp=r&sig=AbCdEf%2B123\n", "sv=2021-06-08&se=2026-01-01&sr=c&sp=r"),
])
def test_a_signed_query_string_goes_whole(text, part):
    assert covered(text, part, "credential")


@pytest.mark.parametrize("text", [
    "https://example.org/search?q=storage&page=2&lang=en",
    "Use a=1&b=2 in the form.",
    "postgres://%(user)s:%(password)s@db/app",
])
def test_a_query_string_without_a_credential_stays(text):
    assert find_all(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ('The archive is protected by the passphrase "orange river quietly jumps seven" as agreed.',
     "orange river quietly jumps seven"),
    ("Das Archiv ist mit der Passphrase „blauer Himmel über Prag heute“ geschützt.", "blauer Himmel über Prag heute"),
    ("L'archive est protégée avec la phrase secrète « le chat dort sur la table » merci.", "le chat dort sur la table"),
    ("Il file è protetto dalla frase segreta “gatto rosso sulla luna”.", "gatto rosso sulla luna"),
    ('Use the password for the archive "orange river quietly jumps".', "orange river quietly jumps"),
    ("Passwort (für das Archiv) „blauer Himmel über Prag“", "blauer Himmel über Prag"),
])
def test_a_quoted_value_after_a_password_word_is_the_secret(text, value):
    assert covered(text, value, "credential")


@pytest.mark.parametrize("text", [
    'Click "Password" then "Reset" to start again.',
    'Enter the passphrase "<passphrase>" in the dialog.',
    'Type the password "your password" in the field.',
    'Set the option "Password" to "required".',
    'The password policy says "at least 12 characters".',
    'Change your password on the page "Account settings".',
])
def test_a_quoted_placeholder_or_a_quoted_password_word_stays(text):
    assert find_all(text) == []


@pytest.mark.parametrize("label", ["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
def test_a_cut_off_private_key_goes_through_its_last_base64_line(label):
    lines = ["MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
             "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK"]
    text = f"key:\n-----BEGIN {label}-----\n" + "\n".join(lines) + "\n(the rest is the same as before)\nThanks"
    assert all(covered(text, line, "credential") for line in lines)
    assert "the rest is the same" in text and not covered(text, "the rest is the same")


@pytest.mark.parametrize(("text", "value"), [
    ("Henkilötunnukseni on 240590-360U ja asun Helsingissä.", "240590-360U"),
    ("Isikukoodiga 38001085718 registreeritud.", "38001085718"),
    ("Személyi számom: 123456AB", "123456AB"),
    ("Kimlik numaram 12345678902", "12345678902"),
])
def test_an_id_after_an_inflected_id_word_goes_whatever_its_check_digits(text, value):
    assert covered(text, value, "personal")


def test_an_id_shaped_number_without_its_word_needs_valid_check_digits():
    assert find_all("Ticket 240590-360U was closed.") == []


@pytest.mark.parametrize("link", [
    "https://www.linkedin.com/in/jane-doe-4a5b6c/", "linkedin.com/in/jane-doe", "https://x.com/janedoe_research",
    "https://twitter.com/janedoe", "https://www.facebook.com/jane.doe.12345", "https://instagram.com/jdoe/",
    "https://www.researchgate.net/profile/Jane-Doe-3", "https://fosstodon.org/@janedoe",
    "https://scholar.google.de/citations?hl=en&user=AbCdEfGAAAAJ", "https://bsky.app/profile/jdoe.bsky.social",
])
def test_a_profile_link_is_contact_data(link):
    text = f"You can reach me at {link} too."
    assert covered(text, link, "personal")


@pytest.mark.parametrize(("text", "handle"), [
    ("Twitter: @janedoe", "janedoe"), ("Follow me on X: @jdoe_research", "jdoe_research"),
    ("Instagram @jane.doe", "jane.doe"), ("my LinkedIn: jane-doe-123", "jane-doe-123"),
    ("ResearchGate: Jane_Doe3", "Jane_Doe3"),
])
def test_a_handle_after_a_network_name_is_contact_data(text, handle):
    assert covered(text, handle, "personal")


@pytest.mark.parametrize("link", [
    "https://www.linkedin.com/company/egi-foundation/", "https://x.com/search?q=egi",
    "https://www.facebook.com/groups/123456", "https://www.researchgate.net/publication/123_Title",
    "https://ror.org/0c8avmp20", "https://orcid.org/0000-0002-1825-0097", "https://scholar.google.com/scholar?q=x",
    "https://unpkg.com/@babel/core@7.0.0/lib/index.js",
])
def test_organisation_pages_and_public_records_stay(link):
    assert find_all(f"See {link} for details.") == []


@pytest.mark.parametrize("text", [
    "Confidental: the site admin rotation happens on Monday.", "**Vertaulich**! Die Zugangsdaten folgen.",
    "CONFIDENSIAL\n\nThe partner leaves.", "Hi all, Cofidential: the partner leaves.", "[Konfidentiel] The partner leaves.",
    "Luottamuksellnen: kumppani lähtee.",
])
def test_a_misspelt_long_marker_word_standing_as_a_marking_marks(text):
    assert any(f.category == "marker" for f in find_all(text))


@pytest.mark.parametrize("text", [
    "We trained the classifier: random forest.", "We found the word confidental in the log.",
    "This is not confidental: see the wiki.",
])
def test_a_word_near_a_marker_word_used_otherwise_does_not_mark(text):
    assert not any(f.category == "marker" for f in find_all(text))


@pytest.mark.parametrize("text", [
    "Bu bilgi kamuya açık değildir.", "Questa informazione non è pubblica.", "Esta información no es pública.",
    "Ta informacja nie jest publiczna.", "Tato informace je neveřejná.", "Тази информация не е публична.",
    "Αυτή η πληροφορία δεν είναι δημόσια.", "This must not be made public.", "This is not public.",
    "Das darf nicht veröffentlicht werden.", "Ce n'est pas public.", "Aceasta nu este publică.",
])
def test_not_public_with_its_verb_marks_in_every_language(text):
    assert any(f.category == "marker" for f in find_all(f"{text} The server is alpha."))


@pytest.mark.parametrize(("text", "sentence"), [
    ("Hi, Jan is on sick leave after his surgery. Please contact Eva instead.", "Jan is on sick leave after his surgery"),
    ("Frau Weber ist krankgeschrieben; bitte wenden Sie sich an mich.", "Frau Weber ist krankgeschrieben"),
    ("Marie est en arrêt maladie jusqu'au 12. Merci.", "Marie est en arrêt maladie jusqu'au 12"),
])
def test_a_sentence_saying_somebody_is_ill_goes_whole(text, sentence):
    assert covered(text, sentence, "personal")
    assert not covered(text, text.split()[-1])


def test_the_rules_about_sick_leave_stay():
    assert find_all("The sick leave policy does not apply to the service accounts.") == []


# --- losses -------------------------------------------------------------------------------------

_SPKI = ("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
         "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u")


@pytest.mark.parametrize("text", [
    f"Our public key:\n-----BEGIN PUBLIC KEY-----\n{_SPKI}\n-----END PUBLIC KEY-----\nbye",
    f"Key: -----BEGIN PUBLIC KEY----- {_SPKI.replace(chr(10), ' ')} -----END PUBLIC KEY----- bye",
    "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key\"\n"
    "AAAAB3NzaC1yc2EAAAADAQABAAABAQDYC+TyCy2AGyqKzoicwda/6qAaMLLCeITv2S7xTT\n---- END SSH2 PUBLIC KEY ----",
    "Add ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb5zQvW1d0Jm1k0lQ2vH1Sx3tQ9w8P0y4nX1a2b3c4d user@host to it",
])
def test_a_public_key_stays(text):
    assert find_all(text) == []


def test_a_pkcs1_public_key_without_its_armour_is_public_and_a_private_one_is_not():
    import base64

    from generator.screening.detectors.keys import _classify
    public = bytes.fromhex("3082010a0282010100") + bytes([0xC1]) + bytes(255) + bytes.fromhex("0203010001")
    private = bytes.fromhex("308204a40201000282010100") + bytes(300)
    assert _classify(base64.b64encode(public).decode()) == "public"
    assert _classify(base64.b64encode(private).decode()) == "private"


@pytest.mark.parametrize("text", [
    "Bitte geben Sie Ihr Passwort niemals per E-Mail weiter.", "Ne communiquez jamais votre mot de passe.",
    "Please do not share the same proxy between several users.",
    "Ne partagez pas le même compte entre plusieurs personnes.",
    "password = var.db_password", 'password = "${var.db_password}"', "db_password: {{ secret_password }}",
    "password=%(password)s", "const password = process.env.DB_PASS;", 'password = os.environ["PW"]',
    "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256", "password: !secret db_password",
    "password:\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password",
    "We studied Fe2O3 and TiO2 surfaces with CH3OH adsorption (C6H12O6 as a reference) and Li4Ti5O12.",
])
def test_advice_references_and_chemistry_stay(text):
    assert find_all(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Please do not share this with anyone: the plan.", None),
    ("password: data.Summer2024", "data.Summer2024"),
    ("code X7K2 P9QM 4HT8 ZW3R", "X7K2 P9QM 4HT8 ZW3R"),
    ("the code C4N2 B3H4 K2O5 N2O4 here", "C4N2 B3H4 K2O5 N2O4"),
])
def test_their_look_alikes_that_are_secrets_or_markers_still_go(text, value):
    assert covered(text, value, "credential") if value else any(f.category == "marker" for f in find_all(text))


@pytest.mark.parametrize(("entry", "published"), [
    ("Example University (PI)", ("Example University", "PI")),
    ("Example Research Centre (site admin)", ("Example Research Centre", "site admin")),
    ("Example Institute (https://ror.org/0c8avmp20), role: resource provider", ("Example Institute", "resource provider")),
    ("Example University (PI), ORCID https://orcid.org/0000-0898-5636-9803", ("Example University", "PI")),
    ("Jane Doe, ORCID 0000-0002-1825-0097, Example University (PI)", ("Example University", "PI")),
    ("John Roe (data manager)", ("", "data manager")),
])
def test_an_organisation_with_its_role_is_a_contact_entry(entry, published):
    assert fields.contact(entry) == published


@pytest.mark.parametrize("entry", [
    "Jiří Dvořák, CESNET (network admin), +420 234 680 222", "Jane Doe (https://orcid.org/0000-0002-1825-0097)",
])
def test_a_contact_entry_of_another_shape_is_still_dropped(entry):
    assert fields.contact(entry) is None


@pytest.mark.parametrize(("value", "published"), [
    ("vo.example.eu managers", "vo.example.eu managers"), ("biomed VO managers", "biomed VO managers"),
    ("vo.example.eu Jane", None), ("vo.x.eu – astreinte +33 1 23", None),
])
def test_a_vo_with_role_words(value, published):
    assert fields.vo_name(value) == published


@pytest.mark.parametrize(("value", "levels"), [
    ("Natural Sciences > Earth and related environmental sciences", ["Natural Sciences", "Earth and related environmental sciences"]),
    ("Sciences humaines > Archéologie", ["Sciences humaines", "Archéologie"]),
    ("Natural Sciences » Physics", ["Natural Sciences", "Physics"]),
    ("Sciences de la Terre — sismologie", ["Sciences de la Terre", "sismologie"]),
    ("Life sciences | Genomics :: Proteomics", ["Life sciences", "Genomics", "Proteomics"]),
    ("Earth–ocean interactions", ["Earth–ocean interactions"]),
])
def test_a_discipline_path_with_another_separator_is_published_as_written(value, levels):
    """As written on the case page; the site's tree reads its levels."""
    from generator.site.metrics import discipline_levels

    assert fields.discipline(value) == value
    assert discipline_levels(value) == levels


def test_a_discipline_with_a_lone_colon_is_not_a_path():
    assert fields.discipline("Physics: call me on my mobile") is None


# h52: an id number handed over after a dash, one's own pay in the first person, a short field's
# note on a project leader's health; an organisation's policy mailboxes, a treatment as a field of work

@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Für den Werkvertrag wollte die Buchhaltung auch meine SV-Nummer haben – 4417 031282, bitte vertraulich.",
         "4417 031282"),
        ("HR asked for my social security number — 078-05-1120 — before signing.", "078-05-1120"),
        ("Il codice fiscale chiesto dalla segreteria - 8120 110486 - va nel modulo.", "8120 110486"),
    ],
)
def test_an_id_number_handed_over_after_a_dash_is_personal(text, secret):
    assert secret not in kept_text(text)


def test_a_dash_after_an_id_card_word_before_a_ticket_number_stays():
    text = "ID card reader fixed – see ticket 4417031 for the log."
    assert "4417031" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Ganz ehrlich: ich kriege als Postdoc 3.050 € brutto im Monat, das reicht kaum.", "3.050 €"),
        ("Per la trasferta: percepisco 1.480 € netti al mese come assegnista.", "1.480 €"),
        ("To be frank, I earn 2,300 EUR a month on this grant.", "2,300"),
    ],
)
def test_ones_own_pay_in_the_first_person_is_personal(text, secret):
    assert found(text, "personal") and secret not in kept_text(text)


def test_getting_a_refund_stays():
    text = "Ich bekomme 120 € für die Zugfahrt erstattet, danke."
    assert found(text, "personal") == [] and "120 €" in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["Hydrology – Betreuer seit März krank, Bandscheiben-Operation",
     "Astrophysics – supervisor off work after a stroke",
     "Genetika – koordinator po operaci srdce"],
)
def test_a_short_fields_note_on_a_leaders_health_is_personal(text):
    assert found(text, "personal")


def test_a_role_labelling_a_medical_topic_stays():
    assert found("PI: stroke imaging", "personal") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Questions on data protection go to privacy@example.org, our desk.", "privacy@example.org"),
     ("Für Fragen zur Richtlinie: datenschutz@example.de", "datenschutz@example.de")],
)
def test_an_organisations_policy_and_privacy_mailboxes_stay(text, kept):
    assert kept in kept_text(text)


def test_a_persons_mailbox_is_still_cut():
    assert "jan.novak@example.org" not in kept_text("Write to jan.novak@example.org about the policy.")


@pytest.mark.parametrize(
    "text",
    ["Radiation oncology (radiotherapy physics)", "Strahlentherapie-Planung und Dosimetrie"],
)
def test_a_treatment_named_as_a_field_of_work_stays(text):
    assert found(text, "personal") == []


def test_a_persons_radiotherapy_is_still_cut():
    assert found("Sorry for the delay, my wife is undergoing radiotherapy this month.", "personal")


@pytest.mark.parametrize(
    "text",
    [
        # "I am" said by the verb alone, in the languages that drop the pronoun (h52: "sono diabetico di tipo 1")
        "Per il viaggio: sono diabetica e porto l'insulina nel bagaglio a mano.",
        "Soy diabético tipo 1, necesito comer a horas fijas durante el curso.",
        "Jestem cukrzykiem typu 1 i potrzebuję posiłków o stałych porach.",
    ],
)
def test_a_condition_after_i_am_said_by_the_verb(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "I pazienti dello studio sono diabetici di tipo 2 e seguiti a Pavia.",
        "Los participantes del estudio son diabéticos tipo 1.",
    ],
)
def test_a_studys_participants_are_no_first_person(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # somebody's permit to live or work in a country, and where it stands (h52: "mon titre de séjour a expiré")
        ("Mein Aufenthaltstitel läuft im März ab, die Verlängerung ist beantragt.", "Aufenthaltstitel läuft im März ab"),
        ("My residence permit renewal is still pending, so I cannot travel to the workshop.", "renewal is still pending"),
        ("Il mio permesso di soggiorno è scaduto e sono in attesa del rinnovo in questura.", "scaduto"),
    ],
)
def test_somebodys_residence_permit_and_its_state(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The residence permit office of the university helps new international staff.",
        "Participants from outside the EU may need a work permit for the summer school.",
    ],
)
def test_a_permit_nobody_owns_is_a_services(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    "text",
    [
        # a doctor's word with a condition and a person's word in one sentence (h52: "lekarz zabronił mi")
        "Mein Arzt sagt, wegen des Asthmas soll ich nicht fliegen.",
        "Le médecin m'a interdit de voyager après ma crise d'épilepsie du mois dernier.",
    ],
)
def test_a_doctors_word_about_somebodys_condition(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "The doctors in the study treated 40 patients with epilepsy.",
        "Our physician partners study diabetes in 3 hospitals.",
    ],
)
def test_doctors_and_a_disease_with_nobodys_word_are_research(text):
    assert found(text, "personal") == []
