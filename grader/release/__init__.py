"""release: the student bundle (skeletons, public checks and their reference data, datasets)."""
