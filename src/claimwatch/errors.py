"""Every error Claimwatch raises on purpose. The edges (CLI, REST API) turn these into messages.

    ClaimwatchError
    ├── InputError            a document could not be read (names the source and the reason)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── InputTooLarge
    │   └── MalformedInput    broken JSON, unreadable HTML or WARC
    ├── StoreError            the store could not be opened or written
    │   └── QueryTimeout      a statement ran past CLAIMWATCH_STATEMENT_TIMEOUT and was stopped
    ├── InvalidQuery          a query the store will not run (too long, too many words, a bad cursor)
    ├── NotFound              an ID that the store does not hold
    └── EvaluationError       a labelled file that does not follow its format
"""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Base class: `str(error)` is a message a user can act on."""


class InputError(ClaimwatchError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class MalformedInput(InputError):
    pass


class StoreError(ClaimwatchError):
    pass


class QueryTimeout(StoreError):
    pass


class InvalidQuery(ClaimwatchError):
    pass


class NotFound(ClaimwatchError):
    pass


class EvaluationError(ClaimwatchError):
    pass
