"""`screening db backup|restore|reapply-erasures`: consistent SQLite backups, and restores that keep erasures.

PostgreSQL is backed up with pg_dump and restored with pg_restore: on PostgreSQL `backup` and
`restore` say so and fail (exit 2) rather than do nothing; `reapply-erasures` works on both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(db: argparse._SubParsersAction) -> None:
    """Add the commands to the `screening db` sub-commands."""
    backup = db.add_parser("backup", help="a consistent copy of the SQLite database, taken while the app runs")
    backup.add_argument("file", type=Path, help="where to write the copy (must not exist)")
    backup.set_defaults(func=cmd_backup)

    restore = db.add_parser("restore", help="bring a SQLite backup back, then re-apply every erasure made since "
                                            "(stop the app first)")
    restore.add_argument("file", type=Path, help="a file written by `screening db backup`")
    restore.add_argument("--erasures", type=Path, metavar="FILE",
                         help="the erasure list (default: <database>.erasures.jsonl beside the database)")
    restore.add_argument("--no-keep-previous", action="store_true",
                         help="do not keep the current database aside as <database>.before-restore-<time>")
    restore.set_defaults(func=cmd_restore)

    reapply = db.add_parser("reapply-erasures", help="re-apply the erasure list to the database "
                                                     "(after a pg_restore; `db restore` does it for SQLite)")
    reapply.add_argument("--erasures", type=Path, metavar="FILE", help="the erasure list (default: see docs)")
    reapply.set_defaults(func=cmd_reapply_erasures)


def cmd_backup(args: argparse.Namespace) -> int:
    from screening.store.backup import BackupError, NotSQLiteError, backup_sqlite

    try:
        report = backup_sqlite(args.file)
    except NotSQLiteError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BackupError as exc:
        print(f"No backup written: {exc}", file=sys.stderr)
        return 1
    print(f"Backup written to {report.path} ({report.bytes} bytes, schema {report.revision or 'unknown'}, "
          f"taken {report.taken_at:%Y-%m-%d %H:%M:%S} UTC). It holds personal data: store and expire it "
          "as docs/operations.md says.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from screening.store.backup import BackupError, NotSQLiteError, restore_sqlite

    try:
        report = restore_sqlite(args.file, log=args.erasures, keep_previous=not args.no_keep_previous)
    except NotSQLiteError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BackupError as exc:
        print(f"Nothing restored: {exc}", file=sys.stderr)
        return 1
    r = report.reapplied
    print(f"Restored {args.file} (schema {report.backup_revision or 'unknown'}, now migrated to the latest) "
          f"into {report.database}.")
    print(f"Erasure list: {r.erasures} erasure(s); {len(r.reerased)} candidate(s) erased again, "
          f"{r.already_erased} already erased in the backup, {len(r.not_in_database)} not in it.")
    if report.previous is not None:
        print(f"The database as it was before the restore is kept at {report.previous}: delete it once "
              "the restore is checked (it holds personal data).")
    return 0


def cmd_reapply_erasures(args: argparse.Namespace) -> int:
    from screening.store.backup import erasure_log_path, reapply_from_log

    log = args.erasures or erasure_log_path()
    if not log.exists():
        print(f"No erasure list at {log}: nothing to re-apply. If erasures were made, find the list "
              "before the app starts again (docs/operations.md).", file=sys.stderr)
        return 1
    r = reapply_from_log(log=log, source="command")
    print(f"Erasure list {log}: {r.erasures} erasure(s); {len(r.reerased)} candidate(s) erased again, "
          f"{r.already_erased} already erased, {len(r.not_in_database)} not in this database.")
    if r.unreadable_lines:
        print(f"{len(r.unreadable_lines)} line(s) could not be read: {r.unreadable_lines[:20]}", file=sys.stderr)
        return 1
    return 0
