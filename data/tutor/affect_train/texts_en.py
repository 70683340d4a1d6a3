# English student messages, one per line, grouped by label.
CONFUSION = r"""
wait so do i add the bottoms too
what's a common denominator
why does 2/4 equal 1/2
huh
im lost
which one is bigger 3/5 or 4/7??
wdym simplify
how do u get 6 from 2 and 3
idk what numerator means
is the numerator the top or bottom one
????? wdym
wait what
so i multiply both?
why did the 3 turn into a 6
how is 1/3 bigger than 1/4 if 4 is bigger
do i flip the first one or the second one
what does reciprocal mean
confused
hmm wait how
why do we flip it when dividing
wait how did u get 12
lcd?? whats that
is 5/10 the same as 1/2 or no
how do i turn 7/3 into a mixed number
what's an improper fraction
so is 0.5 a fraction too?
i dont get where the 8 came from
can u explain that again but slower
what does "equivalent" mean here
do i need the same bottom number to multiply
why cant i just add 1/2 + 1/3 = 2/5
how do you simplify 12/18
which is smaller 2/9 or 3/11
what do i do with the whole number
how do u multiply a fraction by 4
wait is 4 the same as 4/1?
i dont understand the question
whats the difference between numerator and denominator again
hold on why is the answer 3/8 not 3/4
how do i even start this one
mixed number?? like 2 1/3?
if i cut a pizza in 8 and eat 3 is that 3/8 or 5/8
do i subtract the tops only
what happens to the denominator when u multiply
so the bigger the bottom the smaller the piece?? why
i dont get it
wut
how many quarters are in 2
why is 6/6 equal to 1
can a fraction be bigger than 1??
where does the remainder go
how do i compare fractions with different bottoms
is 3/4 = 0.75 or 0.34
what's 1/2 of 1/2
wait does "of" mean times
so i cross multiply? or is that something else
what's the gcf
how do u find the lowest common multiple of 6 and 8
im confused about the part with the 5
why would u multiply top and bottom by the same thing
doesnt that change the number?
so 2/3 and 4/6 are the same thing??
how do I know when its fully simplified
is 9/12 simplified or can it go smaller
how do i divide 3/4 by 2
sorry what
i dont follow
can you show me a picture or something
uhh what does the line in a fraction mean
is 1/0 a thing
how is 0/5 zero
what do you mean by "whole"
ok but why
that step lost me
which step did you do there
why did the bottom stay the same when we added
wait u dont add denominators?
hm so 1/4 + 1/4 is 2/8?
how do i write 1.25 as a fraction
what's 3/5 as a percent
wait is 40% the same as 2/5
do i line up the fractions like with decimals
i dont understand the word problem
what is it even asking
so the answer is a fraction or a whole number?
how can 5/3 be a real fraction the top is bigger
whats a unit fraction
why does keep change flip work
which number do i put on top
idk if i should add or multiply here
confused by the mixed numbers part
how do you subtract 2 1/4 - 1 3/4
do i borrow from the 2?? like in normal subtraction
what do i do when the top is bigger after subtracting
lost again lol
can u explain like im 5
i'm not sure what the hint means
the hint didnt help, what does it mean by scale up
whats the point of the number line here
where is 3/4 on the number line
between 0 and 1 or 1 and 2?
is 7/8 closer to 1 or 1/2
what is "simplest form"
why is it 1/3 and not 2/6 both r right?
um how
?? i dont see it
why 24 and not 48 as the common denominator
do i need the lowest one or any one works?
does order matter when multiplying fractions
so 2/3 x 3/2 = 1? how
can you redo that example
i thought you add across
how do you know which fraction is bigger without a calculator
what's cross multiplying for
hmm is that a typo or am i confused
why is the answer negative
can fractions be negative??
how did 15/20 become 3/4
what did you divide by
so i divide top and bottom by 5?
is 11/11 a whole
why does 1/2 = 50/100
how to change 3 2/5 into improper
multiply the whole by the bottom then what
where does the +2 come from
what's a ratio vs a fraction
is 3:4 the same as 3/4?
i dont know what a quotient is
the question says "reduce" what does that mean
do i reduce before or after multiplying
what does cancelling mean
wait can i cancel the 4s??
how is half of 3 = 3/2
hold on im confused
huhh
what
lost
eh?
hm?
pardon?
me no understand
my brain cant figure out what a denominator is
i have no clue what this means
which is the numerator in 5/9
so like 3 parts out of 7?
teacher said something different about this, which one is right
my teacher said flip the second one, u said something else?
i thought 1/3 was 0.3
is 1/3 = 0.333 forever??
why does it keep going 0.3333
how come 1/8 is 0.125
is it ok if my answer is 6/8 instead of 3/4
does 2/4 count or do u want 1/2
so do i write it as 1 1/2 or 3/2?
how many eighths make a half
how many 1/3s in 2
what's 5 divided by 1/2, is it 2.5?
why is dividing by 1/2 making it bigger??
how does dividing make it bigger that makes no sense to me
whats a denominator
whats a fraction bar
i dont get why we need common denominators for adding but not multiplying
so for multiplying i just go straight across?
what if one of them is a whole number
is 2 = 2/1 or 2/2
if both tops are the same which one is bigger
3/7 or 3/8 which is more
so bigger denominator means smaller fraction??
is 1/2 bigger than 2/5? im not sure
im stuck on number 4 what do i do
stuck on q3 how do i start
what's the first step for 5/6 - 1/4
do i find the lcm of 6 and 4
is the lcm 24 or 12
umm which one
not sure what ur asking
could u rephrase that
idek what the question wants
hold up, why is 3/3 + 1/3 = 4/3 not 1 1/3
oh wait is 4/3 and 1 1/3 the same number??
how do i show my working for this
what should i write in the box
do i type the answer as 3/4 or 0.75
the bar model confuses me
what do the shaded bits mean
so shaded is the top number?
how many pieces is the whole cut into here
the circle has 6 bits, 2 shaded, so 2/6 or 1/3??
why is the pizza in 8 but the answer in quarters
how can i tell if 14/21 simplifies
whats a prime number got to do with this
why
how?
idk how
idk what that means
i dont know what "lowest terms" is
so what does 5/5 mean again
wait so what did i do wrong
which part did i mess up, i dont see it
why is mine wrong, i put 5/12
wdym "same denominator"
wdym by like fractions
what are unlike fractions
i'm confused how 2/3 of 9 is 6
how do u do 3/4 of 20
is "of" multiply or divide
ngl im kinda lost
tbh i dont understand this part at all
bruh what does that mean
fr what is a reciprocal
can someone explain mixed numbers pls
so the answer is 1 and 1/4? or 5/4? i dont get which one
is 0.6 = 6/10 = 3/5?
how to turn 2/5 into a decimal
why do u divide top by bottom for decimals
which one goes first in the division
uh so the bottom number tells how many pieces?
what does the top number tell me then
is a half 1/2 or 2/1 lol i always mix them up
which is which, numerator or denominator, i keep mixing them
how do i do fractions on a calculator
what is 1/2 + 1/4 i keep thinking its 2/6
how do i check my answer
so if the answer is 8/4 do i write 2?
wait can answers be whole numbers
what's the bottom number called
how did you know to times by 3
why 3 though
whyy
wait but why does that work
i see the answer but i dont get the steps
the explanation went too fast for me, can u go back
what's 'equivalent fractions' mean in normal words
confused 🤔
🤔
😕 huh
what?? 😵‍💫
i dont get the pizza example 🍕
which pizza has more left, 3/8 or 2/6
what's bigger 0.4 or 3/8
order these? 1/2, 2/3, 3/5 how
how do i put them smallest to biggest
does 5/6 come before or after 4/5
to compare do i turn them into decimals?
can i use 100 as the common denominator always?
why not just always multiply the bottoms together
is 2/8 = 1/4 bc u divide by 2?
wait i thought simplifying was dividing by 2 every time
so u can divide by 3 too?
what number do i divide by if its 15/25
how did 10/4 turn into 2 1/2
what if there's a remainder in the mixed number
why do i have to simplify at all
i get the adding part but not why the bottom stays the same
ok i kinda get it but why is the top 7
so confused rn lol what is a mixed fraction
im not sure if 5/12 or 7/12
explain pls
explain?
i need help with 2/3 + 3/4
help how do i do this
wait wait go back, why did 4 become 8
is ¾ the same as 0.75
what does ½ of ¼ give
i dont get how 1½ is 3/2
"""

FRUSTRATION = r"""
not again
i suck at this
forget it
this makes no sense and i hate it
why am i always wrong
i give up
ugh
ugh wrong again
is it 5/8?? ugh
this is so annoying
i hate fractions
i hate this
why is this so hard
im so stupid
i'm never gonna get this
seriously?? i put 3/4
that's literally what i wrote
how is 2/6 wrong it's the same as 1/3 😡
ffs
omg stop
i already tried that 5 times
nothing works
i keep getting it wrong
this is impossible
whatever im done
i quit
can we stop this is killing me
this app hates me
the answer checker is broken i put 7/12
ugh i got 0/5
0 out of 10 again. great.
wow another wrong one, love that for me
fantastic, wrong again 🙃
yay more fractions that i cant do 🙃
great im an idiot
my brain hurts
im gonna cry
i cant do this
i just cant
why do i even try
its not fair
this is dumb
this is stupid
stupid fractions
dumb question
who even invented fractions
i hate denominators so much
ughhh
argh
AAAAA
bruh i got it wrong AGAIN
bruh why
not this again
no no no i was so sure
i was sure it was 4/5 😤
😤
😡
😭
😭😭 wrong again
why does it keep saying wrong
i literally did what u said
i followed the steps and its still wrong
the hint makes it worse
stop giving me hints that dont help
your explanation is useless
i dont care anymore i'm just bad at this
fine whatever i'm wrong anyway
doesnt matter i'll fail anyway
im so bad at maths
everyone else gets this except me
my little brother can do this and i cant
i'm the dumbest person in my class
ok i'm actually so done
this is the 4th time
how many more times do i have to do 2/3 + 1/6
why do my answers never match
it said 9/12 is wrong but its the same as 3/4!!
i hate when it doesnt accept the unsimplified one
this is taking forever and i still cant get it right
i've been stuck on this for 20 minutes
stuck for ages ugh
im losing my mind
nope nope nope
i dont want to do this anymore its too hard
leave me alone
stop
enough
ugh i keep messing up the bottom number
i keep forgetting to flip and its so annoying
why cant i just use a calculator
it's rigged
this question is trash
who writes these questions
this is so confusing i want to scream
fml
smh wrong
im useless at this
bro i did everything right
5/6?? no?? wtf
wtf
wth is wrong with 3/9
why is 1 1/2 wrong it's the same as 3/2 😤
wrong wrong wrong
every single time
i swear i'm cursed
i'll never understand fractions
give up
i can't anymore
this is hopeless
its pointless i'm gonna get it wrong anyway
i got like 2 right out of 10 ugh
just tell me the answer already
just give me the answer
i dont want hints i want the answer
ok this is actually making me mad
im so frustrated
so frustrating
frustrated
annoyed
grr
grrr why
hate it
mad
i'm tired of being wrong
every time i think i get it i get it wrong
i thought i understood and then nope
great, so i was wrong the whole time
this is why i hate math
math is the worst
nobody needs fractions in real life anyway ugh
i'm so done with this stupid pizza stuff
if i see one more pizza fraction i'm gonna lose it
whyyy does it have to be 7/12
i messed up the easy one, i'm so dumb
i even got the easy ones wrong
how did i get that wrong 🤦
🤦‍♀️ again
facepalm
ugh i added the bottoms again
i always add the bottoms why do i do that
i feel so stupid right now
stop telling me i'm close i'm clearly not
"almost!" yeah sure
oh wow thanks that totally helps 🙄
thanks for nothing
useless
i give up on number 6
skip this one i hate it
i cant take this anymore
it's too hard for me
i'm not smart enough for this
fractions are my enemy
why do i even have to learn this stupid stuff
my teacher is gonna kill me i keep failing these
i'm going to fail the test tomorrow
i'm so behind everyone
it's not working
the thing won't take my answer 3/5
i typed 3/5 like 10 times
how many times do i have to say 2/3
omfg
ugh ok whatever 1/4 i guess
noooo
nooo i was so close
so close and still wrong ugh
i hate being wrong
i hate this question specifically
this part sucks
this sucks
sucks
ok im getting really annoyed now
im about to throw my laptop
i wanna throw my phone
not doing this anymore
i'm done i'm done i'm done
i'm actually gonna scream
this is torture
this is so unfair the question was tricky
trick question smh
why would u trick me like that
that's not what the question said!!
the question was worded badly
how was i supposed to know that
nobody told me to simplify!!
you never said it had to be simplified 😤
it's the same answer ugh just accept it
why is my 0.5 wrong it's a half
i give up on fractions forever
ugh numbers
ugh 3/8
nooo 2/7 again?? i hate this one
wrong. again. cool.
perfect, another x 🙃
why does everyone get it but me
i'm trying so hard and it's still wrong
i studied and still got it wrong
i cant focus and i keep failing
no point
ugh why is 1/3 + 1/3 not 2/6 i hate this rule
i got 11/12 and it says no 😠
😠
10 wrong in a row wow
3 tries and still wrong
bruh 4/10 = 2/5 how is that wrong
i literally wrote 2 1/4!!!
i hate mixed numbers they're the worst
improper fractions can go die
it keeps marking me wrong for no reason
this is broken
the app is broken, 6/9 is right
argh not the 1/0 thing again
i'm so sick of getting it wrong
stupid stupid stupid
why am i so slow at this
i'm never going to be good at math
my brain is just not made for fractions
i feel like crying honestly
this is making me feel dumb
everyone's gonna laugh at my score
i'm so embarrassed i got 2/10
hate hate hate
screw this
screw fractions
i'm over it
over it
so done with this
ugh fine
seriously why
WHY WHY WHY
why won't it work
i put 5/6 and 5/6 is right!!
ok i give up just show me
i dont even care if its 2/3 or 3/2 anymore
ugh i finally got it but that took way too long and i'm annoyed
yeah i get it now but i'm still mad i got the last 5 wrong
i tried cross multiplying and it still didnt work ugh
i keep dividing wrong it's so annoying
can't believe i got 1/2 + 1/2 wrong ugh
the timer made me rush and now it's wrong 😤
too many questions i can't do any of them
this lesson is ruining my day
i hate the number line questions
i dont get it and i hate that i dont get it
im annoyed that i cant even do 3/4 of 8
ugh ½ again
why is my ¾ marked wrong
ugh it's 7/10 not 7/100 i keep doing that
why is 4/6 wrong, i literally checked it twice
i did 3/5 + 1/5 and still messed it up 😩
got 3 out of 12 right. amazing.
oh great, 1/4 was wrong too 🙃
i've been on question 9 for like 15 mins
5/12 AGAIN?? this question hates me
the 2 in 2 1/3 always trips me up and i hate it
i wrote 0.6 and it wanted 3/5, so annoying
why does it want 1/2 when 2/4 is the same thing ugh
argh 6/7 no
3/8 + 1/8 is 4/8 and it says wrong?!
i cant do 5/6 - 1/4 no matter what i try
ugh i got 13/12 and it's wrong
failed level 2 again
lost all 3 lives on 2/9 + 4/9 😭
i'm on attempt 7 ffs
12 questions and i got 1 right, i'm hopeless
my score went from 60% to 20% ugh
i hate 7/8 and 5/6 problems
nooo i typed 3/7 instead of 3/4
i keep getting 1/6 and it's never right
stupid 9/12
every fraction with a 7 in it i get wrong
2 hours on this homework and still 4 wrong
why do i get 3/10 when the answer is 3/5 every time
this 4th question is impossible
ok 1/3 then. whatever. i'm always wrong anyway
i got a 45 on my fractions quiz and i feel so dumb
can't even do 1/2 of 10 apparently 🙄
sure, 2/4 is "not simplified", thanks so much 🙄
i literally typed ¾ and it said wrong
1/5 + 1/5 = 2/5 and it's WRONG?? oh wait i put 2/10 ugh i'm so stupid
"""

BOREDOM = r"""
snooze
we did this already
easy peasy, next level pls
can i go now
so boring
meh
boring
zzz
zzzz 😴
😴
yawn
🥱
im bored
bored
this is so slow
too easy
too easy tbh
this is baby stuff
this is for little kids
can we do something else
can we play a game instead
when does this end
how much longer
how many more questions
is it over yet
are we done yet
can i stop now
i wanna stop
i'd rather do literally anything else
i'm sleepy
so tired lol
i'm falling asleep over here 😴
ngl this is boring
tbh im bored af
fr this is so boring
bruh this is boring
same thing over and over
again?? we did 1/2 + 1/4 like 10 times
another 1/2 question? boring
3/4 again… yawn
yeah yeah 2/4 = 1/2 we know
ok 1/3 whatever, next
5/10 = 1/2 obviously, can we move on
we already did equivalent fractions
i know this already
i learned this in 4th grade
this is grade 3 stuff
i did this last year
can we skip this part
skip
next
next pls
just skip to the test
can i skip the explanation
i don't need the explanation
can you go faster
faster pls
this is taking forever
slowww
too slow
this tutor talks too much
tl;dr
too long didnt read
k
whatever
who cares
don't care
idc
idc lol
i'm not interested
this isnt interesting
nothing fun about this
can i watch youtube instead
can i go on my phone
i'd rather be playing fortnite
i wanna play minecraft
is it lunch yet
is it break time
when's recess
i'm gonna take a nap
nap time
wake me up when it's over
bleh
blah blah blah
ok and?
so?
mhm sure
yeah whatever
ugh so boring
booooring
boriiing
so boooored
this is sooo easy it's boring
easy. next. easy. next. zzz
3/6 = 1/2. wow. thrilling
oh wow another pizza question how exciting 🙄
wow fractions again so fun
riveting stuff
can these get harder or smth
give me something harder, this is sleep mode
these are too easy for me
i could do these in my sleep
i already know how to add fractions
we did 7/8 - 3/8 yesterday
this is the same as yesterday
same as last time
repeat repeat repeat
copy paste questions lol
are all of them gonna be like this
how many left, 10? ugh so long
only question 3 of 20?? 😩
20 more?? no thanks
i dont feel like doing this
not in the mood
i'm not feeling it today
can we do this tomorrow
later
maybe later
done for today
i'm logging off
bye i'm bored
gonna go
brb forever lol
i'm out
peace
ok i stopped paying attention
i zoned out
sorry i wasnt listening
what were we doing, i zoned out
i'm just clicking random answers
i'm just gonna guess to finish faster
1/2 i guess just want to be done
4/5 or whatever, can i go
does it matter, 2/3
eh 7/9
meh 1/4 sure
whatevs 3/10
fine 6/8. are we done
it's 1/2 obviously, this is too basic
1/4 + 1/4 is 1/2 duh. harder ones pls
2/2 = 1, who doesnt know that
seriously 10/10 = 1? come on
next level
level up pls
can i go to level 5
i want the hard mode, this is snoozy
this is beginner level
too basic
so basic
basic
lame
this is lame
dull
tedious
this is tedious
monotonous
repetitive
so repetitive
same old
snore
fractions again? sleepy
ok i'm bored out of my mind
bored to death
i'm dying of boredom
this is the most boring thing ever
can this be over
how long is this session
is there a time limit, i wanna leave
can i log off
my mom said i have to do 20 mins, how much is left
*stares at screen*
counting the seconds
checked the clock like 5 times
whatever u say
ya ya
uh huh
sure sure
kk next
k next
next one already
hurry up
let's get this over with
just wanna get it over with
get me out of here
nope not doing more
no more pls
i think i've had enough fractions for a lifetime lol
i'm done, bored
ngl i'd rather clean my room
this is less fun than watching paint dry
watching paint dry is more exciting
i literally don't care about pizza slices
who cares about 3/8 of a cake
do we have to
do i have to
must i
nah
nahh
no thanks
pass
6/12 is 1/2 can we move on
yes 2/8 = 1/4, i know, next
question 14 of 30 😩 kill the boredom
4/4 is 1 i'm not 5
ok 9/10. zzz
is this all there is? 1/2 + 1/2?
2/5 and 3/5 make 1, wow, groundbreaking
i've done 1/3 + 1/3 a million times
can we not do 1/2 again pls
i'm so over halves and quarters
half an hour of halves 😴
this could've been 5 minutes
bro this is like 2nd grade
my 6 yo sister could do this
i'm doing this with my eyes closed
i'm yawning so much
i'm half asleep lol
i need coffee
is this ever gonna get interesting
wake me up at question 10
*snores*
so slowwww 🐌
🐌
😑
😐 next
sigh
*sigh* fine next
ho hum
meh whatever
i'm just here cause my mom made me
i only do this because i have to
not interested in pizzas or cakes
who even likes fractions
yeah i'll pass on the bonus round
no bonus pls i wanna be done
can we speed this up
skip skip skip
just give me the quiz
i'd rather watch tiktok
can i play roblox after
i'm scrolling on my phone while doing this
half paying attention rn
im multitasking lol
my mind is somewhere else
this is so pointless and boring
nothing new here
heard it already
yea i know
i know i know
ok got it the first 5 times
you already explained this
we've been on halves for like an hour
can we do decimals or something else
literally anything but fractions
1/2 1/2 1/2 that's all we ever do
how is it still question 2
yawn 0.5
1/2 again. shocker
another 3/4 one zzz
2/4, 3/6, 4/8 we get it they're all 1/2
how many more after 15
we've done 30 of these
q17 of 40 i'm dying
i finished 5/5 already can i leave
1/3 + 1/3 = 2/3 next. next. next.
it's obviously 1, can we do something harder than 5/5
i did 8/12 = 2/3 in year 4
fine it's 4/9 whatever can i go play
it's 6/10 or something, who cares
2/3 yawn
1/4 zzz
zzz 5/6
ok 7/8 now can i go
12 minutes left?? noooo so slow
my mom said 30 mins, it's been 5 😩
is it 3pm yet
1/10 of my brain is paying attention lol
rating this lesson 2/10 boring
3/5 i guess, i'm not even reading
another 2/5 + 1/5? sleep
i learned 1/2 + 1/2 when i was like 6
ok 0.5 whatever
these are all just 1/2 and 1/4 so boring
5 more??
still on 1/8s?? come on
boredom level 100
it's been 40 minutes of the same thing
"""

ENGAGEMENT = r"""
ooh nice
i get it now!!
one more
that was satisfying
let me try without a hint
3/4! easy
yesss
yes!! got it
got it!
i got it right 😎
omg i actually understand this
wait this is kinda fun
this is fun
fractions are actually cool
another one pls
more pls
give me a harder one
bring it on
let's goooo
lets go
lesgo 5/6!!
i knew it was 2/3!!
called it, 7/8
it's 1/2!! i knew it
nailed it
easy 😎 9/10
ez clap
boom
booom 3/5
woohoo
yay
yayyy i got them all
10/10 lets go
5 in a row!!
streak!! 🔥
on fire 🔥
🔥🔥
i'm on a roll
i'm so good at this now
i'm proud of myself ngl
ok that was actually cool
oh that's clever
oh so thats why!! cool
ohhh now it makes sense
ahh i see it now
ooooh
ohh i get it
ahhh
aha!
that's so neat how 2/4 is the same as 1/2
i love how the pieces fit together
can i do the challenge question
challenge me
i wanna try the hard one
let me do it myself
no hints i want to figure it out
don't tell me, i want to solve it
wait wait let me think
i think i can do this one alone
ok my turn
let me try 4/9 + 2/9 myself
can we keep going
keep going!
dont stop now
i want to keep going
this pace is perfect
this is the right speed
i like this
love this
loving this
best lesson ever
this is my favourite part
i like the pizza ones 🍕
the number line thing is cool
i like when u show the pictures
that trick with flipping is so cool
keep change flip is genius
omg cross multiplying is so fast
wow that shortcut 🤯
🤯
mind blown
wait that's actually genius
can i try a mixed number one now
let's do improper fractions next
what's the next level? i'm ready
i'm ready
ready!
hit me
hit me with another
gimme more
yes more fractions lol
i could do this all day
ok i'm hooked
i'm getting better!!
i'm improving 💪
💪
i finally understand denominators
i finally get why u need the same bottom
now i know why 1/3 > 1/4
so 3/6 = 1/2 = 4/8, cool!
i found a pattern: the top is always half the bottom for 1/2!
wait so any fraction over itself is 1? that's cool
is there a way to do it faster? i wanna learn
can you teach me a trick for this
what about dividing? can we learn that too
ooh what about negative fractions
can fractions be in fractions?? that sounds fun
yes! 11/12
got 7/10 and it was right!!
2 1/4!! first try
first try!!
first try baby
no hints needed 😎
did that without a hint
i did it all by myself
that was easy, but fun
nice
cool
awesome
sweet
yay!!! 🎉
woo
epic
amazing
this is awesome
let's do another one like that
that was a good one
good question
that one was tricky but i got it!
hard but fun
i like the tricky ones
tricky ones are the best
i want to beat my score
trying to beat my record
new high score!!
i got 9/10 🎉
🎉🎉
🥳
woohoo 4/4 correct
yessir
lets gooo 3/8
i'm gonna get them all right
i'm actually good at fractions??
didn't know i could do this
my teacher won't believe this
can't wait to show my mom
i'm gonna ace the test
proud of that one
that felt good
so satisfying when it simplifies
satisfying
oddly satisfying
i love when the answer comes out to 1
i love simplifying
ooh this one looks interesting
interesting
oh interesting
huh that's cool
cool cool cool, next one!
ok ok i see it, next!!
next! this is fun
more like this please
can i do 5 more
10 more!
one more round
last one? nooo one more
already done? i wanted more
aww it's over?
can we do this again tomorrow
can i do extra
i practiced this yesterday and now its easy 😁
😁
😃 got it
yay 1/3!
hehe got it
yup knew it
knew it
easy money
piece of cake 🍰
oh this is like sharing pizza, i get it!
so if i share 3 pizzas with 4 friends we each get 3/4! cool
i get it its like money, 1/4 is a quarter!
fractions are just division! wow
let me try explaining it back to you
i'll explain: you multiply top and bottom by the same number
can i make my own question
i made up one: 2/5 + 1/5 = 3/5 right? 😄
this is way easier than i thought
i thought i'd hate this but it's fun
ok fractions aren't that bad actually
ngl this is kinda fun
tbh i'm enjoying this
fr this is fun
bruh that was so easy let's do another
sheesh got it
W
big W
dub
let's go again
again!
again again
yesss next one
on to the next!!
ready for the next 💯
💯
100%
perfect score
ok i'm feeling confident now
i feel smart
i feel like a genius
i'm a fraction master now
fraction wizard 🧙
call me the fraction queen 👑
im the goat
goated
3/4 of 20 is 15! that was fun
1/2 + 1/3 = 5/6 yesss
i did 7/12 in my head 😎
ooh 6/8 simplifies to 3/4, i see it
wait 0.25 is 1/4?? cool
yay 12/16 = 3/4
the answer is 2 and it's right!! 🎉
ok 5/9 easy, what's next
haha i knew 4/5 was bigger
gotcha 8/15
ha! 1 whole
wow i'm fast now
speedrun lol all correct
can we do a timed round? i wanna see how fast i am
race me
i'll beat the clock
oh i love this kind of puzzle
puzzles are my thing
this is like a game
feels like a game 🎮
level complete!! next
unlocked level 3 lets goo
i got the bonus!!
yesss bonus star ⭐
⭐⭐⭐
love the stars
omg yes finally!! i get it
ahh finally, it clicked
it clicked!!
clicked
makes sense now 👍
ohhh the bottoms have to match, got it!!
ok i'm liking fractions more now
math is actually fun today
i'm so into this
this is interesting ngl
can you give me a word problem? i like those
give me a real life one
one with money please, those are fun
can we try 3 fractions at once
what if i add 1/2 + 1/4 + 1/8? let me try
ooh 7/8, i did it
i was wrong before but now i see why, nice
i messed up but i see my mistake now, let me redo it
my bad, it's 5/6 — ok let me try another
ha i caught my own mistake
ok i'm pretty confident it's 2/7
pretty sure it's 3/10 and i'm right 😏
confident: 9/11
100% sure it's 1/6
easy 4/12 = 1/3
yup 15/20 is 3/4
lol easy ½
¾! got it
1/2 + 1/4 = 3/4! i got it
i got 4/5 right that's my best yet
yes 6/9 → 2/3, nice
3 in a row 🔥
level 4 here i come
i love how 5/10 and 50% are the same
oh cool 1/3 is 0.333 forever, weird but cool
8/8 correct!!
my score went up to 90% yay
yes!! 2 3/5
i did 1/6 + 1/3 without help = 1/2 😎
1/4 of 100 is 25, that's like money! cool
omg 9/12 = 3/4 i saw it right away
nice, 14/16 = 7/8
can i try 5/12 + 7/18? sounds hard, i want it
give me one with 3 denominators
ooh 1/2 ÷ 1/4 = 2, that's so cool
20 out of 20 😎
7/7 = 1 hehe easy
easy 2 1/2 ✅
✅ 3/7
yess 11/20 correct
2nd try but i got it, let's go
im at 15 stars now!!
round 2? yes pls
ooh 4/3 is more than 1, neat
"""

NEUTRAL = r"""
4/9
ok
hold on
i think its 2/3
yes
hello
start
hi
hey
no
yeah
yep
okay
kk
3/4
1/2
5/8
7/12
2
36
6
the answer is 3/5
it's 11/15
1 1/2
2 3/4
3/2
0.5
0.75
24
i got 5/6
my answer is 4/7
is it 3/8
maybe 5/12
probably 1/4
3 and 1/3
10/4 = 5/2
2/3 of 12 is 8
6/9 simplified is 2/3
the lcd is 12
common denominator 20
i multiplied by 4
i divided both by 3
i put 9/10
a
b
c
d
option b
b i think
the second one
first one
true
false
bigger
smaller
equal
the same
3/5 is bigger
greater than
less than
one sec
wait
brb
back
im back
sorry i was away
give me a min
let me think
thinking
hmm
hmm 2/5?
good morning
good afternoon
hi im sam
my name is lea
im in grade 6
year 7
i'm 11
i'm 13
what's next
next question
ok next
finished
submitted
i submitted it
can you repeat the question
how do i type a fraction here
do i use / for fractions
where's the submit button
the sound isn't working
my screen froze
it's loading
lag
how many questions are there
what level am i on
which lesson is this
is this homework
my teacher said to do lesson 4
i'm on question 7
question 5
q2
number 3
thanks
thank you
ty
thx
bye
see you
see ya tomorrow
cya
good night
alright
sure
noted
understood
i see
oh ok
okie
okey
mhm
yes please
i'll try
i'm using a pencil
i wrote it on paper
i need a piece of paper
let me get my calculator
can i use a calculator
my mom is here
i have to leave at 5
i have 10 minutes
we start at 4pm right
is this saved
will my teacher see this
yes i did the worksheet
i did page 12
the answer to number 4 is 7/8
1/3 + 1/3 = 2/3
5/6 - 1/6 = 4/6 = 2/3
2/5 × 3 = 6/5
3/4 ÷ 3 = 1/4
8/12 = 2/3
simplify: 3/9 = 1/3
denominator is 8
numerator is 5
the top is 3
the bottom is 10
it's in simplest form
already simplified
improper: 7/4
mixed: 1 3/4
0.25
25%
50%
1/10
two thirds
three quarters
one half
a quarter
half
nine
seven
twelve
zero
one
yes that one
the blue one
the pizza one
i chose a
i'm choosing c
answer: 5/9
final answer 2/7
ok so 4/5
ok 1/6
then 3/7
ok i'll do number 8 now
starting now
go
begin
let's start
can we start
i'm here
present
anyone there
test
testing
hi again
good evening
sup
yo
hey there
morning
2/9
5/11
13/20
1/5
3/10
9/16
4
8
1
0
20
1/8 + 3/8 = 4/8 = 1/2
1/4 of 16 is 4
3 × 2/3 = 2
a half of 6 is 3
2 5/8
4 1/3
7/2
0.2
0.125
yes it's 3/4
no it's 2/5
i wrote 6/10
lcm is 24
gcf is 4
divide by 2
multiply by 5
flip it
top times top
ok i'm multiplying now
doing it now
writing it down
one moment
just a sec
let me check
checking
i'll check my notes
wait let me read it
reading
ok reading the question
i'm on the word problem
it says 3 pizzas
there are 8 slices
she ate 2/8
so 6 left
he has 12 marbles
hi tutor
hello again
i'm ready to start
lesson 3 please
can we do lesson 2
the homework is on page 40
my test is on friday
we're doing fractions in class
my teacher is mr jones
i'm doing this for homework
i logged in
it's me again
same account as yesterday
ok i'll write that
ok noted 1/3
yes 5/7
no 4/9
i said 2/3
i meant 3/5
typo, i meant 7/8
sorry i meant 1/4
oops 2/6 not 2/5
changed it to 5/10
"""
