"""The Charts view's pyqtgraph charts: shedding, density and quality, and what both draw."""
