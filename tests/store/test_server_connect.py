"""A server that asks for a password qdplanner has not got, or refuses the one it has, is told
in words that say where the password goes (issue 19, tried on a fresh machine: the command
line said only libpq's "fe_sendauth: no password supplied", with its "FATAL:" in the middle).

libpq's own refusals are stood in for (the test server trusts every local connection); their
words are libpq's, as met on a real server over TLS.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli

URL = "postgresql://zhangsan@db.example.gov.cn/qingdao_plan?sslmode=verify-full"
AT = 'connection to server at "192.0.2.2", port 5432 failed: '


def _refused(monkeypatch, words: str) -> None:
    import psycopg

    def refuse(*_args, **_kwargs):
        raise psycopg.OperationalError(words)

    monkeypatch.setattr(psycopg, "connect", refuse)


@pytest.mark.parametrize("command", [["status"], ["export", "out.xlsx"]])
def test_no_password_says_where_to_put_one(monkeypatch, command):
    _refused(monkeypatch, AT + "fe_sendauth: no password supplied")
    ran = CliRunner().invoke(cli, [command[0], URL, *command[1:], "--lang", "en"])
    assert ran.exit_code == 1, ran.output
    line = ran.output.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(f"qdplanner: {URL}: the server asks for a password and none was found")
    assert "no password supplied" in line  # libpq's words kept
    assert "~/.pgpass" in line and "chmod 600" in line and "PGPASSWORD" in line


def test_a_wrong_password_is_said_so_without_fatal(monkeypatch):
    _refused(monkeypatch, AT + 'FATAL:  password authentication failed for user "zhangsan"')
    ran = CliRunner().invoke(cli, ["status", URL, "--lang", "en"])
    assert ran.exit_code == 1, ran.output
    line = ran.output.strip()
    assert line.startswith(f"qdplanner: {URL}: the server refused the password (")
    assert 'password authentication failed for user "zhangsan"' in line
    assert "FATAL" not in line and "~/.pgpass" in line


def test_other_refusals_stay_libpqs_words(monkeypatch):
    _refused(monkeypatch, AT + "Connection refused")
    ran = CliRunner().invoke(cli, ["status", URL, "--lang", "en"])
    assert (
        ran.output.strip()
        == f"qdplanner: {URL}: cannot connect to the server ({AT}Connection refused)"
    )


def test_in_chinese(monkeypatch):
    _refused(monkeypatch, AT + "fe_sendauth: no password supplied")
    ran = CliRunner().invoke(cli, ["status", URL, "--lang", "zh"])
    assert ran.exit_code == 1
    assert "~/.pgpass" in ran.output and "密码" in ran.output, ran.output
