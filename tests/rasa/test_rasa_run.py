"""The Rasa launcher puts the API token into Rasa's arguments from the environment only."""
from __future__ import annotations

import pytest

from connectors.rasa_run import TokenOnCommandLine, argv_with_token


def test_the_token_comes_from_the_environment_as_one_argument() -> None:
    argv = ["run", "--enable-api", "--port", "5005"]
    assert argv_with_token(argv, {"EMOBOT_RASA_TOKEN": "-starts-with-a-dash"}) == [
        *argv, "--auth-token=-starts-with-a-dash"]


def test_without_a_token_the_arguments_are_unchanged() -> None:
    assert argv_with_token(["run"], {}) == ["run"]
    assert argv_with_token(["run"], {"EMOBOT_RASA_TOKEN": ""}) == ["run"]


@pytest.mark.parametrize("argv", [["run", "--auth-token", "x"], ["run", "--auth-token=x"], ["run", "--auth-tok=x"]])
def test_a_token_on_the_command_line_is_refused(argv) -> None:
    with pytest.raises(TokenOnCommandLine):
        argv_with_token(argv, {"EMOBOT_RASA_TOKEN": "y"})
