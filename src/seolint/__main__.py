import os
import sys

# `python -m seolint` puts the current folder first on sys.path. That folder is usually the
# repository being linted: it must not be able to shadow a module seolint imports later, nor
# register a plugin by shipping a *.dist-info. Plugins come from the environment only.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from seolint.cli import main

raise SystemExit(main())
