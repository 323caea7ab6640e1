#!/usr/bin/python3
"""Writes the core MIB table (dissector/mib/core_mib.tsv) from the compiled
MIB modules Debian ships with pysnmp (python3-pysnmp4: pysnmp/smi/mibs;
python3-pysnmp4-mibs: pysnmp_mibs). Run with Debian's python3:

    /usr/bin/python3 tools/gen-mib-table.py > dissector/mib/core_mib.tsv

(tools/gen-mib-table.sh does exactly that; ctest's mib_core_table_current
regenerates and compares.) The output depends only on the installed
modules: modules, symbols and rows are sorted.

One line per OID, tab separated (the format dissector/mib/table_parser.h
reads):

    oid  name  module  kind  base  tc  hint  fixed  enums  index

  kind   node | scalar | table | entry | column | notification
  base   the SMI base type of an object's SYNTAX (RFC 2578 section 7.1):
         int, octets, oid, bits, ipaddr, counter32, gauge32, timeticks,
         opaque, counter64, or - (no syntax)
  tc     the textual convention's name (RFC 2579), or -
  hint   its DISPLAY-HINT (RFC 2579 section 3.1), or -
  fixed  the size of a fixed-size OCTET STRING (SIZE (n)), else 0: an
         index of that syntax has no length arc (RFC 2578 section 7.7)
  enums  name=value,... (named numbers of INTEGER, bit names of BITS), or -
  index  an entry's INDEX objects as OIDs joined by commas, IMPLIED ones
         prefixed with "!" (AUGMENTS rows carry their base row's INDEX), or -

An OID defined by several modules keeps one definition: from a module
other than the SMIv1 compilations RFC1213-MIB and RFC1158-MIB when there
is one (SNMPv2-MIB and IF-MIB redefine their objects in SMIv2), else from
the first module by name.
"""

import os
import sys

from pysnmp.proto import rfc1902
from pysnmp.smi import builder

SOURCES = ["/usr/lib/python3/dist-packages/pysnmp/smi/mibs",
           "/usr/lib/python3/dist-packages/pysnmp_mibs"]
# pysnmp's own internal modules and ASN.1 helpers: no MIB objects of interest
# (PYSNMP-*) or no OIDs at all.
SKIP = {"ASN1", "ASN1-ENUMERATION", "ASN1-REFINEMENT"}
SMIV1_COMPILATIONS = {"RFC1213-MIB", "RFC1158-MIB"}

# pysnmp class name -> base type; the first match walking a syntax's MRO.
BASES = [
    ("Bits", "bits"), ("Counter64", "counter64"), ("Counter32", "counter32"),
    ("TimeTicks", "timeticks"), ("Gauge32", "gauge32"), ("Unsigned32", "gauge32"),
    ("IpAddress", "ipaddr"), ("Opaque", "opaque"), ("Integer32", "int"),
    ("Integer", "int"), ("ObjectIdentifier", "oid"), ("OctetString", "octets"),
]
KINDS = {"MibScalar": "scalar", "MibTable": "table", "MibTableRow": "entry",
         "MibTableColumn": "column", "NotificationType": "notification"}


def bits_subtype(self, *args, **kwargs):
    """Bits().subtype(namedValues=...), as the compiled modules write BITS
    with named bits: Debian's pyasn1 refuses the keyword in subtype(), so
    the named bits go through Bits.withNamedBits as Bits(namedValues=...)
    does, and the rest through OctetString.subtype."""
    named = kwargs.pop("namedValues", None)
    base = self if named is None else type(self).withNamedBits(**dict(named.items()))()
    return rfc1902.OctetString.subtype(base, *args, **kwargs)


def module_names():
    names = set()
    for source in SOURCES:
        for f in os.listdir(source):
            if f.endswith(".py") and not f.startswith("__"):
                names.add(f[:-3])
    return sorted(names - SKIP)


def base_of(syntax):
    mro = [c.__name__ for c in type(syntax).__mro__]
    for cls, base in BASES:
        if cls in mro:
            return base
    return "-"


def tc_of(syntax):
    mro = type(syntax).__mro__
    names = [c.__name__ for c in mro]
    if "TextualConvention" not in names:
        return "-"
    return names[0]


def fixed_size(syntax):
    # SIZE (n) appears as a ValueSizeConstraint(n, n) directly in the
    # intersection of the syntax's constraints.
    spec = getattr(syntax, "subtypeSpec", None)
    if spec is None:
        return 0
    sizes = [c for c in spec if type(c).__name__ == "ValueSizeConstraint"]
    for c in sizes:
        lo, hi = c._values
        if lo == hi:
            return lo
    return 0


def enums_of(syntax):
    named = getattr(syntax, "namedValues", None)
    if not named:
        return "-"
    items = sorted(named.items(), key=lambda kv: (kv[1], kv[0]))
    return ",".join("%s=%d" % (k, v) for k, v in items)


def clean(text):
    text = str(text)
    for bad in "\t\n\r":
        text = text.replace(bad, " ")
    return text or "-"


def main():
    rfc1902.Bits.subtype = bits_subtype
    b = builder.MibBuilder()
    b.setMibSources(*[builder.DirMibSource(s) for s in SOURCES])
    # Each module on its own: a few of python3-pysnmp4-mibs' modules do not
    # load with Debian's pyasn1 (BITS with named values, for one); they are
    # named on stderr and left out, and the rest still load.
    for module in module_names():
        try:
            b.loadModules(module)
        except Exception as e:  # pysnmp raises MibLoadError and others
            print("gen-mib-table: %s not loaded: %s" % (module, str(e).splitlines()[-1][-120:]),
                  file=sys.stderr)
    rows = {}
    for module in sorted(b.mibSymbols):
        for name in sorted(b.mibSymbols[module]):
            obj = b.mibSymbols[module][name]
            if not hasattr(obj, "getName") or isinstance(obj, type):
                continue
            oid = obj.getName()
            if not isinstance(oid, tuple) or not oid or not all(isinstance(a, int) for a in oid):
                continue
            kind = KINDS.get(type(obj).__name__, "node")
            base = tc = hint = enums = "-"
            fixed = 0
            syntax = obj.getSyntax() if kind in ("scalar", "column") else None
            if syntax is not None:
                base = base_of(syntax)
                tc = tc_of(syntax)
                hint = clean(getattr(syntax, "displayHint", "") or "-")
                fixed = fixed_size(syntax)
                enums = enums_of(syntax)
            index = "-"
            if kind == "entry":
                parts = []
                for implied, mod, sym in obj.getIndexNames():
                    target = b.mibSymbols[mod][sym].getName()
                    parts.append(("!" if implied else "") + ".".join(map(str, target)))
                index = ",".join(parts) or "-"
            label = obj.getLabel() if hasattr(obj, "getLabel") and obj.getLabel() else name
            row = (clean(label), module, kind, base, tc, hint, str(fixed), enums, index)
            old = rows.get(oid)
            if old is None or (old[1] in SMIV1_COMPILATIONS and module not in SMIV1_COMPILATIONS):
                rows[oid] = row
    out = sys.stdout
    for oid in sorted(rows):
        out.write(".".join(map(str, oid)) + "\t" + "\t".join(rows[oid]) + "\n")


if __name__ == "__main__":
    main()
