"""The git side: which REF to compare against, and REF's files in a temporary folder."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path


class GitError(RuntimeError):
    """A git command failed (not a repository, an unknown REF, ...); the message is git's."""


@dataclass(frozen=True)
class Base:
    """The REF compared against, its commit, and how it was chosen (for the report)."""

    ref: str
    commit: str
    how: str


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


def _commit(root: Path, ref: str) -> str | None:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        return None


def merge_base(root: Path) -> Base:
    """The merge base of HEAD with main (origin/main when there is no local main; HEAD when neither exists)."""
    for branch in ("main", "origin/main"):
        if _commit(root, branch):
            commit = git(root, "merge-base", "HEAD", branch)
            return Base(commit[:12], commit, f"the merge base of HEAD with {branch}")
    commit = git(root, "rev-parse", "HEAD")
    return Base("HEAD", commit, "HEAD (no main branch to take a merge base with)")


def choose_base(root: Path, ref: str | None) -> Base:
    """`ref` as given; `merge-base` for the merge base with main; by default the last release tag `v*`
    reachable from HEAD, else the merge base with main."""
    if ref == "merge-base":
        return merge_base(root)
    if ref:
        commit = _commit(root, ref)
        if commit is None:
            raise GitError(f"{ref!r} is not a commit, branch or tag of {root}")
        return Base(ref, commit, "given on the command line")
    try:
        tag = git(root, "describe", "--tags", "--abbrev=0", "--match", "v*")
    except GitError:
        return merge_base(root)
    return Base(tag, git(root, "rev-parse", f"{tag}^{{commit}}"), "the last release tag")


@contextmanager
def checkout(root: Path, commit: str) -> Iterator[Path]:
    """REF's tracked files (git archive) in a temporary folder, removed afterwards."""
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", commit], capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise GitError(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory(prefix="api-diff-ref-") as tmp:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)
