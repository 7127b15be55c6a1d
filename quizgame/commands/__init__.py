"""One module per CLI command; each exposes `add_parser(subparsers)` and `run(args) -> int`.

Keep top-level imports to the standard library: every module here is imported to build `--help`.
"""
