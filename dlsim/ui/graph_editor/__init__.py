"""The node-graph editor: a scene mirroring the document's graph spec, its items and view."""
