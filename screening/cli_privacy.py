"""`screening export candidate ID --out FILE.json`: subject access from the command line (audited as the system)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from screening.domain.actors import SystemActor

SYSTEM = SystemActor("export")


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="personal data exports").add_subparsers(dest="action",
                                                                                           required=True)
    candidate = export.add_parser("candidate", help="everything held about one candidate, as JSON")
    candidate.add_argument("candidate_id", type=int, metavar="ID")
    candidate.add_argument("--out", required=True, metavar="FILE.json", help="where to write it (- for stdout)")
    candidate.set_defaults(func=cmd_export_candidate)


def cmd_export_candidate(args: argparse.Namespace) -> int:
    from screening.i18n import t
    from screening.services import privacy
    from screening.services.errors import ServiceError
    from screening.store.engine import get_database

    try:
        data = privacy.export_candidate(get_database(), SYSTEM, args.candidate_id)
    except ServiceError as exc:
        print(t(exc.key), file=sys.stderr)
        return 1
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True)
    if args.out == "-":
        print(text)
        return 0
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
