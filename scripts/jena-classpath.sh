#!/bin/sh
# Print a working classpath for Debian's Jena 4.5 jars (with the Xerces bundle fix), e.g.
#   java -cp "$(scripts/jena-classpath.sh)" tdb2.tdbloader --loc db out/zgc.ttl
#   java -cp "$(scripts/jena-classpath.sh)" riotcmd.riot --validate out/zgc.ttl
# Set ZGC_JENA_JARS to use jars from another folder than /usr/share/java.
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
PYTHONPATH="$here/src${PYTHONPATH:+:$PYTHONPATH}" exec "${PYTHON:-python3}" -m zgc_graph.interop.jena
