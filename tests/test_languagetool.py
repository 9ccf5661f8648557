"""The LanguageTool backend against a fake server on localhost."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

pytest.importorskip("language_tool_python")

from normalize.api import Options, check_text  # noqa: E402
from normalize.errors import NormalizeError  # noqa: E402


class FakeLanguageTool(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _json(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "English (US)", "code": "en", "longCode": "en-US"}])
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        params = parse_qs(self.rfile.read(length).decode())
        text = params["text"][0]
        word = "teh"
        matches = []
        at = text.find(word)
        if at >= 0:
            matches.append({
                "message": "Possible spelling mistake found.",
                "shortMessage": "Spelling mistake",
                "replacements": [{"value": "the"}],
                "offset": at, "length": len(word),
                "context": {"text": text, "offset": at, "length": len(word)},
                "sentence": text,
                "rule": {"id": "MORFOLOGIK_RULE_EN_US", "description": "spelling",
                         "issueType": "misspelling", "category": {"id": "TYPOS", "name": "Typos"}},
            })
        self._json({"matches": matches})


@pytest.fixture(scope="module")
def server_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_languagetool_findings_are_unsafe_and_point_into_text(server_url):
    text = "Şoygu met teh envoy."
    findings = [f for f in check_text(text, Options(languagetool_url=server_url)) if f.source == "languagetool"]
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start:f.end] == "teh" and f.suggestions == ("the",)
    assert f.rule == "LT.MORFOLOGIK_RULE_EN_US" and f.category == "spelling"
    assert f.applicability.value == "unsafe"


def test_accept_list_applies_to_languagetool(server_url):
    options = Options(languagetool_url=server_url, accept=frozenset({"teh"}))
    assert not [f for f in check_text("They met teh envoy.", options) if f.source == "languagetool"]


def test_unreachable_server_is_one_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NormalizeError, match="unreachable"):
        check_text("Some text.", Options(languagetool_url=f"http://127.0.0.1:{port}/"))
