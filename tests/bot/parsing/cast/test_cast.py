"""Cast sections in the layouts real articles use, each read into actor/character pairs."""

from bot.parsing.cast import CastSection, read_cast


def cast(*lines, path=("Cast",), credited=()):
    result = read_cast("film.txt", [CastSection(path, 10, tuple(lines))], credited)
    return result, [(m.actor, m.character, m.description, m.note) for m in result.members]


def test_actor_as_character_with_description_and_trailing_period():
    _, members = cast(
        "- Ada Pym as Nell Ware, a ferrywoman who trusts the tide, the stars, and no one.",
        "* Bo Lind as Ike Ware.",
        "• Cy Moss as Dr. Ware",
    )
    assert members == [
        ("Ada Pym", "Nell Ware", "a ferrywoman who trusts the tide, the stars, and no one.", None),
        ("Bo Lind", "Ike Ware", None, None),
        ("Cy Moss", "Dr. Ware", None, None),
    ]


def test_qualifiers_become_notes():
    _, members = cast(
        "- Ada Pym (uncredited) as the Ferry Pilot",
        "- Bo Lind as Radio Host (voice)",
        "- Cy Moss (credited as C. J. Moss) as Widow Kass, a neighbour",
    )
    assert members == [
        ("Ada Pym", "the Ferry Pilot", None, "uncredited"),
        ("Bo Lind", "Radio Host", None, "voice"),
        ("Cy Moss", "Widow Kass", "a neighbour", "credited as C. J. Moss"),
    ]


def test_one_actor_in_several_roles():
    _, members = cast(
        "- Ada Pym as:",
        "  - Young Nell",
        "  - Nell's Mother, a weaver",
        "- Bo Lind as Ike; also plays Ike's twin",
        "- Cy Moss as Ward / Warden",
    )
    assert members == [
        ("Ada Pym", "Young Nell", None, None),
        ("Ada Pym", "Nell's Mother", "a weaver", None),
        ("Bo Lind", "Ike", None, None),
        ("Bo Lind", "Ike's twin", None, None),
        ("Cy Moss", "Ward", None, None),
        ("Cy Moss", "Warden", None, None),
    ]


def test_character_then_actor():
    _, members = cast(
        "- Nell Ware - Ada Pym, the ferrywoman",
        "- Ike Ware: Bo Lind.",
        "- Cy Moss - Warden",
        credited=("Cy Moss",),
    )
    assert members == [
        ("Ada Pym", "Nell Ware", "the ferrywoman", None),
        ("Bo Lind", "Ike Ware", None, None),
        ("Cy Moss", "Warden", None, None),
    ]


def test_groupings_under_sub_headings_and_labels():
    sections = [
        CastSection(("Cast", "The Ware family"), 5, ("- Ada Pym as Nell Ware",)),
        CastSection(
            ("Cast", "Voices"),
            8,
            ("**Spirits**", "- Bo Lind as the Tide", "Villagers:", "- Cy Moss as Ona"),
        ),
    ]
    result = read_cast("film.txt", sections, ())
    assert [(m.actor, m.character) for m in result.members] == [
        ("Ada Pym", "Nell Ware"),
        ("Bo Lind", "the Tide"),
        ("Cy Moss", "Ona"),
    ]
    assert result.warnings == ()


def test_table_with_header():
    _, members = cast(
        "| Actor | Character | Notes |",
        "|---|---|---|",
        "| Ada Pym | Nell Ware | the ferrywoman |",
        "| Bo Lind (uncredited) | Ike Ware | |",
    )
    assert members == [
        ("Ada Pym", "Nell Ware", "the ferrywoman", None),
        ("Bo Lind", "Ike Ware", None, "uncredited"),
    ]


def test_voice_cast_table_with_a_column_per_language():
    _, members = cast(
        "| Character | French | English |",
        "| Nell | Ada Pym | Bo Lind |",
        "| The Tide | Cy Moss | Di Rowe / Ed Hale |",
        path=("Voice cast",),
    )
    assert members == [
        ("Ada Pym", "Nell", None, "French"),
        ("Bo Lind", "Nell", None, "English"),
        ("Cy Moss", "The Tide", None, "French"),
        ("Di Rowe", "The Tide", None, "English"),
        ("Ed Hale", "The Tide", None, "English"),
    ]


def test_headerless_table_uses_credited_names():
    _, members = cast("Nell Ware\tAda Pym", "Ike Ware\tBo Lind", credited=("Ada Pym",))
    assert members == [("Ada Pym", "Nell Ware", None, None), ("Bo Lind", "Ike Ware", None, None)]


def test_cast_section_without_pairs_warns_with_file_and_line():
    result, members = cast("The cast were all local fishermen who had never acted.")
    assert members == []
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("film.txt:10: the cast section 'Cast'")


def test_unreadable_line_in_a_readable_section_warns():
    result, members = cast("- Ada Pym as Nell", "- and many villagers of Port Ware")
    assert members == [("Ada Pym", "Nell", None, None)]
    assert result.warnings == (
        "film.txt:12: cast line not read: '- and many villagers of Port Ware'",
    )


def test_section_not_headed_cast_counts_when_mostly_pairs():
    section = CastSection(("Starring roles",), 3, ("- Ada Pym as Nell",))
    other = CastSection(("Production",), 9, ("Ada Pym as a child lived nearby.", "It rained."))
    result = read_cast("film.txt", [section, other], ())
    assert [(m.actor, m.character) for m in result.members] == [("Ada Pym", "Nell")]


def test_table_header_cast_member_and_role():
    _, members = cast("| Cast member | Role |", "| Ada Pym | Nell |")
    assert members == [("Ada Pym", "Nell", None, None)]


def test_voice_columns_named_with_their_language():
    _, members = cast(
        "| Character | Voice (Japanese) | Voice (English) |", "| Nell | Ada Pym | Bo Lind |"
    )
    assert members == [("Ada Pym", "Nell", None, "Japanese"), ("Bo Lind", "Nell", None, "English")]


def test_nested_roles_are_the_actors_even_when_they_read_as_pairs():
    _, members = cast(
        "- Ada Pym as:", "  - Nell as a girl", "  - Nell's mother", "- Bo Lind as Ike"
    )
    assert members == [
        ("Ada Pym", "Nell as a girl", None, None),
        ("Ada Pym", "Nell's mother", None, None),
        ("Bo Lind", "Ike", None, None),
    ]


def test_actor_first_dashes_when_the_section_names_credited_people_first():
    _, members = cast(
        "- Ada Pym - Nell",
        "- Bo Lind - Ike, the ferryman",
        "- Cy Moss - Ward",
        credited=("Ada Pym", "Bo Lind"),
    )
    assert members == [
        ("Ada Pym", "Nell", None, None),
        ("Bo Lind", "Ike", "the ferryman", None),
        ("Cy Moss", "Ward", None, None),
    ]
