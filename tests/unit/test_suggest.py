"""Suggested level: cues (STAR, past vs hypothetical, ownership), declines, unseen questions, scales."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from screening.banks import Anchor, Exemplar, InterviewQuestion
from screening.suggest.cues import cues, repetition
from screening.suggest.features import AnchorSpec, ExemplarSpec, Scale
from screening.suggest.model import load_model
from screening.suggest.predict import (
    NOTE_OFF_TOPIC,
    REASON_OFF_TOPIC,
    REASON_OUT_OF_DOMAIN,
    REASON_REPETITIVE,
    REASON_TOO_SHORT,
    Suggestion,
    decide,
    suggest_for_question,
    suggest_level,
)
from screening.text import Text, TextList

# --- a question that is in no bank: its anchors are written here ------------------------------

PROMPT = {
    "en": "Tell me about a time you had to hand a customer's case over to another team. How did you make sure "
          "nothing got lost?",
    "fr": "Racontez-moi une fois où vous avez dû transmettre le dossier d'un client à une autre équipe. Comment "
          "vous êtes-vous assuré(e) que rien ne se perde ?",
}
ANCHORS = {
    "en": [
        AnchorSpec(1, "No real handover example, or the case was passed on and forgotten; blames the other team.",
                   ("Passes the case on without any note", "Blames the other team for delays",
                    "Never checks what happened next")),
        AnchorSpec(3, "A real handover with a clear note to the other team, but no follow-up with the customer.",
                   ("Writes a clear handover note", "Tells the customer who will call back",
                    "Does not follow the case afterwards")),
        AnchorSpec(5, "A real handover the candidate owned end to end: complete handover note, the customer told "
                      "what happens next and when, follow-up until the case was closed.",
                   ("Writes a complete handover note so the customer does not repeat anything",
                    "Tells the customer what happens next and when",
                    "Follows up with the other team and the customer until the case is closed")),
    ],
    "fr": [
        AnchorSpec(1, "Pas de vrai exemple de transmission, ou le dossier a été transmis puis oublié ; rejette la "
                      "faute sur l'autre équipe.",
                   ("Transmet le dossier sans aucune note", "Reproche les retards à l'autre équipe",
                    "Ne vérifie jamais la suite")),
        AnchorSpec(3, "Une vraie transmission avec une note claire à l'autre équipe, mais sans suivi auprès du "
                      "client.",
                   ("Rédige une note de transmission claire", "Dit au client qui va le rappeler",
                    "Ne suit pas le dossier ensuite")),
        AnchorSpec(5, "Une vraie transmission portée de bout en bout : note de transmission complète, client "
                      "informé de la suite et du délai, suivi jusqu'à la clôture du dossier.",
                   ("Rédige une note de transmission complète pour que le client n'ait rien à répéter",
                    "Dit au client ce qui va se passer et quand",
                    "Relance l'autre équipe et le client jusqu'à la clôture du dossier")),
    ],
}
RUBRIC_ECHO = {
    "en": "I always own the handover end to end. I write a complete handover note so the customer does not "
          "repeat anything, I tell the customer what happens next and when, and I follow up with the other team "
          "and the customer until the case is closed. A complete handover note and follow-up are essential to "
          "make sure nothing gets lost.",
    "fr": "Je porte toujours la transmission de bout en bout. Je rédige une note de transmission complète pour "
          "que le client n'ait rien à répéter, je dis au client ce qui va se passer et quand, et je relance "
          "l'autre équipe et le client jusqu'à la clôture du dossier. Une note complète et un suivi sont "
          "essentiels pour que rien ne se perde.",
}
PLAIN_STRONG = {
    "en": "Last spring a man rang because his internet had been down for four days. The fault was on the line, "
          "so only the field engineers could fix it. I put everything in the ticket: his router model, the tests "
          "we'd already done and that he works from home, so nobody would ask him again. I told him an engineer "
          "would ring him by Thursday noon. Thursday morning I checked the ticket, saw nobody had picked it up, "
          "and called the engineers' desk myself. They booked him for the afternoon. I rang him that evening, "
          "it was working, and he said it was the first time someone actually called him back.",
    "fr": "Au mois de mars, une dame m'a appelée parce que sa box ne marchait plus depuis quatre jours. La "
          "panne venait de la ligne, donc seuls les techniciens pouvaient intervenir. J'ai tout noté dans le "
          "ticket : le modèle de sa box, les tests déjà faits et le fait qu'elle télétravaille, pour qu'on ne "
          "lui redemande rien. Je lui ai dit qu'un technicien la rappellerait avant jeudi midi. Jeudi matin, "
          "j'ai regardé le ticket, personne ne l'avait pris, alors j'ai appelé moi-même le plateau technique. "
          "Ils sont passés l'après-midi. Je l'ai rappelée le soir, ça marchait, et elle m'a dit que c'était la "
          "première fois qu'on la rappelait vraiment.",
}
OFF_TOPIC = {
    "en": "My favourite hobby is cooking on weekends, especially Italian food. I love making fresh pasta and "
          "lasagne, and I often invite friends over to share a meal and play board games until late at night.",
    "fr": "Mon loisir préféré, c'est la cuisine le week-end, surtout italienne. J'adore faire des pâtes fraîches "
          "et des lasagnes, et j'invite souvent des amis à partager un repas et à jouer à des jeux de société "
          "jusque tard le soir.",
}


def _suggest(answer: str, lang: str, **kw) -> Suggestion:
    return suggest_level(answer, prompt=PROMPT[lang], kind="behavioural", language=lang, anchors=ANCHORS[lang],
                         **kw)


@pytest.fixture(scope="module", autouse=True)
def _model():
    load_model()  # the shipped model; fails loudly when it is missing


# --- STAR parts -------------------------------------------------------------------------------------

def test_star_parts_en():
    story = ("Last year at my previous job a customer called because her parcel was lost. My job was to get it "
             "to her before the weekend. I checked the tracking, I called the courier and I offered a "
             "replacement. In the end she thanked me and renewed her subscription.")
    assert cues(story, "en").star_parts == ("situation", "task", "action", "result")
    generic = "Customers always want to be heard. It is important to stay calm and be polite with everyone."
    assert cues(generic, "en").star_parts == ()


def test_star_parts_fr():
    story = ("L'année dernière, quand je travaillais chez un opérateur, une cliente m'a appelée car sa box ne "
             "marchait plus. Je devais lui trouver une solution avant le soir. Je lui ai proposé un technicien "
             "et j'ai vérifié la ligne. Au final, elle m'a remerciée.")
    assert cues(story, "fr").star_parts == ("situation", "task", "action", "result")
    generic = "Il est important de rester calme. Les clients veulent être écoutés et respectés."
    assert cues(generic, "fr").star_parts == ()


# --- past example vs hypothetical -------------------------------------------------------------------

PAST_VS_HYPOTHETICAL = [
    ("en",
     ("Two years ago a customer wrote to us about a double charge. I checked his account, I refunded him and I "
      "called him back the next day."),
     ("I would check the account and I would refund the customer. If he is still angry I would call him back the "
      "next day.")),
    ("fr",
     ("Il y a deux ans, un client nous a écrit pour un double prélèvement. J'ai vérifié son compte, je l'ai "
      "remboursé et je l'ai rappelé le lendemain."),
     ("Je vérifierais le compte et je rembourserais le client. S'il est encore fâché, je le rappellerais le "
      "lendemain.")),
]


@pytest.mark.parametrize(("lang", "past", "hypothetical"), PAST_VS_HYPOTHETICAL)
def test_past_example_vs_hypothetical(lang, past, hypothetical):
    assert cues(past, lang).past_example is True
    assert cues(hypothetical, lang).past_example is False
    assert _suggest(past, lang).evidence.past_example is True
    assert _suggest(hypothetical, lang).evidence.past_example is False


# --- ownership --------------------------------------------------------------------------------------

OWN_VS_OTHERS = [
    ("en",
     "I noticed the order was late, so I called the warehouse, I rebooked the delivery and I told the customer myself.",
     "My colleague never answered the emails and the manager didn't help. They didn't care, it was not my fault."),
    ("fr",
     ("J'ai vu que la commande était en retard, alors j'ai appelé l'entrepôt, j'ai reprogrammé la livraison et j'ai "
      "prévenu la cliente moi-même."),
     ("Mon collègue n'a jamais répondu aux mails et la direction ne nous a pas aidés. C'est leur faute, pas ma "
      "faute.")),
]


@pytest.mark.parametrize(("lang", "own", "others"), OWN_VS_OTHERS)
def test_ownership_own_vs_others(lang, own, others):
    assert cues(own, lang).ownership == "own"
    assert cues(others, lang).ownership == "others"


# --- declines -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_private_life_is_declined_as_not_about_the_work(lang):
    s = _suggest(OFF_TOPIC[lang], lang)
    assert s.level is None and s.reason == REASON_OUT_OF_DOMAIN


SYSTEMIC = {
    "en": "Honestly I think companies should hire more staff instead of making advisers do everything. Where I "
          "worked there were never enough people, the software was old and the managers kept changing the "
          "scripts every week, so customers waited forever. That is what really needs to change.",
    "fr": "Franchement, je pense que les entreprises devraient embaucher plus de monde au lieu de demander aux "
          "conseillers de tout faire. Là où je travaillais, il n'y avait jamais assez de personnel, le logiciel "
          "était vieux et les managers changeaient les scripts chaque semaine, donc les clients attendaient des "
          "heures. C'est ça qu'il faut changer.",
}


def test_answer_about_the_work_but_not_the_question_is_rated_lowest():
    """About the work (so not out of domain), but not an answer to the question: the lowest level, which is
    what raters give it."""
    for lang in ("en", "fr"):
        got = _suggest(SYSTEMIC[lang], lang)
        assert (got.level, got.reason) == (1, None), lang


def test_an_off_topic_answer_is_declined_only_when_its_level_would_credit_it():
    """With the off-topic classifier at its threshold (a threshold of 0 reaches every answer about the work): a
    strong answer, which the level would credit, is declined; an answer already at the lowest level keeps it, with
    the note saying why; above a probability of 1 nothing is flagged."""
    model = load_model()
    flag_all = replace(model, offtopic_threshold=0.0)
    assert _suggest(PLAIN_STRONG["en"], "en").level >= 4
    strong = _suggest(PLAIN_STRONG["en"], "en", model=flag_all)
    assert (strong.level, strong.reason, strong.note) == (None, REASON_OFF_TOPIC, None)
    lowest = _suggest(SYSTEMIC["en"], "en", model=flag_all)
    assert (lowest.level, lowest.reason, lowest.note) == (1, None, NOTE_OFF_TOPIC)
    kept = _suggest(SYSTEMIC["en"], "en", model=replace(model, offtopic_threshold=1.01))
    assert (kept.level, kept.reason, kept.note) == (1, None, None)


class _FlaggedScores:
    """A model whose every answer is about the work, flagged off-topic, at 0.1 of its scale."""

    feature_names = ("domain",)
    domain_threshold = 0.0
    offtopic_threshold = 0.5

    def scores(self, x, vecs, kinds):
        n = len(x)
        return np.full(n, 0.1), np.full(n, 0.9), np.full(n, 0.99)


def test_the_lowest_level_is_the_lowest_step_of_each_items_scale():
    """0.1 of the scale is the lowest step of 1-5 (1.4 rounds to 1) but a 1 on 0-10, which gives credit: the
    first keeps its level with the note, the second is declined."""
    got = decide(_FlaggedScores(), np.ones((2, 1)), np.zeros((2, 3)), ["behavioural"] * 2,
                 [Scale(1, 5), Scale(0, 10)])
    assert [(d.level, d.reason, d.note) for d in got] == [(0.1, None, NOTE_OFF_TOPIC), (None, REASON_OFF_TOPIC, None)]


@pytest.mark.parametrize(("lang", "answer"), [("en", "Yes, I did that once, it went fine."),
                                         ("fr", "Oui, ça m'est arrivé, ça s'est bien passé.")])
def test_too_short_declines_with_reason(lang, answer):
    s = _suggest(answer, lang)
    assert s.level is None and s.reason == REASON_TOO_SHORT
    assert s.evidence.closest_anchor in {1, 3, 5}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_story_pasted_many_times_is_declined_as_repetitive(lang):
    once = _suggest(PLAIN_STRONG[lang], lang)
    pasted = _suggest(" ".join([PLAIN_STRONG[lang]] * 4), lang)
    assert once.level is not None and once.level >= 4, once
    assert pasted.level is None and pasted.reason == REASON_REPETITIVE, pasted
    assert pasted.evidence.past_example  # the evidence is still shown to the rater


def test_repetition_share():
    assert repetition(PLAIN_STRONG["en"]) == 0.0
    assert 0.45 <= repetition(" ".join([PLAIN_STRONG["en"]] * 2)) <= 0.55
    assert repetition(" ".join([PLAIN_STRONG["fr"]] * 4)) >= 0.7
    assert repetition("too short") == 0.0


# --- coached vs plain-spoken, on a question no bank holds -----------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_rubric_echo_scores_below_plain_strong_on_unseen_question(lang):
    echo = _suggest(RUBRIC_ECHO[lang], lang)
    plain = _suggest(PLAIN_STRONG[lang], lang)
    assert plain.level is not None and plain.level >= 4, plain
    assert echo.level is None or echo.level <= 2, echo
    assert plain.evidence.past_example and not echo.evidence.past_example
    assert {"situation", "action", "result"} <= set(plain.evidence.star_parts)
    assert len(echo.evidence.indicators_matched) > len(plain.evidence.indicators_matched)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_exemplars_as_input(lang):
    exemplars = [ExemplarSpec(5, PLAIN_STRONG[lang]), ExemplarSpec(1, RUBRIC_ECHO[lang])]
    s = _suggest(PLAIN_STRONG[lang] + " " + ("That's it." if lang == "en" else "Voilà."), lang, exemplars=exemplars)
    assert s.level is not None and s.level >= 4


# --- scales ---------------------------------------------------------------------------------------------

def test_scale_mapping_rounds_to_whole_steps():
    ten = Scale(0, 10)
    assert ten.norm(5) == 0.5 and ten.level(0.5) == 5 and ten.level(0.04) == 0 and ten.level(0.97) == 10
    assert isinstance(Scale(1, 5).level(0.6), int) and Scale(1, 5).level(0.6) == 3
    assert Scale(1, 5).level(1.7) == 5 and Scale(1, 5).level(-1) == 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_same_answer_same_place_on_a_0_10_scale(lang):
    anchors10 = [AnchorSpec(0 if a.level == 1 else 5 if a.level == 3 else 10, a.text, a.indicators)
                 for a in ANCHORS[lang]]
    on5 = _suggest(PLAIN_STRONG[lang], lang)
    on10 = suggest_level(PLAIN_STRONG[lang], prompt=PROMPT[lang], kind="behavioural", language=lang,
                         anchors=anchors10, scale=(0, 10))
    assert isinstance(on10.level, int) and 0 <= on10.level <= 10 and on10.level >= 7
    # the same normalised level, each rounded to its own scale's step (at most 1/8 and 1/20 away)
    assert abs((on5.level - 1) / 4 - on10.level / 10) <= 1 / 8 + 1 / 20 + 1e-9
    assert on10.evidence.closest_anchor in {0, 5, 10}


# --- a bank question ----------------------------------------------------------------------------------------

def test_suggest_for_question_uses_the_language():
    q = InterviewQuestion(
        id="test.unseen.handover", version=1, skills=("problem_solving",), kind="behavioural",
        prompt=Text(PROMPT["en"], PROMPT["fr"]), probes=TextList((), ()),
        anchors=tuple(Anchor(int(en.level), Text(en.text, fr.text), TextList(en.indicators, fr.indicators))
                      for en, fr in zip(ANCHORS["en"], ANCHORS["fr"], strict=True)),
        exemplars=(Exemplar("fr1", "fr", 5, "plain_strong", "t", PLAIN_STRONG["fr"]),
                   Exemplar("en1", "en", 1, "rubric_echo", "t", RUBRIC_ECHO["en"])),
        source="test")
    fr = suggest_for_question(q, PLAIN_STRONG["fr"], "fr")
    assert fr.level is not None and fr.level >= 4
    assert all(i in ANCHORS["fr"][2].indicators + ANCHORS["fr"][1].indicators + ANCHORS["fr"][0].indicators
               for i in fr.evidence.indicators_matched)
    assert suggest_for_question(q, OFF_TOPIC["en"], "en").reason == REASON_OUT_OF_DOMAIN


def test_model_is_stale_when_missing_or_trained_on_other_exemplars(tmp_path):
    from screening.banks import Bank
    from screening.suggest.model import model_is_stale

    assert model_is_stale(Bank(), tmp_path)  # no model file there
    assert model_is_stale(Bank())  # the shipped model was trained on the banks, not on nothing


def test_the_loaded_model_leaves_the_trees_one_openmp_thread():
    """Two thread pools sized to the cores fight over them (a suggestion took four times as long)."""
    from threadpoolctl import threadpool_info

    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "openmp"] == [1]
