from mes_terminal.cli import main

raise SystemExit(main())
