"""Services: photos, csv, report, backup, demo; may use QtGui, never widgets."""
