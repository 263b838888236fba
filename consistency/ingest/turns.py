"""Speaker turns: who says each part of a briefing.

A line ``Label: text`` starts a turn of ``Label``; the turn's span is the
spoken text (label, colon and surrounding space excluded). Each paragraph is
one turn: a line without a label continues the previous speaker as a new turn,
and a hard-wrapped line (the previous line does not end a sentence) extends the
paragraph it belongs to.

What is a label, generically (no list of names or outlets):

- at the start of a line, before ``:`` (or ``：``) and space, at most five words
  and 64 characters, starting with a capital, with no sentence punctuation
  inside (abbreviations such as ``MR.`` or ``U.S.`` are fine); commas only
  between capitalised parts (``Official Spokesperson, Shri Arindam Bagchi``),
  each of five words at most (``Mr. HAYASHI Yoshimasa, Minister for Foreign
  Affairs``);
  a trailing parenthesis is fine (``QUESTION (Reuters)``), and so is a recording's
  time stamp beside the colon, which makes the label a speaker's even alone on its
  line (``Karine Jean-Pierre (00:03):``, ``Jen Psaki: (00:22)``). A bare ``Q`` or
  ``Q.`` line (``Q    Thank you``) is a label too, and so is ``A.`` where
  ``Q`` is;
- and either a role word (``Q``, ``A``, ``QUESTION``, ``Answer``, ``Journalist``,
  ``Follow-up``, ``Spokesperson``, ``MR.``/``MS.`` ..., outlet words such as
  ``News`` or ``TV``, procedural ones such as ``Moderator``, counted as press),
  or name-like (every word capitalised, bar ``of``/``and`` ...), or the same
  short label (up to three words) used at least twice in the document; a
  longer label with lower-case words counts only when it opens with a press
  word (``Question from the floor``). ``He said: we will``, ``Our position is
  very clear: ...``, ``Answers to media questions:`` and reported speech
  (``The spokesperson said: ...``) are prose.
- not a field of the page: a label whose every line stands alone and does not end
  as said words do ("Last Build Date: Tue, 27 Dec 2016", "Subscribe: Downing Street
  Says") names no one; nor does a role word's label said once, first, that way (a
  title: "Press Conference: Karine Jean-Pierre Holds a Press Briefing").
- A document needs two labelled lines (or one with a role word) to count as a
  transcript; otherwise it is narration: one turn per paragraph, role
  ``narration``, no speaker. Unless it names its speakers alone on a line above
  their words, with perhaps a transcription service's tags between (see
  :func:`_own_line_labels`); a running count of paragraphs at their ends is no one's
  words (see :func:`_drop_running_count`).

Whether an unknown label is the official or the press follows from the
dialogue: the official answers (speaks right after press turns), the press
speaks after the official; journalists' turns ask ("?"), officials' turns state
and go on for paragraphs; a person's name ("Zhao Lijian", not "The Paper" or
"CCTV") leans official. Role words decide first; the evidence then settles the
rest one label at a time, strongest first; if nothing is known, the label with
the most turns (the one answering every question) is the official, and labels
still undecided once an official is known are press. Spellings of a label that
differ only in case are one speaker, named by its most frequent spelling.

In a transcript, unlabelled text before the first label (the spokesperson's
opening announcements) and after a separator line (``***``) is official, with
the main official's label as speaker. An unlabelled official paragraph right
before an official's labelled turn is a question put without a label ("The
following question was raised after the press conference: ...?") when it ends
in "?" or that same official speaks next (where journalists bear labels: with an
answer's label, ``A:``/``答：``, and only when the paragraph asks or speaks of a
journalist): press, no speaker. Section headings between the turns ("Update on
Ukraine", see :func:`_mark_headings`) are said by no one. Photo captions and stage
directions (a whole line in brackets, ``(Laughter.)``, or a bare clock time, ``END
3:41 P.M. EDT``) are in no turn, in any text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice, pairwise

from ..models import Role, Turn
from .dates import is_clock_time

MAX_LABEL_WORDS = 5
"""The most words a speaker label has; a name and a title set apart by a comma ("Mr.
HAYASHI Yoshimasa, Minister for Foreign Affairs") may have this many in each part."""

MAX_LABEL_CHARS = 64
"""The most characters of a speaker label, less an affiliation in brackets after the name
("ALEXANDRIN (Federal Ministry for Economic Affairs and Climate Action)", review 100),
which may have up to :data:`MAX_AFFILIATION_CHARS` of its own."""

MAX_AFFILIATION_CHARS = 80

MAX_TITLE_WORDS = 14
"""The most words of an office's title after a name and its comma, where the title holds a
role word: "Nabila Massrali, Spokesperson for Foreign Affairs and Security Policy" (review
156: 71 characters and seven words to the title, read as no label, so every answer of
hers was the journalist's question going on; "Peter Stano, Lead Spokesperson for Foreign
Affairs and Security Policy of the European Union", twelve, a fresh-clone trial)."""

MAX_TITLED_LABEL_CHARS = 120
"""The most characters of a name with such a title (see :data:`MAX_TITLE_WORDS`)."""


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STAMP = r"[(\[]\d{1,2}(?::\d{2}){1,2}[)\]][^\S\n]*"
"""A recording's time stamp beside a label, as transcription services write it: "Karine
Jean-Pierre (00:03):", "Jen Psaki: (00:22)", "Speaker 1 [01:02:03]:", "[00:41] Reporter:".
It belongs to the label, not to what is said."""

_LABEL = re.compile(
    rf"[^\S\n]*(?P<lead>{_STAMP})?(?:\*\*|__)?"
    r"(?P<label>[《〈]?[^\W\d_][^:：\n]{0,118}?(?:\([^()\n]{1,80}\))?)[^\S\n]*(?:\*\*|__)?"
    rf"(?P<before>{_STAMP})?(?:：|:(?![\d/]))(?:\*\*|__)?[^\S\n]*(?P<after>{_STAMP})?"
)
_BARE_Q = re.compile(r"[^\S\n]*(?P<label>Q|A(?=\.))\.?(?:[^\S\n]+(?=\S)|[^\S\n]*$)")
_PARENTHESIS = re.compile(r"(?P<base>[^()（）]+?)[^\S\n]*[(（](?P<inside>[^()（）]{1,80})[)）]")
"""A label with an aside in brackets, ASCII or full-width: "Q (Reuters)", 記者（中央社）."""
_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]*")
_WORD = re.compile(r"[^\W_][\w'’&-]*")
_FORBIDDEN = re.compile(r"[,;?!\"“”„«»()\[\]{}<>|/\\=+*#@%$~^]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,3}")
"""The shape of a Chinese personal name: two or three Han characters (吴谦, 华春莹)."""
_CAPTION = re.compile(
    r"^(?:photo|image|picture|caption)\s*[:/：]"
    r"|\b(?:photo|photograph|file photo)(?:\s+by)?\s*[:/]\s*[^.!?:]{1,60}\)?$",
    re.IGNORECASE,
)
_CAPTION_HINTS = ("photo", "image", "picture", "caption")
_ALNUM = re.compile(r"[^\W_]")
_CLOSERS = "\"'”’)]»」』"
_TERMINAL = ".!?…:;。！？：；"

_PRESS_EXACT = _words(
    "q question questions follow-up followup journalist reporter correspondent interviewer "
    "audience 问 追问 提问 记者 問 追問 提問 質問 記者 主持人 기자 질문"
) | frozenset({"follow up"})
_OFFICIAL_EXACT = _words(
    "a answer answers spokesperson spokesman spokeswoman 答 回答 发言人 發言人 報道官 대변인 답변"
)
_ANSWER_EXACT = _words("a answer answers 答 回答 답변")
"""Labels that say their turn answers a question: one was put before it."""
_OFFICIAL_WORDS = _words(
    "mr mr. ms ms. mrs mrs. dr dr. spokesperson spokesman spokeswoman minister secretary "
    "ambassador president premier chancellor governor mayor senator commissioner chairman "
    "chairwoman chairperson councilor councillor envoy consul admiral official representative "
    "대변인 장관"
)
_PRESS_WORDS = _words(
    "journalist journalists reporter reporters correspondent interviewer question follow-up "
    "news agency tv television radio daily times post journal broadcasting broadcaster media "
    "monthly weekly magazine channel network newspaper herald tribune gazette telegraph "
    "shimbun ilbo novosti wire press moderator chair operator host presenter anchor 기자"
)
_ROLE_WORDS = _OFFICIAL_WORDS | _PRESS_WORDS
_OFFICES = _words("ministry office department government cabinet embassy foreign federal")
"""Words of an office that, in brackets after a name, make its speaker an official."""
_CJK_PRESS_SUFFIXES = (
    "记者",
    "記者",
    "社",
    "台",
    "报",
    "報",
    "网",
    "網",
    "卫视",
    "新闻",
    "新聞",
    "问",
    "問",
)
_CJK_ROLE_WORDS = tuple(w for w in _PRESS_EXACT | _OFFICIAL_EXACT if _CJK.search(w))
"""The Chinese, Japanese and Korean role words (问, 答, 记者, ...)."""
_CJK_OFFICIAL_SUFFIXES = (
    *("发言人", "發言人", "部长", "部長", "大使", "報道官", "大臣", "長官"),
    *("主席", "总统", "總統", "总理", "總理", "主任", "主委", "委员", "委員", "院长", "院長"),
    *("处长", "處長", "司长", "司長", "局长", "局長", "署长", "署長", "秘书长", "秘書長"),
    *("市长", "市長", "省长", "省長", "领事", "領事", "特使", "官员", "官員"),
    *("厅长", "廳長", "所长", "所長", "校长", "校長", "会长", "會長", "行长", "行長"),
    *("巡视员", "巡視員", "研究员", "研究員", "医师", "醫師", "教授", "专家", "專家"),
    *("书记", "書記", "负责人", "負責人", "总监", "總監"),
)
"""The titles that end an official's label, as the English role words ("director":
法政處林政宏*處長*; "deputy chair": 梁文傑副*主委*, review 137: read as no label, their
words the spokesperson's or the press's; "inspector", "chief physician": 医政司一级
*巡视员*孟亚平, 瑞金医院精神科主任*医师*许红梅, review 141)."""
_TWO_DIGITS = re.compile(r"\d{2,}")
"""Digits no Chinese speaker's label holds: "教育部2025年第3场新闻发布会：介绍……" is a title
(review 143)."""
_CJK_ANNOUNCING = ("以下", "如下")
"""Words that announce what follows ("the following", "as follows"): a line "主要有以下几点
考虑：一是……" ("there are these considerations: first, ...") is no speaker's label (review
141: the official's answer after it was read as the press's)."""
_CJK_PROSE_STARTS = tuple(_words("我 你 他 她 它 这 那 但 如果 因此 对此 关于 有人"))
_CONNECTORS = _words(
    "of and the for & de da do dos das des du la le del der van von al el bin ibn y e di zu ter"
)
_TITLE_CONNECTORS = _CONNECTORS | _words("to on in at")
"""Words that join an office's title: "Representative *to* the United Nations"."""
_PROSE_STARTS = _words(
    "a an i we you he she it they this that these those there here but and or so then let "
    "my our your his her its their in on at as if when while what which who whom whose why "
    "how another one some first second third fourth finally firstly secondly also please "
    "for to with from after before during since under over all every each no yes now today "
    "yesterday tomorrow meanwhile however moreover besides thus therefore many most such "
    "both either neither i'd i'm i'll let's it's that's here's there's what's we're we've "
    "thanks thank okay ok sure well look hello hi sir madam dear"
)
_METADATA = _words(
    "published updated posted source sources note notes photo photos image images picture "
    "caption video audio editor editors author by date dated time tags tag keywords related "
    "read see subject title tel telephone fax email e-mail web website url address contact "
    "location venue place attachment attachments background reference ref translation transcript "
    "file copyright disclaimer category section share print download"
)

_SPEECH_VERBS = _words(
    "said says added stated noted told asked replied answered continued stressed explained "
    "remarked declared announced wrote commented emphasised emphasized underlined concluded "
    "recalled insisted warned argued confirmed reiterated"
)
"""A label ending in a reported-speech verb ("The spokesperson said:") is narration."""
_ADDRESSED = _words("from by of to for")

_KEYWORD, _NAME, _WEAK = 3, 2, 1

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HEADING_END = re.compile(r"[^\W_][\"'”’)\]]?$")
_FUNCTION_WORDS = _words(
    "a an the of and or to in on at for with by from as that than but nor into onto about"
)
_SENTENCE_INSIDE = re.compile(r"[?!？！。]|[^\W\d_]{3}\.\s")
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found at the start of a line.

    label: as written (white space collapsed); key: its case-folded form.
    rest: offset where the spoken text starts (after the colon and spaces).
    bare: the line has nothing after the label.
    colon: written with a colon (not a bare ``Q``, ``Q.`` or ``A.``).
    stamped: written with a recording's time stamp (see :data:`_STAMP`): a speaker's
        label even alone on its line, where a heading could end in a colon too.
    """

    label: str
    key: str
    rest: int
    bare: bool
    colon: bool = True
    stamped: bool = False


def find_label(text: str, start: int, end: int) -> Label | None:
    """The label-shaped prefix of the line ``text[start:end]``, if any (shape only)."""
    # a line without a colon has no ``_LABEL`` (most lines of speech: a quick look first)
    said = text.find(":", start, end) >= 0 or text.find("：", start, end) >= 0
    m = _LABEL.match(text, start, end) if said else None
    colon = m is not None
    if m is None:
        m = _BARE_Q.match(text, start, end)
        if m is None:
            return None
    label = " ".join(m.group("label").split())
    inner = _PARENTHESIS.fullmatch(label)
    if not label or len(inner.group("base") if inner else label) > MAX_TITLED_LABEL_CHARS:
        return None
    rest = m.end()
    stamped = colon and any(m.group(g) is not None for g in ("lead", "before", "after"))
    return Label(label, label.casefold(), rest, rest >= end, colon, stamped)


def label_kind(label: str) -> tuple[int, Role | None] | None:
    """How much ``label`` looks like a speaker label, and its role if a word gives it.

    Returns None for prose, else (strength, role): strength 3 for a role word,
    2 for a name-like label, 1 for a short label that counts only if repeated.

    >>> label_kind("Guo Jiakun")
    (2, None)
    >>> label_kind("MS. PSAKI")
    (3, <Role.OFFICIAL: 'official'>)
    >>> label_kind("He said") is None
    True
    """
    inner = _PARENTHESIS.fullmatch(label)
    if inner is not None:
        kind = label_kind(inner.group("base"))
        if kind is None or kind[1] is not None:
            return kind
        # a name with its office in brackets: "HEBESTREIT (Government Spokesperson)",
        # "WAGNER (Federal Foreign Office)" (review 100: read as press by the dialogue's
        # flow); an outlet in brackets names no role ("(Reuters)")
        inside = [w.casefold().strip(".,") for w in inner.group("inside").split()]
        if any(w in _OFFICIAL_WORDS or w in _OFFICES for w in inside):
            return _KEYWORD, Role.OFFICIAL
        if any(w in _PRESS_WORDS for w in inside):
            return _KEYWORD, Role.PRESS
        return kind
    key = label.casefold()
    if key in _PRESS_EXACT:
        return _KEYWORD, Role.PRESS
    if key in _OFFICIAL_EXACT:
        return _KEYWORD, Role.OFFICIAL
    if _CJK.search(label):
        return _cjk_kind(label)
    words = label.replace(",", " , ").split()
    commas = words.count(",")
    words = [w for w in words if w != ","]
    pieces = [p.split() for p in label.split(",")]
    titled = _name_and_title(pieces)
    if (
        not words
        or (len(label) > MAX_LABEL_CHARS and not titled)
        or (
            not titled
            and (
                max(len(p) for p in pieces) > MAX_LABEL_WORDS
                or len(words) > MAX_LABEL_WORDS * (1 + min(commas, 1))
            )
        )
        or _FORBIDDEN.search(label.replace(",", ""))
    ):
        return None
    first = words[0].casefold()
    # a label in capitals with a role word is no sentence, whatever its first word: "UNDER
    # SECRETARY BASS" (not the heading "ON UKRAINE WE STAND FIRM")
    shouted = len(words) > 1 and label.isupper() and any(w.casefold() in _ROLE_WORDS for w in words)
    prose = first in _PROSE_STARTS and not shouted
    if first in _METADATA or prose or words[-1].casefold() in _SPEECH_VERBS:
        return None
    for word in words:
        if "." in word:
            if not _ABBREVIATION.fullmatch(word):
                return None
        elif not _WORD.fullmatch(word):
            return None
    joins = _TITLE_CONNECTORS if titled else _CONNECTORS
    name_like = all(w[0].isupper() or w[0].isdigit() or w.casefold() in joins for w in words)
    if commas and (not name_like or not all(p.strip() for p in label.split(","))):
        return None
    if not name_like and len(words) > 3:
        if first in _PRESS_EXACT and words[1].casefold() in _ADDRESSED:
            return _KEYWORD, Role.PRESS
        return None
    folded = [w.casefold() for w in words]
    parts = [p for w in folded for p in re.split(r"[-‐‑]", w) if p]
    if folded[0] in _PRESS_EXACT:
        # a label that opens with the asker's word is the asker's, whatever title follows:
        # "QUESTION DR. ROSE" (review 74: a journalist classed as an official by "Dr.")
        return _KEYWORD, Role.PRESS
    if any(w in _OFFICIAL_WORDS for w in [*parts, *folded]):
        return _KEYWORD, Role.OFFICIAL
    if any(w in _PRESS_WORDS for w in [*parts, *folded]):
        return _KEYWORD, Role.PRESS
    if name_like:
        return _NAME, None
    return _WEAK, None


def _name_and_title(pieces: list[list[str]]) -> bool:
    """Whether a label's comma-parted ``pieces`` are a name and an office's title: the
    name of :data:`MAX_LABEL_WORDS` words at most, then a title of at most
    :data:`MAX_TITLE_WORDS` that holds a role word ("Spokesperson for Foreign Affairs and
    Security Policy", "U.S. Representative to the United Nations"), its other words
    capitalised or joining ones."""
    if len(pieces) != 2 or not pieces[0] or not 0 < len(pieces[1]) <= MAX_TITLE_WORDS:
        return False
    if len(pieces[0]) > MAX_LABEL_WORDS:
        return False
    folded = [w.casefold() for w in pieces[1]]
    return any(w in _OFFICIAL_WORDS for w in folded) and all(
        w[0].isupper() or f in _TITLE_CONNECTORS for w, f in zip(pieces[1], folded, strict=True)
    )


def _cjk_kind(label: str) -> tuple[int, Role | None] | None:
    title, _, name = label.partition(" ")
    if name and _han_person(name) and _CJK.match(title):
        # a title, a space and a name: "医政司司长 李海涛", "主持人 胡强强" (review 141:
        # no label, the officials' answers the journalists' words); of titles listed, the
        # last's: "副司长、一级巡视员 吴海涛" (review 143)
        kind = label_kind(title.split("、")[-1])
        return (_KEYWORD, kind[1]) if kind is not None and kind[1] is not None else None
    if (
        label in _CJK_METADATA
        or len(label) > MAX_CJK_OFFICE_LABEL
        or (len(label) > MAX_CJK_LABEL and not _office_and_name(label))
        or re.search(r"[\s，。、；！？,.;!?]", label)
        or label.startswith(_CJK_PROSE_STARTS)
        or any(w in label for w in _CJK_ANNOUNCING)
        or _TWO_DIGITS.search(label)
    ):
        return None
    if label.endswith(_CJK_OFFICIAL_SUFFIXES) or _office_and_name(label):
        return _KEYWORD, Role.OFFICIAL
    if len(label) > MAX_CJK_NAMED:
        return None
    if label.endswith(_CJK_PRESS_SUFFIXES):
        return _KEYWORD, Role.PRESS
    return _WEAK, None


MAX_CJK_NAMED = 12
"""The most characters of a Chinese label that names no office before a person."""

MAX_CJK_LABEL = 24
"""The most characters of a Chinese label that does: 国防部新闻发言人周海峰大校 (the
Ministry of National Defense's spokesperson, Senior Colonel Zhou Haifeng)."""

MAX_CJK_OFFICE_LABEL = 40
"""The most characters of a Chinese label that ends with an office and a name:
中国疾病预防控制中心慢性非传染性疾病预防控制中心副主任蒋晓军 (review 141)."""

_CJK_NAME_AND_TITLE = 6
"""The most characters after the office in such a label: a name and a rank or title."""

_CJK_SAYING = ("说", "表示", "指出", "强调", "称", "介绍", "回答", "答", "问", "透露")
"""Verbs that end a narrated line, "发言人表示：" ("the spokesperson said:"): no label."""


def _office_and_name(label: str) -> bool:
    """Whether ``label`` names an office (发言人, 部长, ...) and, after it, a person with
    perhaps a title: "国防部新闻发言人周海峰大校", "外交部发言人华春莹" (review 116: the label
    was read as the spokesperson's words, so a change of spokesperson was a shift)."""
    for office in _CJK_OFFICIAL_SUFFIXES:
        at = label.find(office)
        rest = label[at + len(office) :] if at >= 0 else ""
        if (
            rest
            and len(rest) <= _CJK_NAME_AND_TITLE
            and _CJK.fullmatch(rest[0]) is not None
            and not rest.endswith(_CJK_SAYING)
        ):
            return True
    return False


_CJK_METADATA = _words(
    "编辑 編輯 责编 責編 作者 来源 來源 标签 標籤 关键词 關鍵詞 地点 地點 时间 時間 日期 "
    "发布人 發布人 发布 發布 原标题 原標題 链接 鏈接 附件 图片 圖片 摄影 攝影 发布日期 發布日期 "
    "发布时间 發布時間 更新日期 更新时间 更新時間 标题 標題 主题 主題 出处 出處 字号 字號"
)
"""A page's fields in Chinese (编辑 "editor", 来源 "source", 地点 "place"): no speakers,
as :data:`_METADATA` in English; "日期：2025-09-04" is the briefing's date, no speaker's
words (review 137: "no date found")."""


def is_page_field(label: str) -> bool:
    """Whether ``label`` names a field of a Chinese page (see :data:`_CJK_METADATA`)."""
    return label in _CJK_METADATA


def _han_person(label: str) -> bool:
    """Two or three Han characters holding no role word (华春莹, not 追问二) and naming
    no field of the page (not 编辑, 来源)."""
    return (
        _HAN_NAME.fullmatch(label) is not None
        and label not in _CJK_METADATA
        and not any(w in label for w in _CJK_ROLE_WORDS)
    )


def _person_like(label: str) -> bool:
    """Two or three capitalised words, not an outlet ("The Paper") or acronym ("CCTV"), or
    a Chinese name (see :func:`_han_person`)."""
    if _han_person(label):
        return True
    words = label.split()
    return (
        2 <= len(words) <= 3
        and words[0].casefold() != "the"
        and all(w[:1].isupper() and not w.isupper() for w in words)
    )


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    number: int
    kind: str  # "text", "blank", "separator", "caption", "note", "heading"
    label: Label | None = None
    indent: int = 0


@dataclass(slots=True)
class _Group:
    strength: int
    role: Role | None
    count: int
    inline: bool
    first: int
    spellings: Counter[str]


def _is_caption(line: str) -> bool:
    """A photo caption: ``Photo: Xinhua`` at its end, or ``Photo:`` / ``Caption:`` in front."""
    low = line.lower()
    return any(hint in low for hint in _CAPTION_HINTS) and _CAPTION.search(line) is not None


def _is_note(line: str) -> bool:
    """A stage direction: a whole line in brackets (``(Laughter.)``, ``(The briefing was
    concluded at 3:02 p.m.)``, ``[inaudible]``) or a bare clock time (``END 3:41 P.M. EDT``)."""
    return _BRACKETED.fullmatch(line) is not None or is_clock_time(line)


_SAID_AFTER = re.compile(r"[:：][^\S\n]*[^\W_]")
"""A colon with words after it: a heading ends on its colon, a speaker's line goes on."""


def _mark_headings(text: str, lines: list[_Line]) -> None:
    """Section headings of a transcript ("Update on Ukraine", "Questions Concerning the
    Situation in Ukraine") are said by no one: their lines become ``heading``.

    A heading is an unlabelled line that starts a paragraph, is short and
    title-shaped (capital or number first, no sentence punctuation in it or at
    its end but perhaps a colon, not ending in a function word), and introduces more
    text: it stands between
    blank lines or before a labelled line, or, short, right before a line that
    starts with a capital.
    """
    _unlabel_contents(text, lines)
    last_text = max((i for i, line in enumerate(lines) if line.kind == "text"), default=-1)
    for i, line in enumerate(lines[:last_text]):
        if line.kind != "text" or line.label is not None:
            continue
        before = lines[i - 1] if i else None
        if (
            before is not None
            and before.kind == "text"
            and (
                (before.label is not None and before.label.bare)
                or not _ends_paragraph(text, before)
            )
        ):
            continue
        body = text[line.start : line.end]
        words = body.split()
        if (
            len(body) > MAX_HEADING_CHARS
            or len(words) > MAX_HEADING_WORDS
            or not (body[0].isupper() or body[0].isdigit() or body[0] == "(")
            or not _HEADING_END.search(body.removesuffix(":").rstrip())
            or (body.endswith(":") and words[0].casefold() in _PROSE_STARTS)
            or words[-1].casefold() in _FUNCTION_WORDS
            or _SENTENCE_INSIDE.search(body)
            # "SAID ARIKAT: On the Palestinian issue, Ned": a label no other line bears,
            # and speech after it, which no heading drops (a second review)
            or _SAID_AFTER.search(body)
        ):
            continue
        after = lines[i + 1]
        if after.kind == "text" and after.label is None:
            head = text[after.start : after.start + 1]
            if len(body) > MAX_HEADING_CHARS // 2 or not (head.isupper() or head.isdigit()):
                continue
        line.kind = "heading"


CONTENTS_MIN_LINES = 3
"""The fewest title-shaped lines in a row that make a table of contents."""


def _title_shaped(body: str) -> bool:
    """Short, capital or number first, no sentence in it or at its end (a colon inside
    allowed)."""
    return (
        0 < len(body) <= MAX_HEADING_CHARS
        and len(body.split()) <= MAX_HEADING_WORDS
        and (body[0].isupper() or body[0].isdigit())
        and _HEADING_END.search(body.removesuffix(":").rstrip()) is not None
        and not _SENTENCE_INSIDE.search(body)
    )


def _unlabel_contents(text: str, lines: list[_Line]) -> None:
    """A line of a table of contents that reads as a label ("The Arctic: Territory of
    Dialogue forum") is a heading, there and where the section it names begins: a run of
    :data:`CONTENTS_MIN_LINES` or more title-shaped lines in a row lists the sections, and
    a labelled line that says one of them word for word, listed and again where its
    section begins, is no speaker's (review 61: the Russian MFA's "The Arctic" and "The
    Russia-Islamic World" were official speakers). A short exchange ("Q: Thanks" three
    times in a row) is said once each."""
    listed: set[str] = set()
    run: list[str] = []
    for line in [*lines, None]:
        body = text[line.start : line.end].strip() if line is not None else ""
        if line is not None and line.kind == "text" and _title_shaped(body):
            run.append(body)
            continue
        if len(run) >= CONTENTS_MIN_LINES:
            listed.update(run)
        run = []
    if not listed:
        return
    said = Counter(text[line.start : line.end].strip() for line in lines if line.kind == "text")
    for line in lines:
        body = text[line.start : line.end].strip()
        if line.label is not None and body in listed and said[body] > 1:
            line.label = None
            line.kind = "heading"


def _scan(text: str, start: int, end: int) -> list[_Line]:
    lines: list[_Line] = []
    number = text.count("\n", 0, start) + 1
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            kind = "blank"
        elif not _ALNUM.search(text, a, b):
            kind = "separator" if b - a >= 3 else "blank"
        elif b - a <= 300 and _is_caption(text[a:b]):
            kind = "caption"
        elif b - a <= 200 and _is_note(text[a:b]):
            kind = "note"
        else:
            kind = "text"
        line = _Line(a, b, number, kind, indent=a - pos)
        if kind == "text":
            line.label = find_label(text, pos, b)
        lines.append(line)
        if nl == -1:
            break
        pos = nl + 1
        number += 1
    _unlabel_indented(lines)
    return lines


QUOTE_INDENT = 4
"""How much deeper than a transcript's labels a line stands to be a passage it quotes."""


def _unlabel_indented(lines: list[_Line]) -> None:
    """No label on a line set in deeper than the transcript's labels (more than
    :data:`QUOTE_INDENT` characters past the indentation most of them have): a passage
    quoted in a turn ("          Article II, Section 2:  He shall nominate ..." under
    "     MR. EARNEST:  As the Constitution says:"), not a speaker (a second review)."""
    indents = Counter(line.indent for line in lines if line.label is not None)
    if not indents:
        return
    usual = indents.most_common(1)[0][0]
    for line in lines:
        if line.label is not None and line.indent > usual + QUOTE_INDENT:
            line.label = None


def _field(text: str, lines: list[_Line], index: int) -> bool:
    """Whether the labelled line ``lines[index]`` is a field of the page ("Last Build Date:
    Tue, 27 Dec 2016", "Subscribe: Downing Street Says", a title "Press Conference: Karine
    Jean-Pierre Holds a Press Briefing"): a line of its own, the next one not going on
    with it, that does not end as a sentence does (or lists short items: see
    :func:`_listing`). Said words end with a full stop, a question mark or the like."""
    line = lines[index]
    lab = line.label
    if lab is None or lab.bare or lab.stamped:
        return False
    if _ends_paragraph(text, line) and not _listing(text[line.start : line.end]):
        return False
    after = lines[index + 1] if index + 1 < len(lines) else None
    return after is None or after.kind != "text" or after.label is not None


LISTING_ITEMS = 3
"""Items a line parted by semicolons needs to be a listing (see :func:`_listing`)."""

LISTING_ITEM_WORDS = 6
"""Words an item of a listing may have at most."""


def _listing(line: str) -> bool:
    """Whether a labelled line lists short items parted by semicolons, full stop or not: a
    page's field ("SUBJECTS: Strategic Equilibrium; AUKUS; Ukraine; Pacific.", in an
    Australian transcript: review 68 found SUBJECTS read as the minister), not said
    words, whose clauses run longer."""
    items = line.split(":", 1)[-1].rstrip(_CLOSERS + ".").split(";")
    return len(items) >= LISTING_ITEMS and all(
        0 < len(item.split()) <= LISTING_ITEM_WORDS for item in items
    )


def _accepted_labels(text: str, lines: list[_Line]) -> dict[str, _Group]:
    """The labels that name speakers (see the module docstring), by key; the others'
    lines are unlabelled. A label whose every line is a field of the page (see
    :func:`_field`) names no speaker, unless a role word makes it one; a role word's
    label said once, as the document's first label, in a field is a title."""
    groups: dict[str, _Group] = {}
    fields: dict[str, bool] = {}
    first_label: str | None = None
    asked = any(line.label is not None and line.label.key == "q" for line in lines)
    for index, line in enumerate(lines):
        lab = line.label
        if lab is None:
            continue
        kind = label_kind(lab.label)
        if kind is None or (lab.key == "a" and not lab.colon and not asked):
            line.label = None
            continue
        if first_label is None:
            first_label = lab.key
        group = groups.get(lab.key)
        if group is None:
            group = groups[lab.key] = _Group(kind[0], kind[1], 0, False, index, Counter())
        elif kind[0] > group.strength:
            group.strength, group.role = kind
        group.count += 1
        group.inline |= not lab.bare or lab.stamped
        group.spellings[lab.label] += 1
        fields[lab.key] = fields.get(lab.key, True) and _field(text, lines, index)
    accepted: dict[str, _Group] = {}
    for key, group in groups.items():
        if fields[key] and (group.strength < _KEYWORD or (group.count == 1 and key == first_label)):
            if group.strength >= _KEYWORD:
                # the field is the page's, said by no one: "主持人：国家卫生健康委宣传司
                # 副司长、新闻发言人 高文清" ("host: ..."), review 141
                for line in lines:
                    if line.label is not None and line.label.key == key:
                        line.kind = "note"
            continue
        if group.strength >= _NAME or (group.count >= 2 and len(key.split()) <= 3):
            accepted[key] = group
    named: set[str] = set()
    if any(g.strength >= _KEYWORD for g in accepted.values()):
        # Han script has no capitals to tell a name (吴谦:) from a word, so a Chinese
        # label counts only repeated, and one exchange (记者: ... 吴谦: ...) would leave
        # the answer in the question. Where the other labels name roles, a person named
        # once is the one answering.
        # So is one named on a line of its own, once ("李海涛：", review 141) or more
        # ("王立群：" above each answer, review 143: read as no label at all), and one
        # named more than once: the press are named by their outlets ("杨晓林：我补充一点。
        # ...", a guest adding to an answer, was read as asking, review 143).
        named = {key for key in groups if _han_person(key)}
        for key in named:
            group = accepted[key] = groups[key]
            if group.role is None:
                group.role = Role.OFFICIAL
    for line in lines:
        lab = line.label
        if lab is None:
            continue
        group = accepted.get(lab.key)
        if group is None or (
            lab.bare and group.strength < _KEYWORD and not group.inline and lab.key not in named
        ):
            line.label = None
    _same_person(lines, accepted)
    return accepted


def _named(label: str) -> bool:
    """A person's name, title aside: a Chinese name (see :func:`_han_person`) or two or three
    capitalised words, bar role words ("MAO NING", "Mao Ning"; not "The Spokesperson")."""
    if _han_person(label):
        return True
    words = label.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.casefold() not in _ROLE_WORDS for w in words)
        and words[0].casefold() != "the"
    )


def _same_person(lines: list[_Line], groups: dict[str, _Group]) -> None:
    """Labels that are another label's name with a title before it ("商务部新闻发言人何咏前"
    and "何咏前", "SPOKESPERSON MAO NING" and "MAO NING", review 150) made one speaker, named
    as the bare name names them: the title is said on the first turn, the name on the rest.
    """
    names = [k for k, g in groups.items() if _named(_display(g))]
    into: dict[str, str] = {}
    for key in groups:
        held = [
            n
            for n in names
            if n != key
            and key.endswith(n)
            and (key[-len(n) - 1] == " " if " " in n else len(key) - len(n) >= 2)
        ]
        if held:
            into[key] = max(held, key=len)
    for key, name in into.items():
        if name in into:
            continue
        group, kept = groups.pop(key), groups[name]
        kept.strength, kept.role = max(
            (kept.strength, kept.role), (group.strength, group.role), key=lambda sr: sr[0]
        )
        kept.count += group.count
        kept.inline |= group.inline
        kept.first = min(kept.first, group.first)
    for line in lines:
        if line.label is not None and line.label.key in into and line.label.key not in groups:
            line.label = replace(line.label, key=into[line.label.key])


def _display(group: _Group) -> str:
    best = max(group.spellings.values())
    return next(s for s, n in group.spellings.items() if n == best)


_ASKED = "\x00?"
"""Event: an unlabelled paragraph ending in "?" right before a label that does not
ask anything itself: a question put without a label ("The following question was
raised after the press conference: ... ?"), not a rhetorical one ending an answer."""
_QUESTION = re.compile("[?？]")


@dataclass(slots=True)
class _Evidence:
    events: list[str | None]
    asks: Counter[str]
    states: Counter[str]
    goes_on: Counter[str]
    before: list[tuple[int, int] | None]
    text: str = ""
    named: dict[tuple[int, str], bool] = field(default_factory=dict)

    def names(self, at: int, key: str) -> bool:
        """Whether the labelled turn before event ``at`` names label ``key`` (see
        :func:`_evidence`); read only where the dialogue asks, once (reading every turn's
        words made ingest half as slow again)."""
        span = self.before[at]
        if span is None:
            return False
        if (at, key) not in self.named:
            said = self.text[span[0] : span[1]].casefold()
            self.named[at, key] = any(
                len(w) >= 3 and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said)
                for w in _LETTERS.findall(key)
            )
        return self.named[at, key]


def _evidence(text: str, lines: list[_Line]) -> _Evidence:
    """The label sequence, and what each label's turns look like.

    Events are label keys, ``None`` for unlabelled official text (at the start
    and after each separator) and :data:`_ASKED` for unlabelled questions.
    ``asks``/``states`` count labelled lines with and without a question mark (a
    label alone on its line, "Amer: (01:13)", by whether the line after it ends in one);
    ``goes_on`` counts turns that go on for more paragraphs and end without one;
    ``before``, by event, the span of the labelled turn before it, where its own first
    line asks nothing, for :meth:`_Evidence.names` (a word of the label, three letters or
    more, said there: "I'll pass the floor to my colleague *Lucia*", then "Lucia
    Ferreira: ..."; a journalist given the floor by name asks: "Go ahead, Huma." "Huma
    Siddiqui: ... What is the situation?").
    """
    found = _Evidence([], Counter(), Counter(), Counter(), [], text)
    official_floor = True
    last_text: _Line | None = None
    block: str | None = None
    bare: str | None = None  # a label alone on its line, whose turn's first line is next
    own = False  # ``last_text`` is that first line
    said: tuple[int, int] | None = None  # the span of the labelled turn so far

    def end_block() -> None:
        if block is not None and last_text is not None and not _asks(text, last_text):
            found.goes_on[block] += 1

    def event(key: str | None, before: tuple[int, int] | None = None) -> None:
        found.events.append(key)
        found.before.append(before)

    for line in lines:
        if line.kind == "separator":
            end_block()
            official_floor, last_text, block, bare, said = True, None, None, None, None
        elif line.label is not None:
            end_block()
            asks = _QUESTION.search(text, line.label.rest, line.end) is not None
            if (
                last_text is not None
                and not own
                and not asks
                and _asks(text, last_text)
                and not _continued(text, last_text.start)
            ):
                event(_ASKED)
                said = None
            event(line.label.key, None if asks or line.label.bare else said)
            bare = line.label.key if line.label.bare else None
            if bare is None:
                (found.asks if asks else found.states)[line.label.key] += 1
            official_floor, last_text, block = False, None, line.label.key
            said = (line.label.rest, line.end)
        elif line.kind == "text":
            if said is not None:
                said = (said[0], line.end)
            if official_floor:
                event(None)
                official_floor = False
            own = bare is not None  # the first line of the label's turn is no other's question
            if bare is not None:
                (found.asks if _asks(text, line) else found.states)[bare] += 1
                bare = None
            last_text = line
    end_block()
    return found


def _asks(text: str, line: _Line) -> bool:
    tail = text[line.start : line.end].rstrip(_CLOSERS)
    return tail.endswith(("?", "？"))


ONLY_ASKS = 2.0
"""What each question of a speaker who only asks weighs for the press: more than a turn
right after a journalist's and a person's name weigh for an official (1.5), so that
journalists asking one after another (India's MEA) are all the press."""


def _assign_roles(
    found: _Evidence, groups: dict[str, _Group], titled: str | None = None
) -> dict[str, Role]:
    """Roles of the labels: role words first, then the speaker the title names
    (``titled``, see :func:`_titled`), then the dialogue, strongest evidence first.

    For each undecided label, every turn right after a press turn (or an
    unlabelled question) votes official, every turn right after an official
    turn (or unlabelled official text) votes press, unless that turn names the label,
    a person's name: the official hands the floor to a colleague ("I'll pass the floor
    to my colleague Lucia", review 81: the colleagues who spoke only so were the press,
    their words never tracked), which votes official. Half votes: for press, each
    of its turns that asks something ("?"); for official, each that does not,
    each that goes on for more paragraphs without ending in a question, and a
    label that looks like a person's name ("Zhao Lijian", not "The Paper").
    """
    roles = {k: g.role for k, g in groups.items() if g.role is not None}
    if titled is not None:
        roles[titled] = Role.OFFICIAL
    previous: list[str | None] = []
    before: str | None = ""
    current: str | None = ""
    for event in found.events:
        if event != current:
            before, current = current, event
        previous.append(before)
    occurrences = [(e, p, k) for k, (e, p) in enumerate(zip(found.events, previous, strict=True))]
    occurrences = [o for o in occurrences if o[0] is not None]
    unknown = [k for k in groups if k not in roles]
    opener = next((e for e in found.events if e is not None and e != _ASKED), None)
    while unknown:
        best: tuple[float, int, int, str, Role] | None = None
        for key in unknown:
            person = _person_like(_display(groups[key]))
            official = 0.5 * (found.states[key] + found.goes_on[key] + person)
            # a speaker every one of whose turns asks is asking, whoever spoke before
            only_asks = not found.states[key] and not found.goes_on[key]
            press = (ONLY_ASKS if only_asks else 0.5) * found.asks[key]
            for event, prev, at in occurrences:
                if event != key or prev == "" or prev == key:
                    continue
                role = (
                    Role.OFFICIAL
                    if prev is None
                    else Role.PRESS
                    if prev == _ASKED
                    else roles.get(prev)
                )
                if role is Role.PRESS or (
                    role is Role.OFFICIAL and person and found.names(at, key)
                ):
                    official += 1
                elif role is Role.OFFICIAL and (
                    found.before[at] is None or found.asks[key] or not person or key != opener
                ):
                    # a turn after an official's that asks nothing, of the person who
                    # opened the briefing and never asks, hands the floor on: a chair
                    # (review 128: "请继续提问" after each answer made the spokesperson who
                    # chaired press, her opening statement never searched); "The Paper: ...
                    # I would like to know your response to his words." asks all the same,
                    # and so does "Tanvi, Reuters: Sir, on the ..." (review 91)
                    press += 1
            margin = abs(official - press)
            if margin:
                decided = Role.OFFICIAL if official > press else Role.PRESS
                rank = (margin, groups[key].count, -groups[key].first, key, decided)
                if best is None or rank[:3] > best[:3]:
                    best = rank
        if best is not None:
            roles[best[3]] = best[4]
            unknown.remove(best[3])
            continue
        if Role.OFFICIAL not in roles.values():
            seed = max(
                unknown,
                key=lambda k: (
                    groups[k].count,
                    _person_like(_display(groups[k])),
                    -groups[k].first,
                ),
            )
            roles[seed] = Role.OFFICIAL
            unknown.remove(seed)
            continue
        for key in unknown:
            roles[key] = Role.PRESS
        break
    return roles


def _ends_paragraph(text: str, line: _Line) -> bool:
    tail = text[line.start : line.end].rstrip(_CLOSERS)
    return not tail or tail[-1] in _TERMINAL


_COUNT = re.compile(r"(?<=[.!?…。！？\"'”’)\]])[^\S\n]+(\d{1,5})$")
"""A number after a line's last sentence: a transcription service's paragraph count."""

COUNTED_SHARE = 0.8
"""How many of the numbers ending lines must each come a little after the one before (see
:data:`COUNT_STEP`) for them to be a running count (see :func:`_drop_running_count`)."""

COUNT_STEP = 3
"""How far a running count may move on from one numbered line to the next: a paragraph
or two may end without a sentence's end before its number ("... That was 3")."""


def _drop_running_count(text: str, lines: list[_Line]) -> None:
    """Leave out of the lines a running count of paragraphs at their ends ("Good
    afternoon. 2", "... it's dangerous. 7" in a Factba.se page): numbers after a
    sentence's end, three or more, nearly all a little more than the one before. A
    number said in a sentence is no such run, and stays."""
    counted = []
    for line in lines:
        if line.kind != "text" or not text[line.end - 1].isdigit():
            continue
        m = _COUNT.search(text, line.start, line.end)
        if m is not None:
            counted.append((line, m.start(), int(m.group(1))))
    steps = [1 <= b[2] - a[2] <= COUNT_STEP for a, b in pairwise(counted)]
    if len(counted) < 3 or sum(steps) < COUNTED_SHARE * len(steps):
        return
    for line, at, _ in counted:
        line.end = at


OWN_LINE_BLOCKS = 3
"""How many paragraphs a name alone on its line must open, in a document without labels,
for such names to be its speakers (see :func:`_own_line_labels`)."""


def _short(text: str, line: _Line) -> bool:
    """A line that could name a speaker or tag a turn: short, and no sentence's end."""
    return (
        line.kind == "text"
        and line.label is None
        and line.end - line.start <= MAX_LABEL_CHARS
        and not _ends_paragraph(text, line)
    )


def _written(text: str, line: _Line) -> str:
    return " ".join(text[line.start : line.end].split())


def _own_line_labels(text: str, lines: list[_Line]) -> bool:
    """Speakers named alone on a line above what they say, in a document with no
    ``Label:`` lines (Factba.se: "Karine Jean-Pierre", a blank line, a sentiment tag
    "Very Negative", a time range "00:00:25-00:00:41 (16 sec)", then the words).

    A run of short lines (no sentence's end) between paragraphs heads a turn. Its first
    line names the speaker when it is a role word ("Question", see :func:`label_kind`),
    or a person's name (see :func:`_person_like`) that opens such runs at least twice (a
    heading is seldom said twice). Those names set the layout: the number of short lines
    most of them stand above their words (the transcript's tags, which become notes,
    said by no one). Then any other label-shaped line standing that many short lines
    above words names a speaker too (a reporter heard once, "Unknown"); without tags, a
    person's name said twice does. Such names must open :data:`OWN_LINE_BLOCKS` turns or
    more. Whether the document holds them."""
    firsts: Counter[str] = Counter()
    said: Counter[str] = Counter()
    previous_short = False
    for line in lines:
        if line.kind in ("blank", "note"):
            continue
        short = _short(text, line)
        if short:
            said[_written(text, line)] += 1
            if not previous_short:
                firsts[_written(text, line)] += 1
        previous_short = short
    # "A" names the one answering only beside a "Q" (as in :func:`_accepted_labels`):
    # alone, it set a layout of tag lines that the labels then kept did not have, and
    # the words of those lines were lost (explored: "X", "?a", "X?", ..., "a", "X", "X?")
    asked = any(key.casefold() == "q" for key in firsts)
    names = set()
    for key, n in firsts.items():
        kind = label_kind(key)
        if kind is None or (key.casefold() == "a" and not asked):
            continue
        if kind[0] >= _KEYWORD or (_person_like(key) and n >= 2):
            names.add(key)
    if not names:
        return False

    def run_after(i: int) -> list[_Line] | None:
        # the short lines between line ``i`` and the words it heads (None: no words)
        run: list[_Line] = []
        for after in lines[i + 1 :]:
            if after.kind in ("blank", "note"):
                continue
            if _short(text, after) and _written(text, after) not in names:
                run.append(after)
                continue
            return run if after.kind == "text" and not _short(text, after) else None
        return None

    heads = {
        i: run
        for i, line in enumerate(lines)
        if _short(text, line) and (run := run_after(i)) is not None
    }
    lengths = Counter(len(run) for i, run in heads.items() if _written(text, lines[i]) in names)
    if not lengths:
        return False
    tags = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0]
    starts = [i for i in heads if _written(text, lines[i]) in names]
    for i, run in heads.items():
        written = _written(text, lines[i])
        if written in names or len(run) != tags or label_kind(written) is None:
            continue
        if written.casefold() == "a" and not asked:
            continue
        if tags or (_person_like(written) and said[written] >= 2):
            starts.append(i)
    if len(starts) < OWN_LINE_BLOCKS:
        return False
    for i in sorted(starts):
        written = _written(text, lines[i])
        lines[i].label = Label(written, written.casefold(), lines[i].end, True, False, True)
        if tags and len(heads[i]) == tags:
            for line in heads[i]:
                line.kind = "note"
    return True


def split_turns(text: str, start: int = 0, end: int | None = None) -> tuple[Turn, ...]:
    """The speaker turns of ``text[start:end]``, in order (see the module docstring).

    Offsets and line numbers refer to ``text``.
    """
    stop = len(text) if end is None else end
    lines = _scan(text, start, stop)
    _drop_running_count(text, lines)
    groups = _accepted_labels(text, lines)
    labels = [line.label for line in lines if line.label is not None]
    own_line = len(labels) < 2 and _own_line_labels(text, lines)
    if own_line:
        groups = _accepted_labels(text, lines)
        labels = [line.label for line in lines if line.label is not None]
    # one label makes a transcript when a role word says so ("Spokesperson:") or a
    # recording's time stamp stands by a name ("Karine Jean-Pierre (00:02):"): prose
    # has neither
    transcript = len(labels) >= 2 or (
        len(labels) == 1
        and labels[0].colon
        and (
            groups[labels[0].key].strength >= _KEYWORD
            or (labels[0].stamped and groups[labels[0].key].strength >= _NAME)
        )
    )
    if not transcript:
        if own_line:
            # lines read afresh: labels on lines of their own that made no transcript
            # leave their words, and the notes they marked, to the narration (explored:
            # "X" lines that read as labels were lost from a text that stayed prose)
            lines = _scan(text, start, stop)
            _drop_running_count(text, lines)
        return _narration(text, lines)
    _mark_headings(text, lines)
    return _dialogue(text, lines, groups)


def _narration(text: str, lines: list[_Line]) -> tuple[Turn, ...]:
    turns: list[Turn] = []
    para: _Line | None = None
    para_end = 0
    prev: _Line | None = None
    for line in lines:
        if (
            line.kind == "text"
            and para is not None
            and prev is not None
            and not _ends_paragraph(text, prev)
        ):
            prev, para_end = line, line.end
            continue
        if para is not None:
            turns.append(Turn(None, Role.NARRATION, para.start, para_end, para.number))
            para = None
        if line.kind == "text":
            para, para_end = line, line.end
            prev = line
        else:
            prev = None
    if para is not None:
        turns.append(Turn(None, Role.NARRATION, para.start, para_end, para.number))
    return tuple(turns)


TITLE_CHARS = 300
"""How much text before a transcript's first label is its title (see :func:`_titled`)."""


_LETTERS = re.compile(r"[^\W\d_]+")


def _surname(name: str) -> str | None:
    """The last run of letters of a name, folded ("pierre" of "Karine Jean-Pierre")."""
    runs = _LETTERS.findall(name.casefold())
    return runs[-1] if runs else None


def _titled(text: str, lines: list[_Line], groups: dict[str, _Group]) -> str | None:
    """The one speaker, said by name (two words or more) and named by no role word, whom
    the text before the first label names: the briefer a page's title announces ("Press
    Briefing by Press Secretary Karine Jean-Pierre", "Foreign Ministry Spokesperson Zhao
    Lijian's Regular Press Conference"). Two named there, even one by surname alone (an
    interview: "Secretary Blinken's Interview With Judy Woodruff"), name no one."""
    first = next((line.start for line in lines if line.label is not None), None)
    if first is None:
        return None
    head = text[:first][:TITLE_CHARS].casefold()  # the page's title may be cut off as its header
    said = set(_LETTERS.findall(head))
    named = [k for k, g in groups.items() if g.role is None and _surname(_display(g)) in said]
    if len(named) != 1:
        return None
    name = _display(groups[named[0]])
    return named[0] if len(name.split()) >= 2 and name.casefold() in head else None


def _dialogue(text: str, lines: list[_Line], groups: dict[str, _Group]) -> tuple[Turn, ...]:
    roles = _assign_roles(_evidence(text, lines), groups, _titled(text, lines, groups))
    names = {k: _display(g) for k, g in groups.items()}
    officials = [k for k in groups if roles.get(k) is Role.OFFICIAL]
    main = max(officials, key=lambda k: (groups[k].count, -groups[k].first)) if officials else None
    opening = names[main] if main is not None else None

    turns: list[Turn] = []
    labelled: list[bool] = []
    speaker, role = opening, Role.OFFICIAL
    seen_label = label_waiting = False
    para: tuple[int, int, bool] | None = None
    para_end = 0
    prev: _Line | None = None

    def close() -> None:
        nonlocal para
        if para is not None and (seen_label or not _narrates(text, para[0], para_end, opening)):
            turns.append(Turn(speaker, role, para[0], para_end, para[1]))
            labelled.append(para[2])
        para = None

    for line in lines:
        if line.kind != "text":
            close()
            prev = None
            if line.kind == "separator" and seen_label:
                speaker, role, label_waiting = opening, Role.OFFICIAL, False
            continue
        lab = line.label
        if lab is not None:
            close()
            seen_label = True
            speaker, role = names[lab.key], roles[lab.key]
            if lab.bare:
                label_waiting, prev = True, None
                continue
            para, para_end, label_waiting = (lab.rest, line.number, True), line.end, False
        elif para is not None and prev is not None and not _ends_paragraph(text, prev):
            para_end = line.end
        else:
            close()
            para, para_end, label_waiting = (
                (line.start, line.number, label_waiting),
                line.end,
                False,
            )
        prev = line
    close()
    return tuple(_unlabelled_questions(text, turns, labelled))


_REPORTING = _SPEECH_VERBS - _words(
    "asked replied answered continued announced wrote commented concluded"
)
"""The speech verbs that, right after the official's name, report what he said ("The PMOS
*said* the only path to long-term peace was ..."): his words, not the site's account of
the briefing. Not "answered" or "asked", which an account says of the event."""

_CJK_REPORTING = tuple(v for v in _CJK_SAYING if v not in ("介绍", "回答", "答", "问"))
"""The same in Chinese: 朱凤莲*表示*…… (not 回答, "answered", said of the event)."""


def _narrates(text: str, start: int, end: int, official: str | None) -> bool:
    """Whether the unlabelled paragraph ``text[start:end]`` before the first label names
    the main official (``official``, as labelled) by the last run of letters of the label,
    or by the title a label in capitals stands for (see :func:`_title_of`): the site's
    account of the briefing ("The Spokesman of the Ministry of Foreign
    Affairs, Esmaeil Baghaei, held his weekly press conference ...", before "Baghaei:";
    "The Prime Minister's Official Spokesperson held the morning lobby briefing ...",
    before "PMOS:"), nobody's turn as a heading is, not the official's opening words
    (review 146: a row of discovery and a point "repeated the same" in every diff). Not
    where it reports his words, the name's first mention followed by a reporting verb, or
    by a "that" within :data:`REPORTED_REACH` words ("replied that", "pointed out that"): a
    page of reported speech names him in every paragraph, and before a direct exchange
    ("PMOS: ...") those paragraphs are his ("The PMOS said the only path to long-term
    peace was a two-state solution ...": review 153 found 152 such paragraphs of 16 lobby
    briefings read by no command, 21 of the formulas' 225 sayings among them)."""
    name = _surname(official or "")
    if not name or len(name) < 2:
        return False
    body = text[start:end]
    folded = body.casefold()
    if name.isascii():
        named = next((m.end() for m in _LETTERS.finditer(folded) if m.group() == name), None)
        mentions = [] if named is None else [named]
        title = _title_of(official or "")
        if title is not None and (m := title.search(body)) is not None:
            mentions.append(m.end())
        if not mentions:
            return False
        after = [
            m.group() for m in islice(_LETTERS.finditer(folded, min(mentions)), REPORTED_REACH)
        ]
        return not after or (after[0] not in _REPORTING and "that" not in after[1:])
    at = folded.find(name)
    return at >= 0 and not folded.startswith(_CJK_REPORTING, at + len(name))


REPORTED_REACH = 3
"""Words after the official's first mention within which a "that" opens what he said
("the PMOS *replied that* ...", "*made clear that* ..."; see :func:`_narrates`)."""


_TITLE_JOINS = r"(?:['’]s)?(?:\s+(?:of|for|and|the|on))*\s+"
"""What may stand between the words of a title a label's capitals stand for: a
possessive, a few joining words ("Prime Minister*'s* Official Spokesperson", "Ministry *of*
Foreign Affairs")."""


@lru_cache(maxsize=64)
def _title_of(label: str) -> re.Pattern[str] | None:
    """The words a label of capitals alone stands for, each opening with one of them in
    turn ("PMOS": "Prime Minister's Official Spokesperson"); None for a label that is no
    such abbreviation (two to six capitals)."""
    letters = label.strip()
    if not (2 <= len(letters) <= 6 and letters.isascii() and letters.isalpha()):
        return None
    if not letters.isupper():
        return None
    words = [rf"{c}[^\W\d_]*" for c in letters]
    return re.compile(r"\b" + _TITLE_JOINS.join(words) + r"\b")


def _hands_over(text: str, turn: Turn, after: Turn) -> bool:
    """Whether ``turn`` names the speaker of ``after`` (by the last run of letters of the
    label, "jha" of "DR. JHA") while another speaker speaks it: a hand-over."""
    name = _surname(after.speaker or "")
    if not name or len(name) < 2:
        return False
    return name in _LETTERS.findall(text[turn.start : turn.end].casefold())


_STAMP_LINE = re.compile(rf"(?:^|\n)[^\S\n]*{_STAMP}\n[^\S\n]*$")
"""A recording's time stamp alone on the line before a paragraph: a transcription
service's mark that the speaker goes on ("(01:47)" in a Rev transcript)."""


def _continued(text: str, start: int) -> bool:
    """Whether the paragraph at ``start`` opens under a time stamp alone on its line (see
    :data:`_STAMP_LINE`): its speaker goes on, nobody asks."""
    return _STAMP_LINE.search(text, max(0, start - 40), start) is not None


def _answers(speaker: str | None) -> bool:
    """Whether the label ``speaker`` says its turn is an answer (see :data:`_ANSWER_EXACT`)."""
    return speaker is not None and speaker.casefold() in _ANSWER_EXACT


_OPENING = re.compile(r"[^.!?。！？:：\n]*")
"""A paragraph's opening: its words up to the first sentence's end or colon."""
_JOURNALIST = re.compile(r"(?i)\b(?:journalist|reporter|correspondent)s?\b|记者|記者|기자")
"""A journalist spoken of: "a journalist asked if ...", 会后有记者问及, 记者解释."""


def _reads_as_asked(text: str, turn: Turn) -> bool:
    """Whether the unlabelled paragraph ``turn`` reads as the press's: it asks (a question
    mark in it), or its opening speaks of a journalist, as a transcript's note of what was
    put without a label does ("After the Press Conference, a journalist asked if ...",
    "记者解释：有媒体这么报道。"). An official's answer going on does neither (review 102:
    "我们坚决反对……这是我们的一贯立场。" before "答：今天的发布会到此结束。")."""
    if _QUESTION.search(text, turn.start, turn.end):
        return True
    opening = _OPENING.match(text, turn.start, turn.end)
    return opening is not None and _JOURNALIST.search(opening.group()) is not None


def _unlabelled_questions(text: str, turns: list[Turn], labelled: list[bool]) -> list[Turn]:
    """An unlabelled official paragraph right before an official's labelled turn is a
    question put without a label, when it ends in "?" or, in a transcript whose
    journalists bear no label, the same official speaks next (no one takes the floor
    from themselves). Where journalists do bear one, the official labelled again says
    so only with an answer's label ("A:" after "After the Press Conference, a journalist
    asked if ..."), and only of a paragraph that reads as asked (see
    :func:`_reads_as_asked`; review 102: an answer's last paragraph before a closing
    "答：" is the official's); the closing turn of a spokesperson labelled by name says
    nothing of the paragraph before it, the answer's last one (review 91: an MEA
    briefing's "India firmly rejects ..." went to the journalist before the
    spokesperson's "Thank you all for joining"). Not a hand-over: in a transcript
    whose journalists bear a label ("Q:"), a paragraph that names the next speaker goes
    on its own speaker's turn ("With that, I am happy to turn it over to Dr. Jha.
    Doctor, do you want to start?" before "DR. JHA:"). Nor a paragraph a time stamp
    opens, which goes on its speaker's turn by the transcript's own mark ("(01:47) With
    that, Matt?" before "Matt (01:49):", a fresh-clone review of a Rev transcript)."""
    first_label = next((i for i, flag in enumerate(labelled) if flag), len(turns))
    asked_by_label = any(f and t.role is Role.PRESS for t, f in zip(turns, labelled, strict=True))
    out = list(turns)
    for i in range(first_label + 1, len(turns) - 1):
        turn, after = turns[i], turns[i + 1]
        if (
            not labelled[i]
            and labelled[i + 1]
            and turn.role is Role.OFFICIAL
            and not _continued(text, turn.start)
            and after.role is Role.OFFICIAL
            and (
                (
                    after.speaker == turn.speaker
                    and (
                        not asked_by_label
                        or (_answers(after.speaker) and _reads_as_asked(text, turn))
                    )
                )
                or (
                    _QUESTION.search(text, turn.end - 2, turn.end)
                    and not (asked_by_label and _hands_over(text, turn, after))
                )
            )
        ):
            out[i] = Turn(None, Role.PRESS, turn.start, turn.end, turn.line)
    return out
