# Non-English student messages: OTHER[lang][label] = block of lines
OTHER = {
"de": {
"confusion": r"""
wie geht das
was ist ein nenner
hä?
versteh ich nicht
warum ist 2/4 gleich 1/2
muss ich die unteren zahlen auch addieren
welcher bruch ist größer 3/5 oder 4/7
was heißt kürzen
wie kürze ich 12/16
was ist der hauptnenner von 4 und 6
warum dreht man den bruch beim teilen um
ich check das nicht
moment, wieso 8?
ist 5/3 ein unechter bruch?
wo kommt die 12 her
wie mach ich aus 2 1/3 einen bruch
""",
"frustration": r"""
ich hasse brüche
boah schon wieder falsch
ich bin so dumm
ich geb auf
keinen bock mehr, ist eh alles falsch
das ist voll unfair, 6/8 ist doch dasselbe wie 3/4
man ey
nervt
das nervt so
warum ist 5/8 falsch?? ugh
ich kann das einfach nicht
vergiss es
ich raste gleich aus
schon wieder 0 punkte
""",
"boredom": r"""
langweilig
voll langweilig
gähn
das hatten wir schon
zu einfach, nächstes level bitte
kann ich jetzt gehen
wie lange noch
mir ist langweilig
1/2 + 1/2 = 1, echt jetzt? zu leicht
das ist kinderkram
bin müde 😴
schon wieder 3/4, gähn
keine lust
können wir was anderes machen
""",
"engagement": r"""
cool, ich habs verstanden!
noch eine bitte
3/4! voll easy
ja! richtig
das macht spaß
lass mich ohne tipp probieren
krass, das ist ja einfach
gib mir eine schwerere
yes 7/8 stimmt!!
endlich kapiert
mega
ich will weitermachen
ohh jetzt versteh ich warum
läuft bei mir 😎
""",
"neutral": r"""
hallo
4/9 glaub ich
ich glaube 2/3
ja
nein
moment mal
bin wieder da
die antwort ist 5/6
los
danke
tschüss
frage 3
ich hab 7/12
guten morgen
""",
},
"fr": {
"confusion": r"""
je comprends pas
c'est quoi un dénominateur
pourquoi 2/4 c'est pareil que 1/2
hein?
je dois additionner les dénominateurs aussi?
lequel est plus grand 3/5 ou 4/7
ça veut dire quoi simplifier
comment on trouve le dénominateur commun de 6 et 8
je suis perdu
attends, d'où vient le 10?
comment on divise 3/4 par 2
c'est quoi une fraction irréductible
pourquoi on inverse la deuxième fraction
2 1/2 c'est combien en fraction?
""",
"frustration": r"""
j'en ai marre
je suis nul
encore faux 😤
j'abandonne
c'est trop dur, laisse tomber
je déteste les fractions
mais c'est 3/4 pourquoi c'est faux!!
ça m'énerve
pff n'importe quoi
j'y arriverai jamais
c'est injuste
toujours faux, j'en peux plus
5/8?? non?? sérieux
ras le bol
""",
"boredom": r"""
c'est nul, ennuyeux
je m'ennuie
trop facile, niveau suivant svp
on l'a déjà fait
je peux partir?
c'est long
zzz j'ai sommeil
bof
encore 1/2? trop simple
c'est quand que ça finit
on peut faire autre chose
flemme
ouais ouais 2/4 = 1/2 on sait
ennuyeux
""",
"engagement": r"""
ah ok j'ai compris!!
encore une
3/4! facile
trop cool
je veux essayer sans indice
ça me plaît
génial
j'ai trouvé 5/6 😎
une plus dure svp
on continue!
ah c'est pour ça! stylé
trop bien
yes j'ai tout bon
c'est satisfaisant
""",
"neutral": r"""
bonjour
salut
oui
non merci
d'accord
je pense que c'est 2/3
attends
la réponse est 7/10
merci
question 2
c'est 1 1/4
je suis là
au revoir
j'ai mis 4/9
""",
},
"es": {
"confusion": r"""
no entiendo
qué es un denominador
por qué 2/4 es igual a 1/2
tengo que sumar los de abajo también?
cuál es más grande 3/5 o 4/7
qué significa simplificar
cómo se simplifica 10/15
estoy perdido
espera de dónde sale el 12
cómo paso 7/2 a número mixto
qué es el mínimo común múltiplo
por qué se da la vuelta a la fracción
no sé qué hacer con el 3
cómo?? no lo pillo
""",
"frustration": r"""
odio las fracciones
otra vez mal 😡
me rindo
soy malísimo en esto
no puedo más
qué asco de ejercicio
pero si puse 3/4!!
esto es imposible
ya fue, no sirvo para esto
siempre me equivoco
me da rabia
uf otra vez 2/5 mal
déjalo
ni modo, nunca lo voy a entender
""",
"boredom": r"""
qué aburrido
me aburro
muy fácil, siguiente nivel porfa
ya hicimos esto
me puedo ir ya?
cuánto falta
tengo sueño 😴
otra vez 1/4? aburrido
esto es para niños pequeños
no tengo ganas
podemos hacer otra cosa
bostezo
lento
qué pereza
""",
"engagement": r"""
ahh ya lo entiendo!!
otra más
3/4! fácil
qué guay
quiero intentarlo sin pista
me gusta esto
genial!!
5/6! lo sabía
dame uno más difícil
sigamos!
ahora sí tiene sentido, qué chido
vamos!!
todo bien 10/10 😎
qué satisfactorio
""",
"neutral": r"""
hola
vale
sí
creo que es 2/3
espera
la respuesta es 5/8
gracias
pregunta 4
buenos días
listo
adiós
empezar
me da 3/10
puse 4/9
""",
},
"nl": {
"confusion": r"""
ik snap het niet
wat is een noemer
waarom is 2/4 hetzelfde als 1/2
hè?
moet ik de onderste ook optellen?
welke is groter 3/5 of 4/7
wat betekent vereenvoudigen
hoe vereenvoudig je 8/12
ik ben de weg kwijt
wacht waar komt die 6 vandaan
hoe maak ik van 9/4 een gemengd getal
wat is een gelijknamige breuk
waarom moet je omdraaien bij delen
snap niet wat de vraag is
""",
"frustration": r"""
ik haat breuken
alweer fout
ik ben zo dom
ik geef het op
dit slaat nergens op, echt irritant
maar 3/4 is toch goed?!
ik kan dit gewoon niet
laat maar
balen
wat een rotsom
het lukt nooit
pff weer 2/7 fout
ik word er gek van
kapot irritant
""",
"boredom": r"""
saai
zo saai
te makkelijk, volgende level aub
dat hebben we al gedaan
mag ik nu stoppen
hoe lang nog
ik ben moe 😴
boeie
alweer 1/2? gaap
geen zin
kinderwerk
kunnen we iets anders doen
gaap
duurt lang
""",
"engagement": r"""
ohh nu snap ik het!!
nog eentje
3/4! makkelijk
vet!
laat mij het zonder hint proberen
dit is leuk
geef me een moeilijkere
yes 5/6 goed!
gaaf
we gaan door!
ah daarom! slim
top
alles goed 😎
lekker bezig ik
""",
"neutral": r"""
hoi
oké
jazeker
ik denk 2/3
wacht even
het antwoord is 7/9
dank je
vraag 5
goedemorgen
klaar
doei
beginnen
ik heb 3/8
ben er weer
""",
},
"it": {
"confusion": r"""
non capisco
cos'è il denominatore
perché 2/4 è uguale a 1/2
devo sommare anche quelli sotto?
quale è più grande 3/5 o 4/7
cosa vuol dire semplificare
come si semplifica 6/9
mi sono perso
aspetta da dove viene il 15
come trasformo 11/4 in numero misto
cos'è il minimo comune multiplo
perché si capovolge la frazione
non ho capito il passaggio
in che senso?
""",
"frustration": r"""
odio le frazioni
di nuovo sbagliato
sono proprio negato
mi arrendo
basta non ce la faccio
ma ho messo 3/4!! perché è sbagliato
che palle sempre sbagliato
non ci capirò mai niente
lascia stare
uffa
mi fa arrabbiare
è impossibile
5/8 no?? ma dai
sono stufo di sbagliare
""",
"boredom": r"""
che noia
mi annoio
troppo facile, livello successivo
l'abbiamo già fatto
posso andare?
quanto manca
ho sonno 😴
boh, che noia
ancora 1/2? noioso
roba da bambini
non ho voglia
possiamo fare altro
sbadiglio
lentissimo
""",
"engagement": r"""
ahh ora ho capito!!
un'altra
3/4! facilissimo
che figo
voglio provare senza aiuto
mi piace
fantastico
5/6! lo sapevo
dammene uno più difficile
andiamo avanti!
ah ecco perché! forte
evvai
tutto giusto 😎
che soddisfazione
""",
"neutral": r"""
ciao
va bene
sì
penso sia 2/3
aspetta
la risposta è 4/11
grazie
domanda 6
buongiorno
fatto
arrivederci
inizio
ho 9/10
eccomi
""",
},
"pt": {
"confusion": r"""
não entendi
o que é denominador
por que 2/4 é igual a 1/2
hã?
tenho que somar os de baixo também?
qual é maior 3/5 ou 4/7
o que significa simplificar
como simplifica 14/21
tô perdido
pera de onde veio o 9
como transformo 5/2 em número misto
o que é mmc
por que inverte a fração na divisão
não sei o que fazer com esse 4
""",
"frustration": r"""
odeio frações
errei de novo 😡
desisto
sou muito burro
não aguento mais
mas eu coloquei 3/4!!
isso é impossível
nunca vou entender
que raiva
sempre erro
esquece
aff errado de novo
que saco, 2/9 de novo errado
tô irritado
""",
"boredom": r"""
que tédio
tô entediado
muito fácil, próximo nível pfv
já fizemos isso
posso ir embora?
falta muito?
tô com sono 😴
tanto faz
de novo 1/2? chato
isso é coisa de criança
sem vontade
podemos fazer outra coisa
bocejo
muito chato
""",
"engagement": r"""
ahh agora entendi!!
mais uma
3/4! moleza
que legal
quero tentar sem dica
gostei
incrível
5/6! eu sabia
me dá uma mais difícil
bora continuar!
ah é por isso! massa
bora!!
acertei tudo 😎
que satisfação
""",
"neutral": r"""
oi
tá
sim
acho que é 2/3
espera aí
a resposta é 6/7
obrigado
pergunta 8
bom dia
pronto
tchau
começar
deu 2/11
voltei
""",
},
}

# Extra messages with numbers for the non-neutral, non-confusion labels.
EXTRA = {
"de": {
"frustration": ["ugh 2/9 schon wieder falsch", "ich hab 4/6 geschrieben und es ist trotzdem falsch 😤", "3 versuche und immer noch falsch, ich hasse das"],
"boredom": ["5/10 = 1/2, wissen wir doch, weiter", "noch 12 aufgaben?? gähn", "1/4 halt, egal, kann ich jetzt zocken"],
"engagement": ["1/3 + 1/6 = 1/2, yes!", "10 von 10 richtig 🎉", "noch 5 solche bitte, macht bock"],
},
"fr": {
"frustration": ["j'ai mis 2/3 et c'est faux?! ça me saoule", "0 sur 5 encore, je suis trop nul", "pff 7/12 encore faux"],
"boredom": ["encore des 1/4, on s'ennuie", "il reste 15 questions?? trop long", "bon 3/6 = 1/2 évidemment, suivant"],
"engagement": ["3/8 + 1/8 = 1/2 trop facile, j'adore", "8 sur 10 🎉 encore!", "ooh 6/9 = 2/3, stylé"],
},
"es": {
"frustration": ["puse 5/6 y me sale mal, qué rabia", "llevo 4 intentos y nada 😤", "uf 1/3 otra vez mal, lo odio"],
"boredom": ["2/4 = 1/2 ya lo sé, siguiente", "faltan 10 preguntas? qué lento", "otra de 3/4... zzz"],
"engagement": ["1/2 + 1/3 = 5/6, lo tengo!!", "10 de 10 😎 otra ronda", "wow 0.25 es 1/4, qué chulo"],
},
"nl": {
"frustration": ["ik had 4/10 en het is fout?! belachelijk", "al 5 keer fout, ik ben er klaar mee", "pff 3/9 weer fout"],
"boredom": ["nog 20 vragen?? gaaap", "1/2 + 1/2 is 1, weet ik al, volgende", "alweer 3/4 sommen, saai"],
"engagement": ["2/3 + 1/6 = 5/6 yes!!", "9 van de 10 goed 🔥", "oh 4/8 is gewoon 1/2, cool"],
},
"it": {
"frustration": ["ho scritto 2/5 ed è sbagliato?! che rabbia", "0 su 6 di nuovo, sono una frana", "uffa 7/9 ancora sbagliato"],
"boredom": ["ancora 15 domande? che lentezza", "3/6 = 1/2 lo so già, prossima", "di nuovo 1/4... dormo"],
"engagement": ["1/4 + 2/4 = 3/4 preso!!", "10 su 10 😎 ancora!", "wow 0.5 è 1/2, che bello"],
},
"pt": {
"frustration": ["coloquei 4/5 e tá errado?! que ódio", "já errei 6 vezes, desisto", "aff 3/7 errado de novo"],
"boredom": ["faltam 12 perguntas? que preguiça", "2/4 = 1/2 já sei, próxima", "de novo 1/3... sono"],
"engagement": ["1/2 + 1/4 = 3/4, acertei!!", "9 de 10 🔥 mais uma", "nossa 0.75 é 3/4, que legal"],
},
}
for _lang, _d in EXTRA.items():
    for _lab, _items in _d.items():
        OTHER[_lang][_lab] = OTHER[_lang][_lab].rstrip("\n") + "\n" + "\n".join(_items) + "\n"
