"""The `clerk-app` command.

    clerk-app [MEETING]               the desktop app (no file: the last one, or a start page)
    clerk-app --smoke-test MEETING    open MEETING in the app, preview, export, check, exit
    clerk-app export MEETING -o OUT.docx|OUT.txt|OUT.pdf [--style NAME] [--include-exempt]
                                      [--publish-unmarked]
    clerk-app check MEETING [--style NAME] [--spelling | --fix]
    clerk-app new-meeting (--committee FILE | --from MEETING) --date YYYY-MM-DD -o OUT
    clerk-app actions FOLDER [-o OUT.docx|OUT.csv] [--include-exempt]
    clerk-app styles
    clerk-app check-style FOLDER

Bad input of any kind exits with status 2 and one line on stderr; an error in Clerk itself exits
with status 1 and one line (the traceback too with CLERK_DEBUG=1); `check` exits 1 when it finds
errors in the meeting (or a house-style rule broken, which `check --fix` puts right),
`check-style` when it finds errors in the style, `styles` when a style
folder cannot be loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from clerk_app import __version__, locations
from clerk_app.domain.fields import part_name
from clerk_app.domain.findings import Finding, Severity, check_meeting, numbering_findings
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting
from clerk_app.domain.numbering import MinuteNumbering
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder, find_style, style_catalogue
from clerk_app.services.export import (
    ExportError,
    UnmarkedExemptError,
    export_minutes,
)
from clerk_app.services.year import (
    folder_committee,
    prepare_from_committee,
    prepare_from_meeting,
)
from clerk_app.storage import (
    SUFFIX,
    MeetingFileError,
    load_meeting,
    next_meeting,
    previous_meeting,
    read_meeting,
    read_owner,
    save_meeting,
)
from clerk_app.storage.errors import FileChangedError
from clerk_app.storage.meeting_file import save_new_meeting

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERNAL = 1
PROG = "clerk-app"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Clerk: write the minutes of a council meeting and export them in house style. "
        f"'{PROG} [MEETING]' opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"Clerk {__version__}")
    commands = parser.add_subparsers(
        dest="command", parser_class=_Parser, metavar="COMMAND", required=True
    )

    export = commands.add_parser(
        "export",
        help="export a meeting's minutes (.docx, .txt or .pdf)",
        description="Export a meeting's minutes; the format follows OUT's suffix: .docx (Word), "
        ".txt (plain text) or .pdf (needs LibreOffice).",
    )
    export.add_argument("meeting", type=Path, metavar="MEETING", help="a .minutes file")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--style", metavar="NAME", help="house style (default: the meeting's own)")
    export.add_argument(
        "--include-exempt",
        action="store_true",
        help="a confidential copy that includes exempt items (default: the public copy)",
    )
    export.add_argument(
        "--publish-unmarked",
        action="store_true",
        help="publish items that look exempt but are not marked so (they follow the exclusion "
        "of the press and public, or give a reason for excluding it); without this a public "
        "copy of such a meeting is refused",
    )

    check = commands.add_parser(
        "check",
        help="list what needs the clerk's attention in a meeting",
        description="Print the meeting's validation findings; exit 1 if any is an error.",
    )
    check.add_argument("meeting", type=Path, metavar="MEETING", help="a .minutes file")
    check.add_argument("--style", metavar="NAME", help="house style (default: the meeting's own)")
    check.add_argument(
        "--spelling",
        action="store_true",
        help="check the spelling of the meeting's text instead (British English, with the "
        "meeting's and the committee's people, the folder's committee-words.txt and your "
        "personal dictionary); exit 1 if a word is misspelt, 2 if no dictionary can be loaded",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply the house style's fixes (style.toml's [house_rules]: times, dates, "
        "Councillor or Cllr, title case...) and save the meeting (atomically, keeping the "
        "previous version as MEETING.bak), then check it again",
    )

    new_meeting = commands.add_parser(
        "new-meeting",
        help="prepare a committee's next meeting",
        description="Prepare the committee's meeting on DATE as the app does: the membership as "
        "the expected attendance, the standing items, the first minute number run on under the "
        "committee's numbering, the previous minutes item naming the meeting before, and the "
        "open actions of earlier meetings under matters arising. The committee's year is the "
        "folder of FILE or MEETING.",
    )
    source = new_meeting.add_mutually_exclusive_group(required=True)
    source.add_argument("--committee", type=Path, metavar="FILE", help="a .committee file")
    source.add_argument(
        "--from",
        dest="from_meeting",
        type=Path,
        metavar="MEETING",
        help="the meeting before (its folder's committee file, or the meeting itself, says "
        "who the committee is)",
    )
    new_meeting.add_argument(
        "--date", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="the meeting's date"
    )
    new_meeting.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")

    actions = commands.add_parser(
        "actions",
        help="list or export the year's actions of a committee folder",
        description="Every follow-up action of the committee's meetings in FOLDER, merged from "
        "meeting to meeting: printed, or exported as an action log (.docx in the house style, "
        "or .csv for a spreadsheet).",
    )
    actions.add_argument("folder", type=Path, metavar="FOLDER")
    actions.add_argument("-o", "--output", type=Path, metavar="OUT")
    actions.add_argument(
        "--include-exempt",
        action="store_true",
        help="a confidential log that includes the actions of exempt items, each marked "
        "(default: left out)",
    )

    commands.add_parser(
        "styles",
        help="list the house styles",
        description="List the house styles: built-in ones and the user's own, from "
        f"{locations.user_styles_dir()}. A style folder that cannot be loaded is listed with "
        "its problem, and the exit status is then 1.",
    )
    from clerk_app import cli_import

    cli_import.add_parser(commands)

    check_style = commands.add_parser(
        "check-style",
        help="check a house style folder",
        description="Check a house style folder: style.toml, template syntax, names the "
        "templates use, Word styles, and rendering the sample meetings. Exits 1 on errors.",
    )
    check_style.add_argument("folder", type=Path, metavar="FOLDER")
    return parser


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD (such as 2025-09-23)"
        ) from None


def _style_of(name: str) -> HouseStyle:
    return find_style(name, locations.user_styles_dir()).style


def _style_for(meeting: Meeting, name: str | None) -> StyleFolder:
    return find_style(name or meeting.house_style, locations.user_styles_dir())


def _styles(args: argparse.Namespace) -> int:
    user_dir = locations.user_styles_dir()
    catalogue = style_catalogue(user_dir)
    for name, style in catalogue.styles.items():
        formats = [
            label
            for label, present in (
                ("Word", style.docx_template.is_file()),
                ("text", style.text_template.is_file()),
            )
            if present
        ]
        print(
            f"{name:<16} {style.style.display_name} ({style.origin}; {', '.join(formats)}): "
            f"{style.path}"
        )
    for name, problem in catalogue.broken.items():
        origin = "user" if (user_dir / name).exists() else "built-in"
        print(f"{name:<16} broken ({origin}): {problem}")
    return EXIT_FINDINGS if catalogue.broken else EXIT_OK


def _check_style(args: argparse.Namespace) -> int:
    from clerk_app.render.stylecheck import check_style_folder

    folder: Path = args.folder
    try:
        is_folder = folder.is_dir()
    except OSError as exc:  # Python 3.11 raises for a name too long or a folder it may not enter
        raise UsageError(f"{folder}: {exc.strerror or exc}") from None
    if not is_folder:
        raise UsageError(f"{folder}: not a folder")
    samples = [load_meeting(path) for path in sorted(locations.samples_dir().glob("*.minutes"))]
    problems = check_style_folder(folder, samples)
    for problem in problems:
        print(f"{folder.name}: {problem}")
    errors = sum(p.severity == "error" for p in problems)
    print(f"{folder.name}: {errors} error(s), {len(problems) - errors} warning(s)")
    return EXIT_FINDINGS if errors else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    meeting = load_meeting(args.meeting)
    out: Path = args.output
    try:
        same = out.exists() and out.resolve() == args.meeting.resolve()
    except (OSError, RuntimeError) as exc:  # a name too long; a symlink loop
        raise UsageError(f"{out}: {getattr(exc, 'strerror', None) or exc}") from None
    if same:
        raise UsageError(f"{out}: refusing to overwrite the meeting file with its minutes")
    style = _style_for(meeting, args.style)
    committee = folder_committee(args.meeting.parent, meeting)  # its quorum, for the note
    try:
        export_minutes(
            meeting,
            out,
            style,
            public=not args.include_exempt,
            allow_unmarked=args.publish_unmarked,
            quorum=committee.quorum if committee is not None else None,
        )
    except UnmarkedExemptError as exc:
        them, they = ("it", "it") if len(exc.unmarked) == 1 else ("them", "they")
        raise UsageError(
            f"{out}: not exported: {exc.problem}. Mark {them} exempt, or "
            f"export with --publish-unmarked if {they} may be published"
        ) from None
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    if args.spelling and args.fix:
        raise UsageError("--spelling and --fix cannot be used together")
    if args.spelling:
        return _check_spelling(args)
    meeting = load_meeting(args.meeting)
    style = _style_for(meeting, args.style)
    if args.fix:
        meeting = _fix(args.meeting, meeting, style.style)
    folder = args.meeting.parent
    previous = previous_meeting(folder, meeting, exclude=args.meeting)
    committee = folder_committee(folder, meeting)
    scheme = committee.numbering if committee is not None else None
    if previous is not None:
        under = " under the committee's numbering" if scheme is not None else ""
        print(f"{args.meeting.name}: minute numbers checked against {previous[0].name}{under}")
    findings = check_meeting(
        meeting, style.style, previous[1] if previous else None, scheme, committee
    )
    # and the meeting after it in the folder must run on from this one
    following = next_meeting(folder, meeting, exclude=args.meeting)
    if following is not None:
        print(f"{args.meeting.name}: and {following[0].name} checked against it")
        later = numbering_findings(
            following[1], meeting, _style_of(following[1].house_style), scheme
        )
        findings += [
            Finding(f.severity, f"{following[0].name}: {f.message}", f.path) for f in later
        ]
    for finding in findings:
        print(f"{args.meeting.name}: {finding}")
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    if not findings:
        print(f"{args.meeting.name}: no problems found")
    fixable = sum(f.fix is not None for f in findings)
    if findings:
        can_fix = f"; {fixable} can be fixed with --fix" if fixable else ""
        print(f"{args.meeting.name}: {errors} error(s), {warnings} warning(s){can_fix}")
    # a house rule broken is as definite as an error (the council's rule says what to write, and
    # --fix writes it); other warnings may be right as they stand
    return EXIT_FINDINGS if errors or fixable else EXIT_OK


def _fix(path: Path, meeting: Meeting, style: HouseStyle) -> Meeting:
    """The meeting with the house style's fixes applied and saved over its file (atomically,
    with a backup), unless another Clerk has the file open: its save would then either lose
    these fixes or be refused as changed on disk, so the file is left for that clerk to fix."""
    from clerk_app.domain.style_rules import fix_house_style
    from clerk_app.storage.owner import describe, is_stale, machine_name

    fixed, count = fix_house_style(meeting, style)
    if not count:
        print(f"{path.name}: nothing to fix in the house style")
        return meeting
    owner = read_owner(path)
    if owner is not None and not is_stale(owner, this_machine=machine_name()):
        raise UsageError(
            f"{path.name}: open in Clerk by {describe(owner)}; fix it there, or close it and "
            "run --fix again (nothing was written)"
        )
    _, version = read_meeting(path)
    try:
        saved = save_meeting(fixed, path, expected=version)
    except FileChangedError:
        raise UsageError(
            f"{path.name}: changed by someone else while it was being fixed (nothing was written)"
        ) from None
    kept = f"; the previous version is {saved.backup.name}" if saved.backup else ""
    if saved.backup_problem:
        kept = f"; {saved.backup_problem}"
    plural = "fix" if count == 1 else "fixes"
    print(f"{path.name}: {count} house-style {plural} applied and saved{kept}")
    return fixed


def _check_spelling(args: argparse.Namespace) -> int:
    from clerk_app.services import spelling

    meeting = load_meeting(args.meeting)
    style = _style_for(meeting, args.style)
    folder = args.meeting.parent
    speller = spelling.open_speller(
        personal=spelling.personal_dictionary(locations.user_data_dir()), folder=folder
    )
    if not speller.available:
        raise UsageError(f"{args.meeting.name}: spelling not checked. {speller.problem}")
    if speller.word_list_problem:
        print(f"{PROG}: warning: {speller.word_list_problem}", file=sys.stderr)
    known = spelling.meeting_words(meeting)
    committee = spelling.folder_committee(folder, meeting)
    if committee is not None:
        known |= spelling.committee_words(committee)
    speller.set_context_words(known)
    labels = MinuteNumbering(meeting, style.style).labels()
    numbers = {item.id: label for item, label in zip(meeting.items, labels, strict=True) if label}
    count = 0
    for found in spelling.meeting_misspellings(speller, meeting):
        count += 1
        where = part_name(meeting, found.field.part, numbers)
        word = found.word.text
        offered = speller.suggest(word, 2)
        maybe = f" (perhaps {' or '.join(offered)})" if offered else ""
        print(f'{args.meeting.name}: {where}, {found.field.label}: "{word}"{maybe}')
    if count:
        print(f"{args.meeting.name}: {count} misspelt word{'s' if count != 1 else ''}")
        return EXIT_FINDINGS
    print(f"{args.meeting.name}: no misspelt words found")
    return EXIT_OK


def _new_meeting(args: argparse.Namespace) -> int:
    out: Path = args.output
    if out.suffix.lower() != SUFFIX:
        raise UsageError(f"{out}: a meeting file's name ends in {SUFFIX}")
    try:
        exists = out.exists() or out.is_symlink()
    except OSError as exc:
        raise UsageError(f"{out}: {exc.strerror or exc}") from None
    if exists:
        raise UsageError(f"{out}: already exists; give another name (nothing was written)")
    if args.committee is not None:
        prepared = prepare_from_committee(args.committee, args.date, _style_of)
    else:
        prepared = prepare_from_meeting(args.from_meeting, args.date, _style_of)
    # never over a file, even one that appeared while the folder was read
    save_new_meeting(prepared.meeting, out, rename=False)
    meeting = prepared.meeting
    style = _style_of(meeting.house_style)
    after = f" after {prepared.previous.name}" if prepared.previous is not None else " (its first)"
    print(
        f"{out}: the meeting of {style.date(meeting.date)}{after}: first minute "
        f"{MinuteNumbering(meeting, style).format(meeting.first_minute_number)}, "
        f"{len(meeting.attendance)} expected, {len(meeting.items)} items, "
        f"{prepared.carried} open action(s) under matters arising"
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from clerk_app import cli_import

    try:
        return cli_import.run(args, print)
    except (cli_import.AgendaImportError, cli_import.ImportUsageError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _actions(args: argparse.Namespace) -> int:
    from clerk_app.services.year import export_action_log

    folder: Path = args.folder
    try:
        is_folder = folder.is_dir()
    except OSError as exc:
        raise UsageError(f"{folder}: {exc.strerror or exc}") from None
    if not is_folder:
        raise UsageError(f"{folder}: not a folder")
    export_action_log(
        folder,
        args.output,
        lambda name: find_style(name, locations.user_styles_dir()),
        dt.date.today(),
        print,
        include_exempt=args.include_exempt,
    )
    return EXIT_OK


COMMAND_HANDLERS = {
    "export": _export,
    "check": _check,
    "new-meeting": _new_meeting,
    "actions": _actions,
    "import": _import,
    "styles": _styles,
    "check-style": _check_style,
}
COMMANDS = tuple(COMMAND_HANDLERS)


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Open the desktop app. Commands: "
        + ", ".join(COMMANDS)
        + f" (see '{PROG} --help').",
    )
    parser.add_argument("meeting", type=Path, nargs="?", metavar="MEETING", help="a .minutes file")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open MEETING in the app, draw the preview, export Word and text, check, exit",
    )
    return parser


def _gui(args_list: list[str]) -> int:
    args = _gui_parser().parse_args(args_list)
    if args.smoke_test:
        if args.meeting is None:
            raise UsageError("--smoke-test needs a meeting file")
        from clerk_app.ui.app import smoke_test

        return smoke_test(args.meeting)
    from clerk_app.ui.app import run

    return run(args.meeting)


DEBUG_VARIABLE = "CLERK_DEBUG"


def _internal_error(exc: Exception) -> int:
    """A bug, not bad input: one line, status 1; the traceback only when asked for."""
    problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(exc, file=sys.stderr)
        print(f"{PROG}: internal error: {problem}", file=sys.stderr)
    else:
        print(
            f"{PROG}: internal error: {problem} (set {DEBUG_VARIABLE}=1 to see the details)",
            file=sys.stderr,
        )
    return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except MemoryError:  # the app's own, or one the commands' own handling did not reach
        print(f"{PROG}: error: Clerk ran out of memory", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # the safety net: never a bare traceback (Ctrl+C is not caught)
        return _internal_error(exc)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    wants_command = bool(args_list) and (
        args_list[0] in COMMANDS or args_list[0] in ("-h", "--help", "--version")
    )
    if not wants_command:
        try:
            return _gui(args_list)
        except UsageError as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
    parser = _parser()
    args = None
    try:
        args = parser.parse_args(args_list)
        return COMMAND_HANDLERS[args.command](args)
    except (UsageError, MeetingFileError, StyleError, RenderError, ExportError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        # bad input too (a meeting, or a house style, that makes something enormous), not a bug
        print(f"{PROG}: error: {_too_large(args)}: Clerk ran out of memory", file=sys.stderr)
        return EXIT_BAD_INPUT


def _too_large(args: argparse.Namespace | None) -> str:
    """What was too large to produce, when a command ran out of memory."""
    if args is None:
        return "what was asked for is too large"
    command = args.command
    if command == "export":
        return f"the minutes of {args.meeting.name} are too large to produce"
    if command == "check":
        return f"{args.meeting.name} is too large to check"
    if command == "new-meeting":
        return "the meeting prepared is too large"
    if command == "actions":
        return f"the action log of {args.folder.name} is too large to produce"
    if command == "import":
        return "what was imported is too large"
    if command == "check-style":
        return f"the sample minutes in the house style {args.folder.name} are too large to produce"
    return "what was asked for is too large"
