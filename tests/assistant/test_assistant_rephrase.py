"""The optional rephrasing through an OpenAI-compatible endpoint served on 127.0.0.1: a text
keeping to the statements is shown; one bringing a name or number from elsewhere is dropped;
an endpoint down leaves the statements alone."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from concept_support import demo_store
from http_support import app_over

from sparql_api.assistant.rephrase import check

QUESTION = "sea ice thickness in the Arctic"


def _faithful(statements: list[str]) -> str:
    """A paragraph made of the statements themselves, each with its marker."""
    return " ".join(f"{s.rstrip('.')} [{i}]." for i, s in enumerate(statements, 1))


@contextmanager
def endpoint(invent: bool):
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, "body": body})
            lines = body["messages"][1]["content"].splitlines()
            statements = [line.split("] ", 1)[1] for line in lines]
            text = _faithful(statements)
            if invent:
                text += " NASA also holds 99 more [1]."
            answer = {"choices": [{"message": {"role": "assistant", "content": text}}]}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


@pytest.fixture(scope="module")
def store():
    return demo_store()


def test_a_faithful_rephrasing_is_kept(store):
    with endpoint(invent=False) as (url, seen):
        with app_over(store, llm_url=url, llm_model="tiny") as app:
            answer = app.test_client().get("/api/ask", query_string={"q": QUESTION}).get_json()
    statements = [s["text"] for s in answer["answer"]]
    assert answer["rephrased"] == {"text": _faithful(statements), "error": None}
    assert seen[0]["path"] == "/v1/chat/completions" and seen[0]["body"]["model"] == "tiny"


def test_an_invented_name_drops_the_rephrasing(store):
    with endpoint(invent=True) as (url, _seen):
        with app_over(store, llm_url=url) as app:
            client = app.test_client()
            answer = client.get("/api/ask", query_string={"q": QUESTION}).get_json()
            page = client.get("/ask", query_string={"q": QUESTION, "lang": "en"})
    assert answer["rephrased"] == {
        "text": None,
        "error": "rephrasing dropped: a number not in the records: 99",
    }
    assert "NASA" not in page.get_data(as_text=True)


def test_an_endpoint_down_leaves_the_statements(store):
    with endpoint(invent=False) as (url, _seen):
        pass  # closed: nothing listens there any more
    with app_over(store, llm_url=url) as app:
        answer = app.test_client().get("/api/ask", query_string={"q": QUESTION}).get_json()
    assert answer["rephrased"]["text"] is None
    assert answer["rephrased"]["error"].startswith("the model endpoint failed")
    assert answer["found"] == 1


def test_check_names_numbers_and_markers():
    statements = ["1 records match: 1 dataset(s).", "1 from CTOH."]
    assert check("One record matches, from CTOH [1][2].", statements) is None
    assert check("One record matches.", statements).startswith("a sentence cites no")
    assert check("It is from CTOH [3].", statements).startswith("a marker names no")
    assert check("It is from AVISO [2].", statements) == "a name not in the records: AVISO"
