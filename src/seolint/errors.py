"""Errors that end a run with exit code 2. Deep code raises; only the CLI prints and exits."""


class UsageError(Exception):
    """Bad option, bad configuration, unknown rule code, missing path: exit 2, one sentence."""


class ConfigError(UsageError):
    """The configuration file or a rule pack is invalid; the message names the file and key."""
