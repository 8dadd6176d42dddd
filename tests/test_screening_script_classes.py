"""Classes of code pasted into tickets and of whole tickets in non-Latin scripts (holdouts 43 and
44, measured before these rules existed). Leaked: a password after lftp's "-u user,", a MinIO
alias's secret key, the content of a password file shown after its name, a code after a comma
("pe telefon, 739204"), a birth date in a printed data frame's row and in the sentence after its
word, Georgian and Armenian identity numbers, passwords and home addresses with their
languages' endings, an address whose house number has two parts. Lost: code that reads or makes
a value ("keyring::key_get(...)", "argon2.hash(plain)"), a longitude column read as a salary, a
marker quoted with its comment sign, and "no confidential data here" said in Georgian, Armenian
or Hebrew. The examples are new, in other words than the corpora's."""

from __future__ import annotations

import pytest
from support.findings import found, kept_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("sync:\n\tlftp -u mnovak,Vltava_2031 ftp://data.example.cz -e 'mirror -R out/'", "Vltava_2031"),
        ("mc alias set brno https://s3.example.cz CZKEY77QA Morava/Svratka+42Zx", "Morava/Svratka+42Zx"),
        ("Obsah souboru db_password.txt, který skript čte:\n\nKrtek-Zahrada-1957\n\nChyba: auth failed", "Krtek-Zahrada-1957"),
        ("Mi-a venit codul de confirmare prin SMS, 551902, dar nu merge.", "551902"),
    ],
)
def test_a_secret_in_a_command_a_shown_file_or_after_a_comma_is_a_credential(text, secret):
    assert found(text, "credential") and secret not in kept_text(text)


@pytest.mark.parametrize(
    "text",
    ["session = boto3.Session(profile_name=\"egi-s3\")", "password = keyring::key_get(\"grid-db\")",
     "password_hash = argon2.hash(plain)", "mc alias set local http://localhost:9000 $MINIO_ACCESS $MINIO_SECRET",
     "Contents of token.txt:\n<paste your token here>"],
)
def test_code_that_reads_or_makes_a_secret_is_kept(text):
    assert found(text, "credential") == []


def test_a_printed_data_frames_birth_date_is_personal():
    text = ">>> df.loc[3]\nnev            Kovacs Anna\nszuletesi_ido  1988-02-14\nintezmeny      BME"
    assert "1988-02-14" not in kept_text(text)


def test_a_longitude_column_is_no_salary():
    text = "site,lat,lon,height\nHU-BUD01,47.4979,-19.0402,96\nHU-DEB02,47.5316,21.6273,121"
    assert found(text, "personal") == []


def test_a_marker_quoted_with_its_comment_sign_is_a_mention():
    text = 'Does a "# NICHT VERÖFFENTLICHEN" comment in a Dockerfile change the build? Ours has only:\nFROM alpine:3.20'
    assert "FROM alpine:3.20" in kept_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Έγραψα λάθος ημερομηνία γέννησης στη φόρμα. Η σωστή είναι 02/11/1984, ευχαριστώ.", "02/11/1984"),
        ("ჩემი პირადი ნომერია 01024055331, გთხოვთ შეასწოროთ.", "01024055331"),
        ("խնդրում եմ, սոցիալական քարտի համարը՝ 1507890123։", "1507890123"),
        ("ui.example.am-ի գաղտնաբառն է՝ Sevan_Lake_88, խնդրում եմ փոխել։", "Sevan_Lake_88"),
        ("გამომიგზავნეთ სახლის მისამართზე: ქ. ბათუმი, რუსთაველის გამზ. №12, ბინა 4, 6010.", "№12, ბინა 4"),
        ("ուղարկեք տան հասցեով՝ ք. Գյումրի, Աբովյան պող. 8, բն. 3, 3101։", "Աբովյան պող. 8"),
        ("Испратете го на адреса: ул. Македонија 21/3-7, 1000 Скопје.", "ул. Македонија 21/3-7"),
    ],
)
def test_personal_data_in_greek_georgian_armenian_and_cyrillic_is_found(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("ამ წერილში კონფიდენციალური მონაცემები არ არის — მხოლოდ ლოგები.", "მხოლოდ ლოგები"),
        ("այս նամակում գաղտնի տեղեկություններ չկան, միայն մատյաններ։", "միայն մատյաններ"),
        ("שמות המארחים אינם מידע חסוי, אפשר לפרסם אותם.", "אפשר לפרסם אותם"),
    ],
)
def test_no_confidential_data_here_is_kept_in_georgian_armenian_and_hebrew(text, keep):
    assert keep in kept_text(text)


def test_a_date_in_the_sentence_after_a_birth_word_must_be_a_birth_years():
    assert "14/03/2026" in kept_text("The form asks for a date of birth. The workshop is on 14/03/2026.")


# holdouts 45 ("a year of a life-science community") and 46 ("an adversarial writer"), measured
# before these rules existed: a patient's hospital number, a one-time code named for its use, a
# password spelled with the names of its characters, a digit-by-digit code in words, a home
# address with the Hungarian street word, an address written backwards; kept: an encoding's name.


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Scan MRN-5521907_MR_brain.nii.gz hat den falschen Namen.", "MRN-5521907"),
        ("Proben-ID UKB-PAT-011845 (Patient, 61 J.) fehlt.", "UKB-PAT-011845"),
        ("Your one-time registration code for the training portal is 771 204.", "771 204"),
        ("Le mot de passe s'écrit : majuscule L, y, o, n, chiffre trois, chiffre deux, point d'exclamation.", "chiffre trois"),
        ("Kinnituskood on kolm-viis-üks-neli-kaks-null, kehtib 10 minutit.", "kolm-viis-üks-neli-kaks-null"),
        ("A csomagot a lakásomra kérem: Szeged, Tisza u. 14. I/2, 6720.", "Tisza u. 14."),
        ("Soukromý mail pozpátku: zc.mazes@atinaj", "zc.mazes@atinaj"),
    ],
)
def test_classes_of_an_adversarial_and_a_clinical_year_are_found(text, secret):
    assert secret not in kept_text(text)


@pytest.mark.parametrize("text", ["Token v base64 für die neue VO", "Pipeline ABC-PT-2024 for the cohort of patients",
                                  "git clone git@github.com:egi/repo.git"])
def test_an_encodings_name_a_year_code_and_a_forge_address_are_kept(text):
    assert found(text) == []
