"""Stop phrases: the built-in boilerplate of press briefings and the user's own list."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..ingest.files import read_bytes
from ..normalise import normalise

DEFAULT_STOP_PHRASES: tuple[str, ...] = (
    # journalists' stock questions
    "do you have any comment",
    "do you have any response",
    "do you have any further comment",
    "what is your comment",
    "what is your response",
    "can you confirm",
    "could you confirm",
    "could you give us more details",
    "could you share more details",
    "can you give us more information",
    "could you elaborate on",
    "how do you respond to",
    "how do you comment on",
    "is there any update",
    "my question is",
    "i have a question",
    "follow up question",
    # officials' procedural phrases
    "refer you to the competent authorities",
    "refer you to the competent authority",
    "refer you to the relevant authorities",
    "refer you to the competent department",
    "refer you to the relevant department",
    "i have no information",
    "i do not have any information",
    "i do not have information",
    "i am not aware of",
    "we have noted the reports",
    "we have noted relevant reports",
    "we have noted the relevant reports",
    "i have answered this question",
    "as for your question",
    "thank you for your question",
    "your first question",
    "your second question",
    "your third question",
    "your last question",
    "i would like to stress",
    "i want to stress",
    "let me stress",
    "i would like to announce",
    "next question",
    "go ahead",
    "happy to take your questions",
    "take a few questions",
    "take your questions",
    "open the floor",
    "thank you for joining us",
    "turn it over to",
    "hand it over to",
    "opening remarks",
    "opening comments",
    "a couple of announcements",
    "an announcement to make",
    "a couple of things at the top",
    "one thing at the top",
    "that concludes",
    "this concludes",
    "good afternoon",
    "good morning",
    "ladies and gentlemen",
    "thank you",
    "regular press conference",
    "press briefing",
    "as far as i know",
    "nothing to update",
    "no information to offer",
    "due to scheduling reasons",
    # generic time fillers
    "as soon as possible",
    "at an early date",
    "at the earliest time possible",
    "at the moment",
    "in a timely manner",
    "under the current circumstances",
)
"""Briefing boilerplate of any government, pushed to the bottom of the ranking."""


def load_stop_phrases(path: str | Path) -> list[str]:
    """Read a stop-phrases file: one phrase per line; blank lines and ``#`` comments ignored.

    A line that has no words after normalisation (only punctuation) is an
    :class:`~consistency.errors.InputError` naming the file and line, as is a
    file that cannot be read or is not UTF-8 text.
    """
    name = str(path)
    try:
        raw = read_bytes(name, pipes=True)
    except OSError as e:
        raise InputError(f"cannot read stop phrases: {e.strerror or e}", path=name) from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("stop-phrases file is binary, not text", path=name, line=line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("stop-phrases file is not UTF-8", path=name, line=line) from None
    phrases: list[str] = []
    for number, raw_line in enumerate(text.splitlines(), 1):
        phrase = raw_line.split(" #", 1)[0].strip()
        if not phrase or phrase.startswith("#"):
            continue
        if not normalise(phrase):
            raise InputError(f"stop phrase {phrase!r} has no words", path=name, line=number)
        phrases.append(phrase)
    return phrases
