"""``diff OLD NEW``: points repeated, shifted, new and dropped; rephrased sentences."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus import FULL, HAS_FULL, NO_FULL

from consistency.cli import cli
from consistency.compare import ARCHIVE, Comparison, PointChange, compare, compare_files
from consistency.ingest import load_documents
from consistency.models import Point
from consistency.report.compare import render_compare
from consistency.report.html import render_html
from consistency.track import track
from consistency.watchlist import load_watchlist

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
MANIFEST = BRIEFINGS / "manifest.csv"
POINTS = ROOT / "fixtures" / "talking-points.toml"
HTML = ROOT / "fixtures" / "corpus" / "html"
OLD_HTML = HTML / "t1659619.html"
NEW_HTML = HTML / "t1660057.html"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--no-config", *args], prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


def diff_of(tmp_path: Path, was: str, now: str) -> tuple[int, str, str]:
    """``consistency diff`` of two one-line briefings, OLD saying ``was``, NEW ``now``."""
    old = tmp_path / "2024-12-06.txt"
    new = tmp_path / "2024-12-09.txt"
    old.write_text(f"{was}\n", encoding="utf-8")
    new.write_text(f"{now}\n", encoding="utf-8")
    return run("diff", str(old), str(new))


def test_a_briefing_against_itself_repeats_every_phrase(tmp_path: Path) -> None:
    """Review 159 (F1): a briefing diffed with itself read "we've seen some progress on
    the {-balloon incident-}{+aid trucks+}, but there's a lot more work": a phrase said
    four times with other words in it, the first saying of one wording paired with the
    first of another. A phrase each of whose sentences in NEW OLD has word for word is
    said the same."""
    said = [
        "MR MILLER: Well, there's a process underway on the hostage negotiations. But "
        "we've seen some progress on the aid trucks, but there's a lot more work to do.",
        "MR MILLER: I'll say this. We've seen some progress on the balloon incident, but "
        "there's a lot more work to do. I'm not going to get ahead of the Secretary's trip.",
        "MR MILLER: Yes. We've seen some progress on the cyber theft of cryptocurrency, but "
        "there's a lot more work to do. I'd leave it there.",
        "MR MILLER: Well, I'm not going to get ahead of the case of Paul Whelan. We've seen "
        "some progress on the passport backlog, but there's a lot more work to do.",
    ]
    text = "Department Press Briefing - January 10, 2025\n\n" + "\n\n".join(said)
    code, out, _ = diff_of(tmp_path, text, text)
    assert code == 0, out
    assert re.search(r"Talking points \(discovered, \d+\): \d+ repeated the same, 0 shifted", out)
    assert "{-" not in out and "{+" not in out, out


@pytest.fixture(scope="module")
def translations() -> Comparison:
    """Two translations of the 2019-04-29 briefing, as the Ministry published them."""
    return compare_files(str(OLD_HTML), str(NEW_HTML))


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    """Seed 001 (2025-09-23) against seed 000 (2025-10-22), with the watchlist."""
    docs = {d.id[:3]: d for d in load_documents([str(BRIEFINGS)])}
    return compare(docs["001"], docs["000"], points=load_watchlist(POINTS))


def changes(c: Comparison) -> dict[str, str]:
    return {p.point.id: p.change.value for p in c.points}


def test_watchlist_points_are_classed(seeds: Comparison) -> None:
    got = changes(seeds)
    assert got["dialogue-and-consultation"] == "same"
    assert got["people-to-people-year"] == "shifted"
    assert got["sea-of-peace"] == "new"
    assert got["one-china-principle"] == "dropped"
    [shift] = [p for p in seeds.points if p.point.id == "people-to-people-year"]
    assert shift.diff == "China-ASEAN Year of People-to-People {-Exchange-}{+Exchanges+}"
    assert (shift.old and shift.old.line, shift.new and shift.new.line) == (3, 5)


def test_a_shift_beside_the_old_wording_says_where_the_old_one_stands(tmp_path: Path) -> None:
    """A fresh-clone review (State Department 2022-11-07 -> 2023-02-02): NEW said "signed a
    permanent cessation of hostilities agreement" and, four lines on, "the cessation of
    hostilities agreement" word for word; ``diff`` showed the shift alone, as if the old
    wording were gone. It is a shift, and says where the old wording stands too."""
    old = tmp_path / "2022-11-07.txt"
    new = tmp_path / "2023-02-02.txt"
    old.write_text(
        "MR PRICE: We welcome the Cessation of Hostilities Agreement.\n", encoding="utf-8"
    )
    new.write_text(
        "MR PRICE: The parties signed a permanent cessation of hostilities agreement.\n\n"
        "QUESTION: And now?\n\n"
        "MR PRICE: We commend them for their commitment to the cessation of hostilities "
        "agreement.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "coha"\ntext = "the cessation of hostilities agreement"\n',
        encoding="utf-8",
    )
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert code == 0, err
    assert "NEW line 1 (OLD line 1; as before on NEW line 5)" in out
    assert "{-the-}{+a permanent+} cessation of hostilities agreement" in out
    code, out, _ = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    [point] = json.loads(out)["points"]
    assert point["change"] == "shifted" and point["kept"]["line"] == 5
    code, out, _ = run(
        "diff", str(old), str(new), "--points", str(points), "--format", "markdown"
    )  # fmt: skip
    assert "(as before on NEW line 5)" in out


def test_of_two_new_wordings_the_one_changing_more_than_grammar_is_shown(tmp_path: Path) -> None:
    """Review 84: NEW said "basic norms of {-the-} international relations" (grammar) on
    line 6 and "international law and {-basic-} norms governing ..." on line 21; ``diff``
    showed the first alone, and the word dropped was nowhere in its points."""
    old = tmp_path / "2020-07-01.txt"
    new = tmp_path / "2020-07-02.txt"
    old.write_text(
        "A: It violates international law and basic norms governing international relations.\n",
        encoding="utf-8",
    )
    new.write_text(
        "A: It violates international law and basic norms governing the international "
        "relations.\n\nQ: And?\n\nA: He ignores international law and norms governing "
        "international relations.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    text = "international law and basic norms governing international relations"
    points.write_text(f'[[point]]\nid = "norms"\ntext = "{text}"\n', encoding="utf-8")
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert code == 0, err
    assert "norms  NEW line 5 (OLD line 1)" in out, out
    assert "international law and {-basic-} norms governing international relations" in out


def test_a_shared_phrase_with_a_change_beside_it_is_a_shifted_formula(tmp_path: Path) -> None:
    """Reviews 83-85: without points, ``diff`` listed the pieces two briefings share of a
    changed formula as "Repeated the same" ("make sure the wealthiest Americans" and
    "corporations pay their fair share" where NEW dropped "biggest" between them;
    "concerned about the humanitarian situation in Gaza" where "deeply" became
    "gravely"). A shared phrase with one small change beside it, the words past the
    change agreeing, is the formula changed; a word swapped at a sentence's start with
    nothing agreeing before it is not ("The {-Cabinet-}{+Secretary+} caught up ...")."""
    old = tmp_path / "2024-05-06.txt"
    new = tmp_path / "2024-05-13.txt"
    old.write_text(
        "MS. JEAN-PIERRE:  Good afternoon. As we've said, we are deeply concerned about the "
        "humanitarian situation in Gaza. Our goal is simple: make sure the wealthiest "
        "Americans and the biggest corporations pay their fair share. The Cabinet caught up "
        "with the agencies on the timeline.\n",
        encoding="utf-8",
    )
    new.write_text(
        "MS. JEAN-PIERRE:  Hi, everybody. Let me be clear, we are gravely concerned about the "
        "humanitarian situation in Gaza. The President's budget would make sure the wealthiest "
        "Americans and the corporations pay their fair share. The Secretary caught up with the "
        "agencies on the timeline.\n",
        encoding="utf-8",
    )
    code, out, err = run("diff", str(old), str(new))
    assert code == 0, err
    assert "1 repeated the same, 2 shifted" in out, out
    assert (
        "make sure the wealthiest Americans and the {-biggest-} corporations pay their fair share"
        in out
    )
    assert "we are {-deeply-}{+gravely+} concerned about the humanitarian situation in Gaza" in out
    assert "(OLD line 1; the words around it changed)" in out
    assert "caught-up-with-the-agencies-on-the-timeline: caught up with" in out
    code, out, _ = run("diff", str(old), str(new), "--format", "json")
    shifted = [p for p in json.loads(out)["points"] if p["change"] == "shifted"]
    assert {p["note"] for p in shifted} == {"the words around it changed"}


def test_the_archive_s_formulas_do_not_hide_a_changed_shared_phrase(tmp_path: Path) -> None:
    """Review 89: `diff --points archive.db` put "Western weapons goes on despite" under
    "Repeated the same", where the plain diff showed "pumping of {-Ukraine-}{+Moldova+}
    with Western weapons goes on despite": the two briefings' shared phrases were grown
    over a change only without an archive's points."""
    archive = tmp_path / "archive"
    archive.mkdir()
    old = archive / "2024-05-06.txt"
    old.write_text(
        "MS. JEAN-PIERRE:  Good afternoon. As we've said, we are deeply concerned about the "
        "humanitarian situation in Gaza. The weather is fine.\n",
        encoding="utf-8",
    )
    for day in ("2024-05-01", "2024-05-02"):
        (archive / f"{day}.txt").write_text(
            "MS. JEAN-PIERRE:  Good afternoon. We stand with our allies and partners. "
            "The weather is fine.\n",
            encoding="utf-8",
        )
    new = tmp_path / "2024-05-13.txt"
    new.write_text(
        "MS. JEAN-PIERRE:  Hi, everybody. Let me be clear, we are gravely concerned about the "
        "humanitarian situation in Gaza. The weather is fine.\n",
        encoding="utf-8",
    )
    db = tmp_path / "archive.db"
    assert run("index", str(archive), "--db", str(db))[0] == 0
    shifted = "we are {-deeply-}{+gravely+} concerned about the humanitarian situation in Gaza"
    code, out, err = run("diff", str(old), str(new))
    assert code == 0 and shifted in out, out
    code, out, err = run("diff", str(old), str(new), "--points", str(db))
    assert code == 0, err
    assert shifted in out, out


def test_one_content_word_to_the_clause_edge_agrees_past_a_change(tmp_path: Path) -> None:
    """Review 87: "The safety and security of British nationals is our {-top-} priority."
    was "Repeated the same: The safety and security of British nationals"; past the
    change, "priority" alone ran to the sentence's end in both. One content word up to
    the clause's edge agrees as two words do; one function word does not ("is our
    {-top-} one." stays repeated)."""
    old = tmp_path / "2025-01-21.txt"
    new = tmp_path / "2025-01-23.txt"
    said = 'He told reporters: "The safety and security of British nationals is our {}."\n'
    old.write_text(said.format("top priority"), encoding="utf-8")
    new.write_text(said.format("priority"), encoding="utf-8")
    code, out, err = run("diff", str(old), str(new))
    assert code == 0, err
    assert "0 repeated the same, 1 shifted" in out, out
    assert "The safety and security of British nationals is our {-top-} priority" in out
    old.write_text(said.format("top one"), encoding="utf-8")
    new.write_text(said.format("one"), encoding="utf-8")
    code, out, err = run("diff", str(old), str(new))
    assert "1 repeated the same, 0 shifted" in out, out


def test_a_negation_before_the_preposition_that_opens_a_shared_phrase_says_the_opposite(
    tmp_path: Path,
) -> None:
    """Review 92 (mfa-zh 2020-06-19 -> 06-24, planted): "不再通过对话协商解决问题" ("no longer
    through dialogue and consultation resolve issues") was "Repeated the same:
    对话协商解决问题": the negation stood before 通过, the preposition opening the verb
    phrase, which the shared phrase leaves out."""
    code, out, err = diff_of(
        tmp_path,
        "赵立坚：中方始终坚持维护半岛和平稳定，坚持通过对话协商解决问题，推动半岛问题政治解决。",
        "赵立坚：希望各方珍惜这一来之不易的局面，不再通过对话协商解决问题，共同致力于和平。",
    )
    assert code == 0, err
    assert "0 repeated the same, 1 shifted" in out, out
    assert "{+不再通过+}对话协商解决问题" in out and "says the opposite" in out, out


@pytest.mark.parametrize(
    ("was", "now", "shifted"),
    [
        (
            "Unilateral attempts to change the status quo by force are unacceptable.",
            "Coercive attempts to change the status quo by force are unacceptable.",
            "{-Unilateral-}{+Coercive+} attempts to change the status quo by force are "
            "unacceptable",
        ),
        # ... not a word past a comma, nor two for one
        (
            "Yesterday, the two ministers met in Tokyo.",
            "Recently, the two ministers met in Tokyo.",
            None,
        ),
        (
            "At present the overall situation is stable.",
            "Currently the overall situation is stable.",
            None,
        ),
    ],
)
def test_one_word_replaced_at_the_clause_edge_is_a_shift(
    tmp_path: Path, was: str, now: str, shifted: str | None
) -> None:
    """Review 94: "*Unilateral* attempts to change the status quo ..." said as "*Coercive*
    attempts ..." was "Repeated the same: attempts to change the status quo ...": nothing
    stood past the change to agree. One content word replaced by another of its kind at
    the clause's edge, in the phrase's own clause, is the phrase's change; a time word
    before a comma, or a phrase for a word, is not (the last 20 MFA pairs: the same 15
    grown shifts)."""
    assert_grown(tmp_path, "Mr. Kitamura", was, now, shifted)


def assert_grown(tmp_path: Path, speaker: str, was: str, now: str, shifted: str | None) -> None:
    """``diff`` of ``speaker`` saying ``was``, then ``now``, each with a word of thanks: one
    shift reading ``shifted``, or none."""
    code, out, err = diff_of(
        tmp_path, f"{speaker}: {was} Thank you.", f"{speaker}: {now} Thank you."
    )
    assert code == 0, err
    if shifted is None:
        assert "0 shifted" in out, out
    else:
        assert "1 shifted" in out and shifted in out, out


@pytest.mark.parametrize(
    ("was", "now", "shifted"),
    [
        (
            "We want a Black Sea region that is secure, open to trade, and free from coercion.",
            "Our goal is a Black Sea region that is secure and free from coercion.",
            "a Black Sea region that is secure{-, open to trade-} and free from coercion",
        ),
        # ... nor only a list item dropped: one put in
        (
            "Our goal is a Black Sea region that is secure and free from coercion.",
            "We want a Black Sea region that is secure, open to trade, and free from coercion.",
            "a Black Sea region that is secure{+, open to trade+}, and free from coercion",
        ),
        # ... nor one before the list's last item, "and" after it (review 133)
        (
            "We will continue to stand for a rules-based international order anchored on "
            "international law, the UN Charter and UNCLOS.",
            "We call on our partners to uphold a rules-based international order anchored on "
            "international law and UNCLOS.",
            "a rules-based international order anchored on international law{-, the UN "
            "Charter-} and UNCLOS",
        ),
        # words that are no list item, set off by no clause marks, are no such change
        (
            "We want a Black Sea region that is secure and free from coercion.",
            "Our goal is a Black Sea region that is secure and mostly quite entirely free "
            "from coercion.",
            None,
        ),
    ],
)
def test_a_list_item_dropped_beside_a_shared_phrase_is_its_shift(
    tmp_path: Path, was: str, now: str, shifted: str | None
) -> None:
    """Review 98 (D6): "a Black Sea region that is secure, open to trade, and free from
    coercion" said without "open to trade" was "Repeated the same: a Black Sea region that
    is secure": a change of three words was more than a change beside a phrase may be. A
    list item of up to four words, set off by clause marks (or a mark and the list's "and"),
    is one."""
    assert_grown(tmp_path, "MR MILLER", was, now, shifted)


@pytest.mark.parametrize(
    ("speaker", "was", "now", "shifted"),
    [
        (
            "Spokesman",
            "The Secretary-General reiterates his call for full respect for international "
            "humanitarian law and international human rights law in Afghanistan.",
            "He underlined the need for full respect for international human rights law and "
            "international humanitarian law, including the protection of journalists.",
            "full respect for international human rights {~law and international "
            "humanitarian~} law\n",
        ),
        (
            "答",
            "这是岛内的选举事务，我们不作评论。我们将坚持“一国两制、和平统一”基本方针，"
            "以最大诚意、尽最大努力争取光明前景。",
            "这是岛内的选举事务，我们不作评论。我们将坚持“和平统一、一国两制”基本方针，"
            "以最大诚意、尽最大努力争取光明前景。",
            "我们将坚持“和平统一、{~一国两制~}”基本方针，以最大诚意、尽最大努力争取光明前景\n",
        ),
        (
            "Press Secretary",
            "We will continue to work patiently and tenaciously toward the resolution of the "
            "abductions issue, in close cooperation with the families.",
            "As I have said, Japan will continue to work tenaciously and patiently toward the "
            "resolution of the abductions issue.",
            "continue to work {~tenaciously and~} patiently toward the resolution of the "
            "abductions issue\n",
        ),
        (
            "Spokesman",
            "This was a step in the systematic dismantling of the arms control architecture "
            "by Washington.",
            "The systematic dismantling by Washington of the arms control architecture has "
            "undermined security.",
            "systematic dismantling {~by Washington~} of the arms control architecture\n",
        ),
    ],
    ids=["two-laws-swapped", "zh-list-swapped", "adverbs-swapped", "agent-moved"],
)
def test_a_phrase_of_parts_put_in_another_order_is_shown_moved(
    tmp_path: Path, speaker: str, was: str, now: str, shifted: str
) -> None:
    """Reviews 101 (D7) and 102 (D8): the two briefings share only pieces of a formula
    whose parts were swapped, so a piece read as a word replaced, the phrase cut
    (`full respect for international {-humanitarian-}{+human+}`), or as a part put in
    (`和平统一、{+一国两制+}`): false, as NEW says the same words in another order. The
    piece's spans grow to hold the same words in both, and the shift is the move. Review
    107 (D3): two adverbs swapped between two shared phrases left both "Repeated the
    same"; a few words in another order beside a phrase are one change."""
    assert_grown(tmp_path, speaker, was, now, shifted)


def test_a_shifted_phrase_is_shown_over_the_words_both_sentences_say_around_it(
    tmp_path: Path,
) -> None:
    """Review 101 (D6): the two briefings' phrase, found in OLD as "rapid and unimpeded
    humanitarian access ..." and in NEW as "safe and unimpeded ...", read `{-rapid-}{+safe+}
    and unimpeded`, though "safe" is in both: NEW dropped "rapid" from "safe, rapid and
    unimpeded". Each span grows over the words the other's stand for in its sentence."""
    assert_grown(
        tmp_path,
        "Spokesman",
        "We continue to call for safe, rapid and unimpeded humanitarian access to all those "
        "in need.",
        "We continue to call for safe and unimpeded humanitarian access to all those in need.",
        "safe{-, rapid-} and unimpeded humanitarian access to all those in need\n",
    )


@pytest.mark.parametrize("put_in", [True, False])
def test_a_list_item_put_in_after_a_phrase_s_first_word_is_no_word_replaced(
    tmp_path: Path, put_in: bool
) -> None:
    """Review 152 (G2): NEW put ", a proactive contributor" after "a reliable partner";
    the two briefings' phrase, found in OLD as "partner and an active ..." and in NEW as
    "contributor and an active ...", read `{-partner-}{+contributor+} and an active ...`:
    as if NEW no longer called the country a reliable partner (the next briefing, saying
    it as before, read `{-contributor-}{+partner+}`). NEW's span grows over "partner",
    which it says too: the item is put in (or, the other way round, left out)."""
    plain = (
        "Through these activities, we want to show that Viet Nam is a friend, a reliable "
        "partner and an active and responsible member of the international community."
    )
    more = plain.replace("partner and", "partner, a proactive contributor and")
    was, now = (plain, more) if put_in else (more, plain)
    code, out, err = diff_of(tmp_path, f"Answer: {was}", f"Answer: {now}")
    assert code == 0, err
    points = out.split("Rephrased sentences")[0]  # the rephrasing shows every word anyway
    sign = "+" if put_in else "-"
    shown = f"partner{{{sign}, a proactive contributor{sign}}} and an active and responsible"
    assert "1 shifted" in points and shown in points, out
    assert "{-partner-}" not in out and "{-contributor-}" not in out, out


@pytest.mark.parametrize(
    ("was", "now", "shifted"),
    [
        (
            "We thank our friends in Tunisia for paying their regular budget dues in full.",
            "We thank our friends in Viet Nam for paying their regular budget dues in full.",
            None,
        ),
        (
            "Students went back to class this week, UNDP tells us.",
            "Students went back to class this week, FAO tells us.",
            None,
        ),
        (
            "台湾青年在福州实习期间，参访了当地企业。",
            "台湾青年在马祖实习期间，参访了当地企业。",
            None,
        ),
        # ... opening the sentence too (review 106)
        (
            "UNDP tells us that the number of people in need has risen sharply this month.",
            "FAO tells us that the number of people in need has risen sharply this month.",
            None,
        ),
        # ... and a date, a name and a number (review 131 D2)
        (
            "Foreign Minister Lena Holm will pay an official visit to Viet Nam from April 3 to "
            "April 8. The two sides will discuss trade and investment.",
            "Foreign Minister Oscar Ruiz will pay an official visit to Viet Nam from March 24 to "
            "April 2. The two sides will discuss trade and investment.",
            None,
        ),
        # a name for a word that is none is a change
        (
            "We thank our friends in Tunisia for paying their regular budget dues in full.",
            "We thank our friends in advance for paying their regular budget dues in full.",
            "{-Tunisia-}{+advance+}",
        ),
    ],
)
def test_a_phrase_said_of_another_place_is_repeated_not_shifted(
    tmp_path: Path, was: str, now: str, shifted: str | None
) -> None:
    """Review 101 (D2): 18 of the 19 shifts of seven daily diffs of UN noon briefings were
    a place, a donor or an agency filled into a recurring line: "thank our friends in
    {-Tunisia-}{+Uruguay+} for paying their regular budget dues in full", burying the one
    real change. The two briefings' phrase said of another party is no drift of it, as a
    report without a watchlist cards none: the same."""
    assert_grown(tmp_path, "Spokesman", was, now, shifted)


@pytest.mark.parametrize(
    ("was", "now", "shifted"),
    [
        # review 101 D1: a number with its scale word is a number
        ("8.8 million", "58,239", None),
        ("68,393", "2.7 million", None),
        ("12,000", "1.5 billion", None),
        ("12,000", "15,000", None),
        # ... and with two (review 151 G2: "{-2 hundred-}{+6+} million dollars")
        ("2 hundred thousand", "650,000", None),
        ("3 hundred million", "6 million", None),
        # a hedge left out is a word left out (see lexicon.numbers_apart)
        ("some 43,500", "1.5 million", "us that {-some 43,500-}{+1.5 million+} people"),
    ],
)
def test_a_number_with_its_scale_word_is_no_shift(
    tmp_path: Path, was: str, now: str, shifted: str | None
) -> None:
    """Review 101 D1: "{-8.8 million-}{+58,239+} people have fled their homes" was shifted,
    "{-12,000-}{+15,000+}" repeated the same: a wording only numbers apart is the same."""
    said = "Our humanitarian colleagues tell us that {} people have fled their homes in Sudan."
    assert_grown(tmp_path, "Spokesman", said.format(was), said.format(now), shifted)


@pytest.mark.parametrize(
    ("was", "now", "shifted"),
    [
        ("next week", "on Monday", None),
        ("this morning", "yesterday", None),
        ("in December", "last month", None),
        # company for a time: a change
        ("next week", "with ministers", "at Chequers {-next week-}{+with ministers+} to discuss"),
    ],
)
def test_the_diarys_time_is_no_shift(
    tmp_path: Path, was: str, now: str, shifted: str | None
) -> None:
    """Review 153 (G4): "energy company bosses at Chequers {-next week-}{+on Monday+} to
    discuss" was a shift of `diff` without points: a wording only times apart (see
    lexicon.times_apart) is the same, as one only numbers apart is."""
    said = "The Prime Minister will host energy company bosses at Chequers {} to discuss bills."
    assert_grown(tmp_path, "Spokesman", said.format(was), said.format(now), shifted)


def test_the_same_names_in_another_order_are_a_shift(tmp_path: Path) -> None:
    """Review 154 (G2): "with {~Palestine and~} Israel living side by side" was "the same
    phrase said of another party" and repeated the same; the names of the formula moved."""
    said = "{} a two-State solution, with {} living side by side."
    was = said.format("The only way out is", "Israel and Palestine")
    now = said.format("There is no alternative to", "Palestine and Israel")
    shifted = "a two-State solution, with {~Palestine and~} Israel living side by side"
    assert_grown(tmp_path, "Spokesman", was, now, shifted)


def test_a_change_past_the_diarys_time_is_a_shift(tmp_path: Path) -> None:
    """A fresh-clone review: "Chequers {-next week-}{+on Monday+} to discuss
    {-bills-}{+prices+}" read the same, the time alone looked at and the word beyond it
    untold; a change past a time is one, shown with the time."""
    said = "The Prime Minister will host energy company bosses at Chequers {} to discuss {}."
    was, now = said.format("next week", "bills"), said.format("on Monday", "prices")
    shifted = "at Chequers {-next week-}{+on Monday+} to discuss {-bills-}{+prices+}"
    assert_grown(tmp_path, "Spokesman", was, now, shifted)


def test_a_function_word_put_in_before_a_time_is_no_shift(tmp_path: Path) -> None:
    """Review 154 (G3): "shut for several hours {+on+} Thursday" was a shift."""
    said = "We are told that the airstrip near Mirebalais was shut for several hours {}."
    assert_grown(tmp_path, "Spokesman", said.format("Thursday"), said.format("on Thursday"), None)


def test_a_chinese_number_with_its_scale_word_is_no_shift(tmp_path: Path) -> None:
    """Review 101 D1, as the tokeniser cuts 万 off a number in Chinese: 6万 is a number."""
    said = "答：今年以来参访的台湾同胞已达{}，创历史新高。我们欢迎更多台湾同胞来大陆走走看看。"
    code, out, err = diff_of(tmp_path, said.format("8000"), said.format("6万"))
    assert code == 0, err
    assert "0 shifted" in out, out


@pytest.mark.parametrize(
    "said",
    [
        "All countries should not uphold the rules-based international order.",
        "All countries should never uphold the rules-based international order.",
    ],
)
def test_a_formula_said_negated_in_new_is_shifted_not_repeated(tmp_path: Path, said: str) -> None:
    """A review: "should *not* uphold the rules-based international order" was under
    "Repeated the same" (the formula stands word for word), while the sentence below it
    showed the "not"."""
    old = tmp_path / "2024-03-01.txt"
    new = tmp_path / "2024-03-02.txt"
    old.write_text("A: All countries should uphold the rules-based international order.\n")
    new.write_text(f"A: {said}\n")
    points = tmp_path / "points.toml"
    points.write_text('[[point]]\nid = "p"\ntext = "uphold the rules-based international order"\n')
    code, out, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    assert code == 0, err
    [point] = json.loads(out)["points"]
    assert point["change"] == "shifted", point
    assert point["diff"].startswith(("{+not+} uphold", "{+never+} uphold")), point
    # said so, as ``check`` says it (review 77: it read as any other rewording)
    assert point["note"] == "says the opposite: a negation put in or left out", point


def test_a_formula_said_negated_in_old_and_plainly_in_new_is_shifted(tmp_path: Path) -> None:
    """Review 81: OLD "the Commission no longer stands ready to mobilise every tool in the
    single market toolbox" (``track`` counts no negated wording), NEW the formula: "New in
    NEW", nothing told of the negation left out."""
    formula = "the Commission stands ready to mobilise every tool in the single market toolbox"
    old = tmp_path / "2025-06-04.txt"
    new = tmp_path / "2025-06-05.txt"
    old.write_text(f"A: {formula.replace('stands', 'no longer stands')}.\n")
    new.write_text(f"A: {formula}.\n")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "p"\ntext = "{formula}"\n')
    code, out, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    assert code == 0, err
    [point] = json.loads(out)["points"]
    assert point["change"] == "shifted", point
    assert point["diff"] == formula.replace("stands", "{-no longer-} stands")
    assert point["note"] == "says the opposite: a negation put in or left out", point


def test_a_discovered_point_said_negated_in_new_is_shifted_not_repeated(tmp_path: Path) -> None:
    """Review 59: without a watchlist, "the United States will {-continue to-}{+no longer+}
    provide security assistance to Ukraine" listed the point the two briefings share,
    "provide security assistance to Ukraine", under "Repeated the same". Review 124: shown
    as "{+no longer+} provide ...", it hid the words the negation took the place of."""
    old = tmp_path / "2024-03-01.txt"
    new = tmp_path / "2024-03-02.txt"
    tail = "provide security assistance to Ukraine, as the Secretary said in Brussels."
    old.write_text(f"MR. PRICE: The United States will continue to {tail}\n")
    new.write_text(f"MR. PRICE: The United States will no longer {tail}\n")
    code, out, err = run("diff", str(old), str(new), "--format", "json")
    assert code == 0, err
    shifted = [p for p in json.loads(out)["points"] if p["change"] == "shifted"]
    assert [p["diff"] for p in shifted] == [
        "United States will {-continue to-}{+no longer+} provide security assistance to Ukraine"
    ], out


def test_a_briefing_against_itself_repeats_everything() -> None:
    [doc] = load_documents([str(OLD_HTML)])
    c = compare(doc, doc)
    assert c.points and {p.change for p in c.points} == {PointChange.SAME}
    assert c.rephrasings == ()
    assert (c.sentences.rephrased, c.sentences.new, c.sentences.dropped) == (0, 0, 0)
    assert c.sentences.repeated > 50


def test_two_translations_show_rephrased_sentences(translations: Comparison) -> None:
    assert translations.points_source == "discovered"
    diffs = [r.diff for r in translations.rephrasings]
    assert any(
        "{-principle-}{+principles+} of mutual respect, {-equal treatment-}{+equality+}" in d
        for d in diffs
    )
    assert all(85 <= r.similarity < 100 for r in translations.rephrasings)
    shifted = {p.point.id: p.diff for p in translations.points if p.change is PointChange.SHIFTED}
    # one translation says "expressed concerns", the other "expressed concern": grammar,
    # no shift of a discovered point (a review: inflections were most of a daily diff's
    # shifts, "{-covering-}{+covered+} up the real situation"); the sentence shows it
    assert not any(
        d.count("{-") + d.count("{+") <= 2 and "concerns-}" in d for d in shifted.values()
    )
    assert any("{-concerns-}{+concern+}" in d for d in diffs)
    # ... but a change beside it is the phrase's words around it changed: "from start to
    # {-end the-}{+endthe+} US warships' sailing ..." (the grammar inside it rides along)
    assert any("{-end the-}{+endthe+}" in d for d in shifted.values())
    # a part of a formula is no alias of it: "reform and opening-up" is not one of
    # "advance the reform and opening up at our own pace"
    [reform] = [p for p in translations.points if p.point.text.startswith("advance the reform")]
    assert "reform and opening-up" not in reform.point.aliases
    s = translations.sentences
    assert s.rephrased == len(translations.rephrasings) > 20
    assert s.repeated > 0 and s.new > 0


def test_text_markdown_and_json(translations: Comparison) -> None:
    text = render_compare(translations, fmt="text")
    assert text.startswith("OLD: t1659619 (2019-04-29, ")
    assert "\x1b[" not in text
    assert "\x1b[31m{-" in render_compare(translations, fmt="text", color=True)
    assert "... and " in text and "more (--format json lists all)" in text
    markdown = render_compare(translations, fmt="markdown")
    assert "~~equal treatment~~ **equality**" in markdown
    assert "<details><summary>Points</summary>" in markdown
    data = json.loads(render_compare(translations, fmt="json"))
    assert data["old"]["id"] == "t1659619" and data["new"]["id"] == "t1660057"
    assert data["summary"]["same"] == sum(1 for p in data["points"] if p["change"] == "same")
    assert len(data["rephrased"]) == len(translations.rephrasings)
    assert render_compare(translations, fmt="json") == render_compare(
        compare_files(str(OLD_HTML), str(NEW_HTML)), fmt="json"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_new_and_dropped_sentences_are_shown_not_only_counted(tmp_path: Path, fmt: str) -> None:
    """A review: ``diff`` said "1 new; 1 of OLD dropped" and showed neither sentence, in any
    format. Seed 000 with its sentence on the Ukraine crisis (line 16) replaced by another:
    the new one and the dropped one are listed, with their lines."""
    source = BRIEFINGS / "000_0c46398071a3ed71.txt"
    text = source.read_text(encoding="utf-8")
    dropped = "China\u2019s position on the Ukraine crisis is consistent and clear."
    added = "China will never accept any lecture on human rights from anyone."
    assert text.count(dropped) == 1
    new = tmp_path / "2025-10-23.txt"
    new.write_text(text.replace(dropped, added), encoding="utf-8")
    code, out, err = run("diff", str(source), str(new), "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "json":
        data = json.loads(out)
        assert data["sentences"]["new"] == len(data["new_sentences"]) == 1
        assert data["sentences"]["dropped"] == len(data["dropped_sentences"]) == 1
        assert data["new_sentences"][0]["text"] == added
        assert data["new_sentences"][0]["line"] == 16
        assert data["dropped_sentences"][0]["text"] == dropped
        return
    shown = out.replace("&#39;", "'")
    assert added in shown and dropped in shown
    assert "New sentences (1)" in shown and "Dropped sentences (1)" in shown


def test_cli_diff_with_watchlist() -> None:
    old, new = BRIEFINGS / "001_ea51057881414630.txt", BRIEFINGS / "000_0c46398071a3ed71.txt"
    code, out, err = run(
        "diff", str(old), str(new), "--points", str(POINTS), "--manifest", str(MANIFEST)
    )
    assert (code, err) == (0, "")
    assert "Talking points (watchlist, 16): 1 repeated the same, 2 shifted" in out
    assert "  people-to-people-year  NEW line 5 (OLD line 3)\n" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((str(BRIEFINGS), str(NEW_HTML)), f"{BRIEFINGS}: OLD must be one briefing, but it holds 5"),
        ((str(OLD_HTML), str(ROOT / "nope.txt")), f"{ROOT / 'nope.txt'}: "),
        ((str(OLD_HTML), str(NEW_HTML), "--format", "pdf"), "Invalid value for '--format'"),
    ],
)
def test_cli_diff_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = run("diff", *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"consistency: error: {message}")
    assert len(err.splitlines()) == 1


def test_html_page_is_self_contained_and_shows_word_diffs(translations: Comparison) -> None:
    page = render_compare(translations, fmt="html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<del>equal treatment</del><ins>equality</ins>" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page
    assert "<h3>Repeated the same (" in page and "<details><summary>" in page
    assert page.count('<p class="where">NEW line ') == len(translations.rephrasings)
    assert page == render_compare(compare_files(str(OLD_HTML), str(NEW_HTML)), fmt="html")


def style(page: str) -> str:
    return page[page.index("<style>\n") + 8 : page.index("</style>")]


def test_html_page_shares_the_report_css(translations: Comparison) -> None:
    """Both pages start from the shared stylesheet and add their own; neither leaks over."""
    report = render_html(track(list(load_documents([str(BRIEFINGS)])), load_watchlist(POINTS)))
    page = render_compare(translations, fmt="html")
    shared = (ROOT / "consistency" / "templates" / "_style.css").read_text(encoding="utf-8")
    assert shared.startswith("body { font-family:") and "del { background:" in shared
    assert style(report).startswith(shared) and style(page).startswith(shared)
    assert style(page) != shared
    assert "section.shift" not in style(report)


def test_html_escapes_briefing_text(tmp_path: Path) -> None:
    old = tmp_path / "2024-01-01.txt"
    new = tmp_path / "2024-01-02.txt"
    old.write_text(
        "A: We firmly oppose the <script>alert(1)</script> moves by the other side today.\n",
        encoding="utf-8",
    )
    new.write_text(
        "A: We firmly reject the <script>alert(1)</script> moves by the other side today.\n",
        encoding="utf-8",
    )
    page = render_compare(compare_files(str(old), str(new)), fmt="html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_cli_diff_html_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "diff.html"
    code, out, _ = run("diff", str(OLD_HTML), str(NEW_HTML), "--format", "html", "-o", str(target))
    assert (code, out) == (0, "")
    assert "<h1>Briefing diff</h1>" in target.read_text(encoding="utf-8")


def test_a_watched_formula_said_as_a_near_miss_in_new_is_shifted_not_dropped(
    tmp_path: Path,
) -> None:
    """Review 61: OLD said "Russia remains open to a political and diplomatic settlement
    of the conflict", NEW "Russia has lost interest in a political and diplomatic
    settlement of the conflict" (a near miss ``check`` fails on, score 71.3 under the
    threshold 75): ``diff --points`` listed the point as "Dropped from NEW"."""
    formula = "remains open to a political and diplomatic settlement of the conflict"
    old = tmp_path / "2024-04-15.txt"
    new = tmp_path / "2024-04-17.txt"
    old.write_text(f"Maria Zakharova: Russia {formula}.\n", encoding="utf-8")
    new.write_text(
        f"Maria Zakharova: Russia {formula.replace('remains open to', 'has lost interest in')}.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "settlement"\ntext = "{formula}"\n', encoding="utf-8")
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert code == 0, err
    assert "0 dropped" in out and "1 shifted" in out, out
    assert "a near miss (score 71.3, under the point's threshold 75)" in out
    assert "{-remains open to-}{+lost interest in+} a political and diplomatic" in out
    code, data, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    [point] = json.loads(data)["points"]
    assert point["change"] == "shifted"
    assert point["note"].startswith("a near miss (score 71.3")
    # OLD saying it so too: no change (review 63: "{-brook-}{+allow+} no foreign
    # interference" where both briefings said "allow")
    old.write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    code, data, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    [point] = json.loads(data)["points"]
    assert point["change"] == "absent" and point["note"] == ""
    # OLD saying neither: the near miss is new in NEW (review 92: "香港事务纯属英国内政" was
    # "in neither")
    old.write_text("Maria Zakharova: We discussed the weather.\n", encoding="utf-8")
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert "1 new in NEW" in out, out
    assert "{-remains open to-}{+lost interest in+} a political" in out, out
    code, data, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    [point] = json.loads(data)["points"]
    assert point["change"] == "new" and point["note"].startswith("a near miss (score 71.3")


@pytest.mark.parametrize("new_side", [True, False])
def test_a_watched_point_said_in_a_rephrased_sentence_only_is_shifted(
    tmp_path: Path, new_side: bool
) -> None:
    """Review 79 (MFA 2020-06-29 -> 06-30): OLD said "Hong Kong affairs are China's
    domestic affairs ..." (under the point's threshold), NEW "... are entirely China's
    internal affairs ...": the point was "New in NEW" while the same output listed NEW's
    sentence as a rephrasing of OLD's. Where the other briefing rephrases the sentence, the
    point is shifted, shown against the words in its place; the other way round too
    (not "Dropped from NEW")."""
    formula = "Hong Kong affairs are purely China's internal affairs"
    tail = (
        " that allow no foreign interference, and the Chinese government is firmly determined"
        " to safeguard national sovereignty, security and development interests."
    )
    said = "Hong Kong affairs are entirely China's internal affairs" + tail
    other = (
        "Hong Kong affairs are China's domestic affairs"
        if new_side
        else "Hong Kong affairs are China's domestic matters"
    ) + tail
    before, after = (other, said) if new_side else (said, other)
    old = tmp_path / "2020-06-29.txt"
    new = tmp_path / "2020-06-30.txt"
    old.write_text(f"Zhao Lijian: {before}\n", encoding="utf-8")
    new.write_text(f"Zhao Lijian: {after}\n", encoding="utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "hk"\ntext = "{formula}"\n', encoding="utf-8")
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert code == 0, err
    assert "1 shifted, 0 new in NEW, 0 dropped" in out, out
    shown = (
        "Hong Kong affairs are {+entirely+} China's {-domestic-}{+internal+} affairs"
        if new_side
        else "Hong Kong affairs are {-entirely-} China's {-internal affairs-}{+domestic matters+}"
    )
    assert f"    {shown}\n" in out, out
    code, data, err = run("diff", str(old), str(new), "--points", str(points), "--format", "json")
    [point] = json.loads(data)["points"]
    assert point["change"] == "shifted"
    assert "rephras" in point["note"]


def test_a_watched_point_put_into_a_rephrased_sentence_is_new(tmp_path: Path) -> None:
    """A point NEW adds to a sentence it rephrases (nothing stands in its place in OLD's,
    or another phrase does) is new in NEW, not a shift of OLD's words."""
    old = tmp_path / "2020-06-29.txt"
    new = tmp_path / "2020-06-30.txt"
    old.write_text(
        "Zhao Lijian: We urge the US side to abide by the three joint communiques and stop "
        "official contact with Taiwan.\n",
        encoding="utf-8",
    )
    new.write_text(
        "Zhao Lijian: We urge the US side to abide by the one-China principle and the three "
        "joint communiques and stop official contact with Taiwan.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text('[[point]]\nid = "oc"\ntext = "the one-China principle"\n', encoding="utf-8")
    code, out, err = run("diff", str(old), str(new), "--points", str(points))
    assert code == 0, err
    assert "0 shifted, 1 new in NEW" in out and "Rephrased sentences" in out, out


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        (
            "Japan will continue to closely communicate with the international community",
            "Japan will continue to closely {-cooperate-}{+communicate+} with the "
            "international community",
        ),
        (
            "Japan will continue to closely cooperate with the international community",
            "Japan will continue to closely cooperate with the international community",
        ),
    ],
)
def test_a_point_new_in_new_shows_its_change_from_the_watchlist_wording(
    tmp_path: Path, said: str, shown: str
) -> None:
    """Review 65: where OLD does not say a point, NEW's changed wording of it was listed
    under "New in NEW" as plain text, the change unmarked. It reads against the
    watchlist wording it was found as."""
    formula = "Japan will continue to closely cooperate with the international community"
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "coop"\ntext = "{formula}"\n', encoding="utf-8")
    old = tmp_path / "2025-05-30.txt"
    old.write_text("Minister: We have nothing to add today.\n", encoding="utf-8")
    new = tmp_path / "2025-06-17.txt"
    new.write_text(f"Minister: {said}.\n", encoding="utf-8")
    args = ["--no-config", "diff", str(old), str(new), "--points", str(points)]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    assert f"  coop  NEW line 1: {shown}\n" in out.stdout
    data = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).stdout)
    [point] = [p for p in data["points"] if p["id"] == "coop"]
    assert point["diff"] == shown


def diff_with_archive(tmp_path: Path, archive: list[str], old: str, new: str) -> list[Any]:
    """The JSON points of ``diff OLD NEW --points INDEX``: the index of ``archive`` (see
    :func:`_archive`), OLD and NEW one line each of the same spokesperson."""
    _archive(tmp_path / "archive", archive)
    db = tmp_path / "archive.db"
    assert run("-q", "index", str(tmp_path / "archive"), "--db", str(db))[0] == 0
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text(f"Spokesperson: {old}\n", "utf-8")
    b.write_text(f"Spokesperson: {new}\n", "utf-8")
    code, out, err = run("diff", str(a), str(b), "--points", str(db), "--format", "json")
    assert code == 0, err
    points: list[Any] = json.loads(out)["points"]
    return points


def _archive(folder: Path, lines: list[str]) -> None:
    """Briefings dated a day apart from 2025-03-01, one line each, spoken by one spokesperson."""
    folder.mkdir()
    start = dt.date(2025, 3, 1)
    for k, line in enumerate(lines):
        day = start + dt.timedelta(days=k)
        (folder / f"{day.isoformat()}.txt").write_text(f"Spokesperson: {line}\n", "utf-8")


@pytest.mark.parametrize(
    ("said", "old", "new", "shown"),
    [
        (
            [
                "We will comprehensively advance the building of the digital corridor, to "
                "the benefit of both peoples.",
                "China will comprehensively advance the building of the digital corridor "
                "with its partners.",
                "As I said, we will comprehensively advance the building of the digital corridor.",
                "Both sides agreed to comprehensively advance the building of the digital "
                "corridor this year.",
                "I want to stress that we will comprehensively advance the building of the "
                "digital corridor.",
            ],
            "I want to stress that we will comprehensively advance the building of the "
            "digital corridor, to the benefit of both peoples.",
            "China will continue to fully advance the building of the digital corridor "
            "and deliver common development.",
            "{-comprehensively-}{+fully+} advance the building of the digital corridor",
        ),
        (
            [
                "我们将全面推进云岭数字走廊建设，造福两国人民。",
                "中方愿同各方一道全面推进云岭数字走廊建设。",
                "正如我刚才所说，我们将全面推进云岭数字走廊建设。",
                "双方同意今年全面推进云岭数字走廊建设。",
                "我想强调，我们将全面推进云岭数字走廊建设。",
            ],
            "我想强调，我们将全面推进云岭数字走廊建设，造福两国人民。",
            "我方将继续切实推进云岭数字走廊建设，实现共同发展。",
            "{-全面-}{+切实+}推进云岭数字走廊建设",
        ),
    ],
    ids=["english", "chinese"],
)
def test_an_index_as_points_shows_the_shift_the_two_briefings_cannot(
    tmp_path: Path, said: list[str], old: str, new: str, shown: str
) -> None:
    """Review 72: without a watchlist, ``diff`` discovers the points the two briefings
    share: "推进云岭数字走廊建设", which both say, so "{-全面-}{+切实+}" (an adverb
    swapped at the formula's edge) was "Repeated the same". ``--points INDEX`` adds the
    archive's points, which know the whole formula; the shared part is not listed as
    repeated beside its shift."""
    _archive(tmp_path / "archive", said)
    db = tmp_path / "archive.db"
    code, _, err = run("-q", "index", str(tmp_path / "archive"), "--db", str(db))
    assert code == 0, err
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text(f"Spokesperson: {old}\n", "utf-8")
    b.write_text(f"Spokesperson: {new}\n", "utf-8")
    code, out, err = run("diff", str(a), str(b), "--format", "json")
    assert code == 0, err
    assert [p["diff"] for p in json.loads(out)["points"] if p["change"] == "shifted"] == []
    code, out, err = run("diff", str(a), str(b), "--points", str(db), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["points_source"] == "archive"
    assert [(p["change"], p["diff"]) for p in data["points"]] == [("shifted", shown)], out
    code, out, err = run("diff", str(a), str(b), "--points", str(db))
    assert code == 0, err
    assert "Talking points (discovered in the archive, said in both, 1): " in out
    assert f"\n    {shown}\n" in out


def test_an_index_as_points_is_read_after_a_warm_run_added_briefings(tmp_path: Path) -> None:
    """``diff --index DB`` with a new file adds it to the index and leaves its points out
    of date; they are still the archive's formulas as last discovered, and ``--points DB``
    reads them (``check`` refuses them until ``consistency index`` refreshes them)."""
    formula = "a sea of peace, friendship and cooperation"
    _archive(tmp_path / "archive", [f"We will make it {formula}."] * 4)
    db = tmp_path / "archive.db"
    assert run("-q", "index", str(tmp_path / "archive"), "--db", str(db))[0] == 0
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text(f"Spokesperson: We will make it {formula}.\n", "utf-8")
    b.write_text("Spokesperson: We will make it a sea of peace and cooperation.\n", "utf-8")
    code, _, err = run("diff", str(a), str(b), "--index", str(db))
    assert code == 0, err
    assert run("check", str(b), "--against", str(db))[0] == 2
    code, out, err = run("diff", str(a), str(b), "--points", str(db), "--format", "json")
    assert code == 0, err
    [point] = json.loads(out)["points"]
    assert point["diff"].endswith("a sea of peace{-, friendship-} and cooperation"), point


def test_an_index_without_points_or_damaged_is_one_line_exit_2(tmp_path: Path) -> None:
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text("Spokesperson: We said this.\n", "utf-8")
    b.write_text("Spokesperson: We said that.\n", "utf-8")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    code, out, err = run("diff", str(a), str(b), "--points", str(bad))
    assert (code, out) == (2, "") and err.count("\n") == 1 and str(bad) in err, err


@pytest.mark.parametrize(
    ("formula", "new"),
    [
        (
            "The two sides held the 7th round of the strategic dialogue in Beijing and "
            "agreed to deepen cooperation.",
            "The two sides held the 8th round of the strategic dialogue in Beijing and "
            "agreed to deepen cooperation.",
        ),
        (
            "All countries should abide by international law and the basic norms governing "
            "international relations.",
            "All countries should abide by international law and the basic norms governing "
            "the international relations.",
        ),
    ],
    ids=["a-count", "grammar"],
)
def test_an_index_as_points_shows_no_count_or_grammar_as_a_shift(
    tmp_path: Path, formula: str, new: str
) -> None:
    """The archive's points are found in other words too (the two briefings' own are
    shared word for word): a wording only numbers apart ("the {-7th-}{+8th+} round") or
    grammar apart ("governing {+the+} international relations") from OLD's is no shift,
    as in ``check`` and the report's cards (on two MFA briefings, "{-interfere-}{+
    interference+} in China's internal affairs" was one under four points)."""
    # a count the archive says with other numbers too (a formula's own number, always the
    # same in it, is its wording: see below)
    said = [formula.replace("7th", n) for n in ("5th", "6th", "7th", "7th")]
    points = diff_with_archive(tmp_path, said, formula, new)
    assert [p for p in points if p["change"] != "same"] == []


@pytest.mark.parametrize(
    ("new", "shifted"),
    [
        ("three", []),
        ("a couple of", []),
        ("five", ["{-two-}{+five+} announcements for you today before we go to your questions"]),
    ],
)
def test_an_index_as_points_shows_no_wording_the_archive_said(
    tmp_path: Path, new: str, shifted: list[str]
) -> None:
    """Review 81: "{-two-}{+three+} announcements for you today" was a shift in six of eight
    diffs: the archive's point says "two", "three" and "a couple of" (its aliases). NEW
    saying a wording of the point's own is no news to the archive; a wording it never
    said is."""
    line = "I have {} announcements for you today before we go to your questions."
    said = [line.format(n) for n in ("two", "three", "two", "a couple of", "two", "three")] * 2
    points = diff_with_archive(tmp_path, said, line.format("two"), line.format(new))
    assert [p["diff"] for p in points if p["change"] == "shifted"] == shifted


@pytest.mark.skipif(not HAS_FULL, reason=NO_FULL)
@pytest.mark.parametrize(("aliases", "shifted"), [((), []), (("heads of state",), [])])
def test_an_archive_point_said_in_its_alias_in_another_phrase_is_no_shift(
    aliases: tuple[str, ...], shifted: list[str]
) -> None:
    """Review 79 (MFA 2020-06-15 -> 06-16): the archive's "the two heads of state" (alias
    "heads of state") was shifted to "{-the two-} Heads of State", said in "the Assembly of
    Heads of State and Government": a wording of the archive's own, said in another
    phrase. Without the alias, the point is not found there at all."""
    a, b = load_documents([str(FULL / "mfa" / f"2020-06-{d}.txt") for d in (15, 16)])
    point = Point("the-two-heads-of-state", "the two heads of state", aliases)
    c = compare(a, b, points=[point], source=ARCHIVE)
    assert [p.diff for p in c.points if p.change is PointChange.SHIFTED] == shifted


@pytest.mark.parametrize(
    ("old", "new", "shifted"),
    [
        (
            "The PMOS said that he was not going to provide a running commentary on the "
            "detail of private conversations.",
            "The PMOS said that he would not provide a running commentary on the detail of "
            "individual cases.",
            [],
        ),
        (
            "The PMOS said the Prime Minister had full confidence in the Chancellor and "
            "her plans for growth.",
            "The PMOS said the Prime Minister no longer has full confidence in the "
            "Chancellor and her plans for growth.",
            [
                "PMOS said the Prime Minister {-had-}{+no longer has+} full confidence in the "
                "Chancellor and her plans for growth"
            ],
        ),
    ],
    ids=["negated-in-both", "negated-in-new"],
)
def test_a_negation_a_few_words_before_a_discovered_point(
    tmp_path: Path, old: str, new: str, shifted: list[str]
) -> None:
    """Review 77: ``diff`` without a watchlist showed "{+not+} provide a running
    commentary" where OLD said "was not *going to* provide" (negated too, the negation
    three words off), and "Repeated the same" for "full confidence in the Chancellor"
    where NEW said "no longer *has* full confidence": "going to" and "has" carry a
    negation on, as "longer" does, and a point OLD says negated in any words is no news
    said negated in NEW."""
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text(f"{old}\n", "utf-8")
    b.write_text(f"{new}\n", "utf-8")
    code, out, err = run("diff", str(a), str(b), "--format", "json")
    assert code == 0, err
    points = json.loads(out)["points"]
    assert [p["diff"] for p in points if p["change"] == "shifted"] == shifted, points


def test_a_shared_phrase_said_again_is_the_same_whatever_else_new_says(tmp_path: Path) -> None:
    """Review 77: ``diff`` without a watchlist listed "the Prime Minister {-would host
    leaders-}{+had hosted Prime+}" as shifted, "as before on NEW line 65": NEW said the
    phrase the two briefings share word for word, and another sentence near enough to
    match it. Of 23 such shifts in eight diffs, none was a change."""
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text(
        "Asked about knife crime, the spokesperson said stability must be the priority and "
        "that the Prime Minister would host leaders in Birmingham in the coming days.\n",
        "utf-8",
    )
    b.write_text(
        "On reports about AI regulation, he said the Prime Minister had hosted Prime "
        "Minister Schoof over the weekend and they had discussed energy security.\n"
        "The PMOS said that the Prime Minister would host leaders in Paris tomorrow, and "
        "that the Government would not shy away from difficult decisions.\n",
        "utf-8",
    )
    code, out, err = run("diff", str(a), str(b), "--format", "json")
    assert code == 0, err
    points = json.loads(out)["points"]
    assert points and {p["change"] for p in points} == {"same"}, points


def test_an_archive_point_the_two_briefings_share_keeps_its_id(tmp_path: Path) -> None:
    """Review 78: with ``--points INDEX`` every phrase the two briefings shared was listed
    as "...-2", the archive's point of the same text holding the plain id."""
    formula = "We will make it a sea of peace, friendship and cooperation."
    points = diff_with_archive(tmp_path, [formula] * 4, formula, formula)
    assert points and all(p["change"] == "same" for p in points), points
    assert not any(p["id"].endswith("-2") for p in points), points


def test_a_point_said_negated_in_new_only_is_not_in_old(tmp_path: Path) -> None:
    """Review 78: a watched point NEW says negated, which OLD does not say at all, read
    "(OLD line ?; says the opposite ...)"."""
    a, b = tmp_path / "2025-04-01.txt", tmp_path / "2025-04-02.txt"
    a.write_text("A: We have nothing to add today.\n", "utf-8")
    b.write_text("A: We no longer uphold the rules-based international order.\n", "utf-8")
    points = tmp_path / "points.toml"
    points.write_text('[[point]]\nid = "p"\ntext = "uphold the rules-based international order"\n')
    code, out, err = run("diff", str(a), str(b), "--points", str(points))
    assert code == 0, err
    assert "  p  NEW line 1 (not in OLD; says the opposite: a negation put in or left out)" in out


@pytest.mark.parametrize(
    ("said", "score", "known"),
    [
        ("peace and stability in the region", 100.0, True),  # the text
        ("regional peace and stability", 100.0, True),  # an alias, word for word
        ("peace and stability in some regions", 88.0, False),  # other words
    ],
)
def test_old_says_an_archive_point_as_known_in_its_text_or_an_alias(
    said: str, score: float, known: bool
) -> None:
    """Review 78: OLD said an archive point in one of its aliases, word for word, and the
    point counted as not said "as the archive knows it": NEW's reordered parts were "0
    shifted" with ``--points INDEX``."""
    import datetime as dt

    from consistency.compare import _said_as_known
    from consistency.models import Occurrence, Point, PointResult, Role, Status

    point = Point("p", "peace and stability in the region", ("regional peace and stability",))
    status = Status.IDENTICAL if said == point.text else Status.SHIFTED
    occurrence = Occurrence(
        "p",
        "old",
        dt.date(2025, 4, 1),
        None,
        Role.OFFICIAL,
        said,
        0,
        len(said),
        1,
        1,
        score,
        said,
        status,
        said,
    )
    result = PointResult(point, (occurrence,), (), (), ())
    assert _said_as_known(result, "old") is known


def test_a_sentence_said_with_two_parts_swapped_is_rephrased(tmp_path: Path) -> None:
    """Review 97 (D5): "full respect for the UN Charter and the universally recognised
    norms of international law" said "... norms of international law and the UN Charter"
    was neither shifted nor rephrased: "0 rephrased, 1 new", the words it moved read as
    dropped and put in (similarity 80). A part moved counts as kept, less a word on each
    side: similarity 90, rephrased, the move shown."""
    was = (
        "Maria Zakharova: Any settlement must be based on full respect for the UN Charter "
        "and the universally recognised norms of international law. We will keep you informed."
    )
    now = (
        "Maria Zakharova: Any settlement must be based on full respect for the universally "
        "recognised norms of international law and the UN Charter. We will keep you informed."
    )
    code, out, err = diff_of(tmp_path, was, now)
    assert code == 0, err
    assert "1 rephrased (similarity >= 85), 0 new" in out, out
    assert "norms of international law {~and the UN Charter~}." in out, out
    # a sentence of other words in another order is none
    other = "Maria Zakharova: International law and the UN Charter must be respected by all."
    code, out, err = diff_of(tmp_path, was, other)
    assert "0 rephrased" in out, out


def test_a_shared_phrase_never_grows_over_a_question_the_narration_reports(
    tmp_path: Path,
) -> None:
    """Review 108 (F5): "Asked about the Prime Minister's plans for the {-weekend-}{+recess+},
    the PMOS said the diary would be set out in the usual way" was a shifted talking
    point: the shared answer grew over the journalist's words. They are none of the
    speaker's, in a plain diff as in every command."""
    code, out, err = diff_of(
        tmp_path,
        "Asked about the Prime Minister's plans for the weekend, the PMOS said the diary would "
        "be set out in the usual way.",
        "Asked about the Prime Minister's plans for the recess, the PMOS said the diary would "
        "be set out in the usual way.",
    )
    assert code == 0, err
    assert "0 shifted" in out and "{-weekend-}" not in out, out


def test_an_archive_point_grown_to_words_only_numbers_apart_is_no_shift(tmp_path: Path) -> None:
    """Review 110 (D3): `diff --points INDEX` showed "information, 39 Indian fishermen and
    {-3-}{+1+} boats are in custody at present" shifted: OLD said the point in its alias,
    NEW in its longer text, and the spans grown over the words around them differ in a
    number only, which the README calls no shift."""
    line = (
        "As per available information, 39 Indian fishermen and {} boats are in custody at present."
    )
    a, b = tmp_path / "2025-10-23.txt", tmp_path / "2025-10-30.txt"
    a.write_text(f"Official Spokesperson: {line.format(3)}\n", "utf-8")
    b.write_text(f"Official Spokesperson: {line.format(1)}\n", "utf-8")
    old, new = load_documents([str(a), str(b)])
    point = Point(
        "fishermen",
        "information, 30 Indian fishermen and 1 boats are in custody at present",
        tuple(f"Indian fishermen and {n} boats are in custody at present" for n in range(1, 7)),
    )
    c = compare(old, new, points=[point], source=ARCHIVE)
    assert [p.diff for p in c.points if p.change is PointChange.SHIFTED] == []


@pytest.mark.parametrize(
    ("was", "now"),
    [("馬紹爾群島", "吐瓦魯"), ("马绍尔群岛", "吐瓦鲁")],
    ids=["traditional", "simplified"],
)
def test_a_name_the_dictionary_lacks_for_another_is_the_same_phrase(
    tmp_path: Path, was: str, now: str
) -> None:
    """Review 111 (D1): "我國志工團目前在{-馬紹爾群島-}{+吐瓦魯+}服務" was a shifted talking
    point, where "{-瓜地馬拉-}{+日本+}" was the same: Taiwan's name for Tuvalu is none of
    jieba's dictionary, so no name. Opposite a name, a Chinese word the dictionary does
    not know stands for one."""
    said = "我國志工團目前在{}服務，已完成多項醫療計畫。外交部感謝友邦以具體行動支持臺灣。"
    assert_grown(tmp_path, "發言人", said.format(was), said.format(now), None)


@pytest.mark.parametrize(
    ("was", "now"),
    [("巴拉圭政府", "日本政府"), ("日本政府", "巴拉圭政府")],
    ids=["fused-new", "fused-old"],
)
def test_a_name_fused_with_the_word_after_it_is_the_same_phrase(
    tmp_path: Path, was: str, now: str
) -> None:
    """Review 113 (D4): "衷心感谢{-巴拉圭政府-}{+日本政府+}长期以来对中方立场的理解和坚定支持"
    was a shifted talking point, where 巴西政府 -> 美国政府 and 巴拉圭 -> 日本 were the
    same: jieba's dictionary holds 日本政府 as one word (an organisation) and not
    巴拉圭政府, so one side's run was a name and the word 政府, no name. Words one side
    says fused into its name are said on both sides."""
    said = "我们衷心感谢{}长期以来对中方立场的理解和坚定支持，并将持续深化双边合作。"
    assert_grown(tmp_path, "发言人", said.format(was), said.format(now), None)
    # a word that is no name beside them still makes it another phrase
    assert_grown(
        tmp_path,
        "发言人",
        said.format(was),
        said.format("日本人民"),
        "衷心感谢{-" + was + "-}{+日本人民+}长期以来",
    )


@pytest.mark.parametrize(
    ("was", "now", "kept", "shown"),
    [
        (
            "答：联合演训旨在提升协同作战能力和检验联合指挥效能，是年度计划内的例行安排。",
            "答：联合演训旨在检验联合指挥效能和提升协同作战能力，与地区形势无关。",
            "答：联合演训旨在提升协同作战能力和检验联合指挥效能，与地区形势无关。",
            "联合演训旨在{~检验联合指挥效能和~}提升协同作战能力",
        ),
        (
            "Spokesperson: We call for the release of all hostages and an immediate ceasefire "
            "in Gaza, as the Chancellor said on Monday.",
            "Spokesperson: Our demand is clear: an immediate ceasefire and the release of all "
            "hostages, and humanitarian access.",
            "Spokesperson: Our demand is clear: the release of all hostages and an immediate "
            "ceasefire, and humanitarian access.",
            "{~an immediate ceasefire and~} the release of all hostages",
        ),
    ],
    ids=["zh", "en"],
)
def test_the_parts_of_a_formula_swapped_in_other_sentences_are_a_move(
    tmp_path: Path, was: str, now: str, kept: str, shown: str
) -> None:
    """Review 116 (D2): "联合演训旨在{~检验联合指挥效能和~}提升协同作战能力" was two phrases
    "repeated the same", each part of the formula said in both, the sentences around them
    otherwise different (also review 100 D5, review 97 P6, review 108: every planted swap
    of a plain diff's day pairs). A phrase said the same, grown over another part of its
    formula NEW says on its other side, is a move; the parts in the same order are none."""
    code, out, err = diff_of(tmp_path, was, now)
    assert code == 0, err
    assert "1 shifted" in out and shown in out, out
    code, out, err = diff_of(tmp_path, was, kept)
    assert code == 0, err
    assert "0 shifted" in out, out


def test_a_list_item_dropped_before_the_words_the_carriers_part_on_is_a_shift(
    tmp_path: Path,
) -> None:
    """Review 116 (D1): "中国军队愿同各国军队加强交流、{-深化互信、-}拓展合作" was "repeated the
    same" where the two briefings said the formula in other carriers, one ending the
    sentence after it, the other going on: aligned by fewest edits, the words past the
    change ("拓展合作") were read as replaced by NEW's next words, tied with the drop. The
    words two briefings share past a change are aligned as shared."""
    code, out, err = diff_of(
        tmp_path,
        "答：我们始终认为，中国军队愿同各国军队加强交流、深化互信、拓展合作。泰国同中国有着传统友谊。",
        "答：中国军队愿同各国军队加强交流、拓展合作，共同维护地区和平稳定。柬埔寨同中国有着传统友谊。",
    )
    assert code == 0, err
    assert "中国军队愿同各国军队加强交流、{-深化互信、-}拓展合作" in out, out


def test_a_date_in_chinese_numerals_is_a_number(tmp_path: Path) -> None:
    """Review 118 (B2): "以下是行政长官今日（{-四月二十九日-}{+五月六日+}）上午出席行政会议前
    会见传媒的谈话内容" was a shift in every diff of a Chief Executive's sessions: a date
    in numerals is a date, as "29 April" is; a count in numerals stays a word (above)."""
    said = "行政长官：以下是行政长官今日（{}）上午出席行政会议前会见传媒的谈话内容。谢谢。"
    code, out, err = diff_of(tmp_path, said.format("四月二十九日"), said.format("五月六日"))
    assert code == 0, err
    assert "0 shifted" in out, out


def test_one_move_is_shown_once(tmp_path: Path) -> None:
    """Review 112 (D5): two pieces of one formula, each grown to the move of its parts,
    were two shifted talking points with the same diff."""
    code, out, err = diff_of(
        tmp_path,
        "Spokesperson: We call for full respect for international humanitarian law and "
        "international human rights law in all circumstances. The Minister met his "
        "counterpart on Monday.",
        "Spokesperson: We call for full respect for international human rights law and "
        "international humanitarian law in all circumstances. The Minister met his "
        "counterpart on Monday.",
    )
    assert code == 0, err
    assert "1 shifted" in out, out


@pytest.mark.parametrize(
    ("was", "now"),
    [("一个中国原则", "两个中国原则"), ("今天我有三项信息", "今天我有两项信息")],
    ids=["one-china", "a-count"],
)
def test_a_count_in_chinese_numerals_is_a_word_of_the_phrase(
    tmp_path: Path, was: str, now: str
) -> None:
    """Review 113 (D1): read as numbers, Chinese counts made "坚持{-一个-}{+两个+}中国原则"
    ("one China" for "two Chinas") repeated the same, and the gate passed it. A count in
    numerals is a word of the phrase, as English numbers in words are ("one country, two
    systems"): a filler's "{-三项-}{+两项+}" is shifted too (README, Limits)."""
    said = "发言人：我们坚持{}，这一立场不会改变。各位记者朋友，下午好。"
    code, out, err = diff_of(tmp_path, said.format(was), said.format(now))
    assert code == 0, err
    assert "1 shifted" in out, out


def test_a_shift_grown_in_chinese_starts_on_a_word(tmp_path: Path) -> None:
    """Review 122 (D1): "番讲话{-自相矛盾-}{+刻意挑衅+}，岛内舆论也普遍不以为然" began inside
    这番 ("this [speech]"), a word jieba's dictionary lacks and cuts into 这 and 番: the
    function word went from the phrase's edge and left its other half there."""
    said = (
        "韩立宁：各位记者朋友，大家上午好！\n\n记者：台湾地区领导人近日发表讲话，请问对此有何评论？"
        "\n\n韩立宁：这番讲话{}，岛内舆论也普遍不以为然。奉劝台湾当局不要在错误的道路上越走越远。"
    )
    code, out, err = diff_of(tmp_path, said.format("自相矛盾"), said.format("刻意挑衅"))
    assert code == 0, err
    assert "这番讲话{-自相矛盾-}{+刻意挑衅+}，岛内舆论也普遍不以为然" in out, out


@pytest.mark.parametrize("counted", [False, True], ids=["formula-s-number", "a-count"])
def test_a_number_an_archive_s_formula_always_says_is_its_wording(
    tmp_path: Path, counted: bool
) -> None:
    """Reviews 120, 122, 124, 125: `diff --points archive.db` put "the {-12-}{+14+}
    principles of the Moscow declaration" under "Repeated the same", where `check` against
    the same archive reported it: a wording only numbers apart is the same, a count or a
    date. A number the archive's point says in every wording it lists is its own; a count
    that changes in the archive stays no shift."""
    archive = tmp_path / "archive"
    archive.mkdir()
    said = (
        "Spokeswoman: The draft is fully in line with the {} principles of the Moscow "
        "declaration on a fair world order, which we consider the basis for any talks. "
        "The Minister will travel to {} next week.\n"
    )
    places = ["Cairo", "Lima", "Hanoi", "Delhi", "Quito", "Dakar"]
    for day, place in enumerate(places, start=1):
        (archive / f"2025-01-0{day}.txt").write_text(
            said.format(day + 5 if counted else 12, place), encoding="utf-8"
        )
    db = tmp_path / "archive.db"
    assert run("-q", "index", str(archive), "--db", str(db))[0] == 0
    new = tmp_path / "2025-01-09.txt"
    new.write_text(said.format(14, "Baku"), encoding="utf-8")
    old = archive / ("2025-01-06.txt")
    code, out, err = run("diff", str(old), str(new), "--points", str(db))
    assert code == 0, err
    change = "{-11-}{+14+}" if counted else "{-12-}{+14+}"
    assert (change in out.split("Rephrased sentences")[0]) is not counted, out
