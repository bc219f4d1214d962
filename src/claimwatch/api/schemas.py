"""Request and response shapes of the REST API, as they appear in the OpenAPI document."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator

_READABLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")


class Page(BaseModel):
    """One page of a list. Ask for the next with `cursor=next_cursor` (any depth) or `offset=next_offset`
    (up to 10,000 records deep); `null` means there is none."""

    items: list[dict[str, Any]]
    total: int | None = Field(None, description="How many match in all; null when the store cannot count cheaply.")
    limit: int
    offset: int
    next_offset: int | None
    next_cursor: str | None = Field(None, description="Opaque: the page after this one (incidents only).")


class DocumentIn(BaseModel):
    """A document to ingest: its text and whatever metadata is known."""

    text: str = Field(..., min_length=1, description="The article text (plain text, some readable characters).")
    url: str | None = None
    title: str | None = None
    published: datetime | None = Field(None, description="Publication time, ISO 8601; relative dates use it.")
    outlet: str | None = None
    author: str | None = None
    source: str | None = Field(None, description="Where it came from; defaults to 'api'.")

    @field_validator("text")
    @classmethod
    def _readable(cls, text: str) -> str:
        if not _READABLE.search(text):
            raise ValueError("the text holds no readable characters (only white space, NUL or control characters)")
        return text


class AddOut(BaseModel):
    document_id: str
    created: bool = Field(..., description="False when a document with the same text was already stored.")
    incident_ids: list[str]
    claim_ids: list[str]
    merged_incident_ids: list[str] = []


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong bearer token."},
    404: {"model": ErrorOut, "description": "No such record."},
    413: {"model": ErrorOut, "description": "The request body is over the size limit."},
    422: {"model": ErrorOut, "description": "A parameter or body field is invalid."},
    503: {"model": ErrorOut, "description": "The store could not answer in time (statement timeout) or at all."},
}
