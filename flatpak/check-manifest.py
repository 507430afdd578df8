#!/usr/bin/env python3
# Checks the Flatpak manifest without building it (the GNOME runtime cannot
# be downloaded everywhere the tests run).
#
#   check-manifest.py sources   SOURCE_ROOT APP_ID
#       every module source is pinned (archives and files with a sha256,
#       git with a commit), the id, command and finish-args are what the
#       desktop file, the D-Bus service and flatpak/README.md promise, and
#       every library the meson build asks for is either in the runtime or
#       built by a module of the manifest.
#
#   check-manifest.py builder   SOURCE_ROOT APP_ID
#       flatpak-builder --show-manifest parses the manifest with every
#       warning fatal (G_DEBUG=fatal-warnings): an unknown or misspelt
#       property fails. flatpak-builder must be installed: without it the
#       check fails and says how to install it.
#
# Exits 0 when the manifest passes, 1 otherwise.

import json
import os
import re
import shutil
import subprocess
import sys

# pkg-config names the GNOME runtime provides (org.gnome.Platform, on top
# of org.freedesktop.Platform): see flatpak/README.md, "What the runtime
# has". zlib is what libxlsxwriter's fallback link adds.
RUNTIME_PROVIDES = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0",
    "sqlite3", "json-glib-1.0", "icu-uc", "icu-i18n",
    "gtk4", "libadwaita-1", "cairo-pdf", "pangocairo",
    "libsoup-3.0", "libsecret-1", "zlib",
    # Only read for the directory of systemd units; optional.
    "systemd",
}

# pkg-config name -> the module of the manifest that builds it.
MODULE_PROVIDES = {
    "libsodium": "libsodium",
    "xlsxwriter": "libxlsxwriter",
}

REQUIRED_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--share=network"}
ALLOWED_ARGS = REQUIRED_ARGS | {"--device=dri"}
HEX64 = re.compile(r"^[0-9a-f]{64}$")


def fail(problems, message):
    problems.append(message)


def load_manifest(root, app_id):
    path = os.path.join(root, "flatpak", app_id + ".json")
    with open(path, encoding="utf-8") as f:
        return path, json.load(f)


def check_sources(module, problems):
    name = module.get("name", "?")
    sources = module.get("sources", [])
    if not sources:
        fail(problems, f"module {name} has no sources")
    for source in sources:
        kind = source.get("type")
        if kind in ("archive", "file"):
            if "url" not in source and "path" not in source:
                fail(problems, f"module {name}: a {kind} source without url or path")
            if "url" in source and not source["url"].startswith("https://"):
                fail(problems, f"module {name}: {source['url']} is not https")
            if not HEX64.match(source.get("sha256", "")):
                fail(problems, f"module {name}: {source.get('url', source.get('path'))} has no sha256")
        elif kind == "git":
            if not re.match(r"^[0-9a-f]{40}$", source.get("commit", "")):
                fail(problems, f"module {name}: the git source is not pinned to a commit")
        elif kind == "dir":
            if name != "sunlight":
                fail(problems, f"module {name}: only Sunlight itself is built from the working tree")
        else:
            fail(problems, f"module {name}: source type {kind} is not checked here")


def meson_dependencies(root):
    """pkg-config names from dependency('…') calls of the installed code."""
    names = set()
    files = [os.path.join(root, "meson.build")]
    for top, _dirs, entries in os.walk(os.path.join(root, "src")):
        files += [os.path.join(top, e) for e in entries if e == "meson.build"]
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        names.update(re.findall(r"dependency\(\s*'([^']+)'", text))
    return names


def desktop_exec(root, app_id):
    path = os.path.join(root, "data", app_id + ".desktop.in")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Exec="):
                return line[len("Exec="):].split()[0]
    return None


def check_static(root, app_id):
    problems = []
    path, manifest = load_manifest(root, app_id)

    if manifest.get("id", manifest.get("app-id")) != app_id:
        fail(problems, f"the manifest's id is not {app_id}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail(problems, "the runtime is not org.gnome.Platform with org.gnome.Sdk")
    version = manifest.get("runtime-version", "")
    if not re.match(r"^[0-9]+$", version):
        fail(problems, f"runtime-version {version!r} is not a stable GNOME branch")
    readme = open(os.path.join(root, "flatpak", "README.md"), encoding="utf-8").read()
    if f"org.gnome.Platform//{version}" not in readme:
        fail(problems, f"flatpak/README.md does not say how to install org.gnome.Platform//{version}")

    command = manifest.get("command")
    exec_name = desktop_exec(root, app_id)
    if command != exec_name:
        fail(problems, f"the manifest runs {command}, the desktop file {exec_name}")
    if "--command=sunlight-server" not in readme:
        fail(problems, "flatpak/README.md does not say how to run sunlight-server")

    args = set(manifest.get("finish-args", []))
    for arg in sorted(REQUIRED_ARGS - args):
        fail(problems, f"finish-args lacks {arg}")
    for arg in sorted(args - ALLOWED_ARGS):
        fail(problems, f"finish-args has {arg}, which is not needed (files go through portals)")

    modules = manifest.get("modules", [])
    names = [m.get("name") for m in modules if isinstance(m, dict)]
    if not names or names[-1] != "sunlight":
        fail(problems, "the last module must be Sunlight itself")
    for module in modules:
        if not isinstance(module, dict):
            fail(problems, f"module {module} is not inline: its sources are not checked")
            continue
        check_sources(module, problems)

    for dep in sorted(meson_dependencies(root)):
        if dep in RUNTIME_PROVIDES:
            continue
        module = MODULE_PROVIDES.get(dep)
        if module is None:
            fail(problems, f"meson asks for {dep}: add a module for it to the manifest, "
                           f"or to RUNTIME_PROVIDES in {os.path.basename(__file__)} if the runtime has it")
        elif module not in names:
            fail(problems, f"meson asks for {dep}, but the manifest has no module {module}")
    for name in names[:-1]:
        if name not in MODULE_PROVIDES.values():
            fail(problems, f"module {name} builds nothing the meson build asks for")

    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if not problems:
        print(f"{os.path.relpath(path, root)}: {len(modules)} modules, every source pinned")
    return 1 if problems else 0


def check_builder(root, app_id):
    builder = shutil.which("flatpak-builder")
    if builder is None:
        print("FAIL: flatpak-builder is not installed, so the Flatpak manifest cannot be checked.\n"
              "Install it (Debian: apt install flatpak-builder; build-aux/dev test installs it).",
              file=sys.stderr)
        return 1
    path, manifest = load_manifest(root, app_id)
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    result = subprocess.run([builder, "--show-manifest", path], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        print(f"FAIL: flatpak-builder --show-manifest exited with {result.returncode}", file=sys.stderr)
        return 1
    shown = json.loads(result.stdout)
    if shown.get("id", shown.get("app-id")) != app_id or len(shown.get("modules", [])) != len(manifest["modules"]):
        print("FAIL: flatpak-builder read a different manifest", file=sys.stderr)
        return 1
    print(f"flatpak-builder reads {os.path.basename(path)}: {len(shown['modules'])} modules, "
          f"runtime {shown['runtime']}//{shown['runtime-version']}")
    return 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("sources", "builder"):
        print(f"usage: {sys.argv[0]} sources|builder SOURCE_ROOT APP_ID", file=sys.stderr)
        return 2
    mode, root, app_id = sys.argv[1:]
    return check_static(root, app_id) if mode == "sources" else check_builder(root, app_id)


if __name__ == "__main__":
    sys.exit(main())
