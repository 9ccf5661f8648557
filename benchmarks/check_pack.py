"""Check a draft rule pack before it joins rules/: examples, false alarms, hits.

Usage: python benchmarks/check_pack.py DRAFT_DIR [TARGET.tsv]
(DRAFT_DIR holds only the new .yaml; TARGET: a wire-copy set whose faulty
sentences the pack is meant to catch.)

Reports example problems, hits on the correct sentences of the tuned
wire-copy sets (references and clean rows: must be none), on MLQE-PE
post-edits and on 100k Wikipedia sentences (read them), and on tuned faulty
sentences. Never reads the held-out sets own2, own5 and own9.
"""
import csv, sys, collections, itertools
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DATA = HERE.parents[1] / 'shared' / 'data'
from normalize.detect.rules import load_rules, find_with_rules, RuleSet
from normalize.apply import apply_edits
from normalize.lm.text import iter_sentences, corpus_files

draft = sys.argv[1]
target = sys.argv[2] if len(sys.argv) > 2 else None  # optional: a TSV whose faulty sentences you target
rules = load_rules(draft).rules
shipped = {r.id for r in load_rules().rules}
problems = []
for r in rules:
    if r.id in shipped:
        problems.append(f"{r.id}: id already used by a shipped rule")
    one = RuleSet((r,))
    kinds = collections.Counter()
    for ex in r.examples:
        if ex.bad is not None:
            kinds['bad'] += 1
            if not find_with_rules(ex.bad, one):
                problems.append(f"{r.id}: does not fire on bad example {ex.bad!r}")
            elif ex.good is not None:
                text = ex.bad
                for _ in range(4):
                    edits = [f.best_edit() for f in find_with_rules(text, one) if f.best_edit()]
                    new = apply_edits(text, edits)
                    if new == text: break
                    text = new
                if text != ex.good:
                    problems.append(f"{r.id}: bad example fixes to {text!r}, not {ex.good!r}")
                if find_with_rules(ex.good, one):
                    problems.append(f"{r.id}: fires on its own good example {ex.good!r}")
        if ex.ok is not None:
            kinds['ok'] += 1
            if find_with_rules(ex.ok, one):
                problems.append(f"{r.id}: fires on ok example {ex.ok!r}")
    if not kinds['bad'] or not kinds['ok']:
        problems.append(f"{r.id}: needs at least one bad->good and one ok example")
print(f"{len(rules)} rules; example problems: {len(problems)}")
for p in problems: print("  ", p)

def rows(p):
    with open(p, encoding='utf-8') as f: return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
HELD_OUT = {'wirecopy-own2.tsv', 'wirecopy-own5.tsv', 'wirecopy-own9.tsv'}
TUNED = [DATA / 'wirecopy-dev' / 'pairs.tsv'] + sorted(
    p for p in (HERE / 'data').glob('wirecopy-own*.tsv') if p.name not in HELD_OUT)
TUNED = [p for p in TUNED if p.exists()]
clean, faulty = [], []
for p in TUNED:
    for r in rows(p):
        clean.append(r['reference'])
        if r['source'] != r['reference']: faulty.append(r['source'])
rs = RuleSet(tuple(rules))
def hits(lines):
    c = collections.defaultdict(list)
    for chunk_start in range(0, len(lines), 2000):
        chunk = lines[chunk_start:chunk_start+2000]
        text = "\n".join(chunk)
        for f in find_with_rules(text, rs):
            line_start = text.rfind("\n", 0, f.start) + 1
            line_end = text.find("\n", f.start); line_end = len(text) if line_end < 0 else line_end
            c[f.rule].append(text[line_start:line_end])
    return c
print("\nFALSE ALARMS on the tuned sets' correct sentences (must be 0):")
for rid, ls in sorted(hits(clean).items()):
    for l in ls[:3]: print(f"  {rid}: {l}")
pe = open(DATA / 'mlqe-pe-ru-en' / 'train' / 'pe.en', encoding='utf-8').read().splitlines()
print("\nHits on MLQE-PE post-edits (7000 human-edited lines; keep to a handful, read them):")
for rid, ls in sorted(hits(pe).items()):
    print(f"  {rid}: {len(ls)}  e.g. {ls[0][:160]}")
wiki = list(itertools.islice(iter_sentences(corpus_files([DATA / 'english-corpus'])), 100000))
print("\nHits on 100k Wikipedia sentences (keep <= 3 per rule; read them):")
for rid, ls in sorted(hits(wiki).items()):
    print(f"  {rid}: {len(ls)}  e.g. {ls[0][:160]}")
fh = hits(faulty)
print(f"\nTuned faulty sentences hit (information only): {sum(len(v) for v in fh.values())}")
for rid, ls in sorted(fh.items()):
    print(f"  {rid}: {len(ls)}")

if target:
    trows = [r for r in rows(target) if r['source'] != r['reference']]
    th = hits([r['source'] for r in trows])
    hit_lines = {l for ls in th.values() for l in ls}
    print(f"\nTarget {target}: {len(hit_lines)} of {len(trows)} faulty sentences hit by this pack")
