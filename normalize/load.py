"""Read documents without losing a byte, and write them back the same way.

A document's text is the file decoded as UTF-8 (a leading BOM is remembered and
stripped, so offsets count from the first real character). Line ends are kept
exactly as they are: CRLF, CR and LF all survive a round trip.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import tempfile
from pathlib import Path

from normalize.errors import InputError
from normalize.types import Document

MAX_BYTES = 64 * 1024 * 1024  # larger files are refused rather than slowly mangled
STDIN = "-"


def read_document(path: str, encoding: str = "utf-8", max_bytes: int = MAX_BYTES) -> Document:
    """Load ``path`` (or stdin for ``-``) into a :class:`Document`; a text
    with nothing but white space in it is refused as empty."""
    data = _read_bytes(path, max_bytes)
    doc = decode_document(data, path, encoding)
    if not doc.text.strip():
        where = "stdin" if path == STDIN else path
        raise InputError(f"{where}: empty (no text to check)")
    return doc


def decode_document(data: bytes, path: str = "<string>", encoding: str = "utf-8") -> Document:
    codec = _lookup_codec(encoding)
    if b"\x00" in data and codec in ("utf-8", "ascii", "latin-1", "cp1252", "cp1251"):
        offset = data.index(b"\x00")
        raise InputError(f"{path}: looks like a binary file (NUL byte at offset {offset})")
    bom = False
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        bom = True
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start + (3 if bom else 0)}); pass --encoding if the file uses another encoding"
        ) from None
    if codec != "utf-8" and text.startswith("\ufeff"):
        bom, text = True, text[1:]
    surrogate = lone_surrogate(text)
    if surrogate is not None:
        raise InputError(
            f"{path}: decodes with {encoding} to a lone surrogate (U+{ord(text[surrogate]):04X} at "
            f"character {surrogate}), which is no text; pass the file's real --encoding"
        )
    return Document(path=path, text=text, bom=bom, encoding=codec)


def lone_surrogate(text: str) -> int | None:
    """Where ``text`` holds a lone UTF-16 surrogate (only odd codecs such as
    UTF-7 decode to one; no Unicode text may hold it), else None."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def encode_document(doc: Document, text: str | None = None) -> bytes:
    """Bytes to write for ``text`` (default: the document's own text)."""
    body = doc.text if text is None else text
    prefix = codecs.BOM_UTF8 if doc.bom and doc.encoding == "utf-8" else b""
    if doc.bom and doc.encoding != "utf-8":
        body = "\ufeff" + body
    try:
        return prefix + body.encode(doc.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{doc.path}: the corrected text cannot be encoded as {doc.encoding} ({exc.reason})"
        ) from None


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash never leaves half a file.

    A symbolic link is written through (its target changes, the link stays);
    a FIFO or a device is written to directly, since it cannot be replaced;
    a file the user may not write is refused, not replaced behind its back.
    A new file gets the usual permissions (0666 less the umask).
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if not os.access(target, os.W_OK):
            raise InputError(f"{path}: not writable (permission denied); the file is unchanged")
        if not stat.S_ISREG(info.st_mode):
            _write_through(path, target, data)
            return
    elif not target.parent.is_dir():
        raise InputError(f"{path}: cannot write (no such directory: {target.parent})")
    mode = info.st_mode & 0o7777 if info is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {target.parent} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{path}: cannot write ({exc.strerror or exc}); the file is unchanged") from None
        raise


def _write_through(path: str, target: Path, data: bytes) -> None:
    """Write to a FIFO or a device node, which cannot be replaced."""
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == STDIN:
        if sys.stdin is None:
            raise InputError("stdin: closed, nothing to read")
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if not path:
            raise InputError("an empty file name was given")
        target = Path(path)
        if not target.exists():
            raise InputError(f"{path}: no such file")
        if target.is_dir():
            raise InputError(f"{path}: is a directory, not a text file")
        try:
            size = target.stat().st_size
            if size > max_bytes:
                raise InputError(f"{path}: too large ({size} bytes; the limit is {max_bytes})")
            with target.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: too large (more than {max_bytes} bytes)")
    return data


def _lookup_codec(encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in ("punycode", "idna"):
        raise InputError(f"{encoding!r} is not a text encoding (rot13, base64, zlib and the like are codecs)")
    name = info.name
    # codecs.lookup("utf-8-sig") -> "utf-8-sig": treat it as utf-8 with BOM handling.
    return "utf-8" if name in ("utf-8", "utf-8-sig") else name


def same_file(a: Path, b: Path) -> bool:
    """Do two paths name one existing file (links followed)? Guards outputs
    that would overwrite an input."""
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
