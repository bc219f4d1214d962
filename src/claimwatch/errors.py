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
    ├── SparkError            the Spark job cannot start (no PySpark, no Java) or its output is unusable
    ├── ExportError           an unknown export format, or its library missing; a GTD file not in its format
    ├── FeedError             a feed source that cannot be added or read (watch and sources)
    ├── EvaluationError       a labelled file that does not follow its format
    ├── ModelError            a trained model that is corrupt, unlisted or of another version
    └── PipelineError         a pipeline config that cannot be built (names the component)
        ├── UnknownComponent
        ├── DuplicateComponent
        └── MissingRequirement  a component needs a field of `Work` no earlier component assigns
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


class SparkError(ClaimwatchError):
    pass


class NotFound(ClaimwatchError):
    pass


class EvaluationError(ClaimwatchError):
    pass


class ModelError(ClaimwatchError):
    """A model file the registry cannot vouch for (model_registry.py): names the file and what to do."""


class PipelineError(ClaimwatchError):
    """A pipeline config that cannot be built: names the component and what is wrong."""


class UnknownComponent(PipelineError):
    pass


class DuplicateComponent(PipelineError):
    pass


class MissingRequirement(PipelineError):
    def __init__(self, component: str, field: str) -> None:
        super().__init__(
            f"component {component!r} requires {field!r}, which no component before it assigns "
            "(reorder the stages or add the component that assigns it)"
        )
        self.component = component
        self.field = field


class ExportError(ClaimwatchError):
    pass


class FeedError(ClaimwatchError):
    pass
