"""Account enumeration: sign-up, sign-in and reset answer the same whether an address has an
account or not (the owner is told by mail), and they are throttled per client and per
address with 429 + Retry-After, in the page's language (issue 21)."""

from __future__ import annotations

import logging
import re

from accounts_support import PASSWORD, Visitor, accounts_app


def _post(visitor: Visitor, path: str, data: dict):
    visitor.get(path)
    return visitor.post(path, data)


def test_sign_up_answers_the_same_for_a_taken_and_a_new_address(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    with accounts_app(tmp_path) as app:
        Visitor(app).sign_up("ada@example.org")
        caplog.clear()
        prober = Visitor(app)
        taken = _post(prober, "/account/signup", {"email": "ada@example.org", "password": PASSWORD})
        assert "sign-up attempt for the existing account 1" in caplog.text
        new = prober.post("/account/signup", {"email": "bob@example.org", "password": PASSWORD})
        assert (taken.status_code, new.status_code) == (200, 200)
        assert taken.get_data() == new.get_data()
        assert "ada@example.org" not in taken.get_data(as_text=True)
        assert prober.get("/account").status_code == 302  # not signed in either way
        (link,) = re.findall(r"sign-up link for a new account: http://localhost(\S+)", caplog.text)
        done = prober.get(link)
        assert done.status_code == 303
        assert prober.get("/account").status_code == 200  # the link signs bob in
        assert "bob@example.org" in prober.get("/account").get_data(as_text=True)
        again = Visitor(app).get(link)  # the link does not make a second account
        assert again.status_code == 400


def test_the_owner_of_a_taken_address_is_told_by_mail(tmp_path):
    from aiosmtpd.controller import Controller
    from oidc_support import free_port
    from test_accounts_mail import Inbox  # noqa: F401 - the SMTP fixture's handler

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        smtp = f"smtp://127.0.0.1:{controller.port}"
        with accounts_app(tmp_path, smtp_url=smtp, mail_from="gaia@example.org") as app:
            visitor = Visitor(app)
            _post(
                visitor,
                "/account/signup?lang=fr",
                {"email": "ada@example.org", "password": PASSWORD},
            )
            (confirm,) = inbox.messages
            assert confirm["Subject"] == "Confirmez votre compte GAIA Data"
            (link,) = re.findall(r"http://localhost(/account/signup/\S+)", confirm.get_content())
            assert visitor.get(link).status_code == 303
            _post(
                Visitor(app), "/account/signup", {"email": "ada@example.org", "password": "x" * 12}
            )
            attempt = inbox.messages[1]
            assert attempt["To"] == "ada@example.org"
            assert attempt["Subject"] == "Someone tried to create a GAIA Data account for you"
            assert "/account/reset" in attempt.get_content()
    finally:
        controller.stop()


def test_sign_in_and_reset_answer_the_same(tmp_path):
    with accounts_app(tmp_path) as app:
        Visitor(app).sign_up("ada@example.org")
        prober = Visitor(app)
        wrong = _post(prober, "/account/signin", {"email": "ada@example.org", "password": "x" * 12})
        unknown = prober.post("/account/signin", {"email": "zed@example.org", "password": "x" * 12})
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.get_data().replace(b"ada@", b"zed@") == unknown.get_data()
        known = _post(prober, "/account/reset", {"email": "ada@example.org"})
        nobody = prober.post("/account/reset", {"email": "zed@example.org"})
        assert known.get_data() == nobody.get_data()


def test_sign_up_and_reset_are_throttled_per_address_and_per_client(tmp_path):
    with accounts_app(tmp_path) as app:
        for path, data in (
            ("/account/signup", {"email": "ada@example.org", "password": PASSWORD}),
            ("/account/reset", {"email": "ada@example.org"}),
        ):
            visitor = Visitor(app)
            visitor.get(path)
            statuses = [visitor.post(path + "?lang=fr", data).status_code for _ in range(6)]
            assert statuses == [200] * 5 + [429], path
            refused = visitor.post(path + "?lang=fr", data)
            assert int(refused.headers["Retry-After"]) > 0
            assert "Trop de tentatives" in refused.get_data(as_text=True)
            other = visitor.post(path, {**data, "email": "bob@example.org"})
            assert other.status_code == 200  # another address is not blocked by ada's
        visitor = Visitor(app)
        visitor.get("/account/signup")
        statuses = [
            visitor.post(
                "/account/signup",
                {"email": f"u{n}@example.org", "password": PASSWORD},
                environ_base={"REMOTE_ADDR": "192.0.2.1"},
            ).status_code
            for n in range(21)
        ]
        assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
        elsewhere = Visitor(app)
        elsewhere.get("/account/signup")
        assert (
            elsewhere.post(
                "/account/signup",
                {"email": "u99@example.org", "password": PASSWORD},
                environ_base={"REMOTE_ADDR": "192.0.2.7"},
            ).status_code
            == 200
        )  # another client is not
