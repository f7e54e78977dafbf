"""CPU time per credential of a cold build's two kinds of worker: the judge (verification) and the badge unit.

    .venv/bin/python benchmarks/credential_cpu.py [--courses 200] [--credentials 1000] [--work DIR] [--n 3000]

Uses the synthetic site of benchmarks/site_scale.py (generated into --work, default
/tmp/credsite-bench-COURSES-CREDENTIALS, or reused from there). In this one process, it prints CPU milliseconds per
credential, over up to N credentials:

- judge: build/issued.py's judge() of each credential, as a verifying worker does it (read, parse, check the proof
  on the fast canonicalisation path, schema, guards, status);
- badge unit: Renderer.badge_unit, as a rendering worker does it, in a fresh process (its first credentials of each
  course version render their pages with Jinja and prove the skeleton) and once the skeletons are made, which is
  what most credentials of a big site cost;
- and what the badge unit is made of: the views (every language), the QR code, the pages composed from them.

Writing the files is not included (generator/build/writer.py). Figures, not assertions; the best of three rounds.
"""

from __future__ import annotations

import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import site_scale  # noqa: E402

from generator import routes  # noqa: E402
from generator.build import issued  # noqa: E402
from generator.build.pipeline import load, verify  # noqa: E402
from generator.build.pool import keep_freed_memory  # noqa: E402
from generator.build.units import Renderer  # noqa: E402
from generator.site import badges  # noqa: E402
from generator.site.badge_view import views  # noqa: E402
from generator.site.render import badge_context, course_images  # noqa: E402


def per_item(run: Callable[[Any], object], items: list, rounds: int = 3,
             fresh: Callable[[], None] = lambda: None) -> float:
    """CPU milliseconds per item, the best of `rounds`; `fresh()` runs before each round, untimed."""
    best = float("inf")
    for _ in range(rounds):
        fresh()
        start = time.process_time()
        for item in items:
            run(item)
        best = min(best, time.process_time() - start)
    return best / len(items) * 1000


def main() -> None:
    parser = site_scale.scale_arguments(__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=3000, help="credentials to time (default 3000)")
    args = parser.parse_args()
    work = args.work or Path(f"/tmp/credsite-bench-{args.courses}-{args.credentials}")
    if args.regenerate or not (work / site_scale.GENERATED).is_file():
        site_scale.generate(work, args.courses, args.credentials)
        (work / site_scale.GENERATED).write_text("complete\n")
    judging: dict[str, Any] = {}
    real_judge_all = issued.judge_all

    def judge_all(j, todo, *rest, **options):  # what the build judges, and against what
        judging.update(judge=j, credentials=[cred for cred, _ in todo])
        return real_judge_all(j, todo, *rest, **options)

    with mock.patch.object(issued, "judge_all", judge_all):
        content = verify(load(work), save_cache=False)
    published = content.published[:args.n]
    credentials = judging["credentials"][:args.n]
    site = content.site
    print(f"{work}: {len(content.published)} credentials published, {len(site.languages)} languages; "
          f"timing {len(published)}. CPU ms per credential:")
    gc.disable()  # as in the build's workers (the pipeline pauses the collector)
    keep_freed_memory()  # as every worker of the build's pools does (a QR code's PNG took twice as long without)

    def judged(cred) -> None:
        answer = issued.judge(judging["judge"], cred, None, {})
        assert answer is not None and answer.verdict is not None, answer

    renderer = [Renderer(site, tuple(content.pathways))]
    images = {routes.course_image(item.course, name): data for item in published
              for name, data in course_images(renderer[0].env, site, item.course).items()}

    def forget() -> None:  # each round reads and parses every credential again, as a worker does
        for item in published:
            item.credential.parsed = None

    def fresh() -> None:
        forget()
        renderer[0] = Renderer(site, tuple(content.pathways))

    def unit(item) -> None:
        renderer[0].badge_unit(item, images)

    def view_all(item) -> None:
        views(site, item, {lang: renderer[0].ctx(lang, "").concept for lang in site.languages})

    def qr(item) -> None:
        badges.qr_data_uri(routes.absolute(site, routes.badge(item.credential.uuid)))

    template = renderer[0].env.get_template("badge.html")

    def pages(item) -> None:
        image = routes.course_image(item.course, "badge.svg")
        labels = {lang: renderer[0].ctx(lang, "").concept for lang in site.languages}
        for lang, b in views(site, item, labels).items():
            context = functools.partial(badge_context, site, lang, renderer[0].ctx, image)
            renderer[0].badge_pages.page(template, b, "data:image/png;base64,", context, (lang, image))

    figures = {
        "judge (verify one credential)": per_item(judged, credentials),
        "badge unit, in a fresh process": per_item(unit, published, fresh=fresh),
        "badge unit, skeletons made": per_item(unit, published, fresh=forget),
        "  of which views, all languages": per_item(view_all, published),
        "  of which QR code": per_item(qr, published),
        "  of which views and pages": per_item(pages, published),
    }
    for name, ms in figures.items():
        print(f"  {name + ':':36} {ms:6.3f}")


if __name__ == "__main__":
    main()
