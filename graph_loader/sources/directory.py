"""Directory harvester: one RawRecord per file of a folder, in path order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import RawRecord, SourceError

__all__ = ["DirectorySource"]


@dataclass
class DirectorySource:
    """A folder of record files (any format :mod:`graph_loader.mappings` reads); hidden files
    and folders are skipped."""

    name: str
    path: Path
    resume_token: str | None = None

    def records(self, client: object = None, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every file after relative path ``resume`` (all if None); ``client`` is unused."""
        root = Path(self.path)
        if not root.is_dir():
            raise SourceError(self.name, str(root), "not a folder (pas un dossier)", resume=resume)
        self.resume_token = resume
        for relative in self._paths(root):
            if resume is not None and relative <= resume:
                continue
            path = root / relative
            try:
                data = path.read_bytes()
                stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(
                    timespec="seconds"
                )
            except OSError as exc:
                raise SourceError(self.name, relative, str(exc), resume=self.resume_token) from exc
            yield RawRecord(self.name, relative, data, datestamp=stamp, url=path.resolve().as_uri())
            self.resume_token = relative
        self.resume_token = None

    @staticmethod
    def _paths(root: Path) -> list[str]:
        """The relative POSIX paths of the files under ``root``, sorted."""
        paths = []
        for path in root.rglob("*"):
            relative = path.relative_to(root)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                paths.append(relative.as_posix())
        return sorted(paths)
