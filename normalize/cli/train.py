"""``normalize train`` and ``normalize model info``."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from normalize.errors import NormalizeError

model_app = typer.Typer(help="Inspect the fluency model.", no_args_is_help=True)


def train_command(
    corpus: Annotated[
        list[Path],
        typer.Option("--corpus", help="Text file or folder (.txt, .gz, .en); repeatable."),
    ],
    output: Annotated[Path, typer.Option("--output", help="Model directory to write.")],
    order: Annotated[int, typer.Option(help="n-gram order.")] = 5,
    vocab_size: Annotated[int, typer.Option(help="sentencepiece pieces.")] = 16000,
    prune: Annotated[
        str, typer.Option(help="Minimum count per order, comma-separated (non-decreasing).")
    ] = "1,1,2,3,3",
    spm_sentences: Annotated[int, typer.Option(help="Sentences sampled for the tokenizer.")] = 300_000,
    max_sentences: Annotated[int, typer.Option(help="Read at most this many (0: all).")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed (tokenizer sample).")] = 13,
    vocab_min_count: Annotated[
        int, typer.Option(help="Minimum count for a word to count as known (spelling).")
    ] = 2,
    known_zipf: Annotated[
        float, typer.Option(help="Also treat wordfreq words of this Zipf frequency as known (0: off; "
                            "2.0 measured: MLQE-PE TER -0.15, JFLEG GLEU -0.8).")
    ] = 0.0,
    dictionary: Annotated[
        bool, typer.Option(help="Also treat every word form in lemminflect's tables as known, so the "
                           "speller leaves rare real words (satiety, radishes) alone.")
    ] = True,
    licence: Annotated[
        str, typer.Option(help="Licence of the training data, recorded in the model card.")
    ] = "",
    keep_work: Annotated[
        bool, typer.Option(help="Keep OUTPUT/.work (restart state) after success.")
    ] = False,
) -> None:
    """Train a tokenizer and language model; rerun the same command to resume."""
    import shutil

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from normalize.lm.train import TrainConfig, train_model

    for path in corpus:
        if not path.exists():
            raise NormalizeError(f"corpus not found: {path}")
    if order < 1:
        raise NormalizeError(f"--order must be at least 1, not {order}")
    if vocab_size < 100:
        raise NormalizeError(f"--vocab-size must be at least 100 pieces, not {vocab_size}")
    if output.exists() and not output.is_dir():
        raise NormalizeError(f"--output {output} is a file; give a directory")
    try:
        thresholds = [int(v) for v in prune.split(",")]
    except ValueError as exc:
        raise NormalizeError(f"--prune wants integers like 1,1,2,3,3: {prune}") from exc
    cfg = TrainConfig(
        corpus=[str(p) for p in corpus], output=str(output), order=order,
        vocab_size=vocab_size, prune=thresholds, spm_sentences=spm_sentences,
        max_sentences=max_sentences, seed=seed, vocab_min_count=vocab_min_count,
        known_zipf=known_zipf, dictionary=dictionary,
    )
    command = "normalize " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
               TimeElapsedColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("starting", total=None, count="")

        def report(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None,
                       count=f"{done:,}" if done else "")

        try:
            card = train_model(cfg, report, command=command, licence=licence)
        except ValueError as exc:
            raise NormalizeError(str(exc)) from exc
    if not keep_work:
        shutil.rmtree(output / ".work", ignore_errors=True)
    held = card["heldout"]
    typer.echo(
        f"wrote {output}: {card['ngrams']} n-grams, held-out perplexity "
        f"{held['perplexity_per_word']} per word ({held['perplexity_per_token']} per piece), "
        f"{card['train_seconds']} s"
    )


def train_network_command(
    corpus: Annotated[
        list[Path],
        typer.Option("--corpus", help="Text file or folder (.txt, .gz, .en); repeatable."),
    ],
    output: Annotated[Path, typer.Option("--output", help="Model directory to write (a copy of --model plus the network).")],
    model: Annotated[
        Optional[Path], typer.Option("--model", help="Trained model whose tokenizer the network shares (default: shipped model).")
    ] = None,
    minutes: Annotated[float, typer.Option(help="Training time; the learning rate decays over it.")] = 60.0,
    dim: Annotated[int, typer.Option(help="Width of the network.")] = 192,
    layers: Annotated[int, typer.Option(help="Transformer blocks.")] = 4,
    heads: Annotated[int, typer.Option(help="Attention heads (must divide --dim).")] = 4,
    lr: Annotated[float, typer.Option(help="Peak learning rate.")] = 1.5e-3,
    batch: Annotated[int, typer.Option(help="Rows of 128 pieces per step.")] = 256,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    device: Annotated[str, typer.Option(help="auto (a GPU when torch sees one), cpu or cuda.")] = "auto",
) -> None:
    """Train the optional whole-sentence network (a small transformer) beside a model.

    Needs torch (the package's `network` extra). Writes OUTPUT as a copy of the
    model with transformer.npz added; `--model OUTPUT` then lets it check the
    n-gram model's article suggestions in edited copy (benchmarks/model_network.md).
    A GPU is used when torch sees one; on 2 CPU threads an epoch of 28.8 M pieces
    takes about 4 hours.
    """
    import shutil

    import numpy as np

    from normalize.lm.scorer import resolve_model_dir

    try:
        from normalize.lm.transformer_train import Settings, Shape, encode_corpus, train_arrays
        import torch  # noqa: F401
    except ImportError:
        raise NormalizeError('train-network needs torch: pip install ".[network]"') from None
    for path in corpus:
        if not path.exists():
            raise NormalizeError(f"corpus not found: {path}")
    if dim % heads:
        raise NormalizeError(f"--heads {heads} must divide --dim {dim}")
    if minutes <= 0:
        raise NormalizeError(f"--minutes must be positive, not {minutes}")
    source = resolve_model_dir(model)
    if output.exists() and not output.is_dir():
        raise NormalizeError(f"--output {output} is a file; give a directory")
    if output.resolve() != source:
        output.mkdir(parents=True, exist_ok=True)
        for item in source.iterdir():
            if item.is_file() and not item.name.startswith("transformer."):
                shutil.copy2(item, output / item.name)
    typer.echo(f"reading {len(corpus)} corpus path(s) with the tokenizer of {source}", err=True)
    try:
        ids, heldout = encode_corpus(source, corpus, progress=lambda n: typer.echo(f"  {n:,} sentences", err=True))
    except ValueError as exc:
        raise NormalizeError(str(exc)) from exc
    settings = Settings(shape=Shape(dim=dim, layers=layers, heads=heads), lr=lr, batch=batch, minutes=minutes,
                        seed=seed, device=device, log_every=500)
    card = train_arrays(np.asarray(ids), np.asarray(heldout), output, settings,
                        log=lambda line: typer.echo(line, err=True))
    typer.echo(
        f"wrote {output}: {card['parameters']:,} parameters, {card['steps']:,} steps "
        f"({card['epochs']} epochs) in {card['train_minutes']} min on {card['device']}, "
        f"held-out perplexity {card['heldout_perplexity_per_piece']} per piece"
    )


@model_app.command("info")
def info_command(
    model: Annotated[
        Optional[Path], typer.Option("--model", help="Model directory (default: shipped model).")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the full model card.")] = False,
) -> None:
    """Show what the model was trained on, how, and how well it predicts."""
    import json

    from normalize.lm.scorer import DAMAGED_MODEL_ERRORS, damaged_model, resolve_model_dir

    path = resolve_model_dir(model)
    try:
        card = json.loads((path / "model.json").read_text(encoding="utf-8"))
        if json_out:
            typer.echo(json.dumps(card, indent=2))
            return
        typer.echo(_card_summary(path, card))
    except (*DAMAGED_MODEL_ERRORS, TypeError, AttributeError) as exc:
        raise damaged_model(path, exc) from None


def _card_summary(path: Path, card: dict) -> str:
    """What `model info` prints of a model card (and of its network's, if any)."""
    import json

    held = card["heldout"]
    size = sum(card["files_bytes"].values()) / 1e6
    lines = [
        f"model:        {path}",
        f"architecture: {card['architecture']}",
        f"n-grams:      {', '.join(f'{n:,}' for n in card['ngrams'])} (orders 1..{len(card['ngrams'])})",
        f"size:         {size:.1f} MB",
        f"trained on:   {_corpus_summary(card['corpus'])}",
        f"licence:      {card.get('licence', 'see the training data')}",
        f"tokens:       {card['train_tokens']:,}",
        f"command:      {card['command']}",
        f"time:         {card['train_seconds']} s on {card['hardware']}",
        f"perplexity:   {held['perplexity_per_word']} per word, {held['perplexity_per_token']} "
        f"per piece ({held['sentences']:,} held-out sentences)",
    ]
    network = path / "transformer.json"
    if network.is_file():
        net = json.loads(network.read_text(encoding="utf-8"))
        shape = net["shape"]
        lines.append(
            f"network:      transformer, {shape['layers']} blocks of width {shape['dim']}, "
            f"{net['parameters']:,} parameters, {net['train_minutes']} min on {net['device']}, "
            f"held-out perplexity {net['heldout_perplexity_per_piece']} per piece"
        )
    return "\n".join(lines)


def _corpus_summary(corpus: list[dict]) -> str:
    """'enwiki-2015-wikiextractor/ (6 files, 44.0 MB), pe.en (0.5 MB)'."""
    groups: dict[str, list[int]] = {}
    for entry in corpus:
        path = Path(entry["path"])
        key = path.name if len(corpus) == 1 else path.parent.name + "/"
        groups.setdefault(key, []).append(entry["bytes"])
    return ", ".join(
        f"{name} ({len(sizes)} file{'s' * (len(sizes) > 1)}, {sum(sizes) / 1e6:.1f} MB)"
        for name, sizes in groups.items()
    )
