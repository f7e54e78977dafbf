"""A site too large for the host site.yaml names fails its build, not its deploy; near the limit it warns."""

from __future__ import annotations

import pytest

from conftest import site_yaml, tree
from generator.build import host_usage
from generator.build.pipeline import build, check
from generator.content import hosts


def with_host(name: str) -> str:
    return site_yaml(**{"theme: default": f"theme: default\nhost: {name}"})


def test_measure_counts_files_folders_bytes_and_the_largest(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_bytes(b"x" * 10)
    (tmp_path / "a" / "b" / "two.txt").write_bytes(b"y" * 30)
    (tmp_path / "top.txt").write_bytes(b"z")

    usage = host_usage.measure(tmp_path)

    assert (usage.files, usage.folders, usage.bytes, usage.entries) == (3, 2, 41, 5)
    assert usage.largest == ("a/b/two.txt", 30)


def test_a_site_over_its_hosts_file_limit_fails_and_keeps_the_old_output(make_site, tmp_path, monkeypatch):
    root = make_site(site_yaml=with_host("cloudflare-pages"))
    out = tmp_path / "_site"
    first = build(root, out)
    assert first.ok and not [p for p in first.problems if p.field == "host"]
    before = tree(out)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    monkeypatch.setitem(hosts.HOSTS, "cloudflare-pages", hosts.Host("Tiny Pages", max_files=files - 1))
    (root / "content" / "courses" / "testing-things.md").touch()  # a change, so the build writes again
    (root / "content" / "site.yaml").write_text(with_host("cloudflare-pages") + "\n", encoding="utf-8")

    result = build(root, out)

    (problem,) = [p for p in result.problems if p.field == "host"]
    assert not result.ok and problem.is_error and problem.path == "content/site.yaml"
    assert f"{files} files, more than Tiny Pages takes ({files - 1} files" in problem.message
    assert tree(out) == before


def test_near_a_limit_the_build_warns_and_publishes(make_site, tmp_path, monkeypatch):
    root = make_site(site_yaml=with_host("gitlab-pages"))
    out = tmp_path / "_site"
    monkeypatch.setitem(hosts.HOSTS, "gitlab-pages", hosts.Host("Small Pages", max_bytes=10**9, max_entries=10**9))
    assert not [p for p in build(root, out).problems if p.field == "host"]
    entries = sum(1 for _ in out.rglob("*"))
    limit = entries * 10 // 9  # about 90% full
    monkeypatch.setitem(hosts.HOSTS, "gitlab-pages", hosts.Host("Small Pages", max_entries=limit))
    (root / "content" / "site.yaml").write_text(with_host("gitlab-pages") + "\n", encoding="utf-8")

    result = build(root, out)

    (problem,) = [p for p in result.problems if p.field == "host"]
    assert result.ok and problem.severity == "warning"
    assert f"{entries} files and folders, {entries / limit:.0%} of what Small Pages takes ({limit} " in problem.message


def test_an_unknown_host_is_refused_with_the_known_ones(make_site):
    content = check(make_site(site_yaml=with_host("github-page")))
    messages = [str(p) for p in content.problems]
    assert any("host: 'github-page' is not a known value; did you mean 'github-pages'? use one of github-pages, "
               "gitlab-pages, cloudflare-pages" in m for m in messages), messages


@pytest.mark.parametrize("name", sorted(hosts.HOSTS))
def test_every_host_with_limits_says_where_they_are_published(name):
    host = hosts.HOSTS[name]
    limited = any(v is not None for v in (host.max_bytes, host.max_entries, host.max_files, host.max_file_bytes))
    assert not limited or host.source.startswith("https://")
