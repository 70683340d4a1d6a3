"""Plain questions about the service, answered plainly in seven languages whatever the NLU read:

- "is this free?" (fifth reading, M12: "is it free?" got "Let me check I've got this"; sixth
  reading, M4: "c'est gratuit ?" got "De rien", "is this free?" the list of what the bot can do);
- "any tips?" with nothing else (sixth reading, M5: "any tips?", "hai qualche consiglio?", "heb je
  tips?" got a question back): the two tools that help at once, and an invitation to say more;
- "should i stop taking it?" about one's medicine (seventh reading, M7: got "What's been on your mind
  the most today?"): not medical advice, and not to stop or change it without a doctor or pharmacist;
- "delete what i wrote" (sixth reading, H15: read as a goodbye act and handed to a person). Told
  by patterns, not by the NLU: fifteen such examples in the NLU's training cost the direct
  questions of data/support/questions/dev.csv 2 of 150 (other questions drawn to privacy).
"""
from __future__ import annotations

import re
from typing import Optional

from actions.bank import answers
from actions.conversation import Say
from actions.echo import risk_words
from actions.language import folded, least_recent

COST = re.compile(
    r"\b(?:is (?:this|it|that|the (?:chat|line|number|call|helpline|hotline)) (?:really |actually )?free|free to (?:call|text|use)"
    r"|(?:does|will) (?:this|it|that|calling|texting) cost|how much (?:does|will) (?:this|it|that) cost"
    r"|do (?:i|you) (?:have to|need to) pay"
    r"|cost (?:me )?anything|ist (?:das|es) (?:wirklich )?kostenlos|kostet (?:das|es)|ist (?:das|es) gratis|muss ich (?:was |etwas )?bezahlen"
    r"|c ?est (?:vraiment )?gratuit|ca coute|faut(?:-il)? payer|est gratis|es gratis|cuesta|hay que pagar|tengo que pagar"
    r"|e gratis|e gratuito|costa qualcosa|quanto costa|devo pagare|is (?:dit|het) gratis|kost (?:dit|het)|moet ik betalen"
    r"|e de graca|e gratuito|custa|tenho que pagar|preciso pagar)\b|^\W*how much is (?:this|it|that)\W*$")
DELETE = re.compile(
    r"\b(?:delete|erase|remove|wipe|clear) (?:everything (?:i (?:wrote|said|typed|sent)|here)|(?:what|all|everything) i (?:wrote|said"
    r"|typed|sent)|my (?:messages|data|chat|chats|words|history|account)|this (?:chat|conversation)|the (?:chat|conversation|messages))"
    r"|\b(?:want|need) my data (?:gone|deleted|erased)|losch\w* (?:alles )?was ich (?:hier )?geschrieben habe|losch\w* meine (?:nachrichten|daten)"
    r"|supprime\w* (?:ce que j ?ai ecrit|mes messages|mes donnees|tout ce que j ?ai ecrit)|efface\w* (?:mes messages|ce que j ?ai ecrit)"
    r"|borra\w* (?:lo que escribi|todo lo que escribi|mis mensajes|mis datos)|cancella\w* (?:quello che ho scritto|i miei messaggi|i miei dati)"
    r"|verwijder\w* (?:wat ik (?:heb )?geschreven(?: heb)?|mijn berichten|mijn gegevens)|apaga\w* (?:o que eu escrevi|minhas mensagens|meus dados)"
    # ninth reading, M4: "can i delete it?" after the answer about what is kept
    r"|^\W*(?:(?:ok|and|so|but|wait)\W+)?(?:can|could|how (?:do|can)) (?:i|you|u) (?:get (?:it|them|that) )?(?:delete|erase|remove|wipe)"
    r"(?: (?:it|them|that|this|everything|all of it|my \w+))?(?: (?:deleted|erased|removed))?\W*$"
    r"|^\W*(?:kann|konnte) (?:ich|man) (?:das|es|sie|alles) (?:loschen|loschen lassen)\W*$|^\W*(?:je peux|puis-je|on peut) (?:le|les|tout) (?:supprimer|effacer)\W*$"
    r"|^\W*(?:puedo|se puede) (?:borrarlo|borrarlos|borrar todo|eliminarlo)\W*$|^\W*(?:posso|si puo) (?:cancellarlo|cancellarli|cancellare tutto)\W*$"
    r"|^\W*(?:kan ik|kun je) (?:het|dat|alles) (?:verwijderen|wissen)\W*$|^\W*(?:posso|da para|da pra) (?:apagar|apaga-lo|apagar tudo)\W*$")

_MEDS = (r"(?:it|them|my (?:meds|medication|medicine|pills|tablets|antidepressants?|dose)|the (?:meds|medication|medicine|pills"
         r"|tablets|antidepressants?|dose)|(?:my |the )?(?:sertraline|fluoxetine|citalopram|escitalopram|prozac|zoloft|lexapro))")
MEDICATION = re.compile(
    r"\b(?:should|can|could|do|shall) i (?:just )?(?:stop|quit|come off|skip|halve|double|lower|change) (?:taking )?" + _MEDS + r"\b"
    r"|\b(?:is it (?:ok|okay|safe|bad) to|what if i) (?:stop|quit|come off|skip) (?:taking )?" + _MEDS + r"\b"
    r"|\bsoll (?:ich|i) (?:die |meine )?(?:tabletten|medikamente|antidepressiva|sie|es) (?:absetzen|weglassen|nicht mehr nehmen)\b"
    r"|\b(?:kann|darf) ich (?:die |meine )?(?:tabletten|medikamente|antidepressiva) (?:absetzen|weglassen)\b"
    r"|\b(?:je dois|dois[ -]?je|est[ -]ce que je dois|je peux|puis[ -]?je) arreter (?:de prendre )?(?:mon|mes|le|les|ce|ces) (?:traitement"
    r"|medicaments?|antidepresseurs?|cachets)\b"
    r"|\b(?:debo|deberia|puedo) dejar (?:de tomar )?(?:la|las|el|los|mis|mi) (?:medicacion|medicamentos?|pastillas|antidepresivos?)\b"
    r"|\b(?:devo|dovrei|posso) (?:smettere di prendere|sospendere) (?:il|i|la|le|lo|gli) (?:farmac\w+|medicin\w+|pillole"
    r"|antidepressiv\w+)\b"
    r"|\b(?:moet|mag|kan) ik (?:stoppen|ophouden) met (?:mijn |de )?(?:medicijnen|pillen|antidepressiva|medicatie)\b"
    r"|\b(?:devo|posso) parar (?:de tomar )?(?:o|os|a|as|meu|meus|minha|minhas) (?:remedios?|medicamentos?|medicacao"
    r"|antidepressivos?|comprimidos)\b")

TIPS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|well|hm+|pls|please)\W+)?(?:any|got any|do you have any|have you got any|some)?\s*(?:tips|advice|ideas"
    r"|suggestions)(?: for me)?(?: pls| please)?\W*$"
    r"|^\W*(?:hast du|haben sie) (?:ein paar |irgendwelche )?tipps\W*$|^\W*(?:tu as|t as|vous avez|as-tu) (?:des|quelques) (?:conseils|astuces)\W*$"
    r"|^\W*(?:tienes|tenes|hay) (?:algun|algunos) (?:consejo|consejos|tip|tips)\W*$|^\W*(?:hai|ha) qualche consiglio\W*$"
    r"|^\W*(?:heb je|hebt u|heeft u) (?:tips|advies)\W*$|^\W*(?:tem|voce tem|vc tem) (?:alguma|algumas) dicas?\W*$")


TOOLS_ASKED = re.compile(
    r"\b(?:(?:do you have|have you got|got|know) (?:any|some|a few) |(?:can|could) you give me (?:any |some |a few |one )?)"
    r"(?:tips|tricks|techniques?|tools?|strategies|coping (?:skills|strategies|ideas)|ideas)\b"
    r"|\bany (?:tips|tricks|techniques|coping (?:skills|strategies)) for\b"
    r"|\b(?:do you have|have you got|is there) anything (?:for|that (?:helps|might help|could help)|to help|i can (?:do|try))\b"
    r"|\b(?:can|could) you (?:give|tell) me (?:one|a|some|any)? ?(?:thing|things|something) (?:to try|i (?:can|could) (?:do|try))\b"
    r"|\bhast du (?:irgendwelche |ein paar |einen |ein |noch )?(?:tipps?|tricks?|ideen|ubungen|techniken?)\b"
    r"|\b(?:tu as|t as|as-tu|vous avez|tu aurais) (?:des|quelques|un|une) (?:conseils?|astuces?|techniques?|trucs?)\b"
    r"|\b(?:tienes|tenes|tendras) (?:algun|alguna|algunos|algunas|un|una) (?:truco|trucos|consejos?|tecnicas?|tips?|idea|ideas)\b"
    r"|\b(?:hai|avresti) (?:qualche|dei|un|una) (?:consigli|consiglio|trucco|trucchi|tecnica|tecniche|idea|idee)\b"
    r"|\b(?:heb je|heeft u|weet je) (?:nog )?(?:tips|trucs|een tip|een truc|technieken|ideeen)\b"
    r"|\b(?:tens|tem|voce tem|vc tem) (?:alguma|algumas|algum|alguns) (?:tecnicas?|dicas?|truques?|estrategias?)\b")
"""Tools asked for in a longer question ("hast du irgendwelche Tipps für schlechte Tage?", "tens alguma técnica para dias
maus?", "can you give me one thing to try tonight", "do you have anything for 5pm cravings"; eighth reading, M5): the
``ask_tips`` answer, which offers the two exercises; never with risk words."""


THINGS_TO_DO = re.compile(
    r"\b(?:(?:can|could|would) (?:you|u) (?:give|tell|send) (?:me )?(?:like )?(?:\d+|a few|some|a couple(?: of)?|two|three|one|any)"
    r"|(?:give|tell) me (?:like )?(?:\d+|a few|some|a couple(?: of)?|two|three|one)|what (?:can|could|should) i do (?:tonight|today|instead|now|right now)"
    r"|(?:any|some) ideas? (?:for|of) (?:what|things) to do)\b.{0,25}\b(?:things?|ideas?|stuff|something|ways?) (?:to do|i (?:can|could) do|to try)"
    r"|\bwhat (?:can|could|should) i do (?:tonight|today|instead|right now)\b"
    r"|\b(?:was kann ich|was konnte ich) (?:heute abend|heute|stattdessen|jetzt) (?:machen|tun)\b|\b(?:gib|nenn) mir (?:ein paar|\d+|drei|zwei) (?:sachen|dinge|ideen)\b"
    r"|\b(?:qu'? ?est-ce que je (?:peux|pourrais) faire|que (?:puis-je|pourrais-je) faire) (?:ce soir|aujourd'? ?hui|a la place|maintenant)\b|\bdonne-moi (?:quelques|\d+|trois|deux) (?:idees|trucs|choses)\b"
    r"|\bque (?:puedo|podria) hacer (?:esta noche|hoy|en vez|en lugar|ahora)\b|\bdame (?:algunas|unas|\d+|tres|dos) (?:ideas|cosas)\b"
    r"|\bcosa (?:posso|potrei) fare (?:stasera|oggi|invece|adesso|ora)\b|\bdammi (?:qualche|\d+|tre|due) (?:idea|idee|cose)\b"
    r"|\bwat kan ik (?:vanavond|vandaag|in plaats daarvan|nu) doen\b|\bgeef me (?:een paar|\d+|drie|twee) (?:ideeen|dingen)\b"
    r"|\bo que (?:eu )?(?:posso|poderia) fazer (?:hoje a noite|hoje|em vez disso|agora)\b|\b(?:me )?(?:da|de|diz)(?:-me)? (?:algumas|umas|\d+|tres|duas) (?:ideias|coisas)\b")
"""A few things to do asked for ("ok can u give me like 3 things to do tonight that arent texting him": ninth reading, M3, got
what the bot can do): three ideas for tonight (``ask_things_to_do``); never with risk words."""


def plain_question(text: str) -> Optional[str]:
    """The ``answers`` key for ``text`` when it is one of these questions ("ask_medical",
    "ask_cost", "ask_delete", "ask_tips", "ask_things_to_do"), else None."""
    plain = folded(text).replace("'", " ")
    if MEDICATION.search(plain):
        return "ask_medical"
    if COST.search(plain):
        return "ask_cost"
    if DELETE.search(plain):
        return "ask_delete"
    if TIPS.search(plain) or (TOOLS_ASKED.search(plain) and not risk_words(text)):
        return "ask_tips"
    if THINGS_TO_DO.search(plain) and not risk_words(text):
        return "ask_things_to_do"
    return None


def plain_answer(say: Say, key: str) -> str:
    return least_recent(answers(say.lang)[key], say.recent)
