"""`screening psychometrics --campaign ID [--json]`: a campaign's item analysis, acting as the system."""

from __future__ import annotations

import argparse
import json
import sys

from screening.domain.actors import SystemActor

SYSTEM = SystemActor("psychometrics")


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("psychometrics", help="item analysis, reliability, rater agreement, chance levels")
    cmd.add_argument("--campaign", type=int, required=True, help="a campaign id")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(func=cmd_psychometrics)


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def cmd_psychometrics(args: argparse.Namespace) -> int:
    from screening.i18n import t
    from screening.services import psychometrics
    from screening.services.errors import ServiceError
    from screening.store.engine import get_database

    try:
        result = psychometrics.item_analysis(get_database(), SYSTEM, args.campaign)
    except ServiceError as exc:
        print(t(exc.key, "en"), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return 0
    print(f"Campaign #{result.campaign_id}: {result.candidates} submitted attempts")
    print("\nItems (difficulty = mean score 0-1; r = item-rest correlation; chance = a guesser's score 0-100)")
    for r in result.items:
        flags = [f for f, on in (("LOW-DISCRIMINATION", r.low_discrimination and r.enough_data),
                                 (f"DISTRACTOR:{r.distractor}", r.distractor is not None),
                                 ("few answers", not r.enough_data)) if on]
        print(f"  {r.item_id}  n={r.n}  difficulty={_f(r.difficulty)}  r={_f(r.item_rest)}  "
              f"chance={_f(r.chance, 1)}  {' '.join(flags)}")
    print("\nReliability per skill")
    for rel in result.reliability:
        for name, c in (("alpha", rel.alpha), ("split-half", rel.split_half)):
            value = _f(c.value) if c.value is not None else t(c.reason or "", "en")
            print(f"  {rel.skill}  {name}: {value}  ({c.n_items} items, {c.n_candidates} candidates)")
    print("\nChance level per response format: " +
          ", ".join(f"{fmt} {v:.1f}" for fmt, v in result.chance_per_format.items()))
    print("\nRater agreement per question (Krippendorff's alpha, interval)")
    for q in result.questions:
        print(f"  {q.question_id}  alpha={_f(q.alpha)}  pairable answers={q.pairable}")
    for rater in result.raters:
        print(f"  rater #{rater.rater_id}  n={rater.n}  mean |diff|={_f(rater.mean_abs_diff)}  "
              f"signed={_f(rater.mean_signed_diff)}")
    return 0
