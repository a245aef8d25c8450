"""Interviews of the made-up films under documents/, one per layout published interviews use."""

import datetime as dt

from bot.parsing import parse_film
from tests.bot.parsing.corpus import film_folder

UNLABELLED = "interview-unlabelled.txt"


def quotes(film, name):
    return [q for q in film.quotes if q.source == name]


def source(film, name):
    return next(s for s in film.sources if s.name == name)


def test_q_and_a_with_the_subject_named_only_in_the_intro(salt):
    found = [(q.speakers, q.text, q.question) for q in quotes(salt, "interview-qa.txt")]
    assert found == [
        (
            ("Teodor Vance Jr.",),
            "My father drew charts for the navy. He used to say that no map is ever finished.",
            "Where did the idea for a moving coastline come from?",
        ),
        (
            ("Teodor Vance Jr.",),
            "Every day. The tide does not care about your schedule, and neither does the fog.",
            "Was it hard to shoot at sea?",
        ),
        (
            ("Teodor Vance Jr.",),
            "That it is fine to be lost for a while. Most of us are.",
            "What do you hope people take away?",
        ),
    ]
    assert [q.line for q in quotes(salt, "interview-qa.txt")] == [18, 21, 25]


def test_page_chrome_bylines_and_credits_are_no_title_or_source(salt):
    meta = source(salt, "interview-qa.txt")
    assert meta.title == "Mapping a Moving Coast"
    assert meta.published == dt.date(2009, 10, 28)
    assert meta.publication is None  # the document does not say, and the byline is a person
    assert meta.label == "Mapping a Moving Coast"
    assert not any("Photo" in q.text or "Share" in q.text for q in salt.quotes)
    assert salt.warnings == (
        "interview-qa.txt:23: skipped a paragraph that looks like a photo caption or credit",
    )


def test_first_exchange_labelled_then_alternating_bold_questions(copper):
    found = [
        (q.speakers, q.text.split(".")[0], q.question)
        for q in quotes(copper, "interview-alternating.txt")
    ]
    assert found == [
        (
            ("Lucan Everly",),
            "My aunt owned one in Herefordshire",
            "Where did the orchard come from?",
        ),
        (
            ("Lucan Everly",),
            "Because a grudge needs time to become a tradition",
            "Why tell it over thirty years?",
        ),
        (
            ("Lucan Everly",),
            "We cast the parents first and then looked for children who could stand still the"
            " way their parents did",
            "How did you cast the two families?",
        ),
        (
            ("Lucan Everly",),
            "Because nobody remembers why it was built",
            "Why does the wall come down in the last scene?",
        ),
    ]


def test_a_whole_sentence_spoiler_notice_marks_every_answer(copper):
    assert all(q.spoiler for q in quotes(copper, "interview-alternating.txt"))


def test_publication_named_in_the_header_not_the_interviewer(copper):
    meta = source(copper, "interview-alternating.txt")
    assert meta.publication == "Harbour Review"
    assert meta.published == dt.date(2016, 5, 12)
    assert meta.title == "The Apple Wars: Lucan Everly on The Copper Orchard"


def test_radio_transcript_host_labels_and_clips(copper):
    found = [(q.speakers, q.text[:25]) for q in quotes(copper, "interview-radio.txt")]
    assert found == [
        (("Hollis Greer",), "Thank you for having me. "),
        (("Hollis Greer",), "I listened to my grandmot"),
        (("Hollis Greer",), "I still hum that in the s"),
        (("Hollis Greer",), "Every one of them. By the"),
    ]
    assert quotes(copper, "interview-radio.txt")[2].question == (
        "The film ends on a song. Here it is."
    )
    assert not any("Apples on the wall" in (q.question or "") for q in copper.quotes)
    assert not any("Windfall" in q.text for q in copper.quotes)
    assert quotes(copper, "interview-radio.txt")[1].question == "How did you find her voice?"
    meta = source(copper, "interview-radio.txt")
    assert meta.publication == "Orchard Radio Hour"
    assert meta.title is None
    assert meta.label == "Orchard Radio Hour"
    assert not any("(As" in q.text for q in copper.quotes)


def test_bold_labels_outlet_and_subheadings(osaki):
    found = [(q.speakers, q.text[:20], q.question) for q in quotes(osaki, "interview-bold.txt")]
    assert found == [
        (("Kaede Morishita",), "Four years. The lant", "How long did the film take to draw?"),
        (("Ren Takamura",), "And I wrote the musi", "How long did the film take to draw?"),
        (("Ren Takamura",), "The shamisen. Everyt", "Which instrument came first?"),
        (("Kaede Morishita",), "He played those note", "Which instrument came first?"),
    ]
    meta = source(osaki, "interview-bold.txt")
    assert meta.publication == "Kiri Weekly"
    assert meta.published == dt.date(2018, 7, 20)
    assert meta.title == "Kaede Morishita and Ren Takamura: Lighting the Lanterns"
    assert [w for w in osaki.warnings if w.startswith("interview-bold.txt")] == []


def test_no_labels_at_all_bold_questions_and_the_subject_named_in_the_intro():
    film = parse_film(film_folder("grey-harbour"))
    found = [(q.speakers, q.text.split(".")[0], q.question) for q in quotes(film, UNLABELLED)]
    assert found == [
        (("Abel Marsh",), "Because actors would have played fishermen", "Why not hire actors?"),
        (("Abel Marsh",), "About a week", "How long did that take?"),
        (
            ("Abel Marsh",),
            "By the third day they were complaining about the weather again, which is when we"
            " started shooting",
            "How long did that take?",
        ),
        (
            ("Abel Marsh",),
            "Only with people who have nothing to sell me",
            "Would you work this way again?",
        ),
    ]
    meta = source(film, UNLABELLED)
    assert meta.title == "Faces From the Fish Market"
    assert meta.publication == "Coastline Film Monthly"


def test_unusable_documents_are_skipped_with_their_reason():
    film = parse_film(film_folder("grey-harbour"))
    assert [s.name for s in film.sources] == ["article.txt", UNLABELLED]
    skipped = sorted(w for w in film.warnings if ": skipped: " in w)
    assert skipped[0].startswith(
        "interview-unattributed.txt:1: skipped: an interview whose answers"
    )
    assert skipped[1].startswith("notes.txt:1: skipped: neither an article")


def test_all_caps_outlet_labels_and_a_bracketed_spoiler_warning():
    film = parse_film(film_folder("harrow-road"))
    found = [(q.speakers, q.question, q.spoiler) for q in quotes(film, "interview-caps.txt")]
    assert found == [
        (("Wendell Okafor",), "How did the bus become the film's stage?", False),
        (("Wendell Okafor",), "Was Ruth Ellery your first choice?", False),
        (("Wendell Okafor",), "Why end at the depot?", True),
    ]
    meta = source(film, "interview-caps.txt")
    assert meta.publication == "THE FILM STAGE"
    assert meta.title == "Wendell Okafor Takes the Number 36"
    assert meta.published == dt.date(1987, 10, 3)


def test_podcast_timestamps_first_name_labels_and_pull_quotes(salt):
    found = [
        (q.speakers, q.text.split(".")[0], q.line) for q in quotes(salt, "interview-podcast.txt")
    ]
    assert found == [
        (("Ferris Okonedo",), "With her hands", 7),
        (
            ("Ferris Okonedo",),
            "I learned enough to fool a real cartographer, which is the most an actor can ask",
            15,
        ),
    ]
    assert quotes(salt, "interview-podcast.txt")[1].question == "Did you learn to draw charts?"
    assert source(salt, "interview-podcast.txt").publication is None
