"""Tenses that clash with a time expression (normalize.tenses) on small word tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.nouns import NounTable, tokenize
from normalize.predicates import VerbForms
from normalize.tenses import (
    finished_time,
    perfects_with_finished_time,
    presents_after_past_time,
    presents_since,
    pasts_after_will_and,
    presents_with_past_time,
    wills_in_conditions,
)

GROUPS = [
    "NOUN\tNN=rocket NNS=rockets",
    "NOUN\tNN=delegation NNS=delegations",
    "NOUN\tNN=minister NNS=ministers",
    "NOUN\tNN=road NNS=roads",
    "NOUN\tNN=rainfall NNS=rainfalls",
    "NOUN\tNN=level NNS=levels",
    "NOUN\tNN=report NNS=reports",
    "NOUN\tNN=talk NNS=talks",
    "NOUN\tNN=train NNS=trains",
    "NOUN\tNN=coach NNS=coaches",
    "NOUN\tNN=bridge NNS=bridges",
    "NOUN\tNN=export NNS=exports",
    "NOUN\tNN=rescuer NNS=rescuers",
    "VERB\tVB=launch VBD=launched VBG=launching VBN=launched VBP=launch VBZ=launches",
    "VERB\tVB=arrive VBD=arrived VBG=arriving VBN=arrived VBP=arrive VBZ=arrives",
    "VERB\tVB=see VBD=saw VBG=seeing VBN=seen VBP=see VBZ=sees",
    "VERB\tVB=meet VBD=met VBG=meeting VBN=met VBP=meet VBZ=meets",
    "VERB\tVB=repair VBD=repaired VBG=repairing VBN=repaired VBP=repair VBZ=repairs",
    "VERB\tVB=train VBD=trained VBG=training VBN=trained VBP=train VBZ=trains",
    "VERB\tVB=continue VBD=continued VBG=continuing VBN=continued VBP=continue VBZ=continues",
    "VERB\tVB=agree VBD=agreed VBG=agreeing VBN=agreed VBP=agree VBZ=agrees",
    "VERB\tVB=hold VBD=held VBG=holding VBN=held VBP=hold VBZ=holds",
    "VERB\tVB=close VBD=closed VBG=closing VBN=closed VBP=close VBZ=closes",
    "VERB\tVB=fall VBD=fell VBG=falling VBN=fallen VBP=fall VBZ=falls",
    "VERB\tVB=rise VBD=rose VBG=rising VBN=risen VBP=rise VBZ=rises",
    "VERB\tVB=say VBD=said VBG=saying VBN=said VBP=say VBZ=says",
    "VERB\tVB=ask VBD=asked VBG=asking VBN=asked VBP=ask VBZ=asks",
    "VERB\tVB=open VBD=opened VBG=opening VBN=opened VBP=open VBZ=opens",
    "VERB\tVB=cooperate VBD=cooperated VBG=cooperating VBN=cooperated VBP=cooperate VBZ=cooperates",
    "VERB\tVB=receive VBD=received VBG=receiving VBN=received VBP=receive VBZ=receives",
    "VERB\tVB=visit VBD=visited VBG=visiting VBN=visited VBP=visit VBZ=visits",
    "VERB\tVB=run VBD=ran VBG=running VBN=run VBP=run VBZ=runs",
    "VERB\tVB=accept VBD=accepted VBG=accepting VBN=accepted VBP=accept VBZ=accepts",
    "VERB\tVB=form VBD=formed VBG=forming VBN=formed VBP=form VBZ=forms",
    "VERB\tVB=grow VBD=grew VBG=growing VBN=grown VBP=grow VBZ=grows",
    "VERB\tVB=wait VBD=waited VBG=waiting VBN=waited VBP=wait VBZ=waits",
    "VERB\tVB=establish VBD=established VBG=establishing VBN=established VBP=establish VBZ=establishes",
    "VERB\tVB=review VBD=reviewed VBG=reviewing VBN=reviewed VBP=review VBZ=reviews",
    "VERB\tVB=approve VBD=approved VBG=approving VBN=approved VBP=approve VBZ=approves",
]
NOUNS = NounTable.from_morph(GROUPS)
VERBS = VerbForms.from_morph(GROUPS)


def edits(find, sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    words = [m.group() for m in tokenize(sentence)]
    return [(" ".join(words[e.start : e.end]), e.replacements) for e in find(words, VERBS, NOUNS)]


@pytest.mark.parametrize(
    ("phrase", "size"),
    [
        ("yesterday", 1), ("last week", 2), ("on Monday", 2), ("on 12 March", 3), ("on March 12", 3),
        ("in 2019", 2), ("in March", 2), ("three days ago", 3), ("a few years ago", 4), ("fifty years ago", 3),
        ("the previous evening", 3), ("the day before", 3),
        ("on march", 0), ("in May and June", 0), ("next week", 0), ("in 2019-2020", 0),
    ],
)
def test_finished_times(phrase: str, size: int) -> None:
    assert finished_time(phrase.split(), 0) == size


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rocket has been launched from the cosmodrome on Monday.", [("has been", ("was",))]),
        ("The rockets have been launched on Monday.", [("have been", ("were",))]),
        ("He has seen the report three days ago.", [("has seen", ("saw",))]),
        # after a past reporting verb: the past perfect
        ("The minister said the delegation has arrived in Baku the previous evening.", [("has", ("had",))]),
        # an opening finished time and the main clause's first verb
        ("On Monday, the minister has met the delegation.", [("has met", ("met",))]),
    ],
)
def test_a_perfect_with_a_finished_time_becomes_past(sentence: str, expected: list) -> None:
    assert edits(perfects_with_finished_time, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge has been closed since Monday.",  # up to now
        "The minister has agreed to hold talks on Monday.",  # the time is the infinitive's
        "Exports have risen over the last month.",  # "over the last month": up to now
        "The rocket was launched on Monday.",
        "The minister has already met the delegation in March.",  # "already": left to the editor
        "On Monday, the minister said the delegation has arrived.",  # not the main clause's first verb
        "Exports have risen from 15 in 2002 to 44 in 2006.",  # a span, not a point
        "The minister has met delegations formed in 2019.",  # the time is the participle's
        "The union has called for a strike on Monday.",  # the time is the strike's
    ],
)
def test_perfects_that_run_up_to_now_are_left_alone(sentence: str) -> None:
    assert edits(perfects_with_finished_time, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister is in Baku since Sunday.", [("is", ("has been",))]),
        ("The delegation trains under a coach since 2021.", [("trains", ("has trained",))]),
        ("Since 2020, more roads were repaired in the region.", [("were", ("have been",))]),
        ("Since January, exports rose by 5 percent.", [("rose", ("have risen",))]),  # in the subject's number
        # the subject's head, not the nearest noun, sets the number
        ("Since January, exports of the delegation rose by 5 percent.", [("rose", ("have risen",))]),
        ("Since January, the bridge of the trains received 40 coaches.", [("received", ("has received",))]),
        # a subject whose number is unclear: both, the model picks
        ("Since January, Kazakhstan received 40 coaches.", [("received", ("has received", "have received"))]),
        ("Since the beginning of the year, the talks are continuing.", [("are", ("have been",))]),
        # a span that runs up to now
        ("Kazakhstan and Russia cooperate in the field for more than 30 years.", [("cooperate", ("have cooperated",))]),
        # a progressive, past a preposition's "to"
        ("The minister is waiting for a report to its talks for three months already.", [("is waiting", ("has been waiting",))]),
        # a simple past with its object before "since"
        ("The rescuers who saw the delegation since Monday were tired.", [("saw", ("have seen",))]),
        # a year with no comma, then a base form after a singular noun
        ("Since 2019 the bridge repair more than 40 roads a year.", [("repair", ("has repaired",))]),
    ],
)
def test_since_a_point_in_time_needs_the_perfect(sentence: str, expected: list) -> None:
    assert edits(presents_since, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports fell to their lowest level since 2008.",  # "since" inside a noun phrase
        "The bridge has been closed since Monday.",
        "The minister is in Baku since the talks began.",  # "since" + a clause may mean "because"
        "Since 2019, when the report was published, exports rose.",  # the past is the "when" clause's
        "It is the first report since 2019.",
        "The lease of the bridge runs for 30 years.",  # a span that may lie ahead
        "The minister held talks for more than 30 years.",  # a past over a span is right
        "The bridge, closed since Monday, will open.",  # a participle
        "The roads closed by the rains since Monday are open.",  # a participle before a preposition
        "The trains had not repaired the roads since Monday.",  # a perfect already
        "Exports rose to the highest level since 2008.",  # a superlative between
        "Rio Grande do Sul since 2019.",  # a lower-case word inside a name
    ],
)
def test_since_with_a_perfect_or_in_a_noun_phrase_is_left_alone(sentence: str) -> None:
    assert edits(presents_since, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He warned that if the rainfall will continue, the level may rise.", [("will continue", ("continues",))]),
        ("If the talks will continue, the level may rise.", [("will continue", ("continue",))]),
        ("When the bridge will be open, the roads will close.", [("will be", ("is",))]),
        # "after"/"before" open a clause only with a pronoun subject and "will"
        ("The bridge will open after it will receive the permit.", [("will receive", ("receives",))]),
        ("The road will close as soon as they will repair the bridge.", [("will repair", ("repair",))]),
    ],
)
def test_will_in_a_condition_becomes_present(sentence: str, expected: list) -> None:
    assert edits(wills_in_conditions, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He asked if the talks will continue.",  # an indirect question
        "The talks will resume in May, when the minister will arrive.",  # a relative "when"
        "It is unclear if the rainfall will continue.",
        "When the bridge's away the roads will close.",  # "'s" is the clause's verb: "will" is the main clause's
        "When the bridge 's away the roads will close.",  # the same, tokenised
        "After the visit the two sides will sign the documents.",  # "after" a preposition
        "Soon as the talks end, he will leave.",  # no "as soon as"
    ],
)
def test_will_in_an_indirect_question_is_left_alone(sentence: str) -> None:
    assert edits(wills_in_conditions, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Yesterday, the minister receives the delegation.", [("receives", ("received",))]),
        ("On Monday, the minister had visited the bridge.", [("had visited", ("visited",))]),
        # a compound subject of two names, and a base form after it
        ("Fifty years ago, China and Malaysia establish talks.", [("establish", ("established",))]),
    ],
)
def test_a_present_or_past_perfect_after_an_opening_past_time_becomes_past(sentence: str, expected: list) -> None:
    assert edits(presents_after_past_time, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, the minister visits the bridge.",  # may be next Monday
        "In 1995, the minister had been accepted into the talks.",  # a year: a later event may follow
        "Yesterday, the minister said the talks are continuing.",  # the present is the reported clause's
        "The day before, the minister had visited the bridge.",  # a time before a past event: the past perfect is right
    ],
)
def test_openings_that_allow_the_tense_are_left_alone(sentence: str) -> None:
    assert edits(presents_after_past_time, sentence) == []


def test_a_fragment_ending_in_and_after_an_opening_time_does_not_crash() -> None:
    # "and" between two names was read one word past the end
    assert edits(presents_after_past_time, "Yesterday , Minister and") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The export is growing by 25 percent last year.", [("is growing", ("grew", "was growing"))]),
        ("The rocket is in Baku three days ago.", [("is", ("was",))]),
        ("The minister receives the delegation yesterday.", [("receives", ("received",))]),
    ],
)
def test_a_present_with_a_time_that_can_only_be_past_becomes_past(sentence: str, expected: list) -> None:
    assert edits(presents_with_past_time, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports are up 5 percent from last year.",  # a point of comparison
        "The level is higher than last year.",
        "The minister is reviewing the report approved last year.",  # the time is the participle's
        "The minister meets the delegation on Monday.",  # may be next Monday
        "The rocket is expected to launch last week.",  # a passive: the editor's call
    ],
)
def test_presents_whose_time_belongs_elsewhere_are_left_alone(sentence: str) -> None:
    assert edits(presents_with_past_time, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bridge will open on Friday and closed in March.", [("closed", ("close",))]),
        ("The minister will visit the bridge and met the delegation.", [("met", ("meet",))]),
        # left alone: a shared "be", a past of its own, adjectives, another auxiliary
        ("The bridge will be repaired and opened.", []),
        ("The minister will visit and met the delegation last week.", []),
        ("The bridge would open and would close.", []),
        ("The bridge will open and was repaired.", []),
    ],
)
def test_a_past_sharing_will_with_the_verb_before_and_takes_the_base(sentence: str, expected: list) -> None:
    assert edits(pasts_after_will_and, sentence) == expected


def test_the_tense_family_proposes_the_edits() -> None:
    from normalize.candidates import Lexicon, generate

    lex = Lexicon({}, {}, nouns=NOUNS, verbs=VERBS)
    sentence = "The rocket has been launched from the cosmodrome on Monday."
    (cand,) = generate(sentence, lex, families=["tense"])
    assert cand.family == "tense:perfect"
    assert cand.apply(sentence) == "The rocket was launched from the cosmodrome on Monday."


WORDS = st.sampled_from(
    "the a has have been is are was were will if when since on in last Monday March 2019 ago three days "
    "launched seen said rocket rockets trains continue , . ! ? ( ) “ ” the previous evening".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=0, max_size=24))
def test_arbitrary_words_never_crash_and_spans_are_in_range(words: list[str]) -> None:
    for find in (
        perfects_with_finished_time, presents_since, wills_in_conditions, presents_after_past_time,
        presents_with_past_time, pasts_after_will_and,
    ):
        for edit in find(words, VERBS, NOUNS):
            assert 0 <= edit.start < edit.end <= len(words) and edit.replacements


@pytest.mark.parametrize(
    ("sentence", "verb", "past"),
    [
        (
            "On Tuesday, President Erdogan receives the Prime Minister of Hungary in Ankara, where the two leaders discussed energy.",
            "receives",
            "received",
        ),
        ("Premier Li Qiang arrives in Wellington on Thursday evening and held talks with the Prime Minister.", "arrives", "arrived"),
    ],
)
def test_a_present_in_a_past_narrative_is_made_past(shipped_lexicon, sentence: str, verb: str, past: str) -> None:
    from normalize.tenses import presents_in_past_narrative

    words = [m.group() for m in tokenize(sentence)]
    assert [(words[e.start], e.replacements) for e in presents_in_past_narrative(words, shipped_lexicon.verbs, shipped_lexicon.nouns)] == [
        (verb, (past,))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegation arrives in Minsk on Monday and will hold talks with the government, the ministry said.",
        "The delegation arrives in Minsk on Monday for talks with the government, the ministry said.",
        "The ministry said on Monday that the company plans to open a plant in 2027.",
        "In 2005, a group of scientists found over five thousand wrecks on the sea bed and recorded them.",
        "The military conducted a drill with US forces near the border on Wednesday, mobilizing 50 tanks.",
        "The company's revenue rose 18 percent last year thanks to strong sales abroad.",
        "A map published in 2010 by the city suggests that a further extension has been considered.",
    ],
)
def test_presents_of_scheduled_events_and_non_verbs_are_left_alone(shipped_lexicon, sentence: str) -> None:
    from normalize.tenses import presents_in_past_narrative

    words = [m.group() for m in tokenize(sentence)]
    assert presents_in_past_narrative(words, shipped_lexicon.verbs, shipped_lexicon.nouns) == []


def test_a_clock_time_does_not_end_the_clause_of_a_perfect(shipped_lexicon) -> None:
    from normalize.tenses import perfects_with_finished_time

    sentence = "The typhoon has made landfall in the coastal city of Wenchang in Hainan province at 2:30 p.m. on Saturday."
    words = [m.group() for m in tokenize(sentence)]
    edits = perfects_with_finished_time(words, shipped_lexicon.verbs, shipped_lexicon.nouns)
    assert [(" ".join(words[e.start : e.end]), e.replacements) for e in edits] == [("has made", ("made",))]


def test_a_pronoun_subject_of_a_condition_keeps_its_number(shipped_lexicon) -> None:
    # The narrative check once rebound the pronoun table this reads to a set.
    from normalize.tenses import wills_in_conditions

    words = [m.group() for m in tokenize("The match will be cancelled if it will rain heavily tomorrow.")]
    edits = wills_in_conditions(words, shipped_lexicon.verbs, shipped_lexicon.nouns)
    assert [e.replacements for e in edits] == [("rains",)]
