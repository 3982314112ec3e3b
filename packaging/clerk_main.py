"""Entry point of the frozen build: the same `clerk-app` command line as the installed package."""

from clerk_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
