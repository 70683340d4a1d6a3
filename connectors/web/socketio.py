"""Rasa's socket.io protocol on the ``emobot_web`` channel, so Rasa web chat widgets connect unchanged.

The events are those of Rasa's own ``SocketIOInput`` (rasa/core/channels/socketio.py), which
widgets such as rasa-webchat and Rasa's Chatwidget speak:

- ``session_request`` ``{"session_id": str | null}`` -> ``session_confirm`` with the session
  id (a new one when none is given or the one given is not the caller's, see below);
- ``user_uttered`` ``{"message": str, "session_id": str, "customData": {...}}`` -> the bot's
  answers, one ``bot_uttered`` event each (``{"text": ...}``, ``quick_replies``, attachments); a reply of a
  person from the team carries ``"metadata": {"who": "human"}``.

Each user turn goes to the emotion service exactly like a REST turn of
:class:`connectors.web.channel.EmobotWebInput` (its ``analyse``; a voice message without text
is transcribed first): the reading lands in ``metadata["emotion"]``, and the bot answers even
when the service is down. ``customData`` becomes the message metadata; its ``audio`` and
``images`` (base64 or data: URLs, see :mod:`connectors.web.custom_data`) go to the service and
are kept out of the metadata.

Media that cannot be used are left out of the turn, and the socket gets an ``emobot_error``
event ``{"code": ..., "field": ..., "message": ...}`` per problem (``invalid_custom_data``,
``invalid_media``, ``media_too_large``, ``too_many_images``; also ``invalid_message`` for a
``user_uttered`` that is not an object, ``no_session`` for a message without ``session_id``
under session persistence, ``session_required``, below, and ``turn_too_large`` for a text over
the channel's ``max_body_bytes``, which is not sent on at all). The text still goes to the bot;
a turn left with nothing to say (no text, all media refused) is not sent to the bot. A
socket.io message larger than the limits allow (``MediaLimits.max_message_bytes``) is refused
by the transport, which closes that connection (a widget may reconnect).

**Session binding.** Under session persistence a session id is a capability, not a name: the
channel confirms a *signed session token* ``<session id>.<HMAC>`` (the chat page's, see
:mod:`connectors.web.sessions`), the widget keeps it (rasa-webchat stores whatever
``session_confirm`` says) and sends it back, and only a token the channel signed rejoins its
conversation; a bare or forged id gets a new session. With ``jwt_key`` (or
``$EMOBOT_SOCKETIO_JWT_KEY``; compose sets it) a client must connect with ``auth {"token": JWT}``
and, when the JWT names a ``sub``, its conversation is that subject's, whatever id it requests.
Each socket's messages go to the session it was confirmed, never to one a message names, and a
``customData`` ``speaker_id`` or ``user_id`` that names another issued session (``web-<32 hex>``)
refuses the turn (``emobot_error`` ``session_required``): nobody's turns are logged as another
person's. Every socket.io turn proves its conversation (the confirmed session, or without
persistence the socket's own), so the bot is told ``metadata["session_proven"]``
true, whatever ``customData`` claims (connectors/web/channel.py).

It is off unless ``socketio: true``: a bot that already serves Rasa's own ``socketio``
channel at ``/socket.io`` keeps starting (two servers on one path stop ``rasa run`` with
sanic's ``RouteExists``). credentials.yml (the other keys and defaults are those of Rasa's
``socketio`` channel, except ``metadata_key``, which defaults to the widgets' ``customData``)::

    connectors.web.channel.EmobotWebInput:
      socketio: true                 # default false: REST only
      socketio_path: /socket.io      # not also used by Rasa's socketio channel
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: false     # true: sender id = the client's session_id, not the socket
      namespace: null
      metadata_key: customData
      jwt_key: null                  # with a key, a client must connect with auth {"token": JWT}
                                     # (default $EMOBOT_SOCKETIO_JWT_KEY)
      socketio_cors_origins: []      # "*" or ["https://www.example.org"]: sites that embed a widget
      jwt_method: HS256
      max_audio_bytes: 4194304       # decoded; see connectors.web.custom_data.MediaLimits
      max_image_bytes: 1048576
      max_images: 5
"""
from __future__ import annotations

import inspect
import logging
import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, Sanic
from socketio import AsyncServer

from connectors.contract import FROM_THE_TEAM
from connectors.web.custom_data import MediaLimits, TurnProblem, parse_custom_data
from connectors.web.sessions import SessionRequired
from connectors.web.turn import TurnHandler, TurnTooLarge, WebTurn


logger = logging.getLogger(__name__)

ERROR_EVENT = "emobot_error"
SUBJECT = re.compile(r"[A-Za-z0-9._:@\-]{1,128}")  # a JWT subject usable as a session id


@dataclass(frozen=True)
class SocketIOSettings:
    """The socket.io part of the channel's credentials (see the module docstring)."""

    enabled: bool = False
    path: str = "/socket.io"
    user_message_evt: str = "user_uttered"
    bot_message_evt: str = "bot_uttered"
    session_persistence: bool = False
    namespace: Optional[str] = None
    metadata_key: str = "customData"
    jwt_key: Optional[str] = None
    jwt_method: str = "HS256"
    cors_origins: Any = field(default_factory=list)  # "*", or the origins of the sites that embed a widget
    limits: MediaLimits = field(default_factory=MediaLimits)

    @classmethod
    def from_credentials(cls, credentials: Optional[Mapping[str, Any]]) -> "SocketIOSettings":
        """Read the flat keys of the channel's credentials; absent keys keep their defaults."""
        c = credentials or {}
        return cls(
            enabled=bool(c.get("socketio", False)),
            path=str(c.get("socketio_path") or "/socket.io"),
            user_message_evt=str(c.get("user_message_evt") or "user_uttered"),
            bot_message_evt=str(c.get("bot_message_evt") or "bot_uttered"),
            session_persistence=bool(c.get("session_persistence", False)),
            namespace=c.get("namespace"),
            metadata_key=str(c.get("metadata_key") or "customData"),
            jwt_key=c.get("jwt_key") or os.environ.get("EMOBOT_SOCKETIO_JWT_KEY") or None,
            jwt_method=str(c.get("jwt_method") or "HS256"),
            cors_origins="*" if c.get("socketio_cors_origins") == "*" else list(c.get("socketio_cors_origins") or []),
            limits=MediaLimits.from_credentials(c),
        )


class _Output(SocketIOOutput):
    """Rasa's socket.io output, sent in the configured namespace."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str, namespace: Optional[str]) -> None:
        super().__init__(sio, bot_message_evt)
        self.namespace = namespace

    async def _send_message(self, socket_id: str, response: Any) -> None:
        await self.sio.emit(self.bot_message_evt, response, room=socket_id, namespace=self.namespace)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """A supervisor's reply (``FROM_THE_TEAM`` in the bot event's metadata, which Rasa merges into
        ``message``) goes out as ``{"text": ..., "metadata": {"who": "human"}}``, so a widget can tell a
        person from the team from the bot (thirteenth reading, L6); every other message as Rasa sends it."""
        if message.get(FROM_THE_TEAM) is True and message.get("text"):
            for part in str(message["text"]).strip().split("\n\n"):
                await self._send_message(recipient_id, {"text": part, "metadata": {"who": "human"}})
            return
        await super().send_response(recipient_id, message)

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        json_message.setdefault("namespace", self.namespace)
        await super().send_custom_json(recipient_id, json_message, **kwargs)


def cap_request_size(app: Sanic, turn_bytes: int) -> None:
    """Sanic refuses a request body over a turn's size plus 1 MiB with 413 before reading it (its
    default is 100 MB, parsed in full): one huge upload cannot hold up other people's turns. A
    socket.io message a little over the turn limit still reaches engine.io, which closes only
    that connection."""
    limit = turn_bytes + 1024 * 1024
    app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE or limit, limit)


class _LimitedBlueprint(Blueprint):
    """The channel's routes, with the app's request size capped to what a turn may carry."""

    def __init__(self, *args: Any, max_request_bytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx.max_request_bytes = max_request_bytes  # sanic allows no attributes of its own here

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:
        cap_request_size(app, self.ctx.max_request_bytes)
        super().register(app, options)


class _MediaSocketBlueprint(SocketBlueprint):
    """Rasa's socket.io blueprint; Sanic's websocket frame limit is raised to fit a turn's media,
    and the request size capped to it."""

    def register(self, app: Sanic, options: Dict[str, Any]) -> None:
        limit = self.ctx.sio.eio.max_http_buffer_size
        app.config.WEBSOCKET_MAX_SIZE = max(app.config.WEBSOCKET_MAX_SIZE or 0, limit)
        cap_request_size(app, limit)
        super().register(app, options)


def socketio_blueprint(name: str, channel: TurnHandler, settings: SocketIOSettings,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
    """A blueprint for the channel's routes that also serves socket.io at ``settings.path``.

    Without ``settings.enabled`` it is a plain blueprint. The socket.io server is attached to
    the app itself when the blueprint is registered (its path is not under the channel's
    ``/webhooks/emobot_web`` prefix, as with Rasa's ``socketio`` channel).
    """
    if not settings.enabled:
        return _LimitedBlueprint(name, __name__, max_request_bytes=settings.limits.max_message_bytes)

    # a widget embedded in another site connects from that site's origin: allowed by
    # socketio_cors_origins ("*" or a list); [] leaves CORS to Sanic (rasa run --cors), as Rasa does
    sio = AsyncServer(async_mode="sanic", cors_allowed_origins=settings.cors_origins,
                      max_http_buffer_size=settings.limits.max_message_bytes)
    channel.sio = sio  # the channel's output for messages Rasa pushes outside a turn
    namespace = settings.namespace

    async def error(sid: str, problem: TurnProblem) -> None:
        logger.info("socket.io turn of %s: %s %s: %s", sid, problem.code, problem.field, problem.message)
        await sio.emit(ERROR_EVENT, {"code": problem.code, "field": problem.field, "message": problem.message},
                       room=sid, namespace=namespace)

    bound: Dict[str, str] = {}  # socket id -> the session it was confirmed
    subjects: Dict[str, str] = {}  # socket id -> the JWT's subject, when it named one

    @sio.on("connect", namespace=namespace)
    async def connect(sid: str, environ: Dict, auth: Optional[Dict] = None) -> bool:
        if not settings.jwt_key:
            return True
        token = auth.get("token") if isinstance(auth, dict) else None
        claims = decode_bearer_token(token, settings.jwt_key, settings.jwt_method) if token else None
        if claims is None:  # {} is a valid JWT without claims
            return False
        subject = claims.get("sub") if isinstance(claims, dict) else None
        if isinstance(subject, str) and SUBJECT.fullmatch(subject):
            subjects[sid] = subject
        return True

    @sio.on("disconnect", namespace=namespace)
    async def disconnect(sid: str, *args: Any) -> None:
        bound.pop(sid, None)
        subjects.pop(sid, None)

    @sio.on("session_request", namespace=namespace)
    async def session_request(sid: str, data: Any) -> None:
        if not settings.session_persistence:
            # Rasa's behaviour: the conversation is the socket's own (its sid), whatever is requested
            requested = data.get("session_id") if isinstance(data, dict) else None
            await sio.emit("session_confirm", str(requested) if requested else uuid.uuid4().hex, room=sid,
                           namespace=namespace)
            return
        requested = data.get("session_id") if isinstance(data, dict) else None
        if sid in subjects:
            session_id = subjects[sid]
            token = channel.sessions.token(session_id)
        else:
            session_id = channel.sessions.verify(str(requested)) if requested else None
            token = str(requested) if session_id else None
            if session_id is None:  # none, bare, forged or another secret's: a new conversation
                session_id, token = channel.sessions.issue()
        bound[sid] = session_id
        # awaited: python-socketio 5.x made enter_room a coroutine (Rasa 3.6 does not await it)
        entered = sio.enter_room(sid, session_id, namespace=namespace)
        if inspect.isawaitable(entered):
            await entered
        await sio.emit("session_confirm", token, room=sid, namespace=namespace)

    @sio.on(settings.user_message_evt, namespace=namespace)
    async def user_uttered(sid: str, data: Any) -> None:
        if not isinstance(data, dict):
            await error(sid, TurnProblem("invalid_message", settings.user_message_evt,
                                         'expected {"message": str, "session_id": str, "customData": {...}}'))
            return
        if settings.session_persistence:
            if sid not in bound:
                await error(sid, TurnProblem("no_session", "session_id", "send session_request first and "
                                             "the confirmed session_id with each message"))
                return
            sender_id = bound[sid]  # the confirmed session, not whatever this message names
        else:
            sender_id = sid
        custom = parse_custom_data(data.get(settings.metadata_key), settings.limits)
        for problem in custom.problems:
            await error(sid, problem)
        text = data.get("message")
        text = "" if text is None else str(text)
        if not text.strip() and custom.audio is None and not custom.images and custom.problems:
            return  # nothing left to say
        # proven: the confirmed session, or without persistence the socket's own conversation (no one
        # else can send as its sid); the bot says back earlier turns only to a proven turn (channel.py)
        proven = bound.get(sid) if settings.session_persistence else sid
        turn = WebTurn(sender_id, custom.speaker_id or sender_id, text, custom.metadata, custom.audio,
                       custom.images, custom.user_id, session_id=proven)
        try:
            await channel.handle_turn(turn, _Output(sio, settings.bot_message_evt, namespace), on_new_message)
        except (SessionRequired, TurnTooLarge) as refused:  # customData named another issued session; a huge text
            await error(sid, TurnProblem(refused.code, refused.field, str(refused)))

    return _MediaSocketBlueprint(sio, settings.path, name, __name__)
