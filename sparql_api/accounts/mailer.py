"""Mail for the personal space (sign-up confirmation, password reset link), by SMTP when configured.

``Settings.smtp_url``: ``smtp://[user:password@]host[:port]`` (``smtps://`` for implicit TLS,
``?starttls=1`` to upgrade a plain connection), ``Settings.mail_from`` the sender. Without
them the caller prints the link to the log instead.

>>> message = reset_message("ada@example.org", "gaia@example.org", "https://x/r/abc", "fr")
>>> message["Subject"], message["To"]
('Réinitialisation de votre mot de passe GAIA Data', 'ada@example.org')
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from sparql_api.web.i18n import WEB

__all__ = ["reset_message", "signup_message", "attempt_message", "send"]


def _message(subject: str, body: str, to: str, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message.set_content(body)
    return message


def signup_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The sign-up confirmation mail in ``lang`` (fr or en)."""
    subject = WEB.text("mail_signup_subject", lang)
    return _message(subject, WEB.text("mail_signup_body", lang, link=link), to, sender)


def attempt_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The mail telling the owner of an address that someone tried to sign up with it
    (``link``: the password reset page)."""
    subject = WEB.text("mail_attempt_subject", lang)
    return _message(subject, WEB.text("mail_attempt_body", lang, link=link), to, sender)


def reset_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The reset mail in ``lang`` (fr or en)."""
    subject = WEB.text("mail_reset_subject", lang)
    return _message(subject, WEB.text("mail_reset_body", lang, link=link), to, sender)


def send(smtp_url: str, message: EmailMessage, timeout: float = 10.0) -> None:
    """Send ``message`` through the SMTP server of ``smtp_url`` (OSError/SMTPException if it
    cannot)."""
    parts = urlsplit(smtp_url)
    options = parse_qs(parts.query)
    secure = parts.scheme == "smtps"
    port = parts.port or (465 if secure else 25)
    client_class = smtplib.SMTP_SSL if secure else smtplib.SMTP
    with client_class(parts.hostname or "localhost", port, timeout=timeout) as client:
        if options.get("starttls") == ["1"]:
            client.starttls()
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        client.send_message(message)
