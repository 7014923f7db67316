"""Audit of the question banks: can a candidate score without judgement, and do the texts give the key away?

Pure functions over a Bank (no database, no streamlit). `screening banks audit [--json]` prints the
report; `screening banks validate --strict` fails when a target below is missed.

Per language:
(a) the length strategy: pick the longest option as most effective and the shortest as least effective
    (best_worst); rate options by length rank mapped onto 1-5 (rate_each). Scored with the product's own
    SJT scoring (raw method) and put on 0-100 as the product does (100 x mean item score), against the
    exact expected score of guessing (screening.scoring.sjt.chance_score).
(b) a text-only classifier: reads only the option texts (never the scenario), trained leave-one-item-out
    to find the keyed best and worst (TF-IDF word 1-2 and character 2-5 n-grams, plus within-item relative
    length features, into two logistic regressions: best vs rest, worst vs rest), scored the same way
    against guessing. The best is the option with the highest P(best), the worst the highest P(worst)
    among the others; rate_each options are rated by the rank of P(best) - P(worst).
(c) the Pearson r between an option's length relative to its item's mean and its key.
(d) the options whose length is outside +-25 % of their item's mean.
(e) per interview question, the Pearson r between exemplar word count and level, and the pooled
    within-question r (word counts and levels centred per question).
(f) scenario word counts: the longest, and the items over the limit.
(g) near-duplicate scenarios (TF-IDF cosine over NEAR_DUPLICATE_COSINE).
(h) how the names in scenarios spread over origins (question_banks/names_by_origin.yaml), overall and
    for items whose main skill involves a hostile or abusive customer.

Lengths of options are counted in characters (fairer than words between English and French); scenarios
and exemplars in words, as the format's limits are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from screening.bank_schema import SCENARIO_MAX_WORDS, words
from screening.banks import Bank, InterviewQuestion, SjtItem
from screening.domain.vocab import LANGUAGES
from screening.scoring.sjt import chance_score, item_scores
from screening.yaml_errors import BankError, BankValidationError, load_yaml

# --- targets (what `banks validate --strict` requires) -------------------------------------------------
STRATEGY_MAX_GAIN = 8.0          # a strategy may score at most this many points (0-100) above guessing
OPTION_LENGTH_MAX_R = 0.2        # |r| between an option's relative length and its key
EXEMPLAR_LENGTH_MAX_R = 0.3      # |r| between exemplar word count and level, pooled within question
SCENARIO_WORDS_MAX = SCENARIO_MAX_WORDS  # 120 words per scenario and language

# --- what is reported without a target ----------------------------------------------------------------
OPTION_LENGTH_BAND = 0.25        # options outside +-25 % of their item's mean length are listed
NEAR_DUPLICATE_COSINE = 0.35     # TF-IDF (word 1-2 grams, sublinear tf) cosine over which two scenarios
#                                  are listed: on the shipped banks unrelated scenarios stay under 0.25,
#                                  scenarios retelling the same plot with other names go well over 0.35.
HOSTILE_SKILLS = ("de_escalating_language", "understanding_conflict_escalation", "emotional_self_regulation",
                  "patience", "effective_apology")  # main skills whose scenarios put a hostile customer on stage
NAMES_FILE = "names_by_origin.yaml"
REPORT_LIST = 10                 # the text report lists this many of the worst cases (the JSON lists all)


# --- small statistics ---------------------------------------------------------------------------------

def pearson(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float | None:
    """Pearson r, or None when there are fewer than 3 pairs or either side does not vary."""
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(a) < 3 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return None
    return float(np.corrcoef(a, b)[0, 1])


def option_length(text: str) -> int:
    return len(text.strip())


def rank_ratings(values: Sequence[float]) -> list[int]:
    """Map values onto 1-5 by rank (lowest -> 1, highest -> 5, the others spread evenly; ties by order)."""
    n = len(values)
    order = sorted(range(n), key=lambda k: (values[k], k))
    out = [3] * n
    for rank, k in enumerate(order):
        out[k] = 1 + round(4 * rank / (n - 1)) if n > 1 else 3
    return out


# --- (a) and (b): strategies scored by the product's scoring ---------------------------------------------

@dataclass(frozen=True)
class StrategyResult:
    name: str
    score: float         # 0-100, as the product reports a skill score
    chance: float        # 0-100, the exact expected score of guessing on the same items
    items: int

    @property
    def gain(self) -> float:
        return self.score - self.chance


def answers_from_scores(items: Sequence[SjtItem], scores: Mapping[str, Sequence[float]],
                        worst_scores: Mapping[str, Sequence[float]] | None = None) -> dict[str, dict[str, Any]]:
    """Turn per-option scores into answers: best = highest score, worst = highest worst-score (by default
    the lowest score) among the others; rate_each options rated by rank of (score - worst-score)."""
    answers: dict[str, dict[str, Any]] = {}
    for item in items:
        good = list(scores[item.id])
        bad = list(worst_scores[item.id]) if worst_scores else [-s for s in good]
        ids = [o.id for o in item.options]
        if item.response_format == "best_worst":
            best = int(np.argmax(good))
            others = [k for k in range(len(ids)) if k != best]
            worst = max(others, key=lambda k: (bad[k], -k))
            answers[item.id] = {"best": ids[best], "worst": ids[worst]}
        else:
            net = [g - b for g, b in zip(good, bad, strict=True)]
            answers[item.id] = {"ratings": dict(zip(ids, rank_ratings(net), strict=True))}
    return answers


def score_strategy(name: str, items: Sequence[SjtItem], answers: Mapping[str, Mapping[str, Any]]) -> StrategyResult:
    """Score a strategy's answers exactly as the product scores a candidate (raw method), against guessing."""
    if not items:
        return StrategyResult(name, float("nan"), float("nan"), 0)
    scores = item_scores(items, answers)
    chance = [chance_score(i) for i in items]
    return StrategyResult(name, round(100.0 * float(np.nanmean(scores)), 2), round(100.0 * float(np.mean(chance)), 2),
                          len(items))


def length_strategy(items: Sequence[SjtItem], lang: str) -> StrategyResult:
    lengths = {i.id: [float(option_length(o.text.get(lang))) for o in i.options] for i in items}
    return score_strategy("length", items, answers_from_scores(items, lengths))


def _option_rows(items: Sequence[SjtItem], lang: str) -> tuple[list[str], np.ndarray, list[int], list[int]]:
    """Texts, within-item relative features, item index and key of every option."""
    texts: list[str] = []
    feats: list[list[float]] = []
    owner: list[int] = []
    keys: list[int] = []
    for n, item in enumerate(items):
        opts = [o.text.get(lang) for o in item.options]
        chars = np.array([option_length(t) for t in opts], dtype=float)
        wcount = np.array([words(t) for t in opts], dtype=float)
        clauses = np.array([len(re.findall(r"[,;:]| and | et | then | puis ", t)) for t in opts], dtype=float)
        ranks = np.argsort(np.argsort(chars, kind="stable"), kind="stable") / max(len(opts) - 1, 1)
        sd = chars.std() or 1.0
        for k, t in enumerate(opts):
            texts.append(t)
            feats.append([chars[k] / chars.mean() - 1, (chars[k] - chars.mean()) / sd, float(ranks[k]),
                          wcount[k] / max(wcount.mean(), 1.0) - 1, clauses[k] - clauses.mean(),
                          float(chars[k] == chars.max()), float(chars[k] == chars.min())])
            owner.append(n)
            keys.append(item.options[k].key)
    return texts, np.array(feats), owner, keys


def text_classifier_strategy(items: Sequence[SjtItem], lang: str) -> StrategyResult:
    """Leave-one-item-out: for each item, train on the options of every other item (texts only, no
    scenario) to spot the keyed best and the keyed worst, then answer the held-out item."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if len(items) < 3:
        return StrategyResult("text_classifier", float("nan"), float("nan"), 0)
    texts, feats, owner, keys = _option_rows(items, lang)
    owner_arr = np.array(owner)
    is_best = np.array([k == max(items[n].keys) for n, k in zip(owner, keys, strict=True)], dtype=int)
    is_worst = np.array([k == min(items[n].keys) for n, k in zip(owner, keys, strict=True)], dtype=int)
    # The vocabulary and idf are fitted once on every option text (no keys: nothing about the answer leaks;
    # an n-gram only the held-out item uses gets no weight, as nothing was learnt about it).
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2).fit_transform(texts)
    text_x = hstack([word, char]).tocsr()
    good: dict[str, list[float]] = {}
    bad: dict[str, list[float]] = {}
    for n, item in enumerate(items):
        train, test = owner_arr != n, owner_arr == n
        scaler = StandardScaler().fit(feats[train])
        x_train = hstack([text_x[train], csr_matrix(scaler.transform(feats[train]))]).tocsr()
        x_test = hstack([text_x[test], csr_matrix(scaler.transform(feats[test]))]).tocsr()
        probs = []
        for target in (is_best, is_worst):
            model = LogisticRegression(C=1.0, solver="liblinear", class_weight="balanced")
            model.fit(x_train, target[train])
            probs.append(model.predict_proba(x_test)[:, 1].tolist())
        good[item.id], bad[item.id] = probs
    return score_strategy("text_classifier", items, answers_from_scores(items, good, bad))


# --- (c) and (d): option lengths -----------------------------------------------------------------------

@dataclass(frozen=True)
class OffLengthOption:
    item: str
    option: str
    ratio: float  # the option's length / its item's mean length


def relative_lengths(item: SjtItem, lang: str) -> list[float]:
    lengths = np.array([option_length(o.text.get(lang)) for o in item.options], dtype=float)
    mean = lengths.mean() or 1.0
    return (lengths / mean).tolist()


def option_length_r(items: Iterable[SjtItem], lang: str) -> float | None:
    rel: list[float] = []
    keys: list[int] = []
    for item in items:
        rel += [r - 1 for r in relative_lengths(item, lang)]
        keys += list(item.keys)
    return pearson(rel, keys)


def off_length_options(items: Iterable[SjtItem], lang: str, band: float = OPTION_LENGTH_BAND) -> list[OffLengthOption]:
    out = []
    for item in items:
        for opt, ratio in zip(item.options, relative_lengths(item, lang), strict=True):
            if abs(ratio - 1) > band:
                out.append(OffLengthOption(item.id, opt.id, round(ratio, 2)))
    return out


# --- (e): exemplar lengths -------------------------------------------------------------------------------

def exemplar_length_r(questions: Iterable[InterviewQuestion], lang: str
                      ) -> tuple[dict[str, float | None], float | None]:
    """Per question, r(word count, level) in one language; and the pooled within-question r."""
    per_question: dict[str, float | None] = {}
    centred_len: list[float] = []
    centred_lvl: list[float] = []
    for q in questions:
        ex = q.exemplars_in(lang)
        if not ex:
            continue
        lengths = np.array([words(e.text) for e in ex], dtype=float)
        levels = np.array([e.level for e in ex], dtype=float)
        per_question[q.id] = pearson(lengths, levels)
        centred_len += (lengths - lengths.mean()).tolist()
        centred_lvl += (levels - levels.mean()).tolist()
    return per_question, pearson(centred_len, centred_lvl)


# --- (f) and (g): scenarios -------------------------------------------------------------------------------

@dataclass(frozen=True)
class NearDuplicate:
    first: str
    second: str
    cosine: float


def near_duplicates(items: Sequence[SjtItem], lang: str, threshold: float = NEAR_DUPLICATE_COSINE
                    ) -> tuple[list[NearDuplicate], float | None]:
    """Pairs of scenarios over the cosine threshold, and the highest cosine of any pair."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    if len(items) < 2:
        return [], None
    matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(
        [i.scenario.get(lang) for i in items])
    sim = cosine_similarity(matrix)
    upper = np.triu_indices(len(items), 1)
    pairs = [NearDuplicate(items[int(a)].id, items[int(b)].id, round(float(sim[a, b]), 3))
             for a, b in zip(*upper, strict=True) if sim[a, b] >= threshold]
    return sorted(pairs, key=lambda p: -p.cosine), round(float(sim[upper].max()), 3)


# --- (h): names by origin -----------------------------------------------------------------------------------

APOSTROPHES = "'\u2019"  # straight and typographic
_TOKEN = re.compile(rf"[^\W\d_]+(?:[-{APOSTROPHES}][^\W\d_]+)*")


def load_names(path: Path) -> dict[str, frozenset[str]]:
    """origin -> the names (first names and surnames) listed for it; a name may sit under one origin only."""
    data, err = load_yaml(path, path.name)
    errors: list[BankError] = [err] if err else []
    out: dict[str, frozenset[str]] = {}
    origins = data.get("origins") if isinstance(data, dict) else None
    if not errors and not isinstance(origins, dict):
        errors.append(BankError(path.name, "-", "origins", "must be a mapping of origin -> names"))
    seen: dict[str, str] = {}
    for origin, entry in (origins or {}).items():
        names: list[str] = []
        for key in ("first_names", "surnames"):
            value = entry.get(key, []) if isinstance(entry, dict) else None
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                errors.append(BankError(path.name, str(origin), key, "must be a list of names"))
                continue
            names += value
        for name in names:
            if name in seen and seen[name] != origin:
                errors.append(BankError(path.name, str(origin), "names", f"{name!r} is also under {seen[name]}"))
            seen[name] = str(origin)
        out[str(origin)] = frozenset(names)
    if errors:
        raise BankValidationError(errors)
    return out


def names_in(text: str, names: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """(name, origin) for each distinct listed name in a text (case-sensitive; possessive 's dropped)."""
    found: dict[str, str] = {}
    for token in _TOKEN.findall(text):
        token = re.sub(rf"[{APOSTROPHES}]s$", "", token)
        for origin, listed in names.items():
            if token in listed:
                found.setdefault(token, origin)
    return sorted(found.items())


def name_spread(items: Iterable[SjtItem], lang: str, names: Mapping[str, frozenset[str]]) -> dict[str, Any]:
    """How many scenario mentions of a listed name fall under each origin, and the items with none."""
    counts: Counter[str] = Counter()
    unnamed = 0
    total = 0
    for item in items:
        total += 1
        found = names_in(item.scenario.get(lang), names)
        counts.update(origin for _, origin in found)
        unnamed += not found
    return {"items": total, "items_without_a_listed_name": unnamed,
            "by_origin": {origin: counts.get(origin, 0) for origin in names}}


# --- the whole audit ---------------------------------------------------------------------------------------

@dataclass
class LanguageAudit:
    language: str
    length_strategy: StrategyResult
    text_classifier: StrategyResult | None
    option_length_r: float | None
    off_length_options: list[OffLengthOption]
    exemplar_length_r: dict[str, float | None]
    exemplar_length_r_pooled: float | None
    scenario_words_max: int
    scenarios_over_limit: list[tuple[str, int]]
    near_duplicates: list[NearDuplicate]
    max_scenario_cosine: float | None
    names: dict[str, Any] = field(default_factory=dict)
    names_hostile: dict[str, Any] = field(default_factory=dict)


def audit_language(bank: Bank, lang: str, names: Mapping[str, frozenset[str]] | None = None,
                   classifier: bool = True) -> LanguageAudit:
    items = list(bank.sjt_items)
    per_q, pooled = exemplar_length_r(bank.questions, lang)
    counts = [(i.id, words(i.scenario.get(lang))) for i in items]
    dups, top = near_duplicates(items, lang)
    hostile = [i for i in items if i.skills and i.skills[0] in HOSTILE_SKILLS]
    r = option_length_r(items, lang)
    return LanguageAudit(
        language=lang,
        length_strategy=length_strategy(items, lang),
        text_classifier=text_classifier_strategy(items, lang) if classifier else None,
        option_length_r=None if r is None else round(r, 3),
        off_length_options=off_length_options(items, lang),
        exemplar_length_r={k: None if v is None else round(v, 3) for k, v in per_q.items()},
        exemplar_length_r_pooled=None if pooled is None else round(pooled, 3),
        scenario_words_max=max((n for _, n in counts), default=0),
        scenarios_over_limit=[(iid, n) for iid, n in counts if n > SCENARIO_WORDS_MAX],
        near_duplicates=dups, max_scenario_cosine=top,
        names=name_spread(items, lang, names) if names else {},
        names_hostile=name_spread(hostile, lang, names) if names else {},
    )


def audit_bank(bank: Bank, names: Mapping[str, frozenset[str]] | None = None, classifier: bool = True,
               languages: Sequence[str] = LANGUAGES) -> dict[str, LanguageAudit]:
    return {lang: audit_language(bank, lang, names, classifier) for lang in languages}


def misses(audit: Mapping[str, LanguageAudit]) -> list[str]:
    """Every target the audit misses, one line each (what `banks validate --strict` prints)."""
    out: list[str] = []
    for lang, a in audit.items():
        for s in (a.length_strategy, a.text_classifier):
            if s is not None and s.items and s.gain > STRATEGY_MAX_GAIN:
                out.append(f"{lang}: {s.name} strategy: scores {s.score:.1f} against {s.chance:.1f} for guessing "
                           f"(+{s.gain:.1f} points; target at most +{STRATEGY_MAX_GAIN:g})")
        if a.option_length_r is not None and abs(a.option_length_r) > OPTION_LENGTH_MAX_R:
            out.append(f"{lang}: option length vs key: r = {a.option_length_r:+.2f} "
                       f"(target |r| <= {OPTION_LENGTH_MAX_R:g}; {len(a.off_length_options)} option(s) outside "
                       f"+-{OPTION_LENGTH_BAND:.0%} of their item's mean)")
        if a.exemplar_length_r_pooled is not None and abs(a.exemplar_length_r_pooled) > EXEMPLAR_LENGTH_MAX_R:
            out.append(f"{lang}: exemplar word count vs level (pooled within question): "
                       f"r = {a.exemplar_length_r_pooled:+.2f} (target |r| <= {EXEMPLAR_LENGTH_MAX_R:g})")
        for iid, n in a.scenarios_over_limit:
            out.append(f"{lang}: {iid}: scenario has {n} words (target <= {SCENARIO_WORDS_MAX})")
    return out


def to_json(audit: Mapping[str, LanguageAudit]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lang, a in audit.items():
        d = asdict(a)
        for key in ("length_strategy", "text_classifier"):
            s = getattr(a, key)
            if s is not None:
                d[key]["gain"] = round(s.gain, 2)
        out[lang] = d
    out["targets"] = {"strategy_max_gain": STRATEGY_MAX_GAIN, "option_length_max_r": OPTION_LENGTH_MAX_R,
                      "exemplar_length_max_r": EXEMPLAR_LENGTH_MAX_R, "scenario_words_max": SCENARIO_WORDS_MAX}
    out["misses"] = misses(audit)
    return out


def _fmt(r: float | None) -> str:
    return "n/a" if r is None else f"{r:+.2f}"


def report(audit: Mapping[str, LanguageAudit]) -> str:
    """The audit as plain text for the terminal."""
    lines: list[str] = []
    for lang, a in audit.items():
        lines.append(f"== {lang} ==")
        for s in (a.length_strategy, a.text_classifier):
            if s is not None:
                lines.append(f"{s.name + ' strategy:':27} {s.score:6.1f} vs guessing {s.chance:5.1f} "
                             f"({s.gain:+.1f} points; target <= +{STRATEGY_MAX_GAIN:g}) over {s.items} items")
        lines.append(f"{'option length vs key:':27} r = {_fmt(a.option_length_r)} (target |r| <= "
                     f"{OPTION_LENGTH_MAX_R:g}); {len(a.off_length_options)} option(s) outside "
                     f"+-{OPTION_LENGTH_BAND:.0%} of their item's mean")
        extreme = sorted(a.off_length_options, key=lambda o: -abs(o.ratio - 1))
        lines += [f"    {o.item}/{o.option}: {o.ratio:.2f} x the mean" for o in extreme[:REPORT_LIST]]
        if len(extreme) > REPORT_LIST:
            lines.append(f"    ... and {len(extreme) - REPORT_LIST} more (--json lists them all)")
        lines.append(f"{'exemplar words vs level:':27} pooled within-question r = {_fmt(a.exemplar_length_r_pooled)} "
                     f"(target |r| <= {EXEMPLAR_LENGTH_MAX_R:g})")
        strong = sorted(((q, r) for q, r in a.exemplar_length_r.items() if r is not None
                         and abs(r) > EXEMPLAR_LENGTH_MAX_R), key=lambda x: -abs(x[1]))
        lines.append(f"    {len(strong)} of {len(a.exemplar_length_r)} questions over |r| {EXEMPLAR_LENGTH_MAX_R:g} "
                     f"on their own; the strongest:")
        lines += [f"    {q}: r = {r:+.2f}" for q, r in strong[:REPORT_LIST]]
        lines.append(f"{'scenario words:':27} longest {a.scenario_words_max}; {len(a.scenarios_over_limit)} over "
                     f"{SCENARIO_WORDS_MAX}")
        lines.append(f"{'near-duplicate scenarios:':27} {len(a.near_duplicates)} pair(s) at cosine >= "
                     f"{NEAR_DUPLICATE_COSINE:g} (highest {a.max_scenario_cosine})")
        for d in a.near_duplicates:
            lines.append(f"    {d.first} ~ {d.second}: {d.cosine:.2f}")
        for label, spread in (("names (all items):", a.names), ("names (hostile customer):", a.names_hostile)):
            if spread:
                by = ", ".join(f"{o} {n}" for o, n in spread["by_origin"].items())
                lines.append(f"{label:27} {by}; {spread['items_without_a_listed_name']} of {spread['items']} "
                             f"items name nobody listed")
    missed = misses(audit)
    lines.append(f"{len(missed)} target(s) missed." if missed else "Every audit target met.")
    return "\n".join(lines)
