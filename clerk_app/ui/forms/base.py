"""The names forms have long imported from here, now in the modules by concern:

- `clerk_app.ui.forms.binding`: the binding framework (`Form`, `FormContext`, `Binding`,
  `PathFunction`, `add_row`);
- `clerk_app.ui.widgets.value_fields`: the typed time and date fields (`ValueField`,
  `TimeField`, `DateField`).

New code imports from those modules; this one only keeps older imports working.
"""

from __future__ import annotations

from clerk_app.ui.forms.binding import Binding, Form, FormContext, PathFunction, add_row
from clerk_app.ui.widgets.value_fields import DateField, TimeField, ValueField

__all__ = [
    "Binding",
    "DateField",
    "Form",
    "FormContext",
    "PathFunction",
    "TimeField",
    "ValueField",
    "add_row",
]
