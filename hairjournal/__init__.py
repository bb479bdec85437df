"""Hair Journal: a private journal for hair-loss treatment."""

__version__ = "0.1.0"
APP_NAME = "Hair Journal"
