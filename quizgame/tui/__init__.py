"""The Textual game. Only this package imports Textual; `quizgame.play.presenter` holds its pure logic."""
