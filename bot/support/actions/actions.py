"""The support bot's custom actions: crisis flow, the bot's presence during a handoff, and
supportive-listening replies.

Which action runs is decided by the bot's policies (config.yml): EmotionRulesPolicy rules on
the emotion service's crisis screening (``derived.crisis``) and the slots set here, then the
emotion-driven strategy rules, then Rasa's RulePolicy. In order of priority:

=========================  ===========================================================
``action_handoff_present``  a handoff to a human is active: every message gets an answer
                            (acknowledgement, how to get help now, the waiting time), and
                            both reach the supervisor's live thread
``action_situation``        a situation the message reports (``slot.situation``, filled by
                            policies.situation_entities): someone else's emergency, abuse at
                            home, someone else at risk, a panic attack; and follow-ups for a
                            few turns after (situation_replies.py)
``action_escalate_crisis``  clear, high risk (``derived.crisis.flag``): resources, a
                            handoff to a human (``POST /v1/sessions/{id}/handoffs``)
``action_crisis_screen``    possible risk (``derived.crisis.level == "possible"``), and each
                            answer while the screen runs: the C-SSRS questions (screener.py)
``action_support_<strategy>``  question, restatement, reflection, affirmation, suggestion,
                            information: a line from the response bank (listening.py)
``action_tool_<name>``      breathing, grounding, checkin (asked for by the person); breathing and
                            grounding then go one step at a time (``action_exercise_step``,
                            exercise.py)
``action_answer_question``  a direct question (intents ``ask_*``): its answer (questions.py);
                            asked for a person, the helplines and the offer of one from the
                            team (``action_answer_offer`` reads the reply)
=========================  ===========================================================

A supervisor ends a handoff from the dashboard, which triggers the intent ``handoff_resolved``
(``action_handoff_resolved``: the bot resumes with a check-in); an unclaimed handoff past its
time triggers ``handoff_waiting`` (``action_handoff_waiting``: what to do now). The person
cannot end a handoff (``/restart`` and a new session keep it).

The actions live in six modules: ``crisis.py`` (handoff, restart and session start),
``crisis_screen.py`` (the screen), ``situation_replies.py`` (situations), with ``still_here.py``
("hello?", a return after a handoff), ``replies.py`` (listening strategies, greetings, tools, the
check-in), ``questions.py`` (direct questions) and ``conversation.py`` (what they share: reading
the tracker, speaking in the person's language). The language models
load here, when the action server starts (~4 s), not on a person's first message.
"""
from actions import crisis, crisis_screen, questions, replies, situation_replies

__all__ = ["crisis", "crisis_screen", "questions", "replies", "situation_replies"]  # rasa_sdk registers the Action subclasses they define
from actions.language import warm_up

warm_up()
