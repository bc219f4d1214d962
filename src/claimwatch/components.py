"""The components a pipeline is built from: each has a name, a version, the fields of `Work` it requires and
the ones it assigns.

All built-in components are declared in this one module (no registration at import time elsewhere, so no
stage imports the pipeline). An extractor is a function `find(work) -> mentions`; `extractor()` wraps it
into a component that keeps what it found in `work.mentions.<name>` (or `work.mentions.extra[name]` for a
kind the contract does not name). Adding an extractor means writing its module and one `extractor(...)`
line here, then naming it in the pipeline config (`data/pipeline.toml`).

Field names are dotted paths into `Work` (`work.py`): "document", "sentences", "parsed", "mentions.<kind>",
"extraction", "extraction.roles", "extraction.relevance". `pipeline.build` checks that every requirement is
assigned by an earlier component (or is the input "document").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import annotate, clean, confidence, resolve, role_assignment
from .errors import DuplicateComponent
from .extract import attribution, casualties, claims, contextual_roles, dates, events, groups, places, quotes, roles
from .work import Work

Stage = Callable[[Work], Work]


@dataclass(frozen=True)
class Component:
    name: str
    version: str  # bumped whenever the component's output for some input changes
    run: Stage
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    models: tuple[str, ...] = ()  # names in the model registry (`model_registry.py`) it reads

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"


def extractor(
    name: str, find: Callable[[Work], Any], version: str, requires: tuple[str, ...], models: tuple[str, ...] = ()
) -> Component:
    """A component that runs `find(work)` and keeps its mentions under `mentions.<name>`."""

    def run(work: Work) -> Work:
        work.mentions.put(name, find(work))
        return work

    return Component(name, version, run, requires, (f"mentions.{name}",), models)


_TEXT = ("document", "sentences")
_READ = (*_TEXT, "parsed")
_RESOLVE_READS = tuple(
    f"mentions.{kind}"
    for kind in ("events", "dates", "places", "counts", "groups", "claims", "quotes", "attributions")
)

COMPONENTS: dict[str, Component] = {}


def _contextual_roles(work: Work) -> Work:
    """Role mentions by the encoder tagger over the CRF's (`extract/contextual_roles.py`), in `mentions.roles`."""
    work.mentions.put("roles", contextual_roles.find_roles(work))
    return work


def register(component: Component) -> Component:
    """Make a component available to pipeline configs by its name."""
    if component.name in COMPONENTS:
        raise DuplicateComponent(f"a component named {component.name!r} is already registered")
    COMPONENTS[component.name] = component
    return component


for _component in (
    Component("clean", "1", clean.stage, ("document",), ("document",)),
    Component("annotate", "4", annotate.stage, ("document",), ("document.language", "sentences", "parsed")),
    extractor("events", events.find_events, "9", _TEXT),
    extractor("dates", dates.find_dates, "8", _TEXT),
    extractor("places", places.find_places, "8", _READ),
    extractor("counts", casualties.find_counts, "11", _TEXT),
    extractor("groups", groups.find_groups, "4", _TEXT),
    extractor("roles", roles.find_roles, "2", _TEXT, models=("roles",)),
    Component(
        "contextual_roles",
        "1",
        _contextual_roles,
        (*_TEXT, "mentions.roles"),
        ("mentions.roles",),
        models=("roles_encoder", "roles_encoder_meta"),
    ),
    extractor("claims", claims.find_claims, "7", (*_TEXT, "mentions.groups")),
    extractor("quotes", quotes.find_quotes, "1", ("document", "mentions.groups")),
    extractor("attributions", attribution.find_attributions, "1", _TEXT),
    Component(
        "resolve",
        "19",
        resolve.stage,
        (*_TEXT, *_RESOLVE_READS),
        ("extraction",),
    ),
    Component(
        "score",
        "2",
        role_assignment.stage,
        ("document", "sentences", "mentions.roles", "extraction"),
        ("extraction.roles", "extraction.relevance"),
        models=("relevance", "incidents"),
    ),
    Component(
        "confidence",
        "2",
        confidence.stage,
        ("sentences", "mentions.dates", "mentions.counts", "mentions.groups", "extraction", "extraction.relevance"),
        ("extraction.confidence", "extraction.firmness"),
        models=("confidence",),
    ),
):
    register(_component)
