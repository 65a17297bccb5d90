"""dlsim — a desktop deep-learning simulator for learners."""

__version__ = "0.1.0"
