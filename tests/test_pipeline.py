"""The pipeline's structure: built from a config, checked when built, and free of import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from claimwatch import pipeline
from claimwatch.components import COMPONENTS, Component, extractor
from claimwatch.errors import MissingRequirement, UnknownComponent
from claimwatch.model import Document
from claimwatch.work import Work

PACKAGE = Path(pipeline.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str) -> set[str]:
    """Every claimwatch module `path` imports, at the top, inside functions or under TYPE_CHECKING alike
    (a type-only import still ties the two modules together)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("claimwatch"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("claimwatch"):
                continue
            if node.module:  # `from . import clean` imports the module clean, not the package again
                found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = {m for m in _imports(path, name) if m in modules and m != name}
        # Importing claimwatch.extract.dates runs claimwatch/extract/__init__.py first (the top package, the
        # public facade, is left out: every module is inside it).
        parent = name.rsplit(".", 1)[0]
        if parent in modules and parent != "claimwatch" and parent != name:
            edges.add(parent)
        graph[name] = edges
    return graph


def _cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A cycle among the modules reachable from `start`, as a path, or None."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    return visit(start)


def test_the_import_walker_finds_a_cycle() -> None:
    assert _cycle_from({"a": {"b"}, "b": {"c"}, "c": {"a"}}, "a") == ["a", "b", "c", "a"]
    assert _cycle_from({"a": {"b"}, "b": set()}, "a") is None


def test_no_import_cycle_below_the_pipeline() -> None:
    graph = _graph()
    assert "claimwatch.resolve" in graph["claimwatch.components"]  # the walker sees the stages
    cycle = _cycle_from(graph, "claimwatch.pipeline")
    assert cycle is None, " -> ".join(cycle or [])


def test_no_stage_imports_the_pipeline_or_the_components() -> None:
    graph = _graph()
    below: set[str] = set()
    todo = list(graph["claimwatch.components"])
    while todo:
        module = todo.pop()
        if module not in below:
            below.add(module)
            todo.extend(graph[module])
    assert {"claimwatch.clean", "claimwatch.resolve", "claimwatch.extract.claims"} <= below
    assert not below & {"claimwatch.pipeline", "claimwatch.components"}


def test_the_stage_contract_imports_no_stage() -> None:
    graph = _graph()
    assert graph["claimwatch.work"] == {"claimwatch.model"}
    assert graph["claimwatch.extract"] == set()  # the extractors' package loads none of them


def test_the_default_pipeline_comes_from_the_config() -> None:
    built = pipeline.build()
    assert built.names == pipeline.default_config()
    assert built.names[0] == "clean" and built.names[-3:] == ["resolve", "score", "confidence"]
    for component in built.components:
        assert component.version and component.assigns


def test_a_missing_requirement_names_the_component() -> None:
    with pytest.raises(MissingRequirement) as caught:
        pipeline.build(["clean", "claims"])  # claims needs sentences and group mentions
    assert caught.value.component == "claims"
    assert "'claims'" in str(caught.value) and "sentences" in str(caught.value)


def test_an_unknown_component_is_a_typed_error() -> None:
    with pytest.raises(UnknownComponent, match="'no-such-stage'"):
        pipeline.build(["clean", "no-such-stage"])


def test_an_added_extractor_needs_only_its_function_and_the_config() -> None:
    def find_exclamations(work: Work) -> list[int]:
        return [s.index for s in work.sentences if s.text.rstrip().endswith("!")]

    shouts = extractor("exclamations", find_exclamations, "1", ("sentences",))
    built = pipeline.build(["clean", "annotate", shouts])
    work = built.run(Document(text="It was quiet. Then a blast shook the market! Police came."))
    assert work.mentions.get("exclamations") == [1]
    assert "exclamations" not in COMPONENTS  # building with a component object registers nothing


def test_a_stage_that_returns_nothing_is_caught() -> None:
    broken = Component("broken", "1", lambda work: None, ("document",), ())  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match="'broken'"):
        pipeline.build([broken]).run(Document(text="Nothing here."))
