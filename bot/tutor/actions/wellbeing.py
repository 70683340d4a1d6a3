"""A student's wellbeing comes before the lesson: risk, grief, trouble at home, being left out or bullied,
test anxiety, words of not wanting to be here or of hating themselves, a break or a wish to stop.

The crisis rule (config.yml) runs ``action_tutor_crisis``: where to get help now, a person from the
team alerted (a handoff in the dashboard's queue: connectors/handoff.py) and a check-in pending
(slot ``wellbeing_check``: "crisis", then "asked"). While one is pending, or when the student's
words are about something heavier than fractions (:func:`concern`), TutorAffectPolicy picks
``action_wellbeing``: an answer is still marked, but the next question waits until the student
says they are okay (third exploratory reading: "sometimes i wish i wasn't alive", then "2/5" got
"Correct, 2/5. Good thinking." and the next question; a grieving student got the pizza analogy;
"can we stop for today" got a quick-fire round). Sixth reading: "my parents were fighting again all
night", "someone at school called me stupid", "i'm really scared i'll fail" and "my mum will be so angry" got a
step down (H8); "i should just disappear" got no check-in (H9; its answer is now read like the check-in's
after risk, and "not okay" alerts a person from the team); a break or a stop in the six other languages was
parked as off-task (H10). Once a person from the team has claimed the alert, the tutor steps back and
does not talk over them (M11). Eighth reading (H7): violence and abuse at home or at school ("they pushed me in the
toilets", "my uncle does things to me", "i'm not allowed to tell", "minha mãe bate em mim", "mein Onkel fasst mich
an"), self-harm ("sometimes i cut my arm") and "nessuno si accorgerebbe se sparissi" got maths; they now stop the
lesson, and harm and self-harm alert a person from the team on the first message. After the safety line
(action_safety_check, slot ``wellbeing_check`` "safety" for one turn) "i did it yesterday" or "no" keeps the lesson
waiting. The replies are in the student's language (lines.py); the words read here are mostly English, with
harm, self-harm, bullying, not wanting to be here, a break, a stop and test worries in the six other languages.

(Over 300 lines for a reason: the patterns of each concern in seven languages sit beside the one function,
``reply``, that weighs them; split, a reader would lose which concern outranks which.)
"""
from __future__ import annotations

import re
from typing import Any, List, Optional, Sequence, Tuple

from policies.situations import situation_of

from . import death_wish, means
from .lines import line, say, word
from .remarks import SELF_PUT_DOWN

GRIEF = re.compile(
    r"\bmy (?P<who>(?:grandma|grandpa|granny|grandad|grandmother|grandfather|nan|nana|gran|mum|mom|mother|dad|father|"
    r"brother|sister|uncle|aunt|auntie|cousin|best friend|friend|dog|cat|pet|hamster|rabbit)) (?:just |has |had )?"
    r"(?:died|passed away|passed|is dying|got put down|was put down)\b"
    r"|\b(?:funeral|passed away|lost my (?:grandma|grandpa|nan|gran|mum|mom|dad|brother|sister|best friend|dog|cat))\b")
LEFT_OUT = re.compile(
    r"\b(?:(?:every ?one|every ?body|they all|the whole class|people|my class|my friends|the other kids|kids)"
    r"(?: at school| in my class| here)? (?:all )?(?:hates?|laughs? at|ignores?|makes? fun of|picks? on) me"
    r"|(?:i'?m|im|i am|being|getting|got|was|keep getting) (?:bullied|picked on|left out)"
    r"|(?:no ?one|nobody)(?: at school| in my class| here)? (?:likes|talks to|sits with|wants|plays with) me"
    r"|i (?:have|got) no friends"
    # sixth reading, H8: "someone at school called me stupid"
    r"|(?:some ?one|some ?body|people|kids|a kid|a boy|a girl|they|he|she|everyone)(?: at school| in my class)? "
    r"(?:call|called|calls|keeps? calling|always calls?) me (?:stupid|dumb|names|fat|ugly|weird|a loser|an idiot|an? \w+ names"
    r"|a freak|a baby|a nerd|thick|useless)"
    # eighth reading, H7: "people at school call me stupid every day"; not wanting to go to school any more
    # ("je ne veux plus aller à l'école" got a pizza), in the seven languages the tutor reads
    r"|i (?:don'?t|dont|do not) (?:want|wanna) (?:to )?go (?:to school |back to school )?(?:any ?more|ever again)"
    r"|i (?:don'?t|dont|do not) (?:want|wanna) (?:to )?go (?:back )?to school(?: tomorrow| on monday)?$"
    r"|(?:i'?m|im|i am) (?:scared|afraid|frightened) (?:to go|of going) (?:to|back to) school"
    r"|ich (?:will|m[öo]chte|mag) nicht mehr (?:in die|zur) schule|ich habe angst,? (?:in die|zur) schule zu gehen"
    r"|je (?:ne )?veux plus (?:aller|retourner) [àa] l'[ée]cole|j'ai peur d'aller [àa] l'[ée]cole"
    r"|(?:ya )?no quiero (?:volver a )?ir (?:m[áa]s )?(?:al colegio|al cole|a la escuela|al instituto)"
    r"|tengo miedo de ir (?:al colegio|al cole|a la escuela)"
    r"|non voglio pi[ùu] andare a scuola|ho paura di andare a scuola"
    r"|ik wil niet meer naar school|ik ben bang om naar school te gaan"
    r"|n[ãa]o quero (?:mais )?ir (?:mais )?(?:pra|para a|[àa]) escola|tenho medo de ir (?:pra|para a|[àa]) escola"
    r"|(?:se moquent|se moque) de moi|(?:se burlan|se r[íi]en) de m[íi]|(?:mi prendono in giro|mi insultano)"
    r"|(?:lachen|machen) (?:mich|sich über mich) (?:aus|lustig)|(?:pesten|treiteren) me|ik word gepest"
    r"|(?:zoam|zombam|tiram sarro) de mim|sofro bullying|me (?:xingam|chamam de burr[oa])"
    r"|(?:mi|me) (?:llaman|dicen) (?:tont[oa]|est[úu]pid[oa]|idiota)|m'appellent (?:idiot|b[êe]te)|mi chiamano (?:stupid[oa]|scem[oa])"
    r"|nennen mich (?:dumm|bl[öo]d)|noemen me (?:dom|stom))\b")
HARM_AT_HOME = re.compile(
    r"\b(?:my )?(?:dad|mum|mom|father|mother|stepdad|stepmum|stepmom|step dad|parents?|brother|sister|uncle|aunt|"
    r"grandad|grandpa|mums boyfriend|moms boyfriend|he|she|they|someone) (?:always |sometimes |keeps? |often )?"
    r"(?:hits?|beats?|hurts?|kicks?|punch(?:es)?|slaps?|chokes?|touches|locks?) me\b"
    r"|\b(?:scared|afraid|frightened) (?:to go|of going) home\b|\bnot safe at home\b|\bget hit at home\b"
    r"|\b(?:hit|hits|beat|beats|hurt|hurts|punched|slapped) (?:my )?(?:mum|mom|mother|sister|brother)\b"
    r"|\b(?:no|isnt any|isn't any|never any) food (?:at home|in the house)\b|\b(?:havent|haven't|have not) eaten since\b"
    # eighth reading, H7: violence, a thrown plate, "does things to me", a secret kept, at home or at school
    r"|\b(?:my (?:\w+ )?(?:dad|mum|mom|father|mother|stepdad|stepmum|stepmom|step dad|parents?|brother|sister|uncle|aunt|"
    r"grandad|grandpa|cousin|babysitter|teacher|coach|neighbou?r)|mums boyfriend|moms boyfriend|he|she|they|someone|somebody|"
    r"people|kids|boys|girls|some (?:kids|boys|girls)|the (?:other|older|big) (?:kids|boys|girls)|the others|a (?:boy|girl|kid)|"
    r"everyone) (?:all |always |sometimes |keep |keeps |often |just |then |also )?"
    r"(?:hit|beat|beat up|kicked|punched|pushed|shoved|slapped|choked|tripped|strangled|grabbed|touched|spat on|spit on|"
    r"push|shove|kick|punch|slap|trip|grab|touch|pushes|shoves|grabs|trips|bit|bite|bites|burned|burnt|threw \w+ at) me\b"
    r"(?! (?:to|into|a|an|some|up|back|home)\b)"  # "she pushed me to do better", "he grabbed me a snack"
    r"|\b(?:i (?:got|get|was|were|keep getting)|getting) (?:beaten|beat) up\b"
    r"|\b(?:dad|mum|mom|father|mother|stepdad|stepmum|stepmom|parents?|he|she) (?:\w+ ){0,6}"
    r"(?:threw|throws|smashed|smashes|broke|breaks) (?:a |the |my |our )?(?:plates?|glass(?:es)?|bottles?|chairs?|cups?|"
    r"things|stuff|everything|mugs?|the door|the tv|phone)\b"
    r"|\b(?:does|did|keeps doing|kept doing|is doing) (?:bad |weird |horrible |)(?:things|stuff) to me\b"
    r"|\b(?:makes|made) me (?:touch|do things|do stuff)\b"
    r"|\b(?:i'?m|im|i am) not allowed to tell(?: anyone| anybody| my (?:mum|mom|dad|parents|teacher)| mum| mom| you)?\W*$"
    r"|\b(?:he|she|they|my \w+) (?:said|says|told me) (?:i'?m not allowed to|not to|i can'?t|i cannot|i mustn'?t|never to) tell"
    r"|\b(?:it'?s|its|it is) our (?:little )?secret\b"
    r"|\bfasst(?:e)? mich\b.{0,30}\ban\b|\bmich (?:anfasst|angefasst|begrapscht|befummelt)\b"
    r"|\b(?:onkel|vater|papa|stiefvater|bruder|opa|cousin|er|sie|jemand|mama|mutter) (?:ber[üu]hrt|begrapscht|befummelt) mich\b"
    r"|\b(?:schl[äa]gt|schlagen|schlug|haut|hauen|tritt|treten|schubst|schubsen|verpr[üu]gelt|verpr[üu]geln) mich\b(?! (?:um|weg)\b)"
    r"|\b(?:hat|haben) mich (?:geschlagen|gehauen|getreten|geschubst|verpr[üu]gelt|angefasst)\b"
    r"|(?<!ça )(?<!ca )(?<!cela )\bme (?:frappe|frappent|frappait|frappaient|battent|bat|tapent|tapait|poussent|touche|touchent|"
    r"touchait)\b(?! (?:sur les nerfs|beaucoup|vraiment|au c))"
    r"|\bm'(?:a|ont|avait|avaient) (?:frapp[ée]e?s?|tap[ée]e?s?|battue?s?|pouss[ée]e?s?|touch[ée]e?s?|gifl[ée]e?s?)\b"
    r"|\bme (?:pega|pegan|peg[óo]|pegaron|golpea|golpean|golpe[óo]|golpearon|empujan|empujaron|patean|patearon)\b"
    r"|\bmi (?:picchia|picchiano|picchiava|menano|spingono|hanno (?:picchiato|menato|spinto|toccat[oa]))\b"
    r"|\bmi (?:prendono|prende) a (?:calci|pugni|schiaffi)\b|\bmi tocca (?:di notte|quando|dove|l[àa])"
    r"|\b(?:slaat|slaan|schopt|schoppen|duwen) me\b|\b(?:heeft|hebben) me (?:geslagen|geschopt|geduwd|aangeraakt)\b"
    r"|\b(?:bate|batem|bateu|bateram) em mim\b|\bme (?:bate|batem|bateu|bateram|empurram|empurraram|chutam|chutaram)\b"
    # ninth reading, M6: "some boys in my class keep taking my bag and pushing me in the corridor" got the safety
    # line, then a quick-fire round; "j'ai peur de rentrer ce soir" the same line as everything else
    r"|\b(?:keeps?|kept|keep on|are|were|is|was|been|always|start(?:ed)?) (?:\w+ ){0,5}(?:pushing|shoving|hitting|kicking|"
    r"punching|slapping|tripping|beating|hurting|choking) me\b"
    r"|\b(?:j'ai|j'avais) (?:trop |tr[èe]s )?peur de rentrer\b|\bich (?:habe|hab) angst,? (?:nach hause|heim) zu gehen\b"
    r"|\btengo miedo de (?:volver|ir|regresar) a (?:mi )?casa\b|\bho paura (?:di|a) tornare a casa\b"
    r"|\bik ben bang om naar huis te gaan\b|\btenho medo de (?:voltar|ir) (?:pra|para) casa\b"
    # ninth reading, M17: "o meu pai bate-me quando tenho más notas" (pt-PT: the pronoun after the verb) got a help line
    # and no alert; the regional forms of de-AT ("er haut mi", "a Watschn"), es-MX ("me madrea", "me da cinturonazos")
    # and fr-BE ("il me tape", "des baffes")
    r"|(?<!coração )(?<!coracao )\b(?:bate|bateu|batem|bateram|batia|batiam|espanca|espancou|espancam|espancava|agride|"
    r"agrediu|agridem|esbofeteia|esbofeteou|empurra|empurrou|empurram|pontapeia|pontapeou|chuta|chutou|estrangula|"
    r"estrangulou|arranha|belisca)-me\b"
    r"|\b(?:pai|m[ãa]e|padrasto|madrasta|tio|tia|av[ôóo]|irm[ãa]o|primo|namorado|ele|ela|algu[ée]m|professor|treinador|"
    r"vizinho|explicador) (?:\w+ ){0,2}(?:magoa|magoou|magoam|magoava|toca|tocou|tocava|mexe|mexeu|mexia|apalpa|apalpou)-me\b"
    r"(?! (?:a mim|o cora[çc][ãa]o|muito)\b)"
    r"|\b(?:d[áa]|deu|d[ãa]o|deram|dava)-me (?:uma |umas |muita |muitas )?(?:chapadas?|estaladas?|bofetadas?|tareias?|"
    r"porrada|pancada|murros?|pontap[ée]s|cintadas?|lambadas?)\b"
    r"|\b(?:levo|apanho|levei|apanhei|levo sempre|apanho sempre) (?:uma |umas |muita )?(?:porrada|pancada|chapadas?|"
    r"estaladas?|bofetadas?|cintadas?) (?:em casa|do meu|da minha|dele|dela|quando)"
    r"|\b(?:faz|fez|fazia)-me coisas\b|\b(?:obriga|obrigou|obrigava)-me a (?:tocar|fazer coisas|despir)"
    r"|\bn[ãa]o me sinto segur[oa] em casa\b|\bn[ãa]o estou segur[oa] em casa\b"
    r"|\b(?:haut|hauen|schlagt|schl[äa]gt|schlagen|watscht|watschen|tritt|treten|schubst) mi\b(?! (?:um|weg)\b)"
    r"|\b(?:gibt|gab|geben|gaben|hat|haben) mir (?:\w+ ){0,2}(?:watsch\w*(?:'n)?|ohrfeigen?|schellen?|backpfeifen?|"
    r"fotz(?:e|en|n)|kopfn[üu]sse?)\b"
    r"|\b(?:hat|haben) mir (?:\w+ )?eine (?:geschmiert|gescheuert|runtergehauen|reingehauen|gelangt|geknallt|geschossen)\b"
    r"|\b(?:krieg|kriege|kriag|bekomm|bekomme|krieg ich|kriag i) (?:\w+ ){0,2}(?:schl[äa]ge|pr[üu]gel|watsch\w*|ohrfeigen|"
    r"fotzn)\b|\bwatsch(?:t|en|n)? mi(?:ch)?\b"
    r"|\bme (?:madrea|madrean|madre[óo]|madrearon|cachetea|cachetean|cachete[óo]|manosea|manosean|manose[óo]|maltrata|"
    r"maltratan|maltrat[óo]|lastima|lastiman|lastim[óo]|zarandea|jalonea|ahorca|ahorc[óo]|azota|azotan)\b"
    r"|\bme (?:da|dan|dio|dieron|daba|pone|ponen|puso) (?:\w+ )?(?:cinturonazos|chingadazos|madrazos|cachetadas|bofetadas|"
    r"nalgadas|golpes|patadas|pu[ñn]etazos|una golpiza|golpizas|una paliza|palizas|una madriza|chanclazos|manazos)\b"
    r"|\b(?:t[íi]o|padrastro|pap[áa]|padre|abuelo|primo|hermano|novio|[ée]l|alguien|maestro|profe|vecino) (?:\w+ ){0,2}"
    r"me (?:toca|toc[óo]|tocaba|manosea)\b(?! (?:a m[íi]|el turno|ir|hacer|jugar|pagar|a mi)\b)"
    r"|(?<!ça )(?<!ca )\bme (?:tape|cogne|cognent|gifle|giflent|tabasse|tabassent|maltraite|maltraitent)\b"
    r"(?! (?:sur les nerfs|sur le syst[èe]me)\b)"
    r"|\b(?:me (?:donne|donnent|file|filent|met|mettent|fout|foutent)|m'(?:a|ont|avait) (?:donn[ée]|fil[ée]|mis|foutu)) "
    r"(?:des|une|un|plein de) (?:baffes?|claques?|gifles?|coups?|racl[ée]es?|torgnoles?|beignes?|mandales?|tartes?|"
    r"fess[ée]es?|coups de ceinture)\b(?! (?:aux|au|[àa] la)\b)")
"""Harm or neglect at home ("my dad hit my mum", "there's no food at home"); situations.py's abuse and someone
else's emergency or risk count too ("a kid said hes going to stab me after school": fifth reading)."""
HOME = re.compile(
    r"\b(?:my )?(?:parents|mum and dad|mom and dad|dad and mum|mom and stepdad|mum and stepdad) (?:are |were |keep |have been |"
    r"always |)(?:getting (?:a )?divorced?|divorcing|splitting up|separating|breaking up|"
    # sixth reading, H8: "my parents were fighting again all night"
    r"(?:fighting|arguing|shouting|screaming|yelling)|(?:had|have) (?:a |another )?(?:big )?(?:fight|row|argument))\b"
    r"|\b(?:shouting|screaming|fighting|yelling|arguing) at home\b"
    # ninth reading, M6: "mis padres gritan mucho" got a step down and a new question
    r"|\bmeine eltern (?:streiten|schreien|brüllen|trennen sich|lassen sich scheiden)\b"
    r"|\bmes parents (?:se disputent|crient|se crient dessus|se battent|divorcent|se s[ée]parent)\b"
    r"|\bmis padres (?:gritan|se gritan|pelean|se pelean|discuten|se separan|se divorcian|se est[áa]n divorciando)\b"
    r"|\bi miei (?:genitori )?(?:litigano|urlano|si urlano|si separano|divorziano)\b"
    r"|\bmijn ouders (?:hebben ruzie|maken ruzie|ruzi[ëe]n|schreeuwen|gaan scheiden|gaan uit elkaar)\b"
    r"|\bmeus pais (?:brigam|gritam|est[ãa]o brigando|v[ãa]o se separar|est[ãa]o se separando)\b"
    r"|\bos meus pais (?:discutem|gritam|zangam-se|est[ãa]o sempre a (?:discutir|gritar|brigar)|est[ãa]o a (?:divorciar-se|"
    r"separar-se)|v[ãa]o (?:divorciar-se|separar-se))")
ANGRY_AT_HOME = re.compile(
    r"\bmy (?:mum|mom|mother|dad|father|parents|stepdad|stepmum|stepmom|mum and dad|mom and dad) "
    r"(?:will|is going to|are going to|gonna|would|'ll) (?:be )?(?:so |really |very |super )?"
    r"(?:angry|mad|furious|cross|kill me|shout at me|yell at me|hit me)\b")
"""Fear of a parent's anger ("my mum will be so angry"): asked whether they are safe at home (sixth reading, H8)."""
TEST_WORRY = re.compile(
    r"\b(?:scared|afraid|worried|nervous|anxious|terrified|stressed|panicking|freaking out)\b.{0,40}"
    r"\b(?:fail|failing|test|exam|quiz|grades?|marks?|results?|sats)\b"
    r"|\b(?:test|exam|quiz|sats)\b.{0,40}\b(?:scared|afraid|worried|nervous|anxious|terrified|stressed|panicking)\b"
    r"|\b(?:angst|peur|miedo|paura|bang|medo)\b.{0,40}\b(?:test|pr[üu]fung|arbeit|examen|contr[ôo]le|esame|verifica|"
    r"toets|prova|teste)\b")
"""Test anxiety ("i have a test tomorrow and i'm really scared i'll fail"; sixth reading, H8)."""
_ABOUT_THE_LESSON = (r"(?!.{0,40}\b(?:wrong|fractions?|maths?|math|answers?|mistakes?|questions?|exercises?|this one|"
                     r"tests?|exams?|quiz|fail\w*|falsch|br[üu]che?n?|tromper|fractions?|equivoc\w*|fracci\w+|sbagli\w*|"
                     r"frazion\w+|fout|breuk\w*|errar|fra[çc]\w+)\b)")
_ORDINARY_FEARS = (
    r"spiders?|the dark|dark|dogs?|heights|snakes?|bees?|wasps?|clowns?|ghosts?|monsters?|zombies?|thunder(?:storms?)?|"
    r"storms?|lightning|needles|injections|jabs|the dentist|dentists?|sharks?|insects?|bugs?|mice|rats?|worms?|frogs?|"
    r"birds?|moths?|cockroaches|(?:horror|scary) (?:films?|movies?)|roller ?coasters?|flying|planes|lifts|elevators|"
    r"deep water|jellyfish|balloons|fireworks|"
    r"spinnen|dunkelheit|dunkeln|hunden?|h[öo]hen?|schlangen|bienen|wespen|geistern|monstern|gewittern?|donner|spritzen|"
    r"zahnarzt|haien|insekten|m[äa]usen|ratten|achterbahnen?|fliegen|horrorfilmen|"
    r"araign[ée]es|noir|chiens?|vide|serpents?|abeilles|gu[êe]pes|fant[ôo]mes|monstres|orages?|tonnerre|piq[ûu]res|"
    r"dentiste|requins|insectes|souris|films d'horreur|avion|"
    r"ara[ñn]as|oscuridad|perros?|alturas|serpientes|culebras|abejas|avispas|payasos|fantasmas|monstruos|truenos|"
    r"tormentas|agujas|inyecciones|tiburones|bichos|ratones|ratas|cucarachas|pel[íi]culas de (?:miedo|terror)|volar|"
    r"ragni|buio|cani|altezz[ae]|serpenti|api|vespe|pagliacci|mostri|tuoni|temporali|aghi|punture|squali|insetti|topi|"
    r"scarafaggi|film horror|volare|aereo|"
    r"donker|honden|hoogte|slangen|bijen|spoken|onweer|naalden|prikken|tandarts|haaien|insecten|muizen|kakkerlakken|"
    r"horrorfilms|vliegen|"
    r"aranhas|escuro|c[ãa]es|cachorros?|altura|cobras|abelhas|palha[çc]os|monstros|trov[õo]es|trovoada|agulhas|"
    r"inje[çc][õo]es|tubar[õo]es|insetos|baratas|ratos|filmes de terror|avi[ãa]o|voar")
_OF_AN_ORDINARY_FEAR = (r"\W*(?:of|vor|im|in het|voor|des|du|de|d'|a|al|aux|dei|degli|delle|del|della|dello|dell'|di|do|da|dos|"
                        r"das)(?:\s+|(?<='))(?:(?:the|all|big|huge|les|la|le|los|las|el|i|gli|het|de|os|as|o|a|dem|der|"
                        r"den|die)\s+|l')?(?:" + _ORDINARY_FEARS + r")\b"
                        # "... of the dark when my dad is drunk" is about home
                        r"(?!.{0,60}\b(?:my|me|mum|mom|dad|father|mother|parents?|home|alone|drunk|hits?|hurts?|shout\w*|"
                        r"mein\w*|papa|mama|mon|ma|mes|mi|mis|mio|mia|mijn|meu|minha|casa|maison|hause|thuis|allein|alleen|"
                        r"seule?|sol[oa]|sozinh[oa])\b)")
_NO_ORDINARY_FEAR = r"(?!" + _OF_AN_ORDINARY_FEAR + r")"
"""Not a fear of spiders, the dark or dogs: "i'm scared of spiders" stopped the lesson as a worry about home (ninth
reading, follow-up); it gets a light, kind reply and the lesson goes on (``LIGHT_FEAR``)."""
LIGHT_FEAR = re.compile(r"\b(?:scared|afraid|frightened|terrified|fear|angst|peur|miedo|paura|bang|medo)" + _OF_AN_ORDINARY_FEAR)
"""A fear of spiders, the dark, dogs or heights, in seven languages: common, and no worry about home or safety."""
WORRY = re.compile(
    # scared, worried or crying, not about the lesson ("i'm scared i'll get it wrong" is no worry about home)
    r"\b(?:i'?m|im|i am|i feel|i get|i'?ve been|feeling|i was) (?:really |so |very |a bit |a little |kinda |super |quite |"
    r"too |just |still )?(?:scared|frightened|terrified|worried|anxious)\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|^\W*(?:i'?m |im |i am )?(?:really |so )?(?:scared|afraid|frightened|terrified)\W*$"
    r"|\b(?:can'?t|cant|cannot) stop crying\b|\bi'?(?:m|ve been) crying\b|\bi (?:keep|kept) crying\b"
    r"|\b(?:she|he|they|mum|mom|dad|my \w+) (?:was|is|were|are|keeps?|kept|has been|started|had been) crying\b"
    r"|\b(?:dad|mum|mom|father|mother|parents?|brother|sister|stepdad|stepmum|stepmom)\b.{0,20}\b(?:didn'?t|didnt|did not|"
    r"hasn'?t|hasnt|has not|never|won'?t|wont) (?:come|came|get|got) (?:back )?home\b"
    r"|\b(?:dad|mum|mom|father|mother|grandma|grandpa|granny|grandad|nan|nana|gran|brother|sister|parents?|baby)"
    r" (?:is|was|went|has gone|got taken|has been taken|are|were|is still|had to go) (?:in|into|to) (?:the )?hospital\b"
    r"|\b(?:scared|afraid|worried|frightened|terrified) (?:that )?(?:he|she|they|my \w+|mum|mom|dad) (?:will|might|is going to|"
    r"could|gonna|is gonna) (?:die|not come back|not wake up|leave)\b"
    # the six other languages the tutor speaks (ninth reading, M6: "ho paura che muoia", "tengo miedo", "la mia mamma
    # è in ospedale" got "let's park that" or the pizza)
    r"|\bich (?:habe|hab) (?:so |solche |voll |total |echt |gro[ßs]e |richtig )?angst\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bich mache mir (?:gro[ßs]e |solche )?sorgen\b|\bich kann nicht aufh[öo]ren zu weinen\b"
    r"|\b(?:mama|mutter|papa|vater|oma|opa|bruder|schwester) (?:ist|liegt|musste) (?:\w+ )?(?:im|ins) krankenhaus\b"
    r"|\b(?:papa|vater|mama|mutter) ist (?:\w+ ){0,2}nicht (?:nach hause|heim) ?gekommen\b|\bdass (?:er|sie) stirbt\b"
    r"|\bj'ai (?:tr[èe]s |tellement |trop |super )?peur\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bje m'inqui[èe]te\b|\bje suis (?:tr[èe]s |trop |super )?(?:inqui[èe]te?|angoiss[ée]e?)\b"
    r"|\bj'(?:arr[êe]te|arrive) pas (?:de|[àa]) (?:arr[êe]ter de )?pleurer\b|\bje n'arr(?:[êe]te|ive) pas (?:de|[àa]) (?:arr[êe]ter de )?pleurer\b"
    r"|\b(?:maman|ma m[èe]re|papa|mon p[èe]re|mamie|papi|mon fr[èe]re|ma s(?:oe|œ)ur) est [àa] l'h[ôo]pital\b"
    r"|\b(?:papa|mon p[èe]re|maman|ma m[èe]re) (?:n'est|est) pas rentr[ée]e?\b|\bqu'(?:il|elle) meure\b"
    r"|\btengo (?:mucho |much[íi]simo )?miedo\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bestoy (?:muy )?(?:asustad[oa]|preocupad[oa])\b|\bno puedo (?:dejar de|parar de) llorar\b"
    r"|\b(?:mam[áa]|madre|pap[áa]|padre|abuel[oa]|herman[oa]) est[áa] en el hospital\b"
    r"|\b(?:pap[áa]|padre|mam[áa]|madre) no (?:ha )?(?:vino|volvi[óo]|ha vuelto|lleg[óo]|ha llegado) a casa\b|\bque se muera\b"
    r"|\bho (?:tanta |molta |troppa |una gran )?paura\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bsono (?:molto |tanto )?(?:preoccupat[oa]|spaventat[oa])\b|\bnon riesco a smettere di piangere\b"
    r"|\b(?:mamma|madre|pap[àa]|padre|nonn[oa]|fratello|sorella) [èe] (?:\w+ )?in ospedale\b"
    r"|\b(?:pap[àa]|padre|mamma|madre) non [èe] tornat[oa] a casa\b|\bche (?:muoia|morir[àa])\b"
    r"|\bik ben (?:zo |heel |erg |echt )?(?:bang|ongerust|bezorgd)\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bik kan niet stoppen met huilen\b|\b(?:moeder|mama|vader|papa|oma|opa|broer|zus) (?:ligt|is) in het ziekenhuis\b"
    r"|\b(?:papa|vader|mama|moeder) is (?:\w+ )?niet thuisgekomen\b|\bdat (?:hij|zij|ze) doodgaat\b"
    r"|\b(?:estou|to|tô|t[ôo]) com (?:muito )?medo\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\btenho (?:muito )?medo\b" + _ABOUT_THE_LESSON + _NO_ORDINARY_FEAR +
    r"|\bestou (?:muito )?(?:preocupad[oa]|assustad[oa])\b|\bn[ãa]o consigo parar de chorar\b"
    r"|\b(?:m[ãa]e|mam[ãa]e|pai|papai|av[óô]|irm[ãa]o?) (?:est[áa]|t[áa]) no hospital\b"
    r"|\b(?:pai|m[ãa]e) n[ãa]o (?:voltou|veio) (?:pra|para) casa\b|\bque (?:ele|ela) morra\b")
"""Fear, worry or distress about home, family or safety ("my dad didnt come home last night", "i'm scared", "ho paura
che muoia", "la mia mamma è in ospedale", "i cant stop crying"): the lesson stops, the student is asked what is
happening, and it waits while they talk (ninth reading, M6: each got maths)."""
DISAPPEAR = re.compile(
    r"\b(?:i (?:should|want to|wanna|wish i could|just want to|might as well|could just)|i'?d rather) (?:just )?"
    r"(?P<word>disappear|vanish|not exist|not be here|stop existing|be gone|not wake up)\b"
    r"|\bi wish i (?:was|were|wasn'?t|weren'?t) (?P<wish>never born|not born|not here|not alive|dead|gone)\b"
    r"|\b(?P<better>every ?one would be better off without me)\b"
    # eighth reading, H7: "nessuno si accorgerebbe se sparissi" was parked as off-task; the seven languages
    r"|\b(?:no ?one|nobody) would (?:even )?(?:notice|care|miss me) if i (?:disappeared|was gone|were gone|died|wasn'?t here)\b"
    r"|\bnessuno (?:si accorgerebbe|se ne accorgerebbe|noterebbe|sentirebbe la mia mancanza) se (?:sparissi|morissi|non ci fossi)"
    r"|\b(?:vorrei|voglio) (?:solo )?(?:sparire|non esistere|non esserci pi[ùu])"
    r"|\bnadie (?:se dar[íi]a cuenta|lo notar[íi]a|me echar[íi]a de menos) si (?:desapareciera|me muriera|no estuviera)"
    r"|\b(?:quiero|quisiera) (?:solo )?(?:desaparecer|no existir|no estar aqu[íi])"
    r"|\bpersonne ne (?:remarquerait|verrait|s'en rendrait compte)(?: rien)? si je (?:disparaissais|mourais|n'[ée]tais plus l[àa])"
    r"|\bje (?:veux|voudrais) (?:juste )?(?:dispara[îi]tre|ne plus exister|ne plus [êe]tre l[àa])"
    r"|\bniemand w[üu]rde (?:es )?(?:merken|bemerken),? wenn ich (?:weg w[äa]re|verschwinden w[üu]rde|verschwinde|tot w[äa]re)"
    r"|\bich (?:will|m[öo]chte|w[üu]rde am liebsten) (?:einfach )?(?:verschwinden|nicht mehr da sein|nicht mehr leben)"
    r"|\bniemand zou het (?:merken|missen) als ik (?:verdween|er niet meer was|dood was)"
    r"|\bik wil (?:gewoon )?(?:verdwijnen|er niet meer zijn|niet meer bestaan)"
    r"|\bningu[ée]m (?:ia|iria|vai) (?:perceber|notar|sentir falta)(?: de mim)? se eu (?:sumisse|desaparecesse|morresse)"
    r"|\b(?:quero|queria) (?:s[óo] )?(?:sumir|desaparecer|n[ãa]o existir)")
"""Words of not wanting to be here, below the crisis detector's threshold ("i'm so stupid i should just
disappear", risk 0.129): a check-in, and the lesson waits for its answer (sixth reading, H9)."""
SELF_HARM = re.compile(
    r"\bi (?:sometimes |often |always |still |keep |have |'ve |)(?:cut|cutting|burn|burning|scratch|scratching|hurt|hurting|"
    r"hit|hitting|bite|biting|punch|punching) myself\b"
    r"(?!.{0,40}\b(?:by accident|accidentally|by mistake|playing|fell|falling|tripped|on (?:a|the|some) \w+)\b)"
    r"|\bi (?:sometimes |often |always |still |keep |have |'ve |)(?:cut|cutting|scratch|scratching|burn|burning) "
    r"my (?:arms?|wrists?|legs?|skin|thighs?|stomach)\b"
    r"|\b(?:i )?self[- ]?harm(?:ing)?\b|\bi(?:'ve| have) been (?:cutting|hurting myself)\b"
    r"|\bich (?:ritze|schneide|verletze) mich\b|\bich tu(?:e)? mir (?:selbst )?weh\b|\bich ritze\b"
    r"|\bje me (?:coupe|scarifie|fais du mal|br[ûu]le)\b|\bje me suis (?:coup[ée]e?|scarifi[ée]e?|fait du mal)\b(?! en)"
    r"|\bme (?:corto|cort[ée]|he cortado) (?:los |el |las |la )?(?:brazos?|mu[ñn]ecas?|piernas?|piel)\b"
    r"|\bme (?:hago|hice) da[ñn]o\b|\bme lastimo (?:a m[íi] mism[oa]|a prop[óo]sito)"
    r"|\bmi (?:taglio|sono tagliat[oa]|faccio del male|ferisco)\b(?! (?:i capelli|le unghie))"
    r"|\bik (?:snij|kras|verwond) (?:mezelf|mijzelf|in mijn)\b|\bik doe mezelf pijn\b"
    r"|\bme (?:corto|cortei|machuco|machuquei)(?: (?:os |o |as |a )?(?:bra[çc]os?|pulsos?|pernas?)| de prop[óo]sito"
    r"| quando| [àa]s vezes|\W*$)|\beu me (?:corto|machuco)\b(?! (?:o cabelo|jogando|sem querer))")
"""Self-harm the student tells of ("sometimes i cut my arm when i get things wrong"; eighth reading, H7): thanked,
asked whether they are safe, a person from the team alerted, and the lesson waits."""
SELF_HATE = re.compile(
    r"\bi (?:really |just |honestly |literally |kinda |so |actually )?(?:hate|h8|despise|can'?t stand) (?:myself|me|who i am"
    r"|being me|my ?self)\b|\b(?:i'?m|im|i am) (?:so |such |just |really )*(?:worthless|a waste of space"
    r"|a failure)\b(?! at (?:this|maths?|fractions))"
    r"|\bich hasse mich(?: selbst)?\b|\bich bin (?:so |total |einfach )?(?:wertlos|ein versager|eine versagerin)\b"
    r"|\bje me (?:d[ée]teste|hais)\b|\bje (?:ne )?vaux rien\b|\bje suis (?:une? )?(?:moins que rien|rat[ée]e?)\b"
    r"|\bme odio(?: a m[íi] mism[oa])?\b|\bno valgo (?:nada|para nada)\b|\bsoy (?:un[oa]? )?fracasad[oa]\b"
    r"|\bmi odio\b|\bodio me stess[oa]\b|\bnon valgo (?:niente|nulla)\b|\bsono (?:un[oa]? )?(?:fallit[oa]|buon[oa] a nulla)\b"
    r"|\bik haat mezelf\b|\bik haat mijzelf\b|\bik ben (?:zo )?waardeloos\b|\bik ben een mislukkeling\b"
    r"|\b(?:eu )?me odeio\b|\bodeio-me\b|\bn[ãa]o valho nada\b|\bsou (?:um |uma )?(?:lixo|fracassad[oa])\b")
"""Self-hatred ("i hate myself", "ich hasse mich", "je me déteste", "me odio", "mi odio", "ik haat mezelf", "eu me
odeio"): noticed, with or without a stop for today (reading 12, M4: "i hate maths and i hate myself" after "stop" got
"Rest well"), and the lesson waits while the student talks (``pending`` "worry")."""
DID_IT = (r"(?:\bi (?:did|do|done) it\b|\bi'?ve done it\b|\bi (?:cut|hurt) myself\b|\blo (?:hice|hago|he hecho)\b"
          r"|\bme (?:cort[ée]|lo hice)\b|\bje (?:l'ai (?:re)?fait|le fais|le refais)\b|\bje me suis coup[ée]e?\b"
          r"|\bich (?:hab|habe)(?:'s| es| das| mich)\b|\bhab'?s\b|\bich (?:mach|mache) (?:es|das)\b|\bgeritzt\b"
          r"|\bl'ho (?:ri)?fatto\b|\blo faccio\b|\bmi sono tagliat[oa]\b|\bik (?:heb het|deed het|doe het)\b"
          r"|\b(?:eu )?fiz(?: isso)?\b|\beu fa[çc]o\b|\bme cortei\b)")
RECENTLY = (r"\b(?:yesterday|last night|this morning|today|earlier today|again|on the weekend|gestern|heute|letzte nacht|wieder|"
            r"hier|ce matin|aujourd'hui|cette nuit|encore|ayer|anoche|hoy|esta ma[ñn]ana|otra vez|de nuevo|ieri|oggi|"
            r"stamattina|stanotte|di nuovo|ancora|gisteren|vandaag|vanochtend|vannacht|weer|opnieuw|ontem|hoje|de novo|"
            r"esta manh[ãa])\b")
RECENT_HARM = re.compile(DID_IT + r".{0,40}" + RECENTLY + "|" + RECENTLY + r".{0,40}" + DID_IT
                         + r"|^\W*(?:(?:yes|yeah|ja|oui|s[íi]|sim)\W+)?" + RECENTLY + r"(?: (?:too|also|auch|aussi|tambi[ée]n|anche|ook|tamb[ée]m))?\W*$")
"""A follow-up that tells of self-harm done recently, read only after the tutor asked whether the student is
safe ("i did it yesterday", "lo hice ayer" got "let's park that": eighth reading, H7); "i did it!" after a correct
answer is no such thing."""
NOT_SAFE = re.compile(
    r"^\W*(?:no|nope|nah|not really|no i'?m not|i'?m not|im not|not safe|i'?m not safe|nein|nicht wirklich|"
    r"non|pas vraiment|no mucho|no molto|nee|niet echt|n[ãa]o|nao)\W*$")
""""No" to "are you safe right now?" (the safety line): the lesson waits and a person from the team is alerted."""
STOP = re.compile(
    r"\b(?:can we|could we|can i|i want to|i wanna|let'?s|lets|please) (?:just )?(?:stop|finish|end|quit|be done)"
    r"(?: (?:for today|now|here|this|the lesson))?\b|\bstop for today\b|\b(?:i'?m|im|i am) done for today\b"
    r"|^\W*(?:stop|i'?m done|im done|i am done|i quit|quit|i want to quit|i wanna quit|enough|enough for today)\W*$"
    r"|\b(?:i'?m|im|i am) (?:so )?(?:tired|sleepy)\b.{0,30}\b(?:bed|sleep|stop)\b"
    # the six other languages the tutor reads (sixth reading, H10: "je suis fatiguée, on peut arrêter ?")
    r"|\b(?:k[öo]nnen wir|ich (?:will|m[öo]chte)|lass uns|d[üu]rfen wir) (?:jetzt |bitte )?(?:aufh[öo]ren|schluss machen)"
    r"|\bh[öo]ren wir auf\b|\b(?:genug|schluss) f[üu]r heute\b"
    r"|\b(?:on peut|je peux|je veux|j'ai envie d'|on pourrait|est-ce qu'on peut) (?:s')?(?:arr[êe]ter|finir)"
    r"|\barr[êe]tons\b|\b(?:c'est )?(?:assez|fini) pour aujourd'hui\b"
    r"|\b(?:podemos|puedo|quiero|quisiera|vamos a) (?:parar|terminar|dejarlo|acabar)|\bparemos\b|\bbasta por hoy\b"
    r"|\b(?:possiamo|posso|voglio|vorrei) (?:smettere|fermarci|finire|basta)|\bbasta per oggi\b|\bsmettiamo\b"
    r"|\b(?:kunnen we|mag ik|ik wil|laten we) (?:nu )?(?:stoppen|ophouden)|\bgenoeg voor vandaag\b"
    r"|\b(?:podemos|posso|quero|vamos) (?:parar|terminar|acabar)|\bchega por hoje\b")
BREAK = re.compile(
    r"\b(?:(?:can|could|may) (?:i|we) (?:take|have|get) a (?:short |quick |little |small )?break"
    r"|(?:i|we) (?:need|want|wanna|could use) a (?:short |quick |little |small )?break|(?:take|have) a (?:short |quick )?break"
    r"|(?:stop|pause) for a (?:bit|minute|moment|sec|second|few minutes)|need a breather|brb|be right back"
    r"|(?:eine |kurze )pause|pause machen|(?:une|faire une|petite) pause|un descanso|descansar un poco|una pausa|"
    r"(?:een|even) pauze|pauze (?:nemen|houden)|uma pausa|um intervalo|descansar um pouco"
    # sixth reading, H10: the six other languages in their everyday forms
    r"|(?:k[öo]nnen wir|kann ich|darf ich) (?:kurz )?(?:eine )?pause|(?:je peux|on peut|on fait) (?:faire )?une pause"
    r"|(?:podemos|puedo|posso|possiamo) (?:descansar|riposare|fare una pausa)|(?:mag ik|kunnen we) (?:even )?pauze)\b"
    r"|^\W*(?:a )?(?:break|pause|pauze|pausa|descanso)(?: please| pls| bitte| s'il te pla[iî]t| por favor| per favore)?\W*$")
"""A short break asked for ("can i take a break", "brb", "eine Pause"): the place is kept (third reading, M21)."""
# "tired of this" is no sleepiness
_NOT_OF_SOMETHING = r"(?!\s+(?:of|with|de|d'|di|del|della|van|von|mit|com|do|da|con)\b)"
TIRED = re.compile(
    r"\b(?:i'?m|im|i am|i feel|i'?m feeling|feeling) (?:so+ |really |very |super |too |just |kinda |a bit |soo+ |rly |dead )*"
    r"(?:tired|sleepy|exhausted|knackered|shattered|worn out|wiped(?: out)?|drained|zonked|burnt out|burned out)\b"
    + _NOT_OF_SOMETHING +
    r"|\b(?:ich bin|bin|ich f[üu]hle mich) (?:so |total |voll |echt |sehr |mega |richtig |einfach |gerade |v[öo]llig |"
    r"komplett )*(?:m[üu]de|ersch[öo]pft|hundem[üu]de|todm[üu]de|totm[üu]de|sterbensm[üu]de|[üu]berm[üu]det|kaputt|platt"
    r"|fix und fertig|k\.?o\.?)(?!\w)"
    r"|\b(?:je suis|j'suis|chu|chuis|je me sens) (?:tellement |trop |super |tr[èe]s |vraiment |si |grave |compl[èe]tement )*"
    r"(?:fatigu[ée]e?|crev[ée]e?|[ée]puis[ée]e?|[ée]reint[ée]e?|claqu[ée]e?|naze|vann[ée]e?|lessiv[ée]e?|ext[ée]nu[ée]e?"
    r"|mort(?:e)? de fatigue|[àa] plat|k\.?o\.?)(?!\w)" + _NOT_OF_SOMETHING +
    r"|\b(?:estoy|toy|me siento) (?:muy |tan |re |super |bastante |bien |completamente )*(?:cansad[oa]|agotad[oa]"
    r"|cansad[íi]sim[oa]|agotad[íi]sim[oa]|reventad[oa]|hech[oa] polvo|rendid[oa]|molid[oa]|fundid[oa]|destrozad[oa]"
    r"|muert[oa] de (?:sue[ñn]o|cansancio))\b"
    + _NOT_OF_SOMETHING + r"|\btengo (?:mucho |much[íi]simo )?sue[ñn]o\b"
    r"|\b(?:sono|mi sento) (?:cos[ìi] |troppo |molto |super |davvero |proprio |completamente )*"
    r"(?:stanc[oa]|stanchissim[oa]|distrutt[oa]|esaust[oa]|sfinit[oa]|cott[oa]|a pezzi|stanc[oa] mort[oa])\b"
    + _NOT_OF_SOMETHING + r"|\bho (?:tanto |troppo |molto )?sonno\b"
    r"|\bik (?:ben|voel me) (?:zo |echt |heel |super |erg |hartstikke |ontzettend |helemaal )*(?:moe|doodmoe|uitgeput"
    r"|slaperig|kapot|bekaf|gesloopt|afgepeigerd|uitgeteld|kapot ?moe)\b|\bik heb slaap\b"
    r"|\b(?:estou|eu estou|t[ôo]|eu t[ôo]|to|t[áa]|me sinto|sinto-me) (?:muito |t[ãa]o |super |m[óo] |bem |completamente )*"
    r"(?:cansad[oa]|cansad[íi]ssim[oa]|exaust[oa]|esgotad[oa]|estafad[oa]|acabad[oa]|mort[oa] de cansa[çc]o"
    r"|podre de cansa[çc]o|morrendo de sono|morto de sono|morta de sono|com sono)\b"
    + _NOT_OF_SOMETHING + r"|\btenho (?:muito )?sono\b"
    # reading 12, M6: the intensified forms alone ("cansadísimo", "stanchissima", "doodmoe", "totmüde", "crevé")
    r"|^\W*(?:so+ |really |very |super |too |soo+ |dead |total |voll |mega |trop |tellement |muy |re |troppo |zo |"
    r"heel |muito |t[ãa]o )*(?:exhausted|knackered|shattered|dead tired|todm[üu]de|totm[üu]de|hundem[üu]de|sterbensm[üu]de"
    r"|ersch[öo]pft|crev[ée]e?|[ée]puis[ée]e?|mort(?:e)? de fatigue|cansad[íi]sim[oa]|agotad[íi]sim[oa]|reventad[oa]"
    r"|muert[oa] de (?:sue[ñn]o|cansancio)|stanchissim[oa]|stanc[oa] mort[oa]|sfinit[oa]|doodmoe|bekaf|afgepeigerd"
    r"|cansad[íi]ssim[oa]|exaust[oa]|mort[oa] de cansa[çc]o|podre de cansa[çc]o|morrendo de sono)\W*$")
"""Tiredness, in the seven languages ("im so tired", "ich bin so müde", "chu fatigué", "tengo sueño") and their intensified
forms ("estoy cansadísimo", "sono stanca morta", "ik ben bekaf", "tô morto de cansaço": reading 12, M6, a step down and a
new exercise): a break or a stop for today is offered, never a quick-fire round (reading 11, M7: "im so tired" at 11 pm
got one); "so sleepy" alone is left to the reading of boredom."""
KEEP_SECRET = re.compile(
    r"\b(?:don'?t|dont|do not|never|pls don'?t|please don'?t) (?:tell|say (?:it |this |anything )?to) "
    r"(?:any ?one|any ?body|no ?one|nobody|my \w+|mum|mom|dad|him|her|them|the police|the teacher|the school|"
    r"social services)\b"
    r"|\b(?:promise|swear|say|tell me) (?:you|u) (?:won'?t|wont|will not|wouldn'?t) tell\b"
    r"|\bkeep (?:it|this) (?:a )?secret\b"
    r"|\b(?:you )?(?:can'?t|cant|cannot|mustn'?t|must not|shouldn'?t) tell (?:any ?one|any ?body|my \w+)\b"
    r"|^\W*(?:please |pls )?(?:don'?t|dont|do not) tell\W*$"
    r"|\b(?:sag|erz[äa]hl|verrat)e? (?:es |das )?(?:bitte )?(?:niemandem|keinem|keinem menschen)\b|\bnicht weitersagen\b"
    r"|\bbitte (?:sag|erz[äa]hl|verrat)e? (?:es |das )?nicht\b"
    r"|\bne (?:le |l')?(?:dis|r[ée]p[èe]te|raconte) (?:rien )?(?:[àa] personne|pas)\b"
    r"|\bdis(?:-le)? (?:rien )?[àa] personne\b"
    r"|\bgarde (?:le|[çc]a|ce) secret\b|\btu (?:ne )?(?:le )?diras? (?:rien )?[àa] personne\b"
    r"|\bno (?:se |le |lo |les |me )*(?:digas|cuentes|contes|digan)\b.{0,20}"
    r"\b(?:nadie|nada|mi (?:mam[áa]|pap[áa]|madre|padre))\b"
    r"|\bguarda (?:el |este |un )?secreto\b"
    r"|\bnon (?:lo )?(?:dirlo|dire|raccontarlo|raccontare|dirglielo|dirla)\b.{0,20}"
    r"\b(?:nessuno|niente|mia madre|mio padre)\b"
    r"|\b(?:vertel|zeg) (?:het |dit )?(?:aan |tegen )?niemand\b|\bniet (?:door)?vertellen\b"
    r"|\bn[ãa]o (?:conta|contes|conte|fala|fales|fale|diga|digas)\b.{0,20}\b(?:ningu[ée]m|nada|minha m[ãa]e|meu pai)\b"
    r"|\bguarda (?:segredo|isso em segredo)\b")
"""A wish that the tutor keep a disclosure secret ("please dont tell anyone", "sag es niemandem", "ne le dis à
personne", "no se lo digas a nadie"), in seven languages."""
OKAY = re.compile(
    r"^\W*(?:yes|yeah|yep|ya|ok|okay|fine|good|better|safe|i'?m (?:ok|okay|fine|good|better|safe)|im (?:ok|okay|fine|good|better|safe)"
    r"|i am (?:ok|okay|fine|good|better|safe)|i told (?:my|a|the) \w+"
    # the six other languages the tutor speaks ("ja, mir geht's gut" had read as not okay: the team alerted)
    r"|ja|jap|jo|mir geht'?s (?:gut|besser)|es geht mir (?:gut|besser)|alles (?:gut|ok|okay|klar)|gut|besser"
    r"|oui|ouais|[çc]a va(?: mieux)?|je vais (?:bien|mieux)|tout va bien"
    r"|s[iíì]|estoy (?:bien|mejor)|todo bien|bien|mejor"
    r"|sto (?:bene|meglio)|tutto (?:bene|ok)|bene|meglio"
    r"|het gaat(?: wel)?(?: goed| beter)?|alles (?:goed|oké)|goed|beter"
    r"|sim|estou (?:bem|melhor)|t[oô] bem|tudo bem|bem|melhor"
    r"|ich habe es (?:meiner|meinem|einer|einem) \w+ gesagt|je l'ai dit [àa] (?:ma|mon) \w+|se lo dije a (?:mi|un|una) \w+"
    r"|l'ho detto a (?:mia|mio|una|un) \w+|ik heb het (?:aan )?(?:mijn|een) \w+ (?:verteld|gezegd)|contei (?:pra|para a|para o|à|ao) \w+)"
    r"\b(?!.{0,30}\b(?:not|but|no|nicht|kein|aber|pas|mais|non|pero|ma|niet|maar|geen|n[ãa]o|mas)\b)")
"""An answer to the check-in that says the student is okay, in the seven languages the tutor speaks;
a "but" or a "not" soon after ("ja, aber nicht wirklich") is not okay."""

WAITING = re.compile(r"\b(?:is (?:someone|anyone|any ?one|somebody|anybody|the person|that person|she|he) (?:still )?"
                     r"(?:coming|there|here)|are (?:you|u|they) (?:still )?(?:there|here)|when will (?:someone|they|the person)|"
                     r"how long|nobody (?:is )?coming|no one (?:is )?coming|still waiting|where did (?:they|the person|she|he) go"
                     # ninth reading, M10: "il y a quelqu'un ?", "tu es là ?" got the same line as every other message
                     r"|ist (?:da )?(?:jemand|wer) (?:da|hier)|bist du (?:noch )?da|kommt (?:noch )?(?:jemand|wer)"
                     r"|(?:il )?y a quelqu'un|(?:tu es|t'es|vous [êe]tes) (?:toujours |encore )?l[àa]|quelqu'un (?:va )?vien"
                     r"|hay alguien|(?:est[áa]s|sigues) (?:ah[íi]|ah[íi])|viene alguien|c'[èe] qualcuno|ci sei|viene qualcuno"
                     r"|is (?:er )?iemand|ben je (?:er )?nog|komt er iemand|tem algu[ée]m|(?:voc[êe] )?(?:ainda )?(?:est[áa]|t[áa]) a[íi]"
                     r"|vem algu[ée]m)\b|^\W*(?:hello|hallo|allo|hola|ol[áa]|hoi|hey|hi|ciao|oi)\s*\?+\W*$")
"""Whether someone is there or coming ("is someone coming?", "il y a quelqu'un ?", "hallo?"), in seven languages."""
ASKS_SOMEONE = re.compile(WAITING.pattern.replace("how long|", ""))
"""The same, "how long" left out: said with no check-in pending, it is about the lesson."""
FINE = re.compile(r"^\W*(?:(?:it'?s|its|i'?m|im|i am|that'?s|thats) (?:fine|ok|okay|alright|all right)|never ?mind|nvm"
                  r"|i (?:don'?t|dont|do not) (?:want|wanna) to talk about it|can we (?:just )?(?:do|go back to|carry on with) "
                  r"(?:the )?(?:fractions|maths|math|lesson))\b(?!.{0,30}\b(?:not|but)\b)")
"""A student who lets a worry go ("its fine i guess", "can we just do fractions"): the lesson may go on."""

FRIEND_AT_RISK = re.compile(
    r"\b(?:amig[oa]|colega|namorad[oa]|prim[oa]|irm[ãa]o?|ele|ela)\b.{0,60}(?:\b(?:se )?(?:quer|vai|queria|anda a pensar em)"
    r" (?:se )?(?:matar|suicidar)\b|\b(?:quer|vai|queria)-se (?:matar|suicidar)\b|\bmatar-se\b|\bsuicidar-se\b"
    r"|\b(?:corta|cortou|magoa|magoou)-se\b|\banda a cortar-se\b)")
"""Someone else at risk, in the European Portuguese forms situations.yml does not read ("a minha amiga disse que se quer
matar", "corta-se"); the other forms are its ``friend_at_risk`` (ninth reading, M16)."""
WHAT_TO_DO = re.compile(
    r"\b(?:what (?:do|should|can|shall|must) i (?:do|say|tell (?:her|him|them))|what now|how (?:do|can) i help (?:her|him|them)"
    r"|was (?:soll|kann|muss) ich (?:machen|tun|sagen)|was mach(?:e)? ich|wie kann ich (?:ihr|ihm) helfen"
    r"|qu'est-ce que je (?:dois|peux) faire|que (?:dois|puis)-je faire|je fais quoi|comment (?:je peux|puis-je) l'aider"
    r"|qu[ée] (?:hago|debo hacer|puedo hacer|le digo)|c[óo]mo (?:la|le|lo) (?:ayudo|puedo ayudar)"
    r"|cosa (?:devo|posso) fare|che (?:faccio|devo fare)|come (?:posso )?aiutarl[ao]"
    r"|wat (?:moet|kan|zal) ik (?:doen|zeggen)|hoe kan ik (?:haar|hem) helpen"
    r"|o que (?:eu )?(?:fa[çc]o|devo fazer|posso fazer|digo)|como (?:eu )?(?:posso )?ajud[áa]-l[ao]|como (?:eu )?ajudo)")
"""What to do for the friend ("what do i do", "was soll ich machen?", "wat moet ik doen?"), in seven languages."""
BARE_OK = re.compile(r"^\W*(?:ok|okay|okey|oki|okie|okk|k|kk|alright|ok then|d'accord|dac|vale|va bene|oké|oke|tá|ta bom|tá bom)\W*$")
"""A bare "ok" to the check-in's two questions (are you okay? have you told an adult?): heard as "okay", or as "I
read that", so it is asked about once (ninth reading, L5: "ok" got "I'm really glad")."""

ASKS_IF_SAFE = frozenset({"harm_at_home", "self_harm", "disappear", "angry_at_home", "death_wish"})
"""The concerns whose reply asks whether the student is okay or safe: the lesson waits for the answer."""


def concern(text: str) -> Optional[str]:
    """"self_harm", "harm_at_home", "friend_at_risk" (someone else may hurt or kill themselves), "death_wish" ("i want to
    die", with or without a "lol": death_wish.py), "disappear", "self_hate",
    "grief",
    "home", "angry_at_home", "left_out", "test_worry", "worry", "light_fear" (spiders, the dark: ``LIGHT_FEAR``),
    "break", "stop" or "tired" when the student's words are about that; else None."""
    lowered = (text or "").lower().replace("’", "'")
    if SELF_HARM.search(lowered):
        return "self_harm"
    situation = situation_of(text)
    if situation in ("abuse", "emergency_other"):
        return "harm_at_home"
    if HARM_AT_HOME.search(lowered):
        return "harm_at_home"
    if situation == "friend_at_risk" or FRIEND_AT_RISK.search(lowered):  # ninth reading, M16: answered as the child's own
        return "friend_at_risk"
    if death_wish.wishes_to_die(text):  # reading 13, M6: "i want to die lol" laughed off
        return "death_wish"
    for name, pattern in (("disappear", DISAPPEAR), ("self_hate", SELF_HATE), ("grief", GRIEF), ("home", HOME),
                          ("angry_at_home", ANGRY_AT_HOME), ("left_out", LEFT_OUT), ("test_worry", TEST_WORRY),
                          ("worry", WORRY), ("light_fear", LIGHT_FEAR), ("break", BREAK), ("stop", STOP),
                          ("tired", TIRED)):
        if pattern.search(lowered):
            return name
    return None


REPLIES = {"left_out": "left_out_line", "test_worry": "test_worry_line", "home": "home_line", "tired": "tired_line"}
"""The concerns answered with one kind line (lines.yml), the check-in pending left as it was."""


def asks_to_keep_secret(text: str) -> bool:
    """"please dont tell anyone", "sag es niemandem", "ne le dis à personne" (:data:`KEEP_SECRET`)."""
    return KEEP_SECRET.search((text or "").lower().replace("’", "'")) is not None


def team_was_told(pending: Optional[str], handoff_id: Optional[float]) -> bool:
    """Whether a person from the team has been alerted about this student: a handoff the tutor opened (slot
    ``handoff_id``: team_thread.py) or claimed (``pending`` "claimed")."""
    return handoff_id is not None or pending == "claimed"


ALERTS = {"harm_at_home": "a student wrote about being hurt or unsafe at home",
          "self_harm": "a student wrote about hurting themselves",
          "friend_at_risk": "a student wrote that someone they know (a friend) may hurt or kill themselves"}
"""The concerns for which a person from the team is alerted (wellbeing_actions.ActionWellbeing), with the reason."""


def after_safety_check(text: str) -> bool:
    """Whether ``text``, said right after the safety line ("are you safe right now?"), keeps the lesson
    paused: self-harm done recently ("i did it yesterday") or "no" (eighth reading, H7)."""
    lowered = (text or "").lower().replace("’", "'")
    return bool(RECENT_HARM.search(lowered) or NOT_SAFE.search(lowered))


HEAVY = frozenset({"self_harm", "harm_at_home", "friend_at_risk", "death_wish", "disappear", "self_hate", "grief", "home", "angry_at_home",
                   "left_out", "worry"})
"""The concerns after which a goodbye is a caring one, with where to get help (ninth reading, M6: "bye" after a
disclosure got "Great work today")."""
HANDOFF_SLOT = "handoff_id"
"""The slot that holds the id (a float) of the handoff the tutor opened for this conversation (team_thread.py); None
when there is none or the team resolved it (wellbeing_actions.ActionTutorHandoffUpdate)."""
WAITING_FOR_THE_TEAM = ("crisis", "asked", "friend")
"""The check-ins pending while a person from the team has been alerted ("friend": the student told of a friend at risk,
and is asked whether an adult knows)."""


def fresh(key: str, lang: str, recent: Sequence[str] = (), **values: Any) -> str:
    """The first variant of the line ``key`` that the tutor did not say among ``recent`` (its latest lines, their
    "{help}" filled: compared up to the first placeholder), else the first; the same line to every message read as
    a script (ninth reading, M10)."""
    variants = line(key, lang)
    variants = variants if isinstance(variants, list) else [variants]
    for index, variant in enumerate(variants):
        head = str(variant).split("{")[0].strip()
        if not any(head and said.startswith(head) for said in recent):
            return say(key, lang, index, **values)
    return say(key, lang, 0, **values)


def said_recently(key: str, lang: str, recent: Sequence[str]) -> bool:
    """Whether the tutor said (a variant of) the line ``key`` among ``recent``."""
    variants = line(key, lang)
    heads = [str(v).split("{")[0].strip() for v in (variants if isinstance(variants, list) else [variants])]
    return any(head and said.startswith(head) for head in heads for said in recent)


def reply(text: str, pending: Optional[str], answered: bool = False,
          lang: str = "en", recent: Sequence[str] = ()) -> Tuple[List[str], Optional[str], bool]:
    """:func:`reply_to` ``text``, its :func:`concern` read here."""
    return reply_to(concern(text), text, pending, answered, lang, recent)


def reply_to(kind: Optional[str], text: str, pending: Optional[str], answered: bool = False,
             lang: str = "en", recent: Sequence[str] = ()) -> Tuple[List[str], Optional[str], bool]:
    """What the tutor says to ``text``, whose :func:`concern` is ``kind`` (read once a turn, by the caller: code review,
    reading 10, it was read up to five times), with the check-in ``pending`` (None, "crisis", "asked",
    "worry": the student told of a worry and the lesson waits while they talk, "friend": the student told of a friend
    at risk (``about_a_friend``), "break": the student is on a break, and is welcomed back by the next move, not
    here, or "stopped": the student asked to stop for today, kept until they ask to go on or answer):
    (lines in ``lang``, the check-in pending after this turn, whether the lesson goes on: the
    current question restated). ``answered``: the text was an answer to the exercise (marked),
    which says nothing about how the student is. ``pending`` "safety": the safety line was said on the last
    turn (action_safety_check); only self-harm done recently or a "no" keeps the lesson waiting.
    ``recent``: the tutor's latest lines, so that a line already said is varied, not repeated."""
    lowered = (text or "").lower().replace("’", "'")
    if kind == "light_fear" and pending in (*WAITING_FOR_THE_TEAM, "worry"):
        kind = "worry"  # told while the lesson waits: heard as the rest is
    if pending == "safety":  # eighth reading, H7: "i did it yesterday" after the safety line got "let's park that"
        if kind is None and after_safety_check(text):
            recent_harm = RECENT_HARM.search(lowered) is not None
            return [say("recent_harm_line" if recent_harm else "not_okay", lang)], "asked", False
        pending = None
    wish = death_wish.reply(kind, text, pending, WAITING_FOR_THE_TEAM, lang)  # reading 13, M6: never laughed off
    if wish is not None:
        return wish
    answer = means.reply(text, pending, lang)  # "have you taken any?" answered (reading 13, M11)
    if answer is not None:
        return answer
    if pending == means.PENDING:  # neither a yes nor a no: read as the answer to a check-in
        pending = "asked"
    if pending == death_wish.PENDING:  # neither a yes nor "just the homework": read as the answer to a check-in
        pending = "asked"
    if pending in ("crisis", "asked") and kind is None and RECENT_HARM.search(lowered):
        return [say("recent_harm_line", lang)], "asked", False
    if pending == "asked" and answered and kind is None and not OKAY.search(lowered):
        return [say("ask_again", lang)], "asked", False
    if pending in (*WAITING_FOR_THE_TEAM, "worry") and WAITING.search(lowered):  # "is someone coming?" (fourth reading)
        if pending == "worry":  # nobody from the team was alerted for a worry
            return [fresh("listening", lang, recent)], pending, False
        return [fresh("not_yet", lang, recent)], pending, False
    if kind == "friend_at_risk" or pending == "friend" and kind in (None, "worry"):
        return about_a_friend(lowered, kind, pending, answered, lang, recent)
    if kind == "harm_at_home":  # a person from the team is alerted too (wellbeing_actions.ActionWellbeing)
        if pending == "asked" and said_recently("harm_line", lang, recent):  # told more: heard, not the same block
            return [fresh("listening", lang, recent)], "asked", False
        return [say("harm_line", lang)], "asked", False
    if kind == "self_harm":  # eighth reading, H7: thanked, asked, a person from the team alerted too
        return [say("self_harm_line", lang)], "asked", False
    if kind == "disappear":  # asked once, and the answer read as a check-in's (sixth reading, H9)
        words = DISAPPEAR.search(lowered).group(0)
        not_stupid = [say("not_stupid", lang)] * bool(SELF_PUT_DOWN.search(lowered))
        return not_stupid + [say("disappear_line", lang, words=words)], "asked", False
    if kind == "angry_at_home":  # sixth reading, H8: "my mum will be so angry" got a step down
        return [say("angry_at_home_line", lang)], "asked", False
    if pending == "asked" and kind in (None, "worry"):
        if kind is None and BARE_OK.search(lowered) and not said_recently("which_okay", lang, recent):
            return [say("which_okay", lang)], "asked", False  # ninth reading, L5: "ok" got "I'm really glad"
        if kind is None and OKAY.search(lowered):
            return [say("glad", lang)], None, True
        if said_recently("not_okay", lang, recent):  # ninth reading, M10: the same block to every message
            return [fresh("listening", lang, recent)], "asked", False
        return [say("not_okay", lang)], "asked", False
    if pending == "crisis":
        return [say("check_in", lang)], "asked", False
    if kind == "self_hate":  # reading 12, M4: after a stop as before it; a check-in pending is kept
        kept = pending if pending in (*WAITING_FOR_THE_TEAM, "worry") else "worry"
        if said_recently("self_hate_line", lang, recent):
            return [fresh("listening", lang, recent)], kept, False
        return [say("self_hate_line", lang)], kept, False
    if kind == "worry":  # ninth reading, M6: "i'm scared", "my dad didnt come home last night"
        if pending == "worry" or said_recently("worry_line", lang, recent):
            return [fresh("listening", lang, recent)], "worry", False
        return [say("worry_line", lang)], "worry", False
    if pending == "worry" and kind is None:  # the student talks on about it: the lesson waits
        if answered or OKAY.search(lowered) or FINE.search(lowered):
            return ([] if answered else [say("glad_worry", lang)]), None, True
        return [fresh("listening", lang, recent)], "worry", False
    if pending == "stopped" and kind in (None, "stop", "tired"):  # reading 11, M7: "i hate maths i'm so stupid" and
        # "whatever" after "can we stop" got new questions; the stop is kept until the child asks to go on
        not_stupid = [say("not_stupid_step_down", lang)] * bool(SELF_PUT_DOWN.search(lowered))
        return not_stupid + [fresh("stopped_kept", lang, recent)], "stopped", False
    if kind == "stop":
        return [say("stopping", lang)], pending or "stopped", False
    if kind == "grief":
        found = GRIEF.search(lowered)
        loss = say("your_loss", lang)
        who = word("relatives", found.group("who"), lang, loss) if found and found.group("who") else loss
        return [say("sorry_for", lang, who=who), say("stop_for_today", lang)], pending or "worry", False
    if kind == "light_fear":  # "i'm scared of spiders": kind words, and the lesson goes on
        return [say("light_fear_line", lang)], None if pending == "break" else pending, True
    if kind == "break":
        return [say("break_line", lang)], pending or "break", False
    if kind in ("home", "left_out"):  # what follows is heard, not met with a quick-fire round (ninth reading, M6)
        return [say(REPLIES[kind], lang)], pending or "worry", False
    if kind in REPLIES:
        return [say(REPLIES[kind], lang)], pending, False
    return [], pending, True


def about_a_friend(lowered: str, kind: Optional[str], pending: Optional[str], answered: bool, lang: str,
                   recent: Sequence[str]) -> Tuple[List[str], Optional[str], bool]:
    """A student who told of a friend who may hurt or kill themselves (``pending`` "friend"): what to do for the friend,
    not "are you okay right now?" (ninth reading, M16: "what do i do" got the check-in meant for the child). Tell an
    adult now; if the friend is in danger now, the emergency number; a person from the team alerted; the lesson waits
    until the student says an adult knows, or lets it go."""
    if kind == "friend_at_risk" and not said_recently("friend_line", lang, recent):
        return [say("friend_line", lang)], "friend", False
    if WAITING.search(lowered):
        return [fresh("not_yet", lang, recent)], "friend", False
    if WHAT_TO_DO.search(lowered) and not said_recently("friend_what_to_do", lang, recent):
        return [say("friend_what_to_do", lang)], "friend", False
    if kind is None and (OKAY.search(lowered) or FINE.search(lowered) or BARE_OK.search(lowered)):
        return [say("glad_friend", lang)], None, True
    if answered and kind is None:  # an answer, marked: asked once whether an adult knows, then the lesson goes on
        if said_recently("friend_ask", lang, recent):
            return [], None, True
        return [say("friend_ask", lang)], "friend", False
    return [fresh("friend_listening", lang, recent)], "friend", False

