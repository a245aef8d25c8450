"""The bot's activity as readable lines: embeds as blocks, buttons numbered, spoilers hidden.

A line is a list of `(style, text)` fragments; `console.output` prints them in colour or plain.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from loopback.activity import Activity, Deleted, Edited, Posted, Reacted, Refused
from loopback.records import LOADING, PostedMessage

__all__ = [
    "Fragment",
    "Line",
    "Names",
    "buttons",
    "has_spoiler",
    "inline",
    "meta",
    "render_activity",
    "render_message",
]

Fragment = tuple[str, str]
Line = list[Fragment]
HIDDEN_SPOILER = "[spoiler]"
BUTTON = 2
LINK_STYLE = 5
_STATUS_TEXT = {400: "Bad Request", 403: "Missing Permissions", 404: "Not Found", 429: "Slow Down"}
_SPOILER = re.compile(r"\|\|(.+?)\|\|", re.DOTALL)
_TOKEN = re.compile(
    r"\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\w*\\])\*(?P<italic>[^*\s][^*\n]*?)\*(?![\w*])"
    r"|<@!?(?P<user>\d+)>|<#(?P<channel>\d+)>|<@&(?P<role>\d+)>"
    r"|`(?P<code>[^`]*)`|\\(?P<escaped>[\\*_~`|>#\-.])"
)
_CHANNEL_IN_PATH = re.compile(r"/channels/(\d+)")


@dataclass(frozen=True)
class Names:
    """How to name ids in mentions: users, channels, who started an interaction."""

    user: Callable[[int], str]
    channel: Callable[[int], str]
    actor: Callable[[int], str | None]
    """The member who sent an interaction (for "only bob can see this")."""


def meta(text: str, style: str = "meta") -> Line:
    """A line the console says itself (not the bot)."""
    return [(style, text)]


def has_spoiler(message: PostedMessage) -> bool:
    """Whether the message hides anything behind spoiler tags."""
    texts = [message.content, *(_embed_texts(e) for e in message.embeds)]
    return any(_SPOILER.search(text) for text in texts)


def _embed_texts(embed: Mapping[str, Any]) -> str:
    parts = [str(embed.get("title") or ""), str(embed.get("description") or "")]
    for item in embed.get("fields") or []:
        parts += [str(item.get("name") or ""), str(item.get("value") or "")]
    return "\n".join(parts)


def inline(text: str, names: Names, *, reveal: bool, style: str = "text") -> list[Line]:
    """Discord markdown as styled lines: bold, code, mentions, escapes, spoilers."""
    pieces: list[Fragment] = []
    position = 0
    for match in _SPOILER.finditer(text):
        pieces += _marks(text[position : match.start()], names, style)
        if reveal:
            pieces += _marks(match.group(1), names, "spoiler")
        else:
            pieces.append(("veiled", HIDDEN_SPOILER))
        position = match.end()
    pieces += _marks(text[position:], names, style)
    lines: list[Line] = [[]]
    for piece_style, piece in pieces:
        for index, part in enumerate(piece.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append((piece_style, part))
    return lines


def _marks(text: str, names: Names, style: str) -> list[Fragment]:
    found: list[Fragment] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            found.append((style, text[position : match.start()]))
        group = match.groupdict()
        bold, italic, user, channel = (
            group["bold"],
            group["italic"],
            group["user"],
            group["channel"],
        )
        role, code, escaped = group["role"], group["code"], group["escaped"]
        if bold is not None:
            found += [(f"{s} bold", part) for s, part in _marks(bold, names, style)]
        elif italic is not None:
            found += [(f"{s} italic", part) for s, part in _marks(italic, names, style)]
        elif user is not None:
            found.append(("mention", "@" + names.user(int(user))))
        elif channel is not None:
            found.append(("mention", "#" + names.channel(int(channel))))
        elif role is not None:
            found.append(("mention", "@role"))
        elif code is not None:
            found.append(("code", code))
        else:
            found.append((style, escaped))
        position = match.end()
    if position < len(text):
        found.append((style, text[position:]))
    return found


def buttons(message: PostedMessage) -> list[Mapping[str, Any]]:
    """The message's buttons in reading order (what `click N` counts)."""
    found = []
    for row in message.components:
        for component in row.get("components", []):
            if component.get("type") == BUTTON:
                found.append(component)
    return found


def _embed(embed: Mapping[str, Any], names: Names, reveal: bool) -> list[Line]:
    lines: list[Line] = []
    bar: Fragment = ("embed", "  │ ")
    title = embed.get("title")
    author = (embed.get("author") or {}).get("name")
    head = " · ".join(str(t) for t in (author, title) if t)
    lines.append([("embed", "  ╭─ "), *inline(head or "embed", names, reveal=reveal)[0]])
    if embed.get("description"):
        lines += [[bar, *line] for line in inline(embed["description"], names, reveal=reveal)]
    for item in embed.get("fields") or []:
        name = inline(str(item.get("name") or ""), names, reveal=reveal, style="field")
        value = inline(str(item.get("value") or ""), names, reveal=reveal)
        first = [bar, *name[0], ("field", ": "), *(value[0] if value else [])]
        lines.append(first)
        lines += [[bar, ("text", "  "), *line] for line in value[1:]]
    footer = (embed.get("footer") or {}).get("text")
    closing: Line = [("embed", "  ╰─")]
    if footer:
        closing += [("embed", " "), ("meta", str(footer))]
    lines.append(closing)
    return lines


def render_message(
    message: PostedMessage, names: Names, *, reveal: bool, heading: str, current_channel: int
) -> list[Line]:
    """A bot message: who and where, content, embeds, numbered buttons, attachments."""
    head: Line = []
    if message.channel_id != current_channel:
        head.append(("channel", f"[#{names.channel(message.channel_id)}] "))
    head.append(("bot", heading))
    if message.ephemeral:
        who = names.actor(message.interaction_id or 0) if message.interaction_id else None
        head.append(("ephemeral", f" (only {who or 'you'} can see this)"))
    if message.flags & LOADING:
        return [[*head, ("meta", " is thinking…")]]
    head.append(("bot", ":"))
    body = inline(message.content, names, reveal=reveal) if message.content else []
    lines: list[Line] = []
    if len(body) == 1:
        lines.append([*head, ("text", " "), *body[0]])
    else:
        lines.append(head)
        lines += [[("text", "  "), *line] if line else [] for line in body]
    for embed in message.embeds:
        lines += _embed(embed, names, reveal)
    found = buttons(message)
    if found:
        lines.append([("text", "  "), *_button_fragments(found)])
    for name, _ in message.files:
        lines.append([("meta", f"  [file: {name}]")])
    return lines


def _button_fragments(found: Sequence[Mapping[str, Any]]) -> list[Fragment]:
    fragments: list[Fragment] = []
    for number, button in enumerate(found, start=1):
        label = str(button.get("label") or button.get("emoji", {}).get("name") or "?")
        style = "button disabled" if button.get("disabled") else "button"
        if button.get("style") == LINK_STYLE:
            fragments.append(("link", f"[{label}: {button.get('url')}] "))
        else:
            fragments.append((style, f"[{number}] {label}"))
            fragments.append(("text", "  "))
    if found:
        fragments.append(("meta", "(click N)"))
    return fragments


def _refusal(request: Any, names: Names, bot_name: str) -> Line:
    reason = _STATUS_TEXT.get(request.status, "Error")
    where = _CHANNEL_IN_PATH.search(request.path)
    if where and request.method == "POST" and request.path.endswith("/messages"):
        what = f"{bot_name}'s message in #{names.channel(int(where.group(1)))}"
    else:
        what = f"{bot_name}'s {request.method} {request.path}"
    return [("error", f"✗ Discord refused {what}: {request.status} {reason}")]


def render_activity(
    activity: Activity,
    names: Names,
    *,
    bot_name: str,
    revealed: Callable[[int], bool],
    current_channel: int,
    author_of: Callable[[int], str | None],
) -> list[Line]:
    """One thing the bot did, as lines."""
    if isinstance(activity, Posted):
        message = activity.message
        return render_message(
            message,
            names,
            reveal=revealed(message.id),
            heading=bot_name,
            current_channel=current_channel,
        )
    if isinstance(activity, Edited):
        after = activity.after
        heading = bot_name if activity.before.flags & LOADING else f"{bot_name} (edited)"
        return render_message(
            after,
            names,
            reveal=revealed(after.id),
            heading=heading,
            current_channel=current_channel,
        )
    if isinstance(activity, Deleted):
        return [meta(f"{bot_name} deleted a message.")]
    if isinstance(activity, Reacted):
        author = author_of(activity.message_id) or "a"
        return [meta(f"{bot_name} reacted {activity.emoji} to {author}'s message")]
    if isinstance(activity, Refused):
        return [_refusal(activity.request, names, bot_name)]
    return []
