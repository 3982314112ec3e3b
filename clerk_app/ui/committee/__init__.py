"""The committee window's pages: one widget per page, each over the open `CommitteeDocument`."""
