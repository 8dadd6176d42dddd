"""Classes of harmless text an outside corpus (holdout 55) saw withheld: an institution's public
contacts in prose (a press desk's mailbox, a service's mailbox named as where to write, a
switchboard's number), a command naming a Kubernetes secret, statistical confidentiality as a
topic, an OpenStack Swift account in an object's address, and a frequency range in a discipline.
The examples are new, in other words than the corpus's; each class has its look-alike that is
still withheld."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.screening.fields import discipline


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("Für Presseanfragen wenden Sie sich bitte an presse@gwdg.example.de.", "presse@gwdg.example.de"),
        ("Per richieste stampa scrivete a stampa@infn.example.it, grazie.", "stampa@infn.example.it"),
        ("Media questions go to the communications office: communications@sara.example.nl", "communications@sara.example.nl"),
    ],
)
def test_a_press_or_communications_desk_mailbox_is_public(text, public):
    assert public in kept_text(text)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        # a role word and the service's name, the name written as services are
        ("Pytania do zespołu PLGRID kierujcie na plgrid-pomoc@cyfronet.example.pl.", "plgrid-pomoc@cyfronet.example.pl"),
        ("Le équipe NAVIGATOR répond sur navigator-support@lip.example.pt.", "navigator-support@lip.example.pt"),
        # the service's name alone, where the text says to write with general enquiries
        ("Allgemeine Anfragen zu BwUniCluster bitte an bwunicluster@kit.example.de senden.", "bwunicluster@kit.example.de"),
        ("Preguntas generales sobre EuroCC: escribid a eurocc@bsc.example.es.", "eurocc@bsc.example.es"),
    ],
)
def test_a_service_mailbox_named_as_where_to_write_is_public(text, public):
    assert public in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a person's own mailbox in the same sentence shape stays withheld
        ("Allgemeine Anfragen bitte an Jan Novak, jan.novak@kit.example.de.", "jan.novak@kit.example.de"),
        ("Pour les questions générales, contactez Pierre DUPONT : dupont@in2p3.example.fr", "dupont@in2p3.example.fr"),
        ("Preguntas generales: escribid a marta@bsc.example.es.", "marta@bsc.example.es"),
    ],
)
def test_a_persons_mailbox_beside_enquiry_words_is_withheld(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("Vous pouvez appeler le standard de l'IDRIS au 01 69 35 84 00 en journée.", "01 69 35 84 00"),
        ("Bei Fragen erreichen Sie die Pforte unter 0721 608 12345.", "0721 608 12345"),
    ],
)
def test_a_switchboards_number_is_public(text, public):
    assert public in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Le standard est fermé le soir ; mon portable : 06 12 48 93 07.", "06 12 48 93 07"),
        ("An der Pforte ist niemand, mein Handy: 0171 4839 227.", "0171 4839 227"),
    ],
)
def test_a_persons_mobile_beside_a_switchboard_is_withheld(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Run kubectl --context prod-fra -n ops create secret generic s3-keys --from-file=./keys then restart the pod.",
        "Bitte mit oc --namespace=eosc-ops-prod create secret generic db2-creds --from-file=db2.ini anlegen.",
    ],
)
def test_a_kubernetes_secrets_name_in_a_command_is_public(text):
    name = "s3-keys" if "s3-keys" in text else "db2-creds"
    assert name in kept_text(text)


def test_a_literal_value_given_to_kubectl_is_withheld():
    text = "kubectl -n biomed create secret generic db-pass --from-literal=password=Vq7#pLm2Zr9x"
    assert "Vq7#pLm2Zr9x" not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Das Statistikgeheimnis verlangt, Tabellenzellen mit weniger als drei Fällen nicht zu veröffentlichen. Die Landkreis-Tabellen sind also freigegeben.",
        "Por el secreto estadístico no se deben difundir celdas con menos de 5 hogares. Las tablas provinciales son publicables.",
        "Il segreto statistico impone di non diffondere celle con meno di tre unità. Le tabelle regionali sono pubblicabili.",
    ],
)
def test_statistical_confidentiality_is_a_topic(text):
    assert found(text, "marker") == []


def test_a_do_not_share_marking_after_another_sentence_stays_a_marker():
    text = "Il segreto statistico vale per tutti. Documento interno: non diffondere i risultati."
    assert found(text, "marker")


@pytest.mark.parametrize(
    "url",
    [
        "https://swift.cloud.example.ro:8080/v1/AUTH_9c1e0b7d2f4a4e51a8f3c6d2b1e0f9a7/atlas-open/readme.txt",
        "https://s3.site.example.cz/swift/v1/AUTH_b73a/verejna-data/index.html",
    ],
)
def test_a_swift_accounts_id_in_an_objects_address_is_public(url):
    assert url in kept_text(f"Public container: {url}")


def test_a_swift_temporary_urls_signature_is_withheld():
    url = ("https://swift.cloud.example.ro/v1/AUTH_9c1e0b7d/private/run.tar?temp_url_sig="
           "a3f9c2d18e7b4f60c1d2e3f4a5b6c7d8e9f0a1b2&temp_url_expires=1767225600")
    assert "a3f9c2d18e7b4f60c1d2e3f4a5b6c7d8e9f0a1b2" not in kept_text(f"Link: {url}")


@pytest.mark.parametrize(
    "value",
    ["Radioastronomie (VLBI, 110–230 GHz)", "Física de altas energias (raios X, 100-500 keV)",
     "Astrofisica (CMB, 100 a 857 GHz)"],
)
def test_a_discipline_with_a_range_of_a_quantity_is_published(value):
    assert discipline(value) == value


def test_a_discipline_with_a_phone_number_is_dropped():
    assert discipline("Radio astronomy (call 0612 345 678)") is None


def test_a_services_capitalised_name_after_a_greeting_line_is_no_surname():
    text = "Ahoj,\n\nLUMI podpora odpovídá na lumi-podpora@csc.example.fi i o víkendu."
    assert "lumi-podpora@csc.example.fi" in kept_text(text)
    assert "novak@csc.example.fi" not in kept_text("Ahoj,\n\nJan NOVAK: novak@csc.example.fi")
