"""Extraction against the gold tables (tests/gold/*.tsv), plus the F1 floor gate.

Each row is one case; known failures carry their reason in the table and run as strict
xfails, so a fix shows up as XPASS and the reason gets removed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from fake_gazetteer import gazetteer

from pipeline.records import Status

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD_TABLES = (
    "extract_sentences.tsv",
    "extract_holdout.tsv",
    "heldout_lead.tsv",
    "extract_blind.tsv",
    "extract_blind2.tsv",
    "extract_blind3.tsv",
    "extract_blind4.tsv",
    "extract_blind5.tsv",
    "extract_blind6.tsv",
    "extract_blind7.tsv",
    "extract_blind8.tsv",
    "extract_blind9.tsv",
    "extract_blind10.tsv",
    "extract_blind11.tsv",
    "extract_blind12.tsv",
    "extract_blind13.tsv",
    "extract_blind14.tsv",
    "extract_blind15.tsv",
    "extract_blind16.tsv",
    "extract_blind17.tsv",
    "extract_blind18.tsv",
    "extract_blind19.tsv",
    "extract_blind20.tsv",
    "extract_blind21.tsv",
    "extract_blind22.tsv",
    "extract_blind23.tsv",
    "extract_blind24.tsv",
    "extract_blind25.tsv",
    "extract_blind26.tsv",
    "extract_blind27.tsv",
    "extract_blind28.tsv",
    "extract_blind29.tsv",
    "extract_blind30.tsv",
    "extract_blind31.tsv",
    "extract_blind32.tsv",
    "extract_blind33.tsv",
    "extract_blind34.tsv",
    "extract_blind35.tsv",
    "extract_blind36.tsv",
    "extract_blind37.tsv",
    "extract_blind38.tsv",
    "extract_blind39.tsv",
    "extract_blind40.tsv",
    "extract_blind41.tsv",
    "extract_blind42.tsv",
    "extract_blind43.tsv",
    "extract_blind44.tsv",
    "extract_blind45.tsv",
    "extract_blind46.tsv",
    "extract_blind47.tsv",
    "extract_blind48.tsv",
    "extract_blind49.tsv",
    "extract_blind50.tsv",
    "extract_blind51.tsv",
    "extract_blind52.tsv",
    "extract_blind53.tsv",
    "extract_blind54.tsv",
    "extract_blind55.tsv",
    "extract_blind56.tsv",
    "extract_blind57.tsv",
    "extract_blind58.tsv",
    "extract_blind59.tsv",
    "extract_blind60.tsv",
    "extract_blind61.tsv",
    "extract_blind62.tsv",
    "extract_blind63.tsv",
    "extract_blind64.tsv",
    "extract_blind65.tsv",
    "extract_blind66.tsv",
    "extract_blind67.tsv",
    "extract_blind68.tsv",
    "extract_blind69.tsv",
    "extract_blind70.tsv",
    "extract_blind71.tsv",
    "extract_blind72.tsv",
    "extract_blind73.tsv",
    "extract_blind74.tsv",
    "extract_blind75.tsv",
    "extract_blind76.tsv",
    "extract_blind77.tsv",
    "extract_blind78.tsv",
    "extract_blind79.tsv",
    "extract_blind80.tsv",
    "extract_blind81.tsv",
    "extract_blind82.tsv",
    "extract_blind83.tsv",
    "extract_blind84.tsv",
    "extract_blind85.tsv",
    "extract_blind86.tsv",
    "extract_blind87.tsv",
    "extract_blind88.tsv",
    "extract_blind89.tsv",
    "extract_blind90.tsv",
    "extract_blind91.tsv",
    "extract_blind92.tsv",
    "extract_blind93.tsv",
    "extract_blind94.tsv",
    "extract_blind95.tsv",
    "extract_blind96.tsv",
    "extract_blind97.tsv",
    "extract_blind98.tsv",
    "extract_blind99.tsv",
    "extract_blind100.tsv",
    "extract_blind101.tsv",
    "extract_blind102.tsv",
    "extract_blind103.tsv",
    "extract_blind104.tsv",
    "extract_blind105.tsv",
    "extract_blind106.tsv",
    "extract_blind107.tsv",
    "extract_blind108.tsv",
)


def _load_eval():
    spec = importlib.util.spec_from_file_location(
        "eval_extract", REPO / "benchmarks" / "eval_extract.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_extract", module)
    spec.loader.exec_module(module)
    return module


EVAL = _load_eval()
GAZETTEER = gazetteer()
CASES = [case for table in GOLD_TABLES for case in EVAL.read_gold(GOLD_DIR / table)]

# Pinned at what the extractor reaches on all tables combined, rounded down: lower only with a
# reason. The blind tables' first-run scores (benchmarks/README.md) are the honest estimate of
# unseen performance; these floors only stop regressions on cases already studied.
# Captured F1 went from 1.00 to 0.99 only because extract_blind4.tsv brought three captures
# the extractor misses (strict xfails: a text table, a fronted province with unnamed districts).
# Retaken F1 (1.00 to 0.98) and date accuracy (0.99 to 0.98) went down only because
# extract_blind5.tsv brought a retake in a "before ... two days later" clause (c5_010), an
# operation to retake read as a retake (c5_014) and two days counted from a day named in an
# earlier sentence (c5_001, c5_014), all strict xfails; the seven earlier tables keep 1.00 / 0.99.
# extract_blind6.tsv (88 cases, 19 strict xfails) lowered every figure: its false captures
# (fighting inside a city read as its capture: s022, s041, s064) take captured precision below
# 1.00, and its missed contests (s023, s075, s086) and date phrases ('last weekend', a day named
# in an earlier sentence) the rest. The floors are the combined figures with blind6 (after the
# fixes for fronted years, retracting editor's notes, "no fighting inside" and "the previous
# day"), rounded down; the earlier tables alone keep theirs.
# Round 7 (buildings taken while a city holds, relative clauses, recent months, sieges without an
# assault, datelines and "a day after" counted from an earlier sentence) and extract_blind7.tsv
# (90 cases, 21 strict xfails) moved them again: contested, retaken and date accuracy went up to
# the new combined figures; claimed F1 went down to 0.96 only because blind7 brought claims the
# extractor misses (a spokesman's "were both in the group's hands", an unresolved spelling).
# extract_blind8.tsv (72 whole articles, 21 strict xfails) lowered captured F1 to 0.979 and
# precision to 0.986 (a bullet summary and a fled-to-the-airport sentence read as captures, a
# prison seized in a city said to hold in the next sentence), contested to 0.954 (air strikes
# and "surrounded by Taliban-held districts" read as fighting; fighting in quoted denials
# missed) and retaken to 0.985 (a headline "battle to retake", "cleared" a city that never fell).
# extract_blind9.tsv (70 cases in the English of Afghan outlets, 21 strict xfails) lowered
# captured F1 to 0.965 (districts lost in lists and counts, captures in pronoun chains two
# sentences on), claimed to 0.955 and contested to 0.948 (clearance operations, fighting in
# 'where' clauses); captured precision to 0.980 (quoted Taliban claims, a quoted threat).
# extract_blind10.tsv (64 cases about provincial capitals, 11 strict xfails) lowered retaken to
# 0.975 (a counter-offensive "to retake the city" named before read as a retake, a factbox's
# "retook it four days later" after a semicolon missed).
# extract_blind11.tsv (55 cases: captures told sentences after the capital is named, 24 strict
# xfails) lowered contested to 0.929 and retaken to 0.969 (fighting and falls told in later
# sentences, "cleared" a city that never fell) and date accuracy to 0.979 (falls dated on or
# before the article date when a later sentence gives the day).
# Round 12 (falls and fighting told a few sentences after the place, "within hours", sieges with
# no fighting as no event) raised contested to 0.932 and date accuracy to 0.983. Then
# extract_blind12.tsv (44 whole wire articles, 11 strict xfails) and extract_blind13.tsv (97
# cases in the voices of LWJ, VOA, Afghan outlets and both sides' statements, 31 strict xfails)
# lowered captured F1 to 0.955 (unnamed districts counted per province, wire datelines, reports
# credited to several sources read as claims), claimed to 0.932 (confirmations and denials in the
# next sentence, the group's "liberated") and retaken to 0.950 ("cleared" places never said to
# have fallen, a retake the writer calls false, a future operation "to retake").
# Rounds 13-14 (districts counted per province, confirmations in the next sentence, the two
# sides' vocabularies, fighting in "where" clauses, factbox headings, hedges such as "may have")
# raised captured F1 to 0.962, claimed to 0.952 and date accuracy to 0.985 with
# extract_blind14.tsv (32 whole articles, 15 strict xfails) and extract_blind15.tsv (122 short
# cases over the whole range of phrasing, 10 strict xfails) included. Retaken went down to 0.950
# with blind14's retakes of buildings in a city still held, background retakes read as news and
# a government push into a held city (f018, f021, f012).
# Round 15 (date chains across sentences, "By dawn", "N days after the assault began", falls
# handed over or left "to the insurgents" told later) with extract_blind16.tsv (26 whole
# articles, 8 strict xfails) and extract_blind17.tsv (82 passages whose events are spread over
# sentences, 19 strict xfails) kept the F1s (captured 0.963, claimed 0.966, contested 0.936,
# retaken 0.953) and lowered date accuracy to 0.977: blind17's chains count from days the
# extractor does not follow ("48 hours after the assault began" told after another event,
# "ten days after it was overrun" in a retake's sentence).
# Rounds 15b-h then extract_blind18.tsv (28 whole articles on capitals, 12 strict xfails) and
# extract_blind19.tsv (110 hard short phrasings, 35 strict xfails after round 15i)
# lowered captured F1 to 0.957 and claimed to 0.953: gapped coordination, verbless lists,
# quotes that carry the event ("There is no government in Nerkh any more"), unnamed districts
# counted per province, "It was not clear whether X had fallen".
# Round 16 (claims told through denials, air strikes alone as no event, weekends, factbox items,
# quoted verbs, date chains in undated articles) with extract_blind20.tsv (28 whole articles of
# many shapes, 16 strict xfails) and extract_blind21.tsv (98 excerpts on dates and on captured
# versus claimed, 17 strict xfails) raised captured F1 to 0.962 and claimed to 0.959 and lowered
# date accuracy to 0.970 (just under 0.97): blind21 dates by Eid, "within 24 hours" and "the eve
# of Saturday's talks", which the extractor did not resolve then. Round 16d (Eid and "the eve of"
# dates through hijridate, history in undated articles, fighting for a capital beside the fall of
# a district, locators "on the edge of") with extract_blind22.tsv (28 whole wire articles, 3
# strict xfails) and extract_blind23.tsv (106 precision traps, 3 strict xfails) brought them to
# captured 0.979/0.947/0.963, claimed 0.961, contested 0.946, retaken 0.954, dates 0.974.
# Rounds 16e-g (the group's own statements as claims, "by nightfall", "hours after", "Since
# LWJ's last update on July 22", buildings won in a fight for a capital, "half of it") with
# extract_blind24.tsv (30 whole wire articles, 14 strict xfails) and extract_blind25.tsv (30
# articles of Afghan outlets, ministries, the group and aid agencies, 15 strict xfails): all
# 2,294 cases score captured 0.984/0.944/0.964, claimed 0.954, contested 0.940, retaken 0.954,
# dates 0.976; the floors stand. Round 16h with extract_blind26.tsv (30 whole international
# wire and newspaper articles, 12 strict xfails) and extract_blind27.tsv (111 short cases over
# the whole range, 16 strict xfails): all 2,441 cases score captured 0.982/0.943/0.962,
# claimed 0.951, contested 0.941, retaken 0.953, dates 0.976; the floors stand. Rounds 16i-k
# with extract_blind28.tsv (30 whole wire and Afghan-outlet articles, 10 strict xfails) and
# extract_blind29.tsv (30 whole articles, the same events told by several outlets, 8 strict
# xfails): all 2,513 cases score captured 0.983/0.948/0.965, claimed 0.953, contested 0.941,
# retaken 0.951, dates 0.977; the floors stand. Round 16l (a distance is never the scene, "of
# the 1990s, when", "highway north of Kabul"): 2,516 cases, captured 0.985/0.948/0.966.
# Rounds 17a-c (counts forward from a named day, the national capital's speakers, handovers
# with an object before "over to") with extract_blind30.tsv (30 whole wire and Afghan-outlet
# articles, 9 strict xfails), extract_blind31.tsv (30 articles of Afghan outlets, ministries,
# the group and aid agencies, 12 strict xfails) and extract_blind32.tsv (110 short cases, 8
# strict xfails): all 2,711 cases score captured 0.985/0.949/0.967, claimed 0.9496, contested
# 0.941, retaken 0.955, dates 0.976. The claimed floor moves from 0.95 to 0.945: no case that
# passed before fails (the per-case diff is empty); the pool took in tables 30-31's first-run
# claim misses (claimed F1 0.87 on each), which stay as strict xfails until fixed.
# Round 18 (weekday and calendar date in apposition, the day of the saying never beating the
# event's own, "the same day", "joined the Islamic Emirate", the government's acronyms, attempts
# to retake) fixed 15 of tables 28-32's failures and added 25 dev cases: all 2,736 cases score
# captured 0.986/0.950/0.968, claimed 0.952, contested 0.945, retaken 0.957, dates 0.979, and
# the claimed floor is back at 0.95. With extract_blind33.tsv (30 whole articles of 2015-2019
# on earlier offensives, first run 0.909/0.952/0.930, 4 strict xfails) and round 18b ("a year
# after", "changed hands several times", a headline's "drive out" read with the whole article):
# all 2,770 cases score captured 0.987/0.950/0.968, claimed 0.951, contested 0.946, retaken
# 0.958, dates 0.979. With extract_blind34.tsv (30 whole articles of May - early August 2021,
# first run 0.950/1.000/0.974, claims 1.00, 3 strict xfails) and round 18c ("since 2016,"
# fronted, families moving into a city, "conquered by the mujahideen", a live blog's
# correction, "X, Taliban claim Y" in a headline): all 2,805 cases score captured
# 0.987/0.951/0.969, claimed 0.952, contested 0.947, retaken 0.960, dates 0.979. With
# extract_blind35.tsv (30 articles of Afghan outlets, ministries, the group and aid agencies,
# first run 0.958/0.920/0.939, claims 0.875, 4 strict xfails) and round 18d ("Yesterday
# (Sunday)," fronted over an "after" clause, "the enemy" as the group in ministry copy and as
# the government in the group's, a quoted phrase of several words is the speaker's own, "the
# government in Kabul" speaks, surrenders to ANDSF, "evacuated the district centre", a feast
# beside its calendar date): all 2,846 cases score captured 0.987/0.953/0.970, claimed 0.954,
# contested 0.947, retaken 0.961, dates 0.979. With extract_blind36.tsv (110 short precision
# traps and hard dates, first run 0.909/0.930/0.920, claims 0.667, dates 1.00, 2 strict xfails)
# and round 18e (people and vehicles captured are no place, inverted conditions, "A year ago
# today,", relative clauses told in the reporter's voice, a quote's "yesterday" counted from
# the day it was said, a claim before its confirmation, districts counted in a region): all
# 2,967 cases score captured 0.988/0.954/0.971, claimed 0.955, contested 0.947, retaken 0.961,
# dates 0.979.
# Round 18f ("in the area" points back to the place named before, never the seat of
# government): all 2,970 cases score captured 0.988/0.954/0.971, claimed 0.955, contested
# 0.948, retaken 0.961, dates 0.979.
# With extract_blind38.tsv (30 whole articles in hard shapes: LWJ updates, live blogs,
# explainers, transcripts, galleries; first run 0.891/0.953/0.921, 5 strict xfails) and round
# 18g ("in the past fortnight", a day before "when", "still in the hands of the enemy", a live
# blog's correction takes back the fall it names): all 3,006 cases score captured
# 0.986/0.955/0.970, claimed 0.955, contested 0.948, retaken 0.962, dates 0.980.
# With extract_blind37.tsv (25 long whole wire and newspaper articles, first run
# 1.000/0.956/0.977, claims 1.00, contested 0.943, dates 0.953, 4 strict xfails) and round 18h
# ("the border town that fell", "cleared the outskirts of", a bombing or an attack on a home is
# no fight for the place, the group's fighting with no day of its own is the fight for the
# change): all 3,036 cases score captured 0.986/0.955/0.970, claimed 0.956, contested 0.950,
# retaken 0.963, dates 0.979.
# With extract_blind39.tsv (100 short cases on the lines between the statuses, first run
# 0.977/1.000/0.988, claims 0.915, contested 0.788, 14 strict xfails) and round 18i (fighting
# for another named place of a province beside a capture there, a denial does not reach a new
# report after it, "repelled an attempt to recapture", "clashes between A and B ... in X",
# "cleared" a place that never fell, a saying in another clause is not the cue's source, a
# claim and a capture of one place from two sources, "spread to"): all 3,142 cases score
# captured 0.987/0.956/0.971, claimed 0.957, contested 0.951, retaken 0.964, dates 0.979.
# With extract_blind40.tsv (30 whole articles: undated, back-references, lists, quotes, variant
# spellings; first run 1.000/0.881/0.937, claims, retakes and dates 1.00, 2 strict xfails) and
# round 18j (a list of places after a lead's colon shares its event, "9 of Badakhshan's 28
# districts", a count beside the sentence's other events, a city's police districts are no
# tally): all 3,177 cases score captured 0.987/0.957/0.972, claimed 0.957, contested 0.953,
# retaken 0.965, dates 0.980.
# extract_blind41.tsv (20 whole articles of 2021) ran once on the session's final tree:
# 1.000/1.000/1.000, claims 1.00, contested 0.955, retaken 0.952, dates 1.00; its 3 failures
# are strict xfails, not fixed. All 3,197 cases score captured 0.988/0.958/0.972, claimed 0.958,
# contested 0.953, retaken 0.965, dates 0.980.
# Eighth session: tables 42-44 and 46-50 (whole articles in outlets used little, the siege
# phase, article dates of 1995-2001 and 2015-2017, short traps, the English of Afghan outlets
# and ministries, hard shapes, wire dates, retakes), each run once on a committed tree before
# its round (19a-19j), and table 45 (24 whole articles of late July - early August 2021) run
# once on the final tree: 0.974/1.000/0.987, claims 1.00, contested 0.986, retaken 0.909, dates
# 0.974; four of its five failures are strict xfails, unfixed (the fifth, a person "returned to
# the northern city", was a false retake from round 19j and is fixed). Then tables 51 (Afghan
# outlets' fighting and dates; first run 1.000/0.958/0.979) and 52 (24 whole wire articles of
# late July - early August; first run 1.000/0.914/0.955, claims and retakes 1.00) with round 19k.
# All 3,766 cases score captured 0.986/0.958/0.972, claimed 0.958, contested 0.955, retaken
# 0.966, dates 0.981 (the session's start tree scores 0.965/0.953/0.959, 0.949, 0.938, 0.936,
# 0.975 on the same cases).
# Ninth session: tables 53-56 (scraped and truncated whole articles, analysis copy that counts
# and maps, Afghan outlets' claims and their reprints, short captured / claimed / contested
# traps), each run once on the session's start tree, then round 20a. All 3,958 cases score
# captured 0.987/0.958/0.972, claimed 0.958, contested 0.957, retaken 0.965, dates 0.981 (the
# start tree: 0.979/0.957/0.968, 0.958, 0.954, 0.964, 0.980).
# Twelfth session: tables 63 (22 scraped whole articles with debris, corrections, a live blog
# and machine-translated copy; first run 0.960/1.000/0.980, claims and retakes 1.00, contested
# 0.976) and 64 (96 short excerpts in the widest spread of verbs, denials and traps; first run
# 0.979/0.979/0.979, claims 0.947, contested 0.897, retaken 0.952), each run once on a
# committed tree, then round 23a. All 4,519 cases score captured 0.986/0.961/0.973, claimed
# 0.961, contested 0.958, retaken 0.969, dates 0.981 (the start tree: 0.985/0.961/0.973, 0.959,
# 0.957, 0.968, 0.981).
# Thirteenth session: tables 65 (20 whole articles: roundups, explainers with timelines,
# reprints, op-eds, truncated copy; first run 0.947/0.947/0.947, claims 0.941, contested 0.968,
# retaken 1.00, dates 0.917) and 66 (98 excerpts built around dates and sequences told across
# sentences; first run 0.959/0.959/0.959, claims 1.00, contested 0.900, retaken 0.971, dates
# 0.930), each run once on a committed tree, then round 24. All 4,675 cases score captured
# 0.986/0.961/0.974, claimed 0.963, contested 0.958, retaken 0.969, dates 0.981 (the start
# tree: 0.980/0.961/0.971, 0.959, 0.958, 0.969, 0.977).
# Fourteenth session: round 25a on table 66's known gaps, then tables 67 (22 whole wire stories:
# write-throughs, live pages, tallies, falls told through what followed, truncated copy; first
# run 1.000/0.963/0.981, claims and retakes 1.00, contested 0.976, dates 0.962) and 68 (106
# short items in Afghan outlets' English, official statements and bare headlines; first run
# 0.976/1.000/0.988, claims 0.947, contested 0.885, retaken 0.900, dates 1.00), each run once
# on a committed tree, then round 25b. All 4,832 cases score captured 0.987/0.962/0.974, claimed
# 0.963, contested 0.960, retaken 0.971, dates 0.983 (the start tree: 0.985/0.962/0.973, 0.962,
# 0.955, 0.968, 0.980).
# Fifteenth session: round 26a, then tables 69 (21 whole articles as analysts get them: reprints
# with their furniture, analysis, interviews, transcripts, truncated and scrambled copy; first
# run 0.966/0.966/0.966, claims and retakes 1.00, contested 0.895, dates 0.929) and 70 (112
# short wire items built around hard sentence shapes; first run 0.926/0.913/0.920, claims 0.889,
# contested 0.857, retaken 0.867, dates 0.968), each run once on a committed tree, then round
# 26b. All 4,987 cases score captured 0.986/0.962/0.974, claimed 0.964, contested 0.959,
# retaken 0.972, dates 0.983 (the start tree: 0.985/0.960/0.972, 0.963, 0.958, 0.968, 0.980).
# Sixteenth session: round 27a, then tables 71 (20 whole articles from regional English-language
# outlets, ministry and Taliban statements, round-ups, timelines, a translation; first run
# 0.893/1.000/0.943, claims 0.909, contested 0.955, retaken 1.00, dates 0.840) and 72 (119
# social-media posts, bare headlines, flashes and kills, monitoring summaries; first run
# 0.864/0.927/0.894, claims 0.848, contested 0.928, retaken 0.960, dates 0.842), each run once
# on a committed tree, then round 27b. All 5,162 cases score captured 0.987/0.964/0.975, claimed
# 0.963, contested 0.960, retaken 0.973, dates 0.983 (the start tree: 0.981/0.960/0.970, 0.960,
# 0.958, 0.971, 0.979).
# Seventeenth session: round 28a, then tables 73 (21 whole articles of a fast offensive: several
# capitals in one story, reprints, LWJ and AAN counts; first run 1.000/0.771/0.871, claims 0.857,
# contested 0.870, retaken 0.889, dates 0.889) and 74 (108 excerpts on who says so and how sure;
# first run 0.894/0.933/0.913, claims 0.848, contested 0.821, retaken 0.952, dates 1.00), each
# run once on a committed tree, then round 28b. All 5,312 cases score captured 0.987/0.964/0.975,
# claimed 0.960, contested 0.958, retaken 0.971, dates 0.983 (the start tree: 0.985/0.957/0.971,
# 0.959, 0.955, 0.971, 0.981).
# Eighteenth session: rounds 29a and 29b, then tables 75 (24 whole articles in thirteen outlets'
# house styles, a third undated; first run 1.000/0.971/0.986, claims 1.00, contested 0.986,
# retaken 1.00, dates 1.00) and 76 (110 excerpts on counter-offensives, reversals and time words;
# first run 0.970/0.985/0.977, claims 1.00, contested 0.851, retaken 0.944, dates 0.985), each
# run once on a committed tree, then round 29c. All 5,466 cases score captured 0.987/0.966/0.976,
# claimed 0.962, contested 0.960, retaken 0.972, dates 0.983 (the start tree: 0.986/0.964/0.975,
# 0.959, 0.957, 0.969, 0.983).
# Nineteenth session: tables 77 (24 whole articles in formats beyond the news story: live blogs,
# think-tank briefs, explainers, opinion, translated local reports; first run captured
# 0.914/0.941/0.928, claims 0.938, contested 0.923, retaken 1.00, dates 0.938) and 78 (110
# excerpts on who says so and how sure; first run 0.951/0.951/0.951, 0.930, 0.964, 0.941, 0.949),
# each run once on a committed tree, then round 30. All 5,618 cases score captured
# 0.987/0.966/0.977, claimed 0.963, contested 0.960, retaken 0.972, dates 0.983 (the start
# tree: 0.986/0.965/0.975, 0.960, 0.959, 0.972, 0.981).
# Twentieth session: tables 79 (24 whole articles of a fast offensive in wire and Afghan-outlet
# styles; first run captured 0.964/1.000/0.981, claims 0.970, contested 0.961, retaken 1.00,
# dates 1.000) and 80 (110 excerpts built around time words; first run 0.976/0.976/0.976, 0.941,
# 0.925, 0.963, dates 0.887), each run once on a committed tree, then round 31. All 5,788 cases
# score captured 0.990/0.968/0.979, claimed 0.963, contested 0.962, retaken 0.972, dates 0.983
# (the start tree: 0.984/0.965/0.975, 0.962, 0.956, 0.971, 0.980).
# Twenty-first session: tables 81 (24 whole articles of the district war of May-July; first run
# captured 0.950/0.950/0.950, claims 1.00, contested 1.00, retaken 0.971, dates 0.974) and 82
# (110 excerpts on who says so; first run 0.889/0.930/0.909, 0.886, 0.916, 0.909, dates 1.000),
# each run once on the committed start tree, then round 32. All 5,940 cases score captured
# 0.990/0.968/0.979, claimed 0.961, contested 0.962, retaken 0.972, dates 0.984 (the start
# tree: 0.988/0.966/0.977, 0.960, 0.962, 0.971, 0.982).
# Twenty-second session: tables 83 (24 whole articles of late July and early August, built
# around dates; first run captured 0.970/0.970/0.970, claims 1.00, contested 0.976, retaken
# 1.00, dates 0.969) and 84 (110 excerpts on the line between fighting, falls and retakes; first
# run 0.915/1.000/0.956, 0.941, 0.882, 0.963, dates 1.000), each run once on the committed start
# tree, then round 33. All 6,090 cases score captured 0.990/0.968/0.979, claimed 0.962,
# contested 0.962, retaken 0.972, dates 0.984 (the start tree: 0.988/0.968/0.978, 0.962, 0.959,
# 0.972, 0.983).
# Twenty-third session: tables 85 (20 long whole articles; first run captured 1.000/0.950/0.974,
# claims 0.909, contested 0.970, retaken 1.00, dates 0.947), 86 (110 excerpts built around
# places; 0.969/1.000/0.984, 0.960, 1.00, 1.00, dates 1.000) and 87 (110 excerpts on claims and
# who says so; 0.953/0.932/0.943, 0.868, 0.951, 0.966, dates 1.000), each run once on the
# committed start tree, then round 34. All 6,347 cases score captured 0.990/0.969/0.980, claimed
# 0.961, contested 0.963, retaken 0.972, dates 0.984 (the start tree: 0.987/0.968/0.977, 0.957,
# 0.962, 0.972, 0.984).
# Twenty-fourth session: tables 88 (20 whole articles in rolling and summary formats: live pages,
# digests, briefings, transcripts; first run captured 0.844/1.000/0.915, claims 0.867, contested
# 0.926, retaken 0.923, dates 0.963), 89 (110 excerpts built around when; 1.000/0.971/0.985,
# 0.909, 0.944, 0.933, dates 0.955) and 90 (110 excerpts on where the fight stands;
# 0.976/0.953/0.965, 0.947, 0.925, 0.938, dates 1.000), each run once on the committed start
# tree, then round 35. All 6,619 cases score captured 0.991/0.970/0.981, claimed 0.961,
# contested 0.963, retaken 0.972, dates 0.985 (the start tree: 0.988/0.968/0.978, 0.959, 0.960,
# 0.969, 0.983).
# Twenty-fifth session: tables 91 (20 whole articles: wire copy and its reprints; first run
# captured 0.909/0.952/0.930, claims 1.000, contested 1.000, retaken 1.000, dates 0.950), 92 (110
# excerpts on who says so; 1.000/0.870/0.931, 0.976, 0.981, 0.947, dates 0.957) and 93 (110
# excerpts on which province; 0.985/1.000/0.993, 1.000, 0.968, 1.000, dates 1.000), each run once
# on the committed start tree, then round 36. All 6,885 cases score captured 0.991/0.971/0.981,
# claimed 0.962, contested 0.964, retaken 0.972, dates 0.987 (the start tree: 0.990/0.968/0.979,
# 0.962, 0.963, 0.972, 0.984).
# Then tables 94 (20 whole articles: tallies, timelines, explainers, editorials; first run
# captured 0.971/0.944/0.958, claims 1.000, contested 0.943, retaken 0.917, dates 1.000), 95 (110
# excerpts naming many places at once; 0.989/0.920/0.953, 1.000, 0.931, 0.970, dates 0.924) and
# 96 (110 excerpts on tense, time and state; 0.926/0.820/0.870, 0.857, 0.818, 0.917, dates
# 0.900), each run once on the round-36 tree, then round 37. All 7,172 cases score captured
# 0.992/0.971/0.981, claimed 0.962, contested 0.965, retaken 0.974, dates 0.988 (the round-36
# tree: 0.989/0.966/0.977, 0.961, 0.960, 0.970, 0.983).
# Then tables 97 (20 whole articles: provincial capitals falling in quick succession; first run
# captured 0.979/0.979/0.979, claims 0.941, contested 0.955, retaken 0.875, dates 0.935), 98
# (110 excerpts on who took it and how; 1.000/0.982/0.991, 0.833, 0.918, 0.909, dates 0.964) and
# 99 (110 excerpts of translated and official English; 0.977/0.955/0.966, 0.938, 0.969, 1.000,
# dates 0.952), each run once on the round-37 tree, then round 38. All 7,432 cases score
# captured 0.992/0.971/0.981, claimed 0.963, contested 0.966, retaken 0.975, dates 0.988 (the
# round-37 tree: 0.991/0.970/0.981, 0.959, 0.963, 0.972, 0.986).
# Then tables 100 (110 excerpts inside the city; first run captured 0.810/0.944/0.872, claims
# 0.941, contested 0.917, retaken 0.750, dates 1.000) and 101 (110 dense news briefs;
# 0.989/0.968/0.979, 0.986, 0.953, 0.986, dates 0.989), each run once on the round-38 tree, then
# round 39. All 7,660 cases score captured 0.991/0.971/0.981, claimed 0.964, contested 0.966,
# retaken 0.976, dates 0.988 (the round-38 tree: 0.990/0.971/0.980, 0.964, 0.964, 0.973, 0.988).
# Twenty-sixth session: tables 102 (20 whole articles of Afghan outlets in translation and their
# aggregators; first run captured 0.952/1.000/0.976, claims 0.960, contested 0.913, retaken
# 0.706, dates 1.000), 103 (110 excerpts on how sure; 0.979/0.940/0.959, 0.920, 0.893, 0.903,
# dates 0.979), 104 (110 excerpts on when; 0.987/0.987/0.987, 0.947, 0.984, 1.000, dates 0.936)
# and 105 (110 excerpts on reversals and counter-offensives; 0.967/0.922/0.944, 0.833, 0.846,
# 0.969, dates 0.983), each run once on the committed start tree, then round 40. All 8,033
# cases score captured 0.992/0.972/0.982, claimed 0.963, contested 0.966, retaken 0.977, dates
# 0.988 (the start tree: 0.990/0.970/0.980, 0.961, 0.963, 0.972, 0.987).
# Then tables 106 (20 whole articles of the district war in international wire and newspaper
# copy; first run captured 1.000/1.000/1.000, claims 1.000, contested 0.917, retaken 0.957,
# dates 1.000), 107 (110 excerpts on the edge of a place: sieges, outskirts, checkpoints;
# 0.970/0.970/0.970, 0.857, 0.814, 0.933, dates 0.969) and 108 (110 excerpts on the defenders'
# side; 0.974/0.905/0.938, 1.000, 0.830, 1.000, dates 0.947), each run once on the round-40
# tree, then round 41. All 8,284 cases score captured 0.992/0.972/0.982, claimed 0.963,
# contested 0.964, retaken 0.977, dates 0.987 (the round-40 tree: 0.992/0.971/0.981, 0.963,
# 0.961, 0.977, 0.987).
F1_FLOORS: dict[Status, float] = {
    Status.CAPTURED: 0.95,
    Status.CLAIMED: 0.95,
    Status.CONTESTED: 0.93,
    Status.RETAKEN: 0.95,
}
CAPTURED_PRECISION_FLOOR = 0.97
DATE_ACCURACY_FLOOR = 0.97
MIN_GOLD_CASES = 8284


def _param(case):
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.case_id, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_gold_case(case) -> None:
    events = EVAL.predict(case, gazetteer=GAZETTEER)
    got = sorted(f"{e.province_iso}:{e.status.value}:{EVAL.date_label(e)}" for e in events)
    assert EVAL.case_matches(case, events), f"got {got}"


def test_gold_tables_are_big_enough() -> None:
    assert len(CASES) >= MIN_GOLD_CASES
    assert len({case.case_id for case in CASES}) == len(CASES)


def test_f1_floors() -> None:
    report = EVAL.evaluate(CASES, gazetteer=GAZETTEER)
    summary = EVAL.format_report(report)
    for status, floor in F1_FLOORS.items():
        assert report.by_status[status].f1 >= floor, summary
    assert report.by_status[Status.CAPTURED].precision >= CAPTURED_PRECISION_FLOOR, summary
    assert report.date_accuracy >= DATE_ACCURACY_FLOOR, summary


def test_gold_reader_keeps_quotes_as_written(tmp_path: Path) -> None:
    # A text opening with a quotation mark is copy, not a CSV-quoted field.
    table = tmp_path / "quotes.tsv"
    text = '"Kunduz has fallen," a Taliban spokesman said.'
    table.write_text(f"id\tarticle_date\ttext\texpected\nq1\t-\t{text}\tAF-KDZ:claimed:?\n")
    assert EVAL.read_gold(table)[0].text == text


def test_gold_reader_rejects_a_bad_expectation(tmp_path: Path) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text("id\tarticle_date\ttext\texpected\nx1\t-\tKunduz fell.\tAF-KDZ:fell:?\n")
    with pytest.raises(EVAL.GoldFormatError, match="x1"):
        EVAL.read_gold(table)


def test_gold_reader_rejects_a_table_without_its_header(tmp_path: Path) -> None:
    # The first row is the header: read as one, a case there would vanish without a word.
    table = tmp_path / "headless.tsv"
    table.write_text("# comment\nh1\t-\tKunduz fell.\tAF-KDZ:captured:?\n")
    with pytest.raises(EVAL.GoldFormatError, match="header"):
        EVAL.read_gold(table)
