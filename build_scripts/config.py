"""The few settings the generator reads from mkdocs.yml (it never imports MkDocs)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving ``!ENV`` and ignoring Python tags."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1] if len(values) > 1 else None
        names = names or values
    for name in names:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    """Settings shared by the generator and MkDocs."""

    site_url: str
    repo_url: str
    edit_uri: str
    docs_dir: str
    site_dir: str
    use_directory_urls: bool = True
    language: str = "en"  # the language of the pages this config builds (build.language_config)
    markdown_extensions: tuple[Any, ...] = ()  # as mkdocs.yml lists them (site_config.py words the toc's link)

    def edit_url(self, path: str) -> str:
        """Link that opens ``path`` (relative to the repository) in GitHub's editor."""
        branch_part = "/".join(self.edit_uri.strip("/").split("/")[:2]) or "edit/main"
        return f"{self.repo_url.rstrip('/')}/{branch_part}/{path}"


def read_config(root: Path) -> SiteConfig:
    data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return SiteConfig(
        site_url=str(data.get("site_url") or ""),
        repo_url=str(data.get("repo_url") or ""),
        edit_uri=str(data.get("edit_uri") or "edit/main/"),
        docs_dir=str(data.get("docs_dir") or "docs"),
        site_dir=str(data.get("site_dir") or "site"),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        markdown_extensions=tuple(data.get("markdown_extensions") or ()),
    )
