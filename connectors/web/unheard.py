"""What the channel says itself to a voice message in which no words were heard and nothing was
typed (a silent clip, noise): the bot is not asked to answer an empty message (seventh reading,
L3: a silent clip got the opening greeting, white noise a question about hard moments). In the
page's language; the lines need a native speaker's review like the bots' translations."""
from __future__ import annotations

from typing import Optional

from policies.locales import parse_locale

UNHEARD = {
    "en": "I couldn't hear any words in that voice message. Could you try again a little closer to the "
          "microphone, or type it?",
    "de": "Ich konnte in dieser Sprachnachricht keine Worte hören. Magst du es noch einmal etwas näher am "
          "Mikrofon versuchen oder es schreiben?",
    "fr": "Je n'ai entendu aucun mot dans ce message vocal. Tu peux réessayer un peu plus près du micro, "
          "ou l'écrire ?",
    "es": "No he podido oír ninguna palabra en ese mensaje de voz. ¿Puedes intentarlo otra vez un poco más "
          "cerca del micrófono, o escribirlo?",
    "it": "Non sono riuscito a sentire nessuna parola in questo messaggio vocale. Puoi riprovare un po' più "
          "vicino al microfono, o scriverlo?",
    "nl": "Ik kon geen woorden horen in dat spraakbericht. Wil je het nog eens proberen, wat dichter bij de "
          "microfoon, of het typen?",
    "pt": "Não consegui ouvir nenhuma palavra nessa mensagem de voz. Podes tentar de novo um pouco mais perto "
          "do microfone, ou escrever?",
}


def unheard_line(locale: Optional[str]) -> str:
    """The line for the page's ``locale`` ("de-AT" -> German), English otherwise."""
    return UNHEARD.get(parse_locale(locale).language or "en", UNHEARD["en"])
