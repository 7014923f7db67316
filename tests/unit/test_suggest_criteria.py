"""The criterion detectors: their labelled sentences (format, clear errors), what they read in sentences they
never saw (in EN and FR), how an answer's evidence is pooled, and the model going stale when the sentences
change."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from screening.suggest import criteria as cr
from screening.suggest.embedder import get_embedder
from screening.suggest.model import load_model

# pairs of new sentences (in no file): the first shows the criterion, the second is its hard twin
TWINS = {
    "over_promising": {
        "en": ("Don't worry, I told him, the replacement will definitely be at your door tomorrow, I guarantee it.",
               "I told him I couldn't promise a date yet, but I'd chase the warehouse and call him back at four."),
        "fr": ("Je lui ai assuré que le remboursement serait sur son compte demain matin, c'était certain.",
               "Je lui ai dit que je ne pouvais pas promettre de date, mais que je relançais le service et la "
               "rappelais à seize heures."),
    },
    "blame_others": {
        "en": ("Honestly the mess was all the warehouse's fault, they never check anything and I was left to "
               "pick up the pieces.",
               "The warehouse had sent the wrong model, so I booked the exchange myself and told her the date."),
        "fr": ("Franchement, c'était entièrement la faute du transporteur, ils ne font jamais attention et c'est "
               "moi qui ai dû tout encaisser.",
               "Le transporteur s'était trompé d'adresse, alors j'ai fait réexpédier le colis moi-même et je l'ai "
               "prévenue."),
    },
    "we_not_i": {
        "en": ("We all got together and we sorted it out in the end, it was a real team effort.",
               "I pulled the five complaints together and showed my team lead that they all came from one form."),
        "fr": ("On s'est tous réunis et on a fini par trouver une solution ensemble, c'était un vrai travail "
               "d'équipe.",
               "J'ai rassemblé les cinq réclamations et j'ai montré à ma responsable qu'elles venaient toutes du "
               "même formulaire."),
    },
    "outcome_stated": {
        "en": ("She wrote back the next morning to say the card had arrived and thanked us for the call.",
               "I escalated the ticket to the card team and added a note to the file."),
        "fr": ("Il m'a rappelé le lendemain pour me dire que la carte était bien arrivée et qu'il restait client.",
               "J'ai transmis le dossier au service cartes et j'ai ajouté une note dans la fiche."),
    },
}


def test_the_shipped_sentences_cover_every_criterion_in_both_languages_with_hard_negatives():
    sentences = cr.load_sentences(cr.CRITERIA_DIR)
    counts = {(s.criterion, s.language, s.positive) for s in sentences}
    assert counts == {(c, lang, pos) for c in cr.CRITERIA for lang in ("en", "fr") for pos in (True, False)}
    for c in cr.CRITERIA:
        for lang in ("en", "fr"):
            for pos in (True, False):
                n = sum(1 for s in sentences if (s.criterion, s.language, s.positive) == (c, lang, pos))
                assert n == 30, (c, lang, pos)
    texts = [s.text for s in sentences]
    assert len(set(texts)) == len(texts)


@pytest.fixture(scope="module")
def detectors() -> cr.Detectors:
    return load_model().detectors


@pytest.mark.parametrize("criterion", sorted(TWINS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_detector_reads_the_meaning_of_a_sentence_it_never_saw(detectors, criterion, lang):
    shows, twin = TWINS[criterion][lang]
    p = detectors.probabilities(get_embedder().embed([shows, twin]))[:, cr.CRITERIA.index(criterion)]
    assert p[0] > p[1] + 0.2, p


def test_an_answers_evidence_is_its_strongest_sentence_and_its_share_of_sentences_over_one_half():
    det = cr.Detectors(np.eye(3, len(cr.CRITERIA), dtype=np.float32) * 10, np.zeros(len(cr.CRITERIA), np.float32))
    # criterion 0 shown by the first sentence of three, criterion 1 by the last, criterion 2 by none
    sents = np.array([[1.0, 0, 0], [-1.0, 0, 0], [-1.0, 1.0, 0]], dtype=np.float32)
    f = cr.criterion_features(sents, det)
    first, second = cr.CRITERIA[0], cr.CRITERIA[1]
    assert f[f"c_{first}_max"] == pytest.approx(1 / (1 + np.exp(-10)))
    assert f[f"c_{first}_share"] == pytest.approx(1 / 3)
    assert f[f"c_{second}_share"] == pytest.approx(1 / 3)
    assert f[f"c_{cr.CRITERIA[2]}_max"] == pytest.approx(0.5)  # no evidence either way
    assert cr.criterion_features(np.zeros((0, 3), np.float32), det) == dict.fromkeys(cr.FEATURE_KEYS, 0.0)


@pytest.mark.parametrize(("body", "message"), [
    ("criteria: [oops", "sentences_x.yaml: not valid YAML"),
    ("author: x\n", "sentences_x.yaml: criteria: missing"),
    ("criteria:\n  over_promissing: {}\n", "sentences_x.yaml: over_promissing: unknown criterion"),
    ("criteria:\n  over_promising: [a, b]\n",  # a list where the languages belong
     "sentences_x.yaml: over_promising: en.positive: needs a list of at least 10 sentences"),
    ("criteria:\n  over_promising:\n    en: [a, b]\n",  # a list where the two parts belong
     "sentences_x.yaml: over_promising: en.positive: needs a list of at least 10 sentences"),
    ("criteria:\n  over_promising:\n    en: {positive: [a, b], negative: [c]}\n",
     "sentences_x.yaml: over_promising: en.positive: needs a list of at least 10 sentences"),
    ("criteria:\n  over_promising:\n    en: {positive: [" + ", ".join(["a"] * 9 + ["''"]) + "], negative: []}\n",
     "sentences_x.yaml: over_promising: en.positive: every entry must be a non-empty sentence"),
])
def test_a_malformed_sentence_file_names_the_file_the_criterion_and_the_field(tmp_path, body, message):
    (tmp_path / "sentences_x.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(cr.CriteriaError, match="^" + message.replace("[", r"\[").replace(".", r"\.")):
        cr.load_sentences(tmp_path)


def test_changing_a_labelled_sentence_makes_the_model_stale(tmp_path, monkeypatch):
    from screening.banks import Bank
    from screening.suggest import model as m

    shutil.copytree(cr.CRITERIA_DIR, tmp_path / "criteria")
    monkeypatch.setattr(m, "CRITERIA_DIR", tmp_path / "criteria")
    before = m.training_hash(Bank())
    path = next((tmp_path / "criteria").glob("sentences_*.yaml"))
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("- "))
    path.write_text(text.replace(first, first + " Really.", 1), encoding="utf-8")
    assert m.training_hash(Bank()) != before
