#!/usr/bin/env python3
"""Assemble the hand-written messages below into statements.csv,
conversations.csv and README.md, and validate them.

Every message in this file was typed by hand. This script does not
generate, vary, template or combine any text; it only numbers the
rows, writes RFC-4180 CSV, counts and checks.

Statement blocks: one message per line. A line starting with
"de|", "fr|", "es|", "it|", "nl|" or "pt|" is in that language,
otherwise the line is English.

Conversation blocks: a header line
    === <risky 0/1> <category> <unmistakable_turn or -> <language>
followed by one user turn per line.
"""
import collections
import csv
import re
import sys

POSITIVE = [
    "passive_death_wish", "active_ideation", "method", "intent", "plan",
    "preparatory_acts", "burdensomeness", "hopelessness_entrapment",
    "self_harm_urge", "command_hallucination", "risk_to_others",
    "obfuscated", "non_english",
]
NEGATIVE = [
    "ordinary_sadness", "grief", "stress", "past_recovered", "negation",
    "idiom_hyperbole", "fiction_news_discussion", "joke", "everyday",
    "non_english_negative",
]
LANGS = ["en", "de", "fr", "es", "it", "nl", "pt"]

S = {}

# ---------------------------------------------------------------- positives

S["passive_death_wish"] = r"""
wish i could just go to sleep and not wake up tbh
honestly if i didnt wake up tomorrow i wouldnt mind at all
i keep hoping a car hits me on the way to work. not gonna do anything just... hoping
some nights i pray god just takes me in my sleep
i dont want to be alive anymore but i dont want to do anything either if that makes sense
id be fine if the plane went down on my trip next week. like actually fine
every morning i wake up and im disappointed im still here
i just want to stop existing for a while. or forever idk
wish i was never born fr
if i got some terminal diagnosis i think id feel relieved ngl
im 78 and tired, i ask the lord every night to let me go now. my wife is gone, nothing left for me
kinda want to disappear and never come back. not like run away. disappear disappear
i dont care if i live or die anymore and thats what scares me
wish i could fall asleep for good rn
when i cross the road i dont look anymore. if it happens it happens
being dead sounds so peaceful compared to this
i just want everything to stop. me included
would be nice to not exist tbh. no pain no nothing
tonight i want to close my eyes and just not open them again
honestly hoping the chemo doesnt work. i cant keep doing this
i wish i had died in that accident instead of walking away from it
its been weeks of going to bed wishing tmrw doesnt come for me
mum keeps saying im lucky to be alive. i dont feel lucky i feel like i should of died
if i get covid again i hope it finishes me off
i dont want to wake up anymore 😞
im so tired of being alive. not sleepy tired. alive tired
i dont want to kill myself but i really wish i was dead, is that the same thing
i want to not be here. thats all i think about lately
my body needs to just give up already, i'm so ready
each night i hope my heart just stops while im asleep
i am wishing every day i would not wake up, life is too heavy for me here
honestly id swap places with anyone in a coffin rn
sometimes when im driving i think how nice it would be if a truck just took me out. every day lately
"""

S["active_ideation"] = r"""
ive been thinking about killing myself a lot lately
been having thoughts about ending it all and they wont go away
i keep thinking about ending my life and today its really loud
tbh i think about suicide every single day now
i want to die. like actually want to make it happen
the thoughts about taking my own life are getting stronger every week
idk how much longer i can fight the urge to end things
im seriously considering ending my life
part of me really wants to kill myself and the other part is getting quieter
every time im alone my brain goes straight to how i could end it
i keep imagining my own funeral and it feels like relief
i think im going to end up taking my own life one day. thats where this is heading
ive started thinking seriously about suicide and it scares me
i want to end my life but im scared
thinking about offing myself rn
cant stop thinking about ending it. its 3am and its all i think about
i just want to die and i mean it this time
thinking about killing myself is the only thing that calms me down lately
im a dad of two and i keep thinking about ending it. i feel like a monster even typing this
i've thought about suicide more this week than in my whole life
why do i keep thinking about killing myself when nothing even happened today
the suicidal thoughts are back and worse than before
i dont think i want to live anymore. like seriously considering not living
honestly the only thing keeping me from ending my life is my cat and shes 16
my brain keeps telling me ending it would fix everything and im starting to agree
i have suicidal thoughts since my divorce, every night, i dont know what to do
i dont want to be here anymore and ive been thinking about doing something about it
cant shake the thought of taking my life, its been there all week
today i almost convinced myself to end it
i think about dying by my own hand more than i think about anything else
considering suicide. dont know who else to tell
thoughts of ending my own life keep coming at work and im finding them really hard to push away
sitting in my car in the work car park thinking about ending everything
"""

S["method"] = r"""
how many of my sleeping pills would it take to not wake up
is a paracetamol overdose painful
whats the tallest car park near me with roof access, i need somewhere high
ive been looking at the bridge near my house a lot. its high enough i think
how long does it take if you sit in a running car in a closed garage
i keep looking at the rope in the shed
does it hurt to jump in front of a train
my dad has a gun in his closet and i know where the key is
whats the quickest way to die without pain
can you overdose on antidepressants and not wake up
would a bottle of vodka and my mums pills be enough
which pills are the most lethal, asking for me not a friend
been staring at the knives in the kitchen for like an hour
if i stop taking my insulin how long would it take
the cliffs on the coast path keep popping into my head, i know exactly which spot
how high does a fall need to be to definitely die
is it true that hanging is quick
i have a whole drawer of my grandmas heart meds. would that do it
been researching ways to kill myself again
how much of my blood pressure meds would it take
is drowning peaceful? asking for real
i keep thinking about driving my car into a wall on the motorway
what would happen if i took all 40 of my tablets at once
i found my brothers hunting rifle and i cant stop thinking about it
can you die from cutting deep enough on your arm
the train tracks are 5 min from my flat and i keep walking there at night
does the charcoal thing actually work, asking for myself
whats a dose of tylenol that would kill someone my size
pills or the bridge. thats what im deciding between
how long would it take to bleed out
if i jumped off my balcony (9th floor) would i die for sure
keep looking at my belt and the door and thinking about it
is there a painless way to end it. pls just tell me
which medicine is enough for sleep forever, i need to know
"""

S["intent"] = r"""
im going to kill myself. i just wanted someone to know
i've decided. im doing it
tonight is the night. im done
i wont be here much longer, i promise you that
im ending it. no one can talk me out of it
this is my last message to anyone
i'm going to end my life and im actually calm about it
im really going to do it this time, not like last time
no more trying. i'm going to take my life
ive already decided im not going to live past this
dont try to stop me im going to do it
im going to end it all i dont care anymore
sorry but im going to kill myself and theres nothing to say
i'm done fighting. im going to end it
i will do it. i just wanted to tell somebody first
im gonna end my life. just saying it out loud for once
its decided. im going to die by my own choice
i know im going to end my life and im not scared anymore
im not going to be alive much longer. thats my choice
i'm going to do it. thanks for trying
this time i wont fail
i'll be gone soon, i've made my peace with that
ok im actually going to kill myself now
you cant help me, im going through with it
i will end my life, i am sure now
i will not be alive next week. i decided.
im going to take all of them and not wake up
whatever you say, im still going to end things
last time i chickened out. not this time
after everything today im done, im going to kill myself
i'm going to end my life and honestly it feels like relief to finally decide
gonna do it. i just want it over
nobody will stop me this time. i'm ending it
"""

S["plan"] = r"""
on friday when everyones at the party im going to do it
ive worked it out. sunday night after my parents go to bed
going to drive up to the lake after work tomorrow and not come back
when my roommate leaves for christmas ill have the flat to myself and thats when
im going to wait til my exams are over so no one says it was the exams, then im done
tonight after my shift im going to the bridge. not to look at it
my plan is to take the pills saturday when my wife visits her sister
i picked the date. its my birthday, the 14th
after i drop the kids at school on monday im going to end it
when the landlord evicts me on the 1st thats it, i already know where ill go
im going to finish the letters tonight and do it tomorrow morning
planning to go to the woods behind my uni on thursday. wont need a return ticket
once my dog passes im going too. vet says a few weeks
the plan is new years eve. everyone will be too drunk to notice im gone
i'm going to do it in the car in the garage when everyone is asleep
i've got it all planned. next week, the hotel room, the pills, everything
after my last exam im going to the cliffs. ive already got the bus times
first im going to clean my room, then send the texts, then take everything
im waiting for payday so i can pay my debts first, then i'm going
tomorrow at 6 before anyone wakes up. thats when
when my mum goes on her night shift i'm going to do it
after my son's wedding in june i will go. i just need to see him married first
i booked a one way train to the coast for saturday. im not coming back
thursday. the multistorey by the station. top floor
i'll do it during lunch break when the office is empty
as soon as my husband leaves for his work trip i'm ending it
i've set a date. 3 weeks. if nothing changes by then im done
going to take the boat out alone sunday and just go over the side
my plan is to do it after grandads funeral so the family only has to be sad once
step 1 finish the will, step 2 walk the dog one last time, step 3 the garage
i have a plan for tonight and i dont want to talk about it
midnight. the bridge on route 9. its decided
"""

S["preparatory_acts"] = r"""
i gave my cat to my neighbour today. she'll have a better home
wrote letters to my mum and my sister. they're in the drawer for after
i've been saving up my pills for a couple months now
deleted all my social media and wrote a note. just wanted to tell someone
gave away my guitar and my games to my cousin, i wont be needing them
i went to the bridge last night to see how it would feel. ill go back
bought a rope today
updated my will and made sure the life insurance goes to my kids. it's all ready
called my dad today to say goodbye without him knowing it was goodbye
i have everything i need now. its all in a box under my bed
ive been rehearsing it. tried with the belt last night but stopped
sent my best friend my passwords and told her what to do with my stuff when im gone
cancelled my subscriptions and paid off my phone so nobody has to deal with it after
i wrote the note. i think it's good enough
drove out to the cliffs today and sat at the edge for an hour. scouting i guess
i found a new home for my dogs, the shelter is taking them friday. after that theres nothing keeping me
returned all the library books and cleaned the flat top to bottom. feels like im finishing things
deleted my insta, my tiktok, my discord. its easier if theres nothing left of me
stocked up on paracetamol from 4 different shops so they wouldnt ask
wrote a goodbye message in my notes app, its scheduled to send tomorrow
i told everyone i love them today. they dont know why yet
i got my affairs in order. bank stuff, passwords, all written down for my son
bought a second hand gun off a guy at work. i dont hunt
gave my little brother my xbox and all my stuff. told him to keep it forever and remember me
recorded a video for my daughter to watch when she's older and i'm not around
put the rope around my neck tonight just to see. took it off. for now
picked out the clothes i want to be found in
ive been going to the train station every night to watch which ones dont stop
made a playlist for my funeral and emailed it to my sister
texted my ex to say sorry for everything and goodbye. its the last one on my list
paid off my credit card and closed my accounts. dont want to leave a mess behind
left my wedding ring and a letter on the kitchen table
i have the pills in my hand right now
"""

S["burdensomeness"] = r"""
everyone would be better off without me honestly
my family would be so much happier if i wasnt around anymore
im just a burden on everyone. theyd be relieved if i was gone
my kids deserve a mum who isnt broken. theyd be better without me
the world would be a better place without me in it
im just dragging everyone down, they'd be fine if i disappeared for good
my parents spent so much on me and i give nothing back. theyd be better off not having to deal with me ever again
if i was gone my husband could finally find someone normal
im a burden to my daughter since the stroke. she'd have her life back if i just died
nobody would even notice if i was gone, and those who did would be relieved
im costing my family money they dont have. the insurance would pay them more than im worth alive
all i do is cause problems. removing myself would fix most of them
my friends only put up with me. they'd be better off if i wasnt here
honestly my team would do better if i wasnt alive to mess everything up
my mom cries because of me every day. if im gone she can stop crying eventually
i make everything worse for everyone around me and i cant keep doing that to them
its selfish of me to keep living when i just take from people
they'd grieve for a bit and then their lives would get so much easier without me
i am only trouble for my family here in this country, better i am not here anymore
my boyfriend deserves better than having to babysit me. he'd be free if i was dead
i'm a waste of space and oxygen, everyone would be better off
my sister has to look after me and she's only 19. she'd be free without me around
i just ruin things. better for everyone if i just stop existing
i feel like a weight on everyone. permanently removing that weight seems kind
my wife would get the house and the pension. thats more than i give her now
tbh my whole family would be relieved if i was dead, they just wont say it
i keep thinking my kids would have a better life if i wasnt in it at all
im holding everyone back. if i was gone for good they could all move on
no one needs me. i'd be doing them a favour by going
everyone keeps having to rescue me. they'd be better off if i just ended it
my dad said im a disappointment. he'd be happier if i was dead and so would i
better for my parents to lose me now than to keep paying for me for years
"""

S["hopelessness_entrapment"] = r"""
there is no way out of this. ive tried everything and i cant go on
nothing is ever going to change and i cant live like this anymore
i feel completely trapped and the only exit i can see is not being here
its never going to get better. ive accepted that and i dont want to keep going
i'm stuck in this marriage, this debt, this body. no way out that doesnt end with me gone
no point in anything anymore. theres no future for me and i dont want one
ive been to 6 therapists and tried 4 meds. nothing works. im out of options and out of reasons to stay
i cant see any future where im alive and ok
im drowning in debt and theres no way out except one
every door is closed. i really cant do this life anymore
i feel like im in a cage and the only key is dying
theres nothing left to try and nothing left to live for
my life is over already, my body just hasnt caught up
the pain will never stop and im done waiting for it to
its hopeless. i'm hopeless. i want out, permanently
40 years old, lost the business, lost the house. there's no coming back from this and i dont want to be here
whatever i do nothing changes so why keep being alive
im stuck here with him and he'll never let me leave. dying is the only way i get out
i have no future, no papers, no family here. i cannot see how to continue living
i've given up. on everything. on staying alive
there is literally no way out of this hole and im so tired of trying to climb. i want it to end
the only thing i can see ahead is more of this, forever. i cant keep living it
nobody can fix this. not you not anyone. its over for me
im trapped in my own head and theres no escape except one
things will never get better so whats the point of staying alive
im 17 and i already know my life is never going to be anything. whats the point of continuing to live
chronic pain 11 years. no cure. i am done living like this
i see no way forward. i just want my life to be over
my whole life is a dead end and i'm done walking into walls. i want to stop for good
i'm beyond help at this point. i just want out of everything, including being alive
ive run out of reasons to live. nothing is going to change
felt trapped for years, now i think the only way out is to stop living
"""
