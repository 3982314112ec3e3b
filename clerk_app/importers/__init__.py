"""Agenda and membership from the council's own system: ModernGov sites (`moderngov`), the
Legistar Web API (`legistar`) and the clerk's agenda document (`agenda_docx`), read into plain
values (`agenda`) and mapped onto the domain (`build`). HTTP goes through `fetch` (timeouts,
the system proxy, verified HTTPS, capped answers, safe XML and JSON). May import the domain and
storage; never Qt."""
