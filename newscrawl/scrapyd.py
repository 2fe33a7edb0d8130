"""Deploy to Scrapyd without setup.py: build the project egg and POST it to addversion.json.

`scrapyd-deploy` (scrapyd-client) builds eggs by running a generated `setup.py bdist_egg`,
which clashes with this project's pyproject-only packaging; an egg is just a zip with
`EGG-INFO/`, so we write it ourselves. Package data (schema, profiles) is read through
importlib.resources, which works from a zip.
"""

from __future__ import annotations

import configparser
import json
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newscrawl import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_SUFFIXES = (".py", ".json", ".toml")


def package_files(root: Path = PACKAGE_DIR) -> list[Path]:
    """The package's sources and data files (no caches)."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in DATA_SUFFIXES and "__pycache__" not in p.parts
    )


def build_egg(dest: Path, version: str | None = None) -> Path:
    """Write `newscrawl-<version>.egg` (entry point: the project's settings) into `dest`."""
    version = version or f"{__version__}+{int(time.time())}"
    dest.mkdir(parents=True, exist_ok=True)
    egg = dest / f"newscrawl-{version}-py3.egg"
    with zipfile.ZipFile(egg, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in package_files():
            archive.write(path, (Path("newscrawl") / path.relative_to(PACKAGE_DIR)).as_posix())
        archive.writestr(
            "EGG-INFO/PKG-INFO", f"Metadata-Version: 2.1\nName: newscrawl\nVersion: {version}\n"
        )
        archive.writestr("EGG-INFO/entry_points.txt", "[scrapy]\nsettings = newscrawl.settings\n")
        archive.writestr("EGG-INFO/top_level.txt", "newscrawl\n")
        archive.writestr("EGG-INFO/zip-safe", "\n")
    return egg


def multipart(fields: Mapping[str, str], files: Mapping[str, Path]) -> tuple[bytes, str]:
    """Encode form fields and files as multipart/form-data; return body and content type."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, path in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + path.read_bytes() + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def call(url: str, data: bytes | None = None, ctype: str | None = None) -> dict[str, Any]:
    """One Scrapyd API call; raises when Scrapyd reports an error."""
    request = urllib.request.Request(url, data=data)
    if ctype:
        request.add_header("Content-Type", ctype)
    with urllib.request.urlopen(request, timeout=60) as response:
        answer: dict[str, Any] = json.loads(response.read())
    if answer.get("status") != "ok":
        raise RuntimeError(f"scrapyd {url}: {answer.get('message', answer)}")
    return answer


def add_version(base_url: str, project: str, version: str, egg: Path) -> dict[str, Any]:
    """Upload an egg as a new version of the project."""
    body, ctype = multipart({"project": project, "version": version}, {"egg": egg})
    return call(f"{base_url.rstrip('/')}/addversion.json", body, ctype)


def schedule(
    base_url: str,
    project: str,
    spider: str,
    spider_args: Mapping[str, str] | None = None,
    settings: Iterable[tuple[str, object]] = (),
) -> str:
    """Schedule a crawl; return the job id."""
    form: list[tuple[str, str]] = [("project", project), ("spider", spider)]
    form += [("setting", f"{name}={value}") for name, value in settings]
    form += list((spider_args or {}).items())
    data = urllib.parse.urlencode(form).encode()
    job: str = call(f"{base_url.rstrip('/')}/schedule.json", data)["jobid"]
    return job


def deploy_target(cfg: Path, target: str = "default") -> tuple[str, str]:
    """URL and project of a `[deploy]` / `[deploy:<target>]` section of scrapy.cfg."""
    parser = configparser.ConfigParser()
    parser.read(cfg)
    section = "deploy" if target == "default" else f"deploy:{target}"
    return parser.get(section, "url"), parser.get(section, "project", fallback="newscrawl")
