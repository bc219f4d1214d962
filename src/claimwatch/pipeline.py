"""The extraction pipeline: a list of named components built from a config, and one loop that runs them.

    ingest   (ingest/)         files, HTML, JSON lines, WARC, stdin -> Document        [outside extract()]
    clean    (clean.py)        boilerplate out, metadata in                  Document -> Document
    annotate (annotate.py)     sentences; the NLP model only on sentences that need it
    events, dates, places, counts, groups, roles, claims, quotes, attributions   (extract/)
                               sentence-level mentions, one extractor each
    resolve  (resolve.py)      mentions -> incidents and claims of this document, with evidence
    score    (role_assignment.py, incident_relevance.py)
                               role fillers onto incidents; MUC-4 relevance and type by the models
    confidence (confidence.py) a calibrated confidence per incident and claim; firmness per field
    link + store (store/)      incidents merged across documents, kept with every source     [outside]

The stages and their order are data (`data/pipeline.toml`); each is a `Component` (`components.py`) that
declares what it requires and assigns, checked by `build` before anything runs. `extract()` is a pure
function of one document: its input and output are picklable dataclasses and the models load once per
process, so the same call runs in a CLI, a web worker or a Spark task.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from . import model_registry
from .components import COMPONENTS, Component
from .errors import MissingRequirement, PipelineError, UnknownComponent
from .model import Document, Extraction
from .url_dates import with_url_date
from .work import Work


@dataclass(frozen=True)
class Pipeline:
    components: tuple[Component, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    @functools.cached_property
    def version(self) -> str:
        """What produced a record, stored with every fact: the package, each component with its version,
        each model with its version and sha256 prefix ("claimwatch 0.1.0: clean.v1 annotate.v1 ...; models
        roles.crf.v2@c6a020d2 ...")."""
        from . import __version__

        models = [m for c in self.components for m in c.models]
        tags = " ".join(model_registry.info(m).tag for m in dict.fromkeys(models))
        return f"claimwatch {__version__}: {' '.join(c.id for c in self.components)}; models {tags or 'none'}"

    def run(self, document: Document) -> Work:
        work = Work(document=document)
        for component in self.components:
            work = component.run(work)
            if not isinstance(work, Work):  # a stage that forgets to return is a bug, caught early
                raise TypeError(f"pipeline component {component.name!r} returned {type(work).__name__}, not Work")
        return work


def default_config(profile: str | None = None) -> list[str]:
    """The stage names of a profile of the shipped pipeline config (`claimwatch/data/pipeline.toml`): `stages`
    for "fast", else `profiles.<name>`; by default the profile `CLAIMWATCH_PROFILE` names."""
    from .settings import profile as configured

    name = profile or configured()
    text = resources.files("claimwatch.data").joinpath("pipeline.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    profiles = config.get("profiles", {})
    if name != "fast" and name not in profiles:
        known = ", ".join(["fast", *sorted(profiles)])
        raise PipelineError(f"no pipeline profile named {name!r} (known: {known})")
    stages = config.get("stages") if name == "fast" else profiles[name]
    if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
        raise PipelineError(f"claimwatch/data/pipeline.toml: profile {name!r} must be a list of component names")
    return list(stages)


def build(names: Sequence[str | Component] | None = None, *, profile: str | None = None) -> Pipeline:
    """A pipeline of the named components (the config's `profile` when `names` is None), checked: every
    component is known and each of its requirements is assigned by a component before it."""
    available = {"document"}
    chosen: list[Component] = []
    for entry in default_config(profile) if names is None else names:
        component = entry if isinstance(entry, Component) else COMPONENTS.get(entry)
        if component is None:
            known = ", ".join(sorted(COMPONENTS))
            raise UnknownComponent(f"no component named {entry!r} (known: {known})")
        for needed in component.requires:
            if needed not in available:
                raise MissingRequirement(component.name, needed)
        available.update(component.assigns)
        chosen.append(component)
    return Pipeline(tuple(chosen))


def default_pipeline() -> Pipeline:
    """The pipeline of the configured profile (`CLAIMWATCH_PROFILE`), built once per profile and process."""
    from .settings import profile

    return _profile_pipeline(profile())


@functools.lru_cache(maxsize=4)
def _profile_pipeline(name: str) -> Pipeline:
    return build(profile=name)


def run(document: Document, pipeline: Pipeline | None = None) -> Work:
    return (pipeline or default_pipeline()).run(document)


def extract(
    text: str,
    *,
    published: datetime | str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    language: str | None = None,
) -> Extraction:
    """Read one article and return its incidents, claims and quotes, each fact with its evidence. `language`
    (ISO 639-1) chooses the resources; when None it is detected from the text. Without `published`, a date in
    the path of `url` ("/2024/03/08/") stands for the publication day, as in ingest (`url_dates`)."""
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return extract_document(with_url_date(
        Document(text=text, published=published, url=url, outlet=outlet, title=title, language=language)
    ))


def extract_document(document: Document, pipeline: Pipeline | None = None) -> Extraction:
    chosen = pipeline or default_pipeline()
    work = chosen.run(document)
    if work.extraction is None:
        raise PipelineError("the pipeline ended without an extraction: its config has no 'resolve' component")
    work.extraction.extractor_version = chosen.version
    return work.extraction


def extractor_version() -> str:
    """The composite version of the default pipeline (`Pipeline.version`)."""
    return default_pipeline().version
