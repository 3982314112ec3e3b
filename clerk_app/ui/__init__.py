"""The desktop app: main window, forms, dialogs. The only layer that shows widgets."""
