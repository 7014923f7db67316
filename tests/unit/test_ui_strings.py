"""Every word a page shows comes from the catalog: an AST walk over the Streamlit script and screening/ui finds
string literals with letters passed as the visible text of a Streamlit call (labels, bodies, help, options shown
as they are, tab names, page titles, column labels, dataframe column names) other than through `t(...)`.

A literal counts when it reaches the call as it is: directly, in an f-string, a concatenation, a conditional,
a list or dict (table rows, tab names), or through a local variable of the same function. Values computed by
another call (`t(...)`, `inert(...)`, `date.strftime("%Y")`) do not. Literals without a letter (icons,
separators, `"-"`) are allowed."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from screening import REPO_DIR
from screening.i18n import CATALOG

FILES = [*sorted((REPO_DIR / "screening" / "ui").rglob("*.py")), REPO_DIR / "app.py"]
LETTER = re.compile(r"[^\W\d_]")
# Streamlit's markdown syntax, not words: `:orange-badge[...]`, `:red[...]`, `:material/check:`
DIRECTIVE = re.compile(r":[a-z]+(?:-[a-z]+)?\[|:material/[a-z_]+:")

# Streamlit calls whose first positional argument is shown to the user
LABELLED = {"title", "header", "subheader", "write", "markdown", "caption", "text", "button", "selectbox", "radio",
            "text_input", "text_area", "number_input", "checkbox", "toggle", "tabs", "expander", "metric", "info",
            "warning", "error", "success", "toast", "spinner", "status", "download_button", "form_submit_button",
            "link_button", "multiselect", "slider", "select_slider", "date_input", "time_input", "file_uploader",
            "popover", "segmented_control", "pills", "color_picker", "dataframe", "table", "data_editor", "Page",
            "set_page_config"}
SHOWN_KEYWORDS = {"label", "body", "help", "placeholder", "title", "page_title", "caption"}
OPTION_CALLS = {"selectbox", "radio", "multiselect", "select_slider", "segmented_control", "pills"}
NOT_STREAMLIT = {"log", "logger", "logging", "warnings", "parser", "self"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    call: str
    text: str
    column: int = 0


def _is_t(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "t"


def _streamlit_call(call: ast.Call) -> str | None:
    """The Streamlit function a call names (`st.button`, `st.sidebar.caption`, `left.metric`,
    `st.column_config.NumberColumn`), or None."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    receiver = ast.unparse(func.value)
    if receiver.split(".")[0].split("[")[0] in NOT_STREAMLIT:
        return None
    if receiver == "st.column_config":
        return f"column_config.{func.attr}"
    if func.attr in LABELLED and (receiver.startswith("st") or isinstance(func.value, ast.Name | ast.Subscript)):
        return func.attr
    return None


class _Scope:
    """Local assignments of the function being walked, so `label = "Save"; st.button(label)` is caught."""

    def __init__(self, function: ast.AST | None) -> None:
        self.values: dict[str, list[ast.expr]] = {}
        for node in ast.walk(function) if function is not None else ():
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.values.setdefault(target.id, []).append(node.value)
            elif (isinstance(node, ast.AugAssign | ast.AnnAssign) and isinstance(node.target, ast.Name)
                  and node.value is not None):  # also `labels |= {...}`
                self.values.setdefault(node.target.id, []).append(node.value)


def _shown_literals(expr: ast.expr, scope: _Scope, depth: int = 0) -> list[ast.Constant]:
    """String literals with letters that reach the screen as they are through this expression."""
    if depth > 8:
        return []
    found: list[ast.Constant] = []

    def walk(e: ast.expr | None) -> None:
        if e is None:
            return
        if isinstance(e, ast.Constant):
            if isinstance(e.value, str) and LETTER.search(DIRECTIVE.sub("", e.value)):
                found.append(e)
        elif isinstance(e, ast.JoinedStr):
            for part in e.values:
                walk(part)
        elif isinstance(e, ast.FormattedValue):
            walk(e.value)
        elif isinstance(e, ast.BinOp):
            walk(e.left)
            walk(e.right)
        elif isinstance(e, ast.IfExp):
            walk(e.body)
            walk(e.orelse)
        elif isinstance(e, ast.BoolOp):
            for v in e.values:
                walk(v)
        elif isinstance(e, ast.List | ast.Tuple | ast.Set):
            for v in e.elts:
                walk(v)
        elif isinstance(e, ast.Dict):  # table rows: the keys are column names, the values cells
            for k in e.keys:
                walk(k)
            for v in e.values:
                walk(v)
        elif isinstance(e, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            walk(e.elt)
        elif isinstance(e, ast.DictComp):
            walk(e.key)
            walk(e.value)
        elif isinstance(e, ast.Subscript) and isinstance(e.value, ast.Dict):  # {"en": "English"}[code]
            for v in e.value.values:
                walk(v)
        elif isinstance(e, ast.Starred | ast.Subscript):
            walk(e.value)
        elif isinstance(e, ast.Lambda):  # format_func=lambda v: ...
            walk(e.body)
        elif isinstance(e, ast.Attribute) and e.attr == "__getitem__":  # format_func=labels.__getitem__
            mappings = scope.values.get(e.value.id, []) if isinstance(e.value, ast.Name) else [e.value]
            for mapping in mappings:  # a mapping's keys are the options, its values are shown
                if isinstance(mapping, ast.Dict):
                    for v in mapping.values:
                        walk(v)
                elif isinstance(mapping, ast.DictComp):
                    walk(mapping.value)
                else:
                    walk(mapping)
        elif isinstance(e, ast.Call) and not _is_t(e):
            if isinstance(e.func, ast.Attribute) and e.func.attr in ("format", "join"):
                walk(e.func.value)  # "Hello {name}".format(...) and ", ".join(...) show their receiver
                for a in e.args:
                    walk(a)
        elif isinstance(e, ast.Name):
            for value in scope.values.get(e.id, []):
                found.extend(_shown_literals(value, scope, depth + 1))

    walk(expr)
    return found


def _shown_arguments(call: ast.Call, name: str) -> list[ast.expr]:
    shown: list[ast.expr] = []
    if call.args and name != "Page":  # st.Page's first argument is the page function or file
        shown.append(call.args[0])
    if name == "metric":
        shown += call.args[1:3]
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    shown += [v for k, v in keywords.items() if k in SHOWN_KEYWORDS]
    if name in OPTION_CALLS:
        if "format_func" in keywords:
            shown.append(keywords["format_func"])
        else:  # options are shown as they are
            shown += call.args[1:2] + [keywords[k] for k in ("options",) if k in keywords]
    return shown


def findings_in(source: str, path: str) -> list[Finding]:
    tree = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}

    def function_of(node: ast.AST) -> ast.AST | None:
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                return node
        return tree

    out: list[Finding] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _streamlit_call(node)
        if name is None:
            continue
        scope = _Scope(function_of(node))
        for arg in _shown_arguments(node, name):
            out += [Finding(path, lit.lineno, name, str(lit.value), lit.col_offset)
                    for lit in _shown_literals(arg, scope)]
    return sorted(out, key=lambda f: (f.line, f.column))


def test_the_scanner_finds_literals_and_lets_catalog_words_through():
    source = '''
def page(rows, lang):
    st.header("Campaigns")
    st.caption(f"{t('a.b', lang)} · {len(rows)}")
    st.caption(f"Total: {len(rows)}")
    label = "Download"
    st.download_button(label, data=b"", key="dl")
    st.dataframe([{t("col.name", lang): r.name, "Score": r.score} for r in rows], width="stretch")
    st.radio(t("x", lang), ["yes", "no"], key="r")
    st.radio(t("x", lang), ["en", "fr"], format_func=lambda v: t("lang." + v, lang))
    st.radio(t("x", lang), ["en", "fr"], format_func=lambda c: {"en": "English"}[c])
    left.metric(t("m", lang), "n/a")
    st.Page(render, title="Users", url_path="users")
    st.markdown("---")
    st.caption(f":orange-badge[{t('demo.badge', lang)}]")
    st.write(row.when.strftime("%Y-%m-%d"))
    people = {r.id: f"{r.name} · no. {r.id}" for r in rows}
    st.selectbox(t("p", lang), list(people), format_func=people.__getitem__)
    cfg = {"score": st.column_config.NumberColumn("Score", help=t("h", lang))}
    st.set_page_config(page_title="Screening")
    log.info("not on a page")
'''
    found = [(f.call, f.text) for f in findings_in(source, "x.py")]
    assert found == [("header", "Campaigns"), ("caption", "Total: "), ("download_button", "Download"),
                     ("dataframe", "Score"), ("radio", "yes"), ("radio", "no"), ("radio", "English"),
                     ("metric", "n/a"),
                     ("Page", "Users"), ("selectbox", " · no. "), ("column_config.NumberColumn", "Score"),
                     ("set_page_config", "Screening")]


def test_every_visible_string_of_the_pages_comes_from_the_catalog():
    found = [f for path in FILES
             for f in findings_in(path.read_text(encoding="utf-8"), str(path.relative_to(REPO_DIR)))]
    assert found == [], "\n".join(f"{f.path}:{f.line} {f.call}: {f.text!r}" for f in found)


def test_the_files_scanned_include_every_page():
    names = {Path(f).name for f in FILES}
    assert {"app.py", "shell.py", "console.py", "admin.py", "candidate.py", "dashboard.py"} <= names


def _audited_actions() -> set[str]:
    """Every action the services write to the audit log: `record(session, actor, ACTION, entity, id)`, and the
    mail actions passed to `_deliver(..., ACTION, actor)`."""
    actions: set[str] = set()
    for path in (REPO_DIR / "screening" / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            position = {"record": 2, "_deliver": 4}.get(node.func.id)
            if position is not None and len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    actions.add(arg.value)
    return actions


def test_every_audited_action_and_role_has_a_label_in_both_languages():
    from screening.domain.actors import ROLES

    actions = _audited_actions()
    assert {"rating.create", "decision.record", "invite.email", "invite.remind", "session.end"} <= actions
    keys = [f"audit.do.{a}" for a in sorted(actions)] + [f"role.{r}" for r in ROLES]
    missing = [k for k in keys if set(CATALOG.get(k, {})) != {"en", "fr"}]
    assert missing == []
