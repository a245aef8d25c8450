"""The fake REST API: login, command sync, interaction callbacks, webhooks and channel messages."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from multidict import MultiDictProxy

from loopback import limits
from loopback.faults import Faults
from loopback.gateway import Gateway
from loopback.payloads import application_payload, channel_payload, user_payload
from loopback.records import (
    EPHEMERAL,
    LOADING,
    Choice,
    FakeChannel,
    LoopbackError,
    RecordedRequest,
)
from loopback.store import InteractionState, Store
from loopback.validation import (
    FormErrors,
    check_autocomplete,
    check_commands,
    check_message,
    is_empty_message,
)

__all__ = ["API_PREFIX", "RestApi", "json_response"]

API_PREFIX = "/api/v10"
Json = dict[str, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_log = logging.getLogger(__name__)
BODY: web.RequestKey[Any] = web.RequestKey("loopback_body", object)
FILES: web.RequestKey[Sequence[tuple[str, bytes]]] = web.RequestKey("loopback_files", Sequence)


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON with exactly `Content-Type: application/json` (discord.py compares it verbatim)."""
    return web.Response(
        status=status, body=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )


def _error(status: int, code: int, message: str) -> web.Response:
    return json_response({"message": message, "code": code}, status)


def _form_error(errors: FormErrors) -> web.Response:
    """400 Invalid Form Body with the nested `errors` object, as Discord sends it."""
    body = {
        "code": limits.ERROR_INVALID_FORM_BODY,
        "message": "Invalid Form Body",
        "errors": errors.as_dict(),
    }
    return json_response(body, 400)


def _message_error(body: Any, files: Sequence[Any], *, new: bool) -> web.Response | None:
    """The 400 Discord answers to an invalid message body (None when it is valid)."""
    body = body or {}
    if new and is_empty_message(body, len(files)):
        return _error(400, limits.ERROR_EMPTY_MESSAGE, "Cannot send an empty message")
    errors = check_message(body)
    return _form_error(errors) if errors else None


UNAUTHORIZED = {"message": "401: Unauthorized", "code": 0}
TOKENLESS_PREFIXES = ("/interactions/", "/webhooks/")
"""Interaction callbacks and webhooks are authorised by the interaction token instead."""


def _route(request: web.Request) -> str:
    """The route template that matched, without `/api/v10`: `/channels/{channel_id}/messages`."""
    resource = request.match_info.route.resource
    template = resource.canonical if resource is not None else request.path
    return template.removeprefix(API_PREFIX)


async def _parse_body(request: web.Request) -> tuple[Any, list[tuple[str, bytes]]]:
    """Return the JSON body (or multipart `payload_json`) and any uploaded files."""
    if not request.body_exists:
        return None, []
    if request.content_type == "multipart/form-data":
        form: MultiDictProxy[Any] = await request.post()
        files: list[tuple[str, bytes]] = []
        payload: Any = None
        for name, value in form.items():
            if name == "payload_json":
                payload = json.loads(value)
            elif isinstance(value, web.FileField):
                files.append((value.filename, value.file.read()))
        return payload, files
    text = await request.text()
    return (json.loads(text) if text else None), []


class RestApi:
    """Route handlers over a shared Store; `routes()` lists them with a recording catch-all."""

    def __init__(
        self,
        store: Store,
        gateway: Gateway,
        gateway_url: Callable[[], str],
        *,
        token: str,
        faults: Faults,
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.gateway_url = gateway_url
        self.token = token
        self.faults = faults

    def _authorised(self, request: web.Request, path: str) -> bool:
        if not request.path.startswith(API_PREFIX) or path.startswith(TOKENLESS_PREFIXES):
            return True
        return request.headers.get("Authorization") == f"Bot {self.token}"

    # -- plumbing -------------------------------------------------------------------------

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Parse the body into `request[BODY]`, run the handler, record the exchange."""
        body, files = await _parse_body(request)
        request[BODY], request[FILES] = body, files
        path = request.path.removeprefix(API_PREFIX)
        fault = self.faults.take(request.method, path)
        faulted = None
        if fault is not None:
            self.store.notify()  # a test may be waiting for the fault to hit
            faulted = await self.faults.apply(fault)
        delay = self.store.delays.get((request.method, _route(request)))
        if delay is not None:
            await delay(body)
        try:
            if faulted is not None:
                response: web.StreamResponse = faulted
            elif not self._authorised(request, path):
                response = json_response(UNAUTHORIZED, 401)
            else:
                response = await handler(request)
        except LoopbackError as exc:
            response = _error(404, limits.ERROR_UNKNOWN_MESSAGE, str(exc))
        except Exception as exc:
            _log.exception("loopback handler failed for %s %s", request.method, request.path)
            self.store.errors.append(f"{request.method} {request.path}: {exc!r}")
            response = _error(400, 0, f"loopback fake failed: {exc!r}")
        if not request.path.startswith(API_PREFIX + "/"):
            return response
        self.store.requests.append(
            RecordedRequest(
                method=request.method,
                path=path,
                query=dict(request.query),
                json=body,
                status=response.status,
                files=tuple(name for name, _ in files),
            )
        )
        self.store.notify()
        return response

    def routes(self) -> list[web.RouteDef]:
        """All REST routes; the catch-all must stay last."""
        p = API_PREFIX
        app = p + "/applications/{app_id}"
        hook = p + "/webhooks/{app_id}/{token}"
        chan = p + "/channels/{channel_id}"
        return [
            web.get(p + "/users/@me", self.me),
            web.get(p + "/users/{user_id}", self.get_user),
            web.get(p + "/oauth2/applications/@me", self.application),
            web.get(p + "/applications/@me", self.application),
            web.get(p + "/gateway", self.gateway_info),
            web.get(p + "/gateway/bot", self.gateway_info),
            web.put(app + "/commands", self.put_commands),
            web.get(app + "/commands", self.get_commands),
            web.put(app + "/guilds/{guild_id}/commands", self.put_commands),
            web.get(app + "/guilds/{guild_id}/commands", self.get_commands),
            web.post(p + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.post(hook, self.followup),
            web.get(hook + "/messages/{message_id}", self.webhook_message),
            web.patch(hook + "/messages/{message_id}", self.webhook_message),
            web.delete(hook + "/messages/{message_id}", self.webhook_message),
            web.get(chan, self.get_channel),
            web.post(chan + "/typing", self.typing),
            web.post(chan + "/messages", self.post_message),
            web.get(chan + "/messages", self.history),
            web.get(chan + "/messages/{message_id}", self.channel_message),
            web.patch(chan + "/messages/{message_id}", self.channel_message),
            web.delete(chan + "/messages/{message_id}", self.channel_message),
            web.put(chan + "/messages/{message_id}/reactions/{emoji}/@me", self.reaction),
            web.delete(chan + "/messages/{message_id}/reactions/{emoji}/@me", self.reaction),
            web.get("/attachments/{attachment_id}/{filename}", self.attachment),
            web.route("*", "/{tail:.*}", self.not_found),
        ]

    async def attachment(self, request: web.Request) -> web.StreamResponse:
        """The bytes of a file attached to a command option (Discord's CDN, in the fake)."""
        attachment = self.store.attachments.get(int(request.match_info["attachment_id"]))
        if attachment is None or attachment.filename != request.match_info["filename"]:
            return await self.not_found(request)
        return web.Response(body=attachment.data, content_type=attachment.content_type)

    async def not_found(self, request: web.Request) -> web.StreamResponse:
        """Unknown route: a JSON 404 that discord.py raises as NotFound."""
        return _error(404, 0, f"404: Not Found (loopback has no {request.method} {request.path})")

    async def no_content(self, request: web.Request) -> web.StreamResponse:
        """Acknowledge with 204."""
        return web.Response(status=204)

    # -- login and sync -------------------------------------------------------------------

    async def me(self, request: web.Request) -> web.StreamResponse:
        """The bot's own user."""
        return json_response(user_payload(self.store.bot_user) | {"verified": True, "flags": 0})

    async def get_user(self, request: web.Request) -> web.StreamResponse:
        """Any user the fake knows."""
        user = self.store.users.get(int(request.match_info["user_id"]))
        if user is None:
            return _error(404, 10013, "Unknown User")
        return json_response(user_payload(user))

    async def application(self, request: web.Request) -> web.StreamResponse:
        """The application, its owner and optional team."""
        s = self.store
        return json_response(application_payload(s.application_id, s.bot_user, s.owner, s.team))

    async def gateway_info(self, request: web.Request) -> web.StreamResponse:
        """Where the gateway lives."""
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return json_response(
            {
                "url": self.gateway_url(),
                "shards": self.gateway.recommended_shards,
                "session_start_limit": limit,
            }
        )

    async def put_commands(self, request: web.Request) -> web.StreamResponse:
        """Bulk overwrite global or guild commands, assigning stable ids."""
        raw_guild = request.match_info.get("guild_id")
        guild_id = int(raw_guild) if raw_guild else None
        errors = check_commands(request[BODY] or [])
        if errors:
            return _form_error(errors)
        stored: list[Json] = []
        for command in request[BODY] or []:
            kind = int(command.get("type", 1))
            key = (guild_id, str(command["name"]), kind)
            command_id = self.store.command_ids.setdefault(key, self.store.ids.next())
            entry: Json = {
                "options": [],
                "default_member_permissions": None,
                "nsfw": False,
                **command,
                "id": str(command_id),
                "application_id": str(self.store.application_id),
                "type": kind,
                "version": str(self.store.ids.next()),
            }
            if guild_id is not None:
                entry["guild_id"] = str(guild_id)
            stored.append(entry)
        self.store.commands[guild_id] = stored
        return json_response(stored)

    async def get_commands(self, request: web.Request) -> web.StreamResponse:
        """List synced commands."""
        raw_guild = request.match_info.get("guild_id")
        return json_response(self.store.commands.get(int(raw_guild) if raw_guild else None, []))

    # -- interactions ---------------------------------------------------------------------

    async def callback(self, request: web.Request) -> web.StreamResponse:
        """The initial interaction response (types 4-9)."""
        store = self.store
        state = store.interactions.get(int(request.match_info["interaction_id"]))
        unknown = _error(404, limits.ERROR_UNKNOWN_INTERACTION, "Unknown interaction")
        if state is None or state.token != request.match_info["token"]:
            return unknown
        if state.callback_type is not None:
            return _error(
                400, limits.ERROR_ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        if store.now() - state.created_at > store.response_deadline:
            state.expired = True
            store.notify()
            return unknown
        body: Json = request[BODY] or {}
        kind = int(body["type"])
        data: Json = body.get("data") or {}
        files = request[FILES]
        invalid = self._callback_error(state, kind, data, files)
        if invalid is not None:
            return invalid
        message = None
        if kind == 4:
            message = store.create_message(
                state.channel,
                store.bot_user,
                data,
                "interaction",
                files=files,
                interaction_id=state.id,
            )
        elif kind == 5:
            flags = (int(data.get("flags") or 0) & EPHEMERAL) | LOADING
            message = store.create_message(
                state.channel,
                store.bot_user,
                {"flags": flags},
                "interaction",
                interaction_id=state.id,
            )
        elif kind in (6, 7):
            if state.clicked_message_id is None:
                return _error(
                    400,
                    limits.ERROR_INVALID_FORM_BODY,
                    "Invalid Form Body: update types need a component",
                )
            state.original_id = state.clicked_message_id
            if kind == 7:
                message = store.edit_message(state.clicked_message_id, data, files)
        elif kind == 8:
            state.choices = tuple(
                Choice(str(c["name"]), c["value"]) for c in data.get("choices", [])
            )
        if message is not None and kind in (4, 5):
            state.original_id = message.id
        state.callback_type, state.callback_data = kind, data
        state.answered_at = self.store.now()
        store.notify()
        interaction = {
            "id": str(state.id),
            "type": state.type,
            "response_message_id": None if message is None else str(message.id),
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(message is not None and message.ephemeral),
        }
        resource: Json = {"type": kind}
        if message is not None:
            resource["message"] = message.raw
        return json_response({"interaction": interaction, "resource": resource})

    @staticmethod
    def _callback_error(
        state: InteractionState, kind: int, data: Json, files: Sequence[Any]
    ) -> web.Response | None:
        """The 400 for a callback type not allowed here, or an invalid message or choices."""
        if kind not in limits.ALLOWED_CALLBACKS.get(state.type, frozenset()):
            errors = FormErrors()
            errors.add(
                ("type",),
                "INTERACTION_CALLBACK_TYPE_INVALID",
                f"Callback type {kind} is not allowed for interaction type {state.type}",
            )
            return _form_error(errors)
        if kind in (4, 7):
            return _message_error(data, files, new=kind == 4)
        if kind == 8:
            errors = check_autocomplete(data.get("choices") or [])
            return _form_error(errors) if errors else None
        return None

    def _hook_state(self, request: web.Request) -> InteractionState | None:
        if request.match_info["app_id"] != str(self.store.application_id):
            return None
        state = self.store.interaction_by_token(request.match_info["token"])
        return state if state is not None and state.callback_type is not None else None

    def _token_expired(self, state: InteractionState) -> bool:
        return self.store.now() - state.created_at > self.store.token_lifetime

    @staticmethod
    def _replaces_thinking(state: InteractionState) -> bool:
        return (
            state.callback_type == 5
            and state.original_id is not None
            and not state.original_edited
            and not state.followup_ids
        )

    async def followup(self, request: web.Request) -> web.StreamResponse:
        """A follow-up message after the interaction was acknowledged."""
        state = self._hook_state(request)
        if state is None:
            return _error(404, limits.ERROR_UNKNOWN_WEBHOOK, "Unknown Webhook")
        if self._token_expired(state):
            return _error(401, limits.ERROR_INVALID_WEBHOOK_TOKEN, "Invalid Webhook Token")
        body: Json = request[BODY] or {}
        invalid = _message_error(body, request[FILES], new=True)
        if invalid is not None:
            return invalid
        if self._replaces_thinking(state):
            # Like Discord: the first follow-up after a "thinking" defer becomes the original
            # response and keeps the defer's ephemerality.
            body = body | {"flags": int(body.get("flags") or 0) & ~EPHEMERAL}
            message = self.store.edit_message(state.original_id or 0, body, request[FILES])
            state.original_edited = True
        else:
            message = self.store.create_message(
                state.channel,
                self.store.bot_user,
                body,
                "followup",
                files=request[FILES],
                interaction_id=state.id,
            )
        state.followup_ids.append(message.id)
        self.store.notify()
        return json_response(message.raw)

    async def webhook_message(self, request: web.Request) -> web.StreamResponse:
        """GET, PATCH or DELETE the original response or a follow-up."""
        state = self._hook_state(request)
        if state is None:
            return _error(404, limits.ERROR_UNKNOWN_WEBHOOK, "Unknown Webhook")
        if self._token_expired(state):
            return _error(401, limits.ERROR_INVALID_WEBHOOK_TOKEN, "Invalid Webhook Token")
        raw_id = request.match_info["message_id"]
        message_id = state.original_id if raw_id == "@original" else int(raw_id)
        if message_id is None or message_id not in (state.original_id, *state.followup_ids):
            return _error(404, limits.ERROR_UNKNOWN_MESSAGE, "Unknown Message")
        if request.method == "DELETE":
            self.store.delete_message(message_id)
            return web.Response(status=204)
        if request.method == "PATCH":
            invalid = _message_error(request[BODY], request[FILES], new=False)
            if invalid is not None:
                return invalid
            edited = self.store.edit_message(message_id, request[BODY] or {}, request[FILES])
            if message_id == state.original_id:
                state.original_edited = True
                self.store.notify()
            return json_response(edited.raw)
        return json_response(self.store.get_message(message_id).raw)

    # -- channels -------------------------------------------------------------------------

    def _channel(self, request: web.Request) -> FakeChannel:
        channel = self.store.channels.get(int(request.match_info["channel_id"]))
        if channel is None:
            raise LoopbackError("Unknown Channel")
        return channel

    def _refused(self, channel: FakeChannel, needed: int) -> web.Response | None:
        """403 unless the bot has every permission in `needed` in this channel."""
        have = self.store.bot_permissions(channel)
        if not have & limits.PERM_VIEW_CHANNEL:
            return _error(403, limits.ERROR_MISSING_ACCESS, "Missing Access")
        if have & needed != needed:
            return _error(403, limits.ERROR_MISSING_PERMISSIONS, "Missing Permissions")
        return None

    async def get_channel(self, request: web.Request) -> web.StreamResponse:
        """A channel object."""
        channel = self._channel(request)
        refused = self._refused(channel, 0)
        if refused is not None:
            return refused
        return json_response(
            channel_payload(channel, 0, overwrites=self.store.channel_overwrites(channel))
        )

    async def post_message(self, request: web.Request) -> web.StreamResponse:
        """`channel.send`: store the message and echo it as MESSAGE_CREATE like Discord does."""
        channel = self._channel(request)
        refused = self._refused(channel, limits.PERM_SEND_MESSAGES)
        if refused is not None:
            return refused
        invalid = _message_error(request[BODY], request[FILES], new=True)
        if invalid is not None:
            return invalid
        message = self.store.create_message(
            channel, self.store.bot_user, request[BODY] or {}, "channel", files=request[FILES]
        )
        await self.gateway.dispatch("MESSAGE_CREATE", dict(message.raw))
        return json_response(message.raw)

    async def typing(self, request: web.Request) -> web.StreamResponse:
        """Typing indicator: needs Send Messages."""
        refused = self._refused(self._channel(request), limits.PERM_SEND_MESSAGES)
        return refused or web.Response(status=204)

    async def reaction(self, request: web.Request) -> web.StreamResponse:
        """Add or remove the bot's reaction: needs Add Reactions and Read Message History."""
        channel = self._channel(request)
        needed = limits.PERM_READ_MESSAGE_HISTORY
        if request.method == "PUT":
            needed |= limits.PERM_ADD_REACTIONS
        refused = self._refused(channel, needed)
        if refused is not None:
            return refused
        self.store.get_message(int(request.match_info["message_id"]))
        return web.Response(status=204)

    async def history(self, request: web.Request) -> web.StreamResponse:
        """Recent messages, newest first (empty without Read Message History)."""
        channel = self._channel(request)
        refused = self._refused(channel, 0)
        if refused is not None:
            return refused
        if not self.store.bot_permissions(channel) & limits.PERM_READ_MESSAGE_HISTORY:
            return json_response([])
        limit = int(request.query.get("limit", "50"))
        found = [
            m.raw
            for m in reversed(self.store.messages.values())
            if m.channel_id == channel.id and not m.deleted and not m.ephemeral
        ]
        return json_response(found[:limit])

    async def channel_message(self, request: web.Request) -> web.StreamResponse:
        """GET, PATCH or DELETE one channel message."""
        channel = self._channel(request)
        refused = self._refused(channel, 0)
        if refused is not None:
            return refused
        message = self.store.get_message(int(request.match_info["message_id"]))
        if message.channel_id != channel.id:
            return _error(404, limits.ERROR_UNKNOWN_MESSAGE, "Unknown Message")
        own = message.author_id == self.store.bot_user.id
        if request.method == "DELETE":
            if not own:
                refused = self._refused(channel, limits.PERM_MANAGE_MESSAGES)
                if refused is not None:
                    return refused
            self.store.delete_message(message.id)
            return web.Response(status=204)
        if request.method == "PATCH":
            if not own:
                return _error(
                    403,
                    limits.ERROR_CANNOT_EDIT_OTHERS,
                    "Cannot edit a message authored by another user",
                )
            invalid = _message_error(request[BODY], request[FILES], new=False)
            if invalid is not None:
                return invalid
            message = self.store.edit_message(message.id, request[BODY] or {}, request[FILES])
        return json_response(message.raw)
