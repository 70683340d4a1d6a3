"""The channel's own help lines, in the person's language with their locale's numbers
(``policies/crisis_lines.py``: ``policies/crisis_resources.yml`` or the deployment's own list).

- ``safety_net_line(locale)``: what the channel says itself when the bot gives no answer to a turn
  with crisis risk (an action failed or timed out, the action server is away or slow). Eleventh
  exploratory reading: a person in en-GB got "112 in the EU, 911 in the US" where 999 and
  Samaritans 116 123 were right.
- ``help_line(locale)``: one sentence carried by a refusal the page shows (413 ``turn_too_large``:
  a message too long to read, :func:`too_large`), so a person at risk who sent a very long message
  still sees where to get help.
- ``hand_over_unanswered``: the handoff of a flagged turn the bot left unanswered.

For a child (``young``: a channel whose credentials say ``children: true``, as the tutor's do) the
locale's lines for children and young people come first (thirteenth exploratory reading, H5: a 9-year-old in en-GB
was given Samaritans and Shout, not Childline 0800 1111), as the support bot and the tutor give them.

The sentences need a native speaker's review like the bots' translations.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from connectors.client import EmotionServiceClient
from connectors.contract import crisis_of
from connectors.service_errors import EmotionServiceRejected, EmotionServiceUnavailable
from connectors.web.turn import TurnTooLarge, WebTurn
from policies.crisis_lines import lines_for
from policies.locales import parse_locale

logger = logging.getLogger(__name__)

SAFETY_NET = {
    "en": "I'm having trouble answering right now, but I don't want to leave you without help. If you are in "
          "danger, please call {emergency} now. You can reach someone any time: {lines}. Please write to me "
          "again in a moment.",
    "de": "Ich habe gerade Schwierigkeiten zu antworten, aber ich möchte dich nicht ohne Hilfe lassen. Wenn du in "
          "Gefahr bist, ruf bitte jetzt {emergency} an. Du kannst jederzeit jemanden erreichen: {lines}. Bitte "
          "schreib mir gleich noch einmal.",
    "fr": "J'ai du mal à répondre en ce moment, mais je ne veux pas te laisser sans aide. Si tu es en danger, "
          "appelle le {emergency} maintenant. Tu peux joindre quelqu'un à tout moment : {lines}. Écris-moi de "
          "nouveau dans un instant.",
    "es": "Ahora mismo me cuesta responder, pero no quiero dejarte sin ayuda. Si estás en peligro, llama ahora "
          "al {emergency}. Puedes hablar con alguien en cualquier momento: {lines}. Vuelve a escribirme en un "
          "momento, por favor.",
    "it": "In questo momento faccio fatica a rispondere, ma non voglio lasciarti senza aiuto. Se sei in pericolo, "
          "chiama subito il {emergency}. Puoi parlare con qualcuno in qualsiasi momento: {lines}. Scrivimi di "
          "nuovo tra un momento.",
    "nl": "Ik kan nu even moeilijk antwoorden, maar ik wil je niet zonder hulp laten. Ben je in gevaar, bel dan "
          "nu {emergency}. Je kunt altijd iemand bereiken: {lines}. Schrijf me zo nog eens.",
    "pt": "Estou com dificuldade em responder agora, mas não te quero deixar sem ajuda. Se estiveres em perigo, "
          "liga já para o {emergency}. Podes falar com alguém a qualquer hora: {lines}. Escreve-me outra vez "
          "daqui a um momento.",
}
HELP = {
    "en": "If you are in danger, please call {emergency} now. You can reach someone any time: {lines}.",
    "de": "Wenn du in Gefahr bist, ruf bitte jetzt {emergency} an. Du kannst jederzeit jemanden erreichen: {lines}.",
    "fr": "Si tu es en danger, appelle le {emergency} maintenant. Tu peux joindre quelqu'un à tout moment : {lines}.",
    "es": "Si estás en peligro, llama ahora al {emergency}. Puedes hablar con alguien en cualquier momento: {lines}.",
    "it": "Se sei in pericolo, chiama subito il {emergency}. Puoi parlare con qualcuno in qualsiasi momento: {lines}.",
    "nl": "Ben je in gevaar, bel dan nu {emergency}. Je kunt altijd iemand bereiken: {lines}.",
    "pt": "Se estiveres em perigo, liga já para o {emergency}. Podes falar com alguém a qualquer hora: {lines}.",
}


def safety_net_line(locale: Optional[str], young: bool = False) -> str:
    """The safety net in ``locale``'s language ("en-GB" -> English) with its lines (999, Samaritans);
    English with the international lines when there is no locale. ``young``: for a child or young person,
    the locale's children's lines first (Childline 0800 1111 on en-GB)."""
    return _worded(SAFETY_NET, locale, young)


def help_line(locale: Optional[str]) -> str:
    """One sentence: the emergency number and the crisis lines of ``locale``, in its language."""
    return _worded(HELP, locale)


def _worded(frames: Dict[str, str], locale: Any, young: bool = False) -> str:
    locale = locale.strip()[:35] if isinstance(locale, str) else None  # a client's metadata: anything
    lines = lines_for(locale)
    frame = frames.get(parse_locale(locale).language or "en", frames["en"])
    links = lines.links(lines.child) if young else []
    links += [link for link in lines.links() if link not in links]  # a line in both once
    return frame.format(emergency=lines.emergency, lines="; ".join(links))


def too_large(request: Request, refused: TurnTooLarge, locale: Optional[str] = None) -> HTTPResponse:
    """413 ``turn_too_large`` with ``help``, which the chat page shows: in the locale the turn,
    ``?locale=`` or the browser's first ``Accept-Language`` names, else the international lines."""
    locale = locale or request.args.get("locale") or (request.headers.get("accept-language") or "").split(",")[0].split(";")[0]
    return response.json({"error": {"code": refused.code, "message": str(refused), "help": help_line(locale or None)}},
                         status=413)


async def hand_over_unanswered(client: EmotionServiceClient, bot: Optional[str], turn: WebTurn,
                               emotion: Dict[str, Any]) -> None:
    """A flagged turn the bot left unanswered: open the conversation's handoff, as the bot would have
    (the service finds it again when the bot escalates later), so a person from the team reads it now
    (eleventh exploratory reading: "i want to die" during a flood got the safety net, no handoff)."""
    crisis = crisis_of(emotion)
    reason = (f"crisis risk {float(crisis.get('risk') or 0):.2f} ({crisis.get('category') or 'unknown'}) "
              f"in a turn the bot did not answer (the channel sent its safety net)")
    try:
        await client.open_handoff(turn.sender_id, reason, bot=bot, user_id=turn.user_id)
    except (EmotionServiceRejected, EmotionServiceUnavailable) as exc:
        logger.error("Handoff for the unanswered turn of %s failed: %s", turn.sender_id, exc)
