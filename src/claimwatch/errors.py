"""Every error Claimwatch raises on purpose. The edges (CLI, REST API) turn these into messages.

    ClaimwatchError
    ├── InputError            a document could not be read (names the source and the reason)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── InputTooLarge
    │   └── MalformedInput    broken JSON, unreadable HTML or WARC
    ├── StoreError            the store could not be opened or written
    ├── NotFound              an ID that the store does not hold
    ├── SparkError            the Spark job cannot start (no PySpark, no Java) or its output is unusable
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


class SparkError(ClaimwatchError):
    pass


class NotFound(ClaimwatchError):
    pass


class EvaluationError(ClaimwatchError):
    pass
