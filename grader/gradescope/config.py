"""The autograder's settings: chosen when the zip is built, read by run_autograder from inside the zip."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

from grader import settings

# Gradescope's visibility values, from never shown to shown at once.
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
# Names inside the zip (and so in /autograder/source).
CONFIG_NAME = "autograder.json"
REFERENCE_NAME = "reference.json"


class ConfigError(ValueError):
    """The settings file is missing or holds an invalid value; the message says which and where."""


@dataclass(frozen=True)
class AutograderConfig:
    hidden_visibility: str = "after_published"
    """Gradescope visibility of the hidden checks; the public checks are always "visible"."""
    stdout_visibility: str = "hidden"
    """Who sees run_autograder's own output (tracebacks, warnings): "hidden" keeps it to instructors."""
    timeout: float = settings.EXERCISE_TIMEOUT_S
    """Seconds allowed per exercise."""
    lang: str = "en"
    """Language of the feedback students read."""

    def __post_init__(self) -> None:
        for name in ("hidden_visibility", "stdout_visibility"):
            if getattr(self, name) not in VISIBILITIES:
                raise ConfigError(f"Invalid value for {name}: expected one of {', '.join(VISIBILITIES)}. "
                                  f"Received: {name}={getattr(self, name)!r}")
        if isinstance(self.timeout, bool) or not isinstance(self.timeout, (int, float)) \
                or not math.isfinite(self.timeout) or self.timeout <= 0:
            raise ConfigError(f"Invalid value for timeout: expected a positive number of seconds. "
                              f"Received: timeout={self.timeout!r}")
        if self.lang not in settings.LANGUAGES:
            raise ConfigError(f"Invalid value for lang: expected one of {', '.join(settings.LANGUAGES)}. "
                              f"Received: lang={self.lang!r}")

    def dumps(self) -> str:
        return json.dumps(asdict(self), indent=1) + "\n"

    @classmethod
    def load(cls, path: Path) -> "AutograderConfig":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"Cannot read the autograder settings {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"Invalid autograder settings {path}: expected a JSON object. Received: {data!r}")
        unknown = sorted(set(data) - set(cls.__dataclass_fields__))
        if unknown:
            raise ConfigError(f"Invalid autograder settings {path}: unknown key(s) {', '.join(unknown)}; expected "
                              f"{', '.join(cls.__dataclass_fields__)}")
        try:
            return cls(**data)
        except ConfigError as exc:
            raise ConfigError(f"{exc} (from {path})") from None
