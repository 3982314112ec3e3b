"""Widgets that hold no part of the meeting themselves: typed time and date fields, the inputs of
the item form's panels. Forms (`clerk_app.ui.forms`) bind them to the meeting."""
