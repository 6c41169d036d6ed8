"""Every CLI command is documented in the README (as sqlite-utils does), and the README opens with the two commands."""
from __future__ import annotations

from policykg.cli import COMMANDS, build_parser
from tests.paths import REPO


def test_every_command_is_in_the_readme():
    build_parser()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in COMMANDS if f"policykg {name}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_readme_opens_with_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    assert [ln.split("#")[0].strip() for ln in first_block.strip().splitlines()] == ["./run app", "./run test"]
    assert "./run test" in (REPO / ".ci" / "run").read_text()
