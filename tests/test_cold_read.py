"""A cold build (no output, no proof or verdict kept) reads each credential file once, in the judge that checks
it, instead of once to load it and again to judge it (build/pipeline.cold). What loading checks of a file (UTF-8
I-JSON, a JSON object, a urn:uuid: id, no duplicate) is then checked by the judge and reported by verify's finish:
the build must report and publish exactly what a build that loads every file first does."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from conftest import issued_files, loads_first, renders_counted, sample_site, tree
from generator.build import pipeline, units
from generator.build.pipeline import build
from generator.build.store import Store
from generator.content import issued as content_issued
from generator.content import stamps

EPOCH = "1767225600"


def reads_counted(monkeypatch) -> list[str]:
    """The files loading reads (in this process: a sample site is read without a pool)."""
    seen: list[str] = []
    real = content_issued.read_file

    def counting(path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(content_issued, "read_file", counting)
    return seen


def shown(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_cold_build_loads_no_credential_file_and_publishes_what_loading_first_does(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    read = reads_counted(monkeypatch)
    cold = build(sample_site(tmp_path, "a"), tmp_path / "cold")
    assert cold.ok, shown(cold)
    assert read == []  # every file was read by its judge alone
    loads_first(monkeypatch)
    first = build(sample_site(tmp_path, "b"), tmp_path / "first")
    assert len(read) == len(issued_files(tmp_path / "b"))  # the path compared with reads them all
    assert shown(cold) == shown(first) and cold.not_published == first.not_published
    a, b = tree(tmp_path / "cold"), tree(tmp_path / "first")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_the_index_a_cold_build_leaves_spares_the_next_build_reading_and_checking(tmp_path, monkeypatch):
    monkeypatch.setattr(stamps, "RACY_NS", -1)  # files just copied may vouch for their bytes by their stat
    site = sample_site(tmp_path)
    assert build(site, tmp_path / "_site").ok
    shutil.rmtree(tmp_path / "_site")  # the caches stay: this build is not cold
    read = reads_counted(monkeypatch)
    said: list[str] = []
    again = build(site, tmp_path / "_site", progress=said.append)
    assert again.ok, shown(again)
    assert read == []  # known from the index by their stat
    count = len(issued_files(site))
    assert f"verifying 0 credential(s) ({count} unchanged, verified before)" in "\n".join(said)


def _rewrite(path: Path, change) -> None:
    path.write_bytes(change(path.read_bytes()))


def _other_id(raw: bytes) -> bytes:
    document = json.loads(raw)
    document["id"] = "https://example.org/credentials/1"
    return json.dumps(document).encode()


DAMAGES = {
    "a byte-order mark": lambda raw: b"\xef\xbb\xbf" + raw,
    "UTF-16": lambda raw: raw.decode().encode("utf-16"),
    "not JSON": lambda raw: raw[:-3],
    "a duplicate key": lambda raw: raw.replace(b"{", b'{"id": "urn:uuid:1",', 1),
    "not an object": lambda raw: b"[1, 2]",
    "nested too deeply": lambda raw: b"[" * 200_000,
    "no urn:uuid: id": _other_id,
}


def both_ways(tmp_path, monkeypatch, change, **options) -> tuple:
    """A cold build and one that loads every file first, of the sample site changed by `change(site)`."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    results = []
    for name in ("cold", "first"):
        if name == "first":
            loads_first(monkeypatch)
        site = sample_site(tmp_path, name)
        change(site)
        results.append(build(site, tmp_path / f"{name}-out", **options))
    assert not (tmp_path / "cold-out").exists()
    return tuple(results)


def nth(site: Path, n: int) -> Path:
    return sorted((site / "content/issued").glob("*.json"))[n]


@pytest.mark.parametrize("skip_invalid", [False, True], ids=["", "skip-invalid"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_file_that_is_no_credential_is_reported_as_loading_reports_it(tmp_path, monkeypatch, damage,
                                                                         skip_invalid):
    cold, first = both_ways(tmp_path, monkeypatch, lambda site: _rewrite(nth(site, 1), DAMAGES[damage]),
                            skip_invalid=skip_invalid)
    assert not first.ok  # loading's problems are errors, --skip-invalid or not
    assert shown(cold) == shown(first)


def test_what_loading_stops_at_is_all_a_cold_build_reports_too(tmp_path, monkeypatch):
    # A build that loads first stops at a file that is no credential: it never judges the others, so one whose
    # signature no longer holds goes unmentioned, and so do the endorsements' warnings.
    def change(site):
        _rewrite(nth(site, 1), DAMAGES["a byte-order mark"])
        document = json.loads(nth(site, 3).read_bytes())
        document["credentialSubject"]["name"] = "Someone Else"
        nth(site, 3).write_text(json.dumps(document), encoding="utf-8")

    cold, first = both_ways(tmp_path, monkeypatch, change)
    assert shown(cold) == shown(first)
    assert [p for p in shown(first) if "content/issued/" in p] == [
        p for p in shown(first) if "byte-order mark" in p]


@pytest.mark.parametrize("template", ["badge.html", "course.html"])
def test_a_theme_mistake_met_while_rendering_is_not_reported_beside_loadings_problems(tmp_path, monkeypatch,
                                                                                      template):
    # A build that loads first stops at the file that is no credential and renders nothing.
    def change(site):
        _rewrite(nth(site, 1), DAMAGES["a byte-order mark"])
        path = site / "themes/default/templates" / template
        path.write_text(path.read_text(encoding="utf-8") + '{% include "no-such.html" %}', encoding="utf-8")

    cold, first = both_ways(tmp_path, monkeypatch, change)
    assert shown(cold) == shown(first)
    assert not any("no-such.html" in p for p in shown(cold))


def test_a_site_without_keys_still_reports_a_file_that_is_no_credential(tmp_path, monkeypatch):
    def change(site):
        _rewrite(nth(site, 1), DAMAGES["a byte-order mark"])
        settings = site / "content/site.yaml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text[:text.index("\nkeys:")] + "\nkeys: []\n", encoding="utf-8")

    cold, first = both_ways(tmp_path, monkeypatch, change)
    assert shown(cold) == shown(first)
    assert any("byte-order mark" in p for p in shown(cold))


def test_a_duplicate_is_reported_as_loading_reports_it(tmp_path, monkeypatch):
    def change(site):
        shutil.copyfile(nth(site, 2), site / "content/issued" / f"0-copy-of-{nth(site, 2).name}")
        shutil.copyfile(nth(site, 0), site / "content/issued" / f"zz-copy-of-{nth(site, 0).name}")

    cold, first = both_ways(tmp_path, monkeypatch, change)
    assert len([p for p in shown(first) if "the same credential as" in p]) == 2
    assert shown(cold) == shown(first)


def test_a_duplicate_stops_the_rendering_once_both_copies_are_judged(tmp_path, monkeypatch):
    monkeypatch.setattr(units, "BATCH", 1)  # one credential a batch, in this process (a sample site has no pool)
    rendered = renders_counted(monkeypatch)
    site = sample_site(tmp_path)
    first = nth(site, 0)
    shutil.copyfile(first, first.with_name(first.stem + "-copy.json"))  # sorts right before it
    result = build(site, tmp_path / "_site")
    assert not result.ok
    assert [p for p in shown(result) if "the same credential as" in p]
    # The copy and the original, each in its batch; the one after the original finds the build stopped.
    assert rendered == [first.stem, first.stem] and len(issued_files(site)) > 3


def test_a_file_touched_after_the_build_looked_at_it_is_published_and_not_indexed(tmp_path, monkeypatch):
    # The same bytes with a new time: judged as read, and read again next time (its stat vouches for nothing).
    monkeypatch.setattr(stamps, "RACY_NS", -1)
    site = sample_site(tmp_path)
    touched = nth(site, 3)
    real = pipeline.manifest.content_stats

    def walk_then_touch(source):
        found = real(source)
        os.utime(touched, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
        return found

    monkeypatch.setattr(pipeline.manifest, "content_stats", walk_then_touch)
    result = build(site, tmp_path / "_site")
    assert result.ok, shown(result)
    assert (tmp_path / "_site/badges" / touched.stem / "credential.json").read_bytes() == touched.read_bytes()
    with Store(site) as store:
        indexed = store.read("issued").tables["issued"]
    assert touched.name not in indexed and len(indexed) == len(issued_files(site)) - 1


def test_an_index_row_without_a_digest_is_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr(stamps, "RACY_NS", -1)
    site = sample_site(tmp_path)
    assert build(site, tmp_path / "_site").ok
    with Store(site) as store:
        rows = dict(store.read("issued").tables["issued"])
        name = sorted(rows)[0]
        rows[name] = (*rows[name][:2], "", *rows[name][3:])
        store.write("issued", {"format": content_issued.INDEX_FORMAT}, {"issued": rows})
    shutil.rmtree(tmp_path / "_site")
    read = reads_counted(monkeypatch)
    again = build(site, tmp_path / "_site")
    assert again.ok, shown(again)
    assert [Path(path).name for path in read] == [name]  # read again, as a file no index knows


def test_a_file_written_just_before_a_cold_build_is_judged_but_not_indexed(tmp_path):
    # Written within the file system's clock tick of the build looking at it (content/stamps.py): its stat cannot
    # vouch for its bytes, so the next build reads it again, as it would after loading had read it.
    site = sample_site(tmp_path)
    assert build(site, tmp_path / "_site").ok
    with Store(site) as store:
        assert store.read("issued").tables["issued"] == {}
        assert not store.empty("signatures")  # judged all the same


def test_a_store_knows_an_empty_table(tmp_path):
    with Store(tmp_path) as store:
        assert store.empty("signatures")
        store.add("signatures", {"k": ""})
        assert not store.empty("signatures") and store.empty("verdicts")


def test_a_build_with_kept_proofs_is_not_cold(tmp_path):
    site = sample_site(tmp_path)
    with Store(site) as store:
        assert pipeline.cold(store, tmp_path / "_site")
        store.add("signatures", {"k": ""})
        assert not pipeline.cold(store, tmp_path / "_site")
    with Store(site) as store:
        (tmp_path / "_site").mkdir()
        assert not pipeline.cold(store, tmp_path / "_site")


def test_verifying_an_unread_credential_looks_up_no_proof(tmp_path, monkeypatch):
    # Its digest is not known before its judge reads it: a lookup would ask for an empty one.
    asked: list[list[str]] = []
    monkeypatch.setattr(Store, "lookup", lambda self, name, keys, strict=False: asked.append(keys) or {})
    site = sample_site(tmp_path)
    assert build(site, tmp_path / "_site").ok
    assert all(key.rpartition(":")[2] for keys in asked for key in keys)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the advised files back from /proc/self/fd")
def test_a_batch_asks_for_all_its_files_before_its_judge_reads_the_first(tmp_path, monkeypatch):
    # Read one after the other, files not in the page cache each waited for the disk (issued.read_ahead).
    from generator.build import issued

    site = sample_site(tmp_path)
    events: list[tuple[str, str]] = []
    real_advise, real_read = os.posix_fadvise, issued._judge_first_read

    def advise(handle, offset, length, advice):
        events.append(("advised", os.readlink(f"/proc/self/fd/{handle}")))
        return real_advise(handle, offset, length, advice)

    def judged(j, cred, *rest):
        events.append(("read", os.path.realpath(cred.path)))
        return real_read(j, cred, *rest)

    monkeypatch.setattr(os, "posix_fadvise", advise)
    monkeypatch.setattr(issued, "_judge_first_read", judged)
    assert build(site, tmp_path / "_site").ok
    files = sorted(os.path.realpath(p) for p in issued_files(site))
    advised = [path for what, path in events if what == "advised"]
    assert sorted(advised) == files  # a sample site is one batch
    assert sorted(path for what, path in events if what == "read") == files
    assert [what for what, _ in events] == ["advised"] * len(files) + ["read"] * len(files)


def test_a_credential_as_judged_keeps_every_field_but_those_its_judge_read():
    # as_judged makes the credential field by field (dataclasses.replace was slow): a field it forgot to carry
    # over would be lost without a trace, so every field here holds something other than its default.
    import dataclasses

    from generator.build.issued import Judged, as_judged
    from generator.model import IssuedCredential

    summary = ["urn:uuid:3f2504e0-4f89-41d3-9a0c-0305e82c3301", "https://example.org/a", None, None]
    answer = Judged("new-digest", summary, (), (), None, stat="1:1000:3:1000",
                    uuid="3f2504e0-4f89-41d3-9a0c-0305e82c3301")
    values = dict(source="content/issued/a.json", stored=b"{}", uuid="old-uuid", digest="old-digest",
                  facts={"id": "old"}, parsed={"x": 1}, path="/site/content/issued/a.json", stat="9:9:9:9",
                  hashed_now=False, looked=0)
    assert {f.name for f in dataclasses.fields(IssuedCredential)} == set(values)
    facts = content_issued.summary_facts(summary)
    indexed = IssuedCredential(**values)
    assert as_judged(indexed, answer) == dataclasses.replace(indexed, stat="", digest="new-digest", facts=facts)
    # Looked at long after the file last changed: its stat is kept (content.issued.racy).
    unread = IssuedCredential(**{**values, "uuid": "", "digest": "", "facts": {}, "stat": "", "looked": time.time_ns()})
    assert as_judged(unread, answer) == dataclasses.replace(
        unread, uuid="3f2504e0-4f89-41d3-9a0c-0305e82c3301", digest="new-digest", facts=facts, stat="1:1000:3:1000",
        looked=0)
