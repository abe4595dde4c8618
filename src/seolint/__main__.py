from seolint.cli import main

raise SystemExit(main())
