#!/usr/bin/env python
"""Decode Stanford2D3D semantic PNGs once into cached 8- or 13-class label PNGs.
Thin wrapper: the logic lives in omnisam.loaders (nbs/02a_loaders.ipynb). Run with --help for options."""
import sys
from omnisam.loaders import cache_stanford_main

if __name__ == '__main__': sys.exit(cache_stanford_main())
