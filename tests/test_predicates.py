"""Broken predicates (normalize.predicates) on small word tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.nouns import NounTable, tokenize
from normalize.predicates import VerbForms, bare_verbs_after_names, infinitives_after_gerund_verbs, missing_auxiliaries

GROUPS = [
    "NOUN\tNN=minister NNS=ministers",
    "NOUN\tNN=measure NNS=measures",
    "NOUN\tNN=business NNS=businesses",
    "NOUN\tNN=result NNS=results",
    "NOUN\tNN=importance",
    "NOUN\tNN=horseman NNS=horsemen",
    "NOUN\tNN=famine NNS=famines",
    "NOUN\tNN=ride NNS=rides",
    "NOUN\tNN=project NNS=projects",
    "NOUN\tNN=line NNS=lines",
    "NOUN\tNN=risk NNS=risks",
    "NOUN\tNN=step NNS=steps",
    "NOUN\tNN=tourist NNS=tourists",
    "NOUN\tNN=work NNS=works",
    "NOUN\tNN=zone NNS=zones",
    "NOUN\tNN=video NNS=videos",
    "NOUN\tNN=conflict NNS=conflicts",
    "NOUN\tNN=specimen NNS=specimens",
    "NOUN\tNN=feature NNS=features",
    "VERB\tVB=zone VBD=zoned VBG=zoning VBP=zone VBZ=zones",
    "VERB\tVB=conflict VBD=conflicted VBG=conflicting VBP=conflict VBZ=conflicts",
    "VERB\tVB=exhibit VBD=exhibited VBG=exhibiting VBP=exhibit VBZ=exhibits",
    "VERB\tVB=feature VBD=featured VBG=featuring VBP=feature VBZ=features",
    "VERB\tVB=distinguish VBD=distinguished VBG=distinguishing VBP=distinguish VBZ=distinguishes",
    "VERB\tVB=dance VBD=danced VBG=dancing VBP=dance VBZ=dances",
    "VERB\tVB=stress VBD=stressed VBG=stressing VBP=stress VBZ=stresses",
    "VERB\tVB=yield VBD=yielded VBG=yielding VBP=yield VBZ=yields",
    "VERB\tVB=take VBD=took VBG=taking VBN=taken VBP=take VBZ=takes",
    "VERB\tVB=support VBD=supported VBG=supporting VBP=support VBZ=supports",
    "VERB\tVB=represent VBD=represented VBG=representing VBP=represent VBZ=represents",
    "VERB\tVB=ride VBD=rode VBG=riding VBN=ridden VBP=ride VBZ=rides",
    "VERB\tVB=envisage VBD=envisaged VBG=envisaging VBP=envisage VBZ=envisages",
    "VERB\tVB=build VBD=built VBG=building VBP=build VBZ=builds",
    "VERB\tVB=suggest VBD=suggested VBG=suggesting VBP=suggest VBZ=suggests",
    "VERB\tVB=lower VBD=lowered VBG=lowering VBP=lower VBZ=lowers",
    "VERB\tVB=avoid VBD=avoided VBG=avoiding VBP=avoid VBZ=avoids",
    "VERB\tVB=escalate VBD=escalated VBG=escalating VBP=escalate VBZ=escalates",
    "VERB\tVB=risk VBD=risked VBG=risking VBP=risk VBZ=risks",
    "VERB\tVB=visit VBD=visited VBG=visiting VBP=visit VBZ=visits",
    "VERB\tVB=rise VBD=rose VBG=rising VBN=risen VBP=rise VBZ=rises",
    "VERB\tVB=continue VBD=continued VBG=continuing VBP=continue VBZ=continues",
    "VERB\tVB=note VBD=noted VBG=noting VBP=note VBZ=notes",
]
NOUNS = NounTable.from_morph(GROUPS)
VERBS = VerbForms.from_morph(GROUPS)


def auxiliaries(sentence: str) -> list[tuple[str, str]]:
    words = [m.group() for m in tokenize(sentence)]
    return [(words[k], number) for k, number in missing_auxiliaries(words, NOUNS, VERBS)]


def gerunds(sentence: str) -> list[tuple[str, str]]:
    words = [m.group() for m in tokenize(sentence)]
    return [(f"{words[i - 1]} to {words[j]}", form) for i, j, form in infinitives_after_gerund_verbs(words, VERBS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister stressing on the importance of the talks.", [("stressing", "sg")]),
        # the auxiliary goes before the adverb; a noun-or-verb word after
        # "already yielding" is its object
        (
            "He noted that the measures taken to support businesses already yielding tangible results.",
            [("already", "pl")],
        ),
        ("The tourists still visiting the city.", [("still", "pl")]),
        # a verb inside a relative clause before the participle is not the clause's
        ("He noted that the work of tourists who visit the city still continuing.", [("still", "sg")]),
        # a noun-or-verb word in base form after a singular noun ends a compound
        ("He noted that the work in the conflict zone continuing.", [("continuing", "sg")]),
        # the main clause after an opening adverbial and its comma
        ("According to the minister, the work in the zone still continuing.", [("still", "sg")]),
        # a title or a name run opening the subject, and one parenthesis before the -ing verb
        ("The Minister of Culture, during the talks in the zone, stressing the importance of the project.", [("stressing", "sg")]),
        ("Kazakh Army tourists stressing the importance of the project in the zone.", [("stressing", "pl")]),
    ],
)
def test_a_clause_with_only_an_ing_verb_needs_an_auxiliary(sentence: str, expected: list) -> None:
    assert auxiliaries(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The horseman representing famine rides a black horse.",  # a reduced relative, then the verb
        "The number of tourists visiting the city rose sharply.",  # "rose": a past form
        "The minister is stressing the importance of the talks.",
        "The minister will be stressing the importance of the talks.",
        "Minister stressing importance of talks",  # a headline: no full stop
        "Toad hunting the nuts all night long.",  # no determiner: a heading or a list
        "The minister stressing.",  # too short to judge
        "The tourists, visiting the city for the first time.",  # punctuation before the -ing word
        "The Minister of Culture, during the visit, took the tourists stressing the importance.",  # a finite verb
        "Kazakh Army tourists stressing importance.",  # a name run in a short line: a heading
        "The specimens exhibit distinguishing features.",  # a base form after a plural noun is its verb
        "The video features dancing tourists.",  # and so is an -s form
        "This features dancing tourists in the city.",  # "this" + an -s form: a pronoun and its verb
        # a comma after a whole clause, not after an opening adverbial
        "In May the tourists visited the city, a ride featuring dancing tourists.",
    ],
)
def test_clauses_with_a_verb_or_no_subject_are_left_alone(sentence: str) -> None:
    assert auxiliaries(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The project envisages to build a power line.", [("envisages to build", "building")]),
        ("Both sides should avoid to escalate the situation.", [("avoid to escalate", "escalating")]),
        ("He suggested to build a line.", [("suggested to build", "building")]),  # a pronoun subject: active
    ],
)
def test_an_infinitive_after_a_gerund_verb_gets_the_ing_form(sentence: str, expected: list) -> None:
    assert gerunds(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Some steps suggested to lower the risk include rest.",  # a passive participle after a noun
        "The measure is often suggested to lower the risk.",
        "It took two years from start to finish to build the line.",  # "finish" is a noun here
        "There is some risk to lower the standards.",
        "He suggested to Minister Ivanov that the line be built.",  # "to" before a name
        "The project envisages to the north a new line.",  # "to" is a preposition
    ],
)
def test_to_after_a_noun_or_a_passive_is_left_alone(sentence: str) -> None:
    assert gerunds(sentence) == []


def test_the_predicate_family_proposes_an_auxiliary_and_the_ing_form() -> None:
    from normalize.candidates import Lexicon, generate

    lex = Lexicon({}, {}, nouns=NOUNS, verbs=VERBS)
    sentence = "The minister stressing on the importance of the talks."
    fixes = {c.apply(sentence) for c in generate(sentence, lex, families=["predicate"])}
    assert fixes == {
        "The minister is stressing on the importance of the talks.",
        "The minister was stressing on the importance of the talks.",
    }
    sentence = "The project envisages to build a power line."
    (cand,) = generate(sentence, lex, families=["predicate"])
    assert cand.family == "predicate:gerund"
    assert cand.apply(sentence) == "The project envisages building a power line."


WORDS = st.sampled_from(
    "the a minister measures stressing already yielding to build envisages avoid suggested risk "
    "noted that is , . ! ? Minister 18,4 ² – — ( ) taken tourists".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=0, max_size=20))
def test_arbitrary_words_never_crash_and_indices_are_in_range(words: list[str]) -> None:
    for k, number in missing_auxiliaries(words, NOUNS, VERBS):
        assert 0 <= k < len(words) and number in ("sg", "pl")
    for i, j, form in infinitives_after_gerund_verbs(words, VERBS):
        assert words[i].lower() == "to" and j == i + 1 and form.endswith("ing")
    for k in bare_verbs_after_names(words, VERBS):
        assert 0 < k < len(words) - 1 and words[k] in VERBS.base


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("President Jokowi visit the new port on Friday.", ["visit"]),
        ("The Prime Minister support the plan, officials said.", ["support"]),
        ("HANOI (VNA) – Prime Minister Pham Minh Chinh visit the site.", ["visit"]),
        ("The Ministry of Health support the plan.", []),  # a body: British copy may say "support"
        # A finite form, a plural or a collective, one word, a modal, an opening participle:
        ("President Jokowi visited the new port on Friday.", []),
        ("Tourists visit the new port every summer.", []),
        ("Members of the Council support the plan.", []),
        ("The Taliban support the plan.", []),
        ("Jokowi visit the new port.", []),
        ("May God support the plan.", []),
        ("President Jokowi and his wife visit the port.", []),
        ("Prime Minister Chinh visit The Grand Hotel.", []),  # a title after the verb
        ("Real Madrid visit the holders on Sunday.", []),  # British: a team takes a plural verb
        ("The Metropolitan Police support the plan.", []),
    ],
)
def test_a_bare_verb_after_a_named_subject_needs_a_finite_form(sentence: str, expected: list[str]) -> None:
    words = [m.group() for m in tokenize(sentence)]
    assert [words[k] for k in bare_verbs_after_names(words, VERBS)] == expected


# ------------------------------------------------------------ lost copulas

from normalize.predicates import missing_copulas  # noqa: E402

COPULA_GROUPS = GROUPS + [
    "NOUN\tNN=suspect NNS=suspects",
    "NOUN\tNN=talk NNS=talks",
    "NOUN\tNN=company NNS=companies",
    "NOUN\tNN=tender NNS=tenders",
    "NOUN\tNN=charge NNS=charges",
    "NOUN\tNN=riot NNS=riots",
    "NOUN\tNN=atmosphere NNS=atmospheres",
    "NOUN\tNN=agency NNS=agencies",
    "NOUN\tNN=inflation",
    "VERB\tVB=detain VBD=detained VBG=detaining VBN=detained VBP=detain VBZ=detains",
    "VERB\tVB=hold VBD=held VBG=holding VBN=held VBP=hold VBZ=holds",
    "VERB\tVB=apply VBD=applied VBG=applying VBP=apply VBZ=applies",
    "VERB\tVB=expand VBD=expanded VBG=expanding VBP=expand VBZ=expands",
    "VERB\tVB=report VBD=reported VBG=reporting VBP=report VBZ=reports",
    "VERB\tVB=slow VBD=slowed VBG=slowing VBP=slow VBZ=slows",
    "VERB\tVB=expect VBD=expected VBG=expecting VBN=expected VBP=expect VBZ=expects",
]
COPULA_NOUNS = NounTable.from_morph(COPULA_GROUPS)
COPULA_VERBS = VerbForms.from_morph(COPULA_GROUPS)


def copulas(sentence: str) -> list[tuple[str, str]]:
    words = [m.group() for m in tokenize(sentence)]
    return [(words[k], number) for k, number in missing_copulas(words, COPULA_NOUNS, COPULA_VERBS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kazakhstan ready to expand cooperation with the European Union in the field of energy.", [("ready", "sg")]),
        ("The minister interested in the tender of the ministry of energy.", [("interested", "sg")]),
        ("Three suspects detained by the State Committee on charges of mass riots.", [("detained", "pl")]),
        ("The talks held in a friendly atmosphere, the agency reported.", [("held", "pl")]),
        ("Inflation expected to slow to 8 percent by the end of the year, according to the agency.", [("expected", "sg")]),
    ],
)
def test_a_clause_without_its_be_before_an_adjective_or_a_passive_gets_one(sentence: str, expected: list) -> None:
    assert copulas(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakhstan is ready to expand cooperation with the European Union in the field of energy.",
        # a reduced relative: the clause has its verb
        "The companies interested in the tender must apply by the end of the month.",
        # an active past with an object
        "The suspects held talks with the agency in a friendly atmosphere.",
        # a headline: no full stop, too short
        "Kazakhstan ready to expand cooperation",
        # a passive participle after a noun the clause's verb follows
        "The talks held in a friendly atmosphere yielded results.",
    ],
)
def test_clauses_with_their_verb_keep_it(sentence: str) -> None:
    assert copulas(sentence) == []


SLIP_GROUPS = [
    "NOUN\tNN=economy NNS=economies",
    "NOUN\tNN=school NNS=schools",
    "NOUN\tNN=railway NNS=railways",
    "NOUN\tNN=port NNS=ports",
    "NOUN\tNN=side NNS=sides",
    "NOUN\tNN=building NNS=buildings",
    "NOUN\tNN=plan NNS=plans",
    "NOUN\tNN=typhoon NNS=typhoons",
    "NOUN\tNN=rain NNS=rains",
    "NOUN\tNN=result NNS=results",
    "NOUN\tNN=crop NNS=crops",
    "VERB\tVB=continue VBD=continued VBG=continuing VBP=continue VBZ=continues",
    "VERB\tVB=grow VBD=grew VBG=growing VBN=grown VBP=grow VBZ=grows",
    "VERB\tVB=decide VBD=decided VBG=deciding VBP=decide VBZ=decides",
    "VERB\tVB=establish VBD=established VBG=establishing VBP=establish VBZ=establishes",
    "VERB\tVB=plan VBD=planned VBG=planning VBP=plan VBZ=plans",
    "VERB\tVB=build VBD=built VBG=building VBP=build VBZ=builds",
    "VERB\tVB=connect VBD=connected VBG=connecting VBP=connect VBZ=connects",
    "VERB\tVB=bring VBD=brought VBG=bringing VBP=bring VBZ=brings",
    "VERB\tVB=expect VBD=expected VBG=expecting VBP=expect VBZ=expects",
    "VERB\tVB=open VBD=opened VBG=opening VBP=open VBZ=opens",
    "VERB\tVB=wait VBD=waited VBG=waiting VBP=wait VBZ=waits",
    "VERB\tVB=contribute VBD=contributed VBG=contributing VBP=contribute VBZ=contributes",
    "VERB\tVB=develop VBD=developed VBG=developing VBP=develop VBZ=develops",
    "VERB\tVB=avoid VBD=avoided VBG=avoiding VBP=avoid VBZ=avoids",
    "VERB\tVB=get VBD=got VBG=getting VBN=gotten VBP=get VBZ=gets",
    "VERB\tVB=extend VBD=extended VBG=extending VBP=extend VBZ=extends",
    "VERB\tVB=further VBD=furthered VBG=furthering VBP=further VBZ=furthers",
]
SLIP_NOUNS = NounTable.from_morph(SLIP_GROUPS)
SLIP_VERBS = VerbForms.from_morph(SLIP_GROUPS)


def slips(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    from normalize.predicates import infinitive_slips

    words = [m.group() for m in tokenize(sentence)]
    return [(" ".join(words[i:j]), forms) for i, j, forms in infinitive_slips(words, SLIP_VERBS, SLIP_NOUNS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The economy continues to growing steadily.", [("growing", ("grow",))]),
        # "and to" repeats an earlier infinitive's "to"
        ("He urged them to avoid the port and to avoiding the railway.", [("avoiding", ("avoid",))]),
        ("The two sides decided establishing a joint commission.", [("establishing", ("to establish",))]),
        # a noun-or-verb -ing word counts when an object follows
        ("The city is planning building 50 new schools.", [("building", ("to build",))]),
        ("The railway is connect the ports of the gulf.", [("is connect", ("connects", "is connecting"))]),
        ("The railways are connect the ports.", [("are connect", ("connect", "are connecting"))]),
        # an empty span: "to" is inserted before the verb
        ("The typhoon is expected bring heavy rains.", [("", ("to ",))]),
        ("The two sides decided extend the railway.", [("", ("to ",))]),
        ("The city is ready develop the ports.", [("", ("to ",))]),
        # "be" + a bare verb: drop "be" or make it a passive
        ("The plan is expected to be build 50 schools.", [("be build", ("build", "be built"))]),
    ],
)
def test_infinitive_slips_are_found(sentence: str, expected: list) -> None:
    assert slips(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The economy continues growing steadily.",  # "continue" takes the -ing form too
        "The plan will contribute to developing the ports.",  # "to" is a preposition here
        "All we can do is wait for the results.",  # a pseudo-cleft: "is" + bare verb is right
        "The port is open to the ships.",  # an adjective
        "The city is planning buildings for the port.",  # a noun after "planning"
        "The plans building up in the ports.",  # "plans" after "the" is a noun
        "The city is ready further to develop the ports.",  # the infinitive has its "to"
    ],
)
def test_right_infinitives_and_gerunds_are_left_alone(sentence: str) -> None:
    assert slips(sentence) == []


def test_a_relative_clause_without_be_before_expected_to_gets_one() -> None:
    from normalize.predicates import relatives_without_be

    words = [m.group() for m in tokenize("The new railway, which expected to open in 2025, will cut travel time.")]
    assert [(words[k], number) for k, number in relatives_without_be(words, SLIP_NOUNS, SLIP_VERBS)] == [("expected", "sg")]
    words = [m.group() for m in tokenize("The railway, which is expected to open in 2025, will cut travel time.")]
    assert relatives_without_be(words, SLIP_NOUNS, SLIP_VERBS) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The crops which grown in the north are sold in the ports.", [("grown", "pl")]),  # a participle, never a past
        ("The ports which connected by the new railway will open in 2025.", [("connected", "pl")]),  # a past before its agent
        ("The ports, which are connected by the new railway, will open in 2025.", []),
        ("The ports which connected by rail the two schools will open in 2025.", []),  # no agent's noun phrase after "by"
        ("The rain is heavier than that grown plans could survive.", []),  # "that" may be a pronoun
    ],
)
def test_a_relative_clause_with_a_participle_and_no_be_gets_one(sentence: str, expected: list) -> None:
    from normalize.predicates import relatives_without_be

    words = [m.group() for m in tokenize(sentence)]
    assert [(words[k], n) for k, n in relatives_without_be(words, SLIP_NOUNS, SLIP_VERBS)] == expected


def test_verb_forms_know_a_form_s_base_and_a_base_s_participle() -> None:
    assert SLIP_VERBS.base_of["grew"] == "grow" and SLIP_VERBS.base_of["builds"] == "build"
    assert SLIP_VERBS.participle("grow") == "grown"
    assert SLIP_VERBS.participle("build") == "built"
    assert SLIP_VERBS.participle("connect") == "connected"
    assert SLIP_VERBS.base_of_gerund["building"] == "build"


PASSIVE_GROUPS = [
    "NOUN\tNN=passenger NNS=passengers",
    "NOUN\tNN=relic NNS=relics",
    "NOUN\tNN=outage NNS=outages",
    "NOUN\tNN=power NNS=powers",
    "NOUN\tNN=plant NNS=plants",
    "NOUN\tNN=meeting NNS=meetings",
    "NOUN\tNN=issue NNS=issues",
    "NOUN\tNN=trademark NNS=trademarks",
    "NOUN\tNN=medal NNS=medals",
    "NOUN\tNN=day NNS=days",
    "NOUN\tNN=year NNS=years",
    "VERB\tVB=handle VBD=handled VBG=handling VBN=handled VBP=handle VBZ=handles",
    "VERB\tVB=display VBD=displayed VBG=displaying VBN=displayed VBP=display VBZ=displays",
    "VERB\tVB=cause VBD=caused VBG=causing VBN=caused VBP=cause VBZ=causes",
    "VERB\tVB=visit VBD=visited VBG=visiting VBN=visited VBP=visit VBZ=visits",
    "VERB\tVB=discuss VBD=discussed VBG=discussing VBN=discussed VBP=discuss VBZ=discusses",
    "VERB\tVB=register VBD=registered VBG=registering VBN=registered VBP=register VBZ=registers",
    "VERB\tVB=give VBD=gave VBG=giving VBN=given VBP=give VBZ=gives",
    "VERB\tVB=sign VBD=signed VBG=signing VBN=signed VBP=sign VBZ=signs",
    "VERB\tVB=build VBD=built VBG=building VBN=built VBP=build VBZ=builds",
    "VERB\tVB=confirm VBD=confirmed VBG=confirming VBN=confirmed VBP=confirm VBZ=confirms",
    "VERB\tVB=suspend VBD=suspended VBG=suspending VBN=suspended VBP=suspend VBZ=suspends",
    "NOUN\tNN=winner NNS=winners",
    "NOUN\tNN=game NNS=games",
]
PASSIVE_NOUNS = NounTable.from_morph(PASSIVE_GROUPS)
PASSIVE_VERBS = VerbForms.from_morph(PASSIVE_GROUPS)


def _passives(sentence: str) -> list[tuple[str, str]]:
    from normalize.predicates import passives_with_objects

    words = [m.group() for m in tokenize(sentence)]
    return [(" ".join(words[a:b]), form) for a, b, form in passives_with_objects(words, PASSIVE_VERBS, PASSIVE_NOUNS)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The terminal can be handled 40 million passengers a year.", [("be handled", "handle")]),
        ("The museum is displayed more than 3,000 relics.", [("is displayed", "displays")]),
        ("The storm has been caused power outages in the south.", [("been caused", "caused")]),
        ("The minister was visited the plant on Monday.", [("was visited", "visited")]),
    ],
)
def test_a_passive_with_a_direct_object_becomes_active(sentence: str, expected: list) -> None:
    assert _passives(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "At the meeting were discussed the issues of trade.",  # an inversion: dropping "be" mends nothing
        "The marks are registered trademarks of the company.",  # a participle as an adjective
        "The minister was given a medal.",  # an indirect object
        "The plant was built 100 years ago.",  # a time, not an object
        "The plant was signed the same day.",
        "The plant was visited on 12 March.",
        "There have been caused outages.",  # "there"
        "The plant was visited 12 March 2004.",  # a date
        "The plant would be built seventy years later.",  # a time in words
        "The mayor was confirmed the winner of the election.",  # a complement
        "The player was suspended 10 games.",  # a measure
        "The plant was visited a number of times.",  # how often
        "When the plant is visited the plant is closed.",  # the noun opens the next clause
        "The plant was visited a few weeks earlier than planned.",  # a time after "a few"
    ],
)
def test_passives_with_times_complements_or_inversions_are_left_alone(sentence: str) -> None:
    assert _passives(sentence) == []
