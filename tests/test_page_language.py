"""Pages speak their own language: numbers, vocabulary labels and og:locale.

- Grades and pass marks use the page language's decimal sign ("7,5" on a Dutch page).
- Every vocabulary concept credsite names (participation, assessment, supervision, quality
  assurance, grading, EQF, NLQF) has a Dutch label, and no Dutch page shows an English one.
- ISCED-F fields: no authoritative Dutch labels could be had offline, so a site names them in
  its theme (`label_isced_<code>` in i18n/nl.yaml, docs/themes.md); any concept can be renamed
  that way, and a label in the page's own language beats credsite's, which beats an English one.
- og:locale is language_TERRITORY (nl_NL), as Open Graph expects.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, sample_site
from generator.build.pipeline import build
from generator.content import vocab

SITE_PATH = "microcredentials"  # the sample's base URL path, under which `www` holds it
COURSE = "data-literacy-for-policy"  # EQF 7, blended, ISCED-F 0542 and 0312, pass mark 5.5
GRADED = "92cd8cfd-91c5-49bf-892e-531e743e04c7"  # a credential of that course with the grade 7.5


@pytest.fixture(scope="module")
def out(www) -> Path:
    return www / SITE_PATH


def doc(out: Path, path: str):
    return lxml.html.fromstring((out / path / "index.html").read_bytes())


def text(element) -> str:
    return " ".join(element.text_content().split())


def dd_after(page, dt: str) -> str:
    """The text of the <dd> beside the first <dt> that reads `dt`."""
    found = page.xpath("//dt[normalize-space()=$dt]/following-sibling::dd[1]", dt=dt)
    assert found, f"no {dt!r} on the page"
    return text(found[0])


def test_og_locale_names_language_and_territory(out):
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page = lxml.html.fromstring(path.read_bytes())
        locale = page.xpath("string(//meta[@property='og:locale']/@content)")
        assert locale == {"en": "en_US", "nl": "nl_NL"}[page.get("lang")], path


def test_grades_and_pass_marks_use_the_page_languages_decimal_sign(out):
    nl = doc(out, f"nl/badges/{GRADED}")
    en = doc(out, f"badges/{GRADED}")
    assert dd_after(nl, "Cijferschaal 1 tot en met 10") == "7,5"
    assert dd_after(en, "Dutch grading scale 1 to 10") == "7.5"
    assert "Voldoende vanaf: 5,5" in text(doc(out, f"nl/courses/{COURSE}"))
    assert "Pass mark: 5.5" in text(doc(out, f"courses/{COURSE}"))


# Words that are the same in Dutch and English.
SAME_IN_DUTCH = {"Online", "Portfolio", "Quiz", "European Credit Transfer and Accumulation System (ECTS)"}
TRANSLATED = [vocab.EQF_LEVELS, vocab.NLQF_LEVELS, vocab.PARTICIPATION_MODES, vocab.ASSESSMENT_TYPES,
              vocab.SUPERVISION, vocab.QA_TYPES, vocab.CREDIT_SYSTEMS, vocab.GRADING_SCALES]


def test_every_vocabulary_label_but_isced_f_is_translated_into_dutch():
    untranslated = [concept.label["en"] for table in TRANSLATED for concept in table.values()
                    if concept.label.get("nl", concept.label["en"]) == concept.label["en"]
                    and concept.label["en"] not in SAME_IN_DUTCH]
    assert not untranslated, untranslated


def dutch_text(path: Path) -> str:
    """A Dutch page's visible text, without the parts it marks as another language."""
    page = lxml.html.fromstring(path.read_bytes())
    for element in page.xpath("//script | //style | //*[@lang and not(starts-with(@lang, 'nl'))]"):
        if element is not page:
            element.drop_tree()
    return text(page.body)


def test_no_dutch_page_shows_an_english_vocabulary_label(out):
    english = sorted({concept.label["en"] for table in TRANSLATED for concept in table.values()
                      if concept.label["nl"] != concept.label["en"]}, key=len, reverse=True)
    pages = sorted((out / "nl").rglob("index.html"))
    assert len(pages) > 10
    problems = []
    for path in pages:
        shown = dutch_text(path)
        problems += [f"{path.relative_to(out)}: {label!r}" for label in english
                     if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", shown)]
    assert not problems, "\n".join(problems)
    course = dutch_text(out / "nl" / "courses" / COURSE / "index.html")
    assert "Online en op locatie" in course  # the form of participation: "Blended" before


@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> Path:
    """The sample site with a theme that names ISCED-F fields in Dutch and renames two concepts."""
    root = sample_site(tmp_path_factory.mktemp("labels"))
    (root / "themes" / "campus" / "i18n").mkdir(parents=True)
    (root / "themes" / "campus" / "i18n" / "nl.yaml").write_text(
        "label_isced_0542: Statistiek\n"
        "label_isced_05: Natuurwetenschappen, wiskunde en statistiek\n"
        "label_assessment_written_exam: Tentamen\n", encoding="utf-8")
    (root / "themes" / "campus" / "i18n" / "en.yaml").write_text(
        "label_participation_blended: Hybrid learning\n", encoding="utf-8")
    settings = root / "content" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("theme: default", "theme: campus"),
                        encoding="utf-8")
    out = root / "_site"
    result = build(root, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


def test_a_theme_names_isced_f_fields_in_dutch(themed):
    course = doc(themed, f"nl/courses/{COURSE}")
    assert dd_after(course, "Vakgebied").startswith("Statistiek, ")
    # (Badge pages link to the course version for these elements instead of repeating them.)
    catalogue = doc(themed, "nl")
    assert text(catalogue.get_element_by_id("f-field-05").getnext()) == "Natuurwetenschappen, wiskunde en statistiek"
    # English pages keep the EU's English labels.
    assert dd_after(doc(themed, f"courses/{COURSE}"), "Field of study").startswith("Statistics, ")


def test_a_label_in_the_pages_language_beats_credsites_which_beats_an_english_one(themed):
    nl, en = doc(themed, f"nl/courses/{COURSE}"), doc(themed, f"courses/{COURSE}")
    assert dd_after(nl, "Toetsvorm").startswith("Tentamen")  # the theme's Dutch label
    assert dd_after(en, "Type of assessment").startswith("Written examination")
    assert dd_after(en, "Form of participation") == "Hybrid learning"  # the theme's English label...
    assert dd_after(nl, "Vorm van deelname") == "Online en op locatie"  # ...does not replace credsite's Dutch


def test_without_a_theme_label_isced_f_fields_show_the_eus_english_labels(out):
    assert dd_after(doc(out, f"nl/courses/{COURSE}"), "Vakgebied").startswith("Statistics, ")


def test_the_default_theme_documents_the_label_keys():
    themes = (ROOT / "docs" / "themes.md").read_text(encoding="utf-8")
    assert "label_isced_" in themes and "label_<table>_<token>" in themes
