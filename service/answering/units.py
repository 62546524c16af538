"""What a chosen sentence cannot stand without, and how much of a list to show.

A sentence comes with its list's lead-in and items, or with the sentence before it when it opens
with "This"/"These"/"It". A short item ending with ":" ("In stage IIA:") heads the items after it
(a nested list the page flattened). A list too long for the answer keeps its lead-in and the
entries nearest the question, in the page's order; the sentences of one bullet stay together,
except that a labelled entry ("MRI: A procedure that...") may show only its first sentence. A whole
sentence after a run of short phrases is the outer list going on, not the sub-list's next item.
"""

from __future__ import annotations

import re

from index.store import StoredIndex

_ANAPHOR = re.compile(r"^(This|These|That|Those|It|They|Such|Both|Each|Also|However|But)\b")
MAX_ITEMS = 12  # entries shown from one list; a longer list shows those nearest the question
_MAX_LIST = 40  # items read from one list before choosing
_NESTED_LEAD_WORDS = 16  # an item ending with ":" this short heads a flattened sub-list
_MAX_PARAGRAPH_ENTRIES = 3
_SENTENCE_WORDS = 4  # an entry this long ending with "." is a sentence, not a phrase ("Asbestos.")
NO_LIMIT = 10**6
_LABELLED = re.compile(r"^[^:.]{1,60}\s?:\s+\S")  # "Skeletal bone survey: In a skeletal bone survey..."

Group = list[tuple[int, bool]]
"""(sentence number, is a list item) in the page's order."""


def word_count(text: str) -> int:
    return len(text.split())


def fit(
    index: StoredIndex,
    doc_id: str,
    group: Group,
    budget: int,
    anchor: int,
    scores: dict[tuple[str, int], float],
) -> Group:
    """The unit within ``budget`` words. A list keeps its lead-in and, when it is too long, the
    entries nearest the question (the one that brought it first), in the page's order; at least
    two entries, or it is not worth showing. In a list of labelled entries each entry's first
    sentence comes before any entry's detail. Any other unit fits whole or not at all."""
    sizes = {j: word_count(sentence_text(index, doc_id, j)) for j, _ in group}
    total = sum(sizes.values())
    if not is_list(index, doc_id, group):
        return group if total <= budget else []
    entries = _entries(index, doc_id, group[1:])
    if total <= budget and len(entries) <= MAX_ITEMS:
        return group

    def rank(entry: Group) -> tuple[bool, float]:
        best = max(scores.get((doc_id, j), -1.0) for j, _ in entry)
        return (all(j != anchor for j, _ in entry), -best)

    ordered = sorted(entries, key=rank)
    if _labelled(index, doc_id, entries):
        # "MRI: A procedure that..." says what each entry is; the rest of a bullet is detail.
        split = [(head, e[len(head) :]) for e in ordered for head in [_head(index, doc_id, e)]]
        ordered = [head for head, _ in split] + [rest for _, rest in split]
    kept, used, shown = [group[0]], sizes[group[0][0]], 0
    heads = {e[0][0] for e in entries}
    for entry in filter(None, ordered):
        size = sum(sizes[j] for j, _ in entry)
        new = entry[0][0] in heads
        if (new and shown >= MAX_ITEMS) or used + size > budget:
            continue
        if not new and entry[0][0] - 1 not in {j for j, _ in kept}:
            continue  # the rest of a bullet only after its head
        kept.extend(entry)
        used += size
        shown += new
    return sorted(kept) if shown >= 2 else []


def _labelled(index: StoredIndex, doc_id: str, entries: list[Group]) -> bool:
    return 2 * sum(bool(_LABELLED.match(sentence_text(index, doc_id, e[0][0]))) for e in entries) >= len(
        entries
    )


def _head(index: StoredIndex, doc_id: str, entry: Group) -> Group:
    """A labelled entry's first sentence, unless it leads the lines after it ("...the following:")."""
    return entry if sentence_text(index, doc_id, entry[0][0]).rstrip().endswith(":") else entry[:1]


def _entries(index: StoredIndex, doc_id: str, members: Group) -> list[Group]:
    """List members grouped into entries: the sentences of one bullet stay together. In a list of
    labelled entries ("Urine test: A test in which..."), an entry ending with ":" keeps the
    unlabelled bullets after it (a sub-list the page flattened: "Blood count: ... checked for the
    following:" then "- The number of red cells."), up to the next labelled entry."""
    doc = index.documents[doc_id]
    lines: list[Group] = []
    for j, item in members:
        joined = bool(lines) and "\n" not in doc.text[doc.sentences[j - 1].end : doc.sentences[j].start]
        if joined and lines[-1][-1][0] == j - 1:
            lines[-1].append((j, item))
        else:
            lines.append([(j, item)])
    labelled = [bool(_LABELLED.match(sentence_text(index, doc_id, line[0][0]))) for line in lines]
    if 2 * sum(labelled) < len(lines):
        return lines  # a plain list: no way to tell a flattened sub-list from the rest
    entries: list[Group] = []
    open_head = False
    for line, label in zip(lines, labelled, strict=True):
        last = sentence_text(index, doc_id, line[-1][0])
        if open_head and not label and not last.rstrip().endswith(":"):
            entries[-1].extend(line)
            continue
        entries.append(list(line))
        open_head = last.rstrip().endswith(":")
    return entries


def is_list(index: StoredIndex, doc_id: str, group: Group) -> bool:
    return len(group) > 2 and sentence_text(index, doc_id, group[0][0]).rstrip().endswith(":")


def sentence_text(index: StoredIndex, doc_id: str, i: int) -> str:
    doc = index.documents[doc_id]
    s = doc.sentences[i]
    return doc.text[s.start : s.end]


def unit(index: StoredIndex, doc_id: str, i: int) -> Group:
    """The sentence plus what it cannot stand without: a list's lead-in and items, or an antecedent.

    A short item that ends with ":" ("In stage IIA:") leads the items after it (a nested list that the
    page flattened); an item below it belongs to it rather than to the outer list."""
    sentences = index.documents[doc_id].sentences
    section = sentences[i].section

    def same(j: int) -> bool:
        return 0 <= j < len(sentences) and sentences[j].section == section

    def text(j: int) -> str:
        return sentence_text(index, doc_id, j).rstrip()

    def nested_lead(j: int) -> bool:
        return sentences[j].item and text(j).endswith(":") and word_count(text(j)) <= _NESTED_LEAD_WORDS

    def outer(j: int) -> bool:
        """A whole sentence right after a run of short phrases: the outer list goes on (a "Key
        Points" list flattened: "...supplements" then "Cancer prevention clinical trials are...")."""
        return _sentence_like(text(j)) and same(j - 1) and sentences[j - 1].item and _phrase(text(j - 1))

    start = i
    if sentences[i].item and not nested_lead(i):
        lead = i
        while same(lead - 1) and sentences[lead - 1].item and not nested_lead(lead - 1) and not outer(lead):
            lead -= 1
        if outer(lead):
            return [(i, True)]
        if not (same(lead - 1) and text(lead - 1).endswith(":")):
            return [(i, True)]
        start = lead - 1
    elif not sentences[i].item and same(i - 1) and text(i - 1).endswith(":"):
        start = i - 1  # the first entry of a list written as paragraphs: its lead-in comes first
    elif not sentences[i].item and _ANAPHOR.match(text(i)) and same(i - 1):
        return [(i - 1, sentences[i - 1].item), (i, False)]
    group = [(start, sentences[start].item)]
    if text(start).endswith(":"):
        # Bullets follow, or (in some converted pages) plain paragraphs: take a few of those.
        bullets = same(start + 1) and sentences[start + 1].item
        limit = _MAX_LIST if bullets else _MAX_PARAGRAPH_ENTRIES
        j = start + 1
        while same(j) and len(group) <= limit and sentences[j].item == bullets:
            if fragment(text(j), bullets) or (nested_lead(start) and (nested_lead(j) or outer(j))):
                break
            group.append((j, bullets))
            j += 1
        if len(group) == 1:
            return []  # a lead-in with nothing after it says nothing
    return group


def _sentence_like(text: str) -> bool:
    return text.rstrip()[-1:] in (".", "!", "?") and word_count(text) >= _SENTENCE_WORDS


def _phrase(text: str) -> bool:
    """A short list entry that is not a sentence ("Diet", "Vitamin E supplements", "Asbestos.")."""
    return not text.rstrip().endswith(":") and not _sentence_like(text)


def fragment(text: str, item: bool) -> bool:
    """A heading-like line inside a section ("Signs of a functioning tumor"): not a sentence."""
    return not item and text.rstrip()[-1:] not in (".", "!", "?", ":", ")")
