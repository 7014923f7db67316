"""Text cues of one answer, read with the fixed EN/FR lexicons: STAR parts, past example vs
hypothetical talk, ownership vs blame, specificity (numbers, names, reported speech), rubric
indicators, turning away from the question, and repetition. Nothing here knows the anchors'
levels or any trained model."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from screening.suggest.lexicons import (
    ABSENCE,
    CUSTOMER,
    LEX,
    LIFE,
    NAME,
    NOMINAL,
    NOT_NAMES,
    OFFTOPIC_LEX,
    STAR_PARTS,
    STOP,
)

# --- text normalisation ------------------------------------------------------

# curly and typographic quotes (right, left, grave, acute; double and guillemets) as straight ones
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"',
                       "\u00ab": '"', "\u00bb": '"'})


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Lower case, straight quotes, no accents: cue patterns are written on this form. Kept for the last few
    texts: one suggestion folds its answer about seven times (a tenth of a 400-word suggestion's time)."""
    text = unicodedata.normalize("NFKD", text.translate(_APOS).lower())
    return "".join(c for c in text if not unicodedata.combining(c))


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def stems(text: str) -> set[str]:
    """Crude EN/FR stems: content words cut to 5 letters (enough to match 'apologised'/'apologize')."""
    return {stem(w) for w in words(text) if len(w) > 3 and w not in STOP}


def stem(w: str) -> str:
    w = w.split("'")[-1] if "'" in w and len(w.split("'")[-1]) > 3 else w
    return w[:5]


def lex(language: str) -> dict[str, re.Pattern[str]]:
    return LEX["fr" if language == "fr" else "en"]


def count(pattern: re.Pattern[str], folded: str) -> int:
    return sum(1 for _ in pattern.finditer(folded))


def _padded(answer: str) -> str:
    return " " + fold(answer) + " "


# --- cues: STAR, past vs hypothetical, ownership -------------------------------

@dataclass(frozen=True)
class Cues:
    n_words: int
    star: dict[str, int]
    own_past: int
    own_any: int
    past_time: int
    hypothetical: int
    generic: int
    others_fail: int
    sequence: int
    speech: int
    hedge: int
    numbers: int
    units: int
    names: int

    @property
    def star_parts(self) -> tuple[str, ...]:
        return tuple(p for p in STAR_PARTS if self.star[p] > 0)

    @property
    def past_score(self) -> float:
        return self.own_past + 1.5 * self.past_time

    @property
    def past_example(self) -> bool:
        """A real past example: past-tense first-person events outweigh hypothetical/habitual talk."""
        past, hyp = self.past_score, self.hypothetical + 0.5 * self.generic
        return past >= 2 and past >= 0.8 * hyp

    @property
    def ownership(self) -> str:
        own = self.own_past + 0.5 * self.own_any
        others = self.others_fail
        if others >= 2 and own < 3 * others:
            return "others"
        if others >= 1 and own >= 2:
            return "mixed"
        if own >= 2:
            return "own"
        return "unclear"


def cues(answer: str, language: str) -> Cues:
    lx = lex(language)
    folded = _padded(answer)
    star = {p: count(lx[p], folded) for p in STAR_PARTS}
    # "action" also counts plain first-person past actions: the core of a STAR story
    star["action"] += count(lx["own_past"], folded) // 2
    names = sum(1 for m in NAME.finditer(answer.strip()) if m.group(0) not in NOT_NAMES)
    return Cues(len(answer.split()), star, count(lx["own_past"], folded), count(lx["own_any"], folded),
                count(lx["past_time"], folded), count(lx["hypothetical"], folded), count(lx["generic"], folded),
                count(lx["others_fail"], folded), count(lx["sequence"], folded), count(lx["speech"], folded),
                count(lx["hedge"], folded), count(lx["numbers"], folded), count(lx["units"], folded), names)


def distinct_actions(answer: str, language: str) -> int:
    """Different first-person past actions ("I called", "I refunded"...), each counted once."""
    return len({m.group(0) for m in lex(language)["own_past"].finditer(_padded(answer))})


# --- turning away from the question --------------------------------------------

def topic_cues(answer: str, language: str, per100: float) -> dict[str, float]:
    """Rates per 100 words (capped at 10) of serving someone, of changing the subject, selling oneself,
    saying what the company should do and private life; and how nominal (textbook) the wording is."""
    toks = words(answer)
    folded = _padded(answer)
    out = {"customer": min(count(CUSTOMER, folded) * per100, 10.0),
           "nominal_rate": sum(1 for w in toks if NOMINAL.search(w)) / max(len(toks), 1) * 10,
           "mean_word_len": float(np.mean([len(w) for w in toks])) / 5.0 if toks else 0.0}
    ol = OFFTOPIC_LEX["fr" if language == "fr" else "en"]
    for key in ("deflect", "self_promo", "systemic"):
        out[key] = min(count(ol[key], folded) * per100, 10.0)
    out["life"] = min(count(LIFE, folded) * per100, 10.0)
    return out


# --- indicators ------------------------------------------------------------------

def indicator_matched(indicator: str, answer_stems: set[str]) -> bool:
    """An indicator is matched when most of its content stems appear in the answer."""
    if ABSENCE.intersection(words(indicator)):
        return False
    ind = stems(indicator)
    if not ind:
        return False
    hit = len(ind & answer_stems)
    need = 1 if len(ind) <= 2 else max(2, math.ceil(0.5 * len(ind)))
    return hit >= need


# --- repetition --------------------------------------------------------------------

def repetition(text: str, n: int = 5) -> float:
    """Share of the answer's word n-grams that repeat an earlier one: 0 for a normal answer, about
    (k - 1) / k for one passage pasted k times."""
    toks = words(text)
    grams = [tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)]
    if not grams:
        return 0.0
    seen: set[tuple[str, ...]] = set()
    dup = 0
    for g in grams:
        if g in seen:
            dup += 1
        seen.add(g)
    return dup / len(grams)
