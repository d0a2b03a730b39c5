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

__all__ = ["reset_message", "signup_message", "attempt_message", "send"]

_SUBJECT = {
    "fr": "Réinitialisation de votre mot de passe GAIA Data",
    "en": "Reset your GAIA Data password",
}
_BODY = {
    "fr": "Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, "
    "une seule fois) :\n\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message.\n",
    "en": "Hello,\n\nTo choose a new password, open this link (valid for one hour, once):"
    "\n\n{link}\n\nIf you did not ask for it, ignore this message.\n",
}


_SIGNUP_SUBJECT = {
    "fr": "Confirmez votre compte GAIA Data",
    "en": "Confirm your GAIA Data account",
}
_SIGNUP_BODY = {
    "fr": "Bonjour,\n\nPour créer votre compte GAIA Data, ouvrez ce lien (valable un jour) :"
    "\n\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message.\n",
    "en": "Hello,\n\nTo create your GAIA Data account, open this link (valid for one day):"
    "\n\n{link}\n\nIf you did not ask for it, ignore this message.\n",
}
_ATTEMPT_SUBJECT = {
    "fr": "Quelqu'un a tenté de créer un compte GAIA Data à votre adresse",
    "en": "Someone tried to create a GAIA Data account for you",
}
_ATTEMPT_BODY = {
    "fr": "Bonjour,\n\nQuelqu'un vient de demander un compte GAIA Data pour cette adresse, "
    "qui en a déjà un. Si c'était vous, connectez-vous ; si vous avez oublié votre mot de "
    "passe, choisissez-en un autre ici :\n\n{link}\n\nSinon, ignorez ce message : "
    "votre compte n'a pas changé.\n",
    "en": "Hello,\n\nSomeone just asked for a GAIA Data account for this address, which "
    "already has one. If it was you, sign in; if you forgot your password, choose another "
    "one here:\n\n{link}\n\nOtherwise, ignore this message: your account did not "
    "change.\n",
}


def _message(subjects: dict, bodies: dict, to: str, sender: str, link: str, lang: str):
    message = EmailMessage()
    message["Subject"] = subjects.get(lang, subjects["en"])
    message["From"] = sender
    message["To"] = to
    message.set_content(bodies.get(lang, bodies["en"]).format(link=link))
    return message


def signup_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The sign-up confirmation mail in ``lang`` (fr or en)."""
    return _message(_SIGNUP_SUBJECT, _SIGNUP_BODY, to, sender, link, lang)


def attempt_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The mail telling the owner of an address that someone tried to sign up with it
    (``link``: the password reset page)."""
    return _message(_ATTEMPT_SUBJECT, _ATTEMPT_BODY, to, sender, link, lang)


def reset_message(to: str, sender: str, link: str, lang: str) -> EmailMessage:
    """The reset mail in ``lang`` (fr or en)."""
    message = EmailMessage()
    message["Subject"] = _SUBJECT.get(lang, _SUBJECT["en"])
    message["From"] = sender
    message["To"] = to
    message.set_content(_BODY.get(lang, _BODY["en"]).format(link=link))
    return message


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
