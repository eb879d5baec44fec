"""Read one YAML file into plain Python values plus the line of every key and item.

Uses PyYAML's C parser where present. Rejects what PyYAML would silently accept
but a contributor would not mean: duplicate keys, anchors and aliases (which also
stop "billion laughs" bombs), several documents in one file, tabs, a BOM,
bytes that are not UTF-8, very large files and very deep nesting.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_scripts.errors import Loc, Problem, loc_to_field

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 1_000_000
MAX_DEPTH = 12



@dataclass
class Document:
    """A parsed YAML file: its data and the line of every location in it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # found while loading, but not fatal
    text: str = ""  # the file as written

    def line(self, loc: Loc) -> int:
        """Line of ``loc``, or of its nearest parent that has one."""
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc, 1)

    def line_of(self, start: int, at: str) -> int:
        """The line, from ``start`` on, where the text ``at`` begins; ``start`` if it is not found.

        A value written over several lines (a ``|`` or ``>`` block, or a wrapped quoted string)
        is one string once loaded, so a problem inside it is found again in the file's own text,
        its words allowed to be split over lines.
        """
        words = at.split()[:6]
        if not words or not self.text:
            return start
        offset = sum(len(line) for line in self.text.splitlines(keepends=True)[: max(start - 1, 0)])
        invisible = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"  # as rules.registry takes out
        pattern = f"[\\s{invisible}]+".join(f"[{invisible}]*".join(map(re.escape, word)) for word in words)
        found = re.compile(pattern).search(self.text, offset)
        return self.text.count("\n", 0, found.start()) + 1 if found else start


class LoadError(Exception):
    """A file that cannot be read as YAML; carries the line and a message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load(path: Path, rel: str) -> Document | Problem:
    """Load ``path``; ``rel`` is the name used in messages. Returns a Problem on failure."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Problem(rel, 1, "", f"cannot read the file: {exc.strerror}", rule="yaml-file")
    try:
        return parse(decode(raw), rel)
    except LoadError as exc:
        return Problem(rel, exc.line, "", exc.message, rule="yaml-file")


def decode(raw: bytes) -> str:
    """Check size and encoding, and return the text."""
    if len(raw) > MAX_BYTES:
        raise LoadError(1, f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise LoadError(1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    text = utf8(raw)
    for number, text_line in enumerate(text.splitlines() if "\t" in text else (), 1):
        indent = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
        if "\t" in indent:
            raise LoadError(number, "indent with spaces, not tabs")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LoadError(line, "file contains a NUL character")
    return text


def utf8(raw: bytes) -> str:
    """The text of ``raw``, or a LoadError at the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        raise LoadError(line, f"not valid UTF-8 (byte 0x{byte}); save the file as UTF-8") from None


def parse(text: str, rel: str) -> Document:
    """Parse YAML text into a Document with line numbers."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise LoadError(1, "file is empty")
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise LoadError(*_syntax_error(exc)) from None
    except yaml.YAMLError as exc:
        raise LoadError(1, f"YAML syntax error: {exc}") from None
    except RecursionError:
        raise LoadError(1, f"values are nested too deeply (more than {MAX_DEPTH} levels)") from None
    doc = Document(rel, None, text=text)
    if node is None:
        raise LoadError(1, "file is empty")
    try:
        doc.data = _convert(loader, node, (), doc, set())
    finally:
        loader.dispose()
    return doc


HINTS = {
    "mapping values are not allowed": "if the text contains ': ', put the whole value in quotes",
    "could not find expected ':'": "check the indentation of this line and the one above",
    "did not find expected key": "check the indentation; items of a list start with '- '",
    "did not find expected '-' indicator": "check the indentation; items of a list start with '- '",
    "found undefined alias": "anchors and aliases (& and *) are not allowed",
}


def _syntax_error(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Line and message for a YAML syntax error, pointing at where the broken part starts."""
    problem = exc.problem or "invalid YAML"
    if "expected a single document" in str(exc.context or ""):
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return line, "YAML syntax error: only one YAML document is allowed per file (remove the extra '---')"
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    message = f"YAML syntax error: {problem}"
    if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
        line = exc.context_mark.line + 1 if "end of stream" in problem else line
        message += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
    hint = next((text for key, text in HINTS.items() if problem.startswith(key)), "")
    return line, message + (f"; {hint}" if hint else "")


def _convert(loader: Any, node: Node, loc: Loc, doc: Document, seen: set[int]) -> Any:
    lines = doc.lines
    line = node.start_mark.line + 1
    if len(loc) > MAX_DEPTH:
        raise LoadError(line, f"values are nested too deeply (more than {MAX_DEPTH} levels)")
    if id(node) in seen:
        raise LoadError(line, "anchors and aliases (& and *) are not allowed; write the value out")
    seen.add(id(node))
    lines.setdefault(loc, line)
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise LoadError(key_line, "keys must be plain words such as 'title'")
            key = key_node.value
            if key in first:
                doc.problems.append(Problem(
                    doc.path, key_line, loc_to_field(loc + (key,)),
                    f"duplicate key (first at line {first[key]}); only one can be kept, so merge the two",
                    rule="yaml-file",
                ))
                continue  # keep the first, and keep checking the rest
            first[key] = key_line
            lines[loc + (key,)] = key_line
            out[key] = _convert(loader, value_node, loc + (key,), doc, seen)
        return out
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[loc + (index,)] = item.start_mark.line + 1
            items.append(_convert(loader, item, loc + (index,), doc, seen))
        return items
    return _scalar(loader, node, line)


def _scalar(loader: Any, node: ScalarNode, line: int) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp":
        try:
            value = loader.construct_object(node)
        except ValueError:
            return node.value  # e.g. 2026-02-30: left as text for the validator to explain
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return loader.construct_object(node)
    except yaml.YAMLError:
        raise LoadError(line, f"unsupported YAML tag {node.tag!r}; write plain text") from None

