"""Train a model directory: sentencepiece tokenizer, n-gram LM, word tables.

Stages write into ``DIR/.work`` and are skipped when their output exists with
the same settings, so an interrupted run restarts where it stopped. The model
card (``model.json`` + ``MODEL.md``) records the data, command, time,
hardware and held-out perplexity.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from normalize.lm.text import corpus_files, iter_sentences
from normalize.collocations import COLLOCATIONS_FILE, COLLOCATIONS_VERSION, CollocationTable, count_collocations
from normalize.frames import FRAMES_FILE, FRAMES_VERSION, FrameTable, count_frames
from normalize.predicates import VerbForms
from normalize.names import NAMES_FILE, NAMES_VERSION, NameTable, count_names
from normalize.nouns import NOUNS_FILE, NOUNS_VERSION, PROPER_FILE, NounTable, count_noun_phrases, write_tables

HELDOUT_EVERY = 100  # every 100th sentence is held out for perplexity
SPM_FILE = "spm.model"
LM_FILE = "lm.npz"
VOCAB_FILE = "vocab.tsv"
MORPH_FILE = "morph.tsv"
CARD_FILE = "model.json"
MODEL_FILES = (
    SPM_FILE, LM_FILE, VOCAB_FILE, MORPH_FILE, NOUNS_FILE, PROPER_FILE, NAMES_FILE, FRAMES_FILE, COLLOCATIONS_FILE,
)
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


@dataclass
class TrainConfig:
    corpus: list[str]
    output: str
    order: int = 5
    vocab_size: int = 16000
    prune: list[int] = field(default_factory=lambda: [1, 1, 2, 3, 3])
    spm_sentences: int = 300_000
    max_sentences: int = 0  # 0: all
    vocab_min_count: int = 2
    known_zipf: float = 0.0  # also count as known: wordfreq words this frequent (0: off)
    dictionary: bool = True  # also count as known: every word form lemminflect lists
    seed: int = 13

    def key(self, *names: str) -> str:
        """Fingerprint of the settings a stage depends on."""
        chosen = {n: getattr(self, n) for n in names}
        return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()[:16]


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _stage_done(work: Path, stage: str, key: str) -> bool:
    return (work / f"{stage}.done").exists() and (work / f"{stage}.done").read_text() == key


def _mark(work: Path, stage: str, key: str) -> None:
    (work / f"{stage}.done").write_text(key)


def _sentences(cfg: TrainConfig) -> Iterator[str]:
    paths = [Path(p) for p in cfg.corpus]
    for i, sentence in enumerate(iter_sentences(paths)):
        if cfg.max_sentences and i >= cfg.max_sentences:
            return
        yield sentence


def _split_corpus(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    """Write train/held-out sentence files, one sentence a line."""
    key = cfg.key("corpus", "max_sentences")
    if _stage_done(work, "split", key):
        return
    n = 0
    with open(work / "train.txt", "w", encoding="utf-8") as tr, open(
        work / "heldout.txt", "w", encoding="utf-8"
    ) as ho:
        for n, sentence in enumerate(_sentences(cfg), start=1):
            (ho if n % HELDOUT_EVERY == 0 else tr).write(sentence + "\n")
            if n % 20000 == 0:
                progress("reading corpus", n, 0)
    if n == 0:
        raise ValueError("the corpus has no sentences")
    _mark(work, "split", key)


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _train_tokenizer(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    import sentencepiece as spm

    key = cfg.key("corpus", "max_sentences", "vocab_size", "spm_sentences", "seed")
    if _stage_done(work, "spm", key):
        return
    progress("training tokenizer", 0, 1)
    lines = _read_lines(work / "train.txt")
    rng = np.random.default_rng(cfg.seed)
    if len(lines) > cfg.spm_sentences:
        pick = np.sort(rng.choice(len(lines), cfg.spm_sentences, replace=False))
        lines = [lines[i] for i in pick]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=cfg.vocab_size,
        model_type="unigram",
        character_coverage=0.9995,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        hard_vocab_limit=False,  # tiny test corpora cannot fill a big vocabulary
        num_threads=min(2, os.cpu_count() or 1),
        minloglevel=2,
    )
    (work / SPM_FILE).write_bytes(model.getvalue())
    progress("training tokenizer", 1, 1)
    _mark(work, "spm", key)


def encode_file(sp, path: Path, progress: Progress, label: str) -> tuple[np.ndarray, np.ndarray]:
    """Flat ids (``<s>`` w1 .. wn ``</s>`` per sentence) and each id's depth."""
    lines = _read_lines(path)
    chunks: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    bos, eos = sp.bos_id(), sp.eos_id()
    step = 20000
    for start in range(0, len(lines), step):
        encoded = sp.encode(lines[start : start + step], num_threads=min(2, os.cpu_count() or 1))
        lens = np.fromiter((len(e) + 2 for e in encoded), np.int64, len(encoded))
        flat = np.fromiter(
            (t for e in encoded for t in (bos, *e, eos)), np.int32, int(lens.sum())
        )
        chunks.append(flat)
        lengths.append(lens)
        progress(label, min(start + step, len(lines)), len(lines))
    ids = np.concatenate(chunks) if chunks else np.zeros(0, np.int32)
    lens = np.concatenate(lengths) if lengths else np.zeros(0, np.int64)
    starts = np.cumsum(lens) - lens
    depth = (np.arange(len(ids)) - np.repeat(starts, lens)).astype(np.int32)
    return ids, depth


def _encode(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    import sentencepiece as spm

    key = cfg.key("corpus", "max_sentences", "vocab_size", "spm_sentences", "seed")
    if _stage_done(work, "encode", key):
        return
    sp = spm.SentencePieceProcessor(model_file=str(work / SPM_FILE))
    for name in ("train", "heldout"):
        ids, depth = encode_file(sp, work / f"{name}.txt", progress, f"encoding {name}")
        np.save(work / f"{name}.ids.npy", ids)
        np.save(work / f"{name}.depth.npy", depth)
    _mark(work, "encode", key)


def _train_lm(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    from normalize.lm.ngram import train_ngram

    key = cfg.key(
        "corpus", "max_sentences", "vocab_size", "spm_sentences", "seed", "order", "prune"
    )
    if _stage_done(work, "lm", key):
        return
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(work / SPM_FILE))
    ids = np.load(work / "train.ids.npy")
    depth = np.load(work / "train.depth.npy")
    lm = train_ngram(
        ids,
        depth,
        order=cfg.order,
        vocab_size=sp.get_piece_size(),
        bos=sp.bos_id(),
        prune=cfg.prune,
        progress=lambda msg: progress(msg, 0, 0),
    )
    lm.save(work / LM_FILE)
    _mark(work, "lm", key)


def _word_tables(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    """Word counts (for spelling) and inflection groups (for morphology)."""
    key = cfg.key("corpus", "max_sentences", "vocab_min_count", "known_zipf", "dictionary")
    if _stage_done(work, "words", key):
        return
    counts: Counter[str] = Counter()
    with open(work / "train.txt", encoding="utf-8") as handle:
        for n, line in enumerate(handle, start=1):
            counts.update(w.lower() for w in _WORD.findall(line))
            if n % 50000 == 0:
                progress("counting words", n, 0)
    vocab = {w: c for w, c in counts.items() if c >= cfg.vocab_min_count}
    if cfg.known_zipf > 0:
        # Real but rare words (satiety, radishes) missing from 17 M words of
        # Wikipedia were the main source of wrong spelling fixes on MLQE-PE.
        for word in _frequent_words(cfg.known_zipf):
            vocab.setdefault(word, 1)
    if cfg.dictionary:
        # The same problem, from an edited word list instead: wordfreq's web
        # counts also hold frequent misspellings ("becuase", "alot").
        for word in dictionary_words():
            vocab.setdefault(word, 1)
    with open(work / VOCAB_FILE, "w", encoding="utf-8") as out:
        for w, c in sorted(vocab.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{w}\t{c}\n")
    progress("inflection table", 0, 1)
    (work / MORPH_FILE).write_text(
        "".join(f"{g}\n" for g in inflection_groups(vocab)), encoding="utf-8"
    )
    _mark(work, "words", key)


def _train_lines(work: Path, progress: Progress, label: str) -> Iterator[str]:
    """The training sentences, reporting progress every 50k lines."""
    with open(work / "train.txt", encoding="utf-8") as handle:
        for n, line in enumerate(handle, start=1):
            if n % 50000 == 0:
                progress(label, n, 0)
            yield line


def _count_tables(cfg: TrainConfig, work: Path, progress: Progress) -> None:
    """The tables counted on the training text: which nouns need an article
    (normalize.nouns), which names take "the" (normalize.names), which nouns
    take "the" before "of" (normalize.frames), which light verbs govern which
    nouns (normalize.collocations). Each is recounted when its
    counting rules change (its version) or the word tables do."""
    word_keys = ("corpus", "max_sentences", "vocab_min_count", "known_zipf", "dictionary")

    def word_classes() -> NounTable:
        return NounTable.from_morph((work / MORPH_FILE).read_text(encoding="utf-8").splitlines())

    def verb_forms() -> VerbForms:
        return VerbForms.from_morph((work / MORPH_FILE).read_text(encoding="utf-8").splitlines())

    stages = [
        ("nouns", NOUNS_VERSION, word_keys, "counting noun phrases",
         lambda lines: count_noun_phrases(lines, word_classes()), write_tables),
        ("names", NAMES_VERSION, ("corpus", "max_sentences"), "counting names", count_names, NameTable.write),
        ("frames", FRAMES_VERSION, word_keys, "counting 'the N of' frames",
         lambda lines: count_frames(lines, word_classes()), FrameTable.write),
        ("collocations", COLLOCATIONS_VERSION, word_keys, "counting light verbs and their nouns",
         lambda lines: count_collocations(lines, word_classes(), verb_forms()), CollocationTable.write),
    ]
    for stage, version, keys, label, count, write in stages:
        key = cfg.key(*keys) + f":{version}"
        if not _stage_done(work, stage, key):
            write(count(_train_lines(work, progress, label)), work)
            _mark(work, stage, key)


def _frequent_words(min_zipf: float) -> list[str]:
    """Lower-case alphabetic English words with wordfreq Zipf frequency >= min_zipf."""
    from wordfreq import top_n_list, zipf_frequency

    return [
        w for w in top_n_list("en", 400_000)
        if w.isalpha() and w.islower() and zipf_frequency(w, "en") >= min_zipf
    ]


def dictionary_words() -> set[str]:
    """Lower-case word forms in lemminflect's lemma and inflection tables (~70k,
    edited English word lists, so no misspellings)."""
    import csv
    import gzip
    from importlib.resources import files

    words: set[str] = set()
    resources = files("lemminflect") / "resources"
    for name in ("infl_lu.csv.gz", "lemma_lu.csv.gz"):
        with gzip.open(str(resources / name), "rt", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                # infl_lu: lemma,upos,TAG:form/form,...; lemma_lu: form,upos,lemma/lemma
                for cell in [row[0], *row[2:]]:
                    for form in cell.split("/"):
                        form = form.rpartition(":")[2]
                        if form.isalpha() and form.islower():
                            words.add(form)
    return words


def inflection_groups(vocab: dict[str, int], top: int = 60000) -> list[str]:
    """Lines ``UPOS<TAB>TAG=form TAG=form ...``: the inflections of one lemma.

    Computed with lemminflect at training time so the runtime does not need
    it (it takes ~2 s and ~100 MB to load). Tags (VBZ, VBD, NNS...) let the
    runtime tell agreement edits from tense changes.
    """
    from lemminflect import getAllInflections, getAllLemmas

    frequent = [w for w, _ in sorted(vocab.items(), key=lambda kv: -kv[1])[:top] if w.isalpha()]
    groups: set[tuple[str, tuple[str, ...]]] = set()
    for word in frequent:
        for upos, lemmas in getAllLemmas(word).items():
            if upos not in ("VERB", "NOUN", "AUX"):
                continue
            for lemma in lemmas:
                tagged = {
                    f"{tag}={form}"
                    for tag, forms in getAllInflections(lemma, upos=upos).items()
                    for form in forms
                    if form in vocab
                }
                if len({t.split("=")[1] for t in tagged}) > 1:
                    groups.add((upos, tuple(sorted(tagged))))
    return [f"{u}\t{' '.join(forms)}" for u, forms in sorted(groups)]


def _heldout_perplexity(work: Path) -> dict[str, float]:
    from normalize.lm.ngram import NgramLM

    lm = NgramLM.load(work / LM_FILE)
    ids = np.load(work / "heldout.ids.npy")
    depth = np.load(work / "heldout.depth.npy")
    logp = lm.token_logprobs(ids, depth)
    words = sum(line.count(" ") + 2 for line in _read_lines(work / "heldout.txt"))  # + </s>
    tokens = int(np.sum(depth > 0))
    total = float(logp.sum())
    return {
        "sentences": int(np.sum(depth == 0)),
        "tokens": tokens,
        "words": words,
        "perplexity_per_token": round(10 ** (-total / tokens), 2),
        "perplexity_per_word": round(10 ** (-total / words), 2),
    }


def _corpus_record(cfg: TrainConfig) -> list[dict[str, object]]:
    files = corpus_files([Path(p) for p in cfg.corpus])
    return [{"path": str(p), "bytes": p.stat().st_size} for p in files]


def _hardware() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    threads = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {threads} CPU threads, {platform.system()} {platform.machine()}"


def train_model(
    cfg: TrainConfig, progress: Progress, command: str | None = None, licence: str = ""
) -> dict:
    """Run every stage and write the model directory; returns the card."""
    start = time.time()
    out = Path(cfg.output)
    work = out / ".work"
    work.mkdir(parents=True, exist_ok=True)
    _split_corpus(cfg, work, progress)
    _train_tokenizer(cfg, work, progress)
    _encode(cfg, work, progress)
    _train_lm(cfg, work, progress)
    _word_tables(cfg, work, progress)
    _count_tables(cfg, work, progress)
    progress("held-out perplexity", 0, 1)
    heldout = _heldout_perplexity(work)
    for name in MODEL_FILES:
        shutil.copyfile(work / name, out / name)
    train_tokens = int(np.load(work / "train.depth.npy", mmap_mode="r").size)
    from normalize.lm.ngram import NgramLM

    lm = NgramLM.load(out / LM_FILE)
    card = {
        "format": "normalize-ngram/1",
        "architecture": f"{cfg.order}-gram modified Kneser-Ney over sentencepiece unigram pieces",
        "config": asdict(cfg) | {"output": str(out)},
        "corpus": _corpus_record(cfg),
        "train_tokens": train_tokens,
        "ngrams": lm.num_ngrams(),
        "files_bytes": {n: (out / n).stat().st_size for n in MODEL_FILES},
        "heldout": heldout,
        "licence": licence or "as the training data",
        "train_seconds": round(time.time() - start, 1),
        "hardware": _hardware(),
        "command": command or " ".join(["normalize", *sys.argv[1:]]),
        "created": time.strftime("%Y-%m-%d", time.gmtime()),
    }
    (out / CARD_FILE).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    (out / "MODEL.md").write_text(card_markdown(card), encoding="utf-8")
    return card


def card_markdown(card: dict) -> str:
    """A human-readable model card from ``model.json``."""
    held = card["heldout"]
    cfg = card["config"]
    corpus = "\n".join(f"- `{c['path']}` ({c['bytes']:,} bytes)" for c in card["corpus"])
    sizes = ", ".join(f"{n} {b / 1e6:.1f} MB" for n, b in card["files_bytes"].items())
    return f"""# Fluency model card

- **Architecture**: {card['architecture']}; {cfg['vocab_size']:,}-piece sentencepiece
  unigram tokenizer; n-grams per order {card['ngrams']}, pruned with minimum counts
  {cfg['prune']}; 48-bit hashed keys, 8-bit quantised log-probabilities and back-offs.
- **Training data** ({card['train_tokens']:,} pieces including sentence markers;
  every {HELDOUT_EVERY}th sentence held out):
{corpus}
- **Licence of the data**: {card['licence']}
- **Command**: `{card['command']}`
- **Time**: {card['train_seconds']} s on {card['hardware']} ({card['created']})
- **Held-out perplexity**: {held['perplexity_per_word']} per word,
  {held['perplexity_per_token']} per piece ({held['sentences']:,} sentences,
  {held['words']:,} words)
- **Files**: {sizes}
"""
