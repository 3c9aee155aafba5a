"""`storyline evaluate` end to end on a tiny dataset written for the tests."""

from __future__ import annotations

import json

import pytest

from storyline import cli
from storyline.cli import main
from storyline.errors import InputError, NoUsableInput
from storyline.evaluate import SYSTEMS, evaluate

from .conftest import FIXTURES

DATA = FIXTURES / "clusters.jsonl"


@pytest.fixture(scope="module")
def result(request):
    from storyline.embed import HashingEmbedder

    return evaluate(
        DATA, words=30, jobs=1, embedder=HashingEmbedder(), compare=FIXTURES / "compare.jsonl"
    )


def test_every_system_scores_every_usable_cluster(result):
    assert result.clusters == ("c1", "c2", "c3")
    assert [s.name for s in result.systems] == [*SYSTEMS, "handwritten"]
    for system in result.systems:
        assert 0 < system.rouge1 <= 100
        assert system.rouge1_ci[0] <= system.rouge1 <= system.rouge1_ci[1]
        assert system.words <= 30


def test_oracle_is_an_upper_bound(result):
    by_name = {s.name: s for s in result.systems}
    assert by_name["oracle"].rouge2 >= max(by_name[n].rouge2 for n in ("lead", "lexrank"))


def test_bad_lines_and_clusters_are_reported_not_fatal(result):
    reasons = " | ".join(f"{s.path}: {s.reason}" for s in result.skipped)
    assert "clusters.jsonl:4: not valid JSON" in reasons
    assert "c4-no-refs has no reference summary" in reasons
    assert "c5-no-docs has no usable document" in reasons
    assert "compare.jsonl:5" in reasons


def test_results_json_has_the_documented_keys(result):
    data = result.to_dict()
    assert set(data) >= {"data", "words", "systems", "clusters"}
    assert set(data["systems"]["storyline"]) == {
        "rouge1",
        "rouge2",
        "rougeLsum",
        "rouge1_ci",
        "rouge2_ci",
        "seconds_per_cluster",
        "words",
    }
    row = data["clusters"][0]
    assert set(row) >= {"id", "system", "summary", "rouge1", "rouge2", "rougeLsum"}
    assert all(len(r["summary"].split()) <= 30 for r in data["clusters"])


def test_limit_and_seed_pick_a_stable_sample():
    from storyline.embed import HashingEmbedder

    first = evaluate(DATA, words=30, limit=2, seed=3, systems=["lead"], embedder=HashingEmbedder())
    again = evaluate(DATA, words=30, limit=2, seed=3, systems=["lead"], embedder=HashingEmbedder())
    assert len(first.clusters) == 2 and first.clusters == again.clusters


def test_unknown_system_and_empty_data_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="unknown system"):
        evaluate(DATA, systems=["gpt"])
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"id": "x", "documents": [], "summaries": ["y"]}\n')
    with pytest.raises(NoUsableInput):
        evaluate(empty, systems=["lead"])


def test_cli_prints_a_table_and_writes_json_and_plot(capsys, tmp_path):
    out, png = tmp_path / "r.json", tmp_path / "r.png"
    status = main(
        [
            "evaluate",
            str(DATA),
            "--words",
            "30",
            "--systems",
            "storyline,lead,lexrank",
            "--jobs",
            "2",
            "--out",
            str(out),
            "--plot",
            str(png),
            "-q",
        ]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "| storyline |" in captured.out and "| lead |" in captured.out
    assert json.loads(out.read_text())["words"] == 30
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "skipped" in captured.err and "Traceback" not in captured.err


def test_cli_lists_the_same_systems_as_the_library():
    assert cli.SYSTEMS == SYSTEMS
