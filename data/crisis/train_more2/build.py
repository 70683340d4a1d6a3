#!/usr/bin/env python3
"""Assemble hand-written chat messages into statements.csv and validate them.

Every message below was hand-written for this set. The script only parses the
blocks (header lines: '@<language> <category> <risk>'), numbers the rows,
checks counts / uniqueness / labels, and writes RFC-4180 CSV. It generates no text.
"""
import csv
import collections
import sys
import unicodedata

CHUNKS = []

# ---------------------------------------------------------------- English, negatives
CHUNKS.append("""
@en everyday 0
hey
hiii is anyone there
can u help me with something
are you a real person or a bot lol
what do you actually do
good morning!! ☀️
just got home from work, so tired but ok
what should i make for dinner, i have eggs rice and like half an onion
my cat just knocked my coffee off the table again 🙄
its raining so hard here rn
bored out of my mind at my cousins bday party
do u know any good shows on netflix
finally beat the boss in elden ring after like 40 tries
did u see the game last night, refs were trash
going to the mall later need new shoes
weekend plans: sleep, pizza, repeat
couldnt sleep last night bc the neighbours dog barked til 3
ngl i just ate a whole pack of oreos
how r u today
whats ur name
is this free to use or do i have to pay
can i talk to u in spanish too?
just testing if this works
my dog learned to high five today 🐶🖐️
anyone else hate mondays or just me
its so hot i cant think, 34 degrees in my room
booked flights to lisbon for june!!
what time is it in tokyo rn
so tired but i still have to go grocery shopping
first day at the gym in 2 months, legs are jelly
do u remember what i told u yesterday
my little sister stole my hoodie again
trying to learn guitar, my fingertips hurt lol
hi im new here what is this app
is it weird that i talk to a chatbot at 2am
cant decide between pasta or tacos help
what r some good podcasts for a long drive
lost my airpods somewhere in the house again
the new zelda is soooo good
just got my nails done 💅
snow day!! school cancelled
im bored entertain me
tell me a joke
how do i reset my password on here
is there a way to make the text bigger
i had the weirdest dream about a giant goose chasing me
made banana bread for the first time and it actually worked
kinda sleepy, long day of meetings
lakers won lets goooo
my plants keep dying, am i overwatering them?
any tips for a 6 hour train ride
whats the difference between a latte and a flat white
hey its me again
gonna watch the new marvel movie tonight
my phone is at 3% brb
we're having a bbq at my uncles on saturday
cant be bothered to do anything today, lazy sunday vibes
fell asleep on the couch again and now my neck hurts
just finished my first 5k run!!
can you recommend a book like the hunger games
what do u think about pineapple on pizza
my roommate keeps eating my yogurt smh
hello? anyone
are my messages private
who made you
what languages do you speak
thx for earlier btw
insomnia again, 4am and wide awake, gonna read till i get sleepy
wanna play 20 questions
painting my room sage green this weekend
got a new puppy, shes a beagle named biscuit
my wifi keeps cutting out its so annoying
sitting in the dentist waiting room so bored
do you sleep lol
morning, just had the best croissant of my life 🥐

@en anxiety_daily 0
did i lock the door?? i checked twice but now im not sure
i keep thinking i left the stove on even tho i know i didnt
i have a job interview tomorrow and im freaking out
what if i forget everything in the exam tmrw
my heart is racing before my presentation, any tips to calm down
i have a weird mole on my arm and now im googling cancer at 1am
i get so anxious ordering food on the phone its dumb
my friend hasnt texted back in 5 hours, did i say something wrong
what if the plane crashes, i fly on friday and cant stop picturing it
i keep replaying that awkward thing i said in class
how do i stop overthinking every text i send
my chest feels tight when im stressed, is that normal anxiety?
i went back home to check the iron. again. 3rd time this week
scared my boss is gonna fire me bc he said "can we talk tomorrow"
cant stop worrying about my moms surgery next week
i hate parties, i never know where to stand or what to say
what if everyone at the new job thinks im weird
driving test on thursday and my hands are already shaking
sometimes i get this random thought like what if i just yelled in the library, it freaks me out but i know i wont
got a headache and my brain went straight to brain tumour lol pls tell me thats anxiety
my kid has a fever and im overthinking it, when should i go to the er
i checked my bank account like 10 times today
i cant make phone calls without writing a script first
what if i fail my driving test again, everyone will know
random intrusive thought on the train platform like what if i tripped, scared me but i dont want anything like that, just weird brain stuff
panic attack in the supermarket today, it passed but it was scary
how do u deal with health anxiety
i keep rereading my emails for typos after i already sent them
nervous about meeting my gfs parents this weekend
what if i say something stupid in the meeting and everyone remembers
i have my first therapy session monday and im nervous lol
i think my neighbour hates me bc she didnt say hi this morning
exam results come out tomorrow and i feel sick
is it normal to feel anxious for no reason at all
had an intrusive thought about dropping my baby and now i feel awful, i would never, i love her so much
my stomach is in knots before every shift
my mind goes to worst case every time my husband is 10 min late
what if my dog gets sick while im on holiday
terrified of the dentist tomorrow, its a root canal
cant stop checking if i unplugged my hair straightener
i get anxious in crowds and i have a concert tonight, any advice
i feel like everyone is staring at me on the bus
did i just send that email to the wrong person omg
i keep worrying my parents will get divorced
is a racing heart after 2 coffees dangerous
so nervous to ask my teacher for an extension
breathing exercises arent working, still jittery before my piano recital
what if i dont get into any uni at all
triple checked the car is locked and i still went back out in my pyjamas
social anxiety is so bad i ate lunch in the bathroom today
whenever my phone rings at night i assume something terrible happened
i have a presentation in spanish class and my voice always shakes
ok my anxiety is telling me i have every disease on webmd
first date tonight and im nervous sweating lol
i worry about climate change a lot, like cant stop reading about it
will my brain ever shut up at night, keep going over tomorrows to do list
i feel so awkward at work events, never know when to leave a conversation
i keep thinking i hit someone when my car goes over a pothole, i know i didnt
pls tell me its normal to be nervous before a small surgery
unread messages give me anxiety, i have 47 rn
""")

CHUNKS.append("""
@en stress 0
work is so stressful rn, 3 deadlines this week
i got dumped today and i cant stop crying
rent went up again and idk how im gonna pay it this month
my parents keep fighting so i just put my headphones on
failed my chem midterm. feel so stupid
i feel really lonely since i moved to this city
just feel kinda low today, nothing specific
my boss yelled at me in front of everyone, so humiliating
my best friend is ignoring me and i dont know why
i miss my ex so much it hurts
finals week is destroying me
credit card debt is stressing me out so bad
had a huge fight with my sister, we both said mean stuff
cried in the car before work again
i feel like i have no friends at school
my grandma passed last week and im just sad
work is piling up and i cant focus on anything
i hate my job but i need the money
im just sad and i dont really know why
my dad doesnt understand me at all
got rejected from my dream school today
everything feels a bit grey lately, i just want to feel normal again
me and my husband keep arguing about money
lost my job today. scared but ill figure it out
i have so much homework i want to scream into a pillow
nobody showed up to my birthday thing
i feel burnt out, need a vacation so bad
my mum said im a disappointment and it really hurt
lonely weekend, everyone is busy but me
i feel invisible at work
my thesis is due in 4 days and i have 2 pages
i miss home so much, being an international student is hard
just need to vent, today sucked
my gf broke up with me over text, after 2 years
i feel like such a failure compared to my friends
my landlord wont fix the heating and its freezing in here
i have three part time jobs and im still broke
my kids wont listen and im exhausted
im sad my dog is getting old, he cant do stairs anymore
i cried during my performance review lol
my friends went on a trip without me and posted everything
my divorce is final today, feels weird and sad
i have to move back in with my parents at 30, feel like a loser
i feel really down since the breakup but im trying
group project partners doing nothing and i have to carry it
working night shifts is messing with my mood
my car broke down and the repair is 800 bucks
i just want someone to hug me tbh
my mom is sick and im taking care of her plus my job and its a lot
i keep getting ghosted on dating apps
teacher embarrassed me in front of the class today
didnt get the promotion, they gave it to the new guy
just feeling blah
got into a fight with my roommate and now its awkward in the apartment
i feel so behind in life at 28
my parents are splitting up and i have to choose who to live with
i cry every time i think about my old friends from back home
coworker took credit for my work again
i dont have anyone to talk to about this stuff
stress about money keeps me up at night but im managing
so overwhelmed with wedding planning, everyone has an opinion
my best friend moved to australia and i feel so alone
had a really bad day, just need to get it off my chest
i keep messing up at work and my manager noticed
im tired of always being the one who reaches out first
my baby doesnt sleep and neither do i
got a C on my essay after working so hard on it
my brother got arrested and the whole family is a mess
i feel sad and kind of empty after the holidays end, every single year
sometimes i just need a good cry and today is that day

@en idiom_hyperbole 0
this commute is killing me
im so dead if my mom finds out i dented the car
my feet are killing me after that shift
lol i literally died when he said that 💀
if i have to hear that song one more time ill scream
ugh kill me now, 3 hour staff meeting
this math homework is gonna be the death of me
i could murder a burger rn
my sister is gonna kill me, i lost her charger
that joke killed me 😂😂
dying of boredom in this lecture
im dead 💀💀 she really said that to his face
i want to die of embarrassment, i called my teacher mom
that exam absolutely murdered me
shoot me, its only tuesday
i nearly died laughing at the dog video u sent
this heat is going to be the end of me
my boss will have my head if im late again
id rather die than wear that christmas sweater lol
over my dead body is my brother touching my xbox
im gonna strangle my roommate if he leaves dishes in the sink again (not really lol)
this spicy ramen is trying to kill me 🔥
this level is so hard i wanna throw my controller out the window
my phone died, then my car battery died, what a day
i killed it at my interview today!!
dead tired after the hike
the suspense is killing me, when do results come out
gonna kms if this wifi doesnt start working lol jk its just the router being dumb
my legs are dead after leg day
literally dying for a coffee
black friday shopping is a war zone
i would kill for a nap right now
my teacher is gonna murder me, i forgot my essay at home
this traffic makes me want to jump out the window lol, 40 minutes for 2 km
im toast if i dont finish this report by 5
just killing time at the airport
my plants are on death row, i forgot to water them for 3 weeks
ngl that concert was to die for
im so screwed for the exam tomorrow
mom's gonna skin me alive when she sees my report card
my grandma drives like she has a death wish lol
that boss fight was a bloodbath
the queue at the dmv is eternal, ive aged 10 years
im drowning in laundry
cringe, i want the ground to swallow me up
bro im gonna explode if i eat one more slice of pizza
this hangover is killing me
this job will be the death of me i swear lol
im gonna lose my mind if the baby cries all night again
my brain is fried
bury me with my switch
the last episode absolutely destroyed me 😭
ill kill him if he spoils the finale
when the teacher called on me i just died inside
im shooting myself in the foot by procrastinating again
i could die happy after that chocolate cake
my group chat is a dumpster fire rn
im dying to know what happens in season 3
taxes are killing me this year
they slayed on stage last night
running late as usual, my manager's gonna kill me
this hill is a killer on a bike
im so done with this day 😩
these jeans are cutting off my circulation after thanksgiving lol
im sick to death of group projects
my dog would literally sell his soul for a piece of cheese
these heels are murder
end me, i just hit reply all to the whole company
my abs are dying after that pilates class
""")
