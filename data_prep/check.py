#!/usr/bin/env python
"""Check a dataset on disk: counts per split and every missing, unreadable or mismatched file.
Exit status 0 good, 1 broken (or warnings with --strict), 2 bad arguments or unusable root (see data_prep/README.md).
Thin wrapper: the logic lives in omnisam.check (nbs/02b_check.ipynb). Run with --help for options."""
import sys
from omnisam.check import check_main

if __name__ == '__main__': sys.exit(check_main())
