"""JSON Schemas generated from the type definitions in ``schema.py``.

One schema per entry type for editors (the YAML files), and one per API
document (the JSON published under ``site/api/``). Controlled values and
entry ids come from the content itself, as the validator's do.
"""
from __future__ import annotations

import copy
import json
from typing import Any

from build_scripts.fields import Context
from build_scripts.schema import CARE_LEVELS, ENTRY_TYPES, TRIAGE, EntryType, backlink_names, senders

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def entry_schema(etype: EntryType, ctx: Context) -> dict[str, Any]:
    """Schema for one YAML entry file of ``etype``."""
    return {
        "$schema": DIALECT,
        "$id": f"{etype.name}.schema.json",
        "title": f"Muscle Twitch Guide {etype.name} entry",
        "description": f"One file in content/{etype.folder}/. Generated from build_scripts/schema.py; do not edit.",
        **etype.json_schema(ctx),
    }


def api_schema(etype: EntryType, ctx: Context) -> dict[str, Any]:
    """Schema for ``api/<folder>.json``: the entries plus their ids, URLs and derived links."""
    item = copy.deepcopy(etype.json_schema(ctx))
    item["properties"]["id"] = {"type": "string", "description": "The entry's id (its file name)."}
    item["properties"]["url"] = {"type": "string", "description": "Page address relative to the site root."}
    item["required"] = ["id", "url", *item["required"]]
    for name in backlink_names(etype):
        listed_by = " and ".join(f"the {other.folder} whose '{field}' list this entry" for other, field in senders(etype, name))
        if name in item["properties"]:  # its own field, and the links back: both ways
            item["properties"][name]["description"] += f" In the API, both ways: also {listed_by} (derived)."
        else:
            item["properties"][name] = {"type": "array", "items": {"type": "string"},
                                        "description": f"Ids of {listed_by} (derived)."}
            item["required"].append(name)
    return {
        "$schema": DIALECT,
        "$id": f"{etype.name}.api.schema.json",
        "title": f"Muscle Twitch Guide {etype.folder} API document",
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "schema", "count", etype.folder],
        "properties": {
            "type": {"const": etype.name},
            "schema": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            etype.folder: {"type": "array", "items": item},
        },
    }


def triage_schema(ctx: Context) -> dict[str, Any]:
    """Schema for content/triage.yaml, the warning signs."""
    return {"$schema": DIALECT, "$id": "triage.schema.json", "title": "Muscle Twitch Guide warning signs",
            "description": "content/triage.yaml. Generated from build_scripts/schema.py; do not edit.",
            **TRIAGE.json_schema(ctx)}


def triage_api_schema(ctx: Context) -> dict[str, Any]:
    """Schema for ``api/triage.json``: the model, the levels in words, and which entries name each sign."""
    model = copy.deepcopy(TRIAGE.json_schema(ctx))
    sign = model["properties"]["signs"]["items"]
    sign["properties"]["named_by"] = {"type": "array", "items": {"type": "string"},
                                      "description": "Entries whose care cards name this sign, as type/id (derived)."}
    sign["required"] = [*sign["required"], "named_by"]
    level = {"type": "object", "additionalProperties": False, "required": ["key", "label", "action", "now"],
             "properties": {k: {"type": "string"} for k in ("key", "label", "action", "now")}}
    model["properties"].update({
        "type": {"const": "triage"},
        "schema": {"type": "string"},
        "levels": {"type": "array", "items": level, "minItems": len(CARE_LEVELS), "maxItems": len(CARE_LEVELS)},
    })
    model["required"] = ["type", "schema", "levels", *model["required"]]
    return {"$schema": DIALECT, "$id": "triage.api.schema.json", "title": "Muscle Twitch Guide triage API document",
            **model}


def all_schemas(ctx: Context) -> dict[str, str]:
    """{file name: JSON text} for every schema."""
    out = {}
    for etype in ENTRY_TYPES:
        out[f"{etype.name}.schema.json"] = dump(entry_schema(etype, ctx))
        out[f"{etype.name}.api.schema.json"] = dump(api_schema(etype, ctx))
    out["triage.schema.json"] = dump(triage_schema(ctx))
    out["triage.api.schema.json"] = dump(triage_api_schema(ctx))
    return out


def entry_schemas(ctx: Context) -> dict[str, str]:
    """{file name: JSON text} for the schemas editors use on the entry files (``schemas/``)."""
    return {name: text for name, text in all_schemas(ctx).items() if not name.endswith(".api.schema.json")}


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


EDITOR_SETTINGS = ".vscode/settings.json"


def editor_settings(current: str) -> str:
    """``.vscode/settings.json`` with its map of schemas to files made from the entry types (its
    other settings kept as they are), so an editor checks each file as it is typed."""
    settings = json.loads(current) if current.strip() else {}
    settings["yaml.schemas"] = {**{f"./schemas/{etype.name}.schema.json": f"content/{etype.folder}/*.yaml"
                                   for etype in ENTRY_TYPES},
                                "./schemas/triage.schema.json": "content/triage.yaml"}
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"
