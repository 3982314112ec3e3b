from pathlib import Path

import pytest

from clerk_app.domain.model import Meeting
from clerk_app.render.environment import make_environment, render_template, sentence
from clerk_app.render.errors import RenderError, StyleError
from clerk_app.render.styles import StyleFolder, available_styles, find_style, load_style_folder
from clerk_app.render.text import render_text


def style_with(tmp_path: Path, template: str, toml: str = 'display_name = "Test"\n') -> StyleFolder:
    folder = tmp_path / "test"
    folder.mkdir(exist_ok=True)
    (folder / "style.toml").write_text(toml, encoding="utf-8")
    (folder / "minutes.txt.j2").write_text(template, encoding="utf-8")
    return load_style_folder(folder)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ cycler.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('echo pwned').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ meeting.__class__ }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ items.__len__() }}",
    ],
)
def test_the_sandbox_refuses_python_internals(tmp_path: Path, sample: Meeting, attack: str) -> None:
    style = style_with(tmp_path, attack)
    with pytest.raises(RenderError) as info:
        render_text(sample, style)
    message = str(info.value)
    assert message.startswith("minutes.txt.j2: ")
    assert "pwned" not in message


def test_templates_cannot_change_the_context(tmp_path: Path) -> None:
    env = make_environment(tmp_path, autoescape=False)
    (tmp_path / "t").write_text("{{ names.append('x') }}{{ names }}", encoding="utf-8")
    names: list[str] = []
    with pytest.raises(RenderError, match="tried to reach something it may not"):
        render_template(env, "t", {"names": names})
    assert names == []


def test_unknown_name_is_an_error_not_blank(tmp_path: Path, sample: Meeting) -> None:
    style = style_with(tmp_path, "{{ meeting.chairman }}")
    with pytest.raises(RenderError, match=r"a name the minutes do not provide: .*chairman"):
        render_text(sample, style)


def test_syntax_error_names_the_line(tmp_path: Path, sample: Meeting) -> None:
    style = style_with(tmp_path, "line one\n{% for x in items %}\n{{ x.title }\n{% endfor %}")
    with pytest.raises(RenderError, match=r"minutes.txt.j2, line 3: unexpected '}'"):
        render_text(sample, style)


def test_template_runtime_error_is_reported(tmp_path: Path, sample: Meeting) -> None:
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        render_text(sample, style_with(tmp_path, "{{ 1 / 0 }}"))


def test_text_is_not_escaped_in_text_minutes(tmp_path: Path) -> None:
    env = make_environment(tmp_path, autoescape=False)
    (tmp_path / "t").write_text("{{ x }}", encoding="utf-8")
    assert render_template(env, "t", {"x": "Fees & <charges>"}) == "Fees & <charges>"


def test_sentence_filter() -> None:
    assert sentence("noted") == "noted."
    assert sentence("noted.") == "noted."
    assert sentence("why?") == "why?"
    assert sentence("") == ""


def test_styles_are_found_by_name(leicester: StyleFolder) -> None:
    assert leicester.builtin and leicester.style.resolution_word == "AGREED"
    assert "leicester" in available_styles()
    with pytest.raises(
        StyleError, match=r"there is no house style called 'nope' \(available: .*leicester"
    ):
        find_style("nope")


def test_user_style_takes_the_place_of_a_builtin(tmp_path: Path) -> None:
    mine = tmp_path / "leicester"
    mine.mkdir()
    (mine / "style.toml").write_text(
        'display_name = "Ours"\nresolution_word = "RESOLVED"\n', encoding="utf-8"
    )
    assert find_style("leicester", tmp_path).style.display_name == "Ours"
    assert not available_styles(tmp_path)["leicester"].builtin


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            'display_name = "x"\nresolution_word = \n',
            "style.toml: Invalid value (at line 2, column 19)",
        ),
        (
            'display_name = "x"\nminute_number_format = "{n}"',
            "style.toml: minute_number_format: '{n}' uses {n}",
        ),
        (
            'display_name = "x"\ncolour = "red"',
            "style.toml: colour: Extra inputs are not permitted",
        ),
        ("", "style.toml: display_name: Field required"),
    ],
)
def test_broken_style_toml_is_reported_with_the_field(
    tmp_path: Path, toml: str, message: str
) -> None:
    with pytest.raises(StyleError) as info:
        style_with(tmp_path, "", toml)
    assert message in str(info.value)
    assert str(tmp_path) in str(info.value)


def test_folder_without_style_toml(tmp_path: Path) -> None:
    with pytest.raises(StyleError, match="not a house style folder"):
        load_style_folder(tmp_path)


def test_views_expose_values_not_methods(
    tmp_path: Path, sample: Meeting, leicester: StyleFolder
) -> None:
    from clerk_app.render.context import build_context
    from clerk_app.render.environment import make_environment

    env = make_environment(tmp_path, autoescape=False)
    (tmp_path / "t").write_text("{{ minutes.meeting.body }}", encoding="utf-8")
    (tmp_path / "m").write_text("{{ minutes.as_dict() }}", encoding="utf-8")
    context: dict[str, object] = {"minutes": build_context(sample, leicester.style)}
    assert render_template(env, "t", context) == sample.body
    with pytest.raises(RenderError, match="tried to reach something it may not"):
        render_template(env, "m", context)


def test_compiled_templates_are_reused_and_a_damaged_cache_is_ignored(
    tmp_path: Path, sample: Meeting
) -> None:
    from clerk_app.render.environment import make_environment

    cache = tmp_path / "cache"
    env = make_environment(tmp_path, autoescape=True, code_cache=cache)
    source = "{{ meeting.authority }} & {{ items | length }}"
    context = {"meeting": {"authority": "Fees & <Charges>"}, "items": [1, 2]}
    first = env.from_string(source)
    assert env.from_string(source) is first  # compiled once per process
    (code_file,) = cache.glob("*.code")
    fresh = make_environment(tmp_path, autoescape=True, code_cache=cache)
    assert fresh.from_string(source).render(context) == "Fees &amp; &lt;Charges&gt; & 2"
    code_file.write_bytes(b"not bytecode")
    damaged = make_environment(tmp_path, autoescape=True, code_cache=cache)
    assert damaged.from_string(source).render(context) == "Fees &amp; &lt;Charges&gt; & 2"
    plain = make_environment(tmp_path, autoescape=False, code_cache=cache)
    assert plain.from_string(source).render(context) == "Fees & <Charges> & 2"


@pytest.mark.parametrize("where", ["file", "file/cache"])
def test_an_unusable_cache_folder_never_breaks_rendering(
    tmp_path: Path, sample: Meeting, where: str
) -> None:
    """A full, read-only or non-folder app-data folder: the cache is skipped, the minutes come."""
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    style = style_with(tmp_path, "{{ meeting.body }}")
    env = make_environment(style.path, autoescape=False, code_cache=tmp_path / where)
    assert render_template(env, "minutes.txt.j2", {"meeting": {"body": "Finance"}}) == "Finance"
    assert env.from_string("{{ 1 + 1 }}").render() == "2"


def test_a_cache_that_cannot_be_written_never_breaks_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC and friends while the bytecode is stored or read back are ignored."""
    import errno

    from jinja2 import FileSystemBytecodeCache

    style = style_with(tmp_path, "{{ x }}")
    env = make_environment(style.path, autoescape=False, code_cache=tmp_path / "cache")
    cache = env.bytecode_cache
    assert cache is not None

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", full)
    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", full)
    assert render_template(env, "minutes.txt.j2", {"x": "ok"}) == "ok"


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{% for i in range(10**7) %}x{% endfor %}", "OverflowError: Range too big"),
        ('{{ "%d" % "x" }}', "TypeError: %d format"),
        ("{{ 10.0 ** 400 }}", "OverflowError"),
        ('{% include "minutes.txt.j2" %}', "nest too deeply"),
        ('{% include "header.j2" %}', "includes 'header.j2', which does not exist"),
        ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "nest too deeply"),
    ],
)
def test_text_template_runtime_errors_are_render_errors(
    tmp_path: Path, sample: Meeting, template: str, problem: str
) -> None:
    with pytest.raises(RenderError) as info:
        render_text(sample, style_with(tmp_path, template))
    assert str(info.value).startswith("minutes.txt.j2: ")
    assert problem in str(info.value)


@pytest.mark.parametrize("depth", [100, 2000])
def test_lists_nested_past_any_sense_are_a_render_error(
    sample: Meeting, leicester: StyleFolder, depth: int
) -> None:
    """A meeting built in code skips the load-time cap: rendering still fails in one line."""
    from clerk_app.domain.model import BulletList, Item, ListEntry
    from clerk_app.render.docx import render_docx

    block = BulletList(entries=(ListEntry(text="deepest"),))
    for _ in range(depth):
        block = BulletList(entries=(ListEntry(text="level", blocks=(block,)),))
    item = Item.model_construct(**{**dict(sample.items[0]), "blocks": (block,)})
    deep = sample.model_copy(update={"items": (item, *sample.items[1:])})
    renders = (render_text, render_docx) if depth > 1000 else (render_text,)  # Word: flat rows
    for render in renders:
        with pytest.raises(RenderError, match="nest too deeply"):
            render(deep, leicester)


def test_a_style_toml_nested_too_deeply_is_a_style_error(tmp_path: Path) -> None:
    with pytest.raises(StyleError, match=r"style\.toml: .*nest"):
        style_with(tmp_path, "", 'display_name = "x"\nx = ' + "[" * 2000 + "]" * 2000 + "\n")


def broken_user_style(user_dir: Path, name: str = "zz") -> Path:
    folder = user_dir / name
    folder.mkdir(parents=True)
    (folder / "style.toml").write_text("display_name = \n", encoding="utf-8")
    return folder


def test_a_broken_user_style_is_skipped_and_reported(tmp_path: Path) -> None:
    from clerk_app.render.styles import style_catalogue

    broken_user_style(tmp_path)
    mine = tmp_path / "ours"
    mine.mkdir()
    (mine / "style.toml").write_text('display_name = "Ours"\n', encoding="utf-8")
    assert {"leicester", "parish", "ours"} <= set(available_styles(tmp_path))
    assert "zz" not in available_styles(tmp_path)
    catalogue = style_catalogue(tmp_path)
    assert list(catalogue.broken) == ["zz"]
    assert "style.toml: Invalid value" in str(catalogue.broken["zz"])
    assert find_style("ours", tmp_path).style.display_name == "Ours"


def test_a_typo_is_reported_as_a_typo_beside_a_broken_style(tmp_path: Path) -> None:
    broken_user_style(tmp_path)
    with pytest.raises(StyleError) as info:
        find_style("leicestr", tmp_path)
    message = str(info.value)
    assert message.startswith("there is no house style called 'leicestr' (available: ")
    assert "leicester" in message and "parish" in message
    assert "; broken: zz)" in message
    with pytest.raises(StyleError, match=r"style\.toml: Invalid value"):
        find_style("zz", tmp_path)  # asked for by name: its own problem


# --- a user's style named like a built-in one ------------------------------------------------


def _leicester_of_our_own(user_styles: Path) -> Path:
    mine = user_styles / "leicester"
    mine.mkdir(parents=True)
    (mine / "style.toml").write_text('display_name = "Ours"\n', encoding="utf-8")
    (mine / "minutes.txt.j2").write_text("{{ meeting.body }}\n", encoding="utf-8")
    return mine


def test_a_user_style_that_replaces_a_builtin_one_says_so(tmp_path: Path) -> None:
    from clerk_app.render.styles import style_catalogue

    _leicester_of_our_own(tmp_path)
    catalogue = style_catalogue(tmp_path)
    ours = catalogue.styles["leicester"]
    assert ours.replaces_builtin and not ours.builtin
    assert ours.origin == "user; replaces the built-in style of that name"
    assert catalogue.replaced["leicester"].builtin
    assert not catalogue.styles["parish"].replaces_builtin
    assert catalogue.styles["parish"].origin == "built-in"
    assert find_style("leicester", tmp_path).replaces_builtin


def test_clerk_app_styles_lists_a_user_style_replacing_a_builtin_one(
    user_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clerk_app import cli, locations

    _leicester_of_our_own(locations.user_styles_dir())
    (locations.user_styles_dir() / "ours").mkdir()
    (locations.user_styles_dir() / "ours" / "style.toml").write_text(
        'display_name = "Only ours"\n', encoding="utf-8"
    )
    assert cli.main(["styles"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "Ours (user; replaces the built-in style of that name; text)" in lines["leicester"]
    assert "Only ours (user; )" in lines["ours"]
    assert "replaces" not in lines["ours"] and "replaces" not in lines["parish"]
    assert "(built-in; Word, text)" in lines["parish"]


# --- includes stay inside the style folder ---------------------------------------------------


def test_an_include_through_a_link_out_of_the_style_folder_is_refused(
    tmp_path: Path, sample: Meeting
) -> None:
    secret = tmp_path / "elsewhere" / "letters.txt"
    secret.parent.mkdir()
    secret.write_text("TOP SECRET: the chief executive's letter\n", encoding="utf-8")
    style = style_with(tmp_path, '{% include "notes.txt" %}{% include "passwd.txt" %}')
    (style.path / "notes.txt").symlink_to(secret)
    (style.path / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(RenderError) as info:
        render_text(sample, style)
    message = str(info.value)
    assert message == (
        "minutes.txt.j2: the template tried to reach something it may not: "
        "'notes.txt' is a link to a file outside the style folder"
    )
    assert "SECRET" not in message and "root:" not in message


def test_a_link_to_a_folder_outside_is_refused_and_etc_passwd_never_shows(
    tmp_path: Path, sample: Meeting
) -> None:
    style = style_with(tmp_path, '{% include "etc/passwd" %}')
    (style.path / "etc").symlink_to("/etc", target_is_directory=True)
    with pytest.raises(RenderError, match="'etc/passwd' is a link to a file outside"):
        render_text(sample, style)


def test_links_that_stay_inside_the_style_folder_are_fine(tmp_path: Path) -> None:
    style = style_with(tmp_path, '{% include "common.j2" %}|{% include "parts/shared.j2" %}')
    (style.path / "parts").mkdir()
    (style.path / "parts" / "real.j2").write_text("{{ x }}", encoding="utf-8")
    (style.path / "parts" / "shared.j2").symlink_to("real.j2")
    (style.path / "common.j2").symlink_to(style.path / "parts" / "real.j2")
    env = make_environment(style.path, autoescape=False)
    assert render_template(env, "minutes.txt.j2", {"x": "in"}) == "in|in"


def test_the_style_folder_itself_may_be_reached_through_a_link(tmp_path: Path) -> None:
    """Only where a template really is counts: a style folder that is itself a link (a council's
    shared drive mapped in) works."""
    real = style_with(tmp_path, '{% include "part.j2" %}')
    (real.path / "part.j2").write_text("{{ x }}", encoding="utf-8")
    linked = tmp_path / "linked"
    linked.symlink_to(real.path, target_is_directory=True)
    env = make_environment(linked, autoescape=False)
    assert render_template(env, "minutes.txt.j2", {"x": "yes"}) == "yes"
