"""The fuzz and abuse suite (issue 11, item 5), bounded so the whole test run stays within minutes.

    schemathesis   every operation of the OpenAPI document, generated requests: never a 500, always
                   the documented content type (writes with the token, through a stand-in extractor)
    Hypothesis     arbitrary bytes through every ingest format and arbitrary text through the whole
                   extraction pipeline: a typed InputError at worst, never an exception
    abuse          a body that never finishes arriving (408), an oversized one (413, in test_api_limits)
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance

from claimwatch.api import app as api_app
from claimwatch.api import create_app
from claimwatch.errors import InputError
from claimwatch.ingest import _from_bytes
from claimwatch.ingest.decode import decode
from claimwatch.model import Document
from desk_store import desk_store_copy
from test_api import TOKEN, fake_extractor

FUZZ = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


def test_no_generated_request_gets_a_server_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = desk_store_copy(tmp_path_factory, tmp_path_factory.mktemp("fuzz"))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(store, token=TOKEN,
                                                                            extractor=fake_extractor))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @FUZZ
        @given(operation.as_strategy())
        def call(case: Any) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                   checks=[not_a_server_error, content_type_conformance])

        call()
    store.close()


# --------------------------------------------------------------------------- ingest and extract never raise


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["text", "html", "json", "jsonl", "warc"]))
def test_arbitrary_bytes_in_any_format_give_documents_or_input_errors(data: bytes, kind: str) -> None:
    for item in _from_bytes(data, "fuzz", kind):
        assert isinstance(item, Document | InputError)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.one_of(st.none(), st.sampled_from(["utf-8", "latin-1", "cp1256", "bogus"])))
def test_decoding_arbitrary_bytes_is_text_or_an_input_error(data: bytes, declared: str | None) -> None:
    try:
        assert isinstance(decode(data, "fuzz", declared), str)
    except InputError:
        pass


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600) | st.lists(st.sampled_from([
    "Gunmen attacked a checkpoint in Kabul on Tuesday, killing 4.", "Islamic State claimed it via Amaq.",
    "\n\n", "Posted by X on June 4, 2017", "at least", "12", "wounded", "said", "—", "\x00", "🙂", "Tags: a",
]), max_size=30).map(" ".join))
def test_arbitrary_text_through_the_pipeline_never_raises(text: str) -> None:
    from claimwatch import extract

    extraction = extract(text)
    assert all(i.id for i in extraction.incidents)


# --------------------------------------------------------------------------- a slow request


def test_a_body_that_never_finishes_arriving_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(api_app, "BODY_SECONDS", 0.3)
    sent: list[dict[str, Any]] = []
    config = api_app.AppConfig(store=None, token=TOKEN, protect_reads=False, extractor=fake_extractor)  # type: ignore[arg-type]

    async def never_called(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the route ran although the body never arrived")

    async def receive() -> dict[str, Any]:
        if not sent and not getattr(receive, "started", False):
            receive.started = True  # type: ignore[attr-defined]
            return {"type": "http.request", "body": b'{"text": "', "more_body": True}
        await asyncio.sleep(3600)  # a client that stalls
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/documents",
             "headers": [(b"authorization", f"Bearer {TOKEN}".encode())]}
    asyncio.run(api_app.Guard(never_called, config)(scope, receive, send))
    assert sent[0]["status"] == 408
