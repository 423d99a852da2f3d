#!/usr/bin/env python
"""Write `nbs/index.ipynb` from `README.md`: nbdev's index notebook (settings.ini `readme_nb`) holding the README's text.

README.md is maintained by hand: `nbdev_readme` would regenerate it from the index notebook, but it needs quarto,
which this workbook does not install. So the direction is reversed: after editing README.md, run
`.venv/bin/python tools/index_from_readme.py`. The notebook gets one markdown cell per `## ` section and a hidden
first cell saying so and checking that the two agree (it fails under `nbdev_test` / `make test` while they differ).
The notebook exports nothing."""
import hashlib, json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

CHECK = '''#|hide
# nbdev's index page (settings.ini: readme_nb = index.ipynb), holding README.md's text one section per cell. README.md
# is maintained by hand: `nbdev_readme` would regenerate it from this notebook but needs quarto, which this workbook
# does not install. So edit README.md, then run `.venv/bin/python tools/index_from_readme.py`, which rewrites this
# notebook; this cell fails while the two differ. The notebook exports nothing.
import difflib, json
from nbdev.config import get_config
cfg = get_config()
cells = json.loads((cfg.nbs_path / 'index.ipynb').read_text())['cells']
ours = '\\n\\n'.join(''.join(c['source']) for c in cells if c['cell_type'] == 'markdown')
readme = (cfg.config_path / 'README.md').read_text().rstrip('\\n')
diff = list(difflib.unified_diff(readme.splitlines(), ours.splitlines(), 'README.md', 'nbs/index.ipynb', lineterm='', n=1))
assert not diff, 'README.md and nbs/index.ipynb differ: run `.venv/bin/python tools/index_from_readme.py`\\n' + '\\n'.join(diff[:40])'''

def sections(text:str) -> list: # README text split before each `## ` heading outside code fences
    "Markdown chunks that, joined by one blank line, give `text` back (trailing newlines aside)."
    out, cur, fence = [], [], False
    for line in text.rstrip('\n').split('\n'):
        if line.startswith('```'): fence = not fence
        if line.startswith('## ') and not fence and cur:
            out.append('\n'.join(cur).rstrip('\n')); cur = []
        cur.append(line)
    out.append('\n'.join(cur).rstrip('\n'))
    return out

def cell(kind:str, text:str) -> dict:
    "A notebook cell with an id derived from its kind and first line (stable across rewrites)."
    lines = text.split('\n')
    c = dict(cell_type=kind, id=hashlib.sha1(f'{kind}:{lines[0]}'.encode()).hexdigest()[:8], metadata={},
             source=[l + '\n' for l in lines[:-1]] + [lines[-1]])
    if kind == 'code': c = dict(cell_type=kind, execution_count=None, id=c['id'], metadata={}, outputs=[], source=c['source'])
    return c

def main():
    readme = (ROOT / 'README.md').read_text()
    chunks = sections(readme)
    if '\n\n'.join(chunks) != readme.rstrip('\n'):
        sys.exit('README.md: sections are not separated by exactly one blank line before each `## ` heading; fix that first')
    nb = dict(cells=[cell('code', CHECK)] + [cell('markdown', c) for c in chunks],
              metadata=dict(kernelspec=dict(display_name='python3', language='python', name='python3')), nbformat=4, nbformat_minor=5)
    path = ROOT / 'nbs' / 'index.ipynb'
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    subprocess.run([str(BIN / 'nbdev_clean'), '--fname', str(path)], cwd=ROOT, check=True)
    print(f'{path.relative_to(ROOT)}: {len(chunks)} README sections')

if __name__ == '__main__': main()
