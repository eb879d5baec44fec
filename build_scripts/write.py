"""Write generated files only when they change, and remove the ones no longer generated."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{len(self.written)} written, {len(self.removed)} removed, {self.unchanged} unchanged"


def sync_tree(root: Path, files: dict[str, str | bytes], done: Iterable[tuple[str, bool]] = ()) -> Changes:
    """Make ``root`` hold exactly ``files`` ({relative path: content}), touching only what differs.

    ``done`` lists files already brought up to date (by workers) as (relative path, written):
    they are kept and counted.
    """
    changes = Changes()
    root.mkdir(parents=True, exist_ok=True)
    wanted = {Path(rel) for rel in files}
    for rel, written in done:
        wanted.add(Path(rel))
        if written:
            changes.written.append(rel)
        else:
            changes.unchanged += 1
    for rel, content in sorted(files.items()):
        if write_if_changed(root / rel, content):
            changes.written.append(rel)
        else:
            changes.unchanged += 1
    changes.written.sort()
    for path in sorted(root.rglob("*"), reverse=True):  # children before their folders
        rel = path.relative_to(root)
        if path.is_file() or path.is_symlink():
            if rel not in wanted:
                path.unlink()
                changes.removed.append(rel.as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changes


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` only if it differs; True if written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir(new: Path, target: Path) -> None:
    """Put the finished folder ``new`` in place of ``target`` with two renames."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
