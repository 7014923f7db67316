"""Training the suggested-level model on the banks' rated exemplars, and cross-validating it (leave one
question out). Held-out answers are scored through predict.decide, the same decline pipeline the product
uses.

Every exemplar is featurised as an answer to an UNSEEN question: its own question's exemplars are left out
of the nearest-exemplar memory. The heads on the answer's vector (level, style) enter the level learner as
out-of-fold predictions (by question), never as predictions for their own training rows.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from screening.banks import STYLES
from screening.suggest.criteria import CRITERIA_DIR, Detectors, fit_detectors, load_sentences
from screening.suggest.embedder import Embedder, get_embedder
from screening.suggest.evaluate import (
    EvalLine,
    Outcome,
    baseline_levels,
    baseline_similarity,
    breakdown,
    item_of,
    qwk,
)
from screening.suggest.features import (
    FEATURE_NAMES,
    FEATURE_VERSION,
    N_LEVELS,
    AnchorDoc,
    Question,
    Scale,
    anchor_docs,
    feature_row,
)
from screening.suggest.meaning import ExemplarIndex, embed_texts, text_key
from screening.suggest.model import (
    HEAD_NAMES,
    MODEL_DIR,
    Heads,
    SuggestModel,
    calibrate_kinds,
    ensemble,
    offtopic_matrix,
    save_model,
    second_stage_matrix,
    style_probabilities,
    training_hash,
    training_questions,
)
from screening.suggest.predict import MIN_WORDS, decide, featurise, specs_for_question, text_decline

if TYPE_CHECKING:
    from screening.banks import Bank

OFFTOPIC_FALSE_ALARMS = 0.02  # share of held-out on-topic answers the off-topic threshold may decline
# ...and never below this probability: an answer to another question is what raters rate 1, and the model
# already scores it low; declining it (counted at the midpoint) lowered agreement on the open check set
OFFTOPIC_MIN_THRESHOLD = 0.95
DOMAIN_QUANTILE = 0.002  # out of domain: less similar to the work than all but 0.2 % of the bank's answers...
DOMAIN_MARGIN = 0.05  # ...by this much cosine
GB_PARAMS = {"max_iter": 150, "learning_rate": 0.06, "max_leaf_nodes": 8, "min_samples_leaf": 20,
             "l2_regularization": 1.0}
RIDGE_ALPHA = 30.0
HEAD_RIDGE_ALPHA = 3.0
HEAD_STYLE_C = 8.0
KINDS = ("behavioural", "situational")


# --- fitting ---------------------------------------------------------------------------------

def _regressors() -> list[Any]:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return [HistGradientBoostingRegressor(**GB_PARAMS, random_state=0),
            make_pipeline(StandardScaler(), Ridge(alpha=RIDGE_ALPHA))]


def fit_regressors(x: np.ndarray, y: np.ndarray) -> list[Any]:
    regs = _regressors()
    for r in regs:
        r.fit(x, y)
    return regs


def fit_heads(vecs: np.ndarray, y: np.ndarray, styles: np.ndarray) -> Heads:
    from sklearn.linear_model import LogisticRegression, Ridge

    return Heads(Ridge(alpha=HEAD_RIDGE_ALPHA).fit(vecs, y),
                 LogisticRegression(C=HEAD_STYLE_C, max_iter=300).fit(vecs, styles))


def whole_levels(v: np.ndarray) -> np.ndarray:
    """Normalised levels (0-1) as whole steps 0-4, half up as the check sets count them (a raters' mean of 2.5
    is a 3)."""
    return np.floor(v * (N_LEVELS - 1) + 0.5).astype(int)


def fit_cuts(raw: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Cut-points on held-out raw predictions that maximise QWK against the human levels (`whole_levels`)."""
    target = whole_levels(y)
    cuts = (np.arange(N_LEVELS - 1) + 0.5) / (N_LEVELS - 1)
    qs = np.quantile(raw, np.linspace(0.01, 0.99, 99))

    def score(c: np.ndarray) -> float:
        return qwk(target, np.searchsorted(np.sort(c), raw), N_LEVELS)

    best = score(cuts)
    for _ in range(3):
        for k in range(len(cuts)):
            lo = cuts[k - 1] if k > 0 else -np.inf
            hi = cuts[k + 1] if k < len(cuts) - 1 else np.inf
            for cand in qs[(qs > lo) & (qs < hi)]:
                trial = cuts.copy()
                trial[k] = cand
                s = score(trial)
                if s > best + 1e-9:
                    best, cuts = s, trial
    return cuts


def kind_cuts(raw: np.ndarray, y: np.ndarray, kinds: np.ndarray) -> dict[str, np.ndarray]:
    """Cut-points over every row, and per question kind where a kind has 20 rows or more."""
    cuts = {"all": fit_cuts(raw, y)}
    for kind in KINDS:
        m = kinds == kind
        if m.sum() >= 20:
            cuts[kind] = fit_cuts(raw[m], y[m])
    return cuts


SECOND_STAGE_ALPHAS = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
ANSWER_STYLE_CS = (0.003, 0.01, 0.03)  # the style classifier's inverse penalty, chosen with the ridge's


@dataclass(frozen=True)
class RatedAnswers:
    """The spent check sets' answers as the second stage reads them: the learners' mean, the full feature row
    (heads included), the answer's vector, the raters' level (0-1), the question kind, the writer's answer style
    and the set it comes from."""

    raw: np.ndarray
    f: np.ndarray
    vecs: np.ndarray
    y: np.ndarray
    kinds: np.ndarray
    styles: np.ndarray
    group: np.ndarray

    def without(self, name: str) -> RatedAnswers:
        """Every answer but those of set `name`."""
        keep = self.group != name
        return RatedAnswers(*(getattr(self, f.name)[keep] for f in dataclasses.fields(self)))


@dataclass(frozen=True)
class AnswerFit:
    """What the spent check sets' answers fit: the answer-style classifier, the second stage, the cut-points on
    its output, the settings chosen, and the leave-one-set-out QWK of every pair of settings tried (the choice is
    the best of these)."""

    second_stage: Any
    answer_styles: Any  # None when fitted without the style classifier
    cuts: dict[str, np.ndarray]
    alpha: float
    style_c: float | None
    loso_qwk: dict[tuple[float | None, float], float]
    n_answers: int

    def into(self, model: SuggestModel) -> SuggestModel:
        """`model` with this second stage, style classifier and cut-points in place of its own."""
        return dataclasses.replace(model, second_stage=self.second_stage, answer_styles=self.answer_styles,
                                   cuts=self.cuts)


def _second_stage(alpha: float) -> Any:
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), Ridge(alpha=alpha))


def _answer_style_model(c: float, vecs: np.ndarray, f: np.ndarray, styles: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000)).fit(
        np.column_stack([vecs, f]), styles)


def styles_out_of_set(d: RatedAnswers, c: float) -> np.ndarray:
    """Each answer's style probabilities from a classifier fitted on the other sets' answers only, so that the
    second stage learns how far to trust them on a set the classifier never saw."""
    out = np.zeros((len(d.y), len(STYLES)))
    for name in sorted(set(d.group.tolist())):
        te = d.group == name
        out[te] = style_probabilities(_answer_style_model(c, d.vecs[~te], d.f[~te], d.styles[~te]),
                                      d.vecs[te], d.f[te])
    return out


def _stage_levels(s_train: np.ndarray, y_train: np.ndarray, kinds_train: np.ndarray, alpha: float,
                  s_test: np.ndarray, kinds_test: np.ndarray) -> np.ndarray:
    """Whole levels (0-4) of test rows from a second stage and cut-points fitted on the training rows."""
    stage = _second_stage(alpha).fit(s_train, y_train)
    cuts = kind_cuts(stage.predict(s_train), y_train, kinds_train)
    return whole_levels(calibrate_kinds(stage.predict(s_test), kinds_test.tolist(), cuts))


def fit_stage(d: RatedAnswers, names: list[str], style_cs: Sequence[float] = ANSWER_STYLE_CS) -> AnswerFit:
    """The answer-style classifier, the second stage and its cut-points on rated answers. The stage reads the
    learners' mean, the heads' outputs and each answer's style probabilities (out of set while it is fitted);
    the style classifier's penalty and the ridge's are the pair that scores best when each set in turn is left
    out. With `style_cs` empty there is no style classifier: the second stage as it was before it, kept to
    measure what the classifier adds (`screening model sets-out --without-styles`)."""
    target = whole_levels(d.y)
    sets = sorted(set(d.group.tolist()))
    loso: dict[tuple[float | None, float], float] = {}
    stage_inputs: dict[float | None, np.ndarray] = {
        c: second_stage_matrix(d.raw, d.f, names, styles_out_of_set(d, c)) for c in style_cs}
    if not stage_inputs:
        stage_inputs[None] = second_stage_matrix(d.raw, d.f, names)
    for c, s in stage_inputs.items():
        for alpha in SECOND_STAGE_ALPHAS:
            pred = np.zeros(len(d.y), dtype=int)
            for name in sets:
                te = d.group == name
                pred[te] = _stage_levels(s[~te], d.y[~te], d.kinds[~te], alpha, s[te], d.kinds[te])
            loso[(c, alpha)] = round(qwk(target, pred, N_LEVELS), 4)
    c, alpha = max(loso, key=loso.__getitem__)
    stage = _second_stage(alpha).fit(stage_inputs[c], d.y)
    styles = None if c is None else _answer_style_model(c, d.vecs, d.f, d.styles)
    return AnswerFit(stage, styles, kind_cuts(stage.predict(stage_inputs[c]), d.y, d.kinds), alpha, c, loso,
                     len(d.y))


def rated_answers(model: SuggestModel, sets: Mapping[str, Sequence[EvalLine]], embedder: Embedder | None = None
                  ) -> RatedAnswers:
    """The sets' answers through `model`'s features and learners. Answers the text rules decline take no part."""
    kept = [(name, ln) for name, lines in sets.items() for ln in lines if text_decline(ln.answer) is None]
    _, embedded, rows = featurise([item_of(ln) for _, ln in kept], model, embedder)
    vecs = np.stack([v.mean for v in embedded])
    f = model.full(np.array([r.values for r in rows]), vecs)
    return RatedAnswers(ensemble(model.regressors, f)[0], f, vecs,
                        np.array([Scale(*ln.scale).norm(ln.human) for _, ln in kept]),
                        np.array([ln.kind for _, ln in kept]), np.array([ln.style for _, ln in kept]),
                        np.array([name for name, _ in kept]))


def fit_on_answers(model: SuggestModel, sets: Mapping[str, Sequence[EvalLine]], embedder: Embedder | None = None
                   ) -> AnswerFit:
    """A second stage and the cut-points per question kind, fitted on rated answers to questions the model never
    trained on: the spent check sets, written by other people in the manners real answers come in and rated
    blind (`fit_stage`). Its inputs beside the learners' mean and the heads' outputs are the probabilities of
    each answer style from a classifier fitted on these answers' styles as their writers wrote them: the bank's
    heads learn styles from the bank's exemplars, and these answers show how they come to questions the bank
    never had. With each of the nine spent sets left out in turn and everything here fitted on the other eight
    (`screening model sets-out`), pooled QWK is 0.893 against 0.867 without the style classifier, eight sets of
    nine better; see the model card."""
    return fit_stage(rated_answers(model, sets, embedder), model.names)


def _offtopic_model(x: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if y.all() or not y.any():  # one class only: a constant, never-declining model
        x, y = np.vstack([x, np.zeros((1, x.shape[1]))]), np.concatenate([y, [not y.any()]])
    return make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=500)).fit(x, y)


# --- the training data set: bank exemplars as feature rows -------------------------------------

@dataclass
class Dataset:
    """One row per exemplar (both languages) plus one synthetic rubric-echo answer per question and
    language; the exemplar memory built from the real rows."""

    x: np.ndarray  # FEATURE_NAMES columns
    vecs: np.ndarray  # answer vectors
    y: np.ndarray  # normalised level 0-1
    level: np.ndarray  # the bank's level
    qid: np.ndarray
    lang: np.ndarray
    kind: np.ndarray
    style: np.ndarray
    real: np.ndarray  # bool: a rated exemplar (not a synthetic row)
    texts: list[str]
    baseline_sim: np.ndarray
    index: ExemplarIndex
    detectors: Detectors

    def __len__(self) -> int:
        return len(self.y)


ECHO_WRAP = {"en": ("In my experience, {}", "This is how I always work with customers."),
             "fr": ("Dans mon expérience, {}", "C'est toujours ainsi que je travaille avec les clients.")}
ECHO_LEVEL = 1.5  # the banks' rubric-echo answers are rated 1-2


def echo_text(anchor: AnchorDoc, lang: str) -> str:
    """A coached answer made of the top anchor's own words and no behaviour: trains the model that
    echoing the rubric is not evidence, whatever the question."""
    head, tail = ECHO_WRAP["fr" if lang == "fr" else "en"]
    body = " ".join([anchor.text, *(i.rstrip(".") + "." for i in anchor.indicators)])
    return " ".join([head.format(body[0].lower() + body[1:]), tail])


def train_detectors(embedder: Embedder | None = None, folder: Path = CRITERIA_DIR) -> Detectors:
    """The criterion detectors, from the labelled sentences (independent of the banks' exemplars)."""
    sentences = load_sentences(folder)
    return fit_detectors(sentences, (embedder or get_embedder()).embed([s.text for s in sentences]))


def build_dataset(bank: Bank, embedder: Embedder | None = None, log: Callable[[str], None] | None = None) -> Dataset:
    """Every exemplar of every question with anchors, in EN and FR, embedded in one call, featurised
    against its question's anchors and the OTHER questions' exemplars, and read by the criterion detectors."""
    scale = Scale(1, 5)
    meta: list[dict[str, Any]] = []
    questions: list[Question] = []
    for q in training_questions(bank):
        keys = (text_key(q.prompt.en), text_key(q.prompt.fr))
        for lang in ("en", "fr"):
            exs = q.exemplars_in(lang)
            if not exs:
                continue
            anchors, _ = specs_for_question(q, lang)
            question = Question(q.prompt.get(lang), q.kind, lang, anchor_docs(anchors, scale))
            for e in exs:
                meta.append({"text": e.text, "level": e.reference_level, "style": e.style, "real": True, "qid": q.id,
                             "lang": lang, "keys": keys, "q": len(questions), "anchors": anchors})
            top = max(question.anchors, key=lambda a: a.level)
            meta.append({"text": echo_text(top, lang), "level": ECHO_LEVEL, "style": "rubric_echo", "real": False,
                         "qid": q.id, "lang": lang, "keys": keys, "q": len(questions), "anchors": anchors})
            questions.append(question)
    if not meta:
        raise ValueError("no exemplars to train on")
    emb = embedder or get_embedder()
    detectors = train_detectors(emb)
    if log:
        log(f"embedding {len(meta)} answers")
    vecs = embed_texts([m["text"] for m in meta], emb)
    real = np.array([m["real"] for m in meta])
    ri = np.flatnonzero(real)
    index = ExemplarIndex(np.stack([vecs[i].mean for i in ri]).astype(np.float32),
                          np.array([scale.norm(meta[i]["level"]) for i in ri]),
                          np.array([questions[meta[i]["q"]].kind for i in ri]),
                          np.array([meta[i]["keys"] for i in ri]), np.array([text_key(meta[i]["text"]) for i in ri]))
    x = np.array([feature_row(m["text"], v, questions[m["q"]], index, detectors, emb).values
                  for m, v in zip(meta, vecs, strict=True)])
    if log:
        log(f"{int(real.sum())} exemplars from {len({m['qid'] for m in meta})} questions "
            f"(+{int((~real).sum())} synthetic)")
    return Dataset(x, np.stack([v.mean for v in vecs]), np.array([scale.norm(m["level"]) for m in meta]),
                   np.array([m["level"] for m in meta]), np.array([m["qid"] for m in meta]),
                   np.array([m["lang"] for m in meta]), np.array([questions[m["q"]].kind for m in meta]),
                   np.array([m["style"] for m in meta]), real, [m["text"] for m in meta],
                   np.array([baseline_similarity(m["text"], [(a.level, a.text) for a in m["anchors"]])
                             for m in meta]), index, detectors)


def oof_heads(data: Dataset, idx: np.ndarray, splits: int = 5) -> np.ndarray:
    """The heads' outputs for rows `idx`, each from heads fitted on other questions' exemplars."""
    from sklearn.model_selection import GroupKFold

    out = np.zeros((len(idx), len(HEAD_NAMES)))
    for tr, te in GroupKFold(n_splits=min(splits, len(set(data.qid[idx].tolist())))).split(idx, groups=data.qid[idx]):
        t = idx[tr][data.real[idx[tr]]]
        out[te] = fit_heads(data.vecs[t], data.y[t], data.style[t])(data.vecs[idx[te]])
    return out


def fit_model(data: Dataset, idx: np.ndarray, heads_oof: np.ndarray, inner_splits: int = 4) -> SuggestModel:
    """Fit on rows `idx` (with their out-of-fold head outputs): the level learners; cut-points per question
    kind and the off-topic threshold on held-out predictions from an inner split by question."""
    from sklearn.model_selection import GroupKFold

    names = [*FEATURE_NAMES, *HEAD_NAMES]
    f = np.column_stack([data.x[idx], heads_oof])
    y, groups, real, kinds = data.y[idx], data.qid[idx], data.real[idx], data.kind[idx]
    off = data.style[idx] == "off_topic"
    raw = np.zeros(len(idx))
    p_off = np.zeros(len(idx))
    for tr, te in GroupKFold(n_splits=min(inner_splits, len(set(groups.tolist())))).split(f, y, groups):
        raw[te] = ensemble(fit_regressors(f[tr], y[tr]), f[te])[0]
        p_off[te] = _offtopic_model(offtopic_matrix(f[tr], names), off[tr]).predict_proba(
            offtopic_matrix(f[te], names))[:, 1]
    cuts = kind_cuts(raw[real], y[real], kinds[real])
    on_topic = p_off[real & ~off]
    off_threshold = max(OFFTOPIC_MIN_THRESHOLD,
                        float(np.quantile(on_topic, 1 - OFFTOPIC_FALSE_ALARMS)) if on_topic.size else 0.0)
    domain = data.x[idx, FEATURE_NAMES.index("domain")][real]
    t = idx[real]
    return SuggestModel(list(FEATURE_NAMES), fit_regressors(f, y), cuts,
                        fit_heads(data.vecs[t], data.y[t], data.style[t]),
                        _offtopic_model(offtopic_matrix(f, names), off), off_threshold,
                        float(np.quantile(domain, DOMAIN_QUANTILE)) - DOMAIN_MARGIN, data.index, data.detectors)


# --- training the shipped model ------------------------------------------------------------------

def train_model(bank: Bank, out_dir: Path = MODEL_DIR, *, cv: bool = True,
                log: Callable[[str], None] | None = None, embedder: Embedder | None = None,
                spent: Mapping[str, Sequence[EvalLine]] | None = None) -> dict:
    """Train on every exemplar in `bank`, write the model, the exemplar vectors and the meta JSON. With `spent`
    (the spent check sets' rated answers, by set), a second stage and the cut-points are fitted on them
    (`fit_on_answers`); without, the learners' mean is cut at points fitted on the bank's exemplars in inner
    folds."""
    import sklearn

    say: Callable[[str], None] = log or (lambda _msg: None)
    data = build_dataset(bank, embedder, log=say)
    idx = np.arange(len(data))
    say(f"fitting on {int(data.real.sum())} exemplars ({len(data)} rows)")
    model = fit_model(data, idx, oof_heads(data, idx), inner_splits=5)
    # the exemplar memory as it is shipped (float16), so that what is fitted on it next is what the app computes
    model.index = dataclasses.replace(model.index, vecs=model.index.vecs.astype(np.float16).astype(np.float32))
    fitted = None
    if spent:
        say(f"fitting the second stage and the cut-points on the spent check sets ({', '.join(spent)})")
        fitted = fit_on_answers(model, spent, embedder)
        model = fitted.into(model)
    meta: dict[str, Any] = {
        "training_hash": training_hash(bank), "feature_version": FEATURE_VERSION,
        "sklearn_version": sklearn.__version__, "embedder": (embedder or get_embedder()).name,
        "n_exemplars": int(data.real.sum()), "n_questions": len(set(data.qid.tolist())),
        "n_synthetic": int((~data.real).sum()),
        "per_language": {lang: int((data.real & (data.lang == lang)).sum()) for lang in ("en", "fr")},
        "cuts": {k: [round(float(c), 4) for c in v] for k, v in model.cuts.items()},
        "cuts_fitted_on": f"{fitted.n_answers} answers of the spent check sets" if fitted
        else "the bank's exemplars (inner folds)",
        "second_stage": {"sets": list(spent or ()), "alpha": fitted.alpha, "style_c": fitted.style_c,
                         "leave_one_set_out_qwk": {f"style_c={c} alpha={a}": q
                                                   for (c, a), q in fitted.loso_qwk.items()}} if fitted else None,
        "offtopic_threshold": round(model.offtopic_threshold, 4),
        "domain_threshold": round(model.domain_threshold, 4), "min_words": MIN_WORDS,
    }
    if cv:
        say("cross-validating (leave one question out)")
        meta["cv"] = {"loqo": breakdown(cross_validate(data))}
    save_model(model, meta, Path(out_dir))
    return meta


# --- cross-validation -----------------------------------------------------------------------------

def _fold(data: Dataset, train_idx: np.ndarray, test_idx: np.ndarray, heads_oof: np.ndarray
          ) -> list[tuple[int, float | None, float, str | None]]:
    from threadpoolctl import threadpool_limits

    scale = Scale(1, 5)
    with threadpool_limits(1):
        model = fit_model(data, train_idx, heads_oof[train_idx], inner_splits=3)
        out: list[tuple[int, float | None, float, str | None]] = []
        todo = []
        for i in test_idx:
            reason = text_decline(data.texts[i])
            if reason is None:
                todo.append(i)
            else:
                out.append((int(i), None, 0.0, reason))
        if todo:
            t = np.array(todo)
            for i, d in zip(t, decide(model, data.x[t], data.vecs[t], data.kind[t].tolist()), strict=True):
                out.append((int(i), None if d.level is None else float(scale.level(d.level)), d.confidence, d.reason))
    return out


def cross_validate(data: Dataset, n_jobs: int | None = None) -> list[Outcome]:
    """Hold out every question in turn (both languages): its exemplars are never trained on, and they are
    not in the exemplar memory of any row (every row is featurised without its own question's exemplars)."""
    from joblib import Parallel, delayed

    idx = np.arange(len(data))
    heads = np.zeros((len(data), len(HEAD_NAMES)))
    heads[idx] = oof_heads(data, idx)
    folds = [(idx[data.qid != q], idx[(data.qid == q) & data.real]) for q in sorted(set(data.qid.tolist()))]
    jobs = n_jobs or min(2, os.cpu_count() or 1)
    results = Parallel(n_jobs=jobs)(delayed(_fold)(data, tr, te, heads) for tr, te in folds)
    ri = np.flatnonzero(data.real)
    base = dict(zip(ri.tolist(), baseline_levels(data.baseline_sim[ri], [(1.0, 5.0)] * len(ri)), strict=True))
    return [Outcome(float(data.level[i]), pred, conf, reason, base[i], (1.0, 5.0), str(data.lang[i]),
                    str(data.kind[i]), str(data.style[i]))
            for res in results for i, pred, conf, reason in res]


# --- banks as training data ----------------------------------------------------------------------------

def load_training_bank(roots: Sequence[Path]) -> tuple[Bank, list[str]]:
    """Interview banks under `roots`, skipping (and naming) every file that has an error, so a
    file someone is still writing never blocks training on the others."""
    from screening.banks import merge_banks, parse_bank_text
    from screening.framework import Framework, load_framework

    roots = [Path(r) for r in roots]
    fw_path = next((r / "framework.yaml" for r in roots if (r / "framework.yaml").exists()), None)
    framework = load_framework(fw_path) if fw_path else Framework((), (), ())
    banks: list[Bank] = []
    skipped: list[str] = []
    for root in roots:
        for path in sorted(root.glob("interview/*.yaml")):
            bank, errors = parse_bank_text(path.read_text(encoding="utf-8"), path.name, framework)
            if fw_path is None:  # no taxonomy to check skill ids against
                errors = [e for e in errors if e.field != "skills"]
            if errors:
                skipped.append(f"{path}: {len(errors)} error(s), first: {errors[0]}")
            else:
                banks.append(bank)
    merge_errors: list = []
    bank = merge_banks(banks, merge_errors)
    skipped.extend(str(e) for e in merge_errors)
    return bank, skipped
