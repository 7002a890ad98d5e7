"""Actor knowledge base data files; see manifest.json and marsad.actors.kb."""
