"""Classes of the h65 and h66 corpora's harmless texts that were cut: a marker word asked about
("... or not"), a do-not-share phrase about a link a command makes (not in the text), a video's
public query parameters, a Hebrew negation with a joined prefix, and an institution's tax number
on the line under its name as the audit reads a rendered page. The examples are new, in other
words than the corpora's; each class has its confidential look-alike that must still go."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text

from generator.audit import audit_site


@pytest.mark.parametrize(
    "text",
    ["Vertraulich oder nicht? Die Vorlage fragt, ob jeder Datensatz öffentlich oder intern ist.",
     "Poufne czy nie: w planie zarządzania danymi każdy zbiór oznacza się jako publiczny lub zastrzeżony.",
     "Důvěrné nebo ne – šablona chce u každé sady dat jednu z úrovní."],
)
def test_a_marker_word_asked_about_with_or_not_is_no_marking(text):
    assert found(text, "marker") == []


@pytest.mark.parametrize(
    "text",
    ["Confidential or not to be shared: the VO's robot key is in the vault.",
     "Vertraulich oder nicht weitergeben: der Schlüssel des Knotens liegt im Tresor."],
)
def test_or_not_going_on_as_a_marking_still_marks(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Le portail génère un lien de téléchargement valable 48 heures ; ne le mettez pas dans le ticket.\n\n"
         "  rucio download --dir out user.jdoe:run42", "rucio download --dir out user.jdoe:run42"),
        ("  gsutil signurl -d 2d key.json gs://bucket/run7.tar\n\n"
         "Das Skript erzeugt einen signierten Link, der zwei Tage gilt; bitte kopieren Sie ihn nicht ins Ticket.",
         "gsutil signurl -d 2d"),
    ],
)
def test_advice_about_a_link_a_command_makes_withholds_nothing(text, kept):
    assert found(text, "marker") == [] and kept in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["The summary of the incident is below; do not put it into the ticket.",
     "Hier der Link zum internen Dashboard; bitte kopieren Sie ihn nicht ins Ticket."],
)
def test_do_not_put_it_in_the_ticket_about_the_text_itself_still_marks(text):
    assert found(text, "marker")


@pytest.mark.parametrize(
    "url",
    ["https://www.youtube.com/watch?v=Qm7dLx2Rt9A&t=1h2m5s",
     "https://www.youtube.com/watch?v=Pz4kV8nW1cE&list=PLr3Yt8Kd2LmQ8rT4vWzA1bC3dE5fG7hJ9&index=4"],
)
def test_a_videos_public_query_is_kept(url):
    text = f"Nagranie z warsztatów: {url} (prezentacja od 12. minuty)."
    assert found(text, "credential") == [] and url in kept_text(text)


@pytest.mark.parametrize(
    "url",
    ["https://www.youtube.com/watch?v=Qm7dLx2Rt9A&sig=Zk29fLq8Xv3TbN7wPe4R",
     "https://media.example.org/stream?v=Qm7dLx2Rt9A&token=Zk29fLq8Xv3TbN7wPe4R",
     "https://media.example.org/stream?t=eyJhbGciOiJIUzI1NiJ9Zk29fLq8Xv3T"],
)
def test_a_signature_or_token_beside_public_parameters_still_goes(url):
    assert found(f"Der Mitschnitt: {url}", "credential")


@pytest.mark.parametrize(
    "text",
    ["זהו מסמך שאינו סודי, אפשר לשתף אותו עם כל הקבוצה.",
     "הטבלה, שאינה חסויה, נשלחה לכל חברי הקבוצה."],
)
def test_a_marker_word_after_a_negation_with_a_joined_prefix_is_no_marking(text):
    assert found(text, "marker") == []


def test_a_hebrew_marker_without_a_negation_still_marks():
    assert found("חסוי: הסיסמה של השרת נמצאת בכספת.", "marker")


def _page(site, body: str) -> None:
    page = site / "cases" / "1" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(body)


@pytest.mark.parametrize(
    "body",
    ["<p>Dane do faktury:<br>\nAnna Nowak<br>\nNIP 777-00-04-960</p>",
     "<p>Uniwersytet Przyrodniczy w Poznaniu</p>\n<p>NIP 777-00-04-960</p>"],
)
def test_a_persons_number_on_an_invoice_block_is_still_found_by_the_audit(tmp_path, body):
    site = tmp_path / "site"
    _page(site, body)
    assert {f.rule for f in audit_site(site)} == {"personal.id-number"}


def test_a_long_random_value_under_a_video_parameters_name_is_still_a_token():
    """(review: 'v' on any site once took a value of 40 characters; a video's id has eleven)"""
    url = "https://portal.example.eu/dl?v=aK93jdLq0xZpQ7rTy2Wv8n"
    assert found(url, "credential")
