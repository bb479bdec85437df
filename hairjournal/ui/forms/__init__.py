"""One form per kind of record, all built on ``ui.record_form.RecordForm``."""
