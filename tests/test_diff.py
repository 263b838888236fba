"""Word diffs: diff-match-patch over tokens, rendered over the original words."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consistency.diff import Op, diff_tokens, skeleton, word_diff
from consistency.normalise import tokenise
from consistency.report.diffmarkup import parse_diff, sides


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "comprehensively and effectively implement the DOC",
            "fully and effectively implement the DOC",
            "{-comprehensively-}{+fully+} and effectively implement the DOC",
        ),
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "sincerity, mutual benefit, and inclusiveness",
            "{-amity,-} sincerity, mutual benefit, and inclusiveness",
        ),
        (
            "China's position is consistent and clear",
            "China’s position on the Ukraine crisis is consistent and clear",
            "China’s position {+on the Ukraine crisis+} is consistent and clear",
        ),
        (
            "a sea of peace, friendship and cooperation",
            "a sea of peace and cooperation",
            # the comma goes with the deleted item (a review: it was lost)
            "a sea of peace{-, friendship-} and cooperation",
        ),
        # a list item put in takes the mark before it, one taken out the mark after it:
        # each side of the diff reads as its text (review 72: "林业、合作" for the old)
        (
            "拓展农业、渔业、林业合作",
            "拓展农业、渔业、林业、牧业合作",
            "拓展农业、渔业、林业{+、牧业+}合作",
        ),
        (
            "秉持坦诚、务实、互信、长远的精神",
            "秉持坦诚、务实、长远的精神",
            "秉持坦诚、务实、{-互信、-}长远的精神",
        ),
        (
            "a free, open and inclusive region",
            "a free, open, secure and inclusive region",
            "a free, open{+, secure+} and inclusive region",
        ),
        ("a, b, c and d", "a, c and d", "a, {-b,-} c and d"),
        ("consistent and clear", "consistent", "consistent {-and clear-}"),
        # the hyphen is the inserted word's (a review: "clear-" was shown as kept)
        ("consistent and clear", "consistent and clear-cut", "consistent and clear{+-cut+}"),
        # ... and the deleted word's: no space where neither text has one
        ("a clear-cut position", "a clear position", "a clear{--cut-} position"),
        ("the China-ASEAN community", "the ASEAN community", "the {-China--}ASEAN community"),
        ("the China-EU-ASEAN talks", "the China-ASEAN talks", "the China-{-EU--}ASEAN talks"),
        (
            "China-ASEAN Year of People-to-People Exchanges",
            "China-ASEAN Year of People-to-People Exchange",
            "China-ASEAN Year of People-to-People {-Exchanges-}{+Exchange+}",
        ),
        # the mark that opens the new word stands before the words replaced, as in both
        # texts (review 68: "{-110-}${+95+}")
        (
            "Australia has given $110 million",
            "Australia has given $95 million",
            "Australia has given ${-110-}{+95+} million",
        ),
        ('the "one country" rule', 'the "two country" rule', 'the "{-one-}{+two+} country" rule'),
        # halves swapped around "and": one half moved, not four words moved about the
        # "where we ... and ... where we" left in order (review 68)
        (
            "cooperate where we can and disagree where we must",
            "disagree where we must and cooperate where we can",
            "disagree where we must {~and cooperate where we can~}",
        ),
        (
            "we will cooperate where we can and disagree where we must, as before",
            "we will disagree where we must and cooperate where we can, as before",
            "we will disagree where we must {~and cooperate where we can~}, as before",
        ),
        # review 92: a list item put in takes the mark after it where the old text joined
        # its neighbours with that mark (the old side read 主权、、发展), and a run deleted
        # right before a mark stands before it (the old side read 一贯、的明确的)
        ("主权、发展", "主权、安全、发展", "主权、{+安全、+}发展"),
        (
            "sovereignty, development",
            "sovereignty, security, development",
            "sovereignty, {+security,+} development",
        ),
        ("立场是一贯的、明确的", "立场是一贯、明确的", "立场是一贯{-的-}、明确的"),
        ("firm and resolute, we act", "firm, we act", "firm{- and resolute-}, we act"),
        # review 137: ... and before marks after it, an opening quote among them (the old
        # side read 強調，「的一國兩制」), and before a run moved away from after it (the old
        # side read 脅迫，與回到)
        (
            "如同本會多次強調的，「一國兩制」在台灣沒有市場",
            "本會已經多次強調，「一國兩制」在台灣沒有市場",
            "{-如同-}本會{+已經+}多次強調{-的-}，「一國兩制」在台灣沒有市場",
        ),
        ("We said it clearly, “no”.", "We said it, “no”.", "We said it{- clearly-}, “no”."),
        (
            "停止灰色地帶脅迫與軍事威脅，回到理性溝通的正軌",
            "停止軍事威脅及灰色地帶脅迫，回到理性溝通的正軌",
            "停止{~軍事威脅~}{+及+}灰色地帶脅迫{-與-}，回到理性溝通的正軌",
        ),
        # Cosmetic differences are not changes: the new text comes back unmarked.
        ("the ASEAN way", "the ASEAN Way", "the ASEAN Way"),
        ("U.S.-China relations", "US China relations", "US China relations"),
    ],
)
def test_word_diff(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


def test_words_are_never_split() -> None:
    """Character-level diffs would give 'compre{-hensively-}'; ours keep whole words."""
    out = word_diff("comprehensively implement", "comprehensive implementation")
    assert out == "{-comprehensively implement-}{+comprehensive implementation+}"


_vocabulary = ["peace", "and", "cooperation", "sea", "of", "China's"]
_words = st.lists(st.sampled_from(_vocabulary), max_size=8)


@settings(deadline=None)  # the first call loads the word-frequency lists
@given(_words, _words)
def test_pieces_rebuild_both_sides(a: list[str], b: list[str]) -> None:
    """Equal, deleted and moved-away runs give back the old tokens; equal, inserted and
    moved-here runs the new ones."""
    old, new = " ".join(a), " ".join(b)
    pieces = diff_tokens(old, tokenise(old), new, tokenise(new))
    old_side = " ".join(p.text for p in pieces if p.op in (Op.EQUAL, Op.DELETE, Op.MOVED_AWAY))
    new_side = " ".join(p.text for p in pieces if p.op in (Op.EQUAL, Op.INSERT, Op.MOVE))
    assert [t.text for t in tokenise(old_side)] == [t.text for t in tokenise(old)]
    assert [t.text for t in tokenise(new_side)] == [t.text for t in tokenise(new)]


_joined = st.lists(
    st.tuples(
        st.sampled_from(["China", "ASEAN", "EU", "clear", "cut", "win", "talks"]),
        st.sampled_from([" ", "-"]),
    ),
    min_size=1,
    max_size=6,
)


def _text(parts: list[tuple[str, str]]) -> str:
    return "".join(w + j for w, j in parts[:-1]) + parts[-1][0]


@settings(deadline=None)
@given(_joined, _joined)
# found exploring with random seeds: a hyphen joining an inserted word to a moved one, the
# space between two deleted runs that the new text glues, a hyphen to a word moved away
@example([("China", " "), ("ASEAN", " ")], [("ASEAN", " "), ("ASEAN", "-"), ("China", " ")])
@example(
    [("EU", " "), ("China", " "), ("ASEAN", " "), ("China", " ")],
    [("ASEAN", " "), ("EU", "-"), ("EU", " ")],
)
@example(
    [
        ("China", " "),
        ("China", " "),
        ("China", " "),
        ("China", "-"),
        ("ASEAN", " "),
        ("China", " "),
    ],
    [("China", " "), ("ASEAN", " "), ("China", " "), ("China", " "), ("EU", " ")],
)
def test_the_diff_of_hyphenated_words_reads_back_as_both_texts(
    a: list[tuple[str, str]], b: list[tuple[str, str]]
) -> None:
    """A review: a deleted word's hyphen stood outside the diff ("the {-China-} ASEAN
    community"), so the old side read "China ASEAN" and the new "the  ASEAN"."""
    old, new = _text(a), _text(b)
    was, now = (" ".join(side.split()) for side in sides(parse_diff(word_diff(old, new))))
    assert now == new
    assert " -" not in was and "- " not in was


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # spoken for written: the same wording, no change
        ("we do not support it", "We don't support it", "We don't support it"),
        ("I'm not aware of it", "I am not aware of it", "I am not aware of it"),
        # a contraction half kept and half changed is changed whole (its tokens are
        # "will" | "not": not "we wo{+n't+} stand")
        (
            "we will stand by our allies",
            "We won't stand by our allies",
            "We {-will-}{+won't+} stand by our allies",
        ),
        (
            "we won't stand by our allies",
            "We will stand by our allies",
            "We {-won't-}{+will+} stand by our allies",
        ),
        ("can be resolved", "cannot be resolved", "{-can-}{+cannot+} be resolved"),
        ("not interfere in", "don't interfere in", "{-not-}{+don't+} interfere in"),
        ("we do support it", "we don't support it", "we {-do-}{+don't+} support it"),
        ("we will", "we won't", "we {-will-}{+won't+}"),
    ],
)
def test_a_diff_never_cuts_a_contraction(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


_spoken = st.lists(
    st.sampled_from(["we", "will", "won't", "do", "don't", "not", "can", "cannot", "I'm", "am"]),
    max_size=7,
)


@settings(deadline=None)
@given(_spoken, _spoken)
# found exploring with random seeds: a word moved out of a contraction, a move among
# changed halves, a word deleted between two kept halves
@example(["won't", "can"], ["we", "cannot"])
@example(["can", "will", "we", "we", "we"], ["cannot", "we", "we", "will"])
@example(["do", "we", "not"], ["don't"])
def test_the_diff_of_contractions_reads_back_as_both_texts(a: list[str], b: list[str]) -> None:
    """No marker stands inside a written word, and the markup gives back both texts."""
    old, new = " ".join(a), " ".join(b)
    markup = word_diff(old, new)
    assert not re.search(r"[\w'][{][-+~]|[-+~][}][\w']", markup), markup
    was, now = (" ".join(side.split()) for side in sides(parse_diff(markup)))
    assert now == new
    if "{~" not in markup:  # a move is shown at its new place alone
        assert [t.text for t in tokenise(was)] == [t.text for t in tokenise(old)]


@given(_words)
def test_text_diffed_with_itself_has_no_markers(a: list[str]) -> None:
    text = " ".join(a)
    assert word_diff(text, text) == text.strip()


@pytest.mark.parametrize(
    ("canonical", "text", "expected"),
    [
        (
            "China's position is consistent and clear",
            "China's position on the Kashmir issue is consistent and clear",
            "china's position … is consistent and clear",
        ),
        # replaced formula words are kept: they are the formula changing
        (
            "comprehensively and effectively implement the DOC",
            "fully and effectively implement the DOC",
            "fully and effectively implement the doc",
        ),
        # words added at an edge are kept too
        ("consistent and clear", "consistent and clear-cut", "consistent and clear cut"),
        # adverbs put in say how the formula holds: no slot (review 156)
        (
            "the door to dialogue remains open",
            "the door to dialogue remains partly open",
            "the door to dialogue remains partly open",
        ),
        (
            "美方应恪守一个中国原则",
            "美方应切实恪守一个中国原则",
            "美方 应 切实 恪守 一个 中国 原则",
        ),
        # nor do words holding a negation: the formula turned over (review 159)
        (
            "we support a two-state solution",
            "we do not support a two-state solution",
            "we do not support a two state solution",
        ),
        ("a sea of peace", "a sea of peace", "a sea of peace"),
    ],
)
def test_skeleton_marks_words_inserted_inside_a_formula(
    canonical: str, text: str, expected: str
) -> None:
    assert " ".join(skeleton(canonical, text)) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # sentences of the Chinese MFA corpus: no space is added between Han words
            "我们坚决反对任何外国以任何方式干涉香港事务",
            "中方坚决反对任何外国政府、机构和个人以任何方式干涉中国内政",
            "{-我们-}{+中方+}坚决反对任何外国{+政府、机构和个人+}以任何方式干涉{-香港事务-}{+中国内政+}",
        ),
        ("立即停止干涉中国内政", "停止干涉中国内政", "{-立即-}停止干涉中国内政"),
        ("中方坚决反对外国干涉", "中方坚定反对外国干涉", "中方{-坚决-}{+坚定+}反对外国干涉"),
        ("停止干涉中国内政", "停止干涉香港事务", "停止干涉{-中国内政-}{+香港事务+}"),
        # English keeps its spaces
        ("we firmly oppose it", "we oppose it", "we {-firmly-} oppose it"),
        ("APEC会议 opened", "APEC opened", "APEC {-会议-} opened"),
    ],
)
def test_han_diffs_join_words_without_spaces(old: str, new: str, expected: str) -> None:
    assert word_diff(old, new) == expected


def test_markdown_of_a_han_diff_has_no_space_between_changes() -> None:
    from consistency.report.diffmarkup import markdown_diff, parse_diff

    assert markdown_diff(parse_diff("中方{-坚决-}{+坚定+}反对")) == "中方~~坚决~~**坚定**反对"
    assert markdown_diff(parse_diff("we {-firmly-}{+strongly+} oppose")) == (
        "we ~~firmly~~ **strongly** oppose"
    )


@pytest.mark.parametrize(
    "markup",
    [
        # the newest 60 mfa-zh briefings, 2020-06-19 line 12 (a review: the move showed
        # its asterisks in CommonMark)
        "抗疫{-信息-}{+技术+}{~分享~}和经验",
        "中方{~坚定~}{-坚决-}{+全力+}反对",
        "grow the economy from the {~middle out and the~} bottom up",
        "中方{-坚决-}{+坚定+}反对",
    ],
)
def test_markdown_of_a_diff_renders_every_change(markup: str) -> None:
    """Each change comes out of a CommonMark renderer (with GFM's strikethrough) as the
    element it stands for, with its text, in Chinese as in English."""
    from markdown_it import MarkdownIt

    from consistency.report.diffmarkup import markdown_diff, parse_diff

    html = (
        MarkdownIt("commonmark")
        .enable("strikethrough")
        .renderInline(markdown_diff(parse_diff(markup)))
    )
    tags = {"-": "s", "+": "strong", "~": "em"}
    for op, text in parse_diff(markup):
        if op == "=":
            continue
        arrow = "\u21b7" if op == "~" else ""
        assert f"{arrow}<{tags[op]}>{text.strip()}</{tags[op]}>" in html, html
    assert "*" not in html and "~~" not in html, html


@pytest.mark.parametrize(
    "markup",
    [
        # review 102 D3: a list item dropped with its enumeration comma
        "深化两岸经贸、文化、{-教育、-}卫生各领域交流合作",
        "深化两岸经贸、文化、{+教育、+}卫生各领域交流合作",
        "中方{-，坚决-}反对",
        # review 101 D6's expected diff, and the README's
        "we continue to call for safe{-, rapid-} and unimpeded humanitarian access",
        "a Black Sea region that is secure{-, open to trade-} and free from coercion",
        # ASCII punctuation at either end, a letter outside
        "the plan {+(draft)+}was adopted",
        "said {-it,-}that",
        "a {-b-}{+(c)+}d",
        "中方{~坚定、~}反对",
    ],
)
def test_markdown_of_a_change_beside_punctuation_renders_as_its_element(markup: str) -> None:
    """Review 102 D3: ``文化、~~教育、~~卫生`` came out of CommonMark/GFM with its tildes,
    the closing ``~~`` following punctuation and preceding a letter (not right-flanking).
    Every change renders as the element it stands for, whatever punctuation it ends in."""
    from markdown_it import MarkdownIt

    from consistency.report.diffmarkup import markdown_diff, parse_diff

    html = (
        MarkdownIt("commonmark")
        .enable("strikethrough")
        .renderInline(markdown_diff(parse_diff(markup)))
    )
    tags = {"-": ("s", "del"), "+": ("strong",), "~": ("em",)}
    for op, text in parse_diff(markup):
        if op == "=":
            continue
        arrow = "\u21b7" if op == "~" else ""
        assert any(f"{arrow}<{tag}>{text.strip()}</{tag}>" in html for tag in tags[op]), html
    assert "*" not in html and "~~" not in html, html


def test_markdown_keeps_its_delimiters_where_they_flank() -> None:
    """The HTML element stands in only where the delimiters cannot (review 102 D3)."""
    from consistency.report.diffmarkup import markdown_diff, parse_diff

    assert markdown_diff(parse_diff("文化、{-教育、-}卫生")) == "文化、<del>教育、</del>卫生"
    assert markdown_diff(parse_diff("文化、{-教育-}、卫生")) == "文化、~~教育~~、卫生"
    assert markdown_diff(parse_diff("the plan {-(draft)-}, said")) == "the plan ~~(draft)~~, said"
    assert markdown_diff(parse_diff("secure{-, open to trade-} and")) == (
        "secure<del>, open to trade</del> and"
    )
    assert markdown_diff(parse_diff("x {-*-}y")) == "x <del>\\*</del>y"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # MFA 2020-07-01 line 17 against the wording before it (a review: the swap read as
        # "{~coordination~} {+and+} communication {-and-}")
        (
            "strengthen communication and coordination",
            "strengthen coordination and communication",
            "strengthen {~coordination and~} communication",
        ),
        # mfa-zh (a review: "{~意志~}{+和+}决心{-和-}")
        ("决心和意志", "意志和决心", "{~意志和~}决心"),
        # as two coordinated parts with "and the" between them always did
        (
            "from the bottom up and the middle out",
            "from the middle out and the bottom up",
            "from the {~middle out and the~} bottom up",
        ),
        # a coordinator dropped with its word, nothing moved: no move
        ("we oppose and reject it", "we reject it", "we {-oppose and-} reject it"),
        # two items sharing a word swapped: the item moves whole (a review: "mutual
        # {~benefit~}, {~mutual~} respect", the shared first word anchored apart)
        (
            "mutual respect, mutual benefit and win-win cooperation",
            "mutual benefit, mutual respect and win-win cooperation",
            "{~mutual benefit~}, mutual respect and win-win cooperation",
        ),
    ],
)
def test_a_swap_of_two_parts_moves_the_coordinator_with_its_part(
    old: str, new: str, expected: str
) -> None:
    assert word_diff(old, new) == expected


def test_a_quotation_opened_in_a_deleted_run_is_closed_in_it() -> None:
    """Review 62: a Chinese card read {-推进中英关系“黄金时代-}, the closing mark lost: a
    deleted run takes the old text's marks that close what it opened."""
    old = "两国领导人就推进中英关系“黄金时代”达成重要共识"
    new = "两国领导人就构建中缅命运共同体达成重要共识"
    assert "{-推进中英关系“黄金时代”-}" in word_diff(old, new)
    assert word_diff("the rules «as written» hold", "the rules hold") == (
        "the rules {-«as written»-} hold"
    )
    # ... but not one the new text keeps around the words in its place (review 118: the
    # old side read 今日（（四月二十九日））)
    assert word_diff("今日（四月二十九日）上午", "今日（五月六日）上午") == (
        "今日（{-四月二十九日-}{+五月六日+}）上午"
    )
    assert word_diff("today (29 April) morning", "today (6 May) morning") == (
        "today ({-29 April-}{+6 May+}) morning"
    )
    # a mark the run does not open stays out
    assert word_diff(
        "a sea of peace, friendship and cooperation", "a sea of peace and cooperation"
    ) == ("a sea of peace{-, friendship-} and cooperation")
