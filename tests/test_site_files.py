"""A site's own files (images, logo, theme files).

Nothing from outside the site, nothing that runs, nothing that crashes the build.
"""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from conftest import ROOT, course_text, sample_site
from generator.build.pipeline import build, check
from generator.site import badges

COURSE = "content/courses/testing-things.md"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
SQUARE = '<rect width="10" height="10" fill="#123"/>'


def png(width: int = 400, height: int = 400, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 60, 90)).save(out, kind)
    return out.getvalue()


def with_image(make_site, name: str, data: bytes | str | None, extra: dict | None = None):
    files = {COURSE: course_text(**{"  eqf: 6": "  eqf: 6\nimage: " + name})}
    if data is not None:
        files[f"content/{name}"] = data
    return make_site({**files, **(extra or {})})


def image_errors(folder) -> list[str]:
    return [str(p) for p in check(folder).problems if p.is_error]


@pytest.mark.parametrize("name,data,message", [
    ("images/evil.svg", SVG.format(SQUARE + "<script>alert(1)</script>"),
     "holds a <script> element, which can run code or load other pages"),
    ("images/evil.svg", SVG.format('<rect width="10" height="10" onload="alert(1)"/>'),
     "has an event handler (onload=) on <rect>, which runs script"),
    ("images/evil.svg", SVG.format('<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" '
                                   'src="https://evil.example/"/></foreignObject>'),
     "holds a <foreignObject> element"),
    ("images/track.svg", SVG.format('<image href="https://tracker.example/p.gif" width="1" height="1"/>'),
     "refers to https://tracker.example/p.gif from <image>"),
    ("images/track.svg", SVG.format('<rect width="1" height="1" style="fill: url(https://x.example/f)"/>'),
     "loads url(https://x.example/f) in the style attribute of <rect>"),
    ("images/track.svg", SVG.format('<rect width="1" height="1" fill="url(https://x.example/f)"/>'),
     "loads url(https://x.example/f) in the fill attribute of <rect>"),
    ("images/evil.svg", SVG.format('<a><set attributeName="href" to="javascript:alert(1)"/>' + SQUARE + "</a>"),
     "holds an animation (<set>), which can change links and styles"),
    ("images/evil.svg", SVG.format('<a href="javascript:alert(1)">' + SQUARE + "</a>"),
     "refers to javascript:alert(1) from <a>"),
    ("images/evil.svg", SVG.format('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="https://e.example/p"/>'),
     "holds an HTML or MathML element <img>"),
    ("images/evil.svg", SVG.format("<style>rect { fill: u\\72l(https://e.example/) }</style>" + SQUARE),
     "uses CSS escapes (\\) in <style>"),
    ("images/evil.svg", SVG.format("<style>a {}<x/>rect { fill: url(https://e.example/) }</style>" + SQUARE),
     "loads url(https://e.example/) in <style>"),
    ("images/entities.svg", '<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG.format(SQUARE),
     "declares entities in its DOCTYPE"),
    ("images/empty.svg", "", "is not well-formed SVG"),
    ("images/html.svg", "<html><body>hi</body></html>", "is not an SVG document"),
    ("images/latin1.svg", SVG.format("<title>Caf\xe9</title>" + SQUARE).encode("latin-1"), "is not UTF-8 text"),
    ("images/nothing.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"/>',
     "is an empty SVG"),
    ("images/photo.png", png(kind="JPEG"), "is not a PNG file"),
    ("images/cut.png", png()[:200], "is not a readable PNG image"),
    ("images/huge.png", png(5000, 10), "is 5000x10 pixels, more than 4096 on a side"),
    ("images/learner.png", badges.bake_png(png(), b'{"id": "urn:uuid:x"}'),
     "already carries a learner's credential"),
])
def test_a_bad_course_image_is_an_error_naming_the_file(make_site, name, data, message):
    folder = with_image(make_site, name, data)
    errors = image_errors(folder)
    assert len(errors) == 1 and errors[0].startswith(f"{COURSE}:13: image: content/{name} {message}"), errors


@pytest.mark.parametrize("drawing", [
    '<defs><linearGradient id="a"/></defs><rect width="1" height="1" style="fill: url(&quot;#a&quot;)"/>',
    """<rect width="1" height="1" fill="url('#a')" mask="url( #m)"/>""",
    '<a href="https://www.uni.example.org/course">' + SQUARE + "</a>",
    '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#a"/><sodipodi:namedview '
    'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>' + SQUARE,
    "<style>@font-face { font-family: x; src: url(data:font/woff2;base64,AAAA) }</style>" + SQUARE,
])
def test_what_drawing_programs_export_is_accepted(make_site, drawing):
    assert image_errors(with_image(make_site, "images/own.svg", SVG.format(drawing))) == []


def test_an_image_path_cannot_leave_content(make_site, tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text(SVG.format(SQUARE))
    folder = with_image(make_site, str(secret), None)
    assert image_errors(folder) == [f"{COURSE}:13: image: '{secret}' is not a path inside content/; put the file "
                                    "under content/ and give its path relative to content/; "
                                    "or leave 'image' out for a drawn badge"]
    (folder / "content/images").mkdir()
    os.symlink(secret, folder / "content/images/linked.svg")
    folder = with_image(make_site, "images/linked.svg", None)
    assert [e.split(";")[0] for e in image_errors(folder)] == [
        f"{COURSE}:13: image: content/images/linked.svg is a link to {secret}, outside content/"]


def test_a_clean_svg_of_our_own_is_published_and_baked(make_site, tmp_path):
    folder = with_image(make_site, "images/own.svg", "<!-- made with <svg> tools -->\n" + SVG.format(SQUARE))
    out = tmp_path / "out"
    assert build(folder, out).ok
    assert (out / "images/testing-things/2026.1/badge.svg").read_text().endswith(SVG.format(SQUARE))


def test_the_logo_cannot_leave_content_or_run_script(make_site):
    site_yaml = (make_site().joinpath("content/site.yaml")).read_text()
    for logo, data, message in [
        ("../../../../../etc/passwd", None, "'../../../../../etc/passwd' is not a path inside content/"),
        ("logo.svg", SVG.format("<script>alert(1)</script>"), "content/logo.svg holds a <script> element"),
        ("logo.txt", "hello", "logo.txt is not PNG or SVG"),
    ]:
        files = {"content/site.yaml": site_yaml.replace("  sector: wo", f"  sector: wo\n  logo: {logo}")}
        if data is not None:
            files[f"content/{logo}"] = data
        errors = image_errors(make_site(files))
        assert len(errors) == 1 and errors[0].startswith(f"content/site.yaml:10: institution.logo: {message}"), errors


def test_theme_files_linking_out_of_the_theme_are_not_published(make_site, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    folder = make_site({"themes/campus/static/site-extra.css": "body {}\n"})
    settings = folder / "content/site.yaml"
    settings.write_text(settings.read_text().replace("theme: default", "theme: campus"))
    os.symlink(secret, folder / "themes/campus/static/passwd.txt")
    os.symlink(tmp_path / "nowhere", folder / "themes/campus/static/gone.txt")
    out = tmp_path / "out"
    result = build(folder, out)
    assert result.ok
    warnings = sorted(str(p) for p in result.problems if "themes/campus" in p.path)
    assert warnings == [
        "themes/campus/static/gone.txt: warning: is a broken link; it is not published; "
        "copy the file into the theme instead of linking to it",
        f"themes/campus/static/passwd.txt: warning: is a link to {secret}, outside the theme; it is not "
        "published; copy the file into the theme instead of linking to it"]
    assert (out / "static/site-extra.css").is_file() and not (out / "static/passwd.txt").exists()


@pytest.mark.parametrize("svg", [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"/>',
    '<?xml version="1.0"?>\n<!-- an old <svg> -->\n<svg xmlns="http://www.w3.org/2000/svg" data-x="a>b">'
    + SQUARE + "</svg>",
])
def test_baking_finds_the_real_root_element(svg):
    credential = b'{"name": "x]]>y"}'
    assert badges.unbake_svg(badges.bake_svg(svg, credential)) == credential


# -- other theme files ------------------------------------------------------------------

def campus(make_site, files: dict):
    folder = make_site({f"themes/campus/{name}": text for name, text in files.items()})
    settings = folder / "content/site.yaml"
    settings.write_text(settings.read_text().replace("theme: default", "theme: campus"))
    return folder


@pytest.mark.parametrize("text,expected", [
    ("catalogue: [a, b\n", "themes/campus/i18n/en.yaml:2: malformed YAML"),
    ("- one\n- two\n", "themes/campus/i18n/en.yaml:1: the file is not a set of 'key: value' lines"),
    ("enrol: yes\n", "themes/campus/i18n/en.yaml:1: enrol: is not text; put the text in quotes"),
    ('eqf_level: "EQF {lvl}"\n', "themes/campus/i18n/en.yaml:1: eqf_level: uses {lvl}, which the pages do not "
                                 "fill in; use only: {level}"),
    ('eqf_level: "EQF {level"\n', "themes/campus/i18n/en.yaml:1: eqf_level: is not a valid text with "
                                  "{placeholders}"),
    ("catalogue: Caf\xe9\n".encode("latin-1"), "themes/campus/i18n/en.yaml: is not UTF-8 text; save it as UTF-8"),
])
def test_a_broken_theme_string_file_is_named(make_site, tmp_path, text, expected):
    folder = campus(make_site, {"i18n/en.yaml": text})
    result = build(folder, tmp_path / "out")
    errors = [str(p) for p in result.problems if p.is_error]
    assert len(errors) == 1 and errors[0].startswith(expected), errors
    assert not (tmp_path / "out").exists()


def test_a_template_that_extends_itself_is_a_theme_error(make_site, tmp_path):
    folder = campus(make_site, {"templates/404.html": '{% extends "404.html" %}'})
    result = build(folder, tmp_path / "out")
    assert [str(p) for p in result.problems if p.is_error] == [
        "theme: template: a template extends or includes itself, directly or through others; in a site theme, "
        'extend the default\'s copy: {% extends "default/<name>" %}']


def test_a_site_with_its_own_copy_of_the_default_theme_builds_without_the_packaged_one(make_site, tmp_path,
                                                                                        monkeypatch):
    # `pip install .` (the deploy workflow) puts no themes/ beside the package; the site's copy must do.
    import shutil

    from generator.site import theme

    folder = campus(make_site, {"i18n/en.yaml": 'eqf_level: "Level {level}"\n'})
    shutil.copytree(theme.BUILTIN_DEFAULT, folder / "themes/default")
    monkeypatch.setattr(theme, "BUILTIN_DEFAULT", tmp_path / "not-installed")
    result = build(folder, tmp_path / "out")
    assert result.ok, [str(p) for p in result.problems]
    assert "Level 6" in (tmp_path / "out/courses/testing-things/index.html").read_text()


@pytest.mark.parametrize("template", ["badge.html", "course.html", "catalogue.html"])
def test_check_finds_a_template_mistake_the_build_would_stop_at(tmp_path, template):
    folder = sample_site(tmp_path)
    (folder / f"themes/default/templates/{template}").write_text("{{ page.no_such_helper() }}")
    content = check(folder)
    errors = [str(p) for p in content.problems if p.is_error]
    assert len(errors) == 1 and errors[0].startswith(f"themes/default/templates/{template}:1: template: "), errors


def test_theme_strings_of_its_own_or_without_placeholders_are_left_as_written(make_site, tmp_path):
    folder = campus(make_site, {
        "i18n/en.yaml": 'greeting: "Hello {name}"\ncatalogue: "Courses {2026}"\n',
        "templates/404.html": '{% extends "default/404.html" %}'
                              "{% block main %}<p>{{ page.s('greeting', name='Ada') }}</p>{% endblock %}"})
    result = build(folder, tmp_path / "out")
    assert result.ok, [str(p) for p in result.problems]
    assert "Hello Ada" in (tmp_path / "out/404.html").read_text()


def test_a_broken_string_file_in_the_sites_copy_of_the_default_theme_is_named(tmp_path):
    site = sample_site(tmp_path)
    (site / "themes/default/i18n/en.yaml").write_text("catalogue: [a\n")
    errors = [str(p) for p in check(site).problems if p.is_error]
    assert len(errors) == 1 and errors[0].startswith("themes/default/i18n/en.yaml:2: malformed YAML"), errors


def test_the_default_theme_is_part_of_the_package():
    # Built into a wheel with the package (pyproject package-data), so `pip install credsite`
    # builds a site that has no themes/ of its own.
    import fnmatch
    import tomllib

    from generator.site import theme

    package = ROOT / "generator"
    assert package.resolve() in theme.BUILTIN_DEFAULT.parents or theme.BUILTIN_DEFAULT.parent.parent == package
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["generator"]
    files = [p.relative_to(package / "themes/default").as_posix()
             for p in (package / "themes/default").rglob("*") if p.is_file()]
    assert len(files) >= 10
    assert all(any(fnmatch.fnmatch("themes/default/" + f, pattern) for pattern in patterns) for f in files)


def test_a_language_without_interface_texts_is_warned_about_and_a_region_uses_its_language(make_site, tmp_path):
    folder = make_site()
    settings = folder / "content/site.yaml"
    settings.write_text(settings.read_text().replace("languages: [en, nl]", "languages: [en, nl-BE, de, en-GB]")
                        .replace(" nl:", " nl-BE:"))
    text = (folder / "content/courses/testing-things.md").read_text().replace("nl:", "nl-BE:")  # en-GB: no warning
    (folder / "content/courses/testing-things.md").write_text(text.replace("<!-- lang: nl -->", "<!-- lang: nl-BE -->"))
    result = build(folder, tmp_path / "out")
    assert result.ok, [str(p) for p in result.problems if p.is_error]
    warnings = [str(p) for p in result.problems if p.field == "languages"]
    assert warnings == ["content/site.yaml: warning: languages: no theme has interface texts for 'de', so its pages "
                        "show English labels under lang=\"de\"; add themes/<your theme>/i18n/de.yaml with "
                        "translations of the keys in themes/default/i18n/en.yaml"]
    assert "Over deze cursus" in (tmp_path / "out/nl-BE/courses/testing-things/index.html").read_text()
