"""What the registry exports (generator/exports) cost a cold build at scale, and what their full
conformance checks would cost if the build ran them.

    .venv/bin/python benchmarks/exports_scale.py --courses 200 --credentials 1000 [--conformance]

The synthetic site is site_scale.py's, with what the exports need added: the institution's
contact address and RIO codes (so the OOAPI files are published) and two runs per course. It is
generated once into --work (default /tmp/credsite-exports-<courses>-<N>) and reused.

Printed: the cold build (a fresh process, as site_scale.py measures it, exports included); the time
the exports take inside it (making every OOAPI, ELM and QDR file) and the build's check of them
(validate.py), both measured in-process on the same content; and their share of the build without
them. With --conformance, also the checks the test suite runs instead: openapi-core over every OOAPI
file, pyshacl over every ELM document (EDC and LOQ shapes), lxml over the QDR upload.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_scale  # noqa: E402  (the synthetic site, generated the same way)

READY = ".exports-generated"
REGISTRY = """\
  email: microcredentials@bench.example.org
rio:
  education_offerer_code: "999A999"
"""
RUNS = """\
offerings:
  - {start: 2026-09-07, end: 2026-11-13, price_eur: 950, enrol_url: "https://www.bench.example.org/enrol/a"}
  - {start: 2027-02-01, end: 2027-04-09, price_eur: 950, enrol_url: "https://www.bench.example.org/enrol/b"}
"""


def generate(work: Path, courses: int, credentials: int) -> None:
    site_scale.generate(work, courses, credentials)
    site_yaml = work / "content" / "site.yaml"
    text = site_yaml.read_text()
    site_yaml.write_text(text.replace("  sector: wo\n", "  sector: wo\n" + REGISTRY, 1))
    for path in sorted((work / "content" / "courses").glob("*.md")):
        text = path.read_text()
        path.write_text(re.sub(r"^participation:", RUNS + "participation:", text, count=1, flags=re.M))
    (work / READY).write_text("complete\n")


def cold_build(work: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the build and its workers) and files of a cold build in a fresh
    process; the output and cache are moved aside first."""
    trash = work / ".bench-trash"
    trash.mkdir(exist_ok=True)
    for name in (".credsite-cache", "_site"):
        if (work / name).exists():
            os.rename(work / name, trash / f"{name}-{time.time_ns()}")
    code = (f"import sys, time, json; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom generator.build.pipeline import build\n"
            f"t = time.perf_counter(); r = build(Path({str(work)!r}), Path({str(work / '_site')!r}))\n"
            "assert r.ok, [str(p) for p in r.problems][:5]\n"
            "print(json.dumps([time.perf_counter() - t, r.count]))\n")
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode:
        print(out.stderr[-2000:])
        raise SystemExit(1)
    seconds, files = json.loads(out.stdout.splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, files


def export_times(work: Path) -> tuple[float, float, dict[str, bytes]]:
    """CPU seconds to make every export file, and for the build's check of them. Measured once, in this
    process, which has not loaded the specification, the schemas or their validators yet: as in a
    build, their loading is part of the cost. CPU time, because on a shared machine wall time measures
    the neighbours too."""
    from generator.build import site_files
    from generator.build.pipeline import load, verify
    from generator.exports import validate

    content = verify(load(work), save_cache=False)
    started = time.process_time()
    makers = site_files._export_files(content.site, content.families, site_files.enrolment_day())
    files = {route: making() for route, making in makers.items()}
    make = time.process_time() - started
    started = time.process_time()
    problems = validate.problems(content.site, content.families, files)
    check = time.process_time() - started
    assert not [p for p in problems if p.is_error], [str(p) for p in problems][:5]
    return make, check, files


def conformance(files: dict[str, bytes]) -> None:
    """The test suite's checks over every file, timed (tests/test_exports_*.py hold their details)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from lxml import etree
    from openapi_core.testing import MockRequest, MockResponse
    from pyshacl import validate as shacl
    from rdflib import Graph
    from test_exports_elm import edc_shapes, loq_shapes
    from test_exports_ooapi import API, HOST, openapi, request_path

    from generator import routes

    started = time.process_time()
    api = openapi()
    ooapi = {r: d for r, d in files.items() if r.startswith(routes.OOAPI_FOLDER)}
    for route, data in ooapi.items():
        api.validate_response(MockRequest(HOST, "get", API + request_path(route)), MockResponse(data))
    print(f"  openapi-core   {time.process_time() - started:7.2f} s CPU  {len(ooapi)} OOAPI files")
    started = time.process_time()
    documents = [d for r, d in files.items() if r.startswith("elm/") and r != routes.elm_index()]
    edc, loq = edc_shapes(), loq_shapes()
    for data in documents:
        graph = Graph()
        graph.parse(data=data, format="json-ld")
        for shapes in (edc, loq):
            conforms, _, text = shacl(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
            assert conforms, text[:500]
    print(f"  pyshacl        {time.process_time() - started:7.2f} s CPU  {len(documents)} ELM documents, EDC and LOQ")
    started = time.process_time()
    schema = etree.XMLSchema(etree.parse(str(ROOT / "generator" / "data" / "elm" / "loq" / "loq.xsd")))
    assert schema.validate(etree.fromstring(files[routes.qdr_upload()]))
    print(f"  lxml (loq.xsd) {time.process_time() - started:7.2f} s CPU  1 upload (also in the build's check)")


def main() -> None:
    parser = site_scale.scale_arguments(__doc__.split("\n\n")[0])
    parser.add_argument("--conformance", action="store_true", help="also time the test suite's full checks")
    args = parser.parse_args()
    work = args.work or Path(f"/tmp/credsite-exports-{args.courses}-{args.credentials}")
    if args.regenerate or not (work / READY).is_file():
        generate(work, args.courses, args.credentials)
    print(f"{args.courses} courses, {args.credentials} credentials, {os.cpu_count()} cores")
    wall, cpu, build_files = cold_build(work)
    make, check, files = export_times(work)
    exports = sum(1 for route in files if route != "_redirects")
    without = cpu - make
    print(f"cold build             {wall:7.2f} s wall, {cpu:.2f} s CPU; {build_files} files, {exports} of them "
          "exports")
    print(f"  making the exports   {make:7.2f} s CPU (inside the cold build)")
    print(f"  the build's check    {check:7.2f} s CPU (generator/exports/validate.py)")
    print(f"exports add            {make + check:7.2f} s CPU = {100 * (make + check) / without:.1f}% of the "
          f"{without:.2f} s CPU of the build without them")
    if args.conformance:
        conformance(files)


if __name__ == "__main__":
    main()
