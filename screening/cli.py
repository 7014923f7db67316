"""`screening ...` commands: db upgrade, banks validate/coverage/schema, demo, report, model, score-eval."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from screening.domain.vocab import LANGUAGES
from screening.yaml_errors import BankValidationError


def _bank_errors() -> tuple[list[str], object, object]:
    from screening.banks import load_bank_dirs
    from screening.config import get_settings
    from screening.framework import load_framework
    from screening.targets import load_targets

    settings = get_settings()
    try:
        framework = load_framework(settings.banks_dir / "framework.yaml")
    except BankValidationError as exc:
        return [str(e) for e in exc.errors], None, None
    except FileNotFoundError as exc:
        return [f"{exc.filename}: -: -: file not found"], None, None
    bank, errors = load_bank_dirs(settings.bank_roots, framework)
    messages = [str(e) for e in errors]
    from screening.banks import HELD_OUT_DIRS, load_eval_set

    for held_out in HELD_OUT_DIRS:  # validated here, never loaded into the app
        if (settings.banks_dir / held_out).is_dir():
            messages += [str(e) for e in load_eval_set(settings.banks_dir / held_out, framework)[1]]
    if (settings.banks_dir / "criteria").is_dir():  # the suggester's labelled sentences
        from screening.suggest.criteria import CriteriaError, load_sentences

        try:
            load_sentences(settings.banks_dir / "criteria")
        except CriteriaError as exc:
            messages.append(str(exc))
    try:
        load_targets(settings.banks_dir / "profiles", framework)
    except BankValidationError as exc:
        messages += [str(e) for e in exc.errors]
    return messages, bank, framework


def cmd_banks_validate(args: argparse.Namespace) -> int:
    from screening.banks import coverage_gaps

    messages, bank, framework = _bank_errors()
    if not messages and args.strict:
        from screening.config import get_settings
        from screening.targets import load_targets

        targets = load_targets(get_settings().banks_dir / "profiles", framework)  # type: ignore[arg-type]
        messages = [f"coverage: {gap}" for gap in coverage_gaps(bank, framework, targets)]  # type: ignore[arg-type]
        from screening.banks_audit import misses

        messages += [f"audit: {miss}" for miss in misses(_audit(bank))]
    for m in messages:
        print(m, file=sys.stderr)
    if messages:
        print(f"{len(messages)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"Banks valid: {len(bank.sjt_items)} SJT items, {len(bank.questions)} interview questions.")  # type: ignore[attr-defined]
    return 0


def _audit(bank: object) -> dict:
    from screening.banks_audit import NAMES_FILE, audit_bank, load_names
    from screening.config import get_settings

    names_path = get_settings().banks_dir / NAMES_FILE
    names = load_names(names_path) if names_path.exists() else None
    return audit_bank(bank, names)  # type: ignore[arg-type]


def cmd_banks_audit(args: argparse.Namespace) -> int:
    from screening.banks_audit import misses, report, to_json

    messages, bank, _ = _bank_errors()
    if messages:
        print("\n".join(messages), file=sys.stderr)
        return 1
    audit = _audit(bank)
    print(json.dumps(to_json(audit), indent=1, ensure_ascii=False) if args.json else report(audit))
    missed = misses(audit)
    for miss in missed:
        print(f"audit: {miss}", file=sys.stderr)
    return 1 if missed and args.strict else 0


def cmd_banks_coverage(args: argparse.Namespace) -> int:
    from screening.banks import coverage

    messages, bank, framework = _bank_errors()
    if messages:
        print("\n".join(messages), file=sys.stderr)
        return 1
    table = coverage(bank, framework)  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(table, indent=1))
    else:
        for sid, c in table.items():
            print(f"{sid:36} sjt {c['sjt']['en']:>2}/{c['sjt']['fr']:<2} interview "
                  f"{c['interview']['en']:>2}/{c['interview']['fr']:<2} exemplars "
                  f"{c['exemplars']['en']:>3}/{c['exemplars']['fr']:<3}")
    return 0


def cmd_banks_schema(args: argparse.Namespace) -> int:
    from screening.bank_schema import bank_json_schema
    from screening.config import get_settings

    text = json.dumps(bank_json_schema(), indent=2, ensure_ascii=False)
    if args.out == "-":
        print(text)
        return 0
    out = Path(args.out) if args.out else get_settings().banks_dir / "bank.schema.json"
    out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from screening.store.migrate import upgrade

    upgrade()
    print("Database is at the latest schema.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from screening.demo import load_demo
    from screening.store.engine import get_database

    result = load_demo(get_database())
    print("DEMO DATA " + ("loaded." if result.created else "was already loaded."))
    print("Demo staff accounts (e-mail / password / role):")
    for email, password, role in result.accounts:
        print(f"  {email:28} {password:16} {role}")
    print(f"Demo candidate invite link (not started yet):\n  {result.invite_url}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from screening.domain.actors import SystemActor
    from screening.report import render_campaign_zip, render_profile_pdf
    from screening.services import campaigns, profiles
    from screening.services._plans import get_plans
    from screening.store.engine import get_database
    from screening.store.models import Campaign

    db = get_database()
    system = SystemActor("report")  # the command line runs with the operator's full rights, named as such
    framework, plans = campaigns.reference_catalog(db, system).framework, get_plans()
    if args.campaign:
        with db.read() as s:
            from sqlmodel import select
            ids = [int(c.id or 0) for c in s.exec(select(Campaign)).all()] if args.campaign == "all" \
                else [int(args.campaign)]
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for cid in ids:
            people = profiles.campaign_profiles(db, system, cid)
            files, archive = render_campaign_zip(people, framework, plans)
            for name, pdf in files.items():
                (out / name).write_bytes(pdf)
            (out / f"campaign-{cid}.zip").write_bytes(archive)
            profiles.log_pdf_handed_out(db, system, [p.meta.candidate_id for p in people], via="cli")
            print(f"campaign {cid}: {len(files)} PDF(s) in {out}")
        return 0
    if args.candidate is None:
        print("give a CANDIDATE id or --campaign ID|all", file=sys.stderr)
        return 2
    profile = profiles.candidate_profile(db, system, int(args.candidate))
    if args.lang:
        from dataclasses import replace
        profile = replace(profile, meta=replace(profile.meta, language=args.lang))
    Path(args.out).write_bytes(render_profile_pdf(profile, framework, plans))
    profiles.log_pdf_handed_out(db, system, [int(args.candidate)], via="cli")
    print(f"wrote {args.out}")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from screening.domain.actors import SystemActor
    from screening.services.candidates import purge_older_than
    from screening.store.engine import get_database

    erased = purge_older_than(get_database(), SystemActor("purge"), args.older_than)
    print(f"Erased the personal data of {len(erased)} candidate(s): campaign closed, or never started with their "
          f"link expired, more than {args.older_than} days ago.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="screening", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="database").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="apply migrations").set_defaults(func=cmd_db_upgrade)
    __import__("screening.cli_db", fromlist=["register"]).register(db)  # db backup, restore, reapply-erasures

    banks = sub.add_parser("banks", help="question banks").add_subparsers(dest="action", required=True)
    validate = banks.add_parser("validate", help="check every bank file")
    validate.add_argument("--strict", action="store_true",
                          help="also require the depth rules and the audit targets (see question_banks/README.md)")
    validate.set_defaults(func=cmd_banks_validate)
    cov = banks.add_parser("coverage", help="items per skill and language")
    cov.add_argument("--json", action="store_true")
    cov.set_defaults(func=cmd_banks_coverage)
    audit = banks.add_parser("audit", help="can a candidate score by length or wording alone? (and other checks)")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    audit.set_defaults(func=cmd_banks_audit)
    schema = banks.add_parser("schema", help="write the JSON Schema of the bank format")
    schema.add_argument("--out", help="where to write it (default question_banks/bank.schema.json; - for stdout)")
    schema.set_defaults(func=cmd_banks_schema)

    sub.add_parser("demo", help="load labelled demo data").set_defaults(func=cmd_demo)

    report = sub.add_parser("report", help="write profile PDFs")
    report.add_argument("candidate", nargs="?")
    report.add_argument("--lang", choices=LANGUAGES)
    report.add_argument("--campaign", help="a campaign id or 'all'")
    report.add_argument("--out", required=True)
    report.set_defaults(func=cmd_report)

    purge = sub.add_parser("purge", help="retention: erase candidates' personal data after N days")
    purge.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    purge.set_defaults(func=cmd_purge)

    from screening import cli_mail, cli_model, cli_privacy, cli_psychometrics, cli_users
    cli_privacy.register(sub)
    cli_model.register(sub)
    cli_users.register(sub)
    cli_psychometrics.register(sub)
    cli_mail.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BankValidationError as exc:
        print(str(exc), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
