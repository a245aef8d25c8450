"""Speaker turns split out of paragraphs that hold several."""

from bot.parsing.documents import split_paragraphs
from bot.parsing.interview.exchanges import split_turns


def turns(text):
    return [(p.text, p.line) for p in split_turns(split_paragraphs(text))]


def test_question_and_answer_on_consecutive_lines():
    assert turns("Q: Why?\nA: Because.\nIt rained.\n\nQ: And?\nA: So.") == [
        ("Q: Why?", 1),
        ("A: Because. It rained.", 2),
        ("Q: And?", 5),
        ("A: So.", 6),
    ]


def test_inline_question_and_answer():
    assert turns("Q: Why the sea? A: It moves. Q: Really? A: Yes.") == [
        ("Q: Why the sea?", 1),
        ("A: It moves.", 1),
        ("Q: Really?", 1),
        ("A: Yes.", 1),
    ]


def test_a_label_alone_on_its_line_joins_the_text_below():
    assert turns("ADA PYM, HOST:\n\nWelcome back.\n\nBO LIND: Thanks.") == [
        ("ADA PYM, HOST: Welcome back.", 1),
        ("BO LIND: Thanks.", 5),
    ]


def test_prose_with_a_colon_stays_whole():
    text = "We met at noon.\nHere is the thing: it rained."
    assert turns(text) == [("We met at noon. Here is the thing: it rained.", 1)]


def test_timestamps_before_a_label_are_dropped():
    assert turns("[00:01:05] Host: Ready?\n\n(12:30) ADA PYM: Yes.") == [
        ("Host: Ready?", 1),
        ("ADA PYM: Yes.", 3),
    ]
