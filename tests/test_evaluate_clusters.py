import json

import pytest

from storyline.cli import main
from storyline.evaluate_clusters import evaluate_clusters, read_labelled, score

from .conftest import FIXTURES

STREAM = FIXTURES / "stream.jsonl"


def labels(*names):
    return [frozenset(n.split("+")) for n in names]


def test_perfect_clustering_scores_one():
    result = score(["x", "x", "y"], labels("a", "a", "b"))
    assert (result.b3_precision, result.b3_recall, result.pair_f1) == (1.0, 1.0, 1.0)


def test_b_cubed_and_pairs_by_hand():
    # Gold {1,2,3} {4}; predicted {1,2} {3,4}.
    result = score(["p", "p", "q", "q"], labels("a", "a", "a", "b"))
    assert result.b3_precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert result.b3_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    # Predicted pairs: (1,2) right, (3,4) wrong; gold pairs: (1,2) (1,3) (2,3).
    assert result.pair_precision == pytest.approx(0.5)
    assert result.pair_recall == pytest.approx(1 / 3)
    assert result.clusters == 2


def test_an_item_with_two_labels_is_related_to_both():
    result = score(["p", "p", "p"], labels("a", "a+b", "b"))
    assert result.b3_recall == 1.0
    assert result.b3_precision == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)


def test_read_labelled_splits_by_label_and_reports_bad_lines():
    documents, gold, problems = read_labelled(STREAM)
    assert len(documents) == 6
    assert sorted({label for g in gold.values() for label in g}) == ["e1", "e2", "e3"]
    messages = [f"{p.locator}: {p.reason}" for p in problems]
    assert any(":7" in m and "no cluster label" in m for m in messages)
    assert any(":8" in m and "not valid JSON" in m for m in messages)
    tune, _, _ = read_labelled(STREAM, "tune")
    test, _, _ = read_labelled(STREAM, "test")
    assert len(tune) + len(test) == 6
    assert {d.collection for d in tune}.isdisjoint({d.collection for d in test})


def test_evaluate_clusters_scores_storyline_and_baselines(fake_embedder):
    result = evaluate_clusters(STREAM, embedder=fake_embedder)
    assert result.articles == 6 and result.labels == 3
    assert set(result.systems) >= {"storyline events", "one per article", "all in one"}
    assert result.systems["one per article"].b3_precision == 1.0
    assert result.systems["all in one"].b3_recall == 1.0
    assert len(result.skipped) == 2


def test_cli_evaluate_clusters_with_the_real_model(tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert main(["evaluate-clusters", str(STREAM), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "storyline events" in printed.out
    assert "no cluster label" in printed.err
    saved = json.loads(out.read_text())
    events = saved["systems"]["storyline events"]
    assert events["b3_f1"] >= 0.8  # three clearly different events of a few articles each
    assert saved["articles"] == 6


def test_cli_evaluate_clusters_on_a_missing_file(tmp_path, capsys):
    assert main(["evaluate-clusters", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
