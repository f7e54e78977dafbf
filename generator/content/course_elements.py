"""The rules of a course's EU standard elements (workload, level, outcomes, assessment, ...).

Each function reads its part of the front matter through a FieldReader, reports
every mistake as a Problem and returns a clean value (or a safe empty one), so
a course file's problems are all found in one pass. docs/course-format.md
explains the rules to course authors; course_extras.py holds the fields that
are the catalogue's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from generator.content import vocab
from generator.content.language_tags import language_tag_problem
from generator.content.reader import MISSING, FieldReader, dotted
from generator.content.yamlsource import KeyPath
from generator.model import MICROCREDENTIAL, NON_FORMAL, Grading, Site, Skill, Stackable, Text

ESCO_SKILL = r"http://data\.europa\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
HOURS_PER_EC = 28
# The 2025-2027 experimental space lets universities offer microcredentials of 1 to 3 EC.
EXPERIMENT_START, EXPERIMENT_END = "2025-05-01", "2027-04-30"


class Workload(NamedTuple):
    ects: float | None
    hours: int | None  # None: not given, so it follows from the credits


class Level(NamedTuple):
    eqf: int | None
    nlqf: str  # "" when not given


class Assessment(NamedTuple):
    types: list[str]
    description: Text
    supervision: str
    grading: Grading | None


class Quality(NamedTuple):
    framework: str
    type: str
    experimental_space: bool


class Stackability(NamedTuple):
    stackable: bool
    towards: list[Stackable]


def section(r: FieldReader, key: KeyPath, known: Iterable[str], required: bool = False, what: str = "",
            fix: str = "") -> dict[str, Any] | None:
    """A mapping of the front matter (workload, assessment.grading, offerings[0], ...), or None.

    An empty mapping ({}) or an empty list item is reported rather than read as left out: the
    fields below it are missing, and without a problem the course would be published without them
    (or with zeros where a number was required).
    """
    known = tuple(known)
    value = r.raw(key)
    fields = ", ".join(known)
    if key and isinstance(key[-1], int) and (value is None or value == {}):
        r.report(key, "is an empty item", f"write its fields ({fields}) after the '-', or remove the '-' line")
        return None
    if value == {}:
        name = dotted(key).rsplit(".", 1)[-1]
        r.report(key, f"is empty; {what}" if what else "is empty",
                 fix or f"give its fields ({fields}) indented below '{name}:', or remove '{name}:'")
        return None
    return r.mapping(key, known, required, what, fix)


def required_string(r: FieldReader, key: KeyPath, what: str, fix: str, allow_numbers: bool = False) -> str:
    """A required one-line text; one of only spaces is reported like a missing one (the reader
    strips it to nothing, which it takes as left out)."""
    value = r.string(key, required=True, what=what, fix=fix, allow_numbers=allow_numbers)
    given = r.raw(key)
    if not value and isinstance(given, str) and given and not given.strip():
        r.report(key, f"is blank; {what}", fix)
    return value


def languages(r: FieldReader) -> list[str]:
    value = r.raw(("language",))
    if isinstance(value, str):
        tags = [value]
    else:
        tags = r.string_list(("language",), required=True,
                             what="the language of instruction and assessment",
                             fix="add e.g. 'language: [en]'")
        if not tags:
            return []
    out: list[str] = []
    for i, tag in enumerate(tags):
        key = ("language", i) if not isinstance(value, str) else ("language",)
        problem = language_tag_problem(tag)
        if problem:
            r.report(key, problem[0], problem[1])
        elif tag in out:
            r.report(key, f"'{tag}' is listed twice", "list each language once")
        else:
            out.append(tag)
    return out


def awarding_body(r: FieldReader) -> Text:
    body = section(r, ("awarding_body",), ("unit",))
    if not body:
        return {}
    return r.text(("awarding_body", "unit"), plain=True)


def workload(r: FieldReader, kind: str = MICROCREDENTIAL) -> Workload:
    if kind == NON_FORMAL:
        return _badge_workload(r)
    if not section(r, ("workload",), ("ects", "hours"), required=True,
                   what="the notional workload is a mandatory EU element",
                   fix="add 'workload:' with 'ects: 4' below it"):
        return Workload(None, None)
    ects = r.number(("workload", "ects"), required=True,
                    what="the workload in ECTS credits is a mandatory EU element",
                    fix="add e.g. 'ects: 4'")
    hours = r.whole_number(("workload", "hours"))
    if ects is not None and (ects * 2) != int(ects * 2):
        r.report(("workload", "ects"), f"{ects} is not a whole or half credit",
                 "round it to a multiple of 0.5")
    return Workload(ects, hours)


def _badge_workload(r: FieldReader) -> Workload:
    """A non-formal badge's study load: hours, never credits.

    ECTS credits are what a recognised, quality-assured programme awards for assessed learning; a
    badge that stated them would make the very claim of recognition a non-formal badge does not make
    (docs/course-format.md, 'Non-formal badges'). Its size is still worth knowing, so hours are required.
    """
    if not section(r, ("workload",), ("ects", "hours"), required=True,
                   what="a non-formal badge gives its study load in hours",
                   fix="add 'workload:' with 'hours: 10' below it"):
        return Workload(None, None)
    if r.present(("workload", "ects")):
        r.report(("workload", "ects"), "a non-formal badge awards no EC: credits claim the recognition it "
                 "does not have", "give the study load as 'hours:' only, or make the course a microcredential "
                 "(kind: microcredential) if it is quality-assured and recognised")
    hours = r.whole_number(("workload", "hours"), required=True, what="a non-formal badge gives its study "
                           "load in hours", fix="add e.g. 'hours: 10'")
    if hours is not None and hours < 1:
        r.report(("workload", "hours"), f"{hours} hours is no study load", "give the hours of study, at least 1")
    return Workload(None, hours)


def non_formal_claims(r: FieldReader) -> None:
    """Report what a non-formal badge may not say: the claims of recognition only a microcredential makes."""
    fix = ("remove it, or make the course a microcredential (kind: microcredential) if it is quality-assured "
           "and recognised")
    if r.present(("quality_assurance",)):
        r.report(("quality_assurance",), "a non-formal badge makes no claim of quality assurance or "
                 "recognition", fix)
    if r.present(("stackability",)):
        r.report(("stackability",), "a non-formal badge cannot count towards a qualification; that takes "
                 "recognition", fix + "; to combine it with other courses, list it in a pathway "
                 "(content/pathways/)")


def check_ects(r: FieldReader, given: Workload, experimental: bool) -> None:
    ects, hours = given
    if ects is None:
        return
    key = ("workload", "ects")
    if ects > 30:
        r.report(key, f"{ects:g} EC is more than 30",
                 "microcredentials are 3 to 30 EC; a larger unit is a programme, not a microcredential")
    elif ects < 1:
        r.report(key, f"{ects:g} EC is less than 1", "microcredentials are at least 1 EC (3 EC outside "
                 "the experimental space)")
    elif ects < 3 and experimental:
        r.warn(key, f"{ects:g} EC is below the pilot minimum of 3 EC",
               "allowed only for universities in the 2025-2027 experimental space; "
               "check that this course qualifies")
    elif ects < 3:
        r.report(key, f"{ects:g} EC is below the pilot minimum of 3 EC",
                 "use 3 to 30 EC, or set 'quality_assurance.experimental_space: true' "
                 "if this university course falls under the 2025-2027 experimental space (1 EC minimum)")
    if hours is not None and 1 <= ects <= 30 and hours != study_hours(ects):
        r.report(("workload", "hours"),
                 f"{hours} hours does not match {ects:g} EC x {HOURS_PER_EC} h = {study_hours(ects)} hours",
                 f"set 'hours: {study_hours(ects)}' or leave hours out "
                 "(1 EC is 28 hours of study in the Netherlands)")


def study_hours(ects: float) -> int:
    return round(ects * HOURS_PER_EC)


def check_sector(r: FieldReader, site: Site, framework: str, experimental: bool) -> None:
    sector = site.institution.sector
    if framework and sector not in vocab.QA_FRAMEWORKS[framework].sectors:
        r.warn(("quality_assurance", "framework"),
               f"'{framework}' is for {'/'.join(vocab.QA_FRAMEWORKS[framework].sectors)}, "
               f"but the institution's sector is {sector}",
               "check the framework, or institution.sector in content/site.yaml")
    if experimental and sector != "wo":
        r.report(("quality_assurance", "experimental_space"),
                 f"the experimental space is for universities (wo), but the institution's sector is {sector}",
                 "remove 'experimental_space: true' and offer at least 3 EC")
    if experimental:
        for i, offering in enumerate(r.items(("offerings",))):
            start = offering.get("start") if isinstance(offering, dict) else None
            if start is not None and not EXPERIMENT_START <= str(start) <= EXPERIMENT_END:
                r.warn(("offerings", i, "start"),
                       f"{start} is outside the experimental space ({EXPERIMENT_START} to {EXPERIMENT_END})",
                       "below 3 EC the course may only start within the experimental space")


def level(r: FieldReader) -> Level:
    if not section(r, ("level",), ("eqf", "nlqf"), required=True,
                   what="the EQF level is a mandatory EU element",
                   fix="add 'level:' with 'eqf: 6' below it"):
        return Level(None, "")
    eqf = r.whole_number(("level", "eqf"), required=True,
                         what="the EQF level is a mandatory EU element", fix="add e.g. 'eqf: 6'")
    if eqf is not None and eqf not in vocab.EQF_LEVELS:
        r.report(("level", "eqf"), f"{eqf} is not an EQF level", "use a whole number from 1 to 8")
        eqf = None
    nlqf = r.raw(("level", "nlqf"))
    if not r.present(("level", "nlqf")):
        return Level(eqf, "")
    # str.isdigit() also holds for digits int() refuses ('²') and for more digits than int() reads.
    if isinstance(nlqf, str) and nlqf.isascii() and nlqf.isdigit() and len(nlqf) <= 2:
        nlqf = int(nlqf)
    if isinstance(nlqf, float) and nlqf.is_integer():
        nlqf = int(nlqf)
    if isinstance(nlqf, bool) or not isinstance(nlqf, (int, str)) or nlqf not in vocab.NLQF_LEVELS:
        r.report(("level", "nlqf"), f"'{nlqf}' is not an NLQF level",
                 "use entry, 1 to 8, or \"4+\"")
        return Level(eqf, "")
    if isinstance(nlqf, int) and eqf and nlqf != eqf:
        r.warn(("level", "nlqf"), f"NLQF {nlqf} differs from EQF {eqf}",
               "NLQF levels 1-8 correspond to EQF levels 1-8; check both")
    return Level(eqf, str(nlqf))


def fields_of_study(r: FieldReader) -> list[str]:
    codes = r.string_list(("field_of_study",), allow_numbers=False)
    table = vocab.isced_f()
    out = []
    for i, code in enumerate(codes):
        if code not in table:
            near = vocab.closest(code, table)
            hint = f"did you mean '{near}' ({table[near].label_in('en')})? " if near else ""
            r.report(("field_of_study", i), f"'{code}' is not an ISCED-F 2013 code",
                     f"{hint}use a 2- to 4-digit code from the ISCED-F 2013 list, quoted, e.g. \"0533\"")
        else:
            out.append(code)
    return out


def outcomes(r: FieldReader) -> list[Text]:
    items = r.items(("learning_outcomes",), required=True,
                    what="learning outcomes are a mandatory EU element",
                    fix="list what a learner can do after the course, one '- ...' line each")
    out: list[Text] = []
    for i in range(len(items)):
        text = r.text(("learning_outcomes", i), required=True, min_len=10, max_len=1000, plain=True)
        if text and text in out:
            r.report(("learning_outcomes", i), "repeats an earlier outcome", "remove the duplicate")
        elif text:
            out.append(text)
    if 0 < len(out) < 3:
        r.warn(("learning_outcomes",), f"only {len(out)} learning outcome(s)",
               "most microcredentials state 3 to 8 outcomes")
    return out


def skills(r: FieldReader) -> list[Skill]:
    out = []
    for i, _ in enumerate(r.items(("skills",))):
        key = ("skills", i)
        if not section(r, key, ("uri", "label"), required=True):
            continue
        uri = required_string(r, key + ("uri",), what="an ESCO skill URI",
                              fix="add 'uri: http://data.europa.eu/esco/skill/<id>'")
        label = r.text(key + ("label",), required=True, plain=True)
        if uri and not re.fullmatch(ESCO_SKILL, uri):
            fix = "write http://data.europa.eu/esco/skill/<uuid> as ESCO publishes it"
            if uri.startswith("https://data.europa.eu/esco/skill/"):
                r.report(key + ("uri",), "ESCO concept URIs use http, not https", fix)
            elif "/esco/occupation/" in uri:
                r.report(key + ("uri",), "is an ESCO occupation, not a skill",
                         "pick the skills of that occupation from ESCO instead")
            else:
                r.report(key + ("uri",), f"'{uri}' is not an ESCO skill URI", fix)
            continue
        if uri and label:
            out.append(Skill(uri, label))
    return out


def assessment(r: FieldReader, warn_supervision: bool = True) -> Assessment:
    """`warn_supervision`: say when supervision is not set (recognition officers look for it)."""
    if not section(r, ("assessment",), ("types", "description", "supervision", "grading"),
                   required=True, what="the type of assessment is a mandatory EU element",
                   fix="add 'assessment:' with 'types: [written_exam]' below it"):
        return Assessment([], {}, "", None)
    known = list(vocab.ASSESSMENT_TYPES)
    listed = r.string_list(("assessment", "types"), required=True,
                           what="the type of assessment is a mandatory EU element",
                           fix="add e.g. 'types: [written_exam]'; known types: " + ", ".join(known))
    types = _known_tokens(r, [(("assessment", "types", i), t) for i, t in enumerate(listed)], known,
                          "is not a known assessment type", "use one of ")
    description = r.text(("assessment", "description"), plain=True)
    supervision = r.choice(("assessment", "supervision"), vocab.SUPERVISION)
    if warn_supervision and not supervision and r.raw(("assessment", "supervision")) in (MISSING, None, ""):
        r.warn(("assessment",), "supervision is not set",
               "add 'supervision:' (an optional EU element that recognition officers look for): "
               + ", ".join(vocab.SUPERVISION))
    grading = None
    if section(r, ("assessment", "grading"), ("scale", "pass")):
        scale = r.choice(("assessment", "grading", "scale"), vocab.GRADING_SCALES, required=True)
        mark = r.string(("assessment", "grading", "pass"), allow_numbers=True)
        mark = _pass_mark(r, scale, mark)
        if scale:
            grading = Grading(scale, mark)
    return Assessment(types, description, supervision, grading)


def _pass_mark(r: FieldReader, scale: str, mark: str) -> str:
    key = ("assessment", "grading", "pass")
    if scale == "nl-1-10":
        if not mark:
            r.report(key, "missing for the 1-10 scale", "add e.g. 'pass: \"5.5\"'")
        else:
            try:
                value = float(mark)
            except ValueError:
                r.report(key, f"'{mark}' is not a number", "write the pass mark as a number, e.g. \"5.5\"")
                return mark
            if not 1 <= value <= 10:
                r.report(key, f"'{mark}' is outside the 1-10 scale", "use a mark from 1 to 10, e.g. \"5.5\"")
    elif scale == "ects-a-e" and mark and mark not in ("A", "B", "C", "D", "E"):
        r.report(key, f"'{mark}' is not an ECTS grade", "use one of A, B, C, D, E")
    elif scale == "ects-a-e" and not mark:
        return "E"
    elif scale == "pass-fail":
        if mark and mark != "pass":
            r.report(key, f"'{mark}' is not used on a pass/fail scale", "write 'pass: pass' or leave it out")
        return "pass"
    return mark


def participation(r: FieldReader) -> list[str]:
    known = list(vocab.PARTICIPATION_MODES)
    value = r.raw(("participation",))
    tokens = [value] if isinstance(value, str) else r.string_list(
        ("participation",), required=True, what="the form of participation is a mandatory EU element",
        fix="add e.g. 'participation: [blended]'; use " + ", ".join(known))
    keys = [("participation",) if isinstance(value, str) else ("participation", i) for i in range(len(tokens))]
    return _known_tokens(r, list(zip(keys, tokens, strict=True)), known, "is not a form of participation", "use ")


def _known_tokens(r: FieldReader, listed: list[tuple[KeyPath, str]], known: list[str], not_known: str,
                  use: str) -> list[str]:
    """The vocabulary tokens of a list field, each once; an unknown one is reported with the closest guess."""
    out: list[str] = []
    for key, token in listed:
        if token not in known:
            guess = vocab.closest(token, known)
            r.report(key, f"'{token}' {not_known}",
                     (f"did you mean '{guess}'? " if guess else "") + use + ", ".join(known))
        elif token not in out:
            out.append(token)
    return out


def quality(r: FieldReader) -> Quality:
    if not section(r, ("quality_assurance",), ("framework", "type", "experimental_space"),
                   required=True, what="the type of quality assurance is a mandatory EU element",
                   fix="add 'quality_assurance:' with 'framework: kwaliteitskader-ho' below it"):
        return Quality("", "", False)
    framework = r.choice(("quality_assurance", "framework"), vocab.QA_FRAMEWORKS, required=True,
                         what="the quality framework the course was checked against")
    qa_type = r.choice(("quality_assurance", "type"), vocab.QA_TYPES, default="institutional")
    experimental = r.boolean(("quality_assurance", "experimental_space"))
    return Quality(framework, qa_type, experimental)


def stackability(r: FieldReader) -> Stackability:
    if not section(r, ("stackability",), ("stackable", "towards")):
        return Stackability(False, [])
    stackable = r.boolean(("stackability", "stackable"))
    towards = []
    for i, _ in enumerate(r.items(("stackability", "towards"))):
        key = ("stackability", "towards", i)
        if section(r, key, ("title", "url"), required=True):
            title = r.text(key + ("title",), required=True, plain=True)
            url = r.url(key + ("url",))
            if title:
                towards.append(Stackable(title, url))
    if towards and not stackable:
        r.warn(("stackability", "towards"), "given while 'stackable' is false",
               "set 'stackable: true' or remove 'towards'")
    return Stackability(stackable, towards)
