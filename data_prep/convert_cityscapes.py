#!/usr/bin/env python
"""Cityscapes labelIds -> labelTrainIds (only needed when the download has no *_labelTrainIds.png).
Thin wrapper: the logic lives in omnisam.loaders (nbs/02a_loaders.ipynb). Run with --help for options."""
import sys
from omnisam.loaders import convert_cityscapes_main

if __name__ == '__main__': sys.exit(convert_cityscapes_main())
