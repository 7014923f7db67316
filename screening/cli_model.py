"""`screening model train|check|check-set|sets-out` and `screening score-eval`: the suggested-level model's commands.

cli.py calls `register(sub)`; each subcommand sets `func`, which takes the parsed args and
returns the exit code. `python -m screening.cli_model ...` runs them on their own.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from screening import REPO_DIR
from screening.banks import HELD_OUT_DIRS


def register(subparsers: argparse._SubParsersAction) -> None:
    model = subparsers.add_parser("model", help="train or check the suggested-level model")
    msub = model.add_subparsers(dest="model_command", required=True)

    train = msub.add_parser("train", help="train on the banks' exemplars, write the model and its metrics")
    _bank_args(train)
    train.add_argument("--out", type=Path, default=None, help="model folder (default: the package's)")
    train.add_argument("--no-cv", action="store_true", help="skip cross-validation (faster; no metrics in meta)")
    train.set_defaults(func=cmd_train)

    check = msub.add_parser("check", help="exit 1 when the model is missing or older than the banks")
    _bank_args(check)
    check.add_argument("--out", type=Path, default=None, help="model folder (default: the package's)")
    check.set_defaults(func=cmd_check)

    check_set = msub.add_parser("check-set", help="measure the model on the independent check set")
    check_set.add_argument("--set", dest="which", choices=HELD_OUT_DIRS, default="eval",
                           help="eval: the check set (question_banks/eval); recheck and the numbered rechecks: "
                                "later sealed sets, each scored once, after the model is frozen (all of each "
                                "sealed); see question_banks/README.md for which are spent")
    check_set.add_argument("--part", choices=("open", "sealed", "all"), default="open",
                           help="the open part for tuning; the sealed third only once, at the end")
    check_set.add_argument("--lines", type=Path, default=None, help="also write the score-eval JSONL lines here")
    check_set.set_defaults(func=cmd_check_set)

    sets_out = msub.add_parser("sets-out", help="leave each spent check set out in turn: the second stage fitted "
                                                "on the others, the left-out set scored")
    sets_out.add_argument("--without-styles", action="store_true",
                          help="fit the second stage without its answer-style classifier, for comparison")
    sets_out.set_defaults(func=cmd_sets_out)

    ev = subparsers.add_parser("score-eval", help="compare suggested levels with human scores in a JSONL file")
    ev.add_argument("file", type=Path, help="one JSON object a line: question, anchors, answer, human, scale, ...")
    ev.add_argument("--predictions", type=Path, default=None, help="write one prediction a line, in input order")
    ev.set_defaults(func=cmd_score_eval)


def _bank_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--banks", type=Path, action="append", default=None,
                   help="bank folder (repeatable; default: the configured bank folders)")


def _roots(args: argparse.Namespace) -> list[Path]:
    if args.banks:
        return list(args.banks)
    try:
        from screening.config import get_settings

        return get_settings().bank_roots
    except (ImportError, ValueError):  # settings unavailable or invalid: the shipped banks
        return [REPO_DIR / "question_banks"]


def _load(args: argparse.Namespace):
    from screening.suggest.train import load_training_bank

    bank, skipped = load_training_bank(_roots(args))
    for line in skipped:
        print(f"skipped (has errors): {line}", file=sys.stderr)
    return bank


def cmd_train(args: argparse.Namespace) -> int:
    from screening.suggest.check_set import spent_sets
    from screening.suggest.model import MODEL_DIR
    from screening.suggest.train import train_model

    bank = _load(args)
    try:
        meta = train_model(bank, args.out or MODEL_DIR, cv=not args.no_cv,
                           log=lambda m: print(m, file=sys.stderr), spent=spent_sets())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(_headline(meta), indent=2, ensure_ascii=False))
    return 0


def _headline(meta: dict) -> dict:
    out = {k: meta[k] for k in ("n_exemplars", "n_questions", "training_hash") if k in meta}
    for scheme, res in (meta.get("cv") or {}).items():
        out[scheme] = {grp: {k: r.get(k) for k in ("qwk", "pearson", "smd", "decline_share")}
                       | {"baseline_qwk": r.get("baseline", {}).get("qwk")}
                       for grp, r in res.items() if "." not in grp}
    return out


def cmd_check(args: argparse.Namespace) -> int:
    from screening.suggest.model import MODEL_DIR, model_is_stale

    bank = _load(args)
    if model_is_stale(bank, args.out or MODEL_DIR):
        print("suggested-level model is missing or stale: run `screening model train`", file=sys.stderr)
        return 1
    print("suggested-level model is up to date")
    return 0


def cmd_check_set(args: argparse.Namespace) -> int:
    from screening.suggest.check_set import check_set_lines, evaluate

    lines = check_set_lines(REPO_DIR / "question_banks" / args.which, args.part)
    if args.lines:
        args.lines.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    print(json.dumps({"set": args.which, "part": args.part, "lines": len(lines), **evaluate(lines)}, indent=1))
    return 0


def cmd_sets_out(args: argparse.Namespace) -> int:
    from screening.suggest.check_set import spent_sets
    from screening.suggest.model import ModelMissingError, load_model
    from screening.suggest.sets_out import sets_left_out

    try:
        model = load_model()
    except ModelMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(sets_left_out(model, spent_sets(), with_styles=not args.without_styles), indent=1))
    return 0


def cmd_score_eval(args: argparse.Namespace) -> int:
    from screening.suggest.evaluate import score_eval
    from screening.suggest.model import ModelMissingError

    try:
        result = score_eval(args.file, args.predictions)
    except (OSError, ValueError, ModelMissingError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="screening")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
