"""Geometry and tables behind the plots: computed here so the GUI only draws (no maths in ui)."""
