"""Confidentiality markers: words and phrases that say a text is not for the public.

The view has already undone letter-spacing (``c o n f i d e n t i a l``), fullwidth and
mathematical letters, look-alikes, Markdown emphasis and HTML tags, so one spelling per phrase is
enough (``lexicon.MARKERS``, in the languages of EGI's participants). Three strengths:

* ``MARKERS`` mark text wherever they stand ("confidential", "Ne pas diffuser", "off the record",
  "TLP:RED", "please don't put this on the public case page"), unless negated ("not
  confidential", "non è riservato") or naming a technology or topic ("confidential computing",
  "confidentiality agreement" is another word);
* ``MARKERS_IN_POSITION`` also describe things ("an internal-only network", "de uso interno"), so
  they count as a heading, in brackets, before a colon or a dash, or closing a sentence;
* ``HEADING_WORDS`` and ``MARKER_ADJECTIVES`` ("INTERNAL", "Vertrauliche Information:") count only
  as a heading, in brackets or before a colon.
* A one-letter typo of a long marker word (``TYPO_MARKER_WORDS``: "Confidental:", "VERTAULICH")
  counts where a marking stands: before '!' or ':', heading its line, in capitals, in brackets.

What a marker withholds (its message, its case, its field value) is the policy's decision.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.screening import lazy_re as re
from generator.screening.detectors.base import (
    MARKER,
    Finding,
    Lexicon,
    Text,
    WordClass,
    fold,
    folded_too,
    lex,
    literal_phrases,
    on_first_text,
)
from generator.screening.lexicon import (
    ADVICE_OBJECTS,
    AND_WORDS,
    APPEAR_VERBS,
    ATTENTION_WORDS,
    AUDIENCE_ARTICLES,
    AUDIENCE_WORDS,
    BETWEEN_US,
    BETWEEN_WORDS,
    CHANNEL_WORDS,
    CLASSIFICATION_LABELS,
    CONTRAST_WORDS,
    COPULAS,
    COUNT_WORDS,
    CREDENTIALS_WORDS,
    DATA_SUBJECT_WORDS,
    DISCLAIMER_PHRASES,
    DISCUSS_STEMS,
    ELSEWHERE_STEMS,
    ENSURE_WORDS,
    ERROR_RECEIPT_WORDS,
    FOR_WORDS,
    HEADING_WORDS,
    INTO_WORDS,
    KEEP_INSIDE_PHRASES,
    KEEP_VERBS,
    KEY_NAME_WORDS,
    KEY_WORDS,
    KNOW_CLAUSE_WORDS,
    LEET_MARKER_WORDS,
    MARKED_WORDS,
    MARKER_ADJECTIVES,
    MARKER_TOPIC_BEFORE,
    MARKER_TOPICS,
    MARKERS,
    MARKERS_IN_POSITION,
    MARKING_PERSONS,
    MENTION_WORDS,
    MESSAGE_WORDS,
    MODAL_WORDS,
    NEGATION_PARTICLES,
    NEGATIONS,
    NEGATIONS_AFTER,
    NEVER_WORDS,
    NO_LONGER_WORDS,
    NONE_VALUES,
    NOR_WORDS,
    NORDIC_SHARE_NEGATIONS,
    NORDIC_SHARE_VERBS,
    NOT_NEEDED,
    NOTHING_SUBJECTS,
    OBJECT_PRONOUNS,
    ONLINE_WORDS,
    ONLY_WORDS,
    OR_NOT_WORDS,
    OUTSIDE_WORDS,
    PAIRED_NOR_LEADS,
    PAIRED_NOR_WORDS,
    PASSIVE_AUXILIARIES,
    PASSWORD_WORDS,
    PAYMENT_DATA_WORDS,
    PLEASE_WORDS,
    PRODUCE_VERBS,
    PRODUCED_THINGS,
    PUBLIC_LEVEL_NAMES,
    PUBLIC_LEVELS,
    PUBLIC_WORDS,
    PUT_VERBS,
    QUOTED_TEXT_NOUNS,
    RECIPIENT_WORDS,
    RELATIVE_PRONOUNS,
    ROUTE_WORDS,
    SAME_WORDS,
    SHARE_IMPERATIVES,
    SHARE_NEGATIONS,
    SHARE_NEGATIONS_AFTER,
    SHARE_VERBS,
    SHARE_VERBS_BEFORE_NEGATION,
    SOLELY_WORDS,
    SPOKEN_COLONS,
    SPOKEN_STOPS,
    STATISTICAL_SECRECY,
    STAY_VERBS,
    TICKET_WORDS,
    TYPO_MARKER_WORDS,
    UNOFFICIAL_WORDS,
    WE_WORDS,
    WHETHER_WORDS,
    YOU_WORDS,
)

_B, _E = r"(?<![\w])", r"(?![\w])"
_ONLY = rf"(?:(?:{lex(ONLY_WORDS + '|' + FOR_WORDS)})[ -])?"
_STRONG = Lexicon(*MARKERS, KEEP_INSIDE_PHRASES, template=rf"{_B}(?:{{body}}){_E}")
#: "between us", unless "and" and the other party of a relation follow ("Entre nous, et à ne pas
#: mettre sur le site": after a comma, "and" goes on with the marking)
_BETWEEN_US = Lexicon(BETWEEN_US, template=rf"{_B}(?:{{body}}){_E}(?![ \t]+(?:{lex(AND_WORDS)}){_E})"
                                            rf"(?![ \t]+(?:{lex(COUNT_WORDS)})[ \t]+[^\W\d_])")
#: where a text goes that the public reads, as the last word of a short lead heading a line and
#: a colon or dash after it: with a negation before it, "Nu pentru tichet:", "Ikke for saken:",
#: "À ne pas mettre dans le ticket :", "Ei julkiseksi:" mark what follows (``_not_for_place``)
_PLACE = Lexicon(TICKET_WORDS, PUBLIC_WORDS, ONLINE_WORDS,
                 template=rf"{_B}(?:{{body}}){_E}(?=(?:[ \t]+(?P<verb>{lex(PUT_VERBS, APPEAR_VERBS)}))?(?:[ \t]+(?:{lex(PLEASE_WORDS)}))?"
                          rf"[ \t]*(?:[:–—]|-[ \t]|\)|[ \t]+(?:{lex(SPOKEN_COLONS)}){_E}))")
#: the public itself: a place with no "for", "in" or verb of putting before it ("Ei julkiseksi:")
_PUBLIC_WORD = re.compile(rf"(?:{lex(PUBLIC_WORDS)})")
_INTO_WORD = re.compile(rf"(?:{lex(INTO_WORDS, FOR_WORDS, PUT_VERBS)})$")
_NEGATION_PARTICLE = re.compile(rf"(?:{lex(NEGATION_PARTICLES)})")
#: "only (for) us" as a short lead heading a line, a colon or dash after it: "Tikai mums:", "Nur für uns –"
_ONLY_US = Lexicon(ONLY_WORDS, template=rf"(?<![\w])(?:{{body}})(?:[ \t]+(?:{lex(FOR_WORDS)}))?[ \t]+"
                                        rf"(?:{lex(WE_WORDS, YOU_WORDS)}){_E}(?=[ \t]*(?:[:–—)\]]|-[ \t]))")
_POSITIONAL = Lexicon(MARKERS_IN_POSITION, template=rf"{_B}{_ONLY}(?:{{body}}){_E}")
#: "only" after a phrase, as the languages that put it last write it ("uso interno apenas",
#: "usage interne uniquement"): like "only" before it, a marker wherever it stands
_ONLY_AFTER = re.compile(rf"[ -]+(?:{lex(ONLY_WORDS)}){_E}")
_HEADING = Lexicon(HEADING_WORDS, UNOFFICIAL_WORDS, template=rf"{_B}{_ONLY}(?:{{body}}){_E}")
#: a heading word or an in-position phrase labelling what follows, a word of its own and a comma
#: later, then a few words with a negation and a colon: "Sisäinen tieto, ei julkaista:",
#: "Вътрешно, да не се публикува:", "Endast internt, får ej publiceras:" (the negated verb or
#: adjective may be in no list; without a negation, "Internal network, firewall rules:" names a topic)
_LABEL_WITH_COMMA = Lexicon(
    HEADING_WORDS, MARKERS_IN_POSITION,
    template=rf"{_B}{_ONLY}(?:{{body}}){_E}(?:[ \t]+[^\W\d_]+)?[ \t]*(?:,|[ \t][–—-])(?:[ \t]+[^\s:,.!?;]+){{0,4}}?"
             rf"[ \t]+(?:{lex(NEGATIONS)}|ej|da ne|μην|μη){_E}(?:[ \t]+[^\s:,.!?;]+){{0,8}}[ \t]*:")
#: a public place or publishing named in a longer request after the comma ("Nur intern, bitte nicht
#: in die öffentliche Fallbeschreibung übernehmen:", "Alleen intern, graag niet overnemen in de
#: openbare casusbeschrijving:"): without one, a long clause is a topic's sentence
_PUBLIC_STEM = re.compile(fold(r"offentl|openba|publ|pubbl|julki|avali|nyilv|veřej|verej|jawn|javn|δημόσ|δημοσ|"
                               r"публич|публіч|публи|kamu|viešas|viešai|publisk|ticket|fallbeschreib|case|casus|"
                               r"wiki|website|webseite|site web|sito|knowledge base"))
#: "only for (the) partners", "for consortium members only": a text kept to some people
_FOR_THE = rf"(?:{lex(FOR_WORDS)})[ \t]+(?:(?:{lex(AUDIENCE_ARTICLES)})[ \t]+)?"
_RESERVED_FOR = (r"(?:reserved|reservee?s?|riservat[oaie]|reservad[oa]s?|vorbehalten)[ \t]+"
                 rf"(?:for|to|aux|au|a|ai|agli|alle|al|para|fur)[ \t]+(?:(?:{lex(AUDIENCE_ARTICLES)})[ \t]+)?")
_AUDIENCE = Lexicon(
    AUDIENCE_WORDS,
    template=rf"{_B}(?:(?:{lex(ONLY_WORDS)})[ \t]+{_FOR_THE}(?:{{body}}){_E}|{_FOR_THE}(?:{{body}})[ \t]+(?:{lex(ONLY_WORDS)}){_E}|"
             rf"{_RESERVED_FOR}(?:{{body}}){_E})")
#: (a few words may go on naming them before the colon: "Solo per i partner del progetto:")
_AUDIENCE_END = re.compile(r"(?:[ \t]+[^\W\d_]{1,20}){0,3}[ \t]*[:!–—]|[ \t*\])\"'»”]*$", re.MULTILINE)
_ADJECTIVE = Lexicon(MARKER_ADJECTIVES, template=rf"{_B}(?:{{body}}){_E}(?:[ \t]+[^\W\d_]+){{0,2}}")
#: (the words between the negation and the verb hold no double quote: 'we do not use "do not
#: publish" markers' quotes the phrase, it does not use it)
_DO_NOT_SHARE = Lexicon(
    SHARE_VERBS, template=rf"{_B}(?:{lex(SHARE_NEGATIONS)})(?:[ \t]+[^\s.!?;:\"«»“”„]+){{0,3}}?[ \t]+(?:{{body}}){_E}")
#: (the Scandinavian verbs that are other languages' short words, after their own negations)
_DO_NOT_SHARE_NORDIC = Lexicon(
    NORDIC_SHARE_VERBS,
    template=rf"{_B}(?:{lex(NORDIC_SHARE_NEGATIONS)})(?:[ \t]+[^\s.!?;:\"«»“”„]+){{0,3}}?[ \t]+(?:{{body}}){_E}")
_DO_NOT_SHARE_COMMAND = Lexicon(
    SHARE_IMPERATIVES, template=rf"{_B}(?:{lex(SHARE_NEGATIONS)})(?:[ \t]+[^\s.!?;:\"«»“”„]+){{0,2}}?[ \t]+(?:{{body}}){_E}"
                                r"(?=(?:[ \t]+[^\s.!?;:]+){0,2}[ \t]*(?:[:!–—]|-[ \t]|\.(?:\s|$)|\n|$)"
                                rf"|(?:[ \t]+[^\s.!?;:]+){{0,4}}[ \t]+(?:{lex(OUTSIDE_WORDS)}){_E})")
_SHARE_NOT = Lexicon(
    SHARE_VERBS_BEFORE_NEGATION,
    template=rf"{_B}(?:{{body}})[ \t]+(?:[^\s.!?;:]+[ \t]+)?(?:{lex(SHARE_NEGATIONS_AFTER)}){_E}")
_ADVICE = re.compile(rf"(?:[ \t]+(?:the|a|an|die|der|das|le|la|les|il|el|de|het)?)?[ \t]*(?:{lex(ADVICE_OBJECTS, PAYMENT_DATA_WORDS)}){_E}")
#: the object before the verb (German, Slavic word order: "das Passwort nicht weitergeben")
_ADVICE_BEFORE = re.compile(rf"(?:{lex(ADVICE_OBJECTS)})[ \t]+(?:\S+[ \t]+)?$")
#: a password word (any inflection: its stem and more letters, a Hebrew article before it) among the
#: next three words, not across a colon or a line: "ne továbbítsa a jelszavát", "לא להעביר את הסיסמה"
_CREDENTIAL_STEMS = (rf"{lex(*PASSWORD_WORDS)}|sifre|şifre|salasana|passwor|lozink|лозинк|парол|jelsz|hasł|"
                     rf"hesl|parool|parol|geslo|gesl|κωδικ|סיסמ")
_CREDENTIAL_NEAR = re.compile(rf"(?:[ \t]+[^\s.!?;:]+){{0,3}}?[ \t]+[הלבו]?(?:{_CREDENTIAL_STEMS})[^\W\d_]*")
_CREDENTIAL_BEFORE = re.compile(rf"{_B}[הלבו]?(?:{_CREDENTIAL_STEMS}|token|токен|credential)[^\W\d_]*(?:[ \t]+[^\s.!?;:]+){{0,2}}?[ \t]+$")
_CREDENTIAL_INSIDE = re.compile(rf"{_B}[הלבו]?(?:{_CREDENTIAL_STEMS})")
#: "the same X between ...": advice on sharing one thing among several users or jobs
_SAME_ADVICE = re.compile(rf"[ \t]+(?:{lex(SAME_WORDS)})[ \t]+(?:[^\s.!?;:]+[ \t]+){{1,3}}?(?:{lex(BETWEEN_WORDS)}){_E}")
_CLITIC_ADVICE = re.compile(rf"[ \t]+[^\W\d_]{{1,3}}[ \t]+(?:{lex(ADVICE_OBJECTS)}){_E}")
#: a lock, a secret or a "shush" sign used as a marking (the view reads the circled ideograph
#: "secret" as its plain ideograph)
_EMOJI = re.compile("[\U0001F512\U0001F510\U0001F50F\U0001F92B\u3299\u79d8]")
_CONFIG_VALUE = re.compile(r"[ \t]*[:=][ \t]*(?:true|false|yes|no|on|off|null|none|\d+|\"[^\"\n]*\"|'[^'\n]*')[ \t]*$",
                           re.MULTILINE)
_LEVEL = Lexicon(CLASSIFICATION_LABELS,
                 template=r"(?<![\w'-])(?:{body})(?![\w-])[ \t]*(?:level|stufe|niveau)?[ \t]*[:=][ \t]*(?=[^\W_])")
#: the codes of levels that are not public: EU and Horizon dissemination levels, national abbreviations
_LEVEL_CODE = re.compile(r"(?:co|sen|eu-res|eu-con|eu-sec|r-ue|c-ue|s-ue|re|pp|vs-nfd|nfd|dsp|дсп|дск|"
                         r"tlp:red|tlp:amber(?:\+strict)?|official|limited|c|r|s)(?![\w-])")
_PUBLIC_LEVEL = re.compile(rf"(?:{lex(PUBLIC_LEVELS)})(?![\w])")
_NEGATION = re.compile(rf"{_B}(?:{lex(NEGATIONS)}){_E}")
#: (across a line break, and in a page across the <br> that renders it: the audit reads the two
#: lines as two parts, with a PART_BREAK between them)
_TOPIC_AFTER = re.compile(rf"[\s+_\ue000-]+(?:{lex(MARKER_TOPICS)}){_E}")
_TOPIC_BEFORE = re.compile(rf"{_B}(?:{lex(MARKER_TOPIC_BEFORE)})[ -]+$")
_PREFIXED = re.compile(r"(?:non|un|no|nicht|in)-?$")
#: what may stand between a heading's start of line and its marker: bullets, brackets, emphasis
_LEAD = r"[ \t>*#\-•\[(\"'«“]*"
_LINE_LEAD = re.compile(_LEAD + "$")
#: (an aside in brackets may stand between the word and its colon or dash, saying what not to do
#: with what follows: "RISERVATO (non copiare nel ticket): ...", "INTERN (nicht weitergeben) – ...";
#: words only: "Internal (VLAN 12):" names a network)
_AFTER_HEADING = re.compile(r"[ \t*\])\"'»”]*(?:\([ \t]*[^\W\d_][^()\n\d]{0,60}\)[ \t*]*)?(?:[:!–—\-]|$)",
                            re.MULTILINE)
#: a level's code of two or three letters joined to a word by a hyphen: a prefix of a compound
#: ("Co-PI:", "Co-IP:", "Re-run:"), no heading (a marker word so joined still heads: "Internal-only:")
_CODE_IN_COMPOUND = re.compile(r"-[^\W\d_]")
_AFTER_POSITION = re.compile(r"[ \t*\"'»”]*(?:[:!–—)\]]|-[ \t]|\.(?:\s|$)|$)", re.MULTILINE)
#: a marker alone in brackets: "[internal]", "(nur intern)", "[ INTERNAL ONLY ]"
_COLON = re.compile(r"[ \t]*:")
#: a copula right before a sharing verb: the verb reads as its adjective ("é pública", "este publica")
_COPULA_LAST = re.compile(rf"{_B}(?:{lex(COPULAS)}){_E}[ \t]+$")
#: a hyphen joining a marker word to the next word: a compound ("Secret-Management", "Intern-Netz"),
#: unless that word is "only" ("Internal-only:", "Intern-nur:")
_COMPOUND_TAIL = re.compile(r"-[^\W\d_]")
_ONLY_TAIL = re.compile(rf"-(?:{lex(ONLY_WORDS)})(?![\w])")
#: a lower-case word joined by a hyphen to the marker word, with no space: a name's part
#: ("tajno-test", "confidential-vm-01", "my-secret-bucket"), never "Internal-only"
_NAME_TAIL = re.compile(r"-[a-z0-9][a-z0-9_]*(?![^\W_])")


def _in_a_name(text: str, low: str, start: int, end: int) -> bool:
    """Is the marker word, in lower case, a part of a name joined by hyphens in lower case too
    ("tajno-test", "my-confidential-bucket"; not "nicht für das Ticket-Archiv")?"""
    if _ONLY_TAIL.match(low, end):
        return False
    return bool(_NAME_TAIL.match(text, end)) or (text[start - 1:start] == "-" and text[start - 2:start - 1].isalnum())
_ENCLOSED_BEFORE = re.compile(r"[(\[][ \t*_]*$")
#: an IP address or a network's range right before a bracket ("10.20.31.0/24 (private)", "fd00::/8 (privat)")
_NETWORK_BEFORE = re.compile(r"(?:\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}/\d{1,3})[ \t]*[(\[][ \t*_]*$")
_ENCLOSED_AFTER = re.compile(r"[ \t*_.!:]*[)\]]")
#: a marker word only mentioned, not used: "the word 'confidential'", "le terme « confidentiel »",
#: or the word alone in quotes inside a sentence ("tickets marked 'internal' go to ...")
_MENTION_BEFORE = re.compile(rf"{_B}(?:{lex(MENTION_WORDS)})[ \t]*[\"'«»“”„‘’‚‹›`]?[ \t]*$")
#: a marker word right after "marked" (the participle of a noun before it: "information marked
#: TLP:AMBER must not be copied here"), in a sentence that goes on after it
_MARKED_BEFORE = re.compile(rf"(?<![\w'’])(?P<word>[^\W\d_][\w'’]*)[ \t]+(?:{lex(MARKED_WORDS)})[ \t]*[\"'«»“”„‘’‚‹›`]?[ \t]*$")
#: (and the auxiliaries of a passive: "it has been marked", "wurde als vertraulich eingestuft")
_PASSIVE_AUXILIARIES = folded_too(PASSIVE_AUXILIARIES)
#: (or a person who marks: "we marked as confidential the following")
_MARKING_PERSONS = folded_too(MARKING_PERSONS)
_GOES_ON = re.compile(r"[\"'»”’]?[ \t]+[^\W\d_]")
#: "this is 'confidential'": a quoted marker after a copula is used, not mentioned
_COPULA_BEFORE = re.compile(r"(?<![\w])(?:is|are|was|be|ist|sind|est|sont|è|sono|es|son|é|são|zijn|jest|są|je|jsou|"
                            r"ovat|är|er|είναι|это|є|е|је)[ \t]*$")
#: (French and other typography put a space inside guillemets: "« usage interne uniquement »")
#: (a comment's mark may stand inside the quotes: '"# NIE PUBLIKOWAĆ"', "'// internal only'")
_QUOTE_BEFORE = re.compile("[\"'«»“”„‘’‚‹›`][ \t]?(?:#+|//|--|;+|<!--)?[ \t]?$")
_QUOTE_AFTER = re.compile("[ \t]?[\"'«»“”„‘’‚‹›`]")
_QUOTED_PHRASE_END = re.compile("(?:[ \t]+[^\\W\\d_]+){1,3}[ \t]?[\"'«»“”„‘’‚‹›`]")


#: the marking phrases of several words written as one, as a letter-spaced phrase reads once its
#: letters are joined ("I N T E R N A L O N L Y"): no word of any language is one of them
_RUN_TOGETHER: set[bytes] = set()
#: (a kind of word: a text's few are looked up among the words met so far that are such, not each
#: of its words among the two thousand)
_RUN_TOGETHER_KIND = WordClass(_RUN_TOGETHER)


@on_first_text
def _list_run_together() -> None:
    _RUN_TOGETHER.update(fold(p).replace(" ", "").encode() for p in literal_phrases(*MARKERS, MARKERS_IN_POSITION)
                         if " " in p and len(p.replace(" ", "")) >= 9)


def markers(t: Text) -> Iterator[Finding]:
    low = t.low
    if not t.ascii:
        for m in _EMOJI.finditer(low):
            yield Finding("marker.emoji", MARKER, m.start(), m.end())
    for m in _LEVEL.finditer(t, 10, 60):
        at = m.end()
        if _PUBLIC_LEVEL.match(low, at):
            continue
        if _LEVEL_CODE.match(low, at) or any(x.pattern.match(low, at) for x in (_STRONG, _POSITIONAL, _HEADING)):
            yield Finding("marker.classification", MARKER, m.start(), m.end())
    for m in _STRONG.finditer(t, 100, 100):
        if _negated(low, m.start()) or _topic(low, m.start(), m.end()) or _mentioned(low, m.start(), m.end()) \
                or _NOTHING_AFTER.match(low, m.end()) or _NEGATED_AFTER.match(low, m.end()) \
                or _NOT_NEEDED_BEFORE.search(low, max(0, m.start() - 100), m.start()) or _said_none(low, m.end()) \
                or _needed_not(low, m.start(), m.end()) or _quoted_at_line_start(low, m.start(), m.end()) \
                or _disclosure_rule(low, m.start()) or _channel_described(low, m.start(), m.end()):
            continue
        if _ANY_BEFORE.search(low, max(0, m.start() - 20), m.start()) and _turkish_negated_clause(low, m.end()):
            continue  # "herhangi bir gizli bilgi sızmadı": no secret leaked, the clause's verb says none
        if _DATA_KEPT.search(low, max(0, m.start() - 120), m.start()) \
                or _DATA_BEFORE.search(low, max(0, m.start() - 120), m.start()) and _STAY_AFTER.match(low, m.end()):
            continue  # "we need to make sure the data stay confidential": a requirement, not a marking
        if _asked(low, m.start(), m.end()) or _weighed(low, m.start()) or _in_quoted_title(low, m.start(), m.end()):
            continue  # "Is the plan confidential?", "we discussed whether it should be confidential"
        if _advice_after(low, m.end()) or _credential_before(low, m.start()) or _never_advice(low, m.start(), m.end()) \
                or _disclaimer(low, m.start(), m.end()) or _talked_over_elsewhere(low, m.start(), m.end()):
            continue  # "ne dijelite svoju lozinku", "Şifrenizi kimseyle paylaşmayın": advice, not a marking
        if _PLACE_IN_PHRASE.search(m.group()) and (_credential_in_sentence(low, m.start())
                                                    or _SECRET_NAMED_INSIDE.search(low, m.start(), m.end())
                                                    or _token_before_in_sentence(low, m.start())
                                                    or _secret_it(low, m.start(), m.end())):
            continue  # "Passwörter ... gehören nicht ins Ticket": what stays out of the ticket is named, and hidden nothing
        if _about_what_is_made_elsewhere(low, m.start(), m.end()):
            continue  # "The command prints a link ...; do not put it into the ticket": the link is not in the text
        if _kept_out_of_place(low, m.start(), m.end()):
            continue  # "A titkos értéket ne küldd el a ticketben": the secret value is named, and kept out
        if _NEED_TO_KNOW_VERB.fullmatch(m.group()) and _KNOW_CLAUSE.match(low, m.end()):
            continue  # "we need to know whether the sites are certified": a verb, not the marking
        if t.text[m.start():m.end()].islower() and _in_a_name(t.text, low, m.start(), m.end()):
            continue  # "the repository tajno-test", "my-confidential-bucket": a part of a thing's name
        yield Finding("marker.confidential", MARKER, m.start(), m.end())
    for m in _PLACE.finditer(t, 60, 60):
        if _CLOSING_BRACKET.match(low, m.end()) and not _bracket_opens_lead(low, m.start()):
            continue  # a bracket closes after the place: a marker only if its lead opened it ("(esto que sigue no ...)")
        if _not_for_place(low, m):
            lead = _place_lead(low, m.start())
            if _OUT_OF_PLACE_NAMED.search(low, lead, m.start()) or _about_what_is_made_elsewhere(low, lead, m.end()) \
                    or _secret_it(low, lead, m.end()):
                continue  # "Bitte KEINE Kontodaten oder Kartennummern hier ins Ticket": what stays out is named
            yield Finding("marker.confidential", MARKER, lead, m.end())
    for m in _ONLY_US.finditer(t, 40, 40):
        if _LINE_LEAD.fullmatch(low, low.rfind("\n", 0, m.start()) + 1, m.start()) or _enclosed(low, m.start(), m.end()) \
                or _SENTENCE_LEAD.search(low, max(0, m.start() - 4), m.start()) \
                or _WORD_LEAD.search(low, low.rfind("\n", 0, m.start()) + 1, m.start()):
            yield Finding("marker.restricted", MARKER, m.start(), m.end())
    for m in _BETWEEN_US.finditer(t, 40, 60):
        if not _negated(low, m.start()) and not _mentioned(low, m.start(), m.end()):
            yield Finding("marker.confidential", MARKER, m.start(), m.end())
    for m in _chain(_DO_NOT_SHARE.finditer(t, 100, 60), _DO_NOT_SHARE_NORDIC.finditer(t, 100, 60),
                    _DO_NOT_SHARE_COMMAND.finditer(t, 100, 60),
                    _SHARE_NOT.finditer(t, 10, 60)):
        if not _advice_after(low, m.end()) and not _advice_before(low, m.start()) and not _credential_in_sentence(low, m.start()) \
                and not _quoted(low, m.start(), m.end()) and not _negates_a_marker(low, m.start(), m.end()) \
                and not _CREDENTIAL_INSIDE.search(low, m.start(), m.end()) and not _never_advice(low, m.start(), m.end()) \
                and not (_NO_LONGER.match(low, m.start()) and not _COLON_OR_DASH.match(low, m.end())) \
                and not _and_then_forward(low, m.start(), m.end()) and not _disclosure_rule(low, m.start()) \
                and not _about_what_is_made_elsewhere(low, m.start(), m.end()):
            if _COPULA_LAST.search(low, m.start(), m.end() - len(m.group().rsplit(None, 1)[-1])):
                continue  # "no Zenodo é pública": "publica" after a copula is "public", not a command
            yield Finding("marker.do-not-share", MARKER, m.start(), m.end())  # ("never put it in the script": advice)
    for m in _POSITIONAL.finditer(t, 60, 60):
        if _negated(low, m.start()) or _mentioned(low, m.start(), m.end()) or _said_none(low, m.end()) \
                or _NOT_NEEDED_BEFORE.search(low, max(0, m.start() - 100), m.start()) \
                or _channel_described(low, m.start(), m.end()):
            continue  # ("Embargo: none", "non serve un accesso riservato.")
        if _weighed(low, m.start()) and not _heading(low, m.start(), m.end()):
            continue  # "abbiamo chiesto se il verbale è riservato: non lo è"
        only_after = _ONLY_AFTER.match(low, m.end())
        if only_after and _quoted(low, m.start(), only_after.end()):
            continue  # 'si un message contient « usage interne uniquement »': the phrase is quoted whole
        if only_after:
            yield Finding("marker.restricted", MARKER, m.start(), only_after.end())
        elif _heading(low, m.start(), m.end()) or _enclosed(low, m.start(), m.end()) or \
                _AFTER_POSITION.match(low, m.end()):
            yield Finding("marker.restricted", MARKER, m.start(), m.end())
    for m in _HEADING.finditer(t, 60, 60):
        if _negated(low, m.start()) or _topic(low, m.start(), m.end()) or _mentioned(low, m.start(), m.end()) \
                or _said_none(low, m.end()):
            continue
        if _CONFIG_VALUE.match(low, m.end()):
            continue  # "secret: true", "restricted: false": a setting, not a heading
        if _COMPOUND_TAIL.match(low, m.end()) and not _ONLY_TAIL.match(low, m.end()):
            continue  # "Secret-Management für die Pipeline": the first part of a compound ("Internal-only:" heads)
        if _enclosed(low, m.start(), m.end()) and _NETWORK_BEFORE.search(low, max(0, m.start() - 50), m.start()):
            continue  # "10.20.31.0/24 (private)": an address range said to be a private one, no marker
        if _heading(low, m.start(), m.end()) or _enclosed(low, m.start(), m.end()):
            yield Finding("marker.heading", MARKER, m.start(), m.end())
    for m in _AUDIENCE.finditer(t, 40, 60):
        line_start = low.rfind("\n", 0, m.start()) + 1
        if _enclosed(low, m.start(), m.end()) or \
                _LINE_LEAD.fullmatch(low, line_start, m.start()) and _AUDIENCE_END.match(low, m.end()):
            yield Finding("marker.restricted", MARKER, m.start(), m.end())
    for m in _LABEL_WITH_COMMA.finditer(t, 60, 80):
        if "," not in m.group() and not _PUBLISH_STEM.search(m.group()):
            continue  # after a dash, only a negated publishing: "Sisäinen – ei julkaista:" ("Internal network – not routed:" is a topic)
        request = m.group()[m.group().find(",") + 1:]
        if len(request.split()) > 5 and not (_PUBLISH_STEM.search(request) or _PUBLIC_STEM.search(request)):
            continue  # "Internal network, we do not route it from outside the VPN:": a topic's sentence
        if not _negated(low, m.start()) and (_LINE_LEAD.fullmatch(low, low.rfind("\n", 0, m.start()) + 1, m.start())
                                             or _SENTENCE_LEAD.search(low, max(0, m.start() - 4), m.start())):
            yield Finding("marker.heading", MARKER, m.start(), m.end())
    yield from _misspelled(t)
    for word in _RUN_TOGETHER_KIND.among(t.words):
        for pos in t.positions(word.decode()):  # "I N T E R N A L O N L Y", the view's "INTERNALONLY"
            yield Finding("marker.restricted", MARKER, pos, pos + len(word))
    for m in _ADJECTIVE.finditer(t, 10, 60):
        if _never_advice(low, m.start(), m.end()) and not _heading(low, m.start(), m.end()):
            continue  # "Le credenziali sono riservate: non inviatele mai"
        if _weighed(low, m.start()) and not _heading(low, m.start(), m.end()):
            continue  # "wir haben gefragt, ob die Liste intern ist: sie ist es nicht"
        if not _negated(low, m.start()) and not _said_none(low, m.end()) \
                and (_heading(low, m.start(), m.end()) or _enclosed(low, m.start(), m.end()) or _COLON.match(low, m.end())):
            yield Finding("marker.heading", MARKER, m.start(), m.end())


def _typos(words: frozenset[str]) -> frozenset[bytes]:
    """Every word one edit from one of ``words`` (a letter dropped, added, changed, or two next to
    each other swapped), with the letters of their own alphabets, less the words themselves: a
    text's typos are then one set intersection with its words."""
    letters = set("abcdefghijklmnopqrstuvwxyz").union(*words)
    out: set[str] = set()
    for w in words:
        for i in range(len(w) + 1):
            out.update(w[:i] + c + w[i:] for c in letters)
            if i < len(w):
                out.add(w[:i] + w[i + 1:])
                out.update(w[:i] + c + w[i + 1:] for c in letters)
            if i + 1 < len(w):
                out.add(w[:i] + w[i + 1] + w[i] + w[i + 2:])
    return frozenset(w.encode() for w in out - words)


#: (filled when the first text is screened, with ``_LEET_WORDS``: listing the typos takes longer
#: than all the rest of this module's import)
_TYPO_WORDS: set[bytes] = set()
_TYPOS = WordClass(_TYPO_WORDS)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?][ \t\"'»”*]+)[ \t>*#\-•\[(\"'«“]*$", re.MULTILINE)


_BANG_OR_COLON = re.compile(r"[ \t*\])\"'»”]*[!:]")


#: digits and signs written for letters ("C0NF1DENT1AL", "VERTR4ULICH", "1NTERNAL"): a '1' may be
#: an 'i' or an 'l', so a word is read both ways
_LEET = (str.maketrans("0134578@$|!", "oieastbasli"), str.maketrans("0134578@$|!", "oleastbasli"))
_LEET_WORDS: set[bytes] = set()


@on_first_text
def _list_typos() -> None:
    _TYPO_WORDS.update(_typos(frozenset(w for w in (fold(x) for x in TYPO_MARKER_WORDS) if len(w) >= 9)))
    _LEET_WORDS.update(w.encode() for w in (fold(x) for x in tuple(TYPO_MARKER_WORDS) + LEET_MARKER_WORDS))
    _LEET_WORDS.update(_TYPO_WORDS)


def _reads_as_marker(word: bytes) -> bool:
    """Does the word read as a marker word once its digits are read as letters?"""
    if len(word) >= 6 and any(48 <= c <= 57 for c in word) and not word.isdigit():
        w = word.decode()
        return any(w.translate(table).encode() in _LEET_WORDS for table in _LEET)
    return False


#: (a kind of word: each new word is judged once, not every word of every text)
_LEET_KIND = WordClass(_reads_as_marker)


def _leet(t: Text) -> list[str]:
    """The words of the text that read as a marker word once their digits are read as letters."""
    return [w.decode() for w in _LEET_KIND.among(t.words)]


def _misspelled(t: Text) -> Iterator[Finding]:
    """A misspelt long marker word ("Confidental:", "VERTAULICH", "Konfidentiel!") standing as a
    marking: before '!' or ':', heading its line or sentence, in capitals, or in brackets.
    Elsewhere in a sentence, an unknown word one letter from "confidential" is left alone."""
    low, text = t.low, t.text
    for w in [w.decode() for w in _TYPOS.among(t.words)] + (_leet(t) if t.has_digit else []):
        for start in t.word_positions(w):
            end = start + len(w)
            if _negated(low, start):
                continue
            line_start = low.rfind("\n", 0, start) + 1
            capitals = text[start:end].isupper()
            first = bool(_SENTENCE_BEFORE.search(low, line_start, start))
            if capitals or _enclosed(low, start, end) or _BANG_OR_COLON.match(low, end) or \
                    first and _AFTER_HEADING.match(low, end):
                yield Finding("marker.misspelt", MARKER, start, end)


#: a credential named by its service before it ("don't put the S3 keys in the job script", "keine
#: AWS-Schlüssel ins Repo"): a word with a digit or a service's name, then the credential word
_QUALIFIED_CREDENTIAL = re.compile(
    r"(?:[ \t]+(?:the|a|an|any|die|der|das|den|le|la|les|il|i|el|los|las|de|het|os|as))?"
    r"(?:[ \t]+(?:[a-z]*\d[a-z0-9]*|aws|ssh|api|gpg|pgp|ssl|tls|voms|grid|cloud|access|private|storage|"
    r"bucket|service|robot|openstack|swift|ceph|rucio|git|github|gitlab|oidc|iam|db|database|vault)(?:[- ]))"
    rf"{{1,2}}[ \t]*(?:{lex(ADVICE_OBJECTS)}){_E}")


def _advice_after(low: str, end: int) -> bool:
    """The object of a "do not share" phrase is the reader's credential (an article or clitic
    of up to three letters may stand between, or the credential's service: "the S3 keys")."""
    return bool(_ADVICE.match(low, end) or _CLITIC_ADVICE.match(low, end) or _CREDENTIAL_NEAR.match(low, end)
                or _SAME_ADVICE.match(low, end) or _QUALIFIED_CREDENTIAL.match(low, end))


def _advice_before(low: str, start: int) -> bool:
    """The object stands before the verb (German, Slavic, Turkish word order: "das Passwort nicht
    weitergeben"), a word or two between."""
    return bool(_ADVICE_BEFORE.search(low, max(0, start - 30), start) or _credential_before(low, start))


_NEVER = re.compile(rf"{_B}(?:{lex(NEVER_WORDS)}){_E}")
_CREDENTIALS = re.compile(rf"{_B}(?:{lex(CREDENTIALS_WORDS)}){_E}")
_SENTENCE_BOUND = re.compile(r"[.!?\n](?:\s|$)")
_DISCLAIMER = re.compile(rf"{_B}(?:{lex(DISCLAIMER_PHRASES)})")


def _sentence(low: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The sentence around ``low[start:end]``, at most ``reach`` characters on either side."""
    head = max((m.end() for m in _SENTENCE_BOUND.finditer(low, max(0, start - reach), start)),
               default=max(0, start - reach))
    stop = _SENTENCE_BOUND.search(low, end, min(len(low), end + reach))
    return head, stop.start() if stop else min(len(low), end + reach)


def _disclaimer(low: str, start: int, end: int) -> bool:
    """Is the marker word part of a mail footer's boilerplate ("may contain confidential
    information intended only for the addressee")? The phrase stands before the word, or is the
    footer's "intended for the addressee" after it ("Confidential: it may contain ..." marks)."""
    head, tail = _sentence(low, start, end, 100)
    said = _DISCLAIMER.search(low, head, tail)
    if said and (said.start() < start or "intended" in said.group()):
        return True
    # "Diese Nachricht ist vertraulich und nur für den Empfänger bestimmt": the message before the
    # marker word, its recipient after it
    # (one flowing sentence: "This message is confidential: the password is ..." marks what follows)
    recipient = _RECIPIENT.search(low, end, tail)
    if recipient and _MESSAGE.search(low, head, start) and ":" not in low[end:recipient.start()]:
        return True
    # "This e-mail and any attachments are confidential and may be privileged. If you are not the
    # intended recipient, ...": the message before the marker word, and the next sentence goes on
    # as the notice does, to the wrong recipient (a colon after the word marks what follows)
    return bool(_MESSAGE.search(low, head, start) and ":" not in low[end:tail] and _notice_goes_on(low, tail))


_DISCUSS = re.compile(rf"{_B}(?:{lex(DISCUSS_STEMS)})")
_ELSEWHERE = re.compile(rf"{_B}(?:{lex(ELSEWHERE_STEMS)})")
_SAID_TO_BE = re.compile(rf"{_B}(?:{lex(COPULAS)}){_E}(?:[ \t]+[^\s.!?;:]+)?[ \t]+$")


#: a route and the channel it names, a few words between: "through the confidential upload form",
#: "über das vertrauliche Upload-Formular", "par le formulaire confidentiel", "przez poufny formularz"
_CHANNEL = re.compile(rf"{_B}(?:{lex(ROUTE_WORDS)})(?:[ \t]+[^\s.!?;:]+){{0,3}}?[ \t]+(?:[^\W\d_]+-)?"
                      rf"(?:{lex(CHANNEL_WORDS)}){_E}")


def _channel_described(low: str, start: int, end: int) -> bool:
    """Does the marker word's sentence describe the channel to hand documents in by ("please upload
    such documents only through the confidential upload form on documents.egi.eu, which is not
    public", "envoyez-les par le formulaire confidentiel du portail, qui n'est pas public")? The
    words say what the channel is, they mark nothing of the message (heading its line, before a
    colon or a dash, the word marks what follows: "Confidential: use the form ...")."""
    if _heading(low, start, end) or _enclosed(low, start, end) or _HEADS_WHAT_FOLLOWS.match(low, end):
        return False
    head, tail = _sentence(low, start, end, 160)
    if _COLON_IN_PROSE.search(low, head, tail):
        return False  # (a colon in the sentence may head a listing: "via the confidential channel: the password is ...")
    channel = _CHANNEL.search(low, head, tail)
    if not channel or channel.start() > start:
        return False  # ("This is confidential, send it via the portal": the message is said to be, then the route)
    if channel.end() <= start and _SAID_TO_BE.search(low, max(head, start - 40), start):
        # a copula after the channel: the channel's relative clause ("..., which is not public"),
        # not "..., this is confidential"
        clause = low[max(head, low.rfind(",", 0, start) + 1):start]
        return bool(_RELATIVE_LEAD.match(clause))
    return True


_RELATIVE_LEAD = re.compile(rf"[ \t]*(?:{lex(RELATIVE_PRONOUNS)}){_E}")
_COLON_IN_PROSE = re.compile(r":(?:\s|$)")
_HEADS_WHAT_FOLLOWS = re.compile(r"[ \t*\])\"'»”]*(?:[:!–—]|-[ \t])")


def _talked_over_elsewhere(low: str, start: int, end: int) -> bool:
    """Does the marker word's sentence only say that confidential matters will be talked over
    elsewhere ("Поверителните въпроси ще обсъдим на срещата", "Vertrauliches besprechen wir im
    Call", "the confidential points we will discuss at the meeting")? It names them, it holds none
    (a colon after the word heads what follows: "Confidential: to discuss at the meeting, ...")."""
    head, tail = _sentence(low, start, end, 120)
    if ":" in low[end:tail] or _SAID_TO_BE.search(low, max(head, start - 40), start):
        return False  # ("This is confidential, we discussed it at the meeting": the text is said to be)
    return bool(_DISCUSS.search(low, head, tail) and _ELSEWHERE.search(low, head, tail))


_ERROR_RECEIPT = re.compile(rf"{_B}(?:{lex(ERROR_RECEIPT_WORDS)}){_E}")
_NOT_THE_RECIPIENT = re.compile(rf"{_B}(?:{lex(NEGATIONS)}|nejste|nie jesteś|nie jesteście|nejsi|nie ste|не сте|"
                                rf"δεν είστε|niste|nisi|ne ste|değilseniz|ei ole|olete|nu sunteți|nu sunteti)"
                                r"(?:[ \t]+[^\s.!?;:]+){0,4}?[ \t]+$")


def _notice_goes_on(low: str, tail: int) -> bool:
    """Does the sentence after ``tail`` go on as a mail footer's notice: received in error, or
    not for its reader ("If you are not the intended recipient", "Si vous n'êtes pas le destinataire")?"""
    window = low[tail:tail + 240]
    if _ERROR_RECEIPT.search(window):
        return True
    # (or only the addressee may receive it: "Odbiorcą może być jedynie jej adresat")
    return any(_NOT_THE_RECIPIENT.search(window, max(0, r.start() - 60), r.start())
               or _ONLY_RECIPIENT.search(window, max(0, r.start() - 40), r.start()) for r in _RECIPIENT.finditer(window))


_ONLY_RECIPIENT = re.compile(rf"{_B}(?:{lex(ONLY_WORDS, SOLELY_WORDS)}){_E}(?:[ \t]+[^\s.!?;:]+){{0,3}}?[ \t]+$")


#: (or the last part of a compound: "dit e-mailbericht", "tämä sähköpostiviesti", "detta e-postmeddelande")
_MESSAGE = re.compile(rf"(?:{_B}|(?<=[^\W\d_]{{2}})|(?<=-))(?:{lex(MESSAGE_WORDS)}){_E}")
_RECIPIENT = re.compile(rf"{_B}(?:{lex(RECIPIENT_WORDS)}){_E}")


def _never_advice(low: str, start: int, end: int) -> bool:
    """A credential word before the marker word in its sentence, and "never" in that sentence:
    "Deel uw wachtwoord nooit; het is strikt vertrouwelijk" is advice, not a marking."""
    head, tail = _sentence(low, start, end, 120)
    return bool((_CREDENTIAL_INSIDE.search(low, head, start) or _CREDENTIALS.search(low, head, start)
                 or _TOKEN_WORD.search(low, head, start))
                and _NEVER.search(low, head, tail))


#: a token named ("Tokeni asla e-postayla paylaşmayın", "never share the token"): a credential too
_TOKEN_WORD = re.compile(r"(?<![\w])(?:token|токен)[^\W\d_]{0,8}(?![\w])")


_KEEP_VERB = re.compile(rf"{_B}(?:{lex(KEEP_VERBS)}){_E}")
#: a word that opens a clause weighing whether, then no comma, colon or semicolon to the marker word
_WHETHER = re.compile(rf"{_B}(?:{lex(WHETHER_WORDS)}){_E}[^,;:\n]{{0,80}}$")
_QUESTION_END = re.compile(r"[ \t\"'»”)]*\?")


#: a noun that names a text, then its opening quote (an article or a word or two between)
_QUOTED_TEXT_NOUN = re.compile(rf"{_B}(?:{lex(QUOTED_TEXT_NOUNS)}){_E}[^\n\"«“„]{{0,24}}[\"«“„]$")
_CLOSING_QUOTE = re.compile("[^\n\"»”“]{0,100}[\"»”“]")


def _in_quoted_title(low: str, start: int, end: int) -> bool:
    """Is the marker word inside a quoted title, notice or label that a noun before the quotes
    names ('the policy "Uso confidencial de datos" is published', 'the notice in your signature
    ("Diese E-Mail ist vertraulich...")'), the quotes closed on the same line?"""
    line_start = low.rfind("\n", 0, start) + 1
    opening = max(low.rfind(q, line_start, start) for q in "\"«“„")
    if opening < 0 or start - opening > 100 or not _CLOSING_QUOTE.match(low, end):
        return False
    return bool(_QUOTED_TEXT_NOUN.search(low, max(line_start, opening - 60), opening + 1))


def _asked(low: str, start: int, end: int) -> bool:
    """Is the marker word's sentence a question about whether something is confidential ("Is the
    DMP confidential?", "Le plan est-il confidentiel ?"): words before it, the question mark after
    it, no verb that asks to keep something so ("can you keep this confidential?" marks)."""
    head, tail = _sentence(low, start, end, 160)
    if not _QUESTION_END.match(low, tail) or not low[head:start].strip(" \t>*#-\"'«“(["):
        return False
    return not _KEEP_VERB.search(low, head, tail)


def _weighed(low: str, start: int) -> bool:
    """Does a clause weighing whether lead to the marker word ("we discussed whether the plan
    should be marked confidential", "besproken of het rapport vertrouwelijk moet blijven")?"""
    head, _ = _sentence(low, start, start, 120)
    return bool(_WHETHER.search(low, head, start))


#: what ends the negated marker word's clause: a comma, or a dash between spaces ("er ikke fortroligt – del det gerne")
_COMMA_OR_DASH = re.compile(r",|[ \t][–—-][ \t]")


def _negates_a_marker(low: str, start: int, end: int) -> bool:
    """Does the negation negate a marker word before a comma, not the verb after it ("לא חסוי,
    אפשר לפרסם", "non é confidencial, pódese publicar": not confidential, may be published)?"""
    comma = _COMMA_OR_DASH.search(low, start, end)
    return comma is not None and _STRONG.pattern.search(low, start, comma.start()) is not None


#: a secret's name inside such a phrase ("don't post your token in the ticket")
#: (or keys, in EGI's languages: "don't paste keys into the ticket", "keine Schlüssel ins Ticket")
_SECRET_NAMED_INSIDE = re.compile(rf"{_B}[הלבו]?(?:{_CREDENTIAL_STEMS}|tokens?|токен|{lex(CREDENTIALS_WORDS, KEY_WORDS)})")
#: a phrase that keeps text out of a place (the ticket, the case, the page), not one that marks it
_PLACE_IN_PHRASE = re.compile(r"ticket|case|queue|fall|seite|portal|dossier|caso|sprawa|zgłoszeni|tiket|tiketti|ärende")


#: payment data or a secret named in a place's lead: what the reader is asked to keep out of it
_OUT_OF_PLACE_NAMED = re.compile(rf"{_B}(?:{lex(PAYMENT_DATA_WORDS)}){_E}|{_SECRET_NAMED_INSIDE.pattern}")
#: the marker word as an adjective: a word follows it, no colon, dash or bracket
_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
#: a negation, then a place word, later in the clause ("ne küldd el a ticketben", "nicht ins Ticket")
_NOT_IN_PLACE = re.compile(rf"[ \t]+(?:[^\s.!?;:,]+[ \t]+){{0,3}}?(?:{lex(NEGATION_PARTICLES)}|{lex(NEVER_WORDS)}){_E}[^.!?;:\n]{{0,60}}?{_B}(?:{_PLACE_IN_PHRASE.pattern})")


def _kept_out_of_place(low: str, start: int, end: int) -> bool:
    """Is the marker word an adjective of what the sentence then says not to put in the ticket
    ("A titkos értéket ne küldd el a ticketben", "the secret value never goes in the ticket")?"""
    if not _WORD_AFTER.match(low, end) or _AND_AFTER.match(low, end) \
            or _SAID_TO_BE.search(low, max(0, start - 40), start):
        return False  # "es confidencial y no debe constar en el ticket": said of the text, a marking
    _, tail = _sentence(low, start, end, 120)
    return _NOT_IN_PLACE.match(low, end, tail) is not None


_AND_AFTER = re.compile(rf"[ \t]+(?:{lex(AND_WORDS)}){_E}")


def _token_before_in_sentence(low: str, start: int) -> bool:
    """A token or a key named just before, in the sentence ("call the endpoint with your own refresh
    token (don't paste it in the ticket)", "mit Ihrem Token (nicht ins Ticket kopieren)"): what stays
    out of the ticket is the reader's own credential, the phrase marks nothing of the text."""
    head, _ = _sentence(low, start, start, 160)
    return _SECRET_NAMED_INSIDE.search(low, max(head, start - 60), start) is not None


#: a verb that makes something, then what it makes, a word or two between ("prints a link",
#: "génère une URL", "erzeugt einen signierten Link")
_MADE_THING = re.compile(rf"{_B}(?:{lex(PRODUCE_VERBS)})(?:[ \t]+[^\s.!?;:,]+){{0,3}}?[ \t]+(?:{lex(PRODUCED_THINGS)}){_E}")
_OBJECT_PRONOUN = re.compile(rf"{_B}(?:{lex(OBJECT_PRONOUNS)}){_E}")


def _about_what_is_made_elsewhere(low: str, start: int, end: int) -> bool:
    """Is the do-not-share phrase about a pronoun ("it", "es", "le") whose thing a verb before it,
    in its paragraph, said a command or a service will make ("The command prints a link valid for
    7 days; share it only with the people who need it, do not put it into the ticket")? The thing
    is not in the text: the phrase marks none of it. (A link given in the text is judged by the
    URL rules: its signature goes whatever the phrase says.)"""
    if not _OBJECT_PRONOUN.search(low, max(0, start - 16), min(len(low), end + 8)):
        return False
    para = max(low.rfind("\n\n", 0, start) + 2, start - 200, 0)
    return _MADE_THING.search(low, para, start) is not None


#: the verb of ensuring, the data, the verb of staying, just before the marker word, in its clause
_DATA_KEPT = re.compile(rf"{_B}(?:{lex(ENSURE_WORDS)}){_E}[^.;:!?\n]{{0,60}}?{_B}(?:{lex(DATA_SUBJECT_WORDS)}){_E}"
                        rf"[^.;:!?\n]{{0,30}}?{_B}(?:{lex(STAY_VERBS)})[ \t]+(?:(?:strictly|fully|streng|strettamente|"
                        rf"estrictamente|strikt|ściśle|přísně|szigorúan|tiukasti)[ \t]+)?$")
#: (the verb last, as German, Dutch, Hungarian or Turkish put it: "dass die Patientendaten
#: vertraulich bleiben"; the data's word may end a compound)
_DATA_BEFORE = re.compile(rf"{_B}(?:{lex(ENSURE_WORDS)}){_E}[^.;:!?\n]{{0,60}}?(?<![\w-])[^\W\d_]*"
                          rf"(?:{lex(DATA_SUBJECT_WORDS)}){_E}[^.;:!?\n]{{0,40}}$")
_STAY_AFTER = re.compile(rf"[ \t]+(?:{lex(STAY_VERBS)}){_E}")
#: Turkish "any" before the marker word ("herhangi bir gizli bilgi"), whose clause's verb is then
#: negated by its suffix ("sızmadı", "paylaşılmadı", "içermiyor", "yok", "değil"): none was there
_ANY_BEFORE = re.compile(r"(?<![\w])(?:herhangi bir|hicbir)[ \t]+$")
_TR_NEGATED_VERB = re.compile(r"[^\W\d_]+(?:m[ai](?:d[iu]|di[kmn]|mis|yacak|z|dik)|m[iu]yor|mamis|memis)[^\W\d_]{0,6}(?![\w])"
                              r"|(?<![\w])(?:yok|yoktur|degil|degildir)(?![\w])")


def _turkish_negated_clause(low: str, end: int) -> bool:
    """Is a verb negated by its Turkish suffix, or "yok", "değil", in the clause after ``end``?"""
    stop = min(len(low), end + 80)
    for mark in ".;!?\n":
        at = low.find(mark, end, stop)
        if at >= 0:
            stop = at
    return _TR_NEGATED_VERB.search(low, end, stop) is not None


#: a secret named as a thing, a noun with its article or its kind before it ("the secret", "a
#: Kubernetes Secret", "le secret du client", "das Client-Secret"): not the marker word of the text
_SECRET_NOUN = re.compile(
    r"(?<![\w-])(?:the|a|your|its|this|that|client|kubernetes|k8s|shared|app|api|oauth|oidc|das|ein|einen|ihr|"
    r"ihren|dein|le|un|votre|ton|du|il|lo|tuo|vostro|el|su|tu|o|um|seu|het|een|uw|je)[ \t-]+"
    r"(?:secret|secrets|segreto|secreto|segredo|geheimnis)(?![\w-])")


def _secret_it(low: str, start: int, end: int) -> bool:
    """Is the do-not-share phrase about a pronoun ("don't paste it into the ticket") whose thing is
    a secret, a token or a password named before it in the paragraph ("the secret must be provided
    by your application. Please store it in a Kubernetes Secret ...; don't paste it into the
    ticket")? What stays out of the ticket is the reader's credential: the phrase marks no text."""
    if not _OBJECT_PRONOUN.search(low, max(0, start - 16), end):
        return False
    para = max(low.rfind("\n\n", 0, start) + 2, start - 240, 0)
    return bool(_SECRET_NOUN.search(low, para, start) or _SECRET_NAMED_INSIDE.search(low, para, start))


def _credential_in_sentence(low: str, start: int) -> bool:
    """A credential word earlier in the sentence ("you will be prompted for the password; do not
    pass it on the command line"): what is not to be passed on is that credential."""
    head, _ = _sentence(low, start, start, 160)
    return bool(_CREDENTIAL_INSIDE.search(low, head, start) or _CREDENTIALS.search(low, head, start))


#: statistical confidentiality named ("le secret statistique", "Statistikgeheimnis"): a topic
_STATISTICAL_SECRECY = re.compile(rf"{_B}(?:{lex(STATISTICAL_SECRECY)})")


def _disclosure_rule(low: str, start: int) -> bool:
    """Statistical confidentiality named earlier in the sentence ("le secret statistique de
    l'INSEE impose de ne pas diffuser les cellules de moins de 5 individus"): the sentence states
    the rule a publication follows (what its tables may show), it marks nothing."""
    head, _ = _sentence(low, start, start, 160)
    return _STATISTICAL_SECRECY.search(low, head, start) is not None


def _credential_before(low: str, start: int) -> bool:
    """A password word among the three words before ("Şifrenizi kimseyle paylaşmayın"); a
    possessive alone is not enough there ("this is her confidential report")."""
    return bool(_CREDENTIAL_BEFORE.search(low, max(0, start - 50), start))


def _chain(*iterables):
    for it in iterables:
        yield from it


def _line_lead_end(low: str, start: int) -> int:
    """Where the words of the line that ``start`` is on begin (after bullets, brackets, quotes)."""
    line_start = low.rfind("\n", 0, start) + 1
    lead = _LINE_LEAD_CHARS.match(low, line_start, start)
    return lead.end() if lead else line_start


_LINE_LEAD_CHARS = re.compile(_LEAD)


_CLOSING_BRACKET = re.compile(r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*\)")
#: before a bracket that opens a lead: a line's start or a sentence's end
_BEFORE_BRACKET = re.compile(r"(?:^|[.!?:]|\n)[ \t]*$")


def _bracket_opens_lead(low: str, start: int) -> bool:
    """Does a bracket open the place's lead at a line's or a sentence's start ("(esto que sigue no
    debería salir en la web pública) ...")? (A bracket inside a sentence, "The fix (not in the
    ticket) is ...", is an aside about the sentence.)"""
    opening = low.rfind("(", max(0, start - 120), start)
    return opening >= 0 and ")" not in low[opening:start] and "\n" not in low[opening:start] \
        and _BEFORE_BRACKET.search(low, max(0, opening - 4), opening) is not None


def _place_lead(low: str, start: int) -> int:
    """Where the short lead before a place's word begins: its line's words, or the last clause
    of them ("Grazie. Solo per voi, non per il wiki:")."""
    lead = _line_lead_end(low, start)
    clause = _CLAUSE_END.search(low, lead, start)
    return clause.end() if clause else lead


_CLAUSE_END = re.compile(rf".*(?:[.!?;,:]|[ \t](?:{lex(SPOKEN_STOPS)}))[ \t]+")


def _not_for_place(low: str, m: re.Match[str]) -> bool:
    """A short lead heading its line or clause and ending at the place's word, with a negation
    among its first two words: "Nu pentru tichet", "Ikke for saken", "Ei julkiseksi", "À ne pas
    mettre dans le ticket", "ne pas mettre online". Before any place but the public itself,
    "for", "in" or a verb of putting must stand too, or the verb after it ("nicht ins Netz
    stellen:"): "No ticket:" says there is none, "Nicht im Netz:" that something is down."""
    words = low[_place_lead(low, m.start()):m.start()].split()
    dash = next((i for i, w in enumerate(words[:4]) if w in ("–", "—", "-")), None)
    if dash and _HEADING.pattern.fullmatch(" ".join(words[:dash])):
        words = words[dash + 1:]  # "internt – inte för ärendet:": the heading, then the request as a lead of its own
    if not words or len(words) > 10:
        return False
    # the negation: a particle ("nicht ins Protokoll") or a verb of putting with a negating prefix
    # ("nedávejte do zápisu"), after a few words of the lead at most ("Das Folgende bitte nicht
    # ins Protokoll:", "Even tussen ons en niet voor het ticket:")
    negation = next((i for i, w in enumerate(words) if _NEGATION_PARTICLE.fullmatch(w) or _NEGATED_VERB.fullmatch(w)), None)
    if negation is None:
        return False
    after = words[negation + 1:] if negation > 1 else words[1:]
    verb = m.group("verb")
    if verb and _APPEAR_PHRASE.fullmatch(verb) or _APPEAR_PHRASE.search(" ".join(after)):
        # "no debería salir en la web pública", "darf nicht auf der Webseite erscheinen": a wish, with
        # its modal before the negation ("The page does not appear on the website:" is a fault)
        return any(_MODAL.fullmatch(w) for w in words[:negation + 2]) and not _PUT_PHRASE.search(" ".join(words[:negation]))
    if negation > 1 and not (_NEGATED_VERB.fullmatch(words[negation]) or _PUT_PHRASE.search(" ".join(after))
                             or verb or any(_PLEASE_OR_US.fullmatch(w) for w in words[:negation])):
        return False  # "The fix is not in the ticket:", "Das steht nicht im Ticket:": what the ticket lacks
    return bool(_PUBLIC_WORD.fullmatch(m.group()) or m.group("verb")) or any(_INTO_WORD.match(w) for w in after) \
        or bool(_NEGATED_VERB.fullmatch(words[negation]))


#: a verb of putting with the negating prefix of the Slavic languages ("nedávejte", "nestavljajte")
_NEGATED_VERB = re.compile(rf"(?:ne|nie)(?:{lex(PUT_VERBS)})")
_PUT_VERB = re.compile(rf"(?:{lex(PUT_VERBS)})")
#: (in the words after the negation, joined: a verb of two words too, "go out", "end up", "komme ut")
_PUT_PHRASE = re.compile(rf"(?<![\w])(?:{lex(PUT_VERBS)})(?![\w])")
_APPEAR_PHRASE = re.compile(rf"(?<![\w])(?:{lex(APPEAR_VERBS)})(?![\w])")
_MODAL = re.compile(rf"(?:{lex(MODAL_WORDS)})")
#: "please" or "us" before a negation further into the lead: a request to keep something out
#: ("Das Folgende bitte nicht ins Protokoll:", "Even tussen ons en niet voor het ticket:")
_PLEASE_OR_US = re.compile(rf"(?:{lex(PLEASE_WORDS, WE_WORDS)})")


_NEGATED_AFTER = re.compile(rf"[ \t]+(?:{lex(NEGATIONS_AFTER)})(?![\w])")


_NO_LONGER = re.compile(rf"(?:{lex(SHARE_NEGATIONS)})[ \t]+(?:{NO_LONGER_WORDS})(?![\w])")
_COLON_OR_DASH = re.compile(r"[ \t]*(?:[:–—]|-[ \t])")
#: "no need to mark this as confidential": in the marker's clause, before it
_NOT_NEEDED_BEFORE = re.compile(rf"{_B}(?:{lex(NOT_NEEDED)}){_E}[^.!?;:,\n]{{0,60}}$")


def _negated(low: str, start: int) -> bool:
    """A negation among the two words before (in the same clause)?"""
    before = low[max(0, start - 40):start]
    clause = re.split(r"[.;:!?,\n(]", before)[-1]
    if _PREFIXED.search(clause):
        return True
    # (a negation joined to the word by a hyphen is its prefix: "niet-vertrouwelijk", "ikke-fortroligt",
    # "ei-luottamuksellinen", "μη-εμπιστευτικό", "não-confidencial")
    last = clause.split()[-2:]
    if any(_NEGATION.fullmatch(w.rstrip("-")) for w in last):
        return True
    # "nie jest tajny ani poufny", "žiadne osobné ani dôverné", "neither public nor confidential":
    # a "nor" before the marker word ("weder ... noch", "hverken ... eller": with their lead before)
    if any(_NOR.fullmatch(w) for w in last):
        return True
    if any(_PAIRED_NOR.fullmatch(w) for w in last) and _NOR_LEAD.search(clause):
        return True
    if not clause.strip() and before.rstrip(" \t").endswith("("):
        # "PU (public), nu CO (confidențial)": the marker word glosses a level's code in brackets, and
        # the code is negated
        code = _CODE_BEFORE_GLOSS.search(before)
        if code and _LEVEL_CODE.fullmatch(code.group("code")):
            return _negated(low, start - len(before) + code.start("code"))
    # "nothing in this request is confidential", "niets in dit ticket is vertrouwelijk": the clause's
    # subject is "nothing", a copula before the marker word, no "but" or "except" between
    subject = _NOTHING_SUBJECT.search(clause)
    return bool(subject and not _CONTRAST.search(clause, subject.end("subject")))


_NOR = re.compile(rf"(?:{lex(NOR_WORDS)})")
_PAIRED_NOR = re.compile(rf"(?:{lex(PAIRED_NOR_WORDS)})")
_NOR_LEAD = re.compile(rf"{_B}(?:{lex(PAIRED_NOR_LEADS, NEGATIONS)}){_E}")
#: a level's code and the bracket that opens its gloss: "nu CO (", "not RE ("
_CODE_BEFORE_GLOSS = re.compile(r"(?<![\w-])(?P<code>[\w:+-]{1,12})[ \t]*\([ \t]*$")
_NOTHING_SUBJECT = re.compile(rf"{_B}(?P<subject>{lex(NOTHING_SUBJECTS)}){_E}(?:[ \t]+[^\s]+){{0,6}}?[ \t]+(?:{lex(COPULAS)})"
                              rf"(?:[ \t]+[^\W\d_]+)?[ \t]+$")
_CONTRAST = re.compile(rf"{_B}(?:{lex(CONTRAST_WORDS)}){_E}")
#: a marker's label answered "none" ("Confidential information: none", "Embargo: keines.",
#: "Informazioni riservate presenti: nessuna, ..."): the word alone after the colon, the answer ending there
_NONE_VALUE = re.compile(rf"(?:[ \t]+[^\W\d_]+){{0,2}}?[ \t*]*[:=][ \t]*(?:{lex(NONE_VALUES)})[ \t]*(?:[.,;)]|[–—-][ \t]|$)",
                         re.MULTILINE)


def _said_none(low: str, end: int) -> bool:
    """Is the marker word a form's label whose answer is "none", or asked about with "or not"
    ("Confidential or not: classify each dataset as ...", "Vertraulich oder nicht?")?"""
    return bool(_NONE_VALUE.match(low, end) or _OR_NOT.match(low, end))


#: "or not" right after the marker word, its clause ending there ("Confidential or not to be shared:"
#: marks: the "not" goes on as a marking of its own)
_OR_NOT = re.compile(rf"[ \t]*,?[ \t]+(?:{lex(OR_NOT_WORDS)})[ \t]*(?:[:?!,.;)–—]|-[ \t]|$)", re.MULTILINE)


def _mentioned(low: str, start: int, end: int) -> bool:
    """Is the marker only talked about? After "the word", "the term", ... (quoted or not), or
    alone in quotes after other words of its line (quoted at the start of a line, it is a heading)."""
    if _MENTION_BEFORE.search(low, max(0, start - 30), start) or _among_levels(low, start, end):
        return True
    return _quoted(low, start, end) or _named_as_marking(low, start, end)


def _named_as_marking(low: str, start: int, end: int) -> bool:
    """Is the marker the name of a marking, after a noun and "marked" ("les informations marquées
    TLP:AMBER ne doivent pas ..."), with the sentence going on? Not after a copula ("this mail is
    marked confidential") nor heading its line or closing with a colon ("Marked internal:")."""
    line_start = low.rfind("\n", 0, start) + 1
    marked = _MARKED_BEFORE.search(low, max(line_start, start - 50), start)
    if marked is None or not _GOES_ON.match(low, end):
        return False
    word = marked.group("word")
    return word not in _PASSIVE_AUXILIARIES and word not in _MARKING_PERSONS and not _COPULA_BEFORE.fullmatch(word)


#: a verb of needing just before a "not" that opens the marker: "het hoeft niet in het ticket", "das muss
#: nicht ins Ticket" (it need not go there: nothing is kept from anyone)
_NEED_VERB_BEFORE = re.compile(r"(?<![\w])(?:hoeft|hoeven|hoef|muss|müssen|muß|braucht|brauchen)[ \t]+$")
_NEGATION_LEAD = re.compile(r"(?:niet|nicht)[ \t]")


def _needed_not(low: str, start: int, end: int) -> bool:
    return bool(_NEGATION_LEAD.match(low, start) and _NEED_VERB_BEFORE.search(low, max(0, start - 12), start))


#: a marker word quoted whole at a line's start, the sentence going on after the quote without a
#: colon: "„Důvěrné“ v hlavičce šablony je jen výchozí nastavení Wordu" (the word is talked about)
_OPENING_QUOTE = re.compile("[\"'«»“”„‘’‚‹›][ \t]?$")
_CLOSED_THEN_PROSE = re.compile("[\"'«»“”„‘’‚‹›]?[ \t]+[^\\W\\d_]")


def _quoted_at_line_start(low: str, start: int, end: int) -> bool:
    if not _OPENING_QUOTE.search(low, max(0, start - 2), start):
        return False
    closed = low[end - 1:end] in "\"'«»“”„‘’‚‹›" or low[end:end + 1] in "\"'«»“”„‘’‚‹›"
    return closed and bool(_CLOSED_THEN_PROSE.match(low, end))


#: "do not reply and forward it to the security team": the "not" is the reply's; the forwarding,
#: to somebody named after "to", is asked for
_AND_THEN = re.compile(r"[ \t]and[ \t]")
_FORWARD_TO = re.compile(r"(?:[ \t]+(?:it|this|them|the (?:message|mail|e-mail|email)))?[ \t]+to(?![\w])")


def _and_then_forward(low: str, start: int, end: int) -> bool:
    return bool(_AND_THEN.search(low, start, end) and _FORWARD_TO.match(low, end))


def _quoted(low: str, start: int, end: int) -> bool:
    """Is the phrase alone in quotes after other words of its line ("a 'do not publish' button"),
    not used as a heading or after a copula?"""
    if not _QUOTE_BEFORE.search(low, max(0, start - 8), start):
        return False
    if not _QUOTE_AFTER.match(low, end):
        # (or a phrase of a few words quoted whole, the sentence going on after it: 'the
        # "confidential information" checkbox', "le champ « données confidentielles » du formulaire")
        phrase = _QUOTED_PHRASE_END.match(low, end)
        if phrase is None or not _GOES_ON.match(low, phrase.end() - 1):
            return False
    line_start = low.rfind("\n", 0, start) + 1
    return not _LINE_LEAD.fullmatch(low, line_start, start) and not _COPULA_BEFORE.search(low, line_start, start - 1)


#: a public level named in the same list: "(pubblico, interno, riservato)", "public / internal /
#: confidential": the levels of a classification listed, not a marking
_PUBLIC_LEVEL_WORD = re.compile(rf"{_B}(?:{lex(PUBLIC_LEVEL_NAMES)}){_E}")


def _among_levels(low: str, start: int, end: int) -> bool:
    """Is the marker one item of a list (',', '/', '|') that names a public level, not negated?"""
    line_start = low.rfind("\n", 0, start) + 1
    line_end = low.find("\n", end)
    line_end = len(low) if line_end < 0 else line_end
    before = re.split(r"[.!?;:(\[]", low[max(line_start, start - 80):start])[-1]
    after = re.split(r"[.!?;:)\]]", low[end:min(line_end, end + 80)])[0]
    if not (before.rstrip(" \t").endswith((",", "/", "|")) or after.lstrip(" \t").startswith((",", "/", "|"))):
        return False
    # (each item of the list on its own: a public level is one when its item is a level's name
    # of a few words, "public", "TLP:CLEAR", "Öffentlich / intern"; the last word of a clause that
    # goes on after the comma is no item: "Strict confidențial, vă rog nu copiați în tichetul public:")
    items = [item for part in (before, after) for item in re.split(r"[,/|]", part)]
    return any(len(item.split()) <= 4 and not _NEGATION.search(item[max(0, m.start() - 12):m.start()])
               for item in items for m in _PUBLIC_LEVEL_WORD.finditer(item))


#: OAuth's kind of client, which holds a secret (as against a public one), with its article: "registered
#: as a confidential client" ("CONFIDENTIAL client data follows" is a marking)
_CLIENT_AFTER = re.compile(rf"[ \t]+clients?{_E}")
_CLIENT_ARTICLE = re.compile(rf"{_B}(?:an?|the|oauth|oidc|openid|as|als|comme|come|como|jako|kao|ca|som|mint|kuten|"
                             rf"ως|как|като)[ \t]+$")
#: (or "as" in EGI's languages: "Registreer de client opnieuw als confidential client")


#: ... or a client "configured as confidential" ("your OIDC client is configured as confidential;
#: switch it to public")
_SET_AS = re.compile(r"(?<![\w])(?:configured|registered|set|declared|created|marked) (?:as|to) $")
#: the kind of data a project works with, named by the marker word between a verb of handling and
#: the data ("our project handles confidential clinical data, so ..."): a description, not a marking
_HANDLING_BEFORE = re.compile(r"(?<![\w])(?:handles?|handling|process(?:es)?|processing|stores?|storing|hosts?|"
                              r"hosting|analy[sz](?:es|e|ing)|works? with|working with)(?: [^\W\d_]+)? $")
_DATA_AFTER = re.compile(r"(?: [^\W\d_]+)? (?:data|records|datasets|images|scans|files|samples)(?![\w])")


def _topic(low: str, start: int, end: int) -> bool:
    before = low[max(0, start - 40):start]
    return bool(_TOPIC_AFTER.match(low, end) or _TOPIC_BEFORE.search(before[-20:])
                or _key_named(low, start, end)
                or (_CLIENT_AFTER.match(low, end) and _CLIENT_ARTICLE.search(before[-12:]))
                or (_SET_AS.search(before) and "client" in low[max(0, start - 60):start])
                or (_HANDLING_BEFORE.search(before) and _DATA_AFTER.match(low, end)))


#: a key's name after the marker word, or before it ("gizli anahtar", "clé secrète"); no colon after the
#: pair, which labels the key itself ("Gizli anahtar: 9f8a...", "Clé secrète :")
_KEY_NAME_AFTER = re.compile(rf"[ \t-]+(?:{lex(KEY_NAME_WORDS)}){_E}(?![ \t]*[:=])")
_KEY_NAME_BEFORE = re.compile(rf"{_B}(?:{lex(KEY_NAME_WORDS)})[ \t-]+$")
_LABELS = re.compile(r"[ \t]*[:=]")


def _key_named(low: str, start: int, end: int) -> bool:
    """Does the marker word name a kind of key, "secret key" ("gizli anahtar dosyasının izinleri",
    "die Rechte der clé secrète")? A colon after the pair labels a key: it is no topic."""
    if _KEY_NAME_AFTER.match(low, end):
        return True
    return bool(_KEY_NAME_BEFORE.search(low, max(0, start - 24), start) and not _LABELS.match(low, end))


def _heading(low: str, start: int, end: int) -> bool:
    """A marker word heading its line ("VERTRAULICH:", "# Intern"), or its clause with a colon
    after it ("Hello, Vyhrazené: ...": a subject is its message's lines run together)."""
    line_start = low.rfind("\n", 0, start) + 1
    if end - start <= 3 and _CODE_IN_COMPOUND.match(low, end):
        return False
    if _LINE_LEAD.fullmatch(low, line_start, start) and _AFTER_HEADING.match(low, end):
        return True
    if _CELL_LEAD.fullmatch(low, line_start, start) and _CELL_AFTER.match(low, end):
        return True  # "| RISERVATO | il referente del sito è ...": a cell heading a row of prose
    if low[end:end + 3].lstrip(" \t*")[:1] in ("–", "—", "-") and _ATTENTION_LEAD.search(low, line_start, start) \
            and _AFTER_HEADING.match(low, end):
        return True  # "OBS, internt – inte för ärendet:": a word calling for attention, then the heading's dash
    if low[end:end + 1] == "." and low[end + 1:end + 2] in (" ", "\t", "\n", "") \
            and _ATTENTION_LEAD.search(low, line_start, start):
        return True  # "OBS: internt. Uppsala har ...": the attention word, and the heading as a sentence of its own
    return bool(_CLAUSE_LEAD.search(low, max(line_start, start - 4), start) and _COLON.match(low, end))


_CLAUSE_LEAD = re.compile(r"[.!?,;][ \t]+$")
_ATTENTION_LEAD = re.compile(rf"(?:^|[.!?][ \t]+){_LEAD}(?:{lex(ATTENTION_WORDS)})[ \t]*[,:][ \t]*$", re.MULTILINE)
#: a table's first cell holding the marker alone, and the row's next cell a phrase of three words
_CELL_LEAD = re.compile(r"[ \t]*[|│┃║][ \t*_]*")
_CELL_AFTER = re.compile(r"[ \t*_.!:]*[|│┃║][ \t]*[^\W\d_][^|│┃║\n]*?[ \t][^\W\d_][^|│┃║\n]*?[ \t][^\W\d_]")
_SENTENCE_LEAD = re.compile(r"[.!?][ \t]+$")
#: one word and a comma heading the line before "only for you:" ("Riservato, solo per voi:",
#: "Intern, nur für euch:"): the lead goes on with the marking
_WORD_LEAD = re.compile(r"(?:^|[.!?][ \t]+)" + _LEAD + r"[^\W\d_]+[ \t]*,[ \t]*$", re.MULTILINE)
#: the marker word, a copula and "nothing": "Vertraulich ist hier nichts", "confidential is none of it"
#: "need to know" written as a verb phrase (spaces, lower case), then a clause or an object
_NEED_TO_KNOW_VERB = re.compile(r"need to know")
_KNOW_CLAUSE = re.compile(rf"[ \t]+(?:{lex(KNOW_CLAUSE_WORDS)}){_E}")
_NOTHING_AFTER = re.compile(rf"[ \t]+(?:{lex(COPULAS)})(?:[ \t]+[^\W\d_]+)?[ \t]+(?:nichts|nothing|none|rien|niente|nulla|"
                            r"nada|nic|nič|ništa|semmi|ingenting|inget|intet|mitään|nimic|nieko|τίποτα|ничего|нічого|нищо)(?![\w])")
#: publishing and sharing, by stem, in EGI's languages
_PUBLISH_STEM = re.compile(fold(r"publ|julka|veröff|diffus|divulg|shar|jaa|jaet|dele|zveř|zverej|objav|"
                                r"δημοσ|публи|публі|avald|paylaş|yayın|közz|rozpowsz|udostęp|sprid|levit|distrib|"
                                r"verbreit|weiterg|condivid|compart|partilh|delen|verspreid|circul"))


def _enclosed(low: str, start: int, end: int) -> bool:
    return bool(_ENCLOSED_BEFORE.search(low[max(0, start - 8):start]) and _ENCLOSED_AFTER.match(low, end))
