"""`screening score-eval`: figures, baseline, predictions file, declined lines as the midpoint."""

from __future__ import annotations

import json
import math

import numpy as np
from sklearn.metrics import cohen_kappa_score

from screening import cli_model
from screening.suggest.evaluate import agreement, qwk, score_eval
from screening.suggest.predict import REASON_TOO_SHORT

ANCHORS = [
    {"level": 1, "text": "No real example of an apology; blames the courier or the customer; no fix offered."},
    {"level": 3, "text": "A real example with a sincere apology and a practical fix, but no follow-up."},
    {"level": 5, "text": "A real example: owns the mistake, apologises for the specific impact on the customer, "
                         "fixes it and follows up until the customer is satisfied."},
]
QUESTION = "Tell me about a time you had to apologise to a customer for a mistake your company made."
STRONG = ("Last March a lady rang because we'd charged her twice for her daughter's phone, forty pounds each time. "
          "I said sorry straight away, that it was our fault and she shouldn't have had to chase it. I put the "
          "refund through while she was on the line and gave her the reference. Two days later I rang her back "
          "to check the money was there. It was, and she said thanks for calling back.")
MIDDLE = ("A customer wrote to us once because his parcel arrived damaged. I apologised and said I was sorry for the "
          "trouble, and I sent a replacement the same day. I did not contact him afterwards, I think it was fine.")
WEAK = ("Honestly, it was the courier's fault, they never check anything. The customer was shouting and my manager "
        "didn't help. It was not my fault, so I told her to call the courier herself.")
HYPOTHETICAL = ("I would apologise to the customer and I would try to find a solution. If the customer is angry I "
                "would stay calm and I would follow up later. It is important to own the mistake.")


def _line(answer: str, human, language: str = "en", **extra) -> str:
    return json.dumps({"question": QUESTION, "kind": "behavioural", "language": language, "anchors": ANCHORS,
                       "answer": answer, "human": human, "scale": [1, 5], **extra})


def test_score_eval_keys_predictions_and_midpoint(tmp_path):
    src = tmp_path / "eval.jsonl"
    lines = [_line(STRONG, [5, 4]), _line("Yes, once.", 2), _line(MIDDLE, 3), _line(WEAK, 1),
             _line(HYPOTHETICAL, [2, 1, 2])]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = score_eval(src, out)

    for key in ("n", "answered", "pearson", "spearman", "qwk", "rmse", "baseline", "all_lines"):
        assert key in result
    for key in ("pearson", "spearman", "qwk", "rmse"):
        assert key in result["baseline"] and key in result["all_lines"]
    assert result["n"] == 5 and result["answered"] <= 4

    preds = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert len(preds) == 5
    assert all(set(p) == {"predicted", "confidence", "reason"} for p in preds)
    assert preds[1]["predicted"] is None and preds[1]["reason"] == REASON_TOO_SHORT  # order kept
    assert preds[0]["predicted"] is not None and preds[0]["predicted"] >= 4
    assert result["answered"] == sum(p["predicted"] is not None for p in preds)

    # all_lines: each declined line counts as the scale midpoint (3); human lists are averaged
    human = np.array([4.5, 2, 3, 1, 5 / 3])
    filled = np.array([p["predicted"] if p["predicted"] is not None else 3 for p in preds], dtype=float)
    assert math.isclose(result["all_lines"]["rmse"], float(np.sqrt(np.mean((filled - human) ** 2))), abs_tol=1e-3)


def test_cli_score_eval_prints_one_json_object(tmp_path, capsys):
    src = tmp_path / "eval.jsonl"
    src.write_text("\n".join([_line(STRONG, 5), _line(WEAK, 1), _line(MIDDLE, 3)]) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    assert cli_model.main(["score-eval", str(src), "--predictions", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["n"] == 3 and len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_score_eval_other_scale(tmp_path):
    anchors10 = [{"level": a["level"] * 2.5 - 2.5, "text": a["text"]} for a in ANCHORS]
    src = tmp_path / "ten.jsonl"
    src.write_text(_line(STRONG, 9, anchors=anchors10, scale=[0, 10]) + "\n"
                   + _line("Oui.", 4, language="fr", anchors=anchors10, scale=[0, 10]) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    result = score_eval(src, out)
    preds = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert isinstance(preds[0]["predicted"], int) and 0 <= preds[0]["predicted"] <= 10
    assert preds[1]["predicted"] is None
    assert result["all_lines"]["rmse"] is not None


def test_agreement_figures():
    perfect = agreement([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
    assert perfect["qwk"] == 1.0 and perfect["pearson"] == 1.0 and perfect["rmse"] == 0.0 and perfect["smd"] == 0.0
    high = agreement([2, 3, 4, 5, 5], [1, 2, 3, 4, 5])
    assert high["smd"] > 0


def test_qwk_matches_sklearn():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 5, 200), rng.integers(0, 5, 200)
    b[:120] = a[:120]
    assert math.isclose(qwk(a, b, 5), cohen_kappa_score(a, b, weights="quadratic"), abs_tol=1e-9)
