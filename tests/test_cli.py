"""End-to-end runs of the command line with the real embedding model."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from storyline.cli import main

from .conftest import EVENT, EXAMPLE

FURNITURE_IN_EXAMPLE = [
    "Accessibility links",
    "please wait",
    "Read more",
    "Leave a Reply",
    "CAPTCHA",
    "Powered by automated translation",
    "0:00",
    "_____",
    "Source: Northshore Herald",
    "Callon council approves budget for new ferry terminal",
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def test_markdown_report_of_the_bundled_example(capsys):
    status, out, err = run(capsys, "summarize", str(EXAMPLE), "--quiet")
    assert status == 0
    summary = out.split("## Sources", 1)[0]
    assert summary.count("[") >= 4
    for furniture in FURNITURE_IN_EXAMPLE:
        assert furniture not in summary
    assert err == ""


def test_json_report_offsets_slice_to_real_sentences(capsys):
    status, out, _ = run(capsys, "summarize", str(EXAMPLE), "--format", "json", "-q")
    assert status == 0
    data = json.loads(out)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    summary = data["stories"][0]["summary"]
    words = sum(len(s["text"].split()) for s in summary)
    assert 150 <= words <= 250
    multi = 0
    for sentence in summary:
        for citation in sentence["citations"]:
            cited = texts[citation["article"]][citation["start"] : citation["end"]]
            assert cited and cited == cited.strip() and cited[-1] in '.!?"”)'
        multi += len(sentence["citations"]) > 1
    assert multi >= 2  # the outlets overlap, so several sentences have several sources


def test_word_budget_option(capsys):
    status, out, _ = run(capsys, "summarize", str(EVENT), "-f", "json", "-w", "60", "-q")
    assert status == 0
    summary = json.loads(out)["stories"][0]["summary"]
    assert 0 < sum(len(s["text"].split()) for s in summary) <= 60


def test_html_and_markdown_outputs_in_one_run(capsys, tmp_path):
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    status, out, err = run(capsys, "summarize", str(EVENT), "--out", str(html), "--out", str(md))
    assert status == 0 and out == ""
    assert html.read_text().startswith("<!doctype html>")
    assert md.read_text().startswith("# storyline report")
    assert f"wrote {html} (html)" in err


def test_bad_inputs_each_get_one_line_and_the_rest_is_reported(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text(" \n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes(
        "Les pompiers de Port Callon ont maîtrisé l'incendie mardi après-midi, a déclaré "
        "le maire. Trois ouvriers sont morts et onze personnes ont été blessées près du "
        "silo numéro quatre, selon les autorités régionales.".encode("cp1252")
    )
    (tmp_path / "bad.jsonl").write_text(
        '{"title": "Fire", "text": "A fire broke out at the grain terminal on Tuesday, '
        'officials said in a statement."}\n{"title": oops}\n'
    )
    (tmp_path / "furniture.txt").write_text("Read more\n\nAdvertisement\n")
    status, out, err = run(
        capsys,
        "summarize",
        str(EVENT / "outlet_a.txt"),
        str(tmp_path),
        "missing.txt",
        "-f",
        "json",
        "-q",
    )
    assert status == 0
    lines = err.strip().splitlines()
    assert all(line.startswith("storyline: ") for line in lines)
    expected = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.txt": "binary",
        "bad.jsonl:2": "not valid JSON",
        "furniture.txt": "no sentences",
        "missing.txt": "no such file",
        "latin1.txt": "decoded as",
    }
    for name, words in expected.items():
        assert sum(name in line and words in line for line in lines) == 1, (name, err)
    data = json.loads(out)
    assert len(data["articles"]) == 3  # outlet_a, the French article, the good JSON line
    assert {s["path"].rsplit("/", 1)[-1] for s in data["skipped"]} >= {
        "empty.txt",
        "binary.txt",
        "bad.jsonl:2",
        "missing.txt",
    }


def test_nothing_usable_exits_2_with_one_line(capsys, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    status, out, err = run(capsys, "summarize", str(tmp_path / "empty.txt"))
    assert status == 2
    assert out == ""
    assert (
        err.splitlines()[-1] == "storyline: no usable article in the inputs; nothing to summarize"
    )


def test_unwritable_output_is_a_one_line_error(capsys, tmp_path):
    status, _, err = run(
        capsys, "summarize", str(EVENT), "-q", "--out", str(tmp_path / "no" / "dir" / "r.md")
    )
    assert status == 2
    assert err.startswith("storyline: cannot write")


def test_usage_errors_exit_2(capsys):
    status, _, err = run(capsys, "summarize", str(EVENT), "--format", "pdf")
    assert status == 2
    assert "pdf" in err


def test_stdin_and_python_dash_m(tmp_path):
    text = (EVENT / "outlet_b.txt").read_bytes()
    env = {**os.environ, "STORYLINE_DEBUG": ""}
    result = subprocess.run(
        [sys.executable, "-m", "storyline", "summarize", "-", "--format", "json"],
        input=text,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["articles"][0]["path"] == "<stdin>"
    assert data["stories"][0]["summary"]


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["summarize", "--help"]])
def test_help_and_version(capsys, args):
    status, out, _ = run(capsys, *args)
    assert status == 0
    assert "storyline" in out.lower()
