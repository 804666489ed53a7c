"""The bytecode cache of the methods attrs writes for waterketen's classes: the same classes, faster."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from waterketen._codecache import _Cache, cache_path


PROBE = (
    "import waterketen.model as m\n"
    "x = m.Identifier(scheme='cbs', value='GM0005')\n"
    # No None in a hashed field: hash(None) is its address in Python 3.11, another in each process.
    "p = m.Provenance(source='s', locator='l', date=__import__('datetime').date(2019, 4, 3))\n"
    "print(hash(x), hash(p), x == m.Identifier(scheme='cbs', value='GM0005'), repr(x))\n"
)
UNCACHED = "import attr._make\nattr._make._compile_and_eval.waterketen_cache = 'off'\n"


def run(code: str, seed: int) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONHASHSEED"] = str(seed)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return done.stdout


class TestCache:
    def test_a_second_reading_compiles_nothing(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Code compiled once is saved, read back and given again for the same text."""
        monkeypatch.setattr(sys, "dont_write_bytecode", False)
        path = tmp_path / "cache.marshal"
        cache = _Cache(path)
        name = "<attrs generated methods waterketen.fake.Thing>"
        first = cache.code("def f():\n    return 1\n", name)
        cache.save()
        again = _Cache(path)
        assert not again.dirty
        code = again.code("def f():\n    return 1\n", name)
        assert not again.dirty
        assert code.co_consts == first.co_consts
        again.code("def f():\n    return 2\n", name)  # another text: compiled afresh
        assert again.dirty

    def test_no_bytecode_no_cache(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Under PYTHONDONTWRITEBYTECODE nothing is written, as Python writes no .pyc."""
        monkeypatch.setattr(sys, "dont_write_bytecode", True)
        cache = _Cache(tmp_path / "cache.marshal")
        cache.code("x = 1\n", "<attrs generated methods waterketen.fake.Thing>")
        cache.save()
        assert not (tmp_path / "cache.marshal").exists()

    def test_the_salt_of_this_process(self, tmp_path: Path) -> None:
        """The hash attrs writes into __hash__ is this process's, whatever process compiled the code."""
        name = "<attrs generated methods waterketen.fake.Thing>"
        salt = hash("<attrs generated hash waterketen.fake.Thing>")
        cache = _Cache(tmp_path / "cache.marshal")
        cache.code(f"def f():\n    return {salt}\n", name)
        key = next(iter(cache.codes))
        code, _ = cache.codes[key]
        cache.codes[key] = (code, salt + 1)  # as if another process had compiled it
        namespace: dict[str, object] = {}
        exec(cache.code(f"def f():\n    return {salt}\n", name), namespace)
        assert namespace["f"]() == salt  # type: ignore[operator]

    def test_a_broken_file_is_ignored(self, tmp_path: Path) -> None:
        """A file that is not a cache (or of another Python) is read as an empty cache."""
        path = tmp_path / "cache.marshal"
        path.write_bytes(b"not marshal")
        assert _Cache(path).codes == {}

    def test_the_file_is_one_per_python(self) -> None:
        """The cache file is named for this Python's bytecode, in the package's __pycache__."""
        assert cache_path().parent.name == "__pycache__"
        assert sys.implementation.cache_tag in cache_path().name


class TestSameClasses:
    def test_cached_methods_behave_as_attrs_writes_them(self) -> None:
        """With the cache written under one hash seed, another seed gives the hashes, equality and
        repr that attrs gives without the cache."""
        run(PROBE, seed=1)  # writes the cache, if it was not there
        assert run(PROBE, seed=2) == run(UNCACHED + PROBE, seed=2)
