"""What a user trial of issue, revoke and reissue found; each finding is kept as a regression test.

- Revoke and reissue act on the site's own record (content/issued/, the registry), never on
  a copy the user happened to name.
- The leak procedure checks every old proof against the public key it was made with, also
  for a key removed from site.yaml (content/status/key-history.csv, the git history of
  site.yaml), and refuses what it cannot check unless told --unchecked-proofs.
- A missing revocation registry stops every command that signs, and `check` can say so.
- Smaller things: the messages of reissue, and one broken file blocking unrelated work.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from test_reissue import git_repository, make_legacy_site, private_key_file

from conftest import issue_api, issue_cli, learner, read_csv, read_json, run, sample_site, site_yaml
from generator import routes
from generator.build.pipeline import load
from generator.commands.verify import verify_paths
from generator.content import status as content_status
from generator.credentials import statuslist
from generator.issuing import keys
from generator.problems import Code

ANN = ("--name", "Ann Example", "--email", "ann@example.org")


def content_tree(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}


def list_bits(root: Path) -> bytearray:
    return statuslist.decode(read_json(root / content_status.STATUS_LIST)["credentialSubject"]["encodedList"])


def index_of(document: dict) -> int:
    return int(document["credentialStatus"]["statusListIndex"])


def write_json(path: Path, document: dict) -> None:
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")


def replace_key(s, key_id: str = "k2") -> Path:
    """The leak procedure's steps 1 and 2: a new active key, and k1 deleted from site.yaml."""
    path = s.tmp / "keys" / f"{key_id}-new.json"
    new = keys.generate(path, s.root)
    (s.root / "content" / "site.yaml").write_text(site_yaml((key_id, new, "active")), encoding="utf-8")
    return path


def reissue_all(s, key_path: Path, *more):
    return run("reissue", "--all", "--source", s.root, "--key", key_path, *more)


# ---------------------------------------------------------------- a. the site's own file, not a copy


def test_reissue_of_a_file_outside_content_issued_signs_the_sites_own_copy(tmp_path):
    site, path = make_legacy_site(tmp_path)
    outside = tmp_path / "downloads" / "credential.json"
    outside.parent.mkdir()
    shutil.copyfile(path, outside)
    copy_before = outside.read_bytes()

    result = run("reissue", outside, "--source", site, "--key", private_key_file(tmp_path))

    assert result.exit_code == 0, result.stderr
    assert f"{outside} is not in content/issued/; acting on the site's own copy" in result.stderr
    assert outside.read_bytes() == copy_before
    assert read_json(path)["proof"] != read_json(outside)["proof"]
    ((_, verdict),), problems = verify_paths([path], site)
    assert not problems and verdict.status == "valid", verdict


def test_reissue_of_a_copy_of_a_credential_the_site_does_not_hold_is_refused(tmp_path):
    site = sample_site(tmp_path)
    document = read_json(next((site / "content" / "issued").glob("*.json")))
    document["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
    stranger = tmp_path / "stranger.json"
    write_json(stranger, document)
    before = content_tree(site)

    result = run("reissue", stranger, "--source", site, "--key", private_key_file(tmp_path))

    assert result.exit_code == 1
    assert f"no credential '{stranger}' in content/issued/" in result.stderr
    assert content_tree(site) == before


def test_revoke_of_a_copy_revokes_the_index_the_registry_records_not_the_copys(pair):
    copy = read_json(pair.a.path)
    copy["credentialStatus"]["statusListIndex"] = str(index_of(pair.b.document))  # edited, or just wrong
    outside = pair.tmp / "copy.json"
    write_json(outside, copy)

    result = run("revoke", "--yes", outside, "--reason", "fraud", "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 0, result.stderr
    assert "acting on the site's own copy" in result.stderr
    assert statuslist.is_set(list_bits(pair.root), index_of(pair.a.document))
    assert not statuslist.is_set(list_bits(pair.root), index_of(pair.b.document))


def test_revoke_refuses_a_site_file_whose_index_the_registry_does_not_record(pair):
    document = read_json(pair.a.path)
    document["credentialStatus"]["statusListIndex"] = str(index_of(pair.b.document))
    write_json(pair.a.path, document)
    before = content_tree(pair.root)

    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "x",
                 "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 1
    assert f"does not match {content_status.REGISTRY}, which records index {index_of(pair.a.document)}" \
        in result.stderr
    assert "nothing was revoked" in result.stderr
    assert content_tree(pair.root) == before


# ---------------------------------------------------------------- b. old proofs, also of a removed key


def test_every_command_that_signs_records_the_sites_keys_in_the_key_history(site):
    issue_api(site)
    did = routes.issuer_did(load(site.root).site)
    rows = read_csv(site.root / content_status.KEY_HISTORY)
    assert [(r["key"], r["public_key"]) for r in rows] == [(f"{did}#k1", site.key.public_multibase)]
    issue_api(site, learner(name="Bob", email="bob@example.org"))
    assert len(read_csv(site.root / content_status.KEY_HISTORY)) == 1, "each key is recorded once"


def test_after_a_leak_reissue_refuses_a_credential_changed_since_it_was_signed(pair):
    document = read_json(pair.a.path)
    document["credentialSubject"]["identifier"][1]["identityHash"] = "Mallory"
    write_json(pair.a.path, document)
    new_key = replace_key(pair)
    before = content_tree(pair.root)

    result = reissue_all(pair, new_key)

    assert result.exit_code == 1
    assert f"content/issued/{pair.a.path.name}: proof: does not verify" in result.stderr
    assert pair.b.path.name not in result.stderr
    assert "nothing was reissued" in result.stderr
    assert content_tree(pair.root) == before


def test_after_a_leak_reissue_checks_the_removed_keys_proofs_from_the_key_history(pair):
    assert run("revoke", "--yes", pair.a.credential_id, "--reason", "x", "--key", pair.key_path,
               "--source", pair.root).exit_code == 0
    new_key = replace_key(pair)

    result = reissue_all(pair, new_key)

    assert result.exit_code == 0, result.stderr
    assert "NOT checked" not in result.stderr
    verdicts, problems = verify_paths([pair.a.path, pair.b.path], pair.root)
    assert not problems and [v.status for _, v in verdicts] == ["revoked", "valid"]


def test_a_key_id_reused_for_a_new_key_is_checked_against_each_public_key_it_had(pair):
    new_key = replace_key(pair, key_id="k1")

    result = reissue_all(pair, new_key)

    assert result.exit_code == 0, result.stderr
    verdicts, problems = verify_paths([pair.a.path, pair.b.path], pair.root)
    assert not problems and [v.status for _, v in verdicts] == ["valid", "valid"]


def test_a_key_id_reused_before_the_key_history_began_is_found_in_git(tmp_path):
    site = sample_site(tmp_path)
    git_repository(site)
    site_yaml_path = site / "content" / "site.yaml"
    text = site_yaml_path.read_text(encoding="utf-8")
    (entry,) = yaml.safe_load(text)["keys"]
    new = keys.generate(tmp_path / "keys" / "same-id.json", site)
    site_yaml_path.write_text(text.replace(entry["public_key"], new.public_multibase), encoding="utf-8")

    result = run("reissue", "--all", "--source", site, "--key", tmp_path / "keys" / "same-id.json")

    assert result.exit_code == 0, result.stderr
    assert "signed with an earlier key that was also called" in result.stdout
    verdicts, problems = verify_paths(sorted((site / "content" / "issued").glob("*.json")), site)
    assert not problems and {v.status for _, v in verdicts} == {"valid", "revoked"}


def delete_the_sample_key(site: Path, tmp_path: Path) -> Path:
    """The leak procedure's steps 1 and 2 on the sample site: key-2027 active, the old key deleted."""
    site_yaml_path = site / "content" / "site.yaml"
    text = site_yaml_path.read_text(encoding="utf-8")
    (entry,) = yaml.safe_load(text)["keys"]
    path = tmp_path / "keys" / "key-2027.json"
    new = keys.generate(path, site)
    site_yaml_path.write_text(text.replace(f"id: {entry['id']}", "id: key-2027").replace(
        entry["public_key"], new.public_multibase), encoding="utf-8")
    return path


def test_the_git_history_of_site_yaml_gives_a_removed_keys_public_key(tmp_path):
    site = sample_site(tmp_path)
    git_repository(site)
    tampered = sorted((site / "content" / "issued").glob("*.json"))[0]
    document = read_json(tampered)
    document["credentialSubject"]["identifier"][1]["identityHash"] = "Mallory"
    write_json(tampered, document)
    new_key = delete_the_sample_key(site, tmp_path)
    before = content_tree(site)

    result = run("reissue", "--all", "--source", site, "--key", new_key)

    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if ": proof: " in line]
    assert len(problems) == 1 and problems[0].startswith(f"content/issued/{tampered.name}: proof: does not verify")
    assert content_tree(site) == before


def test_an_old_proof_that_cannot_be_checked_is_refused_unless_the_user_accepts_it(tmp_path):
    site = sample_site(tmp_path)
    (site / content_status.KEY_HISTORY).unlink()  # a site from before the key history, not in git
    new_key = delete_the_sample_key(site, tmp_path)
    before = content_tree(site)

    refused = run("reissue", "--all", "--source", site, "--key", new_key)

    assert refused.exit_code == 1
    assert "a key that content/site.yaml no longer lists and whose public key is neither in " \
           "content/status/key-history.csv nor in the git history of content/site.yaml" in refused.stderr
    assert "--unchecked-proofs" in refused.stderr and "nothing was reissued" in refused.stderr
    assert content_tree(site) == before

    accepted = run("reissue", "--all", "--unchecked-proofs", "--source", site, "--key", new_key)

    assert accepted.exit_code == 0, accepted.stderr
    issued = list((site / "content" / "issued").glob("*.json"))
    assert accepted.stderr.count("its old proof was NOT checked (--unchecked-proofs)") == len(issued) + 1
    assert f"{content_status.STATUS_LIST}: its old proof was NOT checked" in accepted.stderr
    verdicts, problems = verify_paths(sorted((site / "content" / "issued").glob("*.json")), site)
    assert not problems and {v.status for _, v in verdicts} <= {"valid", "revoked"}


def test_a_key_history_line_added_by_hand_lets_reissue_check_a_removed_keys_proofs(tmp_path):
    """The fix the refusal above gives, for a site that is not in git and has no key history yet."""
    site = sample_site(tmp_path)
    (entry,) = yaml.safe_load((site / "content" / "site.yaml").read_text(encoding="utf-8"))["keys"]
    did = routes.issuer_did(load(site).site)
    new_key = delete_the_sample_key(site, tmp_path)
    (site / content_status.KEY_HISTORY).write_text(
        f"date,key,public_key\n2026-01-01,{did}#{entry['id']},{entry['public_key']}\n", encoding="utf-8")

    result = run("reissue", "--all", "--source", site, "--key", new_key)

    assert result.exit_code == 0, result.stderr
    assert "NOT checked" not in result.stderr


def test_a_status_list_changed_after_a_leak_is_not_signed_again(pair):
    assert run("revoke", "--yes", pair.a.credential_id, "--reason", "x", "--key", pair.key_path,
               "--source", pair.root).exit_code == 0
    path = pair.root / content_status.STATUS_LIST
    document = read_json(path)
    document["credentialSubject"]["encodedList"] = statuslist.encode(statuslist.empty())  # un-revoke a
    write_json(path, document)
    new_key = replace_key(pair)
    before = content_tree(pair.root)

    result = reissue_all(pair, new_key)

    assert result.exit_code == 1
    assert f"{content_status.STATUS_LIST}: proof: does not verify" in result.stderr
    assert content_tree(pair.root) == before


def test_revoke_refuses_to_sign_over_a_status_list_changed_by_hand(pair):
    assert run("revoke", "--yes", pair.a.credential_id, "--reason", "x", "--key", pair.key_path,
               "--source", pair.root).exit_code == 0
    path = pair.root / content_status.STATUS_LIST
    document = read_json(path)
    document["credentialSubject"]["encodedList"] = statuslist.encode(statuslist.empty())
    write_json(path, document)

    result = run("revoke", "--yes", pair.b.credential_id, "--reason", "x",
                 "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 1
    assert f"{content_status.STATUS_LIST}: proof: does not verify" in result.stderr
    assert f"git restore {content_status.STATUS_LIST}" in result.stderr
    assert read_json(path) == document


# ---------------------------------------------------------------- c, d. a missing registry


def test_a_missing_registry_stops_issue_revoke_and_reissue(pair):
    (pair.root / content_status.REGISTRY).unlink()
    before = content_tree(pair.root)
    expected = (f"{content_status.REGISTRY}: is missing but content/issued/ holds 2 credential(s); "
                f"restore the last committed version with 'git restore {content_status.REGISTRY}'")

    issued = issue_cli(pair, *ANN)
    revoked = run("revoke", "--yes", pair.a.credential_id, "--reason", "x",
                  "--key", pair.key_path, "--source", pair.root)
    reissued = reissue_all(pair, pair.key_path)

    for result in (issued, revoked, reissued):
        assert result.exit_code == 1
        assert expected in result.stderr, result.stderr
        assert "1 error(s)" in result.stderr, "the registry is the one problem; no credential is blamed"
    assert content_tree(pair.root) == before


def test_registry_problems_tells_check_about_a_missing_registry(pair):
    assert content_status.registry_problems(pair.root) == []
    (pair.root / content_status.REGISTRY).unlink()
    (problem,) = content_status.registry_problems(pair.root)
    assert problem.is_error and problem.code is Code.STATUS_FILES
    assert problem.path == str(content_status.REGISTRY) and "holds 2 credential(s)" in problem.message
    for path in (pair.a.path, pair.b.path):
        path.unlink()
    assert content_status.registry_problems(pair.root) == [], "no credentials: nothing to restore"


def test_check_reports_a_missing_registry(pair):
    (pair.root / content_status.REGISTRY).unlink()
    result = run("check", "--source", pair.root)
    assert result.exit_code == 1
    assert f"{content_status.REGISTRY}: is missing but content/issued/ holds 2 credential(s)" in result.stderr


# ---------------------------------------------------------------- e. reissue's messages, unrelated files


def test_a_broken_other_file_blocks_only_reissue_all(tmp_path):
    site, path = make_legacy_site(tmp_path)
    (site / "content" / "issued" / "notes.json").write_text("not JSON", encoding="utf-8")
    key = private_key_file(tmp_path)

    everything = run("reissue", "--all", "--source", site, "--key", key)
    named = run("reissue", read_json(path)["id"], "--source", site, "--key", key)
    revoked = run("revoke", "--yes", read_json(path)["id"], "--reason", "x", "--key", key, "--source", site)

    assert everything.exit_code == 1 and "content/issued/notes.json" in everything.stderr
    assert named.exit_code == 0, named.stderr
    assert revoked.exit_code == 0, revoked.stderr


def test_reissue_says_when_it_signed_the_status_list_again(site):
    issue_api(site)
    k2 = keys.generate(site.tmp / "keys" / "k2.json", site.root)
    (site.root / "content" / "site.yaml").write_text(site_yaml(("k1", site.key, "retired"), ("k2", k2, "active")),
                                                     encoding="utf-8")
    did = routes.issuer_did(load(site.root).site)

    result = reissue_all(site, site.tmp / "keys" / "k2.json")

    assert result.exit_code == 0, result.stderr
    assert (f"content/status/revocation.json: signed again with {did}#k2 (it was signed with {did}#k1)"
            in result.stderr)
    assert "1 credential(s) reissued" in result.stderr
    assert "Tell the learners to download their credential again from their badge page" in result.stderr


# ---------------------------------------------------------------- what mypy found


def test_a_status_list_proof_without_a_method_id_is_reported_not_a_crash(pair):
    path = pair.root / content_status.STATUS_LIST
    document = read_json(path)
    document["proof"][0]["verificationMethod"] = ["not", "an", "id"]  # once: "unhashable type: 'list'"
    write_json(path, document)

    for result in (issue_cli(pair, *ANN),
                   run("revoke", "--yes", pair.a.credential_id, "--reason", "x",
                       "--key", pair.key_path, "--source", pair.root),
                   reissue_all(pair, pair.key_path)):
        assert result.exit_code == 1
        assert "internal error" not in result.stderr
        assert (f"{content_status.STATUS_LIST}: proof: has a proof without a verificationMethod id"
                in result.stderr), result.stderr


def test_reissue_of_a_proof_without_a_method_id_is_refused_not_a_crash(pair):
    document = read_json(pair.a.path)
    document["proof"] = [{**document["proof"][0], "verificationMethod": ["x"]}, document["proof"][0]]
    write_json(pair.a.path, document)

    result = run("reissue", pair.a.credential_id, "--source", pair.root, "--key", pair.key_path)

    assert result.exit_code == 1
    assert "internal error" not in result.stderr
    assert f"content/issued/{pair.a.path.name}: proof: does not verify (has a proof without a verificationMethod" \
        in result.stderr


def test_a_damaged_revocation_log_costs_only_the_reasons_not_the_build(tmp_path):
    log = tmp_path / content_status.REVOCATIONS
    log.parent.mkdir(parents=True)
    log.write_text("date,credential\n2026-01-01T00:00:00Z,urn:uuid:a\n", encoding="utf-8")  # once a KeyError
    assert content_status.revocation_reasons(tmp_path) == {"urn:uuid:a": ""}
    log.write_bytes(b"\xff\xfe not UTF-8")
    assert content_status.revocation_reasons(tmp_path) == {}
