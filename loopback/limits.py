"""Discord's documented rules that the loopback enforces, one named constant each.

Every value cites the page of discord/discord-api-docs (developers/...) that states it, so a
reader can check it; the loopback never invents a limit of its own.
"""

from __future__ import annotations

import re

__all__ = [
    "ACTION_ROWS_MAX",
    "ACTION_ROW_BUTTONS_MAX",
    "ADMINISTRATOR",
    "ALLOWED_CALLBACKS",
    "AUTOCOMPLETE_CHOICES_MAX",
    "BUTTON_LABEL_MAX",
    "CHOICE_NAME_MAX",
    "CHOICE_NAME_MIN",
    "CHOICE_STRING_VALUE_MAX",
    "CLOSE_AUTHENTICATION_FAILED",
    "CLOSE_DISALLOWED_INTENTS",
    "CLOSE_UNKNOWN_ERROR",
    "COMMAND_DESCRIPTION_MAX",
    "COMMAND_DESCRIPTION_MIN",
    "COMMAND_NAME_PATTERN",
    "COMMAND_OPTIONS_MAX",
    "CONTEXT_BOT_DM",
    "CONTEXT_GUILD",
    "CONTEXT_PRIVATE_CHANNEL",
    "CUSTOM_ID_MAX",
    "CUSTOM_ID_MIN",
    "EMBEDS_MAX",
    "EMBED_AUTHOR_NAME_MAX",
    "EMBED_DESCRIPTION_MAX",
    "EMBED_FIELDS_MAX",
    "EMBED_FIELD_NAME_MAX",
    "EMBED_FIELD_VALUE_MAX",
    "EMBED_FOOTER_TEXT_MAX",
    "EMBED_TITLE_MAX",
    "EMBED_TOTAL_MAX",
    "ERROR_ALREADY_ACKNOWLEDGED",
    "ERROR_CANNOT_EDIT_OTHERS",
    "ERROR_EMPTY_MESSAGE",
    "ERROR_INVALID_FORM_BODY",
    "ERROR_INVALID_WEBHOOK_TOKEN",
    "ERROR_MISSING_ACCESS",
    "ERROR_MISSING_PERMISSIONS",
    "ERROR_UNKNOWN_INTERACTION",
    "ERROR_UNKNOWN_MESSAGE",
    "ERROR_UNKNOWN_WEBHOOK",
    "INITIAL_RESPONSE_SECONDS",
    "INTENT_GUILDS",
    "INTENT_GUILD_MEMBERS",
    "INTENT_GUILD_MESSAGES",
    "INTENT_GUILD_PRESENCES",
    "INTENT_MESSAGE_CONTENT",
    "INTERACTION_TOKEN_SECONDS",
    "MESSAGE_CONTENT_MAX",
    "PERM_ADD_REACTIONS",
    "PERM_EMBED_LINKS",
    "PERM_MANAGE_MESSAGES",
    "PERM_READ_MESSAGE_HISTORY",
    "PERM_SEND_MESSAGES",
    "PERM_VIEW_CHANNEL",
    "PRIVILEGED_INTENTS",
    "RATE_LIMIT_HEADERS",
]

# -- messages: developers/resources/message.mdx ("Create Message" JSON params; "Embed Limits") --

MESSAGE_CONTENT_MAX = 2000
"""Message contents, up to 2000 characters (Create Message, `content`)."""
EMBEDS_MAX = 10
"""Up to 10 rich embeds per message (Create Message, `embeds`)."""
EMBED_TOTAL_MAX = 6000
"""Title, description, field names/values, footer and author text of all embeds, summed."""
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_TEXT_MAX = 2048
EMBED_AUTHOR_NAME_MAX = 256

# -- components: developers/components/reference.mdx (Action Row, Button, "custom_id") -------

ACTION_ROWS_MAX = 5
"""Legacy (non components-v2) messages hold at most 5 action rows."""
ACTION_ROW_BUTTONS_MAX = 5
"""An Action Row can contain up to 5 Buttons."""
CUSTOM_ID_MIN = 1
CUSTOM_ID_MAX = 100
"""`custom_id`: 1-100 characters, unique among a message's components."""
BUTTON_LABEL_MAX = 80
"""Button `label`: max 80 characters."""

# -- commands: developers/interactions/application-commands.mdx -----------------------------

COMMAND_NAME_PATTERN = re.compile(r"^[-_'\w\u0900-\u097F\u0E00-\u0E7F]{1,32}$")
"""CHAT_INPUT command and option names: `^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$`,
lowercase where a lowercase variant exists ("Application Command Naming")."""
COMMAND_DESCRIPTION_MIN = 1
COMMAND_DESCRIPTION_MAX = 100
"""Descriptions of CHAT_INPUT commands and options: 1-100 characters."""
COMMAND_OPTIONS_MAX = 25
"""Options (or subcommands, or choices) per level: max of 25."""
CHOICE_NAME_MIN = 1
CHOICE_NAME_MAX = 100
CHOICE_STRING_VALUE_MAX = 100
"""Option choice: 1-100 character name; a string value up to 100 characters."""
AUTOCOMPLETE_CHOICES_MAX = 25
"""Autocomplete result: max of 25 choices (receiving-and-responding.mdx, "Autocomplete")."""

# -- interactions: developers/interactions/receiving-and-responding.mdx ---------------------

INITIAL_RESPONSE_SECONDS = 3.0
"""An initial response must be sent within 3 seconds, else the token is invalidated."""
INTERACTION_TOKEN_SECONDS = 15 * 60.0
"""Interaction tokens are valid for 15 minutes (follow-ups and edits)."""
CONTEXT_GUILD, CONTEXT_BOT_DM, CONTEXT_PRIVATE_CHANNEL = 0, 1, 2
"""Interaction context types."""
ALLOWED_CALLBACKS: dict[int, frozenset[int]] = {
    2: frozenset({4, 5, 9}),  # APPLICATION_COMMAND: message, deferred message, modal
    3: frozenset({4, 5, 6, 7, 9}),  # MESSAGE_COMPONENT: also the two update types
    4: frozenset({8}),  # APPLICATION_COMMAND_AUTOCOMPLETE: only the autocomplete result
    5: frozenset({4, 5, 6, 7}),  # MODAL_SUBMIT: no modal in answer to a modal
}
"""Callback types allowed per interaction type ("Interaction Callback Type": UPDATE types only
for components, MODAL not for MODAL_SUBMIT or PING, autocomplete result only for autocomplete)."""

# -- error codes: developers/topics/opcodes-and-status-codes.mdx ("JSON Error Codes") -------

ERROR_UNKNOWN_MESSAGE = 10008
ERROR_UNKNOWN_WEBHOOK = 10015
ERROR_UNKNOWN_INTERACTION = 10062
ERROR_CANNOT_EDIT_OTHERS = 50005
ERROR_INVALID_WEBHOOK_TOKEN = 50027
ERROR_ALREADY_ACKNOWLEDGED = 40060
ERROR_MISSING_ACCESS = 50001
ERROR_EMPTY_MESSAGE = 50006
ERROR_MISSING_PERMISSIONS = 50013
ERROR_INVALID_FORM_BODY = 50035

# -- gateway: opcodes-and-status-codes.mdx ("Gateway Close Event Codes"), events/gateway.mdx --

CLOSE_UNKNOWN_ERROR = 4000
"""We're not sure what went wrong. Try reconnecting? (a client may resume)."""
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT
"""Privileged intents must be enabled in the Developer Portal, else close 4014."""

# -- permissions: developers/topics/permissions.mdx ("Bitwise Permission Flags") -------------

ADMINISTRATOR = 1 << 3
"""Allows all permissions and bypasses channel permission overwrites."""
PERM_ADD_REACTIONS = 1 << 6
PERM_VIEW_CHANNEL = 1 << 10
PERM_SEND_MESSAGES = 1 << 11
PERM_MANAGE_MESSAGES = 1 << 13
PERM_EMBED_LINKS = 1 << 14
PERM_READ_MESSAGE_HISTORY = 1 << 16

# -- rate limits: developers/topics/rate-limits.mdx ("Header Format") -----------------------

RATE_LIMIT_HEADERS = (
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "X-RateLimit-Reset-After",
    "X-RateLimit-Bucket",
    "X-RateLimit-Scope",
)
"""Headers sent with a 429, beside the JSON body's `retry_after` and `global`."""
