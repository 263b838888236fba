"""Discover recurring talking points without a watchlist.

A *talking point* is a formulation that officials repeat on at least
``min_dates`` distinct dates. :func:`discover` finds them in time roughly
linear in the size of the corpus; it never compares sentences pairwise.

How it works
------------

1. **Clauses.** The selected sentences (officials and narration by default:
   the same turns as ``track``) are cut into clauses at hard punctuation
   (``; : ( ) ! ? .`` and dashes). Commas and quotes do not cut, so "a sea of
   peace, friendship and cooperation" stays one unit, while "(DOC)" does not
   glue onto what precedes it. Every normalised token becomes an integer.
2. **Recurring n-grams, level by level.** Each 4-word n-gram is hashed and
   kept when it occurs on ``min_dates`` distinct dates; an (n+1)-gram is only
   looked at where both n-grams inside it were kept (the a-priori rule), and
   its hash extends the n-gram's, so each level costs one pass over the
   positions still alive. For every position this gives the length of the
   longest recurring n-gram starting there.
3. **Maximal phrases.** An occurrence is *maximal* when no longer recurring
   n-gram contains it. A phrase becomes a candidate when it is maximal (it
   stands on its own) on ``min_dates`` dates: fragments such as "sea of peace
   friendship and" never do, so they never come out.
4. **A reader's boundaries.** A comma that does not separate list items is
   a clause boundary, so a dangling head or tail is cut off ("Forum, the two
   heads of state"); hyphenated compounds are never split ("so-called");
   function words ("and", "of", "is", "we") go from both ends, numbers from
   the end, but a leading article stays when it is always there ("a sea of
   ..."). A phrase that began with "and"/"or" takes back the word before it
   ("*fully* and effectively implement ...", "*comprehensively* and
   effectively implement ..."), and a neighbouring word that varies only in
   its ending is taken in ("build" / "building the South China Sea into ...").
   A phrase needs ``min_words`` words, two of them content words; a
   3-word phrase is found through a recurring 4-word phrase that holds it
   ("is consistent and clear"). A phrase that ends several candidates, each
   its own frame, and is found on more dates than any of them is a candidate
   too: a formula said only in frames ("Let me underline / Nothing about this
   changes *our ironclad commitment to the defense of Japan*"); one of three
   content words or more, whole where it is said, ranks as its best frame
   ("*a free and open Indo-Pacific*" in four carrier sentences), and its frames
   include carriers that go on past it with a function word ("want *a rules-based
   order where sovereignty is respected* and disputes resolved"). A shared beginning
   is a candidate only as a template whose slot takes four names or more ("issued an
   advisory for Indian nationals travelling *to Kenya*"), and so is the richer side of
   a name slot inside candidates ("A delegation from *Oman* called on the Foreign
   Secretary ...", see :func:`~consistency.discover.ngrams._name_slots`); a template
   names its group and ranks no higher than its best filled wording. A Chinese list
   of two short items (携手同行、久久为功) is a candidate whole, beside the item a comma
   cut leaves (see :func:`~consistency.discover.ngrams._trims`).
5. **Every occurrence.** One scan over the corpus finds every occurrence of
   every candidate (lookup by its first words, checked token by token).
6. **Variants grouped.** Candidates are taken best-spread first; each joins
   the most similar earlier group leader when rapidfuzz's ``fuzz.ratio`` on
   the normalised wordings reaches :data:`GROUP_THRESHOLD` (88), or when it
   is the leader with one word more or less at an edge; otherwise it leads a
   group of its own. Only leaders that share a word pair with the candidate
   are compared, and only with leaders, so different formulas never chain
   into one: "consistent and clear" takes "consistent and clear-cut", but
   "a community with a shared future for mankind" and "a closer
   China-ASEAN community with a shared future" stay apart.
7. **Said shorter or longer.** Going down the ranking, a group whose wording
   lies inside a better-ranked one's (at least half as long, and found on at
   most 1.5 times as many dates: it rarely stands without the full formula)
   or holds it (the formula in a longer context) joins it. A shorter phrase
   with a life of its own ("dialogue and consultation") stays a point.
8. **Families and passages.** Among the best points, a variant the matching
   engine reads as the same formula joins it, and a point most of whose
   occurrences overlap a better one's in the text joins it (one passage cut
   two ways); two wordings naming different things never join. A better-ranked
   row that holds a formula of four content words or more, said on more than 1.5
   times its dates, is a carrier of it and folds into it (see
   :func:`~consistency.discover.families._carriers`). An alias is
   a wording of the formula, not a part of it nor the formula in more words
   (see :mod:`~consistency.discover.families`).

A point's text is its most frequent wording (after normalisation) in its
most frequent exact form; its aliases are the other wordings actually seen,
most frequent first (at most :data:`MAX_ALIASES`).

Ranking
-------

``score`` (higher first) is the product of:

- **spread** ``log2(1 + dates)``: a formula said on many dates is what a
  spokesperson is told to say;
- **specificity** ``sqrt(min(sum of word weights, 8))``: each content word
  weighs between 0.5 and 1, less the more dates it appears on (an inverse
  document frequency, capped), so long formulas of distinctive words beat
  short phrases of everyday ones ("the two sides");
- **beyond ordinary language** ``clamp((lift + 1) / 1.5, 0.05, 1)``: ``lift``
  is how much more often the corpus says the phrase (occurrences per token,
  in Zipf units) than ordinary language does by wordfreq's rule for several
  words (:func:`consistency.lexicon.phrase_zipf`), so "the rest of the world"
  (lift -0.48) goes down and "a community with a shared future for mankind"
  (1.69) does not; the corpus rate is that of the phrase's own season when
  higher (a slogan of everyday words is said densely while it is the line);
- **names and titles** ``1 - 0.8 * caps**2``, ``caps`` being the share of
  capitalised content words (a sentence's first word aside): "State
  Councilor and Foreign Minister Wang Yi" is a name, not a position;
- **templates** ``1 - 0.7 * slot``: ``slot`` is how often the word right
  next to the phrase is a *different* name or number each time ("at the
  invitation of <name>", "<number> percent"); a constant neighbour ("China
  firmly opposes") is no slot;
- **complete statements** ``0.6 + 0.4 * closure``: the share of occurrences
  that end where the clause or a comma does ("... is consistent and clear.")
  rather than running on ("China stands ready to ...");
- **statistics and dates**: x 0.3 when the wording holds a number, but one every
  occurrence says alike on ten dates or more (see :func:`.rank._fixed_number`);
- **procedure, learned**: x ``1 - 0.9 * procedure`` where ``procedure`` grows
  with how much more often than chance the phrase opens or closes its turn, or
  how much shorter than usual the turns holding it are (a non-answer: "I'm not
  aware of the situation you mentioned"), and is 0 when the phrase keeps
  company with a topic word (see
  :meth:`~consistency.discover.rank._Scorer.boilerplate`);
- **announcements, learned**: x ``1 - 0.9 * announcement``, which grows with
  how much more often than chance the phrase stands in the first or last
  tenth of its briefings (the day's figures, holiday arrangements);
- **times of the calendar**: x 0.05 for a phrase that only tells a time ("the past
  few weeks", "early next year"): see :func:`.rank._timed` (a time counted from today
  at a phrase's end or start is cut off it: "energy bills *last week*");
- **fragments of a quotation**: x ``1 - 0.7 * share`` of occurrences that
  start or end inside quotation or title marks ('implement the "one country');
- **boilerplate**: x 0.05 when a wording contains a built-in stock phrase of
  press briefings (:data:`DEFAULT_STOP_PHRASES`: "do you have any comment",
  "refer you to the competent authorities", "as soon as possible", ...), is
  part of one, is nearly one (``fuzz.ratio`` >= 90), or when most of its
  occurrences overlap one where they stand (so the remnant "comment on the
  reports" of "do you have any comment on the reports" goes down too).
  Points that match one of the user's ``stop_phrases`` (see
  :func:`load_stop_phrases`) in the same way are left out.

Nothing is tuned to one government or text: the signals are recurrence
across dates, word frequencies, capitals, digits, punctuation and
neighbouring words.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import replace
from itertools import chain

from .._gc import paused
from ..errors import OptionError
from ..match import SentenceIndex, negating_words, turned_over
from ..match.find import weigher
from ..models import Document, Point, Sentence
from ..normalise import Tokeniser, named_words, normalise
from ..track import EarlySearch, MatchKeeper, build_index, sort_documents, worth_early
from .corpus import STOPWORDS, _Corpus, _Group, _Occ
from .families import (
    FAMILY_FLOOR,
    FAMILY_LIMIT,
    FAMILY_MARGIN,
    GROUP_THRESHOLD,
    MAX_ALIASES,
    _after_carrier,
    _carriers,
    _carries,
    _describe,
    _families,
    _group,
    _heads,
    _lead_ins,
    _main_key,
    _merge_nested,
    _name_ids,
    _part_of,
    _passages,
    _ranked,
    _unique_ids,
)
from .ngrams import (
    _SEED,
    CORE_FRAMES,
    CORE_SHARE,
    JOINED_DATES,
    JOINED_SHARE,
    SLOT_FILLERS,
    _clause_pairs,
    _contained,
    _dedupe,
    _find_all,
    _Form,
    _frequent_lengths,
    _maximal_candidates,
    _name_slots,
    _pair_union,
    _shared_cores,
    _shared_middles,
    _start_of,
    _trims,
    _variants,
)
from .press import PressWords
from .rank import _closure, _sample, _Scorer, _Stops
from .render import render_json, render_table, render_toml
from .result import DiscoveredPoint
from .stops import DEFAULT_STOP_PHRASES, load_stop_phrases
from .verify import read_count, verified_count, verify

__all__ = [
    "DEFAULT_MIN_DATES",
    "DEFAULT_STOP_PHRASES",
    "GROUP_THRESHOLD",
    "MAX_ALIASES",
    "PROGRESS_STAGES",
    "STOPWORDS",
    "DiscoveredPoint",
    "discover",
    "load_stop_phrases",
    "render_json",
    "render_table",
    "render_toml",
    "without_reversals",
]

PROGRESS_STAGES = 5
"""Steps :func:`discover` reports after reading the documents (see its ``progress``)."""


DEFAULT_MIN_DATES = 2
"""Dates a formulation is said on at least, unless told otherwise (``--min-dates``); an
index keeps the points discovered so."""


def discover(
    documents: Sequence[Document],
    *,
    min_dates: int = DEFAULT_MIN_DATES,
    top: int | None = None,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    stop_phrases: Collection[str] = (),
    min_words: int = 3,
    tokeniser: Tokeniser | None = None,
    progress: Callable[[int], None] | None = None,
    sentences: Iterable[Sentence] | None = None,
    index: SentenceIndex | None = None,
    keeper: MatchKeeper | None = None,
    jobs: int = 1,
    rising: tuple[dt.date, dt.date] | None = None,
    search_early: bool = True,
) -> list[DiscoveredPoint]:
    """Recurring formulations in ``documents``, best first (see the module docstring).

    min_dates: a formulation must occur on at least this many distinct dates.
    top: keep only the best ``top`` points.
    include_questions, speakers: which turns count, as in ``track``.
    stop_phrases: phrases whose points are left out (compared after normalisation).
    min_words: the fewest words a formulation may have (at least 2).
    progress: called with the number of steps done: one per document read, then
        one per later stage (``len(documents) + PROGRESS_STAGES`` in all).
    sentences: the selected sentences of ``documents`` (the same turns, the same
        tokeniser), when the caller has segmented them already; otherwise discovery
        segments the documents itself.
    index: the same sentences indexed for the engine, as ``report`` has them for
        tracking (discovery then reads its sentences); with ``top`` and no ``index``,
        discovery indexes the documents itself once its own arrays are freed.

    With ``top``, the best rows are read by the matching engine (see
    :mod:`~consistency.discover.verify`): their dates, documents, count and wordings
    are what ``track`` finds of them, and ``keeper`` (when given) keeps the matches, so
    that tracking the rows next (under the engine's default threshold) reads them
    instead of searching again; ``jobs`` processes search them where ``track`` would
    use as many (the counts are the same): with ``search_early``, those processes are
    started first, and index their shares of the briefings while discovery ranks (see
    :class:`~consistency.track.EarlySearch`; not for an archive so large that the shares'
    indexes would crowd memory, :func:`~consistency.track.worth_early`; a warm run, whose
    rows' matches are mostly kept, leaves it off). Without ``top``, every point is listed with the
    counts of the occurrences discovery grouped into it (an index and ``check`` keep
    the whole list as a watchlist, and show no counts).

    rising: a period (first and last day), with ``top``: up to :data:`RISING_MAX` rows
    first said in it are listed after the best ``top`` (see :func:`_rising`), so that a
    report on the period tracks a formula too new to have the dates of the old ones.
    """
    if min_dates < 1:
        raise OptionError(f"--min-dates must be at least 1, not {min_dates}")
    if top is not None and top < 1:
        raise OptionError(f"--top must be at least 1, not {top}")
    if min_words < 2:
        raise OptionError(f"min_words must be at least 2, not {min_words}")
    if min_dates > len({d.date for d in documents}):
        return []  # nothing recurs on more dates than the briefings have: none is read
    report = progress or _quiet
    searcher = (
        EarlySearch(
            sort_documents(documents),
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            jobs=jobs,
        )
        if top is not None and search_early and worth_early(documents, jobs)
        else nullcontext()
    )
    with searcher as early:
        with paused():
            found, new = _discover(
                documents,
                min_dates=min_dates,
                top=top,
                include_questions=include_questions,
                speakers=speakers,
                stop_phrases=stop_phrases,
                min_words=min_words,
                tokeniser=tokeniser,
                progress=report,
                sentences=sentences if index is None else index.sentences,
                rising=rising,
            )
        if top is not None:

            def indexed() -> SentenceIndex:
                # indexed only now, once discovery's own arrays are freed: a large archive
                # would hold both at once (1,013 MB against 774 MB on 8 M words); and only
                # if the rows are searched in this process
                return build_index(
                    sort_documents(documents),
                    include_questions=include_questions,
                    speakers=speakers,
                    tokeniser=tokeniser,
                )

            found = verify(
                found,
                index if index is not None else indexed,
                documents,
                min_dates=min_dates,
                top=top,
                include_questions=include_questions,
                speakers=speakers,
                tokeniser=tokeniser,
                keeper=keeper,
                jobs=jobs,
                rising=new,
                early=early,
            )
            if rising is not None:
                # new by the engine's reading too: one it finds said before is no new formula
                found = found[:top] + [row for row in found[top:] if row.first >= rising[0]]
            # ids again in the order kept: a row counted out took its id's plain form with it
            # ("i-ll-let-the-pentagon-speak-to-the-specifics-3" and no "-2", a review)
            ids = _unique_ids([f.point.text for f in found])
            found = [
                replace(f, point=replace(f.point, id=pid))
                for f, pid in zip(found, ids, strict=True)
            ]
    report(1)
    return found


def _joined_clauses(
    corpus: _Corpus,
    forms: list[_Form],
    joined: dict[_Form, tuple[tuple[int, ...], tuple[int, ...]]],
    min_words: int,
) -> list[list[int]]:
    """Where each form is found (see :func:`~consistency.discover.ngrams._find_all`), with
    each pair of clauses said on :data:`~consistency.discover.ngrams.JOINED_SHARE` of the
    dates of either clause, or more, added to ``forms`` (see
    :func:`~consistency.discover.ngrams._clause_pairs`): two clauses said together are one
    formula, two said apart as often are two."""
    known = {form.ids for form in forms}
    pairs = [form for form in joined if form.ids not in known]
    clauses = {ids for form in pairs for ids in joined[form]}
    extra = [*pairs, *(_Form(ids, False) for ids in sorted(clauses - known))]
    found = _find_all(corpus, [*forms, *extra], min_words)
    pdate = corpus.pdate
    dates = {
        form.ids: len({pdate[i] for i in starts})
        for form, starts in zip([*forms, *extra], found, strict=True)
        if form.ids in clauses or form in joined
    }
    out = found[: len(forms)]
    for form, starts in zip(pairs, found[len(forms) : len(forms) + len(pairs)], strict=True):
        said = dates[form.ids]
        if said >= JOINED_DATES and said >= JOINED_SHARE * max(dates[ids] for ids in joined[form]):
            forms.append(form)
            out.append(starts)
    return out


def _discover(
    documents: Sequence[Document],
    *,
    min_dates: int,
    top: int | None,
    include_questions: bool,
    speakers: Collection[str],
    stop_phrases: Collection[str],
    min_words: int,
    tokeniser: Tokeniser | None,
    progress: Callable[[int], None],
    sentences: Iterable[Sentence] | None,
    rising: tuple[dt.date, dt.date] | None = None,
) -> tuple[list[DiscoveredPoint], set[Point]]:
    """The rows, best first, and those of them listed for being new in ``rising``."""
    corpus = _Corpus(
        documents,
        include_questions=include_questions,
        speakers=speakers,
        tokeniser=tokeniser,
        progress=progress,
        sentences=sentences,
    )
    maxlen, last = _frequent_lengths(corpus, max(min_words, _SEED), min_dates)
    progress(1)
    forms: dict[tuple[int, ...], _Form] = {}
    placed: dict[tuple[int, ...], int] = {}
    pairs: set[tuple[int, ...]] = set()
    joined: dict[_Form, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for occ in _maximal_candidates(corpus, maxlen, last, min_dates):
        trims = _trims(corpus, occ, min_words)
        for form, pair in trims:
            if form.ids not in forms:
                forms[form.ids] = form
                placed[form.ids] = _start_of(corpus, occ, form.ids)
            if pair:
                pairs.add(form.ids)
        union = _pair_union(corpus, occ, trims)
        if union is not None:
            joined.setdefault(*union)
        for form, first, second in _clause_pairs(corpus, occ, min_words):
            joined.setdefault(form, (first, second))
    names = _name_ids(corpus)
    cores = _shared_cores(corpus, placed, min_words, names)
    for core, said in _shared_middles(corpus, placed, min_words).items():
        cores.setdefault(core, said)
    templates = _name_slots(corpus, placed, min_words, names)
    for form, frames in templates:
        cores.setdefault(form.ids, (form, []))[1].extend(frames)
    for core, (form, _) in cores.items():
        forms.setdefault(core, form)
    form_list = list(forms.values())
    found = _joined_clauses(corpus, form_list, joined, min_words)
    progress(1)

    pdate = corpus.pdate
    # dates of the cores and their frames only: every candidate's would be a set apiece
    wanted = {ids for core, (_, frames) in cores.items() for ids in (core, *chain(*frames))}
    dates_of = {
        form.ids: {pdate[i] for i in starts}
        for form, starts in zip(form_list, found, strict=True)
        if form.ids in wanted
    }
    # a core found on many more dates than any candidate it was said in is a formula of
    # its own, not a fragment of them; two carriers that share the words before it are
    # two ("a two-State solution, with" of 17 and of 7 dates, the formula on 35: review
    # 101)
    own = {
        core
        for core, (_, frames) in cores.items()
        if len(dates_of[core]) > CORE_SHARE * max(len(dates_of[h]) for f in frames for h in f)
    }
    slots = {form.ids for form, _ in templates} & own
    variants = [
        _variants(corpus, form, starts) for form, starts in zip(form_list, found, strict=True)
    ]
    # an item said in a list of two is said whole: the pair leaves it its dates
    inside = _contained(
        o
        for form, vs in zip(form_list, variants, strict=True)
        if form.ids not in pairs
        for occs in vs
        for o in occs
    )
    inside -= {
        o
        for form, vs in zip(form_list, variants, strict=True)
        if form.ids in own
        for occs in vs
        for o in occs
    }
    candidates: list[tuple[int, int, tuple[int, ...], list[_Occ]]] = []
    for vs in variants:
        frees = [[o for o in occs if o not in inside] for occs in vs]
        together = len({pdate[o.start] for free in frees for o in free})
        for occs, free in zip(vs, frees, strict=True):
            free_dates = len({pdate[o.start] for o in free})
            ndates = len({pdate[o.start] for o in occs})
            candidates.append(
                (
                    max(free_dates, min(together, min_dates)),
                    ndates,
                    _main_key(corpus, free or occs),
                    occs,
                )
            )
    # what the candidates were made of is held no longer (on 8.4 M words the grouping
    # below took the process past 1 GB with them)
    del found, variants, dates_of, forms, form_list, placed, joined, cores, templates
    texts = {c[2]: corpus.text_of(c[2]) for c in candidates}
    candidates.sort(key=lambda c: (-c[0], -c[1], -len(texts[c[2]]), texts[c[2]], c[3][0].start))
    function_ids = {k for k, w in enumerate(corpus.words) if w in corpus.stop}
    leaders = _group(
        [c[2] for c in candidates],
        [texts[c[2]] for c in candidates],
        [c[0] >= min_dates for c in candidates],
        function_ids,
        names,
        corpus.negated,
    )
    members: dict[int, list[tuple[tuple[int, ...], list[_Occ]]]] = {}
    for (_, _, key, occs), lead in zip(candidates, leaders, strict=True):
        if lead >= 0:
            members.setdefault(lead, []).append((key, occs))

    progress(1)
    user_stops = _Stops(corpus, stop_phrases)
    press = PressWords(
        corpus.docs,
        corpus.words,
        include_questions=include_questions,
        speakers=speakers,
        tokeniser=tokeniser,
    )
    scorer = _Scorer(corpus, _Stops(corpus, DEFAULT_STOP_PHRASES), press)
    groups: list[_Group] = []
    for lead in sorted(members):
        parts = members[lead]
        occs = _dedupe(o for _, part in parts for o in part) if len(parts) > 1 else parts[0][1]
        dates = sorted({pdate[o.start] for o in occs})
        if len(dates) < min_dates:
            continue
        free = [o for o in occs if o not in inside]
        key = _main_key(corpus, free) if len(parts) > 1 and free else parts[0][0]
        if len(parts) > 1:
            key = _formula_inside(corpus, parts, key)
        # a template found in the wordings that fill its slot is their point, though
        # each filled wording reads more of the text (review 70: "issued an advisory
        # for Indian nationals travelling" took the name of "... to Sri Lanka")
        key = next((k for k, _ in parts if k in slots), key)
        group = _Group(occs, key, dates, core=key in own)
        if user_stops and user_stops.hit(group, _sample(occs)):
            continue
        if key in slots:
            # a template ranks no higher than its best filled wording: one row in place
            # of many, not a new top row (review 70: "issued an advisory ..." took a
            # place among the report's 25 from "our Neighbourhood First policy", whose
            # falling silent was the month's news)
            filled = [
                scorer(_Group(part, k, sorted({pdate[o.start] for o in part})))
                for k, part in parts
                if corpus.text_of(k) != corpus.text_of(key)
            ]
            if filled:
                scorer.ceilings[tuple(key)] = max(filled)
        group.score = scorer(group)
        groups.append(group)
    _rank_cores_by_frames(corpus, groups, scorer)
    groups = _merge_nested(corpus, _ranked(corpus, groups), scorer, min_words)
    groups = _templates(corpus, groups, scorer, names)
    groups = _slot_frames(corpus, groups, scorer, names)
    # settle more points than are kept: a point just past ``top`` may fold into a kept one
    enough = (
        min(max(2 * top + FAMILY_MARGIN, FAMILY_FLOOR), FAMILY_LIMIT)
        if top is not None
        else FAMILY_LIMIT
    )
    new: list[_Group] = []
    if top is not None and rising is not None:
        new = _rising(
            corpus,
            groups,
            rising,
            top=verified_count(top),
            start=top,
            min_dates=min_dates,
            negating=negating_words(tokeniser),
            scorer=scorer,
        )
        chosen = {id(g) for g in new}
        head = groups[: verified_count(top)]
        listed = {id(g) for g in head}
        groups = (
            head
            + [g for g in new if id(g) not in listed]
            + [g for g in groups[len(head) :] if id(g) not in chosen]
        )
        enough = max(enough, len(head) + len(new))
    groups = _families(corpus, groups, scorer, weigher(tokeniser), enough=enough, names=names)
    groups = _carriers(corpus, groups, weigher(tokeniser), enough=enough)
    groups = _heads(corpus, groups, enough=enough)
    groups = _passages(corpus, groups, scorer, weigher(tokeniser), enough=enough, names=names)
    groups = _lead_ins(corpus, groups, enough=enough)
    groups = _without_negated_only(corpus, groups[:enough]) + groups[enough:]
    fresh = _still_rising(corpus, groups, new, rising)
    if top is not None:
        head = groups[: read_count(top)]
        groups = head + [g for g in groups[len(head) :] if id(g) in fresh]

    progress(1)
    weigh = weigher(tokeniser)
    described = [_describe(corpus, g, names, weigh) for g in groups]
    out: list[DiscoveredPoint] = []
    ids = _unique_ids([d.text for d in described])
    for group, desc, pid in zip(groups, described, ids, strict=True):
        docs = sorted({corpus.sentences[corpus.psent[o.start]][0] for o in group.occs})
        out.append(
            DiscoveredPoint(
                point=Point(id=pid, text=desc.text, aliases=desc.aliases),
                dates=len(group.dates),
                documents=tuple(corpus.docs[d].id for d in docs),
                first=corpus.dates[group.dates[0]],
                last=corpus.dates[group.dates[-1]],
                example=desc.example,
                score=group.score,
                count=len(group.occs),
                wordings=tuple(zip((desc.text, *desc.aliases), desc.counts, strict=True)),
                firsts=desc.firsts,
            )
        )
    return out, {row.point for row, g in zip(out, groups, strict=True) if id(g) in fresh}


def _formula_inside(
    corpus: _Corpus, parts: Sequence[tuple[tuple[int, ...], Sequence[_Occ]]], key: tuple[int, ...]
) -> tuple[int, ...]:
    """The key of a group whose wordings are ``parts``: ``key``, or the formula its wording
    carries (see :func:`~consistency.discover.families._carries`), the one found on the
    most dates."""
    pdate, words, stop = corpus.pdate, corpus.words, corpus.stop
    groups = {
        k: _Group(list(occs), k, sorted({pdate[o.start] for o in occs}))
        for k, occs in parts
        if k == key or _after_carrier(key, k, words, stop)
    }
    if key not in groups or len(groups) == 1:
        return key
    said = [g for g in groups.values() if _carries(corpus, groups[key], g)]
    return max(said, key=lambda g: (len(g.dates), len(g.key)), default=groups[key]).key


TEMPLATE_WORDS = 6
"""Words a template's frame has: the opening that :data:`TEMPLATE_ROWS` ranked phrases or
more share before each goes on its own way (see :func:`_templates`)."""

TEMPLATE_ROWS = 3
"""Ranked phrases that must share a frame for it to be a template."""


def _templates(
    corpus: _Corpus, groups: list[_Group], scorer: _Scorer, names: Collection[int]
) -> list[_Group]:
    """``groups`` (ranked) with each set of :data:`TEMPLATE_ROWS` or more that open with the
    same :data:`TEMPLATE_WORDS` words or more, and go on each its own way, made one group:
    the frame they share (less its last function words), scored as itself and no higher
    than the best of them. A frame said with many endings is what recurs, not its endings:
    "I'm not going to get ahead of the Secretary's schedule", "... of the investigation",
    "... of where the discussions end up" were eight rows of the top 50 of a State
    Department archive (review 98), where the frame, a deflection said about everything,
    is the genre's procedure and ranks as such. On the MFA corpora no two rows of the top
    300 share six words at their start."""
    by_frame: dict[tuple[int, ...], list[int]] = {}
    for k, g in enumerate(groups):
        if len(g.key) > TEMPLATE_WORDS:
            by_frame.setdefault(tuple(g.key[:TEMPLATE_WORDS]), []).append(k)
    merged: dict[int, _Group] = {}
    gone: set[int] = set()
    function = corpus.function
    for members in by_frame.values():
        if len(members) < TEMPLATE_ROWS:
            continue
        keys = [groups[k].key for k in members]
        n = TEMPLATE_WORDS
        while all(len(k) > n + 1 and k[n] == keys[0][n] for k in keys):
            n += 1
        heads = {_head(k[n:], function) for k in keys if len(k) - n > 1}
        if len(heads - {None, *names}) < TEMPLATE_ROWS:
            # a name after the frame fills a slot of one formula ("support for a free and
            # sovereign *Ukraine*", "... *Moldova*"), not a frame said about everything
            continue
        while n > 1 and function[keys[0][n - 1]]:
            n -= 1
        frame = tuple(keys[0][:n])
        occs = _dedupe(_Occ(o.start, o.start + n) for k in members for o in groups[k].occs)
        template = _Group(occs, frame, sorted({corpus.pdate[o.start] for o in occs}))
        template.score = min(scorer(template), max(groups[k].score for k in members))
        merged[members[0]] = template
        gone.update(members)
    if not merged:
        return groups
    kept = [merged.get(k, g) for k, g in enumerate(groups) if k in merged or k not in gone]
    return _ranked(corpus, kept)


SLOT_SHARED = 4
"""Words a frame with a slot inside it shares, before and after the slot together (see
:func:`_slot_frames`)."""

NAME_SHARED = 3
"""Words a frame with a slot for a name at its end shares ("the fluid situation in
*Khartoum*", "... in *Haiti*": review 101; see :func:`_slot_frames`)."""

TOPIC_DATES = 2
"""Dates a filling of a frame's slot is said on outside the frame: a topic or name said
about everything is said in other sentences too (see :func:`_slot_frames`)."""

SLOT_CONTENT = 2
"""Content words (names aside) the richer side of a frame with a slot inside it keeps to
be a row in place of its fillings (see :func:`_slot_frames`)."""

SLOT_SPREAD = 0.5
"""The largest share of a frame's occurrences one wording filling its slot may have for
the frame to be said about everything (see :func:`_slot_frames`)."""


def _slot(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int]:
    """How many words ``a`` and ``b`` share at their start and, after that, at their end."""
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p]:
        p += 1
    s = 0
    room = min(len(a), len(b)) - p
    while s < room and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


def _slot_frames(
    corpus: _Corpus, groups: list[_Group], scorer: _Scorer, names: Collection[int]
) -> list[_Group]:
    """``groups`` (ranked) with each set of :data:`TEMPLATE_ROWS` or more that are one
    frame, each with its own words in a slot inside it, made one group: the frame's side
    of the slot with more content words, less its edge function words, scored as itself
    and no higher than the best of them (a slot at the end holds names only here; see
    :func:`_templates` for other endings).
    "I can tell you that *the peace summit in Switzerland* was also discussed in the
    cabinet", "We received the letter from *Qatar* and will reply in due course" were
    rows of their own, one per filling, in a German archive's top 100 (review 100): a
    notice said about whatever was asked.

    The frame shares :data:`SLOT_SHARED` words or more, one a content word before the
    slot, and no fewer than the slot holds ("flights between *Armenia and Turkey were
    suspended* next year" is no frame), and its richer side keeps :data:`SLOT_CONTENT`
    content words; no filling is said in more than :data:`SLOT_SPREAD` of the frame's
    occurrences, for a formula with a slot is said mostly of one party ("the political
    settlement of the *Korean Peninsula* issue", MFA: on 59 of 70 dates). A filling is a
    topic (two words or more, one a content word) or a name after a function word,
    :data:`SLOT_FILLERS` of them or more (see
    :func:`~consistency.discover.ngrams._name_gaps`); one other word is a variant of one
    formula ("*fully* and effectively implement ...")."""
    keys = [g.key for g in groups]
    words, stop = corpus.words, corpus.stop
    buckets: dict[tuple[int, ...], list[int]] = {}
    for k, key in enumerate(keys):
        if len(key) > NAME_SHARED:
            buckets.setdefault(key[:2], []).append(k)
            # ... and by their end, for a slot for a name that opens them
            buckets.setdefault((-1, *key[-2:]), []).append(k)

    def content(ids: Sequence[int]) -> int:
        return sum(w not in names and words[w] not in stop for w in ids)

    def named(slot: Sequence[int]) -> bool:
        return all(w in names or words[w] in stop for w in slot) and any(w in names for w in slot)

    def filling(key: tuple[int, ...], p: int, s: int) -> bool:
        slot = key[p : len(key) - s]
        if len(slot) > p + s:
            return False  # more said in the slot than around it: rows that share a few words
        return (len(slot) >= 2 and content(slot) > 0) or (named(slot) and words[key[p - 1]] in stop)

    def elsewhere(filling: tuple[int, ...], inside: set[int]) -> bool:
        """Whether ``filling`` is said on :data:`TOPIC_DATES` dates outside the frame."""
        at = corpus.where(filling)
        out = {corpus.pdate[int(a)] for a in at if int(a) not in inside}
        return len(out) >= TOPIC_DATES

    frames: dict[tuple[tuple[int, ...], tuple[int, ...]], set[int]] = {}
    for members in buckets.values():
        if len(members) < TEMPLATE_ROWS:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                p, s = _slot(keys[a], keys[b])
                if p + s < (SLOT_SHARED if s and p else NAME_SHARED) or p + s == min(
                    len(keys[a]), len(keys[b])
                ):
                    continue
                if p == 0:
                    # a name that opens the frame, its subject: "*Egypt* is an important
                    # economic and trade partner of China" (review 109: 22 rows, one
                    # per country), "the *Home* Secretary was being kept updated"
                    ends = len(keys[a]) - s, len(keys[b]) - s
                    if not (named(keys[a][: ends[0]]) and named(keys[b][: ends[1]])):
                        continue
                    if not content(keys[a][ends[0] :]):
                        continue
                elif not content(keys[a][:p]):
                    continue
                elif s == 0 and not (named(keys[a][p:]) and named(keys[b][p:])):
                    continue  # a slot at the end for more than a name: see _templates
                if p == 0 or (filling(keys[a], p, s) and filling(keys[b], p, s)):
                    shared = (keys[a][:p], keys[a][len(keys[a]) - s :])
                    frames.setdefault(shared, set()).update((a, b))
    gone: set[int] = set()
    index = {key: k for k, key in enumerate(keys)}
    made: dict[tuple[int, ...], tuple[list[int], list[_Occ]]] = {}
    for (before, after), found in sorted(frames.items(), key=lambda f: (-len(f[1]), min(f[1]))):
        members = sorted(k for k in found if k not in gone)
        fillings = {keys[k][len(before) : len(keys[k]) - len(after)] for k in members}
        need = max(TEMPLATE_ROWS, SLOT_FILLERS if all(map(named, fillings)) else 0)
        if len(fillings) < need:
            continue
        at_end = content(after) > content(before)
        side = after if at_end else before
        lo, hi = 0, len(side)
        while lo < hi and corpus.function[side[lo]]:
            lo += 1
        while hi > lo and corpus.function[side[hi - 1]]:
            hi -= 1
        frame = side[lo:hi]
        if content(frame) < SLOT_CONTENT:
            continue
        occs: list[_Occ] = []
        said: dict[tuple[int, ...], set[int]] = {}
        for k in members:
            for o in groups[k].occs:
                # (a row may hold several fillings, grouped as variants of one wording)
                whole = tuple(corpus.ids[o.start : o.end])
                if (
                    len(whole) <= len(before) + len(after)
                    or whole[: len(before)] != before
                    or whole[len(whole) - len(after) :] != after
                ):
                    continue
                at = o.end - len(after) + lo if at_end else o.start + lo
                occs.append(_Occ(at, at + len(frame)))
                said.setdefault(whole[len(before) : len(whole) - len(after)], set()).add(
                    o.start + len(before)
                )
        if not occs or max(map(len, _parties(said, names).values())) > SLOT_SPREAD * len(occs):
            continue
        if sum(elsewhere(f, at) for f, at in said.items()) < need:
            continue  # the fillings are said nowhere else: one formula's wordings
        same = index.get(frame)
        if same is not None and same not in gone:
            members.append(same)
            occs.extend(groups[same].occs)
        # two signatures may leave one frame ("... dropped below freezing on Monday",
        # "... on this morning"): one row
        had = made.setdefault(frame, ([], []))
        had[0].extend(members)
        had[1].extend(occs)
        gone.update(members)
    if not made:
        return groups
    merged: dict[int, _Group] = {}
    for frame, (members, occs) in made.items():
        occs = _dedupe(occs)
        template = _Group(occs, frame, sorted({corpus.pdate[o.start] for o in occs}))
        template.score = min(scorer(template), max(groups[k].score for k in members))
        merged[min(members)] = template
    kept = [merged.get(k, g) for k, g in enumerate(groups) if k in merged or k not in gone]
    return _ranked(corpus, kept)


def _parties(
    said: dict[tuple[int, ...], set[int]], names: Collection[int]
) -> dict[tuple[int, ...], set[int]]:
    """``said`` (fillings of a slot, and where each is said) with the fillings that name one
    party as one: those sharing a name, or one of them holding all the other's words
    ("the *Korean Peninsula*", "the *Peninsula*", "the *Peninsula nuclear*" issue)."""
    heads = {f: f for f in said}

    def head(f: tuple[int, ...]) -> tuple[int, ...]:
        while heads[f] != f:
            f = heads[f]
        return f

    fills = sorted(said)
    for i, a in enumerate(fills):
        for b in fills[i + 1 :]:
            shared = set(a) & set(b)
            if shared in (set(a), set(b)) or any(w in names for w in shared):
                heads[head(b)] = head(a)
    out: dict[tuple[int, ...], set[int]] = {}
    for f, at in said.items():
        out.setdefault(head(f), set()).update(at)
    return out


def _head(rest: Sequence[int], function: bytearray) -> int | None:
    """The first content word of ``rest``: the thing a template's filling names, past
    the function words that open it ("about *the* peace summit", "about *the* situation
    in Gaza": review 100, eight rows of one frame). A filling of one word is none: the
    endings of one formula ("will be looked at *gradually*", "... *in stages*")."""
    return next((w for w in rest if not function[w]), None)


def without_reversals(
    found: Sequence[DiscoveredPoint], tokeniser: Tokeniser | None = None
) -> list[DiscoveredPoint]:
    """``found`` less the rows that are another row said the other way round ("Russia will
    *no longer* fulfil its international obligations in good faith" beside "... will
    continue to fulfil ..."): a report tells that as the other row's "said negated" card,
    and listed as a formula of its own it was also a "new point" (review 61)."""
    negations = named_words(tokeniser, "negations")
    negating = negating_words(tokeniser)
    words = [normalise(f.point.text, tokeniser=tokeniser).split() for f in found]
    return [
        f
        for k, f in enumerate(found)
        if not (
            negations.intersection(words[k])
            and any(
                turned_over(other, words[k], negations, negating)
                for j, other in enumerate(words)
                if j != k
            )
        )
    ]


RISING_MAX = 5
"""The most rows listed for being new in a period (see :func:`_rising`)."""

NEW_RATE_DATES = 4
"""The fewest dates a row new in a report's period is said on for its rate to count since
the period began (see :func:`_rising` and :meth:`~.rank._Scorer.as_new`)."""

RISING_MIN_DATES = 3
"""The fewest dates of the period a row new in it is said on."""


def _rising(
    corpus: _Corpus,
    ranked: Sequence[_Group],
    period: tuple[dt.date, dt.date],
    *,
    top: int,
    start: int | None = None,
    min_dates: int,
    negating: Collection[str] = frozenset(),
    scorer: _Scorer | None = None,
) -> list[_Group]:
    """Rows past the best ``start`` (default ``top``) that are new in ``period``: the
    rows the engine reads for a list of ``start`` go past it (see
    :func:`~consistency.discover.verify.verified_count`), and one of them new in the period
    was neither listed nor new (review 77: "a coalition of the willing to defend a deal
    and guarantee the peace", said on 5 of the period's 8 dates, row 28 for a report of
    25, had no card). First said in it, on
    :data:`RISING_MIN_DATES` of its dates or more, and as good a formula as the weakest of
    the best ``top`` but for the dates it had no time to be said on (its score less the
    spread, ``log2(1 + dates)``); the best :data:`RISING_MAX`, best first. Not another
    row said the other way round ("Russia will *no longer* fulfil its international
    obligations", a review: the report has a "said negated" card for it; ``negating``: see
    :func:`~consistency.match.negating_words`).

    A formula that a government starts to say in the last weeks of a ten-year archive
    ranks below every old one by spread alone (review 59: "a fair and reciprocal trade
    relationship with our European partners", on 5 of the last 8 dates of 40, was row
    62), while a report on those weeks is where a reader looks for it."""
    begin = top if start is None else start
    if len(ranked) <= begin:
        return []
    first, last = period

    def quality(g: _Group) -> float:
        return g.score / math.log2(1 + len(g.dates))

    bar = min(quality(g) for g in ranked[:top])
    least = max(min_dates, RISING_MIN_DATES)
    since = bisect_left(corpus.dates, first)
    out: list[_Group] = []
    for g in ranked[begin:]:
        days = [corpus.dates[d] for d in g.dates]
        if days[0] < first or sum(d <= last for d in days) < least:
            continue
        # its rate since the period began, not over the years before it was said, where
        # it was said often enough for a rate (on three dates "further discussions this
        # afternoon", "坚定维护安理会决议的权威性，坚定维护" read as formulas: reviews 77, 85)
        score = g.score
        if scorer is not None and len(g.dates) >= NEW_RATE_DATES:
            score = max(score, scorer.as_new(g, since))
        if score / math.log2(1 + len(g.dates)) < bar:
            continue
        words = [corpus.words[w] for w in g.key]
        if corpus.negated(g.key) and any(
            turned_over([corpus.words[w] for w in b.key], words, corpus.negations, negating)
            for b in ranked
            if b is not g
        ):
            continue
        out.append(g)
        if len(out) == RISING_MAX:
            break
    return out


def _still_rising(
    corpus: _Corpus,
    groups: Sequence[_Group],
    new: Sequence[_Group],
    period: tuple[dt.date, dt.date] | None,
) -> set[int]:
    """The ids of ``groups`` (merged since :func:`_rising` chose ``new``) that hold a row
    it chose: half its sentences or more, first said in the period still. A chosen carrier
    folds into its formula, under the formula's key (review 81: "the Commission will
    propose *a coalition of the resilient for the Baltic and the Black Sea* in the coming
    weeks", chosen, became the formula's row, and the report had no card of it)."""
    if not new or period is None:
        return set()
    psent = corpus.psent
    chosen = [{psent[o.start] for o in g.occs} for g in new]
    out: set[int] = set()
    for g in groups:
        if corpus.dates[g.dates[0]] < period[0]:
            continue
        mine = {psent[o.start] for o in g.occs}
        if any(2 * len(mine & c) >= len(c) for c in chosen):
            out.add(id(g))
    return out


NEGATED_ONLY_SHARE = 0.9
"""The share of a row's occurrences inside a row of its words said negated that makes it
that row's fragment (see :func:`_without_negated_only`)."""


def _without_negated_only(corpus: _Corpus, groups: list[_Group]) -> list[_Group]:
    """``groups`` less the rows said (nearly) only inside another row that holds their words
    with a negation: "get ahead of the process" (23 dates) beside "I'm not going to get
    ahead of the process" (23 dates, the same sentences), a fragment ranked above its
    formula (review 149). Negations part wordings (a formula and its opposite are two
    rows), but a phrase never said without the negation is no formula of its own.
    :data:`NEGATED_ONLY_SHARE` of its occurrences inside the other row's, at least."""
    groups = [g for g in groups if not _after_negations(corpus, g)]
    negated = [g for g in groups if corpus.negated(g.key)]
    if not negated:
        return groups
    psent = corpus.psent
    spans: dict[int, dict[int, list[tuple[int, int]]]] = {}

    def said_in(h: _Group) -> dict[int, list[tuple[int, int]]]:
        if id(h) not in spans:
            by_sentence: dict[int, list[tuple[int, int]]] = {}
            for o in h.occs:
                by_sentence.setdefault(psent[o.start], []).append((o.start, o.end))
            spans[id(h)] = by_sentence
        return spans[id(h)]

    # every run of words a negated row holds, to the rows holding it
    held: dict[tuple[int, ...], list[_Group]] = {}
    for h in negated:
        key = tuple(h.key)
        for a in range(len(key)):
            for b in range(a + 1, len(key) + 1):
                rows = held.setdefault(key[a:b], [])
                if not rows or rows[-1] is not h:
                    rows.append(h)
    out: list[_Group] = []
    for g in groups:
        holders = [] if corpus.negated(g.key) else held.get(tuple(g.key), [])
        inside = sum(
            any(
                a <= o.start and o.end <= b
                for h in holders
                for a, b in said_in(h).get(psent[o.start], ())
            )
            for o in g.occs
        )
        if not holders or inside < NEGATED_ONLY_SHARE * len(g.occs):
            out.append(g)
    return out


NEGATED_REACH = 4
"""The most words before a row's occurrence, in its clause, a negation may stand to negate
it ("would *not* provide", "was *not* going to provide": see :func:`_after_negations`)."""


def _after_negations(corpus: _Corpus, group: _Group) -> bool:
    """Whether a row without a negation is said (nearly: :data:`NEGATED_ONLY_SHARE`) only
    after one, :data:`NEGATED_REACH` words before it at most, nothing but space between
    (no comma: "不是针对……，*而是*针对……" is said in its own right): what the
    briefings say is its opposite, in carriers too varied for a row of the negation
    ("provide a running commentary on tax policy ahead of the Spending Review" after
    "would not", "was not going to", "did not intend to": review 153, a row that as a
    watchlist's point says the opposite of the government's line)."""
    if corpus.negated(group.key):
        return False
    ids, negations = corpus.ids, corpus.negation_ids

    def negated(at: int) -> bool:
        k = at - 1
        while k >= max(0, at - NEGATED_REACH) and corpus.joinable(k, k + 1):
            if ids[k] in negations:
                return True
            k -= 1
        return False

    # where the row's words stand in an occurrence of a longer wording of it: at its end
    after = sum(negated(max(o.start, o.end - len(group.key))) for o in group.occs)
    return after >= NEGATED_ONLY_SHARE * len(group.occs)


def _quiet(steps: int) -> None:
    """No progress to tell."""


CORE_CLOSED = 0.5
"""The share of a formula's occurrences that must end its clause before its frames lift
its rank (see :func:`_rank_cores_by_frames`): "a free and open Indo-Pacific." stands
whole; "international and regional" runs on into "issues", "play a positive" into
"role": the ends of phrases cut short."""


def _rank_cores_by_frames(corpus: _Corpus, groups: Sequence[_Group], scorer: _Scorer) -> None:
    """A formula said in frames that recur (see
    :func:`~consistency.discover.ngrams._shared_cores`), on more than
    :data:`CORE_SHARE` times the dates of each of :data:`CORE_FRAMES` or more, and
    whole (:data:`CORE_CLOSED`), scores at least as well as the best of them, however its
    wordings are merged later: "a free and open Indo-Pacific" (30 dates), said in four
    carriers of 4 to 10 dates each, ranked far below them, its words fewer (review 65: no
    row of it). Not a part of a longer such formula found on about its dates: "causes of
    the crisis in Ukraine" of "eliminating the root causes of the crisis in Ukraine"
    (review 61, where "eliminating the causes ..." was said too)."""
    cores = [g for g in groups if g.core]
    if not cores:
        return
    holding: dict[int, list[_Group]] = {}
    for g in groups:
        for w in set(g.key):
            holding.setdefault(w, []).append(g)
    for core in cores:
        if _closure(corpus, core.occs) < CORE_CLOSED or any(
            _part_of(core.key, longer.key) and len(core.dates) <= CORE_SHARE * len(longer.dates)
            for longer in cores
        ):
            continue
        rarest = min(core.key, key=lambda w: len(holding[w]))
        framed = [
            g.score
            for g in holding[rarest]
            if CORE_SHARE * len(g.dates) < len(core.dates) and _part_of(core.key, g.key)
        ]
        if len(framed) >= CORE_FRAMES and core.score < max(framed) <= core.score / FLOOR_SHARE:
            scorer.floors[tuple(core.key)] = max(framed)
            core.score = max(framed)


FLOOR_SHARE = 0.4
"""A formula said in frames takes its best frame's score (see
:func:`_rank_cores_by_frames`) only where its own is this share of that at least: a name
or a topic said in many sentences is what they are about, not their formula (review 77:
"the Middle East", 32 dates, scored 1.84 beside a carrier at 9.13 and was row 1; "a free
and open Indo-Pacific", the formula of review 65, scored 0.46 of its carrier's)."""
