"""The saved forms of the shipped packs (rules/_rules.bin, rules/_compiled.bin)
must say exactly what the packs say; a stale or damaged one must be ignored.
`normalize rules --write-index` rewrites both."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from normalize.detect import regex_cache
from normalize.detect.regex_cache import CACHE_NAME, engine_code, interpreter_key
from normalize.detect.rules import RULES_CACHE, Rule, _saved_packs, default_rules_dir, load_rules


def _same_rules(a: tuple[Rule, ...], b: tuple[Rule, ...]) -> None:
    assert [r.id for r in a] == [r.id for r in b]
    for x, y in zip(a, b):
        for f in fields(Rule):  # every field, also those left out of ==
            assert getattr(x, f.name) == getattr(y, f.name), f"{x.id}: {f.name} differs"


@pytest.fixture()
def packs_without_caches(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in default_rules_dir().iterdir():
        if path.name not in (RULES_CACHE, CACHE_NAME) and path.is_file():
            shutil.copy(path, folder / path.name)
    return folder


def test_saved_rules_are_what_the_packs_give(packs_without_caches: Path) -> None:
    saved = _saved_packs(default_rules_dir())
    assert set(saved) == {p.name for p in default_rules_dir().glob("*.yaml")}, "stale _rules.bin"
    _same_rules(load_rules().rules, load_rules(str(packs_without_caches)).rules)


def test_saved_engine_code_is_what_re_compiles() -> None:
    import marshal

    data = marshal.loads((default_rules_dir() / CACHE_NAME).read_bytes())
    if data["key"] != interpreter_key():
        pytest.skip("the shipped cache was written by another Python; it is ignored here")
    compiled = {s for r in load_rules().rules for s in (r.fast or r.source, *r.exception_sources)}
    assert set(data["patterns"]) == compiled, "stale _compiled.bin: run `normalize rules --write-index`"
    for source, entry in data["patterns"].items():
        assert entry == engine_code(source), f"stale _compiled.bin entry for {source[:60]!r}"


def test_a_saved_pattern_behaves_as_re_compiles_it() -> None:
    source = r"(?i)(?<!\w)(?P<verb>said|told) about(?= the)"
    folder_entry = engine_code(source)
    assert folder_entry is not None
    saved = regex_cache._from_code(source, folder_entry)
    plain = re.compile(source)
    text = "He said about the talks. She TOLD ABOUT THE plan. They said about it."
    assert [m.span() for m in saved.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert saved.groupindex == plain.groupindex and saved.groups == plain.groups and saved.flags == plain.flags


def test_an_edited_pack_is_read_afresh(packs_without_caches: Path) -> None:
    import yaml

    folder = packs_without_caches
    for name in (RULES_CACHE, CACHE_NAME):  # the shipped caches, valid until a pack changes
        shutil.copy(default_rules_dir() / name, folder / name)
    pack = sorted(folder.glob("*.yaml"))[0]
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    data["rules"][0]["message"] = "Edited after the cache was written."
    pack.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        rules = load_rules(str(folder)).rules
    finally:
        load_rules.cache_clear()
    assert rules[0].message == "Edited after the cache was written."
    _same_rules(rules[1:], load_rules().rules[1:])


def test_damaged_caches_are_ignored(packs_without_caches: Path) -> None:
    folder = packs_without_caches
    (folder / RULES_CACHE).write_bytes(b"\x00not marshal")
    (folder / CACHE_NAME).write_bytes(b"\xffgarbage")
    try:
        _same_rules(load_rules(str(folder)).rules, load_rules().rules)
    finally:
        load_rules.cache_clear()
