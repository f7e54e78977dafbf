"""Every validation rule: a bad input and the exact message line a user sees.

`str(Problem)` is `path:line: field: problem; fix` (warnings put `warning: `
after the line number). Each case changes the valid test course or site.yaml
and compares the complete list of messages, so an extra, missing or reworded
message fails the test. Front matter starts on line 2 of a course file; the
line numbers of the unchanged test course are:

     1 ---                       14 learning_outcomes:
     2 id                        15-17 the three outcomes
     3 version                   18 assessment:
     4 status                    19   types
     5 title                     20   supervision
     6 summary                   21   grading
     7 language                  22 participation
     8 workload:                 23 quality_assurance:
     9   ects                    24   framework
    10   hours                   25   type
    11 level:                    26 ---
    12   eqf                     27 Body text in English.
    13 field_of_study            29 <!-- lang: nl -->
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import course_text, run, site_yaml
from generator.build.pipeline import Unloadable, check
from generator.content import yamlsource
from generator.content.language_tags import language_tag_problem

COURSE_FILE = "content/courses/testing-things.md"
F = COURSE_FILE
S = "content/site.yaml"

ASSESSMENT_TYPES = ("written_exam, oral_exam, portfolio, practical_assessment, assignment, "
                    "artefact_assessment, project_work, peer_assessment, continuous_evaluation, "
                    "group_performance, attendance, peer_review, quiz, problem_based_learning")
PARTICIPATION = "online, onsite, blended, work_experience"
OUTCOMES = (
    "learning_outcomes:\n"
    "  - {en: Write tests that can fail., nl: Tests schrijven die kunnen falen.}\n"
    "  - {en: Read a failing test calmly., nl: Een falende test rustig lezen.}\n"
    "  - {en: \"Fix the code, not the test.\", nl: \"De code repareren, niet de test.\"}\n"
)
OUTCOME_2 = "  - {en: Read a failing test calmly., nl: Een falende test rustig lezen.}"
TITLE = "title: {en: Testing Things Well, nl: Goed testen}"
SUMMARY = "summary: {en: A short course about testing., nl: Een korte cursus over testen.}"
PART = "participation: [online]"
GRADING = '  grading: {scale: nl-1-10, pass: "5.5"}'
NO_HOURS = {"  hours: 112\n": ""}

# YAML syntax errors quote the parser's own words, which differ between PyYAML's
# pure-Python parser and libyaml (used when yamlsource.LOADER is CSafeLoader).
LIBYAML = getattr(yamlsource, "LOADER", yaml.SafeLoader) is not yaml.SafeLoader


def parser_says(pure: str, libyaml: str) -> str:
    return libyaml if LIBYAML else pure


UNCLOSED_AT_COLON = parser_says("expected ',' or ']', but got ':'", "did not find expected ',' or ']'")
UNCLOSED_AT_END = parser_says("expected ',' or ']', but got '<stream end>'",
                              "did not find expected ',' or ']'")


def messages(folder) -> list[str]:
    return [str(p) for p in check(folder).problems]


def test_the_unchanged_test_site_has_no_problems(make_site):
    content = check(make_site())
    assert [str(p) for p in content.problems] == []
    assert content.ok
    assert [f.current.slug for f in content.families] == ["testing-things"]


# --- course: required fields ---------------------------------------------------

MISSING = [
    ("title", {TITLE + "\n": ""},
     f"{F}:2: title: missing; the title is a mandatory EU element; "
     "add it as 'title: ...' or per language 'title: {en: ..., nl: ...}'"),
    ("summary", {SUMMARY + "\n": ""},
     f"{F}:2: summary: missing; wallets and search engines show it as the description; "
     "add it as 'summary: ...' or per language 'summary: {en: ..., nl: ...}'"),
    ("language", {"language: [en]\n": ""},
     f"{F}:2: language: missing or empty; the language of instruction and assessment; "
     "add e.g. 'language: [en]'"),
    ("workload", {"workload:\n  ects: 4\n  hours: 112\n": ""},
     f"{F}:2: workload: missing; the notional workload is a mandatory EU element; "
     "add 'workload:' with 'ects: 4' below it"),
    ("workload.ects", {"  ects: 4\n": ""},
     f"{F}:8: workload.ects: missing; the workload in ECTS credits is a mandatory EU element; "
     "add e.g. 'ects: 4'"),
    ("level", {"level:\n  eqf: 6\n": ""},
     f"{F}:2: level: missing; the EQF level is a mandatory EU element; "
     "add 'level:' with 'eqf: 6' below it"),
    ("level.eqf", {"  eqf: 6\n": "  nlqf: 6\n"},
     f"{F}:11: level.eqf: missing; the EQF level is a mandatory EU element; add e.g. 'eqf: 6'"),
    ("learning_outcomes", {OUTCOMES: ""},
     f"{F}:2: learning_outcomes: missing or empty; learning outcomes are a mandatory EU element; "
     "list what a learner can do after the course, one '- ...' line each"),
    ("assessment", {"assessment:\n  types: [written_exam]\n  supervision: supervised_with_id_check\n"
                    + GRADING + "\n": ""},
     f"{F}:2: assessment: missing; the type of assessment is a mandatory EU element; "
     "add 'assessment:' with 'types: [written_exam]' below it"),
    ("assessment.types", {"  types: [written_exam]\n": ""},
     f"{F}:18: assessment.types: missing or empty; the type of assessment is a mandatory EU "
     f"element; add e.g. 'types: [written_exam]'; known types: {ASSESSMENT_TYPES}"),
    ("participation", {PART + "\n": ""},
     f"{F}:2: participation: missing or empty; the form of participation is a mandatory EU "
     f"element; add e.g. 'participation: [blended]'; use {PARTICIPATION}"),
    ("quality_assurance", {"quality_assurance:\n  framework: kwaliteitskader-ho\n"
                           "  type: institutional\n": ""},
     f"{F}:2: quality_assurance: missing; the type of quality assurance is a mandatory EU element; "
     "add 'quality_assurance:' with 'framework: kwaliteitskader-ho' below it"),
    ("quality_assurance.framework", {"  framework: kwaliteitskader-ho\n": ""},
     f"{F}:23: quality_assurance.framework: missing; the quality framework the course was checked "
     "against; use one of kwaliteitskader-ho, kwaliteitskader-mbo"),
    ("id", {"id: testing-things\n": ""},
     f"{F}:2: id: missing; every course needs an id (its URL name); add 'id: testing-things'"),
    ("version", {'version: "2026.1"\n': ""},
     f"{F}:2: version: missing; credentials point at a course version; "
     "add a version such as 'version: \"2026.1\"'"),
]


@pytest.mark.parametrize("change, expected", [m[1:] for m in MISSING], ids=[m[0] for m in MISSING])
def test_missing_required_field(make_site, change, expected):
    content = check(make_site({F: course_text(**change)}))
    assert [str(p) for p in content.problems] == [expected]
    assert not content.ok


# --- course: one wrong value, one exact message ----------------------------------

SKILL = "skills:\n  - uri: {}\n    label: {{en: think analytically, nl: analytisch denken}}\n" + PART
OFFERING = PART + "\nofferings:\n  - start: {}\n    end: {}\n    price_eur: {}"

CASES = [
    # unknown fields
    ("typo-suggestion", {"learning_outcomes:": "lerning_outcomes:"}, [
        f"{F}:2: learning_outcomes: missing or empty; learning outcomes are a mandatory EU element; "
        "list what a learner can do after the course, one '- ...' line each",
        f"{F}:14: lerning_outcomes: unknown field; did you mean 'learning_outcomes'?"]),
    ("unknown-nested", {"  hours: 112": "  hourz: 112"},
     [f"{F}:10: workload.hourz: unknown field; did you mean 'hours'?"]),
    ("unknown-nested-qa", {"  type: institutional": "  tipe: institutional"},
     [f"{F}:25: quality_assurance.tipe: unknown field; did you mean 'type'?"]),
    ("unknown-no-guess", {"status: published": "status: published\nfoo_bar_baz: 1"},
     [f"{F}:5: foo_bar_baz: unknown field; remove it; known keys here: assessment, awarding_body, "
      "codes, contact, credential, field_of_study, further_information, id, image, kind, language, "
      "learning_outcomes, level, offerings, participation, prerequisites, quality_assurance, "
      "skills, stackability, status, summary, tags, target_group, title, version, workload"]),
    ("title-language-typo", {TITLE: "title: {en: Testing Things Well, nll: Goed testen}"},
     [f"{F}:5: title.nll: 'nll' is not one of the site's languages; did you mean 'nl'? "
      "use en, nl or add the language to content/site.yaml"]),
    # wrong types
    ("ects-as-text", {"  ects: 4": "  ects: four"},
     [f"{F}:9: workload.ects: expected a number, got text 'four'; "
      "write it without quotes or units, e.g. 'ects: 4'"]),
    ("ects-quoted", {"  ects: 4": '  ects: "4"'},
     [f"{F}:9: workload.ects: expected a number, got text '4'; "
      "write it without quotes or units, e.g. 'ects: 4'"]),
    ("eqf-2.5", {"  eqf: 6": "  eqf: 2.5"},
     [f"{F}:12: level.eqf: 2.5 is not a whole number; round it to a whole number"]),
    ("hours-112.5", {"  hours: 112": "  hours: 112.5"},
     [f"{F}:10: workload.hours: 112.5 is not a whole number; round it to a whole number"]),
    ("language-mapping", {"language: [en]": "language: {en: yes}"},
     [f"{F}:7: language: expected a list, got a mapping; "
      "write it as a list, e.g. 'language: [...]' or one '- item' per line"]),
    ("title-list", {TITLE: "title: [Testing, Things]"},
     [f"{F}:5: title: expected text, got a list; "
      "add it as 'title: ...' or per language 'title: {en: ..., nl: ...}'"]),
    ("skill-not-mapping", {PART: PART + "\nskills:\n  - http://data.europa.eu/esco/skill/x"},
     [f"{F}:24: skills[0]: expected a mapping of keys, got text; "
      "indent the keys of 'skills[0]' below it"]),
    ("experimental-space-text", {"  type: institutional": "  type: institutional\n"
                                                          '  experimental_space: "yes"'},
     [f"{F}:26: quality_assurance.experimental_space: expected true or false, got text 'yes'; "
      "write true or false"]),
    # workload
    ("ects-40", {"  ects: 4": "  ects: 40", **NO_HOURS},
     [f"{F}:9: workload.ects: 40 EC is more than 30; microcredentials are 3 to 30 EC; "
      "a larger unit is a programme, not a microcredential"]),
    ("ects-0.5", {"  ects: 4": "  ects: 0.5", **NO_HOURS},
     [f"{F}:9: workload.ects: 0.5 EC is less than 1; "
      "microcredentials are at least 1 EC (3 EC outside the experimental space)"]),
    ("ects-2-not-experimental", {"  ects: 4": "  ects: 2", **NO_HOURS},
     [f"{F}:9: workload.ects: 2 EC is below the pilot minimum of 3 EC; use 3 to 30 EC, or set "
      "'quality_assurance.experimental_space: true' if this university course falls under the "
      "2025-2027 experimental space (1 EC minimum)"]),
    ("ects-4.25", {"  ects: 4": "  ects: 4.25", **NO_HOURS},
     [f"{F}:9: workload.ects: 4.25 is not a whole or half credit; round it to a multiple of 0.5"]),
    ("hours-100-for-4-ec", {"  hours: 112": "  hours: 100"},
     [f"{F}:10: workload.hours: 100 hours does not match 4 EC x 28 h = 112 hours; set 'hours: 112' "
      "or leave hours out (1 EC is 28 hours of study in the Netherlands)"]),
    # level
    ("eqf-9", {"  eqf: 6": "  eqf: 9"},
     [f"{F}:12: level.eqf: 9 is not an EQF level; use a whole number from 1 to 8"]),
    ("eqf-0", {"  eqf: 6": "  eqf: 0"},
     [f"{F}:12: level.eqf: 0 is not an EQF level; use a whole number from 1 to 8"]),
    ("nlqf-x", {"  eqf: 6": "  eqf: 6\n  nlqf: x"},
     [f"{F}:13: level.nlqf: 'x' is not an NLQF level; use entry, 1 to 8, or \"4+\""]),
    # field of study
    ("isced-0534", {'field_of_study: ["0613"]': 'field_of_study: ["0534"]'},
     [f"{F}:13: field_of_study[0]: '0534' is not an ISCED-F 2013 code; did you mean '054' "
      "(Mathematics and statistics)? use a 2- to 4-digit code from the ISCED-F 2013 list, quoted, "
      "e.g. \"0533\""]),
    ("isced-unquoted", {'field_of_study: ["0613"]': "field_of_study: [0533]"},
     [f"{F}:13: field_of_study[0]: expected text, got a number; quote the value, e.g. \"0533\""]),
    # vocabularies
    ("assessment-type", {"  types: [written_exam]": "  types: [writen_exam]"},
     [f"{F}:19: assessment.types[0]: 'writen_exam' is not a known assessment type; "
      f"did you mean 'written_exam'? use one of {ASSESSMENT_TYPES}"]),
    ("assessment-type-no-guess", {"  types: [written_exam]": "  types: [zzzz]"},
     [f"{F}:19: assessment.types[0]: 'zzzz' is not a known assessment type; "
      f"use one of {ASSESSMENT_TYPES}"]),
    ("participation", {PART: "participation: [onlin]"},
     [f"{F}:22: participation[0]: 'onlin' is not a form of participation; "
      f"did you mean 'online'? use {PARTICIPATION}"]),
    ("participation-scalar", {PART: "participation: onlin"},
     [f"{F}:22: participation: 'onlin' is not a form of participation; "
      f"did you mean 'online'? use {PARTICIPATION}"]),
    ("status-typo", {"status: published": "status: publised"},
     [f"{F}:4: status: 'publised' is not a known value; did you mean 'published'? "
      "use one of published, draft, withdrawn, archived"]),
    ("grading-scale-typo", {GRADING: '  grading: {scale: nl-110, pass: "5.5"}'},
     [f"{F}:21: assessment.grading.scale: 'nl-110' is not a known value; did you mean 'nl-1-10'? "
      "use one of nl-1-10, pass-fail, ects-a-e"]),
    ("grading-pass-55", {GRADING: '  grading: {scale: nl-1-10, pass: "55"}'},
     [f"{F}:21: assessment.grading.pass: '55' is outside the 1-10 scale; "
      "use a mark from 1 to 10, e.g. \"5.5\""]),
    ("grading-pass-missing", {GRADING: "  grading: {scale: nl-1-10}"},
     [f"{F}:21: assessment.grading.pass: missing for the 1-10 scale; add e.g. 'pass: \"5.5\"'"]),
    ("grading-ects-F", {GRADING: "  grading: {scale: ects-a-e, pass: F}"},
     [f"{F}:21: assessment.grading.pass: 'F' is not an ECTS grade; use one of A, B, C, D, E"]),
    # ESCO skills (skills: is line 22, its uri line 23)
    ("esco-https", {PART: SKILL.format(
        "https://data.europa.eu/esco/skill/4707da90-9cfc-46ca-8de0-38a0b7bfb137")},
     [f"{F}:23: skills[0].uri: ESCO concept URIs use http, not https; "
      "write http://data.europa.eu/esco/skill/<uuid> as ESCO publishes it"]),
    ("esco-occupation", {PART: SKILL.format(
        "http://data.europa.eu/esco/occupation/4707da90-9cfc-46ca-8de0-38a0b7bfb137")},
     [f"{F}:23: skills[0].uri: is an ESCO occupation, not a skill; "
      "pick the skills of that occupation from ESCO instead"]),
    ("esco-garbage", {PART: SKILL.format("not-a-uri")},
     [f"{F}:23: skills[0].uri: 'not-a-uri' is not an ESCO skill URI; "
      "write http://data.europa.eu/esco/skill/<uuid> as ESCO publishes it"]),
    # URLs
    ("url-http", {PART: PART + "\nfurther_information: http://example.org/x"},
     [f"{F}:23: further_information: 'http://example.org/x' uses http; use the https:// address"]),
    ("url-no-scheme", {PART: PART + "\nfurther_information: example.org/x"},
     [f"{F}:23: further_information: 'example.org/x' is not an absolute URL; "
      "give the full address starting with https://"]),
    ("url-with-space", {PART: PART + "\nfurther_information: https://example.org/a b"},
     [f"{F}:23: further_information: 'https://example.org/a b' is not an absolute URL; "
      "give the full address starting with https://"]),
    # offerings (offerings: line 23, start 24, end 25, price 26)
    ("offering-end-before-start", {PART: OFFERING.format("2026-09-01", "2026-08-01", 100)},
     [f"{F}:25: offerings[0].end: 2026-08-01 is before the start 2026-09-01; "
      "swap or correct the dates"]),
    ("offering-negative-price", {PART: OFFERING.format("2026-09-01", "2026-10-01", -5)},
     [f"{F}:26: offerings[0].price_eur: -5 is negative; give the price in euros, 0 for free"]),
    ("offering-start-not-date", {PART: OFFERING.format("soon", "2026-10-01", 5)},
     [f"{F}:24: offerings[0].start: 'soon' is not a date; "
      "write a date as YYYY-MM-DD, e.g. 2026-09-01"]),
    ("offering-impossible-date", {PART: OFFERING.format("2026-02-30", "2026-10-01", 5)},
     [f"{F}:24: offerings[0].start: '2026-02-30' is not a date (day is out of range for month); "
      "write a date as YYYY-MM-DD, e.g. 2026-09-01"]),
    ("ects-not-a-number", {"  ects: 4": "  ects: .nan"},
     [f"{F}:9: workload.ects: 'nan' is not a finite number; write the number itself, e.g. 'ects: 4'"]),
    ("offering-impossible-month", {PART: OFFERING.format("2026-09-01", "2026-13-01", 5)},
     [f"{F}:25: offerings[0].end: '2026-13-01' is not a date (month must be in 1..12); "
      "write a date as YYYY-MM-DD, e.g. 2026-09-01"]),
    # text fields
    ("duplicate-outcome", {OUTCOME_2: "  - {en: Write tests that can fail., "
                                      "nl: Tests schrijven die kunnen falen.}"}, [
        f"{F}:14: warning: learning_outcomes: only 2 learning outcome(s); "
        "most microcredentials state 3 to 8 outcomes",
        f"{F}:16: learning_outcomes[1]: repeats an earlier outcome; remove the duplicate"]),
    ("html-in-summary", {SUMMARY: "summary: {en: A <b>short</b> course., "
                                  "nl: Een korte cursus over testen.}"},
     [f"{F}:6: summary.en: contains HTML; "
      "write plain text; wallets and verifiers show this field as text"]),
    ("title-in-language-site-lacks", {TITLE: "title: {en: Testing Things Well, nl: Goed testen, "
                                             "de: Gut testen}"},
     [f"{F}:5: title.de: 'de' is not one of the site's languages; "
      "use en, nl or add the language to content/site.yaml"]),
    ("title-without-default-language", {TITLE: "title: {nl: Goed testen}"},
     [f"{F}:5: title: no 'en' text, the site's default language; add title.en"]),
    ("title-too-short", {TITLE: "title: {en: Te, nl: Goed testen}"},
     [f"{F}:5: title.en: only 2 characters; write at least 3 characters"]),
    ("too-many-tags", {PART: PART + "\ntags: [a, b, c, d, e, f, g, h, i, j, k]"},
     [f"{F}:23: tags: 11 tags; use at most 10 tags"]),
    # id and version
    ("slug-not-url-safe", {"id: testing-things": "id: Data_Literacy"},
     [f"{F}:2: id: 'Data_Literacy' is not URL-safe; "
      "use lower-case letters, digits and single hyphens, e.g. 'data-literacy'"]),
    ("slug-differs-from-file", {"id: testing-things": "id: other-thing"},
     [f"{F}:2: id: 'other-thing' differs from the file name 'testing-things'; "
      "rename the file to other-thing.md or set 'id: testing-things'"]),
    ("slug-too-short", {"id: testing-things": "id: ab"},
     [f"{F}:2: id: 'ab' has 2 characters; use 3 to 80 characters"]),
    ("version-not-url-safe", {'version: "2026.1"': 'version: "2026 spring"'},
     [f"{F}:3: version: '2026 spring' is not URL-safe; "
      "use letters, digits, dots, hyphens or underscores, e.g. '2026.1'"]),
    # body sections (the marker is line 29)
    ("body-language-site-lacks", {"<!-- lang: nl -->": "<!-- lang: de -->"},
     [f"{F}:29: body: '<!-- lang: de -->' names a language the site does not have; "
      "use one of en, nl"]),
    ("body-language-twice", {"Tekst in het Nederlands.": "Tekst in het Nederlands.\n\n"
                                                         "<!-- lang: nl -->\nNog een keer."},
     [f"{F}:32: body: a second 'nl' section; merge the two sections"]),
    ("body-top-text-and-marked-default", {"<!-- lang: nl -->": "<!-- lang: en -->"},
     [f"{F}:29: body: a second 'en' section: the text above the first '<!-- lang: -->' line counts as "
      "the site's default language, 'en' (the first of languages in content/site.yaml); "
      "put a '<!-- lang: xx -->' line above the text at the top to say which language it is in"]),
]


@pytest.mark.parametrize("change, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_course_value(make_site, change, expected):
    content = check(make_site({F: course_text(**change)}))
    assert [str(p) for p in content.problems] == expected
    assert not content.ok


LANGUAGE_TAGS = [
    ("en_EN", "'en_EN' is not a BCP 47 language tag; use 'en'; EN is not a region code"),
    ("english", "'english' is not a BCP 47 language tag; use a code such as 'en', 'nl' or 'en-GB' "
                "(lower-case language, upper-case region)"),
    ("xx", "'xx' is not a BCP 47 language tag; use a code such as 'en', 'nl' or 'en-GB' "
           "(lower-case language, upper-case region)"),
    ("EN", "'EN' is not a BCP 47 language tag; use a code such as 'en', 'nl' or 'en-GB' "
           "(lower-case language, upper-case region)"),
]


@pytest.mark.parametrize("tag, message", LANGUAGE_TAGS, ids=[t[0] for t in LANGUAGE_TAGS])
def test_invalid_course_language_tag(make_site, tag, message):
    as_list = messages(make_site({F: course_text(**{"language: [en]": f"language: [en, {tag}]"})}))
    assert as_list == [f"{F}:7: language[1]: {message}"]
    as_text = messages(make_site({F: course_text(**{"language: [en]": f"language: {tag}"})}))
    assert as_text == [f"{F}:7: language: {message}"]


@pytest.mark.parametrize("tag, message", LANGUAGE_TAGS, ids=[t[0] for t in LANGUAGE_TAGS])
def test_invalid_site_language_tag(make_site, tag, message):
    content = check(make_site(site_yaml=site_yaml(**{"languages: [en, nl]":
                                                    f"languages: [en, nl, {tag}]"})))
    assert [str(p) for p in content.problems] == [f"{S}:2: languages[2]: {message}"]
    assert isinstance(content, Unloadable) and not content.ok


def test_duplicate_language(make_site):
    assert messages(make_site({F: course_text(**{"language: [en]": "language: [en, en]"})})) == [
        f"{F}:7: language[1]: 'en' is listed twice; list each language once"]
    assert messages(make_site(site_yaml=site_yaml(**{"languages: [en, nl]":
                                                    "languages: [en, en, nl]"}))) == [
        f"{S}:2: languages[1]: 'en' is listed twice; list each language once"]


# --- warnings: reported, but the check still passes ------------------------------

WARNINGS = [
    ("ects-2-experimental-space",
     {"  ects: 4": "  ects: 2", **NO_HOURS,
      "  type: institutional": "  type: institutional\n  experimental_space: true"},
     f"{F}:9: warning: workload.ects: 2 EC is below the pilot minimum of 3 EC; allowed only for "
     "universities in the 2025-2027 experimental space; check that this course qualifies"),
    ("nlqf-differs-from-eqf", {"  eqf: 6": "  eqf: 6\n  nlqf: 5"},
     f"{F}:13: warning: level.nlqf: NLQF 5 differs from EQF 6; "
     "NLQF levels 1-8 correspond to EQF levels 1-8; check both"),
    ("no-supervision", {"  supervision: supervised_with_id_check\n": ""},
     f"{F}:18: warning: assessment: supervision is not set; add 'supervision:' (an optional EU "
     "element that recognition officers look for): unsupervised_no_id_check, "
     "unsupervised_with_id_check, supervised_no_id_check, supervised_with_id_check"),
]


@pytest.mark.parametrize("change, expected", [w[1:] for w in WARNINGS], ids=[w[0] for w in WARNINGS])
def test_warning_only(make_site, change, expected):
    content = check(make_site({F: course_text(**change)}))
    assert [str(p) for p in content.problems] == [expected]
    assert [p.severity for p in content.problems] == ["warning"]
    assert content.ok
    assert [f.current.slug for f in content.families] == ["testing-things"]


def test_nlqf_equal_to_eqf_gives_no_warning(make_site):
    assert messages(make_site({F: course_text(**{"  eqf: 6": "  eqf: 6\n  nlqf: 6"})})) == []


# --- archive folders -----------------------------------------------------------------


def test_archived_version_equal_to_current(make_site):
    folder = make_site({"content/courses/archive/testing-things/2026.1.md": course_text()})
    assert messages(folder) == [
        "content/courses/archive/testing-things/2026.1.md: version: '2026.1' is also the version "
        "of the current file courses/testing-things.md; "
        "give the current course a new version when its content changes"]


def test_archived_version_differs_from_file_name(make_site):
    archived = course_text(**{'version: "2026.1"': 'version: "2025.2"'})
    folder = make_site({"content/courses/archive/testing-things/2025.1.md": archived})
    assert messages(folder) == [
        "content/courses/archive/testing-things/2025.1.md:3: version: '2025.2' differs from the "
        "file name '2025.1.md'; name archived files after their version: 2025.2.md"]


def test_valid_archived_version_is_loaded(make_site):
    archived = course_text(**{'version: "2026.1"': 'version: "2025.1"'})
    content = check(make_site({"content/courses/archive/testing-things/2025.1.md": archived}))
    assert content.problems == []
    assert [c.version for c in content.families[0].archived] == ["2025.1"]


def test_orphaned_archive_folder(make_site):
    archived = course_text("other-course", **{'version: "2026.1"': 'version: "2025.1"'})
    folder = make_site({"content/courses/archive/other-course/2025.1.md": archived})
    assert messages(folder) == [
        "content/courses/archive/other-course: archived versions of 'other-course' but no file "
        "courses/other-course.md; keep the current course file; "
        "its old versions stay published only beside it"]


def test_current_file_with_status_archived(make_site):
    folder = make_site({F: course_text(**{"status: published": "status: archived"})})
    assert messages(folder) == [
        f"{F}:4: status: a current course file cannot be 'archived'; move the file to "
        "content/courses/archive/testing-things/2026.1.md, or use draft/published"]


# --- reading the file -------------------------------------------------------------------

FILES = [
    ("not-utf8-first-line", b"\xff\xfe---\nid: testing-things\n---\n",
     f"{F}:1: is not UTF-8 text (byte 0xff); save the file as UTF-8 in your editor"),
    ("not-utf8-line-4", b"---\nid: testing-things\nversion: x\n\xff\xfe\n---\n",
     f"{F}:4: is not UTF-8 text (byte 0xff); save the file as UTF-8 in your editor"),
    ("latin-1", course_text().replace("Goed testen", "Caf\xe9 testen").encode("latin-1"),
     f"{F}:5: is not UTF-8 text (byte 0xe9); save the file as UTF-8 in your editor"),
    ("no-front-matter", "id: testing-things\ntitle: Testing\n",
     f"{F}:1: has no front matter; start the file with a line '---', the course fields, "
     "and another '---'"),
    ("front-matter-not-closed", course_text().replace("---\nBody text", "Body text"),
     f"{F}:1: the front matter is not closed; add a line '---' after the last course field"),
    ("first-line-not-fence", course_text().replace("---\n", "----\n", 1),
     f"{F}:1: the first line must be exactly '---'; put the front matter between two lines of '---'"),
    ("front-matter-is-a-list", "---\n- id\n- title\n---\nBody\n",
     f"{F}:2: the front matter is not a set of 'key: value' lines; "
     "write one field per line, e.g. 'id: my-course'"),
    ("yaml-unclosed-flow", course_text(**{TITLE: "title: [unclosed"}),
     f"{F}:6: malformed YAML: {UNCLOSED_AT_COLON}; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-unclosed-at-end", course_text(**{"  type: institutional": "  type: [institutional"}),
     f"{F}:26: malformed YAML: {UNCLOSED_AT_END}; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-colon-in-text", course_text(**{SUMMARY: "summary: Note: this is it"}),
     f"{F}:6: malformed YAML: "
     + parser_says("mapping values are not allowed here", "mapping values are not allowed in this context")
     + "; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-tab", course_text(**{"  hours: 112": "\thours: 112"}),
     f"{F}:10: malformed YAML: "
     + parser_says("found character '\\t' that cannot start any token",
                   "found a tab character that violates indentation")
     + "; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-duplicate-key", course_text(**{"language: [en]": "language: [en]\ntitle: Again"}),
     f"{F}:8: key 'title' appears twice in the same mapping; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-duplicate-nested-key", course_text(**{"  hours: 112": "  hours: 112\n  ects: 4"}),
     f"{F}:11: key 'ects' appears twice in the same mapping; "
     "check the indentation and quote text that contains ': ' or '#'"),
    ("yaml-merge-key", course_text(**{"  hours: 112": "  <<: {hours: 112}"}),
     f"{F}:10: YAML merge keys (<<) are not supported; write the keys out; "
     "check the indentation and quote text that contains ': ' or '#'"),
]


@pytest.mark.parametrize("data, expected", [c[1:] for c in FILES], ids=[c[0] for c in FILES])
def test_unreadable_course_file(make_site, data, expected):
    content = check(make_site({F: data}))
    assert [str(p) for p in content.problems] == [expected]
    assert not content.ok and content.families == []


# --- line numbers ------------------------------------------------------------------------


def test_line_numbers_count_comments_and_blank_lines(make_site):
    text = course_text(**{"id: testing-things": "# a comment\n\nid: testing-things",
                     "  ects: 4": "  # credits\n  ects: 40", **NO_HOURS})
    assert text.splitlines()[11] == "  ects: 40"  # line 12 of the file
    assert messages(make_site({F: text})) == [
        f"{F}:12: workload.ects: 40 EC is more than 30; microcredentials are 3 to 30 EC; "
        "a larger unit is a programme, not a microcredential"]


def test_line_numbers_with_crlf_and_byte_order_mark(make_site):
    text = "\ufeff" + course_text(**{"  eqf: 6": "  eqf: 9"}).replace("\n", "\r\n")
    assert messages(make_site({F: text.encode("utf-8")})) == [
        f"{F}:12: level.eqf: 9 is not an EQF level; use a whole number from 1 to 8"]


def test_line_numbers_of_block_style_nested_keys(make_site):
    text = course_text(**{PART: PART + "\noutcomes_note: x\nofferings:\n  - start: 2026-09-01\n"
                     "    location: Utrecht\n  - start: 2027-02-01\n    price_eur: -1"})
    assert messages(make_site({F: text})) == [
        f"{F}:23: outcomes_note: unknown field; remove it; known keys here: assessment, "
        "awarding_body, codes, contact, credential, field_of_study, further_information, id, image, "
        "kind, language, learning_outcomes, level, offerings, participation, prerequisites, "
        "quality_assurance, skills, stackability, status, summary, tags, target_group, title, "
        "version, workload",
        f"{F}:28: offerings[1].price_eur: -1 is negative; give the price in euros, 0 for free"]


def test_all_problems_of_one_file_at_once_in_line_order(make_site):
    text = course_text(**{"  ects: 4": "  ects: 40", **NO_HOURS, "  eqf: 6": "  eqf: 9",
                     PART: "participation: [onlin]"})
    assert messages(make_site({F: text})) == [
        f"{F}:9: workload.ects: 40 EC is more than 30; microcredentials are 3 to 30 EC; "
        "a larger unit is a programme, not a microcredential",
        f"{F}:11: level.eqf: 9 is not an EQF level; use a whole number from 1 to 8",
        f"{F}:21: participation[0]: 'onlin' is not a form of participation; "
        f"did you mean 'online'? use {PARTICIPATION}"]


def test_all_broken_courses_reported_in_one_check_sorted_by_path(make_site):
    folder = make_site({
        "content/courses/zeta-course.md": course_text("zeta-course", **{PART: "participation: [onlin]"}),
        F: course_text(**{"  ects: 4": "  ects: 40", **NO_HOURS}),
        "content/courses/alpha-course.md": course_text("alpha-course", **{"  eqf: 6": "  eqf: 9"}),
    })
    content = check(folder)
    assert [str(p) for p in content.problems] == [
        "content/courses/alpha-course.md:12: level.eqf: 9 is not an EQF level; "
        "use a whole number from 1 to 8",
        f"{F}:9: workload.ects: 40 EC is more than 30; microcredentials are 3 to 30 EC; "
        "a larger unit is a programme, not a microcredential",
        "content/courses/zeta-course.md:22: participation[0]: 'onlin' is not a form of "
        f"participation; did you mean 'online'? use {PARTICIPATION}"]
    assert not content.ok and content.families == []


# --- site.yaml -------------------------------------------------------------------------------

SITE = [
    ("base-url-relative", {"base_url: https://uni.example.org/mc/": "base_url: /mc/"},
     [f"{S}:1: base_url: '/mc/' is not an absolute URL; give the full address, e.g. https://example.org/"]),
    ("base-url-no-scheme", {"base_url: https://uni.example.org/mc/": "base_url: uni.example.org/mc/"},
     [f"{S}:1: base_url: 'uni.example.org/mc/' is not an absolute URL; "
      "give the full address, e.g. https://example.org/"]),
    ("base-url-http", {"base_url: https://uni.example.org/mc/": "base_url: http://uni.example.org/mc/"},
     [f"{S}:1: base_url: 'http://uni.example.org/mc/' uses http; "
      "publish over https; verifiers resolve did:web over https only"]),
    ("base-url-missing", {"base_url: https://uni.example.org/mc/\n": ""},
     [f"{S}:1: base_url: missing; every absolute URL starts with it; "
      "add e.g. 'base_url: https://example.github.io/catalogue/'"]),
    ("base-url-space", {"base_url: https://uni.example.org/mc/": "base_url: https://uni exam.org/mc/"},
     [f"{S}:1: base_url: 'https://uni exam.org/mc/' does not have a valid host name; "
      "use the host name as in the browser, e.g. example.org"]),
    ("base-url-user", {"base_url: https://uni.example.org/mc/": "base_url: https://user:pw@uni.example.org/mc/"},
     [f"{S}:1: base_url: 'https://user:pw@uni.example.org/mc/' holds a user name or password; "
      "remove the part before '@'"]),
    ("base-url-port", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org:99999/mc/"},
     [f"{S}:1: base_url: 'https://uni.example.org:99999/mc/' has a port that is not a number from 1 to 65535; "
      "fix or remove the ':port'"]),
    ("base-url-port-text", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org:abc/mc/"},
     [f"{S}:1: base_url: 'https://uni.example.org:abc/mc/' has a port that is not a number from 1 to 65535; "
      "fix or remove the ':port'"]),
    ("base-url-upper-case", {"base_url: https://uni.example.org/mc/": "base_url: https://UNI.Example.org/mc/"},
     [f"{S}:1: base_url: 'https://UNI.Example.org/mc/' has upper-case letters in its host; "
      "write the host as uni.example.org"]),
    ("base-url-idn", {"base_url: https://uni.example.org/mc/": "base_url: https://universität.example/mc/"},
     [f"{S}:1: base_url: 'https://universität.example/mc/' has a host with non-ASCII letters; "
      "write the host as xn--universitt-y5a.example"]),
    ("base-url-dot-dot", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org/../mc/"},
     [f"{S}:1: base_url: 'https://uni.example.org/../mc/' has a '..' path segment; "
      "give the folder's address without '.' or '..'"]),
    ("base-url-path-space",
     {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org/micro credentials/"},
     [f"{S}:1: base_url: 'https://uni.example.org/micro credentials/' has a path segment 'micro credentials' with "
      "characters a URL may not hold; use letters, digits, '-', '_' and '.' in folder names (or percent-encode them)"]),
    ("country-EN", {"  country: NL": "  country: EN"},
     [f"{S}:8: institution.country: 'EN' is not an ISO 3166-1 country code; "
      "EN is a language; for England or the UK use GB"]),
    ("base-url-colon-folder", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org/a:b/"},
     [f"{S}:1: base_url: 'https://uni.example.org/a:b/' has a ':' in the folder name 'a:b', which the issuer's did:web "
      "cannot hold; rename the folder without ':'"]),
    ("base-url-double-slash", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org//mc/"},
     [f"{S}:1: base_url: 'https://uni.example.org//mc/' has an empty folder name ('//') in its path; "
      "write each '/' once"]),
    ("base-url-port-zero", {"base_url: https://uni.example.org/mc/": "base_url: https://uni.example.org:0/mc/"},
     [f"{S}:1: base_url: 'https://uni.example.org:0/mc/' has a port that is not a number from 1 to 65535; "
      "fix or remove the ':port'"]),
    ("country-norway-unquoted", {"  country: NL": "  country: NO"},
     [f"{S}:8: institution.country: expected text, got true/false; YAML reads unquoted yes, no, on, off, "
      "true and false as true/false; put the value in quotes, e.g. country: \"NO\""]),
    ("title-empty", {"title: {en: Test Microcredentials, nl: Test-microcredentials}":
                     "title: {en: '', nl: Test-microcredentials}"},
     [f"{S}:3: title.en: is empty; write the text after 'en:'"]),
    ("country-lower-case", {"  country: NL": "  country: nl"},
     [f"{S}:8: institution.country: 'nl' is not an ISO 3166-1 country code; write 'NL'"]),
    ("country-alpha-3", {"  country: NL": "  country: NLD"},
     [f"{S}:8: institution.country: 'NLD' is not an ISO 3166-1 country code; "
      "use an ISO 3166-1 alpha-2 code such as NL, BE or DE"]),
    ("institution-name-missing", {"  name: {en: Test University, nl: Testuniversiteit}\n": ""},
     [f"{S}:5: institution.name: missing; the awarding body is a mandatory EU element; "
      "add it as 'name: ...' or per language 'name: {en: ..., nl: ...}'"]),
    ("institution-url-http", {"  url: https://www.uni.example.org/": "  url: http://www.uni.example.org/"},
     [f"{S}:7: institution.url: 'http://www.uni.example.org/' uses http; use the https:// address"]),
    ("institution-sector", {"  sector: wo": "  sector: uni"},
     [f"{S}:9: institution.sector: 'uni' is not a known value; use one of wo, hbo, mbo"]),
    ("unknown-site-key", {"theme: default": "theme: default\nthem: x"},
     [f"{S}:11: them: unknown field; did you mean 'theme'?"]),
    ("unknown-institution-key", {"  sector: wo": "  sector: wo\n  adress: x"},
     [f"{S}:10: institution.adress: unknown field; remove it; known keys here: country, email, "
      "identifiers, linkedin_organization_id, locality, logo, name, region, sector, url"]),
    # An empty mapping or a value of only spaces is as missing as no value (institution: {} said nothing).
    ("institution-empty", {"institution:\n  name: {en: Test University, nl: Testuniversiteit}\n"
                           "  url: https://www.uni.example.org/\n  country: NL\n  sector: wo\n": "institution: {}\n"},
     [f"{S}:5: institution: missing; the awarding body of every course; "
      "add 'institution:' with its name, url and country"]),
    ("base-url-spaces", {"base_url: https://uni.example.org/mc/": "base_url: '  '"},
     [f"{S}:1: base_url: missing; every absolute URL starts with it; "
      "add e.g. 'base_url: https://example.github.io/catalogue/'"]),
    ("theme-folder-missing", {"theme: default": "theme: fancy"},
     [f"{S}:10: theme: no folder themes/fancy/; create themes/fancy/ (its files override the "
      "default theme) or use 'theme: default'"]),
    ("site-yaml-malformed", {"theme: default": "theme: [default"},
     [f"{S}:11: malformed YAML: {UNCLOSED_AT_END}; "
      "check the indentation and quote text that contains ': ' or '#'"]),
]


@pytest.mark.parametrize("change, expected", [c[1:] for c in SITE], ids=[c[0] for c in SITE])
def test_bad_site_yaml(make_site, change, expected):
    content = check(make_site(site_yaml=site_yaml(**change)))
    assert [str(p) for p in content.problems] == expected
    assert isinstance(content, Unloadable) and not content.ok


def test_site_yaml_missing(make_site):
    content = check(make_site(site_yaml=None))
    assert [str(p) for p in content.problems] == [
        f"{S}: is missing; create it with the site's base_url, languages, title and institution "
        "(see: credsite docs site-settings)"]
    assert not content.ok


def test_site_yaml_not_a_mapping(make_site):
    assert messages(make_site(site_yaml="- a\n- b\n")) == [
        f"{S}:1: the file is not a set of 'key: value' lines; see: credsite docs site-settings, for an example"]


def test_site_yaml_not_utf8(make_site):
    assert messages(make_site(site_yaml=None, files={S: b"base_url: caf\xe9\n"})) == [
        f"{S}:1: is not UTF-8 text (byte 0xe9); save the file as UTF-8 in your editor"]


# --- the command line ----------------------------------------------------------------------------


ECTS_40 = (f"{F}:9: workload.ects: 40 EC is more than 30; microcredentials are 3 to 30 EC; "
           "a larger unit is a programme, not a microcredential")
NLQF_WARNING = (f"{F}:13: warning: level.nlqf: NLQF 5 differs from EQF 6; "
                "NLQF levels 1-8 correspond to EQF levels 1-8; check both")


def test_cli_check_with_errors(make_site):
    folder = make_site({F: course_text(**{"  ects: 4": "  ects: 40", **NO_HOURS})})
    result = run("check", "--source", folder)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [ECTS_40, "1 error(s), 0 warning(s)"]


def test_cli_check_site_yaml_missing(make_site):
    result = run("check", "--source", make_site(site_yaml=None))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{S}: is missing; create it with the site's base_url, languages, title and institution "
        "(see: credsite docs site-settings)")


def test_cli_check_with_warnings_only(make_site):
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 6\n  nlqf: 5"})})
    result = run("check", "--source", folder)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.splitlines() == [NLQF_WARNING, "0 error(s), 1 warning(s)",
                                          "1 course(s) and 0 credential(s) checked, no errors"]


def test_cli_build_with_errors_creates_no_output(make_site):
    folder = make_site({F: course_text(**{"  ects: 4": "  ects: 40", **NO_HOURS})})
    output = folder.parent / "out"
    result = run("build", "--source", folder, "--output", output)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [ECTS_40, "1 error(s), 0 warning(s)",
                                          "build failed; nothing was written"]
    assert not output.exists()
    assert sorted(p.name for p in folder.parent.iterdir()) == ["site"]  # no staging folder left


def test_cli_build_with_errors_default_output(make_site):
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 9"})})
    result = run("build", "--source", folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{F}:12: level.eqf: 9 is not an EQF level; use a whole number from 1 to 8")
    assert not (folder / "_site").exists()
    assert not any(p.name.startswith("._site") for p in folder.iterdir())


def test_cli_build_with_errors_leaves_existing_output_alone(make_site):
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 9"})})
    output = folder.parent / "out"
    output.mkdir()
    (output / "index.html").write_text("old site")
    result = run("build", "--source", folder, "--output", output)
    assert result.exit_code == 1
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "old site"


def test_cli_build_with_bad_base_url_option(make_site):
    folder = make_site()
    output = folder.parent / "out"
    result = run("build", "--source", folder, "--output", output, "--base-url", "ftp://x/")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "--base-url: 'ftp://x/' is not an absolute URL; give the full address, e.g. https://example.org/",
        "1 error(s), 0 warning(s)"]
    assert not output.exists()


def test_cli_build_with_empty_base_url_option(make_site):
    folder = make_site()
    result = run("build", "--source", folder, "--output", folder.parent / "out", "--base-url", " ")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "--base-url: is empty; give the site's address, e.g. https://example.org/, or leave the option out")


def test_cli_build_with_warnings_only(make_site):
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 6\n  nlqf: 5"})})
    output = folder.parent / "out"
    result = run("build", "--source", folder, "--output", output)
    assert result.exit_code == 0
    # Progress lines ("[  0.1 s] loaded ...") come first; then the problems and the summary.
    lines = [line for line in result.stderr.splitlines() if not re.match(r"\[\s*[\d.]+ s\] ", line)]
    assert lines[:2] == [NLQF_WARNING, "0 error(s), 1 warning(s)"]
    assert re.fullmatch(rf"built \d+ files into {re.escape(str(output))} in \d+\.\d\d s", lines[2])
    assert len(lines) == 3
    assert (output / "index.html").is_file() or any(output.rglob("index.html"))


def test_body_marker_line_counts_blank_lines_after_front_matter(make_site):
    text = course_text(**{"---\nBody text": "---\n\n\nBody text", "<!-- lang: nl -->": "<!-- lang: de -->"})
    assert text.splitlines()[30] == "<!-- lang: de -->"  # line 31
    assert messages(make_site({F: text})) == [
        f"{F}:31: body: '<!-- lang: de -->' names a language the site does not have; use one of en, nl"]


SINGLE_TEXT = [
    ("html", {SUMMARY: "summary: A <b>short</b> course."},
     f"{F}:6: summary: contains HTML; write plain text; wallets and verifiers show this field as text"),
    ("too-short", {OUTCOME_2: "  - short"},
     f"{F}:16: learning_outcomes[1]: only 5 characters; write at least 10 characters"),
]


@pytest.mark.parametrize("change, expected", [c[1:] for c in SINGLE_TEXT], ids=[c[0] for c in SINGLE_TEXT])
def test_problem_in_text_for_all_languages_reported_once(make_site, change, expected):
    assert messages(make_site({F: course_text(**change)})) == [expected]


# --- bugs found by these tests, now fixed ---


def test_ects_pass_mark_must_be_one_grade(make_site):
    folder = make_site({F: course_text(**{GRADING: "  grading: {scale: ects-a-e, pass: BC}"})})
    assert not check(folder).ok


def test_unquoted_version_keeps_its_digits(make_site):
    content = check(make_site({F: course_text(**{'version: "2026.1"': "version: 2026.10"})}))
    assert not content.ok or content.families[0].current.version == "2026.10"


def test_broken_current_course_does_not_orphan_its_archive(make_site):
    archived = course_text(**{'version: "2026.1"': 'version: "2025.1"'})
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 9"}),
                       "content/courses/archive/testing-things/2025.1.md": archived})
    assert not any("archived versions of" in m for m in messages(folder))


def test_language_tag_suggestions_are_valid():
    message, fix = language_tag_problem("en_EN")
    suggested = re.findall(r"'([^']+)'", fix)
    assert suggested and all(language_tag_problem(tag) is None for tag in suggested)


def test_yaml_aliases_of_lists_cannot_blow_up(make_site):
    # Nine aliases of nine aliases ... : a few lines that would build 387 million items.
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    folder = make_site({F: course_text(**{"  eqf: 6": "  eqf: 6\n" + "\n".join("  " + line for line in lines)})})
    problems = [str(p) for p in check(folder).problems]
    assert problems == [f"{F}:14: YAML anchors and aliases (&name, *name) of lists or mappings are not "
                        "supported; write the values out; "
                        "check the indentation and quote text that contains ': ' or '#'"]


def test_a_course_file_name_that_is_not_url_safe_gets_a_usable_fix(make_site):
    folder = make_site({"content/courses/Testing Things.md": course_text()}, courses=False)
    assert messages(folder) == [
        "content/courses/Testing Things.md:2: id: 'testing-things' differs from the file name 'Testing Things'; "
        "rename the file to testing-things.md"]
    folder = make_site({"content/courses/Testing Things.md": course_text(**{"id: testing-things": ""})},
                       courses=False)
    assert [m for m in messages(folder) if ": id:" in m] == [
        "content/courses/Testing Things.md:3: id: missing; every course needs an id (its URL name); "
        "add 'id: testing-things' and rename the file to testing-things.md"]


def test_course_files_with_another_extension_are_reported(make_site):
    folder = make_site({"content/courses/extra-course.MD": course_text("extra-course"),
                        "content/courses/other-course.markdown": course_text("other-course"),
                        "content/courses/notes.txt": "not a course\n"})
    assert [m for m in messages(folder) if "skipped" in m] == [
        "content/courses/extra-course.MD: warning: is skipped: only names ending in lower-case .md are read; "
        "rename it to extra-course.md",
        "content/courses/other-course.markdown: warning: is skipped: only names ending in lower-case .md are read; "
        "rename it to other-course.md"]


@pytest.mark.parametrize("url", ['https://x.example/?q="><script>', "https://x.example/a<b", "https://x.example/{x}"])
def test_a_url_with_characters_no_url_may_hold_is_refused(make_site, url):
    line = f"participation: [online]\nfurther_information: '{url}'"
    folder = make_site({F: course_text(**{"participation: [online]": line})})
    errors = [m for m in messages(folder) if "further_information" in m]
    assert len(errors) == 1 and "which a URL may not hold; percent-encode them" in errors[0], errors


def test_stray_files_in_an_archive_folder_are_reported(make_site):
    archive = "content/courses/archive/testing-things"
    folder = make_site({f"{archive}/2025.1.markdown": course_text(**{'version: "2026.1"': 'version: "2025.1"'}),
                        f"{archive}/old/2024.1.md": course_text(**{'version: "2026.1"': 'version: "2024.1"'})})
    assert [m for m in messages(folder) if "archive" in m] == [
        f"{archive}/2025.1.markdown: warning: is skipped: only names ending in lower-case .md are read; "
        "rename it to 2025.1.md",
        f"{archive}/old: warning: is a folder; archived versions in it are not read; move its files into {archive}/"]


@pytest.mark.parametrize("line,message", [
    ("2026-02-30: x", "content/courses/testing-things.md:2: key '2026-02-30' is not a name"),
    ("nlqf: !!bool maybe", "content/courses/testing-things.md:2: 'maybe' cannot be read as bool"),
])
def test_yaml_values_no_constructor_can_build_are_named(make_site, line, message):
    folder = make_site({F: course_text(**{"id: testing-things": f"{line}\nid: testing-things"})})
    problems = messages(folder)
    assert len(problems) == 1 and problems[0].startswith(message), problems


def test_short_text_fields_refuse_html_like_the_long_ones(make_site):
    extra = ("participation: [online]\ntags: [ok, '<b>bold</b>']\ncodes: {course_code: '<i>X1</i>'}\n"
             "contact: {name: '<script>x</script>'}")
    folder = make_site({F: course_text(**{"participation: [online]": extra})})
    assert [m.split(": ", 1)[1] for m in messages(folder) if "contains HTML" in m] == [
        "tags[1]: contains HTML; write plain text; wallets and verifiers show this field as text",
        "codes.course_code: contains HTML; write plain text; wallets and verifiers show this field as text",
        "contact.name: contains HTML; write plain text; wallets and verifiers show this field as text"]


# YAML refuses a raw control character but writes one as an escape in double quotes.
@pytest.mark.parametrize("line, field", [
    ('summary: {en: "A short course\\0 about testing.", nl: Een korte cursus over testen.}', "summary.en"),
    ('summary: "A short course\\e about testing."', "summary"),
])
def test_a_control_character_in_a_text_is_refused_by_name(make_site, line, field):
    """Found by tests/test_fuzz.py: a NUL in a course text crashed the build's XML export (qdr/loq.xml)."""
    folder = make_site({"content/courses/testing-things.md": course_text(**{
        "summary: {en: A short course about testing., nl: Een korte cursus over testen.}": line})})
    found = [m for m in messages(folder) if "control character" in m]
    assert len(found) == 1 and f": {field}: contains the control character U+00" in found[0], messages(folder)


def test_a_comma_in_a_flow_style_text_is_named_as_the_cause(make_site):
    """{nl: Verpleegkundigen, paramedici en zorgmanagers., en: ...}: YAML ends the Dutch text at the comma."""
    line = "summary: {en: A short course, for testers., nl: Een korte cursus over testen.}"
    folder = make_site({"content/courses/testing-things.md": course_text(**{
        "summary: {en: A short course about testing., nl: Een korte cursus over testen.}": line})})
    (problem,) = [m for m in messages(folder) if "summary." in m]
    assert ": summary.for testers.: 'for testers.' is not a language: a comma in a text inside {...} ends the " \
           "text there; put the text in quotes" in problem
