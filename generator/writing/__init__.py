"""Stage 6, writing: put rendered packages on disk atomically, with their manifests."""
