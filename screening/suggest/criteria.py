"""Sentence detectors for the criteria raters weigh, learnt from labelled sentences rather than keyword
lists: over-promising, blame of others, hiding behind a rule, generic claims, "we" instead of "I", one's
own action, an outcome stated, a concrete step of a plan.

The sentences live in `question_banks/criteria/sentences_*.yaml`, written for this purpose (each criterion
with positives and hard negatives that share its topics but not the criterion, in EN and FR). A detector
is a logistic regression on the sentence embedding, so it reads what a sentence means, in either language.
An answer's evidence for a criterion is its strongest sentence and its share of sentences that show it:
one promise nobody can keep is enough, however long the rest of the answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from screening import REPO_DIR

CRITERIA_DIR = REPO_DIR / "question_banks" / "criteria"
CRITERIA = ("over_promising", "blame_others", "policy_shield", "generic_claim", "we_not_i", "own_action",
            "outcome_stated", "concrete_plan_step")
PARTS = ("positive", "negative")
LANGUAGES = ("en", "fr")
DETECTOR_C = 10.0
OTHER_WEIGHT = 0.05  # other criteria's sentences: faint negatives, so that talk about nothing in particular stays low
MIN_SENTENCES = 10  # per criterion, language and part


class CriteriaError(ValueError):
    """A labelled-sentence file that cannot be used: the message names the file, criterion and field."""


@dataclass(frozen=True)
class Labelled:
    criterion: str
    language: str
    positive: bool
    text: str


def load_sentences(folder: Path) -> list[Labelled]:
    """Every labelled sentence under `folder` (sentences_*.yaml), checked: known criteria and languages,
    both parts, at least MIN_SENTENCES each, text only."""
    import yaml

    out: list[Labelled] = []
    files = sorted(Path(folder).glob("sentences_*.yaml"))
    if not files:
        raise CriteriaError(f"{folder}: no sentences_*.yaml file")
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise CriteriaError(f"{path.name}: not valid YAML: {exc}") from exc
        criteria = data.get("criteria") if isinstance(data, dict) else None
        if not isinstance(criteria, dict):
            raise CriteriaError(f"{path.name}: criteria: missing (a mapping of criterion to en/fr sentences)")
        for name, langs in criteria.items():
            if name not in CRITERIA:
                raise CriteriaError(f"{path.name}: {name}: unknown criterion (known: {', '.join(CRITERIA)})")
            for lang in LANGUAGES:
                for part in PARTS:
                    where = f"{path.name}: {name}: {lang}.{part}"
                    by_lang = langs.get(lang) if isinstance(langs, dict) else None
                    texts = by_lang.get(part) if isinstance(by_lang, dict) else None
                    if not isinstance(texts, list) or len(texts) < MIN_SENTENCES:
                        raise CriteriaError(f"{where}: needs a list of at least {MIN_SENTENCES} sentences")
                    if not all(isinstance(t, str) and t.strip() for t in texts):
                        raise CriteriaError(f"{where}: every entry must be a non-empty sentence")
                    out.extend(Labelled(name, lang, part == "positive", t.strip()) for t in texts)
    missing = sorted(set(CRITERIA) - {s.criterion for s in out})
    if missing:
        raise CriteriaError(f"{folder}: no sentences for {', '.join(missing)}")
    return out


def sentences_hash(sentences: Sequence[Labelled]) -> str:
    """What the detectors were learnt from, for the model's freshness check."""
    blob = json.dumps(sorted([s.criterion, s.language, s.positive, s.text] for s in sentences), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Detectors:
    """One linear detector per criterion on sentence vectors: probabilities = sigmoid(x @ weights + bias)."""

    weights: np.ndarray  # (dim, len(CRITERIA))
    bias: np.ndarray  # (len(CRITERIA),)

    def probabilities(self, sents: np.ndarray) -> np.ndarray:
        """Per sentence (rows) and criterion (columns)."""
        return 1.0 / (1.0 + np.exp(-(np.asarray(sents, dtype=np.float32) @ self.weights + self.bias)))


def fit_detectors(sentences: Sequence[Labelled], vecs: np.ndarray) -> Detectors:
    """For each criterion: its positives against its own hard negatives, and against every other criterion's
    sentences at a lower weight."""
    from sklearn.linear_model import LogisticRegression

    crit = np.array([s.criterion for s in sentences])
    pos = np.array([s.positive for s in sentences])
    weights, bias = [], []
    for name in CRITERIA:
        mine = crit == name
        y = (mine & pos).astype(int)
        w = np.where(mine, 1.0, OTHER_WEIGHT)
        clf = LogisticRegression(C=DETECTOR_C, max_iter=1000).fit(vecs, y, sample_weight=w)
        weights.append(clf.coef_[0])
        bias.append(clf.intercept_[0])
    return Detectors(np.column_stack(weights).astype(np.float32), np.asarray(bias, dtype=np.float32))


FEATURE_KEYS = tuple(f"c_{name}_{stat}" for name in CRITERIA for stat in ("max", "share"))


def criterion_features(sents: np.ndarray, detectors: Detectors) -> dict[str, float]:
    """Per criterion: the probability of the answer's strongest sentence, and the share of sentences over
    one half."""
    if sents.size == 0:
        return dict.fromkeys(FEATURE_KEYS, 0.0)
    p = detectors.probabilities(sents)
    top, share = p.max(axis=0), (p > 0.5).mean(axis=0)
    out: dict[str, float] = {}
    for j, name in enumerate(CRITERIA):
        out[f"c_{name}_max"] = float(top[j])
        out[f"c_{name}_share"] = float(share[j])
    return out
