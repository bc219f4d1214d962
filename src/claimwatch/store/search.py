"""Full-text search over documents: FTS5 on SQLite, a tsvector on PostgreSQL (ILIKE elsewhere).

The only dialect-specific SQL in the store lives here, each piece behind a dialect check. User queries
are reduced to words before they reach the database, so punctuation ("al-Shabaab", "U.S.", "<script>")
cannot raise a syntax error or vanish as markup: every word must appear (AND), each matched as a token.

    SQLite      documents_fts (FTS5, porter stemming), filled on write; its own snippet()
    PostgreSQL  documents.search_vector, a stored generated tsvector ('english': Snowball stemming) over
                the title and text reduced to words (migration 0005), GIN-indexed; ranked by ts_rank;
                the snippet is cut here, in the same form as FTS5's (matched words in [brackets]).
                English stop words ("the", "of") are not indexed there, so a query of stop words alone
                finds nothing on PostgreSQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from .schema import documents

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 16


@dataclass
class Match:
    document_id: str
    snippet: str


def words(query: str) -> list[str]:
    return _WORD.findall(query)


def fts5_query(query: str) -> str:
    """A user's words as an FTS5 expression: each word quoted, all required."""
    return " ".join(f'"{w}"' for w in words(query))


def index_document(conn: sa.Connection, document_id: str, title: str | None, text: str) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(
            sa.text("INSERT INTO documents_fts (document_id, title, text) VALUES (:id, :title, :text)"),
            {"id": document_id, "title": title or "", "text": text},
        )
    # PostgreSQL: the GIN expression index on `documents` follows the row by itself.


def search(conn: sa.Connection, query: str, limit: int) -> list[Match]:
    if not words(query):
        return []
    dialect = conn.dialect.name
    rows: list[tuple[str, str]]
    if dialect == "sqlite":
        result = conn.execute(
            sa.text(
                "SELECT document_id, snippet(documents_fts, 2, '[', ']', '…', :n) AS snippet "
                "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": fts5_query(query), "limit": limit, "n": SNIPPET_WORDS},
        )
        rows = [(r[0], r[1]) for r in result]
    elif dialect == "postgresql":
        result = conn.execute(
            sa.text(
                "SELECT id, text FROM documents, plainto_tsquery('english', :q) AS query "
                "WHERE search_vector @@ query ORDER BY ts_rank(search_vector, query) DESC, id LIMIT :limit"
            ),
            {"q": " ".join(words(query)), "limit": limit},
        )
        rows = [(r.id, marked_snippet(r.text, words(query))) for r in result]
    else:  # any other database: every word somewhere in the title or text
        clause = sa.and_(
            *[sa.or_(documents.c.text.ilike(f"%{w}%"), documents.c.title.ilike(f"%{w}%")) for w in words(query)]
        )
        found = conn.execute(sa.select(documents.c.id, documents.c.text).where(clause).limit(limit)).all()
        rows = [(row.id, _plain_snippet(row.text, words(query))) for row in found]
    return [Match(document_id=doc_id, snippet=snippet) for doc_id, snippet in rows]


def matching_document_ids(conn: sa.Connection, query: str, limit: int = 10_000) -> list[str]:
    """The ids of every document matching `query` (to filter incidents by text)."""
    return [m.document_id for m in search(conn, query, limit)]


def marked_snippet(text: str, terms: list[str], width: int = SNIPPET_WORDS) -> str:
    """About `width` words around the first matched word, matches in [brackets] (FTS5 snippet()'s form).

    A word matches when it starts with a query word (or the reverse, for stems: "bombing" ~ "bombings")."""
    tokens = text.split()
    lowered = [t.lower() for t in terms]

    def hit(token: str) -> bool:
        core = "".join(_WORD.findall(token)).lower()
        return bool(core) and any(core.startswith(t) or t.startswith(core) and len(core) >= 4 for t in lowered)

    first = next((i for i, token in enumerate(tokens) if hit(token)), 0)
    start = max(0, first - width // 4)
    window = tokens[start : start + width]
    shown = " ".join(f"[{t}]" if hit(t) else t for t in window)
    return ("…" if start else "") + shown + ("…" if start + width < len(tokens) else "")


def _plain_snippet(text: str, terms: list[str], width: int = 160) -> str:
    lowered = text.lower()
    at = min((i for i in (lowered.find(t.lower()) for t in terms) if i >= 0), default=0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + text[start : start + width].replace("\n", " ") + "…"
