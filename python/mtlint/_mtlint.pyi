"""Type stubs of the extension module `mtlint._mtlint` (the Rust library)."""

from os import PathLike
from typing import Iterable, List, Literal, Optional, Sequence, TypedDict, Union, final, overload

__all__ = ["MtlintError", "Scanner", "__version__", "explain", "rules"]

__version__: str

class MtlintError(ValueError):
    """A usage or configuration error, with the message the command line gives."""

class Fix(TypedDict):
    start: int
    end: int
    replacement: str
    applicability: str  # "safe" or "unsafe"

class Finding(TypedDict, total=False):
    rule: str
    severity: str  # "info", "warning" or "error"
    message: str
    text: str
    start: int  # UTF-8 byte offset, inclusive
    end: int  # UTF-8 byte offset, exclusive
    line: int  # 1-based
    column: int  # 1-based, in Unicode scalar values
    end_line: int
    end_column: int
    sentence: Optional[int]
    confidence: float
    fix: Optional[Fix]
    unit: dict  # subtitles and catalogues only

class Sentence(TypedDict):
    index: int
    start: int
    end: int
    line: int
    language: Optional[str]
    score: float

class FileReport(TypedDict, total=False):
    """The object of one file in `mtlint check --format json`."""

    path: str
    language: Optional[str]
    score: float
    sentences: List[Sentence]
    findings: List[Finding]
    format: str
    encoding: str

class RuleInfo(TypedDict):
    id: str
    severity: str
    summary: str
    explanation: str

RuleIds = Union[str, Sequence[str]]
_Paths = Optional[Iterable[str]]
_Lang = Optional[str]
_Threads = Optional[int]

@final
class Scanner:
    """Scans texts with a fixed set of rules. Build it once and reuse it: it is
    safe to share between threads, and its scans release the GIL.

    Raises MtlintError for an unknown rule, language or input format, or a bad
    configuration file, with the command line's message.
    """

    def __new__(
        cls,
        language: Optional[str] = None,
        select: Optional[RuleIds] = None,
        ignore: Optional[RuleIds] = None,
        config: Optional[Union[str, PathLike[str]]] = None,
        input_format: Optional[str] = None,
    ) -> "Scanner": ...
    @overload
    def scan(
        self, text: str, path: str = "-", language: Optional[str] = None, as_json: Literal[False] = False
    ) -> FileReport:
        """The object of one file in `mtlint check --format json`."""
    @overload
    def scan(self, text: str, path: str = "-", language: Optional[str] = None, *, as_json: Literal[True]) -> str:
        """`scan` as the line `mtlint check --format jsonl` writes, without its newline."""
    def score(self, text: str, path: str = "-", language: Optional[str] = None) -> float:
        """The score of one text, 0 to 100."""
    @overload
    def scan_many(
        self, texts: Iterable[str], paths: _Paths = None, language: _Lang = None, threads: _Threads = None,
        as_json: Literal[False] = False,
    ) -> List[FileReport]:
        """`scan` on every text, in parallel without the GIL; results in order."""
    @overload
    def scan_many(
        self, texts: Iterable[str], paths: _Paths = None, language: _Lang = None, threads: _Threads = None,
        *, as_json: Literal[True],
    ) -> List[str]:
        """`scan_many` as the lines of `--format jsonl`, without their newlines."""
    def fix(
        self,
        text: str,
        unsafe: bool = False,
        path: str = "-",
        language: Optional[str] = None,
    ) -> str:
        """The text with its safe (and, with unsafe=True, unsafe) fixes applied."""
    def rules(self) -> List[RuleInfo]:
        """The rules this scanner runs."""
    @staticmethod
    def explain(rule: str) -> str:
        """The documentation of a rule, as `mtlint explain RULE` prints it."""

def rules() -> List[RuleInfo]:
    """Every rule, as `mtlint rules --format json` lists them."""

def explain(rule: str) -> str:
    """The documentation of a rule, as `mtlint explain RULE` prints it."""

