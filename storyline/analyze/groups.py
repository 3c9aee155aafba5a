"""Items grouped by a pairwise link: the connected components of the link graph."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def components(size: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Indices ``0..size-1`` grouped so that linked pairs (``linked(i, j)``, i < j) share
    a group, directly or through others; groups in order of their first index, indices
    ascending within each."""
    pairs = [(i, j) for i, j in combinations(range(size), 2) if linked(i, j)]
    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    graph = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())
