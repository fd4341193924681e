"""sandbox: run the student's code in worker processes that return observations only."""
