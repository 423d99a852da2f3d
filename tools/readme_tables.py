#!/usr/bin/env python
"""Write the README's results tables from the demo's runs: `readme_markdown` (nbs/10_demo) of each table's
`results.json` (`README_TABLES`: `demo` from `runs/demo`, written by `make demo-full`; `full` from `runs/full`, by
`make full`) between the README's lines `<!-- <table>-table:begin -->` and `<!-- <table>-table:end -->`, then
`nbs/index.ipynb` from the README. `--check` writes nothing and exits 1 when the README does not show those numbers.

    .venv/bin/python tools/readme_tables.py [--table demo|full [--results PATH]] [--check]"""
import argparse, json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def main(argv=None) -> int:
    from omnisam.demo import update_readme, README_TABLES
    ap = argparse.ArgumentParser(prog='readme_tables', description=__doc__.splitlines()[0])
    ap.add_argument('--table', choices=list(README_TABLES), help='only this table (default: every table)')
    ap.add_argument('--results', help="the table's run (aggregate over seeds; default <its run folder>/results.json); needs --table")
    ap.add_argument('--readme', default=str(ROOT / 'README.md'))
    ap.add_argument('--check', action='store_true', help='only compare; exit 1 if the README differs from a run')
    a = ap.parse_args(argv)
    if a.results and not a.table: ap.error('--results needs --table')
    tables = [a.table] if a.table else list(README_TABLES)
    ok, written = True, False
    for t in tables:
        res = Path(a.results) if a.results else ROOT / README_TABLES[t] / 'results.json'
        if not res.is_file(): sys.exit(f"{res}: no results for the README's {t} table — run `make {'demo-full' if t == 'demo' else t}` first (or pass --results)")
        same = update_readme(a.readme, json.loads(res.read_text()), check=a.check, table=t)
        print(f'{a.readme} ({t} table): ' + ('shows the tables of ' if same else 'differs from ' if a.check else 'tables written from ') + str(res))
        ok, written = ok and same, written or not same
    if not a.check and written:
        subprocess.run([sys.executable, str(ROOT / 'tools/index_from_readme.py')], check=True)
    return 0 if ok or not a.check else 1

if __name__ == '__main__': sys.exit(main())
