"""The candidate's whole journey on one page, from the invite link: consent, SJT, written answers, submit.

One page on purpose: switching pages would drop the `?invite=` query parameter.
Every answer is saved by a widget callback the moment it is given.
"""

from __future__ import annotations

import string

import streamlit as st

from screening.domain.actors import CandidateActor
from screening.i18n import t
from screening.services import attempts
from screening.services.attempts import AttemptView, PlannedSjt
from screening.services.errors import ServiceError
from screening.domain.answers import ANSWER_MAX_CHARS
from screening.ui.autosave import autosave_text
from screening.ui.components import db, inert


def render(token: str) -> None:
    link = CandidateActor(token)
    if st.session_state.get("cand_submitted") == link:
        st.success(t("cand.thanks", st.session_state.get("cand_lang", "en")))
        return
    try:
        view = attempts.open_attempt(db(), link)
    except ServiceError as exc:
        st.info(t(exc.key, "en") + "\n\n" + t(exc.key, "fr"))
        return
    lang = view.language
    st.session_state["cand_lang"] = lang
    error = st.session_state.pop("cand_error", None)
    if error:
        st.error(t(error, lang))
    if not view.consented:
        _intro(view, link)
    elif view.step <= len(view.sjt):
        _progress(view)
        _sjt_screen(view, link, view.sjt[view.step - 1], view.step)
    elif view.step <= view.total_steps:
        _progress(view)
        _written_screen(view, link, view.step)
    else:
        _review(view, link)


def _call(fn, *args) -> None:  # type: ignore[no-untyped-def]
    """Run a service call from a widget callback; keep its refusal to show on the next run."""
    try:
        fn(db(), *args)
    except ServiceError as exc:
        st.session_state["cand_error"] = exc.key


def _intro(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    st.title(t("cand.hello", lang, name=inert(view.candidate_name)))
    st.markdown(t("cand.intro", lang, campaign=inert(view.campaign_name), sjt=len(view.sjt),
                  written=len(view.written), minutes=view.minutes))
    st.info(t("cand.resume", lang))
    st.markdown(t("cand.data", lang))
    st.markdown(t("cand.about", lang, href=f"?about={lang}"))
    agreed = st.checkbox(t("cand.consent", lang), key="cand_consent")
    st.button(t("cand.start", lang), type="primary", disabled=not agreed, on_click=_call,
              args=(attempts.give_consent, link), key="cand_start")


def _progress(view: AttemptView) -> None:
    st.progress(min(1.0, (view.step - 1) / max(view.total_steps, 1)),
                text=t("cand.progress", view.language, n=view.step, total=view.total_steps))


def _nav(view: AttemptView, link: CandidateActor) -> None:
    left, right = st.columns(2)
    with left:
        if view.step > 1:
            st.button(t("cand.back", view.language), on_click=_move, args=(link, view.step - 1),
                      key=f"back_{view.step}", width="stretch")
    with right:
        st.button(t("cand.next", view.language), type="primary", on_click=_move,
                  args=(link, view.step + 1), key=f"next_{view.step}", width="stretch")


def _move(link: CandidateActor, step: int) -> None:
    _call(attempts.go_to_step, link, step)


def _sjt_screen(view: AttemptView, link: CandidateActor, planned: PlannedSjt, step: int) -> None:
    lang = view.language
    item = planned.item
    st.markdown(inert(item.scenario.get(lang)))
    by_id = {o.id: o for o in item.options}
    letters = dict(zip(planned.option_order, string.ascii_uppercase))
    for oid in planned.option_order:
        st.markdown(f"**{letters[oid]}.** {inert(by_id[oid].text.get(lang))}")
    stored = view.answers.get(item.id, {})
    label = lambda oid: t("cand.response", lang, letter=letters[oid])  # noqa: E731
    if item.response_format == "best_worst":
        for part in ("best", "worst"):
            key = f"{part}_{item.id}"
            value = stored.get(part)
            st.radio(t(f"cand.{part}", lang), planned.option_order, format_func=label, horizontal=True, key=key,
                     index=planned.option_order.index(value) if value in planned.option_order else None,
                     on_change=_save_best_worst, args=(link, item.id))
        if stored.get("best") and stored.get("best") == stored.get("worst"):
            st.warning(t("cand.same", lang))
    else:
        st.caption(t("cand.rate", lang))
        ratings = stored.get("ratings", {})
        for oid in planned.option_order:
            st.radio(label(oid), [1, 2, 3, 4, 5], horizontal=True, key=f"rate_{item.id}_{oid}",
                     index=ratings[oid] - 1 if oid in ratings else None,
                     on_change=_save_ratings, args=(link, item.id, planned.option_order))
    _nav(view, link)


def _save_best_worst(link: CandidateActor, item_id: str) -> None:
    response = {p: st.session_state.get(f"{p}_{item_id}") for p in ("best", "worst")}
    _call(attempts.save_sjt_answer, link, item_id, {k: v for k, v in response.items() if v})


def _save_ratings(link: CandidateActor, item_id: str, order: tuple[str, ...]) -> None:
    ratings = {oid: st.session_state.get(f"rate_{item_id}_{oid}") for oid in order}
    _call(attempts.save_sjt_answer, link, item_id, {"ratings": {k: v for k, v in ratings.items() if v}})


def _written_screen(view: AttemptView, link: CandidateActor, step: int) -> None:
    lang = view.language
    question = view.written[step - len(view.sjt) - 1]
    st.markdown(f"#### {inert(question.prompt.get(lang))}")
    st.caption(t("cand.written_help", lang))

    def save(text: str) -> None:
        # raises on a refusal, so the box tells the candidate the change was not saved and tries again
        attempts.save_written_answer(db(), link, question.id, text)

    autosave_text(f"text_{question.id}", label=t("cand.your_answer", lang), value=view.texts.get(question.id, ""),
                  max_chars=ANSWER_MAX_CHARS, on_save=save, language=lang,
                  counter_text=t("cand.counter", lang), help=t("cand.limit_help", lang, max=ANSWER_MAX_CHARS))
    _nav(view, link)


def _review(view: AttemptView, link: CandidateActor) -> None:
    lang = view.language
    items = [p.item.id for p in view.sjt] + [q.id for q in view.written]
    done = sum(1 for i in items if view.answered(i))
    st.subheader(t("cand.review", lang))
    st.write(t("cand.review_counts", lang, done=done, total=len(items)))
    if done < len(items):
        st.warning(t("cand.review_missing", lang))
    st.button(t("cand.back", lang), on_click=_move, args=(link, view.total_steps), key="review_back")
    sure = st.checkbox(t("cand.confirm", lang), key="cand_confirm")
    if st.button(t("cand.submit", lang), type="primary", disabled=not sure, key="cand_submit"):
        try:
            attempts.submit(db(), link)
        except ServiceError as exc:
            st.error(t(exc.key, lang))
            return
        st.session_state["cand_submitted"] = link
        st.rerun()
