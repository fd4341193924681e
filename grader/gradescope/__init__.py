"""The Gradescope autograder: a zip with the grader, the stored reference and two scripts.

``build`` writes the zip on the instructor's machine (solutions/ present); ``autograde`` runs inside
Gradescope's container for each submission, with no solutions/, and writes results.json.
"""
