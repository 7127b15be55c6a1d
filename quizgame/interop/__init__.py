"""Moving banks to and from Moodle (GIFT and Moodle XML) without losing what quizgame adds.

Importers turn a foreign file into plain question dicts in the bank format (ready to write as YAML),
plus one note, with its source line, for everything they could not carry over: a teacher must be
able to see what was left behind. Exporters do the reverse from a checked bank.

Evidence has no place in either format, so it travels in each question's general feedback, after
the explanation, one line per quote: `Evidence (p4): "the words"`. Moodle shows that to students
after they answer (which is what quizgame does too), and the importer reads it back.
"""
