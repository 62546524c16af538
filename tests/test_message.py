"""Message understanding on messages written for these tests (not from the eval suites)."""

from __future__ import annotations

from ingest.model import Document, Metadata, Section
from service.understanding.focus import FocusFinder, rare_focus
from service.understanding.message import Message, read_message, split_sentences, within


def _doc(
    doc_id: str, title: str, text: str, headings: tuple[str, ...], types: tuple[str, ...] = ()
) -> Document:
    sections = tuple(Section(h, 0, len(text)) for h in headings)
    return Document(
        doc_id, f"{doc_id}.md", "markdown", Metadata(title=title, cancer_types=types), text, sections
    )


DOCS = [
    _doc(
        "colon",
        "Colon Cancer Treatment (PDQ®) – Patient Version",
        "Colon cancer forms in the colon. The eye is not involved.",
        ("General Information About Colon Cancer", "Stages of Colon Cancer"),
    ),
    _doc(
        "cranio",
        "Childhood Craniopharyngioma Treatment (PDQ®) – Patient Version",
        "Craniopharyngiomas are rare tumors near the pituitary gland. They can affect the eye.",
        ("General Information About Childhood Craniopharyngioma",),
    ),
    _doc(
        "eye",
        "Intraocular Melanoma Treatment (PDQ®) – Patient Version",
        "Melanoma of the eye. The eye has several parts.",
        ("General Information About Intraocular Melanoma",),
        ("eye",),
    ),
]
FINDER = FocusFinder(DOCS)


def test_focus_names_come_from_titles_and_the_most_specific_one_wins() -> None:
    assert FINDER.corpus_focus("what are the stages of colon cancer") == "colon cancer"
    # "craniopharyngioma" is in one page, "eye" in all three: the specific name wins.
    assert FINDER.corpus_focus("his eye doctor found a craniopharyngioma") == "craniopharyngioma"
    assert FINDER.corpus_focus("how do I renew my passport") is None
    assert rare_focus("I was told I have Friedreich's ataxia, is there a treatment?") == "Friedreich's ataxia"
    assert rare_focus("what should I eat this week") is None


def test_a_long_message_is_read_for_its_main_question_and_its_focus() -> None:
    message = (
        "Hi there, hope you are well. My dad (71) was diagnosed with colon cancer in March and had surgery. "
        "The surgeon mentioned stage III. What does stage III mean? Also, how long is recovery usually? "
        "Please call me back at 555-123-4567. Thanks so much, [NAME]"
    )
    got = read_message(message, FINDER)
    assert got.questions == ("What does stage III mean?", "Also, how long is recovery usually?")
    assert got.query == "What does stage III mean? (colon cancer, adult)"  # "my dad (71)"
    assert got.focus == "colon cancer"
    assert got.rewritten
    assert not any(
        "555" in part or "Thanks" in part or "[NAME]" in part for part in (*got.questions, *got.context)
    )
    assert "My dad (71) was diagnosed with colon cancer in March and had surgery." in got.context


def test_a_question_that_points_back_keeps_the_sentence_it_points_to() -> None:
    got = read_message("My son has a craniopharyngioma. Is it a cancer?", FINDER)
    assert got.query == "My son has a craniopharyngioma. Is it a cancer?"
    assert got.focus == "craniopharyngioma"


def test_a_one_sentence_question_is_left_as_typed() -> None:
    got = read_message("what are the stages of colon cancer", FINDER)
    assert got == Message(
        "what are the stages of colon cancer",
        "what are the stages of colon cancer",
        ("what are the stages of colon cancer",),
        "colon cancer",
    )
    assert not got.rewritten


def test_a_later_question_that_names_the_topic_is_the_main_one() -> None:
    message = "Sorry for the long note. Is that normal? What are the stages of colon cancer?"
    assert read_message(message, FINDER).questions[0] == "What are the stages of colon cancer?"


def test_sentences_split_on_question_marks_without_spaces_and_on_new_lines() -> None:
    assert split_sentences("What is it?How is it treated\nThanks") == [
        "What is it?",
        "How is it treated",
        "Thanks",
    ]


def test_who_the_message_is_about_goes_with_the_question() -> None:
    message = "Our 6 year old was diagnosed with colon cancer last month. How is stage II usually treated?"
    assert read_message(message, FINDER).query == "How is stage II usually treated? (colon cancer, child)"


def test_a_message_with_no_corpus_name_keeps_its_rarest_words_with_the_question() -> None:
    message = read_message(
        "Hello. My sister had a leiomyosarcoma removed from her uterus in May. "
        "She has started chemo now. Is it too late for her to join a clinical trial? Thanks, Ann"
    )
    assert "Is it too late for her to join a clinical trial?" in message.query
    assert message.query.endswith("(leiomyosarcoma)") and message.focus == "leiomyosarcoma"
    plain = read_message("Hello. She has started chemo now. Is it too late for her to join a clinical trial?")
    assert "(" not in plain.query  # nothing rare to add


def test_a_grown_child_or_a_question_about_adults_is_not_a_childhood_question() -> None:
    young = read_message(
        "Our 6 year old was diagnosed with colon cancer last month. How is stage II usually treated?", FINDER
    )
    assert young.query.endswith("child)")
    grown = read_message(
        "Our son is 22 and has colon cancer. He starts chemo soon. How is stage II usually treated?", FINDER
    )
    assert "child" not in grown.query
    adults = read_message(
        "I have two kids at home. What new treatments are being tested for adult colon cancer?", FINDER
    )
    assert "child" not in adults.query


def test_a_spouse_a_parent_or_an_adult_age_says_the_patient_is_an_adult() -> None:
    wife = read_message("My wife has colon cancer and starts chemo soon. How is stage II usually treated?", FINDER)
    assert wife.query.endswith("adult)") and "adult" in wife.about
    aged = read_message("I'm 45 and was just diagnosed with colon cancer. How is stage II usually treated?", FINDER)
    assert aged.query.endswith("adult)")
    young = read_message("Our 6 year old has colon cancer. How is stage II usually treated?", FINDER)
    assert "adult" not in young.query
    nobody = read_message("How is stage II colon cancer usually treated?", FINDER)
    assert "adult" not in nobody.query


def test_a_story_that_opens_with_when_is_not_a_question_and_an_also_question_gets_no_lead() -> None:
    story = read_message(
        "Also when I was young we lived near a coal plant. What things make colon cancer more likely?", FINDER
    )
    assert story.questions == ("What things make colon cancer more likely?",)
    follow = read_message(
        "My uncle has colon cancer. Also, how do we tell his kids about it? What are the stages of colon cancer?",
        FINDER,
    )
    assert follow.questions[0] == "What are the stages of colon cancer?"


def test_family_news_that_says_nothing_of_the_illness_does_not_name_who_is_ill() -> None:
    busy = read_message(
        "What a month. My daughter just started university three hours away. "
        "Then my mammogram showed an area of concern on the left and they want a biopsy. "
        "What kinds of biopsies are used for breast lumps?",
        FINDER,
    )
    assert "child" not in busy.query
    ill = read_message(
        "My daughter was diagnosed with colon cancer last month. She is scared. How is stage II treated?",
        FINDER,
    )
    assert ill.query.endswith("child)")


def test_a_second_question_joined_by_and_is_answered_as_a_part_never_offered_as_a_follow_up() -> None:
    message = (
        "My brother has bowel cancer and I am scared for myself. What raises the risk of colon cancer, "
        "and what is known to lower it? Thanks"
    )
    got = read_message(message, FINDER)
    assert got.questions == ("What raises the risk of colon cancer, and what is known to lower it?",)
    assert got.within == ("what is known to lower it?",)
    assert within("What is it and how is it treated?") == ()  # too short to be two questions
    assert within("What are the stages of colon cancer?") == ()


def test_a_title_does_not_end_a_sentence_and_a_form_prompt_is_not_the_writer_s_question() -> None:
    assert split_sentences("I see Dr. Patel on Monday. Mr. K. has CLL. What is a PET scan?") == [
        "I see Dr. Patel on Monday.",
        "Mr. K. has CLL.",
        "What is a PET scan?",
    ]
    numbered = read_message(
        'Clinic form, Question 7: "What else would you like to ask?"\n\n'
        "I finished chemo for colon cancer last year. Why do I still need CEA blood tests?",
        FINDER,
    )
    assert numbered.questions[0] == "Why do I still need CEA blood tests?"
    labelled = read_message(
        'PATIENT INTAKE - free text ("any questions for us?")\n\nMy wife has lymphoma. How is it staged?',
        FINDER,
    )
    assert labelled.questions[0] == "How is it staged?"


def test_a_question_that_says_we_are_also_wondering_follows_on_and_an_eye_idiom_names_no_eye_cancer() -> None:
    got = read_message("We're also wondering who pays for parking? How is colon cancer staged?", FINDER)
    assert got.questions[0] == "How is colon cancer staged?"
    idiom = read_message(
        "The doctor said they will keep an eye on it. What does low malignant potential mean for an ovarian tumor?",
        FINDER,
    )
    assert "retinoblastoma" not in idiom.query.lower() and "eye" not in (idiom.focus or "").lower()
