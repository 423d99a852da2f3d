#!/usr/bin/env python
"""Write the README's results tables from a demo run: `readme_markdown` (nbs/10_demo) of `runs/demo/results.json`
between the README's lines `<!-- demo-table:begin -->` and `<!-- demo-table:end -->`, then `nbs/index.ipynb` from the
README. `--check` writes nothing and exits 1 when the README does not show that run's numbers.

    .venv/bin/python tools/readme_tables.py [--results runs/demo/results.json] [--check]"""
import argparse, json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog='readme_tables', description=__doc__.splitlines()[0])
    ap.add_argument('--results', default=str(ROOT / 'runs/demo/results.json'), help='a `make demo-full` run (aggregate over seeds)')
    ap.add_argument('--readme', default=str(ROOT / 'README.md'))
    ap.add_argument('--check', action='store_true', help='only compare; exit 1 if the README differs from the run')
    a = ap.parse_args(argv)
    from omnisam.demo import update_readme
    res = Path(a.results)
    if not res.is_file(): sys.exit(f'{res}: no results — run `make demo-full` first (or pass --results)')
    same = update_readme(a.readme, json.loads(res.read_text()), check=a.check)
    print(f'{a.readme}: ' + ('shows the tables of ' if same else 'differs from ' if a.check else 'tables written from ') + str(res))
    if not a.check and not same:
        subprocess.run([sys.executable, str(ROOT / 'tools/index_from_readme.py')], check=True)
    return 0 if same or not a.check else 1

if __name__ == '__main__': sys.exit(main())
