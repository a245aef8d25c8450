"""Credit questions from the infobox: who directed, wrote, produced, scored, shot, edited it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

from bot.models import QuestionKind
from bot.names import has_company_suffix
from bot.names import surname as surname_of
from bot.trivia.aliases import person_aliases, unique_folded
from bot.trivia.questions.common import Draft, Entity, hash_key, loosely_equal
from bot.trivia.questions.film import FilmContext
from bot.trivia.questions.roles import CreditRole, role_of

__all__ = ["MAX_JOINT_CREDIT", "PAIR", "credit_drafts"]

MAX_JOINT_CREDIT: Final = 3
"""Most names a joint credit answer (``A, B and C``) may list; more become "name one of"."""

PAIR: Final = 2
"""Size of a two-person credit, which also gets "who co-directed with" questions."""


def _joined(names: Sequence[str]) -> str:
    """``A``, ``A and B`` or ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def credit_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """Who directed, wrote, produced, scored, shot, edited, distributed and made the film."""
    film = ctx.record
    for item in film.infobox:
        role = role_of(item.key)
        values = unique_folded(item.values)
        if role is not None and values:
            yield from _role_drafts(ctx, role, values)


def _role_drafts(ctx: FilmContext, role: CreditRole, values: tuple[str, ...]) -> Iterator[Draft]:
    """The questions about one credit: single, joint or "name one of", and partner questions."""
    title = ctx.record.title
    entity = Entity.COMPANY if role.company else Entity.PERSON
    answers_of = ctx.company_answers if role.company else ctx.person_answers
    singles = (ctx.companies,) if role.company else (ctx.crew, ctx.actors)

    def draft(text: str, answers: Iterable[str], pools: Sequence[Sequence[str]]) -> Draft:
        return Draft(
            text=text,
            answers=unique_folded(answers),
            kind=QuestionKind.CREDIT,
            spoiler=False,
            source=f"{ctx.article} § Infobox",
            entity=entity,
            pools=tuple(tuple(pool) for pool in pools),
        )

    if len(values) == 1:
        yield draft(role.single.format(title=title), answers_of(values[0]), singles)
        return
    if len(values) <= MAX_JOINT_CREDIT:
        groups = [
            unique_folded(item.values)
            for item in ctx.record.infobox
            if (other := role_of(item.key)) is not None and other.company == role.company
        ]
        yield draft(
            role.joint.format(title=title),
            _joint_answers(values, answers_of, company=role.company, others=ctx.people),
            _joint_pools(values, groups, singles, entity, role.joint),
        )
    else:
        answers = [alias for value in values for alias in answers_of(value)]
        yield draft(role.one_of.format(title=title), answers, singles)
    if len(values) == PAIR:
        for target, partner in (values, values[::-1]):
            text = role.partner.format(title=title, partner=partner)
            yield draft(text, answers_of(target), singles)


def _joint_answers(
    values: Sequence[str],
    answers_of: Callable[[str], tuple[str, ...]],
    *,
    company: bool,
    others: Sequence[str],
) -> tuple[str, ...]:
    """``A and B`` first, then the other order, surnames only, and each name on its own."""
    forms = [_joined(values)]
    if len(values) == PAIR:
        forms.append(_joined(values[::-1]))
    if not company and not any(has_company_suffix(value) for value in values):
        surnames = [surname_of(value) for value in values]
        unique = all(
            surname is not None and surname in person_aliases(value, others)
            for surname, value in zip(surnames, values, strict=True)
        )
        if unique:
            short = [surname for surname in surnames if surname is not None]
            forms.append(_joined(short))
            if len(short) == PAIR:
                forms.append(_joined(short[::-1]))
    forms.extend(alias for value in values for alias in answers_of(value))
    return unique_folded(forms)


def _joint_pools(
    values: Sequence[str],
    groups: Sequence[Sequence[str]],
    singles: Sequence[Sequence[str]],
    entity: Entity,
    seed: str,
) -> tuple[tuple[str, ...], ...]:
    """Distractors for a joint credit: other credits of the same size, then made-up groups."""
    size = len(values)
    natural = [_joined(group) for group in groups if len(group) == size]
    pool = unique_folded(name for single in singles for name in single)
    outsiders = [
        name
        for name in sorted(pool, key=lambda name: hash_key(seed, name))
        if not any(loosely_equal(name, value, entity) for value in values)
    ]
    made_up = [
        _joined(outsiders[start : start + size])
        for start in range(0, len(outsiders) - size + 1, size)
    ]
    return (tuple(natural), tuple(made_up))
