"""Controlled vocabularies used by the generator.

Course files use short tokens (``eqf: 7``, ``participation: blended``,
``assessment: [written_exam]``). This module maps each token to a concept URI
and to display labels, so that the badge pages, the Open Badges 3.0 output and
the ELM JSON-LD all emit the same URI for the same fact.

Where the facts come from:

* EQF levels, NLQF levels, ISCED-F 2013 fields, modes of learning and
  assessment, assessment types, supervision and verification, accreditation
  types and credit systems are concepts of the EU controlled vocabularies
  published by the Publications Office (EU Vocabularies, ``data.europa.eu/snb``),
  as used by the European Learning Model (ELM). EU vocabulary data may be
  reused with acknowledgement (Commission Decision 2011/833/EU).
* The ISCED-F 2013 table (``data/isced_f.json``) holds the English labels of the
  EU ISCED-F 2013 vocabulary at http://data.europa.eu/snb/isced-f (scheme
  ``.../isced-f/25831c2``). It carries no Dutch labels: the EU publishes them,
  but no copy of them could be had from a package registry (PyPI, npm, Debian),
  and a translation of our own would pass for the EU's. Pages fall back to
  English; a site names fields in its theme (``label_isced_<code>``,
  docs/themes.md).
* Dutch labels elsewhere are our own plain-language wording, not official EU
  translations; a theme can rename them too.
* Concepts for which no EU concept is known use our own namespace
  ``https://w3id.org/credsite/ns#``.

The list is not complete: EU Vocabularies keeps adding concepts, so compare with
the published vocabularies when extending it (``tests/test_vocab.py`` checks
these facts against a reference snapshot when one is available).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Our own namespace, for concepts that have no EU URI.
CREDSITE_NS = "https://w3id.org/credsite/ns#"

_SNB = "http://data.europa.eu/snb/"


@dataclass(frozen=True)
class Concept:
    """One concept: the token used in course files, its URI and labels by language."""

    token: str
    uri: str
    label: dict[str, str] = field(hash=False)

    def label_in(self, lang: str) -> str:
        """The label in ``lang``, falling back to English (always present)."""
        return self.label.get(lang) or self.label["en"]


# --- Qualification levels -------------------------------------------------

# EQF URIs follow a plain pattern, so the levels are generated.
EQF_LEVELS: dict[int, Concept] = {
    n: Concept(str(n), f"{_SNB}eqf/{n}", {"en": f"EQF level {n}", "nl": f"EQF-niveau {n}"})
    for n in range(1, 9)
}


def _nlqf(token: str, concept_id: str, en: str, nl: str) -> Concept:
    # NLQF levels are concepts of the EU qualification-framework list (qdr);
    # their identifiers are opaque, so each one is written out.
    return Concept(token, f"{_SNB}qdr/{concept_id}", {"en": en, "nl": nl})


# Keys are the values allowed in course files: "entry", the integers 1-8 and
# "4+" (NLQF has a level between 4 and 5 without an EQF counterpart).
NLQF_LEVELS: dict[int | str, Concept] = {
    "entry": _nlqf("entry", "c_b42dd23b", "NLQF entry level", "NLQF instroomniveau"),
    1: _nlqf("1", "c_3e11a3fd", "NLQF level 1", "NLQF-niveau 1"),
    2: _nlqf("2", "c_c749fa23", "NLQF level 2", "NLQF-niveau 2"),
    3: _nlqf("3", "c_f97cdbb5", "NLQF level 3", "NLQF-niveau 3"),
    4: _nlqf("4", "c_ff656b33", "NLQF level 4", "NLQF-niveau 4"),
    "4+": _nlqf("4+", "c_c2700f4e", "NLQF level 4+", "NLQF-niveau 4+"),
    5: _nlqf("5", "c_18c9e9fe", "NLQF level 5", "NLQF-niveau 5"),
    6: _nlqf("6", "c_1711a061", "NLQF level 6", "NLQF-niveau 6"),
    7: _nlqf("7", "c_478359fc", "NLQF level 7", "NLQF-niveau 7"),
    8: _nlqf("8", "c_2835a50f", "NLQF level 8", "NLQF-niveau 8"),
}


# --- Fields of study --------------------------------------------------------

ISCED_F_BASE = f"{_SNB}isced-f/"


@lru_cache(maxsize=1)
def isced_f() -> dict[str, Concept]:
    """ISCED-F 2013 fields of education and training, keyed by code.

    Codes are strings because leading zeros matter ("0533" is a detailed field,
    "05" a broad one): 2 digits = broad, 3 = narrow, 4 = detailed field.
    Facts from the EU ISCED-F 2013 vocabulary, data.europa.eu/snb/isced-f;
    English labels only. Loaded on first use, since most runs need few codes.
    """
    text = (resources.files("generator") / "data" / "isced_f.json").read_text(encoding="utf-8")
    table: dict[str, str] = json.loads(text)
    return {code: Concept(code, ISCED_F_BASE + code, {"en": label}) for code, label in table.items()}


# --- Learning and assessment ----------------------------------------------


def _concept(token: str, uri: str, en: str, nl: str) -> Concept:
    return Concept(token, uri, {"en": en, "nl": nl})


def _table(*concepts: Concept) -> dict[str, Concept]:
    return {c.token: c for c in concepts}


_MODE = f"{_SNB}learning-assessment/"

# Tokens are the edubadges participation values, so imports need no mapping.
PARTICIPATION_MODES: dict[str, Concept] = _table(
    _concept("online", _MODE + "920fbb3cbe", "Online", "Online"),
    _concept("onsite", _MODE + "9191af2ed9", "On site", "Op locatie"),  # EU: "Presential"
    _concept("blended", _MODE + "e92d221e4d", "Blended", "Online en op locatie"),
    _concept("work_experience", _MODE + "729f3bed4b", "Work-based", "Werkplekleren"),
)

_ASSESSMENT = f"{_SNB}assessment/"

# Every EU assessment type gets a token, so a course can name any of them.
# English labels follow the EU wording; "toets" is used in Dutch because it
# reads naturally in mbo, hbo and wo alike.
ASSESSMENT_TYPES: dict[str, Concept] = _table(
    _concept("written_exam", _ASSESSMENT + "6e6cb2cc78", "Written examination", "Schriftelijke toets"),
    _concept("oral_exam", _ASSESSMENT + "d30284d7df", "Oral examination", "Mondelinge toets"),
    _concept("portfolio", _ASSESSMENT + "4f03b91c0e", "Portfolio", "Portfolio"),
    _concept("practical_assessment", _ASSESSMENT + "6a4db9f11d", "Practical assessment", "Praktijktoets"),
    _concept("assignment", _ASSESSMENT + "2939dae15f", "Marked assignment", "Beoordeelde opdracht"),
    _concept("artefact_assessment", _ASSESSMENT + "de4d165a6c", "Artefact assessment", "Beoordeling van een product"),
    _concept("project_work", _ASSESSMENT + "795dac4096", "Project work", "Projectwerk"),
    _concept("peer_assessment", _ASSESSMENT + "19a2e5e671", "Peer assessment", "Beoordeling door medestudenten"),
    _concept("continuous_evaluation", _ASSESSMENT + "3484bd7e51", "Continuous evaluation", "Doorlopende beoordeling"),
    _concept("group_performance", _ASSESSMENT + "56539a6507", "Group performance", "Groepsprestatie"),
    _concept("attendance", _ASSESSMENT + "7331eb4762", "Level of attendance", "Mate van aanwezigheid"),
    _concept("peer_review", _ASSESSMENT + "812e3b0ae1", "Peer review", "Peerreview"),
    _concept("quiz", _ASSESSMENT + "b1b68f6735", "Quiz", "Quiz"),
    _concept("problem_based_learning", _ASSESSMENT + "c4256a2726", "Problem-based learning", "Probleemgestuurd leren"),
)

_SUPERVISION = f"{_SNB}supervision-verification/"

# The Council Recommendation on microcredentials asks for the form of
# participation in the assessment: supervised or not, identity checked or not.
# Only two EU concepts are known: c598449d64 appears in an EU sample
# credential; df2880c5cb is seen in third-party ELM code only and should be
# confirmed in EU Vocabularies. The supervised options use our namespace until
# their EU URIs are confirmed.
SUPERVISION: dict[str, Concept] = _table(
    _concept(
        "unsupervised_no_id_check",
        _SUPERVISION + "c598449d64",
        "Unsupervised, no identity check",
        "Zonder toezicht, zonder identiteitscontrole",
    ),
    _concept(
        "unsupervised_with_id_check",
        _SUPERVISION + "df2880c5cb",
        "Unsupervised, with identity check",
        "Zonder toezicht, met identiteitscontrole",
    ),
    _concept(
        "supervised_no_id_check",
        CREDSITE_NS + "supervised_no_id_check",
        "Supervised, no identity check",
        "Onder toezicht, zonder identiteitscontrole",
    ),
    _concept(
        "supervised_with_id_check",
        CREDSITE_NS + "supervised_with_id_check",
        "Supervised, with identity check",
        "Onder toezicht, met identiteitscontrole",
    ),
)


# --- Quality assurance --------------------------------------------------------

_ACCREDITATION = f"{_SNB}accreditation/"

# Whether the quality of the provider as a whole or of this programme is assured.
QA_TYPES: dict[str, Concept] = _table(
    _concept(
        "institutional",
        _ACCREDITATION + "bb4618238e",
        "Institutional quality assurance",
        "Kwaliteitszorg op instellingsniveau",
    ),
    _concept(
        "programme",
        _ACCREDITATION + "820101cba6",
        "Programme quality assurance",
        "Kwaliteitszorg op opleidingsniveau",
    ),
)


@dataclass(frozen=True)
class QAFramework:
    """A Dutch quality framework that a microcredential can be offered under."""

    key: str
    name: str
    url: str
    sectors: tuple[str, ...]  # education sectors it applies to: mbo, hbo, wo


# These frameworks have no concept URI; the name and the page describing them
# are what a reader needs to check the claim.
QA_FRAMEWORKS: dict[str, QAFramework] = {
    f.key: f
    for f in (
        QAFramework(
            "kwaliteitskader-ho",
            "Kwaliteitskader Microcredentials voor Professionals HBO en WO",
            "https://npuls.nl/doorbouwen-aan-microcredentials",
            ("hbo", "wo"),
        ),
        QAFramework(
            "kwaliteitskader-mbo",
            "Kwaliteitskader voor pilot microcredentials mbo 2024 - 2025",
            "https://npuls.nl/microcredentials-mbo/",
            ("mbo",),
        ),
    )
}


# --- Credits and grading ------------------------------------------------------

# Only ECTS for now: Dutch microcredentials state their workload in ECTS.
CREDIT_SYSTEMS: dict[str, Concept] = _table(
    _concept(
        "ECTS",
        f"{_SNB}education-credit/6fcec5c5af",
        "European Credit Transfer and Accumulation System (ECTS)",
        "European Credit Transfer and Accumulation System (ECTS)",
    ),
)

# No EU vocabulary lists grading scales, so these use our namespace.
GRADING_SCALES: dict[str, Concept] = _table(
    _concept("nl-1-10", CREDSITE_NS + "nl-1-10", "Dutch grading scale 1 to 10", "Cijferschaal 1 tot en met 10"),
    _concept("pass-fail", CREDSITE_NS + "pass-fail", "Pass / fail", "Voldaan / niet voldaan"),
    _concept("ects-a-e", CREDSITE_NS + "ects-a-e", "ECTS grading scale A to E",
             "ECTS-beoordelingsschaal A tot en met E"),
)


# --- Suggestions ------------------------------------------------------------------


def closest(word: str, choices: Iterable[object]) -> str | None:
    """The choice most like ``word``, for "did you mean ...?" messages, or None.

    Choices are compared as strings, so the keys of NLQF_LEVELS (ints and
    strings) can be passed as they are.
    """
    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return matches[0] if matches else None
