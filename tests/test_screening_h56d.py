"""Classes of holdout 56 (an outsider's corpus), harmless text that was cut: a short word of one
language read as another's verb of sharing after any language's negation ("No es un problema del
servidor": Danish "del"); advice not to put a service's credentials somewhere ("the S3 keys"); a
mail footer's legal notice whose marker word's sentence ends before its "not the intended
recipient"; a sentence saying confidential matters will be talked over at a meeting; a command
naming a file for a secret, its next flag after it; a contact's affiliation in two comma parts or
with a unit's number; a VO with another VO in a note. The examples are new, in other words than
the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening import fields


@pytest.mark.parametrize(
    "text",
    [
        "No es un fallo del clúster, sino de la configuración del proxy.",
        "Strežnik ne dela od ponedeljka, ker je disk poln.",
        "Jobul nu merge spre coada de producție, rămâne în așteptare.",
    ],
)
def test_another_languages_short_word_after_a_negation_is_no_marker(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ikke del dette med andre utenfor prosjektet.",
        "Du får inte dela rapporten med någon annan.",
        "No reenvíes este correo fuera del consorcio, por favor.",
        "Ne transmettez pas ce compte rendu en dehors du comité.",
    ],
)
def test_a_negated_command_to_share_still_marks(text):
    assert found(text, "marker") != []


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("Please do not put the B2 keys in the notebook, use the vault instead.", "use the vault instead"),
        ("Don't include the AWS keys in the image, mount them at run time.", "mount them at run time"),
    ],
)
def test_advice_about_a_services_credentials_is_no_marker(text, keep):
    assert found(text, "marker") == [] and keep in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("The new storage endpoint went live on Monday with 480 TB.\n\nRegards,\nPiet\n"
         "Disclaimer: this message and its attachments are confidential and may be legally privileged. "
         "If you are not the addressee, please delete it.", "480 TB"),
        ("Die Migration ist abgeschlossen, 12 Knoten laufen wieder.\n\n"
         "Diese Nachricht und ihre Anhänge sind vertraulich und können rechtlich geschützt sein. "
         "Sollten Sie diese E-Mail irrtümlich erhalten haben, löschen Sie sie bitte.", "12 Knoten laufen wieder"),
        ("Rezervace 64 GPU je potvrzena.\n\nTato zpráva a její přílohy jsou důvěrné. "
         "Pokud jste ji obdrželi omylem, informujte odesílatele.", "64 GPU je potvrzena"),
    ],
)
def test_a_mail_footers_notice_going_on_to_the_wrong_recipient_is_no_marker(text, keep):
    assert found(text, "marker") == [] and keep in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "This message is confidential. The migration plan follows below.",
        "Diese E-Mail ist vertraulich: das neue Budget beträgt 2 Mio.",
    ],
)
def test_a_message_said_to_be_confidential_still_marks(text):
    assert found(text, "marker") != []


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("The site keeps 1 500 cores for the VO until March. The confidential items we will go through in the call.",
         "1 500 cores"),
        ("Сайтът осигурява 300 TB до декември. Поверителната част ще обсъдим по телефона утре.",
         "300 TB до декември"),
        ("Centrum zapewnia 800 rdzeni do końca roku. Sprawy poufne omówimy na spotkaniu.", "800 rdzeni"),
    ],
)
def test_confidential_matters_to_be_talked_over_at_a_meeting_are_no_marker(text, keep):
    assert found(text, "marker") == [] and keep in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "This is confidential, we discussed it at the meeting.",
        "Das ist vertraulich, wir besprechen es im Call.",
    ],
)
def test_a_text_said_to_be_confidential_beside_a_meeting_still_marks(text):
    assert found(text, "marker") != []


@pytest.mark.parametrize(
    "text",
    [
        "kubectl create secret generic swift-creds --from-file=.swiftrc -n vo-lofar",
        "oc create secret generic minio-creds --from-env-file=.env --namespace geo-lab",
    ],
)
def test_a_command_naming_a_file_for_a_secret_holds_none(text):
    assert found(text, "credential") == []


def test_a_password_before_a_flag_is_still_found():
    assert "Hx7pqL2w" not in kept_text("mysql -u grid --password=Hx7pqL2w -h db01")


@pytest.mark.parametrize(
    ("entry", "affiliation", "role"),
    [
        ("Søren Kierkegård-Nielsen, Universität Wien, Institut für Astrophysik, Doktorand",
         "Universität Wien, Institut für Astrophysik", "Doktorand"),
        ("Anne-Sophie L'Hôte, CNRS – UPR 8001 LAAS, ingénieure système", "CNRS – UPR 8001 LAAS", "ingénieure système"),
        ("Þóra Björk Ólafsdóttir, University of Akureyri, Faculty of Natural Resource Sciences, lecturer",
         "University of Akureyri, Faculty of Natural Resource Sciences", "lecturer"),
    ],
)
def test_a_contacts_affiliation_in_two_parts_or_with_a_units_number_is_published(entry, affiliation, role):
    assert fields.contact(entry) == (affiliation, role)


@pytest.mark.parametrize(
    "entry",
    [
        "Jan Novák, Example University, Petra Nováková, PI",
        "Jan Novák, Example University, +420 777 123 456, PI",
        "Jan Novák, UMR 7164 45 67 89, PI",
    ],
)
def test_a_contact_with_a_persons_name_or_a_phone_beside_it_is_still_dropped(entry):
    assert fields.contact(entry) is None


@pytest.mark.parametrize(
    "value",
    [
        "vo.lofar.eu (+ vo.access.egi.eu for tests)",
        "dteam (+ ops für die SAM-Tests)",
        "vo.emso-eric.eu (plus training.egi.eu durante il corso)",
    ],
)
def test_a_vo_with_another_vo_in_a_note_is_published(value):
    assert fields.vo_name(value) == value


@pytest.mark.parametrize("value", ["vo.x.eu (+ Jan Novák)", "vo.x.eu (+33 6 12 34 56 78)", "vo.x.eu (+ 192.0.2.1 for tests)"])
def test_a_vo_with_a_person_or_a_number_in_its_note_is_still_dropped(value):
    assert fields.vo_name(value) is None


@pytest.mark.parametrize(
    "text",
    [
        "I test sono andati bene. Riservato, solo per voi: la direzione chiude il gruppo a giugno.",
        "Los tests fueron bien. Reservado, solo para vosotros: el director cierra el grupo en junio.",
    ],
)
def test_only_for_you_after_a_word_and_a_comma_marks_what_follows(text):
    assert found(text, "marker") != []
