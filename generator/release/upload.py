"""Upload built files to a package index with twine, never over a version already there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from generator.errors import TrunklineError

_HREF = re.compile(r"""href=["']([^"']+)["']""", re.IGNORECASE)


class AlreadyPublished(TrunklineError):
    """The index already has files of this version; versions are immutable."""


def simple_url(repository_url: str) -> str:
    """The simple index that goes with an upload URL (PyPI's `/legacy/` maps to `/simple/`)."""
    parts = urllib.parse.urlsplit(repository_url)
    path = parts.path
    host = parts.netloc
    if path.rstrip("/").endswith("/legacy"):
        path = path.rstrip("/")[: -len("legacy")] + "simple/"
        if host == "upload.pypi.org":
            host = "pypi.org"
    else:
        path = path.rstrip("/") + "/simple/"
    return urllib.parse.urlunsplit((parts.scheme, host, path, "", ""))


def files_on_index(index_url: str, project: str, timeout: float = 20.0) -> set[str]:
    """File names the index lists for `project`; empty when it does not know the project."""
    url = index_url.rstrip("/") + f"/{project}/"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            page = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return set()
        raise TrunklineError(f"cannot read {url}: HTTP {exc.code}; pass --index-url with the index's simple URL") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TrunklineError(f"cannot reach {url}: {reason}; is the index running and the URL right?") from None
    return {urllib.parse.unquote(href.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]) for href in _HREF.findall(page)}


def credentials(env: dict[str, str]) -> dict[str, str]:
    """TWINE_USERNAME/TWINE_PASSWORD, falling back to TRUNKLINE_USERNAME/TRUNKLINE_PASSWORD."""
    found = {}
    for key in ("USERNAME", "PASSWORD"):
        value = env.get(f"TWINE_{key}") or env.get(f"TRUNKLINE_{key}")
        if not value:
            raise TrunklineError(f"no credentials: set TWINE_{key} (or TRUNKLINE_{key}); for PyPI use __token__ and an API token")
        found[f"TWINE_{key}"] = value
    return found


def upload(files: list[Path], repository_url: str, env: dict[str, str] | None = None, skip_existing: bool = False) -> list[str]:
    """`twine upload` the files; the names of those skipped as already on the index (only with `skip_existing`).

    AlreadyPublished on the index's 409 without `skip_existing`, TrunklineError on other failures. twine's own
    --skip-existing works with PyPI only, so with `skip_existing` each file goes up alone and a refusal skips it.
    """
    if not skip_existing:
        _twine_upload(files, repository_url, env)
        return []
    skipped = []
    for path in files:
        try:
            _twine_upload([path], repository_url, env)
        except AlreadyPublished:
            skipped.append(path.name)
    return skipped


def _twine_upload(files: list[Path], repository_url: str, env: dict[str, str] | None) -> None:
    """One `twine upload` run; AlreadyPublished on the index's 409, TrunklineError on other failures."""
    env = dict(os.environ) if env is None else env
    run_env = {**env, **credentials(env)}
    run_env.pop("TWINE_REPOSITORY", None)
    command = [sys.executable, "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar", "--verbose",
               "--repository-url", repository_url, *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, env=run_env, check=False)
    if done.returncode == 0:
        return
    output = done.stdout + done.stderr
    if re.search(r"\b409\b|already exists|Conflict", output, re.IGNORECASE):
        raise AlreadyPublished(f"the index refused {', '.join(p.name for p in files)}: that version is already there; "
                               "versions are immutable, release a new one with `trunkline release VENDOR` "
                               "(or pass --skip-existing to skip what is there)")
    lines = [line.strip() for line in output.splitlines() if "HTTPError" in line or "ERROR" in line] or output.strip().splitlines()
    raise TrunklineError(f"twine upload to {repository_url} failed: {lines[-1] if lines else 'no output'}")
