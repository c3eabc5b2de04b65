"""Geography: province boundaries, the place gazetteer, map and snapshot rendering.

Exports load lazily so that ``geo.gazetteer`` (used by extraction) does not pay for
importing geopandas, which only the boundary loader needs.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "BoundaryDataError": "geo.boundaries",
    "provinces": "geo.boundaries",
    "provinces_geojson": "geo.boundaries",
    "Gazetteer": "geo.gazetteer",
    "GazetteerError": "geo.gazetteer",
    "Place": "geo.gazetteer",
    "PlaceMention": "geo.gazetteer",
    "load_gazetteer": "geo.gazetteer",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        msg = f"module 'geo' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(module_name), name)
