"""The Rasa launcher puts the API token into Rasa's arguments from the environment only."""
from __future__ import annotations

import pytest

from connectors.rasa_run import ApiWithoutToken, TokenOnCommandLine, argv_with_token


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


@pytest.mark.parametrize("environ", [{}, {"EMOBOT_RASA_TOKEN": ""}, {"EMOBOT_RASA_OPEN_API": "yes"}])
def test_an_api_without_a_token_is_refused(environ) -> None:
    with pytest.raises(ApiWithoutToken):
        argv_with_token(["run", "--enable-api", "--port", "5005"], environ)


def test_a_test_may_ask_for_an_open_api_by_name() -> None:
    argv = ["run", "--enable-api"]
    assert argv_with_token(argv, {"EMOBOT_RASA_OPEN_API": "1"}) == argv
