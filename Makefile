# The two commands a newcomer needs (see README.md). Each sets up .venv on first use.
#   make demo   the main job on the embedded synthetic default
#   make demo-full  the demo over three seeds, mean ± std (about an hour)
#   make test   nbdev CI: notebooks clean, package in step with them, then nbdev_test on every notebook
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= runs/demo

.PHONY: install demo demo-full test bench bench-gpu lab clean-venv

$(STAMP): settings.ini setup.py
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q "setuptools>=70.1" wheel
	SAM2_BUILD_CUDA=0 $(PY) -m pip install -q --no-build-isolation -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/omnisam_demo --out $(OUT)

# the demo over seeds 0, 1, 2 (each on its own rooms), run side by side with one thread each, then the mean ± std table
demo-full: $(STAMP)
	for s in 0 1 2; do OMP_NUM_THREADS=1 $(VENV)/bin/omnisam_demo --out runs/demo_full --seeds $$s --threads 1 --no-figures & done; wait
	OMP_NUM_THREADS=1 $(VENV)/bin/omnisam_demo --out runs/demo_full --seeds 0 1 2 --threads 1

test: $(STAMP)
	$(PY) tools/test_notebooks.py

bench: $(STAMP)
	$(PY) bench/merge.py
	$(PY) bench/sequence.py
	$(PY) bench/loading.py

bench-gpu: $(STAMP)
	$(PY) bench/gpu.py

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --allow-root --no-browser --ip 127.0.0.1 nbs

clean-venv:
	rm -rf $(VENV)
