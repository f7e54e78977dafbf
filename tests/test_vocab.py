"""Check the generator's vocabularies against the reference CSVs in tests/vendor/vocab.

The generator carries its own copy of these facts; these tests catch typos in
URIs and codes. The CSVs are extracts of the EU code lists (tests/vendor/vocab/sources.json).
"""

import json

from conftest import ROOT, VENDOR, read_csv
from generator.content import vocab

REFERENCE = VENDOR / "vocab"


def uris(name: str, column: str = "uri") -> set[str]:
    return {row[column] for row in read_csv(REFERENCE / name) if row[column]}


def all_concepts() -> list[vocab.Concept]:
    tables = [
        vocab.EQF_LEVELS,
        vocab.NLQF_LEVELS,
        vocab.isced_f(),
        vocab.PARTICIPATION_MODES,
        vocab.ASSESSMENT_TYPES,
        vocab.SUPERVISION,
        vocab.QA_TYPES,
        vocab.CREDIT_SYSTEMS,
        vocab.GRADING_SCALES,
    ]
    return [concept for table in tables for concept in table.values()]


# --- against the reference snapshot ---------------------------------------------


def test_isced_f_codes_uris_and_labels_match_reference():
    reference = {row["code"]: row for row in read_csv(REFERENCE / "isced_f_2013.csv")}
    ours = vocab.isced_f()
    assert set(ours) == set(reference)
    for code, concept in ours.items():
        assert concept.uri == reference[code]["uri"], code
        assert concept.label["en"] == reference[code]["label_en"], code


def test_isced_f_levels_follow_code_length():
    # We derive broad/narrow/detailed from the code length instead of storing it.
    level_by_length = {2: "broad", 3: "narrow", 4: "detailed"}
    for row in read_csv(REFERENCE / "isced_f_2013.csv"):
        assert level_by_length[len(row["code"])] == row["level"], row["code"]


def test_eqf_uris_match_reference():
    assert {c.uri for c in vocab.EQF_LEVELS.values()} == uris("eqf.csv")
    assert sorted(vocab.EQF_LEVELS) == list(range(1, 9))


def test_nlqf_uris_match_reference():
    reference = {row["label_en"]: row["uri"] for row in read_csv(REFERENCE / "nlqf.csv")}
    assert {c.uri for c in vocab.NLQF_LEVELS.values()} == set(reference.values())
    # Each token must point at the right level, not just at some NLQF URI.
    assert vocab.NLQF_LEVELS["entry"].uri == reference["NLQF Entry Level"]
    assert vocab.NLQF_LEVELS["4+"].uri == reference["NLQF Level 4+"]
    for n in range(1, 9):
        assert vocab.NLQF_LEVELS[n].uri == reference[f"NLQF Level {n}"], n


def test_participation_modes_use_eu_modes_and_project_mapping():
    assert {c.uri for c in vocab.PARTICIPATION_MODES.values()} <= uris("learning_modes.csv")
    mapping = {row["token"]: row["eu_mode_uri"] for row in read_csv(REFERENCE / "participation_modes.csv")}
    assert {t: c.uri for t, c in vocab.PARTICIPATION_MODES.items()} == mapping


def test_assessment_types_cover_the_eu_list():
    # Every EU assessment type has exactly one token.
    ours = [c.uri for c in vocab.ASSESSMENT_TYPES.values()]
    assert len(ours) == len(set(ours))
    assert set(ours) == uris("assessment_types.csv")


def test_supervision_uses_eu_concepts_where_known():
    reference = {row["token"]: row["eu_concept_uri"] for row in read_csv(REFERENCE / "supervision_verification.csv")}
    assert set(vocab.SUPERVISION) == set(reference)
    for token, concept in vocab.SUPERVISION.items():
        if reference[token]:
            assert concept.uri == reference[token], token
        else:
            assert concept.uri == vocab.CREDSITE_NS + token, token


def test_qa_types_and_credit_systems_exist_in_reference():
    assert {c.uri for c in vocab.QA_TYPES.values()} <= uris("accreditation_types.csv")
    assert {c.uri for c in vocab.CREDIT_SYSTEMS.values()} <= uris("credit_systems.csv")


# --- internal consistency ------------------------------------------------------------


def test_every_concept_has_an_english_label():
    for concept in all_concepts():
        assert concept.label.get("en"), concept.token


def test_every_uri_is_eu_or_ours():
    for concept in all_concepts():
        assert concept.uri.startswith(("http://data.europa.eu/snb/", vocab.CREDSITE_NS)), concept


def test_keys_match_tokens():
    for table in (vocab.EQF_LEVELS, vocab.NLQF_LEVELS, vocab.isced_f(), vocab.PARTICIPATION_MODES,
                  vocab.ASSESSMENT_TYPES, vocab.SUPERVISION, vocab.QA_TYPES, vocab.CREDIT_SYSTEMS,
                  vocab.GRADING_SCALES):
        for key, concept in table.items():
            assert str(key) == concept.token


def test_isced_f_data_file_is_sorted_and_cached():
    path = ROOT / "generator" / "data" / "isced_f.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    assert list(table) == sorted(table)
    assert vocab.isced_f() is vocab.isced_f()
    assert vocab.isced_f()["0533"].uri == "http://data.europa.eu/snb/isced-f/0533"


def test_label_falls_back_to_english():
    concept = vocab.isced_f()["0533"]
    assert "nl" not in concept.label
    assert concept.label_in("nl") == concept.label["en"]
    assert vocab.EQF_LEVELS[7].label_in("nl") == "EQF-niveau 7"


def test_qa_frameworks():
    ho = vocab.QA_FRAMEWORKS["kwaliteitskader-ho"]
    assert ho.sectors == ("hbo", "wo")
    assert vocab.QA_FRAMEWORKS["kwaliteitskader-mbo"].sectors == ("mbo",)
    for framework in vocab.QA_FRAMEWORKS.values():
        assert framework.url.startswith("https://")


# --- closest -----------------------------------------------------------------------


def test_closest_suggests_a_near_token():
    assert vocab.closest("writen_exam", vocab.ASSESSMENT_TYPES) == "written_exam"
    assert vocab.closest("on-site", vocab.PARTICIPATION_MODES) == "onsite"
    assert vocab.closest("blend", ["online", "onsite", "blended"]) == "blended"


def test_closest_returns_none_when_nothing_is_close():
    assert vocab.closest("xyzzy", vocab.PARTICIPATION_MODES) is None
    assert vocab.closest("anything", []) is None


def test_closest_accepts_mixed_keys():
    assert vocab.closest("4 +", vocab.NLQF_LEVELS) == "4+"
    assert vocab.closest("entri", vocab.NLQF_LEVELS) == "entry"
