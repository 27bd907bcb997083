"""examples/: the CI pipelines and editor settings the docs point to."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support import REPO

EXAMPLES = REPO / "examples"


def commands(steps: list) -> str:
    return "\n".join(str(s.get("run", "")) if isinstance(s, dict) else str(s) for s in steps)


def test_github_workflow_checks_builds_with_history_and_publishes_main_only() -> None:
    flow = yaml.safe_load((EXAMPLES / "github-actions.yml").read_text(encoding="utf-8"))
    build = flow["jobs"]["check-and-build"]["steps"]
    checkout = next(s for s in build if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    run = commands(build)
    assert run.index("journal check") < run.index("mkdocs build --strict")
    assert "pip install -r requirements.lock" in run
    publish = flow["jobs"]["publish"]
    assert publish["needs"] == "check-and-build" and "refs/heads/main" in publish["if"]
    assert set(flow[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key `on` as true


def test_gitlab_pipeline_checks_builds_with_history_and_publishes_the_default_branch() -> None:
    ci = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["variables"]["GIT_DEPTH"] == 0
    script = commands(ci["build"]["script"])
    assert script.index("journal check") < script.index("mkdocs build --strict --site-dir public")
    assert ci["pages"]["artifacts"]["paths"] == ["public"] and ci["pages"]["needs"] == ["build"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_vscode_task_matches_every_check_line() -> None:
    text = (EXAMPLES / "vscode" / "tasks.json").read_text(encoding="utf-8")
    task = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))["tasks"][0]
    pattern = task["problemMatcher"]["pattern"]
    rx = re.compile(pattern["regexp"])
    result = subprocess.run([str(Path(sys.executable).parent / "journal"), "--root", str(REPO / "tests" / "cases" / "check" / "three-mistakes"), "check"],
                            capture_output=True, text=True, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        m = rx.match(line)
        assert m and m.group(pattern["file"]) == "interviews/2026/acme.md" and m.group(pattern["severity"]) == "error"
        assert m.group(pattern["line"]).isdigit()
    assert rx.match("interviews/x.md: error: links to folders are not followed").group(pattern["file"]) == "interviews/x.md"
