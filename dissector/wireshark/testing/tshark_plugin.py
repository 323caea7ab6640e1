"""tshark with the snmpdissect plugin loaded, for the plugin's tests.

Wireshark 4.0 ignores WIRESHARK_PLUGIN_DIR and the personal plugin folder
when it runs with special privileges, and it counts root as such
(wsutil/privileges.c started_with_special_privs): as root only the global
folder is read. So that tests never install into the system, a test run as
root runs tshark as "nobody" (setpriv), with WIRESHARK_PLUGIN_DIR naming
the build tree's plugins/ folder (the plugin is in plugins/4.0/epan/).
"nobody" keeps one capability, CAP_DAC_READ_SEARCH (ambient, so it passes
to tshark through exec): a checkout in a private folder (mktemp -d makes
them 0700, as CI's clean clone may be) stays readable without loosening
its permissions, and Wireshark, which checks user and group IDs only,
still counts the run as unprivileged.

    with PluginTshark(plugin_dir, users_file=...) as tshark:
        result = tshark.run(["-r", pcap, "-T", "fields", "-e", "snmpdissect.name"])
"""

import os
import shutil
import subprocess
import tempfile


class PluginTshark:
    def __init__(self, plugin_dir, personal_users=None, tshark="tshark"):
        self.plugin_dir = os.path.abspath(plugin_dir)
        self.personal_users = personal_users
        self.tshark = tshark
        self.config = None
        self.extcap = None

    def __enter__(self):
        # The personal configuration folder: $XDG_CONFIG_HOME/wireshark.
        self.config = tempfile.mkdtemp(prefix="snmpdissect-plugin-")
        os.chmod(self.config, 0o755)
        folder = os.path.join(self.config, "wireshark")
        os.makedirs(folder)
        os.chmod(folder, 0o755)
        # An empty extcap folder: tshark -G plugins (and interface lists)
        # would otherwise run every extcap helper (androiddump, sshdump, ...),
        # and with a sanitizer build's LD_PRELOAD inherited, androiddump
        # never returns. The plugin has nothing to do with extcap.
        self.extcap = os.path.join(self.config, "extcap")
        os.makedirs(self.extcap)
        os.chmod(self.extcap, 0o755)
        if self.personal_users:
            target = os.path.join(folder, "snmp_users")
            shutil.copy(self.personal_users, target)
            os.chmod(target, 0o644)
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.config, ignore_errors=True)

    def command(self, args):
        prefix = []
        if os.geteuid() == 0:
            prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                      "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
        env = ["env", "-i", f"PATH={os.environ.get('PATH', '/usr/bin:/bin')}",
               f"HOME={self.config}", f"XDG_CONFIG_HOME={self.config}", "TZ=UTC",
               f"WIRESHARK_PLUGIN_DIR={self.plugin_dir}", f"WIRESHARK_EXTCAP_DIR={self.extcap}"]
        # A sanitizer build's tests preload the runtimes into tshark alone
        # (not into python or the tool): SNMPDISSECT_TSHARK_PRELOAD.
        if os.environ.get("SNMPDISSECT_TSHARK_PRELOAD"):
            env.append(f"LD_PRELOAD={os.environ['SNMPDISSECT_TSHARK_PRELOAD']}")
        for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if name in os.environ:
                env.append(f"{name}={os.environ[name]}")
        return prefix + env + [self.tshark] + list(args)

    def run(self, args, check=True):
        result = subprocess.run(self.command(args), capture_output=True, text=True,
                                errors="replace")
        if check and result.returncode not in (0, 2):
            raise RuntimeError(f"tshark {' '.join(args)} failed ({result.returncode}): "
                               f"{result.stderr.strip()}")
        return result


SEVERITIES = ("comment", "chat", "note", "warning", "error")


def plugin_fields(tshark):
    """The plugin's fields as tshark lists them, without the bytes twins
    (NAME.raw) and the experts, which epan lists as fields too: an expert
    is registered at each severity, NAME and NAME.<severity> (names.h)."""
    out = tshark.run(["-G", "fields"]).stdout
    names = []
    for line in out.splitlines():
        cols = line.split("\t")
        if cols[0] == "F" and cols[2].startswith("snmpdissect."):
            names.append(cols[2])
    present = set(names)
    experts = {n for n in names if any(f"{n}.{s}" in present for s in SEVERITIES)}
    experts |= {f"{n}.{s}" for n in experts for s in SEVERITIES}
    return [n for n in names if not n.endswith(".raw") and n not in experts]


def tool_name(plugin_field):
    """snmpdissect.X -> snmp.X (the plugin's documented prefix change)."""
    return "snmp" + plugin_field[len("snmpdissect"):]
