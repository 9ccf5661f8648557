"""Candidate generation, one family at a time, on a hand-made lexicon."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from normalize.candidates import Lexicon, generate, is_tokenised, tokenize
from normalize.nouns import NounTable

WORDS = (
    "the a an in on at of to for sciences technologies developed develop minister "
    "discussed plan said we would not be alive if our ancestors did lot go home had that"
).split()
MORPH = (
    "VERB\tVB=develop VBD=developed VBG=developing VBP=develop VBZ=develops\n"
    "NOUN\tNN=plan NNS=plans\n"
    "VERB\tVB=be VBD=was VBD=were VBZ=is VBP=are VBN=been\n"
)


def _lexicon() -> Lexicon:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vocab = [f"{w}\t5000" for w in WORDS] + ["silences\t10"]
        (folder / "vocab.tsv").write_text("\n".join(vocab) + "\n", encoding="utf-8")
        (folder / "morph.tsv").write_text(MORPH, encoding="utf-8")
        return Lexicon.load(folder)


LEX = _lexicon()


def rewrites(sentence: str, family: str, accept: frozenset[str] = frozenset()) -> set[str]:
    return {c.apply(sentence) for c in generate(sentence, LEX, families=[family], accept=accept)}


@pytest.mark.parametrize(
    ("family", "sentence", "expected"),
    [
        ("article", "The minister discussed plan.", "The minister discussed the plan."),
        ("article", "The minister discussed the plan.", "The minister discussed plan."),
        ("article", "The minister discussed an plan.", "The minister discussed a plan."),
        ("article", "Minister discussed the plan.", "The minister discussed the plan."),
        ("article", "The minister discussed the plan.", "Minister discussed the plan."),
        ("preposition", "We go in home.", "We go to home."),
        ("preposition", "We discussed about the plan.", "We discussed the plan."),
        ("morphology", "They did not developed it.", "They did not develop it."),
        ("morphology", "The plan are good.", "The plans are good."),
        ("spelling", "They discused siences.", "They discused sciences."),
        ("spelling", "We go alot.", "We go a lot."),
        ("informal", "i dont know .", "i do n't know ."),
        ("informal", "i dont know.", "i don't know."),
        ("informal", "i know.", "I know."),
        ("capitalisation", "we go home.", "We go home."),
        ("comma", "However we go home.", "However, we go home."),
        ("comma", "We go home , and stay .", "We go home and stay ."),
        ("redundancy", "They discussed the process of the implementation.", "They discussed the implementation."),
        ("redundancy", "We go to the the plan.", "We go to the plan."),
        ("word-order", "Also was discussed the plan.", "Was also discussed the plan."),
        ("word-order", "We go home already.", "We already go home."),
    ],
)
def test_family_proposes_the_fix(family: str, sentence: str, expected: str) -> None:
    assert expected in rewrites(sentence, family)


@pytest.mark.parametrize(
    ("family", "sentence"),
    [
        # "Zholy" ends in -ly but is a name; names keep their word order.
        ("word-order", "We signed with Kazakhstan Temir Zholy today."),
        ("word-order", "We go to Italy home."),
        # Editors keep "the city of" and "the field of".
        ("redundancy", "We go to the city of Bam."),
        ("redundancy", "We go home in the field of energy."),
    ],
)
def test_family_leaves_alone(family: str, sentence: str) -> None:
    assert rewrites(sentence, family) == set()


def test_rare_inflections_are_a_separate_spelling_family() -> None:
    lex = Lexicon({"sharpen": 100} | {w: 5000 for w in WORDS}, {})
    families = {c.family for c in generate("We sharpenz it.", lex, families=["spelling"])}
    assert families <= {"spelling:word", "spelling:split"}
    assert {c.family for c in generate("We go sharpens.", lex, families=["spelling"])} == {
        "spelling:rare"}


def test_spelling_after_a_figure_only_fixes_number_words() -> None:
    lex = Lexicon({w: 5000 for w in WORDS + ["tense", "million"]}, {})
    fixes = {c.apply("We go 300 tenge home.") for c in generate("We go 300 tenge home.", lex, families=["spelling"])}
    assert fixes == set()  # a currency, not "tense"
    fixes = {c.apply("We go 3 milion home.") for c in generate("We go 3 milion home.", lex, families=["spelling"])}
    assert "We go 3 million home." in fixes
    fixes = {c.apply("We go 3 million tenge home.") for c in generate("We go 3 million tenge home.", lex, families=["spelling"])}
    assert fixes == set()  # after a spelled-out scale too


def test_spelling_leaves_names_known_and_accepted_words_alone() -> None:
    assert rewrites("Yesterday Siences said we go home.", "spelling") == set()
    assert rewrites("We discussed the plan.", "spelling") == set()
    assert rewrites("We go siences home.", "spelling", accept=frozenset({"siences"})) == set()


def test_accepted_terms_are_never_touched() -> None:
    sentence = "We go in home at the Minister of plan."
    accept = frozenset({"the Minister of plan"})
    for cand in generate(sentence, LEX, accept=accept):
        start = sentence.index("the Minister of plan")
        assert cand.end <= start or cand.start >= start + len("the Minister of plan") or (
            cand.start == cand.end == start
        ) is False


def test_candidates_are_unique_and_change_something() -> None:
    sentence = "So i think we can not live if our ancestors did not developped siences ."
    cands = generate(sentence, LEX)
    keys = [(c.start, c.end, c.replacement) for c in cands]
    assert len(keys) == len(set(keys))
    assert all(sentence[c.start : c.end] != c.replacement for c in cands)
    assert {c.family.split(":")[0] for c in cands} >= {"article", "spelling", "informal", "comma"}


def test_tokenised_text_is_detected() -> None:
    assert is_tokenised("He did n't go .")
    assert not is_tokenised("He didn't go.")


def test_tokenizer_offsets_slice_the_sentence() -> None:
    sentence = "The minister's plan, at 1,500 dollars, didn't pass."
    for tok in tokenize(sentence):
        assert sentence[tok.start : tok.end] == tok.text


def test_morphology_sub_families() -> None:
    kinds = {
        c.replacement: c.family
        for c in generate("They did not developed it.", LEX, families=["morphology"])
    }
    assert kinds["develop"] == "morphology:modal"  # only the bare verb follows "did"
    assert kinds["develops"] == "morphology:tense"
    assert {c.family for c in generate("The plans is good.", LEX, families=["morphology"])} >= {
        "morphology:number", "morphology:auxiliary"}
    # An auxiliary after "and" has its subject further back: no swap.
    def swaps(sentence: str) -> dict[tuple[int, str], str]:
        return {(c.start, c.replacement): c.family for c in generate(sentence, LEX, families=["morphology"])}

    found = swaps("Three people were hurt and were taken to hospital.")
    assert found[(13, "was")] == "morphology:auxiliary" and found[(27, "was")] == "morphology:agreement"
    # Nor in an inversion, where the subject follows the verb, after a
    # prepositional phrase, whose noun the model would take for the subject,
    # after a pronoun (agreement.pronoun_disagreements judges those), after a
    # measure ("Two years has passed"), or in a subjunctive: there the swap
    # keeps the general margins.
    for sentence, wrong in [
        ("Present at the ceremony were the governor and the veterans.", "was"),
        ("The authors of the plan are at home.", "is"),
        ("Those who said it were at home.", "was"),
        ("Two years were enough for the plan.", "was"),
        ("Suppose the plan were developed.", "was"),
    ]:
        families = {family for (_, form), family in swaps(sentence).items() if form == wrong}
        assert families == {"morphology:agreement"}, sentence


@pytest.mark.parametrize(
    ("sentence", "word", "modal"),
    [
        ("It will develops new engines.", "develops", True),
        ("The sides did not developed it.", "developed", True),
        ("They could also developed it.", "developed", True),
        ("Prices may developed further.", "developed", True),  # "may" is no noun: no subject needed
        # a noun "will" or "can", "did" before its subject, "did" as a main verb:
        ("His will developed over the years.", "developed", False),
        ("Nobel's will developed the prize.", "developed", False),
        ("As did plans to develop it.", "plans", False),
        ("All he did was develop it.", "was", False),
        ("He will develop it.", "develop", False),
        # found in review: "did" as the verb of a relative clause, an ellipsis
        # after "who could", "might" as a noun:
        ("The plans he did developed well.", "developed", False),
        ("Those who could developed it.", "developed", False),
        ("Its military might developed slowly.", "developed", False),
        # "to" is also a preposition left at the end of a clause: never judged here.
        ("The hospital he was taken to developed the plan.", "developed", False),
        # a modal that is also a noun, unless a subject comes before it:
        ("His new will developed the plan.", "developed", False),
        ("Sheer might developed the plan.", "developed", False),
        ("As many as could developed the plan.", "developed", False),
        ("It might developed well.", "developed", True),
    ],
)
def test_a_finite_form_after_a_modal_is_its_own_sub_family(sentence: str, word: str, modal: bool) -> None:
    families = {
        c.family for c in generate(sentence, LEX, families=["morphology"])
        if sentence[c.start : c.end] == word
    }
    assert ("morphology:modal" in families) == modal


def test_inflections_and_compounds_of_known_words_are_not_misspellings() -> None:
    lex = Lexicon({"sharpen": 100, "scary": 100, "bath": 5000, "house": 5000, "mined": 10}, {})
    for word in ("sharpens", "scariest", "bathhouse", "demined"):
        assert lex.plausible(word), word
    assert not lex.plausible("siences")


def test_spelling_leaves_web_addresses_alone():
    from normalize.candidates import _inside_address

    sentence = "See clck.ru and mid.ru/en or press@mid.ru for details."
    for word in ("clck", "ru", "mid", "en", "press"):
        start = sentence.index(word)
        assert _inside_address(sentence, start, start + len(word)), word
    start = sentence.index("details")
    assert not _inside_address(sentence, start, start + len("details"))


def test_padding_nouns_before_a_determiner_are_literal():
    from normalize.candidates import _REDUNDANT

    assert not _REDUNDANT.search("The level of the Caspian Sea has fallen.")
    assert not _REDUNDANT.search("a change in the course of the river")
    assert _REDUNDANT.search("the level of violence has fallen")
    assert _REDUNDANT.search("the process of the talks will continue")


def test_far_spelling_fixes_and_clitic_fragments_are_told_apart() -> None:
    lex = Lexicon({"major": 5000, "ll": 9000, "level": 800} | {w: 5000 for w in WORDS}, {})
    near = {c.replacement: c.family for c in generate("We go majorr home.", lex, families=["spelling"])}
    assert near.get("major") == "spelling:word"
    far = {c.replacement: c.family for c in generate("We go majorno home.", lex, families=["spelling"])}
    assert far.get("major") == "spelling:far"  # two edits away: a guess
    # "lvl" is one edit from "ll", a fragment of "we'll": never a correction.
    assert "ll" not in {c.replacement for c in generate("We go lvl home.", lex, families=["spelling"])}


def test_names_that_look_like_function_words_are_left_alone() -> None:
    # "To Lam" is a name, not a preposition; "A Long March-2F" keeps its article.
    assert "" not in {c.replacement for c in generate(
        "Xi said during talks with To Lam in Beijing.", Lexicon({}, {}), families=["preposition"])
        if c.start == len("Xi said during talks with ")}
    deletions = [c for c in generate("A Long March rocket lifted off.", Lexicon({}, {}), families=["article"])
                 if c.family == "article:delete"]
    assert deletions == []
    assert "article:delete" in {c.family for c in generate(
        "The rocket lifted off.", Lexicon({}, {}), families=["article"]) if c.start == 0}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("At the talks were discussed the issues of security.", "At the talks, the issues of security were discussed."),
        ("Were signed the documents on trade.", "The documents on trade were signed."),
        ("During the visit, was held the meeting of the council, he said.",
         "During the visit, the meeting of the council was held, he said."),
    ],
)
def test_inverted_subjects_are_put_back(sentence: str, expected: str) -> None:
    assert expected in rewrites(sentence, "inversion")


def test_ordinary_passives_are_not_inverted() -> None:
    assert rewrites("The plan was approved the next day.", "inversion") == set()
    assert rewrites("The issues were discussed at the talks.", "inversion") == set()


def test_an_adverb_never_lands_after_a_preposition_or_crosses_a_clause_opener() -> None:
    moved = rewrites("We plan to go partially in home.", "word-order")
    assert "We plan to go in partially home." not in moved
    assert "We plan to partially go in home." in moved
    assert "That is why precisely we go." not in rewrites("That is precisely why we go.", "word-order")


def test_the_model_does_not_judge_the_article_of_a_word_it_barely_knows() -> None:
    # "silences" is seen 10 times in the hand-made vocabulary, "sciences" 5,000.
    assert "We discussed silences." not in rewrites("We discussed the silences.", "article")
    assert "We discussed sciences." in rewrites("We discussed the sciences.", "article")
    # A word never seen is mostly a misspelling: the deletion is judged after the speller's fix.
    assert "We discussed sciencez." in rewrites("We discussed the sciencez.", "article")


def test_an_article_opening_an_amount_through_a_modifier_stays() -> None:
    # "rose a seasonally adjusted 0.7%", "a further 10 percent": wire idiom;
    # before "more than" a figure, the "a" is the translator's.
    assert "Sales rose seasonally adjusted 0.7 percent." not in rewrites("Sales rose a seasonally adjusted 0.7 percent.", "article")
    assert "The plant employs more than 500 workers." in rewrites("The plant employs a more than 500 workers.", "article")


def test_on_after_a_span_of_time_is_an_adverb() -> None:
    assert rewrites("A decade on, we go home.", "preposition") == set()
    assert "A decade in the city, we go home." in rewrites("A decade on the city, we go home.", "preposition")


def test_no_article_is_offered_before_an_opening_plural() -> None:
    # "Talks between the ministers", "Honeybees can count": generic or known.
    nouns = NounTable.from_morph(MORPH.splitlines())
    lex = Lexicon(LEX.counts, LEX.morph, frozenset({"develop", "be"}), nouns, LEX.verbs)

    def opened(sentence: str) -> set[str]:
        return {c.apply(sentence) for c in generate(sentence, lex, families=["article"]) if c.start == 0}

    assert opened("Plans go home.") == set()
    assert "The plan go home." in opened("Plan go home.")
    # a noun modifying a plural subject through a participle, before its auxiliary
    assert opened("Plan developed plans are home.") == set()
    # ... but a verb and its object: the subject is bare ("Ministry condemned attacks carried out")
    assert "The plan developed plans developed at home." in opened("Plan developed plans developed at home.")
    # a plural head before a word that may be its verb ("Power outages hit")
    from normalize.predicates import VerbForms

    verbs = VerbForms.from_morph((MORPH + "VERB\tVB=plan VBD=planned VBP=plan VBZ=plans\n").splitlines())
    lex = Lexicon(LEX.counts, LEX.morph, frozenset({"develop", "be"}), nouns, verbs)
    assert opened("Plan plans plan at home.") == set()
    lex = Lexicon(LEX.counts, LEX.morph, frozenset({"develop", "be"}), nouns, LEX.verbs)
    # coordinated and hyphenated openings are generic
    assert opened("Plan and plans go home.") == set()
    assert opened("Plan-developing plans go home.") == set()


def test_companies_and_figures_open_a_sentence_bare() -> None:
    assert "The target lowered its forecast." not in rewrites("Target lowered its forecast.", "article")
    assert "The net profit rose to 5 billion." not in rewrites("Net profit rose to 5 billion.", "article")
    assert "The minister discussed the plan." in rewrites("Minister discussed the plan.", "article")


def test_padding_and_repeats_that_are_not_redundant_stay() -> None:
    # "held talks at the level of deputy ministers": a rank, not padding.
    assert rewrites("We met at the level of deputy ministers.", "redundancy") == set()
    assert rewrites("We met on the level of deputy ministers.", "redundancy") == set()
    assert "We raised cooperation." in rewrites("We raised the level of cooperation.", "redundancy")
    # "in the process of absorbing" means "while absorbing"; a doubled rare word is a name
    # or a Latin binomial ("Cricetus cricetus"), not a slip.
    assert rewrites("We go home in the process of developing the plan.", "redundancy") == set()
    assert "We discussed the implementation." in rewrites("We discussed the process of the implementation.", "redundancy")
    assert rewrites("We go to Silences silences.", "redundancy") == set()


def test_adverbs_do_not_cross_a_coordinator_and_adjectives_in_ly_stay() -> None:
    moved = rewrites("We already and go home.", "word-order")
    assert "We and already go home." not in moved and "We and go already home." not in moved
    assert rewrites("We plan unlikely sciences.", "word-order") == set()


def test_prepositions_inside_a_hyphenated_compound_stay() -> None:
    found = rewrites("We go home in a day-by-day plan.", "preposition")
    assert "We go home to a day-by-day plan." in found  # the free "in" is still judged
    assert all("day-by-day" in r for r in found)
    assert all("state-of-the-art" in r for r in rewrites("We go home with a state-of-the-art plan.", "article"))


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The camera was moved in about 1977.", "about"),
        ("It grew by about a factor of three.", "about"),
        ("Over 300 people came to the square.", "Over"),
        ("They spent about $5 million on roads.", "about"),
        ("It fell by over a third in a year.", "over"),
        ("It sold over half of its shares.", "over"),
    ],
)
def test_an_approximation_before_a_quantity_is_kept(sentence: str, word: str) -> None:
    # Deleting or swapping it would change the figure the reader is given.
    assert all(word in r for r in rewrites(sentence, "preposition"))


def test_about_before_a_noun_is_still_judged() -> None:
    found = rewrites("They discussed about the new plan.", "preposition")
    assert "They discussed the new plan." in found and "They discussed on the new plan." in found


def test_equally_common_corrections_come_in_a_fixed_order() -> None:
    # Ties broken by the set of one-edit words' hash order made the pool (and
    # so, rarely, the output) change from run to run.
    from normalize.candidates import _corrections

    near = ["bat", "cat", "eat", "fat", "hat", "mat", "oat", "pat", "rat", "sat"]
    lex = Lexicon({w: 50 for w in near} | {"vat": 900}, {})
    assert _corrections("tat", lex, limit=6) == (
        ("vat", 1), ("bat", 1), ("cat", 1), ("eat", 1), ("fat", 1), ("hat", 1))


def test_an_adverb_between_a_modal_and_be_or_have_stays() -> None:
    # "can partly be explained" is the adverb's ordinary place; only moves elsewhere are judged.
    moved = rewrites("It can partially be go home.", "word-order")
    assert "It can be partially go home." not in moved and "It can be go partially home." not in moved
    assert "It partially can be go home." not in moved and "Partially it can be go home." not in moved
    assert rewrites("We would also go home.", "word-order") == set()  # not "would go also", "also would go"
    assert "We go home partially." in rewrites("We go partially home.", "word-order")


def test_commas_between_repeated_words_stay() -> None:
    deleted = rewrites("We go, go, go home.", "comma")
    assert "We go go, go home." not in deleted and "We go, go go home." not in deleted
    assert "We go home and stay." in rewrites("We go home, and stay.", "comma")


def test_a_serial_comma_and_a_parenthetical_comma_stay() -> None:
    assert "We go home, plan and stay." not in rewrites("We go home, plan, and stay.", "comma")
    # a comma after a preposition stays where it opens an interruption ("Despite,
    # or perhaps because of, its size"), not elsewhere ("born in, 1956")
    assert "We go despite or plan home." not in rewrites("We go despite, or plan home.", "comma")
    assert "We go in 1956 home." in rewrites("We go in, 1956 home.", "comma")
    # the serial comma needs a list item before it, not an opening phrase
    assert "Home, we go to plan and stay." in rewrites("Home, we go to plan, and stay.", "comma")


def test_a_preposition_is_deleted_only_with_the_space_after_it() -> None:
    # "History_of_UA" tokenised: "of" and "UA" have an underscore between them.
    assert "History _ UA" not in " ".join(rewrites("We go to History _ of _ UA home.", "preposition"))
    assert "We discussed the plan." in rewrites("We discussed about the plan.", "preposition")


def test_grammatical_repeats_stay() -> None:
    # "had had" is the past perfect of "have", "that that" a conjunction and a pronoun.
    assert rewrites("We had had the plan.", "redundancy") == set()
    assert rewrites("We said that that plan go home.", "redundancy") == set()
    assert rewrites("We know what is going on on home.", "redundancy") == set()
    assert rewrites("It cost her her home.", "redundancy") == set()
    assert "We go home." in rewrites("We go go home.", "redundancy")
    assert rewrites("We go to Go Go home.", "redundancy") == set()  # a capitalised repeat is a name


def test_a_progressive_is_not_taken_for_a_broken_passive() -> None:
    lex = _lexicon_with("VERB\tVB=adopt VBD=adopted VBG=adopting VBN=adopted VBP=adopt VBZ=adopts\n", "adopting adopted")
    families = {c.family for c in generate("They are adopting the plan.", lex, families=["morphology"]) if c.replacement == "adopted"}
    assert families and "morphology:participle" not in families  # "are adopting" is grammatical
    by = {c.family for c in generate("The plan was adopting by them.", lex, families=["morphology"]) if c.replacement == "adopted"}
    assert by == {"morphology:participle"}  # "was adopting by" is a broken passive


def _lexicon_with(morph: str, words: str) -> Lexicon:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vocab = [f"{w}\t5000" for w in WORDS + words.split()]
        (folder / "vocab.tsv").write_text("\n".join(vocab) + "\n", encoding="utf-8")
        (folder / "morph.tsv").write_text(MORPH + morph, encoding="utf-8")
        return Lexicon.load(folder)


def test_an_adverb_does_not_leave_a_split_infinitive_leftwards() -> None:
    moved = rewrites("We plan to partially go home.", "word-order")
    assert "We plan partially to go home." not in moved and "We partially plan to go home." not in moved
    assert "We plan to go partially home." in moved  # rightwards it stays with its verb


def test_two_participles_of_one_verb_are_not_morphology_candidates() -> None:
    lex = _lexicon_with("VERB\tVB=bear VBD=bore VBN=born VBN=borne VBZ=bears\n", "bear bore born borne bears")
    assert "born" not in {c.replacement for c in generate("Seeds may be borne there.", lex, families=["morphology"])}
    assert "bore" in {c.replacement for c in generate("Seeds may be borne there.", lex, families=["morphology"])}



def test_no_article_before_an_infinitive_with_its_object() -> None:
    inserted = rewrites("We plan to develop the sciences.", "article")
    assert "We plan to the develop the sciences." not in inserted
    # "that" after it opens a relative clause: "develop" may be a noun there.
    assert "We go to the develop that we plan." in rewrites("We go to develop that we plan.", "article")
    assert "We go to the home." in rewrites("We go to home.", "article")


def test_an_ing_form_after_a_prepositional_to_is_kept() -> None:
    assert "We are committed to develop the plan." not in rewrites("We are committed to developing the plan.", "morphology")
    assert "We want to develop the plan." in rewrites("We want to developing the plan.", "morphology")


def test_an_ing_form_after_a_prepositional_to_past_an_object_or_in_a_pair_is_kept() -> None:
    # native copy where the model wrote "to end" and "to continue"
    assert "They devoted their lives to develop the plan." not in rewrites(
        "They devoted their lives to developing the plan.", "morphology"
    )
    paired = "We look forward to developing the plan and to developing the sciences."
    assert "We look forward to developing the plan and to develop the sciences." not in rewrites(paired, "morphology")
    # neither governor nor pair: the infinitive is offered
    assert "We plan and to develop the sciences." in rewrites("We plan and to developing the sciences.", "morphology")


def test_no_article_edit_on_a_designation_letter_or_a_capital_after_a_dateline() -> None:
    # "a KC-30A tanker": the "A" is glued to the figure; "NEW YORK — A judge": an opening
    assert not [c for c in generate("We sent a KC-30A plan to the sciences.", LEX, families=["article"]) if c.start == 15]
    assert not [
        c for c in generate("NEW YORK \u2014 A plan was made.", LEX, families=["article"]) if c.replacement == ""
    ]


def test_no_model_edit_inside_a_short_quoted_phrase() -> None:
    quoted = 'He called it "a develop plan" for the sciences.'
    assert not [c for c in generate(quoted, LEX) if 13 <= c.start < 29]
    assert [c for c in generate('He called it a develop plan for the sciences.', LEX) if 13 <= c.start < 27]


def test_an_ing_form_after_a_reflexive_or_lead_to_is_kept() -> None:
    assert "We committed ourselves to develop the plan." not in rewrites(
        "We committed ourselves to developing the plan.", "morphology"
    )
    assert "It leads to develop the plan." not in rewrites("It leads to developing the plan.", "morphology")


def test_to_before_a_finite_verb_or_a_plural_noun_is_not_an_infinitive() -> None:
    # "the people they were talking to were ...": "to" closes the clause.
    assert "The plans we go to be home." not in rewrites("The plans we go to were home.", "morphology")
    # "burners to plans built": a plural noun after "to", not a verb in -s.
    verb = "VERB\tVB=plan VBD=planned VBG=planning VBP=plan VBZ=plans\n"
    base = _lexicon_with(verb, "planned planning")
    nouns = NounTable.from_morph((MORPH + verb).splitlines())
    lex = Lexicon(base.counts, base.morph, frozenset({"plan", "develop", "be"}), nouns, base.verbs)
    after_noun = {c.apply("We go to plans developed at home.") for c in generate("We go to plans developed at home.", lex, families=["morphology"])}
    assert "We go to plan developed at home." not in after_noun
    after_verb = {c.apply("We want to plans the home.") for c in generate("We want to plans the home.", lex, families=["morphology"])}
    assert "We want to plan the home." in after_verb


def test_a_regular_participle_after_be_is_not_swapped_as_a_participle() -> None:
    lex = _lexicon_with("VERB\tVB=pet VBD=petted VBG=petting VBP=pet VBZ=pets\n", "pet petted petting pets")
    families = {c.family for c in generate("They like to be petted.", lex, families=["morphology"]) if c.replacement == "pet"}
    assert "morphology:participle" not in families


def test_adverbs_stay_after_a_coordinator_and_never_open_the_sentence() -> None:
    assert rewrites("We go home and also develop the plan.", "word-order") & {
        "We go home and develop also the plan.", "We go home and develop the also plan."
    } == set()
    assert "Already we go home." not in rewrites("We go already home.", "word-order")


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("We discussed the Course of Sciences.", True),  # a title
        ("We set the course of sciences.", True),  # a direction, not a period
        ("We did not go home during the course of sciences.", False),
        ("Hatred rose to the level of sciences.", True),  # a degree
        ("We aim for the level of sciences.", True),
        ("We discussed the level of sciences.", False),
        ("We said ha ha ha.", True),
        ("We ensure timely carrying out of the plan.", True),  # "timely" needs its noun
        ("We ensure carrying out of the plan.", False),
        # "within the framework of" is padding; "a disregard for the framework of" is not
        ("We go home within the framework of sciences.", False),
        ("We showed disregard for the framework of sciences.", True),
    ],
)
def test_redundancy_keeps_titles_directions_degrees_and_laughter(sentence: str, kept: bool) -> None:
    assert (rewrites(sentence, "redundancy") == set()) is kept


def test_in_the_period_before_a_year_keeps_its_preposition() -> None:
    assert rewrites("We discussed the plan in the period 1987 to 1993.", "redundancy") == {
        "We discussed the plan in 1987 to 1993."
    }
    assert rewrites("We discussed the plan in the period from 1987.", "redundancy") == {
        "We discussed the plan from 1987."
    }
    assert rewrites("In the period from 1987, we discussed the plan.", "redundancy") == {
        "From 1987, we discussed the plan."
    }
    assert rewrites("We go home in the period of sciences.", "redundancy") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "(go home.", "[go] home.", "iPlan home.", "f go home.",
        # keys, labels and list items, not sentences
        '"go": "home",', "go: home", "go home;", "go-home plan",
    ],
)
def test_first_words_in_brackets_camel_case_or_single_letters_keep_their_case(sentence: str) -> None:
    assert rewrites(sentence, "capitalisation") == set()


def test_a_capitalised_article_inside_a_sentence_is_part_of_a_name() -> None:
    assert rewrites("We go to plan A and home.", "article") & {"We go to plan and home."} == set()
    assert "We go to the home." in rewrites("We go to a home.", "article")
    assert "WE GO TO HOME." in rewrites("WE GO TO THE HOME.", "article")  # a headline in capitals


def test_before_a_name_only_a_or_an_is_judged() -> None:
    """Which article a name-modified noun takes ("an Oilers practice") is not
    the model's call; "a Italian" -> "an Italian" still is."""
    found = rewrites("We go to a Home plan.", "article")
    assert "We go to the Home plan." not in found
    assert "We go to an Italian plan." in rewrites("We go to a Italian plan.", "article")
    assert "We go to a home." in rewrites("We go to the home.", "article")


def test_a_subjunctive_be_is_not_inflected() -> None:
    assert "We said that the plans were home." not in rewrites("We said that the plans be home.", "morphology")
    assert "The plans were home." in rewrites("The plans be home.", "morphology")


def test_an_ing_form_closing_a_from_to_range_stays() -> None:
    found = {c.replacement for c in generate("We go from plans to developing the home.", LEX, families=["morphology"])}
    assert "develop" not in found
    assert "develop" in {c.replacement for c in generate("We plan to developing the home.", LEX, families=["morphology"])}
    # "from" naming where people come from, and a verb before "to": an infinitive
    found = {c.replacement for c in generate("Plans from home developed to developing the sciences.", LEX, families=["morphology"])}
    assert "develop" in found


def test_between_with_its_and_stays() -> None:
    assert rewrites("We go between the sciences and home.", "preposition") == set()
    assert "We go in the sciences." in rewrites("We go between the sciences.", "preposition")
    # "on" heading a fixed phrase: "arrested on treason charges"
    assert rewrites("We go home on plan charges.", "preposition") == set()
    assert rewrites("We go home on charge of plans.", "preposition") != set()  # "in charge of"
    # an "and" after a comma belongs to another phrase
    assert rewrites("We go, between plans, home and away.", "preposition") != set()


def test_a_preposition_chosen_by_the_verb_before_its_object_stays() -> None:
    assert rewrites("We associate the plan with home.", "preposition") == set()
    assert rewrites("We protected the plan from sciences.", "preposition") == set()
    assert "We go with home." in rewrites("We go to home.", "preposition")


def test_the_rare_plural_of_an_abstract_noun_is_its_own_sub_family() -> None:
    morph = "NOUN\tNN=cooperation NNS=cooperations\nNOUN\tNN=station NNS=stations\n"
    counts = {"cooperation": 1000, "cooperations": 2, "station": 1000, "stations": 300}
    nouns = NounTable.from_morph(morph.splitlines())
    lex = Lexicon(counts, _lexicon_with(morph, "").morph, frozenset(), nouns)

    def families(sentence: str) -> dict[str, str]:
        return {c.replacement: c.family for c in generate(sentence, lex, families=["morphology"])}

    assert families("They praised the cooperations in the region.")["cooperation"] == "morphology:uncountable"
    # Counted, the plural is meant: "two separate cooperations".
    assert families("They praised two separate cooperations in the region.")["cooperation"] == "morphology:number"
    # A noun whose plural is common is countable.
    assert families("They built the stations in the region.").get("station") == "morphology:number"


def test_a_modal_that_is_also_a_noun_needs_a_subject_before_it() -> None:
    base = _lexicon_with("", "")
    nouns = NounTable.from_morph(MORPH.splitlines())
    lex = Lexicon(base.counts, base.morph, frozenset({"plan", "develop", "be"}), nouns, base.verbs)

    def modal(sentence: str) -> bool:
        return any(c.family == "morphology:modal" for c in generate(sentence, lex, families=["morphology"]))

    assert modal("The plan will develops well.")  # "the plan" is a subject
    assert not modal("A plan will develops well.")  # "a plan will" may be a will
    assert not modal("Plan will develops well.")
    # Adjectives may stand between the determiner and the subject's noun;
    # with no noun before it, "will" is the noun ("his new will").
    assert modal("The new national plan will develops well.")
    assert not modal("His new will develops well.")
    # After adjectives only an -s form: a past form reads the modal as a noun
    # ("his strong human will kept him alive").
    assert not modal("The new national plan will developed well.")


def test_a_past_form_after_a_stranded_to_is_the_main_verb() -> None:
    """A relative clause with no "who"/"that" can end in "to" ("the people
    the aid was delivered to"); the verb after it is the sentence's own and
    keeps its past form. An infinitive "to" still takes the bare verb."""
    nouns = NounTable.from_morph((MORPH + "NOUN\tNN=plant NNS=plants\nNOUN\tNN=man NNS=men\n").splitlines())
    base = _lexicon_with("", "")
    lex = Lexicon(base.counts, base.morph, frozenset({"plan", "develop", "be"}), nouns, base.verbs)

    def bare(sentence: str) -> bool:
        return any(
            c.replacement == "develop" and c.family.startswith("morphology")
            for c in generate(sentence, lex, families=["morphology"])
        )

    assert not bare("The plant the plan was sent to developed the region.")
    assert not bare("The plant he was taken to developed the region.")
    # A capital may open the sentence or be a day ("said Monday the plan has
    # agreed to"); a "to" after a verb that takes an infinitive is one.
    assert bare("However the plan was forced to developed the region.")
    assert bare("However the plan was sent to developed the region.")  # "However" is no noun
    assert bare("The man she had been talking to agreed to developed the plan.")
    assert bare("Officials said Monday the plan has agreed to developed the region.")
    assert not bare("The plant that the plan was sent to developed the region.")  # "that" opens the clause
    assert bare("The minister was forced to developed the plan.")
    assert bare("The plant of the minister was asked to developed the plan.")  # "of the": no new subject


def test_articles_kept_before_a_superlative_or_record_and_none_before_next_month() -> None:
    assert "It's worst I've seen." not in rewrites("It's the worst I've seen.", "article")
    assert "They won it record 15 times." not in rewrites("They won it a record 15 times.", "article")
    assert "He stayed until the next month." not in rewrites("He stayed until next month.", "article")
    assert "It was hit by the last month's floods." not in rewrites("It was hit by last month's floods.", "article")
    assert "He stayed until the last week of June." in rewrites("He stayed until last week of June.", "article")
    # ... but other articles are still judged there:
    assert "They won title." in rewrites("They won the title.", "article")
    assert "He stayed until the end." in rewrites("He stayed until end.", "article")


def test_no_article_for_a_label_before_a_colon() -> None:
    # "Headline: Oil prices rise" is a label, not a noun that lost its article.
    assert not any(r.startswith(("The headline", "A headline")) for r in rewrites("Headline: we plan to go home.", "article"))
    assert any(r.startswith("The plan") for r in rewrites("Plan said we would go home.", "article"))


def test_a_past_narrative_keeps_its_past_be(shipped_lexicon: Lexicon) -> None:
    narrative = "When heraldry developed in the Middle Ages, not much was known about the dolphin."
    present = "The situation in the region was stable now, the minister says."
    assert not [c for c in generate(narrative, shipped_lexicon, families=["morphology"]) if c.replacement == "is"]
    assert [c for c in generate(present, shipped_lexicon, families=["morphology"]) if c.replacement == "is"]


def test_no_second_article_inside_a_phrase_and_no_preposition_swap_before_an_end_year(shipped_lexicon: Lexicon) -> None:
    # "the newly created position" has its article; "through 1807" is an end date.
    sentence = "Washington nominated Hopkinson to the newly created position of judge in the slave trade through 1807."
    at = sentence.index("position")
    inserted = [c for c in generate(sentence, shipped_lexicon, families=["article", "object"]) if c.start == at and c.start == c.end]
    assert not inserted
    through = sentence.index("through")
    assert not [c for c in generate(sentence, shipped_lexicon, families=["preposition"]) if c.start == through]


def test_a_name_after_a_determiner_and_its_modifiers_gets_no_second_article_and_aid_to_is_a_preposition(
    shipped_lexicon: Lexicon,
) -> None:
    # "a separate Supreme Court" is a new court, not the name; "an aid to calculating" keeps its -ing.
    separate = "They voted for an entirely appointed House of Lords."
    assert not [c for c in generate(separate, shipped_lexicon, families=["name"]) if c.family == "article:name"]
    bare = "They voted for House of Lords."
    assert [c for c in generate(bare, shipped_lexicon, families=["name"]) if c.family == "article:name"]
    aid = "Markers were moved on the cloth as an aid to calculating sums."
    assert not [c for c in generate(aid, shipped_lexicon, families=["morphology"]) if c.replacement == "calculate"]


def test_participles_after_a_head_inversions_with_to_and_reporting_participles_are_read(shipped_lexicon: Lexicon) -> None:
    # "given for" follows the head "figures"; "To this is added X" inverts; "refused saying that" lost a comma.
    figures = "According to historians, participation figures given for the underground resistance are often inflated."
    assert not [c for c in generate(figures, shipped_lexicon, families=["agreement"]) if c.replacement == "is"]
    added = "To this is added the belief that grace enables believers to ascend."
    assert not [c for c in generate(added, shipped_lexicon, families=["predicate"]) if c.replacement == "adds"]
    saying = "When asked to start making laws he refused saying that the state was corrupt."
    assert not [c for c in generate(saying, shipped_lexicon, families=["predicate"]) if c.replacement == "to say"]
    assert [c for c in generate("He refused signing the agreement.", shipped_lexicon, families=["predicate"]) if c.replacement == "to sign"]


def test_at_last_is_an_idiom_not_a_bare_noun(shipped_lexicon: Lexicon) -> None:
    sentence = "Free at last of the burden of debt, the company expanded rapidly."
    assert not [c for c in generate(sentence, shipped_lexicon) if "at the last" in c.apply(sentence)]
    # "at the last minute" still gets its article when it lost it
    other = "The deal was saved at last minute by the mediators."
    assert [c for c in generate(other, shipped_lexicon, families=["article"]) if "at the last minute" in c.apply(other)]
