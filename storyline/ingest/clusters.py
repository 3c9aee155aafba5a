"""Evaluation clusters: JSON Lines of ``{"id", "documents": [...], "summaries": [...]}``.

Documents go through the same article reader as ``storyline summarize``; a cluster without
documents or references is reported and skipped, never fatal.
"""

from __future__ import annotations

from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.decode import decode
from storyline.ingest.readers import ReadResult, json_lines, read_object
from storyline.model import Cluster


def read_clusters(path: str | Path) -> tuple[list[Cluster], list[InputError]]:
    """Every usable cluster of the file, and a problem for each line that is not one."""
    name = str(path)
    try:
        text = decode(name, Path(path).read_bytes()).text
    except OSError as exc:
        return [], [InputError(name, f"cannot be read ({exc.strerror or exc})")]
    except InputError as exc:
        return [], [exc]
    clusters: list[Cluster] = []
    problems: list[InputError] = []
    for item in json_lines(name, text):
        if isinstance(item, InputError):
            problems.append(item)
            continue
        cluster = _cluster(name, item[0], item[1], problems)
        if cluster is not None:
            clusters.append(cluster)
    return clusters, problems


def _cluster(path: str, line: int, value: object, problems: list[InputError]) -> Cluster | None:
    if not isinstance(value, dict) or not isinstance(value.get("documents"), list):
        problems.append(InputError(path, "not a cluster (expected a documents list)", line))
        return None
    result = ReadResult()
    read_object(path, line, value, result)
    problems.extend(result.problems)
    references = tuple(s for s in value.get("summaries") or [] if isinstance(s, str) and s.strip())
    cluster_id = str(value.get("id", f"line {line}"))
    if not result.documents:
        problems.append(
            InputError(path, f"cluster {cluster_id} has no usable document; skipped", line)
        )
        return None
    if not references:
        problems.append(
            InputError(path, f"cluster {cluster_id} has no reference summary; skipped", line)
        )
        return None
    return Cluster(cluster_id, path, line, tuple(result.documents), references)
