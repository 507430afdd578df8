#!/usr/bin/env python3
# Checks of the desktop integration, beyond what desktop-file-validate and
# appstreamcli check on each file alone.
#
#   check-desktop.py agree SOURCE_ROOT BUILD_DATA_DIR APP_ID VERSION
#       the D-Bus service, the desktop entry, the MIME type and the
#       AppStream metainfo (as built) name the same application, binary,
#       icon and MIME type; the service starts the binary the desktop file
#       runs, as a GApplication service; the first release is VERSION; the
#       screenshots are the committed PNGs, at their size.
#   check-desktop.py icons SOURCE_ROOT APP_ID
#       the scalable and the symbolic icon render (gtk4-encode-symbolic-svg,
#       as GTK does, and rsvg-convert when installed) to images of the right
#       size that are neither empty nor a filled square.
#   check-desktop.py strict METAINFO
#       appstreamcli validate --no-net --strict, where the only finding
#       allowed is AppStream before 1.0 not knowing <developer>.
#   check-desktop.py dbus SOURCE_ROOT BUILD_DIR APP_ID
#       the real app, started by a private D-Bus daemon from its service
#       file: org.freedesktop.Application.Activate opens a window, Open
#       opens workspaces, app.quit ends it. Needs a display.
#
# Exits 0 when everything holds, 1 otherwise (77: skipped, no display).

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zlib

RAW = "https://raw.githubusercontent.com/sunlightapp/sunlight/main/data/screenshots/"
BINARIES = {"sunlight", "sunlight-cli", "sunlight-server"}
problems = []


def fail(message):
    problems.append(message)
    print(f"FAIL: {message}", file=sys.stderr)


def read_ini(path, section):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser[section]) if parser.has_section(section) else {}


def png_info(path, decode=True):
    """(width, height, RGBA rows as bytes) of an 8-bit non-interlaced PNG;
    without @decode, only its size."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, colour, _c, _f, interlace = header
    channels = {6: 4, 2: 3, 4: 2, 0: 1}.get(colour)
    if not decode or depth != 8 or channels is None or interlace:
        return width, height, None
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, cur = line[0], bytearray(line[1:])
        for x in range(stride):
            a = cur[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                cur[x] = (cur[x] + a) & 255
            elif kind == 2:
                cur[x] = (cur[x] + b) & 255
            elif kind == 3:
                cur[x] = (cur[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(cur))
        prev = cur
    return width, height, (rows, channels)


# --- agree -------------------------------------------------------------------

def check_agree(root, data_dir, app_id, version):
    desktop_path = os.path.join(data_dir, app_id + ".desktop")
    service_path = os.path.join(data_dir, app_id + ".service")
    desktop = read_ini(desktop_path, "Desktop Entry")
    service = read_ini(service_path, "D-BUS Service")

    # D-Bus activation: the desktop file's name is the bus name.
    if desktop.get("DBusActivatable") != "true":
        fail("the desktop file is not DBusActivatable=true")
    if service.get("Name") != app_id:
        fail(f"the service file names {service.get('Name')}, not {app_id}")
    exec_words = desktop.get("Exec", "").split()
    service_words = service.get("Exec", "").split()
    if not exec_words or not service_words:
        fail("the desktop file or the service file has no Exec line")
    else:
        if os.path.basename(service_words[0]) != exec_words[0]:
            fail(f"the service starts {service_words[0]}, the desktop file runs {exec_words[0]}")
        if not os.path.isabs(service_words[0]):
            fail(f"the service's Exec {service_words[0]} is not an absolute path")
        if service_words[1:] != ["--gapplication-service"]:
            fail("the service does not start the app with --gapplication-service")
        if exec_words[0] not in BINARIES:
            fail(f"the desktop file runs {exec_words[0]}, which the build does not install")
        if not any(w in ("%U", "%u", "%F", "%f") for w in exec_words[1:]):
            fail("the desktop file's Exec passes no files (%U)")
    app_source = open(os.path.join(root, "src", "app", "sl-application.c"), encoding="utf-8").read()
    if "G_APPLICATION_HANDLES_OPEN" not in app_source:
        fail("SlApplication does not handle opening files (G_APPLICATION_HANDLES_OPEN)")

    if desktop.get("Icon") != app_id:
        fail(f"the desktop file's icon is {desktop.get('Icon')}, not {app_id}")
    for kind, name in (("scalable", app_id + ".svg"), ("symbolic", app_id + "-symbolic.svg")):
        if not os.path.isfile(os.path.join(root, "data", "icons", "hicolor", kind, "apps", name)):
            fail(f"there is no {kind} icon {name}")
    for key in ("Categories", "Keywords", "MimeType"):
        if not desktop.get(key, "").endswith(";") or len(desktop[key]) < 2:
            fail(f"the desktop file's {key} is missing or does not end with ;")

    mime = ET.parse(os.path.join(data_dir, "sunlight.xml")).getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime_types = {m.get("type") for m in mime.iter(ns + "mime-type")}
    desktop_types = set(filter(None, desktop.get("MimeType", "").split(";")))
    if not desktop_types or not desktop_types <= mime_types:
        fail(f"the desktop file opens {sorted(desktop_types)}, data/sunlight.xml defines {sorted(mime_types)}")

    check_metainfo(root, os.path.join(data_dir, app_id + ".metainfo.xml"), app_id, version, mime_types)


def check_metainfo(root, path, app_id, version, mime_types):
    component = ET.parse(path).getroot()
    if component.findtext("id") != app_id:
        fail(f"the metainfo's id is not {app_id}")
    launchable = component.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != app_id + ".desktop":
        fail("the metainfo does not launch the desktop file")
    provides = component.find("provides")
    binaries = {b.text for b in provides.iter("binary")} if provides is not None else set()
    if binaries != BINARIES:
        fail(f"the metainfo provides {sorted(binaries)}, the build installs {sorted(BINARIES)}")
    media = {m.text for m in provides.iter("mediatype")} if provides is not None else set()
    if not media or not media <= mime_types:
        fail(f"the metainfo's media types {sorted(media)} are not those of data/sunlight.xml")
    release = component.find("releases/release")
    if release is None or release.get("version") != version:
        fail(f"the newest release of the metainfo is not {version}, the project's version")
    elif not re.match(r"^\d{4}-\d{2}-\d{2}$", release.get("date", "")):
        fail("the newest release has no date")
    colours = {c.get("scheme_preference") for c in component.iter("color")}
    if colours != {"light", "dark"}:
        fail("the branding has no colour for the light and for the dark scheme")
    if component.find("content_rating") is None:
        fail("the metainfo has no content rating")

    shots_dir = os.path.join(root, "data", "screenshots")
    used = set()
    for image in component.iter("image"):
        url = image.text or ""
        if not url.startswith(RAW):
            fail(f"screenshot {url} is not one of the repository's data/screenshots/")
            continue
        name = url[len(RAW):]
        used.add(name)
        png = os.path.join(shots_dir, name)
        if not os.path.isfile(png):
            fail(f"screenshot {name} is not in data/screenshots/")
            continue
        width, height, _ = png_info(png, decode=False)
        if (str(width), str(height)) != (image.get("width"), image.get("height")):
            fail(f"screenshot {name} is {width}×{height}, the metainfo says "
                 f"{image.get('width')}×{image.get('height')}")
    committed = {f for f in os.listdir(shots_dir) if f.endswith(".png")} if os.path.isdir(shots_dir) else set()
    for name in sorted(committed - used):
        fail(f"data/screenshots/{name} is not used by the metainfo")
    if not used:
        fail("the metainfo has no screenshots")


# --- icons -------------------------------------------------------------------

def coverage(path):
    width, height, pixels = png_info(path)
    if pixels is None:
        return width, height, None
    rows, channels = pixels
    alpha = channels - 1
    opaque = sum(1 for row in rows for x in range(alpha, len(row), channels) if row[x] > 32)
    return width, height, opaque / (width * height)


def render_checks(label, png, size):
    width, height, share = coverage(png)
    if (width, height) != (size, size):
        fail(f"{label} rendered at {width}×{height}, not {size}×{size}")
    elif share is None:
        fail(f"{label}: the rendered PNG is not 8-bit RGBA")
    elif not 0.05 <= share <= 0.95:
        fail(f"{label} rendered {share:.0%} opaque: empty, or a filled square")
    else:
        print(f"{label}: {width}×{height}, {share:.0%} of it drawn")


def check_icons(root, app_id):
    encoder = shutil.which("gtk4-encode-symbolic-svg")
    if encoder is None:
        fail("gtk4-encode-symbolic-svg is not installed (Debian: libgtk-4-bin)")
        return
    icons = os.path.join(root, "data", "icons", "hicolor")
    with tempfile.TemporaryDirectory() as tmp:
        for kind, name, size in (("symbolic", app_id + "-symbolic.svg", 16),
                                 ("scalable", app_id + ".svg", 128)):
            svg = os.path.join(icons, kind, "apps", name)
            out = os.path.join(tmp, kind)
            os.mkdir(out)
            result = subprocess.run([encoder, "-o", out, svg, f"{size}x{size}"],
                                    capture_output=True, text=True)
            pngs = [f for f in os.listdir(out) if f.endswith(".png")]
            if result.returncode != 0 or len(pngs) != 1:
                fail(f"gtk4-encode-symbolic-svg cannot render {name}: {result.stderr.strip()}")
                continue
            render_checks(f"{name} (GTK)", os.path.join(out, pngs[0]), size)
        rsvg = shutil.which("rsvg-convert")
        if rsvg is not None:
            svg = os.path.join(icons, "scalable", "apps", app_id + ".svg")
            png = os.path.join(tmp, "scalable-rsvg.png")
            if subprocess.run([rsvg, "-w", "128", "-h", "128", "-o", png, svg]).returncode != 0:
                fail(f"rsvg-convert cannot render {app_id}.svg")
            else:
                render_checks(f"{app_id}.svg (rsvg)", png, 128)


# --- strict ------------------------------------------------------------------

def check_strict(metainfo):
    tool = shutil.which("appstreamcli")
    if tool is None:
        fail("appstreamcli is not installed (Debian: appstream)")
        return
    version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"(\d+)\.(\d+)", version)
    old = match is not None and int(match.group(1)) < 1
    result = subprocess.run([tool, "validate", "--no-net", "--strict", metainfo],
                            capture_output=True, text=True)
    findings = [l for l in result.stdout.splitlines() if re.match(r"^[EWIP]: ", l)]
    allowed = [l for l in findings if old and re.search(r": unknown-tag developer$", l)]
    for line in findings:
        if line not in allowed:
            fail(f"appstreamcli --strict: {line}")
    if result.returncode != 0 and len(findings) == len(allowed) and not allowed:
        fail(f"appstreamcli validate --strict failed:\n{result.stdout}{result.stderr}")
    if not problems:
        note = " (AppStream before 1.0 does not know <developer>)" if allowed else ""
        print(f"appstreamcli validate --no-net --strict: nothing else found{note}")


# --- dbus --------------------------------------------------------------------

def gdbus(address, *args, check=True):
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address)
    result = subprocess.run(["gdbus", *args], env=env, capture_output=True, text=True, timeout=30)
    if check and result.returncode != 0:
        raise RuntimeError(f"gdbus {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def windows(address, app_id, path):
    out = gdbus(address, "introspect", "--session", "--dest", app_id, "--object-path", path + "/window",
                check=False)
    return sorted(re.findall(r"node (\d+)", out))


def wait_for(what, predicate, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    fail(f"after {seconds} s: {what}")
    return False


def check_dbus(root, build, app_id):
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("SKIP: no display (run the UI tests under xvfb-run)")
        sys.exit(77)
    for tool in ("dbus-daemon", "gdbus"):
        if shutil.which(tool) is None:
            fail(f"{tool} is not installed")
            return
    path = "/" + app_id.replace(".", "/")
    with tempfile.TemporaryDirectory() as tmp:
        services = os.path.join(tmp, "services")
        os.mkdir(services)
        # The service file as installed, but for the binary of this build.
        installed = read_ini(os.path.join(build, "data", app_id + ".service"), "D-BUS Service")
        binary = os.path.join(build, "src", "app", os.path.basename(installed["Exec"].split()[0]))
        with open(os.path.join(services, app_id + ".service"), "w") as f:
            f.write(f"[D-BUS Service]\nName={installed['Name']}\n"
                    f"Exec={binary} {' '.join(installed['Exec'].split()[1:])}\n")
        config = os.path.join(tmp, "session.conf")
        with open(config, "w") as f:
            f.write(f"""<busconfig><type>session</type><listen>unix:tmpdir={tmp}</listen>
<servicedir>{services}</servicedir>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
<allow receive_sender="*"/><allow own="*"/></policy></busconfig>""")
        files = []
        for name in ("a", "b"):
            files.append(os.path.join(tmp, name + ".sunlight"))
            subprocess.run([os.path.join(build, "src", "cli", "sunlight-cli"), "new", "--name", name.upper(),
                            "--currency", "USD", files[-1]],
                           check=True, capture_output=True)
        # The app the daemon starts inherits its environment (the tests').
        daemon = subprocess.Popen(["dbus-daemon", "--nofork", "--print-address=1", f"--config-file={config}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            address = daemon.stdout.readline().strip()
            run_dbus_flow(address, app_id, path, files)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            fail(str(error))
        finally:
            daemon.terminate()
            daemon.wait(timeout=10)


def run_dbus_flow(address, app_id, path, files):
    platform = "{}"
    # Activate: the bus starts the app from the service file; a window opens.
    gdbus(address, "call", "--session", "--dest", app_id, "--object-path", path,
          "--method", "org.freedesktop.Application.Activate", platform)
    if not wait_for("Activate opened no window", lambda: len(windows(address, app_id, path)) == 1):
        return
    # Open: the first workspace goes into that empty window, the second
    # into a new one.
    for n, file in enumerate(files):
        gdbus(address, "call", "--session", "--dest", app_id, "--object-path", path,
              "--method", "org.freedesktop.Application.Open", f"['file://{file}']", platform)
        time.sleep(1)
        if not wait_for(f"after opening {n + 1} workspace(s), not {n + 1} window(s)",
                        lambda: len(windows(address, app_id, path)) == n + 1):
            return
    gdbus(address, "call", "--session", "--dest", app_id, "--object-path", path,
          "--method", "org.gtk.Actions.Activate", "quit", "[]", platform)
    owned = lambda: "true" in gdbus(address, "call", "--session", "--dest", "org.freedesktop.DBus",
                                    "--object-path", "/org/freedesktop/DBus", "--method",
                                    "org.freedesktop.DBus.NameHasOwner", app_id)
    if wait_for("app.quit did not end the app", lambda: not owned()):
        print("D-Bus activation: Activate opened a window, Open two workspaces, app.quit ended it")


def main():
    mode, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if mode == "agree" and len(args) == 4:
        check_agree(*args)
    elif mode == "icons" and len(args) == 2:
        check_icons(*args)
    elif mode == "strict" and len(args) == 1:
        check_strict(*args)
    elif mode == "dbus" and len(args) == 3:
        check_dbus(*args)
    else:
        print(f"usage: {sys.argv[0]} agree ROOT DATA APP_ID VERSION | icons ROOT APP_ID | "
              "strict METAINFO | dbus ROOT BUILD APP_ID", file=sys.stderr)
        return 2
    if not problems and mode == "agree":
        print("the desktop file, D-Bus service, MIME type and metainfo agree")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
