"""`python -m quizgame` is the same as the `quizgame` console script."""

from quizgame.cli import main

raise SystemExit(main())
