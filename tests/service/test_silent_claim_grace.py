"""The review of the dashboard, D1 (4): the silent-claim grace (the claimer's time to write before a bot alert makes the
claim silent) had its default of 120 s written three times: ``Settings.silent_claim_after_s`` and the defaults of
``GovernanceLog.add_thread_messages`` and ``silent_claim.mark_silent_claim``; a caller that forgot to pass it got 120 s
whatever the deployment set. Now only the Settings carry it: the mood log's functions must be told."""
from __future__ import annotations

import inspect

import pytest

from emotion.moodlog.db import make_engine, migrate
from emotion.moodlog.governance_log import GovernanceLog
from emotion.moodlog.repository import MoodLog
from emotion.moodlog.silent_claim import mark_silent_claim, silent_claim
from emotion.settings import Settings
from tests.service.test_consent_handoffs import make_client
from tests.service.test_handoff_eighth_reading import open_for
from tests.service.test_handoff_reading12 import WEBHOOK, claim, handoff_of, report, webhook  # noqa: F401 (fixture)


def test_only_the_settings_carry_the_grace() -> None:
    assert Settings.model_fields["silent_claim_after_s"].default == 120.0
    for function, name in ((GovernanceLog.add_thread_messages, "silent_after_s"), (mark_silent_claim, "after_s")):
        assert inspect.signature(function).parameters[name].default is inspect.Parameter.empty, function


def test_a_caller_that_does_not_pass_the_grace_is_refused(sqlite_url) -> None:
    engine = make_engine(sqlite_url)
    migrate(engine)
    with pytest.raises(TypeError, match="silent_after_s"):
        MoodLog(engine).add_thread_messages("nobody", [("alert", "URGENT: Please join now.")])  # type: ignore[call-arg]
    engine.dispose()


@pytest.mark.parametrize(("grace_s", "silent"), [(None, False), (20.0, True)])
def test_the_service_uses_the_deployments_grace(sqlite_url, webhook, grace_s, silent) -> None:  # noqa: F811
    """A claim 60 s old: inside the default 120 s it is not silent yet; a deployment's 20 s makes it silent."""
    settings = {} if grace_s is None else {"silent_claim_after_s": grace_s}
    client, _ = make_client(sqlite_url, handoff_webhook_url=WEBHOOK, **settings)
    with client:
        open_for(client, "balcony")
        claim(client, "balcony", ago_s=60)
        report(client, "balcony", ("person", "still on the balcony"), ("alert", "The person is still at risk. Please write to them now."))
        assert silent_claim(handoff_of(client, "balcony")) is silent
