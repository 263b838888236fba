"""The segmenter: which turns of a document count, and their sentences with tokens.

Sentences are the units the matcher searches, so a false split that cuts a
talking point in two is worse than a missed split that leaves two sentences
together. The rules below therefore split only where the evidence is clear:

- every line break is a hard boundary (transcripts put one paragraph per line),
  except, in hard-wrapped text (``wrapped=True``, as :func:`document_sentences`
  reads a turn), a single break after a line without closing punctuation, unless
  that line is a heading (see :func:`_heads`);
- ``?``, ``!`` and an ellipsis end a sentence when white space and then
  something that is not a lower-case letter (or ``,;:``) follow, with any
  closing quotes or brackets kept in the sentence that ends (``...," he said.``
  stays whole; ``...in China." We`` splits after the quote);
- the Chinese full stop, exclamation and question marks end a sentence with
  no white space needed;
- a ``.`` ends a sentence by the same test, unless the word before it is an
  abbreviation: a title (``Mr.``, ``Dr.``, ``MR.``) never ends one; ``No.``, ``Jan.``,
  ``p.`` do not before a number (``No. 1``) but do otherwise (``No. We``); an
  initial (``George W. Bush``), a dotted abbreviation (``U.S.``, ``p.m.``, the end of
  ``Japan-U.S.``) or a
  title that is also a surname (``Gen.``, ``Sen.``: "Hun Sen. In ...") ends one
  only before a word that commonly opens a sentence (``The``, ``We``, ``In``),
  so ``the U.S. President`` stays whole and ``in Washington D.C. He`` splits;
  a number or numeral that opens a sentence is a list marker (``1. China``).

The sentences of a text partition it: every character that is not white space
lies in exactly one sentence, and no sentence starts or ends with white space.
``split_sentences(text, start, end)`` sees nothing outside ``text[start:end]``.

Why rules rather than a library (measured on the 500-file corpus, 5.7 MB,
15,469 paragraphs, on the 2-core development machine): pysbd 0.3.4 with
``char_span=True`` took 4.7 s for the first 2,000 paragraphs (about 37 s for
all of them) and syntok 1.4.4 took 5.4 s for the whole corpus; these rules take
0.25-0.3 s. ``discover`` must finish in under 10 s, so both libraries were
too slow by an order of magnitude. Nor were they more accurate: on the tricky
cases in ``tests/test_segment.py`` pysbd got 5 of 30 wrong and syntok 4 (the
table was written with these rules, so it favours them); over the corpus,
syntok and these rules disagree on 141 of about 45,000 boundaries, where
syntok also splits at semicolons and after stage directions ("(Journalist
nods) Our ...") and these rules also split at every line break, after
``etc.`` and ``D.C.`` before a sentence opener, and at a missing space
("theft.The").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from functools import cache

from .context import working_on
from .models import Document, Role, Sentence, Turn
from .normalise import DEFAULT_TOKENISER, Tokeniser, named_words, token_columns, tokenise

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}\u300d\u300f\uff09\u300b\u3009\u3011\u3015\uff02\uff07"
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{\u300c\u300e\uff08\u300a\u3008\u3010\u3014\uff02\uff07"
_HARD_STOPS = "\u3002\uff01\uff1f\uff61\u0964\u0965\u061f\u06d4\u1362"
"""Marks that always end a sentence: the Chinese and Japanese full stop, question and
exclamation marks, the Devanagari danda (। ॥), the Arabic question mark and full stop
(؟ ۔), the Ethiopic full stop (።)."""
_PARAGRAPH_ENDS = ".?!\u2026:;\uff0e\uff1a\uff1b" + _HARD_STOPS
_CANDIDATE = re.compile(
    rf"\r\n|[{_BREAKS}]"
    rf"|[.?!\u2026\u203c\u2047-\u2049\uff0e{_HARD_STOPS}]+[{re.escape(_CLOSERS)}]*"
)
_NEXT_WORD = re.compile(r"\s*(\S+)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_COMPOUND = re.compile(r"[-/\u2010\u2011\u2013]")
_LIST_MARKER = re.compile(r"\d{1,3}|[ivxIVX]{1,4}|[A-Za-z]")
_CONTINUES = ",;:)]}%"
_ACRONYM = re.compile(r"\([^\W\d_a-z][^\W_a-z]*\)")
_LINES = re.compile(rf"\r\n|[{_BREAKS}]")

WRAP_FILL = 0.75
"""How full a hard-wrapped line is at least: a line that, with the next line's first word
after it, fills less than this share of the widest line of its paragraph was not broken
by a wrapper, which breaks a line only where the next word does not fit (the share leaves
room for the uneven lines of proportional type). See :func:`_heads`."""


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, for the word lists below."""
    return frozenset(text.split())


_NEVER_ENDS = _words("Mr Mrs Ms Mx Dr Prof Mme Mlle Messrs MM e.g i.e vs cf viz")
"""Abbreviations that never end a sentence: a name or an example follows."""

_BEFORE_NUMBER = _words(
    "No Nos no nos Art Vol Fig Figs Sec Ch Para para p pp "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
"""Abbreviations that do not end a sentence when a number follows (``No. 1``)."""

_AMBIGUOUS = _words(
    "Gen Sen Rep Gov Col Capt Lt Sgt Adm Maj Amb St Rev Hon Pres Fr Supt Cmdr Brig Mt Ft Jr Sr"
)
"""Titles that are also names (Hun Sen): they end a sentence only before a sentence opener."""

_SENTENCE_OPENERS = _words(
    """
    A An The This That These Those There Here It Its I We You He She They Our My Your His
    Her Their In On At As For From By With Without To Of About After Before Since During
    Under Over If When While Where What Which Who Whom Whose Why How But And Or So Yet Also
    However Meanwhile Moreover Furthermore Therefore Thus Now Today Yesterday Tomorrow Then
    According Such Some All Both Each Every Any Many Most No Not Is Are Was Were Do Does Did
    Can Could Will Would Should Shall May Might Must Has Have Had Let Please Thank Yes
    """
)
"""Common English sentence-opening words: after an ambiguous abbreviation they mark a boundary."""


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    wrapped: bool = False,
    tokeniser: Tokeniser | None = None,
) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets into ``text``) within ``text[start:end]``.

    Spans are in order, do not overlap, are never empty and never start or end
    with white space; together they hold every other character of the range.
    Every line break ends a sentence, unless ``wrapped`` says the text may be
    hard-wrapped: then a single line break after a line that does not end with
    sentence punctuation (``.!?:;`` and their Chinese forms, before any closing
    quotes) is read as a space, the rule ingest uses to join wrapped lines
    into one paragraph; a blank line still ends a sentence, and so does the
    break after a heading (see :func:`_heads`; ``tokeniser`` says its words).

    >>> t = 'Mr. Liang said the U.S. GDP rose 5.57 percent. "Good news," he said. Why?'
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Mr. Liang said the U.S. GDP rose 5.57 percent.', '"Good news," he said.', 'Why?']
    >>> t = "Honour Roll\\nWe thank our friends in Bhutan for paying their dues in full."
    >>> [t[a:b] for a, b in split_sentences(t, wrapped=True)]
    ['Honour Roll', 'We thank our friends in Bhutan for paying their dues in full.']
    """
    if end is None:
        end = len(text)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"bad range {start}:{end} for a text of length {len(text)}")
    spans: list[tuple[int, int]] = []
    cut = start
    width = 0  # the widest line of the range, measured when a heading is first in question
    for m in _CANDIDATE.finditer(text, start, end):
        if text[m.start()] in _BREAKS:
            if wrapped and _is_wrap(text, m.start(), m.end(), start, end):
                width = width or max(len(line.strip()) for line in _LINES.split(text[start:end]))
                if not _heads(text, m.start(), m.end(), start, end, width, tokeniser):
                    continue
            _add(text, cut, m.start(), spans)
            cut = m.end()
        elif m.end() < end and _ends_sentence(text, m.start(), m.end(), cut, end):
            _add(text, cut, m.end(), spans)
            cut = m.end()
    _add(text, cut, end, spans)
    return spans


def _add(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[a:b]`` trimmed of white space, unless nothing is left."""
    piece = text[a:b]
    stripped = piece.lstrip()
    if stripped:
        a += len(piece) - len(stripped)
        b -= len(stripped) - len(stripped.rstrip())
        spans.append((a, b))


def _is_wrap(text: str, i: int, j: int, start: int, end: int) -> bool:
    """Whether the line break ``text[i:j]`` only wraps a line (see :func:`split_sentences`)."""
    k = i
    while k > start and text[k - 1] not in _BREAKS and text[k - 1].isspace():
        k -= 1
    while k > start and text[k - 1] in _CLOSERS:
        k -= 1
    if k == start or text[k - 1] in _BREAKS or text[k - 1] in _PARAGRAPH_ENDS:
        return False
    while j < end and text[j] not in _BREAKS and text[j].isspace():
        j += 1
    return j < end and text[j] not in _BREAKS


def _heads(
    text: str, i: int, j: int, start: int, end: int, width: int, tokeniser: Tokeniser | None
) -> bool:
    """Whether the line before the break ``text[i:j]`` heads the next one rather than wraps
    into it: the next line opens with a capital (or a letter of a script without case, as
    Han), the line does not end in a function word, and the next line's first word would
    have fitted on it (see :data:`WRAP_FILL`; ``width``: the widest line of the range).

    Review 101: UN noon briefings without speaker labels put a heading on a line of its
    own over its paragraph ("Honour Roll", then "We thank our friends in Bhutan ..."), and
    the heading began the sentence. Lines a wrapper broke are about as long as the widest
    ("met with" before "President Xi" stays joined), and so is a heading over a paragraph
    no longer than it, where nothing shows the width ("Honour Roll", "Thanks.").
    """
    a = i
    while a > start and text[a - 1] not in _BREAKS:
        a -= 1
    b = j
    while b < end and text[b] not in _BREAKS:
        b += 1
    line, after = text[a:i].strip(), text[j:b].strip()
    opener = after.lstrip(_OPENERS)[:1]
    if not opener.isalpha() or opener.islower():
        return False
    if len(line) + 2 >= WRAP_FILL * width:  # a quick look first: a word has a letter at least
        return False
    first = tokenise(after, tokeniser=tokeniser)
    if not first or len(line) + 1 + first[0].end >= WRAP_FILL * width:
        return False
    words = tokenise(line, tokeniser=tokeniser)
    return not words or words[-1].text not in (tokeniser or DEFAULT_TOKENISER).function_words


def _ends_sentence(text: str, p: int, q: int, cut: int, end: int) -> bool:
    """Whether the stop ``text[p:q]`` (terminal marks, then any closers) ends a sentence."""
    mark = text[p:q].rstrip(_CLOSERS)
    if any(c in _HARD_STOPS for c in mark):
        return True
    if not text[q].isspace():
        return (
            mark == "."
            and q - p == 1
            and q + 1 < end
            and p - 2 >= cut
            and text[p - 2 : p].islower()
            and text[p - 2 : p].isalpha()
            and text[q].isupper()
            and text[q + 1].islower()
        )
    nxt = _NEXT_WORD.match(text, q, end)
    if nxt is None:
        return False
    following = nxt.group(1)
    if following[0].islower() or following[0] in _CONTINUES or _ACRONYM.match(following):
        return False
    if len(mark) > 1 or mark not in ".\uff0e" or len(mark) < q - p:
        return True
    ws = p
    while ws > cut and not text[ws - 1].isspace():
        ws -= 1
    word = text[ws:p].lstrip(_OPENERS)
    if not word:
        return True
    if word in _NEVER_ENDS or (word.isupper() and word.capitalize() in _NEVER_ENDS):
        # "MR. PRICE:", the State Department's labels, as "Mr. Price" (a review: the
        # report's quote began "PRICE: ...")
        return False
    if word in _BEFORE_NUMBER and following[0].isdigit():
        return False
    if _LIST_MARKER.fullmatch(word) and not text[cut:ws].strip():
        return False
    # a dotted abbreviation may close a compound: "the Japan-U.S. Alliance" (review 107)
    dotted = _DOTTED.fullmatch(word) or (
        _COMPOUND.search(word) is not None and _DOTTED.fullmatch(_COMPOUND.split(word)[-1])
    )
    if word in _AMBIGUOUS or dotted or (len(word) == 1 and word.isupper()):
        return (
            following[0] in _OPENERS or following.rstrip(_CLOSERS + ".,;:?!") in _SENTENCE_OPENERS
        )
    return True


def speaker_key(name: str) -> str:
    """A speaker name compared case-insensitively, with white space normalised."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def select_turns(
    document: Document, *, include_questions: bool = False, speakers: Collection[str] = ()
) -> list[Turn]:
    """The turns whose words are tracked, in document order.

    By default the officials' turns and narration (a document without speaker
    labels is all narration); ``include_questions`` adds the journalists'
    turns. ``speakers``, when given, keeps only the turns of those speakers
    (case and spacing ignored), whatever their role: naming a journalist is
    asking for their words. A document with no turns at all is read as one
    narration turn over its whole text.
    """
    turns = document.turns or (Turn(None, Role.NARRATION, 0, len(document.text), 1),)
    if speakers:
        wanted = {speaker_key(s) for s in speakers}
        return [t for t in turns if t.speaker is not None and speaker_key(t.speaker) in wanted]
    roles = {Role.OFFICIAL, Role.NARRATION}
    if include_questions:
        roles.add(Role.PRESS)
    return [t for t in turns if t.role in roles]


SentenceRow = tuple[int, int, int, str | None, Role, list[str], list[int]]
"""A sentence as :func:`sentence_rows` gives it: start, end, line, speaker, role,
its token texts and their flat spans ``[start0, end0, start1, ...]``."""


def _selected_sentences(
    document: Document,
    include_questions: bool,
    speakers: Collection[str],
    tokeniser: Tokeniser | None,
) -> Iterator[tuple[Turn, int, int]]:
    """Each sentence span of the selected turns, with its turn, in document order."""
    with working_on(document.path):
        for turn in select_turns(document, include_questions=include_questions, speakers=speakers):
            spans = split_sentences(
                document.text, turn.start, turn.end, wrapped=True, tokeniser=tokeniser
            )
            for a, b in spans:
                yield turn, a, b


ASKED_AT = 2
"""How far into a sentence the words of a reported question may begin: "*Asked* whether
...", "When *asked* about ..." (see :func:`answer_start`); after its subject, a passive
("The PMOS *was asked* whether ...") may begin as far as :data:`ASKED_PASSIVE_AT`."""

ASKED_PASSIVE_AT = 8
"""How far into a sentence a passive of asking (the tokeniser's ``asking`` phrases of
more than one word, "was asked") may begin (see :func:`answer_start`)."""

_COMMA = re.compile(r"[,\uff0c]")


def answer_start(
    text: str, words: Sequence[str], spans: Sequence[int], tokeniser: Tokeniser | None
) -> int:
    """The first word of a sentence's answer to the question it opens by reporting, or 0:
    "Asked whether there would be tax cuts in the autumn, the PMOS said he would not
    speculate" answers from "the PMOS said", which opens there as it would its own turn in
    a transcript of questions and answers. The journalist's words, up to the comma before
    the first reporting verb past them (else the first comma), are none of the speaker's
    (reviews 87 and 108: narrated lobby summaries, where a question quoting a formula was
    counted as the government saying it). A question set off as a sentence of its own, no
    comma and no report in it, is all the journalist's: the number of its words (review
    112). ``words`` and ``spans`` are the sentence's tokens as
    :func:`~consistency.normalise.token_columns` gives them; the words of asking and
    reporting are the tokeniser's (``asking``, ``reporting_verbs``)."""
    asking, firsts = _phrases(tokeniser, "asking")
    if not words or not any(w in firsts for w in words[:ASKED_PASSIVE_AT]):
        return 0
    reporting = named_words(tokeniser, "reporting_verbs")

    def passive(k: int, p: tuple[str, ...]) -> bool:
        # its subject before it, no comma or report there ("He said he was asked ...")
        return (
            len(p) > 1
            and not _COMMA.search(text, spans[0], spans[2 * k])
            and not any(w in reporting for w in words[:k])
        )

    def set_off(k: int) -> bool:
        # a question set off by a comma after the subject, answered by a report: "The
        # PMOS, asked whether ..., said ..." (review 113; the answer then opens at its
        # verb), not "The minister, pressed by colleagues, resigned"
        return (
            k > 0
            and _COMMA.search(text, spans[2 * k - 1], spans[2 * k]) is not None
            and any(w in reporting for w in words[k:])
        )

    def said_at(k: int, p: tuple[str, ...]) -> int:
        # where the phrase ends, read as it stands or with one word after its first
        # ("was *also* asked whether": review 113), else 0
        if tuple(words[k : k + len(p)]) == p:
            return k + len(p)
        if len(p) > 1 and tuple(words[k + 2 : k + 1 + len(p)]) == p[1:]:
            return k + 1 + len(p)
        return 0

    opened = next(
        (
            end
            for k in range(min(ASKED_PASSIVE_AT, len(words)))
            for p in asking
            if words[k] == p[0]
            and (end := said_at(k, p))
            and (k < ASKED_AT or passive(k, p) or set_off(k))
        ),
        None,
    )
    if opened is None:
        return 0
    commas = [
        k for k in range(opened, len(words)) if _COMMA.search(text, spans[2 * k - 1], spans[2 * k])
    ]
    said = next((k for k in range(opened, len(words)) if words[k] in reporting), None)
    before = [k for k in commas if said is not None and k <= said]
    if before:
        return before[-1]
    if commas:
        return commas[0]
    # a question set off as a sentence of its own, answered in the next ("Asked whether
    # the government was still ... . The PMOS said ...": review 112): all of it
    return len(words) if said is None else 0


Phrases = tuple[tuple[tuple[str, ...], ...], frozenset[str]]
"""The tokeniser's phrases of one kind, each as its words, and their first words."""


def _phrases_made(tokeniser: Tokeniser | None, name: str) -> Phrases:
    phrases = tuple(sorted(tuple(p.split()) for p in named_words(tokeniser, name)))
    return phrases, frozenset(p[0] for p in phrases if p)


_phrases_of = cache(_phrases_made)


def _phrases(tokeniser: Tokeniser | None, name: str) -> Phrases:
    try:
        return _phrases_of(tokeniser, name)
    except TypeError:  # a tokeniser that cannot be hashed
        return _phrases_made(tokeniser, name)


def _may_ask(words: Sequence[str], tokeniser: Tokeniser | None) -> bool:
    """Whether a word that may open a reported question stands among a sentence's first
    words, where :func:`answer_start` looks: the quick test before it."""
    return not _phrases(tokeniser, "asking")[1].isdisjoint(words[:ASKED_PASSIVE_AT])


def document_sentences(
    document: Document,
    *,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
) -> list[Sentence]:
    """The sentences of the selected turns (see :func:`select_turns`), with their tokens.

    Token spans are offsets into ``document.text``; sentences without tokens
    (a lone dash, an ellipsis) are left out. A turn is one paragraph, so a
    line break inside it is read as a hard wrap where the line before it does
    not end a sentence (``wrapped=True``): a talking point wrapped over two
    lines is still one sentence. A sentence that opens by reporting a question put to
    the speaker starts where its answer does (see :func:`answer_start`): every stage
    reads the answer alone, as it would a turn of its own after the journalist's.
    """
    text = document.text
    out: list[Sentence] = []
    for turn, a, b in _selected_sentences(document, include_questions, speakers, tokeniser):
        tokens = tokenise(text[a:b], a, tokeniser=tokeniser)
        if (
            tokens
            and not include_questions
            and _may_ask([t.text for t in tokens[:ASKED_PASSIVE_AT]], tokeniser)
        ):
            flat = [x for t in tokens for x in (t.start, t.end)]
            k = answer_start(text, [t.text for t in tokens], flat, tokeniser)
            if k >= len(tokens):
                continue  # all of it the journalist's question
            a, tokens = (tokens[k].start, tokens[k:]) if k else (a, tokens)
        if tokens:
            line = document.line_col(a)[0]
            out.append(Sentence(document.id, a, b, line, turn.speaker, turn.role, tuple(tokens)))
    return out


def sentence_rows(
    document: Document,
    *,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
) -> list[SentenceRow]:
    """:func:`document_sentences` as rows (see :data:`SentenceRow`), without token objects.

    What an archive packs (:meth:`~consistency.match.PackedSentences.add`): the
    same sentences, the same tokens, a few times faster to make (see
    :func:`~consistency.normalise.token_columns`).
    """
    text = document.text
    out: list[SentenceRow] = []
    for turn, a, b in _selected_sentences(document, include_questions, speakers, tokeniser):
        words, spans = token_columns(text[a:b], a, tokeniser=tokeniser)
        if words and not include_questions and _may_ask(words, tokeniser):
            k = answer_start(text, words, spans, tokeniser)
            if k >= len(words):
                continue
            a, words, spans = (spans[2 * k], words[k:], spans[2 * k :]) if k else (a, words, spans)
        if words:
            line = document.line_col(a)[0]
            out.append((a, b, line, turn.speaker, turn.role, words, spans))
    return out
