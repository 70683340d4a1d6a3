"""Questions put to the bot itself, answered the way a trained volunteer would: "what would you do?",
"what should I do first?", "am I overreacting?", "are you just going to keep asking me questions?",
"do you think she knew I loved her?", "how do I explain it to him?" (seventh exploratory reading, M5:
each got an unrelated template line: "Feeling unsettled like this is hard", "That sounds like a
good step", "I'm not here to judge you").

Honest about being a bot, no advice it cannot give, options rather than a non sequitur. Told by
patterns in the seven languages (folded: lower case, no accents), whatever the NLU read; never for
a message with risk words (the crisis flow answers those).

Eighth exploratory reading: questions about the service (``SERVICE``: who reads this, what is kept, where the person is,
the police, "sei un bot?"; M3) and corrections of the bot's reading (``correction``: "no, that's not what i meant"; M4).
Eleventh: the bot's name, a language asked for (``language_asked_for``), and what a correction takes back (``put_right``).

(Over 300 lines for a reason: the patterns of every question to the bot, in seven languages each, read side by side; the
functions that read them are short.)
"""
from __future__ import annotations

import re
from typing import Optional

from actions.echo import risk_words
from actions.language import folded

ASKED = {
    # ninth reading, L1: each got "I'm an automated listening assistant, not a person" ("haha ok. ur sweet for a bot" twice in a row)
    "bot_kind_words": re.compile(
        r"^\W*(?:(?:haha\w*|hehe|lol|aw+|ok(?:ay)?|well|you know what|honestly)\W+)*(?:(?:ur|you'?re|youre|you are|u r) (?:so |really |very |actually |pretty |kinda )?"
        r"(?:sweet|kind|nice|lovely|helpful|good|great|the best|a good listener|cute|wholesome)|(?:du bist|bist du) (?:so |echt |wirklich )?(?:lieb|nett|suss|toll)"
        r"|(?:t'?es|tu es) (?:trop |vraiment |tellement )?(?:gentil|mignon|adorable|sympa)|(?:eres|sos) (?:muy |bien |tan )?(?:lindo|linda|amable|dulce|majo|maja)"
        r"|(?:sei|tu sei) (?:proprio |davvero |troppo )?(?:dolce|gentile|carino|carina)|(?:je bent|jij bent) (?:echt |heel |zo )?(?:lief|aardig|schattig)"
        r"|(?:voce e|vc e|tu es|es) (?:muito |tao |mesmo )?(?:fofo|fofa|querido|querida|gentil|simpatico|simpatica))\b"
        r"(?:(?: for (?:a|an) (?:bot|robot|ai|machine))|(?: \w+){0,3})\W*$"),
    "bot_tired": re.compile(
        r"\b(?:(?:do|dont|don'?t|don t) (?:you|u) (?:ever )?get (?:tired|bored|sick|fed up|sad|annoyed)|(?:are|r) (?:you|u) (?:ever )?(?:tired|bored|sick) of"
        r"|(?:wirst|bist) du (?:nie |nicht |eigentlich )?(?:mude|genervt)|(?:tu n'?es|t'?es) (?:jamais |pas )?(?:fatigue|lasse)|tu (?:n'?)?en as (?:pas |jamais )?marre"
        r"|(?:no )?te cansas|(?:non )?ti stanchi|word je (?:nooit |niet )?moe|(?:voce|vc|tu) (?:nao )?(?:se )?cansas?)\b"),
    "bot_knows": re.compile(
        r"^\W*(?:(?:and|so|but|wait|ok|hey)\W+)?(?:do|did|can|could) (?:you|u) (?:even |actually |really )?(?:understand|know|get) (?:what|anything about|much about|about) "
        r"(?:\w+ ){0,2}(?:is|are|means?|like)?\b|^\W*(?:(?:und|also)\W+)?(?:weisst|verstehst) du,? was (?:\w+ ){1,3}(?:ist|sind|bedeutet)\b"
        r"|^\W*(?:est-ce que )?(?:tu sais|tu comprends|sais-tu) ce que (?:c'?est|sont|veut dire)\b|^\W*(?:sabes|entiendes) (?:lo )?que (?:es|son|significa)\b"
        r"|^\W*(?:sai|capisci) (?:cos'?e|cosa (?:e|sono|significa))\b|^\W*(?:weet|snap) je (?:wel )?wat (?:\w+ ){1,3}(?:is|zijn|betekent)\b"
        r"|^\W*(?:(?:voce|vc|tu) )?(?:sabes|sabe|entendes|entende) o que (?:e|sao|significa)\b"),
    # "only_questions" first: "are you just going to keep asking me questions?" is no "what would you do"
    "only_questions": re.compile(
        r"\b(?:(?:are you |r u |you )?(?:just |only )?(?:going to|gonna) (?:keep |just keep )?ask(?:ing)? (?:me )?(?:more |so many )?questions"
        r"|all you (?:do is|ever do is) ask|why do you (?:keep )?ask(?:ing)? (?:me )?(?:so many )?questions|(?:you )?(?:only|just) ask(?:ing)? "
        r"(?:me )?questions|stellst du nur fragen|fragst du (?:mich )?nur|tu ne fais que (?:me )?poser des questions"
        r"|solo (?:me )?haces preguntas|(?:mi )?fai solo domande|stel je (?:alleen|enkel) (?:maar )?vragen|(?:voce|vc) so (?:me )?faz perguntas)\b"),
    "what_first": re.compile(
        r"\b(?:what (?:do you think )?(?:i )?(?:should|can|could|do) (?:i )?do first|where (?:should|do|can) i (?:even )?(?:start|begin)"
        r"|what(?:'s| is| should be) (?:the|my) first step|was soll ich zuerst (?:tun|machen)|wo (?:soll ich|fange ich) anfangen"
        r"|(?:je commence|par ou commencer|qu'?est-ce que je fais en premier)|por donde (?:empiezo|empezar)|que hago primero"
        r"|da dove (?:comincio|inizio)|cosa faccio prima|waar (?:moet ik|begin ik)(?: mee)? beginnen|wat moet ik eerst doen"
        r"|por onde (?:comeco|comecar)|o que (?:eu )?faco primeiro"
        # ninth reading, M4: "what would you suggest, like concretely?" got the privacy answer
        r"|what (?:would|do|can|could|should) (?:you|u) (?:suggest|recommend|advise)|(?:any|got any) (?:concrete |practical )?suggestions"
        # eleventh reading, M8: "what do you think I should do about work?" got "That sounds worth a try"
        r"|what (?:do (?:you|u) think|would (?:you|u) say|should) i (?:should |ought to |need to )?do(?: about (?:\w+ ){0,3}\w+| now| next)?(?=\W*$)"
        r"|was (?:wurdest|wuerdest|wurdet) du (?:mir )?(?:vorschlagen|empfehlen|raten)|was (?:schlagst|empfiehlst|ratst) du (?:mir )?(?:vor)?"
        r"|qu'?est-ce que tu (?:me )?(?:conseilles|proposes|suggeres|recommandes)|que me (?:conseilles|proposes|suggeres)-tu"
        r"|que me (?:sugieres|recomiendas|aconsejas)|que (?:sugieres|recomiendas|me aconsejarias)|cosa mi (?:consigli|suggerisci|proponi)"
        r"|che (?:mi )?consigli|wat (?:raad|stel) je (?:me )?(?:aan|voor)|wat zou je (?:me )?aanraden"
        r"|o que (?:e que )?(?:me )?(?:sugeres|recomendas|aconselhas|sugere|recomenda|voce sugere|voce recomenda|vc sugere))\b"
        # tenth reading, M4: "¿qué puedo hacer?", "wat moet ik doen?", "podes dar-me uma ideia?" got reflections
        r"|^\W*(?:(?:and|so|but|ok|y|pues|en|dus|maar|e|entao|et|alors|und|also)\W+)?(?:what (?:can|should|do) i (?:even )?do(?: now| about it)?"
        r"|was (?:soll|kann) ich (?:jetzt |nur |denn )?(?:tun|machen)|qu'?est-ce que je (?:peux|dois) faire|que (?:puis|dois)-je faire"
        r"|que (?:puedo|debo|deberia) hacer|(?:cosa|che) (?:posso|devo|dovrei) fare|wat (?:moet|kan|zou) ik (?:nu )?(?:doen|moeten doen)"
        r"|o que (?:e que )?(?:eu )?(?:posso|devo|deveria) fazer|(?:podes|pode|podias|podia|voce pode|vc pode) (?:me )?dar-?\s?me (?:uma )?ideia"
        r"|(?:podes|pode|voce pode|vc pode) me dar (?:uma )?ideia|(?:me )?(?:da|de) uma ideia)\W*$"),
    # tenth reading, M4: "can you speak spanish?" got "I'm a chatbot for emotional support"
    "speak_language": re.compile(
        r"\b(?:(?:can|do|could) (?:you|u) (?:speak|write|talk|understand|read) (?:in )?|(?:sprichst|kannst|verstehst) du (?:auch )?(?:\w+ )?"
        r"|(?:tu parles|parles-tu|est-ce que tu parles|tu comprends|tu peux parler) (?:en |le )?|(?:hablas|puedes hablar(?: en)?|entiendes(?: el)?) "
        r"|(?:parli|sai parlare|capisci)(?: in| l')? ?|(?:spreek|praat|begrijp) je (?:ook )?|(?:(?:voce|vc|tu) )?(?:fala|falas|entende|entendes|pode falar(?: em)?) )"
        r"(?:english|englisch|anglais|ingles|inglese|engels|german|deutsch|allemand|aleman|tedesco|duits|alemao|french|franzosisch|francais|frances"
        r"|francese|frans|spanish|spanisch|espagnol|espanol|spagnolo|spaans|espanhol|italian|italienisch|italien|italiano|italiaans|dutch"
        r"|niederlandisch|hollandisch|neerlandais|neerlandes|olandese|nederlands|holandes|portuguese|portugiesisch|portugais|portugues|portoghese"
        r"|portugees|other languages?|andere sprachen|d'?autres langues|otros idiomas|altre lingue|andere talen|outras linguas|outros idiomas)\b"),
    "what_would_you_do": re.compile(
        r"\b(?:what would you do|what(?:'s| is) your (?:honest )?(?:opinion|take)|(?:can you )?(?:just )?tell me what you think|what do you think\W*$"
        # ninth reading, M4, L1: "what do you reckon, should i message her?" (the privacy answer), "What do you make of all that?",
        # pt-PT "o que achas que devo dizer-lhe?" (a reflection)
        r"|what do (?:you|u) reckon|what do (?:you|u) make of (?:it|that|this|all (?:that|this|of (?:it|this|that)))"
        r"|was (?:meinst|denkst|sagst) du(?:,| dazu| davon)?(?: (?:soll|sollte) ich)?\W*$|was (?:meinst|denkst) du,? (?:soll|sollte) ich"
        r"|qu'?est-ce que tu en penses|tu en penses quoi|que (?:opinas|piensas)(?: tu)?\W*$|tu que (?:opinas|piensas|harias)"
        r"|(?:cosa|che) ne pensi|wat vind (?:jij|je) (?:ervan|daarvan)|wat zou jij (?:doen|zeggen)"
        r"|o que (?:e que )?(?:tu )?(?:achas|acha|voce acha|vc acha)(?: disso\W*$| que (?:eu )?(?:devo|deveria|devia))"
        r"|if you were me|in my (?:place|shoes)|was wurdest du (?:tun|machen)|an meiner stelle|que ferais[- ]tu|qu'?est-ce que tu ferais"
        r"|a ma place|que harias|en mi lugar|cosa faresti|al mio posto|wat zou jij doen|in mijn plaats|o que (?:voce|vc|tu) faria"
        r"|no meu lugar)\b"),
    "overreacting": re.compile(
        r"\b(?:am i (?:just |being )?(?:overreacting|over ?reacting|unreasonable|(?:too |over ?)dramatic|too sensitive|oversensitive"
        r"|silly|petty)|ubertreibe ich|bin ich zu (?:empfindlich|dramatisch)|(?:est-ce que )?j'?exagere|je suis trop sensible"
        r"|(?:estoy )?exagerando|exagero|sto esagerando|esagero|overdrijf ik|ben ik te gevoelig|(?:estou|to) exagerando)(?: (?:here|now|again))?"
        r"\W*$"),  # the bare question: "am i overreacting if i cried because..." is a question of normality, answered as one
    "did_they_know": re.compile(
        r"\b(?:(?:do you think|did|does) (?:she|he|they|my \w+) (?:knew|know|knows) (?:that |how much )?i (?:loved|love|cared|care)"
        r"|(?:do you think|did) (?:she|he|they) (?:felt|feel) loved|(?:glaubst du,? )?(?:sie|er) wusste,? (?:dass|wie sehr) ich"
        r"|(?:elle|il) savait que je (?:l'?aimais|tenais)|(?:ella|el) sabia (?:que|cuanto) (?:la|lo) queria"
        r"|(?:lei|lui) sapesse (?:che|quanto) (?:la|lo) amavo|(?:ze|hij) wist (?:dat|hoeveel) ik (?:van )?(?:haar|hem)"
        r"|(?:ela|ele) sabia (?:que|o quanto) eu)\b"),
    "how_to_explain": re.compile(
        r"\bhow (?:do|can|should|would) i (?:explain (?:it |this |that |what happened )?to|tell) (?:him|her|them|my (?:son|daughter|kids?"
        r"|children|little \w+))\b(?! (?:it hurts|that i|i))|\bwie (?:erklare|sage) ich (?:es|das) (?:ihm|ihr|meinem|meiner|den kindern)\b|\bcomment (?:le )?(?:lui |leur )?"
        r"(?:expliquer|dire) (?:ca|a mon|a ma|a mes)\b|\bcomo (?:se lo )?(?:explico|digo) a (?:mi|mis)\b|\bcome (?:glielo )?(?:spiego|dico) a "
        r"(?:mio|mia|miei)\b|\bhoe (?:leg ik|vertel ik) (?:het|dat) (?:uit )?aan (?:mijn|hem|haar)\b|\bcomo (?:eu )?(?:explico|conto) (?:isso )?"
        r"(?:pro|pra|ao|a) (?:meu|minha|meus)\b"),
    # eleventh reading, M8: "come ti chiami?" got "Com'è, per te, un momento difficile come questo?"
    "bot_name": re.compile(
        r"^\W*(?:(?:and|so|btw|hey|ok|e|und|et|y|en|a proposito)\W+)*(?:what(?:'s| is|s) your name|do (?:you|u) have a name|have you got a name"
        r"|wie hei(?:ss|s)t du|hast du (?:einen|nen) namen|comment (?:tu t'?appelles|t'?appelles[- ]tu)|tu t'?appelles comment|quel est ton nom"
        r"|c'?est quoi ton (?:nom|prenom)|como te llamas|cual es tu nombre|tienes (?:un )?nombre|come ti chiami|qual e il tuo nome|hai un nome"
        r"|hoe heet (?:je|jij)|wat is (?:je|jouw) naam|heb je een naam|como (?:voce |vc )?se chama|como te chamas|qual (?:e )?o (?:seu|teu) nome"
        r"|(?:voce |vc )?tem (?:um )?nome|tens (?:um )?nome)\W*$"),
}
"""The questions, in the order they are tried; each names the ``answers`` line that answers it."""


def asked(text: str) -> Optional[str]:
    """The ``answers`` key of the question ``text`` puts to the bot, or None."""
    if risk_words(text):
        return None
    plain = " ".join(folded(text).replace("’", "'").split())
    return next((key for key, pattern in ASKED.items() if pattern.search(plain)), None)


# Eighth reading, M3: questions about the service itself ("who reads this?", "is this stored somewhere?", "do you know
# where I am?", "will you call the police?") got "I don't remember you telling me that" (read as a recall question) or a
# listening line. Answered from what the service does (README "Crisis screening", the consent notice in
# connectors/web/static/index.html): the words are kept in the mood log under text consent (else only the safety check's
# result), the support team's supervisors can read it, the bot knows no location and calls no one.
SERVICE = {
    "ask_police": re.compile(
        r"\b(?:(?:will|would|are|do|did|can|could|gonna) (?:you |u )?(?:(?:going to|gonna|then) )?(?:call|ring|phone|contact|send|get|alert|tell)"
        r" (?:the )?(?:police|cops|ambulance|authorities|911|999|112)|police (?:on|after) me|(?:rufst|holst) du (?:dann |sofort )?die polizei"
        r"|(?:wirst|wurdest) du (?:dann )?die polizei|(?:tu vas|vas-tu|tu appelles|appelles-tu|tu appellerais|est-ce que tu appelles) (?:appeler )?la police"
        r"|(?:vas a|vos vas a|irias a) llamar a la policia|(?:llamas|llamarias|llamaras) a la policia|(?:chiami|chiamerai|chiameresti) la polizia"
        r"|(?:bel je|bel jij|ga je|gaan jullie|bellen jullie) (?:dan |meteen )?(?:de politie|de politie bellen)"
        r"|(?:vais|vai|voce vai|vc vai|tu vais) chamar a policia|(?:chamas|chama|chamaria) a policia)\b"),
    "ask_where_i_am": re.compile(
        r"\b(?:(?:do you know|can you (?:see|tell|find out)|do you see) (?:where i (?:am|live|stay|m)|my (?:address|location))"
        r"|can you (?:track|find|locate) (?:me|my location|where i)|(?:weisst|kennst|siehst) du,? (?:wo ich (?:bin|wohne)|meine adresse)"
        r"|(?:tu )?(?:sais|connais)(?:-tu)? (?:ou j'?(?:habite|suis|vis)|mon adresse)|(?:sabes|conoces) (?:(?:en )?donde (?:vivo|estoy)|mi (?:direccion|ubicacion))"
        r"|(?:sai|conosci) (?:dove (?:abito|vivo|sono)|il mio indirizzo)|(?:weet|ken) je (?:waar ik (?:woon|ben|zit)|mijn adres)"
        r"|(?:sabes|sabe|conheces) (?:onde (?:eu )?(?:moro|vivo|estou)|o meu endereco|meu endereco))\b"),
    "ask_find_out": re.compile(
        r"\b(?:(?:will|would|could|can) my (?:parents|mum|mom|dad|family|husband|wife|partner|boss|school|teacher)s? (?:find out|know|see this|be told)"
        r"|(?:are you going to|will you|would you|do you) tell my (?:parents|mum|mom|dad|family|husband|wife|partner|boss|school|teacher)"
        r"|(?:erfahren|erfahrt) (?:das )?meine (?:eltern|familie|mutter|mama|vater|papa)|werden meine eltern (?:das )?(?:erfahren|sehen)"
        r"|mes parents (?:vont|pourront|peuvent) (?:le )?(?:savoir|l'?apprendre|voir)|(?:tu vas le dire|tu le diras) a mes parents"
        r"|(?:mis (?:papas|padres)|mi familia) (?:se van a enterar|se enteraran|van a saber)|(?:se van a enterar|se enteraran) mis (?:papas|padres)"
        r"|i miei (?:genitori) (?:lo )?(?:sapranno|verranno a saperlo|lo scopriranno)|(?:komen|gaan) mijn ouders (?:het|dit) (?:te weten|horen|zien)"
        r"|(?:os )?meus pais (?:vao|irao) (?:saber|descobrir)|(?:vais|vai) contar (?:aos|pros) meus pais)\b"),
    "ask_who_reads": re.compile(
        r"\b(?:who (?:else )?(?:reads|can read|will read|is reading|sees|can see|will see|has access to|gets to see) (?:this|these|that|it|my (?:messages|words|chats?|data|stuff)|what i|our)"
        r"|(?:is|are) (?:this|it|that|these|my (?:messages|words|chats?|data)|this (?:chat|conversation)|what i (?:say|write)|everything) "
        r"(?:being )?(?:stored|saved|kept|recorded|logged|private|confidential)|do you (?:keep|store|save|record|log) (?:what i|my |this|these|our|everything)"
        r"|what (?:do|will|are) you (?:actually |really |even |exactly )?(?:do|doing|going to do) with (?:my|what i|this|these|the data)|where (?:does|do|is|are) (?:this|my (?:messages|data|words)) "
        r"(?:go|going|stored|saved|kept)"
        r"|wer (?:liest|kann das lesen|kann das sehen|sieht|bekommt) (?:das|dies|mit|meine|was ich)|(?:wird|werden) (?:das|dies|meine (?:nachrichten|daten)|alles) "
        r"(?:gespeichert|aufbewahrt|aufgezeichnet)|(?:speicherst|behaltst) du (?:das|was ich|meine)|was (?:machst|tust) du (?:eigentlich |denn |genau |so )*mit meinen (?:daten|nachrichten|gefuhlen)"
        r"|qui (?:lit|va lire|peut lire|voit|peut voir|lira) (?:ces|ca|mes|ce que|tout ca|cette)|(?:c'?est|ca|tout ca|mes messages|mes donnees) (?:est |sont |va etre )?"
        r"(?:enregistre|garde|stocke|sauvegarde|conserve)s?|(?:tu gardes|tu enregistres|tu conserves|vous gardez) (?:ce que|mes|ca|tout)"
        r"|(?:que fais-tu|qu'?est-ce que tu fais|tu fais quoi) (?:vraiment |exactement |au juste )?(?:avec|de) mes (?:donnees|messages)"
        r"|quien (?:lee|va a leer|puede leer|ve|puede ver|mas lee) (?:esto|estos|mis|lo que|todo)|(?:esto|esta conversacion|lo que escribo|mis mensajes) "
        r"(?:se guarda|se guardan|queda guardad[oa]|se almacena|se graba)|(?:guardas|almacenas) (?:lo que|mis|esto|todo)|que haces (?:realmente |exactamente |en realidad )?con mis (?:datos|mensajes)"
        r"|chi (?:legge|leggera|puo leggere|vede|puo vedere) (?:questo|questi|i miei|quello che|tutto)|(?:questo|questa chat|quello che scrivo|i miei messaggi) "
        r"(?:viene|vengono|e|sono|verra) (?:salvat|registrat|conservat|memorizzat)[oaie]|(?:salvi|conservi|registri|tieni) (?:quello che|i miei|questo|tutto)"
        r"|cosa (?:ne )?fai (?:davvero |esattamente |in realta )?(?:con i|dei) miei (?:dati|messaggi)"
        r"|wie (?:leest|kan (?:dit|dat|mijn \w+) (?:lezen|zien)|ziet) (?:dit|dat|mee|mijn|wat ik)?|(?:wordt|worden) (?:dit|dat|het|alles|mijn (?:berichten|gegevens)) "
        r"(?:opgeslagen|bewaard|bijgehouden)|(?:bewaar|sla|hou) je (?:dit|wat ik|mijn|alles)|wat doe (?:je|jij) (?:eigenlijk |precies |nou )?met mijn (?:gegevens|berichten|data)"
        r"|quem (?:le|vai ler|pode ler|ve|pode ver|mais le) (?:isto|isso|estas|essas|as minhas|minhas|o que|tudo)|(?:isto|isso|esta conversa|o que eu escrevo|as minhas mensagens"
        r"|minhas mensagens) (?:fica|ficam|e|sao|vai ser|esta a ser|esta sendo) (?:guardad|salv|armazenad|gravad)[oa]s?|(?:guardas|voce guarda|vc guarda) "
        r"(?:o que|as minhas|minhas|isto|isso|tudo)|o que (?:e que )?(?:fazes|voce faz|vc faz) (?:afinal |exatamente |realmente )?com (?:os )?(?:meus dados|as minhas mensagens|minhas mensagens))\b"),
    "a_bot": re.compile(
        r"^\W*(?:(?:wait|so|and|hey|ok)\W+)?(?:are you (?:a |an )?(?:bot|robot|ai|real person|real|human|person)|is this (?:a )?(?:bot|robot|real person|human)"
        r"|bist du (?:ein )?(?:bot|roboter|mensch|echt|eine ki)|(?:es-tu|t'?es|tu es) (?:un )?(?:bot|robot|humain|une vraie personne)|eres (?:un )?(?:bot|robot|humano"
        r"|una persona real)|sei (?:un )?(?:bot|robot|umano|una persona vera)|ben je (?:een )?(?:bot|robot|mens|echt)|(?:voce|vc|tu) e (?:um )?(?:bot|robo|humano"
        r"|uma pessoa de verdade)|(?:es|eres) um (?:bot|robo)"
        # ninth reading, M4: pt-PT "és uma pessoa?"
        r"|(?:tu )?es (?:um |uma )?(?:bot|robo|humano|humana|pessoa|pessoa real|pessoa a serio|maquina)|(?:voce|vc) e (?:uma )?(?:pessoa|maquina)(?: real)?)\W*$"),
}
"""Questions about the service, the order they are tried in (the police before storage: "will you call the police?"
is no storage question); "a_bot" is answered with the domain's ``utter_iamabot``, the others name their ``answers`` line."""
SERVICE_WITH_RISK = {"ask_police"}
"""Kinds answered even when the question holds risk words ("what happens if i tell you i want to die? will you call the
police?"): the answer then comes with the help lines (replies.answered_plainly)."""


def about_the_service(text: str) -> Optional[str]:
    """The kind of question ``text`` asks about the bot or the service ("ask_who_reads", "ask_find_out", "ask_where_i_am", "ask_police",
    "a_bot"), or None; with risk words, only "ask_police" (its answer carries the help lines)."""
    plain = " ".join(folded(text).replace("’", "'").replace("ß", "ss").split())
    kind = next((key for key, pattern in SERVICE.items() if pattern.search(plain)), None)
    if kind and risk_words(text) and kind not in SERVICE_WITH_RISK:
        return None
    return kind


# Eighth reading, M4: "no, that's not what i meant, i'm asking how to stand there for 2 hours" was said back ("You're saying
# that's not what you meant. Have I got that right?"); the correction is taken up, and what they meant said back (English).
CORRECTION = re.compile(
    r"^\W*(?:(?:no+|nope|nah|hm+|um+|well|sorry|actually|nein|non|nee|nao)\W+)*(?:that'?s not (?:quite |really |exactly )?what i (?:meant|mean|said)"
    r"|thats not (?:quite |really |exactly )?what i (?:meant|mean|said)|that is not (?:quite )?what i (?:meant|mean)|not what i (?:meant|mean|said)"
    r"|you (?:misunderstood|misunderstand|got (?:it|that|me) wrong|misread)|i didn'?t mean (?:it like )?that|i didnt mean (?:it like )?that"
    r"|(?:das|so) (?:habe|hab|hatte) ich (?:das |es )?nicht gemeint|das meinte ich nicht|du hast mich falsch verstanden"
    r"|(?:ce n'?est|c'?est) pas (?:ce que je voulais dire|ce que je veux dire|ca)|tu m'?as mal compris"
    r"|no es (?:eso )?lo que (?:quise|queria|quiero) decir|no quise decir eso|me (?:entendiste|has entendido) mal"
    r"|non (?:e |era )?(?:quello che intendevo|cio che intendevo)|non intendevo (?:questo|quello|dire questo)|mi hai frainteso"
    r"|dat bedoelde ik niet|zo bedoelde ik het niet|dat is niet wat ik bedoel(?:de)?|je begrijpt me verkeerd|je hebt me verkeerd begrepen"
    r"|(?:nao )?(?:e|foi) (?:isso )?o que eu quis dizer|nao foi isso que eu quis dizer|nao quis dizer isso|(?:voce|vc) me entendeu mal"
    # ninth reading, M4: "Nein, das hast du falsch verstanden, ...", "No, you've got that wrong, ..."
    r"|you'?ve got (?:it|that|me|this) (?:all )?wrong|you have (?:got )?(?:it|that|me|this) (?:all )?wrong|you got (?:it|that|me) (?:all )?wrong"
    r"|(?:das |es )?hast du (?:das |es |mich )?(?:falsch|nicht richtig) verstanden|(?:das|es) (?:ist|war) (?:nicht|falsch) (?:so )?verstanden"
    r"|tu (?:m'?)?as mal compris|t'?as mal compris|tu n'?as pas (?:bien )?compris|(?:lo )?(?:has entendido|entendiste) mal|no me (?:has )?entendido"
    r"|(?:hai|l'?hai) capito male|non hai capito|je hebt (?:het|me|dat) (?:verkeerd|fout) begrepen|dat heb je (?:verkeerd|fout) begrepen"
    r"|(?:voce |vc |tu )?(?:entendeu|entendeste|percebeste|percebeu) mal|nao (?:me )?(?:entendeste|percebeste))\b")
MEANT = re.compile(r"\b(?:i'?m|im|i am|i was) (?:asking|saying|trying to say)\b|\bi (?:meant|mean)\b|\bwhat i meant (?:is|was)\b")
"""Where an English correction says what was meant ("i'm asking how to ...", "I meant mark it for myself")."""


def correction(text: str) -> Optional[str]:
    """None when ``text`` corrects no reading of the bot's; else what the person meant, in second person when an English
    correction says it ("i'm asking how to stand there" -> "your question is how to stand there"), or ""."""
    plain = " ".join(folded(text).replace("’", "'").split())
    if risk_words(text) or not CORRECTION.search(plain):
        return None
    from actions.echo import SWAP  # echo.py's own pronoun swap, as recall.py uses it

    meant = list(MEANT.finditer(plain))
    if not meant:
        return _put_right(plain[CORRECTION.search(plain).end():])
    rest = re.split(r"[.!?;\n]", plain[meant[-1].end():])[0].strip(" ,:")
    words = [SWAP.get(w, w) for w in rest.split()]
    if not words or len(words) > 25:
        return ""
    asking = "ask" in meant[-1].group(0)
    return ("your question is " if asking else "you meant ") + " ".join(words)


FACT_FIX = re.compile(
    r"^\W*(?:(?:no+|nope|oops|sorry|actually)\W+)+(?:wait|hang on|i mean|i meant|make that)\W+(?=\w)"
    r"|^\W*(?:wait|sorry|oops)\W+(?:i mean|i meant|make that)\W+(?=\w)"
    r"|^\W*(?:korrektur|correction|correccion|correzione|correctie|correcao)\b"
    r"|^\W*(?:nein|ne|sorry)\W+(?:warte|moment|ich meine|ich meinte|ich wollte sagen)\b|^\W*(?:nee|sorry)\W+(?:wacht|ik bedoel|ik bedoelde)\b"
    r"|^\W*(?:non|pardon)\W+(?:attends|je veux dire|je voulais dire)\b|^\W*(?:no|perdon)\W+(?:espera|quiero decir|queria decir)\b"
    r"|^\W*(?:no|scusa)\W+(?:aspetta|volevo dire|intendo dire)\b|^\W*(?:nao|desculpa|desculpe)\W+(?:espera|quero dizer|queria dizer|quis dizer)\b")
"""A person putting right a fact they told ("no wait, it was saturday not sunday", "Korrektur: vor vier Monaten, nicht drei", "nee wacht,
het was mijn broer niet mijn zus", "não, quero dizer há dois meses": tenth reading, M4, each got a reflection or a stock question)."""
NOT_THIS_BUT = re.compile(
    r"^\W*(?:(?:no+|nope|sorry|oops|actually|nee|nein|ne|non|nao|pardon|perdon|scusa|desculpa|desculpe)\W+)+"
    r"(?=(?:not|nicht|niet|pas|no|non|nao)\s+(?!(?:really|quite|exactly|at all|sure|much|yet|now|right now|today|tonight|tomorrow|again|here"
    r"|that|like|so|too|anymore|wirklich|echt|jetzt|heute|vraiment|maintenant|aujourd'?hui|realmente|ahora|hoy|davvero|ora|adesso|oggi"
    r"|eigenlijk|nu|vandaag|mesmo|agora|hoje|muito|sehr|tanto|zo)\b)[\w-]+(?:\s+[\w-]+){0,2}\s*,\s*[\w-]+(?:\s+[\w-]+){0,3}\W*$)")
"""A fact or a feeling put right as "no, not X, Y" ("nee, niet verdrietig, eerder boos", "sorry, niet ontslagen, berispt": eleventh
reading, M9, each got a stock question): what follows the no is the correction."""


SO_NOW = re.compile(r"^(?:it|that|he|she|they|we|i)(?:'s| was| is| were| did| had| said)\b|\b(?:not|n't|instead|rather than)\b")
"""What follows "no wait" when it puts a fact right ("it was saturday not sunday")."""


def fact_fix(text: str) -> Optional[str]:
    """None when ``text`` puts right no fact; else what is so now, in the person's words after the correction ("it was saturday
    not sunday"), or "" when nothing follows."""
    plain = " ".join(folded(text).replace("’", "'").split())
    found = FACT_FIX.search(plain) or NOT_THIS_BUT.search(plain)
    if risk_words(text) or not found or CORRECTION.search(plain):
        return None
    rest = plain[found.end():].strip(" ,:;.!-")
    if re.search(r"\b(?:wait|hang on)\b", found.group(0)) and not SO_NOW.search(rest):
        return None  # "no, wait, i need to tell you something" puts nothing right
    return rest if 0 < len(rest.split()) <= 16 else ""


PUT_RIGHT = re.compile(r"^(?:i'?m|im|i am|i feel|i was|i just|it'?s|its|it is|it was)\b")
"""A sentence after an English correction that says what is so ("No, you've got that wrong, I don't blame myself for the
redundancy. I'm ashamed of sitting on the stairs.": ninth reading, M4)."""


def _put_right(rest: str) -> str:
    """The last sentence of ``rest`` (what follows a correction) that says what is so, in second person ("you're ashamed of
    sitting on the stairs"), or ""."""
    from actions.echo import said_back

    for sentence in reversed([p.strip(" ,:") for p in re.split(r"[.!?;\n]+|,\s+", rest)]):
        if PUT_RIGHT.search(sentence) and len(sentence.split()) <= 16:
            said = said_back(sentence)
            if said:
                return "you meant " + said if not said.startswith(("you", "it")) else said
    return ""


NEGATION = r"(?:not|nicht|niet|pas|non|nao|no)"
RATHER = r"(?:but|rather|more|eerder|maar|meer|sondern|eher|plutot|mais|sino|mas bien|ma|piuttosto|mas|antes|mais)"
NOT_THEN = re.compile(rf"^{NEGATION}\s+(?P<old>[^,]+?),\s*(?:{RATHER}\s+)?(?P<new>.+)$")
THEN_NOT = re.compile(rf"^(?P<new>.+?),?\s+(?:and\s+|en\s+|und\s+|et\s+|y\s+|e\s+)?{NEGATION}\s+(?P<old>.+)$")


def put_right(text: str) -> Optional[tuple]:
    """``(old, new)``: what a correction of ``text`` takes back and what it puts in its place, as many words of the new as the
    old has ("sorry, I meant my sister, not my brother" -> ("my brother", "my sister"); "nee, niet verdrietig, eerder boos" ->
    ("verdrietig", "boos"); "it was saturday not sunday" -> ("sunday", "saturday")); None when it puts nothing right or not in
    that shape (eleventh reading, M9: after a pause the bot recalled the brother the person had corrected)."""
    rest = fact_fix(text)
    if not rest:
        return None
    rest = rest.strip(" .!?")
    found = NOT_THEN.match(rest) or THEN_NOT.match(rest)
    if not found:
        return None
    old, new = found.group("old").strip(" ,.!?"), found.group("new").strip(" ,.!?").split()
    new = " ".join(new[-len(old.split()):])
    if old.lower() in PRONOUNS:  # "no, not me, my friend": who it is about, no word to put right in what was said
        return None
    return (old, new) if old and new and old != new else None


PRONOUNS = {"me", "i", "you", "him", "her", "them", "us", "it", "mich", "mir", "ihn", "ihm", "ihr", "moi", "toi", "lui", "elle", "eux", "mi",
            "yo", "el", "ella", "ellos", "io", "lei", "loro", "mij", "ik", "hem", "haar", "hen", "eu", "ele", "ela", "eles"}


LANGUAGE_NAMES = {
    "en": "english|englisch|anglais|ingles|inglese|engels",
    "de": "german|deutsch|allemand|aleman|tedesco|duits|alemao",
    "fr": "french|franzosisch|francais|frances|francese|frans",
    "es": "spanish|spanisch|espagnol|espanol|spagnolo|spaans|espanhol",
    "it": "italian|italienisch|italien|italiano|italiaans",
    "nl": "dutch|niederlandisch|hollandisch|neerlandais|neerlandes|olandese|nederlands|holandes",
    "pt": "portuguese|portugiesisch|portugais|portugues|portoghese|portugees",
}
SWITCH = re.compile(
    r"^\W*(?:(?:ok|okay|so|hey|and|please|bitte|per favore|por favor|alsjeblieft|sorry|scusa|desculpa|pardon|perdon)\W+)*"
    r"(?:(?:can|could|shall) we(?: please)? (?:speak|talk|write|chat|continue|go on|switch to)|let'?s (?:speak|talk|write|continue|switch to)"
    r"|(?:please )?(?:speak|talk|write|answer|reply)(?: to me)?|switch to|(?:konnen|wollen) wir(?: bitte)?(?: auf| in)?|lass uns(?: auf| in)?"
    r"|(?:sprich|schreib|antworte)(?: bitte)?(?: mit mir)?(?: auf)?|(?:on peut|peut-on|est-ce qu'?on peut|on pourrait) (?:parler|ecrire|continuer)(?: en)?"
    r"|(?:parle|ecris|reponds)(?:-moi)?(?: en)?|(?:podemos|podriamos) (?:hablar|escribir|seguir|continuar)(?: en)?|(?:habla|escribe|responde)(?:me)?(?: en)?"
    r"|(?:possiamo|potremmo) (?:parlare|scrivere|continuare)(?: in)?|(?:parla|scrivi|rispondi)(?:mi)?(?: in)?|(?:kunnen|zullen) we(?: in het| het)?"
    r"|(?:praat|schrijf|antwoord)(?: in het)?|(?:podiamos) (?:falar|escrever|continuar)(?: em)?|(?:podemos) (?:falar|escrever|continuar) em"
    r"|(?:fala|escreve|responde|fale|escreva)(?: em)?)"
    r"\s+(?:in |en |em |auf )?(?P<name>" + "|".join(LANGUAGE_NAMES.values()) + r")\b(?:\s+(?:please|bitte|s'?il te plait|por favor|per favore"
    r"|alsjeblieft|graag|praten|spreken|schrijven|schreiben|sprechen|reden|weiterschreiben|weitermachen|now|instead|from now on))*\W*$")
"""A person asking to go on in another language ("can we speak English please": eleventh reading, M8, got the bot's capability text in
Italian); "can you speak spanish?" asks whether it can (``speak_language``)."""


def language_asked_for(text: str) -> Optional[str]:
    """The language (en, de, fr, es, it, nl, pt) ``text`` asks the bot to go on in, or None."""
    found = SWITCH.search(" ".join(folded(text).replace("’", "'").split()))
    if not found or risk_words(text):
        return None
    return next(code for code, names in LANGUAGE_NAMES.items() if re.fullmatch(names, found.group("name")))
