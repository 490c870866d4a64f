"""A file whose only fault is a mistyped key: its model without that key, so the
checks of the file still run and one 'sopgen check' shows every error."""

from __future__ import annotations

import copy

from pydantic import BaseModel, ValidationError


def without_unknown_keys(data: dict, err: ValidationError, model: type[BaseModel]):
    """The model validated from ``data`` without the keys ``err`` calls unknown; None
    when that is not the only problem."""
    stripped = copy.deepcopy(data)
    removed = False
    for item in err.errors(include_url=False):
        if item["type"] != "extra_forbidden":
            continue
        node, loc = stripped, list(item["loc"])
        for part in loc[:-1]:
            if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
            elif isinstance(node, dict) and part in node:
                node = node[part]
            # anything else is a union's tag in the location ('list[Simbol]'): skipped
        if isinstance(node, dict) and loc and loc[-1] in node:
            del node[loc[-1]]
            removed = True
    if not removed:
        return None
    try:
        return model.model_validate(stripped)
    except ValidationError:
        return None
