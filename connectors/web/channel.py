"""``EmobotWebInput``: a Rasa input channel that sends each user turn to the emotion service.

It works like Rasa's ``RestInput`` (``POST /webhooks/emobot_web/webhook`` answers with the
bot's messages as a JSON list) and also accepts a voice clip and face snapshots. The
service's analysis goes into the message metadata under ``"emotion"``, where policies
(``policies.emotion_policy.EmotionPolicy``) and custom actions read it. If the service is
down or refuses the turn, the bot still answers; ``metadata["emotion"]`` is then
``{"available": false, "error": "<code>", "message": "..."}``. Turns go through a durable
outbox (:mod:`connectors.delivery`): a turn the service cannot take now is queued
(``"queued": true``) and replayed in order, with its original time, when the service is back.

With ``socketio: true`` the same channel also speaks Rasa's socket.io protocol (``/socket.io``,
the events of Rasa's ``socketio`` channel), so Rasa web chat widgets connect unchanged and may
send audio and images in ``customData``: see :mod:`connectors.web.socketio`.

``GET /webhooks/emobot_web/chat`` serves a chat page (static/: text, push-to-talk voice clips,
camera snapshots, the consent notice). ``POST /session`` issues the caller's conversation (a
signed cookie, or a bearer token for apps: :mod:`connectors.web.sessions`); with it,
``/history`` returns the conversation so far, ``/pushed?after=N`` the messages pushed to it
(a human's replies during a handoff, notices), and ``/consent`` (GET, POST JSON ``{text,
audio, face}``) the person's own consent, recorded by the service, so the browser only talks
to Rasa. A request with a session acts on that conversation and user only; a turn that names an
id the channel issued without its token is refused on every transport, and the answer to a turn
without a session carries this turn's reading, not the conversation's
(:mod:`connectors.web.sessions`), nor, in the bot's words, the conversation's earlier turns: each
turn's metadata says whether its session was proven (``metadata["session_proven"]``, set by the
channel, never the client's), and the support bot says back nothing of earlier turns to a turn
that did not prove it (see :class:`EmobotWebInput`).

credentials.yml::

    connectors.web.channel.EmobotWebInput:
      emotion_service_url: http://127.0.0.1:8500   # default: $EMOBOT_SERVICE_URL
      timeout: 10                                  # seconds, connect and read
      bot: support                                 # the bot's name in the mood log
      max_body_bytes: 65536                        # a turn's body without its media; larger: 413
      max_text_chars: 4000                         # the most of a turn's text the bot reads
      long_turn_chars: 4000                        # see connectors/web/client_limits.py
      max_long_turns_per_client: 2                 # long turns read at once per sender / address
      max_sender_chars: 128                        # a longer sender, speaker_id or user_id: 400
      max_history_messages: 500                    # the most (newest) messages /history returns
      socketio: true                               # default false; see connectors/web/socketio.py
      outbox:                                      # optional, see connectors/outbox.py
        path: var/emobot-outbox.sqlite3            # default $EMOBOT_OUTBOX_PATH, then this
        replay_interval: 2                         # seconds

(Over 300 lines for a reason: the routes above share the channel's client, session signer and
outbox, and each is a few lines; what the bot said is recorded in :mod:`connectors.web.output`,
the page's files are served by :mod:`connectors.web.page`.)
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import unicodedata
import uuid
from dataclasses import replace
from functools import partial
from asyncio import CancelledError
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel, UserMessage
from rasa.shared.core.events import SlotSet, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.client import EmotionServiceClient, UploadFile
from connectors.service_errors import EmotionServiceRejected, EmotionServiceUnavailable
from connectors.cues import dialogue_cues, wanted as wanted_cues
from connectors.contract import EMOTION_METADATA_KEY, SESSION_PROOF_KEY, at_risk, crisis_of, derived_of, words_of
from connectors.web.client_limits import CLIENT_ADDRESS, LONG_TURN_CHARS, MAX_LONG_TURNS_PER_CLIENT, ClientLimits
from connectors.web.history import MAX_HISTORY_MESSAGES, transcript as _transcript
from connectors.web.output import RecordingOutput
from connectors.web.request_fields import MAX_CURSOR, MAX_SENDER_CHARS, cursor_after, overlong_id, refuse_overlong_id
from connectors.web.page import ChatPage, static_file
from connectors.web.sessions import COOKIE, SessionRequired, SessionSigner, without_conversation
from connectors.web.socketio import SocketIOSettings, socketio_blueprint
from connectors.web.safety_net import hand_over_unanswered, safety_net_line, too_large
from connectors.web.turn import TurnTooLarge, WebTurn
from connectors.web.unheard import unheard_line
from connectors.delivery import TurnDelivery
from connectors.handoff import HANDOFF_SLOTS, readable_text
from connectors.outbox import OutboxSettings, QueuedTurn, open_outbox
from emotion.crisis.fallback import FALLBACK
from emotion.crisis.normalise import logical
from emotion.types import message_text
from policies import action_validation
from policies.locales import parse_locale

logger = logging.getLogger(__name__)
action_validation.install()  # the server this channel runs in checks action answers without ~30 ms each (policies/action_validation.py)

DEFAULT_SERVICE_URL = "http://127.0.0.1:8500"
CRISIS_REPLAYED_INTENT = "crisis_replayed"


READABLE_AGAIN = ("invalid_text", "text_too_long")
"""The service's refusals of a turn's text that a readable copy of it gets past (:meth:`EmobotWebInput.deliver_readable`)."""
TEXT_LIMIT = re.compile(r"the limit is (\d+)")
DEFAULT_TEXT_LIMIT = 10_000
"""The service's text limit (``max_text_chars``) when its refusal does not say it."""
MAX_BODY_BYTES = 64 * 1024
"""Default of ``max_body_bytes``: the most bytes of a turn's request besides its media (a JSON
body, a form's fields; a socket.io message's text). A 10,000-character message fits even as JSON
``\\uXXXX`` escapes; a larger one is refused with 413 ``turn_too_large`` before the service, the
NLU or the bot sees it (ninth exploratory reading, H4: one 3 MB message froze the bot for everyone)."""
MAX_TEXT_CHARS = 4000
"""Default of ``max_text_chars``: the most characters of a turn's text the bot reads. A longer
text is screened in full (the service, else the in-process lexicon) and then handed to the bot
as :func:`connectors.handoff.readable_text` makes it: its start and its end (risk is often said
last) around a note of what was left out. The chat page's input takes 2,000."""

SYSTEM_INTENTS = re.compile(r"^\s*/+\s*(handoff_resolved|handoff_waiting|crisis_replayed|session_start)\b")
"""Intents only the system triggers: a person's message that names one is read as plain words. Rasa
starts a session itself (a new conversation, one idle past ``session_expiration_time``); a typed
"/session_start" started one in a crisis handoff, and the page's history lost the conversation (eleventh
exploratory reading, M2): as plain words it starts nothing, and the support bot answers it as a command
(policies/commands.py, ``COMMAND``)."""


def with_crisis_screening(emotion: Dict[str, Any], text: str, sender_id: str) -> Dict[str, Any]:
    """``emotion`` with ``derived.crisis``: the service's when it sent one, else the in-process
    lexicon screen (:mod:`emotion.crisis.fallback`), so a turn the service could not answer
    (down, queued, refused without a screening) is still screened. ``explicit`` is always set."""
    derived = derived_of(emotion)
    crisis = derived.get("crisis")
    if isinstance(crisis, dict):
        if "explicit" in crisis:
            return emotion
        # a screening that does not say whether the risk was stated (an older service): a flag
        # counts as stated, so the bot hands over at once rather than asks first
        crisis = {**crisis, "explicit": bool(crisis.get("flag"))}
    else:
        crisis = FALLBACK.screen(text, sender_id)
    return {**emotion, "derived": {**derived, "crisis": crisis}}


class EmobotWebInput(InputChannel):
    """Rasa input channel ``emobot_web``: text plus optional audio and images per turn.

    Requests to ``POST /webhooks/emobot_web/webhook``, either:

    - JSON ``{"sender": str, "message": str, "metadata": {...}}``, or
    - multipart form: ``sender``, ``message``, one ``audio`` file, repeated ``images``
      files.

    Both may add ``speaker_id`` (default: the sender) and ``user_id`` (the end user across
    conversations, for the mood log). The sender id is the service's session id. A turn with
    neither a session nor a ``sender`` gets a conversation of its own (never Rasa's shared
    ``"default"``): its session token comes back in the ``X-Emobot-Session`` header.

    Sessions (cookie or bearer token, :mod:`connectors.web.sessions`): a turn with one acts on
    that conversation whatever the body names. Without one, the body's ``sender`` is taken
    (Rasa's REST convention) unless ``require_session``, except that an id of the form the
    channel issues (``web-<32 hex>``, as ``sender``, ``speaker_id`` or ``user_id``) is refused
    with 401 ``session_required``: such ids are capabilities of the person who was issued the
    token, and they appear in dashboard URLs and exports. Refused, not moved to a fresh
    conversation (as socket.io does, where ``session_confirm`` tells the widget its new id): a
    REST client keeps naming the sender it chose, so a silent swap would give it a new, empty
    conversation on every turn; a clear error says what to send instead.

    **A conversation that was proven, or had a handoff, is not the plain sender's any more**
    (ninth exploratory reading, H5: an outsider who knew a REST sender id in a crisis handoff got
    its handoff lines, "Reaching out to your brother...", "nobody from our team has joined yet",
    its turn index, and wrote into that person's handoff thread). A turn without a session whose
    ``sender`` names a conversation that (a) was written with a session's token (a user event of
    it is ``session_proven``) or (b) has had a handoff (a handoff slot set in Rasa's tracker; for a
    conversation Rasa does not remember, the service's newest handoff of it) is **moved to a new
    conversation of its own**: a fresh issued session, exactly as for a turn that names no
    sender, its token in ``X-Emobot-Session``; the answer says nothing of the other conversation
    (its recipient, turn index and lines are the new one's), and nothing of the turn reaches it.
    Moved, not refused with 401: the person in crisis who comes back without their token (a new
    device, a client that kept only its sender id) is as likely to send it as an outsider, and
    a refusal would leave them without an answer; in the new conversation their words are
    screened from the start, so a message at risk gets the safety answer and a handoff of its
    own. Not a derived id either: an id derived from the sender would be shared again by
    everyone who knows the sender, and the leak would repeat there. So that the person who was
    handed over can go on in their own conversation, the answer to the turn without a session in
    which a conversation gets its first handoff carries that conversation's token in
    ``X-Emobot-Session`` (send it as ``Authorization: Bearer``; ``/pushed`` then also brings the
    team's replies). Only when that turn was the conversation's first: a conversation with earlier
    turns gets no token, for anyone who knows a plain sender id could send one risky line as it and
    read the earlier turns with the token (tenth exploratory reading, H7); REST clients that want
    to keep their conversation across a handoff use a session (``POST /session``). The sender ids
    of a turn with a session, of socket.io (always proven) and of an issued session are not
    concerned.

    Size (ninth exploratory reading, H4): a request whose body besides its media (a JSON body,
    a form's fields) is over ``max_body_bytes`` is refused with 413 ``turn_too_large`` before
    anything reaches the service or the bot (socket.io: an ``emobot_error`` of the same code);
    the app's own request limit (:func:`connectors.web.socketio.cap_request_size`) caps the
    body with media. A text within it is screened in full and handed to the bot cut to
    ``max_text_chars`` (:data:`MAX_TEXT_CHARS`).

    ``?emotion=true`` makes the answer ``{"messages": [...], "emotion": {...}, "text": str}``
    instead of the bare list of bot messages, so a web page can show the reading. A turn
    with audio and no text is a voice message: its transcript (the service's ``/v1/asr``)
    becomes the text the bot reads, and ``text`` returns it. For a turn without a session the
    channel cannot tell the sender's owner from anyone else who knows the id, so ``emotion``
    holds this turn's reading and not the conversation's: ``state`` and ``derived`` (the crisis
    screening joins the conversation's risk) are null and listed in ``withheld``. The bot's
    policies see all of it either way.

    Session proof, for the bot (``metadata["session_proven"]``,
    :data:`connectors.contract.SESSION_PROOF_KEY`, read with ``connectors.contract.session_proven``):
    every turn handed to the bot carries it, on every transport (REST, socket.io, emobot_voice:
    all go through :meth:`answer`), set last, so a client's own ``session_proven`` in ``metadata``
    or ``customData`` is overwritten. True for a turn that proved its conversation: a session's
    cookie or bearer token, a socket.io session confirmed with a signed token (or a JWT subject),
    and, without socket.io session persistence, the socket's own conversation (its sender is the
    connection's id, which no one else can send as). False for a turn that only named its
    ``sender`` (``require_session: false``), and for a replayed crisis turn (a system turn). The
    support bot answers a turn that is not proven without drawing on the conversation's earlier
    turns: a question about what was said earlier ("what did i say about my sister?") gets a line
    saying that earlier messages are not shown in a conversation that is not signed in
    (``bot/support/actions/recall.py``), never the owner's words; the crisis screening, the help
    lines and a handoff do not depend on it (they read the whole conversation). A REST client that
    wants the bot to remember (and the conversation's state in the answer) sends a session's token.

    Args:
        emotion_service_url: base URL of the emotion service.
        timeout: seconds allowed to connect to and to hear from the service.
        bot: the bot's name, recorded with each turn in the mood log.
        socketio: the socket.io settings (:class:`connectors.web.socketio.SocketIOSettings`;
            default: off).
        outbox: the ``outbox:`` settings (:class:`connectors.outbox.OutboxSettings`).
        safety_net_text: what the channel says itself when the bot gives no answer to a turn
            with crisis risk (an action failed, the action server is down); default: the person's
            locale's line (:func:`connectors.web.safety_net.safety_net_line`). A flagged turn left
            so also gets a handoff, as the bot would have opened.
        session_secret: signs the server-issued sessions (:mod:`connectors.web.sessions`).
        require_session: refuse turns without a server-issued session (401) instead of taking
            the body's ``sender``.
        cookie_secure: send the session cookie over HTTPS only.
        max_body_bytes: the most bytes of a turn besides its media (:data:`MAX_BODY_BYTES`).
        max_text_chars: the most characters of a turn's text the bot reads (:data:`MAX_TEXT_CHARS`).
        long_turn_chars, max_long_turns_per_client: the bound on each client's long turns read at
            once (:mod:`connectors.web.client_limits`).
        max_sender_chars: the longest ``sender``, ``speaker_id`` or ``user_id`` of a turn; a longer
            one is refused with 400 (:mod:`connectors.web.request_fields`).
        max_history_messages: the most messages ``/history`` returns (:mod:`connectors.web.history`).
    """

    def session_of(self, request: Request) -> Optional[str]:
        """The server-issued session of the request (cookie or bearer token), or None."""
        header = request.headers.get("authorization") or ""
        token = header[7:].strip() if header.lower().startswith("bearer ") else request.cookies.get(COOKIE)
        return self.sessions.verify(token)

    def session_answer(self, request: Request, extra: Optional[Dict[str, Any]] = None) -> HTTPResponse:
        """``POST /session`` of this channel: the caller's conversation (the one its cookie or bearer
        token names, else a new one) as ``{session_id, token, **extra}``, with the cookie set for
        this channel's paths."""
        session_id = self.session_of(request)
        token = self.sessions.token(session_id) if session_id else None
        if session_id is None:
            session_id, token = self.sessions.issue()
        answer = response.json({"session_id": session_id, "token": token, **(extra or {})})
        answer.cookies[COOKIE] = token  # sanic 21.12 (Rasa 3.6): a CookieJar of morsels
        cookie = answer.cookies[COOKIE]
        cookie["httponly"], cookie["samesite"], cookie["path"] = True, "Strict", f"/webhooks/{self.name()}"
        cookie["max-age"], cookie["secure"] = 30 * 24 * 3600, self.cookie_secure
        return answer

    def get_output_channel(self) -> Optional[OutputChannel]:
        """Where Rasa sends messages it pushes outside a turn (``output_channel=latest`` of its
        HTTP API: a supervisor's reply, a check-in): the session's socket.io room, when socket.io
        is on. Clients without a socket poll ``/pushed`` instead."""
        if self.sio is None:
            return None
        from connectors.web.socketio import _Output

        return _Output(self.sio, self.socketio.bot_message_evt, self.socketio.namespace)

    @classmethod
    def name(cls) -> str:
        return "emobot_web"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "EmobotWebInput":
        credentials = credentials or {}
        return cls(
            emotion_service_url=credentials.get("emotion_service_url"),
            timeout=float(credentials.get("timeout", 10.0)),
            bot=credentials.get("bot"),
            children=bool(credentials.get("children", False)),
            socketio=SocketIOSettings.from_credentials(credentials),
            outbox=credentials.get("outbox"),
            safety_net_text=credentials.get("safety_net_text"),
            session_secret=credentials.get("session_secret"),
            require_session=bool(credentials.get("require_session", False)),
            cookie_secure=bool(credentials.get("cookie_secure", False)),
            page=ChatPage.from_mapping(credentials.get("page")),
            max_body_bytes=int(credentials.get("max_body_bytes") or MAX_BODY_BYTES),
            max_text_chars=int(credentials.get("max_text_chars") or MAX_TEXT_CHARS),
            long_turn_chars=int(credentials.get("long_turn_chars") or LONG_TURN_CHARS),
            max_long_turns_per_client=int(credentials.get("max_long_turns_per_client") or MAX_LONG_TURNS_PER_CLIENT),
            max_sender_chars=int(credentials.get("max_sender_chars") or MAX_SENDER_CHARS),
            max_history_messages=int(credentials.get("max_history_messages") or MAX_HISTORY_MESSAGES),
        )

    def __init__(
        self,
        emotion_service_url: Optional[str] = None,
        timeout: float = 10.0,
        bot: Optional[str] = None,
        children: bool = False,
        client: Optional[EmotionServiceClient] = None,
        socketio: Optional[SocketIOSettings] = None,
        outbox: Optional[Mapping[str, Any]] = None,
        safety_net_text: Optional[str] = None,
        session_secret: Optional[str] = None,
        require_session: bool = False,
        cookie_secure: bool = False,
        page: Optional[ChatPage] = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        max_text_chars: int = MAX_TEXT_CHARS,
        long_turn_chars: int = LONG_TURN_CHARS,
        max_long_turns_per_client: int = MAX_LONG_TURNS_PER_CLIENT,
        max_sender_chars: int = MAX_SENDER_CHARS,
        max_history_messages: int = MAX_HISTORY_MESSAGES,
    ) -> None:
        if max_body_bytes < 1024 or max_text_chars < 100:
            raise ValueError(f"max_body_bytes must be at least 1024 and max_text_chars at least 100: "
                             f"{max_body_bytes}, {max_text_chars}")
        self.max_body_bytes, self.max_text_chars = max_body_bytes, max_text_chars
        self.max_sender_chars, self.max_history_messages = max_sender_chars, max_history_messages
        self.own_safety_net = safety_net_text  # the deployment's own wording, for every locale
        self.safety_net_text = safety_net_text or safety_net_line(None)  # a turn without a locale
        self.long_turn_chars, self.long_turns = long_turn_chars, ClientLimits(max_long_turns_per_client)
        self.page = page or ChatPage()
        self.sessions = SessionSigner(session_secret)
        self.require_session, self.cookie_secure = require_session, cookie_secure
        self.sio: Any = None  # the socket.io server, when socket.io is on (set by socketio_blueprint)
        self.app: Any = None  # the Sanic app, once the server runs (its ctx.agent holds the tracker store)
        url = emotion_service_url or os.environ.get("EMOBOT_SERVICE_URL") or DEFAULT_SERVICE_URL
        self.bot = bot
        self.children = children  # the bot's conversations are with children: their safety net gives the children's lines first
        self.client = client or EmotionServiceClient(url, timeout=timeout)
        self.reporting: set[asyncio.Task] = set()  # replies on their way to the mood log
        self.socketio = socketio or SocketIOSettings()
        settings = OutboxSettings.from_mapping(outbox)
        self.delivery = TurnDelivery(self.client, open_outbox(settings), replay_interval=settings.replay_interval,
                                     max_attempts=settings.max_attempts, lock_wait=timeout, bot=bot)

    async def analyse(self, turn: WebTurn, transcribe: bool = False) -> Dict[str, Any]:
        """The emotion metadata of one turn; never raises for a service failure.

        The turn is stamped now (``sent_at``) with a fresh id and the conversation's dialogue cues
        (connectors/cues.py), and goes through the outbox. ``transcribe``: a voice message, whose
        words the service recognises in the same request (``metadata["transcript"]``).
        """
        now = datetime.now(timezone.utc)
        queued = QueuedTurn(
            turn_id=uuid.uuid4().hex, session_id=turn.sender_id, speaker_id=turn.speaker_id, text=turn.text,
            sent_at=now, bot=self.bot, user_id=turn.user_id, audio=turn.audio, images=tuple(turn.images),
            cues=await self.cues(turn.sender_id, now.timestamp()), transcribe=transcribe,
            language=parse_locale(turn.metadata.get("locale")).language if transcribe else None)
        emotion = await self.delivery.deliver(queued)
        return await self.deliver_readable(queued, emotion)

    async def deliver_readable(self, turn: QueuedTurn, refused: Dict[str, Any]) -> Dict[str, Any]:
        """A turn whose text the service refused as such (``READABLE_AGAIN``: a NUL byte, more
        characters than its limit) is sent once more, under the same turn id, as
        ``connectors.handoff.readable_text`` makes it (NUL removed; a long one's start and end
        around a note of what was left out): the service completes the rejected row in place, so
        the supervisor reads what the person wrote as far as their text consent allows, as for any
        other turn (eighth exploratory reading, M9: a plan at the end of 25,000 characters, handed
        off, read "withheld" on the dashboard). The refused turn's own screening (of every
        character) is kept when it read more risk than the readable text's. ``refused`` itself
        for any other answer."""
        if refused.get("error") not in READABLE_AGAIN:
            return refused
        limit = int(m.group(1)) if (m := TEXT_LIMIT.search(str(refused.get("message") or ""))) else DEFAULT_TEXT_LIMIT
        text = readable_text(turn.text, limit)
        if text == turn.text or not text.strip():
            return refused
        again = await self.delivery.deliver(replace(turn, text=text))
        first, second = crisis_of(refused), crisis_of(again)
        if first and float(first.get("risk") or 0.0) > float(second.get("risk") or 0.0):
            again = {**again, "derived": {**derived_of(again), "crisis": first}}
        return {**again, "text_cleaned": refused.get("error")}

    async def cues(self, sender_id: str, now: float) -> Optional[Dict[str, Any]]:
        """The turn's dialogue cues (connectors/cues.py), or None: the bot does not read them (its
        tracker is then not read for them), a new conversation, or a tracker that cannot be read."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        if agent is None or not wanted_cues(agent.domain):
            return None
        return dialogue_cues(await self.tracker(sender_id, whole=False), now) or None

    async def tracker(self, sender_id: str, whole: bool = True) -> Any:
        """The conversation so far from Rasa's tracker store: every session of it (``whole``; ``retrieve``
        gives the latest only: a conversation's earlier turns, a proven one among them, are still its own),
        or the latest session (the dialogue cues: they read this session's turns; a long-lived conversation
        is not replayed for them); None (no server yet, a new conversation, or a tracker store that cannot
        be read: the cues and the history are then left out)."""
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        if agent is None or agent.tracker_store is None:
            return None
        store = agent.tracker_store
        try:
            read = getattr(store, "retrieve_full_tracker", store.retrieve) if whole else store.retrieve
            return await read(sender_id)
        except Exception:  # noqa: BLE001 - optional; the turn must still go through
            logger.exception("Reading the tracker of %s failed.", sender_id)
            return None

    async def guarded(self, sender_id: str) -> Optional[str]:
        """Why a turn without a session may not act on ``sender_id``'s conversation (see the class
        docstring): ``"proven"`` (a user turn of it proved its session) or ``"handoff"`` (a handoff
        slot was ever set in it; for a conversation Rasa does not remember, the service holds a
        handoff of it); None when it may (a plain sender's conversation: Rasa's REST convention)."""
        tracker = await self.tracker(sender_id)
        events = list(getattr(tracker, "events", None) or [])
        reason = _guard_of(events)
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        if reason or agent is None or any(isinstance(event, UserUttered) for event in events):
            return reason
        try:  # Rasa does not remember it (restarted, another replica's): does the service hold a handoff?
            status = await self.client.handoff_status(sender_id)
        except (EmotionServiceRejected, EmotionServiceUnavailable):
            return None
        return "handoff" if isinstance(status, dict) and status.get("status") else None

    async def claim_unproven(self, turn: WebTurn) -> Tuple[WebTurn, Optional[str]]:
        """A turn without a session that names a sender: moved to a new conversation of its own when
        its sender's conversation is :meth:`guarded`, with the new session's token (None: not moved).
        An issued id named without its token is refused first (SessionRequired), never moved."""
        if turn.session_id is not None or not turn.sender_id:
            return turn, None
        turn.check_identities()
        reason = await self.guarded(turn.sender_id)
        if reason is None:
            return turn, None
        session_id, token = self.sessions.issue()
        logger.info("A turn without a session named a conversation that is %s; moved to a new one",
                    "proven" if reason == "proven" else "in or after a handoff")
        return turn._replace(sender_id=session_id, speaker_id=session_id, user_id=session_id,
                             session_id=session_id), token

    async def token_if_handed_over(self, turn: WebTurn) -> Optional[str]:
        """After a turn without a session: the token of its conversation when that now has a handoff
        and this turn was its first (it opened it, and there is nothing earlier a token would show),
        so the person can go on in it; None otherwise. A conversation with earlier turns gets none:
        anyone who knows a plain sender id could send one risky line as it, and its token would show
        the earlier turns through ``/history`` and the bot's recall (tenth exploratory reading, H7).
        Its next turns without a session go to a new conversation, screened from the start."""
        if turn.session_id is not None or not turn.sender_id:
            return None
        events = list(getattr(await self.tracker(turn.sender_id), "events", None) or [])  # read once, after the turn
        first = sum(isinstance(event, UserUttered) for event in events) <= 1
        return self.sessions.token(turn.sender_id) if first and _guard_of(events) else None

    async def read_turn(self, turn: WebTurn) -> Tuple[WebTurn, Dict[str, Any]]:
        """The turn as the bot will read it and its emotion metadata (crisis screening included).

        Raises :class:`connectors.web.sessions.SessionRequired` for a turn that names an issued
        session it did not prove, before anything reaches the service or the bot (every transport
        and emobot_voice come through here).

        A turn with a voice clip goes to the service with ``transcribe``: the clip's words come back
        with its reading, in one request, and join the typed text, if any (``message_text``: the page
        sends what is in the input box with the clip; seventh exploratory reading, H5: a typed "ok"
        hid a spoken plan for tonight). Nothing recognised, or the service not reached: the typed
        text alone.
        """
        turn.check_identities()  # an issued session named without its token: SessionRequired (401)
        if len(turn.text.encode("utf-8", "surrogatepass")) > self.max_body_bytes:
            raise TurnTooLarge(self.max_body_bytes)  # before the service, the lexicon or the bot
        if len(turn.text) <= self.long_turn_chars:
            return await self.read_screened(turn)
        async with self.long_turns.slot(turn.sender_id, CLIENT_ADDRESS.get()):  # a flood waits its turn
            return await self.read_screened(turn)

    async def read_screened(self, turn: WebTurn) -> Tuple[WebTurn, Dict[str, Any]]:
        """:meth:`read_turn` once the turn may be read: the service's reading, the crisis screening."""
        voice = turn.audio is not None
        if SYSTEM_INTENTS.match(turn.text):  # "/handoff_resolved" typed by a person ends nothing
            turn = turn._replace(text=turn.text.strip().lstrip("/").strip())
        emotion = await self.analyse(turn, transcribe=voice)
        if voice:
            turn = turn._replace(text=message_text(turn.text, words_of(emotion)))
        if len(turn.text) > self.long_turn_chars and not isinstance(derived_of(emotion).get("crisis"), dict):
            # the lexicon reads every character (screened in full): off the loop, so others' turns go on
            screened = partial(with_crisis_screening, emotion, turn.text, turn.sender_id)
            return turn, await asyncio.get_running_loop().run_in_executor(None, screened)
        return turn, with_crisis_screening(emotion, turn.text, turn.sender_id)

    async def handle_turn(self, turn: WebTurn, output: OutputChannel,
                          on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Tuple[WebTurn, Dict[str, Any]]:
        """Read one turn's emotion (:meth:`read_turn`), then hand the turn to the bot, which answers
        on ``output``. REST and socket.io turns come here. A voice message in which no words were
        heard, with nothing typed, is answered by the channel (``connectors/web/unheard.py``), not
        the bot. Returns the turn as the bot read it and its emotion metadata."""
        turn, emotion = await self.read_turn(turn)
        if turn.audio is not None and not turn.text.strip():  # a clip with no words, nothing typed: not the bot's
            line = unheard_line(turn.metadata.get("locale"))
            await output.send_text_message(turn.sender_id, line)
            self.report_replies(turn.sender_id, emotion, [line])
            return turn, emotion
        await self.answer(turn, emotion, output, on_new_message)
        return turn, emotion

    async def answer(self, turn: WebTurn, emotion: Dict[str, Any], output: OutputChannel,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Hand a read turn to the bot, which answers on ``output``; a person at risk is never met
        with silence; the bot's words go to the mood log."""
        # set last, so a client cannot pass its own "emotion" to the policies, nor claim a proven session
        metadata = {**turn.metadata, EMOTION_METADATA_KEY: emotion, SESSION_PROOF_KEY: turn.session_id is not None}
        said = RecordingOutput(output)
        # screened in full (read_turn); the bot and its NLU read at most max_text_chars: start and end
        text = readable_text(turn.text, self.max_text_chars) if len(turn.text) > self.max_text_chars else turn.text
        text = logical(text)  # no direction control reaches a bot that may say the words back (twelfth reading, H4)
        try:
            await on_new_message(
                UserMessage(text, said, turn.sender_id, input_channel=self.name(), metadata=metadata)
            )
        except CancelledError:
            logger.error("Handling the message of %s timed out.", turn.sender_id)
        except Exception:
            logger.exception("Handling the message of %s failed.", turn.sender_id)
        if said.sent == 0 and at_risk(emotion):
            # the bot said nothing (an action failed, the action server is down): never silence
            logger.error("The bot did not answer a turn of %s with crisis risk; sending the safety net.", turn.sender_id)
            await said.send_text_message(turn.sender_id, self.own_safety_net or safety_net_line(turn.metadata.get("locale"), young=self.children))
            if crisis_of(emotion).get("flag"):  # the handoff the bot would have opened
                self.in_background(hand_over_unanswered(self.client, self.bot, turn, emotion))
        self.report_replies(turn.sender_id, emotion, said.texts)

    def in_background(self, work: Awaitable[None]) -> None:
        """Run ``work`` after the answer, kept until done (:attr:`reporting`)."""
        task = asyncio.get_running_loop().create_task(work)
        self.reporting.add(task)
        task.add_done_callback(self.reporting.discard)

    def report_replies(self, sender_id: str, emotion: Dict[str, Any], replies: List[str]) -> None:
        """Send what the bot answered to the mood log, after the person has it (a task of its own:
        the answer does not wait for it). A turn waiting in the outbox (``queued``) keeps them
        there, and they are sent once the turn is delivered."""
        turn_index, queued_id = emotion.get("turn_index"), emotion.get("turn_id")
        logged = isinstance(turn_index, int) and not isinstance(turn_index, bool)
        queued = bool(emotion.get("queued")) and isinstance(queued_id, str)
        if not replies or not (logged or queued):
            return

        async def send() -> None:
            if not logged:
                if not await self.delivery.keep_replies(queued_id, replies):
                    logger.info("The replies to queued turn %s of %s were not kept", queued_id, sender_id)
                return
            try:
                await self.client.send_replies(sender_id, turn_index, replies)
            except (EmotionServiceRejected, EmotionServiceUnavailable) as exc:
                logger.info("The replies to turn %d of %s were not logged: %s", turn_index, sender_id, exc)

        self.in_background(send())

    async def forward_consent(self, request: Request) -> HTTPResponse:
        """GET reads, POST ``{text, audio, face}`` records the consent of the caller's own
        server-issued session (its user is the session): nobody sets or reads another person's
        consent through the channel. 401 without a session."""
        user_id = self.session_of(request)
        if user_id is None:
            return _error(401, "no_session", "POST /session first (cookie or bearer token)")
        body = request.json if request.method == "POST" and _is_json(request) else {}
        try:
            if request.method == "GET":
                return response.json(await self.client.get_consent(user_id))
            choice = {m: (body or {}).get(m) for m in ("text", "audio", "face")}
            if not all(isinstance(v, bool) for v in choice.values()):
                return _error(400, "invalid_request", "text, audio and face must be true or false")
            return response.json(await self.client.set_consent(user_id, **choice, source=f"{self.name()}:session"))
        except EmotionServiceRejected as exc:
            return _error(exc.status_code, exc.code, exc.message)
        except EmotionServiceUnavailable as exc:
            logger.warning("Consent of %s not recorded: %s", user_id, exc)
            return _error(503, "service_unavailable", "the consent could not be recorded; retry later")

    async def forward_feedback(self, request: Request) -> HTTPResponse:
        session_id = self.session_of(request)
        if session_id is None:
            return _error(401, "no_session", "POST /session first (cookie or bearer token)")
        body = request.json if _is_json(request) else None
        turn_index, label = (body or {}).get("turn_index"), (body or {}).get("label")
        if not isinstance(turn_index, int) or isinstance(turn_index, bool) or turn_index < 0 or not isinstance(label, str):
            return _error(400, "invalid_request", "send {turn_index: int >= 0, label: str}")
        try:
            return response.json(await self.client.send_feedback(session_id, turn_index, label), status=201)
        except EmotionServiceRejected as exc:
            return _error(exc.status_code, exc.code, exc.message)
        except EmotionServiceUnavailable as exc:
            logger.warning("Feedback of %s not stored: %s", session_id, exc)
            return _error(503, "service_unavailable", "the feedback could not be stored; retry later")

    async def _cursor(self, session_id: str) -> int:
        """The newest handoff-thread id of the conversation (0 when none or unknown)."""
        try:
            status = await self.client.handoff_status(session_id)
        except (EmotionServiceRejected, EmotionServiceUnavailable):
            return 0
        return int((status or {}).get("cursor") or 0)

    def replay_in_background(self, blueprint: Blueprint,
                             on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Replay queued turns while the server runs, also those a previous run left behind; a
        replayed turn that carries crisis risk escalates its conversation (``escalate_replayed``).
        Channels that share an outbox may each replay any session's turns, so each escalates."""
        self.delivery.on_crisis_replayed = partial(self.escalate_replayed, on_new_message)

        @blueprint.listener("after_server_start")
        async def start_replay(app: Any, loop: Any) -> None:
            self.app = app
            self.delivery.start()

        @blueprint.listener("before_server_stop")
        async def stop_replay(app: Any, loop: Any) -> None:
            await self.delivery.stop()

    async def escalate_replayed(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                                turn: QueuedTurn, emotion: Dict[str, Any]) -> None:
        """A queued turn the service analysed late carries crisis risk: open a handoff (the bot may
        have escalated while the service was away, when its own handoff request could not reach
        it), then hand the bot a ``/crisis_replayed`` message with that turn's emotion, so its
        crisis rules run now (a conversation already paused by an escalation stays as it is)."""
        crisis = crisis_of(emotion)
        reason = (f"crisis risk {float(crisis.get('risk') or 0):.2f} ({crisis.get('category') or 'unknown'}) "
                  f"in a turn analysed after an outage of the emotion service")
        try:
            await self.client.open_handoff(turn.session_id, reason, bot=self.bot, user_id=turn.user_id)
        except (EmotionServiceRejected, EmotionServiceUnavailable) as exc:
            logger.error("Handoff for the replayed turn %s of %s failed: %s", turn.turn_id, turn.session_id, exc)
        metadata = {EMOTION_METADATA_KEY: {**emotion, "replayed": True, "replayed_turn_id": turn.turn_id},
                    SESSION_PROOF_KEY: False}  # a system turn: it proves no session
        await on_new_message(UserMessage(f"/{CRISIS_REPLAYED_INTENT}", CollectingOutputChannel(), turn.session_id,
                                         input_channel=self.name(), metadata=metadata))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = socketio_blueprint(f"emobot_web_webhook_{id(self)}", self, self.socketio, on_new_message)
        self.replay_in_background(webhook, on_new_message)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/chat", methods=["GET"])
        async def chat_page(request: Request) -> HTTPResponse:
            return static_file("index.html")

        @webhook.route("/chat/<name:str>", methods=["GET"])
        async def chat_asset(request: Request, name: str) -> HTTPResponse:
            return static_file(name)

        @webhook.route("/consent", methods=["GET", "POST"])
        async def consent(request: Request) -> HTTPResponse:
            """The page's consent choice, recorded by the emotion service (the browser only talks to Rasa)."""
            return await self.forward_consent(request)

        @webhook.route("/feedback", methods=["POST"])
        async def feedback(request: Request) -> HTTPResponse:
            """``{turn_index, label}``: the caller says a reading of one of its own turns was not
            right (it felt ``label``); stored by the emotion service. 401 without a session."""
            return await self.forward_feedback(request)

        @webhook.route("/session", methods=["POST"])
        async def session(request: Request) -> HTTPResponse:
            """The caller's conversation: the one its cookie or token names, else a new one."""
            return self.session_answer(request, {"page": self.page.to_json()})

        @webhook.route("/history", methods=["GET"])
        async def history(request: Request) -> HTTPResponse:
            """The conversation so far, across Rasa's sessions (``[{who: user | bot, text, at}]``, ``at``
            in UNIX seconds, oldest first: :mod:`connectors.web.history`) and the cursor for ``/pushed``."""
            session_id = self.session_of(request)
            if session_id is None:
                return _error(401, "no_session", "POST /session first (cookie or bearer token)")
            messages = _transcript(await self.tracker(session_id), self.max_history_messages)
            return response.json({"messages": messages,
                                  "cursor": await self._cursor(session_id)})

        @webhook.route("/pushed", methods=["GET"])
        async def pushed(request: Request) -> HTTPResponse:
            """Messages pushed to this conversation after ``?after=<id>`` (a human's replies, notices)."""
            session_id = self.session_of(request)
            if session_id is None:
                return _error(401, "no_session", "POST /session first (cookie or bearer token)")
            try:
                after = cursor_after(request.args.get("after"))
                return response.json(await self.client.pushed(session_id, after))
            except ValueError:
                return _error(400, "invalid_request", f"after must be a whole number up to {MAX_CURSOR}")
            except EmotionServiceRejected as exc:
                return _error(exc.status_code, exc.code, exc.message)
            except EmotionServiceUnavailable:
                return _error(503, "service_unavailable", "try again in a moment")

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if _fields_size(request) > self.max_body_bytes:  # before it is parsed, screened or read by the bot
                return too_large(request, TurnTooLarge(self.max_body_bytes))
            CLIENT_ADDRESS.set(request.remote_addr or request.ip or None)  # this request's task only
            turn = _parse_turn(request)
            session_id = self.session_of(request)
            if session_id is None and self.require_session:
                return _error(401, "no_session", "POST /session first and send its cookie or bearer token")
            issued = None
            if turn is not None and session_id is None and not turn.sender_id:
                # no session and no sender: a conversation of its own (not Rasa's shared "default"),
                # whose token comes back in X-Emobot-Session for the client's next turns
                session_id, issued = self.sessions.issue()
            if turn is not None and session_id is not None:  # the issued session, whatever the body says
                turn = turn._replace(sender_id=session_id, speaker_id=session_id, user_id=session_id,
                                     session_id=session_id)
            if turn is None:
                return response.json(
                    {"error": {"code": "invalid_request",
                               "message": "send JSON {sender, message, metadata} or a "
                                          "multipart form (sender, message, audio, images)"}},
                    status=400,
                )
            overlong = overlong_id(turn, self.max_sender_chars)
            if overlong:  # screened first; refused before the service or the bot reads it
                locale = turn.metadata.get("locale") or request.args.get("locale")
                async with self.long_turns.slot(None, CLIENT_ADDRESS.get()):  # its screening counts as its client's work
                    return await refuse_overlong_id(turn, overlong, self.max_sender_chars, locale)
            collector = CollectingOutputChannel()
            try:
                turn, moved = await self.claim_unproven(turn)  # a proven or handed-over conversation: a new one
                issued = moved or issued
                turn, emotion = await self.handle_turn(turn, collector, on_new_message)
            except SessionRequired as refused:
                return _error(401, refused.code, str(refused))
            except TurnTooLarge as refused:
                return too_large(request, refused, turn.metadata.get("locale"))
            if turn.session_id is None:  # anyone who knows the sender could have sent it
                emotion = without_conversation(emotion)
                issued = await self.token_if_handed_over(turn)
            headers = {"X-Emobot-Session": issued} if issued else None
            if request.args.get("emotion", "").lower() == "true":
                return response.json({"messages": collector.messages, "emotion": emotion, "text": turn.text},
                                     headers=headers)
            return response.json(collector.messages, headers=headers)

        return webhook


def _parse_turn(request: Request) -> Optional[WebTurn]:
    """The turn in a JSON or form request; None if the body is neither."""
    content_type = request.content_type or ""
    if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = request.form
        audio_file = request.files.get("audio")  # RequestParameters.get: the first one
        audio = _upload(audio_file) if audio_file else None
        images = [_upload(f) for f in request.files.getlist("images", [])]
        sender = _identity(form.get("sender"))
        metadata = {"locale": form.get("locale")[:35]} if form.get("locale") else {}
        return WebTurn(sender, _identity(form.get("speaker_id")) or sender, form.get("message") or "", metadata,
                       audio, images, _identity(form.get("user_id")) or None)
    try:
        body = request.json
    except Exception:  # sanic raises InvalidUsage on a malformed body
        return None
    if not isinstance(body, dict):
        return None
    sender = _identity(body.get("sender"))
    metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
    return WebTurn(sender, _identity(body.get("speaker_id")) or sender, str(body.get("message") or ""),
                   dict(metadata), None, [], _identity(body.get("user_id")) or None)


def _identity(value: Any) -> str:
    """A sender, speaker or user id as the mood log can hold it: control characters (a NUL) left out
    (eighth exploratory reading, L8: the service refused such a turn while the bot answered it, so
    the turn went unlogged). An issued id's look-alikes are refused before (connectors/web/sessions.py)."""
    return "".join(ch for ch in str(value or "") if unicodedata.category(ch) != "Cc")


def _guard_of(events: List[Any]) -> Optional[str]:
    """``"proven"`` when a user turn of the conversation's ``events`` proved its session, ``"handoff"``
    when a handoff slot was ever set in it, else None (:meth:`EmobotWebInput.guarded`)."""
    for event in events:
        if isinstance(event, UserUttered) and (event.metadata or {}).get(SESSION_PROOF_KEY) is True:
            return "proven"
        if isinstance(event, SlotSet) and event.key in HANDOFF_SLOTS and event.value:
            return "handoff"
    return None


def _fields_size(request: Request) -> int:
    """The bytes of a request's body besides its uploaded files (a multipart form's audio and images)."""
    size = len(request.body or b"")
    if (request.content_type or "").startswith("multipart/form-data"):
        size -= sum(len(f.body or b"") for files in request.files.values() for f in files)
    return size


def _is_json(request: Request) -> bool:
    try:
        return isinstance(request.json, dict)
    except Exception:  # sanic raises InvalidUsage on a malformed body
        return False


def _error(status: int, code: str, message: str) -> HTTPResponse:
    return response.json({"error": {"code": code, "message": message}}, status=status)



def _upload(file: Any) -> UploadFile:
    return (file.name or "upload", file.body, file.type or "application/octet-stream")
