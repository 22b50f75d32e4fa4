"""Type stubs of the cvpress module (python/cvpress_module.cpp)."""
import os
from typing import Iterable, Literal, Optional, Union

__version__: str

Source = Union[str, bytes, os.PathLike[str]]
PathArg = Union[str, os.PathLike[str]]

class Error(Exception): ...

class InputError(Error):
    diagnostics: list[Diagnostic]

class IoError(Error, OSError): ...
class RenderError(Error): ...
class UsageError(Error, ValueError): ...

class Diagnostic:
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def path(self) -> Optional[str]: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def message(self) -> str: ...

def render(
    source: Source,
    format: str = "pdf",
    style: Optional[PathArg] = None,
    *,
    lang: str = ...,
    only: Union[str, Iterable[str]] = ...,
    exclude: Union[str, Iterable[str]] = ...,
    variant: str = ...,
    allow_dirs: Iterable[PathArg] = ...,
    base_dir: PathArg = ...,
    filename: PathArg = ...,
    max_pages: int = ...,
    pdfa: bool = ...,
) -> bytes: ...
def validate(
    source: Source,
    style: Optional[PathArg] = None,
    *,
    lang: str = ...,
    only: Union[str, Iterable[str]] = ...,
    exclude: Union[str, Iterable[str]] = ...,
    variant: str = ...,
    allow_dirs: Iterable[PathArg] = ...,
    base_dir: PathArg = ...,
    filename: PathArg = ...,
    max_pages: int = ...,
) -> list[Diagnostic]: ...
def formats() -> list[str]: ...
def styles() -> list[str]: ...
