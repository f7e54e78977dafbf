"""Seeded fuzzing of course front matter and credential JSON: a clear error naming the file, or success.

Each case changes one input file of a copy of the sample site: a course file's front matter
(a field deleted, emptied, nulled, given another type, a huge or strange text, nested garbage, or
the file's bytes cut or spoiled) or a credential (a value deleted, replaced or retyped at any
path, the bytes cut, not JSON, another encoding). Every outcome must be either a success or
errors that each name the changed file, and never a crash, a traceback or a problem credsite
blames on itself. Most cases run through `load` and `check`/`verify` in-process; a few run a whole
build into an existing output folder, which a failed build must leave exactly as it was.

The runs are reproducible: CREDSITE_FUZZ_SEED picks another seed, CREDSITE_FUZZ_SCALE multiplies
the number of cases (e.g. 20 for a long run). A failure prints the seed and the first cases.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import os
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, tree_digest
from generator.build.pipeline import Content, build, check, load, verify
from generator.problems import Code, Problem

SEED = int(os.environ.get("CREDSITE_FUZZ_SEED", "17"))
SCALE = float(os.environ.get("CREDSITE_FUZZ_SCALE", "1"))
COURSE_CASES = int(1000 * SCALE)
CREDENTIAL_CASES = int(1000 * SCALE)
BUILD_CASES = int(50 * SCALE)
SHOWN = 5  # failing cases a report lists

# Text meant to break parsers, escaping, templates, terminals and layout.
STRANGE = [
    "\u202eevil\u202c", "zero\u200bwidth", "e\u0301\u0301\u0301\u0301", "😀" * 40, "\ufeffbom", "nul\x00byte",
    "\x1b[31mred", "lone \ud800 surrogate", "<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}x",
    "line\u2028separator", "𝔉𝔯𝔞𝔨𝔱𝔲𝔯", "İstanbul ǅ", "\uffff\U0010ffff", "'; DROP TABLE x; --", "${jndi:ldap://x}",
    "../../etc/passwd", "javascript:alert(1)", "&amp;&lt;]]>", "\t\r\n", " ", "-", "=HYPERLINK(\"x\")", "%s%n",
]


def nested_garbage(rng: random.Random, depth: int = 0) -> Any:
    if depth > rng.randint(1, 6):
        return rng.choice([None, 0, "", "x", True, [], {}, -1.5])
    if rng.random() < 0.5:
        return [nested_garbage(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["a", "en", "id", "type", "0", "start"]): nested_garbage(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


def hostile_value(rng: random.Random, original: Any) -> Any:
    """A value a careless or hostile edit could leave where `original` was."""
    if rng.random() < 0.3:  # emptied: the commonest slip, and where nested mappings used to crash
        return rng.choice([None, "", {}, [], "   ", [None], [{}]])
    kind = rng.randrange(2, 11)
    if kind == 2:  # another type
        return rng.choice([0, -1, 1.5, 10**30, float("inf"), True, False, "text", ["a"], {"a": 1},
                           dt.date(1, 1, 1), dt.date(9999, 12, 31)])
    if kind == 3:
        return "x" * rng.choice([256, 1001, 5000, 100_000])
    if kind == 4:
        return rng.choice(STRANGE)
    if kind == 5 and isinstance(original, str):
        return original + rng.choice(STRANGE)
    if kind == 6:
        return nested_garbage(rng)
    if kind == 7:
        return [original] if not isinstance(original, list) else original * rng.randint(0, 30)
    if kind == 8 and isinstance(original, (int, float)) and not isinstance(original, bool):
        return rng.choice([original * 1000, -original, original + 0.25, str(original)])
    if kind == 9:
        return {"en": rng.choice(STRANGE + [None, 5]), rng.choice(["nl", "de", "EN"]): rng.choice(STRANGE)}
    return rng.choice(STRANGE + [None, 0, [], {}])


def paths(value: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        out += paths(child, path + (key,))
    return out


def mutate_data(rng: random.Random, data: Any) -> tuple[Any, str]:
    """`data` with one value deleted or replaced at a random path, and what was done."""
    data = copy.deepcopy(data)
    path = rng.choice(paths(data)[1:])
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if rng.random() < 0.25:
        del parent[path[-1]]
        return data, f"deleted {path}"
    value = hostile_value(rng, parent[path[-1]])
    parent[path[-1]] = value
    return data, f"{path} = {ascii(value)[:60]}"


def spoil_bytes(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    """The file's bytes cut, spoiled or re-encoded."""
    kind = rng.randrange(7)
    at = rng.randrange(len(raw) + 1)
    if kind == 0:
        return raw[:at], f"cut at byte {at}"
    if kind == 1:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        return raw[:at] + junk + raw[at:], f"{junk!r} inserted at byte {at}"
    if kind == 2:
        return b"\xef\xbb\xbf" + raw, "a byte-order mark added"
    if kind == 3:
        return raw.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-le", "latin-1"]), "replace"), \
            "re-encoded"
    if kind == 4:
        return rng.choice([b"", b"null", b"[]", b"{}", b"---\n---\n", b"\x00" * 64, b"[" * 100_000]), "replaced"
    if kind == 5:
        return raw.replace(b"\n", b"\r", rng.randint(1, 50)), "line ends changed"
    return raw[:at] + raw[at + rng.randint(1, 40):], f"bytes removed at {at}"


# ---------------------------------------------------------------- judging an outcome


def outcome_problem(problems: list[Problem], changed: str) -> str | None:
    """What is wrong with this outcome; None for a success or errors that each name the changed file."""
    for p in problems:
        text = str(p)
        if "Traceback" in text or "internal error" in text or "credsite bug" in text or p.code is Code.BUG:
            return f"credsite blames itself: {text[:300]}"
        if p.is_error and changed not in (p.path, *p.message.split()):
            return f"an error that does not name {changed}: {text[:300]}"
    return None


class Failures:
    """The failing cases of one run, reported with the seed."""

    def __init__(self, what: str):
        self.what = what
        self.cases: list[str] = []
        self.count = 0

    def run(self, case: str, attempt: Callable[[], str | None]) -> None:
        self.count += 1
        try:
            wrong = attempt()
        except Exception as exc:  # a crash: the command line would exit 70
            wrong = f"crashed: {type(exc).__name__}: {str(exc)[:200]}"
        if wrong:
            self.cases.append(f"{case}: {wrong}")

    def check(self, at_least: int) -> None:
        assert self.count >= at_least
        assert not self.cases, (f"{len(self.cases)} of {self.count} {self.what} cases failed with "
                                f"CREDSITE_FUZZ_SEED={SEED}; the first:\n" + "\n".join(self.cases[:SHOWN]))


# ---------------------------------------------------------------- the sites


def small_site(folder: Path, courses: list[str], credentials: list[str] = ()) -> Path:
    """The sample site.yaml and status files with only the named course and credential files."""
    (folder / "content" / "courses").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yaml", folder / "content" / "site.yaml")
    shutil.copytree(ROOT / "content" / "status", folder / "content" / "status")
    for slug in courses:
        shutil.copy(ROOT / "content" / "courses" / f"{slug}.md", folder / "content" / "courses" / f"{slug}.md")
    if credentials:
        (folder / "content" / "issued").mkdir()
    for name in credentials:
        shutil.copy(ROOT / "content" / "issued" / name, folder / "content" / "issued" / name)
    return folder


def front_matter(text: str) -> tuple[dict, str]:
    _, yaml_text, body = text.split("---\n", 2)
    return yaml.safe_load(yaml_text), body


def course_text(data: Any, body: str) -> str:
    try:
        front = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                          sort_keys=False)
    except UnicodeEncodeError:  # libyaml cannot write a lone surrogate; PyYAML's own writer escapes it
        front = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False)
    return "---\n" + front + "---\n" + body


def course_mutants(rng: random.Random, slugs: list[str]) -> Iterator[tuple[str, str, bytes]]:
    """(slug, what was done, the course file's new bytes)"""
    sources = {slug: (ROOT / "content" / "courses" / f"{slug}.md").read_text(encoding="utf-8") for slug in slugs}
    parsed = {slug: front_matter(text) for slug, text in sources.items()}
    while True:
        slug = rng.choice(slugs)
        if rng.random() < 0.15:
            raw, done = spoil_bytes(rng, sources[slug].encode())
            yield slug, done, raw
            continue
        data, body = parsed[slug]
        done = []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            data, change = mutate_data(rng, data)
            done.append(change)
        try:
            yield slug, "; ".join(done), course_text(data, body).encode("utf-8", "surrogatepass")
        except yaml.YAMLError:
            continue  # PyYAML cannot write every value (e.g. some lone surrogates); nothing to test


def credential_mutants(rng: random.Random, names: list[str]) -> Iterator[tuple[str, str, bytes]]:
    """(file name, what was done, the credential's new bytes)"""
    raws = {name: (ROOT / "content" / "issued" / name).read_bytes() for name in names}
    documents = {name: json.loads(raw) for name, raw in raws.items()}
    while True:
        name = rng.choice(names)
        if rng.random() < 0.2:
            raw, done = spoil_bytes(rng, raws[name])
            yield name, done, raw
            continue
        if rng.random() < 0.05:  # the same document written another way: still the signed credential
            yield name, "reformatted", json.dumps(documents[name], indent=rng.choice([None, 1, 4])).encode()
            continue
        document, done = mutate_data(rng, documents[name])
        text = json.dumps(document, ensure_ascii=rng.random() < 0.5, default=str)  # default: dates as text
        yield name, done, text.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------- the runs


@pytest.fixture
def theme_read_once(monkeypatch):
    """The theme never changes during a run: read its strings and compile its templates once, instead of
    once per case (which is most of the time a check takes)."""
    from generator.build import units
    from generator.site import theme

    monkeypatch.setattr(theme, "strings_of", functools.lru_cache(maxsize=None)(theme.strings_of))
    environments: dict[Path, Any] = {}
    make = units.make_environment

    def environment(site):
        if site.source not in environments:
            environments[site.source] = make(site)
        return environments[site.source]

    monkeypatch.setattr(units, "make_environment", environment)


def test_fuzz_course_front_matter(tmp_path, theme_read_once):
    rng = random.Random(SEED)
    slugs = sorted(p.stem for p in (ROOT / "content" / "courses").glob("*.md"))
    sites = {slug: small_site(tmp_path / slug, [slug]) for slug in slugs}
    failures = Failures("course")
    checked: list[list] = []  # the courses a full check passed: rendering one again would only cost time
    mutants = course_mutants(rng, slugs)
    for _ in range(COURSE_CASES):
        slug, done, raw = next(mutants)
        path = sites[slug] / "content" / "courses" / f"{slug}.md"
        path.write_bytes(raw)

        def attempt(site: Path = sites[slug], changed: str = f"content/courses/{slug}.md") -> str | None:
            loaded = load(site, drafts=True)
            if not isinstance(loaded, Content):
                return f"site.yaml became unreadable: {loaded.problems[:1]}"
            if not loaded.ok:
                return outcome_problem(loaded.problems, changed)
            if loaded.families in checked:
                return None
            content = check(site)  # renders the course's pages, Achievement and badge, as build would
            checked.append(loaded.families)
            return outcome_problem(content.problems, changed)

        failures.run(f"{slug}: {done}", attempt)
    failures.check(COURSE_CASES)


def course_of(credential: Path) -> str:
    """The slug of the course a sample credential was issued for."""
    achievement = json.loads(credential.read_bytes())["credentialSubject"]["achievement"]["id"]
    return achievement.split("/achievements/")[1].split("/")[0]


def test_fuzz_credential_json(tmp_path, theme_read_once):
    rng = random.Random(SEED + 1)
    files = sorted((ROOT / "content" / "issued").glob("*.json"))
    # A site per credential, with only its course: each case verifies the one credential it changed.
    sites = {p.name: small_site(tmp_path / p.stem, [course_of(p)], [p.name]) for p in files}
    failures = Failures("credential")
    mutants = credential_mutants(rng, list(sites))
    for _ in range(CREDENTIAL_CASES):
        name, done, raw = next(mutants)
        path = sites[name] / "content" / "issued" / name
        original = path.read_bytes()
        path.write_bytes(raw)

        def attempt(site: Path = sites[name], changed: str = f"content/issued/{name}") -> str | None:
            loaded = load(site)
            if not isinstance(loaded, Content):
                return f"site.yaml became unreadable: {loaded.problems[:1]}"
            return outcome_problem(verify(loaded, save_cache=False).problems, changed)

        failures.run(f"{name}: {done}", attempt)
        path.write_bytes(original)
    failures.check(CREDENTIAL_CASES)


def test_fuzz_builds_into_an_existing_output(tmp_path, theme_read_once):
    """Whole builds: a failed one leaves the previous output exactly as it was."""
    rng = random.Random(SEED + 2)
    site = tmp_path / "site"
    for folder in ("content", "themes"):
        shutil.copytree(ROOT / folder, site / folder)
    out = tmp_path / "_site"
    assert build(site, out).ok
    before = tree_digest(out)
    slugs = sorted(p.stem for p in (site / "content" / "courses").glob("*.md"))
    names = sorted(p.name for p in (site / "content" / "issued").glob("*.json"))
    courses, credentials = course_mutants(rng, slugs), credential_mutants(rng, names)
    failures = Failures("build")
    for i in range(BUILD_CASES):
        folder, (name, done, raw) = (("courses", next(courses)) if i % 2 else ("issued", next(credentials)))
        path = site / "content" / folder / (f"{name}.md" if folder == "courses" else name)
        original = path.read_bytes()
        path.write_bytes(raw)

        def attempt(changed: str = path.relative_to(site).as_posix()) -> str | None:
            nonlocal before
            result = build(site, out)
            if result.ok:
                before = tree_digest(out)  # a successful build may change the output
                return None
            if tree_digest(out) != before:
                return "a failed build changed the previous output"
            # (A replaced output, ._site.old-*, may still be being removed after an earlier build.)
            staging = [p.name for p in tmp_path.iterdir() if p.name.startswith("._site.new-")]
            if staging:
                return f"a failed build left {staging}"
            return outcome_problem(result.problems, changed)

        failures.run(f"{folder}/{name}: {done}", attempt)
        path.write_bytes(original)
    failures.check(BUILD_CASES)


def test_a_run_has_at_least_2000_cases():
    assert COURSE_CASES + CREDENTIAL_CASES + BUILD_CASES >= 2000 * min(SCALE, 1)
