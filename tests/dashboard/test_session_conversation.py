"""A session's page shows the whole conversation: the person's turns, the bot's replies and the human
part of its handoffs in time order, with the resolution's note among the case notes (seventh
exploratory reading, M9: the page of c07 showed no supervisor reply and "No notes yet")."""
from __future__ import annotations

import re

from sqlmodel import select

from emotion.moodlog.governance import (ConsentRecord, Handoff, add_thread_messages, open_handoff,
                                        pushed_messages, withdraw_handoff)
from emotion.moodlog.repository import MoodLog, TurnToLog
from tests.dashboard.seed import csrf_of, sign_in


def say(log: MoodLog, session_id: str, user_id: str, text: str, replies: list[str]) -> None:
    """One turn of the person, and what the bot answered to it (as the channel reports it)."""
    row, _ = log.append_turn(TurnToLog(session_id=session_id, speaker_id=user_id, bot="support", user_id=user_id,
                                       text=text, text_chars=len(text), status="unanalysed", error_code=None,
                                       modalities={}))
    log.record_replies(session_id, row.turn_index, replies)


def in_order(page: str, *parts: str) -> bool:
    where = [page.index(part) for part in parts]
    return where == sorted(where)


def notes_of(page: str) -> str:
    return re.search(r'<section aria-labelledby="notes-h".*?</ul>', page, re.S).group(0)


def test_the_session_page_shows_the_human_part_in_order_and_the_resolution_note(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    say(log, "s-c07", "u7", "kann ich mit einem menschen sprechen?", ["Ich habe jemanden aus unserem Team gebeten."])
    handoff = open_handoff(db, "s-c07", "asked for a person")
    say(log, "s-c07", "u7", "ist schon jemand da?", ["Ich bin noch da."])
    sign_in(client, accounts["supervisor"])
    token = csrf_of(client.get("/handoffs").text)
    client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token})
    client.post(f"/handoffs/{handoff.id}/reply", data={"text": "Hallo, ich bin Anna aus dem Team.", "csrf_token": token})
    pushed_messages(db, "s-c07", after=0)  # the person's page fetched the first reply
    say(log, "s-c07", "u7", "danke anna. ich fühle mich leer", ["Jemand aus unserem Team ist jetzt da."])
    add_thread_messages(db, handoff, [("person", "danke anna. ich fühle mich leer")])  # the channel's copy
    client.post(f"/handoffs/{handoff.id}/reply", data={"text": "Kann heute Abend jemand bei dir sein?",
                                                       "csrf_token": token})
    client.post(f"/handoffs/{handoff.id}/resolve", data={"csrf_token": token,
                                                         "note": "Bruder kommt morgen, Rückruf vereinbart"})
    db.expire_all()
    add_thread_messages(db, db.get(Handoff, handoff.id), [("notice", "Die Person aus unserem Team hat abgeschlossen.")])
    say(log, "s-c07", "u7", "wie geht es jetzt weiter?", ["Ich höre zu."])

    page = client.get("/sessions/s-c07").text
    assert in_order(page, "kann ich mit einem menschen sprechen?", "Ich habe jemanden aus unserem Team gebeten.",
                    f"Handoff #{handoff.id}</a>:\n        <strong>opened</strong> (asked for a person)",
                    "ist schon jemand da?", "<strong>claimed by sup@example.org</strong>",
                    "<strong>sup@example.org wrote</strong>: Hallo, ich bin Anna aus dem Team.", "seen by the person",
                    "danke anna. ich fühle mich leer", "Kann heute Abend jemand bei dir sein?",
                    "not delivered: waiting for the person&#39;s page",
                    "<strong>resolved by sup@example.org</strong>. Note (not sent): Bruder kommt morgen",
                    "Die Person aus unserem Team hat abgeschlossen.", "wie geht es jetzt weiter?", "Case notes")
    assert page.count("danke anna. ich fühle mich leer") == 1  # the thread's copy of a shown turn is not repeated
    notes = notes_of(page)
    assert "No notes yet" not in notes and "Bruder kommt morgen, Rückruf vereinbart" in notes
    assert f'resolving <a href="/handoffs/{handoff.id}">handoff #{handoff.id}</a>' in notes
    # a note added on the session page sits beside it, oldest first
    client.post("/sessions/s-c07/notes", data={"text": "called back on Monday", "tags": "follow-up",
                                               "csrf_token": csrf_of(page)})
    notes = notes_of(client.get("/sessions/s-c07").text)
    assert in_order(notes, "Bruder kommt morgen", "called back on Monday", "#follow-up")


def test_without_text_consent_the_threads_words_follow_the_handoff_pages_rule(client, app, db, accounts):
    """The person's words are shown while the handoff is live (their vital interest), withheld once
    it is resolved; the team's replies and notes are shown either way, as on the handoff page."""
    db.add(ConsentRecord(user_id="u8", modality="text", granted=False, source="test"))
    db.commit()
    log = MoodLog(app.state.engine)
    say(log, "s-u8", "u8", "words the turn may not show", ["a reply that may not be kept"])
    handoff = open_handoff(db, "s-u8", "crisis language")
    add_thread_messages(db, handoff, [("person", "bitte hilf mir"), ("bot", "Ich bin da, bis jemand kommt.")])
    sign_in(client, accounts["supervisor"])
    token = csrf_of(client.get("/handoffs").text)
    client.post(f"/handoffs/{handoff.id}/claim", data={"csrf_token": token})
    client.post(f"/handoffs/{handoff.id}/reply", data={"text": "Ich bin jetzt bei dir.", "csrf_token": token})

    live = client.get("/sessions/s-u8").text
    assert "words the turn may not show" not in live and "a reply that may not be kept" not in live
    assert in_order(live, "<strong>the person wrote</strong>: bitte hilf mir",
                    "<strong>the bot answered</strong>: Ich bin da, bis jemand kommt.", "Ich bin jetzt bei dir.")
    assert "bitte hilf mir" in client.get(f"/handoffs/{handoff.id}").text  # the same as the handoff page

    client.post(f"/handoffs/{handoff.id}/resolve", data={"csrf_token": token, "note": "reached by phone"})
    done = client.get("/sessions/s-u8").text
    assert "bitte hilf mir" not in done and "Ich bin da, bis jemand kommt." not in done
    assert "bitte hilf mir" not in client.get(f"/handoffs/{handoff.id}").text
    assert "Ich bin jetzt bei dir." in done and "Note (not sent): reached by phone" in done
    assert "reached by phone" in notes_of(done)


def test_a_withdrawn_request_says_so_on_the_session_page(client, app, db, accounts):
    log = MoodLog(app.state.engine)
    say(log, "s-w", "u9", "kan ik met iemand praten?", ["Ik heb het team gevraagd."])
    handoff = open_handoff(db, "s-w", "asked for a person")
    assert withdraw_handoff(db, handoff)
    say(log, "s-w", "u9", "laat maar, ik red me wel", ["Oké."])
    sign_in(client, accounts["supervisor"])
    page = client.get("/sessions/s-w").text
    assert in_order(page, "kan ik met iemand praten?", "<strong>opened</strong>",
                    "<strong>withdrawn</strong>: the person withdrew their request before anyone joined",
                    "laat maar, ik red me wel")
    assert "claimed by" not in page and "resolved by" not in page
    assert db.exec(select(Handoff)).one().status == "resolved"
