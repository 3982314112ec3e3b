"""`clerk-app --smoke-test`, as packaging runs it on the frozen build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from clerk_app import locations

REPO = Path(__file__).resolve().parent.parent.parent


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


def test_smoke_test_passes_on_both_samples(tmp_path: Path) -> None:
    for sample in sorted(locations.samples_dir().glob("*.minutes")):
        result = run("--smoke-test", str(sample), data=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"smoke test passed: {sample.name}")
        assert result.stderr == ""


def test_smoke_test_fails_loudly(tmp_path: Path) -> None:
    """A meeting it cannot open is bad input: one line, exit 2, as everywhere on the command
    line; 1 is for a smoke test that ran and found something wrong."""
    result = run("--smoke-test", str(tmp_path / "missing.minutes"), data=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("smoke test failed: ")
    assert result.stderr.strip().endswith(
        "missing.minutes: cannot be read: the file or its folder does not exist"
    )


def with_style(tmp_path: Path, style: str) -> Path:
    data = json.loads(locations.sample_meeting().read_text(encoding="utf-8"))
    data["house_style"] = style
    path = tmp_path / f"{style}.minutes"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_smoke_test_with_a_user_style(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(locations.templates_dir() / "leicester", data / "styles" / "ours")
    result = run("--smoke-test", str(with_style(tmp_path, "ours")), data=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke test passed: ours.minutes")


def test_smoke_test_with_an_unknown_style(tmp_path: Path) -> None:
    result = run("--smoke-test", str(with_style(tmp_path, "gothic")), data=tmp_path / "data")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "smoke test failed: there is no house style called 'gothic' (available: "
    )
    available = result.stderr.split("(available: ", 1)[1].split(")", 1)[0].split(", ")
    assert {"leicester", "parish", "uscity"} <= set(available)
    assert available == sorted(available)


def test_the_app_warns_about_a_broken_style_and_keeps_the_others(user_data: Path) -> None:
    from clerk_app.ui.app import load_styles
    from clerk_app.ui.messages import RecordedMessages

    shutil.copytree(locations.templates_dir() / "leicester", user_data / "styles" / "ours")
    broken = user_data / "styles" / "zz"
    broken.mkdir()
    (broken / "style.toml").write_text("display_name = \n", encoding="utf-8")
    messages = RecordedMessages()
    styles = load_styles(messages)
    assert {"leicester", "parish", "ours"} <= set(styles) and "zz" not in styles
    ((kind, title, text),) = messages.shown
    assert (kind, title) == ("warning", "A house style could not be loaded")
    assert f"{broken / 'style.toml'}: Invalid value" in text


def test_the_app_gives_the_gui_thread_its_turn_often(tmp_path: Path) -> None:
    """Once the window is up, worker threads (layouts, exports, recovery copies) hand the
    interpreter back every millisecond, not every five, so that the window does not stutter
    while they run. The real app, in a process of its own."""
    code = (
        "import sys\n"
        "from clerk_app.ui.app import run\n"
        "def started(window):\n"
        "    print('INTERVAL', sys.getswitchinterval(), flush=True)\n"
        "    window.close()\n"
        "raise SystemExit(run(None, on_started=started))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLERK_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert "INTERVAL 0.001" in done.stdout, done.stderr
