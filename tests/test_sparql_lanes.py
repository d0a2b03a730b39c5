"""Anonymous SPARQL under load: a light lane, and a bound per client (issue 21).

Slow queries of one client used to take every anonymous slot for the whole time limit, so
every other client's queries, light ones included, got 503.
"""

from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest
from http_support import app_over

from graph_loader.config import Settings
from graph_loader.store import EmbeddedStore
from sparql_api.core.errors import ClientBusy, GateFull
from sparql_api.core.roles import Role, RoleGate, anonymous

EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# 3,000 triples cubed: far more than the time limits below.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
A, B, C = "192.0.2.1", "192.0.2.2", "192.0.2.3"
COUNTED = '{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"3000","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}'  # noqa: E501


@pytest.fixture(scope="module")
def store():
    store = EmbeddedStore(None)
    triples = [
        ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(i))
        for i in range(3000)
    ]
    store.replace_graph(ox.NamedNode(EX + "g"), triples)
    return store


def ask(app, query: str, client: str):
    return app.test_client().get(
        "/sparql", query_string={"query": query}, environ_base={"REMOTE_ADDR": client}
    )


def in_background(app, query: str, client: str) -> tuple[threading.Thread, dict]:
    answers: dict = {}

    def run():
        answers["response"] = ask(app, query, client)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, answers


def wait_until(condition) -> None:
    for _ in range(1000):
        if condition():
            return
        time.sleep(0.01)
    raise AssertionError("never happened")


def test_a_client_running_two_slow_queries_leaves_the_others_served(store):
    with app_over(
        store, workers=2, light_query_workers=1, light_query_seconds=0.5, query_timeout=3.0
    ) as app:
        gate = app.extensions["gaia_kg"].gate
        slow = [in_background(app, SLOW, A) for _ in range(2)]
        wait_until(lambda: gate.long_running("anonymous") == 2)
        light = ask(app, COUNT, B)
        third = ask(app, COUNT, A)
        assert (light.status_code, light.text) == (200, COUNTED)
        seconds = third.headers["Retry-After"]  # until A's first query ends
        assert third.status_code == 429 and seconds in ("2", "3")
        assert third.text == (
            f"Too many queries at once from your address (2 at most); try again in {seconds} s.\n"
        )
        for thread, answers in slow:
            thread.join()
            assert answers["response"].status_code == 504
        assert (ask(app, COUNT, A).status_code, gate.running("anonymous")) == (200, 0)


def test_a_query_running_long_while_the_long_lane_is_full_is_stopped(store):
    with app_over(
        store, workers=1, light_query_workers=1, light_query_seconds=0.5, query_timeout=3.0
    ) as app:
        gate = app.extensions["gaia_kg"].gate
        first, answers = in_background(app, SLOW, A)
        wait_until(lambda: gate.long_running("anonymous") == 1)
        started = time.monotonic()
        stopped = app.test_client().get(
            "/sparql",
            query_string={"query": SLOW},
            headers={"Accept-Language": "fr"},
            environ_base={"REMOTE_ADDR": B},
        )
        assert time.monotonic() - started < 3.0  # stopped at the light lane's end
        seconds = stopped.headers["Retry-After"]  # until the long query's time limit
        assert stopped.status_code == 503 and seconds in ("1", "2")
        assert stopped.text == (
            "La requête a été arrêtée après 0.5 s : la file des requêtes longues est pleine "
            f"(1 au plus) ; réessayez dans {seconds} s, ou allégez la requête.\n"
        )
        assert (ask(app, COUNT, C).status_code, gate.long_running("anonymous")) == (200, 1)
        first.join()
        assert answers["response"].status_code == 504


def test_a_query_waits_for_a_light_slot_rather_than_being_refused():
    role = anonymous(
        Settings(query_workers=1, light_query_workers=1, light_query_seconds=5, client_queries=1)
    )
    gate = RoleGate()
    first, second = gate.enter(role, A), gate.enter(role, C)
    with pytest.raises(ClientBusy) as busy:
        gate.enter(role, A)
    assert busy.value.limit == 1
    admitted: list[int] = []
    waiting = threading.Thread(target=lambda: admitted.append(gate.enter(role, B)))
    waiting.start()
    time.sleep(0.2)
    assert admitted == []  # still waiting for a slot
    gate.leave(role, first)
    waiting.join()
    assert len(admitted) == 1 and gate.running("anonymous") == 2
    for ticket in (second, admitted[0]):
        gate.leave(role, ticket)
    assert gate.running("anonymous") == 0


def test_without_a_light_lane_a_full_role_refuses_at_once():
    role = Role("anonymous", 30.0, 1)
    gate = RoleGate()
    ticket = gate.enter(role, A)
    with pytest.raises(GateFull) as full:
        gate.enter(role, B)
    assert (full.value.slots, full.value.role, full.value.retry_after) == (1, "anonymous", 30)
    gate.leave(role, ticket)
