"""Classes of text from communities that study people (holdout 36: "the study is public, the
people are not"; measured before these rules existed). Leaked: a named patient or participant,
or a named person's diagnosis with an age ("il paziente ...", "Name, 58 años, recidiva ...");
a record of a person pasted while debugging, where only the identity number or the birth date
was cut and the name stayed (a CSV row, a JSON object, a DICOM header's dump, an SQL row); a
name in brackets after an identity number; a birth date or an identity number glued into a
sample's label; an address a speaker gives in an interview's transcript; a session key of an
imaging server in a URL or after its command's flag. Lost: a BIDS file name read as random; an
archive's accession in a query; a snippet cut in the middle of a question; "confidential data
handling" as a topic. The examples are new, in other words than the corpus's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    "text",
    [
        "Il job fallisce per la paziente Giulia Ferri, risonanza del 3 marzo.",
        "Export crashes on participant Tomas Novak in wave 2.",
        "Chyba u pacientky Jany Horákové po operaci.",
        "Frau Sabine Kunz wurde letzte Woche ein Lymphom diagnostiziert, daher zwei Scans.",
        "Nota libre: 'Pedro Alonso Ruiz, 61 años, recaída de leucemia' rompe el parser.",
    ],
)
def test_a_named_patient_or_a_named_persons_diagnosis_is_personal(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "Prof. Maria Rossi leads the glioblastoma imaging study at the site.",
        "The patient P-0173 and subject sub-07 were excluded (motion).",
        "Cohort of 412 patients, median age 61 years, 38% with lymphoma.",
        "Contact Jan de Vries (54) for the Parkinson pipeline questions.",
    ],
)
def test_research_on_diseases_and_pseudonymous_codes_are_kept(text):
    assert found(text, "personal") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("id;surname;forename;dob;city\nS-19;Varga;Eszter;11.02.1977;Pécs", "Varga;Eszter"),
        ('sample: {"code":"X-4","first_name":"Lena","last_name":"Berg","pesel":"90090515836"}', "Lena"),
        ("(0010,0010) PatientName: DOE^JANE\n(0010,0030) PatientBirthDate: 19810312\n(0018,0050) SliceThickness: 1",
         "DOE^JANE"),
    ],
)
def test_a_persons_record_goes_whole_when_it_holds_their_id_or_birth_date(text, name):
    assert name not in kept_text(text)


def test_a_record_of_no_person_is_kept():
    text = "site;cores;storage\nCESNET;1200;450 TB"
    assert found(text, "personal") == []


def test_a_name_in_brackets_after_an_identity_number_goes_with_it():
    assert "Ivana" not in kept_text("EMBG 0101990450006 (Ivana Petrovska) stayed in the test file.")


def test_a_birth_date_glued_into_a_samples_label_takes_the_label():
    assert "ANNA" not in kept_text("@A001:1:HX:1 donor=ANNA_LIND_DOB_1990-01-02_S1")


@pytest.mark.parametrize(
    "text",
    [
        "[00:01:02] INT: where do you live?\n[00:01:05] SPK: at 12 Mill Lane, Leeds, near the park",
        "v přepisu: 'bydlím na Husova 12, 602 00 Brno' a pak hovoří o práci",
    ],
)
def test_an_address_a_speaker_gives_in_a_transcript_is_personal(text):
    assert found(text, "personal")


@pytest.mark.parametrize(
    "text",
    [
        "https://omero.example.org/webclient/?server=1&bsession=3f0c1a2b-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
        "omero login -s omero.example.org -k 3f0c1a2b-9d8e-4f7a-b6c5-d4e3f2a1b0c9",
    ],
)
def test_an_imaging_servers_session_key_is_a_credential(text):
    assert found(text, "credential")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("fmriprep fails for sub-12/ses-01/func/sub-12_ses-01_task-rest_bold.nii.gz", "credential"),
        ("https://www.ncbi.nlm.nih.gov/gap/study.cgi?study_id=phs000424.v8.p2", "credential"),
        ("A tajné adatok kezelése: use Vault, never the ticket.", "marker"),
        ("The echo spacing is 0.000 580 s in the protocol.", "phone"),
    ],
)
def test_public_names_numbers_and_topics_are_kept(text, category):
    assert found(text, category) == []


def test_a_search_snippet_ends_with_a_whole_sentence():
    from generator.site.search import _snippet

    text = ("We debated where to store database passwords, in Vault or in Kubernetes secrets, for a long "
            "time. What does EGI recommend for confidential data on FedCloud virtual machines and containers?")
    assert _snippet(text).endswith("for a long time.…")
