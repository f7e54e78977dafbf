"""Shared fixtures: small sites written into tmp_path, built or checked in-process."""

from __future__ import annotations

import socket
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

SITE_YAML = """\
base_url: https://uni.example.org/mc/
languages: [en, nl]
title: {en: Test Microcredentials, nl: Test-microcredentials}
description: {en: Courses for testing., nl: Cursussen om te testen.}
institution:
  name: {en: Test University, nl: Testuniversiteit}
  url: https://www.uni.example.org/
  country: NL
  sector: wo
theme: default
"""

# A valid course; tests change one field at a time with `course_text(...)`.
COURSE = """\
---
id: {slug}
version: "2026.1"
status: published
title: {{en: Testing Things Well, nl: Goed testen}}
summary: {{en: A short course about testing., nl: Een korte cursus over testen.}}
language: [en]
workload:
  ects: 4
  hours: 112
level:
  eqf: 6
field_of_study: ["0613"]
learning_outcomes:
  - {{en: Write tests that can fail., nl: Tests schrijven die kunnen falen.}}
  - {{en: Read a failing test calmly., nl: Een falende test rustig lezen.}}
  - {{en: "Fix the code, not the test.", nl: "De code repareren, niet de test."}}
assessment:
  types: [written_exam]
  supervision: supervised_with_id_check
  grading: {{scale: nl-1-10, pass: "5.5"}}
participation: [online]
quality_assurance:
  framework: kwaliteitskader-ho
  type: institutional
---
Body text in English.

<!-- lang: nl -->
Tekst in het Nederlands.
"""


def course_text(slug: str = "testing-things", **replace: str) -> str:
    """The valid course with whole lines swapped: course_text(**{'  ects: 4': '  ects: 40'})."""
    text = COURSE.format(slug=slug)
    for old, new in replace.items():
        assert old in text, f"{old!r} is not a line of the test course"
        text = text.replace(old, new)
    return text


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path):
    """make_site({"content/courses/x.md": "..."}) -> site folder with a valid site.yaml."""

    def make(files: dict[str, str | bytes] | None = None, site_yaml: str | None = SITE_YAML,
             courses: bool = True) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        base = {}
        if site_yaml is not None:
            base["content/site.yaml"] = site_yaml
        if courses:
            base["content/courses/testing-things.md"] = course_text()
        return write_files(root, {**base, **(files or {})})

    return make


@pytest.fixture
def no_network(monkeypatch):
    """Fail any attempt to open a network connection during the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def sample_site(tmp_path: Path, name: str = "site") -> Path:
    """A private copy of the sample site, so tests can break it."""
    import shutil

    site = tmp_path / name
    for folder in ("content", "themes"):
        shutil.copytree(ROOT / folder, site / folder)
    return site
