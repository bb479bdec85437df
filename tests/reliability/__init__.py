"""Crash, fault and hostile-input tests, and the figures the README publishes from them."""
