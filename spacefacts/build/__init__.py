"""Build `data/*.toml` from the raw public sources in `shared/data-sources/`.

The build is deterministic: the same sources give the same bytes. Each builder module
(`gcat`, `hsf`, `events`) turns one family of sources into plain record dicts and
notes every record it dropped, merged or could not match in a shared `Report`.
"""
