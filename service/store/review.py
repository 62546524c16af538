"""Staff reviews of answer feedback: the loop that turns a thumbs-down into a regression test.

A reviewer opens a feedback item and says whether the answer was right; for a wrong one, which
section should have answered, or that our sources do not answer it (``VERDICTS``). ``Reviews``
keeps one review per feedback item (a new one replaces the old) in the feedback's database.
``gold_lines`` writes the reviewed items as lines of our gold-suite format (``eval/suite.py``), so
``cancer-qa eval --suite FILE`` and ``make eval`` score them (``cancer-qa feedback export``, and
the staff page's download): a wrong answer becomes an answerable question whose relevant section
is the one the reviewer picked; a right one keeps the sections the answer cited; "not in our
sources" becomes an unanswerable question. Each line carries its review date (``reviewed``, and a
``reviewed:DATE`` tag) and its verdict. Only items whose question the person chose to share can
be replayed; the others are counted, not written.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from core.errors import BadFeedbackError
from service.store.feedback import Feedback, FeedbackStore

VERDICTS = ("right", "wrong", "not_in_sources")


@dataclass(frozen=True)
class Review:
    feedback_id: int
    verdict: str
    reviewed: str
    """The review date, ISO (YYYY-MM-DD)."""
    doc: str | None = None
    section: str | None = None
    """For a wrong answer: the section that should have answered."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Review:
        return cls(**data)


def new_review(
    feedback_id: int, verdict: str, today: date, doc: str | None = None, section: str | None = None
) -> Review:
    """Validate a review: a verdict we know; a section exactly when the answer was wrong."""
    if verdict not in VERDICTS:
        raise BadFeedbackError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if verdict == "wrong" and not (doc and section):
        raise BadFeedbackError("a wrong answer needs the section that should have answered")
    if verdict != "wrong":
        doc = section = None
    return Review(feedback_id, verdict, today.isoformat(), doc, section)


class Reviews:
    def __init__(self, store: FeedbackStore) -> None:
        self.store = store

    def save(self, review: Review) -> Review:
        if self.store.get(review.feedback_id) is None:
            raise BadFeedbackError(f"no feedback item {review.feedback_id}")
        row = review.to_dict()
        with self.store.database.transaction() as tx:
            tx.execute("DELETE FROM reviews WHERE feedback_id = :feedback_id", row)
            tx.execute(
                "INSERT INTO reviews (feedback_id, verdict, doc, section, reviewed) "
                "VALUES (:feedback_id, :verdict, :doc, :section, :reviewed)",
                row,
            )
        return review

    def of(self, feedback_ids: list[int]) -> dict[int, Review]:
        """The reviews of these feedback items, by id."""
        if not feedback_ids:
            return {}
        found = {}
        with self.store.database.transaction() as tx:
            for start in range(0, len(feedback_ids), 500):
                chunk = feedback_ids[start : start + 500]
                names = {f"i{n}": value for n, value in enumerate(chunk)}
                marks = ", ".join(f":{name}" for name in names)
                rows = tx.execute(
                    "SELECT feedback_id, verdict, reviewed, doc, section FROM reviews "
                    f"WHERE feedback_id IN ({marks})",
                    names,
                )
                for feedback_id, verdict, reviewed, doc, section in rows:
                    found[int(feedback_id)] = Review(int(feedback_id), verdict, reviewed, doc, section)
        return found

    def reviewed_items(self) -> list[tuple[Feedback, Review]]:
        """Every reviewed feedback item, oldest first."""
        with self.store.database.transaction() as tx:
            ids = [int(r[0]) for r in tx.execute("SELECT feedback_id FROM reviews ORDER BY feedback_id")]
        reviews = self.of(ids)
        items = [(self.store.get(i), reviews[i]) for i in ids]
        return [(f, r) for f, r in items if f is not None]


def gold_lines(reviews: Reviews) -> tuple[list[dict[str, Any]], int]:
    """The gold lines, and how many reviewed items had no shared question (or nothing to score)."""
    lines: list[dict[str, Any]] = []
    skipped = 0
    for feedback, review in reviews.reviewed_items():
        if not feedback.question:
            skipped += 1
            continue
        if review.verdict == "wrong":
            relevant = [{"doc": review.doc, "section": review.section}]
        elif review.verdict == "right":
            relevant = [{"doc": d, "section": s} for d, s in dict.fromkeys(feedback.sources)]
        else:
            relevant = []
        if review.verdict != "not_in_sources" and not relevant:
            skipped += 1
            continue
        lines.append(
            {
                "id": f"review-{feedback.id}",
                "question": feedback.question,
                "kind": "unanswerable" if review.verdict == "not_in_sources" else "answerable",
                "relevant": relevant,
                "tags": ["staff-review", f"verdict:{review.verdict}", f"reviewed:{review.reviewed}"],
                "reviewed": review.reviewed,
            }
        )
    return lines, skipped


def suite_text(reviews: Reviews) -> tuple[str, int, int]:
    """The gold lines as JSON Lines text; (text, lines, items skipped)."""
    lines, skipped = gold_lines(reviews)
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), len(lines), skipped
