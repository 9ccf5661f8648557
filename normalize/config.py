"""Project configuration: ``[tool.normalize]`` in pyproject.toml or ``normalize.toml``.

Looked up from the current directory upwards; the first file that has a
normalize section wins. Command-line flags override it. Example::

    [tool.normalize]
    strategy = "rules"
    accept = "names.txt"          # relative to the config file
    select = ["calques", "WP1"]
    ignore = ["WC305"]
    baseline = "normalize-baseline.json"   # findings accepted earlier (check --write-baseline)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from normalize.errors import NormalizeError

_KEYS = {"strategy", "accept", "select", "ignore", "rules", "languagetool", "model", "baseline"}


@dataclass(frozen=True)
class FileConfig:
    path: Path | None = None
    values: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str) -> Any:
        return dict(self.values).get(key)


def find_config(start: Path | None = None) -> FileConfig:
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name, section in (("normalize.toml", ()), ("pyproject.toml", ("tool", "normalize"))):
            candidate = directory / name
            if candidate.is_file():
                values = _read(candidate, section)
                if values is not None:
                    return FileConfig(candidate, tuple(sorted(values.items())))
    return FileConfig()


def _read(path: Path, section: tuple[str, ...]) -> dict[str, Any] | None:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NormalizeError(f"{path}: not valid TOML ({exc})") from None
    for key in section:
        data = data.get(key)
        if not isinstance(data, dict):
            return None
    unknown = set(data) - _KEYS
    if unknown:
        raise NormalizeError(f"{path}: unknown normalize setting(s): {', '.join(sorted(unknown))}")
    values = dict(data)
    for key in ("accept", "rules", "model", "baseline"):
        if key not in values:
            continue
        if not isinstance(values[key], str) or not values[key].strip():
            raise NormalizeError(f"{path}: '{key}' must be a file or folder path (a non-empty string)")
        values[key] = str((path.parent / values[key]).resolve())
    for key in ("select", "ignore"):
        if isinstance(values.get(key), list) and all(isinstance(v, str) for v in values[key]):
            values[key] = ",".join(values[key])
        elif key in values and not isinstance(values[key], str):
            raise NormalizeError(f"{path}: '{key}' must be a string or a list of strings (rule ids, prefixes or families)")
    for key in ("strategy", "languagetool"):
        if key in values and not isinstance(values[key], str):
            raise NormalizeError(f"{path}: '{key}' must be a string")
    return values
