"""Windows, views, item models and dialogs: the only layer that imports QtWidgets."""
