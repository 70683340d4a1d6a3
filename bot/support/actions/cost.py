""""Is this free?": answered plainly, in seven languages, whatever the NLU read (fifth reading, M12:
"is it free?" got "Let me check I've got this"; sixth reading, M4: "c'est gratuit ?" got "De rien",
"is this free?" the list of what the bot can do)."""
from __future__ import annotations

import re

from actions.bank import answers
from actions.conversation import Say
from actions.language import folded, least_recent

COST = re.compile(
    r"\b(?:is (?:this|it|that|the (?:chat|line|number|call|helpline|hotline)) (?:really |actually )?free|free to (?:call|text|use)"
    r"|(?:does|will) (?:this|it|that|calling|texting) cost|how much (?:does|will) (?:this|it|that) cost|do (?:i|you) (?:have to|need to) pay"
    r"|cost (?:me )?anything|ist (?:das|es) (?:wirklich )?kostenlos|kostet (?:das|es)|ist (?:das|es) gratis|muss ich (?:was |etwas )?bezahlen"
    r"|c ?est (?:vraiment )?gratuit|ca coute|faut(?:-il)? payer|est gratis|es gratis|cuesta|hay que pagar|tengo que pagar"
    r"|e gratis|e gratuito|costa qualcosa|quanto costa|devo pagare|is (?:dit|het) gratis|kost (?:dit|het)|moet ik betalen"
    r"|e de graca|e gratuito|custa|tenho que pagar|preciso pagar)\b|^\W*how much is (?:this|it|that)\W*$")


def asks_cost(text: str) -> bool:
    """Whether ``text`` asks what this chat or a helpline costs ("is this free?", "ist das kostenlos?")."""
    return bool(COST.search(folded(text).replace("'", " ")))


def cost_line(say: Say) -> str:
    return least_recent(answers(say.lang)["ask_cost"], say.recent)
