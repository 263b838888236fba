"""consistency: track official talking points across dated briefings and diff their wording."""

from __future__ import annotations

__version__ = "0.1.0"
