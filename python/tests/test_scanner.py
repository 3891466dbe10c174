"""The Python API against the `mtlint` binary of the same wheel: the same
objects byte for byte, the same fixes, rules and error messages."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import mtlint
from conftest import binary_lines, dumps, run
import corpus


def test_the_wheel_puts_the_binary_on_path(mtlint_bin):
    p = run(mtlint_bin, "--version")
    assert p.returncode == 0 and p.stdout.startswith("mtlint "), p
    assert p.stdout.split()[1] == mtlint.__version__
    # The real binary, not a Python wrapper: an ELF (or other native) file.
    assert not Path(mtlint_bin).read_bytes()[:2] == b"#!"


@pytest.mark.parametrize("seed", corpus.seeds(), ids=lambda d: d["id"][6:9])
def test_seed_equals_the_binary_byte_for_byte(mtlint_bin, seed):
    [line] = binary_lines(mtlint_bin, seed["id"])
    scanner = mtlint.Scanner()
    assert scanner.scan(seed["text"], path=seed["id"], as_json=True) == line
    report = scanner.scan(seed["text"], path=seed["id"])
    assert dumps(report) == line
    assert report == json.loads(line)
    assert scanner.score(seed["text"], path=seed["id"]) == report["score"]


def test_seed_000_is_garbled():
    """Not only equal: the results mean something (seed 000 is machine-translated)."""
    report = mtlint.Scanner().scan(corpus.seeds()[0]["text"])
    assert report["score"] < 80 and report["language"] == "ar"
    assert "foreign-script-run" in {f["rule"] for f in report["findings"]}


def test_corpus_equals_the_binary_byte_for_byte(docs, binary_corpus_lines):
    assert len(binary_corpus_lines) == len(docs)
    texts = [d["text"] for d in docs]
    ids = [d["id"] for d in docs]
    # As --input jsonl reads documents: plain text, named by their ids.
    scanner = mtlint.Scanner(input_format="text")
    reports = scanner.scan_many(texts, paths=ids)
    assert [dumps(r) for r in reports] == binary_corpus_lines
    assert scanner.scan_many(texts, paths=ids, as_json=True) == binary_corpus_lines
    # Any iterable, one thread: the same results in the same order.
    assert scanner.scan_many(iter(texts), paths=iter(ids), threads=1, as_json=True) == binary_corpus_lines
    languages = {r["language"] for r in reports}
    assert {"ar", "en", "fr", "ru"} <= languages, languages


def test_language_and_rules_as_the_flags_give_them(mtlint_bin, docs):
    docs = docs[:300]
    text = "".join(d["text"] for d in docs[:5])
    scanner = mtlint.Scanner(language="arabic", select="space-before-punctuation,joined-words", ignore=["joined-words"])
    [line] = binary_lines(
        mtlint_bin, "--lang", "arabic", "--select", "space-before-punctuation,joined-words", "--ignore", "joined-words", "-", input=text
    )
    assert scanner.scan(text, as_json=True) == line
    assert {f["rule"] for f in json.loads(line)["findings"]} == {"space-before-punctuation"}
    # A language for one call: as --lang for that text.
    [line] = binary_lines(mtlint_bin, "--lang", "fr", "-", input=text)
    assert mtlint.Scanner().scan(text, language="fr", as_json=True) == line
    assert [r["language"] for r in mtlint.Scanner().scan_many([text, text], language="fr")] == ["fr", "fr"]


def test_a_configuration_file_as_config_reads_it(mtlint_bin, tmp_path):
    config = tmp_path / "mtlint.toml"
    config.write_text('ignore = ["space-before-punctuation"]\n[severity]\nrepeated-characters = "error"\n')
    text = corpus.seeds()[0]["text"]
    p = run(mtlint_bin, "check", "--config", str(config), "--format", "jsonl", "-", input=text)
    report = mtlint.Scanner(config=config).scan(text)
    assert dumps(report) == p.stdout.rstrip("\n")
    assert "space-before-punctuation" not in {f["rule"] for f in report["findings"]}
    assert "error" in {f["severity"] for f in report["findings"] if f["rule"] == "repeated-characters"}


def test_the_path_names_the_format(mtlint_bin):
    page = "<html><body><p>Hello , world .</p><pre>x , y</pre></body></html>\n"
    [line] = binary_lines(mtlint_bin, "--stdin-filename", "page.html", "-", input=page)
    report = mtlint.Scanner().scan(page, path="page.html")
    assert dumps(report) == line and report["format"] == "html"
    assert mtlint.Scanner(input_format="text").scan(page, path="page.html")["format"] == "text"


@pytest.mark.parametrize("unsafe", [False, True])
def test_fix_writes_what_check_fix_writes(mtlint_bin, unsafe):
    scanner = mtlint.Scanner()
    for seed in corpus.seeds():
        args = ["check", "--isolated", "--fix", "--quiet", "-"] + (["--unsafe-fixes"] if unsafe else [])
        p = run(mtlint_bin, *args, input=seed["text"])
        assert p.returncode in (0, 1), p.stderr
        assert scanner.fix(seed["text"], unsafe=unsafe) == p.stdout, seed["id"]
    garbled = corpus.seeds()[0]["text"]
    assert scanner.fix(garbled) != garbled
    assert len(scanner.fix(garbled, unsafe=True)) < len(scanner.fix(garbled))


def test_rules_and_explain_as_the_command_prints_them(mtlint_bin):
    listed = json.loads(run(mtlint_bin, "rules", "--format", "json").stdout)
    assert mtlint.rules() == listed and len(listed) > 20
    for rule in listed:
        assert mtlint.explain(rule["id"]) == run(mtlint_bin, "explain", rule["id"]).stdout
    assert mtlint.Scanner.explain("joined-words") == mtlint.explain("joined-words")
    assert [r["id"] for r in mtlint.Scanner(select=["joined-words", "duplicate-line"]).rules()] == [
        r["id"] for r in listed if r["id"] in ("joined-words", "duplicate-line")
    ]


def cli_error(mtlint_bin, *args):
    p = run(mtlint_bin, *args, input="x\n")
    assert p.returncode == 2, p
    prefix = "mtlint: error: "
    assert p.stderr.startswith(prefix), p.stderr
    return p.stderr[len(prefix):].rstrip("\n")


@pytest.mark.parametrize(
    "kwargs, args",
    [
        ({"select": ["joined-word"]}, ["--select", "joined-word"]),
        ({"ignore": "space-before-punctuatoin"}, ["--ignore", "space-before-punctuatoin"]),
        ({"language": "klingon"}, ["--lang", "klingon"]),
        ({"input_format": "htlm"}, ["--input-format", "htlm"]),
        ({"config": "/nonexistent/mtlint.toml"}, ["--config", "/nonexistent/mtlint.toml"]),
    ],
)
def test_errors_are_exceptions_with_the_command_lines_message(mtlint_bin, kwargs, args):
    message = cli_error(mtlint_bin, "check", *args, "-")
    with pytest.raises(mtlint.MtlintError) as e:
        mtlint.Scanner(**kwargs)
    assert str(e.value) == message
    assert isinstance(e.value, ValueError)


def test_a_bad_configuration_file_and_an_unknown_rule(mtlint_bin, tmp_path):
    config = tmp_path / "mtlint.toml"
    config.write_text('select = ["joined-wrds"]\n')
    message = cli_error(mtlint_bin, "check", "--config", str(config), "-")
    with pytest.raises(mtlint.MtlintError, match="joined-wrds") as e:
        mtlint.Scanner(config=str(config))
    assert str(e.value) == message
    message = cli_error(mtlint_bin, "explain", "joined-word")
    with pytest.raises(mtlint.MtlintError) as e:
        mtlint.explain("joined-word")
    assert str(e.value) == message
    with pytest.raises(mtlint.MtlintError):
        mtlint.Scanner().scan("x", language="xx-nonsense")
    with pytest.raises(mtlint.MtlintError, match="2 paths for 1 texts"):
        mtlint.Scanner().scan_many(["a"], paths=["a", "b"])
    with pytest.raises(TypeError):
        mtlint.Scanner().scan_many(["a", 3])


def test_one_scanner_shared_between_threads(docs):
    scanner = mtlint.Scanner(input_format="text")
    sample = docs[:400]
    expected = [scanner.scan(d["text"], path=d["id"], as_json=True) for d in sample]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda d: scanner.scan(d["text"], path=d["id"], as_json=True), sample))
        batches = list(pool.map(lambda k: scanner.scan_many([d["text"] for d in sample], paths=[d["id"] for d in sample], as_json=True), range(3)))
    assert got == expected
    assert batches == [expected] * 3


def test_scans_release_the_gil(docs):
    """A Python thread runs while scan_many scans: it finds the GIL free
    in the middle of the scan, not only before and after it."""
    scanner = mtlint.Scanner(input_format="text")
    texts = [d["text"] for d in docs]
    seen = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            seen.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    start = time.perf_counter()
    scanner.scan_many(texts, threads=1, as_json=True)
    end = time.perf_counter()
    done.set()
    ticker.join()
    middle = [t for t in seen if start + (end - start) / 4 < t < end - (end - start) / 4]
    assert end - start > 0.2, "too short a scan to tell"
    assert len(middle) > 10, f"{len(middle)} ticks in the middle of a {end - start:.2f} s scan"


def test_odd_texts_never_raise():
    scanner = mtlint.Scanner()
    for text in ["", "\n", "\u200f\u202e", "a" * 100_000, "\r\n\r", "\ufeff" + "قال ، " * 1000, "\x00\x01"]:
        report = scanner.scan(text)
        assert 0 <= report["score"] <= 100
        assert isinstance(scanner.fix(text, unsafe=True), str)
    assert scanner.scan_many([]) == []
    with pytest.raises(UnicodeEncodeError):
        scanner.scan("\ud800")
