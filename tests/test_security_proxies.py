"""Behind nginx every request comes from nginx's address: the per-address bounds (sign-in
attempts, anonymous SPARQL queries at once) would then count every client as one.
``GAIA_KG_TRUSTED_PROXIES=N`` takes the client's address from the N proxies'
``X-Forwarded-For``; without it the header, which anyone can send, changes nothing."""

from __future__ import annotations

import pytest
from accounts_support import Visitor, accounts_app

from sparql_api.accounts.routes import SIGNIN_PER_CLIENT


def _signins(app, forwarded_for: str, count: int) -> list[int]:
    """The statuses of ``count`` failed sign-ins (each for another address, so that only the
    per-client bound applies) from behind a proxy that says the client is ``forwarded_for``."""
    visitor = Visitor(app)
    visitor.get("/account/signin")
    headers = {"X-Forwarded-For": forwarded_for}
    return [
        visitor.post(
            "/account/signin",
            {"email": f"nobody{i}@example.org", "password": "wrong password 123"},
            headers=headers,
        ).status_code
        for i in range(count)
    ]


@pytest.mark.parametrize(("proxies", "second"), [(1, 401), (0, 429)])
def test_the_client_address_is_the_forwarded_one_only_behind_trusted_proxies(
    tmp_path, proxies, second
):
    with accounts_app(tmp_path, trusted_proxies=proxies) as app:
        first = _signins(app, "203.0.113.1", SIGNIN_PER_CLIENT + 1)
        assert first == [401] * SIGNIN_PER_CLIENT + [429]
        assert _signins(app, "203.0.113.2", 1) == [second]
