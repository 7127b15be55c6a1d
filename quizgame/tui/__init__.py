"""The Textual game. Only this package imports Textual; `quizgame.tui.view` holds its pure logic."""
