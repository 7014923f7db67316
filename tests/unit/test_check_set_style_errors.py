"""The check-set report's per-style errors: with declines at the midpoint, and without them."""

from screening.suggest.check_set import style_errors
from screening.suggest.evaluate import Outcome


def outcome(human: float, predicted: float | None, style: str) -> Outcome:
    return Outcome(human, predicted, 0.5, None if predicted is not None else "off_topic", 3.0, (1, 5), "en",
                   "behavioural", style)


def test_a_declined_answer_counts_at_the_midpoint_in_one_figure_and_is_left_out_of_the_other() -> None:
    report = style_errors([outcome(1, None, "off_topic"), outcome(1, 1.5, "off_topic"), outcome(1, None, "off_topic"),
                           outcome(5, 4, "terse"), outcome(4, 4.5, "terse")])
    assert report["style_mean_error"] == {"off_topic": 1.5, "terse": -0.25}  # (2 + 0.5 + 2) / 3
    assert report["style_mean_error_suggested"] == {"off_topic": 0.5, "terse": -0.25}
    assert report["style_declined"] == {"off_topic": 2, "terse": 0}


def test_a_style_whose_every_answer_was_declined_has_no_suggested_error() -> None:
    report = style_errors([outcome(2, None, "vague")])
    assert report["style_mean_error"] == {"vague": 1.0}
    assert report["style_mean_error_suggested"] == {"vague": None}
    assert report["style_declined"] == {"vague": 1}
