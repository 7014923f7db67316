"""`screening users ...`: staff accounts from the command line, acting as the system (named in the audit log)."""

from __future__ import annotations

import argparse
import getpass
import sys

from screening.domain.actors import ROLES, SystemActor

SYSTEM = SystemActor("users")


def register(subparsers: argparse._SubParsersAction) -> None:
    users = subparsers.add_parser("users", help="staff accounts").add_subparsers(dest="action", required=True)
    create = users.add_parser("create-admin", help="create an admin account (prompts for the password)")
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.set_defaults(func=cmd_create_admin)
    users.add_parser("list", help="every staff account").set_defaults(func=cmd_list)
    deactivate = users.add_parser("deactivate", help="end an account's access (the last admin is kept)")
    deactivate.add_argument("email")
    deactivate.set_defaults(func=cmd_deactivate)
    role = users.add_parser("set-role", help="change an account's role; its sessions end")
    role.add_argument("email")
    role.add_argument("role", choices=ROLES)
    role.set_defaults(func=cmd_set_role)


def _ask_password() -> str:
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Same password again: ") != first:
        raise SystemExit("The two passwords differ; nothing was created.")
    return first


def _run(action) -> int:
    from screening.i18n import t
    from screening.services.errors import ServiceError

    try:
        action()
    except ServiceError as exc:
        print(t(exc.key, "en"), file=sys.stderr)
        return 1
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    from screening.services import auth
    from screening.store.engine import get_database

    password = _ask_password()

    def create() -> None:
        user_id = auth.create_user(get_database(), SYSTEM, email=args.email, name=args.name, role="admin",
                                   password=password)
        print(f"Admin account #{user_id} created.")

    return _run(create)


def cmd_list(args: argparse.Namespace) -> int:
    from screening.services import auth
    from screening.store.engine import get_database

    for u in auth.list_users(get_database(), SYSTEM):
        print(f"{u.user_id:>5}  {u.email:40} {u.role:10} {'active' if u.active else 'deactivated'}")
    return 0


def cmd_deactivate(args: argparse.Namespace) -> int:
    from screening.services import auth
    from screening.store.engine import get_database

    db = get_database()

    def deactivate() -> None:
        auth.set_active(db, SYSTEM, auth.find_user_id(db, SYSTEM, args.email), False)
        print("Account deactivated; its sessions have ended.")

    return _run(deactivate)


def cmd_set_role(args: argparse.Namespace) -> int:
    from screening.services import auth
    from screening.store.engine import get_database

    db = get_database()

    def set_role() -> None:
        auth.set_role(db, SYSTEM, auth.find_user_id(db, SYSTEM, args.email), args.role)
        print(f"Role set to {args.role}; the account's sessions have ended.")

    return _run(set_role)
