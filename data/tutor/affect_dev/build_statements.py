"""Builds statements.csv (affect dev set). Hand-written texts; run: python build_statements.py"""
import csv, os, random, re, unicodedata
from collections import Counter

EN = "en"
D = {
"confusion": {
 EN: [
  "huh", "so the bottom number stays??", "wait why does the denominator not change",
  "what's a numerator again", "how come 3/6 = 1/2", "i dont get it", "wdym simplify",
  "why do u flip the second one when dividing", "is 2/4 bigger than 1/2 or the same??",
  "wait what", "so do i add the tops AND the bottoms?", "how do you get 12 as the common denominator",
  "im lost", "what does lowest terms mean", "??? why is it 5/8 and not 5/16",
  "how is 7/4 a real fraction if the top is bigger", "hold on where did the 3 come from",
  "so 1/3 + 1/3 is 2/6?", "idk what a mixed number is", "wait so is 0.5 the same as 1/2 or",
  "why multiply top and bottom by the same number",
  "whats the difference between numerator and denominator i always mix them up",
  "i dont understand the pizza picture", "confused 😕", "hm so what do i do with the 2 in 2 3/4",
  "why is 1/8 smaller than 1/4 if 8 is bigger", "can u explain that again i didnt get the middle part",
  "how do i turn 9/4 into a mixed numbr", "wait is the answer 3/5 or did i do it backwards",
  "what does \"equivalent\" mean", "huhh how did u get 6/8 from 3/4", "so cross multiply means what exactly",
  "im not sure what the question is asking", "why cant i just add 1/2 and 1/3 to get 2/5",
  "what is a reciprocal", "ok but WHY does that work", "i thought the bigger denominator means bigger fraction??",
  "where does 2/3 go on the number line", "so 4/4 is just 1?? how", "do i simplify before or after i multiply",
  "wait the answer was 10/12 but u said 5/6?", "lol what. i'm so confused",
  "what do you mean by \"of\" in 1/2 of 8", "how do you compare 3/7 and 4/9 without a calculator",
  "this step makes no sense to me 🤔", "is 0/5 even a fraction", "so the whole thing is split into how many parts",
  "why is it called improper", "wait can the denominator be 0", "um which number goes on top",
  "i kinda get it but not the last bit", "how do u know what to multiply by", "why is 2/3 of 9 equal to 6",
  "what's LCD stand for", "i did 1/4 x 4 and got 4/16 is that 1 or not", "??",
  # hard / mixed
  "lol wait how is 6/8 the same as 3/4 tho",
  "ugh ok but why do we flip it, nobody explained that part",
  "i tried but i'm not sure what to do after finding the common denominator",
 ],
 "de": ["hä? warum bleibt der nenner gleich", "was ist nochmal ein zähler", "wieso ist 2/4 dasselbe wie 1/2??"],
 "fr": ["je comprends pas pourquoi 2/4 = 1/2", "c'est quoi le dénominateur déjà?"],
 "es": ["no entiendo nada", "por qué se le da la vuelta a la fracción??"],
 "nl": ["huh hoe kom je aan 6/8", "wat betekent gelijkwaardig"],
 "it": ["non capisco cosa vuol dire semplificare"],
 "pt": ["como assim 3/6 é igual a 1/2?"],
},
"frustration": {
 EN: [
  "omg stop", "i quit", "i'm never gonna get this", "this is so annoying", "wrong AGAIN?!",
  "ugh i hate fractions", "im so stupid", "why do i keep getting it wrong 😡", "forget it",
  "this is literally impossible", "i give up", "i did 3/4 + 1/4 = 4/8 and its wrong AGAIN",
  "stop telling me to simplify i KNOW", "i suck at math", "fml", "nooo not again",
  "i've tried like 5 times", "whatever i dont care anymore", "this makes me want to cry",
  "ur explanations make it worse", "can u just give me the answer already 😤", "argh", "im done with this",
  "everyone else gets it except me", "i did exactly what u said and its still wrong",
  "WHY IS IT 2/3 I PUT 4/6", "wtf", "i dont get it and i never will", "ugh dividing fractions is the worst",
  "this is stupid", "my teacher explains it better than u", "i'm too dumb for this",
  "seriously?? 7/8 was right", "leave me alone", "😤😤😤", "stoppp", "this bot is useless",
  "i hate this question", "oh come on", "ugh again 1/2 wrong", "i literally just did that",
  "i'm getting a headache from this", "nope. not doing this",
  "i always mess up the common denominator its so frustrating", "why is this so hard for me 😭",
  "i keep forgetting to flip it and it makes me so mad", "u marked it wrong but 6/8 IS 3/4!!",
  "no point trying", "can't do it. done.", "shut up", "i hate this app", "every single time 🙄",
  "this is so unfair", "whyyy is it wrong", "im never gonna pass my test",
  # hard / mixed
  "ugh this is taking forever and i still dont get it",
  "ok fine 3/5. happy now?",
  "why does it keep saying wrong when i did it the way u showed me??",
 ],
 "de": ["boah ich hasse brüche", "schon wieder falsch?!"],
 "fr": ["j'en ai marre", "je suis trop nul en maths"],
 "es": ["me rindo", "otra vez mal?! 😡"],
 "nl": ["ik snap het nooit", "pff dit is echt irritant"],
 "it": ["basta, non ce la faccio più"],
 "pt": ["odeio frações", "que saco, errei de novo"],
},
"boredom": {
 EN: [
  "yawn", "easy", "are we done yet", "this is sooo slow", "can we do smth else", "boring", "meh", "zzz",
  "how many more", "i already know this", "we did this in 3rd grade", "can i go now", "so tired",
  "another 1/2 + 1/2 really?", "too easy lol", "this is like the 10th one thats the same",
  "can we play a game instead", "i'm sleepy", "whatever 3/4", "how long is this", "bored",
  "ok ok i get it can we skip", "this is for babies", "next. easy", "sigh", "😴", "do i have to",
  "can i go on my phone instead", "is there anything more fun", "we've been at this for like 40 minutes",
  "skip", "again?? we did halves already", "i could do these in my sleep", "not this again",
  "k. 2/4. whatever", "when does this end", "this is dragging", "blah", "can we stop soon",
  "lol these are so basic", "idc", "i'd rather do literally anything else", "boringgg",
  "1/3. can we be done now", "same thing over and over", "can u make it go faster", "soooo boring 🥱",
  "🥱", "i'm tired of fractions", "nothing new here", "dont care which one, u pick",
  "how many questions left", "yeah yeah 5/10 is 1/2 i know", "this is pointless i already learned it",
  "can we just watch a video",
  # hard / mixed
  "ok that was easy. also boring",
  "easy. 3/4. next",
  "i get it i get it, can we move on already",
 ],
 "de": ["langweilig", "können wir was anderes machen"],
 "fr": ["trop facile", "c'est quand qu'on a fini"],
 "es": ["qué aburrido 🥱", "ya sé esto, es muy fácil"],
 "nl": ["saai", "hoeveel nog?"],
 "it": ["che noia", "abbiamo finito?"],
 "pt": ["tô com sono"],
},
"engagement": {
 EN: [
  "yesss", "another!", "oh that's cool", "let me try a harder one", "i like this one", "ooh i get it now",
  "give me another one", "this is actually fun", "wait thats so smart", "can we do a tricky one",
  "i got it!! 3/4", "nice", "let's gooo", "i think i can do the next one without help",
  "oh so thats why you flip it, cool", "more pls", "i love pizza fractions lol",
  "can i try one with mixed numbers", "woah 2/4 and 4/8 are the same thats wild", "let me do it myself",
  "i'm getting good at this 😎", "one more!!", "hey this isnt that bad actually", "ooh what about 7/3",
  "can we do dividing next", "i wanna try the challenge level", "yay!", "i solved it before u finished explaining",
  "that trick is awesome", "so fun 😄", "can i make up my own fraction question",
  "i get it!!! the bottom is how many pieces", "ok im ready, next", "🔥🔥",
  "wait let me try to figure it out first", "can you give me one with big numbers like 45/60",
  "oh nice i didnt know that", "im on a roll", "i think i know!! 3/8", "yes i got it right!",
  "that makes so much sense now", "this is my favourite kind of question", "lets do 5 more", "awesome",
  "ooh fun", "i want to beat my score", "can i show you how i did it", "that was satisfying",
  "i figured out 12/16 = 3/4 by myself 😁", "try me", "cool cool what's next",
  "im actually kinda liking fractions", "can we keep going?", "gimme a hard one with different denominators",
  "ohhh i see it now, 1/5 is smaller than 1/4 cuz the pieces are smaller",
  # hard / mixed
  "5/6! that was easy, gimme a harder one",
  "wait i got it wrong but let me try again i almost had it",
  "hmm tricky... but i think i can do it",
 ],
 "de": ["noch eine bitte!", "cool, das macht spaß"],
 "fr": ["trop bien, encore une!", "je veux essayer une plus difficile"],
 "es": ["¡sí! lo tengo, 3/4", "me gusta este"],
 "nl": ["vet! nog eentje"],
 "it": ["dai, un'altra più difficile!", "ah ecco, ora ho capito! figo"],
 "pt": ["que legal!", "quero tentar sozinho"],
},
"neutral": {
 EN: [
  "2/3", "k", "brb", "maybe 5/8", "hello", "ok", "3/4", "hi", "yes", "no", "7/12", "the answer is 1/2",
  "is it 4/5", "done", "one sec", "ok next question", "6", "i think 2/6", "back", "1 1/2", "got it", "sure",
  "hey", "9/10", "i put 3/8", "ready", "5/4", "thanks", "i have to go for dinner, bye", "my answer is 10/15",
  "can u type the question again, it disappeared", "ya", "0.75", "the first one", "option b", "4/9?",
  "ok i'll try", "2 and 3/4", "wait my mom is calling", "its 11/12", "hmm let me think", "yep", "12",
  "alright", "1/4 + 1/4 = 2/4 = 1/2", "the bigger one is 3/5", "im on question 4", "good morning", "8/3",
  "i wrote 14/16 then simplified to 7/8", "mm 5/6 maybe", "bye", "c", "what page are we on",
  "i'm using my tablet today",
  # hard / mixed
  "3 pieces", "ok so that's 3/4", "uh 2/5?",
 ],
 "de": ["ja, 2/3", "bin gleich zurück"],
 "fr": ["3/5 je pense", "bonjour"],
 "es": ["hola", "creo que es 4/7"],
 "nl": ["oké, volgende"],
 "it": ["ciao", "forse 5/8"],
 "pt": ["pronto", "acho que é 2/5"],
},
}

NUM_RE = re.compile(r"[0-9\u00BC-\u00BE\u2150-\u215E]")

def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    n = re.sub(r"[^\w/]+", " ", t).strip()
    return n or t.strip()

rows = []
for label, by_lang in D.items():
    for lang, texts in by_lang.items():
        for t in texts:
            rows.append((t, label, 1 if NUM_RE.search(t) else 0, lang))

texts = [r[0] for r in rows]
assert len(set(texts)) == len(texts), [t for t, c in Counter(texts).items() if c > 1]
nd = Counter(norm(t) for t in texts)
assert all(c == 1 for c in nd.values()), [t for t, c in nd.items() if c > 1]

random.Random(20240601).shuffle(rows)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "statements.csv")
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "text", "label", "has_numbers", "language"])
    for i, (t, label, hn, lang) in enumerate(rows, 1):
        w.writerow([f"dev_{i:04d}", t, label, hn, lang])

print("total", len(rows))
print("labels", Counter(r[1] for r in rows))
print("langs", Counter(r[3] for r in rows))
print("has_numbers by label", Counter((r[1], r[2]) for r in rows))
print("non-en share", sum(r[3] != EN for r in rows) / len(rows))
