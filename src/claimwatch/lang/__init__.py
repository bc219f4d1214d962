"""Language resources as data: the words and patterns the extractors read, one folder per language.

    lang/<code>/claims.toml      claim, denial and suspicion cues (with ids), channels, link and delay cues
    lang/<code>/casualties.toml  killed / wounded words, qualifiers and the toll grammar
    lang/<code>/numbers.toml     number words ("twenty-one", "a dozen", "dozens")
    lang/<code>/events.toml      attack and weapon cues (with ids and GTD types)
    lang/<code>/dates.toml       month and weekday names, relative-date words, months named alone, verbs of saying
    lang/<code>/places.toml      country aliases, words that are not places, reference points, and [phrases]: how
                                 the language introduces a place (read by extract/place_phrases.py)
    lang/<code>/resolve.toml     words that mark another act or point back to one

Each file is TOML. A pattern is a string or a list of strings (joined, like Python's adjacent literals);
`${name}` in a pattern is replaced by the fragment `name` of the same file's `[fragments]` table, and
`${file.name}` by a fragment of another file of the same language. `resources(code)` reads a language once
per process; what a language's file lacks (a key, a fragment, or the whole file) is taken from English
(`en`), so a language without resources of its own reads like English and never fails. Adding a language
means adding a folder here (see README, "Languages").
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources as _files
from typing import Any

DEFAULT = "en"
_REFERENCE = re.compile(r"\$\{([\w.]+)\}")


def available() -> list[str]:
    """The languages that ship resources of their own."""
    root = _files.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")
                  and any(f.name.endswith(".toml") for f in p.iterdir()))


def normalise(code: str | None) -> str:
    """'fr-FR' -> 'fr'; None or '' -> the default language."""
    if not code:
        return DEFAULT
    return code.strip().lower().replace("_", "-").split("-")[0] or DEFAULT


@dataclass
class Resources:
    """The resources of one language: `section(name)` is the parsed TOML file, `pattern` a compiled regex."""

    code: str
    _sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    _own: set[str] = field(default_factory=set)

    def has_own(self, name: str) -> bool:
        """Whether this language ships the file `name` itself (not taken from English)."""
        self.section(name)
        return name in self._own

    def section(self, name: str) -> dict[str, Any]:
        if name not in self._sections:
            data = _read(self.code, name)
            if data is not None:
                self._own.add(name)
            if self.code != DEFAULT:
                data = _over(resources(DEFAULT).section(name), data or {})
            self._sections[name] = data or {}
        return self._sections[name]

    def get(self, name: str, key: str, default: Any = None) -> Any:
        return self.section(name).get(key, default)

    def text(self, name: str, key: str, extra: dict[str, str] | None = None) -> str:
        """The pattern `key` of file `name` (a fragment or a top-level string), references expanded."""
        section = self.section(name)
        value = section.get("fragments", {}).get(key, section.get(key))
        if value is None:
            raise KeyError(f"lang/{self.code}/{name}.toml has no pattern {key!r}")
        return self.expand(name, value, extra)

    def expand(self, name: str, value: str | list[str], extra: dict[str, str] | None = None) -> str:
        """A pattern with its `${fragment}` references replaced (`extra` names fragments the code builds)."""
        text = "".join(value) if isinstance(value, list) else value
        return _REFERENCE.sub(lambda m: self._reference(name, m.group(1), extra or {}), text)

    def pattern(self, name: str, key: str, flags: int = re.IGNORECASE,
                extra: dict[str, str] | None = None) -> re.Pattern[str]:
        return _compile(self.text(name, key, extra), flags)

    def _reference(self, name: str, ref: str, extra: dict[str, str]) -> str:
        if ref in extra:
            return extra[ref]
        if "." in ref:
            other, key = ref.split(".", 1)
            return self.text(other, key, extra)
        return self.text(name, ref, extra)


@functools.lru_cache(maxsize=64)
def _compile(text: str, flags: int) -> re.Pattern[str]:
    return re.compile(text, flags)


@functools.lru_cache(maxsize=32)
def resources(code: str | None = DEFAULT) -> Resources:
    """The resources of language `code` ('fr', 'fr-FR', None for the default), read once per process."""
    return Resources(normalise(code))


def _over(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """A language's file over English's: its keys replace English's, its fragments are merged in (so a French
    file need not repeat a fragment it does not change)."""
    merged = dict(base)
    for key, value in own.items():
        if key == "fragments" and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def _read(code: str, name: str) -> dict[str, Any] | None:
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None
    path = _files.files(__package__).joinpath(code, f"{name}.toml")
    if not path.is_file():
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        from ..errors import ClaimwatchError

        raise ClaimwatchError(f"lang/{code}/{name}.toml is not valid TOML: {error}") from error
