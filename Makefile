# The two commands a newcomer needs (see README.md). Each sets up .venv on first use.
#   make demo   the main job on the embedded synthetic default
#   make demo-full  the demo over seeds 0, 1, 2 (seed 0 is make demo's run), mean ± std
#   make full   the `full` scale: 128-px windows and the published adaptation schedule (no 20-minute cut), seeds 0, 1, 2, in runs/full
#   make gap    where the gap is: the source models on the val split in each style, pinhole and panoramic (10a_gap)
#   make test   nbdev CI: notebooks clean, package in step with them, then nbdev_test on every notebook
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= runs/demo

.PHONY: install demo demo-full full gap readme-tables test bench bench-gpu lab clean-venv

$(STAMP): settings.ini setup.py
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q "setuptools>=70.1" wheel
	SAM2_BUILD_CUDA=0 $(PY) -m pip install -q --no-build-isolation -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/omnisam_demo --out $(OUT)

# the demo over seeds 0, 1, 2 (each on its own rooms), one after the other with the demo's 2 threads, in the demo's folder:
# seed 0 is exactly `make demo` (done before: skipped), then mean ± std over the seeds in results.json/.md
demo-full: $(STAMP)
	$(VENV)/bin/omnisam_demo --out $(OUT) --seeds 0 1 2

# the `full` scale: the demo without its time cuts (128-px windows, the published adaptation schedule: all 200 target
# panoramas over 9 rounds; the demo's rooms and data folders) over seeds 0, 1, 2, one after the other with 2 threads;
# about 1 h 45 min on a 2-core CPU; mean ± std in runs/full/results.json
full: $(STAMP)
	$(VENV)/bin/omnisam_demo --scale full --out runs/full --seeds 0 1 2

# where the gap is (10a_gap): the demo's source models (make demo-full) scored on the val split drawn in each style,
# as pinhole views and as panoramas; writes $(OUT)/gap.json, gap.md (SCALE=full OUT=runs/full for make full's)
gap: $(STAMP)
	$(PY) -m omnisam.gap --out $(OUT) --scale $(or $(SCALE),small) --seeds 0 1 2

# the README's results tables written from runs/demo (make demo-full) and runs/full (make full) (CHECK=1: only say whether the README shows their numbers)
readme-tables: $(STAMP)
	$(PY) tools/readme_tables.py $(if $(CHECK),--check)

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
