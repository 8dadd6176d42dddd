"""Sealing the private cache before it leaves the machine, and opening it again.

The nightly keeps ``.casecat/cache`` (raw tickets, the fetch state, the fingerprint salt)
between runs with GitHub's actions/cache, which other workflows of the repository can read
(pull requests, forks included, restore the default branch's entries). So the folder is
packed into one tar, compressed, and encrypted with AES-256-GCM (``cryptography``'s
authenticated encryption): without the key the file says nothing, and any change to it, or
another key, makes opening it fail as a whole, never half-way.

The key is derived with HKDF-SHA256 from a secret (``CASECAT_CACHE_KEY``, a repository secret)
and a random salt stored in the file; the secret must be long enough to be a key in itself
(at least 32 characters), since HKDF does not slow down guessing. The header (format name,
salt, nonce) is authenticated too.

Imports nothing of ours: what to leave out of the seal is the caller's choice.
"""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_ENV = "CASECAT_CACHE_KEY"
MAGIC = b"casecat-sealed/1\n"
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_SECRET_CHARS = 32
#: AES-GCM's limit for one message is 64 GiB; one in-memory message this big is the practical one
MAX_PACKED_BYTES = 2**31 - 1
_INFO = b"casecat private cache, AES-256-GCM"


class SealError(RuntimeError):
    """The secret is unusable or the folder cannot be packed; one line."""


class CannotOpen(SealError):
    """Not a sealed cache, or sealed with another key, or changed since: nothing is restored."""


def check_secret(secret: str) -> bytes:
    value = secret.strip().encode()
    if len(value) < MIN_SECRET_CHARS:
        raise SealError(
            f"{KEY_ENV} must be at least {MIN_SECRET_CHARS} characters "
            "(make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return value


def _key(secret: str, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(check_secret(secret))


def seal_bytes(plain: bytes, secret: str) -> bytes:
    """MAGIC, salt, nonce, then the ciphertext with its tag; the header is authenticated."""
    if len(plain) > MAX_PACKED_BYTES:
        raise SealError(f"the cache packs to {len(plain)} bytes, more than one sealed file holds")
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = MAGIC + salt + nonce
    return header + AESGCM(_key(secret, salt)).encrypt(nonce, plain, header)


def open_bytes(sealed: bytes, secret: str) -> bytes:
    head = len(MAGIC) + SALT_BYTES + NONCE_BYTES
    if not sealed.startswith(MAGIC) or len(sealed) < head + 16:
        raise CannotOpen("not a sealed casecat cache")
    salt = sealed[len(MAGIC):len(MAGIC) + SALT_BYTES]
    nonce = sealed[len(MAGIC) + SALT_BYTES:head]
    try:
        return AESGCM(_key(secret, salt)).decrypt(nonce, sealed[head:], sealed[:head])
    except InvalidTag:
        raise CannotOpen("it does not open with this key (another key, or the file was changed)") from None


# --- the folder as one archive ------------------------------------------------------------------


def _members(folder: Path, exclude: Collection[str]) -> list[Path]:
    """Regular files to seal: not the excluded names, not temporary files of interrupted writes."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink() and p.name not in exclude and not p.name.endswith(".tmp")
    )


def pack(folder: Path, exclude: Collection[str] = ()) -> tuple[bytes, list[str]]:
    """The folder's files as a gzip-compressed tar (no owners, no times), and their names."""
    buffer = io.BytesIO()
    names = []
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as tar:
        for path in _members(folder, exclude):
            name = path.relative_to(folder).as_posix()
            info = tarfile.TarInfo(name)
            info.size, info.mode = path.stat().st_size, 0o600
            with path.open("rb") as data:
                tar.addfile(info, data)
            names.append(name)
    return buffer.getvalue(), names


def unpack(data: bytes, folder: Path) -> list[str]:
    """Writes the archive's files into ``folder`` (0600), all or nothing; returns their names."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                parts = PurePosixPath(member.name).parts
                if not member.isfile() or member.name.startswith("/") or ".." in parts:
                    raise CannotOpen(f"unexpected entry {member.name!r} in the sealed cache")
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.TemporaryDirectory(dir=folder.parent, prefix=f".{folder.name}.unseal-") as tmp:
                tar.extractall(tmp, members=members, filter="data")
                for member in members:
                    target = folder / member.name
                    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                    source = Path(tmp) / member.name
                    source.chmod(0o600)
                    os.replace(source, target)
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise CannotOpen(f"the sealed cache holds no readable archive: {exc}") from None
    return [m.name for m in members]


# --- the two commands' work ---------------------------------------------------------------------


@dataclass(frozen=True)
class Sealed:
    path: Path
    files: list[str]
    size: int


def seal_folder(folder: Path, out: Path, secret: str, exclude: Collection[str] = ()) -> Sealed:
    """Packs and encrypts ``folder`` into ``out`` (written to a temporary name, then renamed)."""
    check_secret(secret)
    packed, names = pack(folder, exclude)
    sealed = seal_bytes(packed, secret)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(sealed)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return Sealed(out, names, len(sealed))


def unseal_folder(sealed: Path, folder: Path, secret: str) -> list[str]:
    """Opens ``sealed`` into ``folder``; CannotOpen (nothing written) if it does not open."""
    check_secret(secret)
    return unpack(open_bytes(sealed.read_bytes(), secret), folder)

