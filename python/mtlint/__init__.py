"""mtlint finds machine-translation garble in text before it is published.

The Rust library behind a Python API::

    import mtlint

    scanner = mtlint.Scanner(language="ar")          # build once, share freely
    report = scanner.scan("قال بوتين ، اليوم.")      # the object of one file of --format json
    report["score"], [f["rule"] for f in report["findings"]]
    scanner.scan_many(texts)                        # all cores, without the GIL, in order
    scanner.fix(text, unsafe=False)                 # the text as `mtlint check --fix` writes it

``mtlint.datatrove.MtlintFilter`` filters documents in datatrove pipelines and
``mtlint.opusfilter.MtlintFilter`` filters parallel corpora in OpusFilter; the
wheel also installs the ``mtlint`` command. See docs/python.md.
"""

from ._mtlint import MtlintError, Scanner, __version__, explain, rules

__all__ = ["MtlintError", "Scanner", "__version__", "explain", "rules"]
