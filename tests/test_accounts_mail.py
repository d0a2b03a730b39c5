"""The password reset link mailed through a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import email
import logging
import re
from email.policy import default

import pytest
from accounts_support import PASSWORD, Visitor, accounts_app
from oidc_support import free_port

from sparql_api.accounts.users import sign_up


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 OK"


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield f"smtp://127.0.0.1:{controller.port}", inbox
    finally:
        controller.stop()


def test_the_reset_link_is_mailed_in_the_pages_language(tmp_path, smtp, caplog):
    url, inbox = smtp
    caplog.set_level(logging.INFO)
    with accounts_app(tmp_path, smtp_url=url, mail_from="gaia@example.org") as app:
        sign_up(app.extensions["gaia_kg_users"].get(), "ada@example.org", PASSWORD)
        visitor = Visitor(app)
        visitor.get("/account/reset?lang=fr")
        visitor.post("/account/reset?lang=fr", {"email": "ada@example.org"})
        visitor.post("/account/reset?lang=fr", {"email": "nobody@example.org"})
        (message,) = inbox.messages
        assert (message["To"], message["From"]) == ("ada@example.org", "gaia@example.org")
        assert message["Subject"] == "Réinitialisation de votre mot de passe GAIA Data"
        body = message.get_content()
        (link,) = re.findall(r"http://localhost(/account/reset/\S+)", body)
        assert "password reset link for account" not in caplog.text  # mailed, not logged
        visitor.get(link)
        assert visitor.post(link, {"password": "a mailed new secret"}).status_code == 200
        assert visitor.sign_in("ada@example.org", "a mailed new secret").status_code == 303


def test_an_unreachable_mail_server_falls_back_to_the_log(tmp_path, caplog):
    dead = f"smtp://127.0.0.1:{free_port()}"
    with accounts_app(tmp_path, smtp_url=dead, mail_from="gaia@example.org") as app:
        Visitor(app).sign_up("ada@example.org")
        visitor = Visitor(app)
        visitor.get("/account/reset")
        assert visitor.post("/account/reset", {"email": "ada@example.org"}).status_code == 200
    assert "the reset mail to account 1 failed" in caplog.text
    assert re.search(
        r"password reset link for account 1: http://localhost/account/reset/", caplog.text
    )
